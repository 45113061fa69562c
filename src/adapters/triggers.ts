/** The installable onEdit trigger that writes edits of score cells to Nhật ký. */
import { services } from './services';

/** The top-level function the trigger calls (a stub in src/server/stubs.js). */
export const EDIT_HANDLER = 'onWorkbookEdit';

/**
 * Makes sure the current user has one onEdit trigger for this spreadsheet calling EDIT_HANDLER;
 * returns true when it exists or was created. Installable triggers run as their creator, so the
 * owner must create it for the log to be writable.
 */
export function ensureEditTrigger(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): boolean {
  const app = services().scriptApp;
  const mine = app.getProjectTriggers().some((t) => t.getHandlerFunction() === EDIT_HANDLER);
  if (mine) return true;
  app.newTrigger(EDIT_HANDLER).forSpreadsheet(spreadsheet).onEdit().create();
  return true;
}
