/** A1 notation for messages and ranges. Rows and columns are 1-based, as in Apps Script. */

/**
 * Column number to letters.
 * @example columnLetter(1) // "A"
 * @example columnLetter(28) // "AB"
 */
export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 1) throw new RangeError(`column must be a positive integer, got ${column}`);
  let n = column;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * A cell, or a block when the end is given.
 * @example a1(12, 7) // "G12"
 * @example a1(5, 1, 9, 4) // "A5:D9"
 */
export function a1(row: number, column: number, endRow?: number, endColumn?: number): string {
  const start = `${columnLetter(column)}${row}`;
  if (endRow === undefined || endColumn === undefined || (endRow === row && endColumn === column)) return start;
  return `${start}:${columnLetter(endColumn)}${endRow}`;
}
