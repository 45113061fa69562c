import { describe, expect, it } from 'vitest';
import { buildCriteriaTree, standardMaxTotal } from '../../src/core/criteria';
import { parseCriteria, renderCriteria } from '../../src/workbook/criteria';
import { detectCriteria } from '../../src/workbook/criteriaImport';
import type { Grid } from '../../src/workbook/grid';

/** A province's table as Excel had it: title rows, STT restarting under each section, "8,5" as text, a total row. */
const restarting: Grid = [
  ['VIỆN KIỂM SÁT NHÂN DÂN TỈNH BÌNH DƯƠNG', '', '', '', ''],
  ['BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2020', '', '', '', ''],
  ['', '', '', '', ''],
  ['STT', 'Nội dung tiêu chí', 'Điểm chuẩn', 'Điểm tự chấm', 'Ghi chú'],
  ['I.', 'Công tác chuyên môn nghiệp vụ', '60', '', ''],
  ['1', 'Thực hành quyền công tố', '30', 28, ''],
  ['2', 'Kiểm sát điều tra', '30', '', ''],
  ['a)', 'Kiểm sát việc tiếp nhận tin báo', '12,5', '', ''],
  ['b)', 'Kiểm sát việc khởi tố', '17,5', '', ''],
  ['II', 'Quản lý, chỉ đạo, điều hành', 40, '', ''],
  ['1', 'Xây dựng kế hoạch', 20, '', ''],
  ['2', 'Chế độ thông tin báo cáo', 20, '', ''],
  ['', 'Tổng cộng', 100, '', ''],
];

describe('detectCriteria over tables opened from Excel', () => {
  it('finds the header under title rows, gives restarting numbers their section and reads decimal commas', () => {
    const d = detectCriteria(restarting, 'Bang 2020');
    expect(d.problems).toEqual([]);
    expect(d.headerRow).toBe(4);
    expect(d.letters).toEqual({ code: 'A', content: 'B', max: 'C' });
    expect(d.table.rows.map((r) => [r.code, r.kind, r.maxPoints])).toEqual([
      ['I', 'group', 0], ['I.1', 'qualitative', 30], ['I.2', 'group', 0], ['I.2.a', 'qualitative', 12.5], ['I.2.b', 'qualitative', 17.5],
      ['II', 'group', 0], ['II.1', 'qualitative', 20], ['II.2', 'qualitative', 20],
    ]);
    expect(d.sourceRow['I.2.a']).toBe(8);
    expect(d.table.name).toContain('Bang 2020');
    // What the engine and Tiêu chí read back: no problem, 100 points.
    const tree = buildCriteriaTree(d.table);
    expect(tree.problems).toEqual([]);
    expect(standardMaxTotal(d.table)).toBe(100);
    expect(parseCriteria(renderCriteria(d.table)).problems).toEqual([]);
  });

  it('takes the columns in any order, keeps codes that are already hierarchical, and joins a content cut over two rows', () => {
    const grid: Grid = [
      ['Điểm tối đa', 'Mã', 'Nội dung'],
      ['', 'I', 'Công tác chuyên môn'],
      [10, 'I.1', 'Giải quyết án'],
      ['', '', 'đúng thời hạn luật định'],
      ['5', 'I.2', 'Kháng nghị'],
    ];
    const d = detectCriteria(grid);
    expect(d.columns).toEqual({ code: 2, content: 3, max: 1 });
    expect(d.table.rows).toEqual([
      { code: 'I', content: 'Công tác chuyên môn', kind: 'group', maxPoints: 0 },
      { code: 'I.1', content: 'Giải quyết án đúng thời hạn luật định', kind: 'qualitative', maxPoints: 10 },
      { code: 'I.2', content: 'Kháng nghị', kind: 'qualitative', maxPoints: 5 },
    ]);
  });

  it('reads a header cut by a line break, takes the column right of the code for content, and marks bonus and deduction sections', () => {
    const grid: Grid = [
      ['TT', '', 'Thang điểm\n(tối đa)'],
      ['I', 'Chuyên môn', ''],
      ['1', 'Án hình sự', '50'],
      ['II', 'Điểm cộng', ''],
      ['1', 'Cờ thi đua năm trước', '10'],
      ['III', 'Điểm trừ', ''],
      ['1', 'Vi phạm chế độ báo cáo', '5'],
    ];
    const d = detectCriteria(grid);
    expect(d.columns).toEqual({ code: 1, content: 2, max: 3 });
    expect(d.table.rows.map((r) => [r.code, r.kind, r.maxPoints])).toEqual([
      ['I', 'group', 0], ['I.1', 'qualitative', 50], ['II', 'group', 0], ['II.1', 'bonus', 10], ['III', 'group', 0], ['III.1', 'deduction', 5],
    ]);
    expect(standardMaxTotal(d.table)).toBe(50);
  });

  it('names the cell of a max that is not a number and keeps the row at 0; says when a group total differs from its rows', () => {
    const grid: Grid = [
      ['STT', 'Nội dung', 'Điểm'],
      ['I', 'Chuyên môn', '25'],
      ['1', 'Án', 'tám'],
      ['2', 'Kiểm sát', 20],
    ];
    const d = detectCriteria(grid);
    expect(d.table.rows[1]).toMatchObject({ code: 'I.1', maxPoints: 0 });
    expect(d.problems).toEqual([
      { a1: 'C3', message: expect.stringContaining('“tám” không phải số') },
      { a1: 'C2', message: expect.stringContaining('Nhóm I: điểm ghi 25 khác tổng điểm các tiêu chí con 20') },
    ]);
    expect(d.problems.some((p) => p.blocking)).toBe(false);
  });

  it('refuses a tab without a header it can recognise, or without rows under it, and says which column is missing', () => {
    expect(detectCriteria([['a', 'b'], ['1', 'x']]).problems).toEqual([expect.objectContaining({ blocking: true, message: expect.stringContaining('dòng tiêu đề') })]);
    const noMax = detectCriteria([['STT', 'Nội dung', 'Ghi chú'], ['1', 'x', '']]);
    expect(noMax.headerRow).toBe(1);
    expect(noMax.problems).toEqual([{ a1: 'A1', blocking: true, message: expect.stringContaining('cột điểm chuẩn') }]);
    const onlyHeader = detectCriteria([['STT', 'Nội dung', 'Điểm chuẩn']]);
    expect(onlyHeader.problems).toEqual([expect.objectContaining({ blocking: true, message: expect.stringContaining('Không có dòng tiêu chí') })]);
  });
});
