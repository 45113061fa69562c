/**
 * The Tiêu chí tab: the criteria table, one row per criterion, in the order people read it.
 * Rendered for a new year, merged by code (rows a table gains are placed after their previous
 * sibling, nothing typed is overwritten), and parsed back with problems located by cell.
 */
import { codeKey } from '../core/criteria';
import { cleanText, isBlank, parseNumber, type CellValue } from '../core/input';
import type { CriteriaTable, Criterion } from '../core/model';
import { quantRuleOf, rowKindOf, ROW_KIND_LABEL, RULE_LABEL } from '../core/vocabulary';
import { workbookText } from '../i18n/workbook';
import { a1 } from './a1';
import { cellAt, type Grid, type OutValue } from './grid';
import { problem, type SheetProblem } from './problems';

const T = workbookText.criteria;
const P = workbookText.problems;

/** Rows and columns (1-based) of the Tiêu chí tab. */
export const CRITERIA_LAYOUT = {
  titleRow: 1,
  nameRow: 2,
  hintRow: 3,
  headerRow: 4,
  firstRow: 5,
  width: 7,
  column: { code: 1, content: 2, kind: 3, max: 4, target: 5, unitOfMeasure: 6, rule: 7 },
} as const;

/** One criterion as a row of the tab. */
function criterionRow(c: Criterion): OutValue[] {
  return [
    c.code,
    c.content,
    ROW_KIND_LABEL[c.kind],
    c.kind === 'group' ? '' : c.maxPoints,
    c.target ?? '',
    c.unitOfMeasure ?? '',
    c.kind === 'quantitative' ? RULE_LABEL[c.rule ?? 'proportional'] : '',
  ];
}

function frame(name: string): OutValue[][] {
  const w = CRITERIA_LAYOUT.width;
  const pad = (r: OutValue[]) => [...r, ...Array<OutValue>(w - r.length).fill('')];
  return [pad([T.title]), pad([T.nameLabel, name]), pad([T.hint]), [...T.header]];
}

/**
 * The whole tab for a table.
 * @example renderCriteria({ name: 'Mẫu', rows: [] })[3] // the header row
 */
export function renderCriteria(table: CriteriaTable): OutValue[][] {
  return [...frame(table.name), ...table.rows.map(criterionRow)];
}

/**
 * The tab after merging `table` into what stands: existing rows stay as typed, in their order;
 * a code the sheet lacks is inserted after the row of its predecessor in `table` (or at the end).
 * Blank frame cells are filled. The result is a full grid: write it with diffGrid. Rows move
 * only when a row is inserted above them, and keep every cell.
 */
export function mergeCriteria(existing: Grid, table: CriteriaTable): OutValue[][] {
  const L = CRITERIA_LAYOUT;
  const typed = existing.slice(L.firstRow - 1).some((r) => r.some((c) => !isBlank(c)));
  if (!typed) {
    const rendered = renderCriteria(table);
    // Keep any frame cell a person reworded.
    return rendered.map((line, r) => line.map((v, c) => (r < L.firstRow - 1 && !isBlank(cellAt(existing, r + 1, c + 1)) ? out(cellAt(existing, r + 1, c + 1)) : v)));
  }
  const top = frame(table.name).map((line, r) =>
    line.map((v, c) => (isBlank(cellAt(existing, r + 1, c + 1)) ? v : out(cellAt(existing, r + 1, c + 1)))),
  );
  const body: OutValue[][] = existing.slice(L.firstRow - 1).map((r) => width(r.map(out)));
  const keys = body.map((r) => codeKey(cleanText(r[0] as CellValue)));
  let previous = '';
  for (const c of table.rows) {
    const key = codeKey(c.code);
    if (keys.includes(key)) {
      previous = key;
      continue;
    }
    const after = previous === '' ? -1 : keys.indexOf(previous);
    const at = after < 0 ? lastFilled(body) + 1 : endOfSubtree(keys, after);
    body.splice(at, 0, criterionRow(c));
    keys.splice(at, 0, key);
    previous = key;
  }
  return [...top, ...body];
}

/** Index after the last row of the subtree that starts at `index` (children carry its code as prefix). */
function endOfSubtree(keys: readonly string[], index: number): number {
  const prefix = `${keys[index]}.`;
  let i = index + 1;
  while (i < keys.length && (keys[i] as string).startsWith(prefix)) i++;
  return i;
}

function lastFilled(body: OutValue[][]): number {
  for (let i = body.length - 1; i >= 0; i--) if (body[i]!.some((c) => c !== '')) return i;
  return -1;
}

function out(v: CellValue): OutValue {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v as unknown as OutValue;
  return v;
}

function width(r: OutValue[]): OutValue[] {
  const w = Math.max(CRITERIA_LAYOUT.width, r.length);
  return [...r, ...Array<OutValue>(w - r.length).fill('')];
}

/** The Tiêu chí tab read back. */
export interface ParsedCriteria {
  table: CriteriaTable;
  /** Sheet row of each code, by codeKey. */
  rowOf: Map<string, number>;
  problems: SheetProblem[];
}

/**
 * Reads the criteria table. Blank rows are skipped; a row without a code, with an unknown kind
 * or rule, or a duplicate code is reported and left out; a bad max or target is reported and the
 * row kept with max 0 / no target (the engine then reports what it cannot compute).
 */
export function parseCriteria(grid: Grid, sheetName: string = workbookText.tabs.criteria): ParsedCriteria {
  const L = CRITERIA_LAYOUT;
  const C = L.column;
  const problems: SheetProblem[] = [];
  const rows: Criterion[] = [];
  const rowOf = new Map<string, number>();
  const name = cleanText(cellAt(grid, L.nameRow, 2));
  for (let r = L.firstRow; r <= grid.length; r++) {
    const cells = Array.from({ length: L.width }, (_, j) => cellAt(grid, r, j + 1));
    if (cells.every((c) => isBlank(c))) continue;
    const at = (col: number) => a1(r, col);
    const code = cleanText(cells[C.code - 1]);
    if (code === '') {
      problems.push(problem(sheetName, at(C.code), P.missingCode));
      continue;
    }
    if (code.length > 40 || /[\n\r\t"'=]/.test(code)) {
      problems.push(problem(sheetName, at(C.code), P.badCode(code), { code }));
      continue;
    }
    const key = codeKey(code);
    const first = rowOf.get(key);
    if (first !== undefined) {
      problems.push(problem(sheetName, at(C.code), P.duplicateCode(code, a1(first, C.code)), { code }));
      continue;
    }
    const kind = rowKindOf(cells[C.kind - 1]);
    if (!kind) {
      problems.push(problem(sheetName, at(C.kind), P.unknownKind(cells[C.kind - 1]), { code }));
      continue;
    }
    const criterion: Criterion = { code, content: cleanText(cells[C.content - 1]), kind, maxPoints: 0 };
    if (kind !== 'group' && kind !== 'veto') {
      const max = parseNumber(cells[C.max - 1]);
      if (!max.ok) problems.push(problem(sheetName, at(C.max), P.badMax(cells[C.max - 1]), { code }));
      else if (max.value === null) problems.push(problem(sheetName, at(C.max), P.missingMax, { code }));
      else if (max.value < 0) problems.push(problem(sheetName, at(C.max), P.badMax(max.value), { code }));
      else criterion.maxPoints = max.value;
    }
    const target = parseNumber(cells[C.target - 1]);
    if (!target.ok) problems.push(problem(sheetName, at(C.target), P.badTarget(target.message), { code }));
    else if (target.value !== null) criterion.target = target.value;
    const uom = cleanText(cells[C.unitOfMeasure - 1]);
    if (uom !== '') criterion.unitOfMeasure = uom;
    if (kind === 'quantitative') {
      const rule = quantRuleOf(cells[C.rule - 1]);
      if (!rule) {
        problems.push(problem(sheetName, at(C.rule), P.unknownRule(cells[C.rule - 1]), { code }));
        continue;
      }
      criterion.rule = rule;
    }
    rows.push(criterion);
    rowOf.set(key, r);
  }
  if (rows.length === 0) problems.push({ ...problem(sheetName, a1(L.firstRow, 1), P.emptyCriteria), blocking: true });
  return { table: { name: name || '', rows }, rowOf, problems };
}
