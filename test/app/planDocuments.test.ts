/**
 * The plan and the báo cáo sơ kết 6 tháng made from the menu (Tạo văn bản → Kế hoạch…, Báo cáo sơ
 * kết 6 tháng) through the pushed bundle, by the cụm trưởng, who does not own the sheet: into the
 * year's Drive folder, with the PDF, versions numbered, recorded in "Văn bản"; the báo cáo sơ
 * kết refused until the round is opened; refused to a focal officer.
 */
import { describe, expect, it } from 'vitest';
import { bundleWorld } from '../helpers/menuWorld';
import { createDocumentFakes, type BlockNode, type DocumentFakes } from '../fakes/documents';
import { missingDetails } from '../../src/app/documents';
import { setupFromForm } from '../../src/app/setupForm';
import { detailsText } from '../../src/i18n/details';
import { workbookText } from '../../src/i18n/workbook';
import { CONFIG_LAYOUT } from '../../src/workbook/config';
import type { SetupForm } from '../../src/workbook/form';
import { LEADER, OWNER, focal, newWorld } from './world';

const PLAN = 'Kế hoạch công tác thi đua, khen thưởng năm 2021 - Cụm thi đua số 9';
const MID = 'Báo cáo sơ kết thi đua 6 tháng đầu năm 2021 - Cụm thi đua số 9';
const FOLDER = 'Thi đua Cụm thi đua số 9 2021';
const MID_TAB = 'Sơ kết 6 tháng';

function world() {
  let docs!: DocumentFakes;
  const { g, call } = bundleWorld({
    now: Date.UTC(2021, 5, 30, 2),
    accounts: 'consumer',
    extraGlobals: ({ env }) => {
      docs = createDocumentFakes(env);
      return { ...docs };
    },
  });
  const files = () => Object.values(docs.serialize().drive.files).filter((f) => !f.trashed);
  const folders = () => Object.values(docs.serialize().drive.folders);
  /** The saved text of a document, paragraphs and table cells one a line. */
  const text = (name: string): string => {
    const file = files().find((f) => f.name === name);
    if (!file) throw new Error(`no file ${name}`);
    const walk = (blocks: BlockNode[]): string[] => blocks.flatMap((b) =>
      b.type === 'TABLE' ? b.rows.flatMap((r) => r.cells.flatMap((c) => walk(c.children))) : [b.runs.map((x) => x.text).join('')]);
    return walk(docs.serialize().docs[file.id]!.saved.body.children).join('\n');
  };
  const lastAlert = () => g.ui.alerts[g.ui.alerts.length - 1]!.prompt;
  return { g, call, files, folders, text, lastAlert };
}

describe('the plan and the báo cáo sơ kết from the menu, as the non-owner cụm trưởng', () => {
  it('makes the plan of the sample year, final (nothing missing), with its PDF in the year folder, then a second version', () => {
    const w = world();
    expect(w.call(OWNER, 'setupSampleYear', 2021)).toMatchObject({ ok: true });
    w.call(LEADER, 'menuPlan');
    expect(w.lastAlert()).toContain('Mở tại: https://docs.google.com/document/d/');
    expect(w.lastAlert()).not.toContain('DỰ THẢO');
    const folder = w.folders().find((f) => f.name === FOLDER);
    expect(folder).toBeDefined();
    const inFolder = w.files().filter((f) => f.parents.includes(folder!.id)).map((f) => f.name);
    expect(inFolder).toEqual(expect.arrayContaining([PLAN, `${PLAN}.pdf`]));
    const t = w.text(PLAN);
    expect(t).toContain('Số:       /KH-CTĐ9');
    expect(t).toContain('Bình Dương, ngày 25 tháng 3 năm 2021');
    expect(t).toContain('II. NỘI DUNG');
    expect(t).toMatch(/Đợt thi đua cao điểm lập thành tích chào mừng kỷ niệm 61 năm .*: từ ngày 01\/4\/2021 đến ngày 26\/7\/2021, phụ trách: Viện kiểm sát nhân dân tỉnh Bình Dương \(Cụm trưởng\);/);
    expect(t).toContain('Hội nghị sơ kết công tác thi đua 6 tháng đầu năm: 08 giờ 00, ngày 30 tháng 6 năm 2021, trực tuyến, điểm cầu chính tại Viện kiểm sát nhân dân tỉnh Bình Dương.');
    expect(t).toContain('15/10/2021');
    expect(t).not.toMatch(/undefined|null|NaN|…………/);
    w.call(LEADER, 'menuPlan');
    expect(w.files().map((f) => f.name)).toContain(`${PLAN} (bản 2)`);
    const listed = w.g.peek('Văn bản').map((r) => r[1]);
    expect(listed.filter((k) => k === 'Kế hoạch công tác thi đua, khen thưởng')).toHaveLength(2);
  });

  it('refuses the báo cáo sơ kết before the round is opened, then makes it from the round with the provisional note, practices and tasks', () => {
    const w = world();
    expect(w.call(OWNER, 'setupSampleYear', 2021)).toMatchObject({ ok: true });
    const before = w.files().length;
    w.call(LEADER, 'menuMidYearReport');
    expect(w.lastAlert()).toContain('đợt sơ kết chưa được mở');
    expect(w.files()).toHaveLength(before);

    expect(w.call(LEADER, 'openMidYear')).toMatchObject({ ok: true });
    const grid = w.g.peek(MID_TAB);
    const header = grid[2]!;
    const col = header.indexOf('Tây Ninh') + 1;
    const row = grid.findIndex((r) => r[1] === 'Cách làm hay, mô hình mới') + 1;
    expect(col).toBeGreaterThan(0);
    expect(row).toBeGreaterThan(0);
    const cell = `${String.fromCharCode(64 + col)}${row}`;
    expect(w.g.userEdit(focal('Tây Ninh'), MID_TAB, cell, 'Tổ chức “Ngày thứ Bảy tình nguyện” tiếp công dân')).toMatchObject({ ok: true });

    w.call(LEADER, 'menuMidYearReport');
    expect(w.lastAlert()).toContain('Mở tại: https://docs.google.com/document/d/');
    const names = w.files().map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining([MID, `${MID}.pdf`]));
    const t = w.text(MID);
    expect(t).toContain('Số:       /BC-CTĐ9');
    expect(t).toContain('Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2021');
    expect(t).toContain('Đợt sơ kết chưa khóa');
    expect(t).toContain('Viện kiểm sát nhân dân tỉnh Tây Ninh: Tổ chức “Ngày thứ Bảy tình nguyện” tiếp công dân');
    expect(t).toContain('III. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2021');
    expect(t).toContain('1. Tiếp tục thực hiện các phong trào thi đua thường xuyên');
    expect(t).toContain('Chưa xếp');
    expect(t).not.toMatch(/undefined|null|NaN/);
    expect(w.g.peek('Văn bản').some((r) => r[1] === 'Báo cáo sơ kết 6 tháng' && r[3] === MID)).toBe(true);
  });

  it('refuses both to a focal officer, and makes no file', () => {
    const w = world();
    expect(w.call(OWNER, 'setupSampleYear', 2021)).toMatchObject({ ok: true });
    w.call(focal('Tây Ninh'), 'menuPlan');
    expect(w.lastAlert()).toMatch(/cụm trưởng/i);
    w.call(focal('Tây Ninh'), 'menuMidYearReport');
    expect(w.lastAlert()).toMatch(/cụm trưởng/i);
    expect(w.files().filter((f) => f.name.startsWith('Kế hoạch') || f.name.startsWith('Báo cáo sơ kết'))).toEqual([]);
  });
});

describe('what the plan and the báo cáo sơ kết lack, located in Cấu hình', () => {
  it('names the plan date, the empty Phong trào block, a thematic movement without dates and the task rows by their cells; typed in, they are gone', () => {
    const g = newWorld();
    const form: SetupForm = {
      clusterName: 'Cụm thi đua số 4', year: 2025, leader: 'Phú Thọ', deputy: 'Bắc Giang', crossCheckTeam: [], criteria: 'sample',
      units: [
        { shortName: 'Phú Thọ', name: 'Viện kiểm sát nhân dân tỉnh Phú Thọ', emails: ['vp@phutho.example.com'] },
        { shortName: 'Bắc Giang', name: 'Viện kiểm sát nhân dân tỉnh Bắc Giang', emails: ['vp@bacgiang.example.com'] },
      ],
    };
    expect(g.asUser(OWNER, () => setupFromForm(form)).ok).toBe(true);
    const M = detailsText.missing;
    const gaps = (kind: 'plan' | 'midYearReport') => g.asUser(OWNER, () => missingDetails(kind)).missing.map((p) => [p.a1, p.message]);
    const config = g.peek(workbookText.tabs.config);
    const rowOf = (label: string) => config.findIndex((r) => r[0] === label) + 1;
    const first = CONFIG_LAYOUT.firstRow;
    const planGaps = gaps('plan');
    expect(planGaps).toEqual(expect.arrayContaining([
      [`B${rowOf(detailsText.labels.planDate)}`, M.planDate],
      [`AF${first}`, M.movements],
    ]));
    expect(gaps('midYearReport')).toEqual(expect.arrayContaining([[`B${rowOf(detailsText.task(1))}`, M.tasks]]));

    // The clerk types the plan date, one thematic movement without its end, and a task.
    expect(g.userEdit(OWNER, workbookText.tabs.config, `B${rowOf(detailsText.labels.planDate)}`, '05/3/2025')).toMatchObject({ ok: true });
    expect(g.userEdit(OWNER, workbookText.tabs.config, `AF${first}:AH${first}`, [['Đợt thi đua 100 ngày', 'Chuyên đề', '01/4/2025']])).toMatchObject({ ok: true });
    expect(g.userEdit(OWNER, workbookText.tabs.config, `B${rowOf(detailsText.task(1))}`, 'Tập trung các chỉ tiêu còn thấp')).toMatchObject({ ok: true });
    const after = gaps('plan');
    expect(after).toContainEqual([`AH${first}`, M.movementDates('Đợt thi đua 100 ngày')]);
    expect(after.map((x) => x[1])).not.toContain(M.planDate);
    expect(after.map((x) => x[1])).not.toContain(M.movements);
    expect(gaps('midYearReport').map((x) => x[1])).not.toContain(M.tasks);
  });
});
