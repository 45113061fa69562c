/**
 * Tính điểm & xếp hạng: read every tab once, compute the whole year in memory, then write
 * Tổng hợp in one block and the computed points of the units whose points changed. Nothing is
 * written until everything is computed, and nothing is written into a column people type in.
 *
 * Cost in spreadsheet calls with U units, whatever the number of criteria: 1 (spreadsheet) +
 * 1 (tab list) + 3 (Cấu hình, Tiêu chí, Bình xét) + U (unit tabs) + 2 (Tổng hợp) + 2 (Nhật ký
 * line, when the owner runs it) + 1 (the flush before the lock goes) = U + 10, plus 2 per unit
 * whose computed points or status line changed. Outside Sheets: 3 lock, 2 + 1 properties (the
 * write only when Tổng hợp grew), 1 session.
 */
import { computeYear } from '../core/engine';
import type { YearResult } from '../core/results';
import { workbookText } from '../i18n/workbook';
import type { Grid } from '../workbook/grid';
import { resultsPlan } from '../workbook/plan';
import { applyWritePlan } from '../adapters/plan';
import { errorsOf, type SheetProblem } from '../workbook/problems';
import { identify, isLeader } from '../workbook/rights';
import { problemsNote } from '../workbook/summary';
import { shortTime } from '../workbook/time';
import { proceedReasons, submittedUnits } from '../workbook/state';
import { buildYear, locateEngineProblems, type YearProgress } from '../workbook/year';
import { actionRow, appendLog } from './audit';
import type { Context } from './context';
import { loadWorkbook, type Loaded, type LoadOptions } from './load';
import { ActionError, done, type ActionResult } from './result';
import { runLocked } from './run';

const A = workbookText.actions;

/** The year computed from the sheet, with every problem located. */
export interface Computed {
  loaded: Loaded;
  result: YearResult;
  problems: SheetProblem[];
}

/** Reads and computes, writing nothing (`options`: what to read besides the usual, e.g. Quỹ for the report). */
export function computeWorkbook(ctx: Context, options: LoadOptions = {}): Computed {
  const loaded = loadWorkbook(ctx, options);
  const result = computeYear(buildYear(loaded.parsed, yearProgress(ctx)));
  const problems = [...loaded.problems, ...locateEngineProblems(result.problems, loaded.parsed, loaded.problems)];
  return { loaded, result, problems };
}

/** Who submitted and the reasons to proceed, from the state already read (no call). */
export function yearProgress(ctx: Context): YearProgress {
  return { submitted: submittedUnits(ctx.state), proceedReasons: proceedReasons(ctx.state) };
}

/** Recomputes under the document lock (see the module comment for its cost). */
export function recompute(): ActionResult {
  return runLocked(A.busy, workbookText.log.actions.recompute, (ctx) => recomputeInLock(ctx));
}

/** Refuses unless the current user is the owner or the cụm trưởng. */
export function requireLeader(ctx: Context, loaded: Loaded): void {
  if (!isLeader(identify(ctx.user, loaded.facts))) throw new ActionError(A.onlyLeaderOrOwner);
}

function recomputeInLock(ctx: Context): ActionResult {
  const y = ctx.state.year;
  if (!y) throw new ActionError(A.notSetUp);
  if (y.closed) throw new ActionError(A.closed(y.year));
  const computed = computeWorkbook(ctx);
  requireLeader(ctx, computed.loaded);
  const blocking = computed.problems.filter((p) => p.blocking);
  if (blocking.length > 0) throw new ActionError(A.recomputeRefused(blocking.length), computed.problems);
  writeResults(ctx, computed);
  const errors = errorsOf(computed.problems);
  appendLog(ctx, [actionRow(ctx, workbookText.log.actions.recompute, { sheet: workbookText.tabs.summary, note: problemsNote(computed.problems) })]);
  return done(A.recomputeDone(computed.result.units.length, errors.length), computed.problems);
}

/**
 * Writes Tổng hợp, the changed computed columns and status lines: the plan is built in full
 * (src/workbook/plan.ts) before the first write, then carried out by the adapter.
 */
export function writeResults(ctx: Context, computed: Computed): void {
  const { plan, summary } = resultsPlanOf(ctx, computed);
  const outcome = applyWritePlan(ctx.sheets, ctx.store, plan, computed.loaded.units);
  if (outcome.missing !== null) throw new ActionError(workbookText.problems.missingTab(outcome.missing));
  ctx.state.year!.summary = summary;
}

/** The results plan of the year as computed (writes nothing). */
export function resultsPlanOf(ctx: Context, computed: Computed): ReturnType<typeof resultsPlan> {
  const { loaded, result, problems } = computed;
  const unitGrids = new Map<string, Grid | null>();
  for (const [unitId, tab] of loaded.units) unitGrids.set(unitId, tab?.grid ?? null);
  return resultsPlan({
    state: ctx.state, year: ctx.state.year!, cluster: loaded.parsed.config.cluster, units: loaded.parsed.config.units,
    criteria: loaded.parsed.criteria.table, titles: loaded.parsed.config.rules.titles, result, problems,
    unitTabs: loaded.parsed.unitTabs, unitGrids, at: shortTime(ctx.now), by: ctx.user,
  });
}
