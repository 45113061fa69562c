/**
 * A dialog from the menu in the playground, in Chromium: Theo dõi, trao đổi → Nhắc các đơn vị chưa
 * nộp shows the cụm trưởng, over the sheet, the page the add-on handed to Ui.showModalDialog — the
 * one late unit of the seeded year, a mailto: link that opens outside the sandbox — and Đóng
 * (google.script.host.close()) closes it. A focal officer gets the refusal as an alert.
 */
import { describe, expect, it } from 'vitest';
import { eventually, screenshot, usePlayground } from './harness';

const LEADER = 'vanphong.binhduong@example.com';
const FOCAL_TN = 'vanphong.tayninh@example.com';

const pw = usePlayground({ reset: true });

async function pageAs(user: string) {
  const context = await pw.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'vi-VN' });
  await context.addInitScript((u) => localStorage.setItem('thidua.user', u), user);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pw.pg.url);
  await page.locator('#menu-button').click();
  await page.getByRole('button', { name: /Nhắc các đơn vị chưa nộp/ }).click();
  return { page, context, errors };
}

describe('a modal dialog from the menu, in the playground', { timeout: 60_000 }, () => {
  it('shows the cụm trưởng the reminder over the sheet, with a mailto: link to the late unit, until Đóng', async () => {
    const { page, context, errors } = await pageAs(LEADER);
    const backdrop = page.locator('#html-dialog-backdrop');
    await eventually(() => backdrop.isVisible()).toBe(true);
    expect(await page.locator('#html-dialog-title').textContent()).toBe('Nhắc các đơn vị chưa nộp');
    // The sample year is seen on its own day, and the page says so near the top.
    expect(await page.locator('#clock').textContent()).toBe('Ngày giả lập: 15/11/2021 (năm mẫu)');
    expect(await page.locator('#clock').isVisible()).toBe(true);
    const frame = page.frameLocator('#html-dialog-frame');
    const link = frame.getByRole('link', { name: 'Mở thư trong ứng dụng e-mail' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^mailto:${FOCAL_TN}\\?subject=`));
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await frame.locator('body').textContent()).toContain('Đơn vị được nhắc: Tây Ninh');
    expect(await page.locator('#html-dialog-frame').getAttribute('sandbox')).not.toContain('allow-top-navigation');
    await screenshot(page, 'playground-reminder-dialog', false);
    await frame.getByRole('button', { name: 'Đóng' }).click();
    await eventually(() => backdrop.isHidden()).toBe(true);
    expect((await fetch(`${pw.pg.url}/dialog?user=${encodeURIComponent(LEADER)}`)).status).toBe(404);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('tells a focal officer it is the cụm trưởng’s, in an alert, and shows no dialog', async () => {
    const { page, context } = await pageAs(FOCAL_TN);
    const alert = page.locator('#dialog-backdrop');
    await eventually(() => alert.isVisible()).toBe(true);
    expect(await page.locator('#dialog-text').textContent()).toContain('cụm trưởng');
    expect(await page.locator('#html-dialog-backdrop').isHidden()).toBe(true);
    await context.close();
  });
});
