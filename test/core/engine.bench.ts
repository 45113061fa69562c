/**
 * Speed of the whole engine on the largest cluster we plan for: 700 units × 300 scored rows
 * (plus their group rows), three phases. Target: under 250 ms on a 2-core machine.
 * Run: npx vitest bench --run test/core/engine.bench.ts
 */
import { bench, describe } from 'vitest';
import { computeYear } from '../../src/core/engine';
import { generateYear } from '../../src/core/samples';

const large = generateYear({ units: 700, criteria: 300, seed: 42 });
const sample = generateYear({ units: 6, criteria: 40, seed: 42 });

describe('computeYear', () => {
  bench('700 units × 300 criteria', () => {
    computeYear(large);
  }, { time: 5000, warmupIterations: 3 });

  bench('6 units × 40 criteria', () => {
    computeYear(sample);
  });
});
