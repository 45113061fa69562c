/**
 * The "Sơ kết 6 tháng" tab as data: what it holds (criteria down, one column per unit across, a
 * good-practice row, the computed rows), the protections, validation and formats that go with
 * it, reading it back into a MidYearRound, and the computed rows written when the round closes.
 * Typed values are keyed by criterion code and unit, never by position: opening again after a
 * unit or a criterion was added moves every value with its code and unit.
 */
import { codeKey } from '../core/criteria';
import { cleanText, isBlank, normalizeKey, parseNumber, type CellValue } from '../core/input';
import type { MidYearReview, MidYearRound, MidYearUnitInput } from '../core/midYear';
import type { CriteriaTable, Criterion, ScoreEntry, Unit } from '../core/model';
import { pointFault } from '../core/points';
import { ROW_KIND_LABEL } from '../core/vocabulary';
import { midYearText } from '../i18n/midYear';
import { workbookText } from '../i18n/workbook';
import { a1, columnLetter } from './a1';
import type { Block, ConditionalSpec, ValidationSpec } from './format';
import { cellAt, type Grid, type OutValue } from './grid';
import { problem, type SheetProblem } from './problems';
import { leaderEmails, type ProtectionSpec, type RightsFacts } from './rights';
import type { WorkbookState } from './state';
import { isNotApplicable, vetoValue } from './unitSheet';

const M = midYearText;
export const MID_YEAR_SHEET = M.tab;

/** Rows and columns (1-based) of the tab. */
export const MID_YEAR_LAYOUT = {
  titleRow: 1,
  statusRow: 2,
  headerRow: 3,
  firstRow: 4,
  column: { code: 1, content: 2, kind: 3, max: 4 },
  /** The first unit's column. */
  firstUnit: 5,
  /** Columns frozen: code and content. */
  frozenColumns: 2,
} as const;
const L = MID_YEAR_LAYOUT;
const C = L.column;

/** Where things stand in a rendered or read tab. */
export interface MidYearShape {
  /** Last criterion row (firstRow − 1 when the table is empty). */
  lastCriterionRow: number;
  goodPracticeRow: number;
  /** The first of the four computed rows (total, percent, classification, rank). */
  computedRow: number;
  /** Column of each unit, by unit id. */
  unitColumns: Map<string, number>;
  /** Sheet row of each criterion, by code key. */
  rowOf: Map<string, number>;
  /** Width of the tab (the last unit column, or a kept one). */
  width: number;
}

const COMPUTED_LABELS = [M.computed.total, M.computed.percent, M.computed.classification, M.computed.rank];
/** The computed rows under the good practices: total, percent, classification, rank. */
export const MID_YEAR_COMPUTED_ROWS = COMPUTED_LABELS.length;

/** Is this grid this year's Sơ kết 6 tháng tab (its title in A1)? */
export function isMidYearOf(year: number): (grid: Grid) => boolean {
  return (grid) => normalizeKey(cellAt(grid, L.titleRow, 1)) === normalizeKey(M.title(year));
}

/** The header row as it should read, for these unit ids. */
function headerRow(unitIds: readonly string[]): OutValue[] {
  return [...M.header, ...unitIds];
}

/** Does the header still read as ours (the four criteria columns untouched)? */
export function midYearHeaderOk(grid: Grid): boolean {
  return M.header.every((h, j) => normalizeKey(cellAt(grid, L.headerRow, j + 1)) === normalizeKey(h));
}

function out(v: CellValue): OutValue {
  if (v === null || v === undefined) return '';
  // A Date typed stays a Date: diffGrid compares it by time and never writes it back.
  return v as OutValue;
}

/** What a tab holds: each unit's typed cells by code key, its good practice, and rows the table lost. */
interface Typed {
  /** unit key → code key → value. */
  cells: Map<string, Map<string, OutValue>>;
  goodPractice: Map<string, OutValue>;
  /** Columns in the header that no unit of Cấu hình has, with what they hold (kept). */
  columns: Array<{ header: string; key: string }>;
  /** The code and content of each code key read. */
  labels: Map<string, { code: string; content: OutValue }>;
}

/** Column index of each unit key in the header of `grid`. */
function headerColumns(grid: Grid): Map<string, number> {
  const cols = new Map<string, number>();
  const row = grid[L.headerRow - 1] ?? [];
  for (let c = L.firstUnit; c <= row.length; c++) {
    const name = cleanText(cellAt(grid, L.headerRow, c));
    if (name !== '' && !cols.has(normalizeKey(name))) cols.set(normalizeKey(name), c);
  }
  return cols;
}

/** The criteria rows of a tab as it stands (code key → row) and its good-practice row (0: none). */
function rowsOf(grid: Grid): { rowOf: Map<string, number>; goodPracticeRow: number; lastCriterionRow: number } {
  const rowOf = new Map<string, number>();
  const gp = normalizeKey(M.goodPractice);
  let lastCriterionRow = L.firstRow - 1;
  for (let r = L.firstRow; r <= grid.length; r++) {
    const code = cleanText(cellAt(grid, r, C.code));
    if (code === '' && normalizeKey(cellAt(grid, r, C.content)) === gp) return { rowOf, goodPracticeRow: r, lastCriterionRow };
    if (code === '') continue;
    if (!rowOf.has(codeKey(code))) rowOf.set(codeKey(code), r);
    lastCriterionRow = r;
  }
  return { rowOf, goodPracticeRow: 0, lastCriterionRow };
}

/** Rows of codes under the good practices and computed rows: a block of codes Tiêu chí lost. */
function keptRowsOf(grid: Grid, goodPracticeRow: number): Map<string, number> {
  const kept = new Map<string, number>();
  if (goodPracticeRow === 0) return kept;
  for (let r = goodPracticeRow + 1 + MID_YEAR_COMPUTED_ROWS; r <= grid.length; r++) {
    const code = cleanText(cellAt(grid, r, C.code));
    if (code !== '' && !kept.has(codeKey(code))) kept.set(codeKey(code), r);
  }
  return kept;
}

function typedOf(existing: Grid): Typed {
  const cells = new Map<string, Map<string, OutValue>>();
  const goodPractice = new Map<string, OutValue>();
  const columns: Typed['columns'] = [];
  const { rowOf: criteriaRows, goodPracticeRow } = rowsOf(existing);
  // Criteria rows first; a code kept below from an earlier run comes back where it was typed.
  const rowOf = new Map([...keptRowsOf(existing, goodPracticeRow), ...criteriaRows]);
  const labels = new Map<string, { code: string; content: OutValue }>();
  for (const [key, row] of rowOf) labels.set(key, { code: cleanText(cellAt(existing, row, C.code)), content: out(cellAt(existing, row, C.content)) });
  for (const [key, col] of headerColumns(existing)) {
    const byCode = new Map<string, OutValue>();
    for (const [code, row] of rowOf) {
      const v = cellAt(existing, row, col);
      if (!isBlank(v)) byCode.set(code, out(v));
    }
    cells.set(key, byCode);
    if (goodPracticeRow > 0 && !isBlank(cellAt(existing, goodPracticeRow, col))) goodPractice.set(key, out(cellAt(existing, goodPracticeRow, col)));
    columns.push({ header: cleanText(cellAt(existing, L.headerRow, col)), key });
  }
  return { cells, goodPractice, columns, labels };
}

/** The read-only part of a criterion's row. */
function criterionCells(c: Criterion): OutValue[] {
  return [c.code, c.content, ROW_KIND_LABEL[c.kind], c.kind === 'group' || c.kind === 'veto' ? '' : c.maxPoints];
}

/**
 * The tab as it should stand: the criteria of the table, a column per unit of Cấu hình (then
 * any column of a unit no longer there, kept), what each unit typed carried over by code, the
 * good-practice row, and the four computed rows (blank until closed: `computed` fills them).
 * The grid is at least as tall and wide as the tab was, freed cells blank.
 */
export function renderMidYear(
  existing: Grid, table: CriteriaTable, units: readonly Unit[], year: number, status: string,
  computed: OutValue[][] | null = null,
): { grid: OutValue[][]; shape: MidYearShape } {
  const typed = typedOf(existing);
  const ids = units.map((u) => u.id);
  const kept = typed.columns.filter((c) => !units.some((u) => normalizeKey(u.id) === c.key)).map((c) => c.header);
  const headers = [...ids, ...kept];
  const width = Math.max(L.firstUnit - 1 + headers.length, ...existing.map((r) => r.length));
  const pad = (r: OutValue[]) => [...r, ...Array<OutValue>(Math.max(0, width - r.length)).fill('')];
  const grid: OutValue[][] = [
    pad([M.title(year)]),
    pad([M.status.label, status]),
    pad(headerRow(headers)),
  ];
  const rowOf = new Map<string, number>();
  for (const c of table.rows) {
    const key = codeKey(c.code);
    const row = criterionCells(c);
    for (const h of headers) row.push(rowOf.has(key) ? '' : typed.cells.get(normalizeKey(h))?.get(key) ?? '');
    if (!rowOf.has(key)) rowOf.set(key, grid.length + 1);
    grid.push(pad(row));
  }
  const lastCriterionRow = grid.length;
  grid.push(pad(['', M.goodPractice, '', '', ...headers.map((h) => typed.goodPractice.get(normalizeKey(h)) ?? '')]));
  const goodPracticeRow = grid.length;
  COMPUTED_LABELS.forEach((label, i) => grid.push(pad(['', label, '', '', ...(computed?.[i] ?? [])])));
  // Codes Tiêu chí no longer has, with what units typed on them: kept below, never read as scores.
  const lost = [...typed.labels.keys()].filter((key) => !rowOf.has(key) && headers.some((h) => typed.cells.get(normalizeKey(h))?.has(key)));
  if (lost.length > 0) {
    grid.push(pad([]), pad(['', M.orphanHeader]));
    for (const key of lost) {
      const label = typed.labels.get(key)!;
      grid.push(pad([label.code, label.content, '', '', ...headers.map((h) => typed.cells.get(normalizeKey(h))?.get(key) ?? '')]));
    }
  }
  while (grid.length < existing.length) grid.push(pad([]));
  const unitColumns = new Map(ids.map((id, i) => [id, L.firstUnit + i] as const));
  return { grid, shape: { lastCriterionRow, goodPracticeRow, computedRow: goodPracticeRow + 1, unitColumns, rowOf, width } };
}

/** The block of a unit's column that the unit types in: its criteria rows and its good practice. */
function unitBlock(shape: MidYearShape, column: number): Block {
  return { row: L.firstRow, column, rows: shape.goodPracticeRow - L.firstRow + 1, columns: 1 };
}

/**
 * Protections: the whole tab for the cụm trưởng, with a hole over each unit's column (criteria
 * rows and good practice), each hole protected for that unit's focal officers and the cụm
 * trưởng while the round is open, for the cụm trưởng alone once closed. `fresh`: the tab was made
 * by this execution (no protection to look for).
 */
export function midYearProtections(year: number, facts: RightsFacts, shape: MidYearShape, open: boolean, fresh = false): ProtectionSpec[] {
  const leaders = uniq(leaderEmails(facts));
  const holes = facts.units.flatMap((u) => {
    const column = shape.unitColumns.get(u.id);
    return column === undefined ? [] : [{ unit: u, range: unitBlock(shape, column) }];
  });
  const extra = fresh ? { fresh: true as const } : {};
  return [
    { key: `${year}:midyear`, sheet: MID_YEAR_SHEET, range: null, unprotected: holes.map((h) => h.range), editors: leaders, label: M.rightsLabels.tab, ...extra },
    ...holes.map((h): ProtectionSpec => ({
      key: `${year}:midyear:${h.unit.id}`, sheet: MID_YEAR_SHEET, range: h.range, unprotected: [],
      editors: uniq([...(open ? h.unit.focalEmails : []), ...leaders]), label: M.rightsLabels.unit(h.unit.id), ...extra,
    })),
  ];
}

function uniq(list: readonly string[]): string[] {
  const o: string[] = [];
  for (const e of list) {
    const x = e.trim().toLowerCase();
    if (x !== '' && !o.includes(x)) o.push(x);
  }
  return o;
}

/** Relative reference to the top-left cell of the units' block, and the row's kind and max. */
function scoreValidFormula(): string {
  const x = `${columnLetter(L.firstUnit)}${L.firstRow}`;
  const kind = `$${columnLetter(C.kind)}${L.firstRow}`;
  const max = `$${columnLetter(C.max)}${L.firstRow}`;
  const K = ROW_KIND_LABEL;
  const U = workbookText.unit;
  const v = `IF(${kind}="${K.deduction}",ABS(${x}),${x})`;
  return `=OR(${x}="",${x}="${U.notApplicable}",IF(${kind}="${K.veto}",OR(${x}="${U.vetoYes}",${x}="${U.vetoNo}",${x}=0,${x}=1),IF(ISNUMBER(${x}),AND(${kind}<>"${K.group}",${v}>=0,${v}<=${max}),FALSE)))`;
}

/** The units' score cells, one block for every unit column: one rule each, relative to its top-left. */
function scoreBlock(shape: MidYearShape): Block | null {
  const rows = shape.lastCriterionRow - L.firstRow + 1;
  return rows > 0 && shape.unitColumns.size > 0 ? { row: L.firstRow, column: L.firstUnit, rows, columns: shape.unitColumns.size } : null;
}

/** Validation of the score cells (flagged, never rejected). */
export function midYearValidations(shape: MidYearShape): ValidationSpec[] {
  const block = scoreBlock(shape);
  return block ? [{ block, formula: scoreValidFormula(), help: M.help.score }] : [];
}

/** Conditional formats: a wrong score red, group rows grey. */
export function midYearFormats(shape: MidYearShape): ConditionalSpec[] {
  const block = scoreBlock(shape);
  if (!block) return [];
  const kind = `$${columnLetter(C.kind)}${L.firstRow}`;
  return [
    { blocks: [block], formula: `=NOT(${scoreValidFormula().slice(1)})`, background: '#f4c7c3' },
    { blocks: [{ row: L.firstRow, column: 1, rows: block.rows, columns: L.firstUnit - 1 + block.columns }], formula: `=${kind}="${ROW_KIND_LABEL.group}"`, background: '#e8eaed' },
  ];
}

/** How far a unit got with its column. */
export interface MidYearFill {
  unitId: string;
  /** Rows it must answer (qualitative, quantitative, veto) and, of those, answered validly or "Không giao". */
  required: number;
  filled: number;
  goodPractice: boolean;
  /** Its column, e.g. "F" (empty when the tab has none). */
  column: string;
  /** The row to go to: the first it must answer and left blank, else its first row to answer. */
  row: number;
}

/** The tab read back. */
export interface ParsedMidYear {
  round: MidYearRound;
  problems: SheetProblem[];
  fill: MidYearFill[];
  shape: MidYearShape;
  headerOk: boolean;
}

/**
 * Reads the tab (one grid) against the table and the units: each unit's first-half entries and
 * good practice, and every wrong cell as a problem at its cell (counted as blank: nothing is
 * clamped). Decimal commas are read as elsewhere. `stored`: the round's state as the add-on
 * recorded it (the tab's status line is text anyone with the right could change).
 */
export function parseMidYear(grid: Grid, table: CriteriaTable, units: readonly Unit[], stored: Pick<MidYearRound, 'state' | 'closedAt'>): ParsedMidYear {
  const sheet = MID_YEAR_SHEET;
  const problems: SheetProblem[] = [];
  const headerOk = midYearHeaderOk(grid);
  const columns = headerColumns(grid);
  const { rowOf, goodPracticeRow, lastCriterionRow } = rowsOf(grid);
  const unitColumns = new Map<string, number>();
  const round: MidYearRound = { state: stored.state, units: [] };
  if (stored.closedAt !== undefined) round.closedAt = stored.closedAt;
  const fill: MidYearFill[] = [];
  if (!headerOk) problems.push({ ...problem(sheet, a1(L.headerRow, 1, L.headerRow, C.max), M.problems.headerChanged), blocking: true });
  for (const unit of units) {
    const col = headerOk ? columns.get(normalizeKey(unit.id)) : undefined;
    const input: MidYearUnitInput = { unitId: unit.id, entries: [], goodPractice: '' };
    round.units.push(input);
    const stats: MidYearFill = { unitId: unit.id, required: 0, filled: 0, goodPractice: false, column: col === undefined ? '' : columnLetter(col), row: L.firstRow };
    fill.push(stats);
    if (col === undefined) {
      if (headerOk) problems.push(problem(sheet, '', M.problems.unitMissing(unit.id), { severity: 'warning', unitId: unit.id }));
      stats.required = table.rows.filter(needsAnswer).length;
      continue;
    }
    unitColumns.set(unit.id, col);
    let firstToAnswer = 0;
    let firstBlank = 0;
    for (const c of table.rows) {
      const row = rowOf.get(codeKey(c.code));
      if (needsAnswer(c)) stats.required++;
      if (row === undefined) continue;
      const entry = readCell(cellAt(grid, row, col), c, a1(row, col), unit.id, problems);
      if (entry) input.entries.push(entry);
      if (!needsAnswer(c)) continue;
      if (entry) stats.filled++;
      else if (firstBlank === 0) firstBlank = row;
      if (firstToAnswer === 0) firstToAnswer = row;
    }
    stats.row = firstBlank || firstToAnswer || L.firstRow;
    if (goodPracticeRow > 0) input.goodPractice = cleanText(cellAt(grid, goodPracticeRow, col));
    stats.goodPractice = input.goodPractice !== '';
  }
  const width = Math.max(L.firstUnit - 1, ...[...columns.values()]);
  const gp = goodPracticeRow > 0 ? goodPracticeRow : lastCriterionRow + 1;
  return { round, problems, fill, headerOk, shape: { lastCriterionRow, goodPracticeRow: gp, computedRow: gp + 1, unitColumns, rowOf, width } };
}

function needsAnswer(c: Criterion): boolean {
  return c.kind === 'qualitative' || c.kind === 'quantitative' || c.kind === 'veto';
}

/** One score cell as an entry (null when blank or wrong; a wrong one is pushed as a problem). */
function readCell(raw: CellValue, c: Criterion, cell: string, unitId: string, problems: SheetProblem[]): ScoreEntry | null {
  if (isBlank(raw)) return null;
  const code = c.code;
  const P = workbookText.problems;
  const fail = (message: string, severity: 'error' | 'warning' = 'error') => problems.push(problem(MID_YEAR_SHEET, cell, message, { unitId, code, severity }));
  if (isNotApplicable(raw)) return c.kind === 'group' ? null : { code, notApplicable: true };
  if (c.kind === 'group') {
    fail(P.groupScored(code), 'warning');
    return null;
  }
  if (c.kind === 'veto') {
    const v = vetoValue(raw);
    if (v === null || v === undefined) {
      fail(P.vetoValue(raw));
      return null;
    }
    return { code, self: v };
  }
  const n = parseNumber(raw);
  if (!n.ok) {
    fail(n.message);
    return null;
  }
  if (n.value === null) return null;
  const fault = pointFault(c.kind === 'deduction' ? 'deduction' : c.kind === 'bonus' ? 'bonus' : 'standard', n.value, c.maxPoints);
  if (fault === 'negative') {
    fail(P.negative(M.problems.scoreLabel, n.value));
    return null;
  }
  if (fault !== null) {
    fail(P.overMax(M.problems.scoreLabel, Math.abs(n.value), c.maxPoints));
    return null;
  }
  return { code, self: n.value };
}

/**
 * The four computed rows under the units' columns (in the shape's column order): total,
 * percent, classification, rank ("Chưa xếp (còn N dòng trống)" for an unranked unit).
 */
export function computedRows(review: MidYearReview, shape: MidYearShape): OutValue[][] {
  const width = Math.max(0, ...[...shape.unitColumns.values()].map((c) => c - L.firstUnit + 1));
  const rows: OutValue[][] = COMPUTED_LABELS.map(() => Array<OutValue>(width).fill(''));
  for (const u of review.units) {
    const col = shape.unitColumns.get(u.unitId);
    if (col === undefined) continue;
    const j = col - L.firstUnit;
    rows[0]![j] = u.total;
    rows[1]![j] = u.percent;
    rows[2]![j] = u.classification;
    rows[3]![j] = u.rank ?? M.computed.unranked(u.unscored);
  }
  return rows;
}

/** The status line: open, or closed at a time ("HH:MM dd/mm/yyyy", Việt Nam time). */
export function midYearStatusLine(closedAt: string | null): string {
  return closedAt === null ? M.status.open : M.status.closed(closedAt);
}

/**
 * A unit's column as it would type it (criteria rows then the good practice), from its first-half
 * input: points, "Có" / "Không" on veto rows, "Không giao", blank where it has nothing.
 */
export function unitColumnValues(table: CriteriaTable, input: MidYearUnitInput): OutValue[][] {
  const byCode = new Map(input.entries.map((e) => [codeKey(e.code), e] as const));
  const U = workbookText.unit;
  const rows: OutValue[][] = table.rows.map((c) => {
    const e = byCode.get(codeKey(c.code));
    if (!e || c.kind === 'group') return [''];
    if (e.notApplicable) return [U.notApplicable];
    if (e.self === undefined) return [''];
    if (c.kind === 'veto') return [e.self === 1 ? U.vetoYes : U.vetoNo];
    return [e.self];
  });
  rows.push([input.goodPractice]);
  return rows;
}

/**
 * A closed year's lock on its Sơ kết 6 tháng tab, as on every other tab of the year: owner-only
 * over every cell; removed when the year is reopened. None for a year whose round was never opened.
 */
export function midYearLocks(state: WorkbookState, year: number, closed: boolean): ProtectionSpec[] {
  const r = state.midYear?.year === year ? state.midYear : undefined;
  if (!r) return [];
  return [{
    key: `${year}:lock:midyear`, sheet: r.sheet, range: null, unprotected: [], editors: [],
    label: workbookText.rightsLabels.closedLock(r.sheet), wholeTab: true, ...(closed ? {} : { remove: true as const }),
  }];
}
