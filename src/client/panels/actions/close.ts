/** Close the year, copy it to a new year, reopen a closed year (with the owner's leave). */
import { clientText } from '../../../i18n/client';
import { h, setChildren } from '../../dom';
import { field, messageBox, section } from '../../ui';
import { A, type ActionKit, type ActionSection } from './shared';

export function createCloseSection({ ctx, reg, perm, act }: ActionKit): ActionSection {
  const closeRegion = h('div', { class: 'progress', 'aria-live': 'polite' });
  const closeButton = reg.button(A.close.button, perm('closeYear'), () => {
    const yes = h('button', { type: 'button', class: 'btn danger small' }, A.close.confirmButton);
    const no = h('button', { type: 'button', class: 'btn secondary small' }, clientText.common.cancel);
    const box = h('div', { class: 'confirm', role: 'alertdialog', 'aria-label': A.close.heading },
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
  const el = section(A.close.heading, h('p', { class: 'hint' }, A.close.hint), closeButton.wrap,
    h('h4', null, A.copy.heading), h('div', { class: 'inline-field' }, field(A.copy.year, newYear), copyButton.wrap),
    h('h4', null, A.reopenYear.heading), h('p', { class: 'hint' }, A.reopenYear.hint),
    h('div', { class: 'button-row' }, reopenYearButton.wrap, allowReopenButton.wrap),
    closeRegion);
  return { el };
}
