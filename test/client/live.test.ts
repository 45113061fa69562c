import { describe, expect, it } from 'vitest';
import { startLive, type LiveEnv } from '../../src/client/live';

/** A page whose clock, visibility and busy flag the test sets; reloads are counted and held. */
function page() {
  const state = { now: 0, visible: true, busy: false, reloads: 0, pending: [] as Array<(ok: boolean) => void>, tick: (): void => undefined };
  const env: LiveEnv = {
    refresh: () => {
      state.reloads += 1;
      return new Promise((resolve, reject) => state.pending.push((ok) => (ok ? resolve(undefined) : reject(new Error('network')))));
    },
    visible: () => state.visible,
    busy: () => state.busy,
    now: () => state.now,
    setInterval: (fn) => {
      state.tick = fn;
      return 1;
    },
  };
  const settle = async (ok = true) => {
    for (const f of state.pending.splice(0)) f(ok);
    await new Promise((r) => setTimeout(r, 0));
  };
  return { state, env, settle };
}

describe('startLive', () => {
  it('reloads every minute while the panel is visible, and not while it is hidden', async () => {
    const { state, env, settle } = page();
    const live = startLive(env, { everyMs: 60_000, minGapMs: 2_000 });
    state.now = 30_000;
    state.tick();
    expect(state.reloads).toBe(0);
    state.now = 60_000;
    state.tick();
    expect(state.reloads).toBe(1);
    await settle();
    live.loaded();
    state.visible = false;
    state.now = 200_000;
    state.tick();
    expect(state.reloads).toBe(1);
    state.visible = true;
    state.tick();
    expect(state.reloads).toBe(2);
  });

  it('reloads when the clerk comes back, unless it just did', async () => {
    const { state, env, settle } = page();
    const live = startLive(env, { everyMs: 60_000, minGapMs: 2_000 });
    state.now = 1_000;
    live.comeBack();
    expect(state.reloads).toBe(0);
    state.now = 5_000;
    live.comeBack();
    expect(state.reloads).toBe(1);
    await settle();
    live.loaded();
    state.now = 6_000;
    live.comeBack();
    expect(state.reloads).toBe(1);
  });

  it('never reloads during an action nor twice at once, and goes on after a failed reload', async () => {
    const { state, env, settle } = page();
    const live = startLive(env, { everyMs: 60_000, minGapMs: 2_000 });
    state.busy = true;
    state.now = 100_000;
    live.comeBack();
    state.tick();
    expect(state.reloads).toBe(0);
    state.busy = false;
    live.comeBack();
    live.comeBack();
    state.tick();
    expect(state.reloads).toBe(1);
    await settle(false);
    state.now = 200_000;
    state.tick();
    expect(state.reloads).toBe(2);
  });
});
