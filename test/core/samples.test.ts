import { describe, expect, it } from 'vitest';
import { buildCriteriaTree } from '../../src/core/criteria';
import { computeYear } from '../../src/core/engine';
import type { Criterion } from '../../src/core/model';
import { generateYear, generatedCriteriaTable, sampleCluster9Year, sampleCriteriaTable, sampleCrossCheckTeam, seededRandom } from '../../src/core/samples';

const isStandard = (r: Criterion) => r.kind === 'qualitative' || r.kind === 'quantitative';

describe('sampleCriteriaTable', () => {
  const t = sampleCriteriaTable(2021);

  it('is named as a sample to adapt, with its year', () => {
    expect(t.name).toMatch(/^Bảng tiêu chí mẫu .*2021$/);
  });

  it('has between 30 and 40 rows', () => {
    expect(t.rows.length).toBeGreaterThanOrEqual(30);
    expect(t.rows.length).toBeLessThanOrEqual(40);
  });

  it('has standard maxima summing to exactly 100', () => {
    expect(t.rows.filter(isStandard).reduce((s, r) => s + r.maxPoints, 0)).toBe(100);
  });

  it('gives sections I to V 55, 15, 10, 10 and 10 points', () => {
    const tree = buildCriteriaTree(t);
    expect(['i', 'ii', 'iii', 'iv', 'v'].map((k) => tree.byCode.get(k)?.maxPoints)).toEqual([55, 15, 10, 10, 10]);
  });

  it('starts with Công tác chuyên môn nghiệp vụ', () => {
    expect(t.rows[0]).toMatchObject({ code: 'I', kind: 'group', content: 'Công tác chuyên môn nghiệp vụ' });
  });

  it('uses every quantitative rule', () => {
    expect(new Set(t.rows.map((r) => r.rule).filter(Boolean))).toEqual(new Set(['proportional', 'passFail', 'lowerIsBetter', 'leaderRelative']));
  });

  it('has bonus and deduction rows and at least two veto rows', () => {
    const count = (kind: Criterion['kind']) => t.rows.filter((r) => r.kind === kind).length;
    expect([count('bonus'), count('deduction'), count('veto') >= 2]).toEqual([2, 2, true]);
  });

  it('names the veto rows for discipline and corruption', () => {
    expect(t.rows.filter((r) => r.kind === 'veto').map((r) => r.content)).toEqual([
      'Có công chức, người lao động bị kỷ luật từ hình thức cảnh cáo trở lên',
      'Để xảy ra tham nhũng, tiêu cực trong đơn vị',
    ]);
  });

  it('has content for every row and no problem', () => {
    expect(t.rows.every((r) => r.content !== r.code && r.content.length > 0)).toBe(true);
    expect(buildCriteriaTree(t).problems).toEqual([]);
  });

  it('returns fresh rows each time', () => {
    const a = sampleCriteriaTable(2021);
    (a.rows[1] as Criterion).maxPoints = 99;
    expect(sampleCriteriaTable(2021).rows[1]?.maxPoints).toBe(0);
  });
});

describe('sampleCluster9Year', () => {
  const year = sampleCluster9Year();
  const result = computeYear(year);
  const unitOf = (id: string) => result.units.find((u) => u.unitId === id);

  it('is the 2021 year of Cụm thi đua số 9, led by Bình Dương with Đồng Nai as deputy', () => {
    expect(year.cluster).toMatchObject({ name: 'Cụm thi đua số 9', year: 2021, leaderUnitId: 'Bình Dương', deputyUnitId: 'Đồng Nai', place: 'Bình Dương' });
  });

  it('has a slogan for its year', () => {
    expect(sampleCluster9Year(2022).cluster.slogan).toContain('năm 2022');
  });

  it('has the six member procuracies', () => {
    expect(year.units.map((u) => u.name)).toEqual([
      'Viện kiểm sát nhân dân tỉnh Bình Thuận',
      'Viện kiểm sát nhân dân tỉnh Bình Dương',
      'Viện kiểm sát nhân dân tỉnh Bình Phước',
      'Viện kiểm sát nhân dân tỉnh Bà Rịa – Vũng Tàu',
      'Viện kiểm sát nhân dân tỉnh Đồng Nai',
      'Viện kiểm sát nhân dân tỉnh Tây Ninh',
    ]);
  });

  it('gives each unit a Viện trưởng and an office e-mail on example.com', () => {
    expect(year.units.every((u) => u.headTitle === 'Viện trưởng' && u.headName.length > 0)).toBe(true);
    expect(year.units[1]?.focalEmails).toEqual(['vanphong.binhduong@example.com']);
  });

  it('gives the same figures every time', () => {
    expect(sampleCluster9Year()).toEqual(year);
  });

  it('gives different figures for another year', () => {
    expect(sampleCluster9Year(2022).scores).not.toEqual(year.scores);
  });

  it('has self, cross-check and final scores on most units, Tây Ninh without final', () => {
    expect(year.units.map((u) => unitOf(u.id)?.standingPhase)).toEqual(['final', 'final', 'final', 'final', 'final', 'crossCheck']);
  });

  it('scores without a problem', () => {
    expect(result.problems).toEqual([]);
  });

  it('finds the veto violation at Bình Phước', () => {
    expect(unitOf('Bình Phước')?.ineligibleReasons).toEqual(['Vi phạm điều kiện VIII.1 "Có công chức, người lao động bị kỷ luật từ hình thức cảnh cáo trở lên"']);
  });

  it('counts the flag ballot: 5 of 6 for Đồng Nai (83.33 %)', () => {
    expect(result.ballots[0]?.candidates[0]).toEqual({ unitId: 'Đồng Nai', votes: 5, percent: 83.33, passed: true });
  });

  it('proposes one flag, one Tập thể lao động xuất sắc and two Tập thể lao động tiên tiến; not Tây Ninh, which registered nothing and has not submitted', () => {
    expect(result.units.map((u) => [u.unitId, u.proposedTitle?.titleId ?? null])).toEqual([
      ['Đồng Nai', 'co-thi-dua'],
      ['Bình Dương', 'tap-the-lao-dong-xuat-sac'],
      ['Bình Phước', null],
      ['Bà Rịa – Vũng Tàu', 'tap-the-lao-dong-tien-tien'],
      ['Tây Ninh', null],
      ['Bình Thuận', 'tap-the-lao-dong-tien-tien'],
    ]);
  });

  it('ranks Tây Ninh provisionally on its cross-check score and says why it is not proposed', () => {
    const tn = unitOf('Tây Ninh');
    expect([tn?.complete, tn?.provisional, tn?.incompleteReasons, tn?.standingPhase]).toEqual([false, true, ['chưa nộp bảng tự chấm'], 'crossCheck']);
    expect(tn?.proposalReason).toBe('Chưa đề nghị: số liệu chưa đầy đủ (chưa nộp bảng tự chấm)');
    expect(result.units.filter((u) => u.provisional).map((u) => u.unitId)).toEqual(['Tây Ninh']);
  });

  it('shows self-scores at or above the standing scores', () => {
    expect(result.units.every((u) => (u.gap ?? 0) >= 0)).toBe(true);
  });
});

describe('sampleCrossCheckTeam', () => {
  it('has two distinct e-mails per member unit, on example.com', () => {
    const team = sampleCrossCheckTeam();
    expect([team.length, new Set(team).size, team.every((e) => /^[a-z0-9.]+@example\.com$/.test(e))]).toEqual([12, 12, true]);
  });
});

describe('seededRandom', () => {
  it('repeats its sequence for the same seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    expect([a.next(), a.next()]).toEqual([b.next(), b.next()]);
  });

  it('stays within the bounds asked', () => {
    const r = seededRandom(1);
    const draws = Array.from({ length: 200 }, () => r.int(2, 4));
    expect(new Set(draws)).toEqual(new Set([2, 3, 4]));
  });
});

describe('generatedCriteriaTable', () => {
  it('has as many scored rows as asked', () => {
    expect(generatedCriteriaTable(300, 1).rows.filter((r) => r.kind !== 'group').length).toBe(300);
  });

  it('puts at most ten rows under a group', () => {
    const tree = buildCriteriaTree(generatedCriteriaTable(300, 1));
    expect(Math.max(...tree.nodes.map((n) => n.childIndexes.length))).toBeLessThanOrEqual(10);
  });

  it('has every kind of row and nests some groups', () => {
    const t = generatedCriteriaTable(40, 1);
    expect(new Set(t.rows.map((r) => r.kind)).size).toBe(6);
    expect(t.rows.some((r) => r.kind === 'group' && r.code.includes('.'))).toBe(true);
  });

  it('builds a tree without problems', () => {
    expect(buildCriteriaTree(generatedCriteriaTable(57, 3)).problems).toEqual([]);
  });

  it('is empty for no rows', () => {
    expect(generatedCriteriaTable(0, 1).rows).toEqual([]);
  });
});

describe('generateYear', () => {
  it('has the number of units asked', () => {
    expect(generateYear({ units: 25, criteria: 20, seed: 1 }).units).toHaveLength(25);
  });

  it('gives the same year for the same seed', () => {
    expect(generateYear({ units: 5, criteria: 30, seed: 9 })).toEqual(generateYear({ units: 5, criteria: 30, seed: 9 }));
  });

  it('gives another year for another seed', () => {
    expect(generateYear({ units: 5, criteria: 30, seed: 9 }).scores).not.toEqual(generateYear({ units: 5, criteria: 30, seed: 10 }).scores);
  });

  it('gives unique unit ids', () => {
    const ids = generateYear({ units: 700, criteria: 4, seed: 1 }).units.map((u) => u.id);
    expect(new Set(ids).size).toBe(700);
  });

  it('scores without a problem', () => {
    expect(computeYear(generateYear({ units: 30, criteria: 60, seed: 5 })).problems).toEqual([]);
  });

  it('gives an empty but valid year for no units', () => {
    expect(computeYear(generateYear({ units: 0, criteria: 0, seed: 1 }))).toEqual({ units: [], ballots: [], problems: [] });
  });
});
