/**
 * A1 notation helpers for the in-memory Sheets fake: "A1", "A1:C10", "B:B", "3:5", "A2:C",
 * "'Bình Dương'!A1:B2". Rows and columns are 1-based, as in Apps Script.
 */

/** A parsed A1 reference. `endRow` / `endColumn` are null when open-ended ("B:B", "A2:C"). */
export interface A1Ref {
  sheetName: string | null;
  row: number;
  column: number;
  endRow: number | null;
  endColumn: number | null;
}

export class A1Error extends Error {
  constructor(readonly input: string) {
    super(`Range not found: "${input}"`);
    this.name = 'Exception';
  }
}

/** Column letters to number: "A" → 1, "Z" → 26, "AA" → 27. Throws on anything else. */
export function columnToNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new A1Error(letters);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Column number to letters: 1 → "A", 28 → "AB". */
export function numberToColumn(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Column must be a positive integer, got ${n}`);
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** toA1(2, 3) → "C2"; with an end, toA1(1, 1, 3, 2) → "A1:B3". */
export function toA1(row: number, column: number, endRow?: number, endColumn?: number): string {
  const start = `${numberToColumn(column)}${row}`;
  if (endRow === undefined || endColumn === undefined) return start;
  if (endRow === row && endColumn === column) return start;
  return `${start}:${numberToColumn(endColumn)}${endRow}`;
}

/** Quotes a sheet name for A1 notation when needed: "Bình Dương" → "'Bình Dương'". */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "'It''s'!A1" into the sheet name ("It's") and the cell part ("A1"). */
function splitSheet(input: string): { sheetName: string | null; cells: string } {
  const s = input.trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < s.length) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") { name += "'"; i += 2; continue; }
        break;
      }
      name += s[i];
      i++;
    }
    if (s[i] !== "'" || s[i + 1] !== '!') throw new A1Error(input);
    return { sheetName: name, cells: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, cells: s };
  return { sheetName: s.slice(0, bang), cells: s.slice(bang + 1) };
}

interface Part { row: number | null; column: number | null }

function parsePart(part: string, input: string): Part {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(part);
  if (!m || (m[1] === '' && m[2] === '')) throw new A1Error(input);
  const column = m[1] ? columnToNumber(m[1]) : null;
  const row = m[2] ? Number(m[2]) : null;
  if (row !== null && row < 1) throw new A1Error(input);
  return { row, column };
}

/**
 * Parses A1 notation. parseA1("'Bình Dương'!B2:C") →
 * { sheetName: "Bình Dương", row: 2, column: 2, endRow: null, endColumn: 3 }.
 */
export function parseA1(input: string): A1Ref {
  const { sheetName, cells } = splitSheet(input);
  const [a, b, extra] = cells.split(':');
  if (a === undefined || a === '' || extra !== undefined) throw new A1Error(input);
  const start = parsePart(a, input);
  if (b === undefined) {
    if (start.row === null || start.column === null) throw new A1Error(input);
    return { sheetName, row: start.row, column: start.column, endRow: start.row, endColumn: start.column };
  }
  const end = parsePart(b, input);
  // "B:B" (whole columns), "3:5" (whole rows), "A2:C" (open rows), "A1:C10".
  if (start.column === null && end.column !== null) throw new A1Error(input);
  if (start.row === null && end.row !== null && start.column !== null) throw new A1Error(input);
  const row = start.row ?? 1;
  const column = start.column ?? 1;
  const endRow = start.row === null ? null : end.row;
  const endColumn = start.column === null ? null : end.column;
  if (start.column === null && (start.row === null || end.row === null)) throw new A1Error(input);
  // Normalise reversed corners ("C3:A1" is the same block as "A1:C3").
  const r1 = endRow === null ? row : Math.min(row, endRow);
  const r2 = endRow === null ? null : Math.max(row, endRow);
  const c1 = endColumn === null ? column : Math.min(column, endColumn);
  const c2 = endColumn === null ? null : Math.max(column, endColumn);
  return { sheetName, row: r1, column: c1, endRow: r2, endColumn: c2 };
}
