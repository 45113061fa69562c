/**
 * Formulas as Google Sheets reads and computes them, for the in-memory Sheets fake: a parser that
 * takes the Vietnamese-locale form (`=THIDUA_SCORE(D5:D30; C5:C30)`, `;` between arguments, `,`
 * as the decimal mark) and the English form (`,` between arguments), and an evaluator for the few
 * built-ins a clerk types beside ours (SUM, ROUND, IF …), cell and range references, and custom
 * functions called as Sheets calls them (a range as a 2-D array, a single cell as a scalar).
 *
 * Pure: cells are read and custom functions called through a FormulaContext the caller gives
 * (sheets-formulas.ts wires it to the fake's state). Messages are what a vi_VN Sheets shows on
 * hover, in Vietnamese.
 */
import { columnToNumber, numberToColumn, quoteSheetName } from './a1';

export type ErrorCode = '#NULL!' | '#DIV/0!' | '#VALUE!' | '#REF!' | '#NAME?' | '#NUM!' | '#N/A' | '#ERROR!';
export const ERROR_CODES: readonly ErrorCode[] = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#ERROR!'];

export function isErrorCode(v: unknown): v is ErrorCode {
  return typeof v === 'string' && (ERROR_CODES as readonly string[]).includes(v);
}

/** An error value: the code the cell shows and the message shown on hover. */
export class FormulaError {
  constructor(readonly code: ErrorCode, readonly message: string) {}
}

/** One value; null is a blank cell. */
export type Scalar = number | string | boolean | Date | null | FormulaError;
/** A block of values (a range, or an array a custom function returned). */
export interface Matrix {
  kind: 'matrix';
  rows: Scalar[][];
}
export type Value = Scalar | Matrix;

/** Built-ins the fake computes; any other function name (not a custom function) is refused. */
export const SUPPORTED_FUNCTIONS = ['SUM', 'ROUND', 'IF', 'AVERAGE', 'MIN', 'MAX', 'COUNT', 'COUNTA', 'SUMIF', 'AND', 'OR', 'NOT', 'ISNUMBER', 'ABS'] as const;

/** Hover messages, as a vi_VN Sheets words them (the fake's own limits say "bản chạy thử"). */
export const formulaMessages = {
  parse: 'Lỗi phân tích cú pháp công thức.',
  unsupported: (name: string) =>
    `Hàm ${name} không hỗ trợ trong bản chạy thử: ở đây chỉ tính được ${SUPPORTED_FUNCTIONS.join(', ')}, tham chiếu ô, vùng và các hàm tùy chỉnh của tiện ích (THIDUA_…).`,
  rangeArithmetic: (what: string) =>
    `Phép tính trên cả vùng (${what}) không hỗ trợ trong bản chạy thử; trong Google Sheets cần bọc bằng ARRAYFORMULA.`,
  notNumber: (fn: string, n: number, text: string) =>
    `Tham số ${n} của hàm ${fn} yêu cầu giá trị số. Nhưng '${text}' là văn bản và không thể chuyển đổi thành số.`,
  notBoolean: (fn: string, n: number, text: string) =>
    `Tham số ${n} của hàm ${fn} yêu cầu giá trị boolean. Nhưng '${text}' là văn bản và không thể chuyển đổi thành boolean.`,
  divideByZero: 'Tham số 2 của hàm DIVIDE không được bằng 0.',
  averageOfNothing: 'Phép tính của hàm AVERAGE gây ra lỗi chia cho 0.',
  power: 'Hàm POW không tính được với các tham số này.',
  argCount: (fn: string, min: number, max: number, got: number) =>
    `Số đối số của hàm ${fn} không đúng. Cần ${min === max ? min : `từ ${min} đến ${max}`} đối số, nhưng nhận được ${got} đối số.`,
  unresolvedSheet: (name: string) => `Không phân giải được tên trang tính '${name}'.`,
  outsideGrid: 'Tham chiếu không tồn tại (nằm ngoài trang tính).',
  deletedReference: 'Tham chiếu không tồn tại (ô hoặc trang tính đã bị xóa).',
  circular: 'Đã phát hiện phần phụ thuộc vòng tròn. Để xử lý bằng phép tính lặp lại, hãy xem Tệp > Cài đặt.',
  spillBlocked: (a1: string) => `Kết quả mảng không được mở rộng vì sẽ ghi đè dữ liệu ở ${a1}.`,
  spillOutside: (rows: number, axis: 'hàng' | 'cột') =>
    `Kết quả không được tự động mở rộng, vui lòng chèn thêm ${rows} ${axis}.`,
  timeout: 'Đã vượt quá thời gian thực thi tối đa của hàm tùy chỉnh (30 giây).',
  errorLiteral: (code: string) => `Công thức chứa giá trị lỗi ${code}.`,
  number: 'Kết quả không phải là một số hợp lệ.',
};

// ——— references ———

/** One corner of a reference: null parts are open ("D:D" has no rows, "5:5" no columns). */
export interface RefPart {
  row: number | null;
  col: number | null;
  rowAbs: boolean;
  colAbs: boolean;
}

/** A reference as written: sheet name (null: the formula's own sheet), start and optional end. */
export interface RefSpec {
  sheet: string | null;
  start: RefPart;
  end: RefPart | null;
}

/** A reference made concrete: 1-based rows and columns; r2 / c2 null when open-ended. */
export interface Block {
  sheet: string | null;
  r1: number;
  c1: number;
  r2: number | null;
  c2: number | null;
}

export function blockOf(ref: RefSpec): Block {
  const s = ref.start;
  const e = ref.end ?? ref.start;
  const rows = s.row === null || e.row === null ? null : [Math.min(s.row, e.row), Math.max(s.row, e.row)];
  const cols = s.col === null || e.col === null ? null : [Math.min(s.col, e.col), Math.max(s.col, e.col)];
  return {
    sheet: ref.sheet,
    r1: rows ? rows[0]! : s.row ?? 1,
    r2: rows ? rows[1]! : null,
    c1: cols ? cols[0]! : s.col ?? 1,
    c2: cols ? cols[1]! : null,
  };
}

function renderPart(p: RefPart): string {
  const col = p.col === null ? '' : `${p.colAbs ? '$' : ''}${numberToColumn(p.col)}`;
  const row = p.row === null ? '' : `${p.rowAbs ? '$' : ''}${p.row}`;
  return col + row;
}

/** A reference back to text: "'Ninh Thuận'!$D$5:D30". */
export function renderRef(ref: RefSpec): string {
  const sheet = ref.sheet === null ? '' : `${quoteSheetName(ref.sheet)}!`;
  return `${sheet}${renderPart(ref.start)}${ref.end ? `:${renderPart(ref.end)}` : ''}`;
}

// ——— tokens ———

type Tok =
  | { t: 'num'; v: number; s: number; e: number }
  | { t: 'str'; v: string; s: number; e: number }
  | { t: 'err'; v: ErrorCode; s: number; e: number }
  | { t: 'ref'; v: RefSpec; s: number; e: number }
  | { t: 'name'; v: string; s: number; e: number }
  | { t: 'op'; v: string; s: number; e: number }
  | { t: '('; s: number; e: number }
  | { t: ')'; s: number; e: number }
  | { t: 'sep'; s: number; e: number }
  | { t: 'end'; s: number; e: number };

/** Separators and decimal mark: "vi" = `;` and `,`; "en" = `,` and `.`. */
export type Syntax = 'vi' | 'en';

class ParseError extends Error {}

const SHEET_UNQUOTED = /^[\p{L}_][\p{L}\p{N}_.]*(?=!)/u;
const CELL_PART = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)/;
const COL_PART = /^(\$?)([A-Za-z]{1,3})(?![A-Za-z\d(])/;
const ROW_PART = /^(\$?)(\d+)/;

/** Reads a reference at `i` (after an optional sheet prefix); null when there is none. */
function readRef(src: string, i: number): { ref: RefSpec; end: number } | null {
  let j = i;
  let sheet: string | null = null;
  if (src[j] === "'") {
    let k = j + 1;
    let name = '';
    while (k < src.length) {
      if (src[k] === "'") {
        if (src[k + 1] === "'") { name += "'"; k += 2; continue; }
        break;
      }
      name += src[k];
      k++;
    }
    if (src[k] !== "'" || src[k + 1] !== '!') return null;
    sheet = name;
    j = k + 2;
  } else {
    const m = SHEET_UNQUOTED.exec(src.slice(j));
    if (m) {
      sheet = m[0];
      j += m[0].length + 1;
    }
  }
  const rest = src.slice(j);
  const part = (text: string, kind: 'cell' | 'col' | 'row'): { p: RefPart; len: number } | null => {
    if (kind === 'cell') {
      const m = CELL_PART.exec(text);
      if (!m) return null;
      return { p: { col: columnToNumber(m[2]!), colAbs: m[1] === '$', row: Number(m[4]), rowAbs: m[3] === '$' }, len: m[0].length };
    }
    if (kind === 'col') {
      const m = COL_PART.exec(text);
      if (!m) return null;
      return { p: { col: columnToNumber(m[2]!), colAbs: m[1] === '$', row: null, rowAbs: false }, len: m[0].length };
    }
    const m = ROW_PART.exec(text);
    if (!m) return null;
    return { p: { col: null, colAbs: false, row: Number(m[2]), rowAbs: m[1] === '$' }, len: m[0].length };
  };
  const follows = (k: number) => src.slice(k);
  // A1 or A1:B9 or A2:B (open rows)
  const cell = part(rest, 'cell');
  if (cell && !/^[A-Za-z\d_(]/.test(follows(j + cell.len))) {
    let k = j + cell.len;
    if (src[k] === ':') {
      const end = part(follows(k + 1), 'cell') ?? part(follows(k + 1), 'col');
      if (end && !/^[A-Za-z\d_(]/.test(follows(k + 1 + end.len))) {
        k += 1 + end.len;
        return { ref: { sheet, start: cell.p, end: end.p }, end: k };
      }
      return null;
    }
    if (cell.p.row! < 1) return null;
    return { ref: { sheet, start: cell.p, end: null }, end: k };
  }
  // D:D
  const col = part(rest, 'col');
  if (col && src[j + col.len] === ':') {
    const end = part(follows(j + col.len + 1), 'col');
    if (end && !/^[A-Za-z\d_(]/.test(follows(j + col.len + 1 + end.len))) {
      return { ref: { sheet, start: col.p, end: end.p }, end: j + col.len + 1 + end.len };
    }
  }
  // 5:5
  const row = part(rest, 'row');
  if (row && src[j + row.len] === ':') {
    const end = part(follows(j + row.len + 1), 'row');
    if (end && !/^[\d.,A-Za-z_(]/.test(follows(j + row.len + 1 + end.len))) {
      return { ref: { sheet, start: row.p, end: end.p }, end: j + row.len + 1 + end.len };
    }
  }
  return null;
}

function tokenize(src: string, syntax: Syntax): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const sep = syntax === 'vi' ? ';' : ',';
  const number = syntax === 'vi' ? /^\d+(?:,\d+)?(?:[eE][+-]?\d+)?/ : /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) { i++; continue; }
    const s = i;
    if (ch === '"') {
      let v = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new ParseError('unterminated string');
        if (src[i] === '"') {
          if (src[i + 1] === '"') { v += '"'; i += 2; continue; }
          i++;
          break;
        }
        v += src[i];
        i++;
      }
      out.push({ t: 'str', v, s, e: i });
      continue;
    }
    if (ch === '#') {
      const code = ERROR_CODES.find((c) => src.slice(i, i + c.length).toUpperCase() === c);
      if (!code) throw new ParseError('bad error literal');
      i += code.length;
      out.push({ t: 'err', v: code, s, e: i });
      continue;
    }
    const ref = readRef(src, i);
    if (ref) {
      i = ref.end;
      out.push({ t: 'ref', v: ref.ref, s, e: i });
      continue;
    }
    const num = number.exec(src.slice(i));
    if (num) {
      i += num[0].length;
      out.push({ t: 'num', v: Number(num[0].replace(',', '.')), s, e: i });
      continue;
    }
    const name = /^[\p{L}_][\p{L}\p{N}_.]*/u.exec(src.slice(i));
    if (name) {
      i += name[0].length;
      out.push({ t: 'name', v: name[0], s, e: i });
      continue;
    }
    if (ch === '(' || ch === ')') { i++; out.push({ t: ch, s, e: i }); continue; }
    if (ch === sep) { i++; out.push({ t: 'sep', s, e: i }); continue; }
    const two = src.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '<>') { i += 2; out.push({ t: 'op', v: two, s, e: i }); continue; }
    if ('+-*/^&=<>%'.includes(ch)) { i++; out.push({ t: 'op', v: ch, s, e: i }); continue; }
    throw new ParseError(`unexpected ${ch}`);
  }
  out.push({ t: 'end', s: i, e: i });
  return out;
}

// ——— syntax tree ———

export type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'err'; v: ErrorCode }
  | { t: 'ref'; v: RefSpec }
  | { t: 'neg'; e: Node }
  | { t: 'pct'; e: Node }
  | { t: 'bin'; op: string; l: Node; r: Node }
  | { t: 'call'; name: string; args: Array<Node | null> };

/** A parsed formula: its tree, and which separators it was written with. */
export interface Parsed {
  node: Node;
  syntax: Syntax;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok { return this.toks[this.i]!; }
  private next(): Tok { return this.toks[this.i++]!; }
  private isOp(...ops: string[]): boolean {
    const t = this.peek();
    return t.t === 'op' && ops.includes(t.v);
  }

  parse(): Node {
    const n = this.comparison();
    if (this.peek().t !== 'end') throw new ParseError('trailing input');
    return n;
  }

  // Sheets' precedence, loosest first: comparison, &, + -, * /, ^, unary minus, %.
  private comparison(): Node {
    let l = this.concat();
    while (this.isOp('=', '<>', '<', '>', '<=', '>=')) {
      const op = (this.next() as { v: string }).v;
      l = { t: 'bin', op, l, r: this.concat() };
    }
    return l;
  }

  private concat(): Node {
    let l = this.additive();
    while (this.isOp('&')) {
      this.next();
      l = { t: 'bin', op: '&', l, r: this.additive() };
    }
    return l;
  }

  private additive(): Node {
    let l = this.multiplicative();
    while (this.isOp('+', '-')) {
      const op = (this.next() as { v: string }).v;
      l = { t: 'bin', op, l, r: this.multiplicative() };
    }
    return l;
  }

  private multiplicative(): Node {
    let l = this.power();
    while (this.isOp('*', '/')) {
      const op = (this.next() as { v: string }).v;
      l = { t: 'bin', op, l, r: this.power() };
    }
    return l;
  }

  private power(): Node {
    let l = this.unary();
    while (this.isOp('^')) {
      this.next();
      l = { t: 'bin', op: '^', l, r: this.unary() };
    }
    return l;
  }

  private unary(): Node {
    if (this.isOp('-')) {
      this.next();
      return { t: 'neg', e: this.unary() };
    }
    if (this.isOp('+')) {
      this.next();
      return this.unary();
    }
    return this.postfix();
  }

  private postfix(): Node {
    let n = this.primary();
    while (this.isOp('%')) {
      this.next();
      n = { t: 'pct', e: n };
    }
    return n;
  }

  private primary(): Node {
    const t = this.next();
    switch (t.t) {
      case 'num': return { t: 'num', v: t.v };
      case 'str': return { t: 'str', v: t.v };
      case 'err': return { t: 'err', v: t.v };
      case 'ref': return { t: 'ref', v: t.v };
      case '(': {
        const n = this.comparison();
        if (this.next().t !== ')') throw new ParseError('missing )');
        return n;
      }
      case 'name': {
        if (this.peek().t === '(') {
          this.next();
          return { t: 'call', name: t.v.toUpperCase(), args: this.args() };
        }
        const upper = t.v.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE') return { t: 'bool', v: upper === 'TRUE' };
        // A named range: the fake keeps none.
        return { t: 'err', v: '#NAME?' };
      }
      default:
        throw new ParseError('unexpected token');
    }
  }

  private args(): Array<Node | null> {
    const out: Array<Node | null> = [];
    if (this.peek().t === ')') {
      this.next();
      return out;
    }
    for (;;) {
      const t = this.peek();
      out.push(t.t === 'sep' || t.t === ')' ? null : this.comparison());
      const n = this.next();
      if (n.t === ')') return out;
      if (n.t !== 'sep') throw new ParseError('expected separator');
    }
  }
}

/** `;` outside strings and quoted sheet names: the formula is in the Vietnamese form. */
function hasSemicolon(src: string): boolean {
  let quote: string | null = null;
  for (const ch of src) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ';') return true;
  }
  return false;
}

/**
 * Parses "=…". A `;` makes it the Vietnamese form; otherwise the spreadsheet locale's form is
 * tried first (in vi_VN `=ROUND(8,5)` is ROUND(8.5), as Sheets reads it there), then the other.
 * Throws a FormulaError (#ERROR!, parse error) when neither reads.
 */
export function parseFormula(formula: string, locale = 'vi_VN'): Parsed {
  const src = formula.startsWith('=') ? formula.slice(1) : formula;
  const commaDecimal = /^(vi|de|fr|es|it|pt|ru|id|nl|pl|tr)/i.test(locale);
  const order: Syntax[] = hasSemicolon(src) ? ['vi'] : commaDecimal ? ['vi', 'en'] : ['en', 'vi'];
  for (const syntax of order) {
    try {
      return { node: new Parser(tokenize(src, syntax)).parse(), syntax };
    } catch (e) {
      if (!(e instanceof ParseError) && !(e instanceof RangeError) && !(e as Error).message?.startsWith('Range not found')) throw e;
    }
  }
  throw new FormulaError('#ERROR!', formulaMessages.parse);
}

/**
 * Rewrites the references of a formula (rows inserted, a sheet renamed …): `map` gets each
 * reference and returns it changed, the same, or null for one that no longer exists (written
 * `#REF!`, as Sheets does). The rest of the text is kept as typed. Unparseable formulas are kept.
 */
export function rewriteReferences(formula: string, locale: string, map: (ref: RefSpec) => RefSpec | null): string {
  if (!formula.startsWith('=')) return formula;
  let syntax: Syntax;
  try {
    syntax = parseFormula(formula, locale).syntax;
  } catch {
    return formula;
  }
  const src = formula.slice(1);
  const toks = tokenize(src, syntax);
  let out = '';
  let at = 0;
  for (const t of toks) {
    if (t.t !== 'ref') continue;
    const next = map(t.v);
    const text = next === null ? '#REF!' : renderRef(next);
    if (next !== null && JSON.stringify(next) === JSON.stringify(t.v)) continue;
    out += src.slice(at, t.s) + text;
    at = t.e;
  }
  return `=${out}${src.slice(at)}`;
}

// ——— evaluation ———

/** What the evaluator needs from the spreadsheet around it. */
export interface FormulaContext {
  /** Values of a block (blank cells null, error cells FormulaError), or an error (#REF!) for a sheet that does not exist. */
  read(block: Block): Scalar[][] | FormulaError;
  /** The name a custom function answers to, or null when there is none by that name. */
  customName(name: string): string | null;
  /**
   * Runs a custom function with its arguments as Sheets passes them; returns what it returned.
   * Throws a FormulaError for what the cell should show instead (the function threw, timed out).
   */
  callCustom(name: string, args: unknown[]): unknown;
  /** Reads a text as a number in the spreadsheet's locale ("8,5"); null when it is not one. */
  parseNumber(text: string): number | null;
  /** A number as text in the spreadsheet's locale (8.5 → "8,5"). */
  numberText(n: number): string;
  /** A date as Sheets' serial day number. */
  dateSerial(d: Date): number;
}

function isMatrix(v: Value): v is Matrix {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && !(v instanceof FormulaError) && (v as Matrix).kind === 'matrix';
}

function matrixOf(rows: Scalar[][]): Value {
  if (rows.length === 1 && rows[0]!.length === 1) return rows[0]![0]!;
  return { kind: 'matrix', rows };
}

export function isDateValue(v: unknown): v is Date {
  return v instanceof Date || Object.prototype.toString.call(v) === '[object Date]';
}

/** Half away from zero, as Sheets' ROUND: ROUND(2.5) = 3, ROUND(-2.5) = -3, ROUND(1.005; 2) = 1.01. */
export function roundHalfAway(x: number, places: number): number {
  const p = Math.trunc(places);
  const f = 10 ** p;
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  const r = Math.round(scaled) / f;
  return x < 0 ? -r : r;
}

class Evaluator {
  constructor(private readonly ctx: FormulaContext) {}

  /** A node's value: a scalar, or a matrix for a multi-cell range or an array result. */
  value(n: Node): Value {
    switch (n.t) {
      case 'num': return n.v;
      case 'str': return n.v;
      case 'bool': return n.v;
      case 'err': return new FormulaError(n.v, n.v === '#REF!' ? formulaMessages.deletedReference : formulaMessages.errorLiteral(n.v));
      case 'ref': {
        const rows = this.ctx.read(blockOf(n.v));
        return rows instanceof FormulaError ? rows : matrixOf(rows);
      }
      case 'neg': {
        const v = this.number(this.scalar(n.e, 'MINUS'), 'MINUS', 1);
        return v instanceof FormulaError ? v : -v;
      }
      case 'pct': {
        const v = this.number(this.scalar(n.e, 'UNARY_PERCENT'), 'UNARY_PERCENT', 1);
        return v instanceof FormulaError ? v : v / 100;
      }
      case 'bin': return this.binary(n.op, n.l, n.r);
      case 'call': return this.call(n.name, n.args);
    }
  }

  /** A value where one is needed: a multi-cell block is refused (Sheets needs ARRAYFORMULA). */
  scalar(n: Node, _fn: string): Scalar {
    const v = this.value(n);
    if (!isMatrix(v)) return v;
    const what = n.t === 'ref' ? renderRef(n.v) : 'mảng';
    return new FormulaError('#VALUE!', formulaMessages.rangeArithmetic(what));
  }

  number(v: Scalar, fn: string, position: number): number | FormulaError {
    if (v instanceof FormulaError) return v;
    if (v === null) return 0;
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (isDateValue(v)) return this.ctx.dateSerial(v);
    const n = this.ctx.parseNumber(v.trim());
    if (n === null) return new FormulaError('#VALUE!', formulaMessages.notNumber(fn, position, v));
    return n;
  }

  text(v: Scalar): string | FormulaError {
    if (v instanceof FormulaError) return v;
    if (v === null) return '';
    if (typeof v === 'number') return this.ctx.numberText(v);
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (isDateValue(v)) return this.ctx.numberText(this.ctx.dateSerial(v));
    return v;
  }

  private binary(op: string, ln: Node, rn: Node): Value {
    const names: Record<string, string> = { '+': 'ADD', '-': 'MINUS', '*': 'MULTIPLY', '/': 'DIVIDE', '^': 'POW', '&': 'CONCAT' };
    const fn = names[op] ?? 'COMPARE';
    const l = this.scalar(ln, fn);
    const r = this.scalar(rn, fn);
    if (op === '&') {
      const a = this.text(l);
      if (a instanceof FormulaError) return a;
      const b = this.text(r);
      if (b instanceof FormulaError) return b;
      return a + b;
    }
    if (op in names) {
      const a = this.number(l, fn, 1);
      if (a instanceof FormulaError) return a;
      const b = this.number(r, fn, 2);
      if (b instanceof FormulaError) return b;
      switch (op) {
        case '+': return a + b;
        case '-': return a - b;
        case '*': return a * b;
        case '/': return b === 0 ? new FormulaError('#DIV/0!', formulaMessages.divideByZero) : a / b;
        default: {
          if (a === 0 && b < 0) return new FormulaError('#DIV/0!', formulaMessages.divideByZero);
          const p = a ** b;
          return Number.isFinite(p) ? p : new FormulaError('#NUM!', formulaMessages.power);
        }
      }
    }
    if (l instanceof FormulaError) return l;
    if (r instanceof FormulaError) return r;
    const c = this.compare(l, r);
    switch (op) {
      case '=': return c === 0;
      case '<>': return c !== 0;
      case '<': return c < 0;
      case '>': return c > 0;
      case '<=': return c <= 0;
      default: return c >= 0;
    }
  }

  /** Sheets' order: numbers < text < booleans; text case-insensitive; a blank is 0, "" or FALSE. */
  compare(a: Exclude<Scalar, FormulaError>, b: Exclude<Scalar, FormulaError>): number {
    const norm = (v: Exclude<Scalar, FormulaError>, other: Exclude<Scalar, FormulaError>): number | string | boolean => {
      if (isDateValue(v)) return this.ctx.dateSerial(v);
      if (v !== null) return v;
      if (typeof other === 'string') return '';
      if (typeof other === 'boolean') return false;
      return 0;
    };
    const x = norm(a, b);
    const y = norm(b, a);
    const rank = (v: number | string | boolean) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
    if (rank(x) !== rank(y)) return rank(x) - rank(y);
    if (typeof x === 'string') {
      const p = x.toLowerCase(), q = (y as string).toLowerCase();
      return p < q ? -1 : p > q ? 1 : 0;
    }
    const p = Number(x), q = Number(y);
    return p < q ? -1 : p > q ? 1 : 0;
  }

  private call(name: string, args: Array<Node | null>): Value {
    const arity = (min: number, max: number): FormulaError | null =>
      args.length < min || args.length > max ? new FormulaError('#N/A', formulaMessages.argCount(name, min, max, args.length)) : null;
    switch (name) {
      case 'SUM': case 'AVERAGE': case 'MIN': case 'MAX': case 'COUNT': case 'COUNTA':
        return arity(1, 255) ?? this.aggregate(name, args);
      case 'ROUND': {
        const bad = arity(1, 2);
        if (bad) return bad;
        const x = this.number(this.arg(args[0]), name, 1);
        if (x instanceof FormulaError) return x;
        const p = args[1] ? this.number(this.arg(args[1]), name, 2) : 0;
        if (p instanceof FormulaError) return p;
        return roundHalfAway(x, p);
      }
      case 'IF': {
        const bad = arity(2, 3);
        if (bad) return bad;
        const c = this.condition(this.arg(args[0]), name);
        if (c instanceof FormulaError) return c;
        const branch = c ? args[1] : args[2];
        if (args.length < 3 && !c) return false;
        return branch ? this.value(branch) : null;
      }
      case 'SUMIF': return arity(2, 3) ?? this.sumif(args);
      case 'AND': case 'OR': {
        // Every argument is computed; an error in any of them is the result (as in Sheets).
        const bad = arity(1, 255);
        if (bad) return bad;
        const seen: boolean[] = [];
        for (const a of args) {
          const c = this.condition(this.arg(a), name);
          if (c instanceof FormulaError) return c;
          seen.push(c);
        }
        return name === 'AND' ? seen.every(Boolean) : seen.some(Boolean);
      }
      case 'NOT': {
        const bad = arity(1, 1);
        if (bad) return bad;
        const c = this.condition(this.arg(args[0]), name);
        return c instanceof FormulaError ? c : !c;
      }
      case 'ISNUMBER': {
        const bad = arity(1, 1);
        if (bad) return bad;
        // A number stored as text ("8,5" in a text cell) is not a number.
        const v = this.arg(args[0]);
        return typeof v === 'number' || isDateValue(v);
      }
      case 'ABS': {
        const bad = arity(1, 1);
        if (bad) return bad;
        const x = this.number(this.arg(args[0]), name, 1);
        return x instanceof FormulaError ? x : Math.abs(x);
      }
    }
    const custom = this.ctx.customName(name);
    if (custom === null) return new FormulaError('#NAME?', formulaMessages.unsupported(name));
    const passed: unknown[] = [];
    for (const a of args) {
      const v = this.customArg(a);
      if (v instanceof FormulaError) return v;
      passed.push(v);
    }
    return this.fromCustom(this.ctx.callCustom(custom, passed));
  }

  private arg(n: Node | null | undefined): Scalar {
    return n ? this.scalar(n, '') : null;
  }

  private condition(v: Scalar, fn: string): boolean | FormulaError {
    if (v instanceof FormulaError) return v;
    if (v === null) return false;
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number') return v !== 0;
    if (isDateValue(v)) return true;
    const u = v.trim().toUpperCase();
    if (u === 'TRUE' || u === 'FALSE') return u === 'TRUE';
    return new FormulaError('#VALUE!', formulaMessages.notBoolean(fn, 1, v));
  }

  /** SUM and friends: numbers in ranges count, text and booleans there are skipped; typed arguments are converted. */
  private aggregate(name: string, args: Array<Node | null>): Value {
    const nums: number[] = [];
    let counta = 0;
    for (let k = 0; k < args.length; k++) {
      const a = args[k];
      const v: Value = a ? this.value(a) : null;
      if (isMatrix(v) || (a?.t === 'ref')) {
        const cells = isMatrix(v) ? v.rows.flat() : [v as Scalar];
        for (const c of cells) {
          if (c !== null && c !== '') counta++;
          if (c instanceof FormulaError) {
            if (name === 'COUNT' || name === 'COUNTA') continue;
            return c;
          }
          if (typeof c === 'number') nums.push(c);
          else if (isDateValue(c)) nums.push(this.ctx.dateSerial(c));
        }
        continue;
      }
      if (v !== null) counta++;
      if (name === 'COUNTA') continue;
      if (name === 'COUNT') {
        if (typeof v === 'number' || isDateValue(v)) nums.push(0);
        continue;
      }
      const n = this.number(v, name, k + 1);
      if (n instanceof FormulaError) return n;
      nums.push(n);
    }
    switch (name) {
      case 'SUM': return nums.reduce((s, x) => s + x, 0);
      case 'AVERAGE': return nums.length === 0 ? new FormulaError('#DIV/0!', formulaMessages.averageOfNothing) : nums.reduce((s, x) => s + x, 0) / nums.length;
      case 'MIN': return nums.length === 0 ? 0 : Math.min(...nums);
      case 'MAX': return nums.length === 0 ? 0 : Math.max(...nums);
      case 'COUNT': return nums.length;
      default: return counta;
    }
  }

  /** SUMIF(range; criterion; [sum_range]): "=x", "<>x", "<5", ">=5", a number, or text with * and ? wildcards. */
  private sumif(args: Array<Node | null>): Value {
    const [rangeNode, critNode, sumNode] = args;
    if (!rangeNode || rangeNode.t !== 'ref') return new FormulaError('#VALUE!', formulaMessages.rangeArithmetic('SUMIF'));
    const range = this.ctx.read(blockOf(rangeNode.v));
    if (range instanceof FormulaError) return range;
    const crit = this.arg(critNode);
    if (crit instanceof FormulaError) return crit;
    let sums = range;
    if (sumNode) {
      if (sumNode.t !== 'ref') return new FormulaError('#VALUE!', formulaMessages.rangeArithmetic('SUMIF'));
      const b = blockOf(sumNode.v);
      const read = this.ctx.read({ ...b, r2: b.r1 + range.length - 1, c2: b.c1 + (range[0]?.length ?? 1) - 1 });
      if (read instanceof FormulaError) return read;
      sums = read;
    }
    const test = this.criterion(crit);
    let total = 0;
    for (let i = 0; i < range.length; i++) {
      for (let j = 0; j < range[i]!.length; j++) {
        const c = range[i]![j]!;
        if (c instanceof FormulaError || !test(c)) continue;
        const s = sums[i]?.[j];
        if (s instanceof FormulaError) return s;
        if (typeof s === 'number') total += s;
      }
    }
    return total;
  }

  private criterion(crit: Exclude<Scalar, FormulaError>): (c: Scalar) => boolean {
    if (typeof crit === 'number' || typeof crit === 'boolean') return (c) => c === crit;
    if (crit === null || isDateValue(crit)) {
      const want = crit === null ? 0 : this.ctx.dateSerial(crit);
      return (c) => (c === null && crit === null) || (typeof c === 'number' && c === want);
    }
    const m = /^(<=|>=|<>|<|>|=)?(.*)$/s.exec(crit)!;
    const op = m[1] ?? '=';
    const operand = m[2]!;
    const num = this.ctx.parseNumber(operand.trim());
    if (num !== null) {
      return (c) => {
        const x = typeof c === 'number' ? c : isDateValue(c) ? this.ctx.dateSerial(c) : null;
        if (x === null) return op === '<>';
        return op === '=' ? x === num : op === '<>' ? x !== num : op === '<' ? x < num : op === '>' ? x > num : op === '<=' ? x <= num : x >= num;
      };
    }
    const pattern = new RegExp(`^${operand.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'is');
    return (c) => {
      const text = c === null ? '' : typeof c === 'string' ? c : null;
      if (op === '=') return text !== null && pattern.test(text);
      if (op === '<>') return text === null || !pattern.test(text);
      if (text === null) return false;
      const k = text.toLowerCase().localeCompare(operand.toLowerCase());
      return op === '<' ? k < 0 : op === '>' ? k > 0 : op === '<=' ? k <= 0 : k >= 0;
    };
  }

  /**
   * An argument as Sheets hands it to a custom function: a multi-cell range as a 2-D array
   * (row-major, blanks "", error cells as their code), one cell or a typed value as a scalar.
   * An error given directly (a one-cell reference to an error, 1/0) is the formula's result.
   */
  private customArg(n: Node | null): unknown {
    if (!n) return '';
    const v = this.value(n);
    const plain = (c: Scalar): unknown => (c === null ? '' : c instanceof FormulaError ? c.code : c);
    if (isMatrix(v)) return v.rows.map((r) => r.map(plain));
    if (v instanceof FormulaError) return v;
    return plain(v);
  }

  /** What a custom function returned, as Sheets shows it: a 2-D array spills; a 1-D array is a column. */
  private fromCustom(out: unknown): Value {
    const one = (x: unknown): Scalar => {
      if (x === null || x === undefined) return null;
      if (typeof x === 'number') return Number.isFinite(x) ? x : new FormulaError('#NUM!', formulaMessages.number);
      if (typeof x === 'string' || typeof x === 'boolean') return x;
      if (isDateValue(x)) return x;
      return String(x);
    };
    if (!Array.isArray(out)) return one(out);
    if (out.length === 0) return null;
    const rows = out.map((r: unknown) => (Array.isArray(r) ? r.map(one) : [one(r)]));
    const width = Math.max(...rows.map((r) => r.length), 1);
    for (const r of rows) while (r.length < width) r.push(null);
    return matrixOf(rows);
  }
}

/** Evaluates a parsed formula; errors come back as FormulaError values, never thrown. */
export function evaluate(parsed: Parsed, ctx: FormulaContext): Value {
  try {
    return new Evaluator(ctx).value(parsed.node);
  } catch (e) {
    if (e instanceof FormulaError) return e;
    throw e;
  }
}

/** Parses and evaluates "=…" in one step. */
export function evaluateFormula(formula: string, ctx: FormulaContext, locale = 'vi_VN'): Value {
  let parsed: Parsed;
  try {
    parsed = parseFormula(formula, locale);
  } catch (e) {
    if (e instanceof FormulaError) return e;
    throw e;
  }
  return evaluate(parsed, ctx);
}

export { isMatrix };
