/**
 * Ranking: highest first, equal scores (at 2 decimals) share the lowest rank (1, 2, 2, 4). One
 * comparison for the engine and THIDUA_RANK.
 */
import { round2 } from './input';

/**
 * Competition ranks of `scores`, in input order.
 * @example competitionRanks([90, 85.001, 85, 70]) // [1, 2, 2, 4]
 */
export function competitionRanks(scores: readonly number[]): number[] {
  const ranks = rankWithTieBreaks(scores.map((score, i) => ({ id: String(i), score, tieBreakValues: [] })));
  return scores.map((_, i) => ranks.get(String(i)) as number);
}

/**
 * The rank `value` would have among `scores` (ties at 2 decimals share the rank).
 * @example rankAmong(85, [90, 85, 70]) // 2
 */
export function rankAmong(value: number, scores: readonly number[]): number {
  const k = rankKey(value);
  return 1 + scores.filter((s) => rankKey(s) > k).length;
}

/** One thing to rank: its score and, in order, the values that split equal scores. */
export interface RankItem {
  /** Unique among the items. */
  id: string;
  score: number;
  /** Higher wins, compared in order; a missing or non-finite value loses to any number. */
  tieBreakValues: readonly number[];
}

/** Sort key of a value: 2 decimals; non-finite values rank last. */
function rankKey(x: number | undefined): number {
  return typeof x === 'number' && Number.isFinite(x) ? round2(x) : -Infinity;
}

/** Compares two items best first: score, then each tie-break value in turn (all at 2 decimals). */
function compareItems(a: RankItem, b: RankItem): number {
  const sa = rankKey(a.score);
  const sb = rankKey(b.score);
  if (sa !== sb) return sa > sb ? -1 : 1;
  const len = Math.max(a.tieBreakValues.length, b.tieBreakValues.length);
  for (let i = 0; i < len; i++) {
    const va = rankKey(a.tieBreakValues[i]);
    const vb = rankKey(b.tieBreakValues[i]);
    if (va !== vb) return va > vb ? -1 : 1;
  }
  return 0;
}

/**
 * Competition ranks by score (2 decimals, highest first), equal scores split by the tie-break
 * values in order; items equal on everything share the rank (1, 2, 2, 4). The ranks do not depend
 * on the input order.
 * @example rankWithTieBreaks([{ id: 'A', score: 90, tieBreakValues: [5] }, { id: 'B', score: 90, tieBreakValues: [7] },
 *   { id: 'C', score: 80, tieBreakValues: [] }]) // Map { 'B' → 1, 'A' → 2, 'C' → 3 }
 */
export function rankWithTieBreaks(items: readonly RankItem[]): Map<string, number> {
  const sorted = [...items].sort(compareItems);
  const ranks = new Map<string, number>();
  let rank = 0;
  sorted.forEach((item, i) => {
    if (i === 0 || compareItems(sorted[i - 1] as RankItem, item) !== 0) rank = i + 1;
    ranks.set(item.id, rank);
  });
  return ranks;
}
