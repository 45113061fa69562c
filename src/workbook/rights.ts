/**
 * Who may do what. Roles come from Cấu hình (the cụm trưởng is the leader unit's focal officers),
 * and the same facts give the protected ranges that enforce them in the sheet: rights are data
 * here, applied by the adapter, and tested by trying through the fakes.
 */
import { normalizeKey } from '../core/input';
import type { Unit } from '../core/model';
import { workbookText } from '../i18n/workbook';
import type { TeamMember } from './config';
import { AREA_COLUMNS, UNIT_LAYOUT, type InputArea } from './unitSheet';
import type { SubmissionStatus } from './state';

export type Role = 'owner' | 'leader' | 'unit' | 'crossCheck' | 'viewer';

/** The current user as the workbook sees them. */
export interface Identity {
  email: string;
  roles: Role[];
  /** Units whose focal officer they are. */
  unitIds: string[];
}

/** The facts rights depend on. */
export interface RightsFacts {
  owner: string;
  units: readonly Unit[];
  team: readonly TeamMember[];
  leaderUnitId: string;
}

function same(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** E-mails of the cụm trưởng: the leader unit's focal officers. */
export function leaderEmails(facts: RightsFacts): string[] {
  const leader = facts.units.find((u) => normalizeKey(u.id) === normalizeKey(facts.leaderUnitId));
  return leader ? [...leader.focalEmails] : [];
}

/**
 * Roles of `email`. The owner counts as cụm trưởng too (the clerk who made the sheet).
 * @example identify('a@x.vn', facts).roles // ['unit']
 */
export function identify(email: string, facts: RightsFacts): Identity {
  const roles: Role[] = [];
  const unitIds = facts.units.filter((u) => u.focalEmails.some((e) => same(e, email))).map((u) => u.id);
  if (email !== '' && same(email, facts.owner)) roles.push('owner');
  if (email !== '' && leaderEmails(facts).some((e) => same(e, email))) roles.push('leader');
  if (unitIds.length > 0) roles.push('unit');
  if (facts.team.some((m) => same(m.email, email))) roles.push('crossCheck');
  if (roles.length === 0) roles.push('viewer');
  return { email, roles, unitIds };
}

/** Owner or cụm trưởng: runs the year. */
export function isLeader(id: Identity): boolean {
  return id.roles.includes('owner') || id.roles.includes('leader');
}

/** An area the add-on protects, and who may edit it. */
export interface ProtectionSpec {
  /** Stable key, kept in the protection's description to find it again. */
  key: string;
  sheet: string;
  /** 1-based block; null protects the whole sheet. */
  range: { row: number; column: number; rows: number; columns: number } | null;
  /** Holes in a whole-sheet protection (covered by their own range protections). */
  unprotected: Array<{ row: number; column: number; rows: number; columns: number }>;
  /** Who may edit besides the owner (valid e-mails only). */
  editors: string[];
  /** Vietnamese, shown in Sheets' protected ranges panel. */
  label: string;
  /** A range over every cell of the tab (all its columns, every row, rows added later too). */
  wholeTab?: true;
  /** This protection must not exist (a closed year's lock, once reopened): removed where found. */
  remove?: true;
  /** Only fixes the editors of this protection where it exists (an archived year's): never creates it. */
  existingOnly?: true;
  /** On a tab made by this execution: it holds no protection yet, so none is looked for. */
  fresh?: true;
}

/** The description Sheets shows, with the key we find it by. */
export function protectionDescription(spec: Pick<ProtectionSpec, 'key' | 'label'>): string {
  return `${spec.label} [thidua:${spec.key}]`;
}

/** The key inside a description we wrote; null for anyone else's protection. */
export function protectionKey(description: string): string | null {
  const m = /\[thidua:([^\]]+)\]\s*$/.exec(description);
  return m ? m[1]! : null;
}

/** What the plan needs about one unit tab. */
export interface UnitTabFacts {
  unit: Unit;
  sheet: string;
  /** Last row of the criteria block (protections cover firstRow … lastRow). */
  lastRow: number;
  status: SubmissionStatus;
}

const L = workbookText.rightsLabels;

function uniq(list: readonly string[]): string[] {
  const out: string[] = [];
  for (const e of list) if (!out.some((x) => same(x, e))) out.push(e.trim().toLowerCase());
  return out;
}

/**
 * Every protection of the year. Unit tabs: the whole sheet for the cụm trưởng (criteria copies,
 * computed points, headers) with holes for the input columns, each hole protected for its own
 * people; the unit's own columns lose the unit once it submitted. Cấu hình, Tiêu chí, Bình xét:
 * the cụm trưởng. Tổng hợp: the cụm trưởng (recompute runs as them and writes it). Once the year
 * is closed every cell of every tab is the owner's alone, by one lock over the whole tab; the
 * tabs themselves stay the cụm trưởng's (a sheet protection governs renaming and hiding), so that
 * a cụm trưởng who is not the owner can archive them when copying to a new year — Apps Script
 * lets no one change a protection they may not edit. Nhật ký and the snapshot tab are shared by
 * all years: see sharedProtectionPlan.
 */
export function protectionPlan(year: number, facts: RightsFacts, tabs: readonly UnitTabFacts[], closed: boolean): ProtectionSpec[] {
  // Unit tabs' own cells (criteria copies, computed points) are written by set-up and recompute,
  // which run as the cụm trưởng who clicks: they must be editors there too.
  const T = workbookText.tabs;
  const tabLeaders = uniq(leaderEmails(facts));
  const leaders = closed ? [] : tabLeaders;
  const team = closed ? [] : uniq(facts.team.map((m) => m.email));
  // Keys carry the year: an archived year's protections are never taken for the new year's.
  const whole = (key: string, sheet: string, editors: string[], label: string): ProtectionSpec => ({
    key: `${year}:${key}`, sheet, range: null, unprotected: [], editors, label,
  });
  // The closed year's lock: owner-only over every cell; removed when the year is reopened.
  const lock = (key: string, sheet: string): ProtectionSpec => ({
    key: `${year}:lock:${key}`, sheet, range: null, unprotected: [], editors: [], label: L.closedLock(sheet), wholeTab: true,
    ...(closed ? {} : { remove: true as const }),
  });
  const plan: ProtectionSpec[] = [
    whole('config', T.config, tabLeaders, L.config),
    whole('criteria', T.criteria, tabLeaders, L.criteria),
    whole('ballot', T.ballot, tabLeaders, L.ballot),
    whole('summary', T.summary, tabLeaders, L.summary),
    lock('config', T.config),
    lock('criteria', T.criteria),
    lock('ballot', T.ballot),
    lock('summary', T.summary),
  ];
  for (const t of tabs) {
    const rows = Math.max(1, t.lastRow - UNIT_LAYOUT.firstRow + 1);
    const block = (area: InputArea) => ({
      row: UNIT_LAYOUT.firstRow,
      column: AREA_COLUMNS[area].first,
      rows,
      columns: AREA_COLUMNS[area].last - AREA_COLUMNS[area].first + 1,
    });
    const unitOpen = !closed && (t.status === 'open' || t.status === 'returned');
    const editorsOf: Record<InputArea, string[]> = {
      unit: uniq([...(unitOpen ? t.unit.focalEmails : []), ...leaders]),
      crossCheck: uniq([...team, ...leaders]),
      final: leaders,
      note: uniq([...team, ...leaders]),
    };
    const areas: InputArea[] = ['unit', 'crossCheck', 'final', 'note'];
    plan.push({
      key: `${year}:unit:${t.unit.id}:sheet`,
      sheet: t.sheet,
      range: null,
      unprotected: areas.map(block),
      editors: tabLeaders,
      label: L.unitSheet(t.unit.id),
    }, lock(`unit:${t.unit.id}`, t.sheet));
    for (const area of areas) {
      plan.push({
        key: `${year}:unit:${t.unit.id}:${area}`,
        sheet: t.sheet,
        range: block(area),
        unprotected: [],
        editors: editorsOf[area],
        label: L.unitArea[area](t.unit.id),
      });
    }
  }
  return plan;
}

/**
 * Protections of the tabs every year shares: Nhật ký for the owner only (append-only for everyone
 * else: the add-on appends as the owner); the snapshot tab for the owner, and while a year is
 * open, for the cụm trưởng too, who writes the year's row when closing (closed rows get their own
 * owner-only protection, see snapshotRowSpec).
 */
export function sharedProtectionPlan(facts: RightsFacts, closed: boolean): ProtectionSpec[] {
  const T = workbookText.tabs;
  return [
    { key: 'log', sheet: T.log, range: null, unprotected: [], editors: [], label: L.log },
    { key: 'snapshot', sheet: T.snapshot, range: null, unprotected: [], editors: closed ? [] : uniq(leaderEmails(facts)), label: L.snapshot },
  ];
}

/**
 * An archived year's protections as a closed year wants them, from their keys alone: every cell
 * protection the owner's only; the sheet protections (renaming, hiding) are left as they are.
 */
export function archivedPlan(year: number, keys: readonly string[]): ProtectionSpec[] {
  const sheetLevel = new RegExp(`^${year}:(config|criteria|ballot|summary|unit:.*:sheet)$`);
  return keys.filter((k) => k.startsWith(`${year}:`) && !sheetLevel.test(k)).map((key) => ({
    key, sheet: '', range: null, unprotected: [], editors: [], label: '', existingOnly: true as const,
  }));
}

/** The owner-only protection of a closed year's snapshot row (a year closed again has a row more). */
export function snapshotRowSpec(year: number, row: number, columns: number): ProtectionSpec {
  return {
    key: `${year}:snapshot-row:${row}`,
    sheet: workbookText.tabs.snapshot,
    range: { row, column: 1, rows: 1, columns },
    unprotected: [],
    editors: [],
    label: L.snapshot,
  };
}

/**
 * May `email` edit the cell by the plan (every protection covering it lists them, or they own the
 * spreadsheet)? The same rule Sheets applies, used where Sheets cannot enforce it yet.
 */
export function mayEditByPlan(plan: readonly ProtectionSpec[], sheet: string, row: number, column: number, email: string, owner: string): boolean {
  if (same(email, owner)) return true;
  return specsCovering(plan, sheet, row, column).every((spec) => spec.editors.some((e) => same(e, email)));
}

/** The protections of the plan that cover a cell (those to be removed excepted). */
export function specsCovering(plan: readonly ProtectionSpec[], sheet: string, row: number, column: number): ProtectionSpec[] {
  const inside = (b: { row: number; column: number; rows: number; columns: number }) =>
    row >= b.row && row < b.row + b.rows && column >= b.column && column < b.column + b.columns;
  return plan.filter((spec) => !spec.remove && spec.sheet.toLowerCase() === sheet.toLowerCase() &&
    (spec.range ? inside(spec.range) : !spec.unprotected.some(inside)));
}
