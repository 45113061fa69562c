/**
 * Sao sang năm mới: a closed year's tabs are kept, renamed with the year as suffix ("Tổng hợp
 * 2021"; the unit tabs, Cấu hình, Tiêu chí and Bình xét hidden but readable, still locked), and
 * a fresh set is set up for the new year with last year's members, cross-check team, settings
 * and criteria table. Registrations, deferrals and submissions start empty. Nhật ký and the
 * snapshot tab are shared by all years. Tabs are archived by id, so running it again after a
 * failure part-way finishes the job without renaming a new tab.
 */
import { archiveTabs } from '../adapters/plan';
import { NEEDS } from '../adapters/scopes';
import { workbookText } from '../i18n/workbook';
import { copyYearPlan, copyYearRequest } from '../workbook/copyYear';
import type { Context } from './context';
import { loadWorkbook } from './load';
import { requireLeader } from './recompute';
import { ActionError, type ActionResult } from './result';
import { runLocked } from './run';
import { setupInLock } from './setup';

const A = workbookText.actions;

/** Copies the closed year's criteria and members into `newYear` (cụm trưởng). */
export function copyToNewYear(newYear: number): ActionResult {
  return runLocked(A.busySetup, workbookText.log.actions.copyYear, (ctx) => copyInLock(ctx, newYear), NEEDS.setup);
}

/** Plan (src/workbook/copyYear.ts), then apply: drop the old per-unit state, archive, set up. */
function copyInLock(ctx: Context, newYear: number): ActionResult {
  const request = copyYearRequest(ctx.state, newYear);
  if ('refused' in request) throw new ActionError(request.refused);
  // A copy to this year cut short after the new year was stored: set-up finishes it from the
  // new year's own tabs (running it again completes it, as every action).
  if ('finish' in request) {
    const result = setupInLock(ctx, undefined, A.copyDone(request.finish, request.target));
    return result.ok ? { ...result, message: A.copyDone(request.finish, request.target) } : result;
  }
  const loaded = loadWorkbook(ctx, { units: [], ballot: false });
  // A closed year's cells are the owner's alone, but its tabs stay the cụm trưởng's (see
  // protectionPlan): they can rename and hide them here, owner or not.
  requireLeader(ctx, loaded);
  const plan = copyYearPlan(ctx.state, loaded.parsed.config, loaded.parsed.criteria.table, request.copy);
  ctx.store.remove(plan.removeKeys);
  archiveTabs(ctx.sheets, plan.archive);
  ctx.state.year = plan.year;
  ctx.state.tabs = {};
  ctx.state.submissions = {};
  ctx.state.lastEdits = {};
  const result = setupInLock(ctx, plan.config, A.copyDone(plan.from, plan.target), plan.archivedYears);
  return result.ok ? { ...result, message: A.copyDone(plan.from, plan.target) } : result;
}
