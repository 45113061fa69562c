import { describe, expect, it } from 'vitest';
import type { CriteriaTable } from '../../src/core/model';
import { workbookText } from '../../src/i18n/workbook';
import type { Grid } from '../../src/workbook/grid';
import { rowInsertions, UNIT_LAYOUT, withInsertedRows } from '../../src/workbook/unitSheet';

const FIRST = UNIT_LAYOUT.firstRow;

/** A unit tab whose criteria rows hold these codes (self-score typed as the row number). */
function tab(codes: string[], tail: Grid = []): Grid {
  const head: Grid = Array.from({ length: FIRST - 1 }, (_, i) => [`head ${i + 1}`]);
  const rows: Grid = codes.map((code, i) => {
    const r: Grid[number] = Array(UNIT_LAYOUT.width).fill('');
    r[UNIT_LAYOUT.column.code - 1] = code;
    r[UNIT_LAYOUT.column.self - 1] = code === '' ? '' : FIRST + i;
    return r;
  });
  return [...head, ...rows, ...tail];
}

function table(codes: string[]): CriteriaTable {
  return { name: 't', rows: codes.map((code) => ({ code, content: code, kind: 'qualitative' as const, maxPoints: 5 })) };
}

describe('rowInsertions', () => {
  it('finds a criterion inserted in the middle: one row before the row that follows it', () => {
    expect(rowInsertions(tab(['I', 'I.1', 'I.2']), table(['I', 'I.1', 'I.1.a', 'I.2']))).toEqual([{ beforeRow: FIRST + 2, count: 1 }]);
  });

  it('groups neighbours and lists the bottom-most insertion first', () => {
    expect(rowInsertions(tab(['I', 'II']), table(['0', 'I', 'I.1', 'I.2', 'II', 'III']))).toEqual([
      { beforeRow: FIRST + 2, count: 1 },
      { beforeRow: FIRST + 1, count: 2 },
      { beforeRow: FIRST, count: 1 },
    ]);
  });

  it('says nothing moves when the table is unchanged', () => {
    expect(rowInsertions(tab(['I', 'I.1']), table(['I', 'I.1']))).toEqual([]);
  });

  it('gives up (null) when a code left the table, the order changed, or a row has values without a code', () => {
    expect(rowInsertions(tab(['I', 'I.1', 'I.2']), table(['I', 'I.2']))).toBeNull();
    expect(rowInsertions(tab(['I', 'I.1', 'I.2']), table(['I', 'I.2', 'I.1']))).toBeNull();
    const noCode = tab(['I', 'I.1']);
    noCode[FIRST]![UNIT_LAYOUT.column.code - 1] = '';
    expect(rowInsertions(noCode, table(['I', 'I.1']))).toBeNull();
  });

  it('gives up on a blank gap inside the criteria (rows inserted by a set-up cut short), so the rewrite closes it', () => {
    expect(rowInsertions(tab(['I', '', 'I.1']), table(['I', 'I.1']))).toBeNull();
  });

  it('inserts before the orphan block, which then moves down with it', () => {
    const withOrphans = tab(['I', 'I.1'], [Array(UNIT_LAYOUT.width).fill(''), [workbookText.unit.orphanHeader], ['X.9', '', '', '', '', 7]]);
    const ins = rowInsertions(withOrphans, table(['I', 'I.1', 'I.2']));
    expect(ins).toEqual([{ beforeRow: FIRST + 2, count: 1 }]);
  });
});

describe('withInsertedRows', () => {
  it('splices blank rows where the sheet got them, so what was read lines up with the sheet', () => {
    const grid = tab(['I', 'I.2']);
    const out = withInsertedRows(grid, [{ beforeRow: FIRST + 1, count: 2 }]);
    expect(out.length).toBe(grid.length + 2);
    expect(out[FIRST]).toEqual([]);
    expect(out[FIRST + 2]![UNIT_LAYOUT.column.code - 1]).toBe('I.2');
    expect(grid.length).toBe(FIRST + 1); // the input is left alone
  });

  it('adds nothing below the data, where nothing moves', () => {
    const grid = tab(['I']);
    expect(withInsertedRows(grid, [{ beforeRow: grid.length + 1, count: 3 }])).toEqual(grid);
  });
});
