/**
 * The protections of the year as a whole, applied from the state (submissions, closed), and the
 * catch-up for what Apps Script would not do: it never removes the person running a script from
 * a protection, so a unit that submits, or a cụm trưởng who closes, keeps a right until someone
 * else's execution applies the plan again. Every action and the owner's edit trigger do that
 * first when a lock is pending; the trigger also undoes an edit made through such a right.
 */
import { protectionPlan, sharedProtectionPlan, snapshotRowSpec, type ProtectionSpec, type UnitTabFacts } from '../workbook/rights';
import { KEY, submissionStatus } from '../workbook/state';
import type { Context } from './context';
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
  const plan = [...protectionPlan(y.year, loaded.facts, tabs, closed), ...sharedProtectionPlan(loaded.facts, closed)];
  if (closed && y.snapshotRow !== undefined) plan.push(snapshotRowSpec(y.year, y.snapshotRow, 5));
  return plan;
}

/** Applies the plan; remembers whether the current user kept a right they should lose. */
export function applyYearPlan(ctx: Context, loaded: Loaded, plan: ProtectionSpec[] = yearPlan(ctx, loaded)): void {
  const cache = new Map<string, GoogleAppsScript.Spreadsheet.Sheet | null>();
  const stuck = ctx.sheets.applyProtections(plan, (name) => {
    if (!cache.has(name)) cache.set(name, ctx.sheets.byName(name));
    return cache.get(name) ?? null;
  }, ctx.user);
  markPending(ctx, stuck);
}

/** Stores whether a lock is pending (1 call when it changes). */
export function markPending(ctx: Context, pending: boolean): void {
  const y = ctx.state.year!;
  if (!!y.pendingLock === pending && (!pending || y.pendingBy === ctx.user)) return;
  if (pending) {
    y.pendingLock = true;
    y.pendingBy = ctx.user;
  } else {
    delete y.pendingLock;
    delete y.pendingBy;
  }
  ctx.store.write({ [KEY.year]: JSON.stringify(y) });
}

/**
 * When a lock is pending, applies the year's protections again as the current user (no calls
 * otherwise). Returns the plan it applied, or null. Never throws: the caller's own work goes on.
 */
export function settleLocks(ctx: Context): { loaded: Loaded; plan: ProtectionSpec[] } | null {
  const y = ctx.state.year;
  // The person who kept the right cannot take it from themselves: leave it to someone else.
  if (!y?.pendingLock || y.pendingBy === ctx.user) return null;
  try {
    const loaded = loadWorkbook(ctx, { ballot: false });
    const plan = yearPlan(ctx, loaded);
    applyYearPlan(ctx, loaded, plan);
    return { loaded, plan };
  } catch {
    return null;
  }
}
