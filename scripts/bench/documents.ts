/**
 * Documents: the covenant of 7 units × 60 criteria (and the other documents when they run),
 * generated through the bundle's generateDocument over the document fakes, counting the
 * DocumentApp and Drive calls (the target) and every call.
 */
import { sampleYearConfig } from '../../src/app/sample';
import { workbookText } from '../../src/i18n/workbook';
import { CONFIG_LAYOUT } from '../../src/workbook/config';
import { movementRows } from '../../src/workbook/config/movements';
import { groupByName, simulatedMs } from './meter';
import type { MeteredCall } from './latency';
import { OWNER, prepareYear, type BenchWorld } from './world';

export interface DocumentRow {
  document: string;
  units: number;
  criteria: number;
  /** DocumentApp and Drive calls (the covenant target: under 150). */
  calls: number | null;
  // ——— extra fields ———
  pdf: boolean;
  /** The first document of the year: its Drive folder and the "Văn bản" tab are created too. */
  firstRun: boolean;
  ok: boolean;
  /** Why the document was not generated, when it was not. */
  error?: string;
  allCalls: number;
  simulatedMs: number | null;
  cpuMs: number;
  byName: Array<{ name: string; count: number; cells: number; kind: string }>;
}

const DOCUMENT_CALL = /^(DocumentApp|Document|Body|Paragraph|Table|TableRow|TableCell|Text|ListItem|HeaderSection|FooterSection|HorizontalRule|PageBreak|DriveApp|Drive|Files|File|Folder|FileIterator|FolderIterator|Blob)\./;

/** DocumentApp and Drive calls of a log. */
export function documentCalls(calls: readonly MeteredCall[]): MeteredCall[] {
  return calls.filter((c) => DOCUMENT_CALL.test(c.name));
}

interface DocumentJson {
  ok: boolean;
  message: string;
}

/** Types the sample's four movements into Cấu hình's Phong trào block, in an execution of its own. */
function typeMovements(world: BenchWorld): void {
  const hands = world.google.fork({ user: OWNER });
  const rows = movementRows(sampleYearConfig(2021).movements);
  const L = CONFIG_LAYOUT.movements;
  const sheet = hands.apps.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(workbookText.tabs.config);
  if (!sheet) throw new Error('no Cấu hình tab');
  sheet.getRange(CONFIG_LAYOUT.firstRow, L.column, rows.length, L.width).setValues(rows);
  hands.endExecution();
}

/**
 * Generates each document once (the covenant also with its PDF) for a filled 7 × 60 year; then
 * the plan (four movements typed) and, once the mid-year round is opened, the báo cáo sơ kết.
 */
export function benchDocuments(units = 7, criteria = 60): DocumentRow[] {
  const { world } = prepareYear(units, criteria);
  const missing = typeof world.context.generateDocument !== 'function';
  const recompute = world.execute<DocumentJson>('recompute');
  if (!recompute.result.ok) throw new Error(`recompute refused: ${recompute.result.message}`);
  // The first run also creates the year's Drive folder and the "Văn bản" tab: the covenant with
  // its PDF goes first, as the worst case of the target.
  const runs: Array<[string, boolean]> = [
    ['covenant', true], ['covenant', false], ['minutes', false], ['report', false], ['proposal', false], ['plan', false], ['midYearReport', false],
  ];
  return runs.map(([document, pdf], i) => {
    if (document === 'plan' && !missing) typeMovements(world);
    if (document === 'midYearReport' && !missing) world.execute('openMidYear');
    if (missing) {
      return { document, units, criteria, calls: null, pdf, firstRun: i === 0, ok: false, error: 'dist/Code.js has no top-level generateDocument', allCalls: 0, simulatedMs: null, cpuMs: 0, byName: [] };
    }
    const run = world.execute<DocumentJson>('generateDocument', [document, pdf ? { pdf: true } : {}]);
    const docs = documentCalls(run.calls);
    const ok = run.result.ok === true;
    return {
      document,
      units,
      criteria,
      calls: ok ? docs.length : null,
      pdf,
      firstRun: i === 0,
      ok,
      ...(ok ? {} : { error: run.result.message }),
      allCalls: run.calls.length,
      simulatedMs: ok ? simulatedMs(run.calls, run.cpuMs) : null,
      cpuMs: Math.round(run.cpuMs),
      byName: groupByName(run.calls),
    };
  });
}
