/** The installable onEdit trigger that writes edits of score cells to Nhật ký. */
import { services } from './services';

/** The top-level function the trigger calls (a stub in src/server/stubs.js). */
export const EDIT_HANDLER = 'onWorkbookEdit';

/**
 * Makes sure the current user has one onEdit trigger for this spreadsheet calling EDIT_HANDLER;
 * returns true when it exists or was created, false when Apps Script refused (20 triggers per
 * user, one of each type per add-on user). Installable triggers run as their creator, so the
 * owner must create it for the log to be writable.
 */
export function ensureEditTrigger(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): boolean {
  const app = services().scriptApp;
  try {
    const mine = app.getProjectTriggers().some((t) => t.getHandlerFunction() === EDIT_HANDLER);
    if (mine) return true;
    app.newTrigger(EDIT_HANDLER).forSpreadsheet(spreadsheet).onEdit().create();
    return true;
  } catch {
    return false;
  }
}

/** The top-level function that continues a set-up in parts (a stub in src/server/stubs.js). */
export const SETUP_HANDLER = 'continueSetup';

/** An add-on's time-driven trigger runs at most once an hour (a sooner one is refused). */
export const ADDON_TRIGGER_MIN_MS = 60 * 60_000;

/**
 * Replaces the current user's set-up triggers with one that runs SETUP_HANDLER once, `afterMs`
 * from now but not within the hour (4 calls + 2 per old trigger). Installable triggers run as
 * their creator and only they see them: another user's are left alone. Returns false when Apps
 * Script refused it (20 triggers per user, the scope withheld): nothing then goes on by itself.
 */
export function scheduleSetup(afterMs: number): boolean {
  try {
    clearSetupTriggers();
    services().scriptApp.newTrigger(SETUP_HANDLER).timeBased().after(Math.max(afterMs, ADDON_TRIGGER_MIN_MS)).create();
    return true;
  } catch {
    return false;
  }
}

/** Deletes the current user's set-up triggers (1 call + 1 per trigger, +1 per one deleted). */
export function clearSetupTriggers(): void {
  const app = services().scriptApp;
  for (const t of app.getProjectTriggers()) {
    if (t.getHandlerFunction() === SETUP_HANDLER) app.deleteTrigger(t);
  }
}
