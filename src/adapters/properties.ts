/** The workbook state in document properties (see src/workbook/state.ts for the keys). */
import { KEY, logQueueKey, readState, type LogRow, type Submission, type UnitTabRef, type WorkbookState, type YearState } from '../workbook/state';
import { services } from './services';

/** Document properties, read whole once and written key by key. */
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

  /** Writes several keys at once (1 call). */
  write(values: Record<string, string>): void {
    if (Object.keys(values).length > 0) this.props.setProperties(values, false);
  }

  /** The year record (1 call). */
  setYear(year: YearState): void {
    this.props.setProperty(KEY.year, JSON.stringify(year));
  }

  /** Key/value of a unit's tab reference. */
  static tabEntry(unitId: string, ref: UnitTabRef): [string, string] {
    return [KEY.tabPrefix + unitId, JSON.stringify(ref)];
  }

  /** A unit's submission (1 call). */
  setSubmission(unitId: string, s: Submission): void {
    this.props.setProperty(KEY.submissionPrefix + unitId, JSON.stringify(s));
  }

  /** When a unit's tab was last edited (1 call). */
  setLastEdit(unitId: string, iso: string): void {
    this.props.setProperty(KEY.lastEditPrefix + unitId, iso);
  }

  /** Keeps log rows for later (1 call): for users who may not write Nhật ký. */
  queueLog(rows: readonly LogRow[], isoTime: string): void {
    // Split so no value nears the 9 KB limit of a property.
    let batch: LogRow[] = [];
    const values: Record<string, string> = {};
    let n = 0;
    // One nonce per call, then a counter: keys sort in the order the rows came.
    const nonce = Math.random().toString(36).slice(2, 8);
    const flush = () => {
      if (batch.length === 0) return;
      values[logQueueKey(isoTime, `${nonce}.${String(n++).padStart(4, '0')}`)] = JSON.stringify(batch);
      batch = [];
    };
    for (const row of rows) {
      const trimmed = row.map((v) => (typeof v === 'string' && v.length > 1000 ? `${v.slice(0, 1000)}…` : v)) as LogRow;
      batch.push(trimmed);
      if (JSON.stringify(batch).length > 6000) flush();
    }
    flush();
    this.write(values);
  }

  /** Deletes keys (1 call each). */
  remove(keys: readonly string[]): void {
    for (const k of keys) this.props.deleteProperty(k);
  }
}
