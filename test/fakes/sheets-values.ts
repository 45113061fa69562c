/**
 * Cell values for the Sheets fake: how they are stored (plain JSON, dates with a marker), how a
 * string written to a cell is read the way Sheets reads it in a vi_VN sheet, and how values are
 * displayed (comma decimals, dd/MM/yyyy dates).
 */
import { formatInZone, zonedParts, zonedToDate } from './utilities';

/** What getValues returns for one cell. */
export type CellValue = number | string | boolean | Date;
/** What the state keeps: a Date becomes { $date: ISO string } so the state stays plain JSON. */
export type StoredValue = number | string | boolean | { $date: string };

/** Apps Script's own limit on a cell's contents. */
export const MAX_CELL_CHARS = 50_000;

export function isDateLike(v: unknown): v is Date {
  return v instanceof Date || Object.prototype.toString.call(v) === '[object Date]';
}

/** A value from a script, made storable. null/undefined become blank, as in Apps Script. */
export function toStored(v: unknown): StoredValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : '#NUM!';
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (isDateLike(v)) {
    const t = (v as Date).getTime();
    if (Number.isNaN(t)) return '';
    return { $date: new Date(t).toISOString() };
  }
  // Apps Script writes other objects through their string form.
  return String(v);
}

/**
 * A stored value as getValues returns it: always a fresh Date, made with `DateCtor` so code in a
 * node:vm context gets its own realm's Date (and `instanceof Date` holds there).
 */
export function fromStored(v: StoredValue | undefined, DateCtor: DateConstructor = Date): CellValue {
  if (v === undefined) return '';
  if (typeof v === 'object') return new DateCtor(v.$date);
  return v;
}

export function storedEquals(a: StoredValue | undefined, b: StoredValue | undefined): boolean {
  if (typeof a === 'object' && typeof b === 'object') return a.$date === b.$date;
  return (a ?? '') === (b ?? '');
}

export interface Interpreted {
  value: StoredValue;
  formula?: string;
}

/**
 * Reads a string written to a cell as Sheets does in a vi_VN sheet (setValue and typing alike):
 * "=…" is a formula, a leading apostrophe forces text, "8,5" → 8.5, "1.000" → 1000, "01" → 1,
 * "50%" → 0.5, "TRUE" → true, "31/12/2025" → a date. "8.5" stays text. A cell formatted "@"
 * (plain text) keeps the string as typed.
 */
export function interpretInput(raw: unknown, numberFormat: string | undefined, timeZone: string): Interpreted {
  if (typeof raw !== 'string') return { value: toStored(raw) };
  const s = raw;
  if (numberFormat === '@') return { value: s };
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (s.length > 1 && s.startsWith('=')) return { value: '', formula: s };
  const num = parseViNumber(s);
  if (num !== null) return { value: num };
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === 'true' };
  const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (date) {
    const [d, m, y] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const dt = zonedToDate(timeZone, y, m, d);
    const back = zonedParts(dt, timeZone);
    if (back.day === d && back.month === m) return { value: { $date: dt.toISOString() } };
  }
  return { value: s };
}

/** "8,5" → 8.5, "-3" → -3, "1.000,5" → 1000.5, "50%" → 0.5; null when not a vi_VN number. */
export function parseViNumber(s: string): number | null {
  const m = /^([+-]?)(\d+|\d{1,3}(?:\.\d{3})+)(?:,(\d+))?(%?)$/.exec(s);
  if (!m) return null;
  const n = Number(`${m[1]}${m[2]!.replace(/\./g, '')}.${m[3] ?? '0'}`);
  return m[4] ? n / 100 : n;
}

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** A number as Sheets' "automatic" format shows it in vi_VN: 8.5 → "8,5", 1/3 → "0,3333333333". */
function automaticNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const s = String(Number(n.toPrecision(10)));
  if (s.includes('e')) return s.replace('.', ',').toUpperCase();
  return s.replace('.', ',');
}

/** Applies a number format such as "0.00", "#,##0", "0%", "0.0%" with vi_VN separators. */
function formattedNumber(n: number, format: string): string {
  const percent = format.includes('%');
  const core = format.replace(/[%"\\]/g, '').split(';')[0]!;
  const [intFmt = '', fracFmt = ''] = core.split('.');
  const minFrac = (fracFmt.match(/0/g) ?? []).length;
  const maxFrac = minFrac + (fracFmt.match(/#/g) ?? []).length;
  const grouped = intFmt.includes(',');
  let v = percent ? n * 100 : n;
  const negative = v < 0;
  v = Math.abs(v);
  let s = v.toFixed(maxFrac);
  if (maxFrac > minFrac) s = s.replace(new RegExp(`0{1,${maxFrac - minFrac}}$`), '').replace(/\.$/, '');
  let [i = '0', f] = s.split('.');
  const minInt = (intFmt.match(/0/g) ?? []).length;
  if (minInt === 0 && i === '0' && f) i = '';
  if (grouped) i = groupThousands(i);
  const out = `${negative && Number(s) !== 0 ? '-' : ''}${i}${f ? `,${f}` : ''}${percent ? '%' : ''}`;
  return out;
}

function isDateFormat(format: string): boolean {
  return /[dy]/i.test(format.replace(/"[^"]*"/g, ''));
}

/** Sheets date formats use "mm" for both month and minute; turn one into a Java pattern. */
function sheetsDateToJava(format: string): string {
  return format
    .replace(/(h+[^a-z]*?)mm/gi, (_m, h: string) => `${h}\u0001`)
    .replace(/mm(?=[^a-z]*s)/gi, '\u0001')
    .replace(/m+/gi, (m) => 'M'.repeat(m.length))
    .replace(/\u0001/g, 'mm')
    .replace(/D/g, 'd')
    .replace(/Y/g, 'y')
    .replace(/h/g, 'H')
    .replace(/S/g, 's');
}

/** A stored value as getDisplayValues shows it in a vi_VN sheet. */
export function displayValue(v: StoredValue | undefined, numberFormat: string | undefined, timeZone: string): string {
  if (v === undefined || v === '') return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') {
    const d = new Date(v.$date);
    if (numberFormat && isDateFormat(numberFormat)) return formatInZone(d, timeZone, sheetsDateToJava(numberFormat));
    const p = zonedParts(d, timeZone);
    const withTime = p.hour !== 0 || p.minute !== 0 || p.second !== 0;
    return formatInZone(d, timeZone, withTime ? 'dd/MM/yyyy HH:mm:ss' : 'dd/MM/yyyy');
  }
  if (!numberFormat || numberFormat === '@' || /^general$/i.test(numberFormat) || isDateFormat(numberFormat)) {
    return automaticNumber(v);
  }
  return formattedNumber(v, numberFormat);
}
