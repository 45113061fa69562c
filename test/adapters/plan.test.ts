/**
 * The apply half of set-up and copy (src/adapters/plan.ts) on the fakes: tab steps create what is
 * missing and never overwrite first rows already written; archiving renames by id to a free name,
 * hides, and leaves a tab of another name alone.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { adoptBlankTab, applyTabSteps, applyWritePlan, archiveTabs } from '../../src/adapters/plan';
import { StateStore } from '../../src/adapters/properties';
import type { ProtectionSpec } from '../../src/workbook/rights';
import { useServices } from '../../src/adapters/services';
import { SheetsAdapter } from '../../src/adapters/sheets';
import { createFakeGoogle, type FakeGoogle } from '../fakes/google';

let g: FakeGoogle;
let a: SheetsAdapter;
const ss = () => g.apps.SpreadsheetApp.getActiveSpreadsheet();

beforeEach(() => {
  g = createFakeGoogle({ owner: 'owner@x.vn' });
  useServices({ spreadsheetApp: g.apps.SpreadsheetApp, lockService: g.apps.LockService, propertiesService: g.apps.PropertiesService, session: g.apps.Session, scriptApp: g.apps.ScriptApp });
  a = SheetsAdapter.active();
});

describe('tab steps', () => {
  it('adopts the empty only tab, creates the missing ones in order, writes text as text, hides a new hidden tab', () => {
    a.tabs();
    adoptBlankTab(a, 'Cấu hình');
    applyTabSteps(a, [
      { kind: 'grid', tab: 'Cấu hình', before: [], after: [['=1+1', '01']] },
      { kind: 'head', tab: 'Nhật ký', values: [['Thời gian', 'Người']] },
      { kind: 'head', tab: 'Lưu trữ', values: [['Năm']], hideIfNew: true },
      { kind: 'freeze', tab: 'Cấu hình', rows: 4 },
    ]);
    expect(ss().getSheets().map((s) => s.getName())).toEqual(['Cấu hình', 'Nhật ký', 'Lưu trữ']);
    expect(g.peek('Cấu hình', 'A1:B1')).toEqual([['=1+1', '01']]);
    expect(ss().getSheetByName('Cấu hình')!.getRange('A1').getFormula()).toBe('');
    expect(ss().getSheetByName('Lưu trữ')!.isSheetHidden()).toBe(true);
    expect(ss().getSheetByName('Nhật ký')!.isSheetHidden()).toBe(false);
    expect(ss().getSheetByName('Cấu hình')!.getFrozenRows()).toBe(4);
  });

  it('leaves a tab that holds something as it is, and first rows already written', () => {
    ss().getSheets()[0]!.getRange('A1').setValue('của tôi');
    ss().insertSheet('Nhật ký').getRange('A1').setValue('Đã có');
    a.invalidate();
    a.tabs();
    adoptBlankTab(a, 'Cấu hình');
    applyTabSteps(a, [{ kind: 'head', tab: 'Nhật ký', values: [['Thời gian', 'Người']] }]);
    expect(ss().getSheets().map((s) => s.getName())).not.toContain('Cấu hình');
    expect(g.peek('Nhật ký', 'A1:B1')).toEqual([['Đã có', '']]);
  });
});

describe('archiving', () => {
  it('renames by id to a free name, hides, finishes a rename cut short, and leaves another name alone', () => {
    const sum = ss().insertSheet('Tổng hợp');
    const cfg = ss().insertSheet('Cấu hình');
    const done = ss().insertSheet('Tây Ninh 2021');
    const other = ss().insertSheet('Bình Dương');
    ss().insertSheet('Tổng hợp 2021');
    a.invalidate();
    archiveTabs(a, [
      { id: sum.getSheetId(), name: 'Tổng hợp', archived: 'Tổng hợp 2021', hide: false },
      { id: cfg.getSheetId(), name: 'Cấu hình', archived: 'Cấu hình 2021', hide: true },
      { id: done.getSheetId(), name: 'Tây Ninh', archived: 'Tây Ninh 2021', hide: true },
      { id: other.getSheetId(), name: 'Đồng Nai', archived: 'Đồng Nai 2021', hide: true },
      { id: 987654, name: 'Mất', archived: 'Mất 2021', hide: true },
    ]);
    expect([sum, cfg, done, other].map((s) => [s.getName(), s.isSheetHidden()])).toEqual([
      ['Tổng hợp 2021 (2)', false], ['Cấu hình 2021', true], ['Tây Ninh 2021', true], ['Bình Dương', false],
    ]);
  });
});

describe('a plan with locks', () => {
  const lock: ProtectionSpec = { key: '2021:closed:Tổng hợp', sheet: 'Tổng hợp', range: null, unprotected: [], editors: [], label: 'Khóa năm 2021' };

  it('writes the state, then sets the locks (tabs by name) and returns what they could not do', () => {
    ss().insertSheet('Tổng hợp');
    a.invalidate();
    const store = StateStore.document();
    const out = g.asUser('owner@x.vn', () => applyWritePlan(a, store, { grow: [], blocks: [], state: { k: 'v' }, locks: [lock] }, new Map(), { runner: { me: 'owner@x.vn', keep: '', onOutcome: () => undefined } }));
    expect(out).toEqual({ missing: null, locks: { stuck: false, skipped: 0, needsOwner: false } });
    expect(g.apps.PropertiesService.getDocumentProperties().getProperty('k')).toBe('v');
    expect(ss().getProtections(g.apps.SpreadsheetApp.ProtectionType.SHEET).map((p) => p.getDescription())).toEqual([expect.stringContaining(lock.key)]);
  });

  it('needs a runner for its locks', () => {
    expect(() => applyWritePlan(a, StateStore.document(), { grow: [], blocks: [], state: {}, locks: [lock] }, new Map())).toThrow(/ProtectionRunner/);
  });
});
