/** Tình hình: per unit, how much is filled, errors, submitted or not, last edit. */
import { clientText } from '../../i18n/client';
import type { Context, Panel } from '../context';
import { h, setChildren } from '../dom';
import { clampPercent, formatPercent, relativeTime } from '../format';
import type { Status, UnitStatus } from '../types';
import { errorBox, loadingBox, messageBox } from '../ui';
import { deadlineSummary, markDeadlines } from './deadlines';
import { registerSummary } from './registers';
import { statusSummary } from '../view';

const S = clientText.status;

function badge(u: UnitStatus): HTMLElement {
  switch (u.status) {
    case 'submitted': return h('span', { class: 'badge ok' }, S.submitted);
    // Closing does not make a unit that never submitted a submitted one.
    case 'closed': return u.submitted ? h('span', { class: 'badge ok' }, S.closed) : h('span', { class: 'badge warn' }, S.closedNotSubmitted);
    case 'returned': return h('span', { class: 'badge warn' }, S.returnedShort);
    default: return h('span', { class: 'badge muted' }, S.notSubmitted);
  }
}

function unitItem(u: UnitStatus, mine: boolean, now: number): HTMLElement {
  const percent = clampPercent(u.percentFilled);
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
  const returned = u.status === 'returned' ? u.returnReason ?? '' : '';
  const errors = Number.isFinite(u.errors) ? u.errors : 0;
  const edit = u.lastEdit ? S.lastEdit(relativeTime(u.lastEdit, now)) : S.noEdit;
  const submitted = u.status === 'submitted' && u.statusAt ? S.submittedAt(relativeTime(u.statusAt, now), u.statusBy ?? null) : '';
  return h(
    'li',
    { class: mine ? 'unit mine' : 'unit', 'data-unit': u.id },
    h('div', { class: 'unit-head' }, h('span', { class: 'unit-name' }, u.name), mine ? h('span', { class: 'tag' }, S.yours) : null, badge(u)),
    bar,
    h(
      'p',
      { class: 'unit-meta' },
      S.filled(pText, u.filled, u.required),
      ' · ',
      h('span', { class: errors > 0 ? 'err-text' : 'ok-text' }, S.errors(errors)),
      u.warnings ? ` · ${S.warnings(u.warnings)}` : '',
    ),
    h('p', { class: 'unit-meta muted' }, edit),
    submitted ? h('p', { class: 'unit-meta muted' }, submitted) : null,
    returned ? h('p', { class: 'unit-returned' }, S.returned(returned)) : null,
    u.complete ? null
      : h('p', { class: 'unit-incomplete' }, u.proceedReason ? S.proceeded(u.proceedReason) : S.incomplete(u.incompleteReasons.join('; '))),
  );
}

export function createStatusPanel(ctx: Context): Panel {
  const el = h('div', { class: 'panel-body' });

  function render(status: Status): void {
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
      h('p', { class: 'summary' }, S.summary(sum.submitted, sum.total, sum.incomplete, status.problems.errors)),
      // What only the owner can finish, said plainly (text from the server, shown as text).
      status.waitingForOwner ? messageBox('info', status.waitingForOwner) : null,
      deadlineSummary(status),
      registerSummary(status),
      status.units.length === 0
        ? h('p', { class: 'muted' }, S.noUnits)
        : h('ul', { class: 'units' }, ...status.units.map((u) => unitItem(u, status.user.unitIds.includes(u.id), now))),
    );
    markDeadlines(el, status);
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
