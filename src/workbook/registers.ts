/**
 * The Sáng kiến and Quỹ tabs as one plan: what to write in each (from what they hold now) and
 * their protections, computed before any write. Also the year's title test that tells this
 * year's tab from last year's.
 */
import { normalizeKey } from '../core/input';
import type { CriteriaTable, Unit } from '../core/model';
import { registersText } from '../i18n/registers';
import { FUND_LAYOUT, FUND_SHEET, fundProtections, renderFund } from './fund';
import { cellAt, type Grid, type OutValue } from './grid';
import { INITIATIVES_LAYOUT, INITIATIVES_SHEET, initiativesProtections, renderInitiatives } from './initiatives';
import type { ProtectionSpec, RightsFacts } from './rights';
import type { WorkbookState } from './state';
import { workbookText } from '../i18n/workbook';

/** A tab of the plan: written from `before` to `after` (created when `before` is null). */
export interface RegisterStep {
  tab: string;
  /** What the tab holds now; null: the tab is to be created. */
  before: Grid | null;
  after: OutValue[][];
  frozenRows: number;
}

export interface RegistersPlan {
  steps: RegisterStep[];
  protections: ProtectionSpec[];
}

/** Is this grid this year's Sáng kiến tab (its title in A1)? */
export function isInitiativesOf(year: number): (grid: Grid) => boolean {
  return (grid) => normalizeKey(cellAt(grid, 1, 1)) === normalizeKey(registersText.initiatives.title(year));
}

/** Is this grid this year's Quỹ tab (its title in A1)? */
export function isFundOf(year: number): (grid: Grid) => boolean {
  return (grid) => normalizeKey(cellAt(grid, 1, 1)) === normalizeKey(registersText.fund.title(year));
}

/** Both tabs' writes and protections. `before` null: the tab does not exist (or is another year's). */
export function registersPlan(input: {
  year: number; units: readonly Unit[]; table: CriteriaTable; facts: RightsFacts;
  initiativesBefore: Grid | null; fundBefore: Grid | null;
}): RegistersPlan {
  const initiatives = renderInitiatives(input.initiativesBefore ?? [], input.units, input.year, input.table);
  const fund = renderFund(input.fundBefore ?? [], input.units, input.year);
  return {
    steps: [
      { tab: INITIATIVES_SHEET, before: input.initiativesBefore, after: initiatives, frozenRows: INITIATIVES_LAYOUT.headerRow },
      { tab: FUND_SHEET, before: input.fundBefore, after: fund, frozenRows: FUND_LAYOUT.headerRow },
    ],
    protections: [...initiativesProtections(input.year, input.facts, initiatives), ...fundProtections(input.year, input.facts)],
  };
}

/**
 * A closed year's locks on its registers, as on every other tab of the year: owner-only over
 * every cell; removed when the year is reopened. None for a year without registers.
 */
export function registerLocks(state: WorkbookState, year: number, closed: boolean): ProtectionSpec[] {
  const r = state.registers?.year === year ? state.registers : undefined;
  const out: ProtectionSpec[] = [];
  for (const [key, ref] of [['initiatives', r?.initiatives], ['fund', r?.fund]] as const) {
    if (!ref) continue;
    out.push({
      key: `${year}:lock:${key}`, sheet: ref.sheet, range: null, unprotected: [], editors: [],
      label: workbookText.rightsLabels.closedLock(ref.sheet), wholeTab: true, ...(closed ? {} : { remove: true as const }),
    });
  }
  return out;
}
