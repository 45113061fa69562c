/** The general block of Cấu hình (label | value rows): the cluster's head, its units' roles, the settings. */
import { cleanText, normalizeKey, parseNumber, type CellValue } from '../../core/input';
import type { ClassificationBand, ClusterInfo, RuleSet, TieBreak, TitleRule, Unit } from '../../core/model';
import { a1 } from '../a1';
import type { Grid } from '../grid';
import { blockRows, CONFIG_LAYOUT, GENERAL_KEYS, P, splitList, T, type ConfigReport, type GeneralKey } from './layout';

/** The general block read by label: a row whose label is not a known key is ignored. */
export interface GeneralBlock {
  has(key: GeneralKey): boolean;
  /** The raw value; "" when the row is missing. */
  value(key: GeneralKey): CellValue;
  text(key: GeneralKey): string;
  /** The value's cell, or the block's first cell when the row is missing. */
  cellOf(key: GeneralKey): string;
}

export function readGeneral(grid: Grid): GeneralBlock {
  const L = CONFIG_LAYOUT;
  const general = new Map<GeneralKey, { row: number; value: CellValue }>();
  const byLabel = new Map(GENERAL_KEYS.map((k) => [normalizeKey(T.general[k]), k] as const));
  for (const { row, cells } of blockRows(grid, L.general.column, L.general.width)) {
    const key = byLabel.get(normalizeKey(cells[0]));
    if (key && !general.has(key)) general.set(key, { row, value: cells[1] ?? '' });
  }
  const value = (key: GeneralKey) => general.get(key)?.value ?? '';
  return {
    has: (key) => general.has(key),
    value,
    text: (key) => cleanText(value(key)),
    cellOf: (key) => {
      const g = general.get(key);
      return g ? a1(g.row, L.general.column + 1) : a1(L.firstRow, L.general.column);
    },
  };
}

/** The cluster's name and year, both required; a bad year keeps `fallbackYear`. */
export function parseNameAndYear(general: GeneralBlock, report: ConfigReport, fallbackYear: number): { name: string; year: number } {
  const name = general.text('clusterName');
  if (name === '') report.blocking(general.cellOf('clusterName'), P.missingGeneral(T.general.clusterName));
  let year = fallbackYear;
  const yearRaw = general.value('year');
  const yearParsed = parseNumber(yearRaw);
  if (!yearParsed.ok || yearParsed.value === null || !Number.isInteger(yearParsed.value) || yearParsed.value < 1900 || yearParsed.value > 2200) {
    report.blocking(general.cellOf('year'), P.badYear(yearRaw));
  } else {
    year = yearParsed.value;
  }
  return { name, year };
}

/** The cluster: its leader (required), deputy and host among the units, slogan and place. */
export function parseCluster(general: GeneralBlock, report: ConfigReport, head: { name: string; year: number }, units: readonly Unit[]): ClusterInfo {
  const findUnit = (key: GeneralKey, required: boolean): string => {
    const value = general.text(key);
    if (value === '') {
      if (required) report.blocking(general.cellOf(key), P.missingGeneral(T.general[key]));
      return '';
    }
    const hit = units.find((u) => normalizeKey(u.id) === normalizeKey(value) || normalizeKey(u.name) === normalizeKey(value));
    if (!hit) {
      if (required) report.blocking(general.cellOf(key), P.unknownLeader(T.general[key], value));
      else report.warn(general.cellOf(key), P.unknownLeader(T.general[key], value));
      return '';
    }
    return hit.id;
  };
  const cluster: ClusterInfo = {
    name: head.name,
    year: head.year,
    leaderUnitId: findUnit('leader', true),
    deputyUnitId: findUnit('deputy', false),
  };
  const host = findUnit('host', false);
  if (host) cluster.hostUnitId = host;
  if (general.text('slogan')) cluster.slogan = general.text('slogan');
  if (general.text('place')) cluster.place = general.text('place');
  return cluster;
}

/** The settings rows (thresholds, caps, choices, tie-breaks) with the other blocks' rules: the year's RuleSet. */
export function parseSettings(
  general: GeneralBlock, report: ConfigReport, defaults: RuleSet, criteriaCodes: ReadonlySet<string> | undefined,
  blocks: { year: number; legalBases: string[]; bands: ClassificationBand[]; titles: TitleRule[] },
): RuleSet {
  const percent = (key: GeneralKey, fallback: number): number => {
    const raw = general.value(key);
    const n = parseNumber(raw);
    if (!n.ok || (n.value !== null && (n.value < 0 || n.value > 100))) {
      report.warn(general.cellOf(key), P.badPercent(T.general[key], raw));
      return fallback;
    }
    return n.value ?? fallback;
  };
  const cap = (key: GeneralKey): number | null => {
    const raw = general.value(key);
    const n = parseNumber(raw);
    if (!n.ok || (n.value !== null && n.value < 0)) {
      report.warn(general.cellOf(key), P.badCap(T.general[key], raw));
      return null;
    }
    return n.value;
  };
  const choice = <K extends string>(key: GeneralKey, labels: Record<K, string>, fallback: K): K => {
    const value = general.text(key);
    if (value === '') return fallback;
    const hit = (Object.keys(labels) as K[]).find((k) => normalizeKey(labels[k]) === normalizeKey(value) || normalizeKey(k) === normalizeKey(value));
    if (hit === undefined) {
      report.warn(general.cellOf(key), P.badChoice(T.general[key], value, Object.values(labels) as string[]));
      return fallback;
    }
    return hit;
  };
  const tieBreaks: TieBreak[] = [];
  for (const t of splitList(general.value('tieBreaks'))) {
    if (normalizeKey(t) === normalizeKey(T.femaleMajority)) tieBreaks.push({ kind: 'femaleMajority' });
    else if (!criteriaCodes || criteriaCodes.has(t)) tieBreaks.push({ kind: 'criterion', code: t });
    else report.warn(general.cellOf('tieBreaks'), P.badTieBreak(t));
  }

  return {
    year: blocks.year,
    version: general.text('ruleVersion') || defaults.version,
    legalBases: blocks.legalBases,
    classificationBands: blocks.bands,
    bonusCap: general.has('bonusCap') ? cap('bonusCap') : defaults.bonusCap,
    deductionCap: general.has('deductionCap') ? cap('deductionCap') : defaults.deductionCap,
    titles: blocks.titles,
    ballotThresholdPercent: percent('ballotThreshold', defaults.ballotThresholdPercent),
    ballotBase: choice('ballotBase', T.ballotBase, defaults.ballotBase),
    tieBreaks,
    rankBy: choice('rankBy', T.rankBy, defaults.rankBy),
  };
}
