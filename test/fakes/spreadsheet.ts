/**
 * In-memory SpreadsheetApp: a spreadsheet with sheets, ranges, values, formats, notes, data
 * validation, conditional format rules, merges and protections. It keeps real state (see
 * sheets-model.ts), counts every call through FakeEnv.record("Class.method"), and enforces
 * protections against env.currentUser the way Sheets does, so rights are tested by trying.
 *
 * Every method records first, then checks, then writes: a call that throws (an injected fault,
 * a protection, a bad shape) has written nothing.
 */
import { parseA1, toA1, numberToColumn } from './a1';
import { FakeServiceError, type FakeEnv } from './env';
import {
  NO_PERMISSION_MESSAGE, PROTECTED_CELL_MESSAGE, cellFor, dropContent, firstBlockedCell, getCell, hasContent, isSpreadsheetEditor, mayEditUnder,
  newSheetState, normEmail, prune, rectsIntersect, sheetBlocked, shiftRect, shiftRectColumns, shownValue, shrinkRect,
  type CellState, type ProtectionState, type Rect, type SheetState, type SpreadsheetState,
} from './sheets-model';
import {
  formulasAfterInsert, formulasAfterRename, formulasAfterRowDelete, formulasAfterSheetDelete, noteFormula, recalculate,
} from './sheets-formulas';
import { FakeProtection, FakeUser, type ProtectionHost, type UserLike } from './sheets-protection';
import { requireAuth, type ExecutionInfo } from './session';
import type { FakeUi } from './sheets-ui';
import {
  BooleanCriteria, DataValidationCriteria, FakeConditionalFormatRule, FakeConditionalFormatRuleBuilder,
  FakeDataValidation, FakeDataValidationBuilder, type RuleWithSheet,
} from './sheets-validation';
import {
  MAX_CELL_CHARS, displayValue, fromStored, interpretInput, type CellValue, type Interpreted,
} from './sheets-values';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const ProtectionType = Object.freeze({ RANGE: 'RANGE', SHEET: 'SHEET' } as const);
export const BorderStyle = Object.freeze({
  DOTTED: 'DOTTED', DASHED: 'DASHED', SOLID: 'SOLID', SOLID_MEDIUM: 'SOLID_MEDIUM', SOLID_THICK: 'SOLID_THICK', DOUBLE: 'DOUBLE',
} as const);
export const WrapStrategy = Object.freeze({ WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' } as const);
export const Dimension = Object.freeze({ COLUMNS: 'COLUMNS', ROWS: 'ROWS' } as const);

/** Default name of a new sheet in a vi_VN spreadsheet ("Sheet1"). */
export const DEFAULT_SHEET_PREFIX = 'Trang tính';

/** One execution's view of a spreadsheet: the shared state, its own call log, Ui and selection. */
export interface SheetsContext {
  env: FakeEnv;
  doc: SpreadsheetState;
  ui: FakeUi;
  exec: ExecutionInfo;
  selection: { sheetId: number | null; rect: Rect | null };
  /** The Date constructor of the realm the script runs in (a vm context has its own). */
  dateCtor: () => DateConstructor;
}

export function newSpreadsheetState(options: { id?: string; name?: string; owner: string; editors?: string[] }): SpreadsheetState {
  return {
    id: options.id ?? '1FakeSpreadsheetId0000000000000000000000000',
    name: options.name ?? 'Thi đua',
    owner: normEmail(options.owner),
    editors: (options.editors ?? []).map(normEmail),
    viewers: [],
    anyoneCanEdit: false,
    domainEdit: false,
    timeZone: 'Asia/Ho_Chi_Minh',
    locale: 'vi_VN',
    sheets: [newSheetState(0, `${DEFAULT_SHEET_PREFIX}1`)],
    protections: [],
    nextSheetId: 1_000_001,
    nextProtectionId: 1,
  };
}

function fail(message: string): never {
  throw new FakeServiceError(message);
}

function sheetState(ctx: SheetsContext, id: number): SheetState {
  const s = ctx.doc.sheets.find((x) => x.id === id);
  if (!s) fail('This sheet has been deleted.');
  return s;
}

function sheetByName(doc: SpreadsheetState, name: string): SheetState | undefined {
  const n = name.toLowerCase();
  return doc.sheets.find((s) => s.name.toLowerCase() === n);
}

/** Anyone who is not an editor of the file is refused any write; protections come next. */
export function assertWritable(ctx: SheetsContext, sheet: SheetState, rect: Rect): void {
  const user = ctx.env.currentUser;
  if (ctx.exec.authMode === 'CUSTOM_FUNCTION') fail('You do not have permission to call this method from a custom function.');
  if (!isSpreadsheetEditor(ctx.doc, user)) fail(NO_PERMISSION_MESSAGE);
  if (firstBlockedCell(ctx.doc, sheet, rect, user)) fail(PROTECTED_CELL_MESSAGE);
}

function assertSheetWritable(ctx: SheetsContext, sheet: SheetState): void {
  const user = ctx.env.currentUser;
  if (ctx.exec.authMode === 'CUSTOM_FUNCTION') fail('You do not have permission to call this method from a custom function.');
  if (!isSpreadsheetEditor(ctx.doc, user)) fail(NO_PERMISSION_MESSAGE);
  if (sheetBlocked(ctx.doc, sheet, user)) fail(PROTECTED_CELL_MESSAGE);
}

function validateInterpreted(cells: Interpreted[][]): void {
  for (const row of cells) {
    for (const c of row) {
      const text = c.formula ?? (typeof c.value === 'string' ? c.value : '');
      if (text.length > MAX_CELL_CHARS) {
        fail(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
      }
    }
  }
}

/**
 * Writes interpreted values (already checked) into the sheet, then (given the spreadsheet)
 * computes its formulas again, as Sheets does after any edit. Not counted: callers count.
 */
export function writeInterpreted(sheet: SheetState, row: number, col: number, cells: Interpreted[][], doc?: SpreadsheetState): void {
  cells.forEach((line, i) => line.forEach((c, j) => {
    const r = row + i;
    const k = col + j;
    const cell = cellFor(sheet, r, k);
    delete cell.fv; delete cell.fe; delete cell.fp;
    if (c.formula) {
      cell.f = c.formula;
      noteFormula(sheet);
      delete cell.v;
    } else {
      delete cell.f;
      if (c.value === '') delete cell.v;
      else cell.v = c.value;
    }
    prune(sheet, r, k);
  }));
  if (doc) recalculate(doc);
}

/** A cell's value as getValues returns it. */
export function cellValue(c: CellState | undefined, DateCtor: DateConstructor = Date): CellValue {
  if (!c) return '';
  return fromStored(shownValue(c), DateCtor);
}

function lastRowOf(sheet: SheetState): number {
  const rows = Object.keys(sheet.rows).map(Number).sort((a, b) => b - a);
  for (const r of rows) if (Object.values(sheet.rows[r]!).some(hasContent)) return r;
  return 0;
}

function lastColumnOf(sheet: SheetState): number {
  let max = 0;
  for (const row of Object.values(sheet.rows)) {
    for (const [c, cell] of Object.entries(row)) if (hasContent(cell) && Number(c) > max) max = Number(c);
  }
  return max;
}

export class FakeSpreadsheetApp implements Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'flush'> {
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly BorderStyle = BorderStyle;
  readonly WrapStrategy = WrapStrategy;
  readonly Dimension = Dimension;
  readonly spreadsheet: FakeSpreadsheet;

  constructor(private readonly ctx: SheetsContext) {
    this.spreadsheet = new FakeSpreadsheet(ctx);
  }

  private record(method: string): void {
    this.ctx.env.record(`SpreadsheetApp.${method}`);
  }

  getActiveSpreadsheet(): FakeSpreadsheet {
    this.record('getActiveSpreadsheet');
    requireAuth(this.ctx.exec, 'SpreadsheetApp.getActiveSpreadsheet');
    return this.spreadsheet;
  }

  getActive(): FakeSpreadsheet {
    this.record('getActive');
    requireAuth(this.ctx.exec, 'SpreadsheetApp.getActive');
    return this.spreadsheet;
  }

  openById(id: string): FakeSpreadsheet {
    this.record('openById');
    requireAuth(this.ctx.exec, 'SpreadsheetApp.openById');
    // Custom functions cannot open other spreadsheets, this one included (Google's custom-function guide).
    if (this.ctx.exec.authMode === 'CUSTOM_FUNCTION') fail('You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets');
    if (id !== this.ctx.doc.id) fail(`Unexpected error while getting the method or property openById on object SpreadsheetApp.`);
    return this.spreadsheet;
  }

  getActiveSheet(): FakeSheet {
    this.record('getActiveSheet');
    requireAuth(this.ctx.exec, 'SpreadsheetApp.getActiveSheet');
    return this.spreadsheet.activeSheetObject();
  }

  getActiveRange(): FakeRange {
    this.record('getActiveRange');
    requireAuth(this.ctx.exec, 'SpreadsheetApp.getActiveRange');
    return this.spreadsheet.activeRangeObject();
  }

  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.record('setActiveSheet');
    this.ctx.selection = { sheetId: sheet.id, rect: null };
    return sheet;
  }

  setActiveRange(range: FakeRange): FakeRange {
    this.record('setActiveRange');
    this.ctx.selection = { sheetId: range.sheetId, rect: range.toRect() };
    return range;
  }

  /** Throws where Apps Script does: in a context with no UI (a time-driven trigger). */
  getUi(): FakeUi {
    this.record('getUi');
    if (!this.ctx.ui.available) fail('Cannot call SpreadsheetApp.getUi() from this context.');
    return this.ctx.ui;
  }

  newDataValidation(): FakeDataValidationBuilder {
    this.record('newDataValidation');
    return new FakeDataValidationBuilder(this.ctx.env);
  }

  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    this.record('newConditionalFormatRule');
    return new FakeConditionalFormatRuleBuilder(this.ctx.env, (id, rect) => this.spreadsheet.rangeOn(id, rect));
  }

  flush(): void {
    this.record('flush');
  }
}

export class FakeSpreadsheet implements ProtectionHost, Pick<GSpreadsheet,
  'getId' | 'getName' | 'getUrl' | 'getNumSheets' | 'getSpreadsheetTimeZone' | 'getSpreadsheetLocale' | 'toast' |
  'setSpreadsheetTimeZone' | 'setSpreadsheetLocale' | 'rename' | 'removeMenu'> {
  private readonly sheetObjects = new Map<number, FakeSheet>();

  constructor(readonly ctx: SheetsContext) {}

  get env(): FakeEnv {
    return this.ctx.env;
  }

  get doc(): SpreadsheetState {
    return this.ctx.doc;
  }

  private record(method: string): void {
    this.ctx.env.record(`Spreadsheet.${method}`);
  }

  /** The Sheet object for an id (one per id, so identity holds within an execution). */
  sheetObject(id: number): FakeSheet {
    let s = this.sheetObjects.get(id);
    if (!s) {
      s = new FakeSheet(this, id);
      this.sheetObjects.set(id, s);
    }
    return s;
  }

  /** A Range over a stored block; open ends are sized to the sheet now, as Apps Script does. */
  rangeOn(sheetId: number, rect: Rect): FakeRange {
    const s = sheetState(this.ctx, sheetId);
    const r2 = rect.r2 ?? s.maxRows;
    const c2 = rect.c2 ?? s.maxCols;
    return new FakeRange(this, sheetId, rect.r1, rect.c1, r2 - rect.r1 + 1, c2 - rect.c1 + 1, rect.r2 === null, rect.c2 === null);
  }

  makeRange(sheetId: number, rect: Rect): FakeRange {
    return this.rangeOn(sheetId, rect);
  }

  rectOf(range: unknown): { sheetId: number; rect: Rect } {
    if (!(range instanceof FakeRange)) fail('Invalid argument: range');
    return { sheetId: range.sheetId, rect: range.toRect() };
  }

  activeSheetObject(): FakeSheet {
    const id = this.ctx.selection.sheetId;
    const s = this.ctx.doc.sheets.find((x) => x.id === id) ?? this.ctx.doc.sheets.find((x) => !x.hidden) ?? this.ctx.doc.sheets[0]!;
    return this.sheetObject(s.id);
  }

  activeRangeObject(): FakeRange {
    const sheet = this.activeSheetObject();
    const rect = this.ctx.selection.sheetId === sheet.id && this.ctx.selection.rect ? this.ctx.selection.rect : { r1: 1, c1: 1, r2: 1, c2: 1 };
    return this.rangeOn(sheet.id, rect);
  }

  getId(): string {
    this.record('getId');
    return this.ctx.doc.id;
  }

  getName(): string {
    this.record('getName');
    return this.ctx.doc.name;
  }

  rename(name: string): void {
    this.record('rename');
    if (!isSpreadsheetEditor(this.ctx.doc, this.ctx.env.currentUser)) fail(NO_PERMISSION_MESSAGE);
    this.ctx.doc.name = String(name);
  }

  getUrl(): string {
    this.record('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.ctx.doc.id}/edit`;
  }

  getSheets(): FakeSheet[] {
    this.record('getSheets');
    return this.ctx.doc.sheets.map((s) => this.sheetObject(s.id));
  }

  getNumSheets(): number {
    this.record('getNumSheets');
    return this.ctx.doc.sheets.length;
  }

  /** Case-insensitive, as in Sheets. */
  getSheetByName(name: string): FakeSheet | null {
    this.record('getSheetByName');
    const s = sheetByName(this.ctx.doc, String(name));
    return s ? this.sheetObject(s.id) : null;
  }

  getSheetById(id: number): FakeSheet | null {
    this.record('getSheetById');
    const s = this.ctx.doc.sheets.find((x) => x.id === id);
    return s ? this.sheetObject(s.id) : null;
  }

  /**
   * insertSheet(), insertSheet(name), insertSheet(index), insertSheet(name, index). Without an
   * index the sheet goes after the active one; it becomes the active sheet.
   */
  insertSheet(a?: string | number, b?: number | object): FakeSheet {
    this.record('insertSheet');
    const doc = this.ctx.doc;
    if (!isSpreadsheetEditor(doc, this.ctx.env.currentUser)) fail(NO_PERMISSION_MESSAGE);
    let name = typeof a === 'string' ? a : undefined;
    const index = typeof a === 'number' ? a : typeof b === 'number' ? b : undefined;
    if (name === undefined) {
      let n = doc.sheets.length + 1;
      while (sheetByName(doc, `${DEFAULT_SHEET_PREFIX}${n}`)) n++;
      name = `${DEFAULT_SHEET_PREFIX}${n}`;
    }
    if (name.trim() === '') fail('Invalid argument: sheetName');
    if (name.length > 100) fail('The sheet name cannot be longer than 100 characters.');
    if (sheetByName(doc, name)) fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    if (index !== undefined && (index < 0 || index > doc.sheets.length)) fail(`Sheet index is out of range.`);
    const state = newSheetState(doc.nextSheetId, name);
    doc.nextSheetId += 7919;
    const activePos = doc.sheets.findIndex((s) => s.id === this.ctx.selection.sheetId);
    const at = index ?? (activePos >= 0 ? activePos + 1 : doc.sheets.length);
    doc.sheets.splice(at, 0, state);
    this.ctx.selection = { sheetId: state.id, rect: null };
    // A formula naming a sheet that did not exist (#REF!) reads it now.
    recalculate(doc);
    return this.sheetObject(state.id);
  }

  deleteSheet(sheet: FakeSheet): void {
    this.record('deleteSheet');
    const doc = this.ctx.doc;
    const s = sheetState(this.ctx, sheet.id);
    assertSheetWritable(this.ctx, s);
    if (firstBlockedCell(doc, s, { r1: 1, c1: 1, r2: null, c2: null }, this.ctx.env.currentUser)) fail(PROTECTED_CELL_MESSAGE);
    if (doc.sheets.length === 1) fail("You can't remove all the sheets in a document.");
    doc.sheets.splice(doc.sheets.indexOf(s), 1);
    doc.protections = doc.protections.filter((p) => p.sheetId !== s.id);
    if (this.ctx.selection.sheetId === s.id) this.ctx.selection = { sheetId: null, rect: null };
    formulasAfterSheetDelete(doc, s.name);
    recalculate(doc);
  }

  /** "Sheet!A1:B2" or "A1:B2" (the active sheet). */
  getRange(a1: string): FakeRange {
    this.record('getRange');
    return this.resolveA1(String(a1), null);
  }

  /** Resolves A1 notation; `defaultSheet` null means the active sheet. Not counted. */
  resolveA1(a1: string, defaultSheet: number | null): FakeRange {
    let ref;
    try {
      ref = parseA1(a1);
    } catch {
      fail('Range not found');
    }
    let sheet: SheetState | undefined;
    if (ref.sheetName !== null) sheet = sheetByName(this.ctx.doc, ref.sheetName);
    else sheet = this.ctx.doc.sheets.find((s) => s.id === (defaultSheet ?? this.activeSheetObject().id));
    if (!sheet) fail('Range not found');
    const r2 = ref.endRow ?? sheet.maxRows;
    const c2 = ref.endColumn ?? sheet.maxCols;
    if (r2 > sheet.maxRows || c2 > sheet.maxCols) fail('Range not found');
    return new FakeRange(this, sheet.id, ref.row, ref.column, r2 - ref.row + 1, c2 - ref.column + 1, ref.endRow === null, ref.endColumn === null);
  }

  getRangeByName(_name: string): FakeRange | null {
    this.record('getRangeByName');
    return null;
  }

  /** Null for a file in a shared drive, as Apps Script documents. */
  getOwner(): FakeUser | null {
    this.record('getOwner');
    return this.ctx.doc.sharedDrive ? null : new FakeUser(this.ctx.doc.owner);
  }

  /** The owner and everyone the file is shared with as editor. */
  getEditors(): FakeUser[] {
    this.record('getEditors');
    return [this.ctx.doc.owner, ...this.ctx.doc.editors].map((e) => new FakeUser(e));
  }

  getViewers(): FakeUser[] {
    this.record('getViewers');
    return [this.ctx.doc.owner, ...this.ctx.doc.editors, ...this.ctx.doc.viewers].map((e) => new FakeUser(e));
  }

  private share(kind: 'editors' | 'viewers', users: Array<UserLike>): void {
    const doc = this.ctx.doc;
    if (!isSpreadsheetEditor(doc, this.ctx.env.currentUser)) fail(NO_PERMISSION_MESSAGE);
    const emails = users.map((u) => normEmail(typeof u === 'string' ? u : u.getEmail()));
    // Stricter than the page, which is silent: an address that is no Google account is refused.
    for (const e of emails) if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e) || doc.notGoogleAccounts?.includes(e)) fail(`Invalid email: ${e}`);
    for (const e of emails) {
      if (e === doc.owner || doc[kind].includes(e)) continue;
      if (kind === 'editors') doc.viewers = doc.viewers.filter((v) => v !== e);
      doc[kind].push(e);
    }
  }

  addEditor(user: UserLike): this {
    this.record('addEditor');
    this.share('editors', [user]);
    return this;
  }

  addEditors(users: Array<UserLike>): this {
    this.record('addEditors');
    this.share('editors', users);
    return this;
  }

  addViewer(user: UserLike): this {
    this.record('addViewer');
    this.share('viewers', [user]);
    return this;
  }

  addViewers(users: Array<UserLike>): this {
    this.record('addViewers');
    this.share('viewers', users);
    return this;
  }

  removeEditor(user: UserLike): this {
    this.record('removeEditor');
    const doc = this.ctx.doc;
    if (!isSpreadsheetEditor(doc, this.ctx.env.currentUser)) fail(NO_PERMISSION_MESSAGE);
    const e = normEmail(typeof user === 'string' ? user : user.getEmail());
    if (e === doc.owner) fail('Cannot remove the owner of the document.');
    doc.editors = doc.editors.filter((x) => x !== e);
    return this;
  }

  getSpreadsheetTimeZone(): string {
    this.record('getSpreadsheetTimeZone');
    return this.ctx.doc.timeZone;
  }

  setSpreadsheetTimeZone(tz: string): void {
    this.record('setSpreadsheetTimeZone');
    this.ctx.doc.timeZone = tz;
  }

  getSpreadsheetLocale(): string {
    this.record('getSpreadsheetLocale');
    return this.ctx.doc.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this.record('setSpreadsheetLocale');
    this.ctx.doc.locale = locale;
  }

  toast(message: string, title?: string, timeoutSeconds?: number | null): void {
    this.record('toast');
    this.ctx.ui.toasts.push({ message: String(message), title: title ?? '', timeoutSeconds: timeoutSeconds ?? null, user: this.ctx.env.currentUser });
  }

  getActiveSheet(): FakeSheet {
    this.record('getActiveSheet');
    return this.activeSheetObject();
  }

  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.record('setActiveSheet');
    this.ctx.selection = { sheetId: sheet.id, rect: null };
    return sheet;
  }

  getActiveRange(): FakeRange {
    this.record('getActiveRange');
    return this.activeRangeObject();
  }

  setActiveRange(range: FakeRange): FakeRange {
    this.record('setActiveRange');
    this.ctx.selection = { sheetId: range.sheetId, rect: range.toRect() };
    return range;
  }

  moveActiveSheet(pos: number): void {
    this.record('moveActiveSheet');
    const doc = this.ctx.doc;
    const s = sheetState(this.ctx, this.activeSheetObject().id);
    if (pos < 1 || pos > doc.sheets.length) fail('Sheet index is out of range.');
    doc.sheets.splice(doc.sheets.indexOf(s), 1);
    doc.sheets.splice(pos - 1, 0, s);
  }

  /** Every protection of that type in the spreadsheet. */
  getProtections(type: unknown): FakeProtection[] {
    this.record('getProtections');
    return this.ctx.doc.protections.filter((p) => p.type === String(type)).map((p) => new FakeProtection(this, p.id));
  }

  removeMenu(_name: string): void {
    this.record('removeMenu');
  }
}

/** Creates a protection as Sheets does: mirroring the spreadsheet's editors. Not counted. */
function createProtection(ss: FakeSpreadsheet, type: 'RANGE' | 'SHEET', sheetId: number, rect: Rect | null): FakeProtection {
  const doc = ss.doc;
  const user = ss.env.currentUser;
  if (!isSpreadsheetEditor(doc, user)) fail(NO_PERMISSION_MESSAGE);
  const p: ProtectionState = {
    id: doc.nextProtectionId++, type, sheetId, rect, description: '', editors: null, createdBy: normEmail(user),
    domainEdit: doc.domainEdit, warningOnly: false, unprotected: [], rangeName: null,
  };
  doc.protections.push(p);
  return new FakeProtection(ss, p.id);
}

export class FakeSheet implements Pick<GSheet,
  'getName' | 'getSheetId' | 'getIndex' | 'getLastRow' | 'getLastColumn' | 'getMaxRows' | 'getMaxColumns' |
  'getFrozenRows' | 'getFrozenColumns' | 'isSheetHidden' | 'getColumnWidth' | 'getRowHeight' | 'getSheetName' |
  'setFrozenRows' | 'setFrozenColumns'> {
  constructor(private readonly ss: FakeSpreadsheet, readonly id: number) {}

  private get ctx(): SheetsContext {
    return this.ss.ctx;
  }

  /** The live state; throws once the sheet is deleted. */
  get state(): SheetState {
    return sheetState(this.ctx, this.id);
  }

  private record(method: string): void {
    this.ctx.env.record(`Sheet.${method}`);
  }

  getName(): string {
    this.record('getName');
    return this.state.name;
  }

  getSheetName(): string {
    this.record('getSheetName');
    return this.state.name;
  }

  setName(name: string): this {
    this.record('setName');
    const s = this.state;
    assertSheetWritable(this.ctx, s);
    const n = String(name);
    if (n.trim() === '') fail('Invalid argument: name');
    const other = sheetByName(this.ctx.doc, n);
    if (other && other.id !== s.id) fail(`A sheet with the name "${n}" already exists. Please enter another name.`);
    const old = s.name;
    s.name = n;
    if (old !== n) {
      formulasAfterRename(this.ctx.doc, old, n);
      recalculate(this.ctx.doc);
    }
    return this;
  }

  getSheetId(): number {
    this.record('getSheetId');
    return this.state.id;
  }

  /** 1-based position among the tabs. */
  getIndex(): number {
    this.record('getIndex');
    return this.ctx.doc.sheets.indexOf(this.state) + 1;
  }

  getParent(): FakeSpreadsheet {
    this.record('getParent');
    return this.ss;
  }

  /** getRange("B2:C3") or getRange(row, column, numRows?, numColumns?). */
  getRange(a: string | number, column?: number, numRows?: number, numColumns?: number): FakeRange {
    this.record('getRange');
    if (typeof a === 'string') return this.ss.resolveA1(a, this.id);
    return this.rangeAt(a, column, numRows ?? 1, numColumns ?? 1);
  }

  /** Bounds-checked numeric range, with Apps Script's messages. Not counted. */
  rangeAt(row: number, column: number | undefined, numRows: number, numColumns: number): FakeRange {
    const s = this.state;
    if (column === undefined) fail('Cannot find method getRange(number).');
    for (const v of [row, column, numRows, numColumns]) if (typeof v !== 'number' || !Number.isFinite(v)) fail('Invalid argument');
    if (row < 1) fail('The starting row of the range is too small.');
    if (column < 1) fail('The starting column of the range is too small.');
    if (numRows < 1) fail('The number of rows in the range must be at least 1.');
    if (numColumns < 1) fail('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > s.maxRows || column + numColumns - 1 > s.maxCols) {
      fail('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this.ss, this.id, Math.floor(row), Math.floor(column), Math.floor(numRows), Math.floor(numColumns));
  }

  getDataRange(): FakeRange {
    this.record('getDataRange');
    const s = this.state;
    return new FakeRange(this.ss, this.id, 1, 1, Math.max(lastRowOf(s), 1), Math.max(lastColumnOf(s), 1));
  }

  getLastRow(): number {
    this.record('getLastRow');
    return lastRowOf(this.state);
  }

  getLastColumn(): number {
    this.record('getLastColumn');
    return lastColumnOf(this.state);
  }

  getMaxRows(): number {
    this.record('getMaxRows');
    return this.state.maxRows;
  }

  getMaxColumns(): number {
    this.record('getMaxColumns');
    return this.state.maxCols;
  }

  /** Values of a block without a Range object; counted as one call. */
  getSheetValues(row: number, column: number, numRows: number, numColumns: number): CellValue[][] {
    this.record('getSheetValues');
    const s = this.state;
    const nr = numRows === -1 ? Math.max(lastRowOf(s) - row + 1, 0) : numRows;
    const nc = numColumns === -1 ? Math.max(lastColumnOf(s) - column + 1, 0) : numColumns;
    const D = this.ctx.dateCtor();
    return readGrid(s, row, column, nr, nc, (c) => cellValue(c, D));
  }

  private insertRows(after: number, howMany: number): void {
    const s = this.state;
    if (!Number.isInteger(after) || after < 0 || after > s.maxRows) fail('Those rows are out of bounds.');
    if (!Number.isInteger(howMany) || howMany < 1) fail('Invalid argument: howMany');
    assertSheetWritable(this.ctx, s);
    // Rows inserted inside a protected block would widen it: refused to those who may not edit it.
    if (blockingRangeSpans(this.ctx.doc, s, this.ctx.env.currentUser, (r) => r.r1 <= after && (r.r2 === null || r.r2 > after))) {
      fail(PROTECTED_CELL_MESSAGE);
    }
    const rows: SheetState['rows'] = {};
    for (const [r, cells] of Object.entries(s.rows)) rows[Number(r) > after ? Number(r) + howMany : Number(r)] = cells;
    s.rows = rows;
    s.maxRows += howMany;
    s.merges = s.merges.map((m) => shiftRect(m, after, howMany));
    for (const rule of s.rules) rule.ranges = rule.ranges.map((r) => shiftRect(r, after, howMany));
    for (const p of this.ctx.doc.protections) {
      if (p.sheetId !== s.id) continue;
      if (p.rect) p.rect = shiftRect(p.rect, after, howMany);
      p.unprotected = p.unprotected.map((r) => shiftRect(r, after, howMany));
    }
    formulasAfterInsert(this.ctx.doc, s, 'row', after, howMany);
    recalculate(this.ctx.doc);
  }

  private insertColumns(after: number, howMany: number): void {
    const s = this.state;
    if (!Number.isInteger(after) || after < 0 || after > s.maxCols) fail('Those columns are out of bounds.');
    if (!Number.isInteger(howMany) || howMany < 1) fail('Invalid argument: howMany');
    assertSheetWritable(this.ctx, s);
    if (blockingRangeSpans(this.ctx.doc, s, this.ctx.env.currentUser, (r) => r.c1 <= after && (r.c2 === null || r.c2 > after))) {
      fail(PROTECTED_CELL_MESSAGE);
    }
    for (const [r, cells] of Object.entries(s.rows)) {
      const moved: Record<string, CellState> = {};
      for (const [c, cell] of Object.entries(cells)) moved[Number(c) > after ? Number(c) + howMany : Number(c)] = cell;
      s.rows[r] = moved;
    }
    s.maxCols += howMany;
    s.merges = s.merges.map((m) => shiftRectColumns(m, after, howMany));
    for (const rule of s.rules) rule.ranges = rule.ranges.map((r) => shiftRectColumns(r, after, howMany));
    for (const p of this.ctx.doc.protections) {
      if (p.sheetId !== s.id) continue;
      if (p.rect) p.rect = shiftRectColumns(p.rect, after, howMany);
      p.unprotected = p.unprotected.map((r) => shiftRectColumns(r, after, howMany));
    }
    formulasAfterInsert(this.ctx.doc, s, 'col', after, howMany);
    recalculate(this.ctx.doc);
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.record('insertRowsAfter');
    if (afterPosition < 1) fail('Those rows are out of bounds.');
    this.insertRows(afterPosition, howMany);
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.record('insertRowsBefore');
    if (beforePosition < 1) fail('Those rows are out of bounds.');
    this.insertRows(beforePosition - 1, howMany);
    return this;
  }

  insertRowAfter(afterPosition: number): this {
    this.record('insertRowAfter');
    if (afterPosition < 1) fail('Those rows are out of bounds.');
    this.insertRows(afterPosition, 1);
    return this;
  }

  insertRowBefore(beforePosition: number): this {
    this.record('insertRowBefore');
    if (beforePosition < 1) fail('Those rows are out of bounds.');
    this.insertRows(beforePosition - 1, 1);
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.record('insertColumnsAfter');
    if (afterPosition < 1) fail('Those columns are out of bounds.');
    this.insertColumns(afterPosition, howMany);
    return this;
  }

  insertColumnAfter(afterPosition: number): this {
    this.record('insertColumnAfter');
    if (afterPosition < 1) fail('Those columns are out of bounds.');
    this.insertColumns(afterPosition, 1);
    return this;
  }

  /**
   * Deletes rows; refused when any of their cells is protected against the user. Protections,
   * merges and rule ranges inside the rows vanish, those spanning them shrink.
   */
  deleteRows(rowPosition: number, howMany: number): void {
    this.record('deleteRows');
    this.removeRows(rowPosition, howMany);
  }

  deleteRow(rowPosition: number): this {
    this.record('deleteRow');
    this.removeRows(rowPosition, 1);
    return this;
  }

  private removeRows(start: number, n: number): void {
    const s = this.state;
    if (!Number.isInteger(start) || !Number.isInteger(n) || start < 1 || n < 1 || start + n - 1 > s.maxRows) fail('Those rows are out of bounds.');
    if (n >= s.maxRows - s.frozenRows) fail('Sorry, it is not possible to delete all non-frozen rows.');
    assertWritable(this.ctx, s, { r1: start, c1: 1, r2: start + n - 1, c2: null });
    const end = start + n - 1;
    const rows: SheetState['rows'] = {};
    for (const [r, cells] of Object.entries(s.rows)) {
      const row = Number(r);
      if (row < start) rows[row] = cells;
      else if (row > end) rows[row - n] = cells;
    }
    s.rows = rows;
    s.maxRows -= n;
    const keep = (list: Rect[]) => list.map((r) => shrinkRect(r, start, n)).filter((r): r is Rect => r !== null);
    s.merges = keep(s.merges);
    s.rules = s.rules.map((rule) => ({ ...rule, ranges: keep(rule.ranges) })).filter((rule) => rule.ranges.length > 0);
    this.ctx.doc.protections = this.ctx.doc.protections.filter((p) => {
      if (p.sheetId !== s.id) return true;
      p.unprotected = keep(p.unprotected);
      if (!p.rect) return true;
      const next = shrinkRect(p.rect, start, n);
      if (next) p.rect = next;
      return next !== null;
    });
    formulasAfterRowDelete(this.ctx.doc, s, start, n);
    recalculate(this.ctx.doc);
  }

  /** Appends after the last row with content, growing the sheet when full. */
  appendRow(rowContents: unknown[]): this {
    this.record('appendRow');
    const s = this.state;
    if (!Array.isArray(rowContents) || rowContents.length === 0) fail('Invalid argument: rowContents');
    const row = lastRowOf(s) + 1;
    const rect = { r1: row, c1: 1, r2: row, c2: rowContents.length };
    const cells = [rowContents.map((v) => interpretInput(v, getCell(s, row, 1)?.nf, this.ctx.doc.timeZone))];
    validateInterpreted(cells);
    assertWritable(this.ctx, s, rect);
    if (row > s.maxRows) s.maxRows = row;
    if (rowContents.length > s.maxCols) s.maxCols = rowContents.length;
    writeInterpreted(s, row, 1, cells, this.ctx.doc);
    return this;
  }

  /** Contents and formats; validation and notes stay, as in Sheets. */
  clear(): this {
    this.record('clear');
    const s = this.state;
    assertWritable(this.ctx, s, { r1: 1, c1: 1, r2: null, c2: null });
    for (const row of Object.values(s.rows)) {
      for (const cell of Object.values(row)) {
        dropContent(cell);
        for (const k of ['nf', 'bg', 'fc', 'fw', 'fst', 'ha', 'va', 'wrap'] as const) delete cell[k];
      }
    }
    pruneAll(s);
    s.rules = [];
    recalculate(this.ctx.doc);
    return this;
  }

  clearContents(): this {
    this.record('clearContents');
    const s = this.state;
    assertWritable(this.ctx, s, { r1: 1, c1: 1, r2: null, c2: null });
    for (const row of Object.values(s.rows)) for (const cell of Object.values(row)) dropContent(cell);
    pruneAll(s);
    recalculate(this.ctx.doc);
    return this;
  }

  clearFormats(): this {
    this.record('clearFormats');
    const s = this.state;
    assertWritable(this.ctx, s, { r1: 1, c1: 1, r2: null, c2: null });
    for (const row of Object.values(s.rows)) {
      for (const cell of Object.values(row)) for (const k of ['nf', 'bg', 'fc', 'fw', 'fst', 'ha', 'va', 'wrap'] as const) delete cell[k];
    }
    pruneAll(s);
    return this;
  }

  setFrozenRows(rows: number): void {
    this.record('setFrozenRows');
    const s = this.state;
    assertSheetWritable(this.ctx, s);
    if (rows < 0 || rows > s.maxRows) fail('Invalid argument: rows');
    s.frozenRows = rows;
  }

  getFrozenRows(): number {
    this.record('getFrozenRows');
    return this.state.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this.record('setFrozenColumns');
    const s = this.state;
    assertSheetWritable(this.ctx, s);
    if (columns < 0 || columns > s.maxCols) fail('Invalid argument: columns');
    s.frozenCols = columns;
  }

  getFrozenColumns(): number {
    this.record('getFrozenColumns');
    return this.state.frozenCols;
  }

  setColumnWidth(column: number, width: number): this {
    this.record('setColumnWidth');
    const s = this.state;
    if (column < 1 || column > s.maxCols) fail('Those columns are out of bounds.');
    s.colWidths[column] = width;
    return this;
  }

  setColumnWidths(start: number, count: number, width: number): this {
    this.record('setColumnWidths');
    const s = this.state;
    if (start < 1 || start + count - 1 > s.maxCols) fail('Those columns are out of bounds.');
    for (let c = start; c < start + count; c++) s.colWidths[c] = width;
    return this;
  }

  getColumnWidth(column: number): number {
    this.record('getColumnWidth');
    return this.state.colWidths[column] ?? 100;
  }

  setRowHeight(row: number, height: number): this {
    this.record('setRowHeight');
    const s = this.state;
    if (row < 1 || row > s.maxRows) fail('Those rows are out of bounds.');
    s.rowHeights[row] = height;
    return this;
  }

  getRowHeight(row: number): number {
    this.record('getRowHeight');
    return this.state.rowHeights[row] ?? 21;
  }

  autoResizeColumns(_start: number, _count: number): this {
    this.record('autoResizeColumns');
    return this;
  }

  hideSheet(): this {
    this.record('hideSheet');
    const s = this.state;
    if (this.ctx.doc.sheets.filter((x) => !x.hidden && x.id !== s.id).length === 0) fail("You can't hide all the sheets in a document.");
    s.hidden = true;
    return this;
  }

  showSheet(): this {
    this.record('showSheet');
    this.state.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    this.record('isSheetHidden');
    return this.state.hidden;
  }

  setTabColor(color: string | null): this {
    this.record('setTabColor');
    this.state.tabColor = color;
    return this;
  }

  getTabColor(): string | null {
    this.record('getTabColor');
    return this.state.tabColor;
  }

  activate(): this {
    this.record('activate');
    this.ctx.selection = { sheetId: this.id, rect: null };
    return this;
  }

  /** The sheet's protection; calling it again returns the existing one. */
  protect(): FakeProtection {
    this.record('protect');
    const existing = this.ctx.doc.protections.find((p) => p.sheetId === this.id && p.type === 'SHEET');
    if (existing) return new FakeProtection(this.ss, existing.id);
    void this.state; // throws once the sheet is deleted
    return createProtection(this.ss, 'SHEET', this.id, null);
  }

  getProtections(type: unknown): FakeProtection[] {
    this.record('getProtections');
    void this.state; // throws once the sheet is deleted
    return this.ctx.doc.protections
      .filter((p) => p.sheetId === this.id && p.type === String(type))
      .map((p) => new FakeProtection(this.ss, p.id));
  }

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    this.record('getConditionalFormatRules');
    return this.state.rules.map((r) => new FakeConditionalFormatRule(
      this.ctx.env, { ...structuredClone(r), sheetId: this.id }, (id, rect) => this.ss.rangeOn(id, rect)));
  }

  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    this.record('setConditionalFormatRules');
    const s = this.state;
    assertSheetWritable(this.ctx, s);
    for (const r of rules) if (!(r instanceof FakeConditionalFormatRule)) fail('Invalid argument: rules');
    s.rules = rules.map((r) => {
      const { sheetId: _sheetId, ...rest } = structuredClone(r.state) as RuleWithSheet;
      return rest;
    });
  }

  clearConditionalFormatRules(): void {
    this.record('clearConditionalFormatRules');
    this.state.rules = [];
  }
}

/** Is there a range protection the user may not edit whose block matches `spans`? */
function blockingRangeSpans(doc: SpreadsheetState, sheet: SheetState, user: string, spans: (r: Rect) => boolean): boolean {
  return doc.protections.some((p) => p.sheetId === sheet.id && p.type === 'RANGE' && p.rect !== null && !p.warningOnly
    && !mayEditUnder(doc, p, user) && spans(p.rect));
}

function pruneAll(s: SheetState): void {
  for (const [r, row] of Object.entries(s.rows)) for (const c of Object.keys(row)) prune(s, Number(r), Number(c));
}

function readGrid<T>(s: SheetState, row: number, col: number, numRows: number, numCols: number, f: (c: CellState | undefined) => T): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < numRows; i++) {
    const line: T[] = [];
    const r = s.rows[row + i];
    for (let j = 0; j < numCols; j++) line.push(f(r?.[col + j]));
    out.push(line);
  }
  return out;
}

type FormatKey = 'nf' | 'bg' | 'fc' | 'fw' | 'fst' | 'ha' | 'va' | 'wrap' | 'note';

const FORMAT_DEFAULTS: Record<FormatKey, unknown> = {
  nf: '0.###############', bg: '#ffffff', fc: '#000000', fw: 'normal', fst: 'normal', ha: 'general', va: 'bottom', wrap: false, note: '',
};

export class FakeRange implements Pick<GRange,
  'getValues' | 'getDisplayValues' | 'getDisplayValue' | 'getValue' | 'getFormulas' | 'getFormula' | 'getA1Notation' |
  'getRow' | 'getRowIndex' | 'getColumn' | 'getLastRow' | 'getLastColumn' | 'getNumRows' | 'getNumColumns' | 'getHeight' |
  'getWidth' | 'getBackgrounds' | 'getBackground' | 'getNotes' | 'getNote' | 'getNumberFormats' | 'getNumberFormat' |
  'getFontWeights' | 'getFontWeight' | 'getFontColors' | 'getWraps' | 'getHorizontalAlignments' | 'isPartOfMerge' |
  'isBlank' | 'canEdit' | 'getGridId'> {
  constructor(
    private readonly ss: FakeSpreadsheet,
    readonly sheetId: number,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
    /** Open-ended rows or columns ("B:B", "3:5"), kept for A1 notation and protections. */
    readonly openRows = false,
    readonly openCols = false,
  ) {}

  private get ctx(): SheetsContext {
    return this.ss.ctx;
  }

  private get sheetState(): SheetState {
    return sheetState(this.ctx, this.sheetId);
  }

  private record(method: string): void {
    this.ctx.env.record(`Range.${method}`);
  }

  /** The block, open ends kept open. */
  toRect(): Rect {
    return {
      r1: this.row, c1: this.col,
      r2: this.openRows ? null : this.row + this.numRows - 1,
      c2: this.openCols ? null : this.col + this.numCols - 1,
    };
  }

  private boundedRect(): Rect {
    return { r1: this.row, c1: this.col, r2: this.row + this.numRows - 1, c2: this.col + this.numCols - 1 };
  }

  getSheetIdForRule(): number {
    return this.sheetId;
  }

  private read<T>(f: (c: CellState | undefined) => T): T[][] {
    return readGrid(this.sheetState, this.row, this.col, this.numRows, this.numCols, f);
  }

  private assertShape(data: unknown, what = 'data'): asserts data is unknown[][] {
    if (!Array.isArray(data) || data.some((r) => !Array.isArray(r))) fail(`The parameters (${typeof data}) don't match the method signature.`);
    if (data.length !== this.numRows) {
      fail(`The number of rows in the ${what} does not match the number of rows in the range. The ${what} has ${data.length} but the range has ${this.numRows}.`);
    }
    for (const r of data as unknown[][]) {
      if (r.length !== this.numCols) {
        fail(`The number of columns in the ${what} does not match the number of columns in the range. The ${what} has ${r.length} but the range has ${this.numCols}.`);
      }
    }
  }

  /** Checks then writes a grid of raw values (strings read as Sheets reads them). */
  private writeValues(raw: unknown[][]): void {
    const s = this.sheetState;
    const tz = this.ctx.doc.timeZone;
    const cells = raw.map((line, i) => line.map((v, j) => interpretInput(v, getCell(s, this.row + i, this.col + j)?.nf, tz)));
    validateInterpreted(cells);
    assertWritable(this.ctx, s, this.boundedRect());
    writeInterpreted(s, this.row, this.col, cells, this.ctx.doc);
  }

  /** Sets one attribute on every cell (null clears it), after the protection check. */
  private setAll(key: FormatKey, value: unknown): void {
    const s = this.sheetState;
    assertWritable(this.ctx, s, this.boundedRect());
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numCols; j++) {
        const r = this.row + i, c = this.col + j;
        const cell = cellFor(s, r, c);
        if (value === null || value === undefined || value === '') delete cell[key];
        else (cell as Record<string, unknown>)[key] = value;
        prune(s, r, c);
      }
    }
  }

  private setEach(key: FormatKey, grid: unknown, what: string): void {
    this.assertShape(grid, what);
    const s = this.sheetState;
    assertWritable(this.ctx, s, this.boundedRect());
    grid.forEach((line, i) => line.forEach((value, j) => {
      const r = this.row + i, c = this.col + j;
      const cell = cellFor(s, r, c);
      if (value === null || value === undefined || value === '') delete cell[key];
      else (cell as Record<string, unknown>)[key] = value;
      prune(s, r, c);
    }));
  }

  private getAll<T>(key: FormatKey): T[][] {
    return this.read((c) => (c?.[key] ?? FORMAT_DEFAULTS[key]) as T);
  }

  // ——— position ———

  getSheet(): FakeSheet {
    this.record('getSheet');
    void this.sheetState; // throws once the sheet is deleted
    return this.ss.sheetObject(this.sheetId);
  }

  getGridId(): number {
    this.record('getGridId');
    return this.sheetId;
  }

  getRow(): number { this.record('getRow'); return this.row; }
  getRowIndex(): number { this.record('getRowIndex'); return this.row; }
  getColumn(): number { this.record('getColumn'); return this.col; }
  getNumRows(): number { this.record('getNumRows'); return this.numRows; }
  getNumColumns(): number { this.record('getNumColumns'); return this.numCols; }
  getHeight(): number { this.record('getHeight'); return this.numRows; }
  getWidth(): number { this.record('getWidth'); return this.numCols; }
  /** The range's last row (not the sheet's). */
  getLastRow(): number { this.record('getLastRow'); return this.row + this.numRows - 1; }
  getLastColumn(): number { this.record('getLastColumn'); return this.col + this.numCols - 1; }

  getA1Notation(): string {
    this.record('getA1Notation');
    return this.a1();
  }

  /** A1 notation without counting a call (for messages and tests). */
  a1(): string {
    if (this.openRows && this.row === 1) return `${numberToColumn(this.col)}:${numberToColumn(this.col + this.numCols - 1)}`;
    if (this.openRows) return `${numberToColumn(this.col)}${this.row}:${numberToColumn(this.col + this.numCols - 1)}`;
    if (this.openCols && this.col === 1) return `${this.row}:${this.row + this.numRows - 1}`;
    return toA1(this.row, this.col, this.row + this.numRows - 1, this.col + this.numCols - 1);
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    this.record('offset');
    return this.ss.sheetObject(this.sheetId).rangeAt(
      this.row + rowOffset, this.col + columnOffset, numRows ?? this.numRows, numColumns ?? this.numCols);
  }

  /** A cell inside the range, 1-based relative to it. */
  getCell(row: number, column: number): FakeRange {
    this.record('getCell');
    if (row < 1 || column < 1 || row > this.numRows || column > this.numCols) fail('Cell reference out of range');
    return new FakeRange(this.ss, this.sheetId, this.row + row - 1, this.col + column - 1, 1, 1);
  }

  activate(): this {
    this.record('activate');
    this.ctx.selection = { sheetId: this.sheetId, rect: this.toRect() };
    return this;
  }

  // ——— values ———

  getValues(): CellValue[][] {
    this.record('getValues');
    const D = this.ctx.dateCtor();
    return this.read((c) => cellValue(c, D));
  }

  getValue(): CellValue {
    this.record('getValue');
    return cellValue(getCell(this.sheetState, this.row, this.col), this.ctx.dateCtor());
  }

  getDisplayValues(): string[][] {
    this.record('getDisplayValues');
    const tz = this.ctx.doc.timeZone;
    return this.read((c) => displayValue(shownValue(c), c?.nf, tz));
  }

  getDisplayValue(): string {
    this.record('getDisplayValue');
    const c = getCell(this.sheetState, this.row, this.col);
    return displayValue(shownValue(c), c?.nf, this.ctx.doc.timeZone);
  }

  /** Shape must match exactly; strings are read as Sheets reads them ("8,5" → 8.5, "=…" → formula). */
  setValues(values: unknown[][]): this {
    this.record('setValues');
    this.assertShape(values);
    this.writeValues(values);
    return this;
  }

  /** Sets every cell of the range to the value. */
  setValue(value: unknown): this {
    this.record('setValue');
    this.writeValues(Array.from({ length: this.numRows }, () => Array.from({ length: this.numCols }, () => value)));
    return this;
  }

  getFormulas(): string[][] {
    this.record('getFormulas');
    return this.read((c) => c?.f ?? '');
  }

  getFormula(): string {
    this.record('getFormula');
    return getCell(this.sheetState, this.row, this.col)?.f ?? '';
  }

  setFormulas(formulas: string[][]): this {
    this.record('setFormulas');
    this.assertShape(formulas);
    for (const line of formulas) for (const f of line) if (typeof f !== 'string') fail('Invalid argument: formulas');
    this.writeValues(formulas);
    return this;
  }

  setFormula(formula: string): this {
    this.record('setFormula');
    if (typeof formula !== 'string') fail('Invalid argument: formula');
    this.writeValues(Array.from({ length: this.numRows }, () => Array.from({ length: this.numCols }, () => formula)));
    return this;
  }

  /** Clears values and formulas; formats, notes and validation stay. */
  clearContent(): this {
    this.record('clearContent');
    const s = this.sheetState;
    assertWritable(this.ctx, s, this.boundedRect());
    this.eachStored(s, dropContent);
    recalculate(this.ctx.doc);
    return this;
  }

  /** Clears contents and formats (clear({ validationsOnly: true }) etc. as in Apps Script). */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; commentsOnly?: boolean }): this {
    this.record('clear');
    const s = this.sheetState;
    assertWritable(this.ctx, s, this.boundedRect());
    const o = options ?? {};
    const all = !o.contentsOnly && !o.formatOnly && !o.validationsOnly && !o.commentsOnly;
    this.eachStored(s, (cell) => {
      if (all || o.contentsOnly) dropContent(cell);
      if (all || o.formatOnly) for (const k of ['nf', 'bg', 'fc', 'fw', 'fst', 'ha', 'va', 'wrap'] as const) delete cell[k];
      if (o.validationsOnly) delete cell.dv;
      if (o.commentsOnly) delete cell.note;
    });
    recalculate(this.ctx.doc);
    return this;
  }

  clearFormat(): this {
    this.record('clearFormat');
    const s = this.sheetState;
    assertWritable(this.ctx, s, this.boundedRect());
    this.eachStored(s, (cell) => { for (const k of ['nf', 'bg', 'fc', 'fw', 'fst', 'ha', 'va', 'wrap'] as const) delete cell[k]; });
    return this;
  }

  clearNote(): this {
    this.record('clearNote');
    const s = this.sheetState;
    assertWritable(this.ctx, s, this.boundedRect());
    this.eachStored(s, (cell) => { delete cell.note; });
    return this;
  }

  private eachStored(s: SheetState, f: (c: CellState) => void): void {
    for (let i = 0; i < this.numRows; i++) {
      const row = s.rows[this.row + i];
      if (!row) continue;
      for (let j = 0; j < this.numCols; j++) {
        const cell = row[this.col + j];
        if (!cell) continue;
        f(cell);
        prune(s, this.row + i, this.col + j);
      }
    }
  }

  isBlank(): boolean {
    this.record('isBlank');
    return this.read((c) => hasContent(c)).every((line) => line.every((x) => !x));
  }

  /** Can the current user edit every cell of the range? */
  canEdit(): boolean {
    this.record('canEdit');
    const user = this.ctx.env.currentUser;
    return isSpreadsheetEditor(this.ctx.doc, user) && !firstBlockedCell(this.ctx.doc, this.sheetState, this.boundedRect(), user);
  }

  // ——— formats ———

  setNumberFormat(format: string): this { this.record('setNumberFormat'); this.setAll('nf', format); return this; }
  setNumberFormats(formats: string[][]): this { this.record('setNumberFormats'); this.setEach('nf', formats, 'data'); return this; }
  getNumberFormat(): string { this.record('getNumberFormat'); return this.getAll<string>('nf')[0]![0]!; }
  getNumberFormats(): string[][] { this.record('getNumberFormats'); return this.getAll('nf'); }
  setFontWeight(w: 'bold' | 'normal' | null): this { this.record('setFontWeight'); this.setAll('fw', w === 'normal' ? null : w); return this; }
  setFontWeights(w: Array<Array<string | null>>): this { this.record('setFontWeights'); this.setEach('fw', w.map((l) => l.map((x) => (x === 'normal' ? null : x))), 'data'); return this; }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight { this.record('getFontWeight'); return this.getAll<GoogleAppsScript.Spreadsheet.FontWeight>('fw')[0]![0]!; }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] { this.record('getFontWeights'); return this.getAll('fw'); }
  setFontStyle(st: string | null): this { this.record('setFontStyle'); this.setAll('fst', st === 'normal' ? null : st); return this; }
  setFontColor(color: string | null): this { this.record('setFontColor'); this.setAll('fc', color); return this; }
  setFontColors(colors: unknown[][]): this { this.record('setFontColors'); this.setEach('fc', colors, 'data'); return this; }
  getFontColor(): string { this.record('getFontColor'); return this.getAll<string>('fc')[0]![0]!; }
  getFontColors(): string[][] { this.record('getFontColors'); return this.getAll('fc'); }
  setFontSize(_size: number): this { this.record('setFontSize'); assertWritable(this.ctx, this.sheetState, this.boundedRect()); return this; }
  setFontFamily(_f: string | null): this { this.record('setFontFamily'); assertWritable(this.ctx, this.sheetState, this.boundedRect()); return this; }
  setBackground(color: string | null): this { this.record('setBackground'); this.setAll('bg', color); return this; }
  setBackgrounds(colors: Array<Array<string | null>>): this { this.record('setBackgrounds'); this.setEach('bg', colors, 'data'); return this; }
  getBackground(): string { this.record('getBackground'); return this.getAll<string>('bg')[0]![0]!; }
  getBackgrounds(): string[][] { this.record('getBackgrounds'); return this.getAll('bg'); }
  setWrap(wrap: boolean): this { this.record('setWrap'); this.setAll('wrap', wrap ? true : null); return this; }
  setWraps(wraps: boolean[][]): this { this.record('setWraps'); this.setEach('wrap', wraps.map((l) => l.map((x) => (x ? true : null))), 'data'); return this; }
  getWrap(): boolean { this.record('getWrap'); return this.getAll<boolean>('wrap')[0]![0]!; }
  getWraps(): boolean[][] { this.record('getWraps'); return this.getAll('wrap'); }
  setWrapStrategy(strategy: unknown): this { this.record('setWrapStrategy'); this.setAll('wrap', String(strategy) === 'WRAP' ? true : null); return this; }
  setHorizontalAlignment(a: 'left' | 'center' | 'normal' | 'right' | null): this { this.record('setHorizontalAlignment'); this.setAll('ha', a === 'normal' ? null : a); return this; }
  setHorizontalAlignments(a: Array<Array<string | null>>): this { this.record('setHorizontalAlignments'); this.setEach('ha', a, 'data'); return this; }
  getHorizontalAlignments(): string[][] { this.record('getHorizontalAlignments'); return this.getAll('ha'); }
  setVerticalAlignment(a: 'top' | 'middle' | 'bottom' | null): this { this.record('setVerticalAlignment'); this.setAll('va', a); return this; }
  setBorder(..._args: unknown[]): this { this.record('setBorder'); assertWritable(this.ctx, this.sheetState, this.boundedRect()); return this; }

  setNote(note: string | null): this { this.record('setNote'); this.setAll('note', note === null ? null : String(note)); return this; }
  setNotes(notes: Array<Array<string | null>>): this { this.record('setNotes'); this.setEach('note', notes, 'notes'); return this; }
  getNote(): string { this.record('getNote'); return this.getAll<string>('note')[0]![0]!; }
  getNotes(): string[][] { this.record('getNotes'); return this.getAll('note'); }

  // ——— data validation ———

  setDataValidation(rule: FakeDataValidation | null): this {
    this.record('setDataValidation');
    if (rule !== null && !(rule instanceof FakeDataValidation)) fail('Invalid argument: rule');
    const s = this.sheetState;
    assertWritable(this.ctx, s, this.boundedRect());
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numCols; j++) {
        const cell = cellFor(s, this.row + i, this.col + j);
        if (rule) cell.dv = structuredClone(rule.state);
        else delete cell.dv;
        prune(s, this.row + i, this.col + j);
      }
    }
    return this;
  }

  setDataValidations(rules: Array<Array<FakeDataValidation | null>>): this {
    this.record('setDataValidations');
    this.assertShape(rules, 'data');
    for (const line of rules) for (const r of line) if (r !== null && !(r instanceof FakeDataValidation)) fail('Invalid argument: rules');
    const s = this.sheetState;
    assertWritable(this.ctx, s, this.boundedRect());
    rules.forEach((line, i) => line.forEach((rule, j) => {
      const cell = cellFor(s, this.row + i, this.col + j);
      if (rule) cell.dv = structuredClone(rule.state);
      else delete cell.dv;
      prune(s, this.row + i, this.col + j);
    }));
    return this;
  }

  getDataValidation(): FakeDataValidation | null {
    this.record('getDataValidation');
    const dv = getCell(this.sheetState, this.row, this.col)?.dv;
    return dv ? new FakeDataValidation(this.ctx.env, structuredClone(dv)) : null;
  }

  getDataValidations(): Array<Array<FakeDataValidation | null>> {
    this.record('getDataValidations');
    return this.read((c) => (c?.dv ? new FakeDataValidation(this.ctx.env, structuredClone(c.dv)) : null));
  }

  clearDataValidations(): this {
    this.record('clearDataValidations');
    const s = this.sheetState;
    assertWritable(this.ctx, s, this.boundedRect());
    this.eachStored(s, (cell) => { delete cell.dv; });
    return this;
  }

  // ——— protection, merges ———

  /** A new range protection mirroring the spreadsheet's editors (as in Sheets). */
  protect(): FakeProtection {
    this.record('protect');
    void this.sheetState; // throws once the sheet is deleted
    return createProtection(this.ss, 'RANGE', this.sheetId, this.toRect());
  }

  /** Keeps the top-left value only, as Sheets does. */
  merge(): this {
    this.record('merge');
    const s = this.sheetState;
    const rect = this.boundedRect();
    assertWritable(this.ctx, s, rect);
    if (s.merges.some((m) => rectsIntersect(m, rect) && !(m.r1 >= rect.r1 && m.c1 >= rect.c1 && m.r2! <= rect.r2! && m.c2! <= rect.c2!))) {
      fail('You must select all cells in a merged range to merge or unmerge them.');
    }
    s.merges = s.merges.filter((m) => !rectsIntersect(m, rect));
    if (this.numRows * this.numCols > 1) s.merges.push(rect);
    this.eachStored(s, (cell) => {
      if (cell === getCell(s, this.row, this.col)) return;
      dropContent(cell);
    });
    recalculate(this.ctx.doc);
    return this;
  }

  mergeAcross(): this {
    this.record('mergeAcross');
    const s = this.sheetState;
    assertWritable(this.ctx, s, this.boundedRect());
    for (let i = 0; i < this.numRows; i++) {
      const rect = { r1: this.row + i, c1: this.col, r2: this.row + i, c2: this.col + this.numCols - 1 };
      s.merges = s.merges.filter((m) => !rectsIntersect(m, rect));
      if (this.numCols > 1) s.merges.push(rect);
    }
    return this;
  }

  breakApart(): this {
    this.record('breakApart');
    const s = this.sheetState;
    assertWritable(this.ctx, s, this.boundedRect());
    s.merges = s.merges.filter((m) => !rectsIntersect(m, this.boundedRect()));
    return this;
  }

  isPartOfMerge(): boolean {
    this.record('isPartOfMerge');
    return this.sheetState.merges.some((m) => rectsIntersect(m, this.boundedRect()));
  }

  getMergedRanges(): FakeRange[] {
    this.record('getMergedRanges');
    return this.sheetState.merges.filter((m) => rectsIntersect(m, this.boundedRect())).map((m) => this.ss.rangeOn(this.sheetId, m));
  }
}
