/**
 * What the panel shows, computed from the sheet without writing anything: where each unit stands,
 * what the current user may do and why not, the results, the problems, and one unit's rows.
 * Everything is plain JSON with ISO times.
 */
import type { RuleSet } from '../core/model';
import { codeKey } from '../core/criteria';
import { round2 } from '../core/input';
import type { Phase } from '../core/model';
import { workbookText } from '../i18n/workbook';
import { a1 } from '../workbook/a1';
import { errorsOf } from '../workbook/problems';
import { identify, isLeader, type Identity, type Role } from '../workbook/rights';
import { submissionStatus, type SubmissionStatus } from '../workbook/state';
import { UNIT_LAYOUT } from '../workbook/unitSheet';
import { withDocumentLock } from '../adapters/lock';
import { ownerOf, runsAsOwner, type Context } from './context';
import { settleLocks } from './locks';
import { computeWorkbook, type Computed } from './recompute';
import { ActionError, problemJson, type ActionResult, type ProblemJson } from './result';
import { deadlinesJson, type DeadlinesJson } from './reminders';
import { runRead } from './run';
import { registerStatusLines } from '../workbook/registerLoad';
import { findUnit, submissionBlockers } from './submission';

const A = workbookText.actions;

/** May the user do it, and if not, why. */
export interface Permission {
  allowed: boolean;
  reason?: string;
}

export interface UnitStatusJson {
  id: string;
  name: string;
  sheet: string;
  /** Rows the unit must answer, and how many it answered validly. */
  required: number;
  filled: number;
  /** 0–100, whole. */
  percentFilled: number;
  errors: number;
  warnings: number;
  status: SubmissionStatus;
  /** Submitted (nộp), the year closed or not: a unit that never submitted is not counted as such after closing. */
  submitted: boolean;
  /** Submitted and every row it must answer scored (core/standing.ts); else its rank is provisional. */
  complete: boolean;
  /** Why not complete, in Vietnamese; empty when complete. */
  incompleteReasons: string[];
  /** The cụm trưởng's reason to proceed with this incomplete unit, when recorded. */
  proceedReason?: string;
  /** ISO time and user of the last status change. */
  statusAt?: string;
  statusBy?: string;
  returnReason?: string;
  /** ISO time of the last edit of the tab (from the audit trigger). */
  lastEdit?: string;
  canSubmit: Permission;
  /** Can the current user type in this unit's own columns now? */
  canEdit: boolean;
}

export interface StatusJson {
  ok: true;
  setUp: boolean;
  year: number | null;
  clusterName: string;
  closed: boolean;
  closedAt?: string;
  user: { email: string; roles: Role[]; roleLabels: string[]; unitIds: string[] };
  can: Record<'setupYear' | 'recompute' | 'closeYear' | 'copyToNewYear' | 'saveBallot' | 'returnSubmission' | 'reopen' | 'generateDocument', Permission>
    /** Reopening a closed year, and the owner letting the cụm trưởng do it (absent before set-up). */
    & Partial<Record<'reopenYear' | 'allowReopenYear' | 'recordProceedReason', Permission>>;
  /**
   * A change only the owner can make is waiting (a reopened year's locks, rights given back), in
   * words for the panel; null when nothing waits for the owner.
   */
  waitingForOwner?: string | null;
  units: UnitStatusJson[];
  /** The rules in force (Cấu hình over the defaults of the year), for the Cài đặt panel; null before set-up. */
  rules: RuleSet | null;
  problems: { errors: number; warnings: number };
  /** Log rows of other people waiting for the owner's next action to reach Nhật ký. */
  queuedLogRows: number;
  /**
   * A set-up too large for one execution goes on in parts (a trigger starts each; continueSetup
   * starts the next at once): units set up so far of the total, when the last part ended, and
   * when the next part's trigger runs ("" when none could be made; null when not known).
   * Null when no set-up is under way.
   */
  setupProgress?: { done: number; total: number; at: string; resumeAt?: string | null } | null;
  /** Deadlines of Cấu hình and each unit against them (absent before set-up). */
  deadlines?: DeadlinesJson;
  /** One line each on the Sáng kiến and Quỹ registers, when the year keeps them (absent before set-up). */
  registerLines?: string[];
  /** ISO time this answer was computed: the panel shows it, so an old view never passes for current. */
  at: string;
  /** The problems counted in `problems`, from the same computation: the Kiểm tra badge and list agree. */
  problemList: ProblemJson[];
  /** Edits the edit trigger took back, newest last: the current user's own, or all for the cụm trưởng. */
  refusals: RefusalJson[];
  /** Cells typed through a right being taken, kept (Google did not say who): the unit's officers and the cụm trưởng see them. */
  lateEdits: Array<{ sheet: string; a1: string; at: string }>;
}

/** An edit taken back by the edit trigger (a submitted or closed area), as the panel says it. */
export interface RefusalJson {
  sheet: string;
  a1: string;
  /** ISO time. */
  at: string;
  by: string;
  /** What was typed, and what was put back, as text. */
  value: string;
  old: string;
  /** Why, in words. */
  reason: string;
}

const yes: Permission = { allowed: true };
const no = (reason: string): Permission => ({ allowed: false, reason });

function roleLabels(id: Identity): string[] {
  const R = workbookText.roles;
  return id.roles.map((r) => (r === 'unit' ? id.unitIds.map(R.unit).join(', ') : R[r]));
}

/**
 * Where the year stands and what the current user may do. Read-only, except that the owner
 * opening the panel is the owner's execution that finishes what only the owner can (a pending
 * lock, a reopened year's locks).
 */
export function getStatus(): StatusJson | ActionResult {
  return runRead((ctx) => {
    if (ctx.state.year?.pendingLock && runsAsOwner(ctx)) {
      try {
        withDocumentLock(A.busySetup, () => settleLocks(ctx));
      } catch {
        // someone else holds the lock: their action or the next one settles it
      }
    }
    return statusOf(ctx);
  });
}

function statusOf(ctx: Context): StatusJson {
  const y = ctx.state.year;
  const queued = ctx.state.queuedLog.reduce((n, q) => n + q.rows.length, 0);
  if (!y) {
    const notYet = no(A.notSetUp);
    // Before set-up only the owner has a role: nobody is a mere viewer of a sheet they may set up.
    const owner = runsAsOwner(ctx);
    return {
      ok: true, setUp: false, year: null, clusterName: '', closed: false,
      user: { email: ctx.user, roles: owner ? ['owner'] : [], roleLabels: owner ? [workbookText.roles.owner] : [], unitIds: [] },
      can: { setupYear: yes, recompute: notYet, closeYear: notYet, copyToNewYear: notYet, saveBallot: notYet, returnSubmission: notYet, reopen: notYet, generateDocument: notYet },
      units: [], rules: null, problems: { errors: 0, warnings: 0 }, queuedLogRows: queued, setupProgress: null,
      at: ctx.now.toISOString(), problemList: [], refusals: [], lateEdits: [],
    };
  }
  // Quỹ is read for its status line (1 call, none for a year without registers).
  const computed = computeWorkbook(ctx, { fund: true });
  const { loaded } = computed;
  const who = identify(ctx.user, loaded.facts);
  const leader = isLeader(who);
  const closed = !!y.closed;
  const isOwner = runsAsOwner(ctx);
  const owner = ownerOf(ctx);
  const leaderOnly = (extra?: string): Permission => (!leader ? no(A.onlyLeaderOrOwner) : extra ? no(extra) : yes);
  const blocking = computed.problems.filter((p) => p.blocking).length;
  const errors = errorsOf(computed.problems).length;
  const can: StatusJson['can'] = {
    setupYear: leaderOnly(closed ? A.closed(y.year) : undefined),
    recompute: leaderOnly(closed ? A.closed(y.year) : blocking > 0 ? A.recomputeRefused(blocking) : undefined),
    closeYear: leaderOnly(closed ? A.closed(y.year) : errors > 0 ? A.closeRefused(errors) : undefined),
    copyToNewYear: leaderOnly(!closed ? A.notClosed(y.year) : undefined),
    saveBallot: leaderOnly(closed ? A.closed(y.year) : undefined),
    returnSubmission: leaderOnly(closed ? A.closed(y.year) : undefined),
    reopen: leaderOnly(closed ? A.closed(y.year) : undefined),
    // Documents are written from the sheet as it stands, closed years included.
    generateDocument: leaderOnly(),
    // Only the owner can lift a closed year's locks: the cụm trưởng reopens once the owner allowed it.
    reopenYear: leaderOnly(!closed ? A.notClosedYet(y.year) : !isOwner && !y.reopenAllowed ? A.reopenNeedsOwner(owner) : undefined),
    allowReopenYear: !isOwner ? no(A.onlyOwner(owner)) : !closed ? no(A.notClosedYet(y.year)) : y.reopenAllowed ? no(A.reopenAllowedDone(y.year)) : yes,
    recordProceedReason: leaderOnly(closed ? A.closed(y.year) : undefined),
  };
  const standing = new Map(computed.result.units.map((r) => [r.unitId, r] as const));
  const units: UnitStatusJson[] = loaded.parsed.config.units.map((unit) => {
    const tab = loaded.parsed.unitTabs.get(unit.id);
    const own = computed.problems.filter((p) => p.unitId === unit.id);
    const status = submissionStatus(ctx.state, unit.id);
    const sub = ctx.state.submissions[unit.id];
    const stats = tab?.parsed.stats ?? { required: 0, filled: 0 };
    let canSubmit: Permission = yes;
    if (closed) canSubmit = no(A.closed(y.year));
    else if (!leader && !who.unitIds.includes(unit.id)) canSubmit = no(A.onlyOwnUnit(unit.id));
    else if (status === 'submitted') canSubmit = no(A.alreadySubmitted(unit.id));
    else {
      const blockers = submissionBlockers(loaded, unit);
      if (blockers.length > 0 || !tab) canSubmit = no(A.submitRefused(unit.id, Math.max(1, blockers.length)));
    }
    const open = !closed && (status === 'open' || status === 'returned');
    const out: UnitStatusJson = {
      id: unit.id,
      name: unit.name,
      sheet: tab?.sheet ?? ctx.state.tabs[unit.id]?.sheet ?? unit.id,
      required: stats.required,
      filled: stats.filled,
      percentFilled: stats.required === 0 ? 0 : Math.floor((stats.filled / stats.required) * 100),
      errors: errorsOf(own).length,
      warnings: own.length - errorsOf(own).length,
      status,
      submitted: sub?.status === 'submitted',
      complete: standing.get(unit.id)?.complete ?? false,
      incompleteReasons: standing.get(unit.id)?.incompleteReasons ?? [],
      canSubmit,
      canEdit: !closed && (leader || (open && who.unitIds.includes(unit.id))),
    };
    const proceed = standing.get(unit.id)?.proceedReason;
    if (proceed !== undefined) out.proceedReason = proceed;
    if (sub?.at) out.statusAt = sub.at;
    if (sub?.by) out.statusBy = sub.by;
    if (sub?.status === 'returned' && sub.reason) out.returnReason = sub.reason;
    const last = ctx.state.lastEdits[unit.id];
    if (last) out.lastEdit = last;
    return out;
  });
  const status: StatusJson = {
    ok: true,
    setUp: true,
    year: y.year,
    clusterName: loaded.parsed.config.cluster.name,
    closed,
    user: { email: ctx.user, roles: who.roles, roleLabels: roleLabels(who), unitIds: who.unitIds },
    can,
    units,
    rules: loaded.parsed.config.rules,
    problems: { errors, warnings: computed.problems.length - errors },
    queuedLogRows: queued,
    setupProgress: ctx.state.setup
      ? { done: ctx.state.setup.next, total: ctx.state.setup.total, at: ctx.state.setup.at, resumeAt: ctx.state.setup.resumeAt ?? null }
      : null,
    waitingForOwner: y.pendingLock && y.ownerNeeded ? A.waitingForOwner : null,
    at: ctx.now.toISOString(),
    problemList: computed.problems.map(problemJson),
    lateEdits: (y.lateEdits ?? [])
      .filter((l) => leader || (l.unitId !== undefined && who.unitIds.includes(l.unitId)))
      .map((l) => ({ sheet: l.sheet, a1: l.a1, at: l.at })),
    refusals: (y.refusedEdits ?? [])
      .filter((r) => leader || (r.by !== '' && r.by === ctx.user.toLowerCase()) || (r.unitId !== undefined && who.unitIds.includes(r.unitId)))
      .map((r) => ({ sheet: r.sheet, a1: r.a1, at: r.at, by: r.by, value: r.value, old: r.old, reason: r.reason })),
  };
  if (y.closed) status.closedAt = y.closed.at;
  status.registerLines = registerStatusLines(loaded.parsed, loaded.parsed.config.units);
  status.deadlines = deadlinesJson(loaded.parsed.config.deadlines, loaded.parsed.config.units, ctx.state, ctx.now);
  return status;
}

export interface UnitResultJson {
  unitId: string;
  name: string;
  rank: number;
  self: number | null;
  crossCheck: number | null;
  final: number | null;
  /** Chênh lệch: self − the score that counts (core/standing.ts scoreGap); null without a later phase. */
  gap: number | null;
  /** Where the score that counts came from: thống nhất, else chấm chéo, else tự chấm. */
  standingPhase: Phase | null;
  total: number;
  maxTotal: number;
  percent: number;
  classification: string;
  eligible: boolean;
  ineligibleReasons: string[];
  proposedTitle: { titleId: string; name: string; status: 'proposed' | 'awaitingBallot' } | null;
  sections: Record<string, number>;
  complete: boolean;
  /** Incomplete and no reason to proceed: the rank is provisional (tạm xếp). */
  provisional: boolean;
  incompleteReasons: string[];
  proceedReason?: string;
  /** Why it is or is not proposed, one short sentence. */
  proposalReason: string;
}

export interface BallotJson {
  titleId: string;
  titleName: string;
  issued: number;
  returned: number;
  valid: number;
  invalid: number;
  thresholdPercent: number;
  candidates: Array<{ unitId: string; name: string; votes: number; percent: number; passed: boolean }>;
}

export interface ResultsJson {
  ok: true;
  year: number;
  clusterName: string;
  /** ISO time of this computation. */
  computedAt: string;
  units: UnitResultJson[];
  ballots: BallotJson[];
  problems: { errors: number; warnings: number };
}

function resultsOf(ctx: Context, computed: Computed): ResultsJson {
  const { loaded, result } = computed;
  const names = new Map(loaded.parsed.config.units.map((u) => [u.id, u.shortName || u.id] as const));
  const titles = new Map(loaded.parsed.config.rules.titles.map((t) => [t.id, t.name] as const));
  const errors = errorsOf(computed.problems).length;
  return {
    ok: true,
    year: ctx.state.year!.year,
    clusterName: loaded.parsed.config.cluster.name,
    computedAt: ctx.now.toISOString(),
    units: result.units.map((u) => ({
      unitId: u.unitId,
      name: names.get(u.unitId) ?? u.unitId,
      rank: u.rank,
      self: u.totals.self?.total ?? null,
      crossCheck: u.totals.crossCheck?.total ?? null,
      final: u.totals.final?.total ?? null,
      gap: u.gap,
      standingPhase: u.standingPhase,
      total: u.standing.total,
      maxTotal: u.standing.maxTotal,
      percent: u.standing.percent,
      classification: u.classification,
      eligible: u.eligible,
      ineligibleReasons: u.ineligibleReasons,
      proposedTitle: u.proposedTitle ? { ...u.proposedTitle } : null,
      sections: { ...u.standing.sections },
      complete: u.complete,
      provisional: u.provisional,
      incompleteReasons: [...u.incompleteReasons],
      ...(u.proceedReason !== undefined ? { proceedReason: u.proceedReason } : {}),
      proposalReason: u.proposalReason,
    })),
    ballots: result.ballots.map((b) => ({
      titleId: b.titleId,
      titleName: titles.get(b.titleId) ?? b.titleId,
      issued: b.issued,
      returned: b.returned,
      valid: b.valid,
      invalid: b.invalid,
      thresholdPercent: b.thresholdPercent,
      candidates: b.candidates.map((c) => ({ ...c, name: names.get(c.unitId) ?? c.unitId })),
    })),
    problems: { errors, warnings: computed.problems.length - errors },
  };
}

function requireSetUp(ctx: Context): void {
  if (!ctx.state.year) throw new ActionError(A.notSetUp);
}

/** The ranking as the engine computes it now from the sheet (read-only). */
export function getResults(): ResultsJson | ActionResult {
  return runRead((ctx) => {
    requireSetUp(ctx);
    return resultsOf(ctx, computeWorkbook(ctx));
  });
}

export interface ProblemsJson {
  ok: true;
  problems: ProblemJson[];
}

/** Every problem of the year, located (read-only). */
export function getProblems(): ProblemsJson | ActionResult {
  return runRead((ctx) => {
    requireSetUp(ctx);
    return { ok: true as const, problems: computeWorkbook(ctx).problems.map(problemJson) };
  });
}

export interface ExplainRowJson {
  code: string;
  content: string;
  kind: string;
  maxPoints: number;
  applicable: boolean;
  /** Signed points counted (deductions negative); null when not scored. */
  points: number | null;
  /** maxPoints − points for standard rows; the deduction for deduction rows; 0 otherwise. */
  lost: number;
  source: Phase | 'computed' | null;
  violated?: boolean;
  /** Where the row is, to select it. */
  sheet: string;
  a1: string;
}

export interface ExplainJson {
  ok: true;
  unitId: string;
  name: string;
  phase: Phase | null;
  total: number;
  maxTotal: number;
  percent: number;
  /** Every row in table order. */
  rows: ExplainRowJson[];
  /** Codes that gave the most points, best first. */
  gave: string[];
  /** Codes that took points (short of max, deductions, violations), worst first. */
  took: string[];
}

/** Which rows of a unit gave and took points, at its standing phase (read-only). */
export function explainUnit(unitId: string): ExplainJson | ActionResult {
  return runRead((ctx) => {
    requireSetUp(ctx);
    const computed = computeWorkbook(ctx);
    const unit = findUnit(computed.loaded, unitId);
    const r = computed.result.units.find((u) => u.unitId === unit.id)!;
    const tab = computed.loaded.parsed.unitTabs.get(unit.id);
    const rows: ExplainRowJson[] = r.standing.rows.map((row) => {
      const points = row.points;
      let lost = 0;
      if (row.kind === 'deduction') lost = points === null ? 0 : -points;
      else if (row.kind === 'qualitative' || row.kind === 'quantitative') lost = row.applicable ? Math.max(0, round2(row.maxPoints - (points ?? 0))) : 0;
      const sheetRow = tab?.parsed.rowOf.get(codeKey(row.code));
      const out: ExplainRowJson = {
        code: row.code, content: row.content, kind: row.kind, maxPoints: row.maxPoints, applicable: row.applicable,
        points, lost, source: row.source,
        sheet: tab?.sheet ?? unit.id,
        a1: sheetRow ? a1(sheetRow, UNIT_LAYOUT.column.code) : '',
      };
      if (row.violated !== undefined) out.violated = row.violated;
      return out;
    });
    const gave = rows.filter((x) => (x.points ?? 0) > 0 && x.kind !== 'group').sort((a, b) => (b.points ?? 0) - (a.points ?? 0)).map((x) => x.code);
    const took = rows.filter((x) => x.lost > 0 || x.violated).sort((a, b) => Number(!!b.violated) - Number(!!a.violated) || b.lost - a.lost).map((x) => x.code);
    return {
      ok: true as const, unitId: unit.id, name: unit.name, phase: r.standingPhase, total: r.standing.total,
      maxTotal: r.standing.maxTotal, percent: r.standing.percent, rows, gave, took,
    };
  });
}

/** Selects a cell for the user (the panel's "go to" on a problem). */
export function selectCell(sheet: string, cell: string): ActionResult {
  return runRead((ctx) => {
    const name = typeof sheet === 'string' ? sheet : '';
    const target = ctx.sheets.byName(name);
    if (!target) throw new ActionError(workbookText.problems.missingTab(name));
    const ref = typeof cell === 'string' && /^[A-Z]{1,3}[0-9]{1,7}(:[A-Z]{1,3}[0-9]{1,7})?$/.test(cell.trim()) ? cell.trim() : 'A1';
    ctx.sheets.select(target, ref);
    return { ok: true, message: '', problems: [] };
  });
}
