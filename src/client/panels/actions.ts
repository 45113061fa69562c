/**
 * Thao tác: set-up of a year, recompute, submit / return / reopen, ballot entry, close the year,
 * documents. Each action runs as visible steps; what the user may not do is disabled with the
 * reason from getStatus.
 */
import { clientText } from '../../i18n/client';
import type { Context, Panel } from '../context';
import { h, isSafeUrl, setChildren } from '../dom';
import { checkOutcome, type LocatedProblem } from '../errors';
import { formatDateTime } from '../format';
import { rulesOf } from '../rules';
import type { DocumentKind, Status } from '../types';
import { field, messageBox, runSteps, section } from '../ui';
import { isFocalOnly, parseBallotForm, parseSetupForm, parseUnitsText, permission, type ActionName, type Permission } from '../view';

const A = clientText.actions;

function option(value: string, label: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

/** Documents listed in the panel, newest first. */
const DOCS_SHOWN = 6;

/** A link that opens outside the sidebar; an address that is not http(s) stays plain text. */
function link(url: unknown, label: string): Node {
  const href = typeof url === 'string' ? url : '';
  if (!isSafeUrl(href) || href.startsWith('#')) return document.createTextNode(label);
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, label);
}

/** Links to a generated document, its PDF and its folder. */
function docLinks(r: { url?: unknown; pdfUrl?: unknown; folderUrl?: unknown } | null): Node | null {
  if (!r || typeof r.url !== 'string' || r.url === '') return null;
  const parts: Node[] = [link(r.url, A.documents.open)];
  if (typeof r.pdfUrl === 'string' && r.pdfUrl !== '') parts.push(document.createTextNode(' · '), link(r.pdfUrl, A.documents.pdf));
  if (typeof r.folderUrl === 'string' && r.folderUrl !== '') parts.push(document.createTextNode(' · '), link(r.folderUrl, A.documents.folder));
  return h('p', { class: 'doc-links' }, ...parts);
}

function errorList(errors: string[]): HTMLElement {
  return h('div', { class: 'msg error', role: 'alert' },
    h('ul', { class: 'form-errors' }, ...errors.map((e) => h('li', null, e))),
    h('p', { class: 'msg-next' }, h('strong', null, clientText.common.nextLabel), A.form.fixFirst));
}

export function createActionsPanel(ctx: Context): Panel {
  const el = h('div', { class: 'panel-body' });
  const reg = ctx.actions;
  const perm = (action: ActionName, unitId?: () => string) => (): Permission => permission(ctx.status(), action, unitId?.());

  /** Selects a problem's cell; the Kiểm tra panel lists them all. */
  const selectProblem = (p: LocatedProblem) => {
    ctx.call('selectCell', p.sheet, p.a1).catch(() => ctx.show('problems'));
  };

  /**
   * Runs an action exclusively, as steps: the server's answer is checked (`ok: false` is a
   * failure with its problems), then the status is reloaded and the data panels marked stale.
   */
  async function act(
    region: HTMLElement, steps: readonly string[], server: () => Promise<unknown>, done: string, after?: Node,
    extra?: (result: unknown) => Node | null,
  ): Promise<boolean> {
    return reg.exclusive(() =>
      runSteps(region, steps, async (s) => {
        if (steps.length > 2) s.next(); // the request is on its way
        let result: unknown;
        try {
          result = checkOutcome(await server());
        } finally {
          // Even a refusal may change what the panels show (the log, the problems).
          ctx.invalidate('results', 'problems', 'settings');
        }
        s.next();
        await ctx.refreshStatus();
        const r = result as { message?: unknown; problems?: unknown } | null;
        const message = typeof r?.message === 'string' && r.message !== '' ? r.message : done;
        const problems = Array.isArray(r?.problems) ? (r!.problems as LocatedProblem[]) : [];
        const more = extra?.(result) ?? undefined;
        return { message, problems, ...(more ? { extra: more } : {}) };
      }, { after, onProblem: selectProblem }));
  }

  // --- Set-up -------------------------------------------------------------------------------
  const setupRegion = h('div', { class: 'progress', 'aria-live': 'polite' });
  const sampleYear = h('input', { type: 'text', name: 'sampleYear', inputmode: 'numeric', maxlength: 4, value: String(new Date().getFullYear()) });
  const sampleButton = reg.button(A.setup.sample, perm('setupYear'), () => {
    const year = Number(sampleYear.value.trim());
    if (!/^\d{4}$/.test(sampleYear.value.trim())) {
      setChildren(setupRegion, messageBox('error', A.form.badYear(sampleYear.value.trim())));
      return;
    }
    void act(setupRegion, A.setup.steps, () => ctx.call('setupSampleYear', year), A.setup.done);
  });
  const fromSheetButton = reg.button(A.setup.fromSheet, perm('setupYear'),
    () => void act(setupRegion, A.setup.steps, () => ctx.call('setupYear'), A.setup.done), 'secondary');

  // The form for a brand-new year: checked here as typed, checked again by the server.
  const nameInput = h('input', { type: 'text', name: 'clusterName', autocomplete: 'off', placeholder: A.setup.clusterPlaceholder });
  const yearInput = h('input', { type: 'text', name: 'year', inputmode: 'numeric', maxlength: 4, value: String(new Date().getFullYear()) });
  const unitsInput = h('textarea', { name: 'units', rows: 5, placeholder: A.setup.unitsPlaceholder });
  const leaderSelect = h('select', { name: 'leader' });
  const deputySelect = h('select', { name: 'deputy' });
  const teamInput = h('textarea', { name: 'team', rows: 2 });
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
      deputy: deputySelect.value, team: teamInput.value, criteria: sheetRadio.checked ? 'sheet' : 'sample',
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
    void act(setupRegion, A.setup.steps, () => ctx.call('setupFromForm', input), A.setup.done);
  }
  const checkButton = h('button', { type: 'button', class: 'btn secondary', on: { click: checkForm } }, A.setup.check);
  const formButton = reg.button(A.setup.submit, perm('setupYear'), submitForm);
  const setupFields = h('fieldset', { class: 'plain-set' },
    field(A.setup.clusterName, nameInput),
    field(A.setup.year, yearInput),
    field(A.setup.units, unitsInput, A.setup.unitsHint),
    h('div', { class: 'row2' }, field(A.setup.leader, leaderSelect), field(A.setup.deputy, deputySelect)),
    field(A.setup.team, teamInput),
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
    () => void act(setupRegion, A.setup.continueSteps, () => ctx.call('continueSetup'), A.setup.done));
  const partialPart = h('div', { hidden: true }, partialText, continueButton.wrap);
  const setupSection = h('details', { class: 'card setup', open: true },
    h('summary', null, h('h3', null, A.setup.heading)),
    partialPart,
    againPart,
    newYearPart,
    fromSheetButton.wrap,
    formDetails,
    setupRegion);

  // --- Recompute ----------------------------------------------------------------------------
  const recomputeRegion = h('div', { class: 'progress', 'aria-live': 'polite' });
  const seeResults = h('button', { type: 'button', class: 'btn link', on: { click: () => ctx.show('results') } }, A.recompute.seeResults);
  const recomputeButton = reg.button(A.recompute.button, perm('recompute'),
    () => void act(recomputeRegion, A.recompute.steps, () => ctx.call('recompute'), A.recompute.done, seeResults));
  const recomputeSection = section(A.recompute.heading, h('p', { class: 'hint' }, A.recompute.hint), recomputeButton.wrap, recomputeRegion);

  // --- Submission ---------------------------------------------------------------------------
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
  const submissionSection = section(A.submission.heading,
    field(A.submission.unit, unitSelect),
    h('p', { class: 'hint' }, A.submission.submitHint),
    submitButton.wrap,
    field(A.submission.reason, reasonInput),
    h('div', { class: 'button-row' }, returnButton.wrap, reopenButton.wrap),
    subRegion);

  // --- Ballot -------------------------------------------------------------------------------
  const ballotRegion = h('div', { class: 'progress', 'aria-live': 'polite' });
  const titleHolder = h('div');
  let titleControl: HTMLSelectElement | HTMLInputElement = h('input', { type: 'text', name: 'titleId' });
  const count = (name: string) => h('input', { type: 'text', inputmode: 'numeric', name, maxlength: 6, class: 'count' });
  const issued = count('issued');
  const returned = count('returned');
  const valid = count('valid');
  const invalid = count('invalid');
  const votesList = h('div', { class: 'votes' });
  let voteInputs: Array<{ unitId: string; input: HTMLInputElement }> = [];
  const ballotErrors = h('div', { class: 'form-feedback' });
  const saveBallot = reg.button(A.ballot.save, perm('saveBallot'), () => {
    const votes: Record<string, string> = {};
    for (const v of voteInputs) votes[v.unitId] = v.input.value;
    const { input, errors } = parseBallotForm({
      titleId: titleControl.value, issued: issued.value, returned: returned.value, valid: valid.value, invalid: invalid.value, votes,
    });
    if (!input) {
      setChildren(ballotErrors, errorList(errors));
      return;
    }
    ballotErrors.replaceChildren();
    void act(ballotRegion, A.ballot.steps, () => ctx.call('saveBallot', input.titleId, input.counts), A.ballot.done);
  });
  const ballotFields = h('fieldset', { class: 'plain-set' },
    titleHolder,
    h('div', { class: 'row2' }, field(A.ballot.issued, issued), field(A.ballot.returned, returned)),
    h('div', { class: 'row2' }, field(A.ballot.valid, valid), field(A.ballot.invalid, invalid)),
    h('fieldset', { class: 'votes-set' }, h('legend', null, A.ballot.votes), votesList));
  const ballotSection = section(A.ballot.heading, ballotFields, ballotErrors, saveBallot.wrap, ballotRegion);

  // --- Close the year -----------------------------------------------------------------------
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
  const closeSection = section(A.close.heading, h('p', { class: 'hint' }, A.close.hint), closeButton.wrap,
    h('h4', null, A.copy.heading), h('div', { class: 'inline-field' }, field(A.copy.year, newYear), copyButton.wrap),
    h('h4', null, A.reopenYear.heading), h('p', { class: 'hint' }, A.reopenYear.hint),
    h('div', { class: 'button-row' }, reopenYearButton.wrap, allowReopenButton.wrap),
    closeRegion);

  // --- Documents ----------------------------------------------------------------------------
  const docsRegion = h('div', { class: 'progress', 'aria-live': 'polite' });
  const docsList = h('div', { class: 'doc-list' });
  const pdfBox = h('input', { type: 'checkbox', id: 'doc-pdf', checked: true });
  const kinds: Array<[DocumentKind, string]> = [
    ['covenant', A.documents.covenant], ['minutes', A.documents.minutes], ['report', A.documents.report], ['proposal', A.documents.proposal],
  ];
  const docs = kinds.map(([kind, label]) => reg.button(label, perm('generateDocument'), () => {
    void act(docsRegion, A.documents.steps, async () => {
      const r = await ctx.call('generateDocument', kind, { pdf: pdfBox.checked });
      void loadDocs();
      return r;
    }, A.documents.done, undefined, (r) => docLinks(r as { url?: unknown; pdfUrl?: unknown; folderUrl?: unknown }));
  }, 'secondary').wrap);

  async function loadDocs(): Promise<void> {
    if (ctx.status()?.setUp !== true) {
      docsList.replaceChildren();
      return;
    }
    try {
      const { documents, folder } = await ctx.call('listDocuments');
      // Under drive.file only the folder's maker can add documents: say so before anyone clicks.
      const byOther = folder && !folder.mine
        ? h('p', { class: 'hint' }, folder.by ? A.documents.madeBy(folder.by) : A.documents.madeByOther, ' ', link(folder.url, A.documents.folder))
        : null;
      setChildren(docsList, byOther, documents.length === 0 ? null : h('h4', null, A.documents.made),
        documents.length === 0 ? null : h('ul', { class: 'plain small' }, ...documents.slice(0, DOCS_SHOWN).map((d) =>
          h('li', null, link(d.url, d.name), ` · ${d.time}`, d.pdfUrl ? ' · ' : '', d.pdfUrl ? link(d.pdfUrl, A.documents.pdf) : null))));
    } catch {
      // The list is a convenience: the "Văn bản" tab has it too.
      docsList.replaceChildren();
    }
  }
  const docsSection = section(A.documents.heading,
    h('div', { class: 'check' }, pdfBox, h('label', { for: 'doc-pdf' }, A.documents.withPdf)),
    h('div', { class: 'docs' }, ...docs),
    docsRegion,
    docsList);

  /** Fills what depends on the status (units, titles) without losing what is typed. */
  let wasSetUp: boolean | null = null;
  function onStatus(status: Status): void {
    const progress = status.setupProgress;
    const partial = !!progress && progress.done < progress.total;
    partialPart.hidden = !partial;
    if (partial) partialText.textContent = A.setup.partial(progress.done, progress.total, progress.resumeAt ? formatDateTime(progress.resumeAt) : progress.resumeAt ?? null);
    againPart.hidden = !status.setUp;
    newYearPart.hidden = status.setUp;
    formDetails.hidden = status.setUp;
    setupFields.disabled = !permission(status, 'setupYear').allowed;
    ballotFields.disabled = !permission(status, 'saveBallot').allowed;
    if (wasSetUp !== status.setUp) {
      wasSetUp = status.setUp;
      setupSection.open = !status.setUp || partial;
      // What this user does most comes first.
      const order = !status.setUp
        ? [setupSection, recomputeSection, submissionSection, ballotSection, closeSection, docsSection]
        : isFocalOnly(status)
          ? [submissionSection, recomputeSection, ballotSection, closeSection, docsSection, setupSection]
          : [recomputeSection, submissionSection, ballotSection, closeSection, docsSection, setupSection];
      el.append(...order);
    }

    const keep = unitSelect.value;
    unitSelect.replaceChildren(option('', A.setup.pickUnit), ...status.units.map((u) => option(u.id, u.name)));
    const mine = status.units.find((u) => status.user.unitIds.includes(u.id))?.id ?? '';
    unitSelect.value = status.units.some((u) => u.id === keep) ? keep : mine;
    syncReason();

    const titles = rulesOf(status)?.titles ?? [];
    const typed = titleControl.value;
    titleControl = titles.length > 0
      ? h('select', { name: 'titleId' }, ...titles.map((t) => option(t.id, t.name)))
      : h('input', { type: 'text', name: 'titleId', placeholder: A.ballot.titlePlaceholder });
    if (typed) titleControl.value = typed;
    setChildren(titleHolder, titles.length > 0 ? field(A.ballot.title, titleControl) : field(A.ballot.titleText, titleControl, A.ballot.titleHint));

    const typedVotes = new Map(voteInputs.map((v) => [v.unitId, v.input.value]));
    voteInputs = status.units.map((u) => ({ unitId: u.id, input: count(`votes-${u.id}`) }));
    setChildren(votesList, ...voteInputs.map((v, i) => {
      v.input.value = typedVotes.get(v.unitId) ?? '';
      return field(status.units[i]!.name, v.input);
    }));
    reg.refresh();
  }

  setChildren(el, h('h2', { class: 'sr-only' }, A.heading), setupSection, recomputeSection, submissionSection, ballotSection, closeSection, docsSection);

  return {
    id: 'actions',
    el,
    load: async () => {
      const s = ctx.status();
      if (s) onStatus(s);
      await loadDocs();
    },
    onStatus,
  };
}
