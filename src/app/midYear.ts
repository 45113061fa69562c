/**
 * The mid-year round (sơ kết 6 tháng), kept apart from the year-end scores: the cụm trưởng opens
 * it (the Sơ kết 6 tháng tab, a column per unit, each column the unit's to type in), units score
 * their first half and write a good practice, the cụm trưởng closes it (computed rows written,
 * unit columns locked). Nothing here reads or writes a unit tab, Tổng hợp or the year's state.
 *
 * Costs with U units: open, the tab new — loadWorkbook without units (tab list, Cấu hình, Tiêu
 * chí), 2 lookups, the tab's creation and one block, freezes, wrap, validation and formats, the
 * protections (1 + U, fresh: no listing), 1 properties write, the log line. Close — the same
 * reads, 1 read of the tab, 2 writes of 2 calls, the U unit protections (the file's protections
 * listed once), 1 properties write, the log line. loadMidYearReview: 1 read (none when never opened).
 */
import { applyMidYearTab, applyTabProtections } from '../adapters/plan';
import type { ProtectionOutcome, Sheet, TabData } from '../adapters/sheets';
import { midYearReview, type MidYearReview } from '../core/midYear';
import type { ScoringYear } from '../core/model';
import { midYearText } from '../i18n/midYear';
import { workbookText } from '../i18n/workbook';
import { cellAt, type Grid } from '../workbook/grid';
import {
  computedRows, isMidYearOf, MID_YEAR_COMPUTED_ROWS, MID_YEAR_LAYOUT, MID_YEAR_SHEET, midYearFormats, midYearProtections, midYearStatusLine,
  midYearValidations, parseMidYear, renderMidYear, type MidYearFill,
} from '../workbook/midYear';
import { errorsOf, problem, type SheetProblem } from '../workbook/problems';
import { identify, isLeader } from '../workbook/rights';
import { KEY, type MidYearRef, type YearState } from '../workbook/state';
import { problemsNote } from '../workbook/summary';
import { shortTime } from '../workbook/time';
import { buildYear } from '../workbook/year';
import { isEmptyGrid } from '../workbook/unitSheet';
import { actionRow, appendLog } from './audit';
import { ownerOf, type Context } from './context';
import { loadWorkbook, type Loaded } from './load';
import { requireLeader } from './recompute';
import { ActionError, done, type ActionResult } from './result';
import { runLocked, runRead } from './run';

const M = midYearText;
const A = workbookText.actions;
const L = MID_YEAR_LAYOUT;

/** Mở đợt sơ kết 6 tháng (cụm trưởng or owner): creates the tab, or completes it keeping what units typed. */
export function openMidYear(): ActionResult {
  return runLocked(M.actions.busy, M.actions.open, (ctx) => openMidYearInLock(ctx));
}

/** Chốt sơ kết 6 tháng (cụm trưởng or owner): computes, writes the computed rows, locks the unit columns. */
export function closeMidYear(): ActionResult {
  return runLocked(M.actions.busy, M.actions.close, (ctx) => closeMidYearInLock(ctx));
}

/**
 * Mở lại đợt sơ kết (cụm trưởng or owner): a closed round open again, its unit columns given back to
 * their focal officers, the computed rows blanked until the next close.
 */
export function reopenMidYear(): ActionResult {
  return runLocked(M.actions.busy, M.actions.reopen, (ctx) => reopenMidYearInLock(ctx));
}

/** This year's round as recorded, if any. */
function roundRef(ctx: Context): MidYearRef | undefined {
  const y = ctx.state.year;
  return y && ctx.state.midYear?.year === y.year ? ctx.state.midYear : undefined;
}

/** Cấu hình and Tiêu chí only: the round needs no unit tab. */
function loadConfig(ctx: Context): Loaded {
  return loadWorkbook(ctx, { units: [], ballot: false, initiatives: false });
}

/** The round's tab as recorded (1 call where it stands, + 1 lookup if it moved); null when gone. */
function readRoundTab(ctx: Context, ref: MidYearRef): TabData | null {
  return ctx.sheets.readTabs([{ name: ref.sheet, ...(ref.index !== undefined ? { index: ref.index } : {}), verify: isMidYearOf(ref.year) }]).get(ref.sheet) ?? null;
}

/** What every change to the round starts with: a year set up and open, run by its cụm trưởng or the owner. */
function leaderYear(ctx: Context): { y: YearState; loaded: Loaded } {
  const y = ctx.state.year;
  if (!y) throw new ActionError(A.notSetUp);
  if (y.closed) throw new ActionError(A.closed(y.year));
  const loaded = loadConfig(ctx);
  requireLeader(ctx, loaded);
  return { y, loaded };
}

/** The same, for a round already opened: `check` refuses by its state before the tab is read. */
function leaderRound(ctx: Context, check: (ref: MidYearRef) => void): { y: YearState; loaded: Loaded; ref: MidYearRef; tab: TabData } {
  const { y, loaded } = leaderYear(ctx);
  const ref = roundRef(ctx);
  if (!ref) throw new ActionError(M.actions.notOpened);
  check(ref);
  const tab = readRoundTab(ctx, ref);
  if (!tab) throw new ActionError(M.actions.tabMissing);
  return { y, loaded, ref, tab };
}

/** What the protections left undone: rights only the owner can change, addresses Google does not know. */
function protectionProblems(outcome: ProtectionOutcome): SheetProblem[] {
  const out: SheetProblem[] = [];
  if (outcome.skipped > 0 || outcome.needsOwner) out.push(problem(MID_YEAR_SHEET, '', M.actions.ownerNeeded, { severity: 'warning' }));
  for (const email of outcome.refused ?? []) out.push(problem(workbookText.tabs.config, '', A.notGoogleAccount(email), { severity: 'warning' }));
  return out;
}

/** The action inside the lock; exported for the sample year. */
export function openMidYearInLock(ctx: Context): ActionResult {
  const { y, loaded } = leaderYear(ctx);
  const ref = roundRef(ctx);
  if (ref?.closed) throw new ActionError(M.actions.alreadyClosed(shortTime(new Date(ref.closed.at))));
  const problems: SheetProblem[] = [];

  // This year's tab (or an empty one) is completed; another year's is renamed away and kept.
  let found: Sheet | null = null;
  let before: Grid = [];
  let existing = ref?.index !== undefined
    ? ctx.sheets.readTabs([{ name: MID_YEAR_SHEET, index: ref.index, verify: isMidYearOf(y.year) }]).get(MID_YEAR_SHEET) ?? null
    : null;
  if (!existing) {
    const byName = ctx.sheets.byName(MID_YEAR_SHEET);
    if (byName) existing = { sheet: byName, grid: ctx.sheets.values(byName), index: null };
  }
  if (existing && (isMidYearOf(y.year)(existing.grid) || isEmptyGrid(existing.grid))) {
    found = existing.sheet;
    before = existing.grid;
    if (isEmptyGrid(before)) ctx.sheets.adoptEmpty(found);
  } else if (existing) {
    const old = /(\d{4})\s*$/.exec(String(cellAt(existing.grid, 1, 1)))?.[1];
    const oldYear = old ? Number(old) : y.year - 1;
    ctx.sheets.rename(existing.sheet, freeName(ctx, `${MID_YEAR_SHEET} ${oldYear}`));
    problems.push(problem(MID_YEAR_SHEET, '', M.actions.archived(oldYear), { severity: 'warning' }));
  }
  const { units, criteria } = { units: loaded.parsed.config.units, criteria: loaded.parsed.criteria.table };
  const { grid, shape } = renderMidYear(before, criteria, units, y.year, midYearStatusLine(null));
  const isNew = found === null || ctx.sheets.isNew(found);
  const { sheet, outcome } = applyMidYearTab(ctx.sheets, {
    tab: MID_YEAR_SHEET, found, before, after: grid,
    frozenRows: L.headerRow, frozenColumns: L.frozenColumns,
    wrapRows: [{ row: shape.goodPracticeRow, column: L.firstUnit, rows: 1, columns: Math.max(1, shape.unitColumns.size) }],
    validations: midYearValidations(shape), formats: midYearFormats(shape),
    protections: midYearProtections(y.year, loaded.facts, shape, true, isNew),
  }, ctx.runner, ownerOf(ctx) || ctx.user);
  const record: MidYearRef = { year: y.year, sheetId: sheet.getSheetId(), sheet: MID_YEAR_SHEET, index: sheet.getIndex() - 1 };
  ctx.store.write({ [KEY.midYear]: JSON.stringify(record) });
  ctx.state.midYear = record;
  problems.push(...protectionProblems(outcome));
  appendLog(ctx, [actionRow(ctx, M.actions.open, { sheet: MID_YEAR_SHEET, note: problemsNote(problems) })]);
  return done(isNew ? M.actions.opened(units.length) : M.actions.reopened(units.length), problems);
}

/** The action inside the lock; exported for the sample year. */
export function closeMidYearInLock(ctx: Context): ActionResult {
  const { y, loaded, ref, tab } = leaderRound(ctx, (r) => {
    if (r.closed) throw new ActionError(M.actions.alreadyClosed(shortTime(new Date(r.closed.at))));
  });
  const { units } = loaded.parsed.config;
  const parsed = parseMidYear(tab.grid, loaded.parsed.criteria.table, units, { state: 'open' });
  const errors = errorsOf(parsed.problems);
  if (errors.length > 0) throw new ActionError(M.actions.closeRefused(errors.length), parsed.problems);

  const at = ctx.now.toISOString();
  const review = midYearReview(buildYear(loaded.parsed), { ...parsed.round, state: 'closed', closedAt: at });
  // Everything computed: the computed rows and the status line, then the locks.
  ctx.sheets.write(tab.sheet, parsed.shape.computedRow, L.firstUnit, computedRows(review, parsed.shape));
  ctx.sheets.write(tab.sheet, L.statusRow, 2, [[midYearStatusLine(shortTime(ctx.now))]]);
  const locks = midYearProtections(y.year, loaded.facts, parsed.shape, false).filter((s) => s.range !== null);
  const outcome = applyTabProtections(ctx.sheets, tab.sheet, locks, ctx.runner, ownerOf(ctx) || ctx.user);
  const record: MidYearRef = { ...ref, closed: { at, by: ctx.user } };
  ctx.store.write({ [KEY.midYear]: JSON.stringify(record) });
  ctx.state.midYear = record;

  const problems = [...parsed.problems];
  problems.push(...protectionProblems(outcome));
  const blanks = blankUnits(review, units);
  const ranked = review.units.filter((u) => u.rank !== null).length;
  appendLog(ctx, [actionRow(ctx, M.actions.close, { sheet: MID_YEAR_SHEET, note: [blanks, problemsNote(problems)].filter((x) => x !== '').join(' ') })]);
  return done([M.actions.closed(ranked, review.units.length), blanks].filter((x) => x !== '').join(' '), problems);
}

/** The action inside the lock. */
export function reopenMidYearInLock(ctx: Context): ActionResult {
  const { y, loaded, ref, tab } = leaderRound(ctx, (r) => {
    if (!r.closed) throw new ActionError(M.actions.notClosed);
  });
  const parsed = parseMidYear(tab.grid, loaded.parsed.criteria.table, loaded.parsed.config.units, { state: 'closed' });
  const width = Math.max(1, parsed.shape.width - L.firstUnit + 1);
  ctx.sheets.write(tab.sheet, parsed.shape.computedRow, L.firstUnit, Array.from({ length: MID_YEAR_COMPUTED_ROWS }, () => Array<string>(width).fill('')));
  ctx.sheets.write(tab.sheet, L.statusRow, 2, [[midYearStatusLine(null)]]);
  const unlocks = midYearProtections(y.year, loaded.facts, parsed.shape, true).filter((s) => s.range !== null);
  const outcome = applyTabProtections(ctx.sheets, tab.sheet, unlocks, ctx.runner, ownerOf(ctx) || ctx.user);
  const { closed: _closed, ...record } = ref;
  ctx.store.write({ [KEY.midYear]: JSON.stringify(record) });
  ctx.state.midYear = record;
  const problems: SheetProblem[] = [];
  problems.push(...protectionProblems(outcome));
  appendLog(ctx, [actionRow(ctx, M.actions.reopen, { sheet: MID_YEAR_SHEET, note: problemsNote(problems) })]);
  return done(M.actions.reopenedRound, problems);
}

/** "Còn đơn vị để trống dòng: Tây Ninh (3 dòng)." or ''. */
function blankUnits(review: MidYearReview, units: readonly { id: string; name: string; shortName: string }[]): string {
  const list = review.units.filter((u) => u.unscored > 0).map((u) => M.actions.blankUnit(units.find((x) => x.id === u.unitId)?.shortName || u.unitId, u.unscored));
  return list.length > 0 ? M.actions.blankUnits(list.join(', ')) : '';
}

/**
 * The review of the round for the báo cáo sơ kết: null when the round was never opened this year
 * (no call); else the tab read once and computed with the year's rules. Wrong cells count as blank.
 * Throws ActionError when the round was opened and its tab is gone.
 */
export function loadMidYearReview(ctx: Context, year: ScoringYear): MidYearReview | null {
  const ref = ctx.state.midYear;
  if (!ref || ref.year !== year.cluster.year) return null;
  const tab = readRoundTab(ctx, ref);
  if (!tab) throw new ActionError(M.actions.tabMissing);
  const stored = ref.closed ? { state: 'closed' as const, closedAt: ref.closed.at } : { state: 'open' as const };
  return midYearReview(year, parseMidYear(tab.grid, year.criteria, year.units, stored).round);
}

/** Where the round stands, for the sidebar. */
export interface MidYearStatus {
  ok: true;
  opened: boolean;
  closed: boolean;
  /** "HH:MM dd/mm/yyyy" when closed. */
  closedAt: string;
  /** The person may open and close the round. */
  leader: boolean;
  /** Every unit's fill, in Cấu hình order (names for display). */
  units: Array<MidYearFill & { name: string }>;
  /** The units whose focal officer the person is. */
  own: string[];
  sheet: string;
  /** Problems in the tab (wrong cells). */
  problems: number;
}

/** Sơ kết 6 tháng in the sidebar: the round's state and each unit's fill (read only). */
export function getMidYearStatus(): MidYearStatus | ActionResult {
  return runRead((ctx) => {
    if (!ctx.state.year) throw new ActionError(A.notSetUp);
    const loaded = loadConfig(ctx);
    const id = identify(ctx.user, loaded.facts);
    const ref = roundRef(ctx);
    const { units } = loaded.parsed.config;
    const base = {
      ok: true as const, leader: isLeader(id), own: id.unitIds, sheet: MID_YEAR_SHEET,
      closed: !!ref?.closed, closedAt: ref?.closed ? shortTime(new Date(ref.closed.at)) : '',
    };
    if (!ref) return { ...base, opened: false, units: [], problems: 0 };
    const tab = readRoundTab(ctx, ref);
    if (!tab) return { ...base, opened: false, units: [], problems: 0 };
    const parsed = parseMidYear(tab.grid, loaded.parsed.criteria.table, units, { state: ref.closed ? 'closed' : 'open' });
    return {
      ...base, opened: true, problems: errorsOf(parsed.problems).length,
      units: parsed.fill.map((f) => ({ ...f, name: units.find((u) => u.id === f.unitId)?.shortName || f.unitId })),
    };
  });
}

/** "Sơ kết 6 tháng 2020", or "… (2)" when taken. */
function freeName(ctx: Context, name: string): string {
  if (!ctx.sheets.byName(name)) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name} (${i})`;
    if (!ctx.sheets.byName(candidate)) return candidate;
  }
}
