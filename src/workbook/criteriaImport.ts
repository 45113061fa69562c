/**
 * A criteria table opened from Excel into a tab of the sheet, read as a criteria table: finds the
 * header row and the code / content / max-points columns (in any order, after title rows), reads
 * numbers typed as text with a decimal comma, joins a content cut over two rows (merged cells
 * come out blank but for their first cell), and gives codes the table's hierarchy ("I", "I.1",
 * "I.1.a") when the Excel codes restart under each section (I, 1, 2, II, 1 …). Pure.
 */
import { codeKey, parentKey } from '../core/criteria';
import { cleanText, isBlank, normalizeKey, parseNumber, round2, type CellValue } from '../core/input';
import type { CriteriaTable, Criterion } from '../core/model';
import { exchangeText } from '../i18n/exchange';
import { a1, columnLetter } from './a1';
import { cellAt, type Grid } from './grid';

const X = exchangeText.import;

/** Rows searched for the header. */
const HEADER_SCAN = 20;

const CODE_HEADERS = ['stt', 'tt', 'ma', 'ma so', 'so tt', 'so thu tu', 'ma tieu chi', 'muc'];
const CONTENT_HEADERS = ['noi dung', 'tieu chi', 'noi dung tieu chi', 'noi dung cham diem', 'noi dung thi dua', 'ten tieu chi', 'chi tieu'];
const MAX_HEADERS = ['diem chuan', 'diem toi da', 'thang diem', 'diem', 'so diem', 'diem quy dinh', 'khung diem', 'diem chuan toi da', 'muc diem'];

/** A header cell's key: no diacritics, brackets or punctuation ("Điểm chuẩn (tối đa)" → "diem chuan toi da"). */
function headerKey(v: CellValue): string {
  return normalizeKey(v).replace(/[()[\]:.,*/\\-]+/g, ' ').replace(/\s+/g, ' ').trim();
}

export interface CriteriaImportColumns {
  /** 1-based columns. */
  code: number;
  content: number;
  max: number;
}

export interface ImportProblem {
  a1: string;
  message: string;
  /** Nothing can be imported until it is fixed. */
  blocking?: boolean;
}

export interface CriteriaImport {
  /** 1-based; 0 when none was found. */
  headerRow: number;
  columns: CriteriaImportColumns | null;
  /** Column letters, for the preview. */
  letters: { code: string; content: string; max: string } | null;
  table: CriteriaTable;
  /** Source row of each criterion, by code. */
  sourceRow: Record<string, number>;
  problems: ImportProblem[];
}

function findHeader(grid: Grid): { row: number; columns: Partial<CriteriaImportColumns> } | null {
  let best: { row: number; columns: Partial<CriteriaImportColumns>; score: number } | null = null;
  for (let r = 1; r <= Math.min(grid.length, HEADER_SCAN); r++) {
    const line = grid[r - 1] ?? [];
    const columns: Partial<CriteriaImportColumns> = {};
    line.forEach((v, i) => {
      const k = headerKey(v);
      if (k === '') return;
      const c = i + 1;
      if (columns.code === undefined && CODE_HEADERS.includes(k)) columns.code = c;
      else if (columns.content === undefined && (CONTENT_HEADERS.includes(k) || k.startsWith('noi dung'))) columns.content = c;
      else if (columns.max === undefined && (MAX_HEADERS.includes(k) || k.startsWith('diem chuan') || k.startsWith('diem toi da') || k.startsWith('thang diem'))) columns.max = c;
    });
    const score = Number(columns.code !== undefined) + Number(columns.content !== undefined) + Number(columns.max !== undefined);
    if (score >= 2 && (!best || score > best.score)) best = { row: r, columns, score };
    if (score === 3) break;
  }
  return best;
}

const ROMAN = /^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/;

/** A code as typed in Excel, cleaned: "I." → "I", "a)" → "a", "1 ." → "1". */
function cleanCode(v: CellValue): string {
  const s = cleanText(typeof v === 'number' ? String(v) : v);
  return s.replace(/\s*[.)]\s*$/, '').replace(/\s*\.\s*/g, '.');
}

type Level = 'roman' | 'number' | 'dotted' | 'letter' | 'other';

function levelOf(code: string): Level {
  const k = code.toLowerCase();
  if (ROMAN.test(k)) return 'roman';
  if (/^\d+$/.test(k)) return 'number';
  if (/^\d+(\.\d+)+$/.test(k)) return 'dotted';
  if (/^[a-zđ]$/.test(k)) return 'letter';
  return 'other';
}

interface RawRow {
  row: number;
  code: string;
  content: string;
  max: CellValue;
}

/**
 * Codes with the table's hierarchy: kept as typed when they are already unique and dotted under
 * their sections; otherwise a number goes under the last section (I → I.1), a dotted number too
 * (1.2 → I.1.2) and a letter under the last number (a → I.1.a).
 */
function hierarchicalCodes(rows: readonly RawRow[]): string[] {
  const keys = rows.map((r) => codeKey(r.code));
  const unique = new Set(keys).size === keys.length;
  const dotted = keys.some((k) => k.includes('.') && ROMAN.test(k.split('.')[0]!));
  if (unique && dotted) return rows.map((r) => r.code);
  let section = '';
  let number = '';
  return rows.map((r) => {
    switch (levelOf(r.code)) {
      case 'roman':
        section = r.code.toUpperCase();
        number = '';
        return section;
      case 'number':
        number = section ? `${section}.${r.code}` : r.code;
        return number;
      case 'dotted': {
        const code = section ? `${section}.${r.code}` : r.code;
        number = code;
        return code;
      }
      case 'letter':
        return `${number || section || 'x'}.${r.code.toLowerCase()}`;
      default:
        return r.code;
    }
  });
}

/** Rows of a total ("Tổng cộng", "Cộng") end nothing but are not criteria. */
function isTotalRow(content: string): boolean {
  const k = normalizeKey(content);
  return /^(tong cong|tong diem|tong so diem|cong)\b/.test(k) || k === 'tong';
}

/** Bonus / deduction sections by their wording. */
function sectionKind(content: string): 'bonus' | 'deduction' | null {
  const k = normalizeKey(content);
  if (/\bdiem (cong|thuong)\b/.test(k)) return 'bonus';
  if (/\bdiem tru\b/.test(k)) return 'deduction';
  return null;
}

/**
 * Reads a tab holding a criteria table opened from Excel.
 * @example detectCriteria([['STT', 'Nội dung', 'Điểm'], ['I', 'Chuyên môn', ''], ['1', 'Án', '8,5']]).table.rows[1]
 *   // { code: 'I.1', content: 'Án', kind: 'qualitative', maxPoints: 8.5 }
 */
export function detectCriteria(grid: Grid, sheetName = ''): CriteriaImport {
  const problems: ImportProblem[] = [];
  const empty: CriteriaImport = { headerRow: 0, columns: null, letters: null, table: { name: X.tableName(sheetName), rows: [] }, sourceRow: {}, problems };
  const header = findHeader(grid);
  if (!header) {
    problems.push({ a1: 'A1', message: X.noHeader, blocking: true });
    return empty;
  }
  const c = header.columns;
  const at = a1(header.row, 1);
  if (c.code === undefined) problems.push({ a1: at, message: X.noCode, blocking: true });
  if (c.max === undefined) problems.push({ a1: at, message: X.noMax, blocking: true });
  if (c.content === undefined) {
    // No content header: the column right of the code, the usual place.
    if (c.code !== undefined && c.code + 1 !== c.max) c.content = c.code + 1;
    else problems.push({ a1: at, message: X.noContent, blocking: true });
  }
  if (problems.length > 0) return { ...empty, headerRow: header.row };
  const columns = c as CriteriaImportColumns;

  // Rows under the header; a content cut over two rows is joined to the row above.
  const raw: RawRow[] = [];
  for (let r = header.row + 1; r <= grid.length; r++) {
    const code = cleanCode(cellAt(grid, r, columns.code));
    const content = cleanText(cellAt(grid, r, columns.content));
    const max = cellAt(grid, r, columns.max);
    if (code === '' && content === '' && isBlank(max)) continue;
    if (code === '' && isTotalRow(content)) continue;
    if (code === '' && isBlank(max) && raw.length > 0 && content !== '') {
      const last = raw[raw.length - 1]!;
      last.content = `${last.content} ${content}`.trim();
      continue;
    }
    if (code === '') {
      problems.push({ a1: a1(r, columns.code), message: X.noContentRow(a1(r, columns.code)) });
      continue;
    }
    if (content === '') {
      problems.push({ a1: a1(r, columns.content), message: X.noContentRow(a1(r, columns.content)) });
      continue;
    }
    raw.push({ row: r, code, content, max });
  }
  if (raw.length === 0) {
    problems.push({ a1: a1(header.row + 1, columns.code), message: X.noRows, blocking: true });
    return { ...empty, headerRow: header.row, columns };
  }

  const codes = hierarchicalCodes(raw);
  const keys = codes.map(codeKey);
  const rows: Criterion[] = [];
  const sourceRow: Record<string, number> = {};
  const seen = new Set<string>();
  // Bonus / deduction sections pass their kind to the rows under them.
  const groupKind = new Map<string, 'bonus' | 'deduction' | null>();
  const given = new Map<string, number>();
  raw.forEach((r, i) => {
    const key = keys[i]!;
    if (seen.has(key)) {
      problems.push({ a1: a1(r.row, columns.code), message: X.duplicateCode(a1(r.row, columns.code), codes[i]!) });
      return;
    }
    seen.add(key);
    const isGroup = keys.some((k, j) => j > i && k.startsWith(`${key}.`));
    let inherited: 'bonus' | 'deduction' | null = null;
    for (let p = parentKey(key); p !== '' && inherited === null; p = parentKey(p)) inherited = groupKind.get(p) ?? null;
    const own = sectionKind(r.content);
    const n = parseNumber(r.max);
    let maxPoints = 0;
    if (!n.ok) problems.push({ a1: a1(r.row, columns.max), message: X.badMax(a1(r.row, columns.max), cleanText(r.max)) });
    else maxPoints = Math.abs(n.value ?? 0);
    if (isGroup) {
      groupKind.set(key, own ?? inherited);
      if (n.ok && n.value !== null) given.set(codes[i]!, Math.abs(n.value));
    }
    rows.push({ code: codes[i]!, content: r.content, kind: isGroup ? 'group' : (inherited ?? own ?? 'qualitative'), maxPoints: isGroup ? 0 : maxPoints });
    sourceRow[codes[i]!] = r.row;
  });
  // A group's typed total that differs from its children's sum is said, not used.
  for (const g of rows) {
    const typed = given.get(g.code);
    if (typed === undefined) continue;
    const key = codeKey(g.code);
    const sum = round2(rows.filter((x) => x.kind !== 'group' && x.kind !== 'bonus' && x.kind !== 'deduction' && codeKey(x.code).startsWith(`${key}.`)).reduce((s, x) => s + x.maxPoints, 0));
    if (sum > 0 && Math.abs(sum - typed) > 0.005) problems.push({ a1: a1(sourceRow[g.code]!, columns.max), message: X.groupMax(g.code, typed, sum) });
  }
  return {
    headerRow: header.row,
    columns,
    letters: { code: columnLetter(columns.code), content: columnLetter(columns.content), max: columnLetter(columns.max) },
    table: { name: X.tableName(sheetName), rows },
    sourceRow,
    problems,
  };
}
