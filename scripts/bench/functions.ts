/**
 * Custom functions: a formula over a whole range is one call to the Apps Script server; the
 * same formula copied down R rows is R calls (Sheets evaluates each cell on its own). Both are
 * run here through the bundle's top-level THIDUA_* stubs, with the CPU each way measured; the
 * functions use no service, so each call's cost is the server round trip of the model.
 */
import { KINDS } from './latency';
import { BenchWorld } from './world';

export interface FunctionRow {
  rows: number;
  arrayCalls: 1;
  perCellCalls: number;
  // ——— extra fields ———
  function: string;
  /** The formula each way, as typed in a Vietnamese-locale sheet. */
  arrayFormula: string;
  perCellFormula: string;
  arrayCpuMs: number;
  perCellCpuMs: number;
  /** calls × the modelled custom-function round trip + CPU. */
  arraySimulatedMs: number;
  perCellSimulatedMs: number;
  /** Service calls the functions made (always 0: custom functions read only their arguments). */
  serviceCalls: number;
}

type Cell = number | string;
type Fn = (...args: unknown[]) => unknown;

interface Case {
  name: string;
  arrayFormula: (r: number) => string;
  perCellFormula: string;
  array: (f: Fn, data: Data) => unknown;
  cell: (f: Fn, data: Data, i: number) => unknown;
}

interface Data {
  results: Cell[][];
  targets: Cell[][];
  scores: Cell[][];
}

const CASES: Case[] = [
  {
    name: 'THIDUA_DIEM',
    arrayFormula: (r) => `=THIDUA_DIEM(F5:F${4 + r};E5:E${4 + r};5;"tỷ lệ")`,
    perCellFormula: '=THIDUA_DIEM(F5;E5;5;"tỷ lệ") copied down',
    array: (f, d) => f(d.results, d.targets, 5, 'tỷ lệ'),
    cell: (f, d, i) => f(d.results[i]![0], d.targets[i]![0], 5, 'tỷ lệ'),
  },
  {
    name: 'THIDUA_RANK',
    arrayFormula: (r) => `=THIDUA_RANK(E5:E${4 + r})`,
    perCellFormula: '=THIDUA_RANK(E5;E$5:E$…) copied down',
    array: (f, d) => f(d.scores),
    cell: (f, d, i) => f(d.scores[i]![0], d.scores),
  },
  {
    name: 'THIDUA_XEPLOAI',
    arrayFormula: (r) => `=THIDUA_XEPLOAI(E5:E${4 + r};100)`,
    perCellFormula: '=THIDUA_XEPLOAI(E5;100) copied down',
    array: (f, d) => f(d.scores, 100),
    cell: (f, d, i) => f(d.scores[i]![0], 100),
  },
];

function data(rows: number): Data {
  const results: Cell[][] = [];
  const targets: Cell[][] = [];
  const scores: Cell[][] = [];
  for (let i = 0; i < rows; i++) {
    results.push([(i * 37) % 120]);
    targets.push([90 + (i % 11)]);
    scores.push([Math.round(((i * 7919) % 5000) / 50) + (i % 3) * 0.25]);
  }
  return { results, targets, scores };
}

function timed(run: () => void): number {
  run(); // warm-up
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

/** The three per-row functions at `rows` rows, each way. */
export function benchFunctions(rows: number, world = new BenchWorld()): FunctionRow[] {
  const d = data(rows);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return CASES.map((c) => {
    const f = world.fn(c.name);
    world.google.env.resetCalls();
    const arrayCpu = timed(() => void c.array(f, d));
    const perCellCpu = timed(() => {
      for (let i = 0; i < rows; i++) c.cell(f, d, i);
    });
    const serviceCalls = world.google.env.callCount;
    const trip = KINDS.customFunction.base;
    return {
      rows,
      arrayCalls: 1 as const,
      perCellCalls: rows,
      function: c.name,
      arrayFormula: c.arrayFormula(rows),
      perCellFormula: c.perCellFormula,
      arrayCpuMs: round(arrayCpu),
      perCellCpuMs: round(perCellCpu),
      arraySimulatedMs: Math.round(trip + arrayCpu),
      perCellSimulatedMs: Math.round(trip * rows + perCellCpu),
      serviceCalls,
    };
  });
}
