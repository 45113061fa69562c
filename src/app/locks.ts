/**
 * The protections of the year as a whole, applied from the state (submissions, closed), and the
 * catch-up for what Apps Script will not do for the person running a script:
 * - it never removes them from a protection, so a unit that submits, or a cụm trưởng who closes,
 *   keeps a right until someone else's execution applies the plan again;
 * - it lets no one read or change a protection they may not edit, so a cụm trưởng who is not the
 *   owner leaves the owner-only ones (Nhật ký, a closed year's locks) as they are, and what must
 *   change there waits for the owner.
 * Every action by the owner or a cụm trưởng, and the owner's edit trigger (which fires on anyone's
 * edit), apply the plan again first while something is pending.
 */
import { applyProtectionsLookingUp } from '../adapters/plan';
import type { ProtectionOutcome } from '../adapters/sheets';
import { archivedPlan, identify, isLeader, protectionPlan, sharedProtectionPlan, snapshotRowSpec, type ProtectionSpec, type UnitTabFacts } from '../workbook/rights';
import { workbookText } from '../i18n/workbook';
import { cellAt } from '../workbook/grid';
import { midYearLocks } from '../workbook/midYear';
import { registerLocks } from '../workbook/registers';
import { submissionStatus } from '../workbook/state';
import { UNIT_LAYOUT, statusLine } from '../workbook/unitSheet';
import { ownerOf, runsAsOwner, type Context } from './context';
import { loadWorkbook, type Loaded } from './load';

/** Every protection of the current year, as its state says. */
export function yearPlan(ctx: Context, loaded: Loaded): ProtectionSpec[] {
  const y = ctx.state.year!;
  const closed = !!y.closed;
  const tabs: UnitTabFacts[] = [];
  for (const unit of loaded.parsed.config.units) {
    const tab = loaded.parsed.unitTabs.get(unit.id);
    if (!tab) continue;
    tabs.push({ unit, sheet: tab.sheet, lastRow: tab.parsed.lastRow, status: submissionStatus(ctx.state, unit.id) });
  }
  const plan = [...protectionPlan(y.year, loaded.facts, tabs, closed), ...sharedProtectionPlan(loaded.facts, closed), ...registerLocks(ctx.state, y.year, closed), ...midYearLocks(ctx.state, y.year, closed)];
  if (closed && y.snapshotRow !== undefined) plan.push(snapshotRowSpec(y.year, y.snapshotRow, 5));
  // A year copied on before its locks were finished: finish them (1 call per protection listed, once).
  if (y.archivedPending?.length) {
    const keys = ctx.sheets.protectionKeys();
    for (const year of y.archivedPending) plan.push(...archivedPlan(year, keys));
  }
  return plan;
}

/** Applies the plan as the person running the script; remembers what it could not do. */
export function applyYearPlan(ctx: Context, loaded: Loaded, plan: ProtectionSpec[] = yearPlan(ctx, loaded)): ProtectionOutcome {
  const outcome = applyProtectionsLookingUp(ctx.sheets, plan, ctx.runner, ownerOf(ctx));
  recordOutcome(ctx, outcome);
  return outcome;
}

/**
 * Stores what is pending after protections were applied (1 call when it changes): a right kept
 * or a change for the owner makes it pending, by this runner; a complete run clears it; a run
 * that had to leave some protections alone leaves it pending (only by this runner, who could do
 * no more) or not pending, as it was.
 */
export function recordOutcome(ctx: Context, outcome: ProtectionOutcome): void {
  const y = ctx.state.year!;
  const before = JSON.stringify([y.pendingLock, y.pendingBy, y.ownerNeeded, y.archivedPending]);
  if (outcome.stuck || outcome.needsOwner) {
    y.pendingLock = true;
    y.pendingBy = ctx.runner;
    if (outcome.needsOwner) y.ownerNeeded = true;
  } else if (outcome.skipped === 0) {
    delete y.pendingLock;
    delete y.pendingBy;
    delete y.ownerNeeded;
    delete y.archivedPending;
  } else if (y.pendingLock) {
    y.pendingBy = ctx.runner;
  }
  if (JSON.stringify([y.pendingLock, y.pendingBy, y.ownerNeeded, y.archivedPending]) !== before) ctx.store.setYear(y);
}

/**
 * The status line a focal officer could not write when submitting (the cell is the cụm trưởng's)
 * says the new state as soon as someone who may write it runs: the owner's edit trigger fires on
 * the next edit of anyone. 2 calls per line that changed; none otherwise.
 */
function catchUpStatusLines(ctx: Context, loaded: Loaded): void {
  for (const [unitId, tab] of loaded.units) {
    if (!tab || submissionStatus(ctx.state, unitId) !== 'submitted') continue;
    const text = statusLine(ctx.state, unitId);
    // Only the line a submission left behind ("Đang nhập"): never what a person typed in the cell.
    if (cellAt(tab.grid, UNIT_LAYOUT.statusRow, 2) !== workbookText.unit.status.open) continue;
    try {
      ctx.sheets.write(tab.sheet, UNIT_LAYOUT.statusRow, 2, [[text]]);
    } catch {
      // the next recompute writes it
    }
  }
}

/**
 * When something is pending, applies the year's protections again as the person running the
 * script (no calls otherwise): the owner always; a cụm trưởng unless only the owner can finish;
 * never the person who kept the right. Returns the plan applied, or null. Never throws: the
 * caller's own work goes on.
 */
export function settleLocks(ctx: Context): { loaded: Loaded; plan: ProtectionSpec[]; outcome: ProtectionOutcome } | null {
  const y = ctx.state.year;
  if (!y?.pendingLock || ctx.runner === '' || y.pendingBy === ctx.runner) return null;
  const owner = runsAsOwner(ctx);
  if (y.ownerNeeded && !owner) return null;
  try {
    const loaded = loadWorkbook(ctx, { ballot: false });
    // Units and the team may edit next to nothing of the year's protections: leave it to others.
    if (!owner && !isLeader(identify(ctx.runner, loaded.facts))) return null;
    const plan = yearPlan(ctx, loaded);
    const outcome = applyYearPlan(ctx, loaded, plan);
    catchUpStatusLines(ctx, loaded);
    return { loaded, plan, outcome };
  } catch {
    return null;
  }
}
