/**
 * Granular consent: a person may grant the add-on only some of its scopes. An action that needs
 * one they withheld says why in Vietnamese (a toast) and asks Google for it at its start, which
 * ends the execution with the consent window, before anything is written; once granted, the
 * action runs as usual.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useDocumentServices } from '../../src/adapters/documents';
import { SCOPES } from '../../src/adapters/scopes';
import { generateDocument } from '../../src/app/documents';
import { sampleYearConfig } from '../../src/app/sample';
import { setupYear } from '../../src/app/setup';
import { recompute } from '../../src/app/recompute';
import { submit } from '../../src/app/submission';
import { scopesText } from '../../src/i18n/scopes';
import { createDocumentFakes } from '../fakes/documents';
import type { FakeGoogle } from '../fakes/google';
import { unflushedReleases } from '../fakes/lock';
import { FakeConsentRequired, MANIFEST_SCOPES, acceptConsent, grantsOf, setGrantedScopes } from '../fakes/scopes';
import { filledYear } from './steps';
import { LEADER, OWNER, focal, newWorld } from './world';

afterEach(() => useDocumentServices(null));

const without = (...names: string[]) => MANIFEST_SCOPES.filter((s) => !names.includes(s));

/** What a person can see changed: every sheet's cells, and the documents in Drive. */
function seen(g: FakeGoogle, files: () => number): unknown {
  return { sheets: g.serialize().spreadsheet.sheets.map((s) => [s.name, s.rows]), files: files() };
}

function withDocs() {
  const g = newWorld();
  filledYear(g);
  const fakes = createDocumentFakes(g.env);
  useDocumentServices({ documentApp: fakes.DocumentApp, drive: fakes.Drive });
  return { g, files: () => Object.keys(fakes.store.drive.state.files).length };
}

/** Runs fn as one execution of `user`; returns what requireScopes ended it with, if anything. */
function consentAsked(g: FakeGoogle, user: string, fn: () => unknown): FakeConsentRequired | null {
  try {
    g.execute(user, fn);
    return null;
  } catch (e) {
    if (e instanceof FakeConsentRequired) return e;
    throw e;
  }
}

/** Nobody holds the document lock (taken and given back by a second execution). */
function lockFree(g: FakeGoogle): boolean {
  const other = g.fork({ user: OWNER });
  const free = other.apps.LockService.getDocumentLock().tryLock(0);
  other.endExecution();
  return free;
}

describe('an action needing a permission the person withheld', () => {
  it('documents: explains why, asks for Docs and Drive before writing anything, then works once granted', () => {
    const { g, files } = withDocs();
    setGrantedScopes(g.shared, LEADER, without(SCOPES.documents, SCOPES.driveFile));
    const before = seen(g, files);
    g.ui.toasts.length = 0;
    const asked = consentAsked(g, LEADER, () => generateDocument('covenant'));
    expect(asked?.scopes).toEqual([SCOPES.documents, SCOPES.driveFile]);
    expect(grantsOf(g.shared).requests.map((r) => [r.user, r.scopes])).toEqual([[LEADER, [SCOPES.documents, SCOPES.driveFile]]]);
    expect(g.ui.toasts).toEqual([{
      title: scopesText.title,
      message: scopesText.ask([scopesText.why.documents, scopesText.why.driveFile]),
      timeoutSeconds: 30,
      user: LEADER,
    }]);
    expect(g.ui.toasts[0]!.message).toContain('Google Tài liệu');
    expect(seen(g, files)).toEqual(before);
    expect(lockFree(g)).toBe(true);

    acceptConsent(g.shared, LEADER);
    const r = g.execute(LEADER, () => generateDocument('covenant'));
    expect(r.ok, r.message).toBe(true);
    expect(files()).toBeGreaterThan(0);
  });

  it('asks only for what is missing', () => {
    const { g } = withDocs();
    setGrantedScopes(g.shared, LEADER, without(SCOPES.driveFile));
    expect(consentAsked(g, LEADER, () => generateDocument('report'))?.scopes).toEqual([SCOPES.driveFile]);
  });

  it('set-up: asks for the trigger permission before creating any tab', () => {
    const g = newWorld();
    setGrantedScopes(g.shared, OWNER, without(SCOPES.triggers));
    const asked = consentAsked(g, OWNER, () => setupYear(sampleYearConfig(2021)));
    expect(asked?.scopes).toEqual([SCOPES.triggers]);
    expect(g.ui.toasts.map((t) => t.message)).toEqual([scopesText.ask([scopesText.why.triggers])]);
    expect(g.serialize().spreadsheet.sheets.map((s) => s.name)).toEqual(['Trang tính1']);
    expect(g.shared.properties.document).toEqual({});
  });

  it('the e-mail: any action fails before writing when it is withheld, and asks for it instead of answering', () => {
    const g = newWorld();
    filledYear(g);
    const unit = focal('Đồng Nai');
    setGrantedScopes(g.shared, unit, without(SCOPES.email));
    const before = g.serialize();
    for (const action of [() => submit('Đồng Nai'), () => recompute()]) {
      const asked = consentAsked(g, unit, action);
      expect(asked?.scopes).toEqual([SCOPES.email]);
    }
    expect(g.ui.toasts.at(-1)!.message).toContain(scopesText.why.email);
    expect(g.serialize().spreadsheet).toEqual(before.spreadsheet);
    expect(g.serialize().properties).toEqual(before.properties);
    expect(lockFree(g)).toBe(true);
    expect(unflushedReleases(g.shared.locks)).toEqual([]);
  });

  it('costs two calls when everything was granted', () => {
    const g = newWorld();
    const from = g.env.callCount;
    const r = g.execute(OWNER, () => setupYear(sampleYearConfig(2021)));
    expect(r.ok, r.message).toBe(true);
    const names = g.env.calls.slice(from).map((c) => c.name);
    expect(names.slice(0, 2)).toEqual(['ScriptApp.getAuthorizationInfo', 'AuthorizationInfo.getAuthorizationStatus']);
    expect(names.filter((n) => n.startsWith('AuthorizationInfo.') || n.startsWith('ScriptApp.require'))).toHaveLength(1);
    expect(grantsOf(g.shared).requests).toEqual([]);
  });
});
