/**
 * Which legal bases (căn cứ) a document may cite: none dated after the document, none replaced
 * on its date by another basis it cites. A basis's date is read from its own text, as it is
 * cited ("… ngày 14 tháng 6 năm 2025 …" or "… ngày 14/6/2025 …").
 */
import { nfc } from './format';
import type { CalendarDate } from './model';

/** The issue date in a basis's text (its first "ngày d tháng m năm y" or "ngày d/m/y"), or null. */
export function basisDate(text: string): CalendarDate | null {
  const s = nfc(text);
  const x = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu.exec(s) ?? /ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/iu.exec(s);
  if (!x) return null;
  const [d, m, y] = [Number(x[1]), Number(x[2]), Number(x[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 ? { y, m, d } : null;
}

function key(d: CalendarDate): number {
  return d.y * 10000 + d.m * 100 + d.d;
}

/** A basis that replaces another from a date (the replaced one is no longer cited from then). */
interface Replacement {
  /** A phrase of the new basis's text. */
  by: string;
  /** A phrase of the replaced basis's text. */
  replaces: string;
  /** In force from. */
  from: CalendarDate;
}

/** The emulation law, its decrees and the procuracy's circulars that replaced each other. */
const REPLACEMENTS: readonly Replacement[] = [
  { by: '06/2022/QH15', replaces: 'Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003', from: { y: 2024, m: 1, d: 1 } },
  { by: '98/2023/NĐ-CP', replaces: '91/2017/NĐ-CP', from: { y: 2023, m: 12, d: 31 } },
  { by: '152/2025/NĐ-CP', replaces: '98/2023/NĐ-CP', from: { y: 2025, m: 7, d: 1 } },
  { by: '02/2024/TT-VKSTC', replaces: '01/2019/TT-VKSTC', from: { y: 2024, m: 10, d: 1 } },
];

/**
 * The bases a document dated `date` cites, in their order: a basis dated after the document is
 * left out (a March 2025 covenant does not cite Decree 152/2025 of 14 June 2025), and so is one
 * that another listed basis has replaced by that date. A basis with no date in its text is kept:
 * Cấu hình warns about it.
 */
export function citedBases(bases: readonly string[], date: CalendarDate): string[] {
  const day = key(date);
  const dated = bases.filter((b) => {
    const d = basisDate(b);
    return d === null || key(d) <= day;
  });
  const has = (phrase: string) => dated.some((b) => nfc(b).includes(phrase));
  return dated.filter((b) => !REPLACEMENTS.some((r) => nfc(b).includes(r.replaces) && key(r.from) <= day && has(r.by)));
}
