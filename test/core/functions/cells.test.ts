import { describe, expect, it } from 'vitest';
import { alignArgs, cellsOf, fieldError, isOmitted, positionError, readNumber, reshape } from '../../../src/core/functions/cells';

describe('cellsOf', () => {
  it('reads a range row by row', () => {
    expect(cellsOf([[1, 2], [3, 4]])).toEqual([1, 2, 3, 4]);
  });

  it('reads a single cell as one cell', () => {
    expect(cellsOf('8,5')).toEqual(['8,5']);
  });
});

describe('reshape', () => {
  it('puts values back into the rows of the template', () => {
    expect(reshape([[1, 2], [3, 4]], ['a', 'b', 'c', 'd'])).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('returns a scalar for a scalar template', () => {
    expect(reshape(5, ['a'])).toBe('a');
  });

  it('returns a 1×1 array for a 1×1 range', () => {
    expect(reshape([[5]], ['a'])).toEqual([['a']]);
  });
});

describe('isOmitted', () => {
  it('treats undefined as left out', () => {
    expect(isOmitted(undefined)).toBe(true);
  });

  it('treats a blank single cell as left out', () => {
    expect(isOmitted(' ')).toBe(true);
  });

  it('never treats a range as left out, even a blank one', () => {
    expect(isOmitted([['']])).toBe(false);
  });

  it('does not treat zero as left out', () => {
    expect(isOmitted(0)).toBe(false);
  });
});

describe('positionError and fieldError', () => {
  it('prefixes the row when there is a position', () => {
    expect(positionError(3, 'điểm 11 vượt điểm chuẩn 10').message).toBe('Dòng 3: điểm 11 vượt điểm chuẩn 10');
  });

  it('capitalises the detail when there is no position', () => {
    expect(positionError(null, 'chỉ tiêu 0 phải lớn hơn 0').message).toBe('Chỉ tiêu 0 phải lớn hơn 0');
  });

  it('names the row and the argument for a bad cell', () => {
    expect(fieldError(2, 'điểm', '"abc" không phải là số').message).toBe('Dòng 2, điểm: "abc" không phải là số');
  });

  it('names the argument alone for a bad single cell', () => {
    expect(fieldError(null, 'chỉ tiêu', '"x" không phải là số').message).toBe('Chỉ tiêu: "x" không phải là số');
  });
});

describe('readNumber', () => {
  it('reads a decimal comma', () => {
    expect(readNumber('8,5', 1, 'điểm')).toBe(8.5);
  });

  it('reads a blank cell as null', () => {
    expect(readNumber('', 1, 'điểm')).toBeNull();
  });

  it('throws naming the row and the argument for text', () => {
    expect(() => readNumber('abc', 3, 'điểm')).toThrow('Dòng 3, điểm: "abc" không phải là số');
  });
});

describe('alignArgs', () => {
  it('uses a single cell for every row of a range', () => {
    const args = alignArgs([['kết quả', [[8], [12]]], ['chỉ tiêu', 10]]);
    expect([args.at(1, 0), args.at(1, 1)]).toEqual([10, 10]);
  });

  it('uses a 1×1 range for every row', () => {
    const args = alignArgs([['kết quả', [[8], [12]]], ['chỉ tiêu', [[10]]]]);
    expect(args.at(1, 1)).toBe(10);
  });

  it('counts the rows of the ranges', () => {
    expect(alignArgs([['kết quả', 1], ['chỉ tiêu', [[1, 2, 3]]]]).count).toBe(3);
  });

  it('takes the shape of the first range with more than one cell', () => {
    const range = [[10], [20]];
    expect(alignArgs([['kết quả', 1], ['chỉ tiêu', range]]).template).toBe(range);
  });

  it('marks a call whose arguments are all single cells', () => {
    expect(alignArgs([['kết quả', [[1]]], ['chỉ tiêu', 2]]).single).toBe(true);
  });

  it('refuses ranges of different sizes, naming both', () => {
    expect(() => alignArgs([['kết quả', [[1], [2]]], ['chỉ tiêu', [[1], [2], [3]]]])).toThrow(
      'Vùng chỉ tiêu có 3 ô nhưng vùng kết quả có 2 ô: các vùng phải có cùng số ô, hoặc chỉ một ô để dùng chung cho mọi dòng',
    );
  });
});
