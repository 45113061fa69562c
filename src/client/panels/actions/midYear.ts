/**
 * Sơ kết 6 tháng: the cụm trưởng opens and closes the mid-year round (closing asks first, naming
 * the units with rows left blank); a focal officer sees how many of its rows are filled and goes
 * to its column. The round's state comes from getMidYearStatus, loaded with the panel and after
 * each action here.
 */
import { midYearText } from '../../../i18n/midYear';
import { clientText } from '../../../i18n/client';
import type { Result } from '../../api';
import { h, setChildren } from '../../dom';
import type { Status } from '../../types';
import { section } from '../../ui';
import type { Permission } from '../../view';
import type { ActionKit, ActionSection } from './shared';

const X = midYearText.client;
const M = midYearText.actions;
type RoundStatus = Extract<Result<'getMidYearStatus'>, { opened: boolean }>;

export interface MidYearSection extends ActionSection {
  /** Reloads the round's state (nothing before set-up). */
  load(): Promise<void>;
}

export function createMidYearSection({ ctx, reg, act }: ActionKit): MidYearSection {
  const region = h('div', { class: 'progress', 'aria-live': 'polite' });
  const state = h('p', { class: 'hint', role: 'status' });
  const own = h('div', { class: 'mid-year-own' });
  let round: RoundStatus | null = null;

  const allowed: Permission = { allowed: true, reason: '' };
  const leaderOnly = (more: (r: RoundStatus) => Permission): (() => Permission) => () => {
    if (!ctx.status()?.setUp) return { allowed: false, reason: ctx.status() ? clientText.common.notSetUp : clientText.common.loading };
    if (!round) return { allowed: false, reason: clientText.common.loading };
    if (!round.leader) return { allowed: false, reason: X.onlyLeader };
    return more(round);
  };
  const openButton = reg.button(X.open, leaderOnly((r) => (r.closed ? { allowed: false, reason: X.stateClosed(r.closedAt) } : allowed)), () => {
    void act(region, X.openSteps, () => ctx.call('openMidYear'), X.openDone).then(() => load());
  }, 'secondary');
  const closeButton = reg.button(X.close, leaderOnly((r) => (!r.opened ? { allowed: false, reason: X.notOpened } : r.closed ? { allowed: false, reason: X.stateClosed(r.closedAt) } : allowed)), () => {
    const blank = (round?.units ?? []).filter((u) => u.filled < u.required).map((u) => midYearText.actions.blankUnit(u.name, u.required - u.filled));
    const yes = h('button', { type: 'button', class: 'btn danger small' }, X.confirmButton);
    const no = h('button', { type: 'button', class: 'btn secondary small' }, clientText.common.cancel);
    const box = h('div', { class: 'confirm', role: 'alertdialog', 'aria-label': X.heading },
      blank.length > 0 ? h('p', { class: 'msg warn' }, midYearText.actions.blankBeforeClose(blank.join(', '))) : null,
      h('p', null, midYearText.actions.confirmClose), h('div', { class: 'button-row' }, yes, no));
    no.addEventListener('click', () => region.replaceChildren());
    yes.addEventListener('click', () => void act(region, X.closeSteps, () => ctx.call('closeMidYear'), X.closeDone).then(() => load()));
    setChildren(region, box);
    no.focus();
  }, 'danger');

  const reopenButton = reg.button(X.reopen, leaderOnly((r) => (r.closed ? allowed : { allowed: false, reason: r.opened ? M.notClosed : X.notOpened })), () => {
    void act(region, X.reopenSteps, () => ctx.call('reopenMidYear'), X.reopenDone).then(() => load());
  }, 'secondary');

  /** The state line and, for a focal officer, its own rows and the way to its column. */
  function render(): void {
    reg.refresh();
    if (!round) {
      state.textContent = '';
      own.replaceChildren();
      return;
    }
    const r = round;
    const full = r.units.filter((u) => u.required > 0 && u.filled >= u.required).length;
    state.textContent = !r.opened ? X.notOpened : r.closed ? X.stateClosed(r.closedAt) : X.stateOpen(full, r.units.length);
    const mine = r.opened ? r.units.filter((u) => r.own.includes(u.unitId)) : [];
    own.replaceChildren(...mine.map((u) => {
      const go = h('button', { type: 'button', class: 'btn secondary small' }, X.goToColumn);
      go.disabled = u.column === '';
      go.addEventListener('click', () => {
        ctx.call('selectCell', r.sheet, `${u.column}${u.row}`).catch(() => undefined);
      });
      return h('div', { class: 'mid-year-unit' },
        h('p', null, X.ownRows(u.name, u.filled, u.required), ' ', X.ownGoodPractice(u.goodPractice)), go);
    }));
  }

  async function load(): Promise<void> {
    if (ctx.status()?.setUp !== true) {
      round = null;
      render();
      return;
    }
    try {
      const r = await ctx.call('getMidYearStatus');
      round = r && typeof r === 'object' && 'opened' in r ? (r as RoundStatus) : null;
      render();
    } catch {
      round = null;
      render();
      state.textContent = X.loadFailed;
    }
  }

  let wasSetUp: boolean | null = null;
  function onStatus(status: Status): void {
    if (wasSetUp !== status.setUp) {
      wasSetUp = status.setUp;
      void load();
    }
  }

  const el = section(X.heading, h('p', { class: 'hint' }, X.hint), state, own,
    h('div', { class: 'button-row' }, openButton.wrap, closeButton.wrap, reopenButton.wrap), region);
  return { el, onStatus, load };
}
