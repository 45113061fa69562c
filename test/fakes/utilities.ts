/**
 * Utilities fake: formatDate in a given time zone (Java SimpleDateFormat letters), sleep on a
 * simulated clock (no real wait), getUuid, base64 and Blob.
 */
import { randomUUID } from 'node:crypto';
import type { FakeEnv } from './env';

/** Simulated time shared by every execution: sleep and lock waits advance it, nothing waits. */
export interface SimClock {
  /** Milliseconds since the epoch. */
  now: number;
}

type Parts = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;

const partFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of `date` in `timeZone`. */
export function zonedParts(date: Date, timeZone: string): Parts & { millisecond: number; weekday: number } {
  let fmt = partFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short',
    });
    partFormatters.set(timeZone, fmt);
  }
  const out: Record<string, number> = {};
  let weekday = 0;
  for (const p of fmt.formatToParts(date)) {
    if (p.type === 'weekday') weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(p.value);
    else if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return { ...(out as Parts), millisecond: date.getUTCMilliseconds(), weekday };
}

/** The instant whose wall-clock time in `timeZone` is the given fields. */
export function zonedToDate(timeZone: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  // Two passes settle the offset, DST edges included.
  let t = guess;
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(new Date(t), timeZone);
    const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    t += guess - asUtc;
  }
  return new Date(t);
}

function offsetString(date: Date, timeZone: string, colon: boolean): string {
  const p = zonedParts(date, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const minutes = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return colon ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Formats like Utilities.formatDate (Java SimpleDateFormat letters: y M d H h m s S a E Z X,
 * 'quoted' literals). formatInZone(new Date('2025-01-02T03:04:05Z'), 'Asia/Ho_Chi_Minh', 'dd/MM/yyyy HH:mm')
 * → "02/01/2025 10:04".
 */
export function formatInZone(date: Date, timeZone: string, pattern: string): string {
  if (Number.isNaN(date.getTime())) throw new Error('Invalid argument: date');
  const p = zonedParts(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) { out += "'"; i += 2; continue; }
      out += pattern.slice(i + 1, end < 0 ? pattern.length : end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) { out += ch; i++; continue; }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    const pad = (v: number, w = n) => String(v).padStart(w, '0');
    switch (ch) {
      case 'y': out += n === 2 ? pad(p.year % 100, 2) : pad(p.year); break;
      case 'M': out += n >= 4 ? MONTH_NAMES[p.month - 1] : n === 3 ? MONTH_NAMES[p.month - 1]!.slice(0, 3) : pad(p.month); break;
      case 'd': out += pad(p.day); break;
      case 'H': out += pad(p.hour); break;
      case 'h': out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12); break;
      case 'm': out += pad(p.minute); break;
      case 's': out += pad(p.second); break;
      case 'S': out += pad(p.millisecond, 3).slice(0, Math.max(n, 3)); break;
      case 'a': out += p.hour < 12 ? 'AM' : 'PM'; break;
      case 'E': out += n >= 4 ? DAY_NAMES[p.weekday] : DAY_NAMES[p.weekday]!.slice(0, 3); break;
      case 'u': out += String(p.weekday === 0 ? 7 : p.weekday); break;
      case 'Z': out += offsetString(date, timeZone, false); break;
      case 'X': out += offsetString(date, timeZone, n >= 3); break;
      default: throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

function toUnsignedBytes(bytes: number[]): Uint8Array {
  return Uint8Array.from(bytes, (b) => b & 0xff);
}

/** Apps Script bytes are Java bytes: signed, -128..127. */
function toSignedBytes(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

/** A Blob as Utilities.newBlob returns it. Not counted: blobs are local objects, not service calls. */
export class Blob implements GoogleAppsScript.Base.Blob {
  private data: Uint8Array;

  constructor(data: string | number[] | Uint8Array = '', private contentType: string | null = null, private name: string | null = null) {
    this.data = typeof data === 'string' ? new TextEncoder().encode(data)
      : data instanceof Uint8Array ? Uint8Array.from(data) : toUnsignedBytes(data);
  }

  getDataAsString(_charset?: string): string {
    return new TextDecoder().decode(this.data);
  }

  getBytes(): number[] {
    return toSignedBytes(this.data);
  }

  /** The raw bytes (unsigned), for tests that want to inspect a file. */
  getUint8Array(): Uint8Array {
    return Uint8Array.from(this.data);
  }

  setBytes(data: number[]): this {
    this.data = toUnsignedBytes(data);
    return this;
  }

  setDataFromString(s: string, _charset?: string): this {
    this.data = new TextEncoder().encode(s);
    return this;
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(contentType: string | null): this {
    this.contentType = contentType;
    return this;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string): this {
    this.name = name;
    return this;
  }

  copyBlob(): Blob {
    return new Blob(this.data, this.contentType, this.name);
  }

  getBlob(): Blob {
    return this;
  }

  getAllBlobs(): Blob[] {
    return [this];
  }

  isGoogleType(): boolean {
    return false;
  }

  /** Same type: a copy; text to PDF: the text itself under the PDF type (the fake renders nothing). */
  getAs(contentType: string): Blob {
    if (contentType === this.contentType || (contentType === 'application/pdf' && /^text\//.test(this.contentType ?? ''))) {
      const name = this.name && contentType === 'application/pdf' ? this.name.replace(/(\.[A-Za-z0-9]{1,5})?$/, '.pdf') : this.name;
      return new Blob(this.data, contentType, name);
    }
    throw new Error(`Converting from ${this.contentType ?? 'unknown'} to ${contentType} is not supported.`);
  }

  setContentTypeFromExtension(): this {
    const ext = this.name?.split('.').pop()?.toLowerCase() ?? '';
    const types: Record<string, string> = { txt: 'text/plain', html: 'text/html', csv: 'text/csv', json: 'application/json', pdf: 'application/pdf' };
    if (!types[ext]) throw new Error(`Could not determine the content type from the name: ${this.name ?? '(no name)'}`);
    this.contentType = types[ext]!;
    return this;
  }
}

/** Utilities as the scripts see it. Every call is recorded as "Utilities.<method>". */
export class FakeUtilities implements Pick<GoogleAppsScript.Utilities.Utilities,
  'formatDate' | 'sleep' | 'getUuid' | 'base64Encode' | 'base64Decode' | 'formatString'> {
  readonly Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as unknown as typeof GoogleAppsScript.Utilities.Charset;

  constructor(private readonly env: FakeEnv, private readonly clock: SimClock) {}

  formatDate(date: Date, timeZone: string, format: string): string {
    this.env.record('Utilities.formatDate');
    if (!(date instanceof Date) && Object.prototype.toString.call(date) !== '[object Date]') {
      throw new Error('Cannot find method formatDate(string,string,string).');
    }
    return formatInZone(date, timeZone, format);
  }

  /** Advances the simulated clock: tests never really wait. */
  sleep(milliseconds: number): void {
    this.env.record('Utilities.sleep');
    if (milliseconds > 300_000) throw new Error('Invalid argument: milliseconds');
    this.clock.now += Math.max(0, milliseconds);
  }

  getUuid(): string {
    this.env.record('Utilities.getUuid');
    return randomUUID();
  }

  newBlob(data: string | number[], contentType?: string, name?: string): Blob {
    this.env.record('Utilities.newBlob');
    return new Blob(data, contentType ?? null, name ?? null);
  }

  base64Encode(data: string | number[], _charset?: unknown): string {
    this.env.record('Utilities.base64Encode');
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(toUnsignedBytes(data));
    return buf.toString('base64');
  }

  base64Decode(encoded: string, _charset?: unknown): number[] {
    this.env.record('Utilities.base64Decode');
    return toSignedBytes(new Uint8Array(Buffer.from(encoded, 'base64')));
  }

  /** printf-like: %s, %d, %f only. */
  formatString(template: string, ...args: unknown[]): string {
    this.env.record('Utilities.formatString');
    let i = 0;
    return template.replace(/%([sdf%])/g, (_m, k: string) => (k === '%' ? '%' : String(args[i++])));
  }
}
