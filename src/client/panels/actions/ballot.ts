/** Ballot: the counts of one title's vote, entered by the secretary. */
import { h, setChildren } from '../../dom';
import { rulesOf } from '../../rules';
import type { Status } from '../../types';
import { field, section } from '../../ui';
import { parseBallotForm, permission } from '../../view';
import { A, errorList, option, type ActionKit, type ActionSection } from './shared';

export function createBallotSection({ ctx, reg, perm, act }: ActionKit): ActionSection {
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
  const el = section(A.ballot.heading, ballotFields, ballotErrors, saveBallot.wrap, ballotRegion);

  /** Refills the titles and the per-unit votes without losing what is typed. */
  function onStatus(status: Status): void {
    ballotFields.disabled = !permission(status, 'saveBallot').allowed;

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
  }

  return { el, onStatus };
}
