/**
 * Nộp / trả lại / mở lại a unit's self-scoring. Submitting takes the unit's own columns away from
 * its focal officers (the cụm trưởng keeps them) and is refused while a row is unscored or
 * invalid; returning (with a reason, logged and shown in the tab) and reopening give them back.
 * Rights change first, then the status line, then the stored status: a failure part-way leaves
 * the unit in its old status, and running the action again completes it.
 */
import { cleanText, normalizeKey } from '../core/input';
import type { Unit } from '../core/model';
import { workbookText } from '../i18n/workbook';
import { a1 } from '../workbook/a1';
import { errorsOf, problem, type SheetProblem } from '../workbook/problems';
import { identify, isLeader, leaderEmails } from '../workbook/rights';
import { submissionPlan } from '../workbook/plan';
import { submissionStatus, type Submission } from '../workbook/state';
import { UNIT_LAYOUT } from '../workbook/unitSheet';
import { applyWritePlan } from '../adapters/plan';
import { actionRow, appendLog, clearLateEdits } from './audit';
import { ownerOf, type Context } from './context';
import { recordOutcome } from './locks';
import { loadWorkbook, type Loaded } from './load';
import { ActionError, done, type ActionResult } from './result';
import { runLocked } from './run';

const A = workbookText.actions;
const LOG = workbookText.log.actions;

/** Most characters kept of a return reason. */
export const MAX_REASON = 500;

/** The unit named `unitId` (its short name, case and accents forgiven). */
export function findUnit(loaded: Loaded, unitId: unknown): Unit {
  const key = normalizeKey(typeof unitId === 'string' ? unitId : '');
  const unit = loaded.parsed.config.units.find((u) => normalizeKey(u.id) === key);
  if (!unit) throw new ActionError(A.unknownUnit(cleanText(String(unitId ?? ''))));
  return unit;
}

/** Everything that blocks a unit's submission: its errors and its unscored rows, located. */
export function submissionBlockers(loaded: Loaded, unit: Unit): SheetProblem[] {
  const tab = loaded.parsed.unitTabs.get(unit.id);
  const blockers = errorsOf(loaded.problems.filter((p) => p.unitId === unit.id));
  if (!tab) return blockers;
  for (const u of tab.parsed.unscored) {
    blockers.push(problem(tab.sheet, u.a1, workbookText.problems.unscored, { unitId: unit.id, code: u.code }));
  }
  return blockers;
}

function loadFor(ctx: Context, unitId: unknown): { loaded: Loaded; unit: Unit } {
  const y = ctx.state.year;
  if (!y) throw new ActionError(A.notSetUp);
  if (y.closed) throw new ActionError(A.closed(y.year));
  const probe = loadWorkbook(ctx, { units: [], ballot: false });
  const unit = findUnit(probe, unitId);
  return { loaded: loadWorkbook(ctx, { units: [unit.id], ballot: false }), unit };
}

/**
 * Changes a unit's status, planned in full (submissionPlan) before the first write: the unit's
 * own columns to `editors` (plus the owner), the status line (when the user may write it: the
 * cụm trưởng), the status stored last. A focal officer submitting keeps the right until someone
 * else's execution takes it (see locks.ts): the lock is marked pending; so is a change the runner
 * may not make there (left to the owner).
 */
/** Returns true when the lock could not be completed now (left pending for the owner or the cụm trưởng). */
function changeStatus(ctx: Context, loaded: Loaded, unit: Unit, editors: string[], s: Submission): boolean {
  let pending = false;
  if (!loaded.units.get(unit.id)?.sheet) throw new ActionError(workbookText.problems.tabMissing(unit.id, ctx.state.tabs[unit.id]?.sheet ?? unit.id));
  const plan = submissionPlan({ state: ctx.state, unitId: unit.id, submission: s, editors, writeLine: isLeader(identify(ctx.user, loaded.facts)) });
  applyWritePlan(ctx.sheets, ctx.store, plan, loaded.units, { runner: {
    me: ctx.runner,
    keep: ownerOf(ctx),
    onOutcome: (outcome) => {
      if (outcome === 'stuck' || outcome === 'needsOwner') {
        pending = true;
        recordOutcome(ctx, { stuck: outcome === 'stuck', skipped: 0, needsOwner: outcome === 'needsOwner' });
      }
    },
  } });
  ctx.state.submissions[unit.id] = s;
  clearLateEdits(ctx, unit.id);
  return pending;
}

/** Nộp bảng tự chấm of `unitId`: its focal officers or the cụm trưởng. */
export function submit(unitId: string): ActionResult {
  return runLocked(A.busySetup, LOG.submit, (ctx) => {
    const { loaded, unit } = loadFor(ctx, unitId);
    const who = identify(ctx.user, loaded.facts);
    if (!isLeader(who) && !who.unitIds.includes(unit.id)) throw new ActionError(A.onlyOwnUnit(unit.id));
    if (submissionStatus(ctx.state, unit.id) === 'submitted') throw new ActionError(A.alreadySubmitted(unit.id));
    const blocking = loaded.problems.filter((p) => p.blocking && (p.unitId === unit.id || p.unitId === undefined));
    const blockers = [...blocking, ...submissionBlockers(loaded, unit)];
    if (blockers.length > 0) throw new ActionError(A.submitRefused(unit.id, blockers.length), blockers);
    const pending = changeStatus(ctx, loaded, unit, leaderEmails(loaded.facts), { status: 'submitted', at: ctx.now.toISOString(), by: ctx.user });
    appendLog(ctx, [actionRow(ctx, LOG.submit, { sheet: ctx.state.tabs[unit.id]?.sheet ?? unit.id })]);
    // Google keeps the submitter's own right until someone else's execution: say so, not "locked".
    return done(pending ? A.submitDonePending(unit.id) : A.submitDone(unit.id));
  });
}

/** Trả lại: the cụm trưởng sends a submitted unit's scoring back, with a reason. */
export function returnSubmission(unitId: string, reason: string): ActionResult {
  return runLocked(A.busySetup, LOG.returned, (ctx) => {
    const { loaded, unit } = loadFor(ctx, unitId);
    if (!isLeader(identify(ctx.user, loaded.facts))) throw new ActionError(A.onlyLeader);
    const why = cleanText(typeof reason === 'string' ? reason : '').slice(0, MAX_REASON);
    if (why === '') throw new ActionError(A.reasonRequired);
    if (submissionStatus(ctx.state, unit.id) !== 'submitted') throw new ActionError(A.notSubmitted(unit.id));
    changeStatus(ctx, loaded, unit, [...unit.focalEmails, ...leaderEmails(loaded.facts)], { status: 'returned', at: ctx.now.toISOString(), by: ctx.user, reason: why });
    const sheet = ctx.state.tabs[unit.id]?.sheet ?? unit.id;
    appendLog(ctx, [actionRow(ctx, LOG.returned, { sheet, a1: a1(UNIT_LAYOUT.statusRow, 2), note: why })]);
    return done(A.returnDone(unit.id));
  });
}

/** Mở lại: the cụm trưởng reopens a submitted (or returned) unit's scoring without a reason. */
export function reopen(unitId: string): ActionResult {
  return runLocked(A.busySetup, LOG.reopen, (ctx) => {
    const { loaded, unit } = loadFor(ctx, unitId);
    if (!isLeader(identify(ctx.user, loaded.facts))) throw new ActionError(A.onlyLeader);
    if (submissionStatus(ctx.state, unit.id) === 'open') throw new ActionError(A.notSubmitted(unit.id));
    changeStatus(ctx, loaded, unit, [...unit.focalEmails, ...leaderEmails(loaded.facts)], { status: 'open', at: ctx.now.toISOString(), by: ctx.user });
    appendLog(ctx, [actionRow(ctx, LOG.reopen, { sheet: ctx.state.tabs[unit.id]?.sheet ?? unit.id })]);
    return done(A.reopenDone(unit.id));
  });
}
