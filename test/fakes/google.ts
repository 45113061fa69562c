/**
 * The factory: one in-memory Google (SpreadsheetApp with Ui, Session, LockService,
 * PropertiesService, ScriptApp, HtmlService, Utilities, Logger) over one shared state, for unit
 * and scenario tests, the offline playground (installGlobals onto a node:vm context) and the
 * benchmark (env.calls × a latency model).
 *
 *   const g = createFakeGoogle({ owner: 'chanh.vp@vks.gov.vn', editors: ['bd@vks.gov.vn'] });
 *   g.installGlobals(globalThis);                 // or a vm context
 *   g.userEdit('bd@vks.gov.vn', 'Bình Dương', 'F5', 8.5);  // a person typing: protections apply
 *   const b = g.fork({ user: 'bd@vks.gov.vn' });  // a second execution over the same state
 */
import vm from 'node:vm';
import { parseA1, toA1 } from './a1';
import { FakeEnv } from './env';
import { FakeHtmlService } from './html';
import { FakeLockService, newLockState, releaseLocksOf, trackWrites, type LockState } from './lock';
import { FakePropertiesService, newPropertiesState, type PropertiesState } from './properties';
import { FakeScriptApp, newTriggersState, type TriggerState, type TriggersState } from './script';
import { grantsOf, installScopeGate } from './scopes';
import { FakeSession, type AuthModeName, type ExecutionInfo } from './session';
import { FormulaError, formulaMessages } from './formulas';
import { recalculate, setFormulaHost, hasFormulaHost } from './sheets-formulas';
import {
  PROTECTED_CELL_MESSAGE, cellFor, firstBlockedCell, getCell, hasContent, isSpreadsheetEditor, mayEditUnder, normEmail, protectionCovers,
  shownValue, type Rect, type SheetState, type SpreadsheetState,
} from './sheets-model';
import { FakeUser } from './sheets-protection';
import { FakeUi } from './sheets-ui';
import { validationAccepts } from './sheets-validation';
import { MAX_CELL_CHARS, displayValue, fromStored, interpretInput, toStored, type CellValue, type StoredValue } from './sheets-values';
import {
  FakeRange, FakeSheet, FakeSpreadsheet, FakeSpreadsheetApp, cellValue, newSpreadsheetState, writeInterpreted, type SheetsContext,
} from './spreadsheet';
import { FakeUtilities, type SimClock } from './utilities';

/** What Sheets tells a person who types into a protected cell (vi_VN UI). */
export const PROTECTED_EDIT_MESSAGE =
  'Bạn đang cố chỉnh sửa một ô hoặc đối tượng được bảo vệ. Vui lòng liên hệ với chủ sở hữu bảng tính để xóa tính năng bảo vệ nếu bạn cần chỉnh sửa.';
/** A warning-only protection: the edit goes through after this warning. */
export const WARNING_ONLY_MESSAGE =
  'Bạn đang cố chỉnh sửa một phần của trang tính mà không nên thay đổi do vô ý. Bạn vẫn muốn chỉnh sửa?';
/** Someone the file is not shared with as editor. */
export const VIEW_ONLY_MESSAGE = 'Bạn chỉ có quyền xem bảng tính này.';
/** Typed input rejected by a data validation rule that does not allow invalid data. */
export const invalidDataMessage = (a1: string) =>
  `Dữ liệu bạn đã nhập vào ô ${a1} vi phạm các quy tắc xác thực dữ liệu được đặt trên ô này.`;
export const CELL_TOO_LONG_MESSAGE = `Nội dung của một ô không được vượt quá ${MAX_CELL_CHARS} ký tự.`;

export interface SharedState {
  spreadsheet: SpreadsheetState;
  properties: PropertiesState;
  triggers: TriggersState;
  locks: LockState;
  clock: SimClock;
  scriptId: string;
  /** Counter for execution ids. */
  executions: number;
  /** State of other fakes (Drive, documents …) by name: plain JSON, serialised with the rest. */
  extensions: Record<string, unknown>;
}

/**
 * Everything that persists, as plain JSON: the spreadsheet (sheets with their cells — values,
 * formulas, formats, notes, validations — rules, merges, protections, sharing), properties,
 * triggers and the simulated clock. Dates are { "$date": ISO }. Locks are not kept: they die
 * with their executions.
 */
export interface SerializedState {
  version: 1;
  spreadsheet: SpreadsheetState;
  properties: PropertiesState;
  triggers: TriggersState;
  clock: SimClock;
  scriptId: string;
  /** Other fakes' state (see SharedState.extensions); absent in states saved before it existed. */
  extensions?: Record<string, unknown>;
}

export interface FakeGoogleOptions {
  /** Spreadsheet owner (default "owner@example.com"); also the first current user. */
  owner?: string;
  spreadsheetName?: string;
  spreadsheetId?: string;
  /** Where createHtmlOutputFromFile reads `${name}.html` (default: <repo>/dist). */
  htmlDir?: string;
  /** Start from a serialised state instead of a blank spreadsheet. */
  state?: SerializedState;
  /** People the file is shared with as editors (only they and the owner may edit anything). */
  editors?: string[];
  /** "Anyone with the link can edit". */
  anyoneCanEdit?: boolean;
  /** Current user of this execution (default: the owner). */
  user?: string;
  /** Start of the simulated clock. */
  now?: Date | number;
  /** How this execution was started (default FULL). */
  authMode?: AuthModeName;
  /** Where trigger handlers are looked up (default: the target of installGlobals). */
  handlers?: Record<string, unknown>;
  /** The add-on menu's caption. */
  addonName?: string;
  /**
   * What kind of Google accounts people use, which decides whom an installable trigger (running
   * as its creator) may see as the editor, in e.user and Session.getActiveUser():
   * 'consumer' (default: gmail.com-style accounts) shows no one but the creator themselves;
   * 'workspace' shows an editor of the creator's own Workspace domain too.
   */
  accounts?: 'consumer' | 'workspace';
  /** The file lives in a shared drive: Spreadsheet.getOwner() is null. */
  sharedDrive?: boolean;
  /** Plausible e-mail addresses that are no Google account (Protection.addEditors refuses them). */
  notGoogleAccounts?: string[];
  /** More globals (DocumentApp, DriveApp …) built per execution by other fakes. */
  extraGlobals?: (ctx: { env: FakeEnv; shared: SharedState; exec: ExecutionInfo }) => Record<string, unknown>;
  /**
   * A published editor add-on (default true): its time-driven triggers run at most once an hour
   * and a user has one trigger of each type. False for a script bound to its sheet.
   */
  addon?: boolean;
}

export type UserEditResult =
  | { ok: true; warning?: string; triggerErrors: unknown[] }
  | { ok: false; message: string };

export type UserActionResult = { ok: true; triggerErrors: unknown[] } | { ok: false; message: string };

export interface TriggerRun {
  handler: string;
  triggerId: string;
  user: string;
  error?: unknown;
}

/** A Logger that keeps what was logged. */
export class FakeLogger {
  readonly lines: string[] = [];
  constructor(private readonly env: FakeEnv) {}
  log(format: unknown, ...args: unknown[]): this {
    this.env.record('Logger.log');
    let i = 0;
    const text = typeof format === 'string' && args.length
      ? format.replace(/%s/g, () => String(args[i++]))
      : [format, ...args].map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    this.lines.push(text);
    return this;
  }
  getLog(): string {
    this.env.record('Logger.getLog');
    return this.lines.join('\n');
  }
  clear(): this {
    this.env.record('Logger.clear');
    this.lines.length = 0;
    return this;
  }
}

export interface FakeGlobals {
  SpreadsheetApp: FakeSpreadsheetApp;
  Session: FakeSession;
  LockService: FakeLockService;
  PropertiesService: FakePropertiesService;
  ScriptApp: FakeScriptApp;
  HtmlService: FakeHtmlService;
  Utilities: FakeUtilities;
  Logger: FakeLogger;
  console: Pick<Console, 'log' | 'info' | 'warn' | 'error'>;
  [name: string]: unknown;
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function newSharedState(o: FakeGoogleOptions): SharedState {
  const owner = o.owner ?? 'owner@example.com';
  if (o.state) {
    if (o.state.version !== 1) throw new Error(`Unknown fake state version ${String(o.state.version)}`);
    const s = clone(o.state);
    return {
      spreadsheet: s.spreadsheet, properties: s.properties, triggers: s.triggers, clock: s.clock, scriptId: s.scriptId,
      locks: newLockState(), executions: 0, extensions: s.extensions ?? {},
    };
  }
  const spreadsheet = newSpreadsheetState({ owner, name: o.spreadsheetName, id: o.spreadsheetId, editors: o.editors });
  spreadsheet.anyoneCanEdit = o.anyoneCanEdit ?? false;
  if (o.sharedDrive) spreadsheet.sharedDrive = true;
  if (o.notGoogleAccounts) spreadsheet.notGoogleAccounts = o.notGoogleAccounts.map(normEmail);
  const now = o.now === undefined ? Date.now() : typeof o.now === 'number' ? o.now : o.now.getTime();
  return {
    spreadsheet, properties: newPropertiesState(), triggers: newTriggersState(), locks: newLockState(),
    clock: { now }, scriptId: '1FakeScriptId000000000000000000000000000000000000000000', executions: 0, extensions: {},
  };
}

/** Apps Script's serial day number, as e.value shows a date. */
function serialDay(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** e.value / e.oldValue are strings in Apps Script ("TRUE" for a ticked box). */
function eventString(v: StoredValue | undefined): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') return String(serialDay(new Date(v.$date)));
  return String(v);
}

/** One execution over a shared state. Create with createFakeGoogle(); a second one with fork(). */
export class FakeGoogle {
  readonly env: FakeEnv;
  readonly exec: ExecutionInfo;
  readonly ui: FakeUi;
  readonly globals: FakeGlobals;
  readonly spreadsheet: FakeSpreadsheet;
  readonly sheetsContext: SheetsContext;
  private handlerScope: Record<string, unknown> | null;
  /** Where globals were installed: once it is a vm context, its Date is used for cell dates. */
  private installTarget: object | null = null;
  private realmDate: DateConstructor | null = null;

  constructor(readonly shared: SharedState, private readonly options: FakeGoogleOptions) {
    this.env = new FakeEnv(shared.spreadsheet.owner);
    this.env.currentUser = normEmail(options.user ?? shared.spreadsheet.owner);
    this.exec = { id: `exec-${++shared.executions}`, authMode: options.authMode ?? 'FULL' };
    // Granular consent first (a refused call does nothing), then the writes a flush would apply.
    installScopeGate(this.env, this.exec, () => grantsOf(shared));
    trackWrites(this.env, this.exec, shared.locks);
    this.ui = new FakeUi(this.env, options.addonName);
    this.handlerScope = options.handlers ?? null;
    if (options.handlers && !hasFormulaHost(shared.spreadsheet)) this.hostFormulas();
    this.sheetsContext = {
      env: this.env, doc: shared.spreadsheet, ui: this.ui, exec: this.exec, selection: { sheetId: null, rect: null },
      dateCtor: () => this.dateCtor(),
    };
    const SpreadsheetApp = new FakeSpreadsheetApp(this.sheetsContext);
    this.spreadsheet = SpreadsheetApp.spreadsheet;
    const logger = new FakeLogger(this.env);
    const log = (...a: unknown[]) => { logger.lines.push(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' ')); };
    this.globals = {
      SpreadsheetApp,
      Session: new FakeSession(this.env),
      LockService: new FakeLockService(this.env, this.exec, shared.locks, shared.clock),
      PropertiesService: new FakePropertiesService(this.env, this.exec, shared.properties),
      ScriptApp: new FakeScriptApp(this.env, this.exec, shared.triggers, shared.clock, shared.spreadsheet.id, shared.scriptId,
        { addon: options.addon ?? true, grants: () => grantsOf(shared) }),
      HtmlService: new FakeHtmlService(this.env, options.htmlDir),
      Utilities: new FakeUtilities(this.env, shared.clock),
      Logger: logger,
      console: { log, info: log, warn: log, error: log },
      ...(options.extraGlobals?.({ env: this.env, shared, exec: this.exec }) ?? {}),
    };
  }

  /** The globals typed as the real services, for adapters typed against @types/google-apps-script. */
  get apps(): {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    Session: GoogleAppsScript.Base.Session;
    LockService: GoogleAppsScript.Lock.LockService;
    PropertiesService: GoogleAppsScript.Properties.PropertiesService;
    ScriptApp: GoogleAppsScript.Script.ScriptApp;
    HtmlService: GoogleAppsScript.HTML.HtmlService;
    Utilities: GoogleAppsScript.Utilities.Utilities;
  } {
    return this.globals as never;
  }

  /** Log lines from Logger.log and console.*. */
  get logs(): string[] {
    return this.globals.Logger.lines;
  }

  /** Copies the globals onto a vm context or globalThis; trigger handlers are then looked up there. */
  installGlobals(target: object): void {
    const { console: recordingConsole, ...services } = this.globals;
    Object.assign(target, services);
    // Keep a console the host already gave (the playground prints); else record to logs.
    if (!('console' in target)) Object.assign(target, { console: recordingConsole });
    this.handlerScope ??= target as Record<string, unknown>;
    this.installTarget = target;
    this.realmDate = null;
    this.hostFormulas();
  }

  /** Custom functions in formulas are this execution's script's top-level functions (its handler scope). */
  private hostFormulas(): void {
    setFormulaHost(this.shared.spreadsheet, {
      customName: (name) => {
        const scope = this.handlerScope;
        if (!scope) return null;
        if (typeof scope[name] === 'function') return name;
        return Object.keys(scope).find((k) => k.toUpperCase() === name && !k.endsWith('_') && typeof scope[k] === 'function') ?? null;
      },
      call: (name, args) => this.runCustomFunction(name, args),
    });
  }

  /**
   * Runs a custom function as Sheets does: its own execution in AuthMode.CUSTOM_FUNCTION (no
   * service that needs authorisation, no Ui, read-only spreadsheet), arguments made in the
   * script's realm, at most 30 s (simulated clock and real time), its calls not counted.
   * Throws a FormulaError (#ERROR!) with the message the cell shows on hover.
   */
  private runCustomFunction(name: string, args: unknown[]): unknown {
    const fn = this.handlerScope?.[name] as (...a: unknown[]) => unknown;
    const t = this.installTarget;
    const RealmArray = t && vm.isContext(t) ? (vm.runInContext('Array', t) as ArrayConstructor) : Array;
    const D = this.dateCtor();
    const toRealm = (v: unknown): unknown =>
      Array.isArray(v) ? RealmArray.from(v, toRealm) : v instanceof Date ? new D(v.getTime()) : v;
    const saved = { id: this.exec.id, mode: this.exec.authMode, ui: this.ui.available };
    this.exec.id = `exec-${++this.shared.executions}`;
    this.exec.authMode = 'CUSTOM_FUNCTION';
    this.ui.available = false;
    const clock0 = this.shared.clock.now;
    const t0 = performance.now();
    let outcome: { ok: true; value: unknown } | { ok: false; message: string };
    try {
      const realmArgs = args.map(toRealm);
      outcome = { ok: true, value: this.env.uncounted(() => fn(...realmArgs)) };
    } catch (e) {
      outcome = { ok: false, message: typeof (e as { message?: unknown })?.message === 'string' ? (e as Error).message : String(e) };
    } finally {
      releaseLocksOf(this.shared.locks, this.exec.id);
      this.exec.id = saved.id;
      this.exec.authMode = saved.mode;
      this.ui.available = saved.ui;
    }
    // The limit wins over what the function did, as in Sheets.
    if (this.shared.clock.now - clock0 + (performance.now() - t0) > 30_000) throw new FormulaError('#ERROR!', formulaMessages.timeout);
    if (!outcome.ok) throw new FormulaError('#ERROR!', outcome.message);
    return outcome.value;
  }

  /** Dates handed to the script come from its own realm (checked lazily: the target may be contextified later). */
  private dateCtor(): DateConstructor {
    if (this.realmDate) return this.realmDate;
    const t = this.installTarget;
    if (t && vm.isContext(t)) {
      this.realmDate = vm.runInContext('Date', t) as DateConstructor;
      return this.realmDate;
    }
    return Date;
  }

  /** Where trigger handlers (onEdit, time-driven functions) are looked up. */
  setHandlerScope(scope: Record<string, unknown>): void {
    this.handlerScope = scope;
  }

  /** A second execution over the same state (spreadsheet, locks, properties, triggers, clock). */
  fork(options: { user?: string; authMode?: AuthModeName; handlers?: Record<string, unknown> } = {}): FakeGoogle {
    const g = new FakeGoogle(this.shared, { ...this.options, state: undefined, ...options, user: options.user ?? this.env.currentUser });
    if (!options.handlers && this.handlerScope) g.setHandlerScope(this.handlerScope);
    return g;
  }

  /** Ends this execution: releases its locks, as Apps Script does when a script returns. */
  endExecution(): void {
    releaseLocksOf(this.shared.locks, this.exec.id);
  }

  /**
   * Runs fn as one execution of the script by `user` (a menu click, a google.script.run call):
   * a fresh execution id, so its locks are its own and are released when it returns or throws.
   */
  execute<T>(user: string, fn: () => T, authMode: AuthModeName = 'FULL'): T {
    const saved = { id: this.exec.id, mode: this.exec.authMode };
    this.exec.id = `exec-${++this.shared.executions}`;
    this.exec.authMode = authMode;
    try {
      return this.asUser(user, fn);
    } finally {
      releaseLocksOf(this.shared.locks, this.exec.id);
      this.exec.id = saved.id;
      this.exec.authMode = saved.mode;
    }
  }

  /** Runs fn with env.currentUser switched (sync or async), then switches back. */
  asUser<T>(email: string, fn: () => T): T {
    const previous = this.env.currentUser;
    const previousActive = this.env.activeUser;
    const back = () => {
      this.env.currentUser = previous;
      this.env.activeUser = previousActive;
    };
    // The person at the keyboard is both the active and the effective user.
    this.env.currentUser = normEmail(email);
    this.env.activeUser = null;
    let result: T;
    try {
      result = fn();
    } catch (e) {
      back();
      throw e;
    }
    if (result instanceof Promise) {
      return result.finally(back) as T;
    }
    back();
    return result;
  }

  // ——— sharing and inspection (not counted: they are the test's hands, not the script's) ———

  /** Shares the file with these people as editors. */
  share(emails: string[]): void {
    const doc = this.shared.spreadsheet;
    for (const e of emails.map(normEmail)) if (e !== doc.owner && !doc.editors.includes(e)) doc.editors.push(e);
  }

  /** Sets "anyone with the link can edit" and "the owner's domain can edit". */
  setSharing(sharing: { anyoneCanEdit?: boolean; domainEdit?: boolean }): void {
    if (sharing.anyoneCanEdit !== undefined) this.shared.spreadsheet.anyoneCanEdit = sharing.anyoneCanEdit;
    if (sharing.domainEdit !== undefined) this.shared.spreadsheet.domainEdit = sharing.domainEdit;
  }

  private sheetNamed(name: string): SheetState {
    const s = this.shared.spreadsheet.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`No sheet named "${name}" (sheets: ${this.shared.spreadsheet.sheets.map((x) => x.name).join(', ')})`);
    return s;
  }

  private block(sheet: SheetState, a1?: string): Rect {
    if (a1 === undefined) {
      let r2 = 0, c2 = 0;
      for (const [r, row] of Object.entries(sheet.rows)) {
        for (const [c, cell] of Object.entries(row)) {
          if (hasContent(cell)) { r2 = Math.max(r2, Number(r)); c2 = Math.max(c2, Number(c)); }
        }
      }
      return { r1: 1, c1: 1, r2: Math.max(r2, 1), c2: Math.max(c2, 1) };
    }
    const ref = parseA1(a1);
    return { r1: ref.row, c1: ref.column, r2: ref.endRow ?? sheet.maxRows, c2: ref.endColumn ?? sheet.maxCols };
  }

  /** Values as getValues would return them, without counting (whole data range by default). */
  peek(sheetName: string, a1?: string): CellValue[][] {
    const s = this.sheetNamed(sheetName);
    const b = this.block(s, a1);
    const out: CellValue[][] = [];
    for (let r = b.r1; r <= b.r2!; r++) {
      const line: CellValue[] = [];
      for (let c = b.c1; c <= b.c2!; c++) line.push(cellValue(getCell(s, r, c)));
      out.push(line);
    }
    return out;
  }

  /** Display values (vi_VN), without counting. */
  peekDisplay(sheetName: string, a1?: string): string[][] {
    const s = this.sheetNamed(sheetName);
    const b = this.block(s, a1);
    const tz = this.shared.spreadsheet.timeZone;
    const out: string[][] = [];
    for (let r = b.r1; r <= b.r2!; r++) {
      const line: string[] = [];
      for (let c = b.c1; c <= b.c2!; c++) {
        const cell = getCell(s, r, c);
        line.push(displayValue(shownValue(cell), cell?.nf, tz));
      }
      out.push(line);
    }
    return out;
  }

  /**
   * Pins a formula cell's result (e.g. "#N/A" from a function the fake does not compute):
   * recalculation keeps it until the cell is written again; formulas reading it follow.
   */
  setFormulaResult(sheetName: string, a1: string, value: CellValue): void {
    const s = this.sheetNamed(sheetName);
    const ref = parseA1(a1);
    const cell = cellFor(s, ref.row, ref.column);
    if (!cell.f) throw new Error(`${sheetName}!${a1} holds no formula`);
    cell.fv = toStored(value);
    cell.fp = true;
    delete cell.fe;
    recalculate(this.shared.spreadsheet);
  }

  /** Can this user edit the cell, by Sheets' rules? */
  canUserEdit(email: string, sheetName: string, a1: string): boolean {
    const s = this.sheetNamed(sheetName);
    const b = this.block(s, a1);
    const doc = this.shared.spreadsheet;
    return isSpreadsheetEditor(doc, email) && !firstBlockedCell(doc, s, b, email);
  }

  // ——— a person at the keyboard ———

  /**
   * A person typing (or pasting) into the Sheets UI: refused with Sheets' wording when a cell is
   * protected against them, when they may only view, or when a validation rejects the input;
   * otherwise written (strings read as Sheets reads typing) and installable onEdit triggers fire,
   * each as its creator, then a simple onEdit as the editor. `values` may be one value (filled
   * into the range) or a 2D array (pasted from the range's top-left cell).
   */
  userEdit(email: string, sheetName: string, a1: string, values: unknown): UserEditResult {
    const doc = this.shared.spreadsheet;
    const sheet = this.sheetNamed(sheetName);
    const user = normEmail(email);
    const ref = parseA1(a1);
    let grid: unknown[][];
    let rect: Rect;
    if (Array.isArray(values)) {
      grid = values.every(Array.isArray) ? (values as unknown[][]) : [values];
      const width = Math.max(...grid.map((r) => r.length));
      if (grid.some((r) => r.length !== width) || width === 0) throw new Error('userEdit: rows of different lengths');
      rect = { r1: ref.row, c1: ref.column, r2: ref.row + grid.length - 1, c2: ref.column + width - 1 };
    } else {
      rect = { r1: ref.row, c1: ref.column, r2: ref.endRow ?? sheet.maxRows, c2: ref.endColumn ?? sheet.maxCols };
      grid = Array.from({ length: rect.r2! - rect.r1 + 1 }, () => Array.from({ length: rect.c2! - rect.c1 + 1 }, () => values));
    }
    if (rect.r2! > sheet.maxRows || rect.c2! > sheet.maxCols) throw new Error(`userEdit: ${a1} is outside ${sheetName}`);

    if (!isSpreadsheetEditor(doc, user)) return { ok: false, message: VIEW_ONLY_MESSAGE };
    if (firstBlockedCell(doc, sheet, rect, user)) return { ok: false, message: PROTECTED_EDIT_MESSAGE };

    const cells = grid.map((line, i) => line.map((v, j) => interpretInput(v, getCell(sheet, rect.r1 + i, rect.c1 + j)?.nf, doc.timeZone)));
    for (let i = 0; i < cells.length; i++) {
      for (let j = 0; j < cells[i]!.length; j++) {
        const c = cells[i]![j]!;
        if ((c.formula ?? (typeof c.value === 'string' ? c.value : '')).length > MAX_CELL_CHARS) return { ok: false, message: CELL_TOO_LONG_MESSAGE };
        const dv = getCell(sheet, rect.r1 + i, rect.c1 + j)?.dv;
        if (dv && !dv.allowInvalid && !c.formula && validationAccepts(dv, c.value) === false) {
          return { ok: false, message: invalidDataMessage(toA1(rect.r1 + i, rect.c1 + j)) };
        }
      }
    }
    const warned = doc.protections.some((p) => p.sheetId === sheet.id && p.warningOnly && !mayEditUnder(doc, p, user)
      && (p.type === 'SHEET' ? protectionCovers(p, rect.r1, rect.c1) : p.rect !== null && protectionCovers(p, rect.r1, rect.c1)));

    const single = rect.r1 === rect.r2 && rect.c1 === rect.c2;
    const before = single ? getCell(sheet, rect.r1, rect.c1) : undefined;
    const oldValue = single ? eventString(before?.f ? before.fv : before?.v) : undefined;
    writeInterpreted(sheet, rect.r1, rect.c1, cells, doc);
    const after = single ? getCell(sheet, rect.r1, rect.c1) : undefined;
    const value = single ? eventString(after?.f ? after.fv : after?.v) : undefined;

    const triggerErrors = [...this.fireOnEdit(user, sheet.id, rect, value, oldValue), ...this.fireOnChange(user, 'EDIT')];
    return warned ? { ok: true, warning: WARNING_ONLY_MESSAGE, triggerErrors } : { ok: true, triggerErrors };
  }

  /**
   * The spreadsheet as a person's hands in the Sheets UI reach it: the same state and rules, but
   * a private call log (a person's clicks are not the script's calls, and injected faults skip them).
   */
  private handsOf(email: string): FakeSpreadsheet {
    const env = new FakeEnv(this.shared.spreadsheet.owner);
    env.currentUser = normEmail(email);
    return new FakeSpreadsheet({
      env, doc: this.shared.spreadsheet, ui: new FakeUi(env), exec: { id: `person:${env.currentUser}`, authMode: 'FULL' },
      selection: { sheetId: null, rect: null }, dateCtor: () => Date,
    });
  }

  private asPerson(email: string, changeType: string, action: (ss: FakeSpreadsheet) => void): UserActionResult {
    if (!isSpreadsheetEditor(this.shared.spreadsheet, email)) return { ok: false, message: VIEW_ONLY_MESSAGE };
    try {
      action(this.handsOf(email));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return { ok: false, message: message === PROTECTED_CELL_MESSAGE ? PROTECTED_EDIT_MESSAGE : message };
    }
    return { ok: true, triggerErrors: this.fireOnChange(normEmail(email), changeType) };
  }

  /** A person renaming a tab (refused on a sheet protected against them). */
  userRenameSheet(email: string, sheetName: string, newName: string): UserActionResult {
    return this.asPerson(email, 'OTHER', (ss) => this.sheetIn(ss, sheetName).setName(newName));
  }

  /** A person deleting a tab. */
  userDeleteSheet(email: string, sheetName: string): UserActionResult {
    return this.asPerson(email, 'REMOVE_GRID', (ss) => ss.deleteSheet(this.sheetIn(ss, sheetName)));
  }

  /** A person inserting rows after `afterRow` (refused inside a block protected against them). */
  userInsertRows(email: string, sheetName: string, afterRow: number, howMany = 1): UserActionResult {
    return this.asPerson(email, 'INSERT_ROW', (ss) => this.sheetIn(ss, sheetName).insertRowsAfter(afterRow, howMany));
  }

  /** A person deleting rows (refused when any of their cells is protected against them). */
  userDeleteRows(email: string, sheetName: string, row: number, howMany = 1): UserActionResult {
    return this.asPerson(email, 'REMOVE_ROW', (ss) => this.sheetIn(ss, sheetName).deleteRows(row, howMany));
  }

  private sheetIn(ss: FakeSpreadsheet, name: string): FakeSheet {
    const s = this.sheetNamed(name);
    return ss.sheetObject(s.id);
  }

  /** Installable onChange triggers, each as its creator. */
  private fireOnChange(editor: string, changeType: string): unknown[] {
    const errors: unknown[] = [];
    const doc = this.shared.spreadsheet;
    for (const t of [...this.shared.triggers.list]) {
      if (t.eventType !== 'ON_CHANGE' || t.sourceId !== doc.id) continue;
      const err = this.runHandler(t.handler, t.owner, 'FULL', true, {
        authMode: 'FULL', changeType, source: this.spreadsheet, user: this.visibleUser(editor, t.owner), triggerUid: t.id,
      }, this.visibleUser(editor, t.owner).getEmail());
      if (err) errors.push(err);
    }
    return errors;
  }

  /**
   * The editor as a script running for `viewer` may see them (e.user, Session.getActiveUser):
   * themselves always; with consumer accounts no one else; in Workspace, people of the same domain.
   */
  private visibleUser(editor: string, viewer: string): FakeUser {
    if (editor === viewer) return new FakeUser(editor);
    if ((this.options.accounts ?? 'consumer') === 'consumer') return new FakeUser('');
    const domain = (e: string) => e.split('@')[1] ?? '';
    const d = domain(editor);
    return new FakeUser(d === domain(viewer) && d !== 'gmail.com' && d !== 'googlemail.com' ? editor : '');
  }

  private editEvent(sheetId: number, rect: Rect, editor: string, value: string | undefined, oldValue: string | undefined, authMode: AuthModeName, triggerUid?: string, viewer = editor): Record<string, unknown> {
    const e: Record<string, unknown> = {
      authMode,
      range: this.spreadsheet.rangeOn(sheetId, rect),
      source: this.spreadsheet,
      user: this.visibleUser(editor, viewer),
    };
    if (value !== undefined) e.value = value;
    if (oldValue !== undefined) e.oldValue = oldValue;
    if (triggerUid !== undefined) e.triggerUid = triggerUid;
    return e;
  }

  private fireOnEdit(editor: string, sheetId: number, rect: Rect, value: string | undefined, oldValue: string | undefined): unknown[] {
    const errors: unknown[] = [];
    if (typeof this.handlerScope?.onEdit === 'function') {
      // A simple trigger runs without anyone's authorisation: the editor shows only where the script's owner may see them.
      const owner = this.shared.spreadsheet.owner;
      const run = this.runHandler('onEdit', editor, 'LIMITED', true, this.editEvent(sheetId, rect, editor, value, oldValue, 'LIMITED', undefined, owner), this.visibleUser(editor, owner).getEmail());
      if (run) errors.push(run);
    }
    const doc = this.shared.spreadsheet;
    for (const t of [...this.shared.triggers.list]) {
      if (t.eventType !== 'ON_EDIT' || t.sourceId !== doc.id) continue;
      const err = this.runHandler(t.handler, t.owner, 'FULL', true, this.editEvent(sheetId, rect, editor, value, oldValue, 'FULL', t.id, t.owner), this.visibleUser(editor, t.owner).getEmail());
      if (err) errors.push(err);
    }
    return errors;
  }

  /**
   * Runs a handler as a separate execution (its own lock holder) as `runAs`, with `activeUser`
   * as Session.getActiveUser() (default: runAs); returns the error it threw, if any. Its service
   * calls are counted in this env.
   */
  private runHandler(name: string, runAs: string, authMode: AuthModeName, uiAvailable: boolean, event: Record<string, unknown>, activeUser?: string): unknown {
    const fn = this.handlerScope?.[name];
    if (typeof fn !== 'function') return new Error(`Script function not found: ${name}`);
    const saved = { user: this.env.currentUser, active: this.env.activeUser, id: this.exec.id, mode: this.exec.authMode, ui: this.ui.available };
    this.env.currentUser = normEmail(runAs);
    this.env.activeUser = activeUser === undefined ? null : normEmail(activeUser);
    this.exec.id = `exec-${++this.shared.executions}`;
    this.exec.authMode = authMode;
    this.ui.available = uiAvailable;
    try {
      (fn as (e: unknown) => unknown)(event);
      return undefined;
    } catch (e) {
      return e ?? new Error('unknown error');
    } finally {
      releaseLocksOf(this.shared.locks, this.exec.id);
      this.env.currentUser = saved.user;
      this.env.activeUser = saved.active;
      this.exec.id = saved.id;
      this.exec.authMode = saved.mode;
      this.ui.available = saved.ui;
    }
  }

  /**
   * Advances the simulated clock and runs the time-driven triggers now due, each as its creator
   * with no Ui. One-off triggers stay listed but never fire again, as in Apps Script.
   */
  runDueTriggers(advanceMs = 0): TriggerRun[] {
    this.shared.clock.now += advanceMs;
    const now = this.shared.clock.now;
    const due = this.shared.triggers.list
      .filter((t) => t.eventType === 'CLOCK' && !t.fired && t.at !== null && t.at <= now)
      .sort((a, b) => a.at! - b.at!);
    const runs: TriggerRun[] = [];
    for (const t of due) {
      if (!this.shared.triggers.list.includes(t)) continue;
      this.advanceTrigger(t, now);
      const error = this.runHandler(t.handler, t.owner, 'FULL', false, { authMode: 'FULL', triggerUid: t.id, timezone: 'UTC' });
      runs.push(error === undefined ? { handler: t.handler, triggerId: t.id, user: t.owner } : { handler: t.handler, triggerId: t.id, user: t.owner, error });
    }
    return runs;
  }

  private advanceTrigger(t: TriggerState, now: number): void {
    if (t.everyMs === null) {
      t.fired = true;
      return;
    }
    while (t.at! <= now) t.at! += t.everyMs;
  }

  // ——— persistence ———

  /** Plain JSON of everything that persists (see SerializedState). */
  serialize(): SerializedState {
    const s = this.shared;
    return clone({
      version: 1, spreadsheet: s.spreadsheet, properties: s.properties, triggers: s.triggers, clock: s.clock, scriptId: s.scriptId,
      extensions: s.extensions,
    });
  }

  /** Replaces the shared state in place (every fork sees it); held locks are dropped. */
  restore(state: SerializedState): void {
    if (state.version !== 1) throw new Error(`Unknown fake state version ${String(state.version)}`);
    const s = clone(state);
    replaceContents(this.shared.spreadsheet, s.spreadsheet);
    replaceContents(this.shared.properties, s.properties);
    replaceContents(this.shared.triggers, s.triggers);
    this.shared.clock.now = s.clock.now;
    this.shared.scriptId = s.scriptId;
    replaceContents(this.shared.extensions, s.extensions ?? {});
    this.shared.locks.held = {};
    this.sheetsContext.selection = { sheetId: null, rect: null };
  }
}

function replaceContents<T extends object>(target: T, source: T): void {
  for (const k of Object.keys(target)) delete (target as Record<string, unknown>)[k];
  Object.assign(target, source);
}

/** A fresh in-memory Google (or one restored from `options.state`). */
export function createFakeGoogle(options: FakeGoogleOptions = {}): FakeGoogle {
  return new FakeGoogle(newSharedState(options), options);
}

export { FakeRange, fromStored };
