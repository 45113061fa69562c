/**
 * Keeps the sidebar current without a Làm mới: people type in the sheet, not in the panel, so
 * the status is reloaded when the clerk comes back to the panel (focus, the tab shown again) and
 * at a modest interval while it is visible — never while hidden, never during an action (which
 * reloads it itself), never twice at once. No DOM here: the shell passes what it needs.
 */

/** What the scheduler needs from the page and the shell. */
export interface LiveEnv {
  /** Reloads the status (the shell shares one request between callers). */
  refresh(): Promise<unknown>;
  /** Is the panel shown (document.visibilityState === 'visible')? */
  visible(): boolean;
  /** Is an action running? */
  busy(): boolean;
  now(): number;
  setInterval(fn: () => void, ms: number): unknown;
}

export interface LiveOptions {
  /** Reload this often while visible. */
  everyMs: number;
  /** A focus or a visibility change this soon after the last reload does not reload again. */
  minGapMs: number;
}

export const LIVE_DEFAULTS: LiveOptions = { everyMs: 60_000, minGapMs: 2_000 };

/** The scheduler: call `loaded()` after every reload, `comeBack()` on focus / visibility. */
export interface Live {
  /** The clerk came back to the panel: reload unless it just was. */
  comeBack(): void;
  /** A reload finished (from any cause): the interval counts from here. */
  loaded(): void;
  /** The interval's tick (exposed for tests). */
  tick(): void;
}

/**
 * Starts the interval and returns the handlers for focus and visibility.
 * @example const live = startLive(env); window.addEventListener('focus', live.comeBack);
 */
export function startLive(env: LiveEnv, options: LiveOptions = LIVE_DEFAULTS): Live {
  let last = env.now();
  let running = false;
  const go = () => {
    if (running || !env.visible() || env.busy()) return;
    running = true;
    last = env.now();
    env.refresh().catch(() => undefined).finally(() => {
      running = false;
    });
  };
  const live: Live = {
    comeBack: () => {
      if (env.now() - last >= options.minGapMs) go();
    },
    loaded: () => {
      last = env.now();
    },
    tick: () => {
      // The interval fires often; a reload is due only once everyMs passed since the last one.
      if (env.now() - last >= options.everyMs) go();
    },
  };
  env.setInterval(live.tick, Math.min(options.everyMs, 5_000));
  return live;
}
