/** The báo cáo sơ kết 6 tháng, built from a MidYearReview fixture. */
import { describe, expect, it } from 'vitest';
import { buildMidYearReport, midYearTable, type MidYearReportMeta } from '../../../src/core/documents';
import type { MidYearReview, MidYearUnitResult } from '../../../src/core/midYear';
import { allStrings, makeYear, outline, tables } from './fixtures';

const CO = { titleId: 'co', titleName: 'Cờ thi đua của Viện kiểm sát nhân dân tối cao', needs: 'Hoàn thành xuất sắc nhiệm vụ' };
const TT = { titleId: 'tien-tien', titleName: 'Tập thể lao động tiên tiến', needs: 'Hoàn thành tốt nhiệm vụ' };

function unit(over: Partial<MidYearUnitResult> & Pick<MidYearUnitResult, 'unitId'>): MidYearUnitResult {
  return {
    total: 0, maxTotal: 100, percent: 0, classification: '', rank: null, unscored: 0, vetoed: false, progress: [], goodPractice: '', ...over,
  };
}

/** Bình Dương leads and is on track for the flag; Bình Thuận is short of Tiên tiến; Bình Phước left 3 rows blank. */
const REVIEW: MidYearReview = {
  state: 'closed',
  closedAt: '2021-07-02T03:00:00.000Z',
  units: [
    unit({ unitId: 'Bình Dương', total: 92.5, percent: 92.5, classification: 'Hoàn thành xuất sắc nhiệm vụ', rank: 1,
      progress: [{ ...CO, onTrack: true }], goodPractice: 'Sổ thụ lý điện tử dùng chung giữa hai cấp.' }),
    unit({ unitId: 'Bình Thuận', total: 65, percent: 65, classification: 'Hoàn thành nhiệm vụ', rank: 2, progress: [{ ...TT, onTrack: false }] }),
    unit({ unitId: 'Bình Phước', total: 40, percent: 40, classification: 'Không hoàn thành nhiệm vụ', unscored: 3, vetoed: true,
      goodPractice: 'Họp giao ban trực tuyến hằng tuần với Viện kiểm sát cấp huyện' }),
  ],
};
const META: MidYearReportMeta = {
  number: 21,
  date: { y: 2021, m: 7, d: 2 },
  tasks: ['Tập trung các chỉ tiêu còn thấp;', 'Nhân rộng cách làm hay.'],
  meeting: { y: 2021, m: 6, d: 30, h: 8, min: 0 },
  venue: 'trực tuyến',
};
const report = (review: MidYearReview = REVIEW, meta: Partial<MidYearReportMeta> = {}) => buildMidYearReport(makeYear(3), review, { ...META, ...meta });

describe('buildMidYearReport', () => {
  it('has the BC number, the Decree 30 date, the title and the meeting', () => {
    const doc = report();
    expect(tables(doc)[0]!.cells[0]!.join('\n')).toContain('Số: 21/BC-CTĐ9');
    expect(tables(doc)[0]!.cells[0]!.join('\n')).toContain('Bình Dương, ngày 02 tháng 7 năm 2021');
    expect(outline(doc).slice(1, 3)).toEqual(['BÁO CÁO', 'Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2021']);
    expect(outline(doc)).toContain('Hội nghị sơ kết: 08 giờ 00, ngày 30 tháng 6 năm 2021, trực tuyến.');
    expect(doc.title).toBe('Báo cáo sơ kết thi đua 6 tháng đầu năm 2021 - Cụm thi đua số 9');
    expect(doc.kind).toBe('midYearReport');
  });

  it('tabulates each unit: score of max, percentage, provisional classification, rank and progress against its titles', () => {
    expect(midYearTable(makeYear(3), REVIEW).cells).toEqual([
      ['STT', 'Đơn vị', 'Điểm tự chấm (tối đa 100)', 'Tỷ lệ', 'Xếp loại (tạm)', 'Thứ hạng', 'Danh hiệu đăng ký – tiến độ'],
      ['1', 'Viện kiểm sát nhân dân tỉnh Bình Dương', '92,5', '92,5%', 'Hoàn thành xuất sắc nhiệm vụ', '1', 'Cờ thi đua của Viện kiểm sát nhân dân tối cao: đang đạt'],
      ['2', 'Viện kiểm sát nhân dân tỉnh Bình Thuận', '65', '65%', 'Hoàn thành nhiệm vụ', '2', 'Tập thể lao động tiên tiến: chưa đạt, cần Hoàn thành tốt nhiệm vụ'],
      ['3', 'Viện kiểm sát nhân dân tỉnh Bình Phước', '40', '40%', 'Không hoàn thành nhiệm vụ', 'Chưa xếp', 'Chưa đăng ký'],
    ]);
  });

  it('notes a unit with blank rows and a veto, one paragraph of good practice per unit that wrote one, then the tasks', () => {
    const o = outline(report());
    expect(o).toContain('- Viện kiểm sát nhân dân tỉnh Bình Phước còn 3 tiêu chí chưa tự chấm: chưa xếp hạng.');
    expect(o.some((t) => t.startsWith('- Viện kiểm sát nhân dân tỉnh Bình Phước tự chấm “Có” ở tiêu chí điều kiện'))).toBe(true);
    const at = o.indexOf('II. CÁCH LÀM HAY, MÔ HÌNH MỚI');
    expect(o.slice(at, at + 6)).toEqual([
      'II. CÁCH LÀM HAY, MÔ HÌNH MỚI',
      '1. Viện kiểm sát nhân dân tỉnh Bình Dương: Sổ thụ lý điện tử dùng chung giữa hai cấp.',
      '2. Viện kiểm sát nhân dân tỉnh Bình Phước: Họp giao ban trực tuyến hằng tuần với Viện kiểm sát cấp huyện',
      'III. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2021',
      '1. Tập trung các chỉ tiêu còn thấp;',
      '2. Nhân rộng cách làm hay.',
    ]);
    expect(o).not.toContain('Đợt sơ kết chưa khóa: các đơn vị còn có thể sửa bảng tự chấm, số liệu dưới đây là số liệu tạm tính tại ngày lập báo cáo.');
    expect(tables(report()).at(-1)!.cells[0]![1]).toContain('TM. CỤM THI ĐUA SỐ 9\nCỤM TRƯỞNG');
  });

  it('says the figures are provisional while the round is open; a unit that typed nothing is shown as not scored', () => {
    const open: MidYearReview = { state: 'open', units: [REVIEW.units[0]!, unit({ unitId: 'Bình Thuận', unscored: 12 })] };
    const doc = report(open);
    expect(outline(doc)).toContain('Đợt sơ kết chưa khóa: các đơn vị còn có thể sửa bảng tự chấm, số liệu dưới đây là số liệu tạm tính tại ngày lập báo cáo.');
    expect(midYearTable(makeYear(3), open).cells[2]).toEqual(['2', 'Viện kiểm sát nhân dân tỉnh Bình Thuận', 'Chưa tự chấm', '—', '—', 'Chưa xếp', 'Chưa đăng ký']);
    // Units scored on different maxima (a row not assigned to one): each cell says its own.
    const mixed: MidYearReview = { state: 'open', units: [REVIEW.units[0]!, { ...REVIEW.units[1]!, maxTotal: 90, percent: 72.22 }] };
    expect(midYearTable(makeYear(3), mixed).cells.map((r) => r[2])).toEqual(['Tự chấm 6 tháng', '92,5/100', '65/90']);
    expect(outline(doc)).toContain('- Viện kiểm sát nhân dân tỉnh Bình Thuận chưa tự chấm 6 tháng đầu năm.');
  });

  it('a draft with no tasks, no practice and no date shows blanks, never undefined, null or NaN', () => {
    const bare: MidYearReview = { state: 'open', units: [unit({ unitId: 'Bình Thuận', unscored: 5 })] };
    const doc = report(bare, { tasks: [], date: null, draft: true, meeting: null });
    const text = allStrings(doc).join('\n');
    expect(text).not.toMatch(/undefined|null|NaN/);
    const o = outline(doc);
    expect(o).toContain('Chưa có đơn vị nào gửi cách làm hay, mô hình mới trong 6 tháng đầu năm.');
    expect(o[o.indexOf('III. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2021') + 1]).toBe('1. …………');
    expect(tables(doc)[0]!.cells[0]!.join('\n')).toContain('ngày ………… tháng ………… năm 2021');
    expect(o.some((t) => t.startsWith('Hội nghị sơ kết'))).toBe(false);
  });

  it('keeps a hostile good practice as typed text', () => {
    const hostile = '<img src=x onerror=alert(1)> =IMPORTXML("x")';
    const doc = report({ ...REVIEW, units: [{ ...REVIEW.units[0]!, goodPractice: hostile }] });
    expect(outline(doc)).toContain(`1. Viện kiểm sát nhân dân tỉnh Bình Dương: ${hostile}`);
  });
});
