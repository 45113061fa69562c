/**
 * Writing the Cấu hình tab: rendered from a plain config object, merged into what people already
 * typed (fill blanks, append what is missing, never overwrite).
 */
import { isBlank, normalizeKey, type CellValue } from '../../core/input';
import type { ClassificationBand, TieBreak, TitleRule, Unit } from '../../core/model';
import { exchangeText } from '../../i18n/exchange';
import { docText } from '../../i18n/documents';
import { cellAt, type Grid, type OutValue } from '../grid';
import { detailRows } from './details';
import { detailsText } from '../../i18n/details';
import { movementRows } from './movements';
import { deadlineRows } from './deadlines';
import { blockRows, CONFIG_LAYOUT, GENERAL_KEYS, nextFreeRow, T, type GeneralKey, type TeamMember, type YearConfig } from './layout';

function yesNo(value: boolean | undefined): string {
  return value ? T.yes : '';
}

function tieBreakText(t: TieBreak): string {
  return t?.kind === 'criterion' ? String(t.code) : T.femaleMajority;
}

function generalValue(key: GeneralKey, cfg: YearConfig): OutValue {
  const { cluster, rules } = cfg;
  switch (key) {
    case 'clusterName': return cluster.name;
    case 'year': return cluster.year;
    case 'leader': return cluster.leaderUnitId;
    case 'deputy': return cluster.deputyUnitId;
    case 'host': return cluster.hostUnitId ?? '';
    case 'slogan': return cluster.slogan ?? '';
    case 'place': return cluster.place ?? '';
    case 'ruleVersion': return rules.version ?? '';
    case 'ballotThreshold': return typeof rules.ballotThresholdPercent === 'number' ? rules.ballotThresholdPercent : '';
    case 'ballotBase': return T.ballotBase[rules.ballotBase] ?? '';
    case 'bonusCap': return rules.bonusCap ?? '';
    case 'deductionCap': return rules.deductionCap ?? '';
    case 'rankBy': return T.rankBy[rules.rankBy] ?? '';
    case 'tieBreaks': return (rules.tieBreaks ?? []).map(tieBreakText).join('; ');
  }
}

/** The units block row of one unit. */
function unitRow(u: Unit): OutValue[] {
  // Config objects come from a form as JSON: tolerate missing fields, the parser reports them.
  return [
    u.shortName || u.id || '', u.name ?? '', u.headName ?? '', u.headTitle ?? '', (u.focalEmails ?? []).join('; '),
    (u.registeredTitles ?? []).join('; '), u.deferredReason ?? '', yesNo(u.femaleMajority),
  ].map((v) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v)));
}

function teamRow(m: TeamMember): OutValue[] {
  return [String(m?.email ?? ''), String(m?.name ?? ''), String(m?.unitId ?? '')];
}

function bandRow(b: ClassificationBand): OutValue[] {
  return [typeof b?.minPercent === 'number' ? b.minPercent : String(b?.minPercent ?? ''), String(b?.label ?? '')];
}

function titleRow(t: TitleRule): OutValue[] {
  return [String(t?.id ?? ''), String(t?.name ?? ''), typeof t?.quota === 'number' ? t.quota : '', String(t?.minClassification ?? ''), t?.requiresBallot ? T.yes : T.no, t?.leaderOnly ? T.yes : T.no];
}

/** Writes `rows` of a block into the grid from `firstRow`. */
function put(grid: OutValue[][], firstRow: number, column: number, rows: OutValue[][]): void {
  rows.forEach((r, i) => {
    const line = (grid[firstRow - 1 + i] ??= []);
    r.forEach((v, j) => {
      line[column - 1 + j] = v;
    });
  });
}

/** Fills holes with "" so the grid is rectangular. */
function finish(grid: OutValue[][]): OutValue[][] {
  const width = Math.max(0, ...grid.map((r) => (r ? r.length : 0)));
  const out: OutValue[][] = [];
  for (let r = 0; r < grid.length; r++) {
    const line = grid[r] ?? [];
    out.push(Array.from({ length: width }, (_, c) => line[c] ?? ''));
  }
  return out;
}

/** The headers and titles of the tab (rows 1–4). */
function frame(grid: OutValue[][]): void {
  const L = CONFIG_LAYOUT;
  put(grid, L.titleRow, 1, [[T.title]]);
  put(grid, L.hintRow, 1, [[T.hint]]);
  put(grid, L.blockRow, L.general.column, [[T.blocks.general]]);
  put(grid, L.blockRow, L.units.column, [[T.blocks.units]]);
  put(grid, L.blockRow, L.team.column, [[T.blocks.team]]);
  put(grid, L.blockRow, L.legal.column, [[T.blocks.legalBases]]);
  put(grid, L.blockRow, L.bands.column, [[T.blocks.bands]]);
  put(grid, L.blockRow, L.titles.column, [[T.blocks.titles]]);
  put(grid, L.headerRow, L.general.column, [[...T.generalHeader]]);
  put(grid, L.headerRow, L.units.column, [[...T.unitsHeader]]);
  put(grid, L.headerRow, L.team.column, [[...T.teamHeader]]);
  put(grid, L.headerRow, L.legal.column, [[...T.legalHeader]]);
  put(grid, L.headerRow, L.bands.column, [[...T.bandsHeader]]);
  put(grid, L.headerRow, L.titles.column, [[...T.titlesHeader]]);
  put(grid, L.blockRow, L.deadlines.column, [[exchangeText.deadlines.block]]);
  put(grid, L.headerRow, L.deadlines.column, [[...exchangeText.deadlines.header]]);
  put(grid, L.blockRow, L.movements.column, [[detailsText.movements.block]]);
  put(grid, L.headerRow, L.movements.column, [[...detailsText.movements.header]]);
}

/**
 * The whole Cấu hình tab for a new year.
 * @example renderConfig(cfg)[0][0] // "CẤU HÌNH NĂM THI ĐUA"
 */
export function renderConfig(cfg: YearConfig): OutValue[][] {
  return mergeConfig([], cfg);
}

/**
 * Merges a config into the tab as it stands: blank cells are filled, missing units, team members,
 * legal bases, bands and titles are appended to their blocks; nothing typed is overwritten, moved
 * or removed. Returns the full grid after the merge (write it with diffGrid).
 */
export function mergeConfig(existing: Grid, cfg: YearConfig): OutValue[][] {
  const L = CONFIG_LAYOUT;
  const grid: OutValue[][] = existing.map((r) => r.map((v) => toOut(v)));
  const fresh = existing.length === 0;
  const framed: OutValue[][] = [];
  frame(framed);
  // Frame cells are filled only where blank: a clerk may have reworded a header.
  framed.forEach((line, r) => line?.forEach((v, c) => {
    if (v !== undefined && isBlank(grid[r]?.[c])) put(grid, r + 1, c + 1, [[v]]);
  }));

  // General block: by label.
  const labelRow = new Map<string, number>();
  for (const { row, cells } of blockRows(existing, L.general.column, 1)) labelRow.set(normalizeKey(cells[0]), row);
  let free = fresh ? L.firstRow : nextFreeRow(existing, L.general.column, L.general.width);
  for (const key of GENERAL_KEYS) {
    const label = T.general[key];
    const at = labelRow.get(normalizeKey(label));
    const value = generalValue(key, cfg);
    if (at === undefined) {
      put(grid, free++, L.general.column, [[label, value]]);
    } else if (isBlank(cellAt(existing, at, L.general.column + 1)) && value !== '') {
      put(grid, at, L.general.column + 1, [[value]]);
    }
  }
  // Document details: their rows are added once, to be filled in later; the standard commitments
  // pre-fill "Cam kết 1" … only when the sheet has none (a clerk's own list is never replaced).
  for (const row of detailRows(existing, cfg.commitments ?? docText.covenant.commitments, cfg.details, cfg.tasks)) put(grid, free++, L.general.column, [row]);

  // A unit the config itself lists twice is written twice, so that parseConfig names the second
  // row instead of one silently taking the other's place.
  mergeList(grid, existing, L.units, cfg.units.map(unitRow), (r) => normalizeKey(r[0]), true, true);
  mergeList(grid, existing, L.team, (cfg.crossCheckTeam ?? []).map(teamRow), (r) => normalizeKey(r[0]), true);
  mergeList(grid, existing, L.legal, (cfg.rules.legalBases ?? []).map((b) => [String(b)]), (r) => normalizeKey(r[0]), false);
  // Bands by label: a band the config has and the tab lacks is appended (a set-up cut short
  // by a failure is completed the same way).
  mergeList(grid, existing, L.bands, cfg.rules.classificationBands.map(bandRow), (r) => normalizeKey(r[1]), true);
  mergeList(grid, existing, L.titles, cfg.rules.titles.map(titleRow), (r) => normalizeKey(r[0]), true);
  mergeList(grid, existing, L.deadlines, deadlineRows(cfg.deadlines), (r) => normalizeKey(r[0]), true);
  // Movements by name: one the clerk typed is kept as typed; only missing ones are appended.
  mergeList(grid, existing, L.movements, movementRows(cfg.movements), (r) => normalizeKey(r[0]), false);
  return finish(grid);
}

/** Appends rows whose key is missing; fills blank cells of rows whose key exists. */
function mergeList(
  grid: OutValue[][], existing: Grid, block: { column: number; width: number },
  rows: OutValue[][], keyOf: (cells: readonly CellValue[]) => string, fillBlanks: boolean, appendRepeats = false,
): void {
  const have = new Map<string, number>();
  for (const { row, cells } of blockRows(existing, block.column, block.width)) {
    const k = keyOf(cells);
    if (k !== '' && !have.has(k)) have.set(k, row);
  }
  const appended = new Set<string>();
  let free = nextFreeRow(existing, block.column, block.width);
  for (const r of rows) {
    const k = keyOf(r);
    if (k === '') continue;
    const at = have.get(k);
    if (at === undefined || (appendRepeats && appended.has(k))) {
      put(grid, free, block.column, [r]);
      if (at === undefined) have.set(k, free);
      appended.add(k);
      free++;
    } else if (fillBlanks) {
      r.forEach((v, j) => {
        if (v !== '' && isBlank(cellAt(existing, at, block.column + j))) put(grid, at, block.column + j, [[v]]);
      });
    }
  }
}

function toOut(v: CellValue): OutValue {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v as unknown as OutValue; // kept as is: dates are not ours to rewrite
  return v;
}
