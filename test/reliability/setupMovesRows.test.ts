/**
 * Set-up run again while units type, when it has to move rows (a criterion inserted in Tiêu chí):
 * rows are inserted natively, so Sheets moves what people typed, and the rows read earlier are
 * not written back over it. Before that fix, a score typed in between was lost at 39 of 60
 * sampled call positions.
 */
import { describe, expect, it } from 'vitest';
import { setupYear } from '../../src/app/setup';
import { filledYear } from '../app/steps';
import { LEADER, OWNER, focal, newWorld } from '../app/world';
import { interleave, positions, typing } from './helpers';

const TN = 'Tây Ninh';

describe('set-up run again while units type', () => {
  it('keeps a score typed while set-up moves the rows of the unit tabs', () => {
    const g = newWorld();
    filledYear(g);
    // The cụm trưởng inserts criterion I.1.5 after I.1.4: set-up will move every unit's rows below it.
    g.asUser(LEADER, () => g.apps.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tiêu chí')!.insertRowAfter(10));
    expect(g.userEdit(LEADER, 'Tiêu chí', 'A11:G11', [['I.1.5', 'Tiêu chí bổ sung', 'Định tính', 2, '', '', '']])).toMatchObject({ ok: true });
    const start = g.serialize();
    const from = g.env.callCount;
    expect(g.asUser(OWNER, () => setupYear()).ok).toBe(true);
    const log = g.env.calls.slice(from).map((c) => c.name);
    const rowOf = (code: string) => g.peek(TN, 'A1:A80').findIndex((r) => r[0] === code) + 1;
    const lost: string[] = [];
    for (const at of positions(log, 60)) {
      g.restore(start);
      interleave(g, OWNER, () => setupYear(), at, () => {
        // The officer types on the row where I.2.3 is at that moment.
        expect(typing(g, focal(TN), TN, `G${rowOf('I.2.3')}`, 2.5).ok).toBe(true);
      });
      const now = g.peek(TN, `G${rowOf('I.2.3')}`)[0]![0];
      if (now !== 2.5) lost.push(`call ${at} (${log[at - 1]}): ${String(now)}`);
    }
    expect(lost).toEqual([]);
  });

  it('after a failing call at any position, a second set-up leaves every unit tab as a clean run does', { timeout: 120_000 }, () => {
    const g = newWorld();
    filledYear(g);
    g.asUser(LEADER, () => g.apps.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tiêu chí')!.insertRowAfter(10));
    expect(g.userEdit(LEADER, 'Tiêu chí', 'A11:G11', [['I.1.5', 'Tiêu chí bổ sung', 'Định tính', 2, '', '', '']])).toMatchObject({ ok: true });
    const start = g.serialize();
    const units = ['Bình Thuận', 'Bình Dương', 'Bình Phước', 'Bà Rịa – Vũng Tàu', 'Đồng Nai', TN];
    const from = g.env.callCount;
    expect(g.asUser(OWNER, () => setupYear()).ok).toBe(true);
    const calls = g.env.callCount - from;
    const clean = units.map((u) => g.peek(u, 'A1:M80'));
    const differing: number[] = [];
    for (let k = 1; k <= calls; k += 1) {
      g.restore(start);
      g.env.failNthCall(k);
      g.asUser(OWNER, () => setupYear());
      g.env.clearFaults();
      expect(g.asUser(OWNER, () => setupYear()).ok, `rerun after a fault at call ${k}`).toBe(true);
      if (units.some((u, i) => JSON.stringify(g.peek(u, 'A1:M80')) !== JSON.stringify(clean[i]))) differing.push(k);
    }
    expect(calls).toBeGreaterThan(50);
    expect(differing).toEqual([]);
  });
});
