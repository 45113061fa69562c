import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeGoogle } from './google';
import { LOCK_TIMEOUT_MESSAGE } from './lock';
import { STORE_FULL_MESSAGE, VALUE_TOO_LARGE_MESSAGE } from './properties';
import { TOO_MANY_TRIGGERS_MESSAGE } from './script';

describe('PropertiesService', () => {
  it('keeps document properties as strings', () => {
    const g = createFakeGoogle();
    const props = g.globals.PropertiesService.getDocumentProperties();
    props.setProperty('year', 2025 as unknown as string).setProperties({ cursor: '12', unit: 'BD' });
    expect(props.getProperty('year')).toBe('2025');
    expect(props.getProperty('missing')).toBeNull();
    expect(props.getKeys().sort()).toEqual(['cursor', 'unit', 'year']);
    props.setProperties({ only: '1' }, true);
    expect(props.getProperties()).toEqual({ only: '1' });
    props.deleteProperty('only');
    expect(props.getKeys()).toEqual([]);
  });

  it('refuses a value over 9 KB and keeps the old one', () => {
    const g = createFakeGoogle();
    const props = g.globals.PropertiesService.getScriptProperties();
    props.setProperty('k', 'old');
    expect(() => props.setProperty('k', 'x'.repeat(9 * 1024 + 1))).toThrow(VALUE_TOO_LARGE_MESSAGE);
    expect(props.getProperty('k')).toBe('old');
  });

  it('counts bytes, not characters, against the 9 KB limit', () => {
    const g = createFakeGoogle();
    const props = g.globals.PropertiesService.getScriptProperties();
    expect(() => props.setProperty('k', 'ệ'.repeat(3100))).toThrow(VALUE_TOO_LARGE_MESSAGE);
  });

  it('refuses to grow a store past 500 KB, writing none of a batch', () => {
    const g = createFakeGoogle();
    const props = g.globals.PropertiesService.getDocumentProperties();
    const chunk = 'x'.repeat(9000);
    for (let i = 0; i < 56; i++) props.setProperty(`k${i}`, chunk);
    expect(() => props.setProperties({ a: chunk, b: chunk })).toThrow(STORE_FULL_MESSAGE);
    expect(props.getProperty('a')).toBeNull();
    expect(props.getKeys()).toHaveLength(56);
  });

  it('keeps user properties apart per user', () => {
    const g = createFakeGoogle();
    g.asUser('a@x.vn', () => g.globals.PropertiesService.getUserProperties().setProperty('panel', 'A'));
    g.asUser('b@x.vn', () => expect(g.globals.PropertiesService.getUserProperties().getProperty('panel')).toBeNull());
    g.asUser('a@x.vn', () => expect(g.globals.PropertiesService.getUserProperties().getProperty('panel')).toBe('A'));
  });
});

describe('LockService across two executions', () => {
  it('makes the second execution fail to take a lock the first holds, until released', () => {
    const a = createFakeGoogle({ now: 0 });
    const b = a.fork({ user: 'other@x.vn' });
    const lockA = a.globals.LockService.getDocumentLock();
    expect(lockA.tryLock(30_000)).toBe(true);
    const lockB = b.globals.LockService.getDocumentLock();
    expect(lockB.tryLock(10_000)).toBe(false);
    expect(lockB.hasLock()).toBe(false);
    expect(() => lockB.waitLock(5_000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(a.shared.clock.now).toBe(15_000);
    lockA.releaseLock();
    expect(lockB.tryLock(10_000)).toBe(true);
    expect(lockB.hasLock()).toBe(true);
    expect(lockA.hasLock()).toBe(false);
  });

  it('lets the same execution take its own lock again', () => {
    const a = createFakeGoogle();
    expect(a.globals.LockService.getScriptLock().tryLock(1)).toBe(true);
    expect(a.globals.LockService.getScriptLock().tryLock(1)).toBe(true);
  });

  it('releases an execution\'s locks when it ends', () => {
    const a = createFakeGoogle();
    const b = a.fork();
    a.globals.LockService.getDocumentLock().waitLock(1000);
    a.endExecution();
    expect(b.globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
  });

  it('keeps document, script and user locks independent', () => {
    const a = createFakeGoogle();
    const b = a.fork({ user: 'b@x.vn' });
    a.globals.LockService.getDocumentLock().waitLock(1);
    a.globals.LockService.getUserLock().waitLock(1);
    expect(b.globals.LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(b.globals.LockService.getUserLock().tryLock(0)).toBe(true);
    expect(b.globals.LockService.getDocumentLock().tryLock(0)).toBe(false);
  });
});

describe('ScriptApp triggers', () => {
  function withUnit(options: { accounts?: 'consumer' | 'workspace' } = {}) {
    const calls: unknown[] = [];
    const g = createFakeGoogle({ owner: 'owner@x.vn', editors: ['bd@x.vn'], ...options });
    const sheet = g.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('BD');
    sheet.getRange('D5').setValue(7);
    g.setHandlerScope({ logEdit: (e: unknown) => calls.push(e) });
    return { g, sheet, calls };
  }

  it('fires an installable onEdit with old and new values, the editor (Workspace, same domain) and the range', () => {
    const { g, calls } = withUnit({ accounts: 'workspace' });
    const ss = g.globals.SpreadsheetApp.getActiveSpreadsheet();
    g.globals.ScriptApp.newTrigger('logEdit').forSpreadsheet(ss).onEdit().create();
    expect(g.userEdit('bd@x.vn', 'BD', 'D5', '8,5')).toEqual({ ok: true, triggerErrors: [] });
    expect(calls).toHaveLength(1);
    const e = calls[0] as { value: string; oldValue: string; user: { getEmail(): string }; range: { getA1Notation(): string }; authMode: string; source: unknown };
    expect(e.value).toBe('8.5');
    expect(e.oldValue).toBe('7');
    expect(e.user.getEmail()).toBe('bd@x.vn');
    expect(e.range.getA1Notation()).toBe('D5');
    expect(e.authMode).toBe(g.globals.ScriptApp.AuthMode.FULL);
    expect(e.source).toBe(ss);
  });

  it('hides an editor from another domain in e.user in Workspace, as Google does', () => {
    const g = createFakeGoogle({ owner: 'owner@x.vn', editors: ['bd@x.vn', 'ai@gmail.com'], accounts: 'workspace' });
    g.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('BD');
    const seen: string[] = [];
    g.setHandlerScope({ logEdit: (e: { user: { getEmail(): string } }) => seen.push(e.user.getEmail()) });
    g.globals.ScriptApp.newTrigger('logEdit').forSpreadsheet(g.globals.SpreadsheetApp.getActiveSpreadsheet()).onEdit().create();
    g.userEdit('bd@x.vn', 'BD', 'A1', 1);
    g.userEdit('ai@gmail.com', 'BD', 'A2', 1);
    expect(seen).toEqual(['bd@x.vn', '']);
  });

  it('runs the handler as the trigger creator, not as the editor', () => {
    const { g } = withUnit();
    const seen: string[] = [];
    g.setHandlerScope({ who: () => seen.push(g.globals.Session.getEffectiveUser().getEmail()) });
    g.globals.ScriptApp.newTrigger('who').forSpreadsheet(g.globals.SpreadsheetApp.getActiveSpreadsheet()).onEdit().create();
    g.userEdit('bd@x.vn', 'BD', 'A1', 1);
    expect(seen).toEqual(['owner@x.vn']);
    expect(g.env.currentUser).toBe('owner@x.vn');
  });

  it('does not fire onEdit for a refused edit nor for a script write', () => {
    const { g, sheet, calls } = withUnit();
    g.globals.ScriptApp.newTrigger('logEdit').forSpreadsheet(g.globals.SpreadsheetApp.getActiveSpreadsheet()).onEdit().create();
    const p = sheet.getRange('D5').protect();
    p.removeEditors(p.getEditors());
    g.userEdit('bd@x.vn', 'BD', 'D5', 1);
    sheet.getRange('A1').setValue(2);
    expect(calls).toEqual([]);
  });

  it('fires the simple onEdit as the editing user in LIMITED mode', () => {
    const { g } = withUnit();
    const seen: Array<[string, string]> = [];
    g.setHandlerScope({ onEdit: (e: { authMode: string }) => seen.push([g.env.currentUser, e.authMode]) });
    g.userEdit('bd@x.vn', 'BD', 'A1', 1);
    expect(seen).toEqual([['bd@x.vn', 'LIMITED']]);
  });

  it('returns a handler error without undoing the edit', () => {
    const { g } = withUnit();
    g.setHandlerScope({ boom: () => { throw new Error('hỏng'); } });
    g.globals.ScriptApp.newTrigger('boom').forSpreadsheet(g.globals.SpreadsheetApp.getActiveSpreadsheet()).onEdit().create();
    const r = g.userEdit('bd@x.vn', 'BD', 'A1', 1);
    expect(r.ok && (r.triggerErrors[0] as Error).message).toBe('hỏng');
    expect(g.peek('BD', 'A1')).toEqual([[1]]);
  });

  it('lists only the current user\'s triggers and deletes them', () => {
    const { g } = withUnit();
    const ss = g.globals.SpreadsheetApp.getActiveSpreadsheet();
    const t = g.globals.ScriptApp.newTrigger('logEdit').forSpreadsheet(ss).onEdit().create();
    g.asUser('bd@x.vn', () => g.globals.ScriptApp.newTrigger('logEdit').forSpreadsheet(ss.getId()).onOpen().create());
    const mine = g.globals.ScriptApp.getProjectTriggers();
    expect(mine.map((x) => [x.getHandlerFunction(), x.getEventType()])).toEqual([['logEdit', 'ON_EDIT']]);
    g.globals.ScriptApp.deleteTrigger(t);
    expect(g.globals.ScriptApp.getProjectTriggers()).toEqual([]);
    expect(g.asUser('bd@x.vn', () => g.globals.ScriptApp.getProjectTriggers())).toHaveLength(1);
  });

  it('refuses a 21st trigger for the same user', () => {
    const g = createFakeGoogle({ addon: false });
    for (let i = 0; i < 20; i++) g.globals.ScriptApp.newTrigger(`f${i}`).timeBased().everyMinutes(5).create();
    expect(() => g.globals.ScriptApp.newTrigger('f20').timeBased().after(1000).create()).toThrow(TOO_MANY_TRIGGERS_MESSAGE);
    expect(g.asUser('b@x.vn', () => g.globals.ScriptApp.newTrigger('f').timeBased().after(1).create().getHandlerFunction())).toBe('f');
  });

  it('runs a one-off time trigger once it is due, with no Ui', () => {
    const g = createFakeGoogle({ now: 0, addon: false });
    const runs: string[] = [];
    g.setHandlerScope({ resume: () => { runs.push('resume'); g.globals.SpreadsheetApp.getUi(); } });
    g.globals.ScriptApp.newTrigger('resume').timeBased().after(60_000).create();
    expect(g.runDueTriggers(59_999)).toEqual([]);
    const done = g.runDueTriggers(1);
    expect(runs).toEqual(['resume']);
    expect(String((done[0]!.error as Error).message)).toMatch(/getUi/);
    expect(g.runDueTriggers(600_000)).toEqual([]);
    expect(g.globals.ScriptApp.getProjectTriggers()).toHaveLength(1);
  });

  it('runs a recurring trigger once per call however late it is', () => {
    const g = createFakeGoogle({ now: 0, addon: false });
    let n = 0;
    g.setHandlerScope({ tick: () => { n++; } });
    g.globals.ScriptApp.newTrigger('tick').timeBased().everyMinutes(5).create();
    g.runDueTriggers(5 * 60_000);
    g.runDueTriggers(60 * 60_000);
    expect(n).toBe(2);
  });

  it('refuses everyMinutes values Apps Script does not offer', () => {
    const g = createFakeGoogle();
    expect(() => g.globals.ScriptApp.newTrigger('f').timeBased().everyMinutes(7)).toThrow(/1, 5, 10, 15 or 30/);
  });
});

describe('auth modes', () => {
  it('in AuthMode.NONE allows the menu but refuses the document and properties', () => {
    const g = createFakeGoogle({ authMode: 'NONE' });
    g.globals.SpreadsheetApp.getUi().createAddonMenu().addItem('Mở', 'showSidebar').addToUi();
    expect(() => g.globals.SpreadsheetApp.getActiveSpreadsheet()).toThrow(/You do not have permission to call SpreadsheetApp.getActiveSpreadsheet/);
    expect(() => g.globals.PropertiesService.getDocumentProperties()).toThrow(/permission/);
    expect(g.ui.menus).toHaveLength(1);
  });

  it('in AuthMode.LIMITED refuses creating triggers', () => {
    const g = createFakeGoogle({ authMode: 'LIMITED' });
    expect(() => g.globals.ScriptApp.newTrigger('f')).toThrow(/script.scriptapp/);
  });
});

describe('Ui', () => {
  it('records the add-on menu with its items, separators and submenus', () => {
    const g = createFakeGoogle({ addonName: 'Thi đua' });
    const ui = g.globals.SpreadsheetApp.getUi();
    ui.createAddonMenu()
      .addItem('Mở bảng điều khiển', 'showSidebar')
      .addSeparator()
      .addSubMenu(ui.createMenu('Nâng cao').addItem('Tính điểm', 'recompute'))
      .addToUi();
    expect(g.ui.menus).toEqual([{
      addon: true, caption: 'Thi đua', items: [
        { kind: 'item', caption: 'Mở bảng điều khiển', functionName: 'showSidebar' },
        { kind: 'separator' },
        { kind: 'submenu', caption: 'Nâng cao', items: [{ kind: 'item', caption: 'Tính điểm', functionName: 'recompute' }] },
      ],
    }]);
  });

  it('answers alerts and prompts as scripted, else with the first button', () => {
    const g = createFakeGoogle();
    const ui = g.globals.SpreadsheetApp.getUi();
    expect(ui.alert('Xong')).toBe(ui.Button.OK);
    g.ui.answerNextAlert('NO');
    expect(ui.alert('Chốt?', 'Chốt kết quả năm?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    g.ui.answerNextPrompt('Thiếu minh chứng', 'OK');
    const r = ui.prompt('Lý do trả lại', ui.ButtonSet.OK_CANCEL);
    expect([r.getResponseText(), r.getSelectedButton()]).toEqual(['Thiếu minh chứng', 'OK']);
    expect(g.ui.alerts.map((a) => [a.kind, a.title, a.answer])).toEqual([['alert', null, 'OK'], ['alert', 'Chốt?', 'NO'], ['prompt', null, 'OK']]);
  });

  it('records the sidebar with its HTML output and title', () => {
    const dir = mkdtempSync(join(tmpdir(), 'html-'));
    writeFileSync(join(dir, 'Sidebar.html'), '<p>Bảng điều khiển</p>');
    const g = createFakeGoogle({ htmlDir: dir });
    const html = g.globals.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Thi đua');
    g.globals.SpreadsheetApp.getUi().showSidebar(html);
    expect(g.ui.lastSidebar?.snapshot()).toMatchObject({ title: 'Thi đua', content: '<p>Bảng điều khiển</p>', fileName: 'Sidebar' });
  });

  it('records toasts', () => {
    const g = createFakeGoogle();
    g.globals.SpreadsheetApp.getActiveSpreadsheet().toast('Đã tính điểm', 'Thi đua', 5);
    expect(g.ui.toasts).toEqual([{ message: 'Đã tính điểm', title: 'Thi đua', timeoutSeconds: 5, user: g.env.currentUser }]);
  });

  it('gives a toast from the installable edit trigger to its creator, not to the person who edited', () => {
    const g = createFakeGoogle({ owner: 'owner@x.vn', editors: ['bd@x.vn'] });
    g.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('BD');
    g.setHandlerScope({ tell: () => g.globals.SpreadsheetApp.getActiveSpreadsheet().toast('Đã hoàn lại', 'Thi đua') });
    g.globals.ScriptApp.newTrigger('tell').forSpreadsheet(g.globals.SpreadsheetApp.getActiveSpreadsheet()).onEdit().create();
    g.userEdit('bd@x.vn', 'BD', 'A1', 1);
    expect(g.ui.toasts.map((t) => t.user)).toEqual(['owner@x.vn']);
  });
});

describe('HtmlService', () => {
  it('throws as Apps Script does for a missing file', () => {
    const g = createFakeGoogle({ htmlDir: mkdtempSync(join(tmpdir(), 'html-')) });
    expect(() => g.globals.HtmlService.createHtmlOutputFromFile('Nope')).toThrow('No HTML file named Nope was found.');
  });

  it('builds output from a string and keeps its settings', () => {
    const g = createFakeGoogle();
    const h = g.globals.HtmlService.createHtmlOutput('<b>x</b>').setWidth(400).setSandboxMode(g.globals.HtmlService.SandboxMode.IFRAME)
      .setXFrameOptionsMode(g.globals.HtmlService.XFrameOptionsMode.ALLOWALL);
    expect([h.getContent(), h.getWidth(), h.xFrameOptionsMode]).toEqual(['<b>x</b>', 400, 'ALLOWALL']);
  });
});

describe('Session and Utilities', () => {
  it('reports the current user as both active and effective user', () => {
    const g = createFakeGoogle({ owner: 'o@x.vn' });
    g.asUser('u@x.vn', () => {
      expect(g.globals.Session.getActiveUser().getEmail()).toBe('u@x.vn');
      expect(g.globals.Session.getEffectiveUser().getEmail()).toBe('u@x.vn');
    });
    expect(g.globals.Session.getScriptTimeZone()).toBe('Asia/Ho_Chi_Minh');
  });

  it('gives each user a different, stable temporary key', () => {
    const g = createFakeGoogle();
    const a1 = g.asUser('a@x.vn', () => g.globals.Session.getTemporaryActiveUserKey());
    const a2 = g.asUser('a@x.vn', () => g.globals.Session.getTemporaryActiveUserKey());
    const b = g.asUser('b@x.vn', () => g.globals.Session.getTemporaryActiveUserKey());
    expect(a1).toBe(a2);
    expect(a1).not.toBe(b);
  });

  it('formats dates in the given time zone', () => {
    const g = createFakeGoogle();
    const d = new Date('2024-12-31T18:30:05Z');
    expect(g.globals.Utilities.formatDate(d, 'Asia/Ho_Chi_Minh', 'dd/MM/yyyy HH:mm:ss')).toBe('01/01/2025 01:30:05');
    expect(g.globals.Utilities.formatDate(d, 'UTC', "yyyy-MM-dd'T'HH:mm")).toBe('2024-12-31T18:30');
  });

  it('sleeps on the simulated clock without waiting', () => {
    const g = createFakeGoogle({ now: 1000 });
    const started = Date.now();
    g.globals.Utilities.sleep(120_000);
    expect(g.shared.clock.now).toBe(121_000);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('makes blobs that keep data, type and name', () => {
    const g = createFakeGoogle();
    const b = g.globals.Utilities.newBlob('Xin chào', 'text/plain', 'a.txt');
    expect([b.getDataAsString(), b.getContentType(), b.getName()]).toEqual(['Xin chào', 'text/plain', 'a.txt']);
    expect(b.setName('b.txt').getName()).toBe('b.txt');
    expect(b.getBytes().slice(0, 3)).toEqual([88, 105, 110]);
    expect(g.globals.Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
  });
});
