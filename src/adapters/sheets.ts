/**
 * The spreadsheet, as the actions need it: read whole tabs in one call each, write blocks, append
 * log rows, create and arrange tabs, and apply protections, validation and conditional formats
 * described as data by src/workbook. Every method says what it costs in service calls; the
 * recompute budget depends on it.
 */
import type { CellValue } from '../core/input';
import type { Block, ConditionalSpec, ValidationSpec } from '../workbook/format';
import { diffGrid, rectangular, type Grid, type OutValue, type Patch } from '../workbook/grid';
import { protectionDescription, protectionKey, type ProtectionSpec } from '../workbook/rights';
import { a1 } from '../workbook/a1';
import { services } from './services';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** A tab as listed: name, id (survives renames) and position. */
export interface TabInfo {
  name: string;
  id: number;
  /** 0-based position in getSheets(). */
  index: number;
}

/** A tab to read, with where we expect it and how to recognise it. */
export interface TabRead {
  name: string;
  /** Expected position in getSheets(); when the tab there passes `verify`, no lookup by name is needed. */
  index?: number;
  /** Recognises the tab by its content (title, unit key): a moved tab is then looked up by name. */
  verify: (grid: Grid) => boolean;
  /** Columns to read; -1 (default) reads to the last filled column. */
  width?: number;
}

/** A tab read: the sheet (to write back) and its values. */
export interface TabData {
  sheet: Sheet;
  grid: Grid;
  /** The position it was found at. */
  index: number | null;
}

/**
 * Strings as literal text: Sheets reads a written string as if typed ("=…" a formula, "1.000"
 * a number in a vi_VN sheet, "01/02/2021" a date). A leading apostrophe keeps it as it is, so a
 * unit name or an explanation is never run as a formula nor turned into another value.
 */
export function asText(values: readonly OutValue[][]): OutValue[][] {
  return values.map((row) => row.map((v) => (typeof v === 'string' && v !== '' ? `'${v}` : v)));
}

function lower(s: string): string {
  return s.trim().toLowerCase();
}

/** A1 of a block, as Range.getA1Notation gives it. */
function blockA1(b: Block): string {
  return a1(b.row, b.column, b.row + b.rows - 1, b.column + b.columns - 1);
}

/** The spreadsheet behind the actions. */
export class SheetsAdapter {
  private list: Sheet[] | null = null;
  /** Names and ids of `list`, once asked; kept up to date by insert and rename. */
  private named: Array<{ name: string; id: number }> | null = null;
  /** Tabs this execution created, or found empty and took over: nothing in them to preserve. */
  private readonly created = new Set<Sheet>();
  /** Rows × columns of the first tab this execution created: every new tab has that size. */
  private newSize: { rows: number; columns: number } | null = null;

  constructor(readonly spreadsheet: Spreadsheet) {}

  /** The active spreadsheet (1 call). */
  static active(): SheetsAdapter {
    return new SheetsAdapter(services().spreadsheetApp.getActiveSpreadsheet());
  }

  /** All tabs in order (1 call, then cached for this execution). */
  sheets(): Sheet[] {
    if (!this.list) {
      this.list = this.spreadsheet.getSheets();
      this.named = null;
    }
    return this.list;
  }

  /** Forgets the cached tab list (after tabs were created, moved or deleted elsewhere). */
  invalidate(): void {
    this.list = null;
    this.named = null;
  }

  /**
   * Every tab with name and id: 1 + 2 per tab calls the first time (for set-up and status, not
   * recompute), then none — tabs created or renamed through this adapter are added as they go.
   */
  tabs(): TabInfo[] {
    const sheets = this.sheets();
    if (!this.named) this.named = sheets.map((s) => ({ name: s.getName(), id: s.getSheetId() }));
    return this.named.map((t, index) => ({ name: t.name, id: t.id, index }));
  }

  /** A tab by name (1 call); null when there is none. */
  byName(name: string): Sheet | null {
    return this.spreadsheet.getSheetByName(name);
  }

  /**
   * Everything in a tab from A1 to the last filled row (1 call). getSheetValues with −1 rows reads
   * to the last row with content, sparing a getLastRow or getDataRange call per tab.
   */
  values(sheet: Sheet, width = -1): Grid {
    return sheet.getSheetValues(1, 1, -1, width) as CellValue[][];
  }

  /**
   * Reads tabs, one call each when they stand where expected: the tab at the expected position is
   * read and checked with `verify`; a tab that moved costs one lookup by name more. Null for a tab
   * that is not found by name or does not pass `verify` there either.
   */
  readTabs(requests: readonly TabRead[]): Map<string, TabData | null> {
    const out = new Map<string, TabData | null>();
    const sheets = requests.some((r) => r.index !== undefined) ? this.sheets() : [];
    for (const r of requests) {
      const hinted = r.index !== undefined ? sheets[r.index] : undefined;
      if (hinted) {
        const grid = this.values(hinted, r.width);
        if (r.verify(grid)) {
          out.set(r.name, { sheet: hinted, grid, index: r.index ?? null });
          continue;
        }
      }
      const sheet = this.byName(r.name);
      if (!sheet) {
        out.set(r.name, null);
        continue;
      }
      const grid = this.values(sheet, r.width);
      out.set(r.name, r.verify(grid) ? { sheet, grid, index: null } : null);
    }
    return out;
  }

  /** Writes a block at row/column (2 calls). Text is written as text (see asText). */
  write(sheet: Sheet, row: number, column: number, values: readonly OutValue[][]): void {
    if (values.length === 0 || values[0]!.length === 0) return;
    sheet.getRange(row, column, values.length, values[0]!.length).setValues(asText(values));
  }

  /** Writes patches (2 calls each). */
  writePatches(sheet: Sheet, patches: readonly Patch[]): void {
    for (const p of patches) this.write(sheet, p.row, p.column, p.values);
  }

  /** Grows the tab to at least rows × columns (2 calls, +1 per dimension grown). */
  ensureSize(sheet: Sheet, rows: number, columns: number): void {
    const maxRows = sheet.getMaxRows();
    if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
    const maxColumns = sheet.getMaxColumns();
    if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  }

  /** Appends rows under the last filled row (1 call for one row, 3 for several). */
  append(sheet: Sheet, rows: readonly OutValue[][]): void {
    if (rows.length === 0) return;
    if (rows.length === 1) {
      sheet.appendRow(asText(rows)[0]!);
      return;
    }
    const last = sheet.getLastRow();
    this.write(sheet, last + 1, 1, rows);
  }

  /** Creates a tab at a position (0-based), or at the end (1 call, +1 for its id when tabs were listed). */
  insert(name: string, index?: number): Sheet {
    // Without an index Sheets inserts after the active tab: say "at the end" explicitly.
    const list = this.sheets();
    const at = index ?? list.length;
    const sheet = this.spreadsheet.insertSheet(name, at);
    list.splice(at, 0, sheet);
    if (this.named) this.named.splice(at, 0, { name, id: sheet.getSheetId() });
    this.created.add(sheet);
    return sheet;
  }

  /** Renames a tab (1 call). */
  rename(sheet: Sheet, name: string): void {
    sheet.setName(name);
    const at = this.list ? this.list.indexOf(sheet) : -1;
    if (at >= 0 && this.named) this.named[at] = { name, id: this.named[at]!.id };
    else this.invalidate();
  }

  /** Takes a tab found empty just now as new: the next writeGrid writes it in one block. */
  adoptEmpty(sheet: Sheet): void {
    this.created.add(sheet);
  }

  /** Was the tab created by this execution? (no calls) */
  isNew(sheet: Sheet): boolean {
    return this.created.has(sheet);
  }

  /**
   * Writes `after` over `before` (what the tab held when read). A tab this execution created gets
   * one block (2 calls; +2 the first time, to learn a new tab's size). An existing tab gets only
   * the runs of cells that differ (2 calls each, +2 to size it), so that nothing typed since it
   * was read is overwritten by what was read.
   */
  writeGrid(sheet: Sheet, before: Grid, after: readonly OutValue[][]): void {
    const rows = after.length;
    let columns = 0;
    for (const r of after) columns = Math.max(columns, r.length);
    if (this.created.has(sheet)) {
      if (rows === 0 || columns === 0) return;
      this.newSize ??= { rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() };
      if (rows > this.newSize.rows || columns > this.newSize.columns) this.ensureSize(sheet, rows, columns);
      this.write(sheet, 1, 1, rectangular([...after], columns));
      return;
    }
    const patches = diffGrid(before, [...after]);
    if (patches.length === 0) return;
    this.ensureSize(sheet, rows, columns);
    this.writePatches(sheet, patches);
  }

  /**
   * Applies protections: finds ours by the key in their description, creates what is missing,
   * fixes ranges and editors of the rest. Editors are added before others are removed, so the
   * person running this keeps the right to finish; domain-wide editing is turned off.
   * Protections of tabs that do not exist are skipped. Apps Script never removes the current
   * user (`me`) from a protection: returns true when `me` stays an editor somewhere they should
   * not be, so that someone else can finish the job later.
   */
  applyProtections(specs: readonly ProtectionSpec[], sheetOf: (name: string) => Sheet | null, me: string): boolean {
    let stuck = false;
    const existing = this.ourProtections();
    const owner = lower(this.ownerEmail());
    // A new protection's editors mirror the spreadsheet's (and its creator's) until changed:
    // the spreadsheet's are asked once per execution instead of once per protection.
    const newEditors = (): string[] =>
      [...this.fileEditorEmails(), lower(me)].filter((e, i, all) => e !== '' && all.indexOf(e) === i);
    for (const spec of specs) {
      const sheet = sheetOf(spec.sheet);
      if (!sheet) continue;
      let p = existing.get(spec.key);
      let current: string[];
      if (!p) {
        const made = spec.range ? this.range(sheet, spec.range).protect() : sheet.protect();
        try {
          made.setDescription(protectionDescription(spec));
        } catch (e) {
          // Without its key the next run would not find it and would make another: take it away.
          try {
            made.remove();
          } catch {
            // left for the owner to delete; the error below is what the user sees
          }
          throw e;
        }
        p = made;
        existing.set(spec.key, p);
        current = newEditors();
      } else {
        if (spec.range && p.getRange().getA1Notation() !== blockA1(spec.range)) p.setRange(this.range(sheet, spec.range));
        current = p.getEditors().map((u) => lower(u.getEmail()));
      }
      if (p.canDomainEdit()) p.setDomainEdit(false);
      const desired = spec.editors.map(lower);
      const toAdd = desired.filter((e) => !current.includes(e) && e !== owner);
      if (toAdd.length > 0) p.addEditors(toAdd);
      // Only unit tabs have holes; changing a protection needs the right to edit under it.
      if (!spec.range && spec.unprotected.length > 0) p.setUnprotectedRanges(spec.unprotected.map((b) => this.range(sheet, b)));
      const toRemove = current.filter((e) => !desired.includes(e) && e !== owner);
      if (toRemove.includes(lower(me))) stuck = true;
      const removable = toRemove.filter((e) => e !== lower(me));
      if (removable.length > 0) p.removeEditors(removable);
    }
    return stuck;
  }

  private ours: Map<string, Protection> | null = null;
  /** The file's editors, once asked (sharing the file later in the execution does not go through here). */
  private fileEditors: string[] | null = null;

  /** Everyone the file is shared with as editor, owner included (1 call, then kept for this execution). */
  fileEditorEmails(): readonly string[] {
    this.fileEditors ??= this.spreadsheet.getEditors().map((u) => lower(u.getEmail()));
    return this.fileEditors;
  }

  /** Shares the file with these people as editors (1 call). */
  addFileEditors(emails: readonly string[]): void {
    this.spreadsheet.addEditors([...emails]);
    this.fileEditors = [...this.fileEditorEmails(), ...emails.map(lower)];
  }

  /**
   * Our protections by key, listed once per execution (2 calls + 1 per protection) and kept up to
   * date as applyProtections creates more: set-up applies them unit by unit.
   */
  private ourProtections(): Map<string, Protection> {
    if (!this.ours) {
      const types = services().spreadsheetApp.ProtectionType;
      const found = new Map<string, Protection>();
      for (const type of [types.SHEET, types.RANGE]) {
        for (const p of this.spreadsheet.getProtections(type)) {
          const key = protectionKey(p.getDescription());
          if (key && !found.has(key)) found.set(key, p);
        }
      }
      this.ours = found;
    }
    return this.ours;
  }

  /**
   * Sets the editors of one protection of ours (found on its tab), e.g. on submit. Returns
   * 'stuck' when `me` should lose the right but Apps Script keeps the current user, 'missing'
   * when there is no such protection, 'done' otherwise.
   */
  setProtectionEditors(sheet: Sheet, key: string, editors: readonly string[], me: string): 'done' | 'stuck' | 'missing' {
    const types = services().spreadsheetApp.ProtectionType;
    const p = sheet.getProtections(types.RANGE).find((x) => protectionKey(x.getDescription()) === key);
    if (!p) return 'missing';
    const owner = lower(this.ownerEmail());
    const current = p.getEditors().map((u) => lower(u.getEmail()));
    const desired = editors.map(lower);
    const toAdd = desired.filter((e) => !current.includes(e) && e !== owner);
    if (toAdd.length > 0) p.addEditors(toAdd);
    const toRemove = current.filter((e) => !desired.includes(e) && e !== owner);
    const removable = toRemove.filter((e) => e !== lower(me));
    if (removable.length > 0) p.removeEditors(removable);
    return toRemove.length > removable.length ? 'stuck' : 'done';
  }

  /** Replaces the data validation of each block (1 call each; rules built once per execution). */
  applyValidations(sheet: Sheet, specs: readonly ValidationSpec[]): void {
    const app = services().spreadsheetApp;
    for (const v of specs) {
      const key = `${v.formula}\u0000${v.help}`;
      let rule = this.rules.get(key);
      if (!rule) {
        rule = app.newDataValidation().requireFormulaSatisfied(v.formula).setAllowInvalid(true).setHelpText(v.help).build();
        this.rules.set(key, rule);
      }
      this.range(sheet, v.block).setDataValidation(rule);
    }
  }

  private readonly rules = new Map<string, GoogleAppsScript.Spreadsheet.DataValidation>();

  /** Replaces the tab's conditional format rules (1 call + 1 per distinct block + builders). */
  applyConditionalFormats(sheet: Sheet, specs: readonly ConditionalSpec[]): void {
    const app = services().spreadsheetApp;
    const ranges = new Map<string, GoogleAppsScript.Spreadsheet.Range>();
    const rangeOf = (b: Block) => {
      const key = blockA1(b);
      let r = ranges.get(key);
      if (!r) ranges.set(key, (r = this.range(sheet, b)));
      return r;
    };
    const rules = specs.map((c) =>
      app.newConditionalFormatRule().whenFormulaSatisfied(c.formula).setBackground(c.background)
        .setRanges(c.blocks.map(rangeOf)).build(),
    );
    sheet.setConditionalFormatRules(rules);
  }

  /** The range of a block (1 call). */
  range(sheet: Sheet, b: Block): GoogleAppsScript.Spreadsheet.Range {
    return sheet.getRange(b.row, b.column, b.rows, b.columns);
  }

  private owner: string | null = null;

  /** The spreadsheet owner's e-mail ("" when Apps Script does not say), cached. */
  ownerEmail(): string {
    if (this.owner === null) this.owner = this.spreadsheet.getOwner()?.getEmail() ?? '';
    return this.owner;
  }
}
