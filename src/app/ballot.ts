/**
 * Ghi kết quả bình xét from the panel: the counts of one title's ballot written to its row of
 * Bình xét, checked as a whole first (a count that is not a whole number, more ballots returned
 * than issued, valid + invalid ≠ returned, more votes than valid ballots: refused, nothing
 * written), then Tổng hợp recomputed so the % and the threshold show at once.
 */
import { cleanText, normalizeKey, parseNumber, type CellValue } from '../core/input';
import { workbookText } from '../i18n/workbook';
import { BALLOT_LAYOUT, mergeBallot, parseBallots } from '../workbook/ballot';
import { cellAt, diffGrid, type Grid, type OutValue } from '../workbook/grid';
import { errorsOf } from '../workbook/problems';
import { problemsNote } from '../workbook/summary';
import { actionRow, appendLog } from './audit';
import type { Context } from './context';
import { loadWorkbook } from './load';
import { computeWorkbook, requireLeader, writeResults } from './recompute';
import { ActionError, done, type ActionResult } from './result';
import { runLocked } from './run';

const A = workbookText.actions;
const T = workbookText.tabs;

/** The counts of one ballot, as the panel sends them (numbers or text typed by a person). */
export interface BallotInput {
  issued: number | string;
  returned: number | string;
  valid: number | string;
  invalid: number | string;
  /** Agreeing votes per candidate unit id; blank or absent: not a candidate. */
  votes: Record<string, number | string | null>;
}

function asCell(v: unknown): OutValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string') {
    const n = parseNumber(v as CellValue);
    return n.ok && n.value !== null ? n.value : typeof v === 'string' ? cleanText(v) : v;
  }
  return String(v);
}

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
  const key = normalizeKey(typeof titleId === 'string' ? titleId : '');
  const title = rules.titles.find((t) => normalizeKey(t.id) === key || normalizeKey(t.name) === key);
  if (!title) throw new ActionError(workbookText.problems.ballotUnknownTitle(cleanText(String(titleId ?? ''))));
  if (!counts || typeof counts !== 'object') throw new ActionError(A.badConfig);

  // The tab with every title and unit in place, then this title's row filled in.
  const before: Grid = loaded.ballot?.grid ?? [];
  const grid = mergeBallot(before, rules.titles, units);
  const cols = new Map<string, number>();
  for (let c = BALLOT_LAYOUT.firstUnitColumn; c <= (grid[BALLOT_LAYOUT.headerRow - 1]?.length ?? 0); c++) {
    cols.set(normalizeKey(cellAt(grid as Grid, BALLOT_LAYOUT.headerRow, c)), c);
  }
  let row = -1;
  for (let r = BALLOT_LAYOUT.firstRow; r <= grid.length; r++) {
    const id = normalizeKey(cellAt(grid as Grid, r, BALLOT_LAYOUT.column.id));
    const name = normalizeKey(cellAt(grid as Grid, r, BALLOT_LAYOUT.column.name));
    if (id === normalizeKey(title.id) || (id === '' && name === normalizeKey(title.name))) {
      row = r;
      break;
    }
  }
  const line = grid[row - 1]!;
  const C = BALLOT_LAYOUT.column;
  line[C.issued - 1] = asCell(counts.issued);
  line[C.returned - 1] = asCell(counts.returned);
  line[C.valid - 1] = asCell(counts.valid);
  line[C.invalid - 1] = asCell(counts.invalid);
  const votes = counts.votes && typeof counts.votes === 'object' ? counts.votes : {};
  for (const unit of units) {
    const c = cols.get(normalizeKey(unit.id));
    if (c === undefined) continue;
    const given = Object.entries(votes).find(([k]) => normalizeKey(k) === normalizeKey(unit.id));
    line[c - 1] = asCell(given?.[1]);
  }
  for (const k of Object.keys(votes)) {
    if (!units.some((u) => normalizeKey(u.id) === normalizeKey(k))) throw new ActionError(workbookText.problems.ballotUnknownUnit(cleanText(k)));
  }
  const check = parseBallots(grid as Grid, rules.titles, units).problems.filter((p) => p.a1.replace(/^[A-Z]+/, '') === String(row));
  if (errorsOf(check).length > 0) throw new ActionError(errorsOf(check)[0]!.message, check);

  const sheet = loaded.ballot?.sheet ?? ctx.sheets.byName(T.ballot);
  if (!sheet) throw new ActionError(workbookText.problems.missingTab(T.ballot));
  ctx.sheets.ensureSize(sheet, grid.length, grid[0]?.length ?? 1);
  ctx.sheets.writePatches(sheet, diffGrid(before, grid));

  // The % and the proposal follow at once.
  const computed = computeWorkbook(ctx);
  const blocking = computed.problems.filter((p) => p.blocking);
  if (blocking.length === 0) writeResults(ctx, computed);
  appendLog(ctx, [actionRow(ctx, workbookText.log.actions.ballot, { sheet: T.ballot, a1: `A${row}`, note: `${title.name}${problemsNote(check) ? ` — ${problemsNote(check)}` : ''}` })]);
  return done(A.ballotDone(title.name), computed.problems);
}
