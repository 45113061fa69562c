/**
 * LockService fake. Lock state is shared by every execution over the same spreadsheet, so a test
 * can hold the document lock in execution A while execution B tries. Nothing really waits: when
 * another execution holds the lock, tryLock returns false and waitLock throws at once, both after
 * advancing the simulated clock by the timeout.
 */
import { FakeServiceError, type FakeEnv } from './env';
import { requireAuth, type ExecutionInfo } from './session';
import type { SimClock } from './utilities';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

/** Held locks by key ("document", "script", "user:<email>"). */
export interface LockState {
  held: Record<string, { execution: string; since: number }>;
}

export function newLockState(): LockState {
  return { held: {} };
}

/** Releases every lock an execution holds, as Apps Script does when a script ends. */
export function releaseLocksOf(state: LockState, executionId: string): void {
  for (const [key, h] of Object.entries(state.held)) if (h.execution === executionId) delete state.held[key];
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
    if (this.heldByMe()) delete this.state.held[this.key];
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
