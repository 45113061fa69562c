import { describe, expect, it } from 'vitest';
import { a1, columnLetter } from '../../src/workbook/a1';
import { cellAt, cellText, diffGrid, rectangular } from '../../src/workbook/grid';
import { describeProblem, errorsOf, problem } from '../../src/workbook/problems';
import { logTime, shortTime } from '../../src/workbook/time';

describe('A1 notation', () => {
  it('names columns past Z', () => {
    expect([1, 26, 27, 28, 702, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('refuses a column that is not a positive integer', () => {
    for (const bad of [0, -1, 1.5, NaN]) expect(() => columnLetter(bad)).toThrow(RangeError);
  });

  it('writes a cell, or a block when the end is given', () => {
    expect(a1(12, 7)).toBe('G12');
    expect(a1(5, 1, 9, 4)).toBe('A5:D9');
    expect(a1(5, 1, 5, 1)).toBe('A5');
  });
});

describe('grids', () => {
  it('reads "" outside the grid', () => {
    expect(cellAt([['a']], 3, 3)).toBe('');
  });

  it('writes only the runs of cells that changed', () => {
    expect(diffGrid([['a', 'b', 'c']], [['a', 'x', 'y']])).toEqual([{ row: 1, column: 2, values: [['x', 'y']] }]);
  });

  it('merges changed runs on consecutive rows into one block', () => {
    expect(diffGrid([], [['', 1], ['', 2]])).toEqual([{ row: 1, column: 2, values: [[1], [2]] }]);
  });

  it('writes nothing when nothing changed, blanks and null alike', () => {
    expect(diffGrid([['', null as never, 3]], [['', '', 3]])).toEqual([]);
  });

  it('compares dates by time', () => {
    const d = new Date('2021-03-25T00:00:00Z');
    expect(diffGrid([[d]], [[new Date(d.getTime()) as never]])).toEqual([]);
  });

  it('never clears a cell the new grid does not reach', () => {
    expect(diffGrid([['a', 'b'], ['c', 'd']], [['a']])).toEqual([]);
  });

  it('offsets patches by the origin', () => {
    expect(diffGrid([], [['x']], { row: 5, column: 13 })).toEqual([{ row: 5, column: 13, values: [['x']] }]);
  });

  it('pads rows to one width', () => {
    expect(rectangular([['a'], ['b', 'c']])).toEqual([['a', ''], ['b', 'c']]);
  });

  it('shows dates as ISO text and blanks as ""', () => {
    expect(cellText(new Date('2021-03-25T07:00:00Z'))).toBe('2021-03-25T07:00:00.000Z');
    expect(cellText(null)).toBe('');
    expect(cellText(new Date('x'))).toBe('');
  });
});

describe('problems', () => {
  it('reads as location then message', () => {
    expect(describeProblem(problem('Bình Dương', 'G12', '"8,5a" không phải là số'))).toBe('Trang "Bình Dương", ô G12: "8,5a" không phải là số');
  });

  it('names only the tab when the problem has no cell', () => {
    expect(describeProblem(problem('Tây Ninh', '', 'x'))).toBe('Trang "Tây Ninh": x');
  });

  it('keeps errors, not warnings', () => {
    expect(errorsOf([problem('a', '', 'x'), problem('a', '', 'y', { severity: 'warning' })]).map((p) => p.message)).toEqual(['x']);
  });
});

describe('times', () => {
  it('shows Việt Nam time whatever the machine zone', () => {
    expect(logTime(new Date('2021-03-25T17:05:09Z'))).toBe('2021-03-26 00:05:09');
    expect(shortTime(new Date('2021-03-25T07:05:09Z'))).toBe('14:05 25/03/2021');
  });
});
