/**
 * One action's view of the workbook: the spreadsheet, the stored state, who is acting and when.
 * Opening costs 1 spreadsheet call, 2 property calls and 2 session calls.
 */
import { StateStore } from '../adapters/properties';
import { currentUserEmail } from '../adapters/session';
import { SheetsAdapter } from '../adapters/sheets';
import type { WorkbookState } from '../workbook/state';

export interface Context {
  sheets: SheetsAdapter;
  store: StateStore;
  state: WorkbookState;
  /** Lower-case e-mail of the person acting ("" when unknown). */
  user: string;
  now: Date;
}

/** Opens the context of the current execution. */
export function openContext(): Context {
  const sheets = SheetsAdapter.active();
  const store = StateStore.document();
  return { sheets, store, state: store.read(), user: currentUserEmail(), now: new Date() };
}

/** The owner's e-mail: stored at set-up, else asked (2 calls). */
export function ownerOf(ctx: Context): string {
  return (ctx.state.year?.owner || ctx.sheets.ownerEmail()).toLowerCase();
}
