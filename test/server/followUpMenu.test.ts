/**
 * Theo dõi, trao đổi: the menu items of the year's follow-up, run by NAME over the pushed
 * dist/Code.js as Sheets runs a menu item, as the cụm trưởng (an editor, not the owner) and as a
 * focal officer. `npm test` builds dist/ first.
 */
import { describe, expect, it } from 'vitest';
import { reminderDialogHtml } from '../../src/server/reminderDialog';
import type { MenuEntry } from '../fakes/sheets-ui';
import { bundleWorld, submenuItem } from '../helpers/menuWorld';
import { LEADER, OWNER, PROVINCES, focal } from '../app/world';

function loaded() {
  const w = bundleWorld({ now: Date.UTC(2021, 10, 15, 2, 0, 0) });
  expect(w.call(OWNER, 'setupSampleYear', 2021)).toMatchObject({ ok: true });
  return w;
}

/** The function the follow-up submenu names for a caption, as Sheets would find it. */
const itemOf = (menus: Array<{ items: MenuEntry[] }>, caption: string) => submenuItem(menus, 'Theo dõi, trao đổi', caption);

const lastAlert = (g: ReturnType<typeof loaded>['g']) => g.ui.alerts[g.ui.alerts.length - 1]!;

describe('menu Theo dõi, trao đổi, through the pushed bundle', () => {
  it('lists the reminder, the registers, the roll-up, and sends export/import to the panel', () => {
    const { g, call } = loaded();
    call(OWNER, 'onOpen', { authMode: 'FULL' });
    expect(itemOf(g.ui.menus, 'Nhắc các đơn vị chưa nộp')).toBe('menuReminder');
    expect(itemOf(g.ui.menus, 'Tạo bảng Sáng kiến và Quỹ')).toBe('menuRegisters');
    expect(itemOf(g.ui.menus, 'Tổng hợp toàn ngành')).toBe('menuRollUp');
    expect(itemOf(g.ui.menus, 'Xuất kết quả, nhập bảng tiêu chí… (trong bảng điều khiển)')).toBe('showSidebar');
  });

  it('Nhắc các đơn vị chưa nộp: the cụm trưởng gets a modal dialog with the mailto: link to the late units, logged; a focal officer an alert that refuses', () => {
    const { g, call } = loaded();
    call(OWNER, 'onOpen', { authMode: 'FULL' });
    const fn = itemOf(g.ui.menus, 'Nhắc các đơn vị chưa nộp');

    call(focal('Tây Ninh'), fn);
    expect(g.ui.dialogs).toHaveLength(0);
    expect(lastAlert(g)).toMatchObject({ kind: 'alert', user: focal('Tây Ninh'), prompt: expect.stringContaining('cụm trưởng') });

    const before = g.env.calls.length;
    call(LEADER, fn);
    const calls = g.env.calls.slice(before).map((c) => c.name);
    expect(calls).toContain('HtmlService.createHtmlOutput');
    expect(calls).toContain('Ui.showModalDialog');
    expect(calls).not.toContain('Ui.alert');
    const shown = g.ui.dialogs.filter((d) => d.kind === 'modal');
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ title: 'Nhắc các đơn vị chưa nộp', user: LEADER });
    const html = shown[0]!.html.snapshot();
    expect(html.width).toBeGreaterThanOrEqual(400);
    const href = /<a class="btn" href="([^"]+)" target="_blank" rel="noopener noreferrer">/.exec(html.content)?.[1];
    expect(href, 'the mailto link').toBeDefined();
    const url = new URL(href!.replace(/&amp;/g, '&'));
    expect(url.protocol).toBe('mailto:');
    // Nobody has submitted on 15/11/2021, a month after the sample's self-scoring date: all six.
    expect(decodeURIComponent(url.pathname).split(',')).toEqual(PROVINCES.map(focal));
    // The bundle's clock is the machine's: late by however many days since 15/10/2021.
    expect(html.content).toMatch(/Tây Ninh \(trễ \d+ ngày\)/);
    expect(html.content).toContain('google.script.host.close()');
    // Logged as prepared (queued for the owner's trigger, which writes it on the next edit).
    g.userEdit(OWNER, 'Cấu hình', 'A1', g.peek('Cấu hình', 'A1'));
    expect(g.peek('Nhật ký').some((r) => r[2] === LEADER && r[3] === 'Soạn thư nhắc đơn vị chưa nộp')).toBe(true);
    expect(g.peek('Nhật ký').some((r) => r[2] === focal('Tây Ninh') && r[3] === 'Soạn thư nhắc đơn vị chưa nộp')).toBe(false);
  });

  it('Tạo bảng Sáng kiến và Quỹ: made by the cụm trưởng, refused to a focal officer with nothing created', () => {
    const { g, call } = loaded();
    call(OWNER, 'onOpen', { authMode: 'FULL' });
    const fn = itemOf(g.ui.menus, 'Tạo bảng Sáng kiến và Quỹ');
    const tabs = () => g.apps.SpreadsheetApp.getActiveSpreadsheet().getSheets().map((s) => s.getName());

    call(focal('Tây Ninh'), fn);
    expect(lastAlert(g)).toMatchObject({ user: focal('Tây Ninh'), prompt: expect.stringContaining('cụm trưởng') });
    expect(g.asUser(OWNER, tabs)).not.toContain('Sáng kiến');

    call(LEADER, fn);
    expect(lastAlert(g)).toMatchObject({ user: LEADER, prompt: expect.stringMatching(/^Đã tạo/) });
    expect(g.asUser(OWNER, tabs)).toEqual(expect.arrayContaining(['Sáng kiến', 'Quỹ']));
    // Each unit types its own initiatives only: Tây Ninh's officer may not write in Bình Dương's block.
    const rows = g.peek('Sáng kiến');
    const bd = rows.findIndex((r) => r[0] === 'Bình Dương') + 1;
    const tn = rows.findIndex((r) => r[0] === 'Tây Ninh') + 1;
    expect(g.userEdit(focal('Tây Ninh'), 'Sáng kiến', `B${tn}`, 'Số hóa hồ sơ')).toMatchObject({ ok: true });
    expect(g.userEdit(focal('Tây Ninh'), 'Sáng kiến', `B${bd}`, 'Không phải của tôi')).toMatchObject({ ok: false });
  });

  it('Tổng hợp toàn ngành: refused to a focal officer in a cluster sheet; says where to paste when nothing is there, then ranks the pasted export', () => {
    const { g, call } = loaded();
    call(OWNER, 'onOpen', { authMode: 'FULL' });
    const fn = itemOf(g.ui.menus, 'Tổng hợp toàn ngành');
    const tabs = () => g.asUser(OWNER, () => g.apps.SpreadsheetApp.getActiveSpreadsheet().getSheets().map((s) => s.getName()));

    call(focal('Tây Ninh'), fn);
    expect(lastAlert(g)).toMatchObject({ user: focal('Tây Ninh'), prompt: expect.stringContaining('cụm trưởng') });
    expect(tabs()).not.toContain('Dữ liệu các cụm');

    call(LEADER, fn);
    expect(lastAlert(g).prompt).toContain('Dữ liệu các cụm');
    const exported = call(LEADER, 'exportResults') as { ok: boolean; json: string };
    expect(exported.ok).toBe(true);
    expect(g.userEdit(LEADER, 'Dữ liệu các cụm', 'A2', exported.json)).toMatchObject({ ok: true });
    call(LEADER, fn);
    expect(lastAlert(g)).toMatchObject({ user: LEADER, prompt: expect.stringMatching(/^Đã tổng hợp/) });
    expect(g.peek('Tổng hợp toàn ngành')[0]![0]).toContain('TỔNG HỢP TOÀN NGÀNH');
    expect(tabs()).toEqual(expect.arrayContaining(['Dữ liệu các cụm', 'Tổng hợp toàn ngành']));
    expect(g.ui.dialogs).toHaveLength(0);
  });
});

describe('the reminder dialog page', () => {
  const hostile = '<img src=x onerror="alert(1)">';
  it('shows what came from the sheet as text, never as HTML', () => {
    const html = reminderDialogHtml({
      message: `Đã soạn ${hostile}`, href: 'mailto:a@x.vn?subject=%3Cb%3E&body=x', to: [`a@x.vn${hostile}`],
      subject: hostile, body: `${hostile}\n</pre><script>alert(2)</script>`, units: [hostile],
    });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(html).toContain('href="mailto:a@x.vn?subject=%3Cb%3E&amp;body=x"');
  });

  it('keeps no link that is not mailto:', () => {
    const html = reminderDialogHtml({ message: 'x', href: 'javascript:alert(1)', to: ['a@x.vn'], subject: 's', body: 'b', units: ['A'] });
    expect(html).not.toContain('href=');
    expect(html).not.toContain('javascript:');
  });
});
