/** Cấu hình's Phong trào thi đua block and the plan's detail rows: written once, read back, problems on their cell. */
import { describe, expect, it } from 'vitest';
import { sampleCluster9Year } from '../../src/core/samples';
import { sampleYearConfig } from '../../src/app/sample';
import { detailsText } from '../../src/i18n/details';
import { CONFIG_LAYOUT, mergeConfig, parseConfig, renderConfig, type YearConfig } from '../../src/workbook/config';
import { a1 } from '../../src/workbook/a1';
import type { Grid } from '../../src/workbook/grid';

const year = sampleCluster9Year(2021);
const config: YearConfig = { cluster: year.cluster, units: year.units, crossCheckTeam: [], rules: year.rules, criteria: year.criteria };
const parse = (grid: Grid) => parseConfig(grid, { defaults: year.rules });
const L = CONFIG_LAYOUT.movements;
const M = detailsText.movements;

/** A new tab with these movement rows typed from the block's first row. */
function withRows(rows: unknown[][]): Grid {
  const grid = (renderConfig(config) as unknown[][]).map((r) => [...r]);
  rows.forEach((cells, i) => {
    const line = (grid[CONFIG_LAYOUT.firstRow - 1 + i] ??= []);
    cells.forEach((v, j) => {
      line[L.column - 1 + j] = v;
    });
  });
  const width = Math.max(...grid.map((r) => r.length));
  return grid.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? '')) as Grid;
}

const problemsAt = (grid: Grid) => parse(grid).problems.map((p) => [p.a1, p.message]);

describe('the Phong trào thi đua block', () => {
  it('sits after Thời hạn các bước, its title and header written by set-up, no row of its own', () => {
    expect(L.column).toBe(CONFIG_LAYOUT.deadlines.column + CONFIG_LAYOUT.deadlines.width + 1);
    const grid = renderConfig(config) as Grid;
    expect(grid[CONFIG_LAYOUT.blockRow - 1]![L.column - 1]).toBe(M.block);
    expect(grid[CONFIG_LAYOUT.headerRow - 1]!.slice(L.column - 1, L.column - 1 + L.width)).toEqual([...M.header]);
    const parsed = parse(grid);
    expect(parsed.details.movements).toEqual([]);
    expect(parsed.details.movementsCell).toBe(a1(CONFIG_LAYOUT.firstRow, L.column));
  });

  it('reads regular and thematic movements, dates as dd/mm/yyyy, a date cell, or "Đợt ngắn hạn"', () => {
    const grid = withRows([
      ['Phong trào A', 'Thường xuyên', '', '', 'Các đơn vị'],
      ['Đợt B', 'Đợt ngắn hạn', '01/4/2021', new Date(Date.UTC(2021, 5, 29, 17)), 'VKSND tỉnh Bình Dương'],
      ['Phong trào C', '', '', '', ''],
    ]);
    const parsed = parse(grid);
    expect(parsed.problems).toEqual([]);
    expect(parsed.details.movements).toEqual([
      { name: 'Phong trào A', kind: 'regular', from: null, to: null, owner: 'Các đơn vị' },
      { name: 'Đợt B', kind: 'thematic', from: '2021-04-01', to: '2021-06-30', owner: 'VKSND tỉnh Bình Dương' },
      { name: 'Phong trào C', kind: 'regular', from: null, to: null, owner: '' },
    ]);
    expect(parsed.details.movementCells).toEqual([5, 6, 7].map((r) => a1(r, L.column + 2)));
  });

  it('names the cell of an unknown kind, an unreadable date, a start after the end, a thematic one without dates, a row without a name', () => {
    const r = CONFIG_LAYOUT.firstRow;
    const grid = withRows([
      ['Phong trào A', 'Hằng năm', '', '', ''],
      ['Đợt B', 'Chuyên đề', '31/02/2021', '30/6/2021', ''],
      ['Đợt C', 'Chuyên đề', '01/9/2021', '30/6/2021', ''],
      ['Đợt D', 'Chuyên đề', '01/9/2021', '', ''],
      ['', 'Chuyên đề', '01/9/2021', '30/9/2021', ''],
    ]);
    expect(problemsAt(grid)).toEqual([
      [a1(r, L.column + 1), M.unknownKind('Phong trào A', 'Hằng năm')],
      [a1(r + 1, L.column + 2), M.badDate('Đợt B', M.fromLabel, '31/02/2021')],
      [a1(r + 1, L.column + 2), M.thematicNoDates('Đợt B')],
      [a1(r + 2, L.column + 3), M.fromAfterTo('Đợt C')],
      [a1(r + 3, L.column + 3), M.thematicNoDates('Đợt D')],
      [a1(r + 4, L.column), M.noName],
    ]);
    // The unknown kind and the nameless row are left out; the others are kept for the plan to show.
    expect(parse(grid).details.movements.map((m) => m.name)).toEqual(['Đợt B', 'Đợt C', 'Đợt D']);
    expect(parse(grid).problems.every((p) => p.severity === 'warning' && !p.blocking)).toBe(true);
  });

  it('set-up writes the sample movements once and never overwrites a typed row', () => {
    const sample = sampleYearConfig(2021);
    const grid = renderConfig(sample) as Grid;
    const first = parse(grid).details.movements;
    expect(first.map((m) => m.kind)).toEqual(['regular', 'regular', 'thematic', 'thematic']);
    expect(first[2]).toMatchObject({ from: '2021-04-01', to: '2021-07-26' });
    // The clerk renames the owner of the first movement and changes a date; set-up runs again.
    const edited = grid.map((r) => [...r]) as unknown[][];
    edited[CONFIG_LAYOUT.firstRow - 1]![L.column + 3] = 'Văn phòng Cụm';
    edited[CONFIG_LAYOUT.firstRow + 1]![L.column + 1] = '05/4/2021';
    const again = mergeConfig(edited as Grid, sample) as Grid;
    const second = parse(again).details.movements;
    expect(second).toHaveLength(4);
    expect(second[0]!.owner).toBe('Văn phòng Cụm');
    expect(second[2]!.from).toBe('2021-04-05');
  });
});

describe('the plan and mid-year detail rows', () => {
  it('reads the plan date, the mid-year meeting and its form, and the "Nhiệm vụ 6 tháng cuối năm n" rows in order', () => {
    const d = parse(renderConfig(sampleYearConfig(2021)) as Grid).details;
    expect(d.planDate).toEqual({ y: 2021, m: 3, d: 25 });
    expect(d.midYearMeeting).toEqual({ y: 2021, m: 6, d: 30, h: 8, min: 0 });
    expect(d.midYearVenue).toMatch(/^trực tuyến/);
    expect(d.tasks).toHaveLength(4);
    expect(d.tasks[0]).toMatch(/^Tiếp tục thực hiện/);
  });

  it('a new tab gets one blank task row to show the label; an unreadable date or time is named on its cell', () => {
    const grid = (renderConfig(config) as unknown[][]).map((r) => [...r]);
    const rowOf = (label: string) => grid.findIndex((r) => r[0] === label) + 1;
    expect(rowOf(detailsText.task(1))).toBeGreaterThan(0);
    expect(rowOf(detailsText.task(2))).toBe(0);
    grid[rowOf(detailsText.labels.planDate) - 1]![1] = '25/13/2021';
    grid[rowOf(detailsText.labels.midYearMeeting) - 1]![1] = '30/6/2021';
    const parsed = parse(grid as Grid);
    expect(parsed.details.tasks).toEqual([]);
    expect(parsed.details.taskCell).toBe(a1(rowOf(detailsText.task(1)), 2));
    expect(parsed.problems.map((p) => [p.a1, p.message])).toEqual([
      [a1(rowOf(detailsText.labels.planDate), 2), detailsText.badDate(detailsText.labels.planDate, '25/13/2021')],
      [a1(rowOf(detailsText.labels.midYearMeeting), 2), detailsText.badTime(detailsText.labels.midYearMeeting, '30/6/2021')],
    ]);
  });
});
