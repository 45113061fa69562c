/**
 * Deadlines and follow-up (đôn đốc): where each unit stands against the dates of Cấu hình, for
 * Tình hình, and the reminder to the units that have not submitted, prepared as a mailto: link
 * the cụm trưởng opens from the sidebar. No mail is sent by the add-on, so no new scope
 * (script.send_mail) is asked: the person reads the letter in their own mail program and sends it.
 */
import { DEADLINE_STEPS, dayText, deadlineState, mailtoLink, vnDay, type DeadlineState, type DeadlineStep, type Deadlines } from '../core/deadlines';
import type { Unit } from '../core/model';
import { exchangeText } from '../i18n/exchange';
import { workbookText } from '../i18n/workbook';
import { submissionStatus, type WorkbookState } from '../workbook/state';
import { actionRow, appendLog } from './audit';
import { loadWorkbook } from './load';
import { requireLeader } from './recompute';
import { ActionError, type ActionResult } from './result';
import { runLocked } from './run';

const D = exchangeText.deadlines;
const M = exchangeText.reminder;

export interface DeadlinesJson {
  /** Today in Việt Nam, "yyyy-mm-dd". */
  today: string;
  steps: Array<{ step: DeadlineStep; label: string; day: string }>;
  /** Per unit id: registration and self-scoring against their dates. */
  units: Record<string, { registration: DeadlineState; selfScore: DeadlineState }>;
}

/** Deadlines and each unit's state against them, from what the status already read (no call). */
export function deadlinesJson(deadlines: Deadlines, units: readonly Unit[], state: WorkbookState, now: Date): DeadlinesJson {
  const today = vnDay(now);
  const steps = DEADLINE_STEPS.filter((s) => deadlines[s]).map((s) => ({ step: s, label: D.steps[s], day: deadlines[s] as string }));
  const out: DeadlinesJson['units'] = {};
  for (const u of units) {
    const sub = state.submissions[u.id];
    // The stored status, not submissionStatus: a closed year says "closed" for every unit.
    const submittedDay = sub?.status === 'submitted' ? (sub.at ? vnDay(new Date(sub.at)) : '') : null;
    // A registration has no date of its own in the sheet: registered counts as on time.
    out[u.id] = {
      registration: deadlineState(deadlines.registration, u.registeredTitles.length > 0 ? '' : null, today),
      selfScore: deadlineState(deadlines.selfScore, submittedDay, today),
    };
  }
  return { today, steps, units: out };
}

export interface ReminderJson extends ActionResult {
  ok: true;
  /** mailto: link with the addresses, subject and body. */
  href: string;
  to: string[];
  subject: string;
  body: string;
  /** Units reminded, and those without a focal e-mail (not reached). */
  units: string[];
  missing: string[];
}

/**
 * Nhắc các đơn vị chưa nộp (cụm trưởng or owner): the units whose self-scoring is not submitted,
 * their focal officers' e-mails from Cấu hình, a Vietnamese subject and body, as a mailto: link;
 * Nhật ký records that it was prepared. Reads Cấu hình and Tiêu chí only.
 */
export function prepareReminder(): ReminderJson | ActionResult {
  return runLocked(workbookText.actions.busy, M.logAction, (ctx) => {
    const y = ctx.state.year;
    if (!y) throw new ActionError(workbookText.actions.notSetUp);
    if (y.closed) throw new ActionError(workbookText.actions.closed(y.year));
    const loaded = loadWorkbook(ctx, { units: [], ballot: false });
    requireLeader(ctx, loaded);
    const { config } = loaded.parsed;
    const late = config.units.filter((u) => {
      const s = submissionStatus(ctx.state, u.id);
      return s === 'open' || s === 'returned';
    });
    if (late.length === 0) throw new ActionError(M.nobodyLate);
    const withMail = late.filter((u) => u.focalEmails.length > 0);
    const missing = late.filter((u) => u.focalEmails.length === 0).map((u) => u.shortName || u.id);
    if (withMail.length === 0) throw new ActionError(M.noAddresses(missing.join(', ')));
    const info = deadlinesJson(config.deadlines, late, ctx.state, ctx.now);
    const due = config.deadlines.selfScore;
    const lines = [
      M.greeting, '',
      due ? M.bodyDeadline(dayText(due)) : M.bodyNoDeadline,
      M.bodyList,
      ...late.map((u) => {
        const s = info.units[u.id]!.selfScore;
        return M.unitLine(u.name, s.state === 'late' ? s.lateDays : null);
      }),
      '', M.bodyAsk, '',
      M.signature(config.units.find((u) => u.id === config.cluster.leaderUnitId)?.name ?? config.cluster.leaderUnitId),
    ];
    const to = [...new Set(withMail.flatMap((u) => u.focalEmails))];
    const subject = M.subject(config.cluster.name, y.year);
    const body = lines.join('\n');
    const units = withMail.map((u) => u.shortName || u.id);
    appendLog(ctx, [actionRow(ctx, M.logAction, { note: M.logNote(units.join(', ')) })]);
    const message = [M.prepared(units.length), missing.length > 0 ? M.missingAddresses(missing.join(', ')) : ''].filter((s) => s).join(' ');
    return { ok: true as const, message, problems: [], href: mailtoLink(to, subject, body), to, subject, body, units, missing };
  });
}
