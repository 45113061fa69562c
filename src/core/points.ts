/**
 * What a scored row may hold and what it adds to a total: the one home of these rules, used by
 * the engine (scoring.ts), the unit tabs' checks (workbook/unitSheet.ts) and THIDUA_SCORE. Each
 * caller words the verdict for its own place (a phase, a cell, a row of a range).
 */
import { round2 } from './input';
import type { RuleSet } from './model';

/** Tolerance for "not above the max": 0.1 + 0.2 typed against a max of 0.3 is 0.30000000000000004. */
export const EPS = 1e-9;

/** How a row counts: standard (qualitative and quantitative), bonus, deduction, or veto (0 / 1). */
export type PointKind = 'standard' | 'bonus' | 'deduction' | 'veto';

/** Why a value cannot stand in a row. */
export type PointFault = 'notFinite' | 'vetoValue' | 'negative' | 'overMax';

/** The caps the totals need from a rule set (null: no cap). */
export type Caps = Pick<RuleSet, 'bonusCap' | 'deductionCap'>;

const NO_CAPS: Caps = { bonusCap: null, deductionCap: null };

/**
 * True for a usable max: a finite number ≥ 0.
 * @example maxIsValid(10) // true
 * @example maxIsValid(-5) // false
 */
export function maxIsValid(max: number): boolean {
  return typeof max === 'number' && Number.isFinite(max) && max >= 0;
}

/**
 * Why `value` cannot stand in a row of this kind with this max, or null when it can. Standard and
 * bonus rows take 0 ≤ value ≤ max; a deduction row takes |value| ≤ max (typed 2 or −2); a veto
 * row takes 0 or 1. "≤ max" allows binary drift (EPS).
 * @example pointFault('standard', 0.1 + 0.2, 0.3) // null
 * @example pointFault('standard', 11, 10) // 'overMax'
 * @example pointFault('deduction', -2, 5) // null
 */
export function pointFault(kind: PointKind, value: number, max: number): PointFault | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'notFinite';
  if (kind === 'veto') return value === 0 || value === 1 ? null : 'vetoValue';
  if (kind === 'deduction') return Math.abs(value) > max + EPS ? 'overMax' : null;
  if (value < 0) return 'negative';
  return value > max + EPS ? 'overMax' : null;
}

/**
 * What a valid value adds to the total, rounded to 2 decimals: a deduction takes |value| off.
 * @example rowPoints('deduction', 2) // -2
 * @example rowPoints('standard', 8.125) // 8.13
 */
export function rowPoints(kind: Exclude<PointKind, 'veto'>, value: number): number {
  // `|| 0`: a deduction of 0 takes off 0, not −0.
  return kind === 'deduction' ? -round2(Math.abs(value)) || 0 : round2(value);
}

/** A total and its parts, each at 2 decimals; `deduction` is what was taken off (≥ 0). */
export interface Sums {
  standard: number;
  bonus: number;
  deduction: number;
  total: number;
}

/**
 * The total from the sums of row points: standard + bonus (capped) − deduction (capped, given as
 * the positive amount taken off), each part rounded to 2 decimals before they are combined.
 * @example combineSums(90, 12, 3, { bonusCap: 10, deductionCap: null }) // { standard: 90, bonus: 10, deduction: 3, total: 97 }
 */
export function combineSums(standard: number, bonus: number, deduction: number, caps: Caps = NO_CAPS): Sums {
  const s = round2(standard);
  const b = round2(capped(bonus, caps.bonusCap));
  const d = round2(capped(deduction, caps.deductionCap));
  return { standard: s, bonus: b, deduction: d, total: round2(s + b - d) };
}

function capped(sum: number, cap: number | null): number {
  if (cap === null || typeof cap !== 'number' || !Number.isFinite(cap)) return sum;
  return Math.min(sum, Math.max(cap, 0));
}
