/** Set-up of a year: the sample, from the sheet, the form for a brand-new year, continuing a large one. */
import { h, setChildren } from '../../dom';
import { formatDateTime } from '../../format';
import type { Status } from '../../types';
import { field, messageBox } from '../../ui';
import { parseSetupForm, parseUnitsText, permission } from '../../view';
import { A, errorList, option, type ActionKit } from './shared';

export interface SetupSection {
  el: HTMLDetailsElement;
  /** Shows the parts that fit the status; answers whether a set-up is still in parts. */
  onStatus(status: Status): boolean;
}

export function createSetupSection({ ctx, reg, perm, act }: ActionKit): SetupSection {
  const setupRegion = h('div', { class: 'progress', 'aria-live': 'polite' });
  // After a set-up, a success view that says what comes next, kept in sight (the card stays open).
  const nextView = () => h('div', { class: 'next-steps' },
    h('p', null, h('strong', null, A.setup.nextHeading)),
    h('ol', null, ...A.setup.next.map((t) => h('li', null, t))),
    h('button', { type: 'button', class: 'btn secondary small', on: { click: () => ctx.show('status') } }, A.setup.seeStatus));
  function runSetup(steps: readonly string[], server: () => Promise<unknown>): void {
    void act(setupRegion, steps, server, A.setup.done, nextView()).then((ok) => {
      if (!ok) return;
      el.open = true;
      setupRegion.scrollIntoView?.({ block: 'nearest' });
    });
  }
  const sampleYear = h('input', { type: 'text', name: 'sampleYear', inputmode: 'numeric', maxlength: 4, value: String(new Date().getFullYear()) });
  const sampleButton = reg.button(A.setup.sample, perm('setupYear'), () => {
    const year = Number(sampleYear.value.trim());
    if (!/^\d{4}$/.test(sampleYear.value.trim())) {
      setChildren(setupRegion, messageBox('error', A.form.badYear(sampleYear.value.trim())));
      return;
    }
    runSetup(A.setup.steps, () => ctx.call('setupSampleYear', year));
  });
  const fromSheetButton = reg.button(A.setup.fromSheet, perm('setupYear'),
    () => runSetup(A.setup.steps, () => ctx.call('setupYear')), 'secondary');

  // The form for a brand-new year: checked here as typed, checked again by the server.
  const nameInput = h('input', { type: 'text', name: 'clusterName', autocomplete: 'off', placeholder: A.setup.clusterPlaceholder });
  const yearInput = h('input', { type: 'text', name: 'year', inputmode: 'numeric', maxlength: 4, value: String(new Date().getFullYear()) });
  const unitsInput = h('textarea', { name: 'units', rows: 5, placeholder: A.setup.unitsPlaceholder });
  const leaderSelect = h('select', { name: 'leader' });
  const deputySelect = h('select', { name: 'deputy' });
  const teamInput = h('textarea', { name: 'team', rows: 2 });
  const placeInput = h('input', { type: 'text', name: 'place', autocomplete: 'off', placeholder: A.setup.placePlaceholder });
  const sampleRadio = h('input', { type: 'radio', name: 'criteria', value: 'sample', id: 'crit-sample', checked: true });
  const sheetRadio = h('input', { type: 'radio', name: 'criteria', value: 'sheet', id: 'crit-sheet' });
  function fillUnitSelects(): void {
    const { units } = parseUnitsText(unitsInput.value);
    for (const select of [leaderSelect, deputySelect]) {
      const keep = select.value;
      select.replaceChildren(option('', A.setup.pickUnit), ...units.map((u) => option(u.shortName, u.shortName)));
      select.value = units.some((u) => u.shortName === keep) ? keep : '';
    }
  }
  unitsInput.addEventListener('input', fillUnitSelects);
  fillUnitSelects();
  const formFeedback = h('div', { class: 'form-feedback', 'aria-live': 'polite' });
  function readForm() {
    return parseSetupForm({
      clusterName: nameInput.value, year: yearInput.value, units: unitsInput.value, leader: leaderSelect.value,
      deputy: deputySelect.value, team: teamInput.value, criteria: sheetRadio.checked ? 'sheet' : 'sample', place: placeInput.value,
    });
  }
  function checkForm(): void {
    const { input, errors } = readForm();
    setChildren(formFeedback, input ? messageBox('info', A.setup.formOk(input.units.length)) : errorList(errors));
  }
  function submitForm(): void {
    const { input, errors } = readForm();
    if (!input) {
      setChildren(formFeedback, errorList(errors));
      return;
    }
    setChildren(formFeedback);
    runSetup(A.setup.steps, () => ctx.call('setupFromForm', input));
  }
  const checkButton = h('button', { type: 'button', class: 'btn secondary', on: { click: checkForm } }, A.setup.check);
  const formButton = reg.button(A.setup.submit, perm('setupYear'), submitForm);
  const setupFields = h('fieldset', { class: 'plain-set' },
    field(A.setup.clusterName, nameInput),
    field(A.setup.year, yearInput),
    field(A.setup.units, unitsInput, A.setup.unitsHint),
    h('div', { class: 'row2' }, field(A.setup.leader, leaderSelect), field(A.setup.deputy, deputySelect)),
    field(A.setup.team, teamInput),
    field(A.setup.place, placeInput, A.setup.placeHint),
    h('fieldset', { class: 'radios' }, h('legend', null, A.setup.criteria),
      h('div', { class: 'check' }, sampleRadio, h('label', { for: 'crit-sample' }, A.setup.criteriaSample)),
      h('div', { class: 'check' }, sheetRadio, h('label', { for: 'crit-sheet' }, A.setup.criteriaSheet))));
  const setupForm = h('form', { class: 'form', 'aria-label': A.setup.formHeading, novalidate: true, on: { submit: (e: Event) => {
    e.preventDefault();
    submitForm();
  } } }, setupFields, formFeedback, h('div', { class: 'button-row' }, h('div', { class: 'action' }, checkButton), formButton.wrap));
  const formDetails = h('details', { class: 'sub-details' }, h('summary', null, A.setup.formHeading), setupForm);

  const newYearPart = h('div', null,
    h('p', { class: 'hint' }, A.setup.intro),
    h('div', { class: 'inline-field' }, field(A.setup.sampleYear, sampleYear), sampleButton.wrap),
    h('p', { class: 'hint' }, A.setup.sampleHint));
  const againPart = h('div', null, h('p', { class: 'hint' }, A.setup.again));
  // A large year is set up in parts; the clerk need not wait for the next part's trigger.
  const partialText = h('p', { class: 'hint' });
  const continueButton = reg.button(A.setup.continue, perm('setupYear'),
    () => runSetup(A.setup.continueSteps, () => ctx.call('continueSetup')));
  const partialPart = h('div', { hidden: true }, partialText, continueButton.wrap);
  const el = h('details', { class: 'card setup', open: true },
    h('summary', null, h('h3', null, A.setup.heading)),
    partialPart,
    againPart,
    newYearPart,
    fromSheetButton.wrap,
    formDetails,
    setupRegion);

  function onStatus(status: Status): boolean {
    const progress = status.setupProgress;
    const partial = !!progress && progress.done < progress.total;
    partialPart.hidden = !partial;
    if (partial) partialText.textContent = A.setup.partial(progress.done, progress.total, progress.resumeAt ? formatDateTime(progress.resumeAt) : progress.resumeAt ?? null);
    againPart.hidden = !status.setUp;
    newYearPart.hidden = status.setUp;
    formDetails.hidden = status.setUp;
    setupFields.disabled = !permission(status, 'setupYear').allowed;
    return partial;
  }

  return { el, onStatus };
}
