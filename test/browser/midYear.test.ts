/**
 * Sơ kết 6 tháng in the real sidebar over the playground (dist/Code.js, the seeded sample year whose
 * round is closed): a focal officer sees its rows and goes to its column; the cụm trưởng reopens
 * the round, sees who filled everything, and closes it again after a confirmation naming the unit
 * with blank rows.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, screenshot, usePlayground } from './harness';

const LEADER = 'vanphong.binhduong@example.com';
const TAY_NINH = 'vanphong.tayninh@example.com';

const pw = usePlayground({ reset: true });

/** The page as the person opens it, the panel opened from the menu, on Thao tác. */
async function openPanel(user: string): Promise<{ page: Page; side: FrameLocator; section: ReturnType<FrameLocator['locator']>; close: () => Promise<void> }> {
  const context = await pw.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'vi-VN' });
  await context.addInitScript((u) => localStorage.setItem('thidua.user', u), user);
  const page = await context.newPage();
  await page.goto(pw.pg.url);
  await page.locator('#menu-button').click();
  await page.getByRole('button', { name: 'Mở bảng điều khiển' }).click();
  const side = page.frameLocator('#sidebar');
  await side.getByRole('tab', { name: 'Thao tác' }).click();
  const section = side.locator('section', { has: side.getByRole('heading', { name: 'Sơ kết 6 tháng', exact: true }) });
  return { page, side, section, close: () => context.close() };
}

describe('Sơ kết 6 tháng in the sidebar', { timeout: 60_000 }, () => {
  it('shows a focal officer its rows filled and takes it to its column', async () => {
    // Tây Ninh left its last three rows to answer blank: the button goes to the first of them.
    const tab = (await (await fetch(`${pw.pg.url}/api/values?sheet=${encodeURIComponent('Sơ kết 6 tháng')}`)).json()) as { values: string[][] };
    const firstBlank = tab.values.findIndex((r, i) => i >= 3 && (r[2] === 'Định tính' || r[2] === 'Định lượng') && r[9] === '') + 1;
    expect(firstBlank).toBeGreaterThan(4);
    const { page, section, close } = await openPanel(TAY_NINH);
    await eventually(() => section.textContent()).toContain('Tây Ninh: đã điền 20/23 dòng. Chưa ghi cách làm hay.');
    expect(await section.textContent()).toContain('Đã chốt lúc 16:00 ngày 29/06/2021.');
    expect(await section.getByRole('button', { name: 'Mở đợt sơ kết' }).isDisabled()).toBe(true);
    await section.getByRole('button', { name: 'Đến cột của đơn vị' }).click();
    await eventually(() => page.locator('.tabs button[aria-selected="true"]').textContent()).toBe('Sơ kết 6 tháng');
    await eventually(() => page.locator('#cell-name').textContent()).toBe(`J${firstBlank}`);
    await screenshot(page, 'midyear-focal-column', false);
    await close();
  });

  it('lets the cụm trưởng reopen the round and close it again, the confirmation naming the unit with blank rows', async () => {
    const { page, section, close } = await openPanel(LEADER);
    await eventually(() => section.textContent()).toContain('Đã chốt lúc');
    await section.getByRole('button', { name: 'Mở lại đợt sơ kết' }).click();
    await eventually(() => section.textContent()).toContain('Đang mở — 5/6 đơn vị đã điền đủ.');
    await section.getByRole('button', { name: 'Chốt sơ kết', exact: true }).click();
    const confirm = section.getByRole('alertdialog');
    expect(await confirm.textContent()).toContain('Tây Ninh (3 dòng)');
    await confirm.getByRole('button', { name: 'Chốt sơ kết' }).click();
    await eventually(() => section.textContent()).toMatch(/Đã chốt lúc \d\d:\d\d/);
    await screenshot(page, 'midyear-leader-closed', false);
    await close();
  });
});
