/**
 * Times as the cluster reads them: Việt Nam time (UTC+7, no daylight saving), computed without
 * Utilities or Intl so the same text comes out on Apps Script, Node and in tests.
 */

const OFFSET_MS = 7 * 3600 * 1000;

function parts(date: Date): { y: number; mo: string; d: string; h: string; mi: string; s: string } {
  const t = new Date(date.getTime() + OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return { y: t.getUTCFullYear(), mo: p(t.getUTCMonth() + 1), d: p(t.getUTCDate()), h: p(t.getUTCHours()), mi: p(t.getUTCMinutes()), s: p(t.getUTCSeconds()) };
}

/**
 * Sortable local time for the log.
 * @example logTime(new Date('2021-03-25T07:05:09Z')) // "2021-03-25 14:05:09"
 */
export function logTime(date: Date): string {
  const x = parts(date);
  return `${x.y}-${x.mo}-${x.d} ${x.h}:${x.mi}:${x.s}`;
}

/**
 * Short local time for messages.
 * @example shortTime(new Date('2021-03-25T07:05:09Z')) // "14:05 25/03/2021"
 */
export function shortTime(date: Date): string {
  const x = parts(date);
  return `${x.h}:${x.mi} ${x.d}/${x.mo}/${x.y}`;
}
