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
import { cellAt } from '../workbook/grid';
import { errorsOf, type SheetProblem } from '../workbook/problems';
import { identify, isLeader } from '../workbook/rights';
import { KEY, submissionStatus, type SubmissionStatus } from '../workbook/state';
import { problemsNote, renderSummary, SUMMARY_LAYOUT } from '../workbook/summary';
import { shortTime } from '../workbook/time';
import { UNIT_LAYOUT, computedColumn } from '../workbook/unitSheet';
import { buildYear, locateEngineProblems } from '../workbook/year';
import { actionRow, appendLog } from './audit';
import type { Context } from './context';
import { loadWorkbook, type Loaded } from './load';
import { ActionError, done, type ActionResult } from './result';
import { runLocked } from './run';
import { statusLine } from './setup';

const A = workbookText.actions;

/** The year computed from the sheet, with every problem located. */
export interface Computed {
  loaded: Loaded;
  result: YearResult;
  problems: SheetProblem[];
}

/** Reads and computes, writing nothing. */
export function computeWorkbook(ctx: Context): Computed {
  const loaded = loadWorkbook(ctx);
  const result = computeYear(buildYear(loaded.parsed));
  const problems = [...loaded.problems, ...locateEngineProblems(result.problems, loaded.parsed, loaded.problems)];
  return { loaded, result, problems };
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
 * Writes Tổng hợp (one block, padded to blank a longer previous one) and the changed computed
 * columns. Every value is prepared before the first write.
 */
export function writeResults(ctx: Context, computed: Computed): void {
  const y = ctx.state.year!;
  const { loaded, result, problems } = computed;
  const status: Record<string, SubmissionStatus> = {};
  for (const u of loaded.parsed.config.units) status[u.id] = submissionStatus(ctx.state, u.id);
  const summary = renderSummary(
    {
      clusterName: loaded.parsed.config.cluster.name,
      year: y.year,
      result,
      units: loaded.parsed.config.units,
      criteria: loaded.parsed.criteria.table,
      titles: loaded.parsed.config.rules.titles,
      status,
      problems,
      at: shortTime(ctx.now),
      by: ctx.user,
    },
    y.summary,
  );
  const computedWrites: Array<{ unitId: string; values: ReturnType<typeof computedColumn> }> = [];
  for (const [unitId, tab] of loaded.parsed.unitTabs) {
    if (!tab) continue;
    const values = computedColumn(tab.parsed, loaded.parsed.criteria.table, result.units.find((u) => u.unitId === unitId));
    if (values && values.length > 0) computedWrites.push({ unitId, values });
  }

  // Status lines a unit could not write itself (a focal officer submitting) are brought up to date.
  const statusWrites: Array<{ unitId: string; text: string }> = [];
  for (const [unitId, tab] of loaded.units) {
    if (!tab) continue;
    const text = statusLine(ctx.state, unitId);
    if (cellAt(tab.grid, UNIT_LAYOUT.statusRow, 2) !== text) statusWrites.push({ unitId, text });
  }

  const rows = summary.length;
  const columns = summary[0]?.length ?? 1;
  const capacity = { rows: Math.max(1000, y.summary.rows), columns: Math.max(26, y.summary.columns) };
  if (rows > capacity.rows || columns > capacity.columns) {
    const sheet = ctx.sheets.byName(workbookText.tabs.summary);
    if (!sheet) throw new ActionError(workbookText.problems.missingTab(workbookText.tabs.summary));
    ctx.sheets.ensureSize(sheet, rows, columns);
  }
  // Through the adapter: people's text (unit names, criteria) is written as text, never a formula.
  if (ctx.sheets.writeToTab(workbookText.tabs.summary, SUMMARY_LAYOUT.titleRow, 1, summary) === 'missing') {
    throw new ActionError(workbookText.problems.missingTab(workbookText.tabs.summary));
  }
  for (const w of computedWrites) {
    const sheet = loaded.units.get(w.unitId)?.sheet;
    if (sheet && w.values) ctx.sheets.write(sheet, UNIT_LAYOUT.firstRow, UNIT_LAYOUT.column.computed, w.values);
  }
  for (const w of statusWrites) {
    const sheet = loaded.units.get(w.unitId)?.sheet;
    if (sheet) ctx.sheets.write(sheet, UNIT_LAYOUT.statusRow, 2, [[w.text]]);
  }
  // The year record only remembers how far Tổng hợp reaches: store it only when that grew.
  const reach = { rows: Math.max(rows, y.summary.rows), columns: Math.max(columns, y.summary.columns) };
  if (reach.rows !== y.summary.rows || reach.columns !== y.summary.columns) {
    y.summary = reach;
    ctx.store.write({ [KEY.year]: JSON.stringify(y) });
  }
}
