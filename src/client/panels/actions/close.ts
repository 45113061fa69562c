/** Close the year, copy it to a new year, reopen a closed year (with the owner's leave). */
import { clientText } from '../../../i18n/client';
import { h, setChildren } from '../../dom';
import type { Status } from '../../types';
import { field, messageBox, section } from '../../ui';
import { A, option, type ActionKit, type ActionSection } from './shared';

/** The units whose figures are incomplete, as the close confirmation names them; '' when none. */
function incompleteUnits(status: Status | null): string {
  return (status?.units ?? [])
    .filter((u) => !u.complete)
    .map((u) => A.close.incompleteUnit(u.name, u.incompleteReasons.join('; '), u.proceedReason !== undefined))
    .join('; ');
}

export function createCloseSection({ ctx, reg, perm, act }: ActionKit): ActionSection {
  const closeRegion = h('div', { class: 'progress', 'aria-live': 'polite' });
  const closeButton = reg.button(A.close.button, perm('closeYear'), () => {
    const yes = h('button', { type: 'button', class: 'btn danger small' }, A.close.confirmButton);
    const no = h('button', { type: 'button', class: 'btn secondary small' }, clientText.common.cancel);
    // An unfinished year says so before it is closed.
    const incomplete = incompleteUnits(ctx.status());
    const box = h('div', { class: 'confirm', role: 'alertdialog', 'aria-label': A.close.heading },
      incomplete ? h('p', { class: 'msg warn' }, A.close.incompleteWarning(incomplete)) : null,
      h('p', null, A.close.confirm), h('div', { class: 'button-row' }, yes, no));
    no.addEventListener('click', () => closeRegion.replaceChildren());
    yes.addEventListener('click', () => void act(closeRegion, A.close.steps, () => ctx.call('closeYear'), A.close.done));
    setChildren(closeRegion, box);
    no.focus();
  }, 'danger');
  // After closing: next year starts from this one's criteria and members.
  const newYear = h('input', { type: 'text', name: 'newYear', inputmode: 'numeric', maxlength: 4, value: String(new Date().getFullYear() + 1) });
  const copyButton = reg.button(A.copy.button, perm('copyToNewYear'), () => {
    const text = newYear.value.trim();
    if (!/^\d{4}$/.test(text)) {
      setChildren(closeRegion, messageBox('error', A.form.badYear(text)));
      return;
    }
    void act(closeRegion, A.copy.steps, () => ctx.call('copyToNewYear', Number(text)), A.copy.done);
  }, 'secondary');
  // Reopening a closed year: only the owner can lift its locks, so the cụm trưởng needs the owner's leave.
  const reopenYearButton = reg.button(A.reopenYear.button, perm('reopenYear'), () => {
    void act(closeRegion, A.reopenYear.steps, () => ctx.call('reopenYear'), A.reopenYear.done);
  }, 'secondary');
  const allowReopenButton = reg.button(A.reopenYear.allow, perm('allowReopenYear'), () => {
    void act(closeRegion, A.reopenYear.allowSteps, () => ctx.call('allowReopenYear'), A.reopenYear.allowed);
  }, 'secondary');
  // A reason to go on with a unit whose figures are incomplete (kept in Nhật ký, printed in the minutes).
  const P = A.proceed;
  const proceedUnit = h('select', { name: 'proceedUnit', on: { change: () => syncProceed() } });
  const proceedReason = h('textarea', { name: 'proceedReason', rows: 2, maxlength: 500, placeholder: P.placeholder });
  const proceedNone = h('p', { class: 'muted' }, P.none);
  const proceedButton = reg.button(P.button, () => {
    const answer = perm('recordProceedReason')();
    return answer.allowed && proceedUnit.value === '' ? { allowed: false, reason: P.needUnit } : answer;
  }, () => {
    const unit = proceedUnit.value;
    const name = proceedUnit.selectedOptions[0]?.textContent ?? unit;
    const reason = proceedReason.value.trim();
    const had = ctx.status()?.units.find((u) => u.id === unit)?.proceedReason !== undefined;
    if (reason === '' && !had) {
      setChildren(closeRegion, messageBox('error', P.needReason));
      proceedReason.focus();
      return;
    }
    void act(closeRegion, P.steps, () => ctx.call('recordProceedReason', unit, reason), reason === '' ? P.withdrawn(name) : P.done(name));
  }, 'secondary');
  /** The reason already recorded for the unit chosen, to edit or clear. */
  function syncProceed(): void {
    proceedReason.value = ctx.status()?.units.find((u) => u.id === proceedUnit.value)?.proceedReason ?? '';
    reg.refresh();
  }
  const el = section(A.close.heading, h('p', { class: 'hint' }, A.close.hint), closeButton.wrap,
    h('h4', null, P.heading), h('p', { class: 'hint' }, P.hint), proceedNone,
    field(P.unit, proceedUnit), field(P.reason, proceedReason), proceedButton.wrap,
    h('h4', null, A.copy.heading), h('div', { class: 'inline-field' }, field(A.copy.year, newYear), copyButton.wrap),
    h('h4', null, A.reopenYear.heading), h('p', { class: 'hint' }, A.reopenYear.hint),
    h('div', { class: 'button-row' }, reopenYearButton.wrap, allowReopenButton.wrap),
    closeRegion);

  /** Only the units whose figures are incomplete can be given a reason. */
  function onStatus(status: Status): void {
    const keep = proceedUnit.value;
    const units = status.units.filter((u) => !u.complete);
    proceedUnit.replaceChildren(option('', P.needUnit), ...units.map((u) => option(u.id, u.name)));
    proceedUnit.value = units.some((u) => u.id === keep) ? keep : '';
    proceedNone.hidden = units.length > 0;
    syncProceed();
  }
  return { el, onStatus };
}
