/**
 * The latency model of the benchmark: how many milliseconds one Apps Script service call is
 * taken to cost, by kind of call. These figures are a MODEL, not a measurement: nothing here
 * talks to Google. What the bench measures exactly is the number and kind of calls (the fakes
 * count every one) and the CPU time of our own code; the model turns calls into time so that a
 * 63-unit recompute and a cell-by-cell script can be compared in seconds a user would wait.
 *
 * Why calls cost what they cost: every SpreadsheetApp, DocumentApp, DriveApp, PropertiesService
 * or LockService call leaves the script's V8 sandbox for a Google backend and comes back, so it
 * pays a round trip whatever it carries; moving values adds a small cost per cell. Handles
 * (getRange, getSheetByName) carry no data; builders (newDataValidation()…) never leave the
 * sandbox. Google's own guidance is the same ordering: "Minimize calls to other services" and
 * "Use batch operations" (Apps Script best practices), and custom functions should take ranges,
 * because every cell that uses one is its own call to the Apps Script server.
 */

/** A kind of call, with its cost: `base` ms per call plus `perCell` ms per cell moved. */
export interface CallKind {
  base: number;
  perCell: number;
  why: string;
}

export const KINDS = {
  valuesRead: {
    base: 25,
    perCell: 0.005,
    why: 'getValues / getSheetValues / getValue …: one round trip to the Sheets backend, then ~5 µs per cell (a 300-row × 13-column tab ≈ 45 ms).',
  },
  valuesWrite: {
    base: 25,
    perCell: 0.01,
    why: 'setValues / setValue / appendRow …: one round trip, ~10 µs per cell (writes cost more than reads; a community measurement put a single 4,000-cell setValues under 50 ms).',
  },
  metadata: {
    base: 8,
    perCell: 0,
    why: 'getSheets, getName, getSheetId, getLastRow, getMaxRows, getOwner, getProtections …: a round trip that carries no cell data.',
  },
  handle: {
    base: 2,
    perCell: 0,
    why: 'getActiveSpreadsheet, getRange, getSheetByName, getSheetById, offset …: returns a handle; mostly resolved without moving data.',
  },
  structure: {
    base: 40,
    perCell: 0,
    why: 'insertSheet, protect, addEditors, setDataValidation, setConditionalFormatRules, setFrozenRows …: a change to the spreadsheet structure.',
  },
  builder: {
    base: 0,
    perCell: 0,
    why: 'newDataValidation(), newConditionalFormatRule() and their builder methods: built inside the script, no round trip.',
  },
  properties: {
    base: 15,
    perCell: 0,
    why: 'Properties.getProperties / setProperties: a round trip to the properties store (the PropertiesService / getDocumentProperties handles are counted as `handle`).',
  },
  lock: {
    base: 20,
    perCell: 0,
    why: 'Lock.tryLock / waitLock / releaseLock: a round trip to the lock service (uncontended).',
  },
  session: {
    base: 5,
    perCell: 0,
    why: 'Session.getActiveUser / getEffectiveUser: a cheap identity lookup.',
  },
  ui: {
    base: 30,
    perCell: 0,
    why: 'toast, alert, showSidebar: a message to the user’s browser.',
  },
  docOpen: {
    base: 600,
    perCell: 0,
    why: 'DocumentApp.create / openById, Document.saveAndClose, getAs(PDF): opening, creating or saving a whole document is the slow part of a document action.',
  },
  drive: {
    base: 150,
    perCell: 0,
    why: 'Drive calls (Drive advanced service Files.create / get / list / update, DriveApp files, folders and iterators): a Drive API round trip.',
  },
  docEdit: {
    base: 1,
    perCell: 0,
    why: 'Body / Paragraph / Table / Text edits on an open document: applied to the in-script copy, sent on save.',
  },
  advancedSheets: {
    base: 80,
    perCell: 0.005,
    why: 'Sheets advanced service (Sheets.Spreadsheets.Values.batchGet / batchUpdate): one REST request for many ranges, ~5 µs per cell. Modelled only (needs the full spreadsheets scope).',
  },
  customFunction: {
    base: 100,
    perCell: 0,
    why: 'One evaluation of a custom function by Sheets: a separate call to the Apps Script server per formula cell (Google: "each time a custom function is used in a spreadsheet, Google Sheets makes a separate call").',
  },
  other: {
    base: 10,
    perCell: 0,
    why: 'Anything not listed (Utilities, Logger, ScriptApp …).',
  },
} as const satisfies Record<string, CallKind>;

export type KindName = keyof typeof KINDS;

/** Where the figures and the ordering come from. */
export const SOURCES = [
  {
    title: 'Google Apps Script — Best practices ("Minimize calls to other services", "Use batch operations")',
    url: 'https://developers.google.com/apps-script/guides/support/best-practices',
  },
  {
    title: 'Google Apps Script — Custom functions in Google Sheets (optimization: take ranges as arrays; one server call per formula cell)',
    url: 'https://developers.google.com/apps-script/guides/sheets/functions',
  },
  {
    title: 'Google Apps Script blog — Optimizing Spreadsheet Operations (calls are relatively expensive; look-ahead and write caching; interleaved reads and writes defeat them)',
    url: 'http://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html',
  },
  {
    title: 'Google Sheets API — Samples (use spreadsheets.values.batchGet / batchUpdate to bundle many ranges into one request)',
    url: 'https://developers.google.com/sheets/samples/',
  },
  {
    title: 'K. Tanaike — Best Practices for Discontinuous Cells on Google Spreadsheet by Google Apps Script (measured costs of loops vs RangeList vs Sheets API)',
    url: 'https://tanaikech.github.io/2023/05/01/best-practices-for-discontinuous-cells-on-google-spreadsheet-by-google-apps-script/',
  },
];

/**
 * The caveat that goes with the model. Google's look-ahead cache can make a run of single-cell
 * reads cheaper than a full round trip each (a measured repeated getValue came to ~0.3 ms), so
 * the naive script's simulated time is also given under a "cached" variant.
 */
export const CACHED_VARIANT = {
  description:
    'Lower bound for cell-by-cell scripts: Apps Script caches reads ahead and buffers writes, so a loop of getRange/getValue on one tab can cost far less than a round trip per call. This variant charges 1 ms per single-cell read or write and 0.5 ms per handle instead of the base figures; block calls are unchanged.',
  singleCellValue: 1,
  handle: 0.5,
};

const VALUE_READS = new Set(['getValues', 'getValue', 'getDisplayValues', 'getDisplayValue', 'getFormulas', 'getFormula', 'getSheetValues', 'getNotes', 'getNote', 'getBackgrounds', 'getNumberFormats', 'getFontWeights', 'getFontColors', 'getWraps', 'getHorizontalAlignments', 'isBlank', 'getDataValidation', 'getDataValidations']);
const VALUE_WRITES = new Set(['setValues', 'setValue', 'setFormulas', 'setFormula', 'appendRow', 'clearContent', 'clearContents', 'clear', 'clearFormat', 'clearFormats', 'clearNote', 'setNote', 'setNotes', 'setNumberFormat', 'setNumberFormats', 'setBackground', 'setBackgrounds', 'setFontWeight', 'setFontWeights', 'setFontColor', 'setFontColors', 'setFontStyle', 'setFontSize', 'setFontFamily', 'setWrap', 'setWraps', 'setWrapStrategy', 'setHorizontalAlignment', 'setHorizontalAlignments', 'setVerticalAlignment', 'setBorder']);
const HANDLES = new Set(['getActiveSpreadsheet', 'getActive', 'openById', 'getRange', 'getRangeByName', 'getSheetByName', 'getSheetById', 'getActiveSheet', 'getActiveRange', 'offset', 'getCell', 'getSheet', 'getParent', 'getDataRange', 'getUi', 'getDocumentProperties', 'getScriptProperties', 'getUserProperties', 'getDocumentLock', 'getScriptLock', 'getUserLock']);
const STRUCTURE = new Set(['insertSheet', 'deleteSheet', 'setName', 'rename', 'insertRowsAfter', 'insertRowsBefore', 'insertRowAfter', 'insertRowBefore', 'insertColumnsAfter', 'insertColumnAfter', 'deleteRows', 'deleteRow', 'setFrozenRows', 'setFrozenColumns', 'setColumnWidth', 'setColumnWidths', 'setRowHeight', 'autoResizeColumns', 'hideSheet', 'showSheet', 'setTabColor', 'protect', 'setDescription', 'setRange', 'setDomainEdit', 'addEditor', 'addEditors', 'removeEditor', 'removeEditors', 'setUnprotectedRanges', 'setWarningOnly', 'remove', 'setDataValidation', 'setDataValidations', 'setConditionalFormatRules', 'clearConditionalFormatRules', 'moveActiveSheet', 'activate', 'setActiveSheet', 'setActiveRange', 'flush', 'newTrigger', 'create', 'deleteTrigger']);
const DOC_OPEN = new Set(['create', 'openById', 'openByUrl', 'saveAndClose', 'getAs', 'getBlob']);

/** The kind of a call named "Class.method". */
export function kindOf(name: string): KindName {
  const dot = name.indexOf('.');
  const cls = dot < 0 ? name : name.slice(0, dot);
  const method = dot < 0 ? '' : name.slice(dot + 1);
  if (cls === 'Sheets' || cls.startsWith('Sheets.')) return 'advancedSheets';
  if (cls === 'CustomFunction') return 'customFunction';
  if (cls.endsWith('Builder') || method.startsWith('new') || cls === 'DataValidationCriteria') return 'builder';
  if (cls === 'Lock' || cls === 'LockService') return method.startsWith('get') ? 'handle' : 'lock';
  if (cls === 'PropertiesService') return 'handle';
  if (cls === 'Properties') return 'properties';
  if (cls === 'Session') return 'session';
  if (cls === 'Ui' || method === 'toast' || method === 'showSidebar' || method === 'showModalDialog') return 'ui';
  if (cls === 'DocumentApp' || cls === 'Document') {
    if (DOC_OPEN.has(method)) return 'docOpen';
    return cls === 'DocumentApp' ? 'handle' : 'docEdit';
  }
  if (cls === 'Drive' || cls === 'Files' || cls === 'DriveApp' || cls === 'File' || cls === 'Folder' || cls === 'FileIterator' || cls === 'FolderIterator') {
    if (cls === 'File' && (method === 'getAs' || method === 'getBlob')) return 'docOpen';
    return 'drive';
  }
  if (['Body', 'Paragraph', 'Table', 'TableRow', 'TableCell', 'Text', 'ListItem', 'HeaderSection', 'FooterSection', 'RangeElement', 'Element', 'ContainerElement', 'HorizontalRule', 'PageBreak', 'Position'].includes(cls)) {
    return 'docEdit';
  }
  if (cls === 'SpreadsheetApp' || cls === 'Spreadsheet' || cls === 'Sheet' || cls === 'Range' || cls === 'Protection' || cls === 'User' || cls === 'RangeList') {
    if (VALUE_READS.has(method)) return 'valuesRead';
    if (VALUE_WRITES.has(method)) return 'valuesWrite';
    if (HANDLES.has(method)) return 'handle';
    if (STRUCTURE.has(method)) return 'structure';
    return 'metadata';
  }
  if (HANDLES.has(method)) return 'handle';
  return 'other';
}

/** A call as the bench records it: its name and the cells it moved (0 when none). */
export interface MeteredCall {
  name: string;
  cells: number;
}

/** The modelled milliseconds of one call. */
export function callMs(call: MeteredCall, variant: 'model' | 'cached' = 'model'): number {
  const kind = kindOf(call.name);
  const k: CallKind = KINDS[kind];
  if (variant === 'cached') {
    if (kind === 'handle') return CACHED_VARIANT.handle;
    if ((kind === 'valuesRead' || kind === 'valuesWrite') && call.cells <= 1) return CACHED_VARIANT.singleCellValue;
  }
  return k.base + k.perCell * call.cells;
}

/** Σ modelled latency of a call log. */
export function latencyMs(calls: readonly MeteredCall[], variant: 'model' | 'cached' = 'model'): number {
  let ms = 0;
  for (const c of calls) ms += callMs(c, variant);
  return ms;
}

/** The model as plain JSON, for bench/results.json. */
export function latencyModelJson(): Record<string, unknown> {
  return {
    note: 'A model, not a measurement: per-call milliseconds by kind of call, chosen from Google’s guidance (service calls are remote round trips of tens of ms; batch reads and writes) and public measurements. simulatedMs = Σ per-call latency + measured CPU time of the run on this machine (which includes the in-memory fakes’ own work, so it overstates the script’s CPU).',
    formula: 'ms(call) = base(kind) + perCell(kind) × cells moved by the call',
    kinds: KINDS,
    cachedVariant: CACHED_VARIANT,
    sources: SOURCES,
  };
}
