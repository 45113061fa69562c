/**
 * Chốt kết quả: a last recompute, an immutable snapshot of the results (a row of JSON in the
 * hidden, owner-protected Lưu trữ kết quả tab: a document property holds only 9 KB), every
 * status line set to closed, then every cell locked for the owner alone. Refused while any
 * figure is wrong. Running it again on a closed year re-applies the locks (completing a close
 * that failed part-way) and writes nothing else. A cụm trưởng who is not the owner can close:
 * they keep their rights until the owner's next execution takes them (see locks.ts).
 *
 * Mở lại năm đã chốt: the owner can; the cụm trưởng can once the owner allowed it (Cho phép cụm
 * trưởng mở lại, an owner-only action, good for one reopening). Only the owner can lift the
 * locks, so when the cụm trưởng reopens, the rights come back at the owner's next execution.
 */
import { workbookText } from '../i18n/workbook';
import type { Snapshot } from '../workbook/snapshot';
import { errorsOf } from '../workbook/problems';
import { closePlan, yearRecordPlan } from '../workbook/plan';
import { applyWritePlan } from '../adapters/plan';
import { actionRow, appendLog } from './audit';
import { ownerOf, runsAsOwner } from './context';
import { loadWorkbook, type Loaded } from './load';
import type { Context } from './context';
import { applyYearPlan, recordOutcome, yearPlan } from './locks';
import { computeWorkbook, requireLeader, resultsPlanOf } from './recompute';
import { ActionError, done, type ActionResult } from './result';
import { runLocked } from './run';

const A = workbookText.actions;
const T = workbookText.tabs;

/** Closes the year (owner or cụm trưởng). */
export function closeYear(): ActionResult {
  return runLocked(A.busySetup, workbookText.log.actions.close, (ctx) => closeInLock(ctx));
}

function closeInLock(ctx: Context): ActionResult {
  const y = ctx.state.year;
  if (!y) throw new ActionError(A.notSetUp);
  const computed = computeWorkbook(ctx);
  requireLeader(ctx, computed.loaded);
  if (y.closed) {
    applyYearPlan(ctx, computed.loaded);
    // Logged again: when the first run stopped after storing "closed", this is the only line.
    appendLog(ctx, [actionRow(ctx, workbookText.log.actions.close, { sheet: T.snapshot, a1: y.snapshotRow ? `A${y.snapshotRow}` : '' })]);
    return done(A.closeDone(y.year));
  }
  const errors = errorsOf(computed.problems);
  if (errors.length > 0) throw new ActionError(A.closeRefused(errors.length), computed.problems);

  const closedAt = ctx.now.toISOString();
  const snapshot: Snapshot = {
    year: y.year,
    closedAt,
    closedBy: ctx.user,
    cluster: computed.loaded.parsed.config.cluster,
    units: computed.loaded.parsed.config.units.map((u) => ({ id: u.id, name: u.name })),
    result: computed.result,
  };
  // The snapshot tab as it is (column A: the years stored), before anything is written.
  const snapshotTab = ctx.sheets.byName(T.snapshot);
  if (!snapshotTab) throw new ActionError(workbookText.problems.missingTab(T.snapshot));
  const results = resultsPlanOf(ctx, computed);
  const close = closePlan({
    state: ctx.state, results: results.plan, summary: results.summary, snapshot,
    snapshotGrid: ctx.sheets.values(snapshotTab, 1), unitIds: withTabs(computed.loaded.units),
  });
  // The closed year's locks, last: every protection as the closed state says.
  close.plan.locks = yearPlan({ ...ctx, state: { ...ctx.state, year: close.year } }, computed.loaded);
  // Writes: results, the snapshot (once per close), status lines, the year record; the locks last.
  const runner = { me: ctx.runner, keep: ownerOf(ctx), onOutcome: () => undefined };
  const outcome = applyWritePlan(ctx.sheets, ctx.store, close.plan, computed.loaded.units, { named: new Map([[T.snapshot, snapshotTab]]), runner });
  if (outcome.missing !== null) throw new ActionError(workbookText.problems.missingTab(outcome.missing));
  ctx.state.year = close.year;
  recordOutcome(ctx, outcome.locks!);
  appendLog(ctx, [actionRow(ctx, workbookText.log.actions.close, { sheet: T.snapshot, a1: close.a1 })]);
  return done(A.closeDone(y.year));
}

/** The units whose tab was read, in the order read. */
function withTabs(units: Loaded['units']): string[] {
  return [...units].filter(([, tab]) => tab).map(([unitId]) => unitId);
}

/** Mở lại năm đã chốt: the owner, or the cụm trưởng the owner allowed (see the module comment). */
export function reopenYear(): ActionResult {
  return runLocked(A.busySetup, workbookText.log.actions.reopenYear, (ctx) => {
    const y = ctx.state.year;
    if (!y) throw new ActionError(A.notSetUp);
    if (!y.closed) throw new ActionError(A.notClosedYet(y.year));
    const loaded = loadWorkbook(ctx, { ballot: false });
    requireLeader(ctx, loaded);
    const owner = runsAsOwner(ctx);
    if (!owner && !y.reopenAllowed) throw new ActionError(A.reopenNeedsOwner(ownerOf(ctx)));
    // Rights first, from the state as it will be; the state is stored last, so a failure
    // part-way leaves the year closed and running it again completes it.
    delete y.closed;
    delete y.reopenAllowed;
    if (y.snapshotRow !== undefined) y.reopenedAfterRow = y.snapshotRow;
    delete y.snapshotRow;
    const outcome = applyYearPlan(ctx, loaded);
    // The owner writes the status lines now; under a cụm trưởng they stay locked until the owner
    // lifts the locks, and the next recompute writes them.
    applyWritePlan(ctx.sheets, ctx.store, yearRecordPlan(ctx.state, owner ? withTabs(loaded.units) : []), loaded.units);
    const waiting = outcome.needsOwner;
    appendLog(ctx, [actionRow(ctx, workbookText.log.actions.reopenYear, { note: waiting ? A.reopenWaitsForOwner(y.year) : '' })]);
    return done(waiting ? A.reopenWaitsForOwner(y.year) : A.reopenYearDone(y.year));
  });
}

/** Cho phép cụm trưởng mở lại: the owner lets the cụm trưởng reopen the closed year once. */
export function allowReopenYear(): ActionResult {
  return runLocked(A.busySetup, workbookText.log.actions.allowReopen, (ctx) => {
    const y = ctx.state.year;
    if (!y) throw new ActionError(A.notSetUp);
    if (!runsAsOwner(ctx)) throw new ActionError(A.onlyOwner(ownerOf(ctx)));
    if (!y.closed) throw new ActionError(A.notClosedYet(y.year));
    y.reopenAllowed = { by: ctx.user, at: ctx.now.toISOString() };
    applyWritePlan(ctx.sheets, ctx.store, yearRecordPlan(ctx.state, []), new Map());
    appendLog(ctx, [actionRow(ctx, workbookText.log.actions.allowReopen)]);
    return done(A.reopenAllowedDone(y.year));
  });
}
