/** THIDUA_DIEM: points of a quantitative criterion from result and target, by a rule. */
import { functionsText as t } from '../../i18n/functions';
import { cleanText, isBlank, type CellValue } from '../input';
import type { QuantRule } from '../model';
import { maxIsValid } from '../points';
import { quantPoints, ratio, resultAllowed, targetAllowed, targetMinimum } from '../quantitative';
import { quantRuleOf, RULE_LABEL } from '../vocabulary';
import { alignArgs, positionError, readNumber, reshape, type CellArg, type CellOut } from './cells';

interface Row {
  rule: QuantRule;
  result: number;
  target: number;
  maxPoints: number;
}

/**
 * Points of a quantitative criterion (MS = maxPoints, A = result, T = target), rounded to 2
 * decimals, by the engine's own rules (src/core/quantitative.ts): "tỷ lệ" / "tỉ lệ" (the default)
 * MS × min(A/T, 1); "đạt" MS if A ≥ T else 0; "ngược" MS if A ≤ T else MS × T/A, so with T = 0
 * ("no wrongful conviction") A = 0 earns MS and any occurrence earns 0; "dẫn đầu" with r = A/T and r_max the best r among the rows of the
 * range that use it: r < 1 → 0.5·MS·r, r = 1 → 0.5·MS, r > 1 → 0.5·MS + 0.5·MS·(r − 1)/(r_max − 1),
 * so "dẫn đầu" wants one criterion's column across the cluster's units. Rule names ignore case,
 * spaces and diacritics. Element-wise: any argument may be a range or a single cell used for every
 * row; ranges must have the same number of cells. A blank result gives "". Throws, naming the
 * row, on an unknown rule, a negative result or max, a missing target or max, a target ≤ 0 for
 * "tỷ lệ" and "dẫn đầu", or a negative target for "ngược".
 * @example thiduaDiem(8, 10, 5) // 4
 * @example thiduaDiem([[4], [1]], 2, 10, 'NGUOC') // [[5], [10]]
 * @example thiduaDiem([[0], [1]], 0, 10, 'ngược') // [[10], [0]]
 * @example thiduaDiem([[0.8], [1], [1.2], [1.5]], 1, 10, 'dẫn đầu') // [[4], [5], [7], [10]]
 */
export function thiduaDiem(result: CellArg, target: CellArg, maxPoints: CellArg, rule?: CellArg): CellOut<number | ''> {
  const args = alignArgs([
    [t.field.result, result],
    [t.field.target, target],
    [t.field.maxPoints, maxPoints],
    [t.field.rule, rule],
  ]);
  const rows: Array<Row | null> = [];
  for (let i = 0; i < args.count; i++) {
    const pos = args.single ? null : i + 1;
    // The rule is checked on every row, so a misspelt rule shows before any result is entered.
    const ruleCell = args.at(3, i);
    const quantRule = quantRuleOf(ruleCell);
    if (quantRule === undefined) throw positionError(pos, t.unknownRule(cleanText(ruleCell)));
    const resultCell = args.at(0, i);
    rows.push(isBlank(resultCell) ? null : readRow(quantRule, resultCell, args.at(1, i), args.at(2, i), pos));
  }

  const leaderRatios = rows.filter((r): r is Row => r?.rule === 'leaderRelative').map((r) => ratio(r.result, r.target));
  const best = leaderRatios.length > 0 ? leaderRatios.reduce((a, b) => Math.max(a, b)) : undefined;
  const points = rows.map((r) => (r === null ? '' : quantPoints(r.rule, r.result, r.target, r.maxPoints, best)));
  return reshape(args.template, points);
}

function readRow(rule: QuantRule, resultCell: CellValue, targetCell: CellValue, maxCell: CellValue, pos: number | null): Row {
  const result = readNumber(resultCell, pos, t.field.result) as number;
  if (!resultAllowed(result)) throw positionError(pos, t.negativeResult(result));
  const target = readNumber(targetCell, pos, t.field.target);
  if (target === null) throw positionError(pos, t.resultWithoutTarget(result));
  const maxPoints = readNumber(maxCell, pos, t.field.maxPoints);
  if (maxPoints === null) throw positionError(pos, t.resultWithoutMax(result));
  if (!maxIsValid(maxPoints)) throw positionError(pos, t.negativeMax(maxPoints));
  if (!targetAllowed(rule, target)) throw positionError(pos, t.targetTooLow(target, RULE_LABEL[rule], targetMinimum(rule) === 'zero'));
  return { rule, result, target, maxPoints };
}
