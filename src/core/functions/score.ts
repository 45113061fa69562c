/** THIDUA_SCORE: a unit's total from its points column, the max points column and row kinds. */
import { functionsText as t } from '../../i18n/functions';
import { cleanText, isBlank, type CellValue } from '../input';
import { combineSums, maxIsValid, pointFault, rowPoints } from '../points';
import { scoreKindOf, type ScoreKind } from '../vocabulary';
import { cellsOf, isOmitted, positionError, readNumber, type CellArg } from './cells';

/**
 * A unit's total, by the engine's own row rules (src/core/points.ts): standard rows (0 ≤ p ≤ max)
 * and bonus rows (0 ≤ p ≤ max) add, deduction rows (entered as +p or −p, |p| ≤ max) subtract;
 * "≤ max" allows binary drift (0,1 + 0,2 against 0,3). Group rows (nhóm / mục / phần) and veto
 * rows (điều kiện / điểm liệt) are left out and their cells not checked. The three arguments are
 * read row-major and must have the same number of cells. A blank point counts 0; a row whose point
 * and max are both blank is skipped. A deduction row may write its max as a negative number. Each
 * row is rounded to 2 decimals, then the standard, bonus and deduction sums and the total.
 * Throws, naming the row, on anything else.
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

  let standard = 0;
  let bonus = 0;
  let deduction = 0;
  for (let i = 0; i < p.length; i++) {
    const row = readRow(i + 1, p[i], m[i], k ? k[i] : '');
    if (row === null) continue;
    const points = rowPoints(row.kind, row.value);
    if (row.kind === 'bonus') bonus += points;
    else if (row.kind === 'deduction') deduction -= points;
    else standard += points;
  }
  return combineSums(standard, bonus, deduction).total;
}

/** One checked row that counts, or null for a row left out. */
function readRow(row: number, pointCell: CellValue, maxCell: CellValue, kindCell: CellValue): { kind: Exclude<ScoreKind, 'group' | 'veto'>; value: number } | null {
  const kind: ScoreKind | undefined = scoreKindOf(kindCell);
  if (kind === undefined) throw positionError(row, t.unknownKind(cleanText(kindCell)));
  if (kind === 'group' || kind === 'veto') return null;
  if (isBlank(pointCell) && isBlank(maxCell)) return null;

  const field = kind === 'bonus' ? t.field.bonus : kind === 'deduction' ? t.field.deduction : t.field.points;
  const point = readNumber(pointCell, row, t.field.points);
  const rawMax = readNumber(maxCell, row, t.field.maxPoints);
  if (rawMax === null) throw positionError(row, t.pointWithoutMax(point as number));
  // Deduction tables sometimes write their max as −5.
  const max = kind === 'deduction' ? Math.abs(rawMax) : rawMax;
  if (!maxIsValid(max)) throw positionError(row, t.negativeMax(max));
  const value = point ?? 0;

  const fault = pointFault(kind, value, max);
  if (fault === null) return { kind, value };
  if (fault === 'negative' || (fault === 'notFinite' && value < 0 && kind !== 'deduction')) {
    throw positionError(row, t.negativePoint(field, value, max));
  }
  throw positionError(row, t.overMax(field, Math.abs(value), max));
}
