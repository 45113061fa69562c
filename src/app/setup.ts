/**
 * Khởi tạo năm thi đua: creates what the year needs and adds what is missing, never deleting,
 * moving to another code, or overwriting what people typed. Everything is computed first (the
 * merged Cấu hình and Tiêu chí, every unit tab re-rendered by code); only then are tabs created
 * and the differing cells written, so a refusal writes nothing and a failure part-way is
 * completed by running set-up again.
 */
import { normalizeKey } from '../core/input';
import type { Unit } from '../core/model';
import { defaultRules } from '../core/rules';
import type { ProtectionOutcome, Sheet, TabInfo } from '../adapters/sheets';
import { NEEDS } from '../adapters/scopes';
import { clearSetupTriggers, scheduleSetup } from '../adapters/triggers';
import { workbookText } from '../i18n/workbook';
import { mergeBallot } from '../workbook/ballot';
import { mergeConfig, parseConfig, type YearConfig } from '../workbook/config';
import { mergeCriteria, parseCriteria } from '../workbook/criteria';
import { unitConditionalFormats, unitValidations } from '../workbook/format';
import { cellAt, type Grid, type OutValue } from '../workbook/grid';
import { problem, type SheetProblem } from '../workbook/problems';
import { identify, isLeader, protectionPlan, sharedProtectionPlan, type RightsFacts, type UnitTabFacts } from '../workbook/rights';
import { StateStore } from '../adapters/properties';
import { KEY, submissionStatus, type FixedTab, type SetupCursor, type UnitTabRef, type YearState } from '../workbook/state';
import { problemsNote } from '../workbook/summary';
import { UNIT_LAYOUT, isEmptyGrid, renderUnitTab, statusLine, unitHeaderOk, rowInsertions, withInsertedRows, type RowInsertion } from '../workbook/unitSheet';
import { actionRow, appendLog } from './audit';
import { peopleToShareWith, shareWithMembers } from './share';
import { ownerOf, type Context } from './context';
import { recordOutcome } from './locks';
import { ActionError, done, type ActionResult } from './result';
import { runLocked } from './run';

const T = workbookText.tabs;
const A = workbookText.actions;

/**
 * Sets up (or completes) the year from `config`, or from what Cấu hình and Tiêu chí already hold
 * when `config` is omitted. Idempotent: running it twice writes nothing the second time.
 */
export function setupYear(config?: YearConfig): ActionResult {
  return runLocked(A.busySetup, workbookText.log.actions.setup, (ctx) => setupInLock(ctx, config), NEEDS.setup);
}

function lower(s: string): string {
  return s.trim().toLowerCase();
}

/** A tab to create or update, computed before any write. */
interface UnitPlan {
  unit: Unit;
  /** Position of the unit in Cấu hình. */
  position: number;
  unitId: string;
  /** Existing tab, or null to create one named `name`. */
  tab: TabInfo | null;
  name: string;
  before: Grid;
  after: OutValue[][];
  lastRow: number;
  /** Rows to insert natively before writing (an existing tab whose table gained criteria). */
  insertions: RowInsertion[];
}

/**
 * How much set-up does in one execution (Apps Script stops one at 6 minutes). Under the bench's
 * latency model a new unit tab costs about 1 s, most of it its five protections: 700 units cannot
 * fit in one execution, so set-up goes on in parts from a cursor, each part started by a trigger.
 */
export const SETUP_LIMITS = {
  /** Unit tabs per part (≈ 3.5 minutes of modelled calls). */
  unitsPerRun: 200,
  /** No unit tab is started after this long into an execution. */
  msPerRun: 4 * 60_000,
  /**
   * The next part starts this long after a part ends: an add-on's time-driven trigger may run at
   * most once an hour, so the sidebar offers Tiếp tục khởi tạo meanwhile.
   */
  resumeAfterMs: 60 * 60_000,
};

/**
 * Continues a set-up that goes on in parts: the next part, from the saved cursor (the handler of
 * the trigger each part leaves; also callable from the sidebar). Nothing to do without a cursor.
 * A part refused because someone else holds the lock is tried again later.
 */
export function continueSetup(): ActionResult {
  const result = runLocked(A.busySetup, workbookText.log.actions.setup, (ctx) => {
    const cursor = ctx.state.setup;
    if (!cursor) {
      clearSetupTriggers();
      return done(A.setupNothingToContinue);
    }
    return setupInLock(ctx, undefined, '', [], { resume: true });
  }, NEEDS.setup);
  if (!result.ok && result.message === A.busySetup) scheduleSetup(SETUP_LIMITS.resumeAfterMs);
  return result;
}

/** Set-up itself, inside the lock. Exported for copy-to-new-year. */
export function setupInLock(ctx: Context, config: YearConfig | undefined, extraNote = '', archivedYears: number[] = [], part: { resume?: boolean } = {}): ActionResult {
  const started = Date.now();
  const existingYear = ctx.state.year;
  if (existingYear?.closed) throw new ActionError(A.closed(existingYear.year));
  if (config !== undefined && !isConfigShape(config)) throw new ActionError(A.badConfig);

  let tabs = ctx.sheets.tabs();
  const find = (name: string) => tabs.find((t) => lower(t.name) === lower(name));
  const read = (t: TabInfo | undefined): Grid => (t ? ctx.sheets.values(ctx.sheets.sheets()[t.index]!) : []);

  const configTab = find(T.config);
  const criteriaTab = find(T.criteria);
  const configBefore = read(configTab);
  const criteriaBefore = read(criteriaTab);
  if (!config && configBefore.length === 0) throw new ActionError(A.notSetUp);

  // Who may: the owner, the cụm trưởng of the year in the sheet, or — for a first set-up — the
  // cụm trưởng the new config names.
  const yearGuess = config?.cluster.year ?? existingYear?.year ?? ctx.now.getFullYear();
  // In a shared drive the file has no owner: whoever sets the year up stands as its owner-side person.
  const owner = ownerOf(ctx) || ctx.user;
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
  if (!isLeader(identify(ctx.user, deciding))) throw new ActionError(A.onlyLeaderOrOwner);

  const problems: SheetProblem[] = [...parsedConfig.problems, ...parsedCriteria.problems];
  if (criteriaBefore.length === 0 && !config?.criteria) problems.push({ ...problem(T.criteria, '', A.noCriteria), blocking: true });
  const year = parsedConfig.cluster.year;
  if (existingYear && year !== existingYear.year) {
    problems.push({ ...problem(T.config, '', A.yearChanged(existingYear.year, year)), blocking: true });
  }
  const blocking = problems.filter((p) => p.blocking);
  if (blocking.length > 0) throw new ActionError(A.setupRefused(blocking.length), problems);

  // This part's units: all of them, unless there are more than one execution can set up; a part
  // that continues starts where the last one stopped (or from the start if the list changed).
  const units = parsedConfig.units;
  const cursor = ctx.state.setup;
  let from = 0;
  if (part.resume && cursor && cursor.year === year) {
    const at = units.findIndex((u) => u.id === cursor.nextUnit);
    from = at >= 0 ? at : 0;
  }
  const to = Math.min(units.length, from + SETUP_LIMITS.unitsPerRun);

  // Unit tabs: find each one's tab by id, then by name; never write over a tab that is not ours.
  const plans: UnitPlan[] = [];
  const unitProblems = new Map<number, SheetProblem[]>();
  for (let position = from; position < to; position++) {
    const unit = units[position]!;
    const own: SheetProblem[] = [];
    unitProblems.set(position, own);
    const ref = ctx.state.tabs[unit.id];
    const byId = ref ? tabs.find((t) => t.id === ref.sheetId) : undefined;
    const byName = find(unit.id);
    let tab: TabInfo | null = null;
    let before: Grid = [];
    if (byId) {
      tab = byId;
      before = read(byId);
      if (lower(byId.name) !== lower(unit.id)) {
        own.push(problem(byId.name, '', workbookText.problems.tabRenamed(unit.id, ref!.sheet, byId.name), { severity: 'warning', unitId: unit.id }));
      }
    } else if (byName) {
      before = read(byName);
      const key = String(cellAt(before, UNIT_LAYOUT.titleRow, UNIT_LAYOUT.width) ?? '');
      // Ours: empty, or our header with this unit's key (or none), or our title and key with the
      // rest not written yet (a set-up cut short by a failure).
      const startedByUs = (key === '' || normalizeKey(key) === normalizeKey(unit.id)) &&
        normalizeKey(cellAt(before, UNIT_LAYOUT.titleRow, 1)) === normalizeKey(workbookText.unit.title(year)) && headerBlank(before);
      const ours = isEmptyGrid(before) || startedByUs || (unitHeaderOk(before) && (key === '' || normalizeKey(key) === normalizeKey(unit.id)));
      if (!ours) {
        own.push(problem(byName.name, '', workbookText.problems.tabForeign(byName.name), { unitId: unit.id }));
        continue;
      }
      tab = byName;
    } else if (ref) {
      own.push(problem(unit.id, '', workbookText.problems.tabRecreated(unit.id, ref.sheet), { severity: 'warning', unitId: unit.id }));
    }
    if (tab && !isEmptyGrid(before) && !unitHeaderOk(before) && !headerBlank(before)) {
      own.push(problem(tab.name, `A${UNIT_LAYOUT.headerRow}`, workbookText.problems.headerChanged(tab.name), { unitId: unit.id }));
      continue;
    }
    const rendered = renderUnitTab(before, parsedCriteria.table, unit, year, statusLine(ctx.state, unit.id));
    for (const code of rendered.orphans) {
      own.push(problem(tab?.name ?? unit.id, '', workbookText.problems.orphanValues(code), { severity: 'warning', unitId: unit.id, code }));
    }
    const insertions = tab && !isEmptyGrid(before) ? rowInsertions(before, parsedCriteria.table) ?? [] : [];
    plans.push({ unit, position, unitId: unit.id, tab, name: tab?.name ?? unit.id, before, after: rendered.grid, lastRow: rendered.lastCriterionRow, insertions });
  }

  const ballotTab = find(T.ballot);
  const ballotBefore = read(ballotTab);
  const ballotAfter = mergeBallot(ballotBefore, parsedConfig.rules.titles, parsedConfig.units);

  // ——— writes ———
  const sheetNamed = (name: string): Sheet | null => {
    const t = tabs.find((x) => lower(x.name) === lower(name));
    return t ? ctx.sheets.sheets()[t.index] ?? null : null;
  };
  const ensure = (name: string, beforeName?: string): Sheet => {
    const have = sheetNamed(name);
    if (have) return have;
    const at = beforeName ? find(beforeName)?.index : undefined;
    const sheet = ctx.sheets.insert(name, at);
    tabs = ctx.sheets.tabs();
    return sheet;
  };

  // A blank new spreadsheet: its only, empty tab becomes Cấu hình.
  if (!configTab && tabs.length === 1 && isEmptyGrid(read(tabs[0]))) {
    const blank = ctx.sheets.sheets()[0]!;
    ctx.sheets.rename(blank, T.config);
    ctx.sheets.adoptEmpty(blank);
    tabs = ctx.sheets.tabs();
  }
  const write = (sheet: Sheet, before: Grid, after: OutValue[][]) => ctx.sheets.writeGrid(sheet, before, after);
  // The year's own tabs first, in their order; unit tabs then go in before Tổng hợp.
  const configSheet = ensure(T.config);
  write(configSheet, configBefore, configAfter);
  const criteriaSheet = ensure(T.criteria);
  write(criteriaSheet, criteriaBefore, criteriaAfter);
  const summarySheet = ensureWith(ctx, sheetNamed(T.summary), T.summary, [[workbookText.summary.title(parsedConfig.cluster.name, year)], [workbookText.summary.notComputed]]);
  tabs = ctx.sheets.tabs();
  const ballotSheet = ensure(T.ballot);
  write(ballotSheet, ballotBefore, ballotAfter);
  ensureWith(ctx, sheetNamed(T.log), T.log, [[...workbookText.log.header]]);
  const hadSnapshot = sheetNamed(T.snapshot) !== null;
  const snap = ensureWith(ctx, sheetNamed(T.snapshot), T.snapshot, [[...workbookText.snapshot.header]]);
  if (!hadSnapshot) ctx.sheets.hideShown(snap);
  tabs = ctx.sheets.tabs();
  ctx.sheets.freeze(configSheet, 4);
  ctx.sheets.freeze(criteriaSheet, 4);
  ctx.sheets.freeze(summarySheet, 4);

  const isOwner = ctx.runner !== '' && ctx.runner === owner;
  const sheetOf = (name: string): Sheet | null => sheetNamed(name);
  const tabFact = (plan: UnitPlan, sheet: string): UnitTabFacts => ({ unit: plan.unit, sheet, lastRow: plan.lastRow, status: submissionStatus(ctx.state, plan.unitId) });

  // Share the file before any protection is made: a new protection's editors mirror the file's
  // until first changed, so one made before sharing could let those shared later edit it.
  const shared = shareWithMembers(ctx.sheets, peopleToShareWith(parsedConfig.units, parsedConfig.team));

  // Unit tabs one by one, each whole (values, formats, protections), until the part's time is up.
  const outcome: ProtectionOutcome = { stuck: false, skipped: 0, needsOwner: false };
  const applied = (o: ProtectionOutcome) => {
    outcome.stuck ||= o.stuck;
    outcome.skipped += o.skipped;
    outcome.needsOwner ||= o.needsOwner;
    for (const e of o.refused ?? []) if (!(outcome.refused ??= []).includes(e)) outcome.refused.push(e);
  };
  let next = to;
  const refs: Record<string, UnitTabRef> = {};
  for (const plan of plans) {
    if (plan !== plans[0] && Date.now() - started > SETUP_LIMITS.msPerRun) {
      next = plan.position;
      break;
    }
    const sheet = plan.tab ? ctx.sheets.byId(plan.tab.id)! : ensure(plan.name, T.summary);
    // Criteria inserted into the table: insert rows natively so Sheets moves what people typed,
    // even while this runs; then only the new rows differ from what was read.
    let before = plan.before;
    for (const ins of plan.insertions) {
      if (ins.beforeRow > before.length) continue;
      ctx.sheets.insertRowsBefore(sheet, ins.beforeRow, ins.count);
    }
    if (plan.insertions.length > 0) before = withInsertedRows(before, plan.insertions);
    write(sheet, before, plan.after);
    ctx.sheets.freeze(sheet, UNIT_LAYOUT.headerRow);
    ctx.sheets.applyValidations(sheet, unitValidations(plan.lastRow));
    ctx.sheets.applyConditionalFormats(sheet, unitConditionalFormats(plan.lastRow));
    const info = find(plan.tab?.name ?? plan.name);
    const name = info?.name ?? plan.name;
    if (info) refs[plan.unitId] = { sheetId: info.id, sheet: info.name, index: info.index };
    applied(ctx.sheets.applyProtections(protectionPlan(year, facts, [tabFact(plan, name)], false).filter((p) => p.sheet === name), sheetOf, ctx.runner, owner));
  }
  // Problems of unit tabs this part did not reach are found again by the next part.
  const reported = [...problems];
  for (const [position, own] of unitProblems) if (position < next) reported.push(...own);
  // Tab positions moved as tabs were created: the last ones.
  for (const ref of Object.values(refs)) ref.index = tabs.find((t) => t.id === ref.sheetId)?.index ?? ref.index;

  // State before the year's own protections: they may take the runner's own rights away.
  const indexes: Partial<Record<FixedTab, number>> = {};
  const ids: Partial<Record<FixedTab, number>> = {};
  for (const [key, name] of Object.entries({ config: T.config, criteria: T.criteria, summary: T.summary, ballot: T.ballot, log: T.log, snapshot: T.snapshot })) {
    const t = find(name);
    if (t) {
      indexes[key as FixedTab] = t.index;
      ids[key as FixedTab] = t.id;
    }
  }
  let auditTrigger = existingYear?.auditTrigger ?? false;
  if (isOwner) {
    auditTrigger = ctx.sheets.ensureEditTrigger();
    if (!auditTrigger) reported.push(problem(T.log, '', A.auditTriggerRefused, { severity: 'warning' }));
  } else if (!auditTrigger) reported.push(problem(T.log, '', A.noAuditTrigger, { severity: 'warning' }));
  const yearState: YearState = {
    year,
    owner,
    summary: existingYear?.summary ?? { rows: 0, columns: 0 },
    archivedYears: [...(existingYear?.archivedYears ?? []), ...archivedYears].filter((v, i, all) => all.indexOf(v) === i),
    auditTrigger,
    indexes,
    ids,
  };
  // What is pending stays pending until a run that can see everything applies it (see locks.ts).
  for (const k of ['pendingLock', 'pendingBy', 'ownerNeeded', 'archivedPending'] as const) {
    if (existingYear?.[k] !== undefined) Object.assign(yearState, { [k]: existingYear[k] });
  }
  const values: Record<string, string> = { [KEY.year]: JSON.stringify(yearState) };
  for (const [id, ref] of Object.entries(refs)) {
    const [k, v] = StateStore.tabEntry(id, ref);
    values[k] = v;
  }
  const more = next < units.length;
  const setup: SetupCursor | undefined = more
    ? {
      year, next, nextUnit: units[next]!.id, total: units.length, at: new Date().toISOString(),
      by: part.resume && cursor ? cursor.by : ctx.user, resumeAt: new Date(Date.now() + SETUP_LIMITS.resumeAfterMs).toISOString(),
    }
    : undefined;
  if (setup) values[KEY.setup] = JSON.stringify(setup);
  ctx.store.write(values);
  if (!setup && cursor) ctx.store.remove([KEY.setup]);
  ctx.state.year = yearState;
  ctx.state.setup = setup;
  Object.assign(ctx.state.tabs, refs);

  // The year's own tabs (the first part does them; a part that continues only adds unit tabs).
  if (!part.resume) {
    const fixed = protectionPlan(year, facts, [], false);
    applied(ctx.sheets.applyProtections([...fixed, ...sharedProtectionPlan(facts, false)], sheetOf, ctx.runner, owner));
  }
  // A part that continues saw only its unit tabs: it cannot tell that nothing else is pending.
  recordOutcome(ctx, part.resume ? { ...outcome, skipped: outcome.skipped + 1 } : outcome);
  reported.push(...shared);
  // Sheets takes no address without a Google account as an editor of a protected range.
  for (const email of outcome.refused ?? []) reported.push(problem(T.config, '', A.notGoogleAccount(email), { severity: 'warning' }));
  // The next part runs from a trigger; none is left once the last part is done. A trigger Apps
  // Script refuses (20 per user, the scope withheld) leaves the sidebar's button (1 call).
  const scheduled = setup ? scheduleSetup(SETUP_LIMITS.resumeAfterMs) : false;
  if (setup && !scheduled) {
    setup.resumeAt = '';
    ctx.store.write({ [KEY.setup]: JSON.stringify(setup) });
  } else if (!setup && cursor) clearSetupTriggers();

  const progress = more ? A.setupPart(next, units.length, scheduled) : '';
  const note = [problemsNote(reported), progress, extraNote].filter((x) => x !== '').join(' — ');
  appendLog(ctx, [actionRow(ctx, workbookText.log.actions.setup, { note })]);
  const message = more ? A.setupPartDone(next, units.length, parsedCriteria.table.rows.length, scheduled) : A.setupDone(part.resume ? units.length : plans.length, parsedCriteria.table.rows.length);
  return done(message, reported);
}

/** The header row of a unit tab holds nothing yet. */
function headerBlank(grid: Grid): boolean {
  return (grid[UNIT_LAYOUT.headerRow - 1] ?? []).every((c) => c === '' || c === null || c === undefined);
}

/**
 * The tab with its first rows: created when missing, its first rows written when still blank (a
 * set-up cut short may have created it and stopped). Reads only those rows of an existing tab.
 */
function ensureWith(ctx: Context, existing: Sheet | null, name: string, values: OutValue[][]): Sheet {
  const width = Math.max(...values.map((r) => r.length));
  const block = values.map((r) => [...r, ...Array<OutValue>(width - r.length).fill('')]);
  const sheet = existing ?? ctx.sheets.insert(name);
  const blank = !existing || ctx.sheets.blockValues(sheet, 1, 1, block.length, width).every((r) => r.every((c) => c === ''));
  if (blank) ctx.sheets.write(sheet, 1, 1, block);
  return sheet;
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
