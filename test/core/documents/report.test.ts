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
      expect.stringMatching(/^Điểm xếp hạng là điểm thống nhất, hoặc điểm chấm chéo khi chưa có điểm thống nhất\. Chênh lệch là điểm tự chấm trừ điểm xếp hạng/),
      'II. KẾT QUẢ CỦA TỪNG ĐƠN VỊ',
      '1. Viện kiểm sát nhân dân tỉnh Bình Phước',
      '[table]',
      'Điểm xếp hạng: 94 (thống nhất).',
      'Xếp hạng: 1/3; xếp loại: Hoàn thành xuất sắc nhiệm vụ.',
      'Đề nghị Cờ thi đua của Viện kiểm sát nhân dân tối cao: đã đăng ký danh hiệu, xếp loại Hoàn thành xuất sắc nhiệm vụ.',
      '2. Viện kiểm sát nhân dân tỉnh Bình Thuận',
      '[table]',
      'Điểm xếp hạng: 88,25 (thống nhất).',
      'Xếp hạng: 2/3; xếp loại: Hoàn thành tốt nhiệm vụ.',
      'Đề nghị Tập thể lao động tiên tiến: đã đăng ký danh hiệu, xếp loại Hoàn thành tốt nhiệm vụ.',
      '3. Viện kiểm sát nhân dân tỉnh Bình Dương',
      '[table]',
      'Điểm xếp hạng: 78 (chấm chéo).',
      'Xếp hạng: 3/3; xếp loại: Hoàn thành tốt nhiệm vụ.',
      'Không đề nghị: Vi phạm điều kiện V.1.',
      '[table]',
    ]);
  });

  it('tabulates rank, unit, self, cross-check, final, the score that counts with its source, the gap (as the engine computed it) and classification', () => {
    expect(tables(report())[1]!.cells).toEqual([
      ['Xếp hạng', 'Đơn vị', 'Tự chấm', 'Chấm chéo', 'Thống nhất', 'Điểm xếp hạng (nguồn)', 'Chênh lệch (tự chấm − điểm xếp hạng)', 'Xếp loại'],
      ['1', 'Viện kiểm sát nhân dân tỉnh Bình Phước', '95,5', '—', '94', '94 (thống nhất)', '+1,5', 'Hoàn thành xuất sắc nhiệm vụ'],
      ['2', 'Viện kiểm sát nhân dân tỉnh Bình Thuận', '90', '—', '88,25', '88,25 (thống nhất)', '+1,75', 'Hoàn thành tốt nhiệm vụ'],
      // Ranked on its cross-check score: the gap is self minus cross-check, not "—".
      ['3', 'Viện kiểm sát nhân dân tỉnh Bình Dương', '80', '78', '—', '78 (chấm chéo)', '+2', 'Hoàn thành tốt nhiệm vụ'],
    ]);
  });

  it('prints the gap the result carries, so it equals Tổng hợp\'s', () => {
    const result = makeResult();
    result.units[0] = { ...result.units[0]!, gap: 3.5 };
    expect(tables(buildReport(makeYear(3), result, META))[1]!.cells[1]![6]).toBe('+3,5');
  });

  it('gives each unit its standard sections, bonus, deduction and total, self against the score that counts', () => {
    expect(reportUnitTable(makeYear(3), makeResult().units[1]!).cells).toEqual([
      ['Nội dung', 'Điểm chuẩn', 'Tự chấm', 'Chấm chéo', 'Thống nhất', 'Chênh lệch (tự chấm − điểm xếp hạng)'],
      ['I. Công tác chuyên môn', '60', '52', '—', '52', '0'],
      ['II. Quản lý, chỉ đạo', '40', '38', '—', '38,25', '-0,25'],
      ['Điểm cộng', '', '0', '—', '0', '0'],
      ['Điểm trừ', '', '0', '—', '-2', '+2'],
      ['Tổng cộng', '100', '90', '—', '88,25', '+1,75'],
    ]);
  });

  it('sets only the header and the total row of a unit table in bold', () => {
    expect(reportUnitTable(makeYear(3), makeResult().units[0]!).rows.map((r) => r.bold)).toEqual([true, false, false, false, false, true]);
  });

  it('shows "—" for the final column of a unit without a final score, and its gap against the cross-check', () => {
    const cells = reportUnitTable(makeYear(3), makeResult().units[2]!).cells;
    expect(cells.slice(1).map((r) => [r[3], r[4], r[5]])).toEqual([
      ['44', '—', '+1'],
      ['34', '—', '+1'],
      ['0', '—', '0'],
      ['0', '—', '0'],
      ['78', '—', '+2'],
    ]);
  });

  it('says when a rank is provisional and why, and the reason to proceed', () => {
    const result = makeResult();
    result.units[2] = { ...result.units[2]!, complete: false, provisional: true, incompleteReasons: ['chưa nộp bảng tự chấm'] };
    const lines = outline(buildReport(makeYear(3), result, META));
    expect(lines).toContain('Xếp hạng: 3/3 (tạm xếp); xếp loại: Hoàn thành tốt nhiệm vụ.');
    expect(lines).toContain('Số liệu chưa đầy đủ (chưa nộp bảng tự chấm): hạng tạm xếp.');
    expect(tables(buildReport(makeYear(3), result, META))[1]!.cells[3]![0]).toBe('3 (tạm xếp)');
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
