/** THIDUA_XEPLOAI: the classification label of a score, by % of the maximum total. */
import { coreText } from '../../i18n/core';
import { functionsText as t } from '../../i18n/functions';
import { isBlank, type CellValue } from '../input';
import { classify } from '../classification';
import type { ClassificationBand } from '../model';
import { alignArgs, positionError, readNumber, reshape, type CellArg, type CellOut } from './cells';

/** Defaults of the optional arguments: a 100-point table, thresholds 90 / 70 / 50 %. */
export const XEPLOAI_DEFAULTS = { maxTotal: 100, tXs: 90, tTot: 70, tHt: 50 } as const;

/**
 * "Hoàn thành xuất sắc nhiệm vụ" when score ≥ tXs % of maxTotal, else "Hoàn thành tốt nhiệm vụ"
 * when ≥ tTot %, else "Hoàn thành nhiệm vụ" when ≥ tHt %, else "Không hoàn thành nhiệm vụ".
 * Thresholds are inclusive. Optional arguments left out or blank take their defaults (100, 90, 70,
 * 50). Element-wise: a range of scores gives a range of labels; any other argument may be a single
 * cell (used for every row) or a range of the same size. A blank score gives "". Throws when
 * maxTotal ≤ 0, when the thresholds do not decrease (tXs ≥ tTot ≥ tHt), or when a threshold lies in
 * (0, 1] — a cell formatted as 90 % arrives as 0.9 and would silently mean 0.9 %.
 * @example thiduaXeploai(90) // "Hoàn thành xuất sắc nhiệm vụ"
 * @example thiduaXeploai([[950], ['']], 1000) // [["Hoàn thành xuất sắc nhiệm vụ"], [""]]
 * @example thiduaXeploai(69.99) // "Hoàn thành nhiệm vụ"
 */
export function thiduaXeploai(score: CellArg, maxTotal?: CellArg, tXs?: CellArg, tTot?: CellArg, tHt?: CellArg): CellOut<string> {
  const args = alignArgs([
    [t.field.score, score],
    [t.field.maxTotal, maxTotal],
    [t.field.tXs, tXs],
    [t.field.tTot, tTot],
    [t.field.tHt, tHt],
  ]);
  const labels: string[] = [];
  for (let i = 0; i < args.count; i++) {
    const pos = args.single ? null : i + 1;
    const max = readNumber(args.at(1, i), pos, t.field.maxTotal) ?? XEPLOAI_DEFAULTS.maxTotal;
    if (max <= 0) throw positionError(pos, t.maxTotalNotPositive(max));
    const xs = threshold(args.at(2, i), pos, t.field.tXs, XEPLOAI_DEFAULTS.tXs);
    const tot = threshold(args.at(3, i), pos, t.field.tTot, XEPLOAI_DEFAULTS.tTot);
    const ht = threshold(args.at(4, i), pos, t.field.tHt, XEPLOAI_DEFAULTS.tHt);
    if (!(xs >= tot && tot >= ht)) throw positionError(pos, t.thresholdsOrder(xs, tot, ht));

    const cell = args.at(0, i);
    if (isBlank(cell)) {
      labels.push('');
      continue;
    }
    const value = readNumber(cell, pos, t.field.score) as number;
    labels.push(classify((value / max) * 100, bands(xs, tot, ht)));
  }
  return reshape(args.template, labels);
}

function threshold(cell: CellValue, pos: number | null, field: string, fallback: number): number {
  const value = readNumber(cell, pos, field);
  if (value === null) return fallback;
  if (value > 0 && value <= 1) throw positionError(pos, t.thresholdLooksLikeFraction(field, value));
  return value;
}

function bands(xs: number, tot: number, ht: number): ClassificationBand[] {
  return [
    { minPercent: xs, label: coreText.bands.excellent },
    { minPercent: tot, label: coreText.bands.good },
    { minPercent: ht, label: coreText.bands.done },
    // Deductions can push a total below zero: the last band catches everything.
    { minPercent: -Infinity, label: coreText.bands.notDone },
  ];
}
