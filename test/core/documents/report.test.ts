import { describe, expect, it } from 'vitest';
import { buildReport, reportUnitTable, type Paragraph, type ReportMeta } from '../../../src/core/documents';
import { makeResult, makeYear, outline, tables, textOf } from './fixtures';

const META: ReportMeta = { number: 12, date: { y: 2021, m: 11, d: 18 } };
const report = (meta: Partial<ReportMeta> = {}) => buildReport(makeYear(3), makeResult(), { ...META, ...meta });

describe('buildReport', () => {
  it('runs heading, title, introduction, overview, then per unit its heading, table and findings, then the foot', () => {
    expect(outline(report())).toEqual([
      '[table]',
      'BÁO CÁO',
      'Kết quả chấm điểm, xếp hạng thi đua năm 2021',
      expect.stringMatching(/^Thực hiện Giao ước thi đua năm 2021/),
      'I. KẾT QUẢ CHUNG',
      '[table]',
      expect.stringMatching(/^Chênh lệch là điểm tự chấm trừ điểm thống nhất/),
      'II. KẾT QUẢ CỦA TỪNG ĐƠN VỊ',
      '1. Viện kiểm sát nhân dân tỉnh Bình Phước',
      '[table]',
      'Xếp hạng: 1/3; xếp loại: Hoàn thành xuất sắc nhiệm vụ.',
      'Đủ điều kiện xét danh hiệu thi đua.',
      'Danh hiệu đề nghị: Cờ thi đua của Viện kiểm sát nhân dân tối cao.',
      '2. Viện kiểm sát nhân dân tỉnh Bình Thuận',
      '[table]',
      'Xếp hạng: 2/3; xếp loại: Hoàn thành tốt nhiệm vụ.',
      'Đủ điều kiện xét danh hiệu thi đua.',
      'Danh hiệu đề nghị: Tập thể lao động tiên tiến.',
      '3. Viện kiểm sát nhân dân tỉnh Bình Dương',
      '[table]',
      'Xếp hạng: 3/3; xếp loại: Hoàn thành tốt nhiệm vụ.',
      'Không đủ điều kiện xét danh hiệu thi đua: Vi phạm điều kiện V.1.',
      '[table]',
    ]);
  });

  it('tabulates rank, unit, self, final, the gap and classification', () => {
    expect(tables(report())[1]!.cells).toEqual([
      ['Xếp hạng', 'Đơn vị', 'Tự chấm', 'Thống nhất', 'Chênh lệch', 'Xếp loại'],
      ['1', 'Viện kiểm sát nhân dân tỉnh Bình Phước', '95,5', '94', '+1,5', 'Hoàn thành xuất sắc nhiệm vụ'],
      ['2', 'Viện kiểm sát nhân dân tỉnh Bình Thuận', '90', '88,25', '+1,75', 'Hoàn thành tốt nhiệm vụ'],
      ['3', 'Viện kiểm sát nhân dân tỉnh Bình Dương', '80', '—', '—', 'Hoàn thành tốt nhiệm vụ'],
    ]);
  });

  it('gives each unit its standard sections, bonus, deduction and total, self against final', () => {
    expect(reportUnitTable(makeYear(3), makeResult().units[1]!).cells).toEqual([
      ['Nội dung', 'Điểm chuẩn', 'Tự chấm', 'Thống nhất', 'Chênh lệch'],
      ['I. Công tác chuyên môn', '60', '52', '52', '0'],
      ['II. Quản lý, chỉ đạo', '40', '38', '38,25', '-0,25'],
      ['Điểm cộng', '', '0', '0', '0'],
      ['Điểm trừ', '', '0', '-2', '+2'],
      ['Tổng cộng', '100', '90', '88,25', '+1,75'],
    ]);
  });

  it('sets only the header and the total row of a unit table in bold', () => {
    expect(reportUnitTable(makeYear(3), makeResult().units[0]!).rows.map((r) => r.bold)).toEqual([true, false, false, false, false, true]);
  });

  it('shows "—" for the final column of a unit without a final score', () => {
    const cells = reportUnitTable(makeYear(3), makeResult().units[2]!).cells;
    expect(cells.slice(1).map((r) => [r[3], r[4]])).toEqual([
      ['—', '—'],
      ['—', '—'],
      ['—', '—'],
      ['—', '—'],
      ['—', '—'],
    ]);
  });

  it('ends with "Nơi nhận:" in 12 pt bold italics over an 11 pt list, beside the signature', () => {
    const foot = tables(report()).at(-1)!;
    const left = foot.rich['0:0'] as Paragraph[];
    expect(left.map((p) => [textOf(p), p.runs[0]!.sizePt, p.runs[0]!.bold, p.runs[0]!.italic])).toEqual([
      ['Nơi nhận:', 12, true, true],
      ['- Hội đồng Thi đua – Khen thưởng (để báo cáo);', 11, false, false],
      ['- Các đơn vị thành viên Cụm;', 11, false, false],
      ['- Lưu: VT.', 11, false, false],
    ]);
    expect(left.every((p) => p.format.align === 'left')).toBe(true);
  });

  it('signs on behalf of the cluster as its leader, by default the leader unit head', () => {
    const foot = tables(report()).at(-1)!;
    expect(foot.cells[0]![1]).toBe(
      'TM. CỤM THI ĐUA SỐ 9\nCỤM TRƯỞNG\nVIỆN TRƯỞNG VIỆN KIỂM SÁT NHÂN DÂN TỈNH BÌNH DƯƠNG\n\n\n\n\nLê Thị Thu Hà',
    );
    const right = foot.rich['0:1'] as Paragraph[];
    expect(right.filter((p) => textOf(p) !== '').every((p) => p.runs[0]!.bold)).toBe(true);
  });

  it('uses the given signer and recipients', () => {
    const foot = tables(report({ signer: { authority: 'KT. Cụm trưởng', titles: ['Cụm phó'], name: 'Nguyễn Hoàng Long' }, recipients: ['- Như trên;'] })).at(-1)!;
    expect(foot.cells[0]).toEqual(['Nơi nhận:\n- Như trên.', 'KT. CỤM TRƯỞNG\nCỤM PHÓ\n\n\n\n\nNguyễn Hoàng Long']);
  });
});
