/** Points of a quantitative criterion from result (A) and target (T), MS = max points. */
import type { QuantRule } from './model';

/**
 * The ratio used by the leader-relative rule: r = A/T.
 * @example ratio(12, 10) // 1.2
 */
export function ratio(result: number, target: number): number {
  return result / target;
}

/**
 * Points for one row. `bestRatio` is the best A/T in the cluster, needed by 'leaderRelative' only.
 * Targets must be > 0 for 'proportional' and 'leaderRelative' (callers check and report).
 * @example quantPoints('proportional', 8, 10, 5) // 4
 * @example quantPoints('lowerIsBetter', 4, 2, 10) // 5
 */
export function quantPoints(rule: QuantRule, result: number, target: number, maxPoints: number, bestRatio?: number): number {
  switch (rule) {
    case 'proportional':
      return maxPoints * Math.min(result / target, 1);
    case 'passFail':
      return result >= target ? maxPoints : 0;
    case 'lowerIsBetter':
      if (result <= target) return maxPoints;
      return maxPoints * (target / result);
    case 'leaderRelative': {
      const r = result / target;
      if (r < 1) return 0.5 * maxPoints * r;
      if (r === 1) return 0.5 * maxPoints;
      const best = Math.max(bestRatio ?? r, r);
      // r > 1 here, so best > 1: the leader gets MS.
      return 0.5 * maxPoints + (0.5 * maxPoints * (r - 1)) / (best - 1);
    }
  }
}

/** Rules that need the target to be strictly positive. */
export function needsPositiveTarget(rule: QuantRule): boolean {
  return rule === 'proportional' || rule === 'leaderRelative' || rule === 'lowerIsBetter';
}
