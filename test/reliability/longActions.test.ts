/**
 * Long actions at the largest sizes, against Apps Script's 6-minute limit per execution. What
 * runs is the pushed bundle (dist/Code.js) over the in-memory services, as the benchmark runs
 * it (scripts/bench/world.ts); time is the benchmark's latency model (scripts/bench/latency.ts:
 * milliseconds per call by kind of call, plus per cell moved), applied to the exact call log.
 * The model is asserted; the CPU time of this machine is printed, not asserted (it includes the
 * fakes' own work and varies with the machine).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { latencyMs } from '../../scripts/bench/latency';
import { meteredCalls } from '../../scripts/bench/meter';
import { BenchWorld, fillScores, yearConfig } from '../../scripts/bench/world';
import { generateYear } from '../../src/core/samples';
import { recordFigures } from './helpers';

/** Apps Script's limit for one execution. */
const LIMIT_MS = 6 * 60 * 1000;
const figures: Record<string, string> = {};

afterAll(() => {
  recordFigures('longActions', figures);
});

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Sets a generated year up through the bundle as the benchmark does, following set-up through
 * every execution it takes (a set-up too big for one continues from a time trigger), then fills
 * every unit's scores. Returns the modelled milliseconds of each set-up execution.
 */
function prepare(units: number, criteria: number): { world: BenchWorld; setup: number[]; setupCalls: number } {
  const world = new BenchWorld();
  const year = generateYear({ units, criteria, seed: 42 });
  const first = world.execute<{ ok: boolean; message: string }>('setupYear', [yearConfig(year)]);
  expect(first.result.ok, first.result.message).toBe(true);
  const setup = [latencyMs(first.calls)];
  let setupCalls = first.calls.length;
  for (let i = 0; i < 100; i++) {
    world.google.env.resetCalls();
    const runs = world.google.runDueTriggers(60 * 60 * 1000);
    if (runs.length === 0) break;
    for (const r of runs) expect(r.error, `${r.handler}: ${String(r.error)}`).toBeUndefined();
    const calls = meteredCalls(world.google.env);
    setup.push(latencyMs(calls));
    setupCalls += calls.length;
    world.docs.store.endExecution();
  }
  fillScores(world, year);
  return { world, setup, setupCalls };
}

describe('long actions at the largest sizes', () => {
  for (const [units, criteria] of [[63, 300], [700, 30]] as const) {
    it(`recomputes ${units} units × ${criteria} criteria, and sets them up, each execution within 6 minutes under the latency model`, { timeout: 120_000 }, () => {
      const { world, setup, setupCalls } = prepare(units, criteria);
      const first = world.execute<{ ok: boolean; message: string }>('recompute');
      expect(first.result.ok, first.result.message).toBe(true);
      const steady = world.execute<{ ok: boolean; message: string }>('recompute');
      const model = latencyMs(first.calls);
      const modelSteady = latencyMs(steady.calls);
      const key = `${units}×${criteria}`;
      figures[`recompute ${key}`] =
        `${first.calls.length} calls, model ${s(model)} (steady ${steady.calls.length} calls, ${s(modelSteady)}); CPU here ${s(first.cpuMs)}`;
      figures[`set-up ${key}`] = `${setup.length} execution(s), ${setupCalls} calls, longest ${s(Math.max(...setup))}, total ${s(setup.reduce((a, b) => a + b, 0))}`;
      console.info(`recompute ${key}: ${figures[`recompute ${key}`]}\nset-up ${key}: ${figures[`set-up ${key}`]}`);
      expect(model).toBeLessThan(LIMIT_MS);
      expect(modelSteady).toBeLessThanOrEqual(model);
      // Calls grow with the units, not the criteria: one read per unit tab, writes per changed unit.
      expect(first.calls.length).toBeLessThanOrEqual(3 * units + 21); // 21: the flush before the lock goes
      for (const [i, ms] of setup.entries()) expect(ms, `set-up execution ${i + 1} of ${setup.length}`).toBeLessThan(LIMIT_MS);
    });
  }
});
