/** Cấu hình's document details: written once, read back by label, a bad value named by its cell. */
import { describe, expect, it } from 'vitest';
import { sampleCluster9Year } from '../../src/core/samples';
import { docText } from '../../src/i18n/documents';
import { detailsText } from '../../src/i18n/details';
import { CONFIG_LAYOUT, mergeConfig, parseConfig, renderConfig, type YearConfig } from '../../src/workbook/config';
import { readDate, readPerson, readTime } from '../../src/workbook/config/details';
import { a1 } from '../../src/workbook/a1';
import type { Grid } from '../../src/workbook/grid';

const year = sampleCluster9Year(2025);
const config: YearConfig = { cluster: year.cluster, units: year.units, crossCheckTeam: [], rules: year.rules, criteria: year.criteria };
const parse = (grid: Grid) => parseConfig(grid, { defaults: year.rules });

/** The sheet row of a general-block label. */
function rowOf(grid: Grid, label: string): number {
  const i = grid.findIndex((r) => r[CONFIG_LAYOUT.general.column - 1] === label);
  if (i < 0) throw new Error(`no row ${label}`);
  return i + 1;
}

function set(grid: Grid, label: string, value: unknown): Grid {
  const out = grid.map((r) => [...r]);
  out[rowOf(grid, label) - 1]![CONFIG_LAYOUT.general.column] = value as never;
  return out as Grid;
}

describe('readDate, readTime, readPerson', () => {
  it('reads dates and times as a Vietnamese clerk types them', () => {
    expect(readDate('25/3/2025')).toEqual({ y: 2025, m: 3, d: 25 });
    expect(readDate('31/2/2025')).toBeNull();
    expect(readTime('08:00 16/11/2025')).toEqual({ y: 2025, m: 11, d: 16, h: 8, min: 0 });
    expect(readTime('16/11/2025 8h30')).toEqual({ y: 2025, m: 11, d: 16, h: 8, min: 30 });
    expect(readTime('8 giờ 15 ngày 16/11/2025')).toEqual({ y: 2025, m: 11, d: 16, h: 8, min: 15 });
    expect(readTime('16/11/2025')).toBeNull();
    // A date-time cell: 01:30 UTC is 08:30 in Vietnam.
    expect(readTime(new Date(Date.UTC(2025, 10, 16, 1, 30)))).toEqual({ y: 2025, m: 11, d: 16, h: 8, min: 30 });
    expect(readPerson('Ngô Văn Sơn, Chánh Văn phòng, VKSND tỉnh Bình Dương')).toEqual({ name: 'Ngô Văn Sơn', title: 'Chánh Văn phòng, VKSND tỉnh Bình Dương' });
    expect(readPerson(', Viện trưởng')).toBeNull();
  });
});

describe('document details in Cấu hình', () => {
  it('adds the detail rows and the standard commitments to a new tab, blank but for the commitments', () => {
    const grid = renderConfig(config) as Grid;
    const parsed = parse(grid);
    expect(parsed.details.commitments).toEqual(docText.covenant.commitments);
    expect([parsed.details.covenantDate, parsed.details.meetingStart, parsed.details.secretary, parsed.details.opinions]).toEqual([null, null, null, null]);
    expect(parsed.details.cells.covenantDate).toBe(a1(rowOf(grid, detailsText.labels.covenantDate), CONFIG_LAYOUT.general.column + 1));
  });

  it('reads what the clerk typed, attendees one a line', () => {
    let grid = renderConfig(config) as Grid;
    grid = set(grid, detailsText.labels.covenantDate, '25/3/2025');
    grid = set(grid, detailsText.labels.meetingStart, '08:00 16/11/2025');
    grid = set(grid, detailsText.labels.attendees, 'Đồng chí A, Viện trưởng\n- Đồng chí B, Phó Viện trưởng');
    grid = set(grid, detailsText.labels.opinions, 6);
    const d = parse(grid).details;
    expect([d.covenantDate, d.meetingStart, d.attendees, d.opinions]).toEqual([
      { y: 2025, m: 3, d: 25 }, { y: 2025, m: 11, d: 16, h: 8, min: 0 }, ['Đồng chí A, Viện trưởng', 'Đồng chí B, Phó Viện trưởng'], 6,
    ]);
  });

  it('names the cell of a value it cannot read, and leaves the value out', () => {
    let grid = renderConfig(config) as Grid;
    grid = set(grid, detailsText.labels.meetingStart, 'sáng thứ Hai');
    grid = set(grid, detailsText.labels.opinions, 'nhiều');
    const parsed = parse(grid);
    const at = (label: string) => a1(rowOf(grid, label), CONFIG_LAYOUT.general.column + 1);
    expect(parsed.problems.filter((p) => p.a1 === at(detailsText.labels.meetingStart)).map((p) => p.message))
      .toEqual([detailsText.badTime(detailsText.labels.meetingStart, 'sáng thứ Hai')]);
    expect(parsed.problems.some((p) => p.a1 === at(detailsText.labels.opinions))).toBe(true);
    expect([parsed.details.meetingStart, parsed.details.opinions]).toEqual([null, null]);
  });

  it('keeps a clerk\'s own commitments when set-up runs again, and adds no row twice', () => {
    let grid = renderConfig(config) as Grid;
    const first = rowOf(grid, detailsText.commitment(1));
    const own = grid.map((r) => [...r]);
    own[first - 1]![CONFIG_LAYOUT.general.column] = 'Cam kết riêng của cụm';
    for (let n = 2; n <= 4; n++) own[rowOf(grid, detailsText.commitment(n)) - 1]![CONFIG_LAYOUT.general.column] = '';
    grid = mergeConfig(own as Grid, config) as Grid;
    expect(parse(grid).details.commitments).toEqual(['Cam kết riêng của cụm']);
    expect(grid.filter((r) => r[0] === detailsText.labels.covenantDate)).toHaveLength(1);
  });

  it('warns about a legal basis with no date in its text', () => {
    const grid = renderConfig({ ...config, rules: { ...config.rules, legalBases: ['Thông tư 02/2024/TT-VKSTC'] } }) as Grid;
    expect(parse(grid).problems.map((p) => p.message)).toContain(detailsText.basisUndated('Thông tư 02/2024/TT-VKSTC'));
  });
});
