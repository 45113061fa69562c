import { describe, expect, it } from 'vitest';
import { computeYear } from '../../src/core/engine';
import type { Ballot, ScoringYear } from '../../src/core/model';
import type { YearResult } from '../../src/core/results';
import { defaultRules } from '../../src/core/rules';
import { deepFreeze, row, scores, smallTable, table, unit, yearOf } from './engine-fixtures';

const FLAG_NAME = 'Cờ thi đua của Viện kiểm sát nhân dân tối cao';

/**
 * Three units on the small table (max 25):
 * A: self 9 + 10 + 5 = 24, cross-check 8 + 10 + 5 = 23, final (II.1 = 4.5) 8 + 10 + 4.5 = 22.5 → 90 %;
 * B: self only 8 + 9 + 5 = 22 → 88 %;
 * C: 10 + 10 + 5 = 25 at every phase → 100 %, but D.1 violated at the final phase.
 */
function threeUnits(extra: Partial<ScoringYear> = {}): ScoringYear {
  return yearOf(
    smallTable(),
    [unit('A'), unit('B'), unit('C')],
    [
      // A veto row must be answered ("no violation" is 0) for the figures to be complete.
      scores('A', { code: 'I.1', self: 9, crossCheck: 8 }, { code: 'I.2', result: 100 }, { code: 'II.1', self: 5, final: 4.5 }, { code: 'D.1', self: 0 }),
      scores('B', { code: 'I.1', self: 8 }, { code: 'I.2', result: 90 }, { code: 'II.1', self: 5 }, { code: 'D.1', self: 0 }),
      scores('C', { code: 'I.1', self: 10, crossCheck: 10 }, { code: 'I.2', result: 100 }, { code: 'II.1', self: 5 }, { code: 'D.1', final: 1 }),
    ],
    extra,
  );
}

const byId = (r: YearResult, id: string) => r.units.find((u) => u.unitId === id);
const flagBallot = (votes: Record<string, number>, extra: Partial<Ballot> = {}): Ballot => ({
  titleId: 'co-thi-dua',
  issued: 3,
  returned: 3,
  valid: 3,
  invalid: 0,
  votes,
  ...extra,
});

describe('computeYear: a small cluster worked by hand', () => {
  it('lists the units in ranking order', () => {
    expect(computeYear(threeUnits()).units.map((u) => [u.unitId, u.rank])).toEqual([
      ['C', 1],
      ['A', 2],
      ['B', 3],
    ]);
  });

  it('stands each unit on its latest phase', () => {
    const r = computeYear(threeUnits());
    expect(['A', 'B', 'C'].map((id) => [byId(r, id)?.standingPhase, byId(r, id)?.standing.total])).toEqual([
      ['final', 22.5],
      ['self', 22],
      ['final', 25],
    ]);
  });

  it('keeps every phase total of a unit', () => {
    const a = byId(computeYear(threeUnits()), 'A');
    expect([a?.totals.self?.total, a?.totals.crossCheck?.total, a?.totals.final?.total]).toEqual([24, 23, 22.5]);
  });

  it('shows how much the self-score exceeds the standing score', () => {
    const r = computeYear(threeUnits());
    expect([byId(r, 'A')?.gap, byId(r, 'B')?.gap, byId(r, 'C')?.gap]).toEqual([1.5, null, 0]);
  });

  it('ranks by total when every unit has the same maximum', () => {
    expect(computeYear(threeUnits()).units.map((u) => u.rankingScore)).toEqual([25, 22.5, 22]);
  });

  it('classifies by percent of the maximum', () => {
    expect(computeYear(threeUnits()).units.map((u) => u.classification)).toEqual([
      'Hoàn thành xuất sắc nhiệm vụ',
      'Hoàn thành xuất sắc nhiệm vụ',
      'Hoàn thành tốt nhiệm vụ',
    ]);
  });

  it('makes a unit with a veto row violated ineligible and says which', () => {
    const c = byId(computeYear(threeUnits()), 'C');
    expect([c?.eligible, c?.ineligibleReasons, c?.proposedTitle]).toEqual([false, ['Vi phạm điều kiện D.1 "Nội dung D.1"'], null]);
  });

  it('proposes the flag to the first eligible unit, awaiting its ballot, and lower titles to the others', () => {
    const r = computeYear(threeUnits());
    expect(byId(r, 'A')?.proposedTitle).toEqual({ titleId: 'co-thi-dua', name: FLAG_NAME, status: 'awaitingBallot' });
    expect(byId(r, 'B')?.proposedTitle?.titleId).toBe('tap-the-lao-dong-tien-tien');
  });

  it('finds nothing wrong with complete figures', () => {
    expect(computeYear(threeUnits()).problems).toEqual([]);
  });

  it('proposes the flag once the ballot is counted and passed', () => {
    const r = computeYear(threeUnits({ ballots: [flagBallot({ A: 3 })] }));
    expect(byId(r, 'A')?.proposedTitle?.status).toBe('proposed');
    expect(r.ballots).toEqual([
      { titleId: 'co-thi-dua', issued: 3, returned: 3, valid: 3, invalid: 0, thresholdPercent: 80, candidates: [{ unitId: 'A', votes: 3, percent: 100, passed: true }] },
    ]);
  });

  it('does not decide a title on a ballot with problems', () => {
    const r = computeYear(threeUnits({ ballots: [flagBallot({ A: 3 }, { invalid: 1 })] }));
    expect(byId(r, 'A')?.proposedTitle?.status).toBe('awaitingBallot');
    expect(r.problems.map((p) => p.message)).toEqual([`Bỏ phiếu "${FLAG_NAME}": phiếu hợp lệ (3) cộng phiếu không hợp lệ (1) khác số phiếu thu về (3)`]);
  });

  it('reports a second ballot for the same title and counts the first', () => {
    const r = computeYear(threeUnits({ ballots: [flagBallot({ A: 3 }), flagBallot({ A: 0 })] }));
    expect(r.problems.map((p) => p.message)).toEqual([`Danh hiệu "${FLAG_NAME}" có hai kết quả bỏ phiếu: chỉ kết quả đầu tiên được tính`]);
    expect(r.ballots).toHaveLength(1);
  });

  it('makes a deferred unit ineligible', () => {
    const year = threeUnits();
    year.units[0] = unit('A', { deferredReason: 'Đang giải quyết khiếu nại' });
    const a = byId(computeYear(year), 'A');
    expect([a?.eligible, a?.ineligibleReasons]).toEqual([false, ['Tạm hoãn xét khen thưởng: "Đang giải quyết khiếu nại"']]);
  });

  it("respects a unit's registered titles", () => {
    const year = threeUnits();
    year.units[0] = unit('A', { registeredTitles: ['tap-the-lao-dong-xuat-sac'] });
    expect(byId(computeYear(year), 'A')?.proposedTitle?.titleId).toBe('tap-the-lao-dong-xuat-sac');
  });

  it('does not change its input', () => {
    const year = deepFreeze(threeUnits({ ballots: [flagBallot({ A: 3 })] }));
    expect(() => computeYear(year)).not.toThrow();
  });
});

describe('computeYear: ranking score', () => {
  /** A: 10 + 8 + 4 = 22 of 25 (88 %); B, with I.2 not applicable: 9 + 5 = 14 of 15 (93.33 %). */
  const differentMaxima = (rankBy: 'auto' | 'total' | 'percent') =>
    yearOf(
      smallTable(),
      [unit('A'), unit('B')],
      [
        scores('A', { code: 'I.1', self: 10 }, { code: 'I.2', result: 80 }, { code: 'II.1', self: 4 }),
        scores('B', { code: 'I.1', self: 9 }, { code: 'I.2', notApplicable: true }, { code: 'II.1', self: 5 }),
      ],
      { rules: { ...defaultRules(2024), rankBy } },
    );

  it('ranks by percent when the maxima differ and the rule is auto', () => {
    expect(computeYear(differentMaxima('auto')).units.map((u) => [u.unitId, u.rankingScore])).toEqual([
      ['B', 93.33],
      ['A', 88],
    ]);
  });

  it('ranks by total when the rule says so, whatever the maxima', () => {
    expect(computeYear(differentMaxima('total')).units.map((u) => [u.unitId, u.rankingScore])).toEqual([
      ['A', 22],
      ['B', 14],
    ]);
  });

  it('ranks a unit with nothing last, on zeros', () => {
    const year = threeUnits();
    year.units.push(unit('D'));
    const r = computeYear(year);
    const d = r.units[3];
    expect([d?.unitId, d?.rank, d?.standingPhase, d?.standing.total, d?.standing.maxTotal, d?.gap]).toEqual(['D', 4, null, 0, 25, null]);
    expect(r.problems).toEqual([{ unitId: 'D', field: 'self', message: 'Đơn vị chưa tự chấm điểm' }]);
  });
});

describe('computeYear: tie-breaks', () => {
  /** Both 20 of 25: A = 8 + 8 + 4 (I = 16), B = 6 + 10 + 4 (I = 16). */
  const tied = (tieBreaks: ScoringYear['rules']['tieBreaks'], femaleB = false) =>
    yearOf(
      smallTable(),
      [unit('A'), unit('B', { femaleMajority: femaleB })],
      [
        scores('A', { code: 'I.1', self: 8 }, { code: 'I.2', result: 80 }, { code: 'II.1', self: 4 }),
        scores('B', { code: 'I.1', self: 6 }, { code: 'I.2', result: 100 }, { code: 'II.1', self: 4 }),
      ],
      { rules: { ...defaultRules(2024), tieBreaks } },
    );
  const ranks = (y: ScoringYear) => computeYear(y).units.map((u) => `${u.unitId}${u.rank}`);

  it('shares the rank without tie-breaks', () => {
    expect(ranks(tied([]))).toEqual(['A1', 'B1']);
  });

  it('splits the tie by a criterion score', () => {
    expect(ranks(tied([{ kind: 'criterion', code: 'I.2' }]))).toEqual(['B1', 'A2']);
  });

  it('tries the tie-breaks in order', () => {
    expect(ranks(tied([{ kind: 'criterion', code: 'I' }, { kind: 'criterion', code: 'i.1' }]))).toEqual(['A1', 'B2']);
  });

  it('prefers a collective at least 70 % female', () => {
    expect(ranks(tied([{ kind: 'femaleMajority' }], true))).toEqual(['B1', 'A2']);
  });

  it('reports a tie-break criterion the table does not have', () => {
    const r = computeYear(tied([{ kind: 'criterion', code: 'Z' }]));
    expect(r.problems).toEqual([{ code: 'Z', message: 'Tiêu chí phụ để xếp hạng "Z" không có trong bảng tiêu chí' }]);
    expect(r.units.map((u) => u.rank)).toEqual([1, 1]);
  });
});

describe('computeYear: problems with the input', () => {
  it('reports scores of a unit not in the cluster', () => {
    const year = threeUnits();
    year.scores.push(scores('X', { code: 'I.1', self: 1 }));
    expect(computeYear(year).problems).toEqual([{ unitId: 'X', message: '"X" có điểm nhưng không có trong danh sách đơn vị của cụm' }]);
  });

  it('reports a unit listed twice and keeps the first', () => {
    const year = threeUnits();
    year.units.push(unit('B'));
    const r = computeYear(year);
    expect(r.problems.map((p) => p.message)).toEqual(['Đơn vị "B" có tên trùng trong danh sách: chỉ dòng đầu tiên được tính']);
    expect(r.units).toHaveLength(3);
  });

  it('reports two sets of scores for one unit and counts the first', () => {
    const year = threeUnits();
    year.scores.push(scores('B'));
    const r = computeYear(year);
    expect(r.problems.map((p) => p.message)).toEqual(['Đơn vị "B" có hai bộ điểm: chỉ bộ đầu tiên được tính']);
    expect(byId(r, 'B')?.standing.total).toBe(22);
  });

  it('reports a cluster leader that is not a member', () => {
    const year = threeUnits();
    year.cluster = { ...year.cluster, leaderUnitId: 'Z' };
    expect(computeYear(year).problems.map((p) => p.message)).toEqual(['Cụm trưởng "Z" không có trong danh sách đơn vị']);
  });

  it("passes on the criteria table's problems and the rules' problems", () => {
    const year = threeUnits();
    year.criteria = { ...year.criteria, rows: [...year.criteria.rows, row('II.1', 'qualitative', 3)] };
    year.rules = { ...year.rules, ballotThresholdPercent: 150 };
    expect(computeYear(year).problems.map((p) => p.message)).toEqual([
      'Mã "II.1" bị trùng: chỉ dòng đầu tiên được tính',
      'Tỷ lệ phiếu đồng ý cần đạt phải từ 0 đến 100 %, đang là 150',
    ]);
  });

  it("passes on each unit's score problems with the unit and the cell", () => {
    const year = threeUnits();
    year.scores[1] = scores('B', { code: 'I.1', self: 12 }, { code: 'I.2', result: 90 }, { code: 'II.1', self: 5 });
    expect(computeYear(year).problems).toEqual([{ unitId: 'B', code: 'I.1', field: 'self', message: 'Điểm tự chấm 12 vượt điểm chuẩn 10' }]);
  });

  it('does not ask for a table-wide target when every unit with a result has its own', () => {
    const t = table(row('I', 'group'), row('I.1', 'quantitative', 10));
    const year = yearOf(t, [unit('A'), unit('B')], [scores('A', { code: 'I.1', result: 8, target: 10 }), scores('B', { code: 'I.1', result: 5, target: 10 })]);
    const r = computeYear(year);
    expect(r.problems).toEqual([]);
    expect(byId(r, 'A')?.standing.total).toBe(8);
  });

  it('asks for the table-wide target when a unit with a result has none of its own', () => {
    const t = table(row('I', 'group'), row('I.1', 'quantitative', 10));
    const year = yearOf(t, [unit('A'), unit('B')], [scores('A', { code: 'I.1', result: 8, target: 10 }), scores('B', { code: 'I.1', result: 5 })]);
    expect(computeYear(year).problems.map((p) => [p.code, p.field])).toEqual([['I.1', 'target']]);
  });

  it('returns an empty result for an empty year', () => {
    expect(computeYear(yearOf(table(), [], []))).toEqual({ units: [], ballots: [], problems: [] });
  });
});
