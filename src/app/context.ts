/**
 * One action's view of the workbook: the spreadsheet, the stored state, who is acting, whose
 * rights the script uses, and when. Opening costs 1 spreadsheet call, 2 property calls and 1–2
 * session calls.
 */
import { StateStore } from '../adapters/properties';
import { currentUserEmail, editorEmail, effectiveUserEmail } from '../adapters/session';
import { SheetsAdapter } from '../adapters/sheets';
import type { WorkbookState } from '../workbook/state';

export interface Context {
  sheets: SheetsAdapter;
  store: StateStore;
  state: WorkbookState;
  /** Lower-case e-mail of the person acting ("" when Google does not say, as in a trigger). */
  user: string;
  /**
   * Whose rights the script uses (the effective user): the person acting in a menu or sidebar
   * action; the trigger's creator in a trigger. Protections and Nhật ký are changed as them.
   */
  runner: string;
  now: Date;
}

/** Opens the context of a menu or sidebar action (the person who clicked runs it). */
export function openContext(): Context {
  const sheets = SheetsAdapter.active();
  const store = StateStore.document();
  const user = currentUserEmail();
  return { sheets, store, state: store.read(), user, runner: user, now: new Date() };
}

/** Opens the context of an installable edit trigger: the editor as Google tells it, run as the creator. */
export function openTriggerContext(e: Parameters<typeof editorEmail>[0]): Context {
  const sheets = SheetsAdapter.active();
  const store = StateStore.document();
  const user = editorEmail(e);
  return { sheets, store, state: store.read(), user, runner: effectiveUserEmail(), now: new Date() };
}

/** The owner's e-mail: stored at set-up, else asked (2 calls); "" when there is none (a shared drive). */
export function ownerOf(ctx: Context): string {
  return (ctx.state.year?.owner || ctx.sheets.ownerEmail()).toLowerCase();
}

/** Is the script running with the owner's rights (may write Nhật ký, change any protection)? */
export function runsAsOwner(ctx: Context): boolean {
  return ctx.runner !== '' && ctx.runner === ownerOf(ctx);
}
