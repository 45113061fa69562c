/**
 * Trao đổi dữ liệu, đôn đốc in the built sidebar, in real Chromium, against canned answers: the
 * deadlines in Tình hình, the reminder's mailto: link, the results download, the criteria preview
 * then import, as a person clicks them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DONE, focalStatus, leaderStatus, notSetUpStatus, problems, results, UNITS } from './fixtures';
import { eventually, launch, openSidebar, type Responses, serveSidebar } from './harness';

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  browser = await launch();
  server = await serveSidebar();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function statusWithDeadlines() {
  const s = leaderStatus();
  const units: Record<string, unknown> = {};
  UNITS.forEach((u, i) => {
    units[u] = { registration: { state: 'noDeadline' }, selfScore: i === 0 ? { state: 'done', lateDays: 0 } : { state: 'late', lateDays: 5 } };
  });
  return { ...s, deadlines: { today: '2021-11-20', steps: [{ step: 'selfScore', label: 'Nộp bảng tự chấm', day: '2021-11-15' }, { step: 'ballot', label: 'Bình xét, suy tôn', day: '2021-11-30' }], units } };
}

const HREF = 'mailto:vanphong.tayninh@example.com,vanphong.dongnai@example.com?subject=%C4%90%C3%B4n%20%C4%91%E1%BB%91c&body=K%C3%ADnh%20g%E1%BB%ADi';

function responses(): Responses {
  return {
    getStatus: { result: statusWithDeadlines() },
    getResults: { result: results() },
    getProblems: { result: problems() },
    listDocuments: { result: { ...DONE, documents: [] } },
    prepareReminder: { result: { ok: true, message: 'Đã soạn thư nhắc 2 đơn vị chưa nộp.', problems: [], href: HREF, to: [], subject: '', body: '', units: [], missing: [] } },
    exportResults: { result: { ok: true, message: 'Đã xuất kết quả của 6 đơn vị.', problems: [], json: '{"schema":"thidua.ketqua"}', csv: 'cluster,year\r\nCụm thi đua số 9,2021\r\n', fileNames: { json: 'ket-qua-thi-dua-2021-Cum.json', csv: 'ket-qua-thi-dua-2021-Cum.csv' } } },
    importableSheets: { result: { ok: true, sheets: ['Bảng 2020'] } },
    previewCriteriaImport: { result: { ok: true, sheet: 'Bảng 2020', headerRow: 4, letters: { code: 'B', content: 'C', max: 'A' }, rowCount: 7, rows: [{ code: 'I', content: 'Công tác chuyên môn', maxPoints: 0, kind: 'group', sourceRow: 5 }], newCount: 7, keptCount: 0, problems: [], blocked: false } },
    importCriteria: { result: { ok: true, message: 'Đã nhập 7 tiêu chí mới từ trang “Bảng 2020” vào trang Tiêu chí.', problems: [] } },
  };
}

describe('deadlines and exchange in the sidebar', () => {
  it('shows the steps’ dates and each unit on time or late in Tình hình', async () => {
    const { page } = await openSidebar(browser, server.url, responses());
    await eventually(() => page.locator('.deadlines').textContent()).toContain('Nộp bảng tự chấm: 15/11/2021 — đã qua 5 ngày');
    expect(await page.locator('.deadlines').textContent()).toContain('Bình xét, suy tôn: 30/11/2021 — còn 10 ngày');
    expect(await page.locator(`li[data-unit="${UNITS[0]}"] .deadline`).textContent()).toBe('đúng hạn');
    expect(await page.locator(`li[data-unit="${UNITS[1]}"] .deadline`).textContent()).toBe('trễ 5 ngày');
    await page.context().close();
  });

  it('prepares the reminder and gives a mailto: link that opens outside the sidebar', async () => {
    const o = await openSidebar(browser, server.url, responses());
    const { page } = o;
    await page.getByRole('tab', { name: 'Thao tác' }).click();
    await page.getByRole('button', { name: 'Nhắc các đơn vị chưa nộp' }).click();
    const link = page.getByRole('link', { name: 'Mở thư nhắc' });
    await eventually(() => link.count()).toBe(1);
    expect(await link.getAttribute('href')).toBe(HREF);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect((await o.calls()).map((c) => c.fn)).toContain('prepareReminder');
    await page.context().close();
  });

  it('offers Tổng hợp toàn ngành to the cụm trưởng and in a sheet with no year, not to a focal officer (the server refuses them too)', async () => {
    const check = async (status: unknown, disabled: boolean, why = '') => {
      const { page } = await openSidebar(browser, server.url, { ...responses(), getStatus: { result: status } });
      await page.getByRole('tab', { name: 'Thao tác' }).click();
      const b = page.getByRole('button', { name: 'Tổng hợp toàn ngành' });
      // Once the status has loaded the button settles (while loading, a status-bound button waits).
      await eventually(() => b.isDisabled()).toBe(disabled);
      if (why) expect(await page.locator(`#${await b.getAttribute('aria-describedby')}`).textContent()).toBe(why);
      await page.context().close();
    };
    await check(leaderStatus(), false);
    await check(notSetUpStatus(), false);
    await check(focalStatus(), true, 'Chỉ cụm trưởng (hoặc chủ sở hữu bảng tính) làm được việc này');
  });

  it('downloads the results as CSV, with a BOM for Excel', async () => {
    const { page } = await openSidebar(browser, server.url, responses());
    await page.getByRole('tab', { name: 'Thao tác' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải kết quả (CSV, mở bằng Excel)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ket-qua-thi-dua-2021-Cum.csv');
    const path = await download.path();
    const bytes = (await import('node:fs')).readFileSync(path);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString('utf8')).toContain('Cụm thi đua số 9,2021');
    await page.context().close();
  });

  it('lists the tabs, previews what it detected, then imports on confirm', async () => {
    const o = await openSidebar(browser, server.url, responses());
    const { page } = o;
    await page.getByRole('tab', { name: 'Thao tác' }).click();
    const select = page.getByLabel('Trang nguồn');
    await select.focus();
    await eventually(() => select.locator('option').count()).toBe(2);
    await select.selectOption('Bảng 2020');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await eventually(() => page.locator('.preview').textContent()).toContain('mã ở cột B, nội dung ở cột C, điểm chuẩn ở cột A (dòng tiêu đề 4)');
    await page.getByRole('button', { name: 'Nhập bảng tiêu chí từ trang…' }).click();
    await eventually(() => page.getByText('Đã nhập 7 tiêu chí mới').count()).toBe(1);
    const calls = (await o.calls()).filter((c) => c.fn === 'previewCriteriaImport' || c.fn === 'importCriteria');
    expect(calls).toEqual([{ fn: 'previewCriteriaImport', args: ['Bảng 2020'] }, { fn: 'importCriteria', args: ['Bảng 2020'] }]);
    await page.context().close();
  });
});
