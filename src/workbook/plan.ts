/**
 * Write plans: what an action writes, computed in full before the first write, as data. The
 * adapter carries a plan out (applyWritePlan in src/adapters/plan.ts) in the fewest calls, always
 * writing people's text as text. Building a plan reads nothing and writes nothing.
 */
import { cleanText, normalizeKey, parseNumber, type CellValue } from '../core/input';
import type { CriteriaTable } from '../core/model';
import type { YearResult } from '../core/results';
import type { ClusterInfo, RuleSet, Unit } from '../core/model';
import { workbookText } from '../i18n/workbook';
import { BALLOT_LAYOUT, mergeBallot, parseBallots } from './ballot';
import { cellAt, diffGrid, type Grid, type OutValue } from './grid';
import { errorsOf, type SheetProblem } from './problems';
import type { ProtectionSpec } from './rights';
import { findSnapshotRow, snapshotRow, type Snapshot } from './snapshot';
import { KEY, submissionStatus, type Submission, type SubmissionStatus, type WorkbookState, type YearState } from './state';
import { renderSummary, SUMMARY_LAYOUT } from './summary';
import { UNIT_LAYOUT, computedColumn, statusLine, type ParsedUnitTab } from './unitSheet';

/** A tab named by name, or a unit's tab as the action read it (no lookup needed). */
export type TabTarget = { name: string } | { unit: string };

/** A block of values to write at row/column (1-based). */
export interface BlockWrite {
  tab: TabTarget;
  row: number;
  column: number;
  values: OutValue[][];
  /**
   * Appended under the last filled row (a tab only the add-on writes, as the snapshot tab): `row`
   * is where the plan expects it, from the tab as read.
   */
  append?: boolean;
}

/** Who may edit a unit tab's protection (by key), besides the owner and the one kept. */
export interface ProtectionWrite {
  tab: { unit: string };
  key: string;
  editors: string[];
}

export interface WritePlan {
  /** Protections to set first, before any value (absent: none). */
  protections?: ProtectionWrite[];
  /** Tabs to grow first, to at least rows × columns. */
  grow: Array<{ tab: string; rows: number; columns: number }>;
  /** Value blocks, in order. A tab named here that does not exist stops the plan there. */
  blocks: BlockWrite[];
  /** Document properties to write after the blocks (key → value); empty: none. */
  state: Record<string, string>;
  /** The year's protections (tabs by name), applied last, after the state (absent: none). */
  locks?: ProtectionSpec[];
}

/** What the results plan needs: the year as read and computed. */
export interface ResultsInput {
  state: WorkbookState;
  year: YearState;
  cluster: ClusterInfo;
  units: readonly Unit[];
  criteria: CriteriaTable;
  titles: RuleSet['titles'];
  result: YearResult;
  problems: SheetProblem[];
  /** Each unit's tab as parsed (null: not read). */
  unitTabs: ReadonlyMap<string, { parsed: ParsedUnitTab } | null>;
  /** Each unit's tab as read (null: not read). */
  unitGrids: ReadonlyMap<string, Grid | null>;
  at: string;
  by: string;
}

/**
 * Tổng hợp in one block (padded to blank a longer previous one), the computed points of the
 * units whose points changed, the status lines a unit could not write itself, and the year
 * record's new reach of Tổng hợp when it grew. `summary` is that reach.
 */
export function resultsPlan(input: ResultsInput): { plan: WritePlan; summary: YearState['summary'] } {
  const y = input.year;
  const status: Record<string, SubmissionStatus> = {};
  for (const u of input.units) status[u.id] = submissionStatus(input.state, u.id);
  const summary = renderSummary(
    {
      clusterName: input.cluster.name, year: y.year, result: input.result, units: [...input.units], criteria: input.criteria,
      titles: input.titles, status, problems: input.problems, at: input.at, by: input.by,
    },
    y.summary,
  );
  const plan: WritePlan = { grow: [], blocks: [], state: {} };
  const rows = summary.length;
  const columns = summary[0]?.length ?? 1;
  // A new tab has 1000 × 26 cells: grow only beyond what it had or was grown to.
  const capacity = { rows: Math.max(1000, y.summary.rows), columns: Math.max(26, y.summary.columns) };
  if (rows > capacity.rows || columns > capacity.columns) plan.grow.push({ tab: workbookText.tabs.summary, rows, columns });
  plan.blocks.push({ tab: { name: workbookText.tabs.summary }, row: SUMMARY_LAYOUT.titleRow, column: 1, values: summary });

  for (const [unitId, tab] of input.unitTabs) {
    if (!tab) continue;
    const values = computedColumn(tab.parsed, input.criteria, input.result.units.find((u) => u.unitId === unitId));
    if (values && values.length > 0) plan.blocks.push({ tab: { unit: unitId }, row: UNIT_LAYOUT.firstRow, column: UNIT_LAYOUT.column.computed, values });
  }
  // Status lines a unit could not write itself (a focal officer submitting) are brought up to date.
  for (const [unitId, grid] of input.unitGrids) {
    if (!grid) continue;
    const text = statusLine(input.state, unitId);
    if (cellAt(grid, UNIT_LAYOUT.statusRow, 2) !== text) plan.blocks.push({ tab: { unit: unitId }, row: UNIT_LAYOUT.statusRow, column: 2, values: [[text]] });
  }
  // The year record only remembers how far Tổng hợp reaches: store it only when that grew.
  const reach = { rows: Math.max(rows, y.summary.rows), columns: Math.max(columns, y.summary.columns) };
  if (reach.rows !== y.summary.rows || reach.columns !== y.summary.columns) plan.state[KEY.year] = JSON.stringify({ ...y, summary: reach });
  return { plan, summary: reach };
}

/** What a change of a unit's submission status needs. */
export interface SubmissionInput {
  state: WorkbookState;
  unitId: string;
  submission: Submission;
  /** Who may then edit the unit's own columns (the owner is always kept). */
  editors: string[];
  /** Whether the runner may write the status line (the cụm trưởng); units see it in the panel. */
  writeLine: boolean;
}

/**
 * Nộp / trả lại / mở lại: the unit's own columns to `editors` first, then the status line from
 * the new status, then the status stored last, so that a failure part-way leaves the unit in
 * its old status and running the action again completes it.
 */
export function submissionPlan(input: SubmissionInput): WritePlan {
  const { state, unitId, submission } = input;
  const after: WorkbookState = { ...state, submissions: { ...state.submissions, [unitId]: submission } };
  return {
    protections: [{ tab: { unit: unitId }, key: `${state.year!.year}:unit:${unitId}:unit`, editors: input.editors }],
    grow: [],
    blocks: input.writeLine ? [{ tab: { unit: unitId }, row: UNIT_LAYOUT.statusRow, column: 2, values: [[statusLine(after, unitId)]] }] : [],
    state: { [KEY.submissionPrefix + unitId]: JSON.stringify(submission) },
  };
}

/** The counts of one ballot, as the panel sends them (numbers or text typed by a person). */
export interface BallotInput {
  issued: number | string;
  returned: number | string;
  valid: number | string;
  invalid: number | string;
  /** Agreeing votes per candidate unit id; blank or absent: not a candidate. */
  votes: Record<string, number | string | null>;
}

function asCell(v: unknown): OutValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string') {
    const n = parseNumber(v as CellValue);
    return n.ok && n.value !== null ? n.value : typeof v === 'string' ? cleanText(v) : v;
  }
  return String(v);
}

/** A ballot refused before anything is written: the message and the problems to show. */
export interface BallotRefusal {
  message: string;
  problems?: SheetProblem[];
}

/**
 * One title's ballot: Bình xét with every title and unit in place and this title's row filled
 * in, checked as a whole (a refusal writes nothing), then grown (always looked at: 2 calls) and
 * written as the changed cells only. `row` is the title's row; `check` the row's problems.
 */
export function ballotPlan(
  before: Grid, titles: RuleSet['titles'], units: readonly Unit[], titleId: unknown, counts: unknown,
): { plan: WritePlan; row: number; titleName: string; check: SheetProblem[] } | BallotRefusal {
  const key = normalizeKey(typeof titleId === 'string' ? titleId : '');
  const title = titles.find((t) => normalizeKey(t.id) === key || normalizeKey(t.name) === key);
  if (!title) return { message: workbookText.problems.ballotUnknownTitle(cleanText(String(titleId ?? ''))) };
  if (!counts || typeof counts !== 'object') return { message: workbookText.actions.badConfig };
  const c0 = counts as Partial<BallotInput>;

  const grid = mergeBallot(before, titles, [...units]);
  const cols = new Map<string, number>();
  for (let c = BALLOT_LAYOUT.firstUnitColumn; c <= (grid[BALLOT_LAYOUT.headerRow - 1]?.length ?? 0); c++) {
    cols.set(normalizeKey(cellAt(grid as Grid, BALLOT_LAYOUT.headerRow, c)), c);
  }
  let row = -1;
  for (let r = BALLOT_LAYOUT.firstRow; r <= grid.length; r++) {
    const id = normalizeKey(cellAt(grid as Grid, r, BALLOT_LAYOUT.column.id));
    const name = normalizeKey(cellAt(grid as Grid, r, BALLOT_LAYOUT.column.name));
    if (id === normalizeKey(title.id) || (id === '' && name === normalizeKey(title.name))) {
      row = r;
      break;
    }
  }
  const line = grid[row - 1]!;
  const C = BALLOT_LAYOUT.column;
  line[C.issued - 1] = asCell(c0.issued);
  line[C.returned - 1] = asCell(c0.returned);
  line[C.valid - 1] = asCell(c0.valid);
  line[C.invalid - 1] = asCell(c0.invalid);
  const votes = c0.votes && typeof c0.votes === 'object' ? c0.votes : {};
  for (const unit of units) {
    const c = cols.get(normalizeKey(unit.id));
    if (c === undefined) continue;
    const given = Object.entries(votes).find(([k]) => normalizeKey(k) === normalizeKey(unit.id));
    line[c - 1] = asCell(given?.[1]);
  }
  for (const k of Object.keys(votes)) {
    if (!units.some((u) => normalizeKey(u.id) === normalizeKey(k))) return { message: workbookText.problems.ballotUnknownUnit(cleanText(k)) };
  }
  const check = parseBallots(grid as Grid, titles, [...units]).problems.filter((p) => p.a1.replace(/^[A-Z]+/, '') === String(row));
  if (errorsOf(check).length > 0) return { message: errorsOf(check)[0]!.message, problems: check };

  const tab = workbookText.tabs.ballot;
  const plan: WritePlan = {
    grow: [{ tab, rows: grid.length, columns: grid[0]?.length ?? 1 }],
    blocks: diffGrid(before, grid).map((p) => ({ tab: { name: tab }, row: p.row, column: p.column, values: p.values })),
    state: {},
  };
  return { plan, row, titleName: title.name, check };
}

/**
 * Chốt / mở lại năm / cho phép mở lại: the status lines of `unitIds` (in that order) from the
 * state as it now is, then the year record stored last, so that a failure part-way leaves the
 * year as it was stored and running the action again completes it.
 */
export function yearRecordPlan(state: WorkbookState, unitIds: readonly string[]): WritePlan {
  return {
    grow: [],
    blocks: unitIds.map((unitId) => ({ tab: { unit: unitId }, row: UNIT_LAYOUT.statusRow, column: 2, values: [[statusLine(state, unitId)]] })),
    state: { [KEY.year]: JSON.stringify(state.year) },
  };
}

/** What closing the year needs: the state, the results plan, the snapshot tab as read (column A). */
export interface CloseInput {
  state: WorkbookState;
  /** The results plan (resultsPlan) and Tổng hợp's reach after it. */
  results: WritePlan;
  summary: YearState['summary'];
  snapshot: Snapshot;
  snapshotGrid: Grid;
  /** The units whose tab was read, in the order read: their status lines say "closed". */
  unitIds: readonly string[];
}

/**
 * Chốt kết quả: the results (Tổng hợp, computed points, stale status lines), the snapshot row
 * appended once per close (a row of this year after the last reopening is kept: running it again
 * writes none), every status line as closed, then the year record stored last (closed, its
 * snapshot row, Tổng hợp's reach) in one write. `year` is the record stored; `a1` the snapshot's
 * cell for Nhật ký. The caller adds the closed year's locks (plan.locks: they need the protections listed).
 */
export function closePlan(input: CloseInput): { plan: WritePlan; year: YearState; a1: string } {
  const y = input.state.year!;
  const tab = workbookText.tabs.snapshot;
  const values = snapshotRow(input.snapshot);
  const found = findSnapshotRow(input.snapshotGrid, y.year, y.reopenedAfterRow);
  const row = found ?? Math.max(input.snapshotGrid.length, 1) + 1;
  const year: YearState = { ...y, summary: input.summary, closed: { at: input.snapshot.closedAt, by: input.snapshot.closedBy }, snapshotRow: row };
  const closed: WorkbookState = { ...input.state, year };
  const record = yearRecordPlan(closed, input.unitIds);
  const plan: WritePlan = {
    grow: [...input.results.grow, ...(found === null ? [{ tab, rows: 2, columns: values.length }] : [])],
    blocks: [
      ...input.results.blocks,
      ...(found === null ? [{ tab: { name: tab }, row, column: 1, values: [values], append: true }] : []),
      ...record.blocks,
    ],
    state: record.state,
  };
  return { plan, year, a1: `A${row}` };
}
