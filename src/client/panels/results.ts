/** Kết quả: the ranking; a unit opens the rows that gave and took its points. */
import { clientText } from '../../i18n/client';
import type { ExplainDto, ExplainRowDto, ResultRowDto, ResultsDto } from '../contract';
import type { Context, Panel } from '../context';
import { h, setChildren } from '../dom';
import { formatDateTime, formatGap, formatNumber } from '../format';
import { errorBox, loadingBox, messageBox } from '../ui';

const R = clientText.results;

function explainList(title: string, rows: ExplainRowDto[]): HTMLElement {
  return h(
    'div',
    { class: 'explain-block' },
    h('h4', null, title),
    rows.length === 0
      ? h('p', { class: 'muted' }, R.noRows)
      : h('ul', { class: 'explain-rows' }, ...rows.map((r) =>
        h('li', null,
          h('span', { class: 'code' }, r.code),
          h('span', { class: 'content' }, r.content),
          h('span', { class: 'pts' }, R.points(formatNumber(r.points), formatNumber(r.maxPoints)))))),
  );
}

export function createResultsPanel(ctx: Context): Panel {
  const el = h('div', { class: 'panel-body' });
  const detail = h('div', { class: 'explain', 'aria-live': 'polite' });
  let openUnit = '';

  async function explain(row: ResultRowDto, button: HTMLButtonElement): Promise<void> {
    openUnit = row.unitId;
    el.querySelectorAll('button.unit-link[aria-expanded="true"]').forEach((b) => b.setAttribute('aria-expanded', 'false'));
    button.setAttribute('aria-expanded', 'true');
    setChildren(detail, loadingBox());
    try {
      const data: ExplainDto = await ctx.call('explainUnit', row.unitId);
      if (openUnit !== row.unitId) return;
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
          row.ineligibleReasons && row.ineligibleReasons.length > 0 ? h('p', { class: 'err-text' }, R.ineligible(row.ineligibleReasons.join('; '))) : null,
          explainList(R.gave, data.gave),
          explainList(R.took, data.took)),
      );
      detail.scrollIntoView?.({ block: 'nearest' });
    } catch (err) {
      setChildren(detail, errorBox(err, () => void explain(row, button)));
    }
  }

  function table(data: ResultsDto): HTMLElement {
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
      const main = h('tr', { class: u.eligible === false ? 'main ineligible' : 'main' },
        h('td', { class: 'num rank' }, String(u.rank)),
        h('th', { scope: 'row', class: 'unit-cell' }, link),
        h('td', { class: 'num' }, formatNumber(u.selfTotal)),
        h('td', { class: 'num strong' }, formatNumber(u.finalTotal)),
        h('td', { class: gapClass }, formatGap(u.gap)));
      const sub = h('tr', { class: 'sub' },
        h('td', null),
        h('td', { colspan: 4 },
          h('span', { class: 'classification' }, u.classification || clientText.common.dash),
          ' · ',
          h('span', { class: u.proposedTitle ? 'title-yes' : 'muted' }, u.proposedTitle ? u.proposedTitle : R.noTitle)));
      return [main, sub];
    });
    return h('table', { class: 'ranking' },
      h('caption', { class: 'sr-only' }, R.heading),
      h('thead', null, head),
      h('tbody', null, ...body));
  }

  async function load(): Promise<void> {
    setChildren(el, loadingBox());
    try {
      const data = await ctx.call('getResults');
      const headRow = h('div', { class: 'panel-head' },
        h('h2', null, R.heading),
        h('button', { type: 'button', class: 'btn link', on: { click: () => void load() } }, clientText.common.refresh));
      if (!data || !data.units || data.units.length === 0) {
        setChildren(el, headRow, messageBox('info', R.notComputed));
        return;
      }
      detail.replaceChildren();
      openUnit = '';
      setChildren(el,
        headRow,
        data.computedAt ? h('p', { class: 'muted small' }, R.computedAt(formatDateTime(data.computedAt))) : null,
        h('div', { class: 'table-wrap' }, table(data)),
        detail);
    } catch (err) {
      setChildren(el, errorBox(err, () => void load()));
    }
  }

  return { id: 'results', el, load };
}
