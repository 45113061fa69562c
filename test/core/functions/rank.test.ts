import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thiduaRank } from '../../../src/core/functions/rank';
import type { CellValue } from '../../../src/core/input';

const col = (...values: CellValue[]): CellValue[][] => values.map((v) => [v]);

describe('thiduaRank(scores)', () => {
  it('ranks the highest score first', () => {
    expect(thiduaRank(col(70, 90, 85))).toEqual(col(3, 1, 2));
  });

  it('gives equal scores the same rank and skips the next', () => {
    expect(thiduaRank(col(90, 85, 85, 70))).toEqual(col(1, 2, 2, 4));
  });

  it('compares scores at 2 decimals', () => {
    expect(thiduaRank(col(85.001, 85))).toEqual(col(1, 1));
  });

  it('separates scores that differ at the second decimal', () => {
    expect(thiduaRank(col(85, 85.01))).toEqual(col(2, 1));
  });

  it('gives a blank cell "" and leaves it out of the ranking', () => {
    expect(thiduaRank(col(90, '', 70))).toEqual(col(1, '', 2));
  });

  it('gives non-numeric cells "" and leaves them out', () => {
    expect(thiduaRank(col('Tổng', 90, '#N/A', true, 80))).toEqual(col('', 1, '', '', 2));
  });

  it('counts numbers typed as text, with a comma or a dot', () => {
    expect(thiduaRank(col('8,5', 9, '9.5'))).toEqual(col(3, 2, 1));
  });

  it('keeps the shape of a row range', () => {
    expect(thiduaRank([[70, 90, 85]])).toEqual([[3, 1, 2]]);
  });

  it('ranks a 2×2 range row-major', () => {
    expect(thiduaRank([[70, 90], [85, 90]])).toEqual([[4, 1], [3, 1]]);
  });

  it('ranks a single number as 1', () => {
    expect(thiduaRank(85)).toBe(1);
  });

  it('returns "" for a single blank cell', () => {
    expect(thiduaRank('')).toBe('');
  });
});

describe('thiduaRank(value, scores)', () => {
  it('gives the rank the value has among the scores', () => {
    expect(thiduaRank(85, col(90, 85, 70))).toBe(2);
  });

  it('ranks a value above every score first', () => {
    expect(thiduaRank(95, col(90, 85, 70))).toBe(1);
  });

  it('ranks a value not among the scores after those above it', () => {
    expect(thiduaRank(80, col(90, 85, 70))).toBe(3);
  });

  it('ranks a value below every score last plus one', () => {
    expect(thiduaRank(60, col(90, 85, 70))).toBe(4);
  });

  it('shares the rank of a score equal at 2 decimals', () => {
    expect(thiduaRank(85.004, col(90, 85))).toBe(2);
  });

  it('reads a value typed as text with a comma', () => {
    expect(thiduaRank('8,5', col(9, 8))).toBe(2);
  });

  it('ignores blank and non-numeric cells among the scores', () => {
    expect(thiduaRank(85, col('Tổng', 90, '', 'x', 70))).toBe(2);
  });

  it('counts scores typed as text', () => {
    expect(thiduaRank(85, col('90,5', '86'))).toBe(3);
  });

  it('returns "" for a blank value', () => {
    expect(thiduaRank('', col(90, 85))).toBe('');
  });

  it('returns "" for a non-numeric value', () => {
    expect(thiduaRank('abc', col(90, 85))).toBe('');
  });

  it('ranks each cell of a value range among the scores, in its shape', () => {
    expect(thiduaRank(col(95, 70, ''), col(90, 85, 70))).toEqual(col(1, 3, ''));
  });

  it('returns a 1×1 array for a 1×1 value range', () => {
    expect(thiduaRank([[85]], col(90, 85))).toEqual([[2]]);
  });
});

const cents = fc.integer({ min: -10000, max: 20000 }).map((c) => c / 100);

describe('thiduaRank: properties', () => {
  it('gives each score the same rank whatever the order of the column', () => {
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 40 }).chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length }))), ([scores, shuffled]) => {
        const rankOf = (list: number[]) => {
          const ranks = (thiduaRank(col(...list)) as number[][]).map((r) => r[0]);
          return new Map(list.map((s, i) => [s, ranks[i]]));
        };
        expect(rankOf(shuffled)).toEqual(rankOf(scores));
      }),
    );
  });

  it('never ranks a higher score below a lower one', () => {
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 40 }), (scores) => {
        const ranks = (thiduaRank(col(...scores)) as number[][]).map((r) => r[0]!);
        scores.forEach((a, i) => scores.forEach((b, j) => {
          if (a > b) expect(ranks[i]).toBeLessThan(ranks[j]!);
        }));
      }),
    );
  });

  it('ranks a score of the column as the one-argument form does', () => {
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 40 }), fc.nat(), (scores, k) => {
        const i = k % scores.length;
        const ranks = thiduaRank(col(...scores)) as number[][];
        expect(thiduaRank(scores[i]!, col(...scores))).toBe(ranks[i]![0]);
      }),
    );
  });
});
