/** THIDUA_RANK: competition ranks (1, 2, 2, 4), highest score first, ties compared at 2 decimals. */
import { parseNumber, type CellValue } from '../input';
import { competitionRanks, rankAmong } from '../ranking';
import { cellsOf, reshape, type CellArg, type CellOut } from './cells';

/** A cell's number, or null when it is blank or not a number (such cells take no rank). */
function numberOrNull(value: CellValue): number | null {
  const parsed = parseNumber(value);
  return parsed.ok ? parsed.value : null;
}

/**
 * With one argument: the rank of every cell among the numbers of the range, in the range's shape;
 * blank and non-numeric cells (headers, "#N/A", "1.000") get "" and take no part.
 * With two: the rank `value` would have among the numbers of `scores`; when `value` is a range,
 * the rank of each of its cells among `scores`, in its shape (a blank or non-numeric cell → "").
 * Numbers given as text ("8,5") count as numbers.
 * @example thiduaRank([[90], ['85'], [85.001], [''], [70]]) // [[1], [2], [2], [''], [4]]
 * @example thiduaRank(85, [[90], [85], [70]]) // 2
 * @example thiduaRank([[95], [70]], [[90], [85], [70]]) // [[1], [3]]
 */
export function thiduaRank(scoresOrValue: CellArg, scores?: CellArg): CellOut<number | ''> {
  if (scores === undefined) {
    const values = cellsOf(scoresOrValue).map(numberOrNull);
    const numbers = values.filter((v): v is number => v !== null);
    const ranks = competitionRanks(numbers);
    let next = 0;
    return reshape(scoresOrValue, values.map((v) => (v === null ? '' : ranks[next++]!)));
  }
  const field = cellsOf(scores)
    .map(numberOrNull)
    .filter((v): v is number => v !== null);
  return reshape(
    scoresOrValue,
    cellsOf(scoresOrValue).map((cell) => {
      const v = numberOrNull(cell);
      return v === null ? '' : rankAmong(v, field);
    }),
  );
}
