/**
 * The Cấu hình tab: the year's cluster, members, cross-check team and settings, in side-by-side
 * blocks so each list grows downward without shifting another. Rendered from a plain config
 * object, merged into what people already typed (fill blanks, append what is missing, never
 * overwrite), and parsed back with problems located by cell.
 */
import { cleanText, isBlank, normalizeKey, parseNumber, type CellValue } from '../core/input';
import type { ClassificationBand, ClusterInfo, RuleSet, TieBreak, TitleRule, Unit } from '../core/model';
import { workbookText } from '../i18n/workbook';
import { a1 } from './a1';
import { cellAt, type Grid, type OutValue } from './grid';
import { problem, type SheetProblem } from './problems';
import { isEmail, shortNameFault, splitEmails, unitKey } from './setupCheck';

const T = workbookText.config;
const P = workbookText.problems;

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
  criteria?: import('../core/model').CriteriaTable;
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

type GeneralKey = keyof typeof T.general;
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
export function unitRow(u: Unit): OutValue[] {
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
}

/**
 * The whole Cấu hình tab for a new year.
 * @example renderConfig(cfg)[0][0] // "CẤU HÌNH NĂM THI ĐUA"
 */
export function renderConfig(cfg: YearConfig): OutValue[][] {
  return mergeConfig([], cfg);
}

/** Rows of a block that hold anything, with their sheet row. */
function blockRows(grid: Grid, column: number, width: number): Array<{ row: number; cells: CellValue[] }> {
  const out: Array<{ row: number; cells: CellValue[] }> = [];
  for (let r = CONFIG_LAYOUT.firstRow; r <= grid.length; r++) {
    const cells = Array.from({ length: width }, (_, j) => cellAt(grid, r, column + j));
    if (cells.some((c) => !isBlank(c))) out.push({ row: r, cells });
  }
  return out;
}

/** First sheet row after the last filled row of a block. */
function nextFreeRow(grid: Grid, column: number, width: number): number {
  const rows = blockRows(grid, column, width);
  return rows.length === 0 ? CONFIG_LAYOUT.firstRow : rows[rows.length - 1]!.row + 1;
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

  // A unit the config itself lists twice is written twice, so that parseConfig names the second
  // row instead of one silently taking the other's place.
  mergeList(grid, existing, L.units, cfg.units.map(unitRow), (r) => normalizeKey(r[0]), true, true);
  mergeList(grid, existing, L.team, (cfg.crossCheckTeam ?? []).map(teamRow), (r) => normalizeKey(r[0]), true);
  mergeList(grid, existing, L.legal, (cfg.rules.legalBases ?? []).map((b) => [String(b)]), (r) => normalizeKey(r[0]), false);
  // Bands by label: a band the config has and the tab lacks is appended (a set-up cut short
  // by a failure is completed the same way).
  mergeList(grid, existing, L.bands, cfg.rules.classificationBands.map(bandRow), (r) => normalizeKey(r[1]), true);
  mergeList(grid, existing, L.titles, cfg.rules.titles.map(titleRow), (r) => normalizeKey(r[0]), true);
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

/** The Cấu hình tab read back. */
export interface ParsedConfig {
  cluster: ClusterInfo;
  units: Unit[];
  team: TeamMember[];
  rules: RuleSet;
  /** Sheet row of each unit in the units block, by unit id. */
  unitRows: Record<string, number>;
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
 */
export function parseConfig(grid: Grid, options: ParseConfigOptions): ParsedConfig {
  const sheet = options.sheetName ?? workbookText.tabs.config;
  const L = CONFIG_LAYOUT;
  const problems: SheetProblem[] = [];
  const blocking = (a: string, message: string) => problems.push({ ...problem(sheet, a, message), blocking: true });
  const warn = (a: string, message: string) => problems.push(problem(sheet, a, message, { severity: 'warning' }));
  const defaults = options.defaults;

  // General block.
  const general = new Map<GeneralKey, { row: number; value: CellValue }>();
  const byLabel = new Map(GENERAL_KEYS.map((k) => [normalizeKey(T.general[k]), k] as const));
  for (const { row, cells } of blockRows(grid, L.general.column, L.general.width)) {
    const key = byLabel.get(normalizeKey(cells[0]));
    if (key && !general.has(key)) general.set(key, { row, value: cells[1] ?? '' });
  }
  const cellOf = (key: GeneralKey) => {
    const g = general.get(key);
    return g ? a1(g.row, L.general.column + 1) : a1(L.firstRow, L.general.column);
  };
  const text = (key: GeneralKey) => cleanText(general.get(key)?.value ?? '');

  const clusterName = text('clusterName');
  if (clusterName === '') blocking(cellOf('clusterName'), P.missingGeneral(T.general.clusterName));
  let year = defaults.year;
  const yearRaw = general.get('year')?.value ?? '';
  const yearParsed = parseNumber(yearRaw);
  if (!yearParsed.ok || yearParsed.value === null || !Number.isInteger(yearParsed.value) || yearParsed.value < 1900 || yearParsed.value > 2200) {
    blocking(cellOf('year'), P.badYear(yearRaw));
  } else {
    year = yearParsed.value;
  }

  // Titles first: units' registrations refer to them.
  const bands = parseBands(grid, sheet, problems, defaults);
  const titles = parseTitles(grid, sheet, problems, bands, defaults);

  // Units.
  const units: Unit[] = [];
  const unitRows: Record<string, number> = {};
  // Short name key → its cell. The short-name rules are the set-up form's (setupCheck.ts).
  const seen = new Map<string, string>();
  for (const { row, cells } of blockRows(grid, L.units.column, L.units.width)) {
    const at = (field: number) => a1(row, L.units.column + field);
    const shortName = cleanText(cells[UNIT_FIELD.shortName]);
    const fault = shortNameFault(shortName, seen);
    if (fault === 'missing') {
      blocking(at(UNIT_FIELD.shortName), P.unitWithoutShortName);
      continue;
    }
    const key = unitKey(shortName);
    if (fault === 'duplicate') {
      blocking(at(UNIT_FIELD.shortName), P.duplicateUnit(shortName, seen.get(key) as string));
      continue;
    }
    seen.set(key, at(UNIT_FIELD.shortName));
    if (fault !== null) {
      blocking(at(UNIT_FIELD.shortName), fault === 'badName' ? P.badShortName(shortName) : P.reservedShortName(shortName));
      continue;
    }
    const emails: string[] = [];
    for (const e of splitEmails(cells[UNIT_FIELD.emails])) {
      if (isEmail(e)) {
        if (!emails.includes(e.toLowerCase())) emails.push(e.toLowerCase());
      } else {
        warn(at(UNIT_FIELD.emails), P.badEmail(e));
      }
    }
    if (emails.length === 0) warn(at(UNIT_FIELD.emails), P.noEmail(shortName));
    const registeredTitles: string[] = [];
    for (const t of splitList(cells[UNIT_FIELD.registeredTitles])) {
      const hit = titles.find((x) => normalizeKey(x.id) === normalizeKey(t) || normalizeKey(x.name) === normalizeKey(t));
      if (hit) registeredTitles.push(hit.id);
      else warn(at(UNIT_FIELD.registeredTitles), P.unknownTitle(t));
    }
    const deferred = cleanText(cells[UNIT_FIELD.deferredReason]);
    const unit: Unit = {
      id: shortName,
      name: cleanText(cells[UNIT_FIELD.name]) || shortName,
      shortName,
      headName: cleanText(cells[UNIT_FIELD.headName]),
      headTitle: cleanText(cells[UNIT_FIELD.headTitle]),
      focalEmails: emails,
      registeredTitles,
      femaleMajority: isYes(cells[UNIT_FIELD.femaleMajority]),
    };
    if (deferred !== '') unit.deferredReason = deferred;
    units.push(unit);
    unitRows[shortName] = row;
  }
  if (units.length === 0) {
    blocking(a1(L.firstRow, L.units.column), P.noUnits);
  }

  const findUnit = (key: GeneralKey, required: boolean): string => {
    const value = text(key);
    if (value === '') {
      if (required) blocking(cellOf(key), P.missingGeneral(T.general[key]));
      return '';
    }
    const hit = units.find((u) => normalizeKey(u.id) === normalizeKey(value) || normalizeKey(u.name) === normalizeKey(value));
    if (!hit) {
      if (required) blocking(cellOf(key), P.unknownLeader(T.general[key], value));
      else warn(cellOf(key), P.unknownLeader(T.general[key], value));
      return '';
    }
    return hit.id;
  };
  const cluster: ClusterInfo = {
    name: clusterName,
    year,
    leaderUnitId: findUnit('leader', true),
    deputyUnitId: findUnit('deputy', false),
  };
  const host = findUnit('host', false);
  if (host) cluster.hostUnitId = host;
  if (text('slogan')) cluster.slogan = text('slogan');
  if (text('place')) cluster.place = text('place');

  // Team.
  const team: TeamMember[] = [];
  for (const { row, cells } of blockRows(grid, L.team.column, L.team.width)) {
    const email = cleanText(cells[0]).toLowerCase();
    const at = a1(row, L.team.column);
    if (!isEmail(email)) {
      warn(at, P.badEmail(cleanText(cells[0])));
      continue;
    }
    if (team.some((m) => m.email === email)) {
      warn(at, P.teamDuplicate(email));
      continue;
    }
    const m: TeamMember = { email };
    if (cleanText(cells[1])) m.name = cleanText(cells[1]);
    const unitText = cleanText(cells[2]);
    if (unitText) {
      const u = units.find((x) => normalizeKey(x.id) === normalizeKey(unitText));
      m.unitId = u ? u.id : unitText;
    }
    team.push(m);
  }

  const legalBases = blockRows(grid, L.legal.column, 1).map((r) => cleanText(r.cells[0])).filter((s) => s !== '');

  // Settings.
  const percent = (key: GeneralKey, fallback: number): number => {
    const raw = general.get(key)?.value ?? '';
    const n = parseNumber(raw);
    if (!n.ok || (n.value !== null && (n.value < 0 || n.value > 100))) {
      warn(cellOf(key), P.badPercent(T.general[key], raw));
      return fallback;
    }
    return n.value ?? fallback;
  };
  const cap = (key: GeneralKey): number | null => {
    const raw = general.get(key)?.value ?? '';
    const n = parseNumber(raw);
    if (!n.ok || (n.value !== null && n.value < 0)) {
      warn(cellOf(key), P.badCap(T.general[key], raw));
      return null;
    }
    return n.value;
  };
  const choice = <K extends string>(key: GeneralKey, labels: Record<K, string>, fallback: K): K => {
    const value = text(key);
    if (value === '') return fallback;
    const hit = (Object.keys(labels) as K[]).find((k) => normalizeKey(labels[k]) === normalizeKey(value) || normalizeKey(k) === normalizeKey(value));
    if (hit === undefined) {
      warn(cellOf(key), P.badChoice(T.general[key], value, Object.values(labels) as string[]));
      return fallback;
    }
    return hit;
  };
  const tieBreaks: TieBreak[] = [];
  for (const t of splitList(general.get('tieBreaks')?.value ?? '')) {
    if (normalizeKey(t) === normalizeKey(T.femaleMajority)) tieBreaks.push({ kind: 'femaleMajority' });
    else if (!options.criteriaCodes || options.criteriaCodes.has(t)) tieBreaks.push({ kind: 'criterion', code: t });
    else warn(cellOf('tieBreaks'), P.badTieBreak(t));
  }

  const rules: RuleSet = {
    year,
    version: text('ruleVersion') || defaults.version,
    legalBases,
    classificationBands: bands,
    bonusCap: general.has('bonusCap') ? cap('bonusCap') : defaults.bonusCap,
    deductionCap: general.has('deductionCap') ? cap('deductionCap') : defaults.deductionCap,
    titles,
    ballotThresholdPercent: percent('ballotThreshold', defaults.ballotThresholdPercent),
    ballotBase: choice('ballotBase', T.ballotBase, defaults.ballotBase),
    tieBreaks,
    rankBy: choice('rankBy', T.rankBy, defaults.rankBy),
  };
  return { cluster, units, team, rules, unitRows, problems };
}

function isYes(value: CellValue): boolean {
  if (value === true) return true;
  const k = normalizeKey(value);
  return k === 'co' || k === 'x' || k === 'true' || k === '1';
}

/** "Có" / "Không" / blank → true / false / undefined; anything else → null. */
function yesNoValue(value: CellValue): boolean | null | undefined {
  if (isBlank(value)) return undefined;
  if (value === true || value === false) return value;
  const k = normalizeKey(value);
  if (k === 'co' || k === 'x' || k === 'true' || k === '1') return true;
  if (k === 'khong' || k === 'false' || k === '0') return false;
  return null;
}

function parseBands(grid: Grid, sheet: string, problems: SheetProblem[], defaults: RuleSet): ClassificationBand[] {
  const L = CONFIG_LAYOUT;
  const bands: ClassificationBand[] = [];
  for (const { row, cells } of blockRows(grid, L.bands.column, L.bands.width)) {
    const n = parseNumber(cells[0]);
    const label = cleanText(cells[1]);
    if (!n.ok || n.value === null || n.value < 0 || n.value > 100 || label === '') {
      problems.push(problem(sheet, a1(row, L.bands.column), P.badBand(cells[0]), { severity: 'warning' }));
      continue;
    }
    bands.push({ minPercent: n.value, label });
  }
  if (bands.length === 0) {
    problems.push(problem(sheet, a1(L.firstRow, L.bands.column), P.noBands, { severity: 'warning' }));
    return [...defaults.classificationBands];
  }
  return bands.sort((a, b) => b.minPercent - a.minPercent);
}

function parseTitles(grid: Grid, sheet: string, problems: SheetProblem[], bands: ClassificationBand[], defaults: RuleSet): TitleRule[] {
  const L = CONFIG_LAYOUT;
  const rows = blockRows(grid, L.titles.column, L.titles.width);
  if (rows.length === 0) return [...defaults.titles];
  const titles: TitleRule[] = [];
  const warn = (row: number, offset: number, message: string) =>
    problems.push(problem(sheet, a1(row, L.titles.column + offset), message, { severity: 'warning' }));
  for (const { row, cells } of rows) {
    const name = cleanText(cells[1]);
    const id = cleanText(cells[0]) || name;
    if (id === '') continue;
    if (titles.some((t) => normalizeKey(t.id) === normalizeKey(id))) {
      warn(row, 0, P.duplicateTitle(id));
      continue;
    }
    const quotaRaw = parseNumber(cells[2]);
    let quota: number | null = null;
    if (!quotaRaw.ok || (quotaRaw.value !== null && (quotaRaw.value < 0 || !Number.isInteger(quotaRaw.value)))) {
      warn(row, 2, P.badQuota(cells[2]));
    } else {
      quota = quotaRaw.value;
    }
    const minText = cleanText(cells[3]);
    const band = bands.find((b) => normalizeKey(b.label) === normalizeKey(minText));
    if (minText !== '' && !band) warn(row, 3, P.unknownBand(minText));
    const flag = (offset: number, fallback: boolean): boolean => {
      const v = yesNoValue(cells[offset]);
      if (v === null) {
        warn(row, offset, P.badYesNo(cells[offset]));
        return fallback;
      }
      return v ?? fallback;
    };
    titles.push({
      id,
      name: name || id,
      quota,
      minClassification: band?.label ?? bands[0]?.label ?? '',
      requiresBallot: flag(4, false),
      leaderOnly: flag(5, false),
    });
  }
  return titles;
}
