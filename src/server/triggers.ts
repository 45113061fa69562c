/** Installable triggers: thin, the work is in src/app. */
import { logEdit } from '../app/audit';

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
