/**
 * A unit's score tab: the criteria (read-only copies of Tiêu chí) with the unit's inputs beside
 * them. Inputs are keyed by criterion code, never by row: re-rendering after the table changed
 * moves every value with its code, and keeps values of codes the table lost at the bottom.
 */
import { codeKey } from '../core/criteria';
import { cleanText, isBlank, normalizeKey, parseNumber, type CellValue } from '../core/input';
import type { CriteriaTable, Criterion, Phase, ScoreEntry, Unit, UnitScores } from '../core/model';
import { pointFault } from '../core/points';
import { resultAllowed } from '../core/quantitative';
import type { UnitResult } from '../core/results';
import { ROW_KIND_LABEL } from '../core/vocabulary';
import { workbookText } from '../i18n/workbook';
import { a1 } from './a1';
import { cellAt, type Grid, type OutValue } from './grid';
import { problem, type SheetProblem } from './problems';
import type { WorkbookState } from './state';
import { shortTime } from './time';

const T = workbookText.unit;
const P = workbookText.problems;

/** Rows and columns (1-based) of a unit tab. */
export const UNIT_LAYOUT = {
  titleRow: 1,
  unitRow: 2,
  statusRow: 3,
  headerRow: 4,
  firstRow: 5,
  width: 13,
  column: {
    code: 1, content: 2, kind: 3, max: 4, target: 5,
    result: 6, self: 7, explanation: 8, evidence: 9, crossCheck: 10, final: 11, note: 12,
    computed: 13,
  },
} as const;

const C = UNIT_LAYOUT.column;
/** The columns people type in, first to last. */
export const INPUT_FIRST = C.result;
export const INPUT_LAST = C.note;
/** The columns scores are read from, by phase. */
export const PHASE_COLUMN: Record<Phase, number> = { self: C.self, crossCheck: C.crossCheck, final: C.final };

/** Which group of people types in a column (for rights and the audit of edits). */
export type InputArea = 'unit' | 'crossCheck' | 'final' | 'note';
/** Columns of each input area. */
export const AREA_COLUMNS: Record<InputArea, { first: number; last: number }> = {
  unit: { first: C.result, last: C.evidence },
  crossCheck: { first: C.crossCheck, last: C.crossCheck },
  final: { first: C.final, last: C.final },
  note: { first: C.note, last: C.note },
};

const NOT_APPLICABLE_KEY = normalizeKey(T.notApplicable);
const ORPHAN_KEY = normalizeKey(T.orphanHeader);

/** Is the value the "Không giao" marker (criterion not assigned to this unit)? */
export function isNotApplicable(value: CellValue): boolean {
  // Only text can read as the marker.
  return typeof value === 'string' && value !== '' && normalizeKey(value) === NOT_APPLICABLE_KEY;
}

/** "Có" → 1 (violation), "Không" → 0; numbers 1 / 0 too; null otherwise, undefined when blank. */
export function vetoValue(value: CellValue): 0 | 1 | null | undefined {
  if (isBlank(value)) return undefined;
  if (value === 1 || value === 0) return value;
  if (value === true) return 1;
  if (value === false) return 0;
  const k = normalizeKey(value);
  if (k === 'co' || k === 'co vi pham') return 1;
  if (k === 'khong' || k === 'khong vi pham') return 0;
  return null;
}

/** Does the header row still read as ours (no column inserted, deleted or renamed)? */
export function unitHeaderOk(grid: Grid): boolean {
  return T.header.every((h, j) => normalizeKey(cellAt(grid, UNIT_LAYOUT.headerRow, j + 1)) === normalizeKey(h));
}

/** Does the tab hold anything at all? */
export function isEmptyGrid(grid: Grid): boolean {
  return grid.every((r) => r.every((c) => isBlank(c)));
}

/** The read-only part of a criterion's row. */
function criterionCells(c: Criterion): OutValue[] {
  return [c.code, c.content, ROW_KIND_LABEL[c.kind], c.kind === 'group' || c.kind === 'veto' ? '' : c.maxPoints, c.target ?? ''];
}

function out(v: CellValue): OutValue {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v as unknown as OutValue;
  return v;
}

/** What people typed on one row, by code: the input columns, and the last computed points. */
interface Typed {
  inputs: OutValue[];
  computed: OutValue;
}

/** Rows of typed inputs in a tab as it stands, by code key ('' keys: rows without a code). */
function typedRows(existing: Grid): Array<{ key: string; code: string; content: OutValue; typed: Typed }> {
  const rows: Array<{ key: string; code: string; content: OutValue; typed: Typed }> = [];
  for (let r = UNIT_LAYOUT.firstRow; r <= existing.length; r++) {
    const code = cleanText(cellAt(existing, r, C.code));
    if (normalizeKey(code) === ORPHAN_KEY) continue;
    const inputs = Array.from({ length: INPUT_LAST - INPUT_FIRST + 1 }, (_, j) => out(cellAt(existing, r, INPUT_FIRST + j)));
    const hasInput = inputs.some((v) => !isBlank(v as CellValue));
    if (code === '' && !hasInput) continue;
    rows.push({ key: code === '' ? '' : codeKey(code), code, content: out(cellAt(existing, r, C.content)), typed: { inputs, computed: out(cellAt(existing, r, C.computed)) } });
  }
  return rows;
}

/** Blank rows to insert into an existing unit tab before it is rewritten: `count` rows before sheet row `beforeRow`. */
export interface RowInsertion {
  beforeRow: number;
  count: number;
}

/**
 * Where criteria new to the table fall among the rows a unit tab already has, when only
 * insertions happened (every existing code still there, in the same order). Set-up inserts those
 * rows natively, so Sheets moves what people typed (even while set-up runs) and nothing typed is
 * rewritten. Null when rows must be moved otherwise (a code gone, reordered, a row without a code
 * but with values): set-up then rewrites the tab as before. Bottom-most first, ready to apply.
 * @example rowInsertions(tabWith(['I', 'I.2']), tableOf(['I', 'I.1', 'I.2'])) // [{ beforeRow: 6, count: 1 }]
 */
export function rowInsertions(existing: Grid, table: CriteriaTable): RowInsertion[] | null {
  const rows: Array<{ key: string; row: number }> = [];
  let end = UNIT_LAYOUT.firstRow;
  for (let r = UNIT_LAYOUT.firstRow; r <= existing.length; r++) {
    const code = cleanText(cellAt(existing, r, C.code));
    const inputs = Array.from({ length: INPUT_LAST - INPUT_FIRST + 1 }, (_, j) => cellAt(existing, r, INPUT_FIRST + j));
    if (code === '') {
      if (inputs.some((v) => !isBlank(v))) return null;
      // A gap with criteria below it (rows inserted by a set-up cut short): rewrite, closing it.
      for (let below = r + 1; below <= existing.length; below++) {
        const next = normalizeKey(cellAt(existing, below, C.code));
        if (next === ORPHAN_KEY) break;
        if (next !== '') return null;
      }
      break;
    }
    if (normalizeKey(code) === ORPHAN_KEY) break;
    rows.push({ key: codeKey(code), row: r });
    end = r + 1;
  }
  const wanted = table.rows.map((c) => codeKey(c.code));
  if (new Set(wanted).size !== wanted.length || new Set(rows.map((x) => x.key)).size !== rows.length) return null;
  const out: RowInsertion[] = [];
  let j = 0;
  for (const key of wanted) {
    if (j < rows.length && rows[j]!.key === key) {
      j++;
      continue;
    }
    if (rows.slice(j).some((x) => x.key === key)) return null; // reordered
    const beforeRow = j < rows.length ? rows[j]!.row : end;
    const last = out[out.length - 1];
    if (last && last.beforeRow === beforeRow) last.count++;
    else out.push({ beforeRow, count: 1 });
  }
  if (j < rows.length) return null; // a code the table no longer has
  return out.reverse();
}

/** The grid as it stands after `insertions` (bottom-most first) were applied to the sheet. */
export function withInsertedRows(grid: Grid, insertions: readonly RowInsertion[]): Grid {
  const out = grid.map((r) => [...r]);
  for (const ins of insertions) {
    if (ins.beforeRow > out.length) continue; // below the data: nothing to move
    out.splice(ins.beforeRow - 1, 0, ...Array.from({ length: ins.count }, (): CellValue[] => []));
  }
  return out;
}

/** A rendered unit tab. */
export interface RenderedUnitTab {
  /** The whole tab, rectangular, at least as tall as the tab was (freed rows are blank). */
  grid: OutValue[][];
  /** Sheet rows of the criteria rows: firstRow … lastCriterionRow. */
  lastCriterionRow: number;
  /** Codes the table lost whose values are kept at the bottom. */
  orphans: string[];
}

/**
 * The tab for `unit` given the table, carrying over every input typed in `existing` by code.
 * Rows of codes the table no longer has, and rows typed without a code, are kept under a
 * marked block at the bottom when they hold inputs. `status` fills the status line.
 */
export function renderUnitTab(existing: Grid, table: CriteriaTable, unit: Unit, year: number, status: string): RenderedUnitTab {
  const width = UNIT_LAYOUT.width;
  const blankInputs = (): OutValue[] => Array<OutValue>(INPUT_LAST - INPUT_FIRST + 1).fill('');
  const pad = (r: OutValue[]) => [...r, ...Array<OutValue>(width - r.length).fill('')];
  const typed = typedRows(existing);
  const byKey = new Map<string, Typed>();
  for (const t of typed) if (t.key !== '' && !byKey.has(t.key)) byKey.set(t.key, t.typed);

  const titleRow = pad([T.title(year)]);
  // The unit's key in the top-right corner: recompute recognises the tab by it wherever it stands.
  titleRow[width - 1] = unit.id;
  const grid: OutValue[][] = [
    titleRow,
    pad([T.unitLabel, unit.name]),
    pad([T.statusLabel, status]),
    [...T.header],
  ];
  const used = new Set<string>();
  for (const c of table.rows) {
    const key = codeKey(c.code);
    const t = used.has(key) ? undefined : byKey.get(key);
    used.add(key);
    grid.push([...criterionCells(c), ...(t?.inputs ?? blankInputs()), t?.computed ?? '']);
  }
  const lastCriterionRow = grid.length;
  const orphanRows = typed.filter((t) => (t.key === '' || !used.has(t.key)) && t.typed.inputs.some((v) => !isBlank(v as CellValue)));
  const orphans: string[] = [];
  if (orphanRows.length > 0) {
    grid.push(pad([]));
    grid.push(pad([T.orphanHeader]));
    for (const o of orphanRows) {
      // A second row of a code already placed is kept too: nothing typed is dropped.
      used.add(o.key);
      if (o.code !== '') orphans.push(o.code);
      grid.push([o.code, o.content, '', '', '', ...o.typed.inputs, '']);
    }
  }
  while (grid.length < existing.length) grid.push(pad([]));
  return { grid, lastCriterionRow, orphans };
}

/** How far a unit got with its self-scoring. */
export interface FillStats {
  /** Rows that need an answer from the unit (qualitative, quantitative, veto). */
  required: number;
  /** Of those, answered with a valid value or "Không giao". */
  filled: number;
}

/** A unit tab read back. */
export interface ParsedUnitTab {
  scores: UnitScores;
  problems: SheetProblem[];
  /** Required rows without a self answer, with their cell. */
  unscored: Array<{ code: string; a1: string }>;
  stats: FillStats;
  /** Sheet row of each criterion code, by code key. */
  rowOf: Map<string, number>;
  /** The computed column as read, by code key. */
  computed: Map<string, CellValue>;
  /** Last sheet row of the criteria block (before any orphan block). */
  lastRow: number;
  /** False when the header row was changed: nothing in the tab can be trusted to be where we expect. */
  headerOk: boolean;
}

/**
 * Reads a unit tab against the criteria table. Values that are not numbers, out of range, or
 * not allowed for the row's kind are reported at their cell and count as blank; nothing is
 * clamped. A row whose code the table lacks is reported and not counted.
 */
export function parseUnitTab(grid: Grid, table: CriteriaTable, unit: Unit, sheetName: string): ParsedUnitTab {
  const problems: SheetProblem[] = [];
  const unscored: Array<{ code: string; a1: string }> = [];
  const entries: ScoreEntry[] = [];
  const rowOf = new Map<string, number>();
  const computed = new Map<string, CellValue>();
  const stats: FillStats = { required: 0, filled: 0 };
  const byKey = new Map(table.rows.map((c) => [codeKey(c.code), c] as const));
  const unitId = unit.id;
  const headerOk = unitHeaderOk(grid);
  const result: ParsedUnitTab = { scores: { unitId, entries }, problems, unscored, stats, rowOf, computed, lastRow: UNIT_LAYOUT.firstRow - 1, headerOk };
  if (!headerOk) {
    problems.push({ ...problem(sheetName, `A${UNIT_LAYOUT.headerRow}:${'M'}${UNIT_LAYOUT.headerRow}`, P.headerChanged(sheetName), { unitId }), blocking: true });
    return result;
  }

  let orphanBlock = false;
  for (let r = UNIT_LAYOUT.firstRow; r <= grid.length; r++) {
    const rawCode = cellAt(grid, r, C.code);
    const code = cleanText(rawCode);
    if (normalizeKey(code) === ORPHAN_KEY) {
      orphanBlock = true;
      continue;
    }
    const inputs = [C.result, C.self, C.crossCheck, C.final].map((c) => cellAt(grid, r, c));
    const hasInput = inputs.some((v) => !isBlank(v));
    if (orphanBlock) {
      if (hasInput && code !== '') problems.push(problem(sheetName, a1(r, C.code), P.orphanValues(code), { severity: 'warning', unitId, code }));
      continue;
    }
    if (code === '') {
      if (hasInput) problems.push(problem(sheetName, a1(r, C.code), workbookText.problems.missingCode, { unitId }));
      continue;
    }
    result.lastRow = r;
    const key = codeKey(code);
    const criterion = byKey.get(key);
    if (!criterion) {
      problems.push(problem(sheetName, a1(r, C.code), P.unknownUnitCode(code), { unitId, code }));
      continue;
    }
    const first = rowOf.get(key);
    if (first !== undefined) {
      problems.push(problem(sheetName, a1(r, C.code), P.duplicateUnitCode(code, a1(first, C.code)), { unitId, code }));
      continue;
    }
    rowOf.set(key, r);
    computed.set(key, cellAt(grid, r, C.computed));
    const mark = problems.length;
    const entry = readRow(grid, r, criterion, sheetName, unitId, problems);
    if (entry) entries.push(entry);
    const needs = criterion.kind === 'qualitative' || criterion.kind === 'quantitative' || criterion.kind === 'veto';
    if (needs) {
      stats.required++;
      const answered = entry?.notApplicable || (criterion.kind === 'quantitative' ? entry?.result !== undefined || entry?.self !== undefined : entry?.self !== undefined);
      const answerColumn = criterion.kind === 'quantitative' ? C.result : C.self;
      // Only this row's own problems (just pushed by readRow) can sit at its answer cell.
      let invalidHere = false;
      if (problems.length > mark) {
        const cell = a1(r, answerColumn);
        invalidHere = problems.slice(mark).some((p) => p.a1 === cell && p.sheet === sheetName && p.severity === 'error');
      }
      if (answered && !invalidHere) stats.filled++;
      else if (!invalidHere) unscored.push({ code: criterion.code, a1: a1(r, answerColumn) });
    }
  }
  return result;
}

const FIELD_LABEL = workbookText.problems.fieldLabel;

/** One row's entry, problems pushed at their cells; null when the row holds nothing. */
function readRow(grid: Grid, r: number, c: Criterion, sheet: string, unitId: string, problems: SheetProblem[]): ScoreEntry | null {
  const code = c.code;
  const at = (col: number) => a1(r, col);
  const fail = (col: number, message: string, severity: 'error' | 'warning' = 'error') =>
    problems.push(problem(sheet, at(col), message, { unitId, code, severity }));
  const entry: ScoreEntry = { code };
  let any = false;
  const finalCell = cellAt(grid, r, C.final);
  const finalIsNumber = typeof finalCell === 'number' || (typeof finalCell === 'string' && parseNumber(finalCell).ok && !isBlank(finalCell));
  const cells: Array<[number, 'result' | Phase]> = [[C.result, 'result'], [C.self, 'self'], [C.crossCheck, 'crossCheck'], [C.final, 'final']];
  if (c.kind !== 'group' && !finalIsNumber && cells.some(([col]) => isNotApplicable(cellAt(grid, r, col)))) {
    return { code, notApplicable: true };
  }
  for (const [col, field] of cells) {
    const raw = cellAt(grid, r, col);
    if (isBlank(raw) || isNotApplicable(raw)) continue;
    if (c.kind === 'group') {
      fail(col, P.groupScored(code), 'warning');
      continue;
    }
    if (c.kind === 'veto') {
      if (field === 'result') continue; // a veto row has no result; whatever is there is a remark
      const v = vetoValue(raw);
      if (v === null || v === undefined) fail(col, P.vetoValue(raw));
      else {
        entry[field] = v;
        any = true;
      }
      continue;
    }
    if (field === 'result' && c.kind !== 'quantitative') continue; // remarks in the result column of other rows are allowed
    const n = parseNumber(raw);
    if (!n.ok) {
      fail(col, n.message);
      continue;
    }
    if (n.value === null) continue;
    const v = n.value;
    if (field === 'result') {
      if (!resultAllowed(v)) fail(col, P.negative(FIELD_LABEL.result, v));
      else {
        entry.result = v;
        any = true;
      }
      continue;
    }
    // The engine's row rules (core/points.ts), marked here at the cell.
    const label = FIELD_LABEL[field];
    const fault = pointFault(c.kind === 'deduction' ? 'deduction' : c.kind === 'bonus' ? 'bonus' : 'standard', v, c.maxPoints);
    if (fault === 'negative') {
      fail(col, P.negative(label, v));
      continue;
    }
    if (fault !== null) {
      fail(col, P.overMax(label, Math.abs(v), c.maxPoints));
      continue;
    }
    entry[field] = v;
    any = true;
  }
  return any ? entry : null;
}

/**
 * The computed column for the tab's criteria block (rows firstRow … parsed.lastRow) as it
 * stands: the standing points of quantitative rows, "" elsewhere. Null when nothing changes
 * (the column already shows these values), so recompute writes only what differs.
 */
export function computedColumn(parsed: ParsedUnitTab, table: CriteriaTable, result: UnitResult | undefined): OutValue[][] | null {
  const points = new Map<string, number | null>();
  for (const row of result?.standing.rows ?? []) points.set(codeKey(row.code), row.applicable ? row.points : null);
  const kinds = new Map(table.rows.map((c) => [codeKey(c.code), c.kind] as const));
  const byRow = new Map<number, string>();
  for (const [key, row] of parsed.rowOf) byRow.set(row, key);
  const column: OutValue[][] = [];
  let changed = false;
  for (let r = UNIT_LAYOUT.firstRow; r <= parsed.lastRow; r++) {
    const key = byRow.get(r);
    let value: OutValue = '';
    if (key !== undefined && kinds.get(key) === 'quantitative') {
      const p = points.get(key);
      value = p === null || p === undefined ? '' : p;
    }
    const before = key === undefined ? '' : parsed.computed.get(key) ?? '';
    if ((before === '' ? '' : before) !== value) changed = true;
    column.push([value]);
  }
  return changed ? column : null;
}

/** The status line of a unit tab (row UNIT_LAYOUT.statusRow, column B). */
export function statusLine(state: WorkbookState, unitId: string): string {
  const S = workbookText.unit.status;
  if (state.year?.closed) return S.closed;
  const s = state.submissions[unitId];
  if (!s || s.status === 'open') return s?.by && s.at ? S.reopened(s.by) : S.open;
  if (s.status === 'submitted') return S.submitted(s.at ? shortTime(new Date(s.at)) : '', s.by ?? '');
  return S.returned(s.reason ?? '', s.by ?? '');
}
