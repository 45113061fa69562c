/**
 * Sơ kết 6 tháng: the menu's submenu run by NAME over the pushed dist/Code.js, as Sheets runs a menu
 * item, by the cụm trưởng (an editor, not the owner) and a focal officer. `npm test` builds dist/ first.
 */
import { describe, expect, it } from 'vitest';
import { bundleWorld, submenuItem } from '../helpers/menuWorld';
import { LEADER, OWNER, focal } from '../app/world';

function loaded() {
  const { g, call } = bundleWorld({ now: Date.UTC(2021, 5, 20, 2, 0, 0) });
  expect(call(OWNER, 'setupSampleYear', 2021)).toMatchObject({ ok: true });
  call(OWNER, 'onOpen', { authMode: 'FULL' });
  const item = (caption: string) => submenuItem(g.ui.menus, 'Sơ kết 6 tháng', caption);
  return { g, call, open: item('Mở đợt sơ kết 6 tháng'), close: item('Chốt sơ kết 6 tháng') };
}

describe('menu Sơ kết 6 tháng, through the pushed bundle', () => {
  it('opens the round for the cụm trưởng and refuses a focal officer, each told in an alert', () => {
    const { g, call, open } = loaded();
    expect(open).toBe('menuOpenMidYear');
    call(focal('Đồng Nai'), open);
    expect(g.ui.alerts.at(-1)).toMatchObject({ user: focal('Đồng Nai'), prompt: expect.stringContaining('cụm trưởng') });
    expect(g.shared.spreadsheet.sheets.some((s) => s.name === 'Sơ kết 6 tháng')).toBe(false);
    call(LEADER, open);
    expect(g.ui.alerts.at(-1)).toMatchObject({ user: LEADER, prompt: expect.stringContaining('Đã mở đợt sơ kết 6 tháng') });
    expect(g.shared.spreadsheet.sheets.some((s) => s.name === 'Sơ kết 6 tháng')).toBe(true);
  });

  it('asks before closing, naming the units with rows left blank; No closes nothing, Yes closes', () => {
    const { g, call, open, close } = loaded();
    expect(close).toBe('menuCloseMidYear');
    // Before the round is opened: no question, the refusal.
    call(LEADER, close);
    expect(g.ui.alerts.at(-1)).toMatchObject({ buttons: 'OK', prompt: expect.stringContaining('Chưa mở đợt sơ kết 6 tháng') });
    call(LEADER, open);
    g.ui.answerNextAlert('NO');
    call(LEADER, close);
    const asked = g.ui.alerts.at(-1)!;
    expect(asked).toMatchObject({ buttons: 'YES_NO', answer: 'NO' });
    expect(asked.prompt).toContain('Tây Ninh (23 dòng)');
    expect(String(g.peek('Sơ kết 6 tháng')[1]![1])).toMatch(/^Đang mở/);
    g.ui.answerNextAlert('YES');
    call(LEADER, close);
    expect(g.ui.alerts.at(-1)).toMatchObject({ buttons: 'OK', prompt: expect.stringContaining('Đã chốt sơ kết 6 tháng: 0/6') });
    expect(String(g.peek('Sơ kết 6 tháng')[1]![1])).toMatch(/^Đã chốt lúc/);
  });
});
