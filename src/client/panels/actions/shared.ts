/** What every section of the Thao tác panel shares: the texts, small DOM helpers and `act`. */
import { clientText } from '../../../i18n/client';
import type { Context } from '../../context';
import { h, isSafeUrl } from '../../dom';
import { checkOutcome, type LocatedProblem } from '../../errors';
import type { Status } from '../../types';
import { runSteps } from '../../ui';
import { permission, type ActionName, type Permission } from '../../view';

export const A = clientText.actions;

export function option(value: string, label: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

/** A link that opens outside the sidebar; an address that is not http(s) stays plain text. */
export function link(url: unknown, label: string): Node {
  const href = typeof url === 'string' ? url : '';
  if (!isSafeUrl(href) || href.startsWith('#')) return document.createTextNode(label);
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, label);
}

export function errorList(errors: string[]): HTMLElement {
  return h('div', { class: 'msg error', role: 'alert' },
    h('ul', { class: 'form-errors' }, ...errors.map((e) => h('li', null, e))),
    h('p', { class: 'msg-next' }, h('strong', null, clientText.common.nextLabel), A.form.fixFirst));
}

/** One section of the panel: its element and what it refreshes from the status. */
export interface ActionSection {
  el: HTMLElement;
  onStatus?(status: Status): void;
}

/** What a section needs to offer actions: the context, a permission reader and `act`. */
export interface ActionKit {
  ctx: Context;
  reg: Context['actions'];
  perm(action: ActionName, unitId?: () => string): () => Permission;
  act(
    region: HTMLElement, steps: readonly string[], server: () => Promise<unknown>, done: string, after?: Node,
    extra?: (result: unknown) => Node | null,
  ): Promise<boolean>;
}

export function actionKit(ctx: Context): ActionKit {
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

  return { ctx, reg, perm, act };
}
