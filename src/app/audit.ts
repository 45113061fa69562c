/**
 * Nhật ký: every add-on action and every edit of the year's tabs, appended as time, year, user,
 * action, sheet, cell, old → new, note. Only the owner may write the tab (it is append-only for
 * everyone else), so rows of other people's actions wait in document properties and are written
 * by the next execution that runs as the owner: the installable onEdit trigger, which runs as
 * the owner who created it at set-up, fires on every edit.
 *
 * Actions from the menu or the sidebar are logged with the person who clicked. An edit is logged
 * with the editor only when Google tells the trigger who it was; with consumer accounts it does
 * not, and the row says so and points to Sheets' own edit history of the cell. An edit is never
 * undone because its editor is unknown: the protections are what refuses edits.
 */
import { editedCells, type EditEvent } from '../adapters/sheets';
import { cleanText } from '../core/input';
import { workbookText } from '../i18n/workbook';
import { columnLetter } from '../workbook/a1';
import { cellText } from '../workbook/grid';
import { MAX_LATE_EDITS, MAX_REFUSED_EDITS, submissionStatus, type LateEdit, type LogRow, type RefusedEdit } from '../workbook/state';
import { logTime, shortTime } from '../workbook/time';
import { ownerOf, openTriggerContext, runsAsOwner, type Context } from './context';
import { settleLocks } from './locks';
import { mayEditByPlan, specsCovering } from '../workbook/rights';

const T = workbookText.tabs;

/** Most cells logged one by one for a paste; beyond, one summary row. */
export const MAX_CELLS_LOGGED = 50;

/** A log row for an action of the current user. */
export function actionRow(ctx: Context, action: string, detail: { sheet?: string; a1?: string; old?: string; value?: string; note?: string } = {}): LogRow {
  return [
    logTime(ctx.now), ctx.state.year?.year ?? '', ctx.user, action,
    detail.sheet ?? '', detail.a1 ?? '', detail.old ?? '', detail.value ?? '', detail.note ?? '',
  ];
}

/**
 * Appends rows to Nhật ký: directly when the owner is acting (and then the queued rows of
 * others first, oldest first), else into the queue. Logging never undoes an action that is done:
 * when the direct write fails, the rows are queued; when that fails too, they are dropped.
 */
export function appendLog(ctx: Context, rows: readonly LogRow[]): void {
  if (rows.length === 0 && ctx.state.queuedLog.length === 0) return;
  if (runsAsOwner(ctx)) {
    try {
      const sheet = ctx.sheets.byName(T.log);
      if (sheet) {
        const queued = ctx.state.queuedLog;
        const all = [...queued.flatMap((q) => q.rows), ...rows];
        if (all.length > 0) ctx.sheets.append(sheet, all);
        if (queued.length > 0) {
          ctx.store.remove(queued.map((q) => q.key));
          ctx.state.queuedLog = [];
        }
        return;
      }
    } catch {
      // fall through to the queue
    }
  }
  if (rows.length === 0) return;
  try {
    ctx.store.queueLog(rows, ctx.now.toISOString());
  } catch {
    // The action itself is complete; a lost log line is better than a failed action.
  }
}

/** The unit whose tab this is, by the names set-up recorded. */
function unitOfSheet(ctx: Context, sheetName: string): string | undefined {
  return Object.entries(ctx.state.tabs).find(([, ref]) => ref.sheet === sheetName)?.[0];
}

/** Tabs whose edits are logged: the unit tabs, Cấu hình, Tiêu chí and Bình xét. */
function isLoggedTab(ctx: Context, sheetName: string): boolean {
  return sheetName === T.config || sheetName === T.criteria || sheetName === T.ballot || unitOfSheet(ctx, sheetName) !== undefined;
}

/**
 * The installable onEdit handler: logs the edit (old → new; a paste cell by cell up to
 * MAX_CELLS_LOGGED) and remembers when the unit's tab was last edited. Runs as the trigger's
 * creator, so it writes Nhật ký when the owner created it. The editor is e.user as Google gives
 * it: "" when it does not say (consumer accounts), and then the row says "không rõ người sửa".
 */
export function logEdit(e: EditEvent): void {
  const ctx = openTriggerContext(e);
  const range = editedCells(e);
  if (!ctx.state.year || !range) return;
  const sheetName = range.sheetName();
  if (!isLoggedTab(ctx, sheetName)) {
    appendLog(ctx, []);
    return;
  }
  const L = workbookText.log;
  const editor = cleanText(ctx.user).toLowerCase();
  const who = editor || L.unknownEditor;
  const a1 = range.a1();
  // A right someone should have lost (a unit that submitted, a cụm trưởng who closed) is taken
  // now, as the owner. Was the edit made through it? When Google names the editor, by the plan;
  // when it does not, it may have been wherever a right was just taken.
  const settled = settleLocks(ctx);
  const owner = settled ? ownerOf(ctx) : '';
  const taken = new Set(settled?.outcome.taken ?? []);
  const throughKeptRight = (row: number, column: number) => !!settled && (editor !== ''
    ? !mayEditByPlan(settled.plan, sheetName, row, column, editor, owner)
    : specsCovering(settled.plan, sheetName, row, column).some((spec) => taken.has(spec.key)));
  const single = !a1.includes(':');
  if (single && editor !== '' && throughKeptRight(range.row(), range.column())) {
    // A known editor without the right: undone (a one-cell edit carries its old value).
    range.restore(eventValue(e.oldValue));
    refuse(ctx, range, { sheet: sheetName, a1, by: editor, value: e.value, old: e.oldValue, unitId: unitOfSheet(ctx, sheetName) });
    appendLog(ctx, [[logTime(ctx.now), ctx.state.year.year, editor, L.actions.refused, sheetName, a1, e.oldValue ?? '', e.value ?? '', L.undone]]);
    return;
  }
  const row = (cell: string, old: string, value: string, note = ''): LogRow =>
    [logTime(ctx.now), ctx.state.year!.year, who, L.actions.edit, sheetName, cell, old, value, note];
  const notes = (...parts: string[]) => [...parts, editor === '' ? L.historyHint : ''].filter((x) => x !== '').join(' — ');
  const rows: LogRow[] = [];
  const unitId = unitOfSheet(ctx, sheetName);
  if (single) {
    // An unknown editor's edit where someone kept a right is kept and shown until checked.
    const late = editor === '' && throughKeptRight(range.row(), range.column());
    if (late) {
      recordLateEdit(ctx, { sheet: sheetName, a1, at: ctx.now.toISOString(), by: '', ...(unitId !== undefined ? { unitId } : {}) });
      // Kept (Google did not say who typed it), but said where it happened: on the cell.
      try {
        range.note(L.lateNote(shortTime(ctx.now)));
      } catch {
        // the log line and the panel's Kiểm tra still say it
      }
    }
    rows.push(row(a1, e.oldValue ?? '', e.value ?? '', notes(late ? L.lateCell : '')));
  } else {
    const values = range.values();
    const cells = values.length * (values[0]?.length ?? 0);
    const top = range.row();
    const left = range.column();
    // A paste through a right just taken cannot be undone (no old values): say so where it shows.
    const late = values.some((line, i) => line.some((_, j) => throughKeptRight(top + i, left + j)));
    const note = notes(late ? L.lateBlock(cells) : L.multiCell(cells));
    if (late) recordLateEdit(ctx, { sheet: sheetName, a1, at: ctx.now.toISOString(), by: editor, ...(unitId !== undefined ? { unitId } : {}) });
    if (cells > MAX_CELLS_LOGGED) {
      rows.push(row(a1, '', '', note));
    } else {
      // A paste: the cells that now hold something, one row each (Apps Script gives no old values).
      values.forEach((line, i) => line.forEach((v, j) => {
        const text = cellText(v);
        if (text !== '') rows.push(row(`${columnLetter(left + j)}${top + i}`, '', text, note));
      }));
      if (rows.length === 0) rows.push(row(a1, '', '', note));
    }
  }
  if (unitId !== undefined) {
    try {
      ctx.store.setLastEdit(unitId, ctx.now.toISOString());
    } catch {
      // the edit is logged below all the same
    }
  }
  appendLog(ctx, rows);
}

/**
 * Says where it happens that an edit was taken back: a note on the cell (1 call), which the
 * person who typed sees there, and the year record (1 call), which their panel shows at its next
 * refresh. No toast: the trigger runs as its creator, and Google does not say that a toast from
 * it reaches the person who typed (test/fakes/CONTRACT.md).
 */
function refuse(ctx: Context, range: { note(text: string): void }, edit: { sheet: string; a1: string; by: string; value?: string; old?: string; unitId?: string }): void {
  const L = workbookText.log;
  const y = ctx.state.year!;
  const why = y.closed ? L.refusedWhy.closed(y.year)
    : edit.unitId !== undefined && submissionStatus(ctx.state, edit.unitId) === 'submitted' ? L.refusedWhy.submitted(edit.unitId)
      : L.refusedWhy.other;
  const value = typedText(edit.value);
  const old = typedText(edit.old);
  try {
    range.note(L.refusedNote(value, old, shortTime(ctx.now), why));
  } catch {
    // the panel and the log still say it
  }
  const refused: RefusedEdit = { sheet: edit.sheet, a1: edit.a1, at: ctx.now.toISOString(), by: edit.by, value, old, reason: why, ...(edit.unitId !== undefined ? { unitId: edit.unitId } : {}) };
  y.refusedEdits = [...(y.refusedEdits ?? []), refused].slice(-MAX_REFUSED_EDITS);
  try {
    ctx.store.setYear(y);
  } catch {
    // the note and the log line still say it
  }
}

/** An event's value as the clerk typed it in a Vietnamese sheet: "8.5" is shown "8,5". */
function typedText(v: string | undefined): string {
  if (v === undefined) return '';
  return /^-?\d+\.\d+$/.test(v) ? v.replace('.', ',') : v;
}

/** Keeps a late edit in the year record (1 call), the newest MAX_LATE_EDITS only. */
function recordLateEdit(ctx: Context, late: LateEdit): void {
  const y = ctx.state.year!;
  y.lateEdits = [...(y.lateEdits ?? []), late].slice(-MAX_LATE_EDITS);
  try {
    ctx.store.setYear(y);
  } catch {
    // the log line below still says it
  }
}

/** Forgets the late and refused edits of a unit whose status changed (1 call when there were any). */
export function clearLateEdits(ctx: Context, unitId: string): void {
  const y = ctx.state.year;
  const late = !!y?.lateEdits?.some((l) => l.unitId === unitId);
  const refused = !!y?.refusedEdits?.some((l) => l.unitId === unitId);
  if (!y || (!late && !refused)) return;
  if (y.lateEdits) y.lateEdits = y.lateEdits.filter((l) => l.unitId !== unitId);
  if (y.lateEdits?.length === 0) delete y.lateEdits;
  if (y.refusedEdits) y.refusedEdits = y.refusedEdits.filter((l) => l.unitId !== unitId);
  if (y.refusedEdits?.length === 0) delete y.refusedEdits;
  ctx.store.setYear(y);
}

/** e.oldValue is a string ("3.5" for 3.5): numbers go back as numbers, not as locale-read text. */
function eventValue(v: string | undefined): string | number {
  if (v === undefined) return '';
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}
