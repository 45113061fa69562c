/**
 * Rule sets, versioned by year and legal basis. Every number and name the engine applies comes
 * from a RuleSet; defaultRules gives the sector's defaults for a year, which a cluster may edit.
 */
import { engineText } from '../i18n/engine';
import { DEFAULT_BANDS } from './classification';
import { normalizeKey } from './input';
import type { RuleSet, TitleRule } from './model';
import type { Problem } from './results';

/** Stable ids of the default titles. */
export const TITLE_IDS = {
  flag: 'co-thi-dua',
  excellent: 'tap-the-lao-dong-xuat-sac',
  advanced: 'tap-the-lao-dong-tien-tien',
} as const;

/**
 * The legal bases (căn cứ) of the emulation year `year`, each with its date in its text: the Law
 * of 2022 from 2024 (the Law of 2003 as amended before); the decree: 91/2017/NĐ-CP before 2024,
 * 98/2023/NĐ-CP in 2024 and, in 2025, both 98/2023 and 152/2025/NĐ-CP (dated 14/6/2025, in force
 * 1/7/2025); the procuracy's circular: 01/2019/TT-VKSTC before 2024, both it and 02/2024/TT-VKSTC
 * (12/8/2024, in force 1/10/2024) in 2024, 02/2024 after. A document cites those dated on or
 * before its own date and not yet replaced on it (core/documents/legal.ts), so a covenant of
 * March 2025 cites 98/2023 and one of the year-end 152/2025.
 * @example legalBasesFor(2021)[0] // "Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; …"
 */
export function legalBasesFor(year: number): string[] {
  const l = engineText.legalBases;
  const law = year >= 2024 ? [l.law2022] : [l.law2003];
  const decree = year >= 2025 ? [l.decree98_2023, l.decree152_2025] : year >= 2024 ? [l.decree98_2023] : [l.decree91_2017];
  const circular = year >= 2025 ? [l.circular02_2024] : year >= 2024 ? [l.circular01_2019, l.circular02_2024] : [l.circular01_2019];
  return [...law, ...decree, ...circular];
}

/**
 * The default rule set of a procuracy cluster for `year`: bands 90/70/50 %, bonus capped at 10,
 * no deduction cap, ballot threshold 80 % of ballots issued, ranking by % when maxima differ, no
 * tie-breaks; titles: the VKSND tối cao flag (one, leader only, ballot, Hoàn thành xuất sắc),
 * Tập thể lao động xuất sắc (Hoàn thành xuất sắc), Tập thể lao động tiên tiến (Hoàn thành tốt).
 * Each call returns a fresh object.
 * @example defaultRules(2021).version // "VKSND-2021.1"
 */
export function defaultRules(year: number): RuleSet {
  const names = engineText.titleNames;
  const [excellent, good] = DEFAULT_BANDS.map((b) => b.label) as [string, string];
  const titles: TitleRule[] = [
    { id: TITLE_IDS.flag, name: names.flag, quota: 1, minClassification: excellent, requiresBallot: true, leaderOnly: true },
    { id: TITLE_IDS.excellent, name: names.excellent, quota: null, minClassification: excellent, requiresBallot: false, leaderOnly: false },
    { id: TITLE_IDS.advanced, name: names.advanced, quota: null, minClassification: good, requiresBallot: false, leaderOnly: false },
  ];
  return {
    year,
    version: `VKSND-${year}.1`,
    legalBases: legalBasesFor(year),
    classificationBands: DEFAULT_BANDS.map((b) => ({ ...b })),
    bonusCap: 10,
    deductionCap: null,
    titles,
    ballotThresholdPercent: 80,
    ballotBase: 'issued',
    tieBreaks: [],
    rankBy: 'auto',
  };
}

/**
 * What is wrong with a rule set: no bands, a threshold outside 0–100, a negative cap, a quota
 * that is not a non-negative integer, duplicate title ids, a minimum classification no band has.
 * @example checkRules(defaultRules(2024)) // []
 */
export function checkRules(rules: RuleSet): Problem[] {
  const t = engineText.rules;
  const problems: Problem[] = [];
  if (rules.classificationBands.length === 0) problems.push({ message: t.noBands });
  const th = rules.ballotThresholdPercent;
  if (typeof th !== 'number' || !Number.isFinite(th) || th < 0 || th > 100) problems.push({ message: t.badThreshold(th) });
  for (const which of ['bonus', 'deduction'] as const) {
    const cap = which === 'bonus' ? rules.bonusCap : rules.deductionCap;
    if (cap !== null && (typeof cap !== 'number' || !Number.isFinite(cap) || cap < 0)) problems.push({ message: t.badCap(which, cap) });
  }
  const labels = new Set(rules.classificationBands.map((b) => normalizeKey(b.label)));
  const seen = new Set<string>();
  for (const title of rules.titles) {
    if (seen.has(title.id)) problems.push({ message: t.duplicateTitle(title.id) });
    seen.add(title.id);
    if (title.quota !== null && !(Number.isInteger(title.quota) && title.quota >= 0)) {
      problems.push({ message: t.badQuota(title.name, title.quota) });
    }
    if (!labels.has(normalizeKey(title.minClassification))) {
      problems.push({ message: t.unknownMinClassification(title.name, title.minClassification) });
    }
  }
  return problems;
}
