/**
 * Reads the year's tabs (one call each where they stand where expected) and parses them into
 * the model, with every problem located. Shared by recompute, status, submit and close.
 */
import { normalizeKey } from '../core/input';
import { defaultRules } from '../core/rules';
import type { TabData, TabRead } from '../adapters/sheets';
import { workbookText } from '../i18n/workbook';
import { a1 } from '../workbook/a1';
import { parseBallots } from '../workbook/ballot';
import { parseConfig } from '../workbook/config';
import { parseCriteria } from '../workbook/criteria';
import { cellAt, type Grid } from '../workbook/grid';
import { problem, type SheetProblem } from '../workbook/problems';
import { shortTime } from '../workbook/time';
import type { RightsFacts } from '../workbook/rights';
import type { FixedTab } from '../workbook/state';
import { UNIT_LAYOUT, parseUnitTab, unitHeaderOk } from '../workbook/unitSheet';
import { readRegisters, registerReads, type RegisterOptions } from '../workbook/registerLoad';
import type { ParsedWorkbook } from '../workbook/year';
import { ActionError } from './result';
import { ownerOf, type Context } from './context';

const T = workbookText.tabs;

/** Titles the fixed tabs carry in A1, by which they are recognised wherever they stand. */
const TITLE: Partial<Record<FixedTab, string>> = {
  config: workbookText.config.title,
  criteria: workbookText.criteria.title,
  ballot: workbookText.ballot.title,
};

/** Does A1 hold this title? */
export function titled(title: string): (grid: Grid) => boolean {
  return (grid) => normalizeKey(cellAt(grid, 1, 1)) === normalizeKey(title);
}

/** Is this the unit's tab of this year (title and unit key in place)? */
export function isUnitTabOf(unitId: string, year: number): (grid: Grid) => boolean {
  return (grid) =>
    normalizeKey(cellAt(grid, UNIT_LAYOUT.titleRow, 1)) === normalizeKey(workbookText.unit.title(year)) &&
    normalizeKey(cellAt(grid, UNIT_LAYOUT.titleRow, UNIT_LAYOUT.width)) === normalizeKey(unitId) &&
    unitHeaderOk(grid);
}

/** The workbook read and parsed. */
export interface Loaded {
  parsed: ParsedWorkbook;
  /** Problems of every tab read, in tab order. */
  problems: SheetProblem[];
  config: TabData;
  criteria: TabData;
  ballot: TabData | null;
  units: Map<string, TabData | null>;
  facts: RightsFacts;
  year: number;
}

export interface LoadOptions extends RegisterOptions {
  /** Units whose tabs to read (default: all). */
  units?: readonly string[];
  /** Read Bình xét too (default true). */
  ballot?: boolean;
}

/**
 * Reads Cấu hình, Tiêu chí (and Bình xét) and the unit tabs. Throws ActionError when the year is
 * not set up or Cấu hình / Tiêu chí cannot be found. A unit tab that moved is found by name; one
 * renamed is found by id and reported; one deleted is a blocking problem.
 */
export function loadWorkbook(ctx: Context, options: LoadOptions = {}): Loaded {
  const y = ctx.state.year;
  if (!y) throw new ActionError(workbookText.actions.notSetUp);
  const withBallot = options.ballot ?? true;
  const fixed: TabRead[] = [
    { name: T.config, index: y.indexes.config, verify: titled(TITLE.config!) },
    { name: T.criteria, index: y.indexes.criteria, verify: titled(TITLE.criteria!) },
  ];
  if (withBallot) fixed.push({ name: T.ballot, index: y.indexes.ballot, verify: titled(TITLE.ballot!) });

  // Unit tabs are read in the same pass, by the names and positions set-up recorded: their ids
  // come from the stored state, so Cấu hình need not be read first.
  const wanted = options.units ?? Object.keys(ctx.state.tabs);
  const unitReads: TabRead[] = wanted.map((id) => {
    const ref = ctx.state.tabs[id];
    return { name: ref?.sheet ?? id, index: ref?.index, verify: isUnitTabOf(id, y.year) };
  });
  fixed.push(...registerReads(ctx.state, y.year, options));
  const read = ctx.sheets.readTabs([...fixed, ...unitReads]);
  const config = read.get(T.config);
  const criteria = read.get(T.criteria);
  if (!config) throw new ActionError(workbookText.problems.missingTab(T.config), [{ ...problem(T.config, '', workbookText.problems.missingTab(T.config)), blocking: true }]);
  if (!criteria) throw new ActionError(workbookText.problems.missingTab(T.criteria), [{ ...problem(T.criteria, '', workbookText.problems.missingTab(T.criteria)), blocking: true }]);
  const ballot = withBallot ? read.get(T.ballot) ?? null : null;

  const parsedCriteria = parseCriteria(criteria.grid);
  const codes = new Set(parsedCriteria.table.rows.map((r) => r.code));
  const parsedConfig = parseConfig(config.grid, { defaults: defaultRules(y.year), criteriaCodes: codes });
  const problems: SheetProblem[] = [...parsedConfig.problems, ...parsedCriteria.problems];
  if (withBallot && !ballot) problems.push(problem(T.ballot, '', workbookText.problems.missingTab(T.ballot), { severity: 'warning' }));

  const unitIds = options.units ?? parsedConfig.units.map((u) => u.id);
  const units = new Map<string, TabData | null>();
  const unitTabs: ParsedWorkbook['unitTabs'] = new Map();
  for (const id of unitIds) {
    const unit = parsedConfig.units.find((u) => u.id === id);
    if (!unit) continue;
    const ref = ctx.state.tabs[id];
    let tab = read.get(ref?.sheet ?? id) ?? null;
    if (!read.has(ref?.sheet ?? id)) {
      // A unit added to Cấu hình after set-up, or state lost: look it up by name.
      tab = ctx.sheets.readTabs([{ name: id, verify: unitHeaderOk }]).get(id) ?? null;
    }
    if (!tab && ref) {
      const byId = ctx.sheets.byId(ref.sheetId);
      if (byId) {
        const grid = ctx.sheets.values(byId);
        const name = ctx.sheets.nameOf(byId);
        if (unitHeaderOk(grid)) {
          tab = { sheet: byId, grid, index: null };
          if (name !== ref.sheet) problems.push(problem(name, '', workbookText.problems.tabRenamed(id, ref.sheet, name), { severity: 'warning', unitId: id }));
          units.set(id, tab);
          const parsed = parseUnitTab(grid, parsedCriteria.table, unit, name);
          unitTabs.set(id, { sheet: name, parsed });
          problems.push(...parsed.problems);
          continue;
        }
        // The tab is there but its header row was typed over (or a column inserted or deleted):
        // say so at the header row, not that the tab is missing.
        units.set(id, null);
        problems.push({ ...problem(name, a1(UNIT_LAYOUT.headerRow, 1), workbookText.problems.headerChanged(name), { unitId: id }), blocking: true });
        unitTabs.set(id, null);
        continue;
      }
    }
    units.set(id, tab);
    if (!tab) {
      const name = ref?.sheet ?? id;
      problems.push({ ...problem(name, '', workbookText.problems.tabMissing(id, name), { unitId: id }), blocking: true });
      unitTabs.set(id, null);
      continue;
    }
    const sheetName = ref?.sheet ?? id;
    const parsed = parseUnitTab(tab.grid, parsedCriteria.table, unit, sheetName);
    unitTabs.set(id, { sheet: sheetName, parsed });
    problems.push(...parsed.problems);
  }

  const parsedBallots = parseBallots(ballot?.grid ?? [], parsedConfig.rules.titles, parsedConfig.units);
  problems.push(...parsedBallots.problems);
  for (const late of y.lateEdits ?? []) {
    if (options.units && late.unitId !== undefined && !options.units.includes(late.unitId)) continue;
    const at = new Date(late.at);
    problems.push(problem(late.sheet, late.a1, workbookText.problems.lateEdit(late.by, Number.isNaN(at.getTime()) ? late.at : shortTime(at)), {
      severity: 'warning', ...(late.unitId !== undefined ? { unitId: late.unitId } : {}),
    }));
  }

  const registers = readRegisters(ctx.state, y.year, options, read, parsedConfig.units, parsedCriteria.table, unitTabs);
  problems.push(...registers.problems);

  const facts: RightsFacts = {
    owner: ownerOf(ctx),
    units: parsedConfig.units,
    team: parsedConfig.team,
    leaderUnitId: parsedConfig.cluster.leaderUnitId,
  };
  return {
    parsed: { config: parsedConfig, criteria: parsedCriteria, unitTabs, ballots: parsedBallots, initiatives: registers.initiatives, fund: registers.fund },
    problems,
    config,
    criteria,
    ballot,
    units,
    facts,
    year: y.year,
  };
}
