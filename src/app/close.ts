/**
 * Chốt kết quả: a last recompute, an immutable snapshot of the results (a row of JSON in the
 * hidden, owner-protected Lưu trữ kết quả tab: a document property holds only 9 KB), every
 * status line set to closed, then every protection handed to the owner alone. Refused while
 * any figure is wrong. Running it again on a closed year re-applies the locks (completing a
 * close that failed part-way) and writes nothing else.
 */
import { workbookText } from '../i18n/workbook';
import { cellAt } from '../workbook/grid';
import { errorsOf } from '../workbook/problems';
import { KEY } from '../workbook/state';
import { UNIT_LAYOUT } from '../workbook/unitSheet';
import { actionRow, appendLog } from './audit';
import type { Context } from './context';
import { applyYearPlan } from './locks';
import { computeWorkbook, requireLeader, writeResults, type Computed } from './recompute';
import { ActionError, done, type ActionResult } from './result';
import { runLocked } from './run';
import { statusLine } from './setup';

const A = workbookText.actions;
const T = workbookText.tabs;

/** Characters of JSON per cell (a cell holds at most 50 000). */
export const SNAPSHOT_CHUNK = 40_000;

/** The snapshot of a closed year, as stored. */
export interface Snapshot {
  year: number;
  closedAt: string;
  closedBy: string;
  cluster: Computed['loaded']['parsed']['config']['cluster'];
  units: Array<{ id: string; name: string }>;
  result: Computed['result'];
}

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
  const json = JSON.stringify(snapshot);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += SNAPSHOT_CHUNK) chunks.push(json.slice(i, i + SNAPSHOT_CHUNK));

  // Writes: results, snapshot (once per year), status lines, state, and the locks last.
  writeResults(ctx, computed);
  let row = findSnapshotRow(ctx, y.year);
  if (row === null) {
    const sheet = ctx.sheets.byName(T.snapshot);
    if (!sheet) throw new ActionError(workbookText.problems.missingTab(T.snapshot));
    ctx.sheets.ensureSize(sheet, 2, 4 + chunks.length);
    ctx.sheets.append(sheet, [[y.year, closedAt, ctx.user, chunks.length, ...chunks]]);
    row = findSnapshotRow(ctx, y.year);
  }
  y.closed = { at: closedAt, by: ctx.user };
  if (row !== null) y.snapshotRow = row;
  for (const [unitId, tab] of computed.loaded.units) {
    if (tab) ctx.sheets.write(tab.sheet, UNIT_LAYOUT.statusRow, 2, [[statusLine(ctx.state, unitId)]]);
  }
  ctx.store.write({ [KEY.year]: JSON.stringify(y) });
  applyYearPlan(ctx, computed.loaded);
  appendLog(ctx, [actionRow(ctx, workbookText.log.actions.close, { sheet: T.snapshot, a1: row ? `A${row}` : '' })]);
  return done(A.closeDone(y.year));
}

/** The snapshot tab's row of a year, or null (1–2 calls). */
function findSnapshotRow(ctx: Context, year: number): number | null {
  const sheet = ctx.sheets.byName(T.snapshot);
  if (!sheet) return null;
  const grid = ctx.sheets.values(sheet, 1);
  for (let r = 2; r <= grid.length; r++) if (Number(cellAt(grid, r, 1)) === year) return r;
  return null;
}

/** Reads a closed year's snapshot back from its tab (for documents and tests); null when absent. */
export function readSnapshot(grid: ReturnType<Context['sheets']['values']>, year: number): Snapshot | null {
  for (let r = 2; r <= grid.length; r++) {
    if (Number(cellAt(grid, r, 1)) !== year) continue;
    const parts = Number(cellAt(grid, r, 4));
    let json = '';
    for (let i = 0; i < parts; i++) json += String(cellAt(grid, r, 5 + i));
    try {
      return JSON.parse(json) as Snapshot;
    } catch {
      return null;
    }
  }
  return null;
}
