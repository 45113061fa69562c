/**
 * Khởi tạo năm thi đua: creates what the year needs and adds what is missing, never deleting,
 * moving to another code, or overwriting what people typed. Everything is computed first (the
 * merged Cấu hình and Tiêu chí, every unit tab re-rendered by code); only then are tabs created
 * and the differing cells written, so a refusal writes nothing and a failure part-way is
 * completed by running set-up again.
 */
import { normalizeKey } from '../core/input';
import { defaultRules } from '../core/rules';
import type { Sheet, TabInfo } from '../adapters/sheets';
import { ensureEditTrigger } from '../adapters/triggers';
import { workbookText } from '../i18n/workbook';
import { mergeBallot } from '../workbook/ballot';
import { mergeConfig, parseConfig, type YearConfig } from '../workbook/config';
import { mergeCriteria, parseCriteria } from '../workbook/criteria';
import { unitConditionalFormats, unitValidations } from '../workbook/format';
import { cellAt, diffGrid, type Grid, type OutValue } from '../workbook/grid';
import { problem, type SheetProblem } from '../workbook/problems';
import { identify, isLeader, protectionPlan, sharedProtectionPlan, type RightsFacts, type UnitTabFacts } from '../workbook/rights';
import { StateStore } from '../adapters/properties';
import { KEY, submissionStatus, type FixedTab, type UnitTabRef, type WorkbookState, type YearState } from '../workbook/state';
import { problemsNote } from '../workbook/summary';
import { shortTime } from '../workbook/time';
import { UNIT_LAYOUT, isEmptyGrid, renderUnitTab, unitHeaderOk } from '../workbook/unitSheet';
import { actionRow, appendLog } from './audit';
import { peopleToShareWith, shareWithMembers } from './share';
import { ownerOf, type Context } from './context';
import { markPending } from './locks';
import { ActionError, done, type ActionResult } from './result';
import { runLocked } from './run';

const T = workbookText.tabs;
const A = workbookText.actions;

/**
 * Sets up (or completes) the year from `config`, or from what Cấu hình and Tiêu chí already hold
 * when `config` is omitted. Idempotent: running it twice writes nothing the second time.
 */
export function setupYear(config?: YearConfig): ActionResult {
  return runLocked(A.busySetup, workbookText.log.actions.setup, (ctx) => setupInLock(ctx, config));
}

/** The status line of a unit tab. */
export function statusLine(state: WorkbookState, unitId: string): string {
  const S = workbookText.unit.status;
  if (state.year?.closed) return S.closed;
  const s = state.submissions[unitId];
  if (!s || s.status === 'open') return s?.by && s.at ? S.reopened(s.by) : S.open;
  if (s.status === 'submitted') return S.submitted(s.at ? shortTime(new Date(s.at)) : '', s.by ?? '');
  return S.returned(s.reason ?? '', s.by ?? '');
}

function lower(s: string): string {
  return s.trim().toLowerCase();
}

/** A tab to create or update, computed before any write. */
interface UnitPlan {
  unitId: string;
  /** Existing tab, or null to create one named `name`. */
  tab: TabInfo | null;
  name: string;
  before: Grid;
  after: OutValue[][];
  lastRow: number;
}

/** Set-up itself, inside the lock. Exported for copy-to-new-year. */
export function setupInLock(ctx: Context, config: YearConfig | undefined, extraNote = '', archivedYears: number[] = []): ActionResult {
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
  const owner = ownerOf(ctx);
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

  // Unit tabs: find each one's tab by id, then by name; never write over a tab that is not ours.
  const plans: UnitPlan[] = [];
  for (const unit of parsedConfig.units) {
    const ref = ctx.state.tabs[unit.id];
    const byId = ref ? tabs.find((t) => t.id === ref.sheetId) : undefined;
    const byName = find(unit.id);
    let tab: TabInfo | null = null;
    let before: Grid = [];
    if (byId) {
      tab = byId;
      before = read(byId);
      if (lower(byId.name) !== lower(unit.id)) {
        problems.push(problem(byId.name, '', workbookText.problems.tabRenamed(unit.id, ref!.sheet, byId.name), { severity: 'warning', unitId: unit.id }));
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
        problems.push(problem(byName.name, '', workbookText.problems.tabForeign(byName.name), { unitId: unit.id }));
        continue;
      }
      tab = byName;
    } else if (ref) {
      problems.push(problem(unit.id, '', workbookText.problems.tabRecreated(unit.id, ref.sheet), { severity: 'warning', unitId: unit.id }));
    }
    if (tab && !isEmptyGrid(before) && !unitHeaderOk(before) && !headerBlank(before)) {
      problems.push(problem(tab.name, `A${UNIT_LAYOUT.headerRow}`, workbookText.problems.headerChanged(tab.name), { unitId: unit.id }));
      continue;
    }
    const rendered = renderUnitTab(before, parsedCriteria.table, unit, year, statusLine(ctx.state, unit.id));
    for (const code of rendered.orphans) {
      problems.push(problem(tab?.name ?? unit.id, '', workbookText.problems.orphanValues(code), { severity: 'warning', unitId: unit.id, code }));
    }
    plans.push({ unitId: unit.id, tab, name: tab?.name ?? unit.id, before, after: rendered.grid, lastRow: rendered.lastCriterionRow });
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
    ctx.sheets.rename(ctx.sheets.sheets()[0]!, T.config);
    tabs = ctx.sheets.tabs();
  }
  const write = (sheet: Sheet, before: Grid, after: OutValue[][]) => {
    const patches = diffGrid(before, after);
    if (patches.length === 0) return;
    ctx.sheets.ensureSize(sheet, after.length, Math.max(0, ...after.map((r) => r.length)));
    ctx.sheets.writePatches(sheet, patches);
  };
  const configSheet = ensure(T.config);
  write(configSheet, configBefore, configAfter);
  const criteriaSheet = ensure(T.criteria);
  write(criteriaSheet, criteriaBefore, criteriaAfter);
  const summarySheet = ensureWith(ctx, sheetNamed(T.summary), T.summary, [[workbookText.summary.title(parsedConfig.cluster.name, year)], [workbookText.summary.notComputed]]);
  tabs = ctx.sheets.tabs();
  const unitSheets = new Map<string, Sheet>();
  for (const plan of plans) {
    const sheet = plan.tab ? ctx.sheets.spreadsheet.getSheetById(plan.tab.id)! : ensure(plan.name, T.summary);
    if (!plan.tab) tabs = ctx.sheets.tabs();
    write(sheet, plan.before, plan.after);
    unitSheets.set(plan.unitId, sheet);
  }
  const ballotSheet = ensure(T.ballot);
  write(ballotSheet, ballotBefore, ballotAfter);
  ensureWith(ctx, sheetNamed(T.log), T.log, [[...workbookText.log.header]]);
  const hadSnapshot = sheetNamed(T.snapshot) !== null;
  const snap = ensureWith(ctx, sheetNamed(T.snapshot), T.snapshot, [[...workbookText.snapshot.header]]);
  if (!hadSnapshot) snap.hideSheet();
  tabs = ctx.sheets.tabs();

  // Formats: frozen headers, validation and conditional formats of each unit tab.
  configSheet.setFrozenRows(4);
  criteriaSheet.setFrozenRows(4);
  summarySheet.setFrozenRows(4);
  for (const plan of plans) {
    const sheet = unitSheets.get(plan.unitId)!;
    sheet.setFrozenRows(UNIT_LAYOUT.headerRow);
    ctx.sheets.applyValidations(sheet, unitValidations(plan.lastRow));
    ctx.sheets.applyConditionalFormats(sheet, unitConditionalFormats(plan.lastRow));
  }

  // State before protections: protections may take the runner's own rights away.
  const refs: Record<string, UnitTabRef> = {};
  for (const plan of plans) {
    const t = tabs.find((x) => x.id === unitSheets.get(plan.unitId)!.getSheetId());
    if (t) refs[plan.unitId] = { sheetId: t.id, sheet: t.name, index: t.index };
  }
  const indexes: Partial<Record<FixedTab, number>> = {};
  const ids: Partial<Record<FixedTab, number>> = {};
  for (const [key, name] of Object.entries({ config: T.config, criteria: T.criteria, summary: T.summary, ballot: T.ballot, log: T.log, snapshot: T.snapshot })) {
    const t = find(name);
    if (t) {
      indexes[key as FixedTab] = t.index;
      ids[key as FixedTab] = t.id;
    }
  }
  const isOwner = ctx.user !== '' && ctx.user === owner;
  let auditTrigger = existingYear?.auditTrigger ?? false;
  if (isOwner) auditTrigger = ensureEditTrigger(ctx.sheets.spreadsheet);
  else if (!auditTrigger) problems.push(problem(T.log, '', A.noAuditTrigger, { severity: 'warning' }));
  const yearState: YearState = {
    year,
    owner,
    summary: existingYear?.summary ?? { rows: 0, columns: 0 },
    archivedYears: [...(existingYear?.archivedYears ?? []), ...archivedYears].filter((v, i, all) => all.indexOf(v) === i),
    auditTrigger,
    indexes,
    ids,
  };
  const values: Record<string, string> = { [KEY.year]: JSON.stringify(yearState) };
  for (const [id, ref] of Object.entries(refs)) {
    const [k, v] = StateStore.tabEntry(id, ref);
    values[k] = v;
  }
  ctx.store.write(values);
  ctx.state.year = yearState;
  Object.assign(ctx.state.tabs, refs);

  const tabFacts: UnitTabFacts[] = plans.map((p) => ({
    unit: parsedConfig.units.find((u) => u.id === p.unitId)!,
    sheet: refs[p.unitId]?.sheet ?? p.name,
    lastRow: p.lastRow,
    status: submissionStatus(ctx.state, p.unitId),
  }));
  const stuck = ctx.sheets.applyProtections(
    [...protectionPlan(year, facts, tabFacts, false), ...sharedProtectionPlan(facts, false)],
    (name) => {
      const t = tabs.find((x) => lower(x.name) === lower(name));
      return t ? ctx.sheets.sheets()[t.index] ?? null : null;
    },
    ctx.user,
  );
  markPending(ctx, stuck);
  problems.push(...shareWithMembers(ctx.sheets.spreadsheet, peopleToShareWith(parsedConfig.units, parsedConfig.team)));

  const note = [problemsNote(problems), extraNote].filter((s) => s !== '').join(' — ');
  appendLog(ctx, [actionRow(ctx, workbookText.log.actions.setup, { note })]);
  return done(A.setupDone(plans.length, parsedCriteria.table.rows.length), problems);
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
  const blank = !existing || sheet.getRange(1, 1, block.length, width).getValues().every((r) => r.every((c) => c === ''));
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
