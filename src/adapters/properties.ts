/**
 * The workbook state in document properties (see src/workbook/state.ts for the keys). A property
 * value may hold 9 KB (counted in UTF-8 bytes: a Vietnamese letter takes 2 or 3); the store keeps
 * every value under VALUE_BUDGET_BYTES, lower still, so none can outgrow it: the log queue is
 * split by bytes, the year record drops its oldest late edits (a return reason is cut to 500
 * characters by submission.ts, 1.5 KB at most).
 */
import { KEY, logQueueKey, readState, type LogRow, type UnitTabRef, type WorkbookState, type YearState } from '../workbook/state';
import { services } from './services';

/**
 * Apps Script allows 9 KB (9,216 bytes) per value; a published measurement found 8,066 bytes the
 * most that was accepted, so the budget stays under both.
 */
export const VALUE_BUDGET_BYTES = 8000;

/** UTF-8 length of a string (Apps Script has no Buffer; Utilities would cost a call). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The longest start of `s` within `bytes` UTF-8 bytes, with "…" when cut. */
function cutToBytes(s: string, bytes: number): string {
  if (utf8Bytes(s) <= bytes) return s;
  let out = '';
  let n = 0;
  for (const ch of s) {
    const b = utf8Bytes(ch);
    if (n + b > bytes - 3) break;
    out += ch;
    n += b;
  }
  return `${out}…`;
}

/** The year record as JSON within the budget: the oldest refused edits go first, then the oldest late edits. */
export function yearJson(year: YearState): string {
  let y = year;
  let json = JSON.stringify(y);
  while (utf8Bytes(json) > VALUE_BUDGET_BYTES && (y.refusedEdits?.length ?? 0) > 0) {
    y = { ...y, refusedEdits: y.refusedEdits!.slice(1) };
    json = JSON.stringify(y);
  }
  while (utf8Bytes(json) > VALUE_BUDGET_BYTES && (y.lateEdits?.length ?? 0) > 0) {
    y = { ...y, lateEdits: y.lateEdits!.slice(1) };
    json = JSON.stringify(y);
  }
  if (y !== year) {
    year.lateEdits = y.lateEdits;
    year.refusedEdits = y.refusedEdits;
  }
  return json;
}

/** A queued log row cut until its JSON fits the budget (the longest cell halves each time). */
function fitRow(row: LogRow): LogRow {
  let r = row.map((v) => (typeof v === 'string' && v.length > 1000 ? `${v.slice(0, 1000)}…` : v)) as LogRow;
  while (utf8Bytes(JSON.stringify([r])) > VALUE_BUDGET_BYTES) {
    let longest = 0;
    r.forEach((v, i) => {
      if (typeof v === 'string' && utf8Bytes(v) > utf8Bytes(String(r[longest]))) longest = i;
    });
    const cell = String(r[longest]);
    r = r.map((v, i) => (i === longest ? cutToBytes(cell, Math.floor(utf8Bytes(cell) / 2)) : v)) as LogRow;
  }
  return r;
}

/** Document properties, read whole once and written key by key. */
/** Single keys of the document's properties, as the Drive folder record needs them. */
export type KeyValues = Pick<GoogleAppsScript.Properties.Properties, 'getProperty' | 'setProperty'>;

/** The document's properties for single keys (1 call). */
export function documentProperties(): KeyValues {
  return services().propertiesService.getDocumentProperties();
}

export class StateStore {
  constructor(private readonly props: GoogleAppsScript.Properties.Properties) {}

  /** The document's properties (1 call). */
  static document(): StateStore {
    return new StateStore(services().propertiesService.getDocumentProperties());
  }

  /** Everything (1 call). */
  read(): WorkbookState {
    return readState(this.props.getProperties());
  }

  /**
   * Writes several keys at once (1 call). The year record is brought within the budget; any
   * other value over it is a bug, refused before anything is written.
   */
  write(values: Record<string, string>): void {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) {
      out[k] = k === KEY.year && utf8Bytes(v) > VALUE_BUDGET_BYTES ? yearJson(JSON.parse(v) as YearState) : v;
      if (utf8Bytes(out[k]!) > VALUE_BUDGET_BYTES) throw new Error(`Property ${k} would take ${utf8Bytes(out[k]!)} bytes, over ${VALUE_BUDGET_BYTES}`);
    }
    if (Object.keys(out).length > 0) this.props.setProperties(out, false);
  }

  /** The year record (1 call), brought within the budget as write does. */
  setYear(year: YearState): void {
    this.write({ [KEY.year]: JSON.stringify(year) });
  }

  /** Key/value of a unit's tab reference. */
  static tabEntry(unitId: string, ref: UnitTabRef): [string, string] {
    return [KEY.tabPrefix + unitId, JSON.stringify(ref)];
  }

  /** When a unit's tab was last edited (1 call). */
  setLastEdit(unitId: string, iso: string): void {
    this.props.setProperty(KEY.lastEditPrefix + unitId, iso);
  }

  /**
   * Keeps log rows for later (1 call): for users who may not write Nhật ký. Split by UTF-8 bytes
   * so that no value goes over the budget, a long cell cut.
   */
  queueLog(rows: readonly LogRow[], isoTime: string): void {
    let batch: string[] = [];
    let bytes = 2;
    const values: Record<string, string> = {};
    let n = 0;
    // One nonce per call, then a counter: keys sort in the order the rows came.
    const nonce = Math.random().toString(36).slice(2, 8);
    const flush = () => {
      if (batch.length === 0) return;
      values[logQueueKey(isoTime, `${nonce}.${String(n++).padStart(4, '0')}`)] = `[${batch.join(',')}]`;
      batch = [];
      bytes = 2;
    };
    for (const row of rows) {
      const json = JSON.stringify(fitRow(row));
      const size = utf8Bytes(json) + 1;
      if (bytes + size > VALUE_BUDGET_BYTES) flush();
      batch.push(json);
      bytes += size;
    }
    flush();
    this.write(values);
  }

  /** Deletes keys (1 call each). */
  remove(keys: readonly string[]): void {
    for (const k of keys) this.props.deleteProperty(k);
  }
}
