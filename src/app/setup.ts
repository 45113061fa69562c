/**
 * Khởi tạo năm thi đua: creates what the year needs and adds what is missing, never deleting,
 * moving to another code, or overwriting what people typed. Everything is computed first (the
 * merged Cấu hình and Tiêu chí, every unit tab re-rendered by code); only then are tabs created
 * and the differing cells written, so a refusal writes nothing and a failure part-way is
 * completed by running set-up again.
 */
import type { ProtectionOutcome, TabInfo } from '../adapters/sheets';
import { adoptBlankTab, applyProtectionsByName, applyTabSteps, applyUnitTab, readListed } from '../adapters/plan';
import { StateStore } from '../adapters/properties';
import { NEEDS } from '../adapters/scopes';
import { clearSetupTriggers, scheduleSetup } from '../adapters/triggers';
import { workbookText } from '../i18n/workbook';
import type { YearConfig } from '../workbook/config';
import type { Grid } from '../workbook/grid';
import { problem } from '../workbook/problems';
import { reportedProblems, setupPlan, setupRecord, setupRefusal, setupScope, type SetupRefusal } from '../workbook/setupPlan';
import { KEY } from '../workbook/state';
import { problemsNote } from '../workbook/summary';
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

/** Set-up itself, inside the lock: read, plan (src/workbook/setupPlan.ts), then carry it out. Exported for copy-to-new-year. */
export function setupInLock(ctx: Context, config: YearConfig | undefined, extraNote = '', archivedYears: number[] = [], part: { resume?: boolean } = {}): ActionResult {
  const started = Date.now();
  const resume = !!part.resume;
  const refuse = (r: SetupRefusal | null) => {
    if (r) throw new ActionError(r.refused, r.problems);
  };
  refuse(setupRefusal(config, ctx.state));
  const tabs = ctx.sheets.tabs();
  const read = (t: TabInfo | undefined | null): Grid => readListed(ctx.sheets, t);
  const find = (name: string) => tabs.find((t) => t.name.trim().toLowerCase() === name.trim().toLowerCase());
  const configBefore = read(find(T.config));
  const criteriaBefore = read(find(T.criteria));
  refuse(setupRefusal(config, ctx.state, configBefore));
  // In a shared drive the file has no owner: whoever sets the year up stands as its owner-side person.
  const owner = ownerOf(ctx) || ctx.user;
  const scope = setupScope({
    config, state: ctx.state, tabs, configBefore, criteriaBefore, user: ctx.user, owner,
    thisYear: ctx.now.getFullYear(), resume, unitsPerRun: SETUP_LIMITS.unitsPerRun,
  });
  if ('refused' in scope) throw new ActionError(scope.refused, scope.problems);
  const unitGrids = new Map(scope.reads.map((r) => [r.position, read(r.tab)] as const));
  const ballotBefore = read(find(T.ballot));
  const plan = setupPlan(scope, { unitGrids, ballotBefore }, peopleToShareWith(scope.parsedConfig.units, scope.parsedConfig.team));

  // ——— writes ———
  if (plan.adoptBlank) adoptBlankTab(ctx.sheets, T.config);
  applyTabSteps(ctx.sheets, plan.steps);
  // Share the file before any protection is made: a new protection's editors mirror the file's
  // until first changed, so one made before sharing could let those shared later edit it.
  const shared = shareWithMembers(ctx.sheets, plan.share);

  // Unit tabs one by one, each whole (values, formats, protections), until the part's time is up.
  const outcome: ProtectionOutcome = { stuck: false, skipped: 0, needsOwner: false };
  let next = plan.to;
  const written: string[] = [];
  for (const unit of plan.units) {
    if (unit !== plan.units[0] && Date.now() - started > SETUP_LIMITS.msPerRun) {
      next = unit.position;
      break;
    }
    addOutcome(outcome, applyUnitTab(ctx.sheets, unit, ctx.runner, owner));
    written.push(unit.unitId);
  }
  const reported = reportedProblems(plan, next);

  const existingYear = ctx.state.year;
  let auditTrigger = existingYear?.auditTrigger ?? false;
  if (ctx.runner !== '' && ctx.runner === owner) {
    auditTrigger = ctx.sheets.ensureEditTrigger();
    if (!auditTrigger) reported.push(problem(T.log, '', A.auditTriggerRefused, { severity: 'warning' }));
  } else if (!auditTrigger) reported.push(problem(T.log, '', A.noAuditTrigger, { severity: 'warning' }));
  // State before the year's own protections: they may take the runner's own rights away.
  const cursor = ctx.state.setup;
  const record = setupRecord(plan, ctx.state, owner, ctx.user, resume, {
    tabs: ctx.sheets.tabs(), written, next, auditTrigger, archivedYears, at: new Date(), resumeAfterMs: SETUP_LIMITS.resumeAfterMs,
  });
  const values: Record<string, string> = { [KEY.year]: JSON.stringify(record.year) };
  for (const [id, ref] of Object.entries(record.refs)) {
    const [k, v] = StateStore.tabEntry(id, ref);
    values[k] = v;
  }
  const setup = record.setup;
  if (setup) values[KEY.setup] = JSON.stringify(setup);
  ctx.store.write(values);
  if (!setup && cursor) ctx.store.remove([KEY.setup]);
  ctx.state.year = record.year;
  ctx.state.setup = setup;
  Object.assign(ctx.state.tabs, record.refs);

  // The year's own tabs (the first part does them; a part that continues only adds unit tabs).
  if (plan.protections.length > 0) addOutcome(outcome, applyProtectionsByName(ctx.sheets, plan.protections, ctx.runner, owner));
  // A part that continues saw only its unit tabs: it cannot tell that nothing else is pending.
  recordOutcome(ctx, resume ? { ...outcome, skipped: outcome.skipped + 1 } : outcome);
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

  const total = plan.unitIds.length;
  const more = next < total;
  const progress = more ? A.setupPart(next, total, scheduled) : '';
  const note = [problemsNote(reported), progress, extraNote].filter((x) => x !== '').join(' — ');
  appendLog(ctx, [actionRow(ctx, workbookText.log.actions.setup, { note })]);
  const message = more ? A.setupPartDone(next, total, plan.criteriaRows, scheduled) : A.setupDone(resume ? total : plan.units.length, plan.criteriaRows);
  return done(message, reported);
}

/** Adds what one application of protections could not do to the part's total. */
function addOutcome(total: ProtectionOutcome, o: ProtectionOutcome): void {
  total.stuck ||= o.stuck;
  total.skipped += o.skipped;
  total.needsOwner ||= o.needsOwner;
  for (const e of o.refused ?? []) if (!(total.refused ??= []).includes(e)) total.refused.push(e);
}
