import { describe, expect, it } from 'vitest';
import { sampleCriteriaTable } from '../../src/core/samples';
import { cellAt, type Grid } from '../../src/workbook/grid';
import { mergeCriteria, parseCriteria, renderCriteria } from '../../src/workbook/criteria';

const table = () => sampleCriteriaTable(2021);

describe('the Tiêu chí tab', () => {
  it('reads back the table it was rendered from', () => {
    const p = parseCriteria(renderCriteria(table()));
    expect(p.problems).toEqual([]);
    expect(p.table).toEqual(table());
    expect(p.rowOf.get('i.1.4')).toBe(10);
  });

  it('inserts a code the sheet lacks after the subtree of its predecessor', () => {
    const t = table();
    const sheet = renderCriteria({ ...t, rows: t.rows.filter((r) => r.code !== 'I.2.2') });
    const merged = parseCriteria(mergeCriteria(sheet, t)).table.rows.map((r) => r.code);
    expect(merged).toEqual(t.rows.map((r) => r.code));
  });

  it('inserts a new group with its children after the previous group and its children', () => {
    const t = table();
    const without = t.rows.filter((r) => !r.code.startsWith('II'));
    const merged = parseCriteria(mergeCriteria(renderCriteria({ ...t, rows: without }), t)).table.rows.map((r) => r.code);
    expect(merged).toEqual(t.rows.map((r) => r.code));
  });

  it('keeps rows as typed, even when the config says otherwise', () => {
    const sheet = renderCriteria(table()).map((r) => [...r]);
    sheet[9]![1] = 'Nội dung đã sửa';
    const merged = mergeCriteria(sheet as Grid, table());
    expect(cellAt(merged as Grid, 10, 2)).toBe('Nội dung đã sửa');
  });

  it('reports a row without a code, a duplicate code, an unknown kind and an unknown rule at their cells', () => {
    const g = renderCriteria(table()).map((r) => [...r]) as Grid;
    g[5]![0] = '';
    g[7]![0] = 'I.1.1';
    g[8]![2] = 'lạ';
    g[11]![6] = 'tùy ý';
    const p = parseCriteria(g);
    expect(p.problems.map((x) => [x.a1, x.message])).toEqual([
      ['A6', 'Dòng có nội dung nhưng chưa có mã tiêu chí'],
      ['A8', 'Mã "I.1.1" đã có ở ô A7: mỗi mã chỉ dùng một lần'],
      ['C9', 'Loại "lạ" không rõ: chọn Nhóm, Định tính, Định lượng, Cộng, Trừ hoặc Điều kiện'],
      ['G12', 'Cách tính "tùy ý" không rõ: chọn tỷ lệ, đạt, ngược hoặc dẫn đầu'],
    ]);
  });

  it('reads kinds and rules typed without accents or in capitals', () => {
    const g = renderCriteria({ name: 'x', rows: [] }).map((r) => [...r]) as Grid;
    g.push(['A', 'Nhóm A', 'NHOM', '', '', '', '']);
    g.push(['A.1', 'Chỉ tiêu', 'dinh luong', '5', '90', '%', 'NGUOC']);
    const p = parseCriteria(g);
    expect(p.problems).toEqual([]);
    expect(p.table.rows[1]).toMatchObject({ kind: 'quantitative', rule: 'lowerIsBetter', maxPoints: 5, target: 90 });
  });

  it('reports a maximum or a target that is not a number, and keeps the row', () => {
    const g = renderCriteria(table()).map((r) => [...r]) as Grid;
    g[9]![3] = 'năm';
    g[6]![4] = '#N/A';
    const p = parseCriteria(g);
    expect(p.problems.map((x) => x.a1)).toEqual(['E7', 'D10']);
    expect(p.table.rows).toHaveLength(table().rows.length);
  });

  it('reports a scored row with a blank maximum at its cell instead of scoring it out of 0', () => {
    const g = renderCriteria(table()).map((r) => [...r]) as Grid;
    const row = g.findIndex((r, i) => i >= 4 && r[2] !== 'Nhóm' && r[2] !== 'Điều kiện' && r[3] !== '');
    g[row]![3] = '';
    const p = parseCriteria(g);
    expect(p.problems).toEqual([expect.objectContaining({ a1: `D${row + 1}`, message: expect.stringContaining('Chưa có điểm chuẩn') })]);
    expect(p.table.rows).toHaveLength(table().rows.length);
  });

  it('reports an empty table as blocking', () => {
    const p = parseCriteria(renderCriteria({ name: 'x', rows: [] }));
    expect(p.problems).toEqual([expect.objectContaining({ message: 'Bảng tiêu chí chưa có dòng nào', blocking: true })]);
  });
});
