import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCriteriaTree } from '../../src/core/criteria';
import { round2, round2Exact } from '../../src/core/input';
import type { CriteriaTable, ScoreEntry } from '../../src/core/model';
import { bestRatios, scoreUnit, type Caps } from '../../src/core/scoring';
import { deepFreeze, row, scores, smallTable, table } from './engine-fixtures';

const CAP10: Caps = { bonusCap: 10, deductionCap: null };

function score(entries: ScoreEntry[], caps: Caps = CAP10, criteria: CriteriaTable = smallTable()) {
  return scoreUnit(buildCriteriaTree(criteria), caps, scores('A', ...entries));
}

/** I.1 = 8, I.2 = 80 % of 100 → 8 points, II.1 = 4: standard 20 of 25. */
const BASE: ScoreEntry[] = [
  { code: 'I.1', self: 8 },
  { code: 'I.2', result: 80 },
  { code: 'II.1', self: 4 },
];

const rowOf = (s: ReturnType<typeof score>, phase: 'self' | 'crossCheck' | 'final', code: string) =>
  s.totals[phase]?.rows.find((r) => r.code === code);

describe('scoreUnit: standard rows', () => {
  it('adds qualitative scores and quantitative points computed from result and target', () => {
    const s = score(BASE);
    expect(s.totals.self).toMatchObject({ total: 20, standard: 20, bonus: 0, deduction: 0, maxTotal: 25, percent: 80 });
  });

  it("says where each row's points came from", () => {
    const s = score(BASE);
    expect(rowOf(s, 'self', 'I.1')).toMatchObject({ points: 8, source: 'self', applicable: true, maxPoints: 10 });
    expect(rowOf(s, 'self', 'I.2')).toMatchObject({ points: 8, source: 'computed' });
  });

  it('lists the rows of a phase in tree order, groups included', () => {
    expect(score(BASE).totals.self?.rows.map((r) => r.code)).toEqual(['I', 'I.1', 'I.2', 'II', 'II.1', 'B', 'B.1', 'B.2', 'C', 'C.1', 'C.2', 'D', 'D.1']);
  });

  it('gives group rows no points of their own', () => {
    expect(rowOf(score(BASE), 'self', 'I')).toMatchObject({ points: null, source: null, maxPoints: 20 });
  });

  it('rounds computed points to 2 decimals', () => {
    const s = score([{ code: 'Q', result: 2 }], CAP10, table(row('Q', 'quantitative', 10, { target: 3 })));
    expect(s.standing.total).toBe(6.67);
  });

  it('gives the pass/fail rule nothing below the target', () => {
    const t = table(row('Q', 'quantitative', 5, { target: 100, rule: 'passFail' }));
    expect(score([{ code: 'Q', result: 99 }], CAP10, t).standing.total).toBe(0);
  });

  it('gives the pass/fail rule the max at the target', () => {
    const t = table(row('Q', 'quantitative', 5, { target: 100, rule: 'passFail' }));
    expect(score([{ code: 'Q', result: 100 }], CAP10, t).standing.total).toBe(5);
  });

  it('scales the lower-is-better rule by target over result above the ceiling', () => {
    const t = table(row('Q', 'quantitative', 5, { target: 6, rule: 'lowerIsBetter' }));
    expect(score([{ code: 'Q', result: 8 }], CAP10, t).standing.total).toBe(3.75);
  });

  it('gives the lower-is-better rule with a zero target the max for no occurrence and 0 for any', () => {
    const t = table(row('Q', 'quantitative', 5, { target: 0, rule: 'lowerIsBetter' }));
    expect([0, 1, 0.5].map((result) => score([{ code: 'Q', result }], CAP10, t).standing.total)).toEqual([5, 0, 0]);
    expect(score([{ code: 'Q', result: 0 }], CAP10, t).problems).toEqual([]);
  });

  it("accepts a unit's own zero target for the lower-is-better rule and refuses a negative one", () => {
    const t = table(row('Q', 'quantitative', 5, { target: 2, rule: 'lowerIsBetter' }));
    expect(rowOf(score([{ code: 'Q', result: 1, target: 0 }], CAP10, t), 'self', 'Q')?.points).toBe(0);
    const refused = score([{ code: 'Q', result: 1, target: -1 }], CAP10, t);
    expect(refused.problems).toContainEqual({
      unitId: 'A',
      code: 'Q',
      field: 'target',
      message: 'Chỉ tiêu riêng của đơn vị phải là số từ 0 trở lên với cách tính ngược, đang là -1',
    });
    expect(rowOf(refused, 'self', 'Q')?.points).toBeNull();
  });

  it('accepts 0.1 + 0.2 typed against a max of 0.3 (binary drift)', () => {
    const t = table(row('Q', 'qualitative', 0.3));
    const s = score([{ code: 'Q', self: 0.1 + 0.2 }], CAP10, t);
    expect(s.problems).toEqual([]);
    expect(s.standing.total).toBe(0.3);
  });

  it("measures a quantitative row against the unit's own target", () => {
    const s = score([{ code: 'I.2', result: 80, target: 80 }]);
    expect(rowOf(s, 'self', 'I.2')?.points).toBe(10);
  });

  it("reports a unit's own target that the rule cannot divide by, and leaves the row unscored", () => {
    const s = score([{ code: 'I.2', result: 80, target: 0 }]);
    expect(s.problems).toContainEqual({
      unitId: 'A',
      code: 'I.2',
      field: 'target',
      message: 'Chỉ tiêu riêng của đơn vị phải là số lớn hơn 0 với cách tính tỷ lệ, đang là 0',
    });
    expect(rowOf(s, 'self', 'I.2')?.points).toBeNull();
  });

  it('reports a negative result', () => {
    const s = score([...BASE.filter((e) => e.code !== 'I.2'), { code: 'I.2', result: -5 }]);
    expect(s.problems).toEqual([{ unitId: 'A', code: 'I.2', field: 'result', message: 'Kết quả -5 phải là số không âm' }]);
    expect(s.standing.total).toBe(12);
  });

  it('leaves a quantitative row with a result but no target unscored without calling it unscored', () => {
    const s = score([{ code: 'Q', result: 3 }], CAP10, table(row('Q', 'quantitative', 5)));
    expect(s.problems).toEqual([]);
    expect(rowOf(s, 'self', 'Q')?.points).toBeNull();
  });

  it('accepts a score equal to the max', () => {
    expect(score([{ code: 'I.1', self: 10 }]).problems.filter((p) => p.code === 'I.1')).toEqual([]);
  });
});

describe('scoreUnit: phases', () => {
  it('keeps the cross-check score where the final cell is blank', () => {
    const s = score([{ code: 'I.1', self: 8, crossCheck: 7 }, { code: 'I.2', result: 80 }, { code: 'II.1', self: 4, final: 5 }]);
    expect(rowOf(s, 'final', 'I.1')).toMatchObject({ points: 7, source: 'crossCheck' });
    expect(s.totals.final?.total).toBe(20);
  });

  it('uses the final score where one is typed', () => {
    const s = score([{ code: 'I.1', self: 8, crossCheck: 7, final: 9 }, ...BASE.slice(1)]);
    expect(s.totals.final?.total).toBe(21);
  });

  it('totals each phase with what was typed up to it', () => {
    const s = score([{ code: 'I.1', self: 8, crossCheck: 7 }, { code: 'I.2', result: 80 }, { code: 'II.1', self: 4, final: 5 }]);
    expect([s.totals.self?.total, s.totals.crossCheck?.total, s.totals.final?.total]).toEqual([20, 19, 20]);
  });

  it('has no cross-check or final total when nothing is typed there', () => {
    const s = score(BASE);
    expect([s.totals.crossCheck, s.totals.final, s.standingPhase]).toEqual([null, null, 'self']);
  });

  it('stands on the latest phase the unit has', () => {
    const s = score([{ code: 'I.1', self: 8, crossCheck: 6 }, ...BASE.slice(1)]);
    expect([s.standingPhase, s.standing.total]).toEqual(['crossCheck', 18]);
  });

  it('counts a quantitative result alone as a self-score', () => {
    expect(score([{ code: 'I.2', result: 80 }]).standingPhase).toBe('self');
  });

  it('prefers a quantitative value typed by the cross-check to the computed points', () => {
    const s = score([{ code: 'I.2', result: 80, crossCheck: 6 }]);
    expect(rowOf(s, 'self', 'I.2')).toMatchObject({ points: 8, source: 'computed' });
    expect(rowOf(s, 'crossCheck', 'I.2')).toMatchObject({ points: 6, source: 'crossCheck' });
  });

  it('reports a unit with a cross-check score but no self-score', () => {
    const s = score([{ code: 'I.1', crossCheck: 7 }]);
    expect(s.totals.self).toBeNull();
    expect(s.problems).toContainEqual({ unitId: 'A', field: 'self', message: 'Đơn vị chưa tự chấm điểm' });
  });

  it('gives a unit with nothing zeros over its maximum and one problem', () => {
    const s = score([]);
    expect(s.problems).toEqual([{ unitId: 'A', field: 'self', message: 'Đơn vị chưa tự chấm điểm' }]);
    expect([s.standingPhase, s.totals.self, s.totals.crossCheck, s.totals.final]).toEqual([null, null, null, null]);
    expect(s.standing).toMatchObject({ total: 0, maxTotal: 25, percent: 0 });
  });
});

describe('scoreUnit: invalid values', () => {
  it('reports a score over the max and counts the row as missing, not clamped', () => {
    const s = score([{ code: 'I.1', self: 11 }, ...BASE.slice(1)]);
    expect(s.problems).toEqual([{ unitId: 'A', code: 'I.1', field: 'self', message: 'Điểm tự chấm 11 vượt điểm chuẩn 10' }]);
    expect(s.standing.total).toBe(12);
    expect(rowOf(s, 'self', 'I.1')?.points).toBeNull();
  });

  it('reports a negative score', () => {
    const s = score([{ code: 'I.1', self: -1 }, ...BASE.slice(1)]);
    expect(s.problems.map((p) => p.message)).toEqual(['Điểm tự chấm -1 không được âm']);
  });

  it('reports a value that is not a finite number', () => {
    const s = score([{ code: 'I.1', self: Number.NaN }, ...BASE.slice(1)]);
    expect(s.problems.map((p) => p.message)).toEqual(['Điểm tự chấm NaN không phải là số hữu hạn']);
  });

  it('names the phase of an invalid final score and counts the row missing at that phase only', () => {
    const s = score([{ code: 'I.1', self: 8, crossCheck: 7, final: 12 }, ...BASE.slice(1)]);
    expect(s.problems).toEqual([{ unitId: 'A', code: 'I.1', field: 'final', message: 'Điểm thống nhất 12 vượt điểm chuẩn 10' }]);
    expect([s.totals.crossCheck?.total, s.totals.final?.total]).toEqual([19, 12]);
  });

  it('reports a code the table does not have', () => {
    expect(score([...BASE, { code: 'X.9', self: 1 }]).problems).toEqual([
      { unitId: 'A', code: 'X.9', field: 'code', message: 'Mã "X.9" không có trong bảng tiêu chí' },
    ]);
  });

  it('reports a score row without a code that holds a value', () => {
    expect(score([...BASE, { code: ' ', self: 1 }]).problems).toEqual([
      { unitId: 'A', field: 'code', message: 'Dòng điểm có số liệu nhưng chưa có mã tiêu chí' },
    ]);
  });

  it('skips an empty score row without a code', () => {
    expect(score([...BASE, { code: '' }]).problems).toEqual([]);
  });

  it('reports a criterion entered twice and counts the first', () => {
    const s = score([...BASE, { code: 'i.1', self: 2 }]);
    expect(s.problems.map((p) => [p.code, p.field])).toEqual([['I.1', 'code']]);
    expect(s.standing.total).toBe(20);
  });

  it('reports the rows left blank at the self phase', () => {
    const s = score([{ code: 'I.1', self: 8 }]);
    expect(s.problems).toEqual([
      { unitId: 'A', code: 'I.2', field: 'self', message: 'Chưa chấm: chưa có điểm tự chấm hoặc kết quả' },
      { unitId: 'A', code: 'II.1', field: 'self', message: 'Chưa chấm: chưa có điểm tự chấm hoặc kết quả' },
    ]);
  });

  it('ignores a value typed on a group row', () => {
    const s = score([...BASE, { code: 'I', self: 50 }]);
    expect([s.standing.total, s.problems]).toEqual([20, []]);
  });

  it('does not change its input', () => {
    const criteria = deepFreeze(smallTable());
    const input = deepFreeze(scores('A', ...BASE, { code: 'C.1', self: -2 }, { code: 'I.1', crossCheck: 99 }));
    expect(() => scoreUnit(buildCriteriaTree(criteria), CAP10, input)).not.toThrow();
  });
});

describe('scoreUnit: bonus and deduction', () => {
  it('adds bonus points', () => {
    const s = score([...BASE, { code: 'B.1', self: 3 }]);
    expect(s.standing).toMatchObject({ bonus: 3, total: 23 });
  });

  it('caps the sum of bonus rows', () => {
    const s = score([...BASE, { code: 'B.1', self: 5 }, { code: 'B.2', self: 10 }]);
    expect(s.standing).toMatchObject({ bonus: 10, total: 30 });
  });

  it('keeps each bonus row and its section uncapped, so the cap shows', () => {
    const s = score([...BASE, { code: 'B.1', self: 5 }, { code: 'B.2', self: 10 }]);
    expect([rowOf(s, 'self', 'B.1')?.points, rowOf(s, 'self', 'B.2')?.points, s.standing.sections.B]).toEqual([5, 10, 15]);
  });

  it('adds every bonus point when there is no cap', () => {
    const s = score([...BASE, { code: 'B.1', self: 5 }, { code: 'B.2', self: 10 }], { bonusCap: null, deductionCap: null });
    expect(s.standing).toMatchObject({ bonus: 15, total: 35 });
  });

  it('lets a bonus lift the total over the nominal maximum: 97 + 10 = 107', () => {
    const t = table(row('I', 'group'), row('I.1', 'qualitative', 100), row('B', 'group'), row('B.1', 'bonus', 10));
    const s = score([{ code: 'I.1', self: 97 }, { code: 'B.1', self: 10 }], CAP10, t);
    expect(s.standing).toMatchObject({ total: 107, maxTotal: 100, percent: 107 });
  });

  it('reports a negative bonus', () => {
    const s = score([...BASE, { code: 'B.1', self: -2 }]);
    expect(s.problems.map((p) => p.message)).toEqual(['Điểm tự chấm -2 không được âm']);
    expect(s.standing.bonus).toBe(0);
  });

  it('subtracts a deduction entered as a positive number', () => {
    expect(score([...BASE, { code: 'C.1', self: 2 }]).standing).toMatchObject({ deduction: 2, total: 18 });
  });

  it('subtracts a deduction entered as a negative number', () => {
    expect(score([...BASE, { code: 'C.1', self: -2 }]).standing).toMatchObject({ deduction: 2, total: 18 });
  });

  it('shows a deduction row with negative points', () => {
    expect(rowOf(score([...BASE, { code: 'C.1', self: 2 }]), 'self', 'C.1')?.points).toBe(-2);
  });

  it('caps the sum of deduction rows', () => {
    const s = score([...BASE, { code: 'C.1', self: 5 }, { code: 'C.2', self: -4 }], { bonusCap: 10, deductionCap: 3 });
    expect(s.standing).toMatchObject({ deduction: 3, total: 17 });
  });

  it('reports a deduction over its max', () => {
    const s = score([...BASE, { code: 'C.1', self: -6 }]);
    expect(s.problems).toEqual([{ unitId: 'A', code: 'C.1', field: 'self', message: 'Điểm trừ (tự chấm) 6 vượt mức trừ tối đa 5' }]);
    expect(s.standing.deduction).toBe(0);
  });

  it('does not report blank bonus and deduction rows', () => {
    expect(score(BASE).problems).toEqual([]);
  });
});

describe('scoreUnit: veto rows', () => {
  it('records a violation entered as 1', () => {
    expect(rowOf(score([...BASE, { code: 'D.1', self: 1 }]), 'self', 'D.1')).toMatchObject({ violated: true, points: null });
  });

  it('records no violation for 0', () => {
    expect(rowOf(score([...BASE, { code: 'D.1', self: 0 }]), 'self', 'D.1')?.violated).toBe(false);
  });

  it('does not change the total', () => {
    expect(score([...BASE, { code: 'D.1', self: 1 }]).standing.total).toBe(20);
  });

  it('lets the final decision clear a violation declared earlier', () => {
    expect(rowOf(score([...BASE, { code: 'D.1', self: 1, final: 0 }]), 'final', 'D.1')?.violated).toBe(false);
  });

  it('reports a value other than 0 or 1', () => {
    const s = score([...BASE, { code: 'D.1', self: 2 }]);
    expect(s.problems.map((p) => p.message)).toEqual(['Điều kiện (tự chấm) chỉ nhận 1 (vi phạm) hoặc 0 (không vi phạm), đang là 2']);
    expect(rowOf(s, 'self', 'D.1')?.violated).toBe(false);
  });
});

describe('scoreUnit: rows not applicable', () => {
  it('leaves a row not applicable out of the maximum', () => {
    const s = score([BASE[0] as ScoreEntry, BASE[2] as ScoreEntry, { code: 'I.2', notApplicable: true }]);
    expect(s.standing).toMatchObject({ total: 12, maxTotal: 15, percent: 80 });
  });

  it('marks the row not applicable and ignores its figures', () => {
    const s = score([BASE[0] as ScoreEntry, BASE[2] as ScoreEntry, { code: 'I.2', notApplicable: true, result: 80 }]);
    expect(rowOf(s, 'self', 'I.2')).toMatchObject({ applicable: false, points: null });
    expect(s.problems).toEqual([]);
  });

  it('takes the whole subtree of a group marked not applicable', () => {
    const s = score([{ code: 'I', notApplicable: true }, { code: 'II.1', self: 4 }]);
    expect(s.standing.maxTotal).toBe(5);
    expect(rowOf(s, 'self', 'I.1')?.applicable).toBe(false);
  });
});

describe('scoreUnit: sections', () => {
  it('totals every group with the signed points below it', () => {
    const s = score([...BASE, { code: 'B.1', self: 3 }, { code: 'C.1', self: 2 }]);
    expect(s.standing.sections).toEqual({ I: 16, II: 4, B: 3, C: -2, D: 0 });
  });

  it('totals nested groups', () => {
    const t = table(row('I', 'group'), row('I.1', 'group'), row('I.1.a', 'qualitative', 3), row('I.1.b', 'qualitative', 4), row('I.2', 'qualitative', 5));
    const s = score([{ code: 'I.1.a', self: 2 }, { code: 'I.1.b', self: 3.5 }, { code: 'I.2', self: 5 }], CAP10, t);
    expect(s.standing.sections).toEqual({ I: 10.5, 'I.1': 5.5 });
  });

  it('gives 0 % when the unit has no standard maximum', () => {
    const t = table(row('B', 'group'), row('B.1', 'bonus', 5));
    expect(score([{ code: 'B.1', self: 3 }], CAP10, t).standing).toMatchObject({ total: 3, maxTotal: 0, percent: 0 });
  });
});

describe('bestRatios and the leader-relative rule', () => {
  const leader = () => table(row('Q', 'quantitative', 10, { target: 10, rule: 'leaderRelative' }));
  const cluster = [scores('A', { code: 'Q', result: 12 }), scores('B', { code: 'Q', result: 15 }), scores('C', { code: 'Q', result: 9 }), scores('D', { code: 'Q', result: 10 })];

  it('finds the best result/target ratio in the cluster', () => {
    expect(bestRatios(leader(), cluster).get('q')).toBe(1.5);
  });

  it('gives the leader the max and the others their share above and below the target', () => {
    const tree = buildCriteriaTree(leader());
    const best = bestRatios(tree, cluster);
    // A: r = 1.2 → 5 + 5 × 0.2 / 0.5 = 7; B: r = 1.5 → 10; C: r = 0.9 → 0.5 × 10 × 0.9 = 4.5; D: r = 1 → 5.
    expect(cluster.map((s) => scoreUnit(tree, CAP10, s, best).standing.total)).toEqual([7, 10, 4.5, 5]);
  });

  it("uses units' own targets and skips rows not applicable and invalid results", () => {
    const all = [
      scores('A', { code: 'Q', result: 12 }),
      scores('B', { code: 'Q', result: 30, notApplicable: true }),
      scores('C', { code: 'Q', result: -1 }),
      scores('D', { code: 'Q', result: 10, target: 5 }),
    ];
    expect(bestRatios(leader(), all).get('q')).toBe(2);
  });

  it('skips a row whose group is not applicable to the unit', () => {
    const t = table(row('I', 'group'), row('I.1', 'quantitative', 10, { target: 10, rule: 'leaderRelative' }));
    const all = [scores('A', { code: 'I.1', result: 12 }), scores('B', { code: 'I', notApplicable: true }, { code: 'I.1', result: 30 })];
    expect(bestRatios(t, all).get('i.1')).toBe(1.2);
  });

  it('has no entry for a table without leader-relative rows', () => {
    expect(bestRatios(smallTable(), [scores('A', { code: 'I.2', result: 80 })]).size).toBe(0);
  });

  it('has no entry when no unit has a result', () => {
    expect(bestRatios(leader(), [scores('A')]).size).toBe(0);
  });
});

// round2's fast path (Math.round away from halves) used to be the engine's own fastRound2.
describe('round2', () => {
  it('rounds halves away from zero without binary drift', () => {
    expect([round2(1.005), round2(-2.675), round2(0.125), round2(3.3333)]).toEqual([1.01, -2.68, 0.13, 3.33]);
  });

  it('agrees with round2Exact on every number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -1e6, max: 1e6 }).map((k) => k / 1000)), (x) => {
        expect(Object.is(round2(x), round2Exact(x))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
