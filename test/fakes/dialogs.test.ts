/**
 * Ui.showModalDialog as the reference describes it: an HtmlOutput and a title, shown to the
 * person whose execution called it, without suspending the script (unlike Ui.alert).
 */
import { describe, expect, it } from 'vitest';
import { createFakeGoogle } from './google';

const OWNER = 'chu@example.com';

describe('Ui.showModalDialog', () => {
  it('takes an HtmlOutput and a title, records them for the user, and lets the script go on', () => {
    const g = createFakeGoogle({ owner: OWNER });
    const after = g.asUser(OWNER, () => {
      const html = g.apps.HtmlService.createHtmlOutput('<p>x</p>').setWidth(500).setHeight(300);
      g.apps.SpreadsheetApp.getUi().showModalDialog(html, 'Tiêu đề');
      return 'went on';
    });
    expect(after).toBe('went on');
    expect(g.ui.dialogs).toHaveLength(1);
    expect(g.ui.dialogs[0]).toMatchObject({ kind: 'modal', title: 'Tiêu đề', user: OWNER });
    expect(g.ui.dialogs[0]!.html.snapshot()).toMatchObject({ width: 500, height: 300, content: '<p>x</p>' });
    expect(g.ui.alerts).toHaveLength(0);
  });

  it('refuses a string for the page and a missing title, showing nothing', () => {
    const g = createFakeGoogle({ owner: OWNER });
    const ui = () => g.apps.SpreadsheetApp.getUi() as unknown as { showModalDialog(h: unknown, t?: unknown): void };
    expect(() => g.asUser(OWNER, () => ui().showModalDialog('<p>x</p>', 'T'))).toThrow(/userInterface/);
    expect(() => g.asUser(OWNER, () => ui().showModalDialog(g.apps.HtmlService.createHtmlOutput('x')))).toThrow(/signature/);
    expect(g.ui.dialogs).toHaveLength(0);
  });

  it('is refused where there is no UI (a time-driven trigger)', () => {
    const g = createFakeGoogle({ owner: OWNER });
    g.ui.available = false;
    expect(() => g.asUser(OWNER, () => g.apps.SpreadsheetApp.getUi().showModalDialog(g.apps.HtmlService.createHtmlOutput('x') as never, 'T'))).toThrow();
    expect(g.ui.dialogs).toHaveLength(0);
  });
});
