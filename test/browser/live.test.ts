/**
 * The sidebar stays current while people type in the sheet (the playground: dist/Code.js over the
 * in-memory services, the real sidebar opened from the menu, in Chromium). Tây Ninh's officer, half
 * done in the sample year, fills the rest of the tab in the grid; back in the panel, Nộp bảng tự
 * chấm enables without Làm mới. After submitting, a value typed into the locked area is kept
 * (Google does not tell the owner's trigger who typed it) and said where it happened: a note on
 * the cell, and the panel's next reload. Screenshots go to test-results/screenshots and
 * /tmp/s17/shots.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sampleText } from '../../src/i18n/engine';
import { openSidebarFromMenu } from './door';
import { eventually, type Opened, screenshot, screenshotDir, usePlayground } from './harness';

const TN = 'Tây Ninh';
/** The last row of Tây Ninh's table, left empty in the sample: where a wrong value is typed first. */
const BAD = 'G27';
const TN_FOCAL = `vanphong.${sampleText.cluster9.members.find((m) => m.province === TN)!.mail}@example.com`;

const pw = usePlayground();

const { post, values } = pw;

/** What the officer types into the rows still empty: results of quantitative rows, self-scores of the rest. */
async function fillTheRest(sheet: string, user: string): Promise<number> {
  const rows = (await values(sheet)).slice(4);
  const typed = rows.map(([, , kind, max, target, result, self]) => {
    if ((result ?? '') !== '' || (self ?? '') !== '') return [result ?? '', self ?? ''];
    if (kind === 'Định lượng') return [target ?? '', ''];
    if (kind === 'Định tính') return ['', Number(max)];
    if (kind === 'Cộng' || kind === 'Trừ') return ['', 0];
    if (kind === 'Điều kiện') return ['', 'Không'];
    return ['', ''];
  });
  const out = await post('/api/edit', { user, sheet, range: `F5:G${4 + typed.length}`, values: typed });
  return out.status;
}

/** The clerk comes back to the panel from the sheet: the window gets the focus again. */
async function comeBack(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
}

async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  mkdirSync('/tmp/s17/shots', { recursive: true });
  copyFileSync(join(screenshotDir, `${name}.png`), join('/tmp/s17/shots', `${name}.png`));
}

describe('a live sidebar beside the sheet', { timeout: 90_000 }, () => {
  let side: Opened;

  it('opens on the sample year with Tây Ninh half done: submitting is refused with the reason, and the Kiểm tra badge counts its list', async () => {
    expect((await post('/api/reset', { sample: true })).status).toBe(200);
    side = await openSidebarFromMenu(pw.browser, pw.pg.url, TN_FOCAL);
    const { page } = side;
    await page.locator('.unit').first().waitFor();
    await eventually(() => page.locator('.fresh').textContent()).toMatch(/^Cập nhật lúc \d\d:\d\d:\d\d$/);
    const tn = page.locator('.unit', { hasText: TN });
    expect(await tn.locator('.unit-meta').first().textContent()).toMatch(/\(12\/23 dòng\)/);
    // A wrong value typed in the sheet: the badge and the list, from one answer, both count it.
    expect((await post('/api/edit', { user: TN_FOCAL, sheet: TN, range: BAD, values: [['abc']] })).status).toBe(200);
    await page.waitForTimeout(2_100); // a focus right after the last reload does not reload again
    await comeBack(page);
    await eventually(() => page.locator('#tab-problems .count').textContent()).toBe('1');
    await page.getByRole('tab', { name: /^Kiểm tra/ }).click();
    expect(await page.locator('#panel-problems li.problem.error').count()).toBe(1);
    expect(await page.locator('#panel-problems li.problem.error').textContent()).toContain(BAD);
    await page.getByRole('tab', { name: 'Thao tác' }).click();
    const submit = page.getByRole('button', { name: 'Nộp bảng tự chấm' });
    expect(await submit.isDisabled()).toBe(true);
    await shot(page, 'live-1-half-done');
  });

  it('enables Nộp bảng tự chấm once the rows are filled in the sheet, without Làm mới', async () => {
    const { page } = side;
    expect((await post('/api/edit', { user: TN_FOCAL, sheet: TN, range: BAD, values: [['']] })).status).toBe(200);
    expect(await fillTheRest(TN, TN_FOCAL)).toBe(200);
    await page.waitForTimeout(2_100);
    await comeBack(page);
    const submit = page.getByRole('button', { name: 'Nộp bảng tự chấm' });
    await eventually(() => submit.isEnabled()).toBe(true);
    // The badge and the list agree again, from the same answer.
    expect(await page.locator('#tab-problems .count').isHidden()).toBe(true);
    await page.getByRole('tab', { name: 'Tình hình' }).click();
    expect(await page.locator('.unit', { hasText: TN }).locator('.unit-meta').first().textContent()).toMatch(/\(23\/23 dòng\)/);
    await shot(page, 'live-2-filled');
  });

  it('submits, and a value typed afterwards into the locked area is noted on the cell and shown in the panel', async () => {
    const { page } = side;
    await page.getByRole('tab', { name: 'Thao tác' }).click();
    await page.getByRole('button', { name: 'Nộp bảng tự chấm' }).click();
    await eventually(() => page.locator('.progress .msg.ok .msg-text').first().textContent()).toContain('Đã nộp bảng tự chấm');
    // The officer keeps the right until the owner's trigger runs (Apps Script never removes the
    // person running a script): the edit goes through, and the trigger takes the right back.
    const cell = 'G10';
    expect((await post('/api/edit', { user: TN_FOCAL, sheet: TN, range: cell, values: [[1]] })).status).toBe(200);
    await page.waitForTimeout(2_100);
    await comeBack(page);
    const alert = page.locator('.alerts .msg.warn');
    await eventually(() => alert.textContent()).toContain('được sửa sau khi đã nộp hoặc đã chốt');
    expect(await alert.textContent()).toContain(`trang ${TN}, ô ${cell}`);
    await shot(page, 'live-3-after-submit-sidebar');

    // In the grid, the cell carries the note that says so.
    const context = await pw.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'vi-VN' });
    await context.addInitScript((user) => localStorage.setItem('thidua.user', user), TN_FOCAL);
    const grid = await context.newPage();
    await grid.goto(pw.pg.url);
    await grid.getByRole('tab', { name: TN }).click();
    const td = grid.locator('.grid td[data-row="9"][data-col="6"]');
    await eventually(() => td.getAttribute('class')).toContain('has-note');
    expect(await td.getAttribute('title')).toContain('sau khi bảng đã nộp hoặc năm đã chốt');
    await td.hover();
    await shot(grid, 'live-4-note-in-grid');
    await context.close();
    await page.context().close();
  });
});
