/**
 * The fakes' granular consent, flush-before-release bookkeeping, add-on trigger restrictions and
 * property keys, each held to the reference page CONTRACT.md cites.
 */
import { describe, expect, it } from 'vitest';
import { createDocumentFakes } from './documents';
import { createFakeGoogle } from './google';
import { unflushedReleases } from './lock';
import { ADDON_HOURLY_MESSAGE, ADDON_ONE_PER_TYPE_MESSAGE, AuthMode } from './script';
import {
  CONSENT_REQUIRED_MESSAGE, FakeConsentRequired, MANIFEST_SCOPES, SCOPE, acceptConsent, grantsOf, setGrantedScopes,
} from './scopes';

const HOUR = 60 * 60_000;
const USER = 'bd@x.vn';

function withDocs() {
  const g = createFakeGoogle({ editors: [USER], extraGlobals: ({ env }) => ({ ...createDocumentFakes(env) }) });
  return { g, docs: g.globals.DocumentApp as GoogleAppsScript.Document.DocumentApp };
}

describe('granular consent', () => {
  it('grants every scope of the manifest by default', () => {
    const g = createFakeGoogle();
    expect(MANIFEST_SCOPES).toContain(SCOPE.documents);
    const info = g.globals.ScriptApp.getAuthorizationInfo(AuthMode.FULL);
    expect(info.getAuthorizationStatus()).toBe('NOT_REQUIRED');
    expect(info.getAuthorizationUrl()).toBeNull();
    expect(info.getAuthorizedScopes()).toEqual([...MANIFEST_SCOPES]);
    expect(g.env.calls.map((c) => c.name)).toEqual([
      'ScriptApp.getAuthorizationInfo', 'AuthorizationInfo.getAuthorizationStatus', 'AuthorizationInfo.getAuthorizationUrl',
      'AuthorizationInfo.getAuthorizedScopes',
    ]);
  });

  it('refuses a call whose scope the user did not grant, with Apps Script\'s permission error, and nothing else', () => {
    const { g, docs } = withDocs();
    setGrantedScopes(g.shared, USER, MANIFEST_SCOPES.filter((s) => s !== SCOPE.documents && s !== SCOPE.email));
    g.asUser(USER, () => {
      expect(() => docs.create('x')).toThrow(
        'You do not have permission to call DocumentApp.create. Required permissions: https://www.googleapis.com/auth/documents');
      expect(() => g.globals.Session.getActiveUser()).toThrow(/Required permissions: https:\/\/www.googleapis.com\/auth\/userinfo.email/);
      expect(g.globals.SpreadsheetApp.getActiveSpreadsheet().getName()).toBeTruthy();
      expect(g.globals.ScriptApp.getProjectTriggers()).toEqual([]);
    });
    // The owner granted everything.
    expect(g.globals.Session.getActiveUser().getEmail()).toBe('owner@example.com');
    expect(docs.create('x').getName()).toBe('x');
  });

  it('refuses the spreadsheet, triggers and dialogs without their scopes, but not building the menu', () => {
    const g = createFakeGoogle({ editors: [USER] });
    setGrantedScopes(g.shared, USER, []);
    g.asUser(USER, () => {
      expect(() => g.globals.SpreadsheetApp.getActiveSpreadsheet()).toThrow(/spreadsheets.currentonly/);
      expect(() => g.globals.ScriptApp.newTrigger('f')).toThrow(/script.scriptapp/);
      const ui = g.globals.SpreadsheetApp.getUi();
      ui.createAddonMenu().addItem('Mở', 'showSidebar').addToUi();
      expect(() => ui.alert('x')).toThrow(/script.container.ui/);
    });
  });

  it('reports REQUIRED with a URL for the scopes asked for that are missing', () => {
    const g = createFakeGoogle({ editors: [USER] });
    setGrantedScopes(g.shared, USER, [SCOPE.sheet, SCOPE.email]);
    g.asUser(USER, () => {
      const some = g.globals.ScriptApp.getAuthorizationInfo(AuthMode.FULL, [SCOPE.sheet]);
      expect(some.getAuthorizationStatus()).toBe('NOT_REQUIRED');
      const docs = g.globals.ScriptApp.getAuthorizationInfo(AuthMode.FULL, [SCOPE.sheet, SCOPE.documents]);
      expect(docs.getAuthorizationStatus()).toBe('REQUIRED');
      expect(docs.getAuthorizationUrl()).toContain(encodeURIComponent(SCOPE.documents));
      expect(docs.getAuthorizedScopes()).toEqual([SCOPE.sheet]);
      expect(g.globals.ScriptApp.getAuthorizationInfo(AuthMode.FULL).getAuthorizationStatus()).toBe('REQUIRED');
    });
  });

  it('refuses a scope the manifest does not declare: it could never be granted', () => {
    const g = createFakeGoogle();
    expect(() => g.globals.ScriptApp.requireScopes(AuthMode.FULL, [SCOPE.drive])).toThrow(/not a scope of this script/);
    expect(() => g.globals.ScriptApp.getAuthorizationInfo('FULLY', [SCOPE.sheet])).toThrow(/authMode/);
  });

  it('requireScopes returns when granted, else asks for consent and ends the execution, even if the error is caught', () => {
    const g = createFakeGoogle({ editors: [USER] });
    g.globals.ScriptApp.requireScopes(AuthMode.FULL, [SCOPE.documents, SCOPE.driveFile]);
    setGrantedScopes(g.shared, USER, [SCOPE.sheet, SCOPE.email]);
    let caught: unknown;
    g.execute(USER, () => {
      try {
        g.globals.ScriptApp.requireScopes(AuthMode.FULL, [SCOPE.sheet, SCOPE.documents, SCOPE.driveFile]);
      } catch (e) {
        caught = e;
      }
      // Google ended the execution: nothing after it runs.
      expect(() => g.globals.SpreadsheetApp.getActiveSpreadsheet()).toThrow(CONSENT_REQUIRED_MESSAGE);
    });
    expect(caught).toBeInstanceOf(FakeConsentRequired);
    expect((caught as FakeConsentRequired).scopes).toEqual([SCOPE.documents, SCOPE.driveFile]);
    expect(grantsOf(g.shared).requests).toEqual([{ user: USER, execution: expect.any(String), scopes: [SCOPE.documents, SCOPE.driveFile] }]);
    // The next execution, once the user accepted, goes on.
    acceptConsent(g.shared, USER);
    g.execute(USER, () => g.globals.ScriptApp.requireScopes(AuthMode.FULL, [SCOPE.documents]));
    expect(() => g.execute(USER, () => g.globals.ScriptApp.requireAllScopes(AuthMode.FULL))).toThrow(FakeConsentRequired);
  });

  it('does not apply to a simple trigger, which runs without the user\'s authorisation', () => {
    const g = createFakeGoogle({ editors: [USER] });
    setGrantedScopes(g.shared, USER, []);
    const seen: string[] = [];
    g.setHandlerScope({ onEdit: (e: { source: { getName(): string } }) => { seen.push(e.source.getName()); g.globals.SpreadsheetApp.getActiveSpreadsheet(); } });
    const r = g.userEdit(USER, 'Trang tính1', 'A1', 1);
    expect(r).toMatchObject({ ok: true, triggerErrors: [] });
    expect(seen).toHaveLength(1);
  });
});

describe('flush before releasing a lock', () => {
  function locked(g: ReturnType<typeof createFakeGoogle>, flush: boolean, write = true): void {
    const lock = g.globals.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(true);
    if (write) g.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!.getRange('A1').setValue(1);
    if (flush) g.globals.SpreadsheetApp.flush();
    lock.releaseLock();
  }

  it('records a release while writes are pending, naming them', () => {
    const g = createFakeGoogle();
    g.execute('owner@example.com', () => locked(g, false));
    expect(unflushedReleases(g.shared.locks)).toEqual([{ key: 'document', execution: expect.any(String), user: 'owner@example.com', writes: ['Range.setValue'] }]);
  });

  it('records nothing when the writes were flushed first, or when the lock guarded only reads', () => {
    const g = createFakeGoogle();
    g.execute('owner@example.com', () => locked(g, true));
    g.execute('owner@example.com', () => locked(g, false, false));
    expect(unflushedReleases(g.shared.locks)).toEqual([]);
  });

  it('counts writes made after a flush, and forgets an execution\'s writes when it ends', () => {
    const g = createFakeGoogle();
    g.execute('owner@example.com', () => {
      g.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!.getRange('B1').setValue(1);
    });
    g.execute('owner@example.com', () => {
      const lock = g.globals.LockService.getDocumentLock();
      lock.tryLock(0);
      g.globals.SpreadsheetApp.flush();
      g.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Mới');
      lock.releaseLock();
    });
    expect(unflushedReleases(g.shared.locks).map((u) => u.writes)).toEqual([['Spreadsheet.insertSheet']]);
  });
});

describe('add-on triggers', () => {
  it('refuses a time-driven trigger more often than once an hour', () => {
    const g = createFakeGoogle({ now: 0 });
    const clock = () => g.globals.ScriptApp.newTrigger('f').timeBased();
    expect(() => clock().everyMinutes(30).create()).toThrow(ADDON_HOURLY_MESSAGE);
    expect(() => clock().after(HOUR - 1).create()).toThrow(ADDON_HOURLY_MESSAGE);
    expect(() => clock().at(new Date(HOUR - 1)).create()).toThrow(ADDON_HOURLY_MESSAGE);
    expect(g.shared.triggers.list).toEqual([]);
    clock().after(HOUR).create();
    expect(g.runDueTriggers(HOUR - 1)).toEqual([]);
  });

  it('lets a user have one trigger of each type, and another user their own', () => {
    const g = createFakeGoogle({ now: 0, editors: [USER] });
    const ss = g.globals.SpreadsheetApp.getActiveSpreadsheet();
    g.globals.ScriptApp.newTrigger('f').timeBased().everyHours(1).create();
    g.globals.ScriptApp.newTrigger('log').forSpreadsheet(ss).onEdit().create();
    expect(() => g.globals.ScriptApp.newTrigger('g').timeBased().after(2 * HOUR).create()).toThrow(ADDON_ONE_PER_TYPE_MESSAGE);
    expect(() => g.globals.ScriptApp.newTrigger('log2').forSpreadsheet(ss).onEdit().create()).toThrow(ADDON_ONE_PER_TYPE_MESSAGE);
    g.asUser(USER, () => g.globals.ScriptApp.newTrigger('g').timeBased().after(2 * HOUR).create());
    expect(g.shared.triggers.list.map((t) => [t.handler, t.owner])).toEqual([
      ['f', 'owner@example.com'], ['log', 'owner@example.com'], ['g', USER]]);
    // Another user neither sees nor deletes them.
    g.asUser(USER, () => {
      expect(g.globals.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['g']);
      expect(g.globals.ScriptApp.getUserTriggers(ss)).toEqual([]);
    });
  });
});

describe('property keys and values', () => {
  it('refuses an empty key or a missing value in setProperties, writing nothing', () => {
    const g = createFakeGoogle();
    const props = g.globals.PropertiesService.getDocumentProperties();
    expect(() => props.setProperties({ a: '1', '': '2' })).toThrow('Invalid argument: key');
    expect(() => props.setProperties({ a: '1', b: null })).toThrow('Invalid argument: value');
    expect(props.getKeys()).toEqual([]);
  });
});
