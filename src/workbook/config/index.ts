/**
 * The Cấu hình tab: the year's cluster, members, cross-check team and settings, in side-by-side
 * blocks so each list grows downward without shifting another. Rendered from a plain config
 * object, merged into what people already typed (render.ts), and parsed back with problems
 * located by cell, one parser per block (general.ts, units.ts, team.ts, rules.ts).
 */
import type { Deadlines } from '../../core/deadlines';
import type { ClusterInfo, RuleSet, Unit } from '../../core/model';
import { workbookText } from '../../i18n/workbook';
import type { Grid } from '../grid';
import type { SheetProblem } from '../problems';
import { parseDeadlines } from './deadlines';
import { parseCluster, parseNameAndYear, parseSettings, readGeneral } from './general';
import { parseDetails, type DocumentDetails } from './details';
import { configReport, type TeamMember } from './layout';
import { parseMovements } from './movements';
import { parseBands, parseLegalBases, parseTitles } from './rules';
import { parseTeam } from './team';
import { parseUnits } from './units';

export { CONFIG_LAYOUT, splitList, type TeamMember, type YearConfig } from './layout';
export { DETAIL_KEYS, type DetailKey, type DocumentDetails } from './details';
export { mergeConfig, renderConfig } from './render';

/** The Cấu hình tab read back. */
export interface ParsedConfig {
  cluster: ClusterInfo;
  units: Unit[];
  team: TeamMember[];
  rules: RuleSet;
  /** Sheet row of each unit in the units block, by unit id. */
  unitRows: Record<string, number>;
  /** What the documents say beyond the year: signing date, the meeting, the commitments. */
  details: DocumentDetails;
  /** Deadlines of the year's steps (Thời hạn các bước). */
  deadlines: Deadlines;
  problems: SheetProblem[];
}

/** Options for parsing: defaults for blank settings and the known criteria codes (tie-breaks). */
export interface ParseConfigOptions {
  sheetName?: string;
  defaults: RuleSet;
  criteriaCodes?: ReadonlySet<string>;
}

/**
 * Reads the Cấu hình tab. Problems that make a year impossible to build (no units, a unit listed
 * twice, a short name that cannot name a tab, no year, an unknown cụm trưởng) are marked
 * `blocking`; the rest are reported and the value is left out (e.g. a malformed e-mail).
 * The blocks are read in this order so that problems come in the same order as always.
 */
export function parseConfig(grid: Grid, options: ParseConfigOptions): ParsedConfig {
  const report = configReport(options.sheetName ?? workbookText.tabs.config);
  const defaults = options.defaults;
  const general = readGeneral(grid);
  const head = parseNameAndYear(general, report, defaults.year);
  // Titles first: units' registrations refer to them.
  const bands = parseBands(grid, report, defaults);
  const titles = parseTitles(grid, report, bands, defaults);
  const { units, unitRows } = parseUnits(grid, report, titles);
  const cluster = parseCluster(general, report, head, units);
  const team = parseTeam(grid, report, units);
  const legalBases = parseLegalBases(grid, report);
  const rules = parseSettings(general, report, defaults, options.criteriaCodes, { year: head.year, legalBases, bands, titles });
  // Last: its problems come after the blocks that were there before it.
  const deadlines = parseDeadlines(grid, report);
  const parsedDetails = parseDetails(grid, report);
  const movements = parseMovements(grid, report);
  const details: DocumentDetails = {
    ...parsedDetails, movements: movements.movements, movementCells: movements.cells, movementsCell: movements.firstCell, deadlines,
  };
  return { cluster, units, team, rules, unitRows, deadlines, details, problems: report.problems };
}
