/**
 * Deadlines of the year's steps (đăng ký, tự chấm, chấm chéo, thống nhất, bình xét) and where a
 * unit stands against them; the reminder to late units as a mailto: link (no mail scope needed).
 * Dates are calendar days in Việt Nam (UTC+7), as "yyyy-mm-dd".
 */
import { cleanText, type CellValue } from './input';

export const DEADLINE_STEPS = ['registration', 'selfScore', 'crossCheck', 'agreement', 'ballot'] as const;
export type DeadlineStep = (typeof DEADLINE_STEPS)[number];
/** Step → "yyyy-mm-dd"; a step without a date is absent. */
export type Deadlines = Partial<Record<DeadlineStep, string>>;

const OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 86_400_000;

function iso(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d || y < 1900 || y > 2200) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The calendar day (Việt Nam) of an instant.
 * @example vnDay(new Date('2021-10-14T17:00:00Z')) // "2021-10-15"
 */
export function vnDay(date: Date): string {
  const t = new Date(date.getTime() + OFFSET_MS);
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()) as string;
}

/**
 * A date cell as Sheets gives it: a Date (midnight in the sheet's time zone, Việt Nam), or text
 * "dd/mm/yyyy" (also "d/m/yyyy", "-" or "." between) or "yyyy-mm-dd". Blank → undefined; anything
 * else (a number, 31/02/2021) → null.
 * @example parseDay('05/10/2021') // "2021-10-05"
 */
export function parseDay(value: CellValue): string | null | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : vnDay(value);
  const s = cleanText(value);
  if (s === '') return undefined;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/**
 * Whole days from `from` to `to` (both "yyyy-mm-dd"); negative when `to` is earlier.
 * @example daysBetween('2021-10-15', '2021-10-18') // 3
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * "yyyy-mm-dd" as people write it.
 * @example dayText('2021-10-05') // "05/10/2021"
 */
export function dayText(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** Where a unit stands against one step's deadline. */
export type DeadlineState =
  | { state: 'done'; lateDays: number } //   done; lateDays > 0 when after the deadline
  | { state: 'pending'; daysLeft: number } // not done, deadline today or later
  | { state: 'late'; lateDays: number } //   not done, deadline passed
  | { state: 'noDeadline' };

/**
 * A unit's state for a step: `doneDay` is the day it was done (null: not done; '' done on an
 * unknown day, counted on time).
 * @example deadlineState('2021-10-15', null, '2021-10-18') // { state: 'late', lateDays: 3 }
 */
export function deadlineState(deadline: string | undefined, doneDay: string | null, today: string): DeadlineState {
  if (!deadline) return { state: 'noDeadline' };
  if (doneDay !== null) return { state: 'done', lateDays: doneDay === '' ? 0 : Math.max(0, daysBetween(deadline, doneDay)) };
  const left = daysBetween(today, deadline);
  return left >= 0 ? { state: 'pending', daysLeft: left } : { state: 'late', lateDays: -left };
}

/** The reminder: who gets it and the text, as a mailto: link. */
export interface Reminder {
  to: string[];
  subject: string;
  body: string;
  /** mailto: with the addresses, subject and body percent-encoded (RFC 6068). */
  href: string;
}

/**
 * A mailto: link. Addresses are joined by commas; the subject and body are percent-encoded with
 * line breaks as %0D%0A, as RFC 6068 asks.
 * @example mailtoLink(['a@x.vn'], 'Nhắc', 'A\nB') // "mailto:a@x.vn?subject=Nh%E1%BA%AFc&body=A%0D%0AB"
 */
export function mailtoLink(to: readonly string[], subject: string, body: string): string {
  const enc = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));
  return `mailto:${to.map((a) => encodeURIComponent(a).replace(/%40/g, '@')).join(',')}?subject=${enc(subject)}&body=${enc(body)}`;
}
