/**
 * npm run bench — what the add-on costs, on the in-memory fakes with a documented latency model
 * (scripts/bench/latency.ts), against a hand-written cell-by-cell script. Prints tables and
 * writes bench/results.json (gitignored). Not a test: the call-count checks that run in
 * `npm test` are test/bench/calls.test.ts.
 *
 *   recompute        U ∈ {5, 20, 63, 700} × C ∈ {30, 100, 300}: calls, simulated time, naive peer,
 *                    modelled Sheets batchGet / batchUpdate alternatives
 *   engine           CPU of computeYear at the same sizes, best of several runs
 *   customFunctions  R ∈ {10, 100, 1000} rows: one array formula vs one formula per row
 *   documents        covenant 7 × 60 (and the others): DocumentApp / Drive calls
 *   status           the sidebar's one status call (getStatus), made after every action, when the
 *                    clerk comes back to the panel and every minute while it is visible
 *   registers        5 × 30 and 20 × 100: Tạo bảng Sáng kiến và Quỹ (first, again), and what the
 *                    registers add to recompute and the status call
 *   exchange         5 × 30 and 20 × 100: the results export, the reminder, the criteria import
 *                    (preview, write) and the sector roll-up of three clusters' exports
 *   midYear          7 × 60: Sơ kết 6 tháng opened (new tab, again), the panel's read of it, closed,
 *                    and loadMidYearReview (what the báo cáo sơ kết reads of the round)
 *
 * Options: --quick (drops the 700-unit sizes), --sizes=5x30,20x100 (recompute and engine sizes).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { SCOPE_NOTE } from './bench/alternatives';
import { benchDocuments, type DocumentRow } from './bench/documents';
import { benchEngine, type EngineRow } from './bench/engine';
import { benchFunctions, type FunctionRow } from './bench/functions';
import { latencyModelJson } from './bench/latency';
import { benchRecompute, type RecomputeRow } from './bench/recompute';
import { benchStatus, type StatusRow } from './bench/status';
import { benchRegisters, type RegistersRow } from './bench/registers';
import { benchExchange, type ExchangeRow } from './bench/exchange';
import { benchMidYear, type MidYearRow } from './bench/midYear';
import { BenchWorld, ROOT } from './bench/world';

const UNITS = [5, 20, 63, 700];
const CRITERIA = [30, 100, 300];
const ROWS = [10, 100, 1000];

function sizes(): Array<[number, number]> {
  const arg = process.argv.find((a) => a.startsWith('--sizes='));
  if (arg) {
    return arg.slice('--sizes='.length).split(',').map((s) => {
      const [u, c] = s.split('x').map(Number);
      if (!u || !c) throw new Error(`bad size "${s}" (want UxC, e.g. 20x100)`);
      return [u, c] as [number, number];
    });
  }
  const quick = process.argv.includes('--quick');
  return UNITS.filter((u) => !quick || u < 700).flatMap((u) => CRITERIA.map((c) => [u, c] as [number, number]));
}

// ——— printing ———

function table(title: string, head: string[], rows: Array<Array<string | number>>): void {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const width = head.map((_, j) => Math.max(...cells.map((r) => r[j]!.length)));
  const line = (r: string[]) => r.map((c, j) => (j < 2 ? c.padEnd(width[j]!) : c.padStart(width[j]!))).join('  ');
  console.log(`\n${title}`);
  console.log(line(head));
  console.log(width.map((w) => '─'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
}

const s = (ms: number | null) => (ms === null ? '—' : ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(2)} s`);
const n = (x: number) => x.toLocaleString('en-US');

function elapsed(t0: number): string {
  return `${((performance.now() - t0) / 1000).toFixed(1)} s`;
}

// ——— run ———

const started = performance.now();
const loadAtStart = loadavg().map((x) => Math.round(x * 100) / 100);
const recompute: RecomputeRow[] = [];
const engine: EngineRow[] = [];
const timings: Record<string, string> = {};

let t = performance.now();
for (const [u, c] of sizes()) {
  const t1 = performance.now();
  recompute.push(benchRecompute(u, c));
  process.stderr.write(`recompute ${u}×${c}: ${elapsed(t1)}\n`);
}
timings.recompute = elapsed(t);

t = performance.now();
for (const [u, c] of sizes()) engine.push(benchEngine(u, c));
timings.engine = elapsed(t);

t = performance.now();
const world = new BenchWorld();
const customFunctions: FunctionRow[] = ROWS.flatMap((r) => benchFunctions(r, world));
timings.customFunctions = elapsed(t);

t = performance.now();
const documents: DocumentRow[] = benchDocuments(7, 60);
timings.documents = elapsed(t);

t = performance.now();
const status: StatusRow[] = sizes().filter(([u]) => u <= 63).map(([u, c]) => benchStatus(u, c));
timings.status = elapsed(t);

t = performance.now();
const registers: RegistersRow[] = [benchRegisters(5, 30), benchRegisters(20, 100)].flat();
timings.registers = elapsed(t);

t = performance.now();
const exchange: ExchangeRow[] = [benchExchange(5, 30), benchExchange(20, 100)].flat();
timings.exchange = elapsed(t);

t = performance.now();
const midYear: MidYearRow[] = benchMidYear(7, 60);
timings.midYear = elapsed(t);
timings.total = elapsed(started);

// ——— targets ———

const byUnits = new Map<number, RecomputeRow[]>();
for (const r of recompute) byUnits.set(r.units, [...(byUnits.get(r.units) ?? []), r]);
const flatInC = [...byUnits.values()].every((rows) => rows.every((r) => r.callsSteady === rows[0]!.callsSteady));
const firstRunExtra = [...byUnits.values()].flatMap((rows) => rows.filter((r) => r.calls !== rows[0]!.calls).map((r) => `${r.units}×${r.criteria}: first run ${r.calls} vs ${rows[0]!.calls} at ${rows[0]!.criteria} criteria`));
const at20x100 = recompute.find((r) => r.units === 20 && r.criteria === 100);
const engine700 = engine.find((r) => r.units === 700 && r.criteria === 300);
const covenant = documents.filter((d) => d.document === 'covenant');
const covenantWorst = covenant.every((d) => d.calls !== null) ? Math.max(...covenant.map((d) => d.calls!)) : null;
const targets = {
  recomputeWithinBudget: {
    target: 'calls ≤ units + 5 at every size, every service counted',
    met: recompute.every((r) => r.withinBudget),
    steadyMet: recompute.every((r) => r.callsSteady <= r.budget),
    over: recompute.filter((r) => !r.withinBudget).map((r) => `${r.units}×${r.criteria}: ${r.calls} (steady ${r.callsSteady}) > ${r.budget}`),
    // The same budget under narrower ways of counting, and under the modelled Sheets API path.
    byMeasure: {
      everyService: { first: recompute.every((r) => r.calls <= r.budget), steady: recompute.every((r) => r.callsSteady <= r.budget) },
      spreadsheetService: { first: recompute.every((r) => r.spreadsheetCalls <= r.budget), steady: recompute.every((r) => r.spreadsheetCallsSteady <= r.budget) },
      cellData: { first: recompute.every((r) => r.dataCalls <= r.budget), steady: recompute.every((r) => r.dataCallsSteady <= r.budget) },
      batchGetUpdateModelled: { first: recompute.every((r) => r.batchGetUpdate.calls <= r.budget), steady: recompute.every((r) => r.batchGetUpdate.callsSteady <= r.budget) },
    },
  },
  recomputeFlatInCriteria: {
    target: 'calls do not grow with the number of criteria (steady runs compared; a first run may widen Tổng hợp once)',
    met: flatInC,
    firstRunExtra,
  },
  naiveRatioAt20x100: { target: '≥ 50× fewer calls than the naive script at 20 × 100', ratio: at20x100?.ratio ?? null, met: at20x100 ? at20x100.ratio >= 50 : null },
  setupWithinLimit: {
    target: 'every set-up execution within 6 minutes under the latency model (a large year goes on in parts)',
    met: recompute.every((r) => r.setupLongestPartMs < 6 * 60_000),
    longest: recompute.map((r) => `${r.units}×${r.criteria}: ${r.setupParts.length} × ≤ ${s(r.setupLongestPartMs)}`),
  },
  engine700x300: { target: 'computeYear 700 × 300 under 250 ms', ms: engine700?.ms ?? null, met: engine700 ? engine700.ms < 250 : null },
  covenant7x60: {
    target: 'covenant 7 × 60 in under 150 DocumentApp / Drive calls (PDF included)',
    calls: covenantWorst,
    met: covenantWorst === null ? null : covenantWorst < 150,
    ...(covenantWorst === null ? { missing: covenant.map((d) => d.error).find(Boolean) } : {}),
  },
};

// ——— print ———

table(
  'Tính điểm & xếp hạng (recompute) — calls of one execution, simulated time = modelled latency + measured CPU',
  ['U', 'C', 'calls', 'U+5', 'steady', 'sheet', 'data', 'sim', 'steady sim', 'cpu', 'naive calls', 'naive sim', 'cached', 'ratio', 'batchGet', 'sim', '+update', 'sim', 'setup calls'],
  recompute.map((r) => [
    r.units, r.criteria, r.calls, r.budget, r.callsSteady, `${r.spreadsheetCalls}/${r.spreadsheetCallsSteady}`, `${r.dataCalls}/${r.dataCallsSteady}`, s(r.simulatedMs), s(r.simulatedMsSteady), s(r.cpuMs), n(r.naiveCalls), s(r.naiveSimulatedMs), s(r.naiveSimulatedMsCached),
    `${r.ratio}×`, r.batchGet.calls, s(r.batchGet.simulatedMs), r.batchGetUpdate.calls, s(r.batchGetUpdate.simulatedMs), n(r.setupCalls),
  ]),
);
console.log('calls: first recompute after every unit filled its tab (each unit’s computed points are written once); steady: a second run, nothing changed;');
console.log('sheet, data (first/steady): SpreadsheetApp/Spreadsheet/Sheet/Range calls only, and of those the calls that move cell data; cached: naive script with cached single-cell reads; batchGet/+update: modelled Sheets advanced service.');

table(
  'Khởi tạo năm thi đua (setupYear) — every execution it takes: one, or parts started by a trigger when too large for one',
  ['U', 'C', 'calls', 'executions', 'sim total', 'longest', 'calls per execution'],
  recompute.map((r) => [r.units, r.criteria, n(r.setupCalls), r.setupParts.length, s(r.setupSimulatedMs), s(r.setupLongestPartMs), r.setupParts.map((p) => n(p.calls)).join(' + ')]),
);
console.log('longest: the modelled time of the longest execution, against Apps Script’s 6-minute limit per execution.');

const sample = recompute.find((r) => r.units === 20 && r.criteria === 100) ?? recompute[0];
if (sample) {
  table(`Where the calls of recompute go (${sample.units} × ${sample.criteria}, first run)`, ['call', 'kind', 'count', 'cells'], sample.byName.map((g) => [g.name, g.kind, g.count, n(g.cells)]));
}

table('Engine (computeYear, CPU on this machine)', ['U', 'C', 'best ms', 'median ms', 'runs'], engine.map((r) => [r.units, r.criteria, r.ms, r.medianMs, r.runs]));

table(
  'Custom functions: one array formula vs one formula per row',
  ['function', 'rows', 'array calls', 'per-cell calls', 'array cpu ms', 'per-cell cpu ms', 'array sim', 'per-cell sim'],
  customFunctions.map((r) => [r.function, r.rows, r.arrayCalls, r.perCellCalls, r.arrayCpuMs, r.perCellCpuMs, s(r.arraySimulatedMs), s(r.perCellSimulatedMs)]),
);

table(
  'Documents (7 units × 60 criteria)',
  ['document', 'pdf', 'doc+drive calls', 'all calls', 'sim', 'note'],
  documents.map((d) => [d.document, d.pdf ? 'yes' : 'no', d.calls ?? '—', d.allCalls, s(d.simulatedMs), d.ok ? (d.firstRun ? 'first of the year: creates the folder and the Văn bản tab' : '') : d.error ?? '']),
);

table(
  'Bảng điều khiển: getStatus, the panel’s one status call (after each action, on coming back, every minute while visible)',
  ['U', 'C', 'calls', 'sim', 'cpu ms', 'answer KB'],
  status.map((r) => [r.units, r.criteria, r.calls, s(r.simulatedMs), r.cpuMs, (r.answerBytes / 1024).toFixed(1)]),
);
console.log('calls: reads only — the context (5), Cấu hình, Tiêu chí, Bình xét and one read per unit tab (getSheetValues).');

table(
  'Sáng kiến, Quỹ: Tạo bảng Sáng kiến và Quỹ, and recompute / getStatus without and with the registers',
  ['action', 'U', 'C', 'calls', 'sim', 'cpu ms'],
  registers.map((r) => [r.action, r.units, r.criteria, r.calls, s(r.simulatedMs), r.cpuMs]),
);

table(
  'Trao đổi dữ liệu, đôn đốc: one execution each (the roll-up in a sector sheet of three exports)',
  ['action', 'U', 'C', 'calls', 'sim', 'cpu ms'],
  exchange.map((r) => [r.action, r.units, r.criteria, r.calls, s(r.simulatedMs), r.cpuMs]),
);

table(
  'Sơ kết 6 tháng: open (new tab, again), the panel\'s read, close, the review the báo cáo sơ kết loads, reopen',
  ['action', 'U', 'C', 'calls', 'sim', 'cpu ms'],
  midYear.map((r) => [r.action, r.units, r.criteria, r.calls, s(r.simulatedMs), r.cpuMs]),
);

console.log('\nTargets');
for (const [k, v] of Object.entries(targets)) console.log(`  ${v.met === true ? 'MET   ' : v.met === false ? 'NOT MET' : 'n/a   '}  ${k}: ${JSON.stringify(v)}`);
console.log(`\nBatchGet scope: ${SCOPE_NOTE}`);
console.log(`\nRun time: ${JSON.stringify(timings)}; load average at start ${loadAtStart.join(' / ')}, at end ${loadavg().map((x) => x.toFixed(2)).join(' / ')} on ${cpus().length} CPUs`);

// ——— results.json ———

const results = {
  generatedAt: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? '',
    node: process.version,
    // 1/5/15-minute load averages: timings are only comparable between runs on a quiet machine.
    loadAtStart,
    loadAtEnd: loadavg().map((x) => Math.round(x * 100) / 100),
  },
  latencyModel: { ...latencyModelJson(), batchGetScope: SCOPE_NOTE },
  recompute,
  engine,
  customFunctions,
  documents,
  status,
  registers,
  exchange,
  midYear,
  targets,
  timings,
};
const outDir = join(ROOT, 'bench');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nWrote ${join('bench', 'results.json')}`);
