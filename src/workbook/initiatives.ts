/**
 * The Sáng kiến tab: one table where each unit keeps its own initiatives in the rows that carry
 * its name in column A (protected for that unit's focal officers), and beside it the cụm
 * trưởng's rule: which bonus row the register feeds and the points per recognised initiative.
 */
import { buildCriteriaTree, codeKey } from '../core/criteria';
import {
  DEFAULT_INITIATIVE_POINTS, feedInitiatives, initiativeCredits, INITIATIVE_LEVELS,
  type Initiative, type InitiativeLevel, type InitiativeRule, type InitiativeStatus,
} from '../core/initiatives';
import { cleanText, isBlank, normalizeKey, parseNumber, type CellValue } from '../core/input';
import type { CriteriaTable, Unit, UnitScores } from '../core/model';
import { formatNumber } from '../core/documents/format';
import { registersText } from '../i18n/registers';
import { a1 } from './a1';
import { cellAt, keptGrid, type Grid, type OutValue } from './grid';
import { problem, type SheetProblem } from './problems';
import { readDate } from './registerCells';
import type { ProtectionSpec, RightsFacts } from './rights';
import { leaderEmails } from './rights';

const X = registersText;
const P = registersText.problems;
export const INITIATIVES_SHEET = X.tabs.initiatives;

/** Rows and columns (1-based) of the Sáng kiến tab. */
export const INITIATIVES_LAYOUT = {
  titleRow: 1,
  noteRow: 2,
  headerRow: 3,
  firstRow: 4,
  /** Register columns A–F. */
  width: 6,
  column: { unit: 1, title: 2, authors: 3, status: 4, level: 5, date: 6 },
  /** The rule, columns H–I: the code in I2, the levels from row 4. */
  rule: { label: 8, value: 9, codeRow: 2, headerRow: 3, firstRow: 4 },
  /** Rows a unit gets when its block is made (the cụm trưởng can insert more inside it). */
  rowsPerUnit: 5,
  totalWidth: 9,
} as const;
const L = INITIATIVES_LAYOUT;
const C = L.column;

/** The parsed tab. */
export interface ParsedInitiatives {
  sheet: string;
  initiatives: Initiative[];
  rule: InitiativeRule;
  /** Sheet row of each initiative (same order). */
  rows: number[];
  problems: SheetProblem[];
}

function keyOf(aliases: Record<string, string[]>, labels: Record<string, string>): Map<string, string> {
  const m = new Map<string, string>();
  for (const [k, list] of Object.entries(aliases)) for (const a of [...list, labels[k]!]) m.set(normalizeKey(a), k);
  return m;
}
const STATUS_BY_KEY = keyOf(X.statusAliases, X.statuses) as Map<string, InitiativeStatus>;
const LEVEL_BY_KEY = keyOf(X.levelAliases, X.levels) as Map<string, InitiativeLevel>;

/** A status as typed; blank → registered; unreadable → undefined. */
export function readStatus(value: CellValue): InitiativeStatus | undefined {
  return isBlank(value) ? 'registered' : STATUS_BY_KEY.get(normalizeKey(value));
}

/** A level as typed; blank → null; unreadable → undefined. */
export function readLevel(value: CellValue): InitiativeLevel | null | undefined {
  return isBlank(value) ? null : LEVEL_BY_KEY.get(normalizeKey(value));
}

/** The bonus row the sample tables keep for initiatives: a bonus row that names "sáng kiến". */
export function defaultInitiativeCode(table: CriteriaTable): string {
  return table.rows.find((r) => r.kind === 'bonus' && normalizeKey(r.content).includes('sang kien'))?.code ?? '';
}

/**
 * The tab as it should stand: what is there kept as typed, a block of rows for each unit that
 * has none yet (after the last filled row), the title, headers and rule filled where blank.
 */
export function renderInitiatives(existing: Grid, units: readonly Unit[], year: number, table: CriteriaTable): OutValue[][] {
  const { out, rowAt, fill } = keptGrid(existing, L.totalWidth);
  fill(L.titleRow, 1, X.initiatives.title(year));
  fill(L.noteRow, 1, X.initiatives.note);
  X.initiatives.header.forEach((h, i) => fill(L.headerRow, i + 1, h));
  fill(L.rule.codeRow, L.rule.label, X.initiatives.codeLabel);
  fill(L.rule.codeRow, L.rule.value, defaultInitiativeCode(table));
  X.initiatives.rulesHeader.forEach((h, i) => fill(L.rule.headerRow, L.rule.label + i, h));
  INITIATIVE_LEVELS.forEach((level, i) => {
    const r = L.rule.firstRow + i;
    // A level row is filled whole or not at all: a renamed label keeps its own value.
    if (isBlank(cellAt(existing, r, L.rule.label)) && isBlank(cellAt(existing, r, L.rule.value))) {
      rowAt(r)[L.rule.label - 1] = X.levels[level];
      rowAt(r)[L.rule.value - 1] = DEFAULT_INITIATIVE_POINTS[level];
    }
  });
  const have = new Set<string>();
  let last: number = L.headerRow;
  for (let r = L.firstRow; r <= existing.length; r++) {
    const name = cleanText(cellAt(existing, r, C.unit));
    if (name !== '') have.add(normalizeKey(name));
    for (let c = 1; c <= L.width; c++) if (!isBlank(cellAt(existing, r, c))) last = r;
  }
  let next = last + 1;
  for (const unit of units) {
    if (have.has(normalizeKey(unit.id))) continue;
    for (let i = 0; i < L.rowsPerUnit; i++) rowAt(next++)[C.unit - 1] = unit.id;
  }
  return out;
}

/** Runs of consecutive rows holding the same unit in column A: what each unit may edit. */
export function unitBlocks(grid: Grid | OutValue[][], units: readonly Unit[]): Array<{ unitId: string; row: number; rows: number }> {
  const ids = new Map(units.map((u) => [normalizeKey(u.id), u.id]));
  const blocks: Array<{ unitId: string; row: number; rows: number }> = [];
  for (let r = L.firstRow; r <= grid.length; r++) {
    const id = ids.get(normalizeKey(cellAt(grid as Grid, r, C.unit)));
    if (id === undefined) continue;
    const prev = blocks[blocks.length - 1];
    if (prev && prev.unitId === id && prev.row + prev.rows === r) prev.rows++;
    else blocks.push({ unitId: id, row: r, rows: 1 });
  }
  return blocks;
}

/**
 * Protections of the tab: the whole tab for the cụm trưởng, with a hole over columns B–F of each
 * unit's rows, each hole protected for that unit's focal officers and the cụm trưởng. Column A
 * (whose rows are whose) stays the cụm trưởng's.
 */
export function initiativesProtections(year: number, facts: RightsFacts, grid: Grid | OutValue[][]): ProtectionSpec[] {
  const leaders = uniq(leaderEmails(facts));
  const holes = unitBlocks(grid, facts.units).map((b) => ({ ...b, range: { row: b.row, column: C.title, rows: b.rows, columns: L.width - C.title + 1 } }));
  const specs: ProtectionSpec[] = [{
    key: `${year}:initiatives`, sheet: INITIATIVES_SHEET, range: null, unprotected: holes.map((h) => h.range),
    editors: leaders, label: X.rightsLabels.initiatives,
  }];
  holes.forEach((h) => {
    const unit = facts.units.find((u) => u.id === h.unitId)!;
    specs.push({
      key: `${year}:initiatives:${h.unitId}:${h.row}`, sheet: INITIATIVES_SHEET, range: h.range, unprotected: [],
      editors: uniq([...unit.focalEmails, ...leaders]), label: X.rightsLabels.initiativesUnit(h.unitId),
    });
  });
  return specs;
}

function uniq(list: readonly string[]): string[] {
  const out: string[] = [];
  for (const e of list) {
    const x = e.trim().toLowerCase();
    if (x !== '' && !out.includes(x)) out.push(x);
  }
  return out;
}

/**
 * Reads the tab: the rule (a code not in Tiêu chí or not a bonus row feeds nothing, and says so)
 * and every filled register row, each problem at its cell.
 */
export function parseInitiatives(grid: Grid, units: readonly Unit[], table: CriteriaTable, sheet = INITIATIVES_SHEET): ParsedInitiatives {
  const problems: SheetProblem[] = [];
  const at = (r: number, c: number) => a1(r, c);
  const warn = (r: number, c: number, message: string, unitId?: string) =>
    problems.push(problem(sheet, at(r, c), message, { severity: 'warning', ...(unitId !== undefined ? { unitId } : {}) }));

  // The rule.
  let code: string | null = cleanText(cellAt(grid, L.rule.codeRow, L.rule.value));
  if (code === '') code = null;
  else {
    const node = buildCriteriaTree(table).byCode.get(codeKey(code));
    if (!node) {
      warn(L.rule.codeRow, L.rule.value, P.unknownCode(code));
      code = null;
    } else if (node.kind !== 'bonus') {
      warn(L.rule.codeRow, L.rule.value, P.notBonusRow(code));
      code = null;
    }
  }
  const points: Record<InitiativeLevel, number> = { ...DEFAULT_INITIATIVE_POINTS };
  for (let r = L.rule.firstRow; r <= grid.length; r++) {
    const level = readLevel(cellAt(grid, r, L.rule.label));
    if (!level) continue;
    const raw = cellAt(grid, r, L.rule.value);
    const n = parseNumber(raw);
    if (n.ok && n.value !== null && n.value >= 0) points[level] = n.value;
    else if (!(n.ok && n.value === null)) warn(r, L.rule.value, P.badPoints(cleanText(raw)));
  }

  // The register.
  const ids = new Map(units.map((u) => [normalizeKey(u.id), u.id]));
  const initiatives: Initiative[] = [];
  const rows: number[] = [];
  for (let r = L.firstRow; r <= grid.length; r++) {
    let filled = false;
    for (let c = C.title; c <= L.width; c++) if (!isBlank(cellAt(grid, r, c))) filled = true;
    if (!filled) continue;
    const name = cleanText(cellAt(grid, r, C.unit));
    const unitId = ids.get(normalizeKey(name));
    if (name === '') {
      warn(r, C.unit, P.notYourRow);
      continue;
    }
    if (unitId === undefined) {
      warn(r, C.unit, P.unknownUnit(name));
      continue;
    }
    const title = cleanText(cellAt(grid, r, C.title));
    if (title === '') {
      warn(r, C.title, P.noTitle, unitId);
      continue;
    }
    const status = readStatus(cellAt(grid, r, C.status));
    if (!status) {
      problems.push(problem(sheet, at(r, C.status), P.badStatus(cleanText(cellAt(grid, r, C.status))), { unitId }));
      continue;
    }
    let level = readLevel(cellAt(grid, r, C.level));
    if (level === undefined) {
      problems.push(problem(sheet, at(r, C.level), P.badLevel(cleanText(cellAt(grid, r, C.level))), { unitId }));
      level = null;
    } else if (level === null && status === 'recognised') {
      warn(r, C.level, P.recognisedWithoutLevel, unitId);
    }
    const date = readDate(cellAt(grid, r, C.date));
    if (date === undefined) warn(r, C.date, P.badDate(cleanText(cellAt(grid, r, C.date))), unitId);
    initiatives.push({
      unitId, title, authors: cleanText(cellAt(grid, r, C.authors)), status,
      level: status === 'recognised' ? level : null, recognisedOn: date ?? null,
    });
    rows.push(r);
  }
  return { sheet, initiatives, rule: { code, points }, rows, problems };
}

/** What the register gives the scores: the fed scores, and a problem at each typed cell that differs. */
export interface FedRegister {
  scores: UnitScores[];
  problems: SheetProblem[];
}

/**
 * The scores fed by the register (unchanged when the tab is absent or names no row), and a
 * warning on the unit tab for every typed value the register overrides.
 * `locate(unitId, code, phase)` gives the sheet and cell of a typed score.
 */
export function feedFromRegister(
  parsed: ParsedInitiatives | null, table: CriteriaTable, units: readonly Unit[], scores: UnitScores[],
  locate: (unitId: string, code: string, phase: 'self' | 'crossCheck' | 'final') => { sheet: string; a1: string } | null,
): FedRegister {
  const code = parsed?.rule.code ?? null;
  if (!parsed || code === null) return { scores, problems: [] };
  const node = buildCriteriaTree(table).byCode.get(codeKey(code));
  const credits = initiativeCredits(parsed.initiatives, parsed.rule, units.map((u) => u.id), node?.maxPoints ?? 0);
  const fed = feedInitiatives(scores, credits, node?.code ?? code);
  const problems: SheetProblem[] = [];
  for (const d of fed.differences) {
    const where = locate(d.unitId, d.code, d.phase);
    if (!where) continue;
    problems.push(problem(where.sheet, where.a1, P.fedDiffers(d.code, formatNumber(d.typed), formatNumber(d.fed)), { severity: 'warning', unitId: d.unitId, code: d.code }));
  }
  return { scores: fed.scores, problems };
}
