/** The Sơ kết 6 tháng tab as data: rendered, typed into, read back; values kept by unit and code. */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/input';
import type { CriteriaTable, Unit } from '../../src/core/model';
import { sampleCluster9Year, sampleMidYearRound } from '../../src/core/samples';
import { columnLetter } from '../../src/workbook/a1';
import type { Grid, OutValue } from '../../src/workbook/grid';
import {
  MID_YEAR_LAYOUT as L, computedRows, midYearProtections, parseMidYear, renderMidYear, unitColumnValues,
} from '../../src/workbook/midYear';
import { midYearReview } from '../../src/core/midYear';

const year = sampleCluster9Year(2021);
const table = year.criteria;
const units = year.units;
const open = { state: 'open' as const };

/** The tab after each unit typed its sample column. */
function typedTab(t: CriteriaTable = table, us: readonly Unit[] = units): Grid {
  const { grid, shape } = renderMidYear([], t, us, 2021, 'Đang mở');
  const round = sampleMidYearRound(year);
  for (const u of us) {
    const col = shape.unitColumns.get(u.id)!;
    const input = round.units.find((x) => x.unitId === u.id);
    if (!input) continue;
    unitColumnValues(t, input).forEach(([v], i) => (grid[L.firstRow - 1 + i]![col - 1] = v!));
  }
  return grid as Grid;
}

function set(grid: Grid, a1: string, value: CellValue): void {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = m[1]!.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  grid[Number(m[2]) - 1]![col - 1] = value;
}

describe('the Sơ kết 6 tháng tab', () => {
  it('reads back exactly what each unit typed, good practices included', () => {
    const parsed = parseMidYear(typedTab(), table, units, open);
    const expected = sampleMidYearRound(year);
    expect(parsed.problems).toEqual([]);
    expect(parsed.round.units.map((u) => u.goodPractice)).toEqual(expected.units.map((u) => u.goodPractice));
    for (const u of expected.units) {
      const got = parsed.round.units.find((x) => x.unitId === u.unitId)!;
      const norm = (es: typeof u.entries) => es.map((e) => ({ code: e.code, self: e.self, na: e.notApplicable ?? false })).sort((a, b) => a.code.localeCompare(b.code));
      expect(norm(got.entries), u.unitId).toEqual(norm(u.entries));
    }
    expect(parsed.fill.at(-1)).toMatchObject({ unitId: 'Tây Ninh', filled: parsed.fill.at(-1)!.required - 3, goodPractice: false });
  });

  it('keeps every typed value on its unit and code when a unit and a criterion are added in the middle, and a removed unit\'s column', () => {
    const before = typedTab();
    const newRow = { code: 'I.1.5', content: 'Tiêu chí mới', kind: 'qualitative' as const, maxPoints: 2 };
    const at = table.rows.findIndex((c) => c.code === 'I.2');
    const table2: CriteriaTable = { ...table, rows: [...table.rows.slice(0, at), newRow, ...table.rows.slice(at)] };
    const added: Unit = { ...units[0]!, id: 'Lâm Đồng', name: 'Lâm Đồng', shortName: 'Lâm Đồng', focalEmails: ['vanphong.lamdong@example.com'] };
    const units2 = [units[0]!, added, ...units.slice(1, -1)]; // Tây Ninh left Cấu hình
    const { grid } = renderMidYear(before, table2, units2, 2021, 'Đang mở');
    expect(grid[L.headerRow - 1]!.slice(4)).toEqual([...units2.map((u) => u.id), 'Tây Ninh']);
    const was = parseMidYear(before, table, units, open).round.units;
    const now = parseMidYear(grid as Grid, table2, [...units2, units.at(-1)!], open).round.units;
    for (const u of was) expect(now.find((x) => x.unitId === u.unitId)).toEqual(u);
    expect(now.find((x) => x.unitId === 'Lâm Đồng')).toEqual({ unitId: 'Lâm Đồng', entries: [], goodPractice: '' });
  });

  it('keeps what units typed on a criterion Tiêu chí lost below the computed rows, unread, and puts it back when the criterion returns', () => {
    const before = typedTab();
    const gone = 'II.1';
    const table2: CriteriaTable = { ...table, rows: table.rows.filter((c) => c.code !== gone) };
    const { grid, shape } = renderMidYear(before, table2, units, 2021, 'Đang mở');
    const kept = grid.findIndex((r) => r[0] === gone);
    expect(kept).toBeGreaterThan(shape.computedRow + 3);
    expect(grid[kept - 1]![1]).toBe('Các dòng có mã không còn trong Tiêu chí (giữ lại điểm đã nhập)');
    const row = L.firstRow + table.rows.findIndex((c) => c.code === gone);
    expect(grid[kept]!.slice(4, 4 + units.length)).toEqual(before[row - 1]!.slice(4, 4 + units.length));
    const parsed = parseMidYear(grid as Grid, table2, units, open);
    expect(parsed.problems).toEqual([]);
    expect(parsed.round.units.every((u) => u.entries.every((e) => e.code !== gone))).toBe(true);
    // Rendered again unchanged; with the criterion back, its values return to its row.
    expect(renderMidYear(grid as Grid, table2, units, 2021, 'Đang mở').grid).toEqual(grid);
    const back = renderMidYear(grid as Grid, table, units, 2021, 'Đang mở').grid;
    expect(parseMidYear(back as Grid, table, units, open).round).toEqual(parseMidYear(before, table, units, open).round);
  });

  it('names each wrong cell and counts it as blank; a decimal comma, "Có" and "Không giao" are read', () => {
    const grid = typedTab();
    const row = (code: string) => L.firstRow + table.rows.findIndex((c) => c.code === code);
    const dn = columnLetter(L.firstUnit + units.findIndex((u) => u.id === 'Đồng Nai'));
    set(grid, `${dn}${row('I.1.4')}`, '4,5');
    set(grid, `${dn}${row('II.1')}`, 6);
    set(grid, `${dn}${row('II.2')}`, 'năm');
    set(grid, `${dn}${row('III.1')}`, 'Không giao');
    set(grid, `${dn}${row('VIII.1')}`, 'Có');
    set(grid, `${dn}${row('VIII.2')}`, 'có lẽ');
    const parsed = parseMidYear(grid, table, units, open);
    expect(parsed.problems.map((p) => [p.a1, p.message])).toEqual([
      [`${dn}${row('II.1')}`, 'Điểm 6 tháng 6 vượt điểm chuẩn 5'],
      [`${dn}${row('II.2')}`, expect.stringContaining('"năm"')],
      [`${dn}${row('VIII.2')}`, expect.stringContaining('"có lẽ"')],
    ]);
    const entries = parsed.round.units.find((u) => u.unitId === 'Đồng Nai')!.entries;
    const of = (code: string) => entries.find((e) => e.code === code);
    expect(of('I.1.4')).toEqual({ code: 'I.1.4', self: 4.5 });
    expect(of('II.1')).toBeUndefined();
    expect(of('III.1')).toEqual({ code: 'III.1', notApplicable: true });
    expect(of('VIII.1')).toEqual({ code: 'VIII.1', self: 1 });
  });

  it('refuses to read a tab whose header was typed over', () => {
    const grid = typedTab();
    set(grid, 'D3', 'Điểm');
    const parsed = parseMidYear(grid, table, units, open);
    expect(parsed.problems).toEqual([expect.objectContaining({ a1: 'A3:D3', blocking: true })]);
    expect(parsed.round.units.every((u) => u.entries.length === 0)).toBe(true);
  });

  it('protects the tab for the cụm trưởng with a hole per unit column, each its focal officers\' while open only', () => {
    const { shape } = renderMidYear([], table, units, 2021, 'Đang mở');
    const facts = { owner: 'owner@example.com', units, team: [], leaderUnitId: 'Bình Dương' };
    const leader = units.find((u) => u.id === 'Bình Dương')!.focalEmails;
    const openSpecs = midYearProtections(2021, facts, shape, true);
    expect(openSpecs[0]).toMatchObject({ key: '2021:midyear', range: null, editors: leader });
    expect(openSpecs[0]!.unprotected).toHaveLength(units.length);
    const dn = openSpecs.find((s) => s.key === '2021:midyear:Đồng Nai')!;
    expect(dn.range).toEqual({ row: L.firstRow, column: L.firstUnit + 4, rows: shape.goodPracticeRow - L.firstRow + 1, columns: 1 });
    expect(dn.editors).toEqual(['vanphong.dongnai@example.com', ...leader]);
    expect(midYearProtections(2021, facts, shape, false).find((s) => s.key === '2021:midyear:Đồng Nai')!.editors).toEqual(leader);
  });

  it('writes the computed rows under each unit\'s own column', () => {
    const { shape } = renderMidYear([], table, units, 2021, 'Đang mở');
    const review = midYearReview(year, sampleMidYearRound(year));
    const rows: OutValue[][] = computedRows(review, shape);
    const tn = units.findIndex((u) => u.id === 'Tây Ninh');
    expect(rows).toHaveLength(4);
    expect(rows[0]![tn]).toBe(review.units.find((u) => u.unitId === 'Tây Ninh')!.total);
    expect(rows[3]![tn]).toBe('Chưa xếp (còn 3 dòng trống)');
  });
});
