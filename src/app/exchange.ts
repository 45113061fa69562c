/**
 * Data exchange: the year's results as a file for the sector (exportResults, read-only), the
 * sector roll-up of several clusters' exports (rollUpSector), and a criteria table opened from
 * Excel into a tab, previewed then merged into Tiêu chí (previewCriteriaImport, importCriteria).
 * No new scope: the file is built in the sidebar from the JSON returned here.
 */
import { buildResultsExport, resultsCsv, sectorRollUp } from '../core/exchange';
import { cleanText, isBlank } from '../core/input';
import { codeKey } from '../core/criteria';
import { exchangeText } from '../i18n/exchange';
import { workbookText } from '../i18n/workbook';
import { a1 } from '../workbook/a1';
import { mergeCriteria, parseCriteria } from '../workbook/criteria';
import { detectCriteria, type CriteriaImport } from '../workbook/criteriaImport';
import type { Grid, OutValue } from '../workbook/grid';
import type { Sheet } from '../adapters/sheets';
import { problem, type SheetProblem } from '../workbook/problems';
import { logTime } from '../workbook/time';
import { actionRow, appendLog } from './audit';
import type { Context } from './context';
import { loadWorkbook } from './load';
import { computeWorkbook, requireLeader } from './recompute';
import { ActionError, done, problemJson, type ActionResult, type ProblemJson } from './result';
import { runLocked, runRead } from './run';

const X = exchangeText;
const T = workbookText.tabs;

export interface ExportJson extends ActionResult {
  ok: true;
  /** The export as JSON text (schema thidua.ketqua), and as CSV. */
  json: string;
  csv: string;
  fileNames: { json: string; csv: string };
}

/** A file name without characters that Windows or a mail client would refuse. */
function safeName(s: string): string {
  return cleanText(s).replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, '-').slice(0, 60);
}

/** The year's results as the exchange file, computed now from the sheet (read-only). */
export function exportResults(): ExportJson | ActionResult {
  return runRead((ctx) => {
    const y = ctx.state.year;
    if (!y) throw new ActionError(workbookText.actions.notSetUp);
    const computed = computeWorkbook(ctx);
    const { config } = computed.loaded.parsed;
    const x = buildResultsExport({
      cluster: config.cluster, units: config.units, rules: config.rules, result: computed.result,
      closed: !!y.closed, exportedAt: ctx.now.toISOString(),
    });
    const base = safeName(config.cluster.name);
    return {
      ok: true as const,
      message: X.exporting.done(x.units.length),
      problems: computed.problems.map(problemJson),
      json: JSON.stringify(x, null, 2),
      csv: resultsCsv(x),
      fileNames: { json: X.exporting.fileName(base, x.year, 'json'), csv: X.exporting.fileName(base, x.year, 'csv') },
    };
  });
}

/** Where the exports are pasted: column A of Dữ liệu các cụm, from row 2 (row 1 says what to do). */
function pastedExports(grid: Grid): Array<{ at: string; value: unknown }> {
  const out: Array<{ at: string; value: unknown }> = [];
  grid.forEach((row, i) => {
    const v = row[0];
    if (i === 0 && !String(v ?? '').trim().startsWith('{')) return;
    if (!isBlank(v)) out.push({ at: a1(i + 1, 1), value: String(v) });
  });
  return out;
}

/**
 * Tổng hợp toàn ngành: reads every export pasted in Dữ liệu các cụm (creating the tab with its
 * hint when missing), checks them, and writes the ranking of the clusters' leading units to
 * Tổng hợp toàn ngành as text. Refused, writing nothing, when an export has a problem.
 */
export function rollUpSector(): ActionResult {
  return runLocked(workbookText.actions.busySetup, X.rollUp.logAction, (ctx) => {
    const R = X.rollUp;
    // A sector sheet has no year and no Nhật ký: its refusals are answered, not queued for a log.
    const refuse = (message: string, problems: SheetProblem[] = []): ActionResult => {
      if (ctx.state.year) throw new ActionError(message, problems);
      return { ok: false, message, problems: problems.map(problemJson) };
    };
    // In a cluster's sheet the roll-up's tabs are the cụm trưởng's to make, as the registers are.
    if (ctx.state.year) requireLeader(ctx, loadWorkbook(ctx, { units: [], ballot: false }));
    let data = ctx.sheets.byName(R.dataTab);
    if (!data) {
      data = ctx.sheets.insert(R.dataTab);
      ctx.sheets.write(data, 1, 1, [[R.dataHint]]);
      return refuse(R.noData(R.dataTab));
    }
    const inputs = pastedExports(ctx.sheets.values(data, 1));
    if (inputs.length === 0) return refuse(R.noData(R.dataTab));
    const r = sectorRollUp(inputs);
    const located: SheetProblem[] = r.problems.map((p) => problem(R.dataTab, p.at, p.message));
    if (located.length > 0) return refuse(R.refused(located.length), located);
    const header = [...R.header];
    const lines: OutValue[][] = [
      [R.title(r.year)],
      [R.note(r.clusters.length, logTime(ctx.now))],
      header,
      ...r.rows.map((row) => [
        row.rank, row.unit.name || row.unit.unit, row.cluster, row.unit.score, row.unit.maxTotal, row.unit.percent,
        row.unit.classification, row.title ?? '', row.votePercent ?? '', row.title === null ? R.byRank : '',
      ]),
    ];
    const existing = ctx.sheets.byName(R.resultTab);
    const sheet = existing ?? ctx.sheets.insert(R.resultTab);
    const before: Grid = existing ? ctx.sheets.values(existing, header.length) : [];
    // Rows of an earlier roll-up below the new one are cleared.
    const height = Math.max(before.length, lines.length);
    const after = Array.from({ length: height }, (_, i) => Array.from({ length: header.length }, (_, j) => lines[i]?.[j] ?? ''));
    ctx.sheets.writeGrid(sheet, before, after);
    if (ctx.state.year) appendLog(ctx, [actionRow(ctx, R.logAction, { sheet: R.resultTab, note: r.clusters.join('; ') })]);
    return done(R.done(r.rows.length, r.clusters.length));
  });
}

export interface CriteriaPreviewJson {
  ok: true;
  sheet: string;
  headerRow: number;
  letters: CriteriaImport['letters'];
  rowCount: number;
  /** The first rows as they would be written. */
  rows: Array<{ code: string; content: string; maxPoints: number; kind: string; sourceRow: number }>;
  /** Codes the Tiêu chí tab lacks (written) and those it has (kept as typed). */
  newCount: number;
  keptCount: number;
  problems: ProblemJson[];
  /** Nothing can be imported until a blocking problem is fixed. */
  blocked: boolean;
}

/** Tabs a table could be imported from: every tab but the add-on's own. */
export function importableSheets(): { ok: true; sheets: string[] } | ActionResult {
  return runRead((ctx) => {
    const own = new Set(Object.values(T).map((n) => String(n).toLowerCase()));
    const unitTabs = new Set(Object.values(ctx.state.tabs).map((t) => t.sheet.toLowerCase()));
    const sheets = ctx.sheets.tabs().map((t) => t.name).filter((n) => !own.has(n.toLowerCase()) && !unitTabs.has(n.toLowerCase()) &&
      n !== X.rollUp.dataTab && n !== X.rollUp.resultTab);
    return { ok: true as const, sheets };
  });
}

interface ImportRead {
  sheet: string;
  detected: CriteriaImport;
  problems: SheetProblem[];
  criteriaBefore: Grid;
  /** The Tiêu chí tab, when there is one. */
  criteriaTab: Sheet | null;
  newCodes: Set<string>;
}

/** `criteria`: the Tiêu chí tab already read (an action that loaded the year), else it is read here. */
function readImport(ctx: Context, sheetName: unknown, criteria?: { sheet: Sheet; grid: Grid }): ImportRead {
  const name = typeof sheetName === 'string' ? sheetName.trim() : '';
  const own = new Set([T.criteria, T.config, T.summary, T.ballot, T.log].map((n) => String(n).toLowerCase()));
  if (own.has(name.toLowerCase()) || Object.values(ctx.state.tabs).some((t) => t.sheet === name)) throw new ActionError(X.import.ownTab(name));
  const source = name === '' ? null : ctx.sheets.byName(name);
  if (!source) throw new ActionError(X.import.noSheet(name));
  const grid = ctx.sheets.values(source);
  if (grid.length === 0) throw new ActionError(X.import.empty(name));
  const detected = detectCriteria(grid, name);
  const problems = detected.problems.map((p) => problem(name, p.a1, p.message, p.blocking ? { blocking: true } : { severity: 'warning' }));
  const tab = criteria ? criteria.sheet : ctx.sheets.byName(T.criteria);
  const criteriaBefore = criteria ? criteria.grid : tab ? ctx.sheets.values(tab) : [];
  const have = new Set(parseCriteria(criteriaBefore).table.rows.map((r) => codeKey(r.code)));
  const newCodes = new Set(detected.table.rows.map((r) => codeKey(r.code)).filter((k) => !have.has(k)));
  return { sheet: name, detected, problems, criteriaBefore, criteriaTab: tab, newCodes };
}

/** What importing `sheetName` would write: what was detected, the first rows, the problems (read-only). */
export function previewCriteriaImport(sheetName: string): CriteriaPreviewJson | ActionResult {
  return runRead((ctx) => {
    const r = readImport(ctx, sheetName);
    const rows = r.detected.table.rows;
    return {
      ok: true as const,
      sheet: r.sheet,
      headerRow: r.detected.headerRow,
      letters: r.detected.letters,
      rowCount: rows.length,
      rows: rows.slice(0, 12).map((c) => ({ code: c.code, content: c.content, maxPoints: c.maxPoints, kind: c.kind, sourceRow: r.detected.sourceRow[c.code] ?? 0 })),
      newCount: r.newCodes.size,
      keptCount: rows.length - r.newCodes.size,
      problems: r.problems.map(problemJson),
      blocked: r.problems.some((p) => p.blocking),
    };
  });
}

/**
 * Merges the detected table into Tiêu chí the way set-up does (mergeCriteria): codes the tab lacks
 * are added after their predecessor, rows people typed stay as they are. Once the year is set up,
 * only the cụm trưởng or the owner may, and not in a closed year; set-up run again brings the new
 * rows into the unit tabs.
 */
export function importCriteria(sheetName: string): ActionResult {
  return runLocked(workbookText.actions.busySetup, X.import.logAction, (ctx) => {
    const y = ctx.state.year;
    if (y?.closed) throw new ActionError(workbookText.actions.closed(y.year));
    const loaded = y ? loadWorkbook(ctx, { units: [], ballot: false }) : null;
    if (loaded) requireLeader(ctx, loaded);
    const r = readImport(ctx, sheetName, loaded ? { sheet: loaded.criteria.sheet, grid: loaded.criteria.grid } : undefined);
    const blocking = r.problems.filter((p) => p.blocking);
    if (blocking.length > 0) throw new ActionError(X.import.refused(blocking.length), r.problems);
    if (r.newCodes.size === 0) return done(X.import.nothingNew(r.sheet), r.problems);
    const after = mergeCriteria(r.criteriaBefore, r.detected.table);
    const tab = r.criteriaTab ?? ctx.sheets.insert(T.criteria);
    ctx.sheets.writeGrid(tab, r.criteriaBefore, after);
    const kept = r.detected.table.rows.length - r.newCodes.size;
    if (y) appendLog(ctx, [actionRow(ctx, X.import.logAction, { sheet: T.criteria, note: `${r.sheet}: ${r.newCodes.size}` })]);
    const message = [X.import.done(r.newCodes.size, r.sheet), kept > 0 ? X.import.kept(kept) : '', y ? X.import.rerunSetup : ''].filter((s) => s !== '').join(' ');
    return done(message, r.problems);
  });
}
