/**
 * How every action runs: under the document lock, with a fresh context, returning plain JSON.
 * A refusal (rights, state, bad input) comes back as ok: false with its problems and is logged;
 * anything unexpected comes back as ok: false with a plain message, never a stack trace. A
 * permission the person withheld (granular consent) is asked for instead: Google's consent
 * window ends the execution, so nothing comes back.
 */
import { BusyError, withDocumentLock } from '../adapters/lock';
import { askIfNotGranted, requireScopes, type ScopeName } from '../adapters/scopes';
import { workbookText } from '../i18n/workbook';
import { problemsNote } from '../workbook/summary';
import { actionRow, appendLog } from './audit';
import { openContext, type Context } from './context';
import { settleLocks } from './locks';
import { ActionError, problemJson, type ActionResult } from './result';

/**
 * Runs `fn` under the document lock; `action` names it in the log when refused. `needs`: scopes
 * beyond the sheet and the e-mail (which any action reaches first, before writing), checked
 * before the lock so a withheld one is asked for before anything is written.
 */
export function runLocked<R extends ActionResult>(busyMessage: string, action: string, fn: (ctx: Context) => R, needs: readonly ScopeName[] = []): R | ActionResult {
  if (needs.length > 0) requireScopes(needs);
  try {
    return withDocumentLock(busyMessage, () => {
      const ctx = openContext();
      settleLocks(ctx);
      try {
        return fn(ctx);
      } catch (e) {
        if (e instanceof ActionError) {
          appendLog(ctx, [actionRow(ctx, workbookText.log.actions.refused, { note: `${action}: ${e.message}${e.problems.length ? ` — ${problemsNote(e.problems)}` : ''}` })]);
        }
        throw e;
      }
    });
  } catch (e) {
    return failure(e);
  }
}

/** Runs a read-only `fn` without the lock. */
export function runRead<R>(fn: (ctx: Context) => R): R | ActionResult {
  try {
    return fn(openContext());
  } catch (e) {
    return failure(e);
  }
}

/** The JSON of a failure; a permission not granted is asked for (the execution then ends). */
export function failure(e: unknown): ActionResult {
  askIfNotGranted(e);
  if (e instanceof ActionError) return { ok: false, message: e.message, problems: e.problems.map(problemJson) };
  if (e instanceof BusyError) return { ok: false, message: e.message, problems: [] };
  const message = e instanceof Error ? e.message : String(e);
  return { ok: false, message: workbookText.actions.unexpected(message), problems: [] };
}
