import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thiduaXeploai } from '../../../src/core/functions/xeploai';
import type { CellValue } from '../../../src/core/input';

const col = (...values: CellValue[]): CellValue[][] => values.map((v) => [v]);
const XS = 'Hoàn thành xuất sắc nhiệm vụ';
const TOT = 'Hoàn thành tốt nhiệm vụ';
const HT = 'Hoàn thành nhiệm vụ';
const KHT = 'Không hoàn thành nhiệm vụ';

describe('thiduaXeploai: default bands', () => {
  it.each([
    [100, XS],
    [90, XS],
    [89.99, TOT],
    [70, TOT],
    [69.99, HT],
    [50, HT],
    [49.99, KHT],
    [0, KHT],
  ])('classifies %d of 100 as %s', (score, label) => {
    expect(thiduaXeploai(score)).toBe(label);
  });

  it('classifies a total above the maximum (bonuses) as excellent', () => {
    expect(thiduaXeploai(107)).toBe(XS);
  });

  it('classifies a negative total as not done', () => {
    expect(thiduaXeploai(-5)).toBe(KHT);
  });

  it('reaches a threshold exactly despite binary fractions (63 of 70 is 90 %)', () => {
    expect(thiduaXeploai(63, 70)).toBe(XS);
  });

  it('reads a score typed as text with a comma', () => {
    expect(thiduaXeploai('89,5')).toBe(TOT);
  });

  it('takes the % at 2 decimals, as recompute does (899,95 of 1000 is 90,00 %)', () => {
    expect(thiduaXeploai(col(899.95, 899.94), 1000)).toEqual(col(XS, TOT));
  });

  it('keeps a negative lowest threshold below the last band', () => {
    expect(thiduaXeploai(col(5, -5, -15), 100, 90, 70, -10)).toEqual(col(HT, HT, KHT));
  });

  it('returns "" for a blank score', () => {
    expect(thiduaXeploai('')).toBe('');
  });
});

describe('thiduaXeploai: optional arguments', () => {
  it('takes the maximum total into account', () => {
    expect(thiduaXeploai(950, 1000)).toBe(XS);
  });

  it('classifies below 50 % of a 1000-point table as not done', () => {
    expect(thiduaXeploai(499, 1000)).toBe(KHT);
  });

  it('uses the thresholds given', () => {
    expect(thiduaXeploai(85, 100, 85, 65, 45)).toBe(XS);
  });

  it('uses the lowest threshold given', () => {
    expect(thiduaXeploai(64, 100, 85, 65, 45)).toBe(HT);
  });

  it('takes the defaults for arguments left undefined', () => {
    expect(thiduaXeploai(75, undefined, undefined, undefined, undefined)).toBe(TOT);
  });

  it('takes the defaults for blank arguments', () => {
    expect(thiduaXeploai(75, '', '', '', '')).toBe(TOT);
  });

  it('takes the default for one blank threshold among given ones', () => {
    expect(thiduaXeploai(72, 100, 95, '', 60)).toBe(TOT);
  });

  it('accepts equal thresholds, giving the higher label', () => {
    expect(thiduaXeploai(80, 100, 80, 80, 50)).toBe(XS);
  });

  it('accepts a threshold of 0', () => {
    expect(thiduaXeploai(1, 100, 90, 70, 0)).toBe(HT);
  });
});

describe('thiduaXeploai: ranges', () => {
  it('returns a range of labels for a range of scores, blanks as ""', () => {
    expect(thiduaXeploai(col(95, 75, '', 40))).toEqual(col(XS, TOT, '', KHT));
  });

  it('keeps the shape of a row range', () => {
    expect(thiduaXeploai([[95, 55]])).toEqual([[XS, HT]]);
  });

  it('uses a 1×1 range of max total for every score', () => {
    expect(thiduaXeploai(col(95, 50), [[100]])).toEqual(col(XS, HT));
  });

  it('reads a range of max totals row by row', () => {
    expect(thiduaXeploai(col(95, 95), col(100, 1000))).toEqual(col(XS, KHT));
  });

  it('returns a 1×1 array for a 1×1 score range', () => {
    expect(thiduaXeploai([[95]])).toEqual([[XS]]);
  });

  it('refuses ranges of different sizes, naming both', () => {
    expect(() => thiduaXeploai(col(1, 2, 3), col(100, 100))).toThrow('Vùng tổng điểm chuẩn có 2 ô nhưng vùng điểm có 3 ô');
  });
});

describe('thiduaXeploai: bad input', () => {
  it('refuses a max total of 0', () => {
    expect(() => thiduaXeploai(50, 0)).toThrow('Tổng điểm chuẩn 0 phải lớn hơn 0');
  });

  it('refuses a negative max total', () => {
    expect(() => thiduaXeploai(50, -100)).toThrow('Tổng điểm chuẩn -100 phải lớn hơn 0');
  });

  it('names the row of a bad max total in a range', () => {
    expect(() => thiduaXeploai(col(95, 95), col(100, 0))).toThrow('Dòng 2: tổng điểm chuẩn 0 phải lớn hơn 0');
  });

  it('checks the arguments even when the score is blank', () => {
    expect(() => thiduaXeploai('', 0)).toThrow('Tổng điểm chuẩn 0 phải lớn hơn 0');
  });

  it('refuses a good threshold above the excellent one', () => {
    expect(() => thiduaXeploai(80, 100, 90, 95, 50)).toThrow('Các ngưỡng phải giảm dần: xuất sắc 90 ≥ tốt 95 ≥ hoàn thành 50');
  });

  it('refuses a done threshold above the good one', () => {
    expect(() => thiduaXeploai(80, 100, 90, 70, 75)).toThrow('Các ngưỡng phải giảm dần: xuất sắc 90 ≥ tốt 70 ≥ hoàn thành 75');
  });

  it('refuses an excellent threshold given below the default good one', () => {
    expect(() => thiduaXeploai(80, 100, 60)).toThrow('Các ngưỡng phải giảm dần: xuất sắc 60 ≥ tốt 70 ≥ hoàn thành 50');
  });

  it('refuses a threshold typed as a percentage cell (0.9 for 90 %)', () => {
    expect(() => thiduaXeploai(80, 100, 0.9, 0.7, 0.5)).toThrow('Ngưỡng xuất sắc 0,9 quá nhỏ: nhập ngưỡng bằng số phần trăm');
  });

  it('refuses a lone done threshold typed as a percentage cell', () => {
    expect(() => thiduaXeploai(80, 100, 90, 70, 0.5)).toThrow('Ngưỡng hoàn thành 0,5 quá nhỏ');
  });

  it('refuses a non-numeric score in a range, naming the row', () => {
    expect(() => thiduaXeploai(col(95, 'abc'))).toThrow('Dòng 2, điểm: "abc" không phải là số');
  });

  it('refuses a non-numeric single score', () => {
    expect(() => thiduaXeploai('abc')).toThrow('Điểm: "abc" không phải là số');
  });

  it('refuses a non-numeric max total', () => {
    expect(() => thiduaXeploai(50, 'trăm')).toThrow('Tổng điểm chuẩn: "trăm" không phải là số');
  });

  it('refuses a non-numeric threshold', () => {
    expect(() => thiduaXeploai(50, 100, '90%')).toThrow('Ngưỡng xuất sắc: "90%" không phải là số');
  });

  it('refuses a true/false score', () => {
    expect(() => thiduaXeploai(true)).toThrow('Điểm: true là giá trị đúng/sai, cần nhập số');
  });
});

describe('thiduaXeploai: properties', () => {
  const order = [KHT, HT, TOT, XS];
  it('never gives a higher score a lower label', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 12000 }), fc.integer({ min: -1000, max: 12000 }), (a, b) => {
        const [lo, hi] = a <= b ? [a / 100, b / 100] : [b / 100, a / 100];
        expect(order.indexOf(thiduaXeploai(hi) as string)).toBeGreaterThanOrEqual(order.indexOf(thiduaXeploai(lo) as string));
      }),
    );
  });

  it('depends only on the percentage of the maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 1, max: 20 }), (cents, k) => {
        expect(thiduaXeploai((cents / 100) * k, 100 * k)).toBe(thiduaXeploai(cents / 100));
      }),
    );
  });
});
