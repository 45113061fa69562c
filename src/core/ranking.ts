/** Ranking: highest first, equal scores (at 2 decimals) share the lowest rank (1, 2, 2, 4). */
import { round2 } from './input';

/**
 * Competition ranks of `scores`, in input order.
 * @example competitionRanks([90, 85.001, 85, 70]) // [1, 2, 2, 4]
 */
export function competitionRanks(scores: readonly number[]): number[] {
  const keys = scores.map(round2);
  return keys.map((k) => 1 + keys.filter((other) => other > k).length);
}

/**
 * The rank `value` would have among `scores` (ties at 2 decimals share the rank).
 * @example rankAmong(85, [90, 85, 70]) // 2
 */
export function rankAmong(value: number, scores: readonly number[]): number {
  const k = round2(value);
  return 1 + scores.filter((s) => round2(s) > k).length;
}
