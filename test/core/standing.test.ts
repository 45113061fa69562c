import { describe, expect, it } from 'vitest';
import { computeYear } from '../../src/core/engine';
import type { ScoringYear } from '../../src/core/model';
import type { YearResult } from '../../src/core/results';
import { scoreGap, unitCompleteness, unscoredRows } from '../../src/core/standing';
import { scores, smallTable, unit, yearOf } from './engine-fixtures';

/** Two units on the small table, every row answered: A 25 of 25 (first), B 24 of 25 on its cross-check (self 25). */
function twoUnits(extra: Partial<ScoringYear> = {}): ScoringYear {
  return yearOf(
    smallTable(),
    [unit('A'), unit('B')],
    [
      scores('A', { code: 'I.1', self: 10, crossCheck: 10 }, { code: 'I.2', result: 100 }, { code: 'II.1', self: 5 }, { code: 'D.1', self: 0 }),
      scores('B', { code: 'I.1', self: 10, crossCheck: 9 }, { code: 'I.2', result: 100 }, { code: 'II.1', self: 5 }, { code: 'D.1', self: 0 }),
    ],
    extra,
  );
}

const byId = (r: YearResult, id: string) => r.units.find((u) => u.unitId === id)!;

describe('scoreGap (Chênh lệch = tự chấm − the score that counts)', () => {
  it('is the self-score minus the cross-check score when there is no agreed score', () => {
    expect(scoreGap(92.5, 89, 'crossCheck')).toBe(3.5);
  });

  it('is rounded to 2 decimals and may be negative', () => {
    expect([scoreGap(80.1, 80.2, 'final'), scoreGap(1 / 3, 0, 'final')]).toEqual([-0.1, 0.33]);
  });

  it('is null when the unit stands on its self-score or a score is missing', () => {
    expect([scoreGap(90, 90, 'self'), scoreGap(undefined, 90, 'final'), scoreGap(90, 90, null)]).toEqual([null, null, null]);
  });

  it('is what the engine reports as the gap: self minus the cross-check for a unit without an agreed score', () => {
    const b = byId(computeYear(twoUnits()), 'B');
    expect([b.standingPhase, b.totals.self?.total, b.standing.total, b.gap]).toEqual(['crossCheck', 25, 24, 1]);
  });
});

describe('unscoredRows and unitCompleteness', () => {
  const year = twoUnits();
  year.scores[1] = scores('B', { code: 'I.1', self: 9 });
  const b = byId(computeYear(year), 'B');

  it('counts the rows to answer (qualitative, quantitative, veto) that have no value, not bonus or deduction rows', () => {
    // I.2 (no result), II.1 and D.1 are blank; the bonus and deduction rows may stay blank.
    expect(unscoredRows(b.standing)).toBe(3);
  });

  it('is complete only when submitted and nothing is unscored, and says why not', () => {
    expect(unitCompleteness(true, b.standing)).toEqual({ complete: false, reasons: ['còn 3 dòng chưa chấm'] });
    expect(unitCompleteness(false, byId(computeYear(twoUnits()), 'A').standing)).toEqual({ complete: false, reasons: ['chưa nộp bảng tự chấm'] });
    expect(unitCompleteness(true, byId(computeYear(twoUnits()), 'A').standing)).toEqual({ complete: true, reasons: [] });
  });
});

describe('computeYear: an unfinished year says so', () => {
  it('counts every unit as submitted when submission is not tracked', () => {
    const r = computeYear(twoUnits());
    expect(r.units.map((u) => [u.unitId, u.complete, u.provisional])).toEqual([['A', true, false], ['B', true, false]]);
  });

  it('ranks a unit that has not submitted provisionally and proposes it for nothing; its quota goes to the next', () => {
    const r = computeYear(twoUnits({ submitted: ['B'] }));
    const a = byId(r, 'A');
    expect([a.rank, a.complete, a.provisional, a.incompleteReasons, a.proposedTitle]).toEqual([1, false, true, ['chưa nộp bảng tự chấm'], null]);
    expect(a.proposalReason).toBe('Chưa đề nghị: số liệu chưa đầy đủ (chưa nộp bảng tự chấm)');
    expect(byId(r, 'B').proposedTitle?.titleId).toBe('co-thi-dua');
  });

  it('proposes nobody while nobody has submitted', () => {
    expect(computeYear(twoUnits({ submitted: [] })).units.map((u) => u.proposedTitle)).toEqual([null, null]);
  });

  it('treats a submitted unit with rows unscored as incomplete', () => {
    const year = twoUnits();
    year.scores[0] = scores('A', { code: 'I.1', self: 10 }, { code: 'I.2', result: 100 }, { code: 'II.1', self: 5 });
    const a = byId(computeYear(year), 'A');
    expect([a.complete, a.provisional, a.incompleteReasons, a.proposedTitle]).toEqual([false, true, ['còn 1 dòng chưa chấm'], null]);
  });

  it('proposes an incomplete unit once the cụm trưởng recorded a reason to proceed, and says so', () => {
    const r = computeYear(twoUnits({ submitted: ['B'], proceedReasons: { A: '  Đơn vị đã gửi bản giấy có chữ ký  ' } }));
    const a = byId(r, 'A');
    expect([a.complete, a.provisional, a.proceedReason, a.proposedTitle?.titleId]).toEqual([false, false, 'Đơn vị đã gửi bản giấy có chữ ký', 'co-thi-dua']);
    expect(a.proposalReason).toBe(
      'Đủ điều kiện đề nghị Cờ thi đua của Viện kiểm sát nhân dân tối cao, chờ kết quả bỏ phiếu (số liệu chưa đầy đủ, cụm trưởng cho xét tiếp: "Đơn vị đã gửi bản giấy có chữ ký")',
    );
  });

  it('ignores a blank reason to proceed, and a reason for a complete unit', () => {
    const r = computeYear(twoUnits({ submitted: ['B'], proceedReasons: { A: '   ', B: 'không cần' } }));
    expect([byId(r, 'A').provisional, byId(r, 'A').proceedReason, byId(r, 'B').proceedReason]).toEqual([true, undefined, undefined]);
  });

  it('proposes a unit that registered nothing for nothing and says it did not register', () => {
    const year = twoUnits();
    year.units[0] = unit('A', { registeredTitles: [] });
    const r = computeYear(year);
    expect([byId(r, 'A').proposedTitle, byId(r, 'A').proposalReason]).toEqual([null, 'Không đề nghị: chưa đăng ký danh hiệu thi đua']);
    // A, complete and eligible, still leads the cluster: the flag (for the leading unit only) goes to nobody.
    expect(byId(r, 'B').proposedTitle?.titleId).toBe('tap-the-lao-dong-xuat-sac');
  });
});
