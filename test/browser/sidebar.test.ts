/**
 * The built sidebar (dist/Sidebar.html) in real Chromium, 300 px wide, against a stub
 * google.script.run with canned answers: no workbook needed.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DONE, explain, focalStatus, leaderStatus, notSetUpStatus, problems, results, UNITS } from './fixtures';
import { eventually, launch, type Opened, openSidebar, type Responses, screenshot, serveSidebar } from './harness';

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

function leaderResponses(): Responses {
  return {
    getStatus: { result: leaderStatus() },
    getResults: { result: results() },
    getProblems: { result: problems() },
    explainUnit: { result: explain('Tây Ninh') },
    selectCell: { result: DONE },
    recompute: { result: DONE },
    listDocuments: { result: { ...DONE, documents: [] } },
  };
}

async function open(responses: Responses | null): Promise<Opened> {
  const o = await openSidebar(browser, server.url, responses);
  return o;
}

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

describe('sidebar shell', () => {
  it('shows the cluster, the year and who the user is in the header', async () => {
    const { page } = await open(leaderResponses());
    await eventually(() => page.locator('.top .cluster').textContent()).toBe('Cụm thi đua số 9 · năm 2021');
    expect(await page.locator('.top .who').textContent()).toBe('cumtruong@dongnai.example.com · Cụm trưởng · Đầu mối Đồng Nai');
    expect(await page.locator('#tab-problems .count').textContent()).toBe('3');
    expect(await page.locator('#tab-problems').getAttribute('aria-label')).toBe('Kiểm tra, 3 lỗi');
    await page.context().close();
  });

  it('moves between tabs with the arrow keys and marks the selected one', async () => {
    const { page } = await open(leaderResponses());
    await page.getByRole('tab', { name: 'Tình hình' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Kết quả' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#panel-results').isVisible()).toBe(true);
    expect(await page.locator('#panel-status').isVisible()).toBe(false);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByRole('tab', { name: 'Cài đặt' }).getAttribute('aria-selected')).toBe('true');
    await page.context().close();
  });

  it('says how to open it when google.script.run is missing', async () => {
    const { page } = await open(null);
    await eventually(() => page.getByRole('alert').textContent()).toContain('Tiện ích mở rộng › Thi đua');
    await page.context().close();
  });

  it('fits a 300 px sidebar without a horizontal scroll bar', async () => {
    const { page } = await open(leaderResponses());
    for (const name of ['Tình hình', 'Kết quả', 'Kiểm tra', 'Thao tác', 'Cài đặt']) {
      await tab(page, name);
      await page.waitForTimeout(50);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, name).toBeLessThanOrEqual(0);
    }
    await page.context().close();
  });
});

describe('Tình hình', () => {
  it('lists each unit with its fill, errors, submitted state and last edit', async () => {
    const { page } = await open(leaderResponses());
    await page.locator('.unit').first().waitFor();
    expect(await page.locator('.unit .unit-name').allTextContents()).toEqual([...UNITS]);
    const second = page.locator('.unit').nth(1);
    expect(await second.locator('.unit-meta').first().textContent()).toBe('Đã nhập 80 % (32/40 dòng) · 2 lỗi · 1 lưu ý');
    expect(await second.locator('.badge').textContent()).toBe('Chưa nộp');
    expect(await second.locator('.unit-meta.muted').textContent()).toBe('Sửa lần cuối 14 phút trước');
    const first = page.locator('.unit').first();
    expect(await first.locator('.badge').textContent()).toBe('Đã nộp');
    expect(await first.locator('.unit-meta.muted').nth(1).textContent()).toBe('Nộp 1 giờ trước bởi vanphong0@example.com');
    expect(await page.locator('.unit').nth(2).locator('.badge').textContent()).toBe('Bị trả lại');
    expect(await page.locator('.unit').nth(2).locator('.unit-returned').textContent()).toBe('Bị trả lại: Thiếu minh chứng tiêu chí I.2');
    expect(await page.locator('.unit').nth(3).locator('.unit-meta.muted').textContent()).toBe('Chưa ai nhập');
    expect(await page.locator('.unit').nth(2).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('45');
    expect(await page.locator('#panel-status .summary').textContent()).toMatch(/^2\/6 đơn vị đã nộp · .*3 lỗi$/);
    await screenshot(page, 'static-status-leader');
    await page.context().close();
  });

  it('marks the user’s own unit', async () => {
    const { page } = await open({ ...leaderResponses(), getStatus: { result: focalStatus() } });
    await page.locator('.unit.mine').waitFor();
    expect(await page.locator('.unit.mine .unit-name').textContent()).toBe('Bình Dương');
    await page.context().close();
  });

  it('offers the set-up when no year exists', async () => {
    const { page } = await open({ getStatus: { result: notSetUpStatus() } });
    await eventually(() => page.locator('#panel-status').textContent()).toContain('Chưa khởi tạo năm thi đua.');
    await page.getByRole('button', { name: 'Đến Thao tác để khởi tạo' }).click();
    expect(await page.getByRole('tab', { name: 'Thao tác' }).getAttribute('aria-selected')).toBe('true');
    await page.context().close();
  });

  it('explains a failed load in Vietnamese and retries on request', async () => {
    const { page, calls } = await open({ getStatus: [{ error: 'NetworkError when attempting to fetch resource.' }, { result: leaderStatus() }] });
    const alert = page.getByRole('alert');
    await eventually(() => alert.textContent()).toContain('Mất kết nối tới Google.');
    expect(await alert.textContent()).toContain('Kiểm tra mạng rồi bấm lại');
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await page.locator('.unit').first().waitFor();
    expect((await calls()).filter((c) => c.fn === 'getStatus')).toHaveLength(2);
    await page.context().close();
  });

  it('says when it was last brought up to date, shows an edit taken back in red on every tab, and a failed reload as such', async () => {
    const refused = {
      ...focalStatus(),
      refusals: [{ sheet: 'Bình Dương', a1: 'G12', at: '2021-11-20T03:02:00.000Z', by: 'vanphong@binhduong.example.com', value: '8,5', old: '4', reason: 'bảng tự chấm của Bình Dương đã nộp; muốn sửa, nhờ cụm trưởng trả lại hoặc mở lại bảng' }],
    };
    const o = await open({ ...leaderResponses(), getStatus: [{ result: refused }, { error: 'NetworkError when attempting to fetch resource.' }] });
    const { page } = o;
    await eventually(() => page.locator('.fresh').textContent()).toBe('Cập nhật lúc 09:30:00');
    const red = page.locator('.alerts .msg.error');
    expect(await red.textContent()).toBe('Một giá trị vừa nhập đã bị hoàn lại'
      + 'trang Bình Dương, ô G12, lúc 10:02 20/11/2021: 8,5 → trả về 4. Lý do: bảng tự chấm của Bình Dương đã nộp; muốn sửa, nhờ cụm trưởng trả lại hoặc mở lại bảng.');
    await page.getByRole('tab', { name: 'Thao tác' }).click();
    expect(await red.isVisible()).toBe(true);
    await screenshot(page, 'static-refusal-red');
    // Coming back to the panel reloads it; a failed reload keeps the view and says how old it is.
    await page.waitForTimeout(2_100);
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await eventually(() => page.locator('.fresh').textContent()).toContain('Không cập nhật được. Số liệu dưới đây là của lúc 09:30:00, có thể đã cũ.');
    expect(await page.locator('.fresh').getAttribute('class')).toBe('fresh failed');
    expect(await red.isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('Kết quả', () => {
  it('shows the ranking with self and final totals, gap, classification and title', async () => {
    const { page } = await open(leaderResponses());
    await tab(page, 'Kết quả');
    await page.locator('table.ranking').waitFor();
    const first = page.locator('tr.main').first();
    expect(await first.locator('td').allTextContents()).toEqual(['1', '98', '95,5', '+2,5']);
    expect(await page.locator('tr.sub').first().textContent()).toBe('Hoàn thành xuất sắc nhiệm vụ · 95,5 % · Cờ thi đua của VKSND tối cao (chờ bỏ phiếu)');
    expect(await page.locator('tr.sub').nth(1).textContent()).toBe('Hoàn thành xuất sắc nhiệm vụ · 91,5 % · Tập thể lao động xuất sắc');
    expect(await page.locator('tr.sub').nth(3).textContent()).toBe('Hoàn thành tốt nhiệm vụ · 83,5 % (tự chấm) · không đề nghị');
    expect(await page.locator('tr.sub').nth(5).textContent()).toContain('không đủ điều kiện');
    expect(await page.locator('tr.main td.rank').allTextContents()).toEqual(['1', '2', '2', '4', '5', '6']);
    // Self, cross-check and agreed under each unit, with the source of the score that counts; a provisional rank says so.
    expect(await page.locator('tr.scores').first().textContent()).toBe('Tự chấm 98 · chấm chéo — · thống nhất 95,5 · xếp hạng theo thống nhất');
    expect(await page.locator('tr.scores').nth(3).textContent()).toBe(
      'Tự chấm 89 · chấm chéo — · thống nhất — · xếp hạng theo tự chấm · Hạng tạm xếp: chưa đầy đủ số liệu (chưa nộp bảng tự chấm)',
    );
    expect(await page.locator('#panel-results .muted.small').first().textContent()).toBe('Tính từ số liệu trên bảng lúc 09:30 20/11/2021');
    expect(await page.locator('.ballot li').allTextContents()).toEqual(['Bình Thuận: 5 phiếu (83,33 %) · đạt']);
    await screenshot(page, 'static-results');
    await page.context().close();
  });

  it('opens the rows that gave and took points when a unit is clicked, each row going to its cell', async () => {
    const o = await open(leaderResponses());
    const { page, calls } = o;
    await tab(page, 'Kết quả');
    await page.getByRole('button', { name: 'Tây Ninh' }).click();
    await page.locator('.explain-card').waitFor();
    expect((await calls()).find((c) => c.fn === 'explainUnit')?.args).toEqual(['Tây Ninh']);
    expect(await page.locator('.explain-card h3').textContent()).toBe('Điểm của Tây Ninh');
    expect(await page.locator('.explain-card .muted.small').first().textContent()).toBe('75,5/100 điểm (75,5 %), theo thống nhất');
    expect(await page.locator('.explain-card > .err-text').textContent()).toContain('Không đủ điều kiện');
    const gave = page.locator('.explain-block').nth(0);
    expect(await gave.locator('.code').allTextContents()).toEqual(['I.1', 'IV.2', 'II.3']);
    const took = page.locator('.explain-block').nth(1);
    expect(await took.locator('.code').allTextContents()).toEqual(['VI.1', 'II.3', 'V.1']);
    expect(await took.locator('.pts').allTextContents()).toEqual(['vi phạm', '6,5/10', '−2/5']);
    expect(await took.locator('.lost').allTextContents()).toEqual([' (mất 3,5)', ' (mất 2)']);
    expect(await page.getByRole('button', { name: 'Tây Ninh' }).getAttribute('aria-expanded')).toBe('true');
    await took.locator('.row-link').nth(1).click();
    await eventually(async () => (await calls()).filter((c) => c.fn === 'selectCell').map((c) => c.args)).toEqual([['Tây Ninh', 'A15']]);
    await screenshot(page, 'static-results-explain');
    await page.context().close();
  });

  it('says there is no ranking before a year is set up', async () => {
    const { page } = await open({ ...leaderResponses(), getStatus: { result: notSetUpStatus() } });
    await tab(page, 'Kết quả');
    await eventually(() => page.locator('#panel-results').textContent()).toContain('Chưa khởi tạo năm thi đua.');
    await page.context().close();
  });
});

describe('Kiểm tra', () => {
  it('groups problems by sheet, in reading order', async () => {
    const { page } = await open(leaderResponses());
    await tab(page, 'Kiểm tra');
    await page.locator('.problem-group').first().waitFor();
    expect(await page.locator('.problem-group h3').allTextContents()).toEqual(['Bình Dương (2)', 'Cấu hình (1)', 'Tây Ninh (1)']);
    expect(await page.locator('.problem-group').first().locator('.cell').allTextContents()).toEqual(['G9', 'G12']);
    expect(await page.locator('.summary').last().textContent()).toBe('3 lỗi, 1 lưu ý');
    await screenshot(page, 'static-problems');
    await page.context().close();
  });

  it('selects the cell in the sheet when a problem is clicked', async () => {
    const { page, calls } = await open(leaderResponses());
    await tab(page, 'Kiểm tra');
    await page.getByRole('button', { name: /Chọn ô F20 trang Tây Ninh/ }).click();
    await eventually(async () => (await calls()).filter((c) => c.fn === 'selectCell').map((c) => c.args)).toEqual([['Tây Ninh', 'F20']]);
    await eventually(() => page.locator('#panel-problems [role=status]').last().textContent()).toBe('Đã chọn ô F20 trên trang “Tây Ninh”.');
    await page.context().close();
  });

  it('hides warnings when asked to show errors only', async () => {
    const { page } = await open(leaderResponses());
    await tab(page, 'Kiểm tra');
    await page.getByLabel('Chỉ hiện lỗi').check();
    expect(await page.locator('.problem').count()).toBe(3);
    expect(await page.locator('.problem-group h3').allTextContents()).not.toContain('Cấu hình (1)');
    await page.context().close();
  });

  it('says so when there is nothing to fix', async () => {
    const { page } = await open({ ...leaderResponses(), getStatus: { result: { ...leaderStatus(), problems: { errors: 0, warnings: 0 }, problemList: [] } } });
    await tab(page, 'Kiểm tra');
    await eventually(() => page.locator('#panel-problems').textContent()).toContain('Không có lỗi nào');
    await page.context().close();
  });
});

describe('Thao tác', () => {
  it('disables what a focal officer may not do and shows why', async () => {
    const { page } = await open({ ...leaderResponses(), getStatus: { result: focalStatus() } });
    await tab(page, 'Thao tác');
    const recompute = page.getByRole('button', { name: 'Tính điểm & xếp hạng' });
    await eventually(() => recompute.isDisabled()).toBe(true);
    const reasonId = await recompute.getAttribute('aria-describedby');
    expect(await page.locator(`#${reasonId}`).textContent()).toBe('Chỉ cụm trưởng (hoặc chủ sở hữu bảng tính) làm được việc này');
    expect(await page.locator(`#${reasonId}`).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Chốt kết quả…' }).isDisabled()).toBe(true);
    // The set-up is folded away once a year exists; opened, it is disabled with its reason.
    await page.getByText('Khởi tạo năm thi đua', { exact: true }).click();
    expect(await page.getByRole('button', { name: 'Khởi tạo theo trang Cấu hình' }).isDisabled()).toBe(true);
    // Own unit preselected: may submit; another unit: refused with the reason.
    const submit = page.getByRole('button', { name: 'Nộp bảng tự chấm' });
    expect(await page.getByRole('region', { name: 'Nộp / trả lại bảng tự chấm' }).getByLabel('Đơn vị', { exact: true }).inputValue()).toBe('Bình Dương');
    expect(await submit.isDisabled()).toBe(false);
    await page.getByRole('region', { name: 'Nộp / trả lại bảng tự chấm' }).getByLabel('Đơn vị', { exact: true }).selectOption('Tây Ninh');
    expect(await submit.isDisabled()).toBe(true);
    expect(await page.locator(`#${await submit.getAttribute('aria-describedby')}`).textContent()).toBe('Chỉ đầu mối của đơn vị "Tây Ninh" hoặc cụm trưởng nộp được bảng này');
    const covenant = page.getByRole('button', { name: 'Giao ước thi đua' });
    expect(await covenant.isDisabled()).toBe(true);
    // The reason is the server's (getStatus can.generateDocument), shown as sent.
    expect(await page.locator(`#${await covenant.getAttribute('aria-describedby')}`).textContent()).toBe('Chỉ cụm trưởng (hoặc chủ sở hữu bảng tính) làm được việc này');
    // Fields of refused actions are greyed out too, not left open for typing in vain.
    expect(await page.getByLabel('Số phiếu phát ra').isDisabled()).toBe(true);
    expect(await page.getByLabel('Lý do trả lại').isDisabled()).toBe(true);
    await screenshot(page, 'static-actions-focal');
    await page.context().close();
  });

  it('runs recompute as steps, with every action disabled until it ends', async () => {
    const o = await open(leaderResponses());
    const { page } = o;
    await tab(page, 'Thao tác');
    const recompute = page.getByRole('button', { name: 'Tính điểm & xếp hạng' });
    await eventually(() => recompute.isDisabled()).toBe(false);
    await o.hold();
    await recompute.click();
    await page.locator('.step.active').waitFor();
    expect(await recompute.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Nộp bảng tự chấm' }).isDisabled()).toBe(true);
    expect(await page.locator('.step.active').textContent()).toBe('Đọc các trang đơn vị, tính điểm, ghi Tổng hợp');
    await screenshot(page, 'static-actions-running');
    await o.release();
    await eventually(() => page.locator('.progress .msg.ok').textContent()).toContain('Đã tính điểm và xếp hạng');
    expect(await page.locator('.progress .step.done').count()).toBe(3);
    await eventually(() => recompute.isDisabled()).toBe(false);
    const fns = (await o.calls()).map((c) => c.fn);
    expect(fns.slice(fns.indexOf('recompute'))).toEqual(['recompute', 'getStatus']);
    await page.getByRole('button', { name: 'Xem kết quả' }).click();
    await page.locator('table.ranking').waitFor();
    await page.context().close();
  });

  it('ends a failed action with the error in Vietnamese and what to do next', async () => {
    const o = await open({ ...leaderResponses(), recompute: { error: 'Exceeded maximum execution time' } });
    const { page } = o;
    await tab(page, 'Thao tác');
    const recompute = page.getByRole('button', { name: 'Tính điểm & xếp hạng' });
    await eventually(() => recompute.isDisabled()).toBe(false);
    await recompute.click();
    const alert = page.locator('.progress [role=alert]');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Chưa xong. Thao tác chạy quá 6 phút nên Google đã dừng lại.Cần làm: Bấm lại để chạy tiếp: phần đã xong được giữ nguyên.');
    expect(await page.locator('.progress .step.failed').count()).toBe(1);
    await eventually(() => recompute.isDisabled()).toBe(false);
    await screenshot(page, 'static-actions-error');
    await page.context().close();
  });

  it('shows a refusal with the cells to fix, each one selecting its cell', async () => {
    const refusal = {
      ok: false,
      message: 'Chưa nộp được bảng của Bình Dương: còn 2 ô cần sửa.',
      problems: [
        { sheet: 'Bình Dương', a1: 'G12', message: '"8,5a" không phải là số', severity: 'error' },
        { sheet: 'Bình Dương', a1: 'F20', message: 'Thiếu điểm tự chấm', severity: 'error' },
      ],
    };
    const o = await open({ ...leaderResponses(), getStatus: { result: focalStatus() }, submit: { result: refusal } });
    const { page } = o;
    await tab(page, 'Thao tác');
    const submit = page.getByRole('button', { name: 'Nộp bảng tự chấm' });
    await eventually(() => submit.isDisabled()).toBe(false);
    await submit.click();
    const alert = page.locator('.progress [role=alert]');
    await alert.waitFor();
    expect(await alert.locator('.msg-text').textContent()).toBe('Chưa xong. Chưa nộp được bảng của Bình Dương: còn 2 ô cần sửa.');
    expect(await alert.locator('.msg-next').textContent()).toBe('Cần làm: Bấm vào từng dòng dưới đây để đến ô cần sửa, sửa xong bấm lại.');
    expect(await page.locator('.progress .problem .cell').allTextContents()).toEqual(['trang Bình Dương, ô G12', 'trang Bình Dương, ô F20']);
    await page.locator('.progress .problem-link').nth(1).click();
    await eventually(async () => (await o.calls()).filter((c) => c.fn === 'selectCell').map((c) => c.args)).toEqual([['Bình Dương', 'F20']]);
    await eventually(() => submit.isDisabled()).toBe(false);
    await screenshot(page, 'static-actions-refused', false);
    await page.context().close();
  });

  it('lists every mistake of the new-year form without calling the server', async () => {
    const o = await open({ ...leaderResponses(), getStatus: { result: notSetUpStatus() } });
    const { page } = o;
    await tab(page, 'Thao tác');
    await page.getByText('Nhập thông tin năm mới').click();
    await page.getByLabel('Năm', { exact: true }).nth(1).fill('21');
    await page.getByLabel(/Đơn vị thành viên/).fill('Bình Dương | VKSND tỉnh Bình Dương | not-an-email\nBình Dương');
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    const errors = page.locator('.form-errors li');
    await errors.first().waitFor();
    expect(await errors.allTextContents()).toEqual([
      'Chưa nhập tên cụm.',
      'Năm “21” không hợp lệ: nhập 4 chữ số, ví dụ 2025.',
      'Dòng 1 của danh sách đơn vị: “not-an-email” không phải là e-mail',
      'Dòng 2 của danh sách đơn vị: “Bình Dương” đã có ở dòng trên',
      'Chưa chọn cụm trưởng.',
    ]);
    expect((await o.calls()).map((c) => c.fn)).toEqual(['getStatus']);
    await page.context().close();
  });

  it('sets up a new year from a good form: the server gets the parsed form, the status reloads', async () => {
    const o = await open({
      ...leaderResponses(),
      getStatus: [{ result: notSetUpStatus() }, { result: leaderStatus() }],
      setupFromForm: { result: { ok: true, message: 'Đã khởi tạo năm 2021: 2 đơn vị.', problems: [] } },
    });
    const { page } = o;
    await tab(page, 'Thao tác');
    await page.getByText('Nhập thông tin năm mới').click();
    await page.getByLabel('Tên cụm / khối thi đua').fill('Cụm thi đua số 9');
    await page.locator('input[name="year"]').fill('2021');
    await page.getByLabel(/Đơn vị thành viên/).fill('Bình Dương | VKSND tỉnh Bình Dương | a@bd.example.com, b@bd.example.com\nĐồng Nai | VKSND tỉnh Đồng Nai | c@dn.example.com');
    await page.getByLabel('Cụm trưởng').selectOption('Đồng Nai');
    await page.getByLabel('Cụm phó').selectOption('Bình Dương');
    await page.getByLabel(/Đoàn kiểm tra chéo/).fill('kt1@example.com\nkt2@example.com');
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await eventually(() => page.locator('.form-feedback .msg-text').textContent()).toBe('Thông tin hợp lệ: 2 đơn vị.');
    await screenshot(page, 'static-actions-setup-form');
    const create = page.getByRole('button', { name: 'Khởi tạo năm', exact: true });
    expect(await create.isDisabled()).toBe(false);
    await create.click();
    await eventually(async () => (await o.calls()).some((c) => c.fn === 'setupFromForm')).toBe(true);
    const call = (await o.calls()).find((c) => c.fn === 'setupFromForm')!;
    expect(call.args[0]).toEqual({
      clusterName: 'Cụm thi đua số 9',
      year: 2021,
      units: [
        { shortName: 'Bình Dương', name: 'VKSND tỉnh Bình Dương', emails: ['a@bd.example.com', 'b@bd.example.com'] },
        { shortName: 'Đồng Nai', name: 'VKSND tỉnh Đồng Nai', emails: ['c@dn.example.com'] },
      ],
      leader: 'Đồng Nai',
      deputy: 'Bình Dương',
      crossCheckTeam: ['kt1@example.com', 'kt2@example.com'],
      criteria: 'sample',
    });
    await eventually(() => page.locator('.progress .msg.ok .msg-text').first().textContent()).toBe('Đã khởi tạo năm 2021: 2 đơn vị.');
    await eventually(() => page.locator('.top .cluster').textContent()).toBe('Cụm thi đua số 9 · năm 2021');
    await page.context().close();
  });

  it('offers to go on with a set-up done in parts, and calls continueSetup', async () => {
    const partial = { ...leaderStatus(), setupProgress: { done: 200, total: 700, at: new Date().toISOString() } };
    const o = await open({
      ...leaderResponses(),
      getStatus: [{ result: partial }, { result: leaderStatus() }],
      continueSetup: { result: { ok: true, message: 'Đã khởi tạo 400/700 đơn vị.', problems: [] } },
    });
    const { page } = o;
    await tab(page, 'Thao tác');
    await eventually(() => page.getByText(/Khởi tạo đang làm dở: đã tạo 200\/700 trang đơn vị/).count()).toBe(1);
    await page.getByRole('button', { name: 'Tiếp tục khởi tạo' }).click();
    await eventually(async () => (await o.calls()).some((c) => c.fn === 'continueSetup')).toBe(true);
    await eventually(() => page.locator('.progress .msg.ok .msg-text').first().textContent()).toBe('Đã khởi tạo 400/700 đơn vị.');
    await page.context().close();
  });

  it('sets up the sample year for the year typed and reloads the status', async () => {
    const o = await open({ ...leaderResponses(), getStatus: [{ result: notSetUpStatus() }, { result: leaderStatus() }], setupSampleYear: { result: { ok: true, message: 'Đã khởi tạo năm 2021: 6 đơn vị.', problems: [] } } });
    const { page } = o;
    await tab(page, 'Thao tác');
    await page.getByLabel('Năm', { exact: true }).first().fill('2021');
    await page.getByRole('button', { name: 'Dùng năm mẫu' }).click();
    await eventually(() => page.locator('.progress .msg.ok .msg-text').first().textContent()).toBe('Đã khởi tạo năm 2021: 6 đơn vị.');
    expect((await o.calls()).find((c) => c.fn === 'setupSampleYear')?.args).toEqual([2021]);
    await eventually(() => page.locator('.top .cluster').textContent()).toBe('Cụm thi đua số 9 · năm 2021');
    await page.context().close();
  });

  it('sets up from the Cấu hình tab with no argument', async () => {
    const o = await open({ ...leaderResponses(), getStatus: { result: notSetUpStatus() }, setupYear: { result: DONE } });
    const { page } = o;
    await tab(page, 'Thao tác');
    await page.getByRole('button', { name: 'Khởi tạo theo trang Cấu hình' }).click();
    await eventually(() => page.locator('.progress .msg.ok .msg-text').first().textContent()).toContain('Đã khởi tạo năm thi đua');
    expect((await o.calls()).find((c) => c.fn === 'setupYear')?.args).toEqual([]);
    await page.context().close();
  });

  it('asks for a reason before returning a submission', async () => {
    const o = await open({ ...leaderResponses(), returnSubmission: { result: DONE } });
    const { page } = o;
    await tab(page, 'Thao tác');
    await page.getByRole('region', { name: 'Nộp / trả lại bảng tự chấm' }).getByLabel('Đơn vị', { exact: true }).selectOption('Bình Thuận');
    await page.getByRole('button', { name: 'Trả lại' }).click();
    await eventually(() => page.locator('.progress [role=alert]').textContent()).toContain('Nhập lý do trả lại');
    expect((await o.calls()).map((c) => c.fn)).not.toContain('returnSubmission');
    await page.getByLabel('Lý do trả lại').fill('Thiếu minh chứng I.2');
    await page.getByRole('button', { name: 'Trả lại' }).click();
    await eventually(async () => (await o.calls()).find((c) => c.fn === 'returnSubmission')?.args).toEqual(['Bình Thuận', 'Thiếu minh chứng I.2']);
    await page.context().close();
  });

  it('asks for confirmation in the panel before closing the year', async () => {
    const o = await open({ ...leaderResponses(), closeYear: { result: DONE } });
    const { page, dialogs } = o;
    await tab(page, 'Thao tác');
    await page.getByRole('button', { name: 'Chốt kết quả…' }).click();
    await page.getByRole('alertdialog').waitFor();
    await page.getByRole('button', { name: 'Hủy' }).click();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await page.getByRole('button', { name: 'Chốt kết quả…' }).click();
    await page.getByRole('button', { name: 'Chốt kết quả', exact: true }).click();
    await eventually(() => page.locator('.progress .msg.ok .msg-text').first().textContent()).toContain('Đã chốt kết quả năm.');
    expect((await o.calls()).filter((c) => c.fn === 'closeYear')).toHaveLength(1);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it('after closing, refuses changes with the reason and copies to a new year', async () => {
    const closedReason = 'Năm 2021 đã chốt kết quả: không sửa được nữa';
    const closed = leaderStatus();
    closed.closed = true;
    closed.can = { ...closed.can, recompute: { allowed: false, reason: closedReason }, closeYear: { allowed: false, reason: closedReason }, copyToNewYear: { allowed: true } };
    const o = await open({ ...leaderResponses(), getStatus: { result: closed }, copyToNewYear: { result: { ok: true, message: 'Đã sao tiêu chí và đơn vị năm 2021 sang năm 2022', problems: [] } } });
    const { page } = o;
    await eventually(() => page.locator('.top .closed').isVisible()).toBe(true);
    expect(await page.locator('.top .closed').textContent()).toBe('Năm đã chốt: chỉ xem');
    await tab(page, 'Thao tác');
    const close = page.getByRole('button', { name: 'Chốt kết quả…' });
    await eventually(() => close.isDisabled()).toBe(true);
    expect(await page.locator(`#${await close.getAttribute('aria-describedby')}`).textContent()).toBe(closedReason);
    await page.getByLabel('Năm mới', { exact: true }).fill('2022');
    await page.getByRole('button', { name: 'Sao sang năm mới' }).click();
    await eventually(() => page.locator('.progress .msg.ok .msg-text').first().textContent()).toBe('Đã sao tiêu chí và đơn vị năm 2021 sang năm 2022');
    expect((await o.calls()).find((c) => c.fn === 'copyToNewYear')?.args).toEqual([2022]);
    await page.context().close();
  });

  it('generates a document with its PDF and links to it', async () => {
    const made = {
      ok: true, message: 'Đã tạo "Báo cáo kết quả chấm điểm năm 2021" (kèm PDF).', problems: [], kind: 'report', name: 'Báo cáo kết quả chấm điểm năm 2021', version: 1,
      url: 'https://docs.google.com/document/d/abc/edit', pdfUrl: 'https://drive.google.com/file/d/pdf1/view', folderUrl: 'https://drive.google.com/drive/folders/f1',
    };
    const listed = { ...DONE, documents: [{ time: '20/11/2021 09:30', kind: 'Báo cáo', version: 1, name: made.name, url: made.url, pdfUrl: made.pdfUrl, user: 'cumtruong@dongnai.example.com' }] };
    const o = await open({ ...leaderResponses(), generateDocument: { result: made }, listDocuments: [{ result: { ...DONE, documents: [] } }, { result: listed }] });
    const { page } = o;
    await tab(page, 'Thao tác');
    const report = page.getByRole('button', { name: 'Báo cáo kết quả chấm điểm' });
    await eventually(() => report.isDisabled()).toBe(false);
    await report.click();
    await eventually(() => page.locator('.progress .msg.ok .msg-text').first().textContent()).toBe(made.message);
    expect((await o.calls()).find((c) => c.fn === 'generateDocument')?.args).toEqual(['report', { pdf: true }]);
    const links = page.locator('.doc-links a');
    expect(await links.allTextContents()).toEqual(['Mở văn bản', 'PDF', 'Thư mục']);
    expect(await links.first().getAttribute('href')).toBe(made.url);
    expect(await links.first().getAttribute('target')).toBe('_blank');
    await eventually(() => page.locator('.doc-list li').allTextContents()).toEqual([`${made.name} · 20/11/2021 09:30 · PDF`]);
    await screenshot(page, 'static-actions-document', false);
    await page.context().close();
  });

  it('lists what a document lacks before generating it, each line going to its cell, and makes a draft when asked', async () => {
    const missing = [
      { sheet: 'Cấu hình', a1: 'B22', message: 'Chưa có thời gian họp bình xét', severity: 'warning' },
      { sheet: 'Cấu hình', a1: 'B25', message: 'Chưa có tên thư ký cuộc họp', severity: 'warning' },
    ];
    const made = {
      ok: true, message: 'Đã tạo văn bản "Biên bản (DỰ THẢO)".', problems: [], kind: 'minutes', name: 'Biên bản (DỰ THẢO)', version: 1,
      url: 'https://docs.google.com/document/d/m1/edit', pdfUrl: null, folderUrl: 'https://drive.google.com/drive/folders/f1', draft: true, missing,
    };
    const o = await open({
      ...leaderResponses(), missingDetails: { result: { ...DONE, kind: 'minutes', missing } }, selectCell: { result: DONE },
      generateDocument: { result: made },
    });
    const { page } = o;
    await tab(page, 'Thao tác');
    const minutes = page.getByRole('button', { name: 'Biên bản họp bình xét' });
    await eventually(() => minutes.isDisabled()).toBe(false);
    await minutes.click();
    const lines = page.locator('.doc-gaps li');
    await eventually(() => lines.allTextContents()).toEqual(['Cấu hình, ô B22: Chưa có thời gian họp bình xét', 'Cấu hình, ô B25: Chưa có tên thư ký cuộc họp']);
    // Nothing generated yet: the clerk chooses.
    expect((await o.calls()).some((c) => c.fn === 'generateDocument')).toBe(false);
    await lines.nth(1).getByRole('button').click();
    await eventually(async () => (await o.calls()).find((c) => c.fn === 'selectCell')?.args).toEqual(['Cấu hình', 'B25']);
    await page.getByRole('button', { name: 'Tạo bản dự thảo' }).click();
    await eventually(async () => (await o.calls()).find((c) => c.fn === 'generateDocument')?.args).toEqual(['minutes', { pdf: true, draft: true }]);
    await eventually(() => page.locator('.progress .msg.ok .msg-text').first().textContent()).toBe(made.message);
    await page.context().close();
  });

  it('checks ballot counts before saving them', async () => {
    const o = await open({ ...leaderResponses(), saveBallot: { result: DONE } });
    const { page } = o;
    await tab(page, 'Thao tác');
    await page.getByLabel('Danh hiệu', { exact: true }).selectOption('co-thi-dua');
    await page.getByLabel('Số phiếu phát ra').fill('6');
    await page.getByLabel('Số phiếu thu về').fill('6');
    await page.getByLabel('Phiếu hợp lệ').fill('5');
    await page.getByLabel('Phiếu không hợp lệ').fill('0');
    await page.getByRole('textbox', { name: 'Đồng Nai' }).fill('5');
    await page.getByRole('button', { name: 'Lưu kết quả bỏ phiếu' }).click();
    await eventually(() => page.locator('.form-errors li').allTextContents()).toEqual(['Phiếu hợp lệ cộng không hợp lệ phải bằng số phiếu thu về.']);
    await page.getByLabel('Phiếu không hợp lệ').fill('1');
    await page.getByRole('button', { name: 'Lưu kết quả bỏ phiếu' }).click();
    await eventually(async () => (await o.calls()).find((c) => c.fn === 'saveBallot')?.args).toEqual([
      'co-thi-dua', { issued: 6, returned: 6, valid: 5, invalid: 1, votes: { 'Đồng Nai': 5 } },
    ]);
    await page.context().close();
  });
});

describe('Cài đặt', () => {
  it('points to the Cấu hình tab when the server sends no rules', async () => {
    const o = await open({ ...leaderResponses(), getStatus: { result: leaderStatus(UNITS, false) } });
    const { page } = o;
    await tab(page, 'Cài đặt');
    await eventually(() => page.locator('#panel-settings .msg-text').textContent()).toContain('nằm trong trang Cấu hình');
    await page.getByRole('button', { name: 'Mở trang Cấu hình' }).click();
    await eventually(async () => (await o.calls()).find((c) => c.fn === 'selectCell')?.args).toEqual(['Cấu hình', 'A1']);
    await page.context().close();
  });


  it('shows the bands, caps, ballot threshold, title quotas and tie-breaks', async () => {
    const o = await open(leaderResponses());
    const { page } = o;
    await tab(page, 'Cài đặt');
    const panel = page.locator('#panel-settings');
    await eventually(() => panel.textContent()).toContain('Hoàn thành xuất sắc nhiệm vụ từ 90 %');
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('Tổng điểm cộng tối đa10');
    expect(text).toContain('Tổng điểm trừ tối đachỉ theo từng dòng');
    expect(text).toContain('Tỷ lệ đồng ý cần đạt80 %');
    expect(text).toContain('Cờ thi đua của VKSND tối cao: tối đa 1');
    expect(await panel.locator('ol li').allTextContents()).toEqual(['điểm tiêu chí I', 'tập thể có từ 70 % nữ']);
    await page.getByRole('button', { name: 'Mở trang Cấu hình' }).click();
    await eventually(async () => (await o.calls()).find((c) => c.fn === 'selectCell')?.args).toEqual(['Cấu hình', 'A1']);
    await screenshot(page, 'static-settings');
    await page.context().close();
  });
});
