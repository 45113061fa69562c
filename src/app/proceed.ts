/**
 * Ghi lý do xét tiếp: the cụm trưởng records why the cluster goes on with a unit whose figures are
 * incomplete (not submitted, rows unscored). With a reason the unit's rank is no longer provisional
 * and it may be proposed; the reason is logged in Nhật ký and printed in Tổng hợp and the minutes
 * at the next computation. An empty reason withdraws the one recorded.
 *
 * Cost: Cấu hình and Tiêu chí read (no unit tab), 1 property written or deleted, the Nhật ký line.
 */
import { cleanText } from '../core/input';
import { workbookText } from '../i18n/workbook';
import { identify, isLeader } from '../workbook/rights';
import { KEY, proceedReasons, type ProceedReason } from '../workbook/state';
import { actionRow, appendLog } from './audit';
import { loadWorkbook } from './load';
import { ActionError, done, type ActionResult } from './result';
import { runLocked } from './run';
import { findUnit, MAX_REASON } from './submission';

const A = workbookText.actions;
const LOG = workbookText.log.actions;

/** Records (or, with an empty reason, withdraws) the reason to proceed with `unitId` (cụm trưởng). */
export function recordProceedReason(unitId: string, reason: string): ActionResult {
  return runLocked(A.busySetup, LOG.proceed, (ctx) => {
    const y = ctx.state.year;
    if (!y) throw new ActionError(A.notSetUp);
    if (y.closed) throw new ActionError(A.closed(y.year));
    const loaded = loadWorkbook(ctx, { units: [], ballot: false });
    if (!isLeader(identify(ctx.user, loaded.facts))) throw new ActionError(A.onlyLeader);
    const unit = findUnit(loaded, unitId);
    const why = cleanText(typeof reason === 'string' ? reason : '').slice(0, MAX_REASON);
    const key = KEY.proceedPrefix + unit.id;
    const sheet = ctx.state.tabs[unit.id]?.sheet ?? unit.id;
    if (why === '') {
      if (proceedReasons(ctx.state)[unit.id] === undefined) throw new ActionError(A.proceedReasonRequired);
      ctx.store.remove([key]);
      delete ctx.state.proceed?.[unit.id];
      appendLog(ctx, [actionRow(ctx, LOG.proceed, { sheet, note: A.proceedWithdrawnNote })]);
      return done(A.proceedWithdrawn(unit.id));
    }
    const record: ProceedReason = { year: y.year, reason: why, at: ctx.now.toISOString(), by: ctx.user };
    ctx.store.write({ [key]: JSON.stringify(record) });
    (ctx.state.proceed ??= {})[unit.id] = record;
    appendLog(ctx, [actionRow(ctx, LOG.proceed, { sheet, note: why })]);
    return done(A.proceedDone(unit.id));
  });
}
