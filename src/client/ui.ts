/**
 * Shared pieces of the panels: action buttons that are disabled with a visible reason, one busy
 * flag for the whole sidebar, long actions shown as steps, and message boxes.
 */
import { clientText } from '../i18n/client';
import { append, h, setChildren, uid } from './dom';
import { ActionFailed, explainError, type LocatedProblem } from './errors';
import type { Permission } from './view';

const A = clientText.actions;

interface Registered {
  button: HTMLButtonElement;
  reason: HTMLElement;
  permission: () => Permission;
}

/**
 * Every action button of the sidebar. A button is enabled only when the user may do it and no
 * other action is running; when refused, the reason is shown under it (and linked by
 * aria-describedby), not left for a failure to explain.
 */
export class ActionRegistry {
  private readonly items: Registered[] = [];
  private busy = false;

  get isBusy(): boolean {
    return this.busy;
  }

  /** Builds an action button with its reason line; returns both, wrapped. */
  button(label: string, permission: () => Permission, onClick: () => void, kind: 'primary' | 'secondary' | 'danger' = 'primary'): { wrap: HTMLElement; button: HTMLButtonElement } {
    const reasonId = uid('reason');
    const reason = h('p', { class: 'reason', id: reasonId, hidden: true });
    const button = h('button', { type: 'button', class: `btn ${kind}`, 'aria-describedby': reasonId, on: { click: () => onClick() } }, label);
    this.items.push({ button, reason, permission });
    this.refreshOne(this.items[this.items.length - 1]!);
    return { wrap: h('div', { class: 'action' }, button, reason), button };
  }

  refresh(): void {
    for (const item of this.items) this.refreshOne(item);
  }

  private refreshOne(item: Registered): void {
    const p = item.permission();
    item.button.disabled = this.busy || !p.allowed;
    item.button.setAttribute('aria-busy', String(this.busy));
    const text = !p.allowed ? p.reason : '';
    item.reason.textContent = text;
    item.reason.hidden = text === '';
  }

  /** Forgets buttons that left the page (a panel re-rendered). */
  prune(): void {
    for (let i = this.items.length - 1; i >= 0; i--) if (!this.items[i]!.button.isConnected) this.items.splice(i, 1);
  }

  /** Runs `work` with every action button disabled. */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    this.busy = true;
    this.refresh();
    try {
      return await work();
    } finally {
      this.busy = false;
      this.refresh();
    }
  }
}

/** A message box: success (status), done-but-not-all-right (warn), error (alert), with what to do next. */
export function messageBox(kind: 'ok' | 'warn' | 'error' | 'info', text: string, next?: string, extra?: Node): HTMLElement {
  return h(
    'div',
    { class: `msg ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    h('p', { class: 'msg-text' }, text),
    next ? h('p', { class: 'msg-next' }, h('strong', null, clientText.common.nextLabel), next) : null,
    extra ?? null,
  );
}

/** The box for a failed call. */
export function errorBox(err: unknown, retry?: () => void): HTMLElement {
  const e = explainError(err);
  const again = retry ? h('button', { type: 'button', class: 'btn secondary small', on: { click: () => retry() } }, clientText.common.retry) : undefined;
  return messageBox('error', e.message, e.next, again);
}

export function loadingBox(): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), clientText.common.loading);
}

export interface StepRunner {
  /** Marks the current step done and starts the next. */
  next(): void;
}

/** Problems as buttons that select their cell; at most `limit`, then a pointer to Kiểm tra. */
function problemLinks(problems: readonly LocatedProblem[], onSelect: (p: LocatedProblem) => void, limit = 8): HTMLElement {
  const shown = problems.slice(0, limit);
  return h('ul', { class: 'problems inline' },
    ...shown.map((p) => h('li', { class: `problem ${p.severity ?? 'error'}` },
      h('button', { type: 'button', class: 'problem-link', on: { click: () => onSelect(p) } },
        h('span', { class: 'cell' }, clientText.problems.where(p.sheet, p.a1)),
        h('span', { class: 'message' }, p.message)))),
    problems.length > limit ? h('li', { class: 'muted small' }, clientText.errors.moreProblems(problems.length - limit)) : null);
}

/** What a finished action says: its message, and any problems it wants seen. */
export interface Outcome {
  message: string;
  problems?: readonly LocatedProblem[];
  /** Shown with the message (e.g. links to what was made). */
  extra?: Node;
}

export interface StepOptions {
  /** Shown under the success message (e.g. a link to the results). */
  after?: Node;
  /** Selects a problem's cell in the sheet. */
  onProblem?: (p: LocatedProblem) => void;
}

/**
 * Runs a long action as visible steps in `region`: each step pending → running → done, a note
 * when it takes long, and a clear ending (success message, or the error and what to do next,
 * with the cells to fix). Returns true on success.
 */
export async function runSteps(
  region: HTMLElement,
  steps: readonly string[],
  work: (steps: StepRunner) => Promise<Outcome>,
  options: StepOptions = {},
): Promise<boolean> {
  const items = steps.map((s) => h('li', { class: 'step pending' }, h('span', { class: 'step-icon', 'aria-hidden': 'true' }), h('span', null, s)));
  const slow = h('p', { class: 'slow', hidden: true });
  const list = h('ol', { class: 'steps', 'aria-label': A.running }, ...items);
  setChildren(region, list, slow);
  region.setAttribute('aria-busy', 'true');
  let current = 0;
  const mark = (i: number, state: string) => {
    const li = items[i];
    if (li) li.className = `step ${state}`;
  };
  mark(0, 'active');
  const started = Date.now();
  const timer = setInterval(() => {
    const s = Math.round((Date.now() - started) / 1000);
    if (s >= 10) {
      slow.hidden = false;
      slow.textContent = A.slow(s);
    }
  }, 1000);
  const links = (problems: readonly LocatedProblem[] | undefined) =>
    problems && problems.length > 0 && options.onProblem ? problemLinks(problems, options.onProblem) : null;
  try {
    const done = await work({
      next: () => {
        mark(current, 'done');
        current += 1;
        mark(current, 'active');
      },
    });
    for (let i = current; i < items.length; i++) mark(i, 'done');
    const tail = done.extra && options.after ? h('div', null, done.extra, options.after) : done.extra ?? options.after;
    // Green only when nothing is left wrong: done with errors remaining is a warning.
    const wrong = (done.problems ?? []).filter((p) => (p.severity ?? 'error') === 'error').length;
    append(region, messageBox(wrong > 0 ? 'warn' : 'ok', done.message, wrong > 0 ? A.leftWrong(wrong) : undefined, tail), links(done.problems));
    return true;
  } catch (err) {
    mark(current, 'failed');
    const e = explainError(err);
    append(region, messageBox('error', `${A.failed} ${e.message}`, e.next), links(err instanceof ActionFailed ? err.problems : undefined));
    return false;
  } finally {
    clearInterval(timer);
    slow.hidden = true;
    region.setAttribute('aria-busy', 'false');
  }
}

/** A labelled form field; the label is tied to the control. */
export function field(label: string, control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, hint?: string): HTMLElement {
  const id = control.id || uid('f');
  control.id = id;
  let hintEl: HTMLElement | null = null;
  if (hint) {
    const hintId = uid('hint');
    hintEl = h('p', { class: 'hint', id: hintId }, hint);
    control.setAttribute('aria-describedby', hintId);
  }
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintEl);
}

/** A section of a panel with a heading. */
export function section(title: string, ...children: Array<Node | null>): HTMLElement {
  const id = uid('sec');
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h3', { id }, title), ...children);
}
