/** The document lock around every read-modify-write of the workbook. */
import { services } from './services';

/** Thrown when another execution holds the lock; the message is for the user. */
export class BusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BusyError';
  }
}

/** How long to wait for the lock before telling the user to come back. */
export const LOCK_WAIT_MS = 10_000;

/**
 * Runs `fn` holding the document lock, released in all cases. When another execution holds it
 * past the wait, throws BusyError with `busyMessage` and runs nothing. Sheets applies a script's
 * writes in batches: they are flushed before the lock goes (1 call), as Lock.releaseLock's
 * reference asks, so the next execution to take it reads them.
 */
export function withDocumentLock<T>(busyMessage: string, fn: () => T): T {
  const s = services();
  const lock = s.lockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new BusyError(busyMessage);
  try {
    return fn();
  } finally {
    try {
      s.spreadsheetApp.flush();
    } catch {
      // Pending writes are still applied when the execution ends; the lock must go either way.
    } finally {
      lock.releaseLock();
    }
  }
}
