/**
 * CPU time of the pure engine (computeYear) on generated years, best of several runs after a
 * warm-up: no service calls, only what V8 spends on this machine.
 */
import { computeYear } from '../../src/core/engine';
import { generateYear } from '../../src/core/samples';

export interface EngineRow {
  units: number;
  criteria: number;
  /** Best of `runs`, in milliseconds. */
  ms: number;
  // ——— extra fields ———
  medianMs: number;
  runs: number;
}

/** Times computeYear for a generated year of `units` × `criteria`. */
export function benchEngine(units: number, criteria: number): EngineRow {
  const year = generateYear({ units, criteria, seed: 42 });
  const cells = units * criteria;
  const runs = cells >= 100_000 ? 15 : cells >= 10_000 ? 15 : 40;
  for (let i = 0; i < 2; i++) computeYear(year);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    computeYear(year);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { units, criteria, ms: round(times[0]!), medianMs: round(times[Math.floor(times.length / 2)]!), runs };
}
