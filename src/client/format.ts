/** Pure formatting for the sidebar: Vietnamese number and date habits, no DOM. */
import { clientText } from '../i18n/client';

/**
 * A number the Vietnamese way: comma decimal mark, dot thousands, at most `digits` decimals.
 * @example formatNumber(1234.5) // "1.234,5"
 */
export function formatNumber(n: number | null | undefined, digits = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return clientText.common.dash;
  const factor = 10 ** digits;
  const rounded = Math.round(Math.abs(n) * factor) / factor;
  const [intPart = '0', frac = ''] = rounded.toFixed(digits).split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const trimmed = frac.replace(/0+$/, '');
  const sign = n < 0 && rounded !== 0 ? '−' : '';
  return `${sign}${grouped}${trimmed ? `,${trimmed}` : ''}`;
}

/**
 * A signed difference: "+3,5", "−2", "0".
 * @example formatGap(3.5) // "+3,5"
 */
export function formatGap(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return clientText.common.dash;
  const text = formatNumber(n);
  return n > 0 && text !== '0' ? `+${text}` : text;
}

/**
 * A percentage from 0..100.
 * @example formatPercent(87.456) // "87,5 %"
 */
export function formatPercent(n: number | null | undefined, digits = 1): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return clientText.common.dash;
  return `${formatNumber(n, digits)} %`;
}

/** Clamps to 0..100 for a progress bar. */
export function clampPercent(n: number | null | undefined): number {
  if (n === null || n === undefined || !Number.isFinite(n)) return 0;
  return Math.min(100, Math.max(0, n));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * An ISO time as "14:05 23/11/2025" in the script's time zone (Asia/Ho_Chi_Minh, UTC+7).
 * @example formatDateTime('2025-11-23T07:05:00Z') // "14:05 23/11/2025"
 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return clientText.common.dash;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return clientText.common.dash;
  const d = new Date(t + 7 * 3600_000); // Việt Nam has no daylight saving
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/**
 * An ISO time as "14:05:09" in Việt Nam time: when the panel last reloaded.
 * @example formatClock('2025-11-23T07:05:09Z') // "14:05:09"
 */
export function formatClock(iso: string | null | undefined): string {
  if (!iso) return clientText.common.dash;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return clientText.common.dash;
  const d = new Date(t + 7 * 3600_000);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * How long ago, in words: "vừa xong", "5 phút trước", "3 giờ trước", then the date.
 * @example relativeTime('2025-11-23T07:00:00Z', Date.parse('2025-11-23T07:05:00Z')) // "5 phút trước"
 */
export function relativeTime(iso: string | null | undefined, now: number): string {
  if (!iso) return clientText.common.never;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return clientText.common.never;
  const minutes = Math.floor((now - t) / 60_000);
  const R = clientText.relative;
  if (minutes < 1) return R.justNow;
  if (minutes < 60) return R.minutes(minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return R.hours(hours);
  const days = Math.floor(hours / 24);
  if (days < 7) return R.days(days);
  return formatDateTime(iso);
}

/** Groups items by a key, keeping first-seen order of keys and items. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Array<{ key: string; items: T[] }> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups].map(([k, list]) => ({ key: k, items: list }));
}

/**
 * Orders cells the way a person reads a sheet: by row, then column. "" (whole tab) first.
 * @example compareA1('B2', 'A10') // < 0
 */
export function compareA1(a: string, b: string): number {
  const parse = (s: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)/i.exec(s);
    if (!m) return [0, 0];
    let col = 0;
    for (const ch of m[1]!.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
    return [Number(m[2]), col];
  };
  const [ra, ca] = parse(a);
  const [rb, cb] = parse(b);
  return ra - rb || ca - cb;
}
