/**
 * Classification (xếp loại) by % of the maximum: the one home of the bands, the percentage and the
 * rule, used by the engine, the rule set's defaults and THIDUA_XEPLOAI.
 */
import { coreText } from '../i18n/core';
import { round2 } from './input';
import type { ClassificationBand } from './model';
import { EPS } from './points';

/**
 * The label of the first band (highest first) whose inclusive lower bound `percent` reaches;
 * the last band's label when none does.
 * @example classify(90, DEFAULT_BANDS) // "Hoàn thành xuất sắc nhiệm vụ"
 */
export function classify(percent: number, bands: readonly ClassificationBand[]): string {
  const sorted = [...bands].sort((a, b) => b.minPercent - a.minPercent);
  const hit = sorted.find((b) => percent >= b.minPercent - EPS);
  return (hit ?? sorted[sorted.length - 1])?.label ?? '';
}

/**
 * A total as % of the maximum, at 2 decimals, from the total and the maximum at 2 decimals;
 * 0 when the maximum is not above 0.
 * @example percentOf(89.996, 100) // 90
 * @example percentOf(870, 1000) // 87
 */
export function percentOf(total: number, maxTotal: number): number {
  const max = round2(maxTotal);
  return max > 0 ? round2((round2(total) / max) * 100) : 0;
}

/** The default thresholds, % of the maximum (design, configurable per cluster). */
export const DEFAULT_THRESHOLDS = { excellent: 90, good: 70, done: 50 } as const;

/**
 * The four bands from three inclusive thresholds, highest first. The last starts at 0 (or at
 * `done`, if lower) but classify gives it everything below too: deductions can push a total under zero.
 * @example bandsOf(95, 80, 60)[1] // { minPercent: 80, label: "Hoàn thành tốt nhiệm vụ" }
 */
export function bandsOf(excellent: number, good: number, done: number): ClassificationBand[] {
  return [
    { minPercent: excellent, label: coreText.bands.excellent },
    { minPercent: good, label: coreText.bands.good },
    { minPercent: done, label: coreText.bands.done },
    { minPercent: Math.min(0, done), label: coreText.bands.notDone },
  ];
}

/** Default bands: ≥ 90 / ≥ 70 / ≥ 50 % / below. */
export const DEFAULT_BANDS: readonly ClassificationBand[] = bandsOf(DEFAULT_THRESHOLDS.excellent, DEFAULT_THRESHOLDS.good, DEFAULT_THRESHOLDS.done);
