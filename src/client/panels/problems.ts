/** Kiểm tra: every validation problem, by sheet; a click selects the cell in the sheet. */
import { clientText } from '../../i18n/client';
import type { Context, Panel } from '../context';
import { h, setChildren, uid } from '../dom';
import { errorBox, loadingBox, messageBox } from '../ui';
import type { Problem, Status } from '../types';
import { problemGroups } from '../view';

const P = clientText.problems;

export function createProblemsPanel(ctx: Context): Panel {
  const el = h('div', { class: 'panel-body' });
  const feedback = h('div', { class: 'feedback', 'aria-live': 'polite' });
  let problems: Problem[] = [];
  let onlyErrors = false;

  async function select(p: Problem): Promise<void> {
    try {
      await ctx.call('selectCell', p.sheet, p.a1);
      setChildren(feedback, messageBox('ok', P.selected(p.sheet, p.a1 || P.wholeSheet)));
    } catch (err) {
      setChildren(feedback, errorBox(err));
    }
  }

  function item(p: Problem): HTMLElement {
    const severity = p.severity ?? 'error';
    const where = p.a1 || P.wholeSheet;
    return h('li', { class: `problem ${severity}` },
      h('button', { type: 'button', class: 'problem-link', 'aria-label': P.select(p.sheet, where, p.message), on: { click: () => void select(p) } },
        h('span', { class: `sev ${severity}` }, severity === 'error' ? P.error : P.warning),
        h('span', { class: 'cell' }, where),
        h('span', { class: 'message' }, p.message)));
  }

  function render(): void {
    const head = h('div', { class: 'panel-head' },
      h('h2', null, P.heading),
      h('button', { type: 'button', class: 'btn link', on: { click: () => void reload() } }, clientText.common.refresh));
    if (problems.length === 0) {
      setChildren(el, head, messageBox('ok', P.none));
      return;
    }
    const errors = problems.filter((p) => (p.severity ?? 'error') === 'error').length;
    const toggleId = uid('only');
    const toggle = h('input', { type: 'checkbox', id: toggleId, checked: onlyErrors, on: { change: (e: Event) => {
      onlyErrors = (e.target as HTMLInputElement).checked;
      render();
    } } });
    const groups = problemGroups(problems, onlyErrors);
    setChildren(el,
      head,
      h('p', { class: 'summary' }, P.summary(errors, problems.length - errors)),
      h('div', { class: 'check' }, toggle, h('label', { for: toggleId }, P.onlyErrors)),
      feedback,
      ...groups.map((g) => {
        const id = uid('grp');
        return h('section', { class: 'problem-group', 'aria-labelledby': id },
          h('h3', { id }, P.sheet(g.sheet, g.problems.length)),
          h('ul', { class: 'problems' }, ...g.problems.map(item)));
      }));
  }

  /** The list of a status answer: the same computation as the tab's badge, so the two agree. */
  let shown = '';
  function show(status: Status, force: boolean): void {
    if (!status.setUp) {
      shown = '';
      setChildren(el, h('h2', null, P.heading), messageBox('info', clientText.common.notSetUp));
      return;
    }
    const next = status.problemList ?? [];
    const key = JSON.stringify(next);
    // A reload that changed nothing leaves the list (and the focus in it) alone.
    if (!force && key === shown) return;
    shown = key;
    problems = next;
    feedback.replaceChildren();
    render();
  }

  /** Reloads the status (Làm mới, Thử lại). */
  async function reload(): Promise<void> {
    if (!ctx.status()) setChildren(el, loadingBox());
    try {
      show(await ctx.refreshStatus(), true);
    } catch (err) {
      setChildren(el, errorBox(err, () => void reload()));
    }
  }

  /** Shown: the list of the status in hand (it is kept current by the shell), else loads it. */
  async function load(): Promise<void> {
    const s = ctx.status();
    if (s) show(s, true);
    else await reload();
  }

  return {
    id: 'problems',
    el,
    load,
    // Every reload of the status (an action, coming back, the interval) brings the list up to date.
    onStatus: (status) => show(status, false),
  };
}
