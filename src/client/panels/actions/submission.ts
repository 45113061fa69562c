/** Submission: a unit's table submitted, returned with a reason, or reopened. */
import { h, setChildren } from '../../dom';
import type { Status } from '../../types';
import { field, messageBox, section } from '../../ui';
import { permission, type Permission } from '../../view';
import { A, option, type ActionKit, type ActionSection } from './shared';

export function createSubmissionSection({ ctx, reg, perm, act }: ActionKit): ActionSection {
  const subRegion = h('div', { class: 'progress', 'aria-live': 'polite' });
  const reasonInput = h('textarea', { name: 'reason', rows: 2, maxlength: 500, placeholder: A.submission.reasonPlaceholder });
  const unitSelect = h('select', { name: 'unit', on: { change: () => {
    reg.refresh();
    syncReason();
  } } });
  // The reason box is only for those who may return this unit's table.
  function syncReason(): void {
    reasonInput.disabled = !permission(ctx.status(), 'returnSubmission', unitSelect.value || undefined).allowed;
  }
  const unitName = () => unitSelect.selectedOptions[0]?.textContent ?? unitSelect.value;
  // With no unit chosen, a refusal for everyone says more than "choose a unit".
  const needUnit = (p: () => Permission) => (): Permission => {
    const answer = p();
    return unitSelect.value === '' && answer.allowed ? { allowed: false, reason: A.submission.needUnit } : answer;
  };
  const submitButton = reg.button(A.submission.submit, needUnit(perm('submit', () => unitSelect.value)), () => {
    const unit = unitSelect.value;
    void act(subRegion, A.submission.stepsSubmit, () => ctx.call('submit', unit), A.submission.submitted(unitName()));
  });
  const returnButton = reg.button(A.submission.returnIt, needUnit(perm('returnSubmission', () => unitSelect.value)), () => {
    const reason = reasonInput.value.trim();
    if (reason === '') {
      setChildren(subRegion, messageBox('error', A.submission.needReason));
      reasonInput.focus();
      return;
    }
    const unit = unitSelect.value;
    void act(subRegion, A.submission.stepsReturn, () => ctx.call('returnSubmission', unit, reason), A.submission.returned(unitName())).then((ok) => {
      if (ok) reasonInput.value = '';
    });
  }, 'secondary');
  const reopenButton = reg.button(A.submission.reopen, needUnit(perm('reopen', () => unitSelect.value)), () => {
    const unit = unitSelect.value;
    void act(subRegion, A.submission.stepsReopen, () => ctx.call('reopen', unit), A.submission.reopened(unitName()));
  }, 'secondary');
  const el = section(A.submission.heading,
    field(A.submission.unit, unitSelect),
    h('p', { class: 'hint' }, A.submission.submitHint),
    submitButton.wrap,
    field(A.submission.reason, reasonInput),
    h('div', { class: 'button-row' }, returnButton.wrap, reopenButton.wrap),
    subRegion);

  /** Refills the units without losing the one chosen; a focal point starts on their own unit. */
  function onStatus(status: Status): void {
    const keep = unitSelect.value;
    unitSelect.replaceChildren(option('', A.setup.pickUnit), ...status.units.map((u) => option(u.id, u.name)));
    const mine = status.units.find((u) => status.user.unitIds.includes(u.id))?.id ?? '';
    unitSelect.value = status.units.some((u) => u.id === keep) ? keep : mine;
    syncReason();
  }

  return { el, onStatus };
}
