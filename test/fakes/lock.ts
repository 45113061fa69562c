/**
 * LockService fake. Lock state is shared by every execution over the same spreadsheet, so a test
 * can hold the document lock in execution A while execution B tries. Nothing really waits: when
 * another execution holds the lock, tryLock returns false and waitLock throws at once, both after
 * advancing the simulated clock by the timeout.
 *
 * Sheets applies a script's writes in batches; Lock.releaseLock's reference says to call
 * SpreadsheetApp.flush() before releasing a lock, so the next execution reads what this one
 * wrote. The fake keeps, per execution, the spreadsheet writes not flushed yet (trackWrites) and
 * records every release of a lock while some are pending in `unflushed`: tests assert it empty.
 */
import { FakeServiceError, type FakeEnv } from './env';
import { requireAuth, type ExecutionInfo } from './session';
import type { SimClock } from './utilities';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

/** A lock released while its execution had spreadsheet writes not flushed. */
export interface UnflushedRelease {
  key: string;
  execution: string;
  user: string;
  /** The pending writes, by call name ("Range.setValues"). */
  writes: string[];
}

/** Held locks by key ("document", "script", "user:<email>"). */
export interface LockState {
  held: Record<string, { execution: string; since: number }>;
  /** Spreadsheet writes not flushed yet, by execution. */
  pending?: Record<string, string[]>;
  /** Every release of a lock while writes were pending, oldest first. */
  unflushed?: UnflushedRelease[];
}

export function newLockState(): LockState {
  return { held: {}, pending: {}, unflushed: [] };
}

/**
 * Releases every lock an execution holds, as Apps Script does when a script ends; its pending
 * writes are applied then too.
 */
export function releaseLocksOf(state: LockState, executionId: string): void {
  for (const [key, h] of Object.entries(state.held)) if (h.execution === executionId) delete state.held[key];
  if (state.pending) delete state.pending[executionId];
}

/** Spreadsheet calls that change it (what flush applies). */
const WRITE = /^(Spreadsheet|Sheet|Range|RangeList|Protection)\.(set|insert|delete|append|clear|add|remove|protect|unprotect|hide|show|merge|break|sort|copy|move|rename|duplicate|check|uncheck|trim|auto|activate|create|update|apply)/;

const isWrite = new Map<string, boolean>();

/** Keeps, per execution of this env, the spreadsheet writes SpreadsheetApp.flush has not applied yet. */
export function trackWrites(env: FakeEnv, exec: ExecutionInfo, state: LockState): void {
  env.onCall((name) => {
    if (name === 'SpreadsheetApp.flush') {
      if (state.pending) delete state.pending[exec.id];
      return;
    }
    let write = isWrite.get(name);
    if (write === undefined) isWrite.set(name, (write = WRITE.test(name)));
    if (write) ((state.pending ??= {})[exec.id] ??= []).push(name);
  });
}


/** Locks released with writes pending (empty when every release was flushed first). */
export function unflushedReleases(state: LockState): UnflushedRelease[] {
  return state.unflushed ?? [];
}

export class FakeLock implements GoogleAppsScript.Lock.Lock {
  private acquired = false;

  constructor(
    private readonly env: FakeEnv,
    private readonly exec: ExecutionInfo,
    private readonly state: LockState,
    private readonly clock: SimClock,
    readonly key: string,
  ) {}

  private heldByMe(): boolean {
    return this.state.held[this.key]?.execution === this.exec.id;
  }

  private acquire(timeoutInMillis: number): boolean {
    if (!Number.isFinite(timeoutInMillis) || timeoutInMillis < 0) throw new FakeServiceError('Invalid argument: timeoutInMillis');
    const h = this.state.held[this.key];
    if (!h || h.execution === this.exec.id) {
      this.state.held[this.key] = { execution: this.exec.id, since: this.clock.now };
      this.acquired = true;
      return true;
    }
    this.clock.now += timeoutInMillis;
    return false;
  }

  tryLock(timeoutInMillis: number): boolean {
    this.env.record('Lock.tryLock');
    return this.acquire(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    this.env.record('Lock.waitLock');
    if (!this.acquire(timeoutInMillis)) throw new FakeServiceError(LOCK_TIMEOUT_MESSAGE);
  }

  releaseLock(): void {
    this.env.record('Lock.releaseLock');
    if (this.heldByMe()) {
      const writes = this.state.pending?.[this.exec.id] ?? [];
      if (writes.length > 0) {
        (this.state.unflushed ??= []).push({ key: this.key, execution: this.exec.id, user: this.env.currentUser, writes: [...new Set(writes)] });
      }
      delete this.state.held[this.key];
    }
    this.acquired = false;
  }

  hasLock(): boolean {
    this.env.record('Lock.hasLock');
    return this.acquired && this.heldByMe();
  }
}

export class FakeLockService {
  constructor(
    private readonly env: FakeEnv,
    private readonly exec: ExecutionInfo,
    private readonly state: LockState,
    private readonly clock: SimClock,
  ) {}

  getDocumentLock(): FakeLock {
    this.env.record('LockService.getDocumentLock');
    requireAuth(this.exec, 'LockService.getDocumentLock');
    return new FakeLock(this.env, this.exec, this.state, this.clock, 'document');
  }

  getScriptLock(): FakeLock {
    this.env.record('LockService.getScriptLock');
    requireAuth(this.exec, 'LockService.getScriptLock');
    return new FakeLock(this.env, this.exec, this.state, this.clock, 'script');
  }

  getUserLock(): FakeLock {
    this.env.record('LockService.getUserLock');
    requireAuth(this.exec, 'LockService.getUserLock');
    return new FakeLock(this.env, this.exec, this.state, this.clock, `user:${this.env.currentUser.toLowerCase()}`);
  }
}
