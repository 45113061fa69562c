import { beforeEach, describe, expect, it } from 'vitest';
import { SheetsAdapter, asText } from '../../src/adapters/sheets';
import { useServices } from '../../src/adapters/services';
import type { ProtectionSpec } from '../../src/workbook/rights';
import { createFakeGoogle, type FakeGoogle } from '../fakes/google';

let g: FakeGoogle;
let a: SheetsAdapter;

beforeEach(() => {
  g = createFakeGoogle({ owner: 'owner@x.vn', editors: ['a@x.vn', 'b@x.vn'] });
  useServices({ spreadsheetApp: g.apps.SpreadsheetApp, lockService: g.apps.LockService, propertiesService: g.apps.PropertiesService, session: g.apps.Session, scriptApp: g.apps.ScriptApp });
  a = SheetsAdapter.active();
  const ss = g.apps.SpreadsheetApp.getActiveSpreadsheet();
  ss.getSheets()[0]!.setName('Một');
  ss.insertSheet('Hai', 1).getRange('A1:B2').setValues([['HAI', 'x'], ['y', 'z']]);
  ss.insertSheet('Ba', 2).getRange('A1').setValue('BA');
  a.invalidate();
});

const isTitled = (t: string) => (grid: unknown[][]) => grid[0]?.[0] === t;

describe('reading tabs', () => {
  it('reads a tab standing where expected in one call', () => {
    a.sheets();
    g.env.resetCalls();
    const got = a.readTabs([{ name: 'Hai', index: 1, verify: isTitled('HAI') }]);
    expect(got.get('Hai')?.grid).toEqual([['HAI', 'x'], ['y', 'z']]);
    expect(g.env.calls.map((c) => c.name)).toEqual(['Sheet.getSheetValues']);
  });

  it('finds a tab that moved by its name, and checks it', () => {
    const got = a.readTabs([{ name: 'Ba', index: 1, verify: isTitled('BA') }]);
    expect(got.get('Ba')).toMatchObject({ grid: [['BA']], index: null });
  });

  it('gives null for a tab that is missing or is not what it should be', () => {
    const got = a.readTabs([
      { name: 'Bốn', verify: () => true },
      { name: 'Hai', verify: isTitled('KHÁC') },
    ]);
    expect(got.get('Bốn')).toBeNull();
    expect(got.get('Hai')).toBeNull();
  });

  it('lists tabs with names, ids and positions', () => {
    expect(a.tabs().map((t) => [t.name, t.index])).toEqual([['Một', 0], ['Hai', 1], ['Ba', 2]]);
  });
});

describe('writing', () => {
  it('writes text as text, never as a formula or a number', () => {
    const sheet = a.byName('Ba')!;
    a.write(sheet, 2, 1, [['=1+1', '1.000', '01/02/2021', 5, '']]);
    expect(g.peek('Ba', 'A2:E2')).toEqual([['=1+1', '1.000', '01/02/2021', 5, '']]);
    expect(asText([['a', 1, '']])).toEqual([["'a", 1, '']]);
  });

  it('appends one row in one call, several in three', () => {
    const sheet = a.byName('Ba')!;
    g.env.resetCalls();
    a.append(sheet, [['x']]);
    expect(g.env.callCount).toBe(1);
    g.env.resetCalls();
    a.append(sheet, [['y'], ['z']]);
    expect(g.env.callCount).toBe(3);
    expect(g.peek('Ba', 'A1:A4').map((r) => r[0])).toEqual(['BA', 'x', 'y', 'z']);
  });

  it('grows a tab only when needed', () => {
    const sheet = a.byName('Ba')!;
    a.ensureSize(sheet, 1200, 30);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1200, 30]);
    g.env.resetCalls();
    a.ensureSize(sheet, 10, 10);
    expect(g.env.calls.map((c) => c.name)).toEqual(['Sheet.getMaxRows', 'Sheet.getMaxColumns']);
  });

  it('inserts a new tab at the end unless told where', () => {
    a.insert('Bốn');
    expect(a.tabs().map((t) => t.name)).toEqual(['Một', 'Hai', 'Ba', 'Bốn']);
  });
});

describe('protections', () => {
  const specs = (): ProtectionSpec[] => [
    { key: 'k:whole', sheet: 'Hai', range: null, unprotected: [{ row: 2, column: 1, rows: 1, columns: 2 }], editors: [], label: 'Hai' },
    { key: 'k:area', sheet: 'Hai', range: { row: 2, column: 1, rows: 1, columns: 2 }, unprotected: [], editors: ['a@x.vn'], label: 'Vùng' },
  ];

  it('gives each area to its editors only, domain editing off', () => {
    expect(a.applyProtections(specs(), (n) => a.byName(n), 'owner@x.vn')).toMatchObject({ stuck: false, skipped: 0, needsOwner: false });
    expect(g.userEdit('a@x.vn', 'Hai', 'A2', 1)).toMatchObject({ ok: true });
    expect(g.userEdit('b@x.vn', 'Hai', 'A2', 1)).toMatchObject({ ok: false });
    expect(g.userEdit('a@x.vn', 'Hai', 'A1', 1)).toMatchObject({ ok: false });
    expect(g.shared.spreadsheet.protections.every((p) => !p.domainEdit)).toBe(true);
  });

  it('changes nothing when applied a second time', () => {
    a.applyProtections(specs(), (n) => a.byName(n), 'owner@x.vn');
    g.env.resetCalls();
    a.applyProtections(specs(), (n) => a.byName(n), 'owner@x.vn');
    expect(g.env.count('Protection.addEditors') + g.env.count('Protection.removeEditors') + g.env.count('Range.protect')).toBe(0);
    expect(g.shared.spreadsheet.protections).toHaveLength(2);
  });

  it('says when the person running it keeps a right they should lose', () => {
    const run = () => g.asUser('a@x.vn', () => a.applyProtections([{ ...specs()[0]!, editors: ['a@x.vn'] }], (n) => a.byName(n), 'a@x.vn'));
    expect(run().stuck).toBe(false);
    const stuck = g.asUser('a@x.vn', () => a.applyProtections([{ ...specs()[0]!, editors: [] }], (n) => a.byName(n), 'a@x.vn'));
    expect(stuck.stuck).toBe(true);
  });

  it('sets the editors of one protection, or says it is missing', () => {
    a.applyProtections(specs(), (n) => a.byName(n), 'owner@x.vn');
    const sheet = a.byName('Hai')!;
    expect(a.setProtectionEditors(sheet, 'k:area', ['b@x.vn'], 'owner@x.vn')).toBe('done');
    expect(g.userEdit('b@x.vn', 'Hai', 'A2', 1)).toMatchObject({ ok: true });
    expect(g.userEdit('a@x.vn', 'Hai', 'A2', 1)).toMatchObject({ ok: false });
    expect(a.setProtectionEditors(sheet, 'k:none', [], 'owner@x.vn')).toBe('missing');
    expect(g.asUser('b@x.vn', () => a.setProtectionEditors(sheet, 'k:area', [], 'b@x.vn'))).toBe('stuck');
  });

  it('leaves a protection the runner may not edit as it is, without reading its editors, and says when only the owner can finish', () => {
    a.applyProtections(specs(), (n) => a.byName(n), 'owner@x.vn');
    const asA = (list: ProtectionSpec[]) => g.asUser('a@x.vn', () => {
      const mine = SheetsAdapter.active();
      return mine.applyProtections(list, (n) => mine.byName(n), 'a@x.vn');
    });
    // a@x.vn may edit the area (and gives it to b), not the owner-only sheet around it.
    const [whole, area] = specs();
    expect(asA([whole!, { ...area!, editors: ['a@x.vn', 'b@x.vn'] }])).toEqual({ stuck: false, skipped: 1, needsOwner: false });
    expect(g.userEdit('b@x.vn', 'Hai', 'A2', 1)).toMatchObject({ ok: true });
    // A right a@x.vn should get there can only come from the owner.
    expect(asA([{ ...whole!, editors: ['a@x.vn'] }])).toEqual({ stuck: false, skipped: 1, needsOwner: true });
    expect(g.userEdit('a@x.vn', 'Hai', 'A1', 1)).toMatchObject({ ok: false });
    expect(g.asUser('b@x.vn', () => SheetsAdapter.active().setProtectionEditors(a.byName('Hai')!, 'k:area', [], 'b@x.vn'))).toBe('stuck');
    expect(g.asUser('a@x.vn', () => SheetsAdapter.active().setProtectionEditors(a.byName('Hai')!, 'k:area', ['a@x.vn'], 'a@x.vn'))).toBe('needsOwner');
  });

  it('locks every cell of a tab, rows added later too, and takes the lock away where the runner may', () => {
    const lock: ProtectionSpec = { key: 'k:lock', sheet: 'Ba', range: null, unprotected: [], editors: [], label: 'Khóa', wholeTab: true };
    a.applyProtections([lock], (n) => a.byName(n), 'owner@x.vn');
    a.byName('Ba')!.insertRowsAfter(1000, 5);
    expect(g.userEdit('a@x.vn', 'Ba', 'Z1005', 1)).toMatchObject({ ok: false });
    const gone = { ...lock, remove: true as const };
    expect(g.asUser('a@x.vn', () => {
      const mine = SheetsAdapter.active();
      return mine.applyProtections([gone], (n) => mine.byName(n), 'a@x.vn');
    })).toEqual({ stuck: false, skipped: 1, needsOwner: true });
    expect(SheetsAdapter.active().applyProtections([gone], (n) => a.byName(n), 'owner@x.vn')).toEqual({ stuck: false, skipped: 0, needsOwner: false });
    expect(g.userEdit('a@x.vn', 'Ba', 'Z1005', 1)).toMatchObject({ ok: true });
  });

  it('never removes the owner-side person of a year whose file has no owner (a shared drive)', () => {
    const d = createFakeGoogle({ owner: 'drive@x.vn', editors: ['a@x.vn', 'b@x.vn'], sharedDrive: true });
    useServices({ spreadsheetApp: d.apps.SpreadsheetApp, lockService: d.apps.LockService, propertiesService: d.apps.PropertiesService, session: d.apps.Session, scriptApp: d.apps.ScriptApp });
    d.apps.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Hai');
    const out = d.asUser('a@x.vn', () => {
      const mine = SheetsAdapter.active();
      return mine.applyProtections([{ ...specs()[0]!, editors: [] }], (n) => mine.byName(n), 'a@x.vn', 'a@x.vn');
    });
    expect(out).toMatchObject({ stuck: false, skipped: 0, needsOwner: false });
    expect(d.userEdit('b@x.vn', 'Hai', 'A1', 1)).toMatchObject({ ok: false });
    expect(d.userEdit('a@x.vn', 'Hai', 'A1', 1)).toMatchObject({ ok: true });
  });

  it('skips protections of tabs that do not exist', () => {
    a.applyProtections([{ ...specs()[0]!, sheet: 'Không có' }], (n) => a.byName(n), 'owner@x.vn');
    expect(g.shared.spreadsheet.protections).toHaveLength(0);
  });
});
