/** THIDUA_XEPLOAI: the classification label of a score, by % of the maximum total. */
import { functionsText as t } from '../../i18n/functions';
import { isBlank, type CellValue } from '../input';
import { bandsOf, classify, DEFAULT_THRESHOLDS, percentOf } from '../classification';
import { alignArgs, positionError, readNumber, reshape, type CellArg, type CellOut } from './cells';

/** The maximum total when left out: a 100-point table. */
const DEFAULT_MAX_TOTAL = 100;

/**
 * "Hoàn thành xuất sắc nhiệm vụ" when score ≥ tXs % of maxTotal, else "Hoàn thành tốt nhiệm vụ"
 * when ≥ tTot %, else "Hoàn thành nhiệm vụ" when ≥ tHt %, else "Không hoàn thành nhiệm vụ".
 * Thresholds are inclusive and the % is taken at 2 decimals, as the engine classifies (its bands
 * and rule: src/core/classification.ts). Optional arguments left out or blank take their defaults
 * (100, and the rule set's 90, 70, 50). Element-wise: a range of scores gives a range of labels; any other argument may be a single
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
    const max = readNumber(args.at(1, i), pos, t.field.maxTotal) ?? DEFAULT_MAX_TOTAL;
    if (max <= 0) throw positionError(pos, t.maxTotalNotPositive(max));
    const xs = threshold(args.at(2, i), pos, t.field.tXs, DEFAULT_THRESHOLDS.excellent);
    const tot = threshold(args.at(3, i), pos, t.field.tTot, DEFAULT_THRESHOLDS.good);
    const ht = threshold(args.at(4, i), pos, t.field.tHt, DEFAULT_THRESHOLDS.done);
    if (!(xs >= tot && tot >= ht)) throw positionError(pos, t.thresholdsOrder(xs, tot, ht));

    const cell = args.at(0, i);
    if (isBlank(cell)) {
      labels.push('');
      continue;
    }
    const value = readNumber(cell, pos, t.field.score) as number;
    labels.push(classify(percentOf(value, max), bandsOf(xs, tot, ht)));
  }
  return reshape(args.template, labels);
}

function threshold(cell: CellValue, pos: number | null, field: string, fallback: number): number {
  const value = readNumber(cell, pos, field);
  if (value === null) return fallback;
  if (value > 0 && value <= 1) throw positionError(pos, t.thresholdLooksLikeFraction(field, value));
  return value;
}
