/** Cell readers shared by the Sáng kiến and Quỹ tabs: dates and amounts in đồng. */
import { cleanText, type CellValue } from '../core/input';

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * A date cell as yyyy-mm-dd: a Date (the calendar day in Asia/Ho_Chi_Minh, the script's zone) or
 * text "15/10/2025", "15-10-2025", "2025-10-15". Blank → null; anything else → undefined.
 * @example readDate("5/3/2025") // "2025-03-05"
 */
export function readDate(value: CellValue): string | null | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    const t = new Date(value.getTime() + VIETNAM_OFFSET_MS);
    return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  }
  const text = cleanText(value);
  if (text === '') return null;
  let y: number, m: number, d: number;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (ymd) [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  else return undefined;
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * An amount in whole đồng: a number, or text with dot (or comma, or space) thousands and an
 * optional "đ" / "đồng" / "VND": "1.500.000", "1,500,000 đ", "1.000". Money has no decimals in
 * đồng, so "1.000" is a thousand, not one. Blank → null; negative, fractional or unreadable → undefined.
 * @example readAmount("1.500.000 đồng") // 1500000
 */
export function readAmount(value: CellValue): number | null | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return value === null || value === undefined ? null : undefined;
  const text = cleanText(value).replace(/\s*(đồng|đ|vnđ|vnd)\.?$/iu, '').trim();
  if (text === '') return cleanText(value) === '' ? null : undefined;
  const grouped = /^\d{1,3}([.,\s]\d{3})+$/.test(text) && new Set(text.replace(/\d/g, '')).size === 1;
  if (!grouped && !/^\d+$/.test(text)) return undefined;
  const n = Number(text.replace(/[.,\s]/g, ''));
  return Number.isSafeInteger(n) ? n : undefined;
}
