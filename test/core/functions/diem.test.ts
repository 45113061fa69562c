import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thiduaDiem } from '../../../src/core/functions/diem';
import type { CellValue } from '../../../src/core/input';

const col = (...values: CellValue[]): CellValue[][] => values.map((v) => [v]);

describe('thiduaDiem: tỷ lệ (proportional)', () => {
  it('gives max points times result over target', () => {
    expect(thiduaDiem(8, 10, 5, 'tỷ lệ')).toBe(4);
  });

  it('caps the points at the max when the target is exceeded', () => {
    expect(thiduaDiem(12, 10, 5, 'tỷ lệ')).toBe(5);
  });

  it('gives 0 for a result of 0', () => {
    expect(thiduaDiem(0, 10, 5, 'tỷ lệ')).toBe(0);
  });

  it('is the rule used when the rule is left out', () => {
    expect(thiduaDiem(8, 10, 5)).toBe(4);
  });

  it('is the rule used when the rule cell is blank', () => {
    expect(thiduaDiem(8, 10, 5, '')).toBe(4);
  });

  it.each(['tỉ lệ', 'TY LE', '  Tỷ Lệ ', 'tỷ lệ'.normalize('NFD')])('reads %j as tỷ lệ', (rule) => {
    expect(thiduaDiem(8, 10, 5, rule)).toBe(4);
  });

  it('rounds to 2 decimals, half away from zero', () => {
    expect(thiduaDiem(2, 3, 10)).toBe(6.67);
  });

  it('reads numbers typed as text with a comma', () => {
    expect(thiduaDiem('8,5', '10', '5')).toBe(4.25);
  });
});

describe('thiduaDiem: đạt (pass/fail)', () => {
  it('gives the max when the target is reached', () => {
    expect(thiduaDiem(10, 10, 5, 'đạt')).toBe(5);
  });

  it('gives 0 below the target', () => {
    expect(thiduaDiem(9.99, 10, 5, 'DAT')).toBe(0);
  });

  it('accepts a target of 0', () => {
    expect(thiduaDiem(0, 0, 5, 'đạt')).toBe(5);
  });
});

describe('thiduaDiem: ngược (lower is better)', () => {
  it('gives the max at the ceiling', () => {
    expect(thiduaDiem(2, 2, 10, 'ngược')).toBe(10);
  });

  it('gives the max below the ceiling', () => {
    expect(thiduaDiem(1, 2, 10, 'nguoc')).toBe(10);
  });

  it('gives max times target over result above the ceiling', () => {
    expect(thiduaDiem(4, 2, 10, 'NGƯỢC')).toBe(5);
  });

  it('rounds above the ceiling to 2 decimals', () => {
    expect(thiduaDiem(3, 2, 10, 'ngược')).toBe(6.67);
  });
});

describe('thiduaDiem: ngược with a zero target (no occurrence allowed)', () => {
  it('gives the max to a result of 0', () => {
    expect(thiduaDiem(0, 0, 10, 'ngược')).toBe(10);
  });

  it('gives 0 to any occurrence, however small', () => {
    expect(thiduaDiem(col(1, 0.01, 250), 0, 10, 'ngược')).toEqual(col(0, 0, 0));
  });

  it('reads a zero target typed as text', () => {
    expect(thiduaDiem(col('0', '2'), '0', '7,5', 'NGUOC')).toEqual(col(7.5, 0));
  });

  it('still refuses a zero target for tỷ lệ and dẫn đầu in the same range', () => {
    expect(() => thiduaDiem(col(0, 0), 0, 10, col('ngược', 'dẫn đầu'))).toThrow('Dòng 2: chỉ tiêu 0 phải lớn hơn 0 với cách tính "dẫn đầu"');
  });
});

describe('thiduaDiem: dẫn đầu (leader-relative)', () => {
  it('scores below, at and above the target against the best ratio', () => {
    // r = 0.9, 1, 1.2, 1.5; r_max = 1.5: 4.5; 5; 5 + 5·0.2/0.5 = 7; 10.
    expect(thiduaDiem(col(45, 50, 60, 75), 50, 10, 'dẫn đầu')).toEqual(col(4.5, 5, 7, 10));
  });

  it('applies only the r ≤ 1 branches when no one exceeds the target', () => {
    expect(thiduaDiem(col(40, 50), 50, 10, 'dan dau')).toEqual(col(4, 5));
  });

  it('takes the ratio of each row with its own target', () => {
    // r = 60/50 = 1.2 and 60/40 = 1.5.
    expect(thiduaDiem(col(60, 60), col(50, 40), 10, 'dẫn đầu')).toEqual(col(7, 10));
  });

  it('gives a single unit above the target the max', () => {
    expect(thiduaDiem(60, 50, 10, 'dẫn đầu')).toBe(10);
  });

  it('leaves rows with a blank result out of the best ratio and gives them ""', () => {
    expect(thiduaDiem(col(60, '', 75), 50, 10, 'dẫn đầu')).toEqual(col(7, '', 10));
  });

  it('takes the best ratio only among rows using dẫn đầu', () => {
    // Row 2 (r = 1.8) uses tỷ lệ: row 1 is the only leader row, so it gets the max.
    expect(thiduaDiem(col(60, 90), 50, 10, col('dẫn đầu', 'tỷ lệ'))).toEqual(col(10, 10));
  });
});

describe('thiduaDiem: ranges', () => {
  it('applies single cells to every row and gives "" for a blank result', () => {
    expect(thiduaDiem(col(8, 12, ''), 10, 5)).toEqual(col(4, 5, ''));
  });

  it('keeps the shape of a row range', () => {
    expect(thiduaDiem([[8, 12]], 10, 5)).toEqual([[4, 5]]);
  });

  it('uses a 1×1 range for every row', () => {
    expect(thiduaDiem(col(8, 12), [[10]], [[5]])).toEqual(col(4, 5));
  });

  it('takes the shape of the range when the result is a single cell', () => {
    expect(thiduaDiem(8, col(10, 16), 5)).toEqual(col(4, 2.5));
  });

  it('reads a range of rules row by row', () => {
    expect(thiduaDiem(col(8, 8), 10, 5, col('tỷ lệ', 'đạt'))).toEqual(col(4, 0));
  });

  it('returns "" for a single blank result', () => {
    expect(thiduaDiem('', 10, 5)).toBe('');
  });

  it('does not check target and max on rows with a blank result', () => {
    expect(thiduaDiem(col('', 8), col('', 10), col('', 5))).toEqual(col('', 4));
  });

  it('refuses ranges of different sizes, naming both', () => {
    expect(() => thiduaDiem(col(1, 2, 3), col(10, 10), 5)).toThrow(
      'Vùng chỉ tiêu có 2 ô nhưng vùng kết quả có 3 ô: các vùng phải có cùng số ô, hoặc chỉ một ô để dùng chung cho mọi dòng',
    );
  });
});

describe('thiduaDiem: bad input', () => {
  it('refuses an unknown rule', () => {
    expect(() => thiduaDiem(8, 10, 5, 'bình quân')).toThrow('Cách tính "bình quân" không rõ; dùng một trong: tỷ lệ (tỉ lệ), đạt, ngược, dẫn đầu');
  });

  it('refuses an unknown rule in a range, naming the row', () => {
    expect(() => thiduaDiem(col(8, 8), 10, 5, col('đạt', 'xyz'))).toThrow('Dòng 2: cách tính "xyz" không rõ');
  });

  it('refuses an unknown rule even before any result is entered', () => {
    expect(() => thiduaDiem('', 10, 5, 'xyz')).toThrow('Cách tính "xyz" không rõ');
  });

  it('refuses a target of 0 for tỷ lệ', () => {
    expect(() => thiduaDiem(5, 0, 10)).toThrow('Chỉ tiêu 0 phải lớn hơn 0 với cách tính "tỷ lệ"');
  });

  // Was "phải lớn hơn 0": ngược now takes a zero target, so only a negative one is refused.
  it('refuses a negative target for ngược', () => {
    expect(() => thiduaDiem(5, -1, 10, 'ngược')).toThrow('Chỉ tiêu -1 phải từ 0 trở lên với cách tính "ngược"');
  });

  it('refuses a target of 0 for dẫn đầu, naming the row', () => {
    expect(() => thiduaDiem(col(5, 5), col(10, 0), 10, 'dẫn đầu')).toThrow('Dòng 2: chỉ tiêu 0 phải lớn hơn 0 với cách tính "dẫn đầu"');
  });

  it('names the row when a single target fails for a range of results', () => {
    expect(() => thiduaDiem(col('', 5), 0, 10)).toThrow('Dòng 2: chỉ tiêu 0 phải lớn hơn 0 với cách tính "tỷ lệ"');
  });

  it('refuses a result without a target', () => {
    expect(() => thiduaDiem(5, '', 10)).toThrow('Có kết quả 5 nhưng thiếu chỉ tiêu');
  });

  it('refuses a result without max points', () => {
    expect(() => thiduaDiem(5, 10, '')).toThrow('Có kết quả 5 nhưng thiếu điểm chuẩn');
  });

  it('refuses a negative result', () => {
    expect(() => thiduaDiem(-1, 10, 5)).toThrow('Kết quả -1 âm: kết quả phải từ 0 trở lên');
  });

  it('refuses negative max points', () => {
    expect(() => thiduaDiem(5, 10, -5)).toThrow('Điểm chuẩn -5 âm: điểm chuẩn phải từ 0 trở lên');
  });

  it('refuses a non-numeric result, naming the row', () => {
    expect(() => thiduaDiem(col(5, 'abc'), 10, 5)).toThrow('Dòng 2, kết quả: "abc" không phải là số');
  });

  it('refuses a non-numeric target', () => {
    expect(() => thiduaDiem(5, 'mười', 5)).toThrow('Chỉ tiêu: "mười" không phải là số');
  });

  it('refuses non-numeric max points', () => {
    expect(() => thiduaDiem(5, 10, 'năm')).toThrow('Điểm chuẩn: "năm" không phải là số');
  });

  it('refuses an ambiguous "1.000" target, passing on why', () => {
    expect(() => thiduaDiem(5, '1.000', 5)).toThrow(/^Chỉ tiêu: "1\.000" không rõ là số thập phân hay hàng nghìn/);
  });
});

const cents = fc.integer({ min: 0, max: 100000 }).map((c) => c / 100);
const positive = fc.integer({ min: 1, max: 100000 }).map((c) => c / 100);

describe('thiduaDiem: properties', () => {
  it('keeps tỷ lệ points between 0 and the max', () => {
    fc.assert(
      fc.property(cents, positive, cents, (a, t, ms) => {
        const p = thiduaDiem(a, t, ms) as number;
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(ms);
      }),
    );
  });

  it('gives đạt either 0 or the max', () => {
    fc.assert(
      fc.property(cents, cents, cents, (a, t, ms) => {
        expect([0, ms]).toContain(thiduaDiem(a, t, ms, 'đạt'));
      }),
    );
  });

  it('gives the dẫn đầu leader the max and never more', () => {
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 20 }), positive, positive, (results, t, ms) => {
        const points = (thiduaDiem(col(...results), t, ms, 'dẫn đầu') as number[][]).map((r) => r[0]!);
        const best = Math.max(...points);
        if (Math.max(...results) > t) expect(best).toBe(ms);
        for (const p of points) expect(p).toBeLessThanOrEqual(ms);
      }),
    );
  });

  it('moves dẫn đầu points with their rows when the rows are reordered', () => {
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 20 }).chain((r) => fc.tuple(fc.constant(r), fc.shuffledSubarray(r, { minLength: r.length }))), positive, ([rows, shuffled], t) => {
        const pointsOf = (list: number[]) => {
          const p = (thiduaDiem(col(...list), t, 10, 'dẫn đầu') as number[][]).map((r) => r[0]);
          return new Map(list.map((a, i) => [a, p[i]]));
        };
        expect(pointsOf(shuffled)).toEqual(pointsOf(rows));
      }),
    );
  });
});
