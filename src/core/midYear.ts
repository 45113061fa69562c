/**
 * The mid-year review (sơ kết 6 tháng): each unit scores itself on the first half of the year in
 * the "Sơ kết 6 tháng" tab, apart from the year-end scores, and writes one good practice. The
 * review ranks those self-scores and tells each unit how it stands against the titles it
 * registered, for the báo cáo sơ kết. Plain data in, plain data out.
 */
import { computeYear } from './engine';
import { cleanText, normalizeKey } from './input';
import type { ScoreEntry, ScoringYear, TitleRule, UnitScores } from './model';
import { competitionRanks } from './ranking';
import { unscoredRows } from './standing';

/** One unit's first half as typed: self-scores by criterion code, and its good practice. */
export interface MidYearUnitInput {
  unitId: string;
  /** Only `code`, `self` (and `notApplicable`) are used: the first half is self-scored. */
  entries: ScoreEntry[];
  /** Cách làm hay, mô hình mới: one short text; '' when none. */
  goodPractice: string;
}

/** The round as read from its tab. */
export interface MidYearRound {
  /** Open: units may type; closed: locked, its figures final. */
  state: 'open' | 'closed';
  /** When the cụm trưởng closed it (ISO string), absent while open. */
  closedAt?: string;
  units: MidYearUnitInput[];
}

/** How a unit's first half stands against one title it registered. */
export interface TitleProgress {
  titleId: string;
  titleName: string;
  /** The lowest classification the title asks for. */
  needs: string;
  /** The first half reaches it (classification at or above `needs`). */
  onTrack: boolean;
}

/** One unit's first half, computed. */
export interface MidYearUnitResult {
  unitId: string;
  /** Total of the first-half self-scores, with the year's rules (caps, deductions). */
  total: number;
  maxTotal: number;
  percent: number;
  classification: string;
  /** 1-based; equal totals share a rank. Null when the unit left rows it must answer blank. */
  rank: number | null;
  /** Rows it must answer and left blank. */
  unscored: number;
  /** A veto row answered "Có". */
  vetoed: boolean;
  progress: TitleProgress[];
  goodPractice: string;
}

/** The whole review, units in rank order (unranked last, in Cấu hình order). */
export interface MidYearReview {
  state: MidYearRound['state'];
  closedAt?: string;
  units: MidYearUnitResult[];
}

/**
 * The review of the first half: the year's engine (computeYear) run on the first-half self-scores
 * alone, so caps, deductions, veto rows and "Không giao" count exactly as at year end. Ranks are
 * shared by equal scores (the value the year ranks by: total, or % when the rule set says so) and
 * given only to units with every row they must answer scored; the others are listed after them,
 * unranked, in Cấu hình order. A registered title is on track when the unit's classification
 * reaches the title's minimum and no veto row is violated. The inputs are not changed.
 * @example midYearReview(sampleCluster9Year(2021), round).units[0].rank // 1
 */
export function midYearReview(year: ScoringYear, round: MidYearRound): MidYearReview {
  const byUnit = new Map(round.units.map((u) => [u.unitId, u] as const));
  const scores: UnitScores[] = year.units.map((unit) => ({
    unitId: unit.id,
    entries: (byUnit.get(unit.id)?.entries ?? []).map(firstHalf),
  }));
  const computed = computeYear({ ...year, scores, ballots: [], submitted: undefined, proceedReasons: undefined });
  const resultOf = new Map(computed.units.map((u) => [u.unitId, u] as const));

  const bandOrder = new Map<string, number>();
  [...year.rules.classificationBands].sort((a, b) => b.minPercent - a.minPercent).forEach((band, i) => {
    const key = normalizeKey(band.label);
    if (!bandOrder.has(key)) bandOrder.set(key, i);
  });
  const titleByKey = new Map<string, TitleRule>();
  for (const title of year.rules.titles) {
    for (const key of [normalizeKey(title.id), normalizeKey(title.name)]) if (!titleByKey.has(key)) titleByKey.set(key, title);
  }

  const results = year.units.map((unit): MidYearUnitResult & { score: number } => {
    const r = resultOf.get(unit.id)!;
    const standing = r.standing;
    const vetoed = standing.rows.some((row) => row.kind === 'veto' && row.violated === true);
    const reached = bandOrder.get(normalizeKey(r.classification));
    const progress: TitleProgress[] = [];
    const seen = new Set<string>();
    for (const registered of unit.registeredTitles ?? []) {
      const title = titleByKey.get(normalizeKey(registered));
      if (!title || seen.has(title.id)) continue;
      seen.add(title.id);
      const needs = bandOrder.get(normalizeKey(title.minClassification));
      const onTrack = !vetoed && reached !== undefined && needs !== undefined && reached <= needs;
      progress.push({ titleId: title.id, titleName: title.name, needs: title.minClassification, onTrack });
    }
    return {
      unitId: unit.id,
      total: standing.total,
      maxTotal: standing.maxTotal,
      percent: standing.percent,
      classification: r.classification,
      rank: null,
      unscored: unscoredRows(standing),
      vetoed,
      progress,
      goodPractice: cleanText(byUnit.get(unit.id)?.goodPractice),
      score: r.rankingScore,
    };
  });

  const ranked = results.filter((u) => u.unscored === 0);
  const ranks = competitionRanks(ranked.map((u) => u.score));
  ranked.forEach((u, i) => (u.rank = ranks[i]!));
  const order = results.map((u, i) => ({ u, i })).sort((a, b) => {
    if (a.u.rank === null || b.u.rank === null) return a.u.rank === null && b.u.rank === null ? a.i - b.i : a.u.rank === null ? 1 : -1;
    return a.u.rank - b.u.rank || a.i - b.i;
  });
  const review: MidYearReview = {
    state: round.state,
    units: order.map(({ u }) => {
      const { score: _score, ...rest } = u;
      return rest;
    }),
  };
  if (round.closedAt !== undefined) review.closedAt = round.closedAt;
  return review;
}

/** What the first half takes of an entry: the self-score and "Không giao", nothing else. */
function firstHalf(entry: ScoreEntry): ScoreEntry {
  const out: ScoreEntry = { code: entry.code };
  if (entry.self !== undefined) out.self = entry.self;
  if (entry.notApplicable) out.notApplicable = true;
  return out;
}
