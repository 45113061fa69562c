/**
 * Every action that writes under the document lock flushes the spreadsheet before releasing the
 * lock (Lock.releaseLock's reference: call SpreadsheetApp.flush() first), so the next execution
 * to take the lock reads what this one wrote: on success, on refusal, and when it fails midway.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useDocumentServices } from '../../src/adapters/documents';
import { saveBallot } from '../../src/app/ballot';
import { closeYear } from '../../src/app/close';
import { copyToNewYear } from '../../src/app/copyYear';
import { generateDocument } from '../../src/app/documents';
import { recompute } from '../../src/app/recompute';
import { sampleYearConfig } from '../../src/app/sample';
import { continueSetup, setupYear } from '../../src/app/setup';
import { reopen, returnSubmission, submit } from '../../src/app/submission';
import { TITLE_IDS } from '../../src/core/rules';
import { createDocumentFakes } from '../fakes/documents';
import { unflushedReleases } from '../fakes/lock';
import { filledYear } from './steps';
import { LEADER, OWNER, focal, newWorld } from './world';

afterEach(() => useDocumentServices(null));

const releases = (names: string[]) => names.filter((n) => n === 'Lock.releaseLock').length;

describe('flush before the lock goes', () => {
  it('every action of a year, each by the person who does it, flushes its writes before releasing the lock', () => {
    const g = newWorld();
    filledYear(g);
    const fakes = createDocumentFakes(g.env);
    useDocumentServices({ documentApp: fakes.DocumentApp, drive: fakes.Drive });
    const from = g.env.callCount;
    const steps: Array<[string, string, () => { ok: boolean; message: string }]> = [
      ['set-up again', OWNER, () => setupYear(sampleYearConfig(2021))],
      ['continue (nothing to do)', OWNER, () => continueSetup()],
      ['submit', focal('Đồng Nai'), () => submit('Đồng Nai')],
      ['return', LEADER, () => returnSubmission('Đồng Nai', 'Thiếu minh chứng')],
      ['reopen', LEADER, () => reopen('Đồng Nai')],
      ['recompute', LEADER, () => recompute()],
      ['ballot', LEADER, () => saveBallot(TITLE_IDS.flag, { issued: 6, returned: 6, valid: 6, invalid: 0, votes: { 'Đồng Nai': 6 } })],
      ['document', LEADER, () => generateDocument('covenant')],
      ['close', LEADER, () => closeYear()],
      ['copy to a new year', OWNER, () => copyToNewYear(2022)],
      ['refused: submit after closing', focal('Tây Ninh'), () => submit('Tây Ninh')],
    ];
    for (const [what, user, run] of steps) {
      const r = g.execute(user, run);
      expect(r.ok, `${what}: ${r.message}`).toBe(what.startsWith('refused') ? false : true);
    }
    const names = g.env.calls.slice(from).map((c) => c.name);
    expect(releases(names)).toBe(steps.length);
    expect(unflushedReleases(g.shared.locks)).toEqual([]);
    // The flush comes right before each release.
    names.forEach((n, i) => { if (n === 'Lock.releaseLock') expect(names[i - 1]).toBe('SpreadsheetApp.flush'); });
  });

  it('flushes what an action wrote before it failed midway', () => {
    const g = newWorld();
    filledYear(g);
    // The first recompute writes Tổng hợp, then each unit's computed points: the second block fails.
    let blocks = 0;
    g.env.failWhen((name) => name === 'Range.setValues' && ++blocks === 2, 'Service Spreadsheets failed while accessing document.');
    const r = g.execute(LEADER, () => recompute());
    expect(r.ok).toBe(false);
    expect(blocks).toBeGreaterThanOrEqual(2);
    expect(unflushedReleases(g.shared.locks)).toEqual([]);
    expect(g.fork({ user: OWNER }).apps.LockService.getDocumentLock().tryLock(0)).toBe(true);
  });

  it('releases the lock even when the flush itself fails', () => {
    const g = newWorld();
    filledYear(g);
    g.env.failWhen((name) => name === 'SpreadsheetApp.flush', 'Service Spreadsheets failed while accessing document.');
    const r = g.execute(LEADER, () => recompute());
    expect(r.ok, r.message).toBe(true);
    expect(g.fork({ user: OWNER }).apps.LockService.getDocumentLock().tryLock(0)).toBe(true);
  });
});
