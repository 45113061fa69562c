import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thiduaScore } from '../../../src/core/functions/score';
import type { CellValue } from '../../../src/core/input';

const col = (...values: CellValue[]): CellValue[][] => values.map((v) => [v]);

describe('thiduaScore: totals', () => {
  it('adds standard rows', () => {
    expect(thiduaScore(col(8, 9.5, 7), col(10, 10, 10))).toBe(24.5);
  });

  it('reads ranges of different shapes row-major when their cell counts match', () => {
    expect(thiduaScore([[8, 9.5]], col(10, 10))).toBe(17.5);
  });

  it('accepts single cells passed as scalars', () => {
    expect(thiduaScore(8, 10)).toBe(8);
  });

  it('reads numbers typed as text with a comma or a dot', () => {
    expect(thiduaScore(col('8,5', '7.25'), col(10, '10'))).toBe(15.75);
  });

  it('counts a blank point as 0', () => {
    expect(thiduaScore(col('', 6), col(10, 10))).toBe(6);
  });

  it('skips a row whose point and max are both blank', () => {
    expect(thiduaScore(col('', 5), col('', 10))).toBe(5);
  });

  it('returns 0 for empty ranges', () => {
    expect(thiduaScore([], [])).toBe(0);
  });

  it('rounds the total to 2 decimals, half away from zero', () => {
    expect(thiduaScore(col(1.005), col(2))).toBe(1.01);
  });

  it('treats the standard kind words as standard rows', () => {
    expect(thiduaScore(col(8, 7, 6, 5), col(10, 10, 10, 10), col('', 'định tính', 'Định lượng', 'TIEU CHI'))).toBe(26);
  });

  it('treats a blank single cell given as kinds like no kinds', () => {
    expect(thiduaScore(col(8, 7), col(10, 10), '')).toBe(15);
  });
});

describe('thiduaScore: bonus rows', () => {
  it('adds a bonus row', () => {
    expect(thiduaScore(col(8, 3), col(10, 5), col('', 'cộng'))).toBe(11);
  });

  it.each(['thưởng', '+', 'CONG', ' Cộng ', 'Cộng'.normalize('NFD'), 'điểm thưởng'])('reads %j as a bonus row', (kind) => {
    expect(thiduaScore(col(8, 3), col(10, 5), col('', kind))).toBe(11);
  });

  it('lets bonuses take a total past the nominal maximum', () => {
    expect(thiduaScore(col(97, 10), col(100, 10), col('', 'cộng'))).toBe(107);
  });

  it('refuses a bonus above its max', () => {
    expect(() => thiduaScore(col(8, 6), col(10, 5), col('', 'cộng'))).toThrow('Dòng 2: điểm cộng 6 vượt điểm chuẩn 5');
  });

  it('refuses a negative bonus', () => {
    expect(() => thiduaScore(col(8, -3), col(10, 5), col('', 'cộng'))).toThrow(
      'Dòng 2: điểm cộng -3 âm: điểm cộng phải từ 0 đến điểm chuẩn 5',
    );
  });
});

describe('thiduaScore: deduction rows', () => {
  it('subtracts a deduction entered as a positive number', () => {
    expect(thiduaScore(col(8, 2), col(10, 5), col('', 'trừ'))).toBe(6);
  });

  it('subtracts a deduction entered as a negative number', () => {
    expect(thiduaScore(col(8, -2), col(10, 5), col('', 'trừ'))).toBe(6);
  });

  it.each(['-', 'TRU', 'Trừ'.normalize('NFD'), 'điểm trừ'])('reads %j as a deduction row', (kind) => {
    expect(thiduaScore(col(8, 2), col(10, 5), col('', kind))).toBe(6);
  });

  it('accepts a deduction max written as a negative number', () => {
    expect(thiduaScore(col(8, -2), col(10, -5), col('', 'trừ'))).toBe(6);
  });

  it('refuses a deduction above its max', () => {
    expect(() => thiduaScore(col(8, 6), col(10, 5), col('', 'trừ'))).toThrow('Dòng 2: điểm trừ 6 vượt điểm chuẩn 5');
  });

  it('refuses a negative deduction above its max', () => {
    expect(() => thiduaScore(col(8, -6), col(10, 5), col('', 'trừ'))).toThrow('Dòng 2: điểm trừ 6 vượt điểm chuẩn 5');
  });
});

describe('thiduaScore: rows left out', () => {
  it('ignores a group row even when its subtotal exceeds its max', () => {
    expect(thiduaScore(col(25, 8, 9), col(20, 10, 10), col('nhóm', '', ''))).toBe(17);
  });

  it.each(['mục', 'phần', 'NHOM'])('ignores a %j row holding text', (kind) => {
    expect(thiduaScore(col('Tổng mục', 8), col('', 10), col(kind, ''))).toBe(8);
  });

  it.each(['điều kiện', 'điểm liệt', 'DIEU KIEN'])('leaves a %j row out of the total', (kind) => {
    expect(thiduaScore(col('Không vi phạm', 8), col('', 10), col(kind, ''))).toBe(8);
  });

  it('leaves a veto row holding a number out of the total', () => {
    expect(thiduaScore(col(1, 8), col(0, 10), col('điều kiện', ''))).toBe(8);
  });
});

describe('thiduaScore: the engine\'s tolerance and rounding', () => {
  it('accepts 0,1 + 0,2 against a max of 0,3, as recompute does', () => {
    expect(thiduaScore(col(0.1 + 0.2, 0.1 + 0.2), col(0.3, 0.3), col('', 'cộng'))).toBe(0.6);
  });

  it('accepts a deduction of −(0,1 + 0,2) against a max of 0,3', () => {
    expect(thiduaScore(col(1, -(0.1 + 0.2)), col(1, 0.3), col('', 'trừ'))).toBe(0.7);
  });

  it('still refuses a point a hundredth above its max', () => {
    expect(() => thiduaScore(col(0.31), col(0.3))).toThrow('Dòng 1: điểm 0,31 vượt điểm chuẩn 0,3');
  });

  it('rounds each row to 2 decimals before adding, as recompute does', () => {
    // Rows 1,005 + 1,005: 1,01 + 1,01 = 2,02 (the raw sum 2,01 would round to 2,01).
    expect(thiduaScore(col(1.005, 1.005), col(2, 2))).toBe(2.02);
  });
});

describe('thiduaScore: bad input', () => {
  it('refuses a point above its max, naming the row', () => {
    expect(() => thiduaScore(col(5, 6, 11), col(10, 10, 10))).toThrow('Dòng 3: điểm 11 vượt điểm chuẩn 10');
  });

  it('shows decimals with a comma in messages', () => {
    expect(() => thiduaScore(col('10,5'), col(10))).toThrow('Dòng 1: điểm 10,5 vượt điểm chuẩn 10');
  });

  it('refuses a negative standard point', () => {
    expect(() => thiduaScore(col(-1), col(10))).toThrow('Dòng 1: điểm -1 âm: điểm phải từ 0 đến điểm chuẩn 10');
  });

  it('refuses a negative max on a standard row', () => {
    expect(() => thiduaScore(col(0), col(-5))).toThrow('Dòng 1: điểm chuẩn -5 âm: điểm chuẩn phải từ 0 trở lên');
  });

  it('refuses a point whose max is blank', () => {
    expect(() => thiduaScore(col(8, 5), col(10, ''))).toThrow('Dòng 2: có điểm 5 nhưng thiếu điểm chuẩn');
  });

  it('refuses a non-numeric point', () => {
    expect(() => thiduaScore(col(8, 'abc'), col(10, 10))).toThrow('Dòng 2, điểm: "abc" không phải là số');
  });

  it('refuses a non-numeric max', () => {
    expect(() => thiduaScore(col(5), col('mười'))).toThrow('Dòng 1, điểm chuẩn: "mười" không phải là số');
  });

  it('refuses an ambiguous "1.000", passing on why', () => {
    expect(() => thiduaScore(col('1.000'), col(1000))).toThrow(/^Dòng 1, điểm: "1\.000" không rõ là số thập phân hay hàng nghìn/);
  });

  it('refuses a true/false point', () => {
    expect(() => thiduaScore(col(true), col(10))).toThrow('Dòng 1, điểm: true là giá trị đúng/sai, cần nhập số');
  });

  it('refuses a date in a point cell', () => {
    expect(() => thiduaScore(col(new Date('2024-05-01T00:00:00Z')), col(10))).toThrow(
      'Dòng 1, điểm: ngày 01/05/2024 là ngày tháng, cần nhập số',
    );
  });

  it('refuses a cell holding a sheet error', () => {
    expect(() => thiduaScore(col('#REF!'), col(10))).toThrow(/^Dòng 1, điểm: ô có lỗi "#REF!"/);
  });

  it('refuses an unknown kind, naming the row and the kind', () => {
    expect(() => thiduaScore(col(8, 2), col(10, 5), col('', 'khác'))).toThrow(/^Dòng 2: loại dòng "khác" không rõ; dùng một trong: /);
  });

  it('refuses points and max points of different sizes, naming both', () => {
    expect(() => thiduaScore(col(1, 2, 3), col(10, 10))).toThrow('Vùng điểm có 3 ô nhưng vùng điểm chuẩn có 2 ô: hai vùng phải có cùng số ô');
  });

  it('refuses kinds of a different size, naming both', () => {
    expect(() => thiduaScore(col(1, 2), col(10, 10), col('cộng'))).toThrow(
      'Vùng loại dòng có 1 ô nhưng vùng điểm có 2 ô: hai vùng phải có cùng số ô',
    );
  });

  it('refuses a single non-blank kind for a range of points', () => {
    expect(() => thiduaScore(col(1, 2), col(10, 10), 'cộng')).toThrow('Vùng loại dòng có 1 ô nhưng vùng điểm có 2 ô');
  });
});

/** A valid row: kind, max, point in hundredths so sums are exact at 2 decimals. */
const row = fc
  .tuple(fc.constantFrom('', 'định tính', 'cộng', 'trừ', 'nhóm', 'điều kiện'), fc.integer({ min: 0, max: 2000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean())
  .map(([kind, maxCents, share, negative]) => {
    const max = maxCents / 100;
    const point = Math.round(maxCents * share) / 100;
    return { kind, max, point: kind === 'trừ' && negative ? -point : point };
  });

describe('thiduaScore: properties', () => {
  it('gives the same total for any order of the rows', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }).chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }))), ([rows, shuffled]) => {
        const total = (rs: typeof rows) => thiduaScore(col(...rs.map((r) => r.point)), col(...rs.map((r) => r.max)), col(...rs.map((r) => r.kind)));
        expect(total(shuffled)).toBe(total(rows));
      }),
    );
  });

  it('is unchanged by adding a group or veto row with any content', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), fc.constantFrom('nhóm', 'mục', 'điểm liệt'), fc.string(), fc.string(), (rows, kind, p, m) => {
        const points = rows.map((r) => r.point);
        const maxes = rows.map((r) => r.max);
        const kinds = rows.map((r) => r.kind);
        expect(thiduaScore(col(...points, p), col(...maxes, m), col(...kinds, kind))).toBe(thiduaScore(col(...points), col(...maxes), col(...kinds)));
      }),
    );
  });

  it('equals, in hundredths, standard and bonus points minus deductions', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const cents = rows.reduce((sum, r) => {
          const c = Math.round(Math.abs(r.point) * 100);
          if (r.kind === 'nhóm' || r.kind === 'điều kiện') return sum;
          return r.kind === 'trừ' ? sum - c : sum + c;
        }, 0);
        const total = thiduaScore(col(...rows.map((r) => r.point)), col(...rows.map((r) => r.max)), col(...rows.map((r) => r.kind)));
        expect(Math.round(total * 100)).toBe(cents);
      }),
    );
  });
});
