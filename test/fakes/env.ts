/**
 * What every in-memory service shares: the call log (service calls are what an Apps Script
 * action costs, so tests assert their counts), injected faults (fail the Nth call, as Apps Script
 * does with "Service invoked too many times"), and the current user.
 */

export interface CallRecord {
  /** "Service.method", e.g. "Range.getValues", "SpreadsheetApp.getActiveSpreadsheet". */
  name: string;
  /** 1-based position since the log was last reset. */
  index: number;
}

export class FakeServiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

export class FakeEnv {
  calls: CallRecord[] = [];
  private failures: Array<{ at: number; message: string }> = [];
  private predicateFailures: Array<{ when: (name: string, index: number) => boolean; message: string; once: boolean }> = [];
  private hooks: Array<(name: string, index: number) => void> = [];
  private inHook = false;
  /** Whose authority the script runs under (Session.getEffectiveUser; a trigger's creator). */
  currentUser: string;
  /**
   * Session.getActiveUser() when it differs from currentUser: inside an installable trigger, the
   * person whose edit fired it as Google lets the creator see them ("" when hidden). null = currentUser.
   */
  activeUser: string | null = null;
  /** The spreadsheet owner: may always edit, and runs the add-on's own writes. */
  owner: string;

  constructor(owner = 'owner@example.com') {
    this.owner = owner;
    this.currentUser = owner;
  }

  /** Every fake method calls this first: it counts the call and throws an injected fault. */
  record(name: string): void {
    if (this.uncountedDepth > 0) return;
    const index = this.calls.length + 1;
    this.calls.push({ name, index });
    // Hooks let a test interleave another execution at a chosen call; not re-entered.
    if (this.hooks.length && !this.inHook) {
      this.inHook = true;
      try {
        for (const h of [...this.hooks]) h(name, index);
      } finally {
        this.inHook = false;
      }
    }
    const hit = this.failures.findIndex((f) => f.at === index);
    if (hit >= 0) {
      const [f] = this.failures.splice(hit, 1);
      throw new FakeServiceError(f!.message);
    }
    for (const p of this.predicateFailures) {
      if (p.when(name, index)) {
        if (p.once) this.predicateFailures.splice(this.predicateFailures.indexOf(p), 1);
        throw new FakeServiceError(p.message);
      }
    }
  }

  /** Makes the Nth call from now fail (1 = the next call). */
  failNthCall(n: number, message = 'Service invoked too many times for one day: spreadsheets.'): void {
    this.failures.push({ at: this.calls.length + n, message });
  }

  private uncountedDepth = 0;

  /**
   * Runs fn without recording its calls (no count, no hooks, no injected faults): Google's own
   * work, such as the custom functions Sheets runs to recalculate formulas, is not the script's.
   */
  uncounted<T>(fn: () => T): T {
    this.uncountedDepth++;
    try {
      return fn();
    } finally {
      this.uncountedDepth--;
    }
  }

  /** Makes calls matching `when` fail; once by default. */
  failWhen(when: (name: string, index: number) => boolean, message = 'Exceeded maximum execution time', once = true): void {
    this.predicateFailures.push({ when, message, once });
  }

  /**
   * Runs `hook` at every later call, after it is counted and before it does anything: e.g. run
   * execution B's submit when execution A reaches its first Range.setValues. Returns a remover.
   */
  onCall(hook: (name: string, index: number) => void): () => void {
    this.hooks.push(hook);
    return () => {
      this.hooks = this.hooks.filter((h) => h !== hook);
    };
  }

  clearFaults(): void {
    this.failures = [];
    this.predicateFailures = [];
  }

  resetCalls(): void {
    this.calls = [];
  }

  get callCount(): number {
    return this.calls.length;
  }

  /** Calls grouped by service ("Range", "Sheet", …). */
  countByService(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.calls) {
      const service = c.name.split('.')[0]!;
      out[service] = (out[service] ?? 0) + 1;
    }
    return out;
  }

  /** Calls whose name matches a prefix ("Range.", "Document"). */
  count(prefix: string): number {
    return this.calls.filter((c) => c.name.startsWith(prefix)).length;
  }
}
