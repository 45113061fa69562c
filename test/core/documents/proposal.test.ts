import { describe, expect, it } from 'vitest';
import { buildProposal, type ProposalMeta } from '../../../src/core/documents';
import { makeResult, makeYear, outline, paragraphStarting, tables } from './fixtures';

const META: ProposalMeta = {
  number: 5,
  date: { y: 2021, m: 11, d: 20 },
  councilName: 'Hội đồng Thi đua – Khen thưởng ngành Kiểm sát nhân dân',
};
const proposal = (meta: Partial<ProposalMeta> = {}) => buildProposal(makeYear(3), makeResult(), { ...META, ...meta });

describe('buildProposal', () => {
  it('runs heading, title, addressee, legal bases, request, table, attachments, closing and foot', () => {
    expect(outline(proposal())).toEqual([
      '[table]',
      'TỜ TRÌNH',
      'Về việc đề nghị khen thưởng thi đua năm 2021',
      'Kính gửi: Hội đồng Thi đua – Khen thưởng ngành Kiểm sát nhân dân',
      // The Law "ngày 15 tháng 6 năm 2022" post-dates this 2021 proposal: not cited.
      'Căn cứ Thông tư số 02/2024/TT-VKSTC;',
      'Căn cứ kết quả chấm điểm, xếp hạng và kết quả bình xét, suy tôn tại Hội nghị tổng kết công tác thi đua năm 2021, Cụm thi đua số 9 kính đề nghị Hội đồng Thi đua – Khen thưởng ngành Kiểm sát nhân dân xem xét, tặng danh hiệu thi đua cho các tập thể sau:',
      '[table]',
      '(Kèm theo Biên bản họp bình xét, suy tôn và Báo cáo kết quả chấm điểm, xếp hạng thi đua năm 2021.)',
      'Cụm thi đua số 9 kính trình Hội đồng Thi đua – Khen thưởng ngành Kiểm sát nhân dân xem xét, quyết định./.',
      '[table]',
    ]);
  });

  it('centres the addressee line', () => {
    expect(paragraphStarting(proposal(), 'Kính gửi:').format.align).toBe('center');
  });

  it('sets the legal bases upright, unlike the covenant', () => {
    expect(paragraphStarting(proposal(), 'Căn cứ Thông tư').runs[0]!.italic).toBe(false);
  });

  it('tabulates the proposed units with title, self, cross-check and final scores, the score that counts with its source, rank and ballot result', () => {
    expect(tables(proposal())[1]!.cells).toEqual([
      ['STT', 'Đơn vị', 'Danh hiệu đề nghị', 'Tự chấm', 'Chấm chéo', 'Thống nhất', 'Điểm xếp hạng (nguồn)', 'Xếp hạng', 'Kết quả bỏ phiếu'],
      ['1', 'Viện kiểm sát nhân dân tỉnh Bình Phước', 'Cờ thi đua của Viện kiểm sát nhân dân tối cao', '95,5', '—', '94', '94 (thống nhất)', '1', '3/3 phiếu (100%)'],
      ['2', 'Viện kiểm sát nhân dân tỉnh Bình Thuận', 'Tập thể lao động tiên tiến', '90', '—', '88,25', '88,25 (thống nhất)', '2', 'Không bỏ phiếu'],
    ]);
  });

  it('says under the table which proposed unit is proposed on incomplete figures, and the reason recorded', () => {
    const result = makeResult();
    result.units[1] = { ...result.units[1]!, complete: false, incompleteReasons: ['chưa nộp bảng tự chấm'], proceedReason: 'Đã nhận bản giấy có chữ ký' };
    expect(outline(buildProposal(makeYear(3), result, META))).toContain(
      '- Viện kiểm sát nhân dân tỉnh Bình Thuận: số liệu chưa đầy đủ (chưa nộp bảng tự chấm); cụm trưởng cho xét tiếp với lý do: Đã nhận bản giấy có chữ ký.',
    );
  });

  it('counts votes against valid ballots when the rules say so', () => {
    const year = makeYear(3);
    year.rules.ballotBase = 'valid';
    const result = makeResult();
    result.ballots[0] = { ...result.ballots[0]!, valid: 2, invalid: 1 };
    expect(tables(buildProposal(year, result, META))[1]!.cells[1]![8]).toBe('3/2 phiếu (100%)');
  });

  it('leaves out units whose title still awaits its ballot', () => {
    const result = makeResult();
    result.units[0]!.proposedTitle = { titleId: 'co', name: 'Cờ thi đua của Viện kiểm sát nhân dân tối cao', status: 'awaitingBallot' };
    expect(tables(buildProposal(makeYear(3), result, META))[1]!.cells.map((r) => r[1])).toEqual(['Đơn vị', 'Viện kiểm sát nhân dân tỉnh Bình Thuận']);
  });

  it('says so instead of a table when no unit is proposed', () => {
    const result = makeResult();
    for (const u of result.units) u.proposedTitle = null;
    const doc = buildProposal(makeYear(3), result, META);
    expect(outline(doc)).toContain('Năm 2021, Cụm thi đua số 9 không có tập thể đủ điều kiện đề nghị khen thưởng.');
    expect(tables(doc)).toHaveLength(2);
  });

  it('addresses the council in general when none is named', () => {
    expect(outline(proposal({ councilName: undefined }))).toContain('Kính gửi: Hội đồng Thi đua – Khen thưởng');
  });

  it('lists "Như trên" first among the recipients and signs on behalf of the cluster', () => {
    expect(tables(proposal()).at(-1)!.cells[0]![0]).toBe('Nơi nhận:\n- Như trên;\n- Các đơn vị thành viên Cụm;\n- Lưu: VT.');
    expect(tables(proposal()).at(-1)!.cells[0]![1]!.split('\n')[0]).toBe('TM. CỤM THI ĐUA SỐ 9');
  });

  it('numbers the proposal with the symbol TTr', () => {
    expect(tables(proposal())[0]!.cells[0]![0]).toBe('CỤM THI ĐUA SỐ 9\n\nSố: 05/TTr-CTĐ9');
  });
});
