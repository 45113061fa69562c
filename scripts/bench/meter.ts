/**
 * Metering on top of the fakes' call log: the fakes count every call by name (env.calls); the
 * latency model also wants how many cells a values call moved. `installCellMeter()` wraps the
 * fakes' values methods once per process and remembers, for each call record, the cells it
 * moved. Nothing about what the fakes do changes.
 */
import type { CallRecord, FakeEnv } from '../../test/fakes/env';
import { FakeRange, FakeSheet } from '../../test/fakes/spreadsheet';
import { kindOf, latencyMs, type MeteredCall } from './latency';

const cellsOf = new WeakMap<CallRecord, number>();
let installed = false;

/** Range methods that move the whole range's cells, and those that move one cell. */
const RANGE_BLOCK = ['getValues', 'getDisplayValues', 'getFormulas', 'setValues', 'setValue', 'setFormulas', 'getNotes', 'getBackgrounds', 'getNumberFormats', 'setNumberFormats', 'setBackgrounds', 'setNotes', 'clearContent', 'clear'];
const RANGE_SINGLE = ['getValue', 'getDisplayValue', 'getFormula', 'getNote', 'setFormula'];

type Method = (...args: unknown[]) => unknown;

function wrap(proto: object, method: string, cells: (self: Record<string, unknown>, args: unknown[], out: unknown) => number): void {
  const target = proto as Record<string, Method>;
  const original = target[method];
  if (typeof original !== 'function') return;
  target[method] = function (this: Record<string, unknown>, ...args: unknown[]) {
    const env = (this.ctx as { env: FakeEnv }).env;
    const at = env.calls.length;
    const out = original.apply(this, args);
    const record = env.calls[at];
    if (record) cellsOf.set(record, cells(this, args, out));
    return out;
  };
}

/** Wraps the fakes' values methods to meter cells (idempotent). */
export function installCellMeter(): void {
  if (installed) return;
  installed = true;
  const rangeCells = (self: Record<string, unknown>) => Number(self.numRows) * Number(self.numCols);
  for (const m of RANGE_BLOCK) wrap(FakeRange.prototype, m, rangeCells);
  for (const m of RANGE_SINGLE) wrap(FakeRange.prototype, m, () => 1);
  wrap(FakeSheet.prototype, 'getSheetValues', (_s, _a, out) => (out as unknown[][]).reduce((n, row) => n + row.length, 0));
  wrap(FakeSheet.prototype, 'appendRow', (_s, args) => (Array.isArray(args[0]) ? args[0].length : 0));
}

/** The calls of an env since its last reset, with the cells each moved. */
export function meteredCalls(env: FakeEnv): MeteredCall[] {
  return env.calls.map((c) => ({ name: c.name, cells: cellsOf.get(c) ?? 0 }));
}

/** Calls grouped by name, most frequent first. */
export function groupByName(calls: readonly MeteredCall[]): Array<{ name: string; count: number; cells: number; kind: string }> {
  const groups = new Map<string, { name: string; count: number; cells: number; kind: string }>();
  for (const c of calls) {
    const g = groups.get(c.name) ?? { name: c.name, count: 0, cells: 0, kind: kindOf(c.name) };
    g.count++;
    g.cells += c.cells;
    groups.set(c.name, g);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** Calls counted by service (the part of the name before the dot). */
export function countByService(calls: readonly MeteredCall[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of calls) {
    const s = c.name.split('.')[0]!;
    out[s] = (out[s] ?? 0) + 1;
  }
  return out;
}

/** Modelled latency plus measured CPU, rounded to the millisecond. */
export function simulatedMs(calls: readonly MeteredCall[], cpuMs: number, variant: 'model' | 'cached' = 'model'): number {
  return Math.round(latencyMs(calls, variant) + cpuMs);
}
