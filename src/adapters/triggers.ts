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

/** The top-level function that continues a set-up in parts (a stub in src/server/stubs.js). */
export const SETUP_HANDLER = 'continueSetup';

/**
 * Replaces the current user's set-up triggers with one that runs SETUP_HANDLER once, `afterMs`
 * from now (4 calls + 2 per old trigger). Installable triggers run as their creator.
 */
export function scheduleSetup(afterMs: number): void {
  clearSetupTriggers();
  services().scriptApp.newTrigger(SETUP_HANDLER).timeBased().after(afterMs).create();
}

/** Deletes the current user's set-up triggers (1 call + 1 per trigger, +1 per one deleted). */
export function clearSetupTriggers(): void {
  const app = services().scriptApp;
  for (const t of app.getProjectTriggers()) {
    if (t.getHandlerFunction() === SETUP_HANDLER) app.deleteTrigger(t);
  }
}
