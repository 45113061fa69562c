import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createFakeGoogle } from './google';

function populated() {
  const g = createFakeGoogle({ owner: 'owner@x.vn', editors: ['bd@x.vn'], now: new Date('2025-05-01T00:00:00Z') });
  const app = g.globals.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.insertSheet('Bình Dương');
  sheet.getRange('A1:C2').setValues([['Mã', 'Điểm', 'Ngày'], ['1.1', 8.5, new Date('2025-04-30T17:00:00Z')]]);
  sheet.getRange('B2').setNumberFormat('0.00').setBackground('#fff2cc').setNote('tự chấm');
  sheet.getRange('D2').setFormula('=B2*2');
  sheet.getRange('B2').setDataValidation(app.newDataValidation().requireNumberBetween(0, 10).setAllowInvalid(false).build());
  sheet.setConditionalFormatRules([app.newConditionalFormatRule().whenCellEmpty().setBackground('#eee').setRanges([sheet.getRange('B2:B9')]).build()]);
  const p = sheet.getRange('B2:B9').protect().setDescription('BD');
  p.removeEditors(p.getEditors());
  p.addEditor('bd@x.vn');
  g.globals.PropertiesService.getDocumentProperties().setProperty('cursor', '7');
  g.globals.ScriptApp.newTrigger('onEditLog').forSpreadsheet(ss).onEdit().create();
  return g;
}

describe('serialize and restore', () => {
  it('gives plain JSON that survives a JSON round trip unchanged', () => {
    const state = populated().serialize();
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('restores values, dates, formulas, formats, validations, rules, protections, properties and triggers', () => {
    const restored = createFakeGoogle({ state: JSON.parse(JSON.stringify(populated().serialize())) });
    const app = restored.globals.SpreadsheetApp;
    const sheet = app.getActiveSpreadsheet().getSheetByName('Bình Dương')!;
    expect(sheet.getRange('A2:C2').getValues()).toEqual([['1.1', 8.5, new Date('2025-04-30T17:00:00Z')]]);
    expect(sheet.getRange('D2').getFormula()).toBe('=B2*2');
    expect(sheet.getRange('B2').getDisplayValue()).toBe('8,50');
    expect(sheet.getRange('B2').getBackground()).toBe('#fff2cc');
    expect(sheet.getRange('B2').getNote()).toBe('tự chấm');
    expect(sheet.getRange('B2').getDataValidation()!.getCriteriaValues()).toEqual([0, 10]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(1);
    const [p] = sheet.getProtections(app.ProtectionType.RANGE);
    expect(p!.getEditors().map((u) => u.getEmail())).toEqual(['owner@x.vn', 'bd@x.vn']);
    expect(restored.userEdit('other@x.vn', 'Bình Dương', 'B3', 1)).toMatchObject({ ok: false });
    expect(restored.globals.PropertiesService.getDocumentProperties().getProperty('cursor')).toBe('7');
    expect(restored.globals.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['onEditLog']);
    expect(restored.serialize()).toEqual(populated().serialize());
  });

  it('restores in place, so every execution over the state sees it', () => {
    const g = populated();
    const saved = g.serialize();
    const other = g.fork();
    g.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Bình Dương')!.getRange('A1').setValue('đã đổi');
    other.restore(saved);
    expect(g.peek('Bình Dương', 'A1')).toEqual([['Mã']]);
  });

  it('does not keep locks', () => {
    const g = populated();
    g.globals.LockService.getDocumentLock().waitLock(1);
    const restored = createFakeGoogle({ state: g.serialize() });
    expect(restored.globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
  });
});

describe('executions', () => {
  it('share the spreadsheet but count calls separately', () => {
    const a = createFakeGoogle();
    const b = a.fork({ user: 'b@x.vn' });
    a.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Chung');
    expect(b.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Chung')).not.toBeNull();
    expect(b.env.calls.map((c) => c.name)).toEqual(['SpreadsheetApp.getActiveSpreadsheet', 'Spreadsheet.getSheetByName']);
    expect(b.env.currentUser).toBe('b@x.vn');
    expect(a.env.currentUser).toBe('owner@example.com');
  });

  it('switch the user for the duration of asUser only, even when it throws', () => {
    const g = createFakeGoogle();
    expect(() => g.asUser('x@x.vn', () => { throw new Error('boom'); })).toThrow('boom');
    expect(g.env.currentUser).toBe('owner@example.com');
  });

  it('switch the user back after an async asUser', async () => {
    const g = createFakeGoogle();
    const seen = await g.asUser('x@x.vn', async () => g.env.currentUser);
    expect(seen).toBe('x@x.vn');
    expect(g.env.currentUser).toBe('owner@example.com');
  });
});

describe('interleaving', () => {
  it('runs another execution at a chosen call of the first', () => {
    const a = createFakeGoogle({ editors: ['bd@x.vn'] });
    const sheet = a.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('BD');
    sheet.getRange('A1').setValue(1);
    const b = a.fork({ user: 'bd@x.vn' });
    let bGotLock: boolean | null = null;
    const stop = a.env.onCall((name) => {
      if (name === 'Range.setValues') bGotLock = b.globals.LockService.getDocumentLock().tryLock(1000);
    });
    const lock = a.globals.LockService.getDocumentLock();
    lock.waitLock(1000);
    const v = sheet.getRange('A1').getValues();
    sheet.getRange('A1').setValues([[Number(v[0]![0]) + 1]]);
    lock.releaseLock();
    stop();
    expect(bGotLock).toBe(false);
    expect(a.peek('BD', 'A1')).toEqual([[2]]);
    expect(b.env.calls.map((c) => c.name)).toEqual(['LockService.getDocumentLock', 'Lock.tryLock']);
  });

  it('gives each execute() its own execution, releasing its locks even when it throws', () => {
    const g = createFakeGoogle();
    const other = g.fork();
    expect(() => g.execute('a@x.vn', () => {
      g.globals.LockService.getDocumentLock().waitLock(1);
      expect(other.globals.LockService.getDocumentLock().tryLock(0)).toBe(false);
      throw new Error('giữa chừng');
    })).toThrow('giữa chừng');
    expect(other.globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
    expect(g.env.currentUser).toBe('owner@example.com');
  });

  it('refuses writes from a custom function', () => {
    const g = createFakeGoogle();
    const sheet = g.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
    sheet.getRange('A1').setValue(3);
    g.execute('owner@example.com', () => {
      expect(sheet.getRange('A1').getValue()).toBe(3);
      expect(() => sheet.getRange('A1').setValue(4)).toThrow(/custom function/);
    }, 'CUSTOM_FUNCTION');
  });
});

describe('installGlobals', () => {
  it('lets code in a vm context call the services and be found as a trigger handler', () => {
    const g = createFakeGoogle({ editors: ['bd@x.vn'] });
    const context = vm.createContext({});
    g.installGlobals(context);
    vm.runInContext(`
      function setUp() {
        var ss = SpreadsheetApp.getActiveSpreadsheet();
        var sh = ss.insertSheet('Nhật ký');
        sh.appendRow(['Thời gian', 'Người', 'Ô']);
        ScriptApp.newTrigger('logEdit').forSpreadsheet(ss).onEdit().create();
      }
      function logEdit(e) {
        SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Nhật ký').appendRow([e.user.getEmail(), e.range.getA1Notation(), e.value]);
      }
      setUp();
    `, context);
    g.userEdit('bd@x.vn', 'Trang tính1', 'B2', 5);
    // e.value is the string '5'; Sheets reads it back as a number. The editor is another consumer
    // account than the trigger's creator: Google leaves e.user blank.
    expect(g.peek('Nhật ký')).toEqual([['Thời gian', 'Người', 'Ô'], ['', 'B2', 5]]);
  });

  it('hands dates to code in a vm context as that context\'s own Date', () => {
    const g = createFakeGoogle();
    const context: Record<string, unknown> = {};
    g.installGlobals(context);
    vm.createContext(context);
    const sheet = g.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
    sheet.getRange('A1').setValue(new Date('2025-01-01T00:00:00Z'));
    const out = vm.runInContext(`
      var v = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').getValue();
      SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('B1').setValue(new Date(v.getTime() + 86400000));
      [v instanceof Date, v.toISOString()];
    `, context) as [boolean, string];
    expect([out[0], out[1]]).toEqual([true, '2025-01-01T00:00:00.000Z']);
    expect(g.peek(sheet.getName(), 'B1')).toEqual([[new Date('2025-01-02T00:00:00Z')]]);
  });

  it('adds extra globals from other fakes', () => {
    const g = createFakeGoogle({ extraGlobals: ({ env }) => ({ DriveApp: { ping: () => env.record('DriveApp.ping') } }) });
    (g.globals.DriveApp as { ping(): void }).ping();
    expect(g.env.count('DriveApp.')).toBe(1);
  });

  it('serialises and restores the state other fakes keep in extensions', () => {
    const extraGlobals = ({ shared }: { shared: { extensions: Record<string, unknown> } }) => {
      const drive = (shared.extensions.drive ??= { files: [] as string[] }) as { files: string[] };
      return { DriveApp: { createFile: (name: string) => drive.files.push(name) } };
    };
    const g = createFakeGoogle({ extraGlobals });
    (g.globals.DriveApp as { createFile(n: string): void }).createFile('Báo cáo.pdf');
    const restored = createFakeGoogle({ extraGlobals, state: JSON.parse(JSON.stringify(g.serialize())) });
    expect(restored.shared.extensions.drive).toEqual({ files: ['Báo cáo.pdf'] });
  });
});
