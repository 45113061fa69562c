/**
 * What the custom functions share: Sheets passes a single cell as a scalar and a range as a 2D
 * array (row-major, blanks as ""); results go back as a scalar or a 2D array of the same shape.
 * Positions in messages are 1-based, counted row-major through the range ("Dòng 3").
 */
import { coreText } from '../../i18n/core';
import { functionsText } from '../../i18n/functions';
import { isBlank, parseNumber, type CellValue } from '../input';

/** An argument as Sheets passes it: one cell, or a range. */
export type CellArg = CellValue | CellValue[][];

/** A result as Sheets takes it: one value, or a 2D array. */
export type CellOut<T> = T | T[][];

/**
 * True when the argument is a range (a 2D array), even a 1×1 one.
 * @example isRange([[1], [2]]) // true
 * @example isRange(8.5) // false
 */
function isRange(arg: CellArg): arg is CellValue[][] {
  return Array.isArray(arg);
}

/**
 * The cells of an argument in row-major order; a scalar is one cell.
 * @example cellsOf([[1, 2], [3, 4]]) // [1, 2, 3, 4]
 * @example cellsOf("8,5") // ["8,5"]
 */
export function cellsOf(arg: CellArg): CellValue[] {
  return isRange(arg) ? arg.flat() : [arg];
}

/**
 * Puts row-major `values` back into the shape of `template`: a scalar for a scalar, otherwise
 * the same rows with the same lengths.
 * @example reshape([[1, 2], [3, 4]], ['a', 'b', 'c', 'd']) // [['a', 'b'], ['c', 'd']]
 * @example reshape(5, ['a']) // 'a'
 */
export function reshape<T>(template: CellArg, values: readonly T[]): CellOut<T> {
  if (!isRange(template)) return values[0] as T;
  let i = 0;
  return template.map((row) => row.map(() => values[i++] as T));
}

/**
 * True for an argument left out: undefined, null, or a single blank cell.
 * @example isOmitted(undefined) // true
 * @example isOmitted([['']]) // false (a range is never omitted)
 */
export function isOmitted(arg: CellArg): boolean {
  return !isRange(arg) && isBlank(arg);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * An Error whose message names the position: "Dòng 3: …"; without a position (a single-cell
 * call) the detail alone, capitalised.
 * @example positionError(3, 'điểm 11 vượt điểm chuẩn 10').message // "Dòng 3: điểm 11 vượt điểm chuẩn 10"
 * @example positionError(null, 'chỉ tiêu 0 phải lớn hơn 0').message // "Chỉ tiêu 0 phải lớn hơn 0"
 */
export function positionError(position: number | null, detail: string): Error {
  return new Error(position === null ? capitalise(detail) : `${coreText.row(position)}: ${detail}`);
}

/**
 * An Error about one argument's cell: "Dòng 3, điểm chuẩn: "abc" không phải là số".
 * @example fieldError(2, 'điểm', '"abc" không phải là số').message // 'Dòng 2, điểm: "abc" không phải là số'
 * @example fieldError(null, 'chỉ tiêu', '"x" không phải là số').message // 'Chỉ tiêu: "x" không phải là số'
 */
export function fieldError(position: number | null, field: string, message: string): Error {
  return new Error(position === null ? `${capitalise(field)}: ${message}` : `${coreText.row(position)}, ${field}: ${message}`);
}

/**
 * Reads a number cell ("8,5" and "8.5" alike); null when blank. Throws, naming the position and
 * the argument, when the cell holds anything else.
 * @example readNumber("8,5", 3, 'điểm') // 8.5
 * @example readNumber("", 3, 'điểm') // null
 * @example readNumber("abc", 3, 'điểm') // throws 'Dòng 3, điểm: "abc" không phải là số'
 */
export function readNumber(value: CellValue, position: number | null, field: string): number | null {
  const parsed = parseNumber(value);
  if (!parsed.ok) throw fieldError(position, field, parsed.message);
  return parsed.value;
}

/** Arguments read side by side, one value per row. */
export interface Aligned {
  /** How many rows: the size of the ranges (1 when every argument is a single cell). */
  count: number;
  /** The shape of the result: the first argument with more than one cell, else the first argument. */
  template: CellArg;
  /** True when the result has one cell: messages then carry no position. */
  single: boolean;
  /** The value of argument `arg` (its index in the list) at row `i` (0-based). */
  at(arg: number, i: number): CellValue;
}

/**
 * Lines arguments up for an element-wise function: ranges must all have the same number of
 * cells; a single cell (scalar or 1×1 range) is used for every row.
 * @example alignArgs([['kết quả', [[8], [12]]], ['chỉ tiêu', 10]]).at(1, 1) // 10
 * @example alignArgs([['kết quả', [[1], [2]]], ['chỉ tiêu', [[1], [2], [3]]]]) // throws "Vùng chỉ tiêu có 3 ô nhưng vùng kết quả có 2 ô: …"
 */
export function alignArgs(args: ReadonlyArray<readonly [field: string, arg: CellArg]>): Aligned {
  const columns = args.map(([, arg]) => cellsOf(arg));
  let lead = -1;
  columns.forEach((cells, k) => {
    if (cells.length === 1) return;
    if (lead < 0) lead = k;
    else if (cells.length !== columns[lead]!.length) {
      throw positionError(null, functionsText.broadcastMismatch(args[k]![0], cells.length, args[lead]![0], columns[lead]!.length));
    }
  });
  const count = lead < 0 ? 1 : columns[lead]!.length;
  const template = lead < 0 ? args[0]![1] : args[lead]![1];
  return {
    count,
    template,
    single: lead < 0,
    at: (arg, i) => {
      const cells = columns[arg]!;
      return cells.length === 1 ? cells[0] : cells[i];
    },
  };
}
