/**
 * Ghi kết quả bình xét from the panel: the counts of one title's ballot written to its row of
 * Bình xét, checked as a whole first (a count that is not a whole number, more ballots returned
 * than issued, valid + invalid ≠ returned, more votes than valid ballots: refused, nothing
 * written), then Tổng hợp recomputed so the % and the threshold show at once.
 */
import { workbookText } from '../i18n/workbook';
import { applyWritePlan } from '../adapters/plan';
import { ballotPlan, type BallotInput } from '../workbook/plan';
import { problemsNote } from '../workbook/summary';
import { actionRow, appendLog } from './audit';
import type { Context } from './context';
import { loadWorkbook } from './load';
import { computeWorkbook, requireLeader, writeResults } from './recompute';
import { ActionError, done, type ActionResult } from './result';
import { runLocked } from './run';

const A = workbookText.actions;
const T = workbookText.tabs;

export type { BallotInput } from '../workbook/plan';

/** Saves one title's ballot (cụm trưởng) and recomputes. */
export function saveBallot(titleId: string, counts: BallotInput): ActionResult {
  return runLocked(A.busySetup, workbookText.log.actions.ballot, (ctx) => saveInLock(ctx, titleId, counts));
}

function saveInLock(ctx: Context, titleId: string, counts: BallotInput): ActionResult {
  const y = ctx.state.year;
  if (!y) throw new ActionError(A.notSetUp);
  if (y.closed) throw new ActionError(A.closed(y.year));
  const loaded = loadWorkbook(ctx, { units: [] });
  requireLeader(ctx, loaded);
  const { rules, units } = loaded.parsed.config;
  // The whole row planned and checked first: a refusal writes nothing.
  const planned = ballotPlan(loaded.ballot?.grid ?? [], rules.titles, units, titleId, counts);
  if (!('plan' in planned)) throw new ActionError(planned.message, planned.problems);
  const { row, check } = planned;
  const named = new Map(loaded.ballot ? [[T.ballot, loaded.ballot.sheet]] : []);
  const outcome = applyWritePlan(ctx.sheets, ctx.store, planned.plan, new Map(), { named });
  if (outcome.missing !== null) throw new ActionError(workbookText.problems.missingTab(T.ballot));

  // The % and the proposal follow at once.
  const computed = computeWorkbook(ctx);
  const blocking = computed.problems.filter((p) => p.blocking);
  if (blocking.length === 0) writeResults(ctx, computed);
  appendLog(ctx, [actionRow(ctx, workbookText.log.actions.ballot, { sheet: T.ballot, a1: `A${row}`, note: `${planned.titleName}${problemsNote(check) ? ` — ${problemsNote(check)}` : ''}` })]);
  // Who passed, said with the save: the count decides the flag, the clerk should not have to look it up.
  const countedId = rules.titles.find((t) => t.name === planned.titleName)?.id;
  const counted = computed.result.ballots.find((b) => b.titleId === countedId);
  const passed = counted?.candidates.filter((c) => c.passed).map((c) => c.unitId) ?? [];
  const failed = counted?.candidates.filter((c) => !c.passed).map((c) => c.unitId) ?? [];
  return done(A.ballotDone(planned.titleName, passed, failed), computed.problems);
}
