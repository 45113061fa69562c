/** Installable triggers: thin, the work is in src/app. */
import { logEdit } from '../app/audit';
import { continueSetup as continueSetupPart } from '../app/setup';
import type { ActionResult } from '../app/result';

/**
 * The installable onEdit trigger set-up creates (running as the owner): logs the edit in Nhật ký.
 * Never throws: a failed log line must not disturb the person typing.
 */
export function onWorkbookEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  try {
    logEdit(e);
  } catch {
    // Logged edits are best effort; the cell itself is already saved.
  }
}

/**
 * The time-driven trigger a set-up too large for one execution leaves (and the sidebar's way to
 * go on at once): sets up the next part from the saved cursor. Returns plain JSON.
 */
export function continueSetup(): ActionResult {
  return continueSetupPart();
}
