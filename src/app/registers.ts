/**
 * Tạo bảng Sáng kiến và Quỹ (cụm trưởng): creates the year's two registers, or adds what is
 * missing (a block for a new unit), never overwriting what people typed, and protects them.
 * Last year's tabs of the same name are kept, renamed with their year.
 *
 * Cost with U units: that of loadWorkbook without units or ballot, 2 lookups by name + 1 read
 * each, the writes, 2 per tab for its id and position, the protections (1 + 1 per unit block on
 * Sáng kiến, 1 on Quỹ), 1 properties write and the log line.
 */
import { NEEDS } from '../adapters/scopes';
import { applyRegistersPlan } from '../adapters/registers';
import type { Sheet } from '../adapters/sheets';
import { registersText } from '../i18n/registers';
import { workbookText } from '../i18n/workbook';
import { cellAt, type Grid } from '../workbook/grid';
import { isBlank } from '../core/input';
import { problem, type SheetProblem } from '../workbook/problems';
import { FUND_SHEET } from '../workbook/fund';
import { INITIATIVES_SHEET } from '../workbook/initiatives';
import { isFundOf, isInitiativesOf, registersPlan } from '../workbook/registers';
import { KEY, type RegistersRef } from '../workbook/state';
import { problemsNote } from '../workbook/summary';
import { actionRow, appendLog } from './audit';
import { ownerOf, type Context } from './context';
import { loadWorkbook } from './load';
import { requireLeader } from './recompute';
import { ActionError, done, type ActionResult } from './result';
import { runLocked } from './run';

const A = workbookText.actions;
const X = registersText;

/** Creates or completes the Sáng kiến and Quỹ tabs of the year (cụm trưởng or owner). */
export function setupRegisters(): ActionResult {
  return runLocked(A.busySetup, X.actions.setup, (ctx) => registersInLock(ctx), NEEDS.setup);
}

/** The action inside the lock; exported for the sample year. */
export function registersInLock(ctx: Context): ActionResult {
  const y = ctx.state.year;
  if (!y) throw new ActionError(A.notSetUp);
  if (y.closed) throw new ActionError(A.closed(y.year));
  const loaded = loadWorkbook(ctx, { units: [], ballot: false });
  requireLeader(ctx, loaded);
  const { units } = loaded.parsed.config;
  const problems: SheetProblem[] = [];

  // Each tab by name: this year's (or an empty one) is kept; another year's is renamed away.
  const found = new Map<string, Sheet>();
  const before = (name: string, ofYear: (g: Grid) => boolean): Grid | null => {
    const sheet = ctx.sheets.byName(name);
    if (!sheet) return null;
    const grid = ctx.sheets.values(sheet);
    const title = cellAt(grid, 1, 1);
    if (isBlank(title) || ofYear(grid)) {
      found.set(name, sheet);
      return grid;
    }
    const old = /(\d{4})\s*$/.exec(String(title))?.[1];
    const oldYear = old ? Number(old) : y.year - 1;
    ctx.sheets.rename(sheet, freeName(ctx, workbookText.archivedTab(name, oldYear)));
    problems.push(problem(name, '', X.actions.archived(name, oldYear), { severity: 'warning' }));
    return null;
  };
  const initiativesBefore = before(INITIATIVES_SHEET, isInitiativesOf(y.year));
  const fundBefore = before(FUND_SHEET, isFundOf(y.year));
  const plan = registersPlan({
    year: y.year, units, table: loaded.parsed.criteria.table, facts: loaded.facts, initiativesBefore, fundBefore,
  });
  const owner = ownerOf(ctx) || ctx.user;
  const { refs, outcome } = applyRegistersPlan(ctx.sheets, plan, found, ctx.runner, owner);
  const record: RegistersRef = { year: y.year, initiatives: refs[INITIATIVES_SHEET]!, fund: refs[FUND_SHEET]! };
  ctx.store.write({ [KEY.registers]: JSON.stringify(record) });
  ctx.state.registers = record;
  if (outcome.skipped > 0 || outcome.needsOwner) problems.push(problem(INITIATIVES_SHEET, '', X.actions.ownerNeeded, { severity: 'warning' }));
  for (const email of outcome.refused ?? []) problems.push(problem(workbookText.tabs.config, '', A.notGoogleAccount(email), { severity: 'warning' }));
  appendLog(ctx, [actionRow(ctx, X.actions.setup, { sheet: INITIATIVES_SHEET, note: problemsNote(problems) })]);
  return done(X.actions.done(units.length), problems);
}

/** "Sáng kiến 2024", or "Sáng kiến 2024 (2)" when taken. */
function freeName(ctx: Context, name: string): string {
  if (!ctx.sheets.byName(name)) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name} (${i})`;
    if (!ctx.sheets.byName(candidate)) return candidate;
  }
}
