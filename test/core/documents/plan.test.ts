/** The plan (Kế hoạch công tác thi đua, khen thưởng): heading, movements, timetable, organisation, signature. */
import { describe, expect, it } from 'vitest';
import { buildPlan, planTimetable, type PlanMeta } from '../../../src/core/documents';
import type { Movement } from '../../../src/core/movements';
import { allStrings, makeYear, outline, tables } from './fixtures';

const MOVEMENTS: Movement[] = [
  { name: 'Đợt thi đua cao điểm chào mừng ngày thành lập Ngành', kind: 'thematic', from: '2021-04-01', to: '2021-07-26', owner: 'VKSND tỉnh Bình Dương' },
  { name: 'Phong trào thi đua thực hiện văn hóa công sở', kind: 'regular', from: null, to: null, owner: 'Các đơn vị thành viên' },
  { name: 'Đợt thi đua “Về đích sớm”', kind: 'thematic', from: '2021-09-01', to: '2021-11-30', owner: '' },
];
const META: PlanMeta = {
  number: 3,
  date: { y: 2021, m: 3, d: 5 },
  movements: MOVEMENTS,
  deadlines: { registration: '2021-03-15', selfScore: '2021-10-15', crossCheck: '2021-10-31', agreement: '2021-11-10', ballot: '2021-11-16' },
  covenantDate: { y: 2021, m: 3, d: 25 },
  midYearMeeting: { y: 2021, m: 6, d: 30, h: 8, min: 0 },
  midYearVenue: 'trực tuyến',
};
const plan = (meta: Partial<PlanMeta> = {}) => buildPlan(makeYear(3), { ...META, ...meta });
const headingText = (meta: Partial<PlanMeta> = {}) => tables(plan(meta))[0]!.cells[0]!.join('\n');

describe('buildPlan', () => {
  it('has the heading block with its KH number and the date by Decree 30, then the title', () => {
    expect(headingText()).toContain('Số: 03/KH-CTĐ9');
    expect(headingText()).toContain('Bình Dương, ngày 05 tháng 3 năm 2021');
    expect(outline(plan()).slice(1, 3)).toEqual(['KẾ HOẠCH', 'Công tác thi đua, khen thưởng năm 2021']);
    expect(plan().title).toBe('Kế hoạch công tác thi đua, khen thưởng năm 2021 - Cụm thi đua số 9');
    expect(plan().kind).toBe('plan');
  });

  it('lists regular movements first (all year), then thematic ones by start date with their dates and owners', () => {
    const o = outline(plan());
    const at = o.indexOf('II. NỘI DUNG');
    expect(o.slice(at, at + 6)).toEqual([
      'II. NỘI DUNG',
      '1. Phong trào thi đua thường xuyên',
      '- Phong trào thi đua thực hiện văn hóa công sở: thực hiện trong cả năm 2021, phụ trách: Các đơn vị thành viên.',
      '2. Phong trào thi đua theo chuyên đề, đợt thi đua ngắn hạn',
      '- Đợt thi đua cao điểm chào mừng ngày thành lập Ngành: từ ngày 01/4/2021 đến ngày 26/7/2021, phụ trách: VKSND tỉnh Bình Dương;',
      '- Đợt thi đua “Về đích sớm”: từ ngày 01/9/2021 đến ngày 30/11/2021.',
    ]);
    expect(o[at + 6]).toMatch(/^3\. Nội dung, chỉ tiêu thi đua: theo Giao ước thi đua năm 2021 .*tổng điểm chuẩn 100 điểm/);
  });

  it('tabulates the year from the deadlines and the meetings in date order, "Cụm trưởng thông báo sau" where no date is set', () => {
    expect(planTimetable(META).cells).toEqual([
      ['STT', 'Nội dung công việc', 'Thời hạn', 'Đơn vị thực hiện'],
      ['1', 'Các đơn vị đăng ký danh hiệu thi đua', '15/3/2021', 'Các đơn vị thành viên'],
      ['2', 'Hội nghị ký kết Giao ước thi đua, thông qua Kế hoạch', '25/3/2021', 'Cụm trưởng, các đơn vị thành viên'],
      ['3', 'Sơ kết công tác thi đua 6 tháng đầu năm', '30/6/2021', 'Cụm trưởng, các đơn vị thành viên'],
      ['4', 'Các đơn vị tự chấm điểm, nộp bảng tự chấm kèm giải trình, minh chứng', '15/10/2021', 'Các đơn vị thành viên'],
      ['5', 'Đoàn kiểm tra chéo kiểm tra, chấm chéo', '31/10/2021', 'Đoàn kiểm tra chéo'],
      ['6', 'Thống nhất điểm, xếp hạng các đơn vị', '10/11/2021', 'Cụm trưởng, các đơn vị thành viên'],
      ['7', 'Hội nghị tổng kết, bình xét, suy tôn; đề nghị khen thưởng', '16/11/2021', 'Cụm trưởng, các đơn vị thành viên'],
    ]);
    const bare = planTimetable({ movements: [], date: null, yearEndMeeting: { y: 2021, m: 11, d: 20, h: 8, min: 0 } }).cells.map((r) => r[2]);
    expect(bare).toEqual(['Thời hạn', ...Array(6).fill('Cụm trưởng thông báo sau'), '20/11/2021']);
    // The mid-year meeting's form follows the table.
    expect(outline(plan())).toContain('Hội nghị sơ kết công tác thi đua 6 tháng đầu năm: 08 giờ 00, ngày 30 tháng 6 năm 2021, trực tuyến.');
  });

  it('ends with the organisation (leader and deputy named), Nơi nhận and the cụm trưởng signature', () => {
    const o = outline(plan());
    const at = o.indexOf('IV. TỔ CHỨC THỰC HIỆN');
    expect(o[at + 1]).toMatch(/^1\. Viện kiểm sát nhân dân tỉnh Bình Dương \(Cụm trưởng\) chủ trì/);
    expect(o[at + 2]).toMatch(/^2\. Viện kiểm sát nhân dân tỉnh Bình Phước \(Cụm phó\)/);
    const foot = tables(plan()).at(-1)!.cells[0]!;
    expect(foot[0]).toMatch(/^Nơi nhận:/);
    expect(foot[1]).toContain('TM. CỤM THI ĐUA SỐ 9\nCỤM TRƯỞNG\nVIỆN TRƯỞNG VIỆN KIỂM SÁT NHÂN DÂN TỈNH BÌNH DƯƠNG');
    expect(foot[1]).toMatch(/Lê Thị Thu Hà$/);
  });

  it('cites no legal basis dated after the plan', () => {
    const year = makeYear(3);
    year.rules.legalBases = ['Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003', 'Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022'];
    const o = outline(buildPlan(year, META));
    expect(o).toContain('Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;');
    expect(o.some((t) => t.includes('2022'))).toBe(false);
  });

  it('a draft without date, movements or signer shows visible blanks, never undefined, null or NaN', () => {
    const year = makeYear(3);
    year.units[1]!.headName = '';
    const doc = buildPlan(year, { movements: [], date: null, draft: true });
    const text = allStrings(doc).join('\n');
    expect(text).not.toMatch(/undefined|null|NaN/);
    expect(outline(doc)).toContain('DỰ THẢO');
    expect(tables(doc)[0]!.cells[0]!.join('\n')).toContain('ngày ………… tháng ………… năm 2021');
    const o = outline(doc);
    expect(o[o.indexOf('1. Phong trào thi đua thường xuyên') + 1]).toBe('…………');
    expect(tables(doc).at(-1)!.cells[0]![1]).toMatch(/…………$/);
    expect(doc.title).toMatch(/\(DỰ THẢO\)$/);
  });

  it('a thematic movement without its dates shows the blanks; a final plan with none says "Không có."', () => {
    const doc = plan({ movements: [{ name: 'Đợt X', kind: 'thematic', from: '2021-05-01', to: null, owner: '' }], draft: true });
    expect(outline(doc)).toContain('- Đợt X: từ ngày 01/5/2021 đến ngày ………….');
    const o = outline(plan({ movements: [MOVEMENTS[1]!] }));
    expect(o[o.indexOf('2. Phong trào thi đua theo chuyên đề, đợt thi đua ngắn hạn') + 1]).toBe('Không có.');
  });

  it('keeps a hostile movement name as typed text (NFC), no markup read', () => {
    const name = '<script>alert(1)</script> =HYPERLINK("x") Phong trào';
    const doc = plan({ movements: [{ name: name.normalize('NFD'), kind: 'regular', from: null, to: null, owner: '' }] });
    expect(outline(doc).some((t) => t.startsWith(`- ${name}: `))).toBe(true);
  });
});
