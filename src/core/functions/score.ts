/** THIDUA_SCORE: a unit's total from its points column, the max points column and row kinds. */
import { functionsText as t } from '../../i18n/functions';
import { cleanText, isBlank, round2, type CellValue } from '../input';
import { scoreKindOf, type ScoreKind } from '../vocabulary';
import { cellsOf, isOmitted, positionError, readNumber, type CellArg } from './cells';

/**
 * A unit's total: standard rows (0 ≤ p ≤ max) and bonus rows (0 ≤ p ≤ max) add, deduction rows
 * (entered as +p or −p, |p| ≤ max) subtract; group rows (nhóm / mục / phần) and veto rows
 * (điều kiện / điểm liệt) are left out and their cells not checked. The three arguments are read
 * row-major and must have the same number of cells. A blank point counts 0; a row whose point and
 * max are both blank is skipped. A deduction row may write its max as a negative number.
 * Rounded to 2 decimals. Throws, naming the row, on anything else.
 * @example thiduaScore([[8], [9.5], [2], [1]], [[10], [10], [5], [5]], [[''], ['định tính'], ['cộng'], ['trừ']]) // 18.5
 * @example thiduaScore([['8,5'], ['']], [[10], [10]]) // 8.5
 * @example thiduaScore([[11]], [[10]]) // throws "Dòng 1: điểm 11 vượt điểm chuẩn 10"
 */
export function thiduaScore(points: CellArg, maxPoints: CellArg, kinds?: CellArg): number {
  const p = cellsOf(points);
  const m = cellsOf(maxPoints);
  if (m.length !== p.length) throw positionError(null, t.sizeMismatch(t.field.points, p.length, t.field.maxPoints, m.length));
  const k = kinds === undefined || isOmitted(kinds) ? null : cellsOf(kinds);
  if (k && k.length !== p.length) throw positionError(null, t.sizeMismatch(t.field.kind, k.length, t.field.points, p.length));

  let total = 0;
  for (let i = 0; i < p.length; i++) {
    total += rowPoints(i + 1, p[i], m[i], k ? k[i] : '');
  }
  return round2(total);
}

/** The signed contribution of one row to the total. */
function rowPoints(row: number, pointCell: CellValue, maxCell: CellValue, kindCell: CellValue): number {
  const kind: ScoreKind | undefined = scoreKindOf(kindCell);
  if (kind === undefined) throw positionError(row, t.unknownKind(cleanText(kindCell)));
  if (kind === 'group' || kind === 'veto') return 0;
  if (isBlank(pointCell) && isBlank(maxCell)) return 0;

  const field = kind === 'bonus' ? t.field.bonus : kind === 'deduction' ? t.field.deduction : t.field.points;
  const point = readNumber(pointCell, row, t.field.points);
  const rawMax = readNumber(maxCell, row, t.field.maxPoints);
  if (rawMax === null) throw positionError(row, t.pointWithoutMax(point as number));
  // Deduction tables sometimes write their max as −5.
  const max = kind === 'deduction' ? Math.abs(rawMax) : rawMax;
  if (max < 0) throw positionError(row, t.negativeMax(max));
  const value = point ?? 0;

  if (kind === 'deduction') {
    if (Math.abs(value) > max) throw positionError(row, t.overMax(field, Math.abs(value), max));
    return -Math.abs(value);
  }
  if (value < 0) throw positionError(row, t.negativePoint(field, value, max));
  if (value > max) throw positionError(row, t.overMax(field, value, max));
  return value;
}
