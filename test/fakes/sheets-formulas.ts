/**
 * Formulas in the Sheets fake: after every write (a person typing, setValue(s), setFormula(s),
 * clear, rows inserted or deleted, a sheet renamed …) every formula of the spreadsheet is
 * computed again from the state, as Sheets does, with formulas.ts. A formula keeps its text in
 * `f`, its result in `fv` (an error as its code, with the hover message in `fe`); an array result
 * spills into the empty cells below and right (`sv`), or shows #REF! when they are not empty.
 *
 * Custom functions run through the FormulaHost the FakeGoogle registers (the bundle's top-level
 * functions, in AuthMode.CUSTOM_FUNCTION, not counted: recalculation is Google's work, not the
 * script's). As in Sheets, a call runs again only when its arguments changed.
 */
import { toA1 } from './a1';
import {
  FormulaError, evaluate, formulaMessages, isDateValue, isErrorCode, isMatrix, parseFormula, rewriteReferences,
  type Block, type FormulaContext, type Parsed, type RefPart, type RefSpec, type Scalar, type Value,
} from './formulas';
import { cellFor, getCell, prune, type CellState, type SheetState, type SpreadsheetState } from './sheets-model';
import { displayValue, fromStored, parseViNumber, toStored, type StoredValue } from './sheets-values';
import { zonedParts } from './utilities';

/** Where custom functions come from: the loaded script's top-level functions. */
export interface FormulaHost {
  /** The name a function answers to in the formula bar (case-insensitive), or null. */
  customName(name: string): string | null;
  /** Runs it as Sheets runs a custom function; throws a FormulaError (#ERROR!) when it fails. */
  call(name: string, args: unknown[]): unknown;
}

const hosts = new WeakMap<SpreadsheetState, FormulaHost>();

export function setFormulaHost(doc: SpreadsheetState, host: FormulaHost): void {
  hosts.set(doc, host);
}

export function hasFormulaHost(doc: SpreadsheetState): boolean {
  return hosts.has(doc);
}

/** Sheets known to hold no formula (false) or that may (true, or unknown: scanned once). */
const mayHaveFormulas = new WeakMap<SheetState, boolean>();

/** A formula was written into this sheet: the next recalculation looks at it. */
export function noteFormula(sheet: SheetState): void {
  mayHaveFormulas.set(sheet, true);
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: FormulaError };
/** Last arguments and result of each custom function call, by cell and position in the formula. */
const customCache = new WeakMap<SpreadsheetState, Map<string, { args: string; outcome: Outcome }>>();

const parsedCache = new Map<string, Parsed | FormulaError>();

function parsed(formula: string, locale: string): Parsed | FormulaError {
  const key = `${locale}\u0000${formula}`;
  let p = parsedCache.get(key);
  if (p === undefined) {
    try {
      p = parseFormula(formula, locale);
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      p = e;
    }
    if (parsedCache.size > 5000) parsedCache.clear();
    parsedCache.set(key, p);
  }
  return p;
}

interface Anchor {
  sheet: SheetState;
  row: number;
  col: number;
  cell: CellState;
}

const running = new WeakSet<SpreadsheetState>();

/** Computes every formula of the spreadsheet again. Not counted as a service call. */
export function recalculate(doc: SpreadsheetState): void {
  if (running.has(doc)) return;
  const anchors: Anchor[] = [];
  const emptied: Array<[SheetState, number, number]> = [];
  for (const sheet of doc.sheets) {
    if (mayHaveFormulas.get(sheet) === false) continue;
    let found = false;
    for (const [r, row] of Object.entries(sheet.rows)) {
      for (const [c, cell] of Object.entries(row)) {
        if (cell.sv !== undefined) {
          delete cell.sv;
          emptied.push([sheet, Number(r), Number(c)]);
        }
        if (cell.f) {
          found = true;
          anchors.push({ sheet, row: Number(r), col: Number(c), cell });
        }
      }
    }
    mayHaveFormulas.set(sheet, found);
  }
  if (anchors.length > 0) {
    running.add(doc);
    try {
      new Recalculation(doc, anchors).run();
    } finally {
      running.delete(doc);
    }
  }
  for (const [s, r, c] of emptied) prune(s, r, c);
}

/** A stored value as the evaluator reads it (dates as Dates, blanks as null). */
function scalarOf(v: StoredValue | undefined): Scalar {
  if (v === undefined || v === '') return null;
  return fromStored(v);
}

/** A formula cell's result as other formulas read it: its error, or its value. */
function resultOf(cell: CellState): Scalar {
  if (isErrorCode(cell.fv) && (cell.fe !== undefined || cell.fp)) {
    return new FormulaError(cell.fv, cell.fe ?? formulaMessages.errorLiteral(cell.fv));
  }
  return scalarOf(cell.fv);
}

function storedOf(v: Scalar): StoredValue | undefined {
  if (v === null) return undefined;
  if (v instanceof FormulaError) return v.code;
  const s = toStored(v);
  return s === '' ? undefined : s;
}

const key = (r: number, c: number) => `${r},${c}`;

class Recalculation {
  private readonly status = new Map<CellState, 'doing' | 'done'>();
  private readonly spills = new Map<SheetState, Map<string, Scalar>>();
  private readonly bySheet = new Map<SheetState, Anchor[]>();
  private readonly byCell = new Map<CellState, Anchor>();
  private readonly host: FormulaHost | undefined;
  private readonly cache: Map<string, { args: string; outcome: Outcome }>;

  constructor(private readonly doc: SpreadsheetState, private readonly anchors: Anchor[]) {
    for (const a of anchors) {
      const list = this.bySheet.get(a.sheet) ?? [];
      list.push(a);
      this.bySheet.set(a.sheet, list);
      this.byCell.set(a.cell, a);
    }
    this.host = hosts.get(doc);
    let cache = customCache.get(doc);
    if (!cache) {
      cache = new Map();
      customCache.set(doc, cache);
    }
    this.cache = cache;
  }

  run(): void {
    for (const a of this.anchors) this.ensure(a);
  }

  /** A formula read as if it sat in that cell (conditional formatting): formulas around keep their results. */
  evaluateAt(sheet: SheetState, row: number, col: number, p: Parsed): Value {
    return evaluate(p, this.context({ sheet, row, col, cell: {} }));
  }

  private ensure(a: Anchor): void {
    if (this.status.has(a.cell)) return;
    this.status.set(a.cell, 'doing');
    this.store(a, this.compute(a));
    this.status.set(a.cell, 'done');
  }

  private compute(a: Anchor): Value {
    const cell = a.cell;
    if (cell.fp) return resultOf(cell);
    const p = parsed(cell.f!, this.doc.locale);
    if (p instanceof FormulaError) return p;
    return evaluate(p, this.context(a));
  }

  private context(a: Anchor): FormulaContext {
    let call = 0;
    const tz = this.doc.timeZone;
    const vi = /^vi/i.test(this.doc.locale);
    return {
      read: (block) => this.read(a.sheet, block),
      customName: (name) => (name.endsWith('_') ? null : this.host?.customName(name) ?? null),
      callCustom: (name, args) => this.callCustom(a, call++, name, args),
      parseNumber: (text) => (vi ? parseViNumber(text) : /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : null),
      numberText: (n) => displayValue(n, undefined, tz),
      dateSerial: (d) => {
        const p = zonedParts(d, tz);
        return (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Date.UTC(1899, 11, 30)) / 86_400_000;
      },
    };
  }

  private read(own: SheetState, block: Block): Scalar[][] | FormulaError {
    let sheet = own;
    if (block.sheet !== null) {
      const name = block.sheet.toLowerCase();
      const found = this.doc.sheets.find((s) => s.name.toLowerCase() === name);
      if (!found) return new FormulaError('#REF!', formulaMessages.unresolvedSheet(block.sheet));
      sheet = found;
    }
    const r2 = block.r2 ?? sheet.maxRows;
    const c2 = block.c2 ?? sheet.maxCols;
    if (block.r1 > sheet.maxRows || block.c1 > sheet.maxCols || r2 > sheet.maxRows || c2 > sheet.maxCols) {
      return new FormulaError('#REF!', formulaMessages.outsideGrid);
    }
    const out: Scalar[][] = [];
    for (let r = block.r1; r <= r2; r++) {
      const line: Scalar[] = [];
      for (let c = block.c1; c <= c2; c++) line.push(this.valueAt(sheet, r, c));
      out.push(line);
    }
    return out;
  }

  private valueAt(sheet: SheetState, r: number, c: number): Scalar {
    const cell = getCell(sheet, r, c);
    if (cell?.f) {
      const anchor = this.byCell.get(cell);
      if (anchor) {
        if (this.status.get(cell) === 'doing') return new FormulaError('#REF!', formulaMessages.circular);
        this.ensure(anchor);
      }
      return resultOf(cell);
    }
    if (cell?.v !== undefined) return scalarOf(cell.v);
    // A blank cell may be filled by the array result of a formula above or left of it.
    for (const a of this.bySheet.get(sheet) ?? []) {
      if (a.row <= r && a.col <= c && !this.status.has(a.cell)) this.ensure(a);
    }
    return this.spills.get(sheet)?.get(key(r, c)) ?? null;
  }

  private callCustom(a: Anchor, index: number, name: string, args: unknown[]): unknown {
    const id = `${a.sheet.id}:${a.row}:${a.col}:${a.cell.f}:${index}:${name}`;
    const argsKey = JSON.stringify(args, function (this: Record<string, unknown>, k, v: unknown) {
      const raw = this[k];
      return isDateValue(raw) ? { $date: raw.getTime() } : v;
    });
    const hit = this.cache.get(id);
    let outcome: Outcome;
    if (hit && hit.args === argsKey) {
      outcome = hit.outcome;
    } else {
      try {
        outcome = { ok: true, value: this.host!.call(name, args) };
      } catch (e) {
        if (!(e instanceof FormulaError)) throw e;
        outcome = { ok: false, error: e };
      }
      this.cache.set(id, { args: argsKey, outcome });
    }
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  /** Writes a result: a scalar into the cell; an array into the cell and the empty cells it spills over. */
  private store(a: Anchor, result: Value): void {
    let value: Scalar;
    if (isMatrix(result)) {
      const blocked = this.spillProblem(a, result.rows);
      if (blocked) {
        value = blocked;
      } else {
        const spill = this.spills.get(a.sheet) ?? new Map<string, Scalar>();
        this.spills.set(a.sheet, spill);
        result.rows.forEach((line, i) => line.forEach((v, j) => {
          if (i === 0 && j === 0) return;
          spill.set(key(a.row + i, a.col + j), v);
          const stored = storedOf(v);
          if (stored !== undefined) cellFor(a.sheet, a.row + i, a.col + j).sv = stored;
        }));
        value = result.rows[0]![0]!;
      }
    } else {
      value = result;
    }
    const cell = a.cell;
    if (cell.fp) return;
    const stored = storedOf(value);
    if (stored === undefined) delete cell.fv;
    else cell.fv = stored;
    if (value instanceof FormulaError) cell.fe = value.message;
    else delete cell.fe;
  }

  private spillProblem(a: Anchor, rows: Scalar[][]): FormulaError | null {
    const s = a.sheet;
    const lastRow = a.row + rows.length - 1;
    const lastCol = a.col + (rows[0]?.length ?? 1) - 1;
    if (lastRow > s.maxRows) return new FormulaError('#REF!', formulaMessages.spillOutside(lastRow - s.maxRows, 'hàng'));
    if (lastCol > s.maxCols) return new FormulaError('#REF!', formulaMessages.spillOutside(lastCol - s.maxCols, 'cột'));
    const taken = this.spills.get(s);
    for (let r = a.row; r <= lastRow; r++) {
      for (let c = a.col; c <= lastCol; c++) {
        if (r === a.row && c === a.col) continue;
        const t = getCell(s, r, c);
        if ((t?.v !== undefined && t.v !== '') || t?.f || taken?.has(key(r, c))) {
          return new FormulaError('#REF!', formulaMessages.spillBlocked(toA1(r, c)));
        }
      }
    }
    return null;
  }
}

// ——— references kept pointing at the same cells when the sheet changes shape ———

function eachFormula(doc: SpreadsheetState, f: (sheet: SheetState, cell: CellState) => void): void {
  for (const sheet of doc.sheets) {
    if (mayHaveFormulas.get(sheet) === false) continue;
    for (const row of Object.values(sheet.rows)) for (const cell of Object.values(row)) if (cell.f) f(sheet, cell);
  }
}

/** Rewrites references to `target` in every formula (a reference without a sheet name means the formula's own sheet). */
function rewriteTo(doc: SpreadsheetState, target: SheetState | string, map: (ref: RefSpec) => RefSpec | null): void {
  const name = (typeof target === 'string' ? target : target.name).toLowerCase();
  eachFormula(doc, (sheet, cell) => {
    const next = rewriteReferences(cell.f!, doc.locale, (ref) => {
      // A name-only target (renamed, deleted) matches written names only.
      const points = ref.sheet === null ? sheet === target : ref.sheet.toLowerCase() === name;
      return points ? map(ref) : ref;
    });
    if (next !== cell.f) cell.f = next;
  });
}

type Axis = 'row' | 'col';

function shiftPart(p: RefPart, axis: Axis, after: number, n: number): RefPart {
  const v = p[axis];
  return v !== null && v > after ? { ...p, [axis]: v + n } : p;
}

/** Rows (or columns) inserted after `after`: references below move, ranges spanning the gap grow. */
export function formulasAfterInsert(doc: SpreadsheetState, sheet: SheetState, axis: Axis, after: number, n: number): void {
  rewriteTo(doc, sheet, (ref) => ({ ...ref, start: shiftPart(ref.start, axis, after, n), end: ref.end && shiftPart(ref.end, axis, after, n) }));
}

/** Rows start..start+n-1 deleted: references into them become #REF!, ranges across them shrink. */
export function formulasAfterRowDelete(doc: SpreadsheetState, sheet: SheetState, start: number, n: number): void {
  const end = start + n - 1;
  rewriteTo(doc, sheet, (ref) => {
    const a = ref.start.row;
    const b = (ref.end ?? ref.start).row;
    if (a === null || b === null) return ref;
    const lo = Math.min(a, b), hi = Math.max(a, b);
    if (lo >= start && hi <= end) return null;
    const newLo = lo < start ? lo : lo > end ? lo - n : start;
    const newHi = hi > end ? hi - n : hi >= start ? start - 1 : hi;
    const loFirst = a <= b;
    const startPart = { ...ref.start, row: loFirst ? newLo : newHi };
    const endPart = ref.end ? { ...ref.end, row: loFirst ? newHi : newLo } : null;
    return { ...ref, start: startPart, end: endPart };
  });
}

/** A sheet renamed: references naming it follow, as Sheets rewrites them. */
export function formulasAfterRename(doc: SpreadsheetState, oldName: string, newName: string): void {
  rewriteTo(doc, oldName, (ref) => ({ ...ref, sheet: newName }));
}

/** A sheet deleted: references naming it become #REF!. */
export function formulasAfterSheetDelete(doc: SpreadsheetState, name: string): void {
  rewriteTo(doc, name, () => null);
}

/** The error a cell shows and its hover message; null when it shows no error. */
export function formulaErrorOf(cell: CellState | undefined): { code: string; message: string } | null {
  if (!cell?.f || !isErrorCode(cell.fv)) return null;
  if (cell.fe === undefined && !cell.fp) return null;
  return { code: cell.fv, message: cell.fe ?? formulaMessages.errorLiteral(cell.fv) };
}

// ——— conditional formatting, as the Sheets UI paints it ———

/**
 * The background each cell of a sheet shows from its conditional format rules (rows × cols, ""
 * where none applies): a rule's custom formula is read for each cell of its ranges with relative
 * references moved from the range's top-left cell; it applies when it gives TRUE (an error does
 * not); the first rule in the list that applies to a cell wins. Only custom formulas and "is
 * empty" / "is not empty" are painted (the product uses no other kind). Not counted.
 */
export function conditionalBackgrounds(doc: SpreadsheetState, sheet: SheetState, rows: number, cols: number): string[][] {
  const out = Array.from({ length: rows }, () => Array.from({ length: cols }, () => ''));
  const calc = new Recalculation(doc, []);
  for (const rule of sheet.rules) {
    if (!rule.background) continue;
    for (const rect of rule.ranges) {
      const r2 = Math.min(rect.r2 ?? sheet.maxRows, rows);
      const c2 = Math.min(rect.c2 ?? sheet.maxCols, cols);
      for (let r = rect.r1; r <= r2; r++) {
        for (let c = rect.c1; c <= c2; c++) {
          if (out[r - 1]![c - 1] !== '') continue;
          if (ruleApplies(calc, sheet, rule.criteria, rule.values, r, c, r - rect.r1, c - rect.c1)) out[r - 1]![c - 1] = rule.background;
        }
      }
    }
  }
  return out;
}

function ruleApplies(
  calc: Recalculation, sheet: SheetState, criteria: string, values: unknown[],
  r: number, c: number, dr: number, dc: number,
): boolean {
  const cell = getCell(sheet, r, c);
  const empty = cell?.f ? resultOf(cell) === null : scalarOf(cell?.v) === null;
  if (criteria === 'CELL_EMPTY') return empty;
  if (criteria === 'CELL_NOT_EMPTY') return !empty;
  if (criteria !== 'CUSTOM_FORMULA' || typeof values[0] !== 'string') return false;
  // Apps Script takes the formula in the English form (commas between arguments).
  const moved = rewriteReferences(values[0], 'en_US', (ref) => ({
    ...ref,
    start: movePart(ref.start, dr, dc),
    end: ref.end && movePart(ref.end, dr, dc),
  }));
  const p = parsed(moved, 'en_US');
  if (p instanceof FormulaError) return false;
  const v = calc.evaluateAt(sheet, r, c, p);
  return v === true || (typeof v === 'number' && v !== 0);
}

function movePart(p: RefPart, dr: number, dc: number): RefPart {
  return {
    ...p,
    row: p.row === null || p.rowAbs ? p.row : p.row + dr,
    col: p.col === null || p.colAbs ? p.col : p.col + dc,
  };
}
