import { describe, expect, it } from 'vitest';
import { buildMinutes, type MinutesMeta, type Paragraph } from '../../../src/core/documents';
import { makeResult, makeYear, outline, tables, textOf } from './fixtures';

const META: MinutesMeta = {
  number: 3,
  date: { y: 2021, m: 11, d: 16 },
  start: { y: 2021, m: 11, d: 16, h: 8, min: 0 },
  end: { y: 2021, m: 11, d: 16, h: 11, min: 30 },
  venue: 'Hội trường Viện kiểm sát nhân dân tỉnh Bình Dương',
  chair: { name: 'Lê Thị Thu Hà', title: 'Viện trưởng Viện kiểm sát nhân dân tỉnh Bình Dương' },
  secretary: { name: 'Ngô Văn Sơn' },
  attendees: ['Đồng chí Trần Minh Khoa', 'Đồng chí Phạm Quốc Bảo'],
};

const minutes = (meta: Partial<MinutesMeta> = {}) => buildMinutes(makeYear(3), makeResult(), { ...META, ...meta });

describe('buildMinutes', () => {
  it('runs heading, title, meeting facts, scores, ballots, conclusion and signatures in order', () => {
    expect(outline(minutes())).toEqual([
      '[table]',
      'BIÊN BẢN',
      'Họp bình xét, suy tôn thi đua năm 2021',
      'Thời gian: 08 giờ 00, ngày 16 tháng 11 năm 2021.',
      'Địa điểm: Hội trường Viện kiểm sát nhân dân tỉnh Bình Dương.',
      'Chủ trì: Lê Thị Thu Hà, Viện trưởng Viện kiểm sát nhân dân tỉnh Bình Dương.',
      'Thư ký: Ngô Văn Sơn.',
      'Thành phần tham dự:',
      '- Đồng chí Trần Minh Khoa;',
      '- Đồng chí Phạm Quốc Bảo.',
      'I. KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG',
      'Hội nghị đã xem xét, thống nhất kết quả chấm điểm, xếp hạng của 03 đơn vị như sau:',
      '[table]',
      'Điểm xếp hạng là điểm thống nhất; đơn vị chưa có điểm thống nhất được xếp theo điểm chấm chéo, chưa có điểm chấm chéo thì theo điểm tự chấm.',
      'II. KẾT QUẢ BỎ PHIẾU BÌNH XÉT, SUY TÔN',
      '1. Cờ thi đua của Viện kiểm sát nhân dân tối cao: số phiếu phát ra: 3; số phiếu thu về: 3; số phiếu hợp lệ: 3; số phiếu không hợp lệ: 0.',
      '[table]',
      'Ngưỡng đề nghị: từ 80% số phiếu đồng ý trở lên so với tổng số phiếu phát ra.',
      'III. KẾT LUẬN',
      'Hội nghị thống nhất đề nghị khen thưởng như sau:',
      '- Cờ thi đua của Viện kiểm sát nhân dân tối cao: Viện kiểm sát nhân dân tỉnh Bình Phước.',
      '- Tập thể lao động tiên tiến: Viện kiểm sát nhân dân tỉnh Bình Thuận.',
      '- Viện kiểm sát nhân dân tỉnh Bình Dương: không đủ điều kiện xét danh hiệu thi đua (Vi phạm điều kiện V.1).',
      'Biên bản kết thúc lúc 11 giờ 30, ngày 16 tháng 11 năm 2021, đã được thông qua trước Hội nghị và các thành viên dự họp nhất trí./.',
      '[table]',
    ]);
  });

  it('numbers the minutes with the symbol BB', () => {
    expect(tables(minutes())[0]!.cells[0]![0]).toBe('CỤM THI ĐUA SỐ 9\n\nSố: 03/BB-CTĐ9');
  });

  it('tabulates rank, unit, self, cross-check, final, the score that counts with its source and classification, "—" where a phase is missing', () => {
    expect(tables(minutes())[1]!.cells).toEqual([
      ['Xếp hạng', 'Đơn vị', 'Tự chấm', 'Chấm chéo', 'Thống nhất', 'Điểm xếp hạng (nguồn)', 'Xếp loại'],
      ['1', 'Viện kiểm sát nhân dân tỉnh Bình Phước', '95,5', '—', '94', '94 (thống nhất)', 'Hoàn thành xuất sắc nhiệm vụ'],
      ['2', 'Viện kiểm sát nhân dân tỉnh Bình Thuận', '90', '—', '88,25', '88,25 (thống nhất)', 'Hoàn thành tốt nhiệm vụ'],
      ['3', 'Viện kiểm sát nhân dân tỉnh Bình Dương', '80', '78', '—', '78 (chấm chéo)', 'Hoàn thành tốt nhiệm vụ'],
    ]);
  });

  it('marks a provisional rank and says which unit is incomplete and why, or the reason to proceed', () => {
    const result = makeResult();
    result.units[2] = { ...result.units[2]!, complete: false, provisional: true, incompleteReasons: ['chưa nộp bảng tự chấm'] };
    result.units[1] = { ...result.units[1]!, complete: false, provisional: false, incompleteReasons: ['còn 2 dòng chưa chấm'], proceedReason: 'Đã nhận bản giấy' };
    const doc = buildMinutes(makeYear(3), result, META);
    expect(tables(doc)[1]!.cells.map((r) => r[0])).toEqual(['Xếp hạng', '1', '2', '3 (tạm xếp)']);
    const lines = outline(doc);
    expect(lines).toContain('- Viện kiểm sát nhân dân tỉnh Bình Thuận: số liệu chưa đầy đủ (còn 2 dòng chưa chấm); cụm trưởng cho xét tiếp với lý do: Đã nhận bản giấy;');
    expect(lines).toContain('- Viện kiểm sát nhân dân tỉnh Bình Dương: số liệu chưa đầy đủ (chưa nộp bảng tự chấm); hạng tạm xếp, chưa đề nghị danh hiệu thi đua.');
  });

  it('tabulates the votes, their % and whether each candidate met the threshold', () => {
    expect(tables(minutes())[2]!.cells).toEqual([
      ['Đơn vị', 'Số phiếu đồng ý', 'Tỷ lệ', 'Kết quả'],
      ['Viện kiểm sát nhân dân tỉnh Bình Phước', '3', '100%', 'Đạt'],
      ['Viện kiểm sát nhân dân tỉnh Bình Dương', '1', '33,33%', 'Không đạt'],
    ]);
  });

  it('says so when no ballot was held', () => {
    const result = { ...makeResult(), ballots: [] };
    expect(outline(buildMinutes(makeYear(3), result, META))).toContain('Không tổ chức bỏ phiếu.');
  });

  it('marks a title still awaiting its ballot', () => {
    const result = makeResult();
    result.units[0]!.proposedTitle = { titleId: 'co', name: 'Cờ thi đua của Viện kiểm sát nhân dân tối cao', status: 'awaitingBallot' };
    expect(outline(buildMinutes(makeYear(3), result, META))).toContain(
      '- Cờ thi đua của Viện kiểm sát nhân dân tối cao: Viện kiểm sát nhân dân tỉnh Bình Phước (chờ kết quả bỏ phiếu).',
    );
  });

  it('says so when no unit is proposed', () => {
    const result = makeResult();
    for (const u of result.units) u.proposedTitle = null;
    expect(outline(buildMinutes(makeYear(3), result, META))).toContain('Không có đơn vị đủ điều kiện đề nghị khen thưởng.');
  });

  it('closes without a time when the end is not given', () => {
    expect(outline(minutes({ end: undefined }))).toContain('Biên bản đã được thông qua trước Hội nghị và các thành viên dự họp nhất trí./.');
  });

  it('signs with the secretary on the left and the chair on the right, titles in bold caps, names in bold', () => {
    const t = tables(minutes()).at(-1)!;
    expect([t.borders, t.cells]).toEqual([false, [['THƯ KÝ\n\n\n\n\nNgô Văn Sơn', 'CHỦ TRÌ\n\n\n\n\nLê Thị Thu Hà']]]);
    const right = t.rich['0:1'] as Paragraph[];
    expect([right[0]!.runs[0]!.bold, right.at(-1)!.runs[0]!.bold, textOf(right.at(-1)!)]).toEqual([true, true, 'Lê Thị Thu Hà']);
  });

  it('lists the absent when there are any', () => {
    expect(outline(minutes({ absent: ['Viện kiểm sát nhân dân tỉnh Tây Ninh'] }))).toContain('Vắng mặt: Viện kiểm sát nhân dân tỉnh Tây Ninh.');
  });
});
