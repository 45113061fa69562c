/** Tình hình: per unit, how much is filled, errors, submitted or not, last edit. */
import { clientText } from '../../i18n/client';
import type { StatusDto, UnitStatusDto } from '../contract';
import type { Context, Panel } from '../context';
import { h, setChildren } from '../dom';
import { clampPercent, formatPercent, relativeTime } from '../format';
import { errorBox, loadingBox, messageBox } from '../ui';
import { statusSummary } from '../view';

const S = clientText.status;

function unitItem(u: UnitStatusDto, mine: boolean, now: number): HTMLElement {
  const percent = clampPercent(u.filledPercent);
  const pText = formatPercent(percent, 0);
  const fill = h('span', { class: 'bar-fill' });
  fill.style.width = `${percent}%`;
  const bar = h('div', {
    class: 'bar',
    role: 'progressbar',
    'aria-valuemin': 0,
    'aria-valuemax': 100,
    'aria-valuenow': Math.round(percent),
    'aria-label': S.filledLabel(u.name, pText),
  }, fill);
  const returned = !u.submitted && u.returnedReason ? u.returnedReason : '';
  const badge = u.submitted
    ? h('span', { class: 'badge ok' }, S.submitted)
    : returned
      ? h('span', { class: 'badge warn' }, S.returnedShort)
      : h('span', { class: 'badge muted' }, S.notSubmitted);
  const errors = Number.isFinite(u.errorCount) ? u.errorCount : 0;
  const edit = u.lastEdit?.at ? S.lastEdit(relativeTime(u.lastEdit.at, now), u.lastEdit.by ?? null) : S.noEdit;
  return h(
    'li',
    { class: mine ? 'unit mine' : 'unit', 'data-unit': u.unitId },
    h('div', { class: 'unit-head' }, h('span', { class: 'unit-name' }, u.name), mine ? h('span', { class: 'tag' }, S.yours) : null, badge),
    bar,
    h(
      'p',
      { class: 'unit-meta' },
      S.filled(pText),
      ' · ',
      h('span', { class: errors > 0 ? 'err-text' : 'ok-text' }, S.errors(errors)),
      u.warningCount ? ` · ${S.warnings(u.warningCount)}` : '',
    ),
    h('p', { class: 'unit-meta muted' }, edit),
    returned ? h('p', { class: 'unit-returned' }, S.returned(returned)) : null,
  );
}

export function createStatusPanel(ctx: Context): Panel {
  const el = h('div', { class: 'panel-body' });

  function render(status: StatusDto): void {
    if (!status.setUp) {
      setChildren(
        el,
        messageBox('info', clientText.common.notSetUp, undefined,
          h('button', { type: 'button', class: 'btn primary small', on: { click: () => ctx.show('actions') } }, clientText.common.goToActions)),
      );
      return;
    }
    const sum = statusSummary(status);
    const now = ctx.now();
    setChildren(
      el,
      h('div', { class: 'panel-head' },
        h('h2', null, S.heading),
        h('button', { type: 'button', class: 'btn link', on: { click: () => void load() } }, clientText.common.refresh)),
      h('p', { class: 'summary' }, S.summary(sum.submitted, sum.total, sum.errors)),
      status.units.length === 0
        ? h('p', { class: 'muted' }, S.noUnits)
        : h('ul', { class: 'units' }, ...status.units.map((u) => unitItem(u, u.unitId === status.user.unitId, now))),
    );
  }

  async function load(): Promise<void> {
    if (!ctx.status()) setChildren(el, loadingBox());
    try {
      await ctx.refreshStatus(); // renders through onStatus
    } catch (err) {
      setChildren(el, errorBox(err, () => void load()));
    }
  }

  return { id: 'status', el, load, onStatus: render };
}
