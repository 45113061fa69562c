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
 * past the wait, throws BusyError with `busyMessage` and runs nothing.
 */
export function withDocumentLock<T>(busyMessage: string, fn: () => T): T {
  const lock = services().lockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new BusyError(busyMessage);
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}
