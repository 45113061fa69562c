/** Classification (xếp loại) by % of the maximum. */
import { coreText } from '../i18n/core';
import type { ClassificationBand } from './model';

/**
 * The label of the first band (highest first) whose inclusive lower bound `percent` reaches;
 * the last band's label when none does.
 * @example classify(90, DEFAULT_BANDS) // "Hoàn thành xuất sắc nhiệm vụ"
 */
export function classify(percent: number, bands: readonly ClassificationBand[]): string {
  const sorted = [...bands].sort((a, b) => b.minPercent - a.minPercent);
  const hit = sorted.find((b) => percent >= b.minPercent - 1e-9);
  return (hit ?? sorted[sorted.length - 1])?.label ?? '';
}

/** Default bands (design, configurable): ≥ 90 / ≥ 70 / ≥ 50 % / below. */
export const DEFAULT_BANDS: readonly ClassificationBand[] = [
  { minPercent: 90, label: coreText.bands.excellent },
  { minPercent: 70, label: coreText.bands.good },
  { minPercent: 50, label: coreText.bands.done },
  { minPercent: 0, label: coreText.bands.notDone },
];
