import { describe, expect, it } from 'vitest';
import { columnToNumber, numberToColumn, parseA1, quoteSheetName, toA1 } from './a1';

describe('A1 notation', () => {
  it('turns column letters into numbers and back', () => {
    for (const [l, n] of [['A', 1], ['Z', 26], ['AA', 27], ['AZ', 52], ['ZZ', 702], ['AAA', 703]] as const) {
      expect(columnToNumber(l)).toBe(n);
      expect(numberToColumn(n)).toBe(l);
    }
  });

  it('parses a cell and a block', () => {
    expect(parseA1('C7')).toEqual({ sheetName: null, row: 7, column: 3, endRow: 7, endColumn: 3 });
    expect(parseA1('A1:C10')).toEqual({ sheetName: null, row: 1, column: 1, endRow: 10, endColumn: 3 });
  });

  it('parses whole columns, whole rows and open-ended blocks', () => {
    expect(parseA1('B:B')).toEqual({ sheetName: null, row: 1, column: 2, endRow: null, endColumn: 2 });
    expect(parseA1('3:5')).toEqual({ sheetName: null, row: 3, column: 1, endRow: 5, endColumn: null });
    expect(parseA1('A2:C')).toEqual({ sheetName: null, row: 2, column: 1, endRow: null, endColumn: 3 });
  });

  it('parses quoted sheet names with spaces, Vietnamese and doubled quotes', () => {
    expect(parseA1("'Bình Dương'!A1:B2").sheetName).toBe('Bình Dương');
    expect(parseA1("'It''s'!A1").sheetName).toBe("It's");
    expect(parseA1('Sheet1!$A$1').row).toBe(1);
  });

  it('normalises reversed corners', () => {
    expect(parseA1('C3:A1')).toMatchObject({ row: 1, column: 1, endRow: 3, endColumn: 3 });
  });

  it('rejects what is not A1 notation', () => {
    for (const bad of ['', 'A0', '1A', 'A1:B2:C3', "'open!A1", 'ABCD1', 'A:5']) expect(() => parseA1(bad), bad).toThrow();
  });

  it('writes A1 notation and quotes sheet names that need it', () => {
    expect(toA1(2, 3)).toBe('C2');
    expect(toA1(1, 1, 3, 2)).toBe('A1:B3');
    expect(toA1(4, 4, 4, 4)).toBe('D4');
    expect(quoteSheetName('Bình Dương')).toBe("'Bình Dương'");
    expect(quoteSheetName('Config')).toBe('Config');
  });
});
