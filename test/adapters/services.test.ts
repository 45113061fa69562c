import { afterEach, describe, expect, it } from 'vitest';
import { BusyError, withDocumentLock } from '../../src/adapters/lock';
import { StateStore } from '../../src/adapters/properties';
import { KEY } from '../../src/workbook/state';
import { services, useDocumentServices, useServices } from '../../src/adapters/services';
import { currentUserEmail } from '../../src/adapters/session';
import { EDIT_HANDLER, ensureEditTrigger } from '../../src/adapters/triggers';
import { MAX_PROPERTY_VALUE_BYTES } from '../fakes/properties';
import { createFakeGoogle, type FakeGoogle } from '../fakes/google';

function plugged(user?: string): FakeGoogle {
  const g = createFakeGoogle({ owner: 'owner@x.vn', user });
  useServices({ spreadsheetApp: g.apps.SpreadsheetApp, lockService: g.apps.LockService, propertiesService: g.apps.PropertiesService, session: g.apps.Session, scriptApp: g.apps.ScriptApp });
  return g;
}

afterEach(() => useServices(null));

describe('the services accessor', () => {
  it('touches no global until a service is asked for', () => {
    useServices(null);
    const s = services();
    expect(() => s.spreadsheetApp).toThrow(ReferenceError);
  });

  it('hands out the replacements a test set', () => {
    const g = plugged();
    expect(services().spreadsheetApp).toBe(g.apps.SpreadsheetApp);
  });

  it('is one registry: DocumentApp and Drive beside the others, each set kept when the other is replaced', () => {
    const g = plugged();
    const documentApp = {} as GoogleAppsScript.Document.DocumentApp;
    useDocumentServices({ documentApp, drive: undefined });
    expect(services().documentApp).toBe(documentApp);
    expect(services().drive).toBeUndefined();
    expect(services().spreadsheetApp).toBe(g.apps.SpreadsheetApp);
    const h = plugged();
    expect(services().spreadsheetApp).toBe(h.apps.SpreadsheetApp);
    expect(services().documentApp).toBe(documentApp);
    useDocumentServices(null);
    expect(services().spreadsheetApp).toBe(h.apps.SpreadsheetApp);
    expect(() => services().documentApp).toThrow(ReferenceError);
    useServices(null);
    expect(() => services().spreadsheetApp).toThrow(ReferenceError);
  });
});

describe('the document lock', () => {
  it('runs the work holding the lock and releases it', () => {
    const g = plugged();
    expect(withDocumentLock('bận', () => 42)).toBe(42);
    expect(g.shared.locks.held).toEqual({});
  });

  it('releases the lock when the work throws', () => {
    const g = plugged();
    expect(() => withDocumentLock('bận', () => { throw new Error('x'); })).toThrow('x');
    expect(g.shared.locks.held).toEqual({});
  });

  it('refuses with the given message while someone else holds it, running nothing', () => {
    const g = plugged();
    g.fork().globals.LockService.getDocumentLock().tryLock(10);
    let ran = false;
    expect(() => withDocumentLock('Đang có người tính điểm', () => { ran = true; })).toThrow(new BusyError('Đang có người tính điểm'));
    expect(ran).toBe(false);
  });
});

describe('the state store', () => {
  it('reads every property in one call', () => {
    const g = plugged();
    const store = StateStore.document();
    store.write({ [KEY.submissionPrefix + 'Tây Ninh']: JSON.stringify({ status: 'submitted', by: 'a@x.vn' }) });
    g.env.resetCalls();
    expect(store.read().submissions).toEqual({ 'Tây Ninh': { status: 'submitted', by: 'a@x.vn' } });
    expect(g.env.calls.map((c) => c.name)).toEqual(['Properties.getProperties']);
  });

  it('splits queued log rows so no value nears the 9 KB limit, and reads them back in order', () => {
    plugged();
    const store = StateStore.document();
    const rows = Array.from({ length: 60 }, (_, i) => ['t', 2021, 'a@x.vn', 'Sửa ô', 'S', `A${i}`, '', 'x'.repeat(200), ''] as never);
    store.queueLog(rows, '2021-11-15T02:00:00.000Z');
    const state = store.read();
    expect(state.queuedLog.length).toBeGreaterThan(1);
    expect(state.queuedLog.flatMap((q) => q.rows).map((r) => r[5])).toEqual(rows.map((r: string[]) => r[5]));
    for (const q of state.queuedLog) expect(JSON.stringify(q.rows).length).toBeLessThan(MAX_PROPERTY_VALUE_BYTES);
  });

  it('cuts a very long cell of a queued row', () => {
    plugged();
    const store = StateStore.document();
    store.queueLog([['t', 2021, 'a', 'b', 'c', 'd', 'e', 'x'.repeat(20_000), ''] as never], 'now');
    expect(store.read().queuedLog[0]!.rows[0]![7].length).toBeLessThan(1100);
  });
});

describe('the session', () => {
  it('gives the current user in lower case', () => {
    plugged('Vanphong.TayNinh@Example.com');
    expect(currentUserEmail()).toBe('vanphong.tayninh@example.com');
  });
});

describe('the edit trigger', () => {
  it('is created once for the current user', () => {
    const g = plugged();
    const ss = g.apps.SpreadsheetApp.getActiveSpreadsheet();
    expect(ensureEditTrigger(ss)).toBe(true);
    expect(ensureEditTrigger(ss)).toBe(true);
    expect(g.shared.triggers.list.map((t) => [t.handler, t.eventType])).toEqual([[EDIT_HANDLER, 'ON_EDIT']]);
  });
});
