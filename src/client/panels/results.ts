/** Kết quả: the ranking; a unit opens the rows that gave and took its points. */
import { clientText } from '../../i18n/client';
import type { Context, Panel } from '../context';
import { h, setChildren } from '../dom';
import { formatDateTime, formatGap, formatNumber, formatPercent } from '../format';
import type { ExplainRow, Results, UnitResult } from '../types';
import { errorBox, loadingBox, messageBox, section } from '../ui';

const R = clientText.results;
/** Rows shown per list: the ones that matter most come first. */
const GAVE_LIMIT = 8;
const TOOK_LIMIT = 12;

export function createResultsPanel(ctx: Context): Panel {
  const el = h('div', { class: 'panel-body' });
  const detail = h('div', { class: 'explain', 'aria-live': 'polite' });
  const feedback = h('div', { 'aria-live': 'polite' });
  let openUnit = '';

  async function select(row: ExplainRow): Promise<void> {
    try {
      await ctx.call('selectCell', row.sheet, row.a1);
      setChildren(feedback, messageBox('ok', clientText.problems.selected(row.sheet, row.a1)));
    } catch (err) {
      setChildren(feedback, errorBox(err));
    }
  }

  function explainList(title: string, rows: ExplainRow[], total: number, took: boolean): HTMLElement {
    return h(
      'div',
      { class: 'explain-block' },
      h('h4', null, title),
      rows.length === 0
        ? h('p', { class: 'muted' }, R.noRows)
        : h('ul', { class: 'explain-rows' }, ...rows.map((r) => {
          const pts = r.violated ? R.violated : R.points(formatNumber(r.points), formatNumber(r.maxPoints));
          const content = h('span', { class: 'content' }, r.content, took && r.lost > 0 ? h('span', { class: 'lost' }, ` ${R.lost(formatNumber(r.lost))}`) : null);
          const inner = [h('span', { class: 'code' }, r.code), content, h('span', { class: r.violated ? 'pts err-text' : 'pts' }, pts)];
          return h('li', null, r.a1
            ? h('button', { type: 'button', class: 'row-link', title: R.goToRow(r.sheet, r.a1), on: { click: () => void select(r) } }, ...inner)
            : h('div', { class: 'row-link' }, ...inner));
        })),
      total > rows.length ? h('p', { class: 'muted small' }, R.more(total - rows.length)) : null,
    );
  }

  async function explain(row: UnitResult, button: HTMLButtonElement): Promise<void> {
    openUnit = row.unitId;
    el.querySelectorAll('button.unit-link[aria-expanded="true"]').forEach((b) => b.setAttribute('aria-expanded', 'false'));
    button.setAttribute('aria-expanded', 'true');
    feedback.replaceChildren();
    setChildren(detail, loadingBox());
    try {
      const data = await ctx.call('explainUnit', row.unitId);
      if (openUnit !== row.unitId) return;
      const byCode = new Map(data.rows.map((r) => [r.code, r] as const));
      const pick = (codes: string[]) => codes.map((c) => byCode.get(c)).filter((r): r is ExplainRow => r !== undefined);
      const gave = pick(data.gave);
      const took = pick(data.took);
      setChildren(
        detail,
        h('div', { class: 'card explain-card' },
          h('div', { class: 'panel-head' },
            h('h3', null, R.explainHeading(row.name)),
            h('button', { type: 'button', class: 'btn link', 'aria-label': R.closeExplain, on: { click: () => {
              openUnit = '';
              button.setAttribute('aria-expanded', 'false');
              detail.replaceChildren();
            } } }, '×')),
          h('p', { class: 'muted small' }, R.explainTotal(formatNumber(data.total), formatNumber(data.maxTotal), formatPercent(data.percent), data.phase ? R.phase[data.phase] : '')),
          row.ineligibleReasons.length > 0 ? h('p', { class: 'err-text' }, R.ineligible(row.ineligibleReasons.join('; '))) : null,
          explainList(R.gave, gave.slice(0, GAVE_LIMIT), gave.length, false),
          explainList(R.took, took.slice(0, TOOK_LIMIT), took.length, true),
          feedback),
      );
      detail.scrollIntoView?.({ block: 'nearest' });
    } catch (err) {
      setChildren(detail, errorBox(err, () => void explain(row, button)));
    }
  }

  function titleText(u: UnitResult): HTMLElement {
    if (!u.proposedTitle) return h('span', { class: 'muted' }, R.noTitle);
    return h('span', { class: 'title-yes' }, u.proposedTitle.status === 'awaitingBallot' ? R.awaitingBallot(u.proposedTitle.name) : u.proposedTitle.name);
  }

  function table(data: Results): HTMLElement {
    const C = R.cols;
    const head = h('tr', null,
      h('th', { scope: 'col', title: R.colsTitle.rank, class: 'num' }, C.rank),
      h('th', { scope: 'col' }, C.unit),
      h('th', { scope: 'col', title: R.colsTitle.self, class: 'num' }, C.self),
      h('th', { scope: 'col', title: R.colsTitle.final, class: 'num' }, C.final),
      h('th', { scope: 'col', title: R.colsTitle.gap, class: 'num' }, C.gap));
    const body = data.units.flatMap((u) => {
      const link = h('button', { type: 'button', class: 'unit-link', 'aria-expanded': 'false', title: R.openUnit(u.name), 'data-unit': u.unitId }, u.name);
      link.addEventListener('click', () => void explain(u, link));
      const gapClass = u.gap !== null && u.gap > 0 ? 'num gap-pos' : 'num';
      const main = h('tr', { class: u.eligible ? 'main' : 'main ineligible' },
        h('td', { class: 'num rank' }, String(u.rank)),
        h('th', { scope: 'row', class: 'unit-cell' }, link),
        h('td', { class: 'num' }, formatNumber(u.self)),
        h('td', { class: 'num strong', title: u.standingPhase ? R.phase[u.standingPhase] : '' }, formatNumber(u.total)),
        h('td', { class: gapClass }, formatGap(u.gap)));
      const phase = u.standingPhase && u.standingPhase !== 'final' ? ` (${R.phase[u.standingPhase]})` : '';
      // Self, cross-check and agreed side by side, the source of the score that counts, and a provisional rank said so.
      const scores = h('tr', { class: 'scores' },
        h('td', null),
        h('td', { colspan: 4 },
          R.scores(formatNumber(u.self), formatNumber(u.crossCheck), formatNumber(u.final), u.standingPhase ? R.phase[u.standingPhase] ?? '' : ''),
          u.complete ? null
            : h('span', { class: 'warn-text' }, ` · ${u.proceedReason !== undefined ? R.proceeded(u.proceedReason) : R.provisional(u.incompleteReasons.join('; '))}`)));
      const sub = h('tr', { class: 'sub' },
        h('td', null),
        h('td', { colspan: 4 },
          h('span', { class: 'classification' }, u.classification || clientText.common.dash),
          ` · ${formatPercent(u.percent)}${phase} · `,
          titleText(u),
          u.eligible ? null : h('span', { class: 'err-text' }, ` · ${R.notEligible}`)));
      return [main, scores, sub];
    });
    return h('table', { class: 'ranking' },
      h('caption', { class: 'sr-only' }, R.heading),
      h('thead', null, head),
      h('tbody', null, ...body));
  }

  function ballots(data: Results): HTMLElement | null {
    if (data.ballots.length === 0) return null;
    return section(R.ballots, ...data.ballots.map((b) => h('div', { class: 'ballot' },
      h('h4', null, b.titleName),
      h('p', { class: 'muted small' }, R.ballotCounts(b.issued, b.returned, b.valid, formatPercent(b.thresholdPercent, 2))),
      h('ul', { class: 'plain small' }, ...b.candidates.map((c) =>
        h('li', null, `${c.name}: ${R.votes(c.votes, formatPercent(c.percent, 2))} · `,
          h('span', { class: c.passed ? 'ok-text' : 'err-text' }, c.passed ? R.passed : R.notPassed)))))));
  }

  async function load(): Promise<void> {
    setChildren(el, loadingBox());
    try {
      const headRow = h('div', { class: 'panel-head' },
        h('h2', null, R.heading),
        h('button', { type: 'button', class: 'btn link', on: { click: () => void load() } }, clientText.common.refresh));
      if (ctx.status()?.setUp === false) {
        setChildren(el, headRow, messageBox('info', clientText.common.notSetUp));
        return;
      }
      const data = await ctx.call('getResults');
      detail.replaceChildren();
      openUnit = '';
      if (data.units.length === 0) {
        setChildren(el, headRow, messageBox('info', R.notComputed));
        return;
      }
      setChildren(el,
        headRow,
        h('p', { class: 'muted small' }, R.computedAt(formatDateTime(data.computedAt))),
        data.problems.errors > 0 ? messageBox('warn', R.incomplete(data.problems.errors)) : null,
        h('div', { class: 'table-wrap' }, table(data)),
        detail,
        ballots(data));
    } catch (err) {
      setChildren(el, errorBox(err, () => void load()));
    }
  }

  return { id: 'results', el, load };
}
