/**
 * Sao sang năm mới: a closed year's tabs are kept, renamed with the year as suffix ("Tổng hợp
 * 2021"; the unit tabs, Cấu hình, Tiêu chí and Bình xét hidden but readable, still locked), and
 * a fresh set is set up for the new year with last year's members, cross-check team, settings
 * and criteria table. Registrations, deferrals and submissions start empty. Nhật ký and the
 * snapshot tab are shared by all years. Tabs are archived by id, so running it again after a
 * failure part-way finishes the job without renaming a new tab.
 */
import { NEEDS } from '../adapters/scopes';
import { workbookText } from '../i18n/workbook';
import type { YearConfig } from '../workbook/config';
import { KEY, type FixedTab } from '../workbook/state';
import type { Context } from './context';
import { loadWorkbook } from './load';
import { requireLeader } from './recompute';
import { ActionError, type ActionResult } from './result';
import { runLocked } from './run';
import { setupInLock } from './setup';

const A = workbookText.actions;
const T = workbookText.tabs;

/** Copies the closed year's criteria and members into `newYear` (cụm trưởng). */
export function copyToNewYear(newYear: number): ActionResult {
  return runLocked(A.busySetup, workbookText.log.actions.copyYear, (ctx) => copyInLock(ctx, newYear), NEEDS.setup);
}

function copyInLock(ctx: Context, newYear: number): ActionResult {
  const y = ctx.state.year;
  if (!y) throw new ActionError(A.notSetUp);
  const target = typeof newYear === 'string' ? Number(newYear) : newYear;
  // A copy to this year cut short after the new year was stored: set-up finishes it from the
  // new year's own tabs (running it again completes it, as every action).
  if (!y.closed && y.year === target && y.archivedYears.length > 0) {
    const from = y.archivedYears[y.archivedYears.length - 1]!;
    const result = setupInLock(ctx, undefined, A.copyDone(from, target));
    return result.ok ? { ...result, message: A.copyDone(from, target) } : result;
  }
  if (!y.closed) throw new ActionError(A.notClosed(y.year));
  if (typeof target !== 'number' || !Number.isInteger(target) || target <= y.year || target > y.year + 50) {
    throw new ActionError(A.copyYearInvalid(newYear, y.year));
  }
  const loaded = loadWorkbook(ctx, { units: [], ballot: false });
  // A closed year's cells are the owner's alone, but its tabs stay the cụm trưởng's (see
  // protectionPlan): they can rename and hide them here, owner or not.
  requireLeader(ctx, loaded);
  const { cluster, units, team, rules } = loaded.parsed.config;
  const table = loaded.parsed.criteria.table;
  const config: YearConfig = {
    cluster: { ...cluster, year: target, slogan: cluster.slogan?.replace(String(y.year), String(target)) },
    units: units.map((u) => ({ ...u, registeredTitles: [], deferredReason: undefined })),
    crossCheckTeam: team,
    rules: { ...rules, year: target },
    criteria: { name: table.name.replace(String(y.year), String(target)), rows: table.rows },
  };
  if (config.cluster.slogan === undefined) delete config.cluster.slogan;

  // Last year's per-unit state goes first: the new year must not inherit a "submitted".
  const stale = [
    ...Object.keys(ctx.state.submissions).map((id) => KEY.submissionPrefix + id),
    ...Object.keys(ctx.state.lastEdits).map((id) => KEY.lastEditPrefix + id),
  ];
  ctx.store.remove(stale);

  // Archive by id: a tab already renamed, or a new tab of the new year, is left alone.
  const archive = (id: number | undefined, plainName: string, hide: boolean) => {
    if (id === undefined) return;
    const sheet = ctx.sheets.byId(id);
    if (!sheet) return;
    const archived = workbookText.archivedTab(plainName, y.year);
    const name = ctx.sheets.nameOf(sheet);
    if (name === plainName) ctx.sheets.rename(sheet, freeName(ctx, archived));
    // Renamed by a run cut short before it was hidden: hide it now.
    else if (name !== archived && !name.startsWith(`${archived} (`)) return;
    if (hide) ctx.sheets.hide(sheet);
  };
  const fixed: Array<[FixedTab, string, boolean]> = [
    ['config', T.config, true], ['criteria', T.criteria, true], ['ballot', T.ballot, true], ['summary', T.summary, false],
  ];
  for (const [key, name, hide] of fixed) archive(y.ids[key], name, hide);
  for (const [unitId, ref] of Object.entries(ctx.state.tabs)) archive(ref.sheetId, ref.sheet || unitId, true);

  // The new year starts open, with no tabs of its own yet.
  ctx.state.year = { ...y, year: target, closed: undefined, summary: { rows: 0, columns: 0 }, indexes: {}, ids: {} };
  // What belonged to the closed year does not carry over; its locks, if not finished yet (the cụm
  // trưởng who closed kept rights there), are finished with the new year's protections.
  for (const k of ['closed', 'reopenAllowed', 'reopenedAfterRow', 'snapshotRow', 'lateEdits'] as const) delete ctx.state.year[k];
  if (y.pendingLock && !y.archivedPending?.includes(y.year)) ctx.state.year.archivedPending = [...(y.archivedPending ?? []), y.year];
  ctx.state.tabs = {};
  ctx.state.submissions = {};
  ctx.state.lastEdits = {};
  const result = setupInLock(ctx, config, A.copyDone(y.year, target), [...y.archivedYears, y.year]);
  return result.ok ? { ...result, message: A.copyDone(y.year, target) } : result;
}

/** "Tổng hợp 2021", or "Tổng hợp 2021 (2)" when taken. */
function freeName(ctx: Context, name: string): string {
  if (!ctx.sheets.byName(name)) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name} (${i})`;
    if (!ctx.sheets.byName(candidate)) return candidate;
  }
}
