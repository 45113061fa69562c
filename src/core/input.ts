/**
 * Loose cell values, parsed once at the boundary. A cell arrives from Sheets as a number, a
 * string (possibly "8,5" in a Vietnamese-locale sheet), a boolean, a Date, or "" when blank.
 */
import { coreText } from '../i18n/core';

export type CellValue = string | number | boolean | Date | null | undefined;

export type NumberParse =
  | { ok: true; value: number }
  | { ok: true; value: null } // blank
  | { ok: false; message: string };

/** Zero-width characters and the BOM, which survive copy-paste from Word and web pages. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
/** Every kind of space, the non-breaking one included. */
const SPACES = /[\s\u00A0\u2007\u202F]+/g;
const SHEET_ERROR = /^#(REF!|N\/A|DIV\/0!|VALUE!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!)$/i;

/**
 * Printable ASCII with single inner spaces and none at the ends: text cleanText leaves as it is
 * (the fast path; most cells are numbers, codes and plain words).
 */
function isPlainAscii(s: string): boolean {
  let space = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (space) return false;
      space = true;
    } else if (c < 33 || c > 126) {
      return false;
    } else {
      space = false;
    }
  }
  return !space || s.length === 0;
}

function cleanSlow(s: string): string {
  return s.replace(INVISIBLE, '').replace(SPACES, ' ').trim().normalize('NFC');
}

/** Trims, removes invisible characters, folds inner spaces to one, and composes to NFC. */
export function cleanText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : String(value);
  return isPlainAscii(s) ? s : cleanSlow(s);
}

/** True for "", null, undefined and strings of spaces or invisible characters. */
export function isBlank(value: CellValue): boolean {
  if (typeof value === 'string') {
    if (value === '') return true;
    const c = value.charCodeAt(0);
    if (c > 32 && c < 127) return false;
    return cleanSlow(value) === '';
  }
  return typeof value !== 'number' && typeof value !== 'boolean' && !(value instanceof Date) && cleanText(value) === '';
}

/**
 * A key for matching names typed by people: no diacritics, no case, single spaces, NFC or NFD alike.
 * normalizeKey(" Cộng ") === normalizeKey("CONG") === "cong"; "Đạt" → "dat".
 */
export function normalizeKey(value: CellValue): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : String(value);
  if (isPlainAscii(s)) return s.toLowerCase();
  return cleanSlow(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/**
 * Parses a number cell. Accepts numbers, and text with "," or "." as the decimal mark ("8,5",
 * "8.5"). Text with both marks reads the last as decimal ("1.000,5" → 1000.5). A single mark
 * followed by exactly three digits after a non-zero integer part ("1.000") is refused as
 * ambiguous rather than guessed. Blank → null.
 */
export function parseNumber(value: CellValue): NumberParse {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, message: coreText.notFinite(value) };
  }
  if (typeof value === 'boolean') return { ok: false, message: coreText.booleanInNumberCell(value) };
  if (value instanceof Date) return { ok: false, message: coreText.dateInNumberCell(value) };
  const text = cleanText(value).replace(/ /g, '');
  if (text === '') return { ok: true, value: null };
  if (SHEET_ERROR.test(text)) return { ok: false, message: coreText.errorCell(text) };
  const signed = text.replace(/^\u2212/, '-');
  if (!/^[+-]?[\d.,]*\d[\d.,]*$/.test(signed)) return { ok: false, message: coreText.notNumber(value) };
  const sign = signed.startsWith('-') ? -1 : 1;
  const body = signed.replace(/^[+-]/, '');
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  let normalized: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    const [intPart, fracPart] = splitOnce(body, decimal);
    if (fracPart.includes(decimal) || !isGrouped(intPart, thousands)) return { ok: false, message: coreText.notNumber(value) };
    normalized = `${intPart.split(thousands).join('')}.${fracPart}`;
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const parts = body.split(mark);
    if (parts.length > 2) {
      // "1.000.000": only thousands grouping makes sense.
      if (!isGrouped(body, mark)) return { ok: false, message: coreText.notNumber(value) };
      normalized = parts.join('');
    } else {
      const [intPart, fracPart] = parts as [string, string];
      if (fracPart.length === 3 && /^[1-9]\d{0,2}$/.test(intPart)) return { ok: false, message: coreText.ambiguousNumber(value) };
      normalized = `${intPart === '' ? '0' : intPart}.${fracPart === '' ? '0' : fracPart}`;
    }
  } else {
    normalized = body;
  }
  const n = Number(normalized);
  if (!Number.isFinite(n)) return { ok: false, message: coreText.notNumber(value) };
  return { ok: true, value: sign * n };
}

function splitOnce(s: string, mark: string): [string, string] {
  const i = s.lastIndexOf(mark);
  return [s.slice(0, i), s.slice(i + 1)];
}

/** "1.234.567" grouped by `mark` in threes, first group 1–3 digits. */
function isGrouped(s: string, mark: string): boolean {
  const groups = s.split(mark);
  return /^\d{1,3}$/.test(groups[0] ?? '') && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

/**
 * Rounds to 2 decimals, half away from zero, without binary drift (1.005 → 1.01, −2.675 → −2.68):
 * the one rounding of points, totals and percentages, in the engine and the custom functions alike.
 * Away from a half, plain Math.round agrees with round2Exact and is much faster (totals of 700 units).
 * @example round2(3.3333) // 3.33
 */
export function round2(x: number): number {
  const a = Math.abs(x) * 100;
  if (a < 1e9) {
    const f = a - Math.floor(a);
    if (f < 0.4999 || f > 0.5001) return ((x < 0 ? -1 : 1) * Math.round(a)) / 100 || 0;
  }
  return round2Exact(x);
}

/**
 * round2 without the fast path: reads x × 100 to 15 significant digits to settle halves. The
 * reference round2's fast path is tested against.
 * @example round2Exact(1.005) // 1.01
 */
export function round2Exact(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const scaled = Number((Math.abs(x) * 100).toPrecision(15));
  return (sign * Math.round(scaled)) / 100 || 0;
}
