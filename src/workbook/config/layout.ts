/**
 * Where things sit in the Cấu hình tab and what set-up and parsing exchange: side-by-side blocks
 * so each list grows downward without shifting another.
 */
import { cleanText, isBlank, normalizeKey, type CellValue } from '../../core/input';
import type { Deadlines } from '../../core/deadlines';
import type { Movement } from '../../core/movements';
import type { ClusterInfo, CriteriaTable, RuleSet, Unit } from '../../core/model';
import { workbookText } from '../../i18n/workbook';
import { cellAt, type Grid } from '../grid';
import { problem, type SheetProblem } from '../problems';

export const T = workbookText.config;
export const P = workbookText.problems;

/** A member of the cross-check team (đoàn kiểm tra chéo). */
export interface TeamMember {
  email: string;
  name?: string;
  /** The unit that sent them. */
  unitId?: string;
}

/** Everything set-up needs, as plain data (the sidebar form or the sample). */
export interface YearConfig {
  cluster: ClusterInfo;
  /** Unit ids are their short names. */
  units: Unit[];
  crossCheckTeam: TeamMember[];
  rules: RuleSet;
  /** The criteria table to start with; omitted: use the one already in the Tiêu chí tab. */
  criteria?: CriteriaTable;
  /** Deadlines of the year's steps ("yyyy-mm-dd"); omitted: none. */
  deadlines?: Deadlines;
  /** The covenant's commitments ("Cam kết n" rows) for a sheet that has none; the standard ones when absent. */
  commitments?: string[];
  /** Document details to write where their rows are added (signing date, the meeting); blank when absent. */
  details?: Partial<Record<
    'covenantDate' | 'meetingStart' | 'meetingVenue' | 'chair' | 'secretary' | 'attendees' | 'opinions' | 'planDate' | 'midYearMeeting' | 'midYearVenue',
    string | number
  >>;
  /** The year's movements (Phong trào thi đua block); none when absent. */
  movements?: Movement[];
  /** "Nhiệm vụ 6 tháng cuối năm n" rows for a sheet that has none; one blank row when absent. */
  tasks?: string[];
}

/** Where each block sits (1-based columns); data rows start at FIRST_ROW. */
export const CONFIG_LAYOUT = {
  titleRow: 1,
  hintRow: 2,
  blockRow: 3,
  headerRow: 4,
  firstRow: 5,
  general: { column: 1, width: 2 },
  units: { column: 4, width: 8 },
  team: { column: 13, width: 3 },
  legal: { column: 17, width: 1 },
  bands: { column: 19, width: 2 },
  titles: { column: 22, width: 6 },
  /** Thời hạn các bước: step | date (deadlines.ts). */
  deadlines: { column: 29, width: 2 },
  /** Phong trào thi đua: name | kind | from | to | owner (movements.ts). */
  movements: { column: 32, width: 5 },
} as const;

/** Columns inside the units block, 0-based offsets. */
export const UNIT_FIELD = {
  shortName: 0,
  name: 1,
  headName: 2,
  headTitle: 3,
  emails: 4,
  registeredTitles: 5,
  deferredReason: 6,
  femaleMajority: 7,
} as const;

export type GeneralKey = keyof typeof T.general;
/** Order of the rows of the general block. */
export const GENERAL_KEYS: readonly GeneralKey[] = [
  'clusterName', 'year', 'leader', 'deputy', 'host', 'slogan', 'place', 'ruleVersion',
  'ballotThreshold', 'ballotBase', 'bonusCap', 'deductionCap', 'rankBy', 'tieBreaks',
];

/** Splits a cell of e-mails or names: ",", ";" or new lines between them. */
export function splitList(value: CellValue): string[] {
  return cleanText(String(value ?? '').replace(/[\n\r]+/g, ';'))
    .split(/\s*[;,]\s*/)
    .map((s) => cleanText(s))
    .filter((s) => s !== '');
}

/** Rows of a block that hold anything, with their sheet row. */
export function blockRows(grid: Grid, column: number, width: number): Array<{ row: number; cells: CellValue[] }> {
  const out: Array<{ row: number; cells: CellValue[] }> = [];
  for (let r = CONFIG_LAYOUT.firstRow; r <= grid.length; r++) {
    const cells = Array.from({ length: width }, (_, j) => cellAt(grid, r, column + j));
    if (cells.some((c) => !isBlank(c))) out.push({ row: r, cells });
  }
  return out;
}

/** First sheet row after the last filled row of a block. */
export function nextFreeRow(grid: Grid, column: number, width: number): number {
  const rows = blockRows(grid, column, width);
  return rows.length === 0 ? CONFIG_LAYOUT.firstRow : rows[rows.length - 1]!.row + 1;
}

export function isYes(value: CellValue): boolean {
  if (value === true) return true;
  const k = normalizeKey(value);
  return k === 'co' || k === 'x' || k === 'true' || k === '1';
}

/** "Có" / "Không" / blank → true / false / undefined; anything else → null. */
export function yesNoValue(value: CellValue): boolean | null | undefined {
  if (isBlank(value)) return undefined;
  if (value === true || value === false) return value;
  const k = normalizeKey(value);
  if (k === 'co' || k === 'x' || k === 'true' || k === '1') return true;
  if (k === 'khong' || k === 'false' || k === '0') return false;
  return null;
}

/** Where the block parsers put their problems, in the order they find them. */
export interface ConfigReport {
  problems: SheetProblem[];
  /** A problem that makes the year impossible to build. */
  blocking(a: string, message: string): void;
  warn(a: string, message: string): void;
}

export function configReport(sheet: string): ConfigReport {
  const problems: SheetProblem[] = [];
  return {
    problems,
    blocking: (a, message) => problems.push({ ...problem(sheet, a, message), blocking: true }),
    warn: (a, message) => problems.push(problem(sheet, a, message, { severity: 'warning' })),
  };
}
