/**
 * Modelled alternatives to recompute's reads and writes, derived from its real call log: what the
 * same run would cost if the Sheets advanced service (Sheets.Spreadsheets.Values.batchGet /
 * batchUpdate) read and wrote the tabs in one request each. Not run: the add-on's manifest has
 * `spreadsheets.currentonly`, which the Sheets REST API does not accept; it would need the full
 * `https://www.googleapis.com/auth/spreadsheets` scope (every spreadsheet of the user, a
 * "sensitive" scope in Google's review), or `drive.file` if that covers the sheet it runs in.
 */
import type { MeteredCall } from './latency';

export const BATCH_GET = 'Sheets.Spreadsheets.Values.batchGet';
export const BATCH_UPDATE = 'Sheets.Spreadsheets.Values.batchUpdate';

export const SCOPE_NOTE =
  'The Sheets advanced service calls the Sheets REST API, whose scopes are spreadsheets, spreadsheets.readonly, drive.file, drive and drive.readonly (https://developers.google.com/workspace/sheets/api/scopes); it does not accept the Apps Script-only spreadsheets.currentonly the add-on asks for today. Using it means asking for https://www.googleapis.com/auth/spreadsheets (all the user’s spreadsheets, a sensitive scope), unless drive.file is shown to cover the sheet the add-on runs in.';

function sum(calls: readonly MeteredCall[]): number {
  return calls.reduce((n, c) => n + c.cells, 0);
}

/** Every whole-tab read (Sheet.getSheetValues) replaced by one batchGet of all the ranges. */
export function withBatchGet(calls: readonly MeteredCall[]): MeteredCall[] {
  const reads = calls.filter((c) => c.name === 'Sheet.getSheetValues');
  if (reads.length === 0) return [...calls];
  const out: MeteredCall[] = [];
  let placed = false;
  for (const c of calls) {
    if (c.name !== 'Sheet.getSheetValues') out.push(c);
    else if (!placed) {
      out.push({ name: BATCH_GET, cells: sum(reads) });
      placed = true;
    }
  }
  return out;
}

const BLOCK_WRITE = new Set(['Range.setValues', 'Spreadsheet.getRange', 'Sheet.getRange']);

/**
 * Also every block write (Tổng hợp and the computed columns, with the getRange handles they
 * need) replaced by one batchUpdate; the tab list (getSheets) is then not needed, since the
 * Sheets API addresses tabs by name. The Nhật ký line (getSheetByName + appendRow) is kept.
 */
export function withBatchGetAndUpdate(calls: readonly MeteredCall[]): MeteredCall[] {
  const read = withBatchGet(calls);
  const writes = read.filter((c) => c.name === 'Range.setValues');
  const out: MeteredCall[] = [];
  let placed = false;
  for (const c of read) {
    if (c.name === 'Spreadsheet.getSheets') continue;
    if (!BLOCK_WRITE.has(c.name)) out.push(c);
    else if (!placed && writes.length > 0) {
      out.push({ name: BATCH_UPDATE, cells: sum(writes) });
      placed = true;
    }
  }
  return out;
}
