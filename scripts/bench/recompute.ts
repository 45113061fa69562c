/**
 * Tính điểm & xếp hạng at one size: the add-on's recompute (first run after the units filled
 * their tabs, and a second run with nothing changed), the naive cell-by-cell script over the same
 * state, and the modelled batchGet / batchUpdate alternatives.
 */
import { withBatchGet, withBatchGetAndUpdate } from './alternatives';
import { groupByName, simulatedMs } from './meter';
import { naiveRecompute } from './naive';
import type { MeteredCall } from './latency';
import { prepareYear, type BenchWorld } from './world';

const SPREADSHEET = /^(SpreadsheetApp|Spreadsheet|Sheet|Range)\./;

/** Calls to SpreadsheetApp and its objects only (what the module comment of recompute counts). */
export function spreadsheetCalls(calls: readonly MeteredCall[]): number {
  return calls.filter((c) => SPREADSHEET.test(c.name)).length;
}

const DATA = /^(Sheet\.getSheetValues|Range\.getValues?|Range\.setValues?|Sheet\.appendRow)$/;

/** Calls that move cell data (reads, writes, appended rows): no handles, no metadata, no other service. */
export function dataCalls(calls: ReadonlyArray<{ name: string }>): number {
  return calls.filter((c) => DATA.test(c.name)).length;
}

export interface RecomputeRow {
  units: number;
  criteria: number;
  /** Every service call of the first recompute after the units filled their tabs. */
  calls: number;
  simulatedMs: number;
  naiveCalls: number;
  naiveSimulatedMs: number;
  // ——— extra fields ———
  /** The budget, units + 5, and whether `calls` is within it. */
  budget: number;
  withinBudget: boolean;
  /** SpreadsheetApp / Spreadsheet / Sheet / Range calls only. */
  spreadsheetCalls: number;
  /** Calls that move cell data only (getSheetValues, getValues, setValues, appendRow). */
  dataCalls: number;
  cpuMs: number;
  /** A second recompute with nothing changed: no computed column to rewrite. */
  callsSteady: number;
  spreadsheetCallsSteady: number;
  dataCallsSteady: number;
  simulatedMsSteady: number;
  cpuMsSteady: number;
  naiveCpuMs: number;
  /** The naive script with cached single-cell reads (see latencyModel.cachedVariant). */
  naiveSimulatedMsCached: number;
  /** naiveCalls / calls. */
  ratio: number;
  /** Modelled: all tab reads in one Sheets.Spreadsheets.Values.batchGet. */
  batchGet: { calls: number; simulatedMs: number; callsSteady: number; simulatedMsSteady: number };
  /** Modelled: batchGet and all block writes in one Sheets.Spreadsheets.Values.batchUpdate. */
  batchGetUpdate: { calls: number; simulatedMs: number; callsSteady: number; simulatedMsSteady: number };
  /** Where the calls of the first run go, by name. */
  byName: Array<{ name: string; count: number; cells: number; kind: string }>;
  /** What setting the year up cost (setupYear through the bundle, every part), for the record. */
  setupCalls: number;
  /** CPU of every set-up execution together. */
  setupMs: number;
  /** Modelled time of every set-up execution together, and of the longest one (limit: 6 minutes). */
  setupSimulatedMs: number;
  setupLongestPartMs: number;
  /** Set-up executions: 1, or more when it went on in parts from a trigger. */
  setupParts: Array<{ calls: number; simulatedMs: number }>;
}

interface ActionJson {
  ok: boolean;
  message: string;
}

function recomputeOnce(world: BenchWorld): { calls: MeteredCall[]; cpuMs: number } {
  const run = world.execute<ActionJson>('recompute');
  if (!run.result.ok) throw new Error(`recompute refused: ${run.result.message}`);
  return run;
}

/** Measures recompute and its naive peer for a generated year of `units` × `criteria`. */
export function benchRecompute(units: number, criteria: number): RecomputeRow {
  const prepared = prepareYear(units, criteria);
  const { world } = prepared;
  const first = recomputeOnce(world);
  const steady = recomputeOnce(world);
  const naive = world.executeLocal((apps) => naiveRecompute(apps.SpreadsheetApp));
  if (naive.result.units.length !== units) throw new Error(`naive script found ${naive.result.units.length} unit tabs, expected ${units}`);

  const alt = (f: (c: readonly MeteredCall[]) => MeteredCall[]) => {
    const a = f(first.calls);
    const b = f(steady.calls);
    return { calls: a.length, simulatedMs: simulatedMs(a, first.cpuMs), callsSteady: b.length, simulatedMsSteady: simulatedMs(b, steady.cpuMs) };
  };
  const budget = units + 5;
  return {
    units,
    criteria,
    calls: first.calls.length,
    simulatedMs: simulatedMs(first.calls, first.cpuMs),
    naiveCalls: naive.calls.length,
    naiveSimulatedMs: simulatedMs(naive.calls, naive.cpuMs),
    budget,
    withinBudget: first.calls.length <= budget,
    spreadsheetCalls: spreadsheetCalls(first.calls),
    dataCalls: dataCalls(first.calls),
    cpuMs: Math.round(first.cpuMs),
    callsSteady: steady.calls.length,
    spreadsheetCallsSteady: spreadsheetCalls(steady.calls),
    dataCallsSteady: dataCalls(steady.calls),
    simulatedMsSteady: simulatedMs(steady.calls, steady.cpuMs),
    cpuMsSteady: Math.round(steady.cpuMs),
    naiveCpuMs: Math.round(naive.cpuMs),
    naiveSimulatedMsCached: simulatedMs(naive.calls, naive.cpuMs, 'cached'),
    ratio: Math.round((naive.calls.length / first.calls.length) * 10) / 10,
    batchGet: alt(withBatchGet),
    batchGetUpdate: alt(withBatchGetAndUpdate),
    byName: groupByName(first.calls),
    setupCalls: prepared.setupCalls,
    setupMs: Math.round(prepared.setupMs),
    setupSimulatedMs: prepared.setupParts.reduce((n, p) => n + p.simulatedMs, 0),
    setupLongestPartMs: Math.max(...prepared.setupParts.map((p) => p.simulatedMs)),
    setupParts: prepared.setupParts.map((p) => ({ calls: p.calls, simulatedMs: p.simulatedMs })),
  };
}
