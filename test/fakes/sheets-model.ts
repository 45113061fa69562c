/**
 * The Sheets fake's state (plain JSON, so it serialises as is) and the rules every writer obeys:
 * who may edit which cell under which protection, and how inserted rows shift what is stored.
 */
import type { StoredValue } from './sheets-values';

/** A block of cells; r2/c2 null means open-ended ("B:B", "A2:C"). */
export interface Rect {
  r1: number;
  c1: number;
  r2: number | null;
  c2: number | null;
}

export interface ValidationState {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface CellState {
  /** Value; absent means blank. */
  v?: StoredValue;
  /** Formula as written ("=SUM(A1:A3)"); computed by sheets-formulas.ts after every write. */
  f?: string;
  /** A formula's result (the top-left value of an array result); an error shows as its code ("#REF!"). */
  fv?: StoredValue;
  /** The message an error result shows on hover. */
  fe?: string;
  /** The result was set by a test (setFormulaResult): recalculation keeps it. */
  fp?: true;
  /** A value spilled into this cell by an array result of a formula above or left of it. */
  sv?: StoredValue;
  nf?: string;
  bg?: string;
  fc?: string;
  fw?: string;
  fst?: string;
  ha?: string;
  va?: string;
  wrap?: boolean;
  note?: string;
  dv?: ValidationState;
}

export interface RuleState {
  ranges: Rect[];
  criteria: string;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

export interface SheetState {
  id: number;
  name: string;
  maxRows: number;
  maxCols: number;
  /** rows[row][col]; integer keys keep JS's ascending order. */
  rows: Record<string, Record<string, CellState>>;
  hidden: boolean;
  tabColor: string | null;
  frozenRows: number;
  frozenCols: number;
  colWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  rules: RuleState[];
  merges: Rect[];
}

export interface ProtectionState {
  id: number;
  type: 'RANGE' | 'SHEET';
  sheetId: number;
  /** The protected block (RANGE only). */
  rect: Rect | null;
  description: string;
  /** null while the protection still mirrors the spreadsheet's editors (as a new one does). */
  editors: string[] | null;
  createdBy: string;
  domainEdit: boolean;
  warningOnly: boolean;
  /** Holes in a SHEET protection. */
  unprotected: Rect[];
  rangeName: string | null;
}

export interface SpreadsheetState {
  id: string;
  name: string;
  owner: string;
  /** Shared with, as editors (the owner is not listed). */
  editors: string[];
  viewers: string[];
  /** "Anyone with the link can edit". */
  anyoneCanEdit: boolean;
  /** Shared with the owner's whole domain: new protections start with domain edit on. */
  domainEdit: boolean;
  timeZone: string;
  locale: string;
  sheets: SheetState[];
  protections: ProtectionState[];
  nextSheetId: number;
  nextProtectionId: number;
  /** In a shared drive: getOwner() is null (the file belongs to the drive, not to a person). */
  sharedDrive?: boolean;
  /** Plausible addresses that are no Google account: Protection.addEditors refuses them. */
  notGoogleAccounts?: string[];
}

export const PROTECTED_CELL_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
export const NO_PERMISSION_MESSAGE = 'You do not have permission to perform that action.';

export function normEmail(email: string): string {
  return email.trim().toLowerCase();
}

function domainOf(email: string): string {
  return normEmail(email).split('@')[1] ?? '';
}

const CONSUMER_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

export function isOwner(doc: SpreadsheetState, user: string): boolean {
  return normEmail(user) === normEmail(doc.owner);
}

/** May the user edit the file at all (owner, shared editor, or link editing on)? */
export function isSpreadsheetEditor(doc: SpreadsheetState, user: string): boolean {
  const u = normEmail(user);
  return isOwner(doc, u) || doc.anyoneCanEdit || doc.editors.some((e) => normEmail(e) === u);
}

/** Editors of a protection, owner first; a new protection mirrors the spreadsheet's editors. */
export function protectionEditors(doc: SpreadsheetState, p: ProtectionState): string[] {
  const list = p.editors ?? [...doc.editors, p.createdBy];
  const out = [normEmail(doc.owner)];
  for (const e of list) if (!out.includes(normEmail(e))) out.push(normEmail(e));
  return out;
}

/** May the user edit what this protection covers (and change the protection itself)? */
export function mayEditUnder(doc: SpreadsheetState, p: ProtectionState, user: string): boolean {
  const u = normEmail(user);
  if (isOwner(doc, u)) return true;
  if (p.editors === null && doc.anyoneCanEdit) return true;
  if (protectionEditors(doc, p).includes(u)) return true;
  const d = domainOf(doc.owner);
  return p.domainEdit && !CONSUMER_DOMAINS.has(d) && domainOf(u) === d;
}

export function rectContains(r: Rect, row: number, col: number): boolean {
  return row >= r.r1 && col >= r.c1 && (r.r2 === null || row <= r.r2) && (r.c2 === null || col <= r.c2);
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  const aEndR = a.r2 ?? Infinity, bEndR = b.r2 ?? Infinity;
  const aEndC = a.c2 ?? Infinity, bEndC = b.c2 ?? Infinity;
  return a.r1 <= bEndR && b.r1 <= aEndR && a.c1 <= bEndC && b.c1 <= aEndC;
}

/** Does this protection cover the cell (a sheet protection minus its unprotected ranges)? */
export function protectionCovers(p: ProtectionState, row: number, col: number): boolean {
  if (p.type === 'RANGE') return p.rect !== null && rectContains(p.rect, row, col);
  return !p.unprotected.some((u) => rectContains(u, row, col));
}

/**
 * The first cell of `rect` (bounded by the sheet's size) the user may not edit, with the
 * protection that blocks it; null when all are editable. Warning-only protections never block.
 */
export function firstBlockedCell(
  doc: SpreadsheetState, sheet: SheetState, rect: Rect, user: string,
): { row: number; col: number; protection: ProtectionState } | null {
  const r2 = Math.min(rect.r2 ?? sheet.maxRows, sheet.maxRows);
  const c2 = Math.min(rect.c2 ?? sheet.maxCols, sheet.maxCols);
  const bounded: Rect = { r1: rect.r1, c1: rect.c1, r2, c2 };
  for (const p of doc.protections) {
    if (p.sheetId !== sheet.id || p.warningOnly || mayEditUnder(doc, p, user)) continue;
    if (p.type === 'RANGE') {
      if (p.rect && rectsIntersect(p.rect, bounded)) {
        return { row: Math.max(p.rect.r1, bounded.r1), col: Math.max(p.rect.c1, bounded.c1), protection: p };
      }
      continue;
    }
    for (let r = bounded.r1; r <= r2; r++) {
      for (let c = bounded.c1; c <= c2; c++) {
        if (protectionCovers(p, r, c)) return { row: r, col: c, protection: p };
      }
    }
  }
  return null;
}

/** Is the sheet under a sheet protection the user may not edit (renaming, inserting rows …)? */
export function sheetBlocked(doc: SpreadsheetState, sheet: SheetState, user: string): boolean {
  return doc.protections.some((p) => p.sheetId === sheet.id && p.type === 'SHEET' && !p.warningOnly && !mayEditUnder(doc, p, user));
}

/** Rows inserted after `after`: everything below moves down by `n`; blocks spanning it grow. */
export function shiftRect(r: Rect, after: number, n: number): Rect {
  return {
    r1: r.r1 > after ? r.r1 + n : r.r1,
    c1: r.c1,
    r2: r.r2 === null ? null : r.r2 > after ? r.r2 + n : r.r2,
    c2: r.c2,
  };
}

/** Rows start..start+n-1 deleted: blocks below move up, blocks spanning shrink, blocks inside vanish (null). */
export function shrinkRect(r: Rect, start: number, n: number): Rect | null {
  const end = start + n - 1;
  const r2 = r.r2 ?? Infinity;
  if (r.r1 >= start && r2 <= end) return null;
  const mapRow = (row: number) => (row < start ? row : row > end ? row - n : start);
  return { r1: mapRow(r.r1), c1: r.c1, r2: r.r2 === null ? null : r.r2 > end ? r.r2 - n : Math.min(r.r2, start - 1), c2: r.c2 };
}

/** Columns inserted after `after`. */
export function shiftRectColumns(r: Rect, after: number, n: number): Rect {
  return {
    r1: r.r1,
    c1: r.c1 > after ? r.c1 + n : r.c1,
    r2: r.r2,
    c2: r.c2 === null ? null : r.c2 > after ? r.c2 + n : r.c2,
  };
}

export function newSheetState(id: number, name: string, maxRows = 1000, maxCols = 26): SheetState {
  return {
    id, name, maxRows, maxCols, rows: {}, hidden: false, tabColor: null, frozenRows: 0, frozenCols: 0,
    colWidths: {}, rowHeights: {}, rules: [], merges: [],
  };
}

export function getCell(sheet: SheetState, row: number, col: number): CellState | undefined {
  return sheet.rows[row]?.[col];
}

/** The cell for writing, created on demand. */
export function cellFor(sheet: SheetState, row: number, col: number): CellState {
  const r = (sheet.rows[row] ??= {});
  return (r[col] ??= {});
}

/** Drops cells that hold nothing, so state and serialisation stay small. */
export function prune(sheet: SheetState, row: number, col: number): void {
  const r = sheet.rows[row];
  const c = r?.[col];
  if (!r || !c) return;
  for (const k of Object.keys(c) as Array<keyof CellState>) if (c[k] === undefined) delete c[k];
  if (Object.keys(c).length === 0) delete r[col];
  if (Object.keys(r).length === 0) delete sheet.rows[row];
}

export function hasContent(c: CellState | undefined): boolean {
  return !!c && ((c.v !== undefined && c.v !== '') || !!c.f || (c.sv !== undefined && c.sv !== ''));
}

/** What a cell shows: a formula's result, a typed value, or a value spilled into it. */
export function shownValue(c: CellState | undefined): StoredValue | undefined {
  if (!c) return undefined;
  return c.f ? c.fv : c.v ?? c.sv;
}

/** Forgets what was typed or computed in a cell (formats stay). */
export function dropContent(c: CellState): void {
  delete c.v; delete c.f; delete c.fv; delete c.fe; delete c.fp;
}
