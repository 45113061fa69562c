/**
 * A service call failing part-way (as Apps Script does with "Service invoked too many times"):
 * at every position in turn, what people typed is untouched, and running the action again
 * completes it as if nothing had happened.
 */
import { describe, expect, it } from 'vitest';
import { recompute } from '../../src/app/recompute';
import { sampleYearConfig } from '../../src/app/sample';
import { setupYear } from '../../src/app/setup';
import { submit } from '../../src/app/submission';
import type { FakeGoogle, SerializedState } from '../fakes/google';
import { filledYear, setUp } from './steps';
import { LEADER, OWNER, PROVINCES, focal, newWorld } from './world';

/** Every cell people type in: unit input columns, Cấu hình, Tiêu chí, Bình xét. */
function typed(state: SerializedState): unknown {
  return state.spreadsheet.sheets
    .filter((s) => ['Cấu hình', 'Tiêu chí', 'Bình xét', ...PROVINCES].includes(s.name))
    .map((s) => [
      s.name,
      Object.fromEntries(Object.entries(s.rows).map(([r, cells]) => [r, Object.fromEntries(Object.entries(cells)
        .filter(([c]) => !PROVINCES.includes(s.name) || (Number(r) >= 5 && Number(c) >= 6 && Number(c) <= 12))
        .map(([c, cell]) => [c, cell.v]))])),
    ]);
}

/** Tổng hợp without its time line. */
function summary(g: FakeGoogle): unknown {
  return g.peek('Tổng hợp').filter((_, i) => i !== 1);
}

function callsOf(g: FakeGoogle, run: () => void): number {
  const from = g.env.callCount;
  run();
  return g.env.callCount - from;
}

describe('a failing service call', () => {
  it('at any point of recompute loses nothing typed, and a second run completes it', () => {
    const g = newWorld();
    filledYear(g);
    const start = g.serialize();
    const n = callsOf(g, () => expect(g.asUser(LEADER, () => recompute()).ok).toBe(true));
    const expected = summary(g);
    for (let at = 1; at <= n; at++) {
      g.restore(start);
      g.env.failNthCall(at);
      const r = g.asUser(LEADER, () => recompute());
      g.env.clearFaults();
      expect(typed(g.serialize()), `fault at call ${at}`).toEqual(typed(start));
      if (!r.ok) expect(r.message, `fault at call ${at}`).toMatch(/^Có lỗi bất ngờ: Service invoked too many times/);
      expect(g.asUser(LEADER, () => recompute()).ok, `rerun after fault at call ${at}`).toBe(true);
      expect(summary(g), `fault at call ${at}`).toEqual(expected);
    }
  });

  it('at any point of a submission loses nothing typed, and a second submission completes it', () => {
    const g = newWorld();
    filledYear(g);
    const start = g.serialize();
    const n = callsOf(g, () => expect(g.asUser(LEADER, () => submit('Tây Ninh')).ok).toBe(true));
    for (let at = 1; at <= n; at++) {
      g.restore(start);
      g.env.failNthCall(at);
      const r = g.asUser(LEADER, () => submit('Tây Ninh'));
      g.env.clearFaults();
      expect(typed(g.serialize()), `fault at call ${at}`).toEqual(typed(start));
      if (!r.ok) {
        const again = g.asUser(LEADER, () => submit('Tây Ninh'));
        expect(again.ok || again.message === 'Đơn vị "Tây Ninh" đã nộp bảng tự chấm', `rerun after fault at call ${at}: ${again.message}`).toBe(true);
      }
      expect(g.canUserEdit(focal('Tây Ninh'), 'Tây Ninh', 'G8'), `fault at call ${at}`).toBe(false);
    }
  });

  it('at sampled points of set-up leaves a sheet that a second set-up completes', { timeout: 600_000 }, () => {
    const g = newWorld();
    const blank = g.serialize();
    const n = callsOf(g, () => setUp(g));
    const expected = g.serialize().spreadsheet.sheets.map((s) => [s.name, s.rows]);
    // Every position passes (FAULT_STEP=1, about 80 s); the suite samples every 17th.
    const step = Number(process.env.FAULT_STEP ?? 17);
    for (let at = 1; at <= n; at += step) {
      g.restore(blank);
      g.env.failNthCall(at);
      g.asUser(OWNER, () => setupYear(sampleYearConfig(2021)));
      g.env.clearFaults();
      const again = g.asUser(OWNER, () => setupYear(sampleYearConfig(2021)));
      expect(again.ok, `rerun after fault at call ${at}: ${again.message}`).toBe(true);
      const got = g.serialize().spreadsheet.sheets.filter((s) => s.name !== 'Nhật ký').map((s) => [s.name, s.rows]);
      expect(got, `fault at call ${at}`).toEqual(expected.filter(([name]) => name !== 'Nhật ký'));
      expect(g.userEdit(focal('Tây Ninh'), 'Bình Phước', 'G8', 1).ok, `rights after fault at ${at}`).toBe(false);
      expect(g.userEdit(focal('Tây Ninh'), 'Tây Ninh', 'G8', 1).ok, `rights after fault at ${at}`).toBe(true);
    }
  });
});
