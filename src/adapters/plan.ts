/**
 * Carries out a write plan (src/workbook/plan.ts): the one door for an action's writes. Blocks go
 * through SheetsAdapter, so people's text is always written as text (asText); the state patch
 * goes to the document's properties last, once every block is written.
 *
 * Cost: those of setProtectionEditors per protection (first), 2 calls per block (a tab named by name: getRange by A1 + setValues; a unit's tab already
 * read: getRange + setValues; an appended row 1, + 1 lookup unless the tab is in `named`), + 1 lookup (none for a tab in `named`) and 2–4 calls per tab grown, + 1 properties call when
 * the plan has a state patch; then those of applyProtections for the year's locks, tabs looked up by name.
 */
import type { ArchiveStep } from '../workbook/copyYear';
import type { ConditionalSpec, ValidationSpec } from '../workbook/format';
import type { Grid, OutValue } from '../workbook/grid';
import type { WritePlan } from '../workbook/plan';
import type { ProtectionSpec } from '../workbook/rights';
import type { TabStep, UnitTabPlan } from '../workbook/setupPlan';
import { isEmptyGrid } from '../workbook/unitSheet';
import type { StateStore } from './properties';
import type { ProtectionOutcome, Sheet, SheetsAdapter } from './sheets';

/** What stopped a plan: the name of a tab it needed and that is not there (null: carried out). */
export interface PlanOutcome {
  missing: string | null;
  /** What the year's locks (WritePlan.locks) could not do, when the plan had them. */
  locks?: ProtectionOutcome;
}

/** How protections are set: as whom, keeping whom, and what to do with each outcome at once. */
export interface ProtectionRunner {
  me: string;
  keep: string;
  /** Called right after each protection is set, before anything else is written. */
  onOutcome: (outcome: ProtectionResult) => void;
}

export type ProtectionResult = ReturnType<SheetsAdapter['setProtectionEditors']>;

export function applyWritePlan(
  sheets: SheetsAdapter, store: StateStore, plan: WritePlan, unitSheets: ReadonlyMap<string, { sheet: Sheet } | null | undefined>,
  options: { runner?: ProtectionRunner; named?: ReadonlyMap<string, Sheet> } = {},
): PlanOutcome {
  const { runner, named } = options;
  for (const p of plan.protections ?? []) {
    const sheet = unitSheets.get(p.tab.unit)?.sheet;
    if (!sheet) return { missing: p.tab.unit };
    if (!runner) throw new Error('A plan with protections needs a ProtectionRunner');
    runner.onOutcome(sheets.setProtectionEditors(sheet, p.key, p.editors, runner.me, runner.keep));
  }
  for (const g of plan.grow) {
    const sheet = named?.get(g.tab) ?? sheets.byName(g.tab);
    if (!sheet) return { missing: g.tab };
    sheets.ensureSize(sheet, g.rows, g.columns);
  }
  for (const b of plan.blocks) {
    if ('name' in b.tab) {
      // A tab the action already holds is written through it (2 calls, as by name).
      const held = named?.get(b.tab.name);
      if (held && b.append) {
        sheets.append(held, b.values);
        continue;
      }
      if (held) {
        sheets.write(held, b.row, b.column, b.values);
        continue;
      }
      if (b.append) {
        const sheet = sheets.byName(b.tab.name);
        if (!sheet) return { missing: b.tab.name };
        sheets.append(sheet, b.values);
        continue;
      }
      if (sheets.writeToTab(b.tab.name, b.row, b.column, b.values) === 'missing') return { missing: b.tab.name };
      continue;
    }
    const sheet = unitSheets.get(b.tab.unit)?.sheet;
    if (sheet) sheets.write(sheet, b.row, b.column, b.values);
  }
  if (Object.keys(plan.state).length > 0) store.write(plan.state);
  if (plan.locks) {
    if (!runner) throw new Error('A plan with locks needs a ProtectionRunner');
    return { missing: null, locks: applyProtectionsLookingUp(sheets, plan.locks, runner.me, runner.keep) };
  }
  return { missing: null };
}

/** A tab by name from the tab list this execution holds (no calls once listed). */
function tabNamed(sheets: SheetsAdapter, name: string): Sheet | null {
  const t = sheets.tabs().find((x) => lower(x.name) === lower(name));
  return t ? sheets.sheets()[t.index] ?? null : null;
}

function lower(s: string): string {
  return s.trim().toLowerCase();
}

/** The tab named `name`, created (1–2 calls) when missing: before the tab `before`, else at the end. */
function ensureTab(sheets: SheetsAdapter, name: string, before?: string): Sheet {
  const have = tabNamed(sheets, name);
  if (have) return have;
  const at = before ? sheets.tabs().find((t) => lower(t.name) === lower(before))?.index : undefined;
  return sheets.insert(name, at);
}

/**
 * A blank new spreadsheet: its only tab becomes `name` when it is empty (1 call to read it,
 * + 1 to rename). Call only when the tab list holds one tab and none named `name`.
 */
export function adoptBlankTab(sheets: SheetsAdapter, name: string): void {
  const only = sheets.sheets()[0]!;
  if (!isEmptyGrid(sheets.values(only))) return;
  sheets.rename(only, name);
  sheets.adoptEmpty(only);
}

/**
 * Carries out the year's own tab steps (src/workbook/setupPlan.ts), in order. Costs: a missing tab
 * 1–2 calls to create; a grid that of writeGrid; a head 2 calls to read the first rows of an
 * existing tab, + 2 to write them when blank, + 1 to hide a new one; a freeze that of freeze.
 */
export function applyTabSteps(sheets: SheetsAdapter, steps: readonly TabStep[]): void {
  for (const step of steps) {
    if (step.kind === 'grid') {
      sheets.writeGrid(ensureTab(sheets, step.tab), step.before, step.after);
    } else if (step.kind === 'head') {
      const existing = tabNamed(sheets, step.tab);
      const width = Math.max(...step.values.map((r) => r.length));
      const block = step.values.map((r) => [...r, ...Array<OutValue>(width - r.length).fill('')]);
      const sheet = existing ?? sheets.insert(step.tab);
      // A set-up cut short may have created it and stopped: its first rows are written when blank.
      const blank = !existing || sheets.blockValues(sheet, 1, 1, block.length, width).every((r) => r.every((c) => c === ''));
      if (blank) sheets.write(sheet, 1, 1, block);
      if (!existing && step.hideIfNew) sheets.hideShown(sheet);
    } else {
      const sheet = tabNamed(sheets, step.tab);
      if (sheet) sheets.freeze(sheet, step.rows);
    }
  }
}

/**
 * One unit tab, whole: found by id (1 call) or created, rows inserted natively (1 call each), the
 * differing cells written, the first rows frozen, validations and conditional formats set, and its
 * protections applied as `me`, keeping `keep`. Returns what the protections could not do.
 */
export function applyUnitTab(sheets: SheetsAdapter, plan: UnitTabPlan, me: string, keep: string): ProtectionOutcome {
  const sheet = plan.tabId !== null ? sheets.byId(plan.tabId)! : ensureTab(sheets, plan.name, plan.insertBefore);
  for (const ins of plan.insertions) sheets.insertRowsBefore(sheet, ins.beforeRow, ins.count);
  sheets.writeGrid(sheet, plan.before, plan.after);
  sheets.freeze(sheet, plan.frozenRows);
  sheets.applyValidations(sheet, plan.validations);
  sheets.applyConditionalFormats(sheet, plan.formats);
  return sheets.applyProtections(plan.protections, (name) => tabNamed(sheets, name), me, keep);
}

/** The year's own and shared protections, by tab name (see SheetsAdapter.applyProtections). */
export function applyProtectionsByName(sheets: SheetsAdapter, specs: readonly ProtectionSpec[], me: string, keep: string): ProtectionOutcome {
  return sheets.applyProtections(specs, (name) => tabNamed(sheets, name), me, keep);
}

/**
 * Archives a closed year's tabs, each found by id (1 call) and named (1 call): one still under its
 * plain name is renamed to the archived name, or the first "name (2)", "name (3)"… free (1 lookup
 * each, + 1 to rename); one renamed by a run cut short is only hidden; any other name (a tab of the
 * new year) is left alone. Hiding costs 1 call, + 1 when shown.
 */
export function archiveTabs(sheets: SheetsAdapter, steps: readonly ArchiveStep[]): void {
  for (const step of steps) {
    const sheet = sheets.byId(step.id);
    if (!sheet) continue;
    const name = sheets.nameOf(sheet);
    if (name === step.name) sheets.rename(sheet, freeName(sheets, step.archived));
    else if (name !== step.archived && !name.startsWith(`${step.archived} (`)) continue;
    if (step.hide) sheets.hide(sheet);
  }
}

/** "Tổng hợp 2021", or "Tổng hợp 2021 (2)" when taken. */
function freeName(sheets: SheetsAdapter, name: string): string {
  if (!sheets.byName(name)) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name} (${i})`;
    if (!sheets.byName(candidate)) return candidate;
  }
}

/**
 * Protections whose tabs are looked up by name as needed (1 call per distinct name, kept for the
 * call), e.g. the year's as its state says (src/app/locks.ts). See SheetsAdapter.applyProtections.
 */
export function applyProtectionsLookingUp(sheets: SheetsAdapter, specs: readonly ProtectionSpec[], me: string, keep: string): ProtectionOutcome {
  const cache = new Map<string, Sheet | null>();
  return sheets.applyProtections(specs, (name) => {
    if (!cache.has(name)) cache.set(name, sheets.byName(name));
    return cache.get(name) ?? null;
  }, me, keep);
}

/** A listed tab's values, A1 to its last filled row (1 call); [] for none. */
export function readListed(sheets: SheetsAdapter, tab: { index: number } | null | undefined): Grid {
  return tab ? sheets.values(sheets.sheets()[tab.index]!) : [];
}

/** The Sơ kết 6 tháng tab's plan (src/workbook/midYear.ts), as src/app/midYear.ts builds it. */
export interface MidYearTabPlan {
  tab: string;
  /** The tab found (this year's, or an empty one), or null: created at the end. */
  found: Sheet | null;
  before: Grid;
  after: OutValue[][];
  frozenRows: number;
  frozenColumns: number;
  /** Rows whose long text wraps (the good practices), set on a new tab. */
  wrapRows: Array<{ row: number; column: number; rows: number; columns: number }>;
  validations: readonly ValidationSpec[];
  formats: readonly ConditionalSpec[];
  protections: readonly ProtectionSpec[];
}

/**
 * The Sơ kết 6 tháng tab, whole: created when not found (1–2 calls), the differing cells written
 * (writeGrid), rows and columns frozen (1 call each on a new tab, else 1 + 1 when they differ),
 * long text wrapped (2 calls per block, new tab only), validation and conditional formats set, then
 * its protections applied as `me`, keeping `keep`. Returns the tab and what the protections could not do.
 */
export function applyMidYearTab(sheets: SheetsAdapter, plan: MidYearTabPlan, me: string, keep: string): { sheet: Sheet; outcome: ProtectionOutcome } {
  const sheet = plan.found ?? sheets.insert(plan.tab);
  const fresh = sheets.isNew(sheet);
  sheets.writeGrid(sheet, plan.before, plan.after);
  sheets.freeze(sheet, plan.frozenRows);
  if (fresh || sheet.getFrozenColumns() !== plan.frozenColumns) sheet.setFrozenColumns(plan.frozenColumns);
  if (fresh) for (const b of plan.wrapRows) sheets.range(sheet, b).setWrap(true);
  sheets.applyValidations(sheet, plan.validations);
  sheets.applyConditionalFormats(sheet, plan.formats);
  // Every spec is on this tab: only its protections are listed, not the file's.
  const listed = fresh ? undefined : sheets.protectionsOnTab(sheet, plan.protections.some((p) => p.range === null));
  const outcome = sheets.applyProtections(plan.protections, (name) => (lower(name) === lower(plan.tab) ? sheet : null), me, keep, listed);
  return { sheet, outcome };
}

/**
 * Protections all on one tab, listing only that tab's (1 call per type + 1 per protection on it),
 * then those of applyProtections. For the Sơ kết 6 tháng close.
 */
export function applyTabProtections(sheets: SheetsAdapter, sheet: Sheet, specs: readonly ProtectionSpec[], me: string, keep: string): ProtectionOutcome {
  const listed = sheets.protectionsOnTab(sheet, specs.some((p) => p.range === null));
  return sheets.applyProtections(specs, () => sheet, me, keep, listed);
}
