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
import { a1, columnLetter } from '../workbook/a1';
import { services } from './services';
import { ensureEditTrigger } from './triggers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** What applying protections could not do (see SheetsAdapter.applyProtections). */
export interface ProtectionOutcome {
  /** The person running it kept a right they should lose (Apps Script never removes them). */
  stuck: boolean;
  /** Protections left as they were because the person running it may not edit them. */
  skipped: number;
  /** One of those should give the person running it a right: only the owner can. */
  needsOwner: boolean;
  /** Keys of the protections someone had a right to that they should not have (taken now, or kept by the runner). */
  taken?: string[];
  /** Addresses Sheets refused as editors (no Google account): everyone else got their rights. */
  refused?: string[];
}

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

/** The edit event an installable onEdit trigger receives. */
export type EditEvent = GoogleAppsScript.Events.SheetsOnEdit;

/** The cells an edit event names, read through here: each method is the one call it says. */
export interface EditedCells {
  /** The edited tab's name (2 calls). */
  sheetName(): string;
  /** "B7" or "B7:C9" (1 call). */
  a1(): string;
  /** Top row and left column (1 call each). */
  row(): number;
  column(): number;
  /** The values now in the block (1 call). */
  values(): CellValue[][];
  /** Writes one cell's old value back, a string as text (1 call). */
  restore(value: OutValue): void;
  /** Puts a note on the cells, seen by whoever points at them (1 call). */
  note(text: string): void;
}

/** The edited cells of an edit event, or null when it names none. */
export function editedCells(e: EditEvent | undefined): EditedCells | null {
  const range = e?.range;
  if (!range) return null;
  return {
    sheetName: () => range.getSheet().getName(),
    a1: () => range.getA1Notation(),
    row: () => range.getRow(),
    column: () => range.getColumn(),
    values: () => range.getValues() as CellValue[][],
    restore: (value) => range.setValue(asText([[value]])[0]![0]!),
    note: (text) => range.setNote(text),
  };
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

  constructor(private readonly spreadsheet: Spreadsheet) {}

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

  /** A tab by its id, which survives renames (1 call); null when there is none. */
  byId(id: number): Sheet | null {
    return this.spreadsheet.getSheetById(id);
  }

  /** A tab's name (1 call). */
  nameOf(sheet: Sheet): string {
    return sheet.getName();
  }

  /** Hides a tab unless hidden already (1 call, +1 to hide). */
  hide(sheet: Sheet): void {
    if (!sheet.isSheetHidden()) sheet.hideSheet();
  }

  /** Hides a tab this execution knows is shown, e.g. one it just created (1 call). */
  hideShown(sheet: Sheet): void {
    sheet.hideSheet();
  }

  /** Freezes the first rows (1 call on a tab this execution created, else 1 + 1 when they differ). */
  freeze(sheet: Sheet, rows: number): void {
    if (this.created.has(sheet) || sheet.getFrozenRows() !== rows) sheet.setFrozenRows(rows);
  }

  /** Inserts rows natively, so Sheets moves what people typed below them (1 call). */
  insertRowsBefore(sheet: Sheet, row: number, count: number): void {
    sheet.insertRowsBefore(row, count);
  }

  /** The values of a block (2 calls). */
  blockValues(sheet: Sheet, row: number, column: number, rows: number, columns: number): CellValue[][] {
    return sheet.getRange(row, column, rows, columns).getValues() as CellValue[][];
  }

  /** Selects a cell or block of a tab for the user (2 calls). */
  select(sheet: Sheet, a1Notation: string): void {
    sheet.getRange(a1Notation).activate();
  }

  /** The current user's onEdit trigger for this spreadsheet (see triggers.ts). */
  ensureEditTrigger(): boolean {
    return ensureEditTrigger(this.spreadsheet);
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

  /**
   * Writes a block into a tab named by its name, at row/column, without looking the tab up first
   * (2 calls: getRange by A1 on the spreadsheet, setValues). Text is written as text (see asText).
   * 'missing' when there is no such tab (1 more call to tell it from another failure).
   */
  writeToTab(name: string, row: number, column: number, values: readonly OutValue[][]): 'done' | 'missing' {
    if (values.length === 0 || values[0]!.length === 0) return 'done';
    const target = `'${name.replace(/'/g, "''")}'!${a1(row, column, row + values.length - 1, column + values[0]!.length - 1)}`;
    let range: GoogleAppsScript.Spreadsheet.Range;
    try {
      range = this.spreadsheet.getRange(target);
    } catch (e) {
      if (!this.byName(name)) return 'missing';
      throw e;
    }
    range.setValues(asText(values));
    return 'done';
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
   * Protections of tabs that do not exist are skipped. Two things Apps Script will not do are
   * reported rather than attempted: it never removes the person running a script (`me`) from a
   * protection (stuck: someone else must finish), and only someone who may edit a protection may
   * read or change its editors: one `me` may not edit (asked with canEdit, which never throws) is
   * left as it is (skipped), and when `me` should be among its editors it waits for the owner
   * (needsOwner). `keep` is the owner-side person of the year, never removed.
   */
  applyProtections(
    specs: readonly ProtectionSpec[], sheetOf: (name: string) => Sheet | null, me: string, keep = '', listed?: Map<string, Protection>,
  ): ProtectionOutcome {
    const out: ProtectionOutcome = { stuck: false, skipped: 0, needsOwner: false };
    // Tabs this execution made hold no protection yet: nothing to list (1 call per protection of the file).
    // `listed`: the caller listed the only tab the specs touch (see protectionsOnTab).
    const existing = listed ?? (specs.every((s) => s.fresh) ? new Map<string, Protection>() : this.ourProtections());
    const owner = lower(this.ownerEmail());
    const mine = lower(me);
    const kept = [owner, lower(keep)].filter((e) => e !== '');
    // The spreadsheet's owner may edit every protection: no need to ask.
    const mayEditAll = mine !== '' && mine === owner;
    // A new protection's editors mirror the spreadsheet's (and its creator's) until changed:
    // the spreadsheet's are asked once per execution instead of once per protection.
    const newEditors = (): string[] =>
      [...this.fileEditorEmails(), mine].filter((e, i, all) => e !== '' && all.indexOf(e) === i);
    for (const spec of specs) {
      const sheet = spec.existingOnly ? null : sheetOf(spec.sheet);
      if (!sheet && !spec.existingOnly) continue;
      const desired = spec.editors.map(lower);
      let p = existing.get(spec.key);
      if (!p && spec.existingOnly) continue;
      if (spec.remove) {
        if (!p) continue;
        if (mayEditAll || p.canEdit()) {
          p.remove();
          existing.delete(spec.key);
        } else {
          // Only someone who may edit it can take it away: the owner.
          out.skipped++;
          out.needsOwner = true;
        }
        continue;
      }
      let current: string[];
      if (!p) {
        if (!sheet) continue;
        const made = spec.wholeTab ? this.wholeTab(sheet).protect() : spec.range ? this.range(sheet, spec.range).protect() : sheet.protect();
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
        this.ours?.set(spec.key, p);
        current = newEditors();
      } else {
        if (!mayEditAll && !p.canEdit()) {
          out.skipped++;
          if (desired.includes(mine)) out.needsOwner = true;
          continue;
        }
        if (sheet && spec.range && p.getRange().getA1Notation() !== blockA1(spec.range)) p.setRange(this.range(sheet, spec.range));
        current = p.getEditors().map((u) => lower(u.getEmail()));
      }
      if (p.canDomainEdit()) p.setDomainEdit(false);
      const toAdd = desired.filter((e) => !current.includes(e) && !kept.includes(e));
      if (toAdd.length > 0) this.addEditorsOneByOneIfRefused(p, toAdd, out);
      // Only unit tabs have holes; changing a protection needs the right to edit under it.
      if (sheet && !spec.range && spec.unprotected.length > 0) p.setUnprotectedRanges(spec.unprotected.map((b) => this.range(sheet, b)));
      const toRemove = current.filter((e) => !desired.includes(e) && !kept.includes(e));
      if (toRemove.includes(mine)) out.stuck = true;
      const removable = toRemove.filter((e) => e !== mine);
      if (removable.length > 0) p.removeEditors(removable);
      if (toRemove.length > 0) (out.taken ??= []).push(spec.key);
    }
    return out;
  }

  /**
   * Adds editors in one call; when Sheets refuses the list (an address that is no Google account
   * throws), adds them one by one and reports those refused, so one bad address costs no one else.
   */
  private addEditorsOneByOneIfRefused(p: Protection, emails: string[], out: ProtectionOutcome): void {
    try {
      p.addEditors(emails);
    } catch (e) {
      if (!/invalid/i.test(String(e))) throw e;
      for (const email of emails) {
        try {
          p.addEditor(email);
        } catch (one) {
          if (!/invalid/i.test(String(one))) throw one;
          if (!(out.refused ??= []).includes(email)) out.refused.push(email);
        }
      }
    }
  }

  /**
   * Our protections on one tab, by key: 1 call per type listed (the tab's own protection, its
   * ranges) + 1 per protection on it, instead of the whole file's. For applyProtections' `listed`
   * when every spec is on this tab.
   */
  protectionsOnTab(sheet: Sheet, withSheetLevel: boolean): Map<string, Protection> {
    const types = services().spreadsheetApp.ProtectionType;
    const found = new Map<string, Protection>();
    for (const type of withSheetLevel ? [types.SHEET, types.RANGE] : [types.RANGE]) {
      for (const p of sheet.getProtections(type)) {
        const key = protectionKey(p.getDescription());
        if (key && !found.has(key)) found.set(key, p);
      }
    }
    return found;
  }

  /** The keys of all our protections, every year's (listed once per execution, see ourProtections). */
  protectionKeys(): string[] {
    return [...this.ourProtections().keys()];
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
   * 'stuck' when `me` should lose the right but Apps Script keeps the current user, 'needsOwner'
   * when `me` may not edit the protection (only someone who may can change it), 'missing' when
   * there is no such protection, 'done' otherwise.
   */
  setProtectionEditors(sheet: Sheet, key: string, editors: readonly string[], me: string, keep = ''): 'done' | 'stuck' | 'missing' | 'needsOwner' {
    const types = services().spreadsheetApp.ProtectionType;
    const p = sheet.getProtections(types.RANGE).find((x) => protectionKey(x.getDescription()) === key);
    if (!p) return 'missing';
    const owner = lower(this.ownerEmail());
    const mine = lower(me);
    if (mine !== owner && !p.canEdit()) return 'needsOwner';
    const kept = [owner, lower(keep)].filter((e) => e !== '');
    const current = p.getEditors().map((u) => lower(u.getEmail()));
    const desired = editors.map(lower);
    const toAdd = desired.filter((e) => !current.includes(e) && !kept.includes(e));
    if (toAdd.length > 0) p.addEditors(toAdd);
    const toRemove = current.filter((e) => !desired.includes(e) && !kept.includes(e));
    const removable = toRemove.filter((e) => e !== mine);
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

  /** Every column of the tab, every row (rows added later too): 2 calls. */
  private wholeTab(sheet: Sheet): GoogleAppsScript.Spreadsheet.Range {
    return sheet.getRange(`A:${columnLetter(sheet.getMaxColumns())}`);
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
