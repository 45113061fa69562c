/**
 * Set-up as data: what Khởi tạo năm thi đua writes, computed in full from what it read before the
 * first write (src/app/setup.ts reads, then carries the plan out through the adapter). In two
 * steps because which unit tabs to read depends on Cấu hình: setupScope decides from Cấu hình,
 * Tiêu chí, the tab list and the state (and refuses, writing nothing); setupPlan then takes the
 * unit tabs and Bình xét as read. Nothing here reads or writes.
 */
import { normalizeKey } from '../core/input';
import type { Unit } from '../core/model';
import { defaultRules } from '../core/rules';
import { workbookText } from '../i18n/workbook';
import { mergeBallot } from './ballot';
import { mergeConfig, parseConfig, type YearConfig } from './config';
import { mergeCriteria, parseCriteria } from './criteria';
import { unitConditionalFormats, unitValidations, type ConditionalSpec, type ValidationSpec } from './format';
import { cellAt, type Grid, type OutValue } from './grid';
import { problem, type SheetProblem } from './problems';
import { identify, isLeader, protectionPlan, sharedProtectionPlan, type ProtectionSpec, type RightsFacts } from './rights';
import { submissionStatus, type FixedTab, type SetupCursor, type UnitTabRef, type WorkbookState, type YearState } from './state';
import { UNIT_LAYOUT, isEmptyGrid, renderUnitTab, rowInsertions, statusLine, unitHeaderOk, withInsertedRows, type RowInsertion } from './unitSheet';

const T = workbookText.tabs;
const A = workbookText.actions;

/** A tab as listed: name, id and 0-based position. */
export interface ListedTab {
  name: string;
  id: number;
  index: number;
}

/** Set-up refused: nothing is written. */
export interface SetupRefusal {
  refused: string;
  problems: SheetProblem[];
}

/**
 * Steps on the year's own tabs, carried out in order by the adapter (applyTabSteps):
 * - grid: the tab (created at the end, or before `insertBefore`, when missing) written from
 *   `before` to `after` (the differing cells only, or one block on a new tab);
 * - head: the tab (created when missing) with its first rows written when still blank; hidden
 *   when `hideIfNew` and this step created it;
 * - freeze: the tab's first rows frozen.
 */
export type TabStep =
  | { kind: 'grid'; tab: string; before: Grid; after: OutValue[][] }
  | { kind: 'head'; tab: string; values: OutValue[][]; hideIfNew?: boolean }
  | { kind: 'freeze'; tab: string; rows: number };

/** One unit tab, written whole (values, frozen rows, formats, protections). */
export interface UnitTabPlan {
  unitId: string;
  /** Position of the unit in Cấu hình. */
  position: number;
  /** Id of the existing tab, or null to create one named `name` before `insertBefore`. */
  tabId: number | null;
  name: string;
  insertBefore: string;
  /** Rows to insert natively first (Sheets moves what people typed below them). */
  insertions: RowInsertion[];
  /** The tab as read, with the inserted rows in place: only the cells that differ are written. */
  before: Grid;
  after: OutValue[][];
  frozenRows: number;
  validations: ValidationSpec[];
  formats: ConditionalSpec[];
  protections: ProtectionSpec[];
}

/** What set-up reads first. */
export interface SetupScopeInput {
  /** The posted config (its shape not checked yet), or undefined to set up from the sheet. */
  config: unknown;
  state: WorkbookState;
  tabs: readonly ListedTab[];
  configBefore: Grid;
  criteriaBefore: Grid;
  user: string;
  /** The owner-side person: the owner, or whoever sets up in a shared drive. */
  owner: string;
  /** This year (a first set-up from the sheet with no year in it). */
  thisYear: number;
  /** A part that continues from the cursor. */
  resume: boolean;
  /** Unit tabs per part. */
  unitsPerRun: number;
}

/** What set-up decided from Cấu hình and Tiêu chí: and the unit tabs it must read next. */
export interface SetupScope {
  input: SetupScopeInput;
  config: YearConfig | undefined;
  configAfter: OutValue[][];
  criteriaAfter: OutValue[][];
  parsedConfig: ReturnType<typeof parseConfig>;
  parsedCriteria: ReturnType<typeof parseCriteria>;
  facts: RightsFacts;
  year: number;
  problems: SheetProblem[];
  units: readonly Unit[];
  from: number;
  to: number;
  /** Per unit of this part, in order: the tab to read (by id, else by name), or null (none). */
  reads: Array<{ position: number; tab: ListedTab | null }>;
}

function lower(s: string): string {
  return s.trim().toLowerCase();
}

function find(tabs: readonly ListedTab[], name: string): ListedTab | undefined {
  return tabs.find((t) => lower(t.name) === lower(name));
}

/**
 * What refuses set-up before anything else is read: a closed year, a config of the wrong shape;
 * once Cấu hình is read (`configBefore`), nothing to set up from.
 */
export function setupRefusal(config: unknown, state: WorkbookState, configBefore?: Grid): SetupRefusal | null {
  if (state.year?.closed) return { refused: A.closed(state.year.year), problems: [] };
  if (config !== undefined && !isConfigShape(config)) return { refused: A.badConfig, problems: [] };
  if (configBefore && !config && configBefore.length === 0) return { refused: A.notSetUp, problems: [] };
  return null;
}

/**
 * The first half: checks the config's shape, merges it into Cấu hình and Tiêu chí, checks who may
 * and what blocks, and says which unit tabs this part reads. A refusal writes nothing.
 */
export function setupScope(input: SetupScopeInput): SetupScope | SetupRefusal {
  const early = setupRefusal(input.config, input.state, input.configBefore);
  if (early) return early;
  const existingYear = input.state.year;
  const config = input.config as YearConfig | undefined;
  const { configBefore, criteriaBefore, owner } = input;

  // Who may: the owner, the cụm trưởng of the year in the sheet, or — for a first set-up — the
  // cụm trưởng the new config names.
  const yearGuess = config?.cluster.year ?? existingYear?.year ?? input.thisYear;
  const existingParsed = configBefore.length > 0 ? parseConfig(configBefore, { defaults: defaultRules(yearGuess) }) : null;
  const configAfter = config ? mergeConfig(configBefore, config) : configBefore.map((r) => r.map((v) => v as OutValue));
  const criteriaAfter = config?.criteria ? mergeCriteria(criteriaBefore, config.criteria) : criteriaBefore.map((r) => r.map((v) => v as OutValue));
  const parsedCriteria = parseCriteria(criteriaAfter as Grid);
  const codes = new Set(parsedCriteria.table.rows.map((r) => r.code));
  const parsedConfig = parseConfig(configAfter as Grid, { defaults: config?.rules ?? defaultRules(yearGuess), criteriaCodes: codes });
  const facts: RightsFacts = { owner, units: parsedConfig.units, team: parsedConfig.team, leaderUnitId: parsedConfig.cluster.leaderUnitId };
  const deciding: RightsFacts = existingParsed
    ? { owner, units: existingParsed.units, team: existingParsed.team, leaderUnitId: existingParsed.cluster.leaderUnitId }
    : facts;
  if (!isLeader(identify(input.user, deciding))) return { refused: A.onlyLeaderOrOwner, problems: [] };

  const problems: SheetProblem[] = [...parsedConfig.problems, ...parsedCriteria.problems];
  if (criteriaBefore.length === 0 && !config?.criteria) problems.push({ ...problem(T.criteria, '', A.noCriteria), blocking: true });
  const year = parsedConfig.cluster.year;
  if (existingYear && year !== existingYear.year) {
    problems.push({ ...problem(T.config, '', A.yearChanged(existingYear.year, year)), blocking: true });
  }
  const blocking = problems.filter((p) => p.blocking);
  if (blocking.length > 0) return { refused: A.setupRefused(blocking.length), problems };

  // This part's units: all of them, unless there are more than one execution can set up; a part
  // that continues starts where the last one stopped (or from the start if the list changed).
  const units = parsedConfig.units;
  const cursor = input.state.setup;
  let from = 0;
  if (input.resume && cursor && cursor.year === year) {
    const at = units.findIndex((u) => u.id === cursor.nextUnit);
    from = at >= 0 ? at : 0;
  }
  const to = Math.min(units.length, from + input.unitsPerRun);
  // Each unit's tab by id, then by name.
  const reads: SetupScope['reads'] = [];
  for (let position = from; position < to; position++) {
    const unit = units[position]!;
    const ref = input.state.tabs[unit.id];
    const byId = ref ? input.tabs.find((t) => t.id === ref.sheetId) : undefined;
    reads.push({ position, tab: byId ?? find(input.tabs, unit.id) ?? null });
  }
  return { input, config, configAfter, criteriaAfter, parsedConfig, parsedCriteria, facts, year, problems, units, from, to, reads };
}

/** The whole set-up, carried out in this order by src/app/setup.ts. */
export interface SetupPlan {
  year: number;
  facts: RightsFacts;
  /** Problems of Cấu hình and Tiêu chí (always reported). */
  problems: SheetProblem[];
  /** Problems of each unit tab of this part, by position (reported for the units done). */
  unitProblems: Map<number, SheetProblem[]>;
  /** The only tab of a blank spreadsheet becomes Cấu hình when it is empty (no Cấu hình yet). */
  adoptBlank: boolean;
  /** The year's own tabs, in order. */
  steps: TabStep[];
  /** People the file is shared with before any protection is made. */
  share: string[];
  units: UnitTabPlan[];
  /** The year's own and shared protections (none for a part that continues). */
  protections: ProtectionSpec[];
  /** All units in Cấu hình order, and where this part ends. */
  unitIds: string[];
  to: number;
  criteriaRows: number;
}

/** The unit tabs and Bình xét, as read after setupScope. */
export interface SetupReads {
  /** Each of scope.reads' grids, by position ([] for none). */
  unitGrids: ReadonlyMap<number, Grid>;
  ballotBefore: Grid;
}

/** The second half: every write of the part, from the unit tabs and Bình xét as read. */
export function setupPlan(scope: SetupScope, reads: SetupReads, share: readonly string[]): SetupPlan {
  const { input, parsedConfig, parsedCriteria, year, facts } = scope;
  const state = input.state;
  const unitProblems = new Map<number, SheetProblem[]>();
  const units: UnitTabPlan[] = [];
  for (const { position, tab: read } of scope.reads) {
    const unit = scope.units[position]!;
    const own: SheetProblem[] = [];
    unitProblems.set(position, own);
    const ref = state.tabs[unit.id];
    const byId = ref && read && read.id === ref.sheetId ? read : undefined;
    let tab: ListedTab | null = null;
    const before: Grid = read ? reads.unitGrids.get(position) ?? [] : [];
    if (byId) {
      tab = byId;
      if (lower(byId.name) !== lower(unit.id)) {
        own.push(problem(byId.name, '', workbookText.problems.tabRenamed(unit.id, ref!.sheet, byId.name), { severity: 'warning', unitId: unit.id }));
      }
    } else if (read) {
      const key = String(cellAt(before, UNIT_LAYOUT.titleRow, UNIT_LAYOUT.width) ?? '');
      // Ours: empty, or our header with this unit's key (or none), or our title and key with the
      // rest not written yet (a set-up cut short by a failure).
      const startedByUs = (key === '' || normalizeKey(key) === normalizeKey(unit.id)) &&
        normalizeKey(cellAt(before, UNIT_LAYOUT.titleRow, 1)) === normalizeKey(workbookText.unit.title(year)) && headerBlank(before);
      const ours = isEmptyGrid(before) || startedByUs || (unitHeaderOk(before) && (key === '' || normalizeKey(key) === normalizeKey(unit.id)));
      if (!ours) {
        own.push(problem(read.name, '', workbookText.problems.tabForeign(read.name), { unitId: unit.id }));
        continue;
      }
      tab = read;
    } else if (ref) {
      own.push(problem(unit.id, '', workbookText.problems.tabRecreated(unit.id, ref.sheet), { severity: 'warning', unitId: unit.id }));
    }
    if (tab && !isEmptyGrid(before) && !unitHeaderOk(before) && !headerBlank(before)) {
      own.push(problem(tab.name, `A${UNIT_LAYOUT.headerRow}`, workbookText.problems.headerChanged(tab.name), { unitId: unit.id }));
      continue;
    }
    const rendered = renderUnitTab(before, parsedCriteria.table, unit, year, statusLine(state, unit.id));
    const name = tab?.name ?? unit.id;
    for (const code of rendered.orphans) {
      own.push(problem(name, '', workbookText.problems.orphanValues(code), { severity: 'warning', unitId: unit.id, code }));
    }
    // Criteria inserted into the table: rows inserted natively (those within what was read), so
    // Sheets moves what people typed, even while this runs; then only the new rows differ.
    const insertions = (tab && !isEmptyGrid(before) ? rowInsertions(before, parsedCriteria.table) ?? [] : [])
      .filter((ins) => ins.beforeRow <= before.length);
    const lastRow = rendered.lastCriterionRow;
    const facts1 = { unit, sheet: name, lastRow, status: submissionStatus(state, unit.id) };
    units.push({
      unitId: unit.id, position, tabId: tab?.id ?? null, name, insertBefore: T.summary, insertions,
      before: insertions.length > 0 ? withInsertedRows(before, insertions) : before, after: rendered.grid,
      frozenRows: UNIT_LAYOUT.headerRow, validations: unitValidations(lastRow), formats: unitConditionalFormats(lastRow),
      protections: protectionPlan(year, facts, [facts1], false).filter((p) => p.sheet === name),
    });
  }

  const tabs = input.tabs;
  const ballotAfter = mergeBallot(reads.ballotBefore, parsedConfig.rules.titles, parsedConfig.units);
  const steps: TabStep[] = [
    // The year's own tabs first, in their order; unit tabs then go in before Tổng hợp.
    { kind: 'grid', tab: T.config, before: input.configBefore, after: scope.configAfter },
    { kind: 'grid', tab: T.criteria, before: input.criteriaBefore, after: scope.criteriaAfter },
    { kind: 'head', tab: T.summary, values: [[workbookText.summary.title(parsedConfig.cluster.name, year)], [workbookText.summary.notComputed]] },
    { kind: 'grid', tab: T.ballot, before: reads.ballotBefore, after: ballotAfter },
    { kind: 'head', tab: T.log, values: [[...workbookText.log.header]] },
    { kind: 'head', tab: T.snapshot, values: [[...workbookText.snapshot.header]], hideIfNew: true },
    { kind: 'freeze', tab: T.config, rows: 4 },
    { kind: 'freeze', tab: T.criteria, rows: 4 },
    { kind: 'freeze', tab: T.summary, rows: 4 },
  ];
  return {
    year, facts, problems: scope.problems, unitProblems,
    adoptBlank: !find(tabs, T.config) && tabs.length === 1,
    steps, share: [...share], units,
    protections: input.resume ? [] : [...protectionPlan(year, facts, [], false), ...sharedProtectionPlan(facts, false)],
    unitIds: scope.units.map((u) => u.id), to: scope.to, criteriaRows: parsedCriteria.table.rows.length,
  };
}

/** The problems to report when the part stopped before the unit at position `next`. */
export function reportedProblems(plan: SetupPlan, next: number): SheetProblem[] {
  const out = [...plan.problems];
  // Problems of unit tabs this part did not reach are found again by the next part.
  for (const [position, own] of plan.unitProblems) if (position < next) out.push(...own);
  return out;
}

/** What the part did, as the adapter reports it. */
export interface SetupDone {
  /** The tab list after the part. */
  tabs: readonly ListedTab[];
  /** The unit tabs written, by unit id (their names as now listed). */
  written: readonly string[];
  /** Position of the first unit not reached (scope.to when all were). */
  next: number;
  auditTrigger: boolean;
  /** Years archived by this set-up (copy to a new year). */
  archivedYears: readonly number[];
  at: Date;
  resumeAfterMs: number;
}

/**
 * The state the part leaves: the year record (ids and positions of the year's tabs, whether the
 * edit trigger is there), each written unit tab's reference, and the cursor when units remain.
 */
export function setupRecord(plan: SetupPlan, state: WorkbookState, owner: string, user: string, resume: boolean, done: SetupDone): {
  year: YearState; refs: Record<string, UnitTabRef>; setup: SetupCursor | undefined;
} {
  const existingYear = state.year;
  const refs: Record<string, UnitTabRef> = {};
  for (const unitId of done.written) {
    const u = plan.units.find((x) => x.unitId === unitId)!;
    const info = find(done.tabs, u.name);
    if (info) refs[unitId] = { sheetId: info.id, sheet: info.name, index: info.index };
  }
  const indexes: Partial<Record<FixedTab, number>> = {};
  const ids: Partial<Record<FixedTab, number>> = {};
  for (const [key, name] of Object.entries({ config: T.config, criteria: T.criteria, summary: T.summary, ballot: T.ballot, log: T.log, snapshot: T.snapshot })) {
    const t = find(done.tabs, name);
    if (t) {
      indexes[key as FixedTab] = t.index;
      ids[key as FixedTab] = t.id;
    }
  }
  const year: YearState = {
    year: plan.year,
    owner,
    summary: existingYear?.summary ?? { rows: 0, columns: 0 },
    archivedYears: [...(existingYear?.archivedYears ?? []), ...done.archivedYears].filter((v, i, all) => all.indexOf(v) === i),
    auditTrigger: done.auditTrigger,
    indexes,
    ids,
  };
  // What is pending stays pending until a run that can see everything applies it (see locks.ts).
  for (const k of ['pendingLock', 'pendingBy', 'ownerNeeded', 'archivedPending'] as const) {
    if (existingYear?.[k] !== undefined) Object.assign(year, { [k]: existingYear[k] });
  }
  const cursor = state.setup;
  const more = done.next < plan.unitIds.length;
  const setup: SetupCursor | undefined = more
    ? {
      year: plan.year, next: done.next, nextUnit: plan.unitIds[done.next]!, total: plan.unitIds.length, at: done.at.toISOString(),
      by: resume && cursor ? cursor.by : user, resumeAt: new Date(done.at.getTime() + done.resumeAfterMs).toISOString(),
    }
    : undefined;
  return { year, refs, setup };
}

/** The header row of a unit tab holds nothing yet. */
function headerBlank(grid: Grid): boolean {
  return (grid[UNIT_LAYOUT.headerRow - 1] ?? []).every((c) => c === '' || c === null || c === undefined);
}

/** A config from the client is untrusted JSON: check its shape before reading it. */
function isConfigShape(c: unknown): c is YearConfig {
  if (!c || typeof c !== 'object') return false;
  const x = c as Partial<YearConfig>;
  return (
    !!x.cluster && typeof x.cluster === 'object' && typeof x.cluster.name === 'string' &&
    Array.isArray(x.units) && x.units.every((u) => u && typeof u === 'object' && typeof u.id === 'string' && Array.isArray(u.focalEmails)) &&
    Array.isArray(x.crossCheckTeam) &&
    !!x.rules && typeof x.rules === 'object' && Array.isArray(x.rules.classificationBands) && Array.isArray(x.rules.titles) &&
    (x.criteria === undefined || (typeof x.criteria === 'object' && Array.isArray(x.criteria.rows)))
  );
}
