/**
 * Write plans: what an action writes, computed in full before the first write, as data. The
 * adapter carries a plan out (applyWritePlan in src/adapters/plan.ts) in the fewest calls, always
 * writing people's text as text. Building a plan reads nothing and writes nothing.
 */
import type { CriteriaTable } from '../core/model';
import type { YearResult } from '../core/results';
import type { ClusterInfo, RuleSet, Unit } from '../core/model';
import { workbookText } from '../i18n/workbook';
import { cellAt, type Grid, type OutValue } from './grid';
import type { SheetProblem } from './problems';
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
