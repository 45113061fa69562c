/** Plain 2D cell grids: what getValues returns and setValues takes, and minimal writes between two. */
import { isBlank, type CellValue } from '../core/input';

/** A sheet's values, row-major, 0-based; row r of the grid is sheet row r + 1. */
export type Grid = CellValue[][];

/** What is written: numbers, text, booleans ("" clears). */
export type OutValue = string | number | boolean;

/** A rectangular write: the top-left cell (1-based) and the values. */
export interface Patch {
  row: number;
  column: number;
  values: OutValue[][];
}

/**
 * The cell at sheet row/column (1-based); "" outside the grid.
 * @example cellAt([["a", "b"]], 1, 2) // "b"
 */
export function cellAt(grid: Grid, row: number, column: number): CellValue {
  return grid[row - 1]?.[column - 1] ?? '';
}

/** Comparable form of a cell: dates by time, blanks alike. */
function same(a: CellValue, b: CellValue): boolean {
  const blankA = a === '' || a === null || a === undefined;
  const blankB = b === '' || b === null || b === undefined;
  if (blankA || blankB) return blankA && blankB;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return a === b;
}

/**
 * The writes that turn `before` into `after` at the cells `after` defines: for each row, one
 * patch per run of changed cells. Cells only in `before` are left alone (nothing is cleared).
 * @example diffGrid([["a", "b"]], [["a", "c"]]) // [{ row: 1, column: 2, values: [["c"]] }]
 */
export function diffGrid(before: Grid, after: OutValue[][], origin: { row: number; column: number } = { row: 1, column: 1 }): Patch[] {
  const patches: Patch[] = [];
  after.forEach((line, r) => {
    let start = -1;
    const flush = (end: number) => {
      if (start < 0) return;
      patches.push({ row: origin.row + r, column: origin.column + start, values: [line.slice(start, end)] });
      start = -1;
    };
    line.forEach((value, c) => {
      const changed = !same(cellAt(before, origin.row + r, origin.column + c), value);
      if (changed && start < 0) start = c;
      if (!changed) flush(c);
    });
    flush(line.length);
  });
  return mergeRows(patches);
}

/** Patches on consecutive rows with the same columns become one block. */
function mergeRows(patches: Patch[]): Patch[] {
  const out: Patch[] = [];
  for (const p of patches) {
    const last = out[out.length - 1];
    if (
      last &&
      last.column === p.column &&
      last.values[0]!.length === p.values[0]!.length &&
      last.row + last.values.length === p.row
    ) {
      last.values.push(p.values[0]!);
    } else {
      out.push({ row: p.row, column: p.column, values: p.values.map((v) => [...v]) });
    }
  }
  return out;
}

/** Pads rows to the same width with "". */
export function rectangular(rows: OutValue[][], width?: number): OutValue[][] {
  const w = width ?? Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<OutValue>(Math.max(0, w - r.length)).fill('')].slice(0, w));
}

/** A cell as text for a log or message: dates as ISO, blanks as "". */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isNaN(value.getTime()) ? '' : value.toISOString();
  return String(value);
}


/**
 * A tab as it stands, to be completed without overwriting: `out` keeps every value read (a Date
 * stays a Date: diffGrid compares it by time and never writes it back), `rowAt` grows it to a
 * row, `fill` writes a cell only where it is blank.
 */
export function keptGrid(existing: Grid, width: number): {
  out: OutValue[][];
  rowAt: (n: number) => OutValue[];
  fill: (row: number, column: number, v: OutValue) => void;
} {
  const out: OutValue[][] = existing.map((r) => {
    const row = r.map((v) => v ?? '') as OutValue[];
    while (row.length < width) row.push('');
    return row;
  });
  const rowAt = (n: number): OutValue[] => {
    while (out.length < n) out.push(Array<OutValue>(width).fill(''));
    return out[n - 1]!;
  };
  const fill = (r: number, c: number, v: OutValue): void => {
    const row = rowAt(r);
    if (isBlank(row[c - 1] as CellValue)) row[c - 1] = v;
  };
  return { out, rowAt, fill };
}
