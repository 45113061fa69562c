/**
 * The custom functions as Sheets calls them, through the top-level stubs in stubs.js. Each one
 * only hands its arguments to src/core/functions; Sheets shows a thrown Error as #ERROR!.
 */
import { thiduaDiem, thiduaRank, thiduaScore, thiduaXeploai, type CellArg, type CellOut } from '../core/functions';

/**
 * A unit's total from its points, max points and (optional) row kinds.
 * @example THIDUA_SCORE([[8], [9.5], [2]], [[10], [10], [5]], [[''], [''], ['cộng']]) // 19.5
 */
export function THIDUA_SCORE(points: CellArg, maxPoints: CellArg, kinds?: CellArg): number {
  return thiduaScore(points, maxPoints, kinds);
}

/**
 * Ranks of a range (same shape), or the rank a value would have among scores.
 * @example THIDUA_RANK([[90], [85], [85], [70]]) // [[1], [2], [2], [4]]
 * @example THIDUA_RANK(85, [[90], [85], [70]]) // 2
 */
export function THIDUA_RANK(scoresOrValue: CellArg, scores?: CellArg): CellOut<number | ''> {
  return thiduaRank(scoresOrValue, scores);
}

/**
 * The classification label of a score (or of each score of a range).
 * @example THIDUA_XEPLOAI(75) // "Hoàn thành tốt nhiệm vụ"
 */
export function THIDUA_XEPLOAI(score: CellArg, maxTotal?: CellArg, tXs?: CellArg, tTot?: CellArg, tHt?: CellArg): CellOut<string> {
  return thiduaXeploai(score, maxTotal, tXs, tTot, tHt);
}

/**
 * Points of a quantitative criterion from result, target and max points, by a rule.
 * @example THIDUA_DIEM(8, 10, 5, 'tỷ lệ') // 4
 */
export function THIDUA_DIEM(result: CellArg, target: CellArg, maxPoints: CellArg, rule?: CellArg): CellOut<number | ''> {
  return thiduaDiem(result, target, maxPoints, rule);
}
