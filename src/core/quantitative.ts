/**
 * Points of a quantitative criterion from result (A) and target (T), MS = max points, and which
 * results and targets each rule accepts: the one home of these rules, used by the criteria table,
 * the engine and THIDUA_DIEM.
 */
import { round2 } from './input';
import type { QuantRule } from './model';

/**
 * The ratio used by the leader-relative rule: r = A/T.
 * @example ratio(12, 10) // 1.2
 */
export function ratio(result: number, target: number): number {
  return result / target;
}

/**
 * Points for one row, rounded to 2 decimals. `bestRatio` is the best A/T among the units (or the
 * rows of a range), needed by 'leaderRelative' only. The target must pass targetAllowed.
 * Lower-is-better with T = 0 ("no wrongful conviction"): A = 0 earns MS, any occurrence earns 0.
 * @example quantPoints('proportional', 8, 10, 5) // 4
 * @example quantPoints('lowerIsBetter', 4, 2, 10) // 5
 * @example quantPoints('lowerIsBetter', 1, 0, 10) // 0
 */
export function quantPoints(rule: QuantRule, result: number, target: number, maxPoints: number, bestRatio?: number): number {
  return round2(rawPoints(rule, result, target, maxPoints, bestRatio));
}

function rawPoints(rule: QuantRule, result: number, target: number, maxPoints: number, bestRatio?: number): number {
  switch (rule) {
    case 'proportional':
      return maxPoints * Math.min(result / target, 1);
    case 'passFail':
      return result >= target ? maxPoints : 0;
    case 'lowerIsBetter':
      if (result <= target) return maxPoints;
      // result > target ≥ 0 here, so T/A is defined; T = 0 gives 0 for any occurrence.
      return maxPoints * (target / result);
    case 'leaderRelative': {
      const r = ratio(result, target);
      if (r < 1) return 0.5 * maxPoints * r;
      if (r === 1) return 0.5 * maxPoints;
      const best = Math.max(bestRatio ?? r, r);
      // r > 1 here, so best > 1: the leader gets MS.
      return 0.5 * maxPoints + (0.5 * maxPoints * (r - 1)) / (best - 1);
    }
  }
}

/**
 * The least target a rule can score against: 'positive' where it divides by T (tỷ lệ, dẫn đầu);
 * 'zero' for ngược (T = 0: no occurrence allowed); 'any' finite number for đạt.
 * @example targetMinimum('lowerIsBetter') // 'zero'
 */
export function targetMinimum(rule: QuantRule): 'positive' | 'zero' | 'any' {
  if (rule === 'proportional' || rule === 'leaderRelative') return 'positive';
  return rule === 'lowerIsBetter' ? 'zero' : 'any';
}

/**
 * True when the rule can score against `target`: a finite number at or above targetMinimum.
 * @example targetAllowed('lowerIsBetter', 0) // true
 * @example targetAllowed('proportional', 0) // false
 */
export function targetAllowed(rule: QuantRule, target: number): boolean {
  if (typeof target !== 'number' || !Number.isFinite(target)) return false;
  const min = targetMinimum(rule);
  return min === 'any' || (min === 'zero' ? target >= 0 : target > 0);
}

/**
 * True for a usable result: a finite number ≥ 0.
 * @example resultAllowed(-3) // false
 */
export function resultAllowed(result: number): boolean {
  return typeof result === 'number' && Number.isFinite(result) && result >= 0;
}
