/**
 * Reading the registers with the rest of the year: which tabs to read (by the position the
 * registers action recorded, one call each), and what they give: parsed tabs and problems,
 * among them the unit tab cells whose typed bonus the Sáng kiến register overrides.
 */
import { codeKey } from '../core/criteria';
import { summariseFund } from '../core/fund';
import { formatDong, registersText } from '../i18n/registers';
import type { CriteriaTable, Unit } from '../core/model';
import { workbookText } from '../i18n/workbook';
import { a1 } from './a1';
import type { Grid } from './grid';
import { parseFund, type ParsedFund } from './fund';
import { feedFromRegister, parseInitiatives, type ParsedInitiatives } from './initiatives';
import { problem, type SheetProblem } from './problems';
import { isFundOf, isInitiativesOf } from './registers';
import type { WorkbookState } from './state';
import { PHASE_COLUMN, type ParsedUnitTab } from './unitSheet';

/** A tab to read (the adapter's TabRead). */
export interface RegisterRead {
  name: string;
  index?: number;
  verify: (grid: Grid) => boolean;
}

export interface RegisterOptions {
  /** Read Sáng kiến, which feeds its bonus row (default true). */
  initiatives?: boolean;
  /** Read Quỹ (default false: only the report and the status show it). */
  fund?: boolean;
}

function refs(state: WorkbookState, year: number) {
  return state.registers?.year === year ? state.registers : undefined;
}

/** The reads to add to the year's: none for a year without registers. */
export function registerReads(state: WorkbookState, year: number, options: RegisterOptions): RegisterRead[] {
  const r = refs(state, year);
  const out: RegisterRead[] = [];
  if ((options.initiatives ?? true) && r?.initiatives) out.push({ name: r.initiatives.sheet, index: r.initiatives.index, verify: isInitiativesOf(year) });
  if ((options.fund ?? false) && r?.fund) out.push({ name: r.fund.sheet, index: r.fund.index, verify: isFundOf(year) });
  return out;
}

/** The registers read, parsed, and their problems (a register recorded but not found: a warning). */
export function readRegisters(
  state: WorkbookState, year: number, options: RegisterOptions, read: ReadonlyMap<string, { grid: Grid } | null>,
  units: readonly Unit[], table: CriteriaTable, unitTabs: ReadonlyMap<string, { sheet: string; parsed: ParsedUnitTab } | null>,
): { initiatives: ParsedInitiatives | null; fund: ParsedFund | null; problems: SheetProblem[] } {
  const r = refs(state, year);
  const problems: SheetProblem[] = [];
  const missing = (name: string) => problems.push(problem(name, '', workbookText.problems.missingTab(name), { severity: 'warning' }));
  let initiatives: ParsedInitiatives | null = null;
  let fund: ParsedFund | null = null;
  if ((options.initiatives ?? true) && r?.initiatives) {
    const tab = read.get(r.initiatives.sheet);
    if (tab) {
      initiatives = parseInitiatives(tab.grid, units, table, r.initiatives.sheet);
      problems.push(...initiatives.problems);
      const scores = units.map((u) => unitTabs.get(u.id)?.parsed.scores ?? { unitId: u.id, entries: [] });
      const locate = (unitId: string, code: string, phase: 'self' | 'crossCheck' | 'final') => {
        const t = unitTabs.get(unitId);
        const row = t?.parsed.rowOf.get(codeKey(code));
        return t && row !== undefined ? { sheet: t.sheet, a1: a1(row, PHASE_COLUMN[phase]) } : null;
      };
      problems.push(...feedFromRegister(initiatives, table, units, scores, locate).problems);
    } else missing(r.initiatives.sheet);
  }
  if ((options.fund ?? false) && r?.fund) {
    const tab = read.get(r.fund.sheet);
    if (tab) {
      fund = parseFund(tab.grid, units, r.fund.sheet);
      problems.push(...fund.problems);
    } else missing(r.fund.sheet);
  }
  return { initiatives, fund, problems };
}

/**
 * The sidebar's lines on the registers read: counts of initiatives, the fund's paid, spent,
 * balance and units owing. None for a register not read.
 * @example registerStatusLines({ initiatives: { initiatives: [] }, fund: null }, []) // ['Sáng kiến: 0 đăng ký, 0 được công nhận.']
 */
export function registerStatusLines(
  parsed: { initiatives?: Pick<ParsedInitiatives, 'initiatives'> | null; fund?: Pick<ParsedFund, 'ledger'> | null }, units: readonly Unit[],
): string[] {
  const lines: string[] = [];
  const list = parsed.initiatives?.initiatives;
  if (list) lines.push(registersText.status.initiatives(list.length, list.filter((i) => i.status === 'recognised').length));
  if (parsed.fund) {
    const s = summariseFund(parsed.fund.ledger, units.map((u) => u.id));
    lines.push(registersText.status.fund(formatDong(s.paid), formatDong(s.spent), formatDong(s.balance), s.owing.length));
  }
  return lines;
}
