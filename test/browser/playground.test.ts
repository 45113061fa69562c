/**
 * The whole add-on end to end: the playground (dist/Code.js over the in-memory services) with the
 * real dist/Sidebar.html in Chromium. A year is set up through the sidebar, two units fill their
 * own tabs, one is refused on another's tab in the page grid, the cụm trưởng recomputes and reads
 * the ranking in Kết quả. Steps run in order and share the one workbook.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/client/format';
import { openSidebarFromMenu } from './door';
import { eventually, type Opened, screenshot, usePlayground } from './harness';

const OWNER = 'owner@example.com';
const BINH_THUAN = 'vanphong.binhthuan@example.com';
/** Bình Dương is the sample's cụm trưởng unit. */
const BINH_DUONG = 'vanphong.binhduong@example.com';
const XSS = '<img src=x onerror=alert(1)>';

const pw = usePlayground();

const { post, values } = pw;

async function run(user: string, fn: string, args: unknown[] = []): Promise<Record<string, unknown>> {
  const out = await post('/api/run', { user, fn, args });
  return out.body.result as Record<string, unknown>;
}

/** The person opens the sidebar from the menu (Mở bảng điều khiển), then works in it. */
function sidebar(user: string): Promise<Opened> {
  return openSidebarFromMenu(pw.browser, pw.pg.url, user);
}

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

/** What a focal officer types in their tab: results for quantitative rows, self-scores for the rest. */
async function fillOwnTab(sheet: string, user: string, qualitative: (max: number) => number): Promise<{ status: number; body: Record<string, unknown> }> {
  const rows = (await values(sheet)).slice(4);
  const typed = rows.map(([, , kind, max, target]) => {
    if (kind === 'Định lượng') return [target ?? '', ''];
    if (kind === 'Định tính') return ['', qualitative(Number(max))];
    if (kind === 'Cộng' || kind === 'Trừ') return ['', 0];
    if (kind === 'Điều kiện') return ['', 'Không'];
    return ['', ''];
  });
  return post('/api/edit', { user, sheet, range: `F5:G${4 + typed.length}`, values: typed });
}

describe('a year in the playground, through the sidebar', { timeout: 60_000 }, () => {
  it('starts from an empty workbook, which the sidebar says is not set up', async () => {
    expect((await post('/api/reset', {})).status).toBe(200);
    const { page, errors } = await sidebar(OWNER);
    await eventually(() => page.locator('#panel-status').textContent()).toContain('Chưa khởi tạo năm thi đua.');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('sets up the sample year from the Thao tác panel', async () => {
    const { page, dialogs } = await sidebar(OWNER);
    await tab(page, 'Thao tác');
    await page.getByLabel('Năm', { exact: true }).first().fill('2021');
    await page.getByRole('button', { name: 'Dùng năm mẫu' }).click();
    // The success view goes on with what to do next.
    await eventually(() => page.locator('.progress .msg.ok').first().textContent(), 15_000).toMatch(/^Đã khởi tạo: 6 đơn vị, 39 dòng tiêu chí/);
    await eventually(() => page.locator('.top .cluster').textContent()).toBe('Cụm thi đua số 9 · năm 2021');
    await screenshot(page, 'playground-setup-done');
    const sheets = (await (await fetch(`${pw.pg.url}/api/sheets`)).json()) as Array<{ name: string }>;
    expect(sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Cấu hình', 'Tiêu chí', 'Bình Thuận', 'Bình Dương', 'Tổng hợp', 'Bình xét', 'Nhật ký']));
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it('lets two units fill their own tabs', async () => {
    // Sharing the file is the owner's step in Google Drive, outside the add-on.
    pw.pg.host.google.share([BINH_THUAN, BINH_DUONG]);
    expect((await fillOwnTab('Bình Thuận', BINH_THUAN, (max) => max)).status).toBe(200);
    expect((await fillOwnTab('Bình Dương', BINH_DUONG, (max) => max - 1)).status).toBe(200);
    const { page } = await sidebar(OWNER);
    const units = page.locator('.unit');
    await units.first().waitFor();
    expect(await units.nth(0).locator('.unit-name').textContent()).toBe('Viện kiểm sát nhân dân tỉnh Bình Thuận');
    expect(await units.nth(0).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(await units.nth(1).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(await units.nth(2).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0');
    expect(await units.nth(0).locator('.unit-meta.muted').first().textContent()).toMatch(/^Sửa lần cuối (vừa xong|1 phút trước)$/);
    await screenshot(page, 'playground-status-filled');
    await page.context().close();
  });

  it('refuses a unit’s officer on another unit’s tab in the page grid, as Sheets does', async () => {
    const before = (await values('Bình Dương'))[8]![6];
    const context = await pw.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'vi-VN' });
    await context.addInitScript((user) => localStorage.setItem('thidua.user', user), BINH_THUAN);
    const page = await context.newPage();
    await page.goto(pw.pg.url);
    await page.getByRole('tab', { name: 'Bình Dương' }).click();
    await page.locator('.grid td[data-row="8"][data-col="6"]').click();
    await page.locator('#cell-input').fill('1');
    await page.locator('#cell-input').press('Enter');
    const message = page.locator('#message.error');
    await message.waitFor();
    expect(await message.textContent()).toContain('được bảo vệ');
    // A year started from the blank workbook runs on the machine's time: no simulated day shown.
    expect(await page.locator('#clock').isHidden()).toBe(true);
    expect((await values('Bình Dương'))[8]![6]).toBe(before);
    // No sidebar until the person opens it from the add-on menu, as in Sheets.
    expect(await page.locator('#sidebar-pane').isHidden()).toBe(true);
    await page.locator('#menu-button').click();
    await page.getByRole('button', { name: 'Mở bảng điều khiển' }).click();
    await page.frameLocator('#sidebar').locator('.unit').first().waitFor();
    expect(await page.locator('#sidebar-title').textContent()).toBe('Thi đua');
    await screenshot(page, 'playground-page-refused', false);
    // The same through the API: 403 and the cell unchanged.
    const api = await post('/api/edit', { user: BINH_THUAN, sheet: 'Bình Dương', range: 'G9', values: [[1]] });
    expect(api.status).toBe(403);
    await context.close();
  });

  it('shows a focal officer what they may not do, and lets them submit their own table', async () => {
    const { page } = await sidebar(BINH_THUAN);
    await tab(page, 'Thao tác');
    const recompute = page.getByRole('button', { name: 'Tính điểm & xếp hạng' });
    await eventually(() => recompute.isDisabled()).toBe(true);
    expect(await page.locator(`#${await recompute.getAttribute('aria-describedby')}`).textContent()).toBe('Chỉ cụm trưởng (hoặc chủ sở hữu bảng tính) làm được việc này');
    // The unit picker of the submission section (the close section has one too).
    const unit = page.getByRole('region', { name: 'Nộp / trả lại bảng tự chấm' }).getByLabel('Đơn vị', { exact: true });
    expect(await unit.inputValue()).toBe('Bình Thuận');
    await unit.selectOption('Bình Dương');
    const submit = page.getByRole('button', { name: 'Nộp bảng tự chấm' });
    expect(await submit.isDisabled()).toBe(true);
    await unit.selectOption('Bình Thuận');
    await eventually(() => submit.isDisabled()).toBe(false);
    await submit.click();
    await eventually(() => page.locator('.progress .msg.ok').first().textContent(), 15_000).toContain('Bình Thuận');
    await tab(page, 'Tình hình');
    await eventually(() => page.locator('.unit.mine .badge').textContent()).toBe('Đã nộp');
    await screenshot(page, 'playground-focal-submitted');
    await page.context().close();
  });

  it('recomputes as the cụm trưởng and reads the ranking in Kết quả', async () => {
    const { page, dialogs } = await sidebar(BINH_DUONG);
    await tab(page, 'Thao tác');
    const recompute = page.getByRole('button', { name: 'Tính điểm & xếp hạng' });
    await eventually(() => recompute.isDisabled()).toBe(false);
    await recompute.click();
    await eventually(() => page.locator('.progress .msg.ok .msg-text').first().textContent(), 15_000).toBe('Đã tính điểm và xếp hạng 6 đơn vị');
    await page.getByRole('button', { name: 'Xem kết quả' }).click();
    await page.locator('table.ranking').waitFor();
    const expected = (await run(OWNER, 'getResults')).units as Array<{ name: string; rank: number; self: number | null; total: number }>;
    expect(expected.slice(0, 2).map((u) => u.name)).toEqual(['Bình Thuận', 'Bình Dương']);
    expect(await page.locator('.unit-link').allTextContents()).toEqual(expected.map((u) => u.name));
    const first = await page.locator('tr.main').first().locator('td').allTextContents();
    expect(first.slice(0, 3)).toEqual([String(expected[0]!.rank), formatNumber(expected[0]!.self), formatNumber(expected[0]!.total)]);
    expect(await page.locator('tr.main td.rank').allTextContents()).toEqual(expected.map((u) => String(u.rank)));
    await page.getByRole('button', { name: 'Bình Dương', exact: true }).click();
    await page.locator('.explain-card').waitFor();
    expect(await page.locator('.explain-block').nth(1).locator('.code').count()).toBeGreaterThan(0);
    await screenshot(page, 'playground-results');
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it('makes the covenant from the sidebar, with a link to it', async () => {
    const { page, dialogs } = await sidebar(BINH_DUONG);
    await tab(page, 'Thao tác');
    const covenant = page.getByRole('button', { name: 'Giao ước thi đua' });
    await eventually(() => covenant.isDisabled()).toBe(false);
    await covenant.click();
    await eventually(() => page.locator('.progress .msg.ok .msg-text').first().textContent(), 15_000).toContain('Giao ước thi đua');
    expect(await page.locator('.doc-links a').first().getAttribute('href')).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
    await eventually(() => page.locator('.doc-list li').count()).toBe(1);
    const listed = (await (await fetch(`${pw.pg.url}/api/documents`)).json()) as Array<{ name: string }>;
    expect(listed.map((d) => d.name).some((n) => n.includes('Giao ước'))).toBe(true);
    await page.locator('.doc-list').scrollIntoViewIfNeeded();
    await screenshot(page, 'playground-document', false);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it('asks before closing the year in a Sheets dialog from the menu, and closes nothing on Không', async () => {
    const context = await pw.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'vi-VN' });
    await context.addInitScript((user) => localStorage.setItem('thidua.user', user), BINH_DUONG);
    const page = await context.newPage();
    await page.goto(pw.pg.url);
    await page.locator('#menu-button').click();
    await page.getByRole('button', { name: 'Chốt kết quả' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.locator('#dialog-text').textContent()).toContain('Chốt kết quả năm');
    await screenshot(page, 'playground-confirm-close', false);
    await dialog.getByRole('button', { name: 'Không' }).click();
    await eventually(() => dialog.isHidden()).toBe(true);
    expect(await run(BINH_DUONG, 'getStatus')).toMatchObject({ closed: false });
    await context.close();
  });

  it('shows a unit name typed as markup in Cấu hình as text, running nothing', async () => {
    const config = await values('Cấu hình');
    const row = config.findIndex((r) => r[3] === 'Bình Phước');
    expect(row).toBeGreaterThan(0);
    expect((await post('/api/edit', { user: OWNER, sheet: 'Cấu hình', range: `E${row + 1}`, values: [[XSS]] })).status).toBe(200);
    const { page, dialogs } = await sidebar(OWNER);
    await page.locator('.unit').first().waitFor();
    expect(await page.locator('.unit-name').allTextContents()).toContain(XSS);
    await tab(page, 'Kiểm tra');
    await tab(page, 'Kết quả');
    await page.locator('table.ranking').waitFor();
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('img, svg, iframe, object, embed').length)).toBe(0);
    await screenshot(page, 'playground-xss-name', false);
    await page.context().close();
  });

  it('computes a formula typed in the grid, shows it in the formula bar, and an error cell its message on hover', async () => {
    const row = (await values('Bình Thuận')).length + 2;
    const context = await pw.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'vi-VN' });
    await context.addInitScript((user) => localStorage.setItem('thidua.user', user), OWNER);
    const page = await context.newPage();
    await page.goto(pw.pg.url);
    await sheetTab(page, 'Bình Thuận');
    const cell = (col: number) => page.locator(`.grid td[data-row="${row - 1}"][data-col="${col}"]`);
    for (const [col, typed] of [[3, '=ROUND(8,5*2;0)'], [4, '=THIDUA_SCORE(11;10)']] as const) {
      await cell(col).click();
      await page.locator('#cell-input').fill(typed);
      await page.locator('#cell-input').press('Enter');
    }
    await eventually(() => cell(4).textContent()).toBe('#ERROR!');
    expect(await cell(3).textContent()).toBe('17');
    expect(await cell(4).getAttribute('title')).toMatch(/^Dòng 1: điểm 11 vượt điểm chuẩn 10/);
    await cell(3).click();
    expect(await page.locator('#cell-input').inputValue()).toBe('=ROUND(8,5*2;0)');
    await context.close();
  });
});

/** The page as a person opens it in their browser, with dialogs (confirm) accepted. */
async function openPage(user: string): Promise<{ page: Page; close: () => Promise<void>; errors: string[] }> {
  const context = await pw.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'vi-VN' });
  await context.addInitScript((u) => localStorage.setItem('thidua.user', u), user);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => void d.accept());
  await page.goto(pw.pg.url);
  return { page, close: () => context.close(), errors };
}

/** 1-based rows of a unit tab's qualitative criteria worth `max` points. */
async function qualitativeRows(sheet: string, max: string): Promise<number[]> {
  return (await values(sheet)).flatMap((line, i) => (line[2] === 'Định tính' && line[3] === max ? [i + 1] : []));
}

const td = (page: Page, a1Row: number, col: number) => page.locator(`.grid td[data-row="${a1Row - 1}"][data-col="${col - 1}"]`);
const G = 7;

/** Opens a tab of the page's spreadsheet and waits until the grid shows it. */
async function sheetTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.locator(`#grid[data-sheet="${name}"]`).waitFor();
}

describe('the playground grid behaves like Sheets for what a clerk does', { timeout: 60_000 }, () => {
  it('replaces a selected cell by typing; Enter goes down, Tab right, Shift+Tab back, Escape cancels, Delete clears', async () => {
    const [r] = await qualitativeRows('Bình Dương', '5');
    const { page, close, errors } = await openPage(BINH_DUONG);
    await sheetTab(page, 'Bình Dương');
    await td(page, r!, G).click();
    await page.keyboard.type('3');
    await expect.poll(() => td(page, r!, G).locator('input.cell-editor').inputValue()).toBe('3');
    await page.keyboard.press('Enter');
    await eventually(() => page.locator('#cell-name').textContent()).toBe(`G${r! + 1}`);
    await eventually(async () => (await values('Bình Dương'))[r! - 1]![G - 1]).toBe('3');
    await page.keyboard.type('2,5');
    await page.keyboard.press('Tab');
    await eventually(() => page.locator('#cell-name').textContent()).toBe(`H${r! + 1}`);
    await eventually(async () => (await values('Bình Dương'))[r!]![G - 1]).toBe('2,5');
    await page.keyboard.press('Shift+Tab');
    await eventually(() => page.locator('#cell-name').textContent()).toBe(`G${r! + 1}`);
    await page.keyboard.type('9');
    await page.keyboard.press('Escape');
    await eventually(() => td(page, r! + 1, G).textContent()).toBe('2,5');
    await page.keyboard.press('Delete');
    await eventually(async () => (await values('Bình Dương'))[r!]![G - 1] ?? '').toBe('');
    expect(errors).toEqual([]);
    await close();
  });

  it('pastes a block copied from Excel or Sheets at the selection as one edit of the whole range', async () => {
    const [r] = await qualitativeRows('Bình Dương', '5');
    const { page, close } = await openPage(BINH_DUONG);
    await sheetTab(page, 'Bình Dương');
    await td(page, r!, G).click();
    const edits: Array<{ a1: string; values: unknown }> = [];
    const google = pw.pg.host.google;
    const real = google.userEdit.bind(google);
    google.userEdit = (email, sheet, a1, v) => {
      edits.push({ a1, values: v });
      return real(email, sheet, a1, v);
    };
    try {
      await page.locator('#grid-wrap').evaluate((wrap) => {
        const data = new DataTransfer();
        data.setData('text/plain', '4\tĐã có kế hoạch\r\n3,5\tĐã báo cáo\r\n');
        wrap.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      });
      await eventually(async () => (await values('Bình Dương')).slice(r! - 1, r! + 1).map((l) => l.slice(G - 1, G + 1))).toEqual([['4', 'Đã có kế hoạch'], ['3,5', 'Đã báo cáo']]);
    } finally {
      google.userEdit = real;
    }
    // One edit of G:H over two rows, as Sheets fires one onEdit for a paste.
    expect(edits).toEqual([{ a1: `G${r}`, values: [['4', 'Đã có kế hoạch'], ['3,5', 'Đã báo cáo']] }]);
    await close();
  });

  it('marks a wrong value in the grid as the add-on’s conditional format paints it: "abc", 7 over 5, "8,5" over 5', async () => {
    const rows = await qualitativeRows('Bình Dương', '5');
    const { page, close } = await openPage(BINH_DUONG);
    await sheetTab(page, 'Bình Dương');
    const typedAt = ['abc', '7', '8,5', '4,5'].map((typed, i) => [rows[i]!, typed] as const);
    for (const [row, typed] of typedAt) {
      await td(page, row, G).click();
      await page.keyboard.type(typed);
      await page.keyboard.press('Enter');
      await eventually(() => page.locator('#cell-name').textContent()).toBe(`G${row + 1}`);
      await eventually(async () => (await values('Bình Dương'))[row - 1]![G - 1]).toBe(typed);
    }
    const [a, b, c, ok] = typedAt.map(([row]) => td(page, row, G));
    for (const bad of [a, b, c]) await eventually(() => bad!.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(244, 199, 195)');
    expect(await a!.textContent()).toBe('abc');
    expect(await b!.textContent()).toBe('7');
    expect(await c!.textContent()).toBe('8,5');
    expect(await ok!.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgb(244, 199, 195)');
    await a!.scrollIntoViewIfNeeded();
    await screenshot(page, 'playground-grid-marked', false);
    await close();
  });

  it('moves the grid to the cell Kiểm tra selected, tab and all', async () => {
    const [r] = await qualitativeRows('Bình Dương', '5');
    const { page, close } = await openPage(BINH_DUONG);
    await sheetTab(page, 'Tổng hợp');
    await page.locator('#menu-button').click();
    await page.getByRole('button', { name: 'Mở bảng điều khiển' }).click();
    const side = page.frameLocator('#sidebar');
    await side.getByRole('tab', { name: /Kiểm tra/ }).click();
    const link = side.locator('.problem-link').filter({ hasText: `G${r}` }).first();
    await link.click();
    await eventually(() => page.locator('.tabs button[aria-selected="true"]').textContent()).toBe('Bình Dương');
    await eventually(() => page.locator('#cell-name').textContent()).toBe(`G${r}`);
    await expect.poll(() => td(page, r!, G).getAttribute('class')).toContain('selected');
    await screenshot(page, 'playground-follows-check', false);
    await close();
  });

  it('reaches every column, keeps the frozen header rows in view, and opens Tổng hợp at the left with the unit names', async () => {
    const { page, close } = await openPage(BINH_DUONG);
    await sheetTab(page, 'Bình Dương');
    await sheetTab(page, 'Tổng hợp');
    const wrap = page.locator('#grid-wrap');
    expect(await wrap.evaluate((el) => el.scrollLeft)).toBe(0);
    const unitCell = td(page, 5, 2);
    expect(await unitCell.textContent()).not.toBe('');
    const inView = (cell: ReturnType<typeof td>) => cell.evaluate((el) => {
      const a = el.getBoundingClientRect();
      const b = document.getElementById('grid-wrap')!.getBoundingClientRect();
      return a.left >= b.left && a.right <= b.right + 1 && a.top >= b.top && a.bottom <= b.bottom + 1;
    });
    expect(await inView(unitCell)).toBe(true);
    const summary = await values('Tổng hợp');
    const lastCol = Math.max(...summary.map((l) => l.length), 26);
    const headers = await page.locator('.grid tr.head th').allTextContents();
    expect(headers.length - 1).toBeGreaterThanOrEqual(lastCol);
    await wrap.evaluate((el) => el.scrollTo(el.scrollWidth, 0));
    // Scrolled all the way right: the unit names went out of view, the last column came in.
    expect(await inView(unitCell)).toBe(false);
    const lastHeader = page.locator('.grid tr.head th').last();
    expect(await lastHeader.evaluate((el) => {
      const a = el.getBoundingClientRect();
      const b = document.getElementById('grid-wrap')!.getBoundingClientRect();
      return a.right <= b.right + 1 && a.left >= b.left;
    })).toBe(true);
    // The frozen header rows stay at the top while the rest scrolls under them.
    const frozen = page.locator('.grid tr.frozen-last td').first();
    expect(await frozen.evaluate((el) => el.getBoundingClientRect().top - document.getElementById('grid-wrap')!.getBoundingClientRect().top)).toBeLessThan(200);
    await screenshot(page, 'playground-scrolled-right', false);
    await close();
  });

  it('shows a note as a corner mark with the note on hover, keeps frozen columns in view, and hatches cells the person may not edit', async () => {
    const [r] = await qualitativeRows('Bình Dương', '5');
    const sheet = pw.pg.host.google.spreadsheet.getSheetByName('Bình Dương')!;
    sheet.getRange(`B${r}`).setNote('Ghi chú: nhập số điểm, dấu phẩy thập phân');
    sheet.setFrozenColumns(2);
    const { page, close } = await openPage(BINH_DUONG);
    try {
      await sheetTab(page, 'Bình Dương');
      const noted = td(page, r!, 2);
      await eventually(() => noted.getAttribute('class')).toContain('has-note');
      expect(await noted.getAttribute('title')).toContain('Ghi chú: nhập số điểm, dấu phẩy thập phân');
      expect(await noted.evaluate((el) => getComputedStyle(el, '::after').borderRightColor)).toBe('rgb(242, 153, 0)');
      // Bình Dương's own self-score is theirs: not hatched.
      expect(await td(page, r!, G).getAttribute('class')).not.toContain('locked');
      const wrap = page.locator('#grid-wrap');
      const leftOf = (cell: ReturnType<typeof td>) => cell.evaluate((el) => el.getBoundingClientRect().left - document.getElementById('grid-wrap')!.getBoundingClientRect().left);
      const before = await leftOf(td(page, r!, 2));
      await wrap.evaluate((el) => el.scrollTo(600, 0));
      expect(await wrap.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      expect(await leftOf(td(page, r!, 2))).toBe(before);
      // The frozen columns' letters stay above them.
      const letterB = page.locator('.grid tr.head th').nth(2);
      expect(await letterB.textContent()).toBe('B');
      expect(await letterB.evaluate((el) => el.getBoundingClientRect().left - document.getElementById('grid-wrap')!.getBoundingClientRect().left)).toBe(before);
      expect(await leftOf(td(page, r!, 3))).toBeLessThan(before);
      await screenshot(page, 'playground-note-frozen', false);
    } finally {
      sheet.setFrozenColumns(0);
      await close();
    }
    // Another unit's officer sees the same cell hatched: protected against them, as Sheets would refuse it.
    const other = await openPage(BINH_THUAN);
    await sheetTab(other.page, 'Bình Dương');
    // Polled: a refresh still under way may draw the grid again under the check.
    await eventually(() => td(other.page, r!, G).getAttribute('class')).toContain('locked');
    await eventually(() => td(other.page, r!, G).evaluate((el) => getComputedStyle(el).backgroundImage)).toContain('repeating-linear-gradient');
    // Their own table, once submitted (as earlier in this file; again here, harmless if done), is locked to them and looks it.
    await run(BINH_THUAN, 'submit', ['Bình Thuận']);
    expect(await run(BINH_THUAN, 'getStatus')).toMatchObject({ units: expect.arrayContaining([expect.objectContaining({ id: 'Bình Thuận', submitted: true })]) });
    // The lock is the owner's to set (personal accounts): it takes hold at the owner's next execution.
    await run(OWNER, 'getStatus');
    const [own] = await qualitativeRows('Bình Thuận', '5');
    await sheetTab(other.page, 'Bình Thuận');
    await eventually(() => td(other.page, own!, G).getAttribute('class')).toContain('locked');
    await other.close();
  });

  it('starts from an empty sheet owned by the owner, who sets a year up from the menu', async () => {
    const { page, close } = await openPage(BINH_DUONG);
    await page.getByRole('button', { name: 'Bắt đầu từ bảng trống' }).click();
    await eventually(() => page.locator('#message').textContent()).toContain('Bảng tính trống của chủ sở hữu');
    expect(await page.locator('#user-select').inputValue()).toBe(OWNER);
    expect(await page.locator('.tabs button').count()).toBe(1);
    await page.locator('#menu-button').click();
    await page.getByRole('button', { name: 'Khởi tạo năm thi đua' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ timeout: 30_000 });
    expect(await dialog.locator('#dialog-text').textContent()).toContain('Đã khởi tạo');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await eventually(() => page.locator('.tabs button').allTextContents()).toEqual(expect.arrayContaining(['Cấu hình', 'Tiêu chí', 'Tổng hợp']));
    await screenshot(page, 'playground-from-empty', false);
    await close();
  });
});
