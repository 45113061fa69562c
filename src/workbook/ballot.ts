/**
 * The Bình xét tab: one row per title (ballots issued, returned, valid, invalid), then one column
 * per member unit with its agreeing votes. Titles grow downward, units rightward: adding either
 * never moves a count already typed.
 */
import { cleanText, isBlank, normalizeKey, parseNumber, type CellValue } from '../core/input';
import type { Ballot, TitleRule, Unit } from '../core/model';
import { workbookText } from '../i18n/workbook';
import { a1 } from './a1';
import { cellAt, type Grid, type OutValue } from './grid';
import { problem, type SheetProblem } from './problems';

const T = workbookText.ballot;
const P = workbookText.problems;

/** Rows and columns (1-based) of the Bình xét tab. */
export const BALLOT_LAYOUT = {
  titleRow: 1,
  hintRow: 2,
  headerRow: 3,
  firstRow: 4,
  column: { id: 1, name: 2, issued: 3, returned: 4, valid: 5, invalid: 6 },
  firstUnitColumn: 7,
} as const;

const COUNT_FIELDS = ['issued', 'returned', 'valid', 'invalid'] as const;
type CountField = (typeof COUNT_FIELDS)[number];

function out(v: CellValue): OutValue {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v as unknown as OutValue;
  return v;
}

/**
 * The tab after adding what is missing to what stands: a row per title not yet listed, a column
 * per unit not yet listed. Counts already typed are kept where they are.
 */
export function mergeBallot(existing: Grid, titles: readonly TitleRule[], units: readonly Unit[]): OutValue[][] {
  const L = BALLOT_LAYOUT;
  const grid: OutValue[][] = existing.map((r) => r.map(out));
  const set = (row: number, col: number, v: OutValue) => {
    const line = (grid[row - 1] ??= []);
    while (line.length < col) line.push('');
    line[col - 1] = v;
  };
  const setIfBlank = (row: number, col: number, v: OutValue) => {
    if (isBlank(cellAt(existing, row, col))) set(row, col, v);
  };
  setIfBlank(L.titleRow, 1, T.title);
  setIfBlank(L.hintRow, 1, T.hint);
  T.header.forEach((h, j) => setIfBlank(L.headerRow, j + 1, h));

  const unitCols = new Map<string, number>();
  let lastCol = L.firstUnitColumn - 1;
  for (let c = L.firstUnitColumn; c <= Math.max(...existing.map((r) => r.length), 0); c++) {
    const h = cleanText(cellAt(existing, L.headerRow, c));
    if (h !== '') {
      unitCols.set(normalizeKey(h), c);
      lastCol = c;
    }
  }
  for (const u of units) {
    if (unitCols.has(normalizeKey(u.id))) continue;
    lastCol++;
    set(L.headerRow, lastCol, u.id);
    unitCols.set(normalizeKey(u.id), lastCol);
  }

  const have = new Set<string>();
  let lastRow = L.firstRow - 1;
  for (let r = L.firstRow; r <= existing.length; r++) {
    const id = cleanText(cellAt(existing, r, L.column.id));
    const name = cleanText(cellAt(existing, r, L.column.name));
    if (id !== '' || name !== '' || (existing[r - 1] ?? []).some((c) => !isBlank(c))) lastRow = r;
    if (id !== '') have.add(normalizeKey(id));
    if (name !== '') have.add(normalizeKey(name));
  }
  for (const t of titles) {
    if (have.has(normalizeKey(t.id)) || have.has(normalizeKey(t.name))) continue;
    lastRow++;
    set(lastRow, L.column.id, t.id);
    set(lastRow, L.column.name, t.name);
  }
  const width = Math.max(...grid.map((r) => r?.length ?? 0));
  return Array.from({ length: grid.length }, (_, r) => Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? ''));
}

/** Where each count of a title's ballot sits, for messages. */
export interface BallotCells {
  row: number;
  unitColumns: Record<string, number>;
}

/** The Bình xét tab read back. */
export interface ParsedBallots {
  /** Only the ballots that are held (issued given) and whose counts are consistent. */
  ballots: Ballot[];
  problems: SheetProblem[];
  /** By title id. */
  cells: Record<string, BallotCells>;
}

/** A count: a whole number ≥ 0; null when blank. */
function count(raw: CellValue): { ok: true; value: number | null } | { ok: false } {
  const n = parseNumber(raw);
  if (!n.ok) return { ok: false };
  if (n.value === null) return { ok: true, value: null };
  if (n.value < 0 || !Number.isInteger(n.value)) return { ok: false };
  return n;
}

/**
 * Reads the ballots. A title row with nothing typed is a ballot not yet held and is skipped.
 * Counts must be whole numbers ≥ 0, returned ≤ issued, valid + invalid = returned, and no
 * candidate may have more votes than valid ballots; a ballot with any such problem is reported
 * at its cell and left out, so the proposal never rests on inconsistent counts.
 */
export function parseBallots(grid: Grid, titles: readonly TitleRule[], units: readonly Unit[], sheetName: string = workbookText.tabs.ballot): ParsedBallots {
  const L = BALLOT_LAYOUT;
  const problems: SheetProblem[] = [];
  const ballots: Ballot[] = [];
  const cells: Record<string, BallotCells> = {};
  const width = Math.max(0, ...grid.map((r) => r.length));

  // A header names a unit by id or name; the first unit in order that matches wins.
  const byKey = new Map<string, Unit>();
  for (const u of units) {
    for (const k of [normalizeKey(u.id), normalizeKey(u.name)]) if (!byKey.has(k)) byKey.set(k, u);
  }
  const unitCols: Record<string, number> = {};
  for (let c = L.firstUnitColumn; c <= width; c++) {
    const h = cleanText(cellAt(grid, L.headerRow, c));
    if (h === '') continue;
    const unit = byKey.get(normalizeKey(h));
    if (!unit) {
      const hasVotes = grid.slice(L.firstRow - 1).some((r) => !isBlank(r[c - 1]));
      if (hasVotes) problems.push(problem(sheetName, a1(L.headerRow, c), P.ballotUnknownUnit(h), { severity: 'warning' }));
      continue;
    }
    if (unitCols[unit.id] === undefined) unitCols[unit.id] = c;
  }

  const seen = new Set<string>();
  for (let r = L.firstRow; r <= grid.length; r++) {
    const idText = cleanText(cellAt(grid, r, L.column.id));
    const nameText = cleanText(cellAt(grid, r, L.column.name));
    const countsTyped = COUNT_FIELDS.some((f) => !isBlank(cellAt(grid, r, L.column[f])));
    const votesTyped = Object.values(unitCols).some((c) => !isBlank(cellAt(grid, r, c)));
    if (idText === '' && nameText === '' && !countsTyped && !votesTyped) continue;
    const title = titles.find(
      (t) => (idText !== '' && normalizeKey(t.id) === normalizeKey(idText)) || (idText === '' && normalizeKey(t.name) === normalizeKey(nameText)),
    );
    if (!title) {
      if (countsTyped || votesTyped) problems.push(problem(sheetName, a1(r, idText !== '' ? L.column.id : L.column.name), P.ballotUnknownTitle(idText || nameText)));
      continue;
    }
    if (seen.has(title.id)) continue;
    seen.add(title.id);
    cells[title.id] = { row: r, unitColumns: unitCols };
    if (!countsTyped && !votesTyped) continue;

    let bad = false;
    const counts: Partial<Record<CountField, number>> = {};
    for (const f of COUNT_FIELDS) {
      const raw = cellAt(grid, r, L.column[f]);
      const c = count(raw);
      if (!c.ok) {
        problems.push(problem(sheetName, a1(r, L.column[f]), P.ballotNotCount(raw)));
        bad = true;
      } else if (c.value !== null) {
        counts[f] = c.value;
      }
    }
    const issued = counts.issued;
    if (!bad && issued === undefined) {
      problems.push(problem(sheetName, a1(r, L.column.issued), workbookText.problems.missingGeneral(T.header[2])));
      bad = true;
    }
    const returned = counts.returned ?? issued ?? 0;
    const invalid = counts.invalid ?? 0;
    const valid = counts.valid ?? returned - invalid;
    if (!bad && issued !== undefined && returned > issued) {
      problems.push(problem(sheetName, a1(r, L.column.returned), workbookText.ballotText.returnedOverIssued(returned, issued)));
      bad = true;
    }
    if (!bad && valid + invalid !== returned) {
      problems.push(problem(sheetName, a1(r, L.column.valid), workbookText.ballotText.validPlusInvalid(valid, invalid, returned)));
      bad = true;
    }
    const votes: Record<string, number> = {};
    for (const [unitId, c] of Object.entries(unitCols)) {
      const raw = cellAt(grid, r, c);
      const v = count(raw);
      if (!v.ok) {
        problems.push(problem(sheetName, a1(r, c), P.ballotNotCount(raw), { unitId }));
        bad = true;
      } else if (v.value !== null) {
        if (v.value > valid) {
          problems.push(problem(sheetName, a1(r, c), workbookText.ballotText.votesOverValid(v.value, valid), { unitId }));
          bad = true;
        }
        votes[unitId] = v.value;
      }
    }
    if (bad) continue;
    ballots.push({ titleId: title.id, issued: issued as number, returned, valid, invalid, votes });
  }
  return { ballots, problems, cells };
}
