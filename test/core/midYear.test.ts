/**
 * The mid-year review: the year's engine on the first-half self-scores, ranked among the units
 * with every row answered, with each unit's progress against the titles it registered.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classification';
import { computeYear } from '../../src/core/engine';
import { midYearReview, type MidYearRound } from '../../src/core/midYear';
import type { ScoringYear } from '../../src/core/model';
import { rankAmong } from '../../src/core/ranking';
import { generateYear, sampleCluster9Year, sampleMidYearRound, SAMPLE_MID_YEAR_BLANKS, seededRandom } from '../../src/core/samples';
import { unscoredRows } from '../../src/core/standing';

/** A round from a year's entries: their self-scores (and Không giao), some rows blanked at random. */
function roundOf(year: ScoringYear, seed: number, blankShare: number): MidYearRound {
  const random = seededRandom(seed);
  return {
    state: 'open',
    units: year.scores.map((s) => ({
      unitId: s.unitId,
      // Later phases and results are there too: the review must ignore them.
      entries: s.entries.filter(() => random.next() >= blankShare),
      goodPractice: random.next() < 0.5 ? `Mô hình ${s.unitId}` : '',
    })),
  };
}

const years = fc.record({
  units: fc.integer({ min: 1, max: 8 }),
  criteria: fc.integer({ min: 1, max: 30 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  blank: fc.constantFrom(0, 0.05, 0.3),
  rankBy: fc.constantFrom('auto' as const, 'total' as const, 'percent' as const),
}).map((o) => {
  const year = generateYear({ units: o.units, criteria: o.criteria, seed: o.seed });
  year.rules.rankBy = o.rankBy;
  return { year, round: roundOf(year, o.seed + 1, o.blank) };
});

describe('midYearReview', () => {
  it('totals are the engine\'s self phase on the first-half entries, whatever else the entries carry', () => {
    fc.assert(fc.property(years, ({ year, round }) => {
      const review = midYearReview(year, round);
      const selfOnly = round.units.map((u) => ({
        unitId: u.unitId,
        entries: u.entries.map((e) => ({ code: e.code, ...(e.self !== undefined ? { self: e.self } : {}), ...(e.notApplicable ? { notApplicable: true } : {}) })),
      }));
      const engine = computeYear({ ...year, scores: selfOnly, ballots: [], submitted: undefined });
      expect(review.units.map((u) => u.unitId).sort()).toEqual(year.units.map((u) => u.id).sort());
      for (const u of review.units) {
        const r = engine.units.find((x) => x.unitId === u.unitId)!;
        expect(u.total).toBe(r.standing.total);
        expect(u.maxTotal).toBe(r.standing.maxTotal);
        expect(u.percent).toBe(r.standing.percent);
        expect(u.classification).toBe(classify(r.standing.percent, year.rules.classificationBands));
        expect(u.unscored).toBe(unscoredRows(r.standing));
      }
    }), { numRuns: 60 });
  });

  it('ranks exactly the units with nothing left blank, equal scores sharing, unranked last in Cấu hình order', () => {
    fc.assert(fc.property(years, ({ year, round }) => {
      const review = midYearReview(year, round);
      const engine = computeYear({ ...year, scores: round.units.map((u) => ({ unitId: u.unitId, entries: u.entries.map((e) => ({ code: e.code, self: e.self, notApplicable: e.notApplicable })) })), ballots: [] });
      const score = (id: string) => engine.units.find((x) => x.unitId === id)!.rankingScore;
      const ranked = review.units.filter((u) => u.rank !== null);
      expect(ranked.every((u) => u.unscored === 0)).toBe(true);
      expect(review.units.filter((u) => u.rank === null).every((u) => u.unscored > 0)).toBe(true);
      const scores = ranked.map((u) => score(u.unitId));
      for (const u of ranked) expect(u.rank).toBe(rankAmong(score(u.unitId), scores));
      // Ranked first, by rank; then the unranked in the order of year.units.
      const ranks = ranked.map((u) => u.rank!);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(review.units.slice(0, ranked.length)).toEqual(ranked);
      const unranked = review.units.slice(ranked.length).map((u) => u.unitId);
      expect(unranked).toEqual(year.units.map((u) => u.id).filter((id) => unranked.includes(id)));
    }), { numRuns: 60 });
  });

  it('a registered title is on track exactly when the classification reaches its minimum and no veto row is violated', () => {
    fc.assert(fc.property(years, ({ year, round }) => {
      const review = midYearReview(year, round);
      const order = [...year.rules.classificationBands].sort((a, b) => b.minPercent - a.minPercent).map((b) => b.label);
      for (const u of review.units) {
        const unit = year.units.find((x) => x.id === u.unitId)!;
        expect(u.progress.map((p) => p.titleId)).toEqual(unit.registeredTitles.filter((t) => year.rules.titles.some((r) => r.id === t)));
        for (const p of u.progress) {
          expect(p.needs).toBe(year.rules.titles.find((t) => t.id === p.titleId)!.minClassification);
          expect(p.onTrack).toBe(!u.vetoed && order.indexOf(u.classification) <= order.indexOf(p.needs));
        }
      }
    }), { numRuns: 60 });
  });

  it('keeps the round\'s state and good practices, and changes nothing it is given', () => {
    const year = sampleCluster9Year(2021);
    const round = { ...sampleMidYearRound(year), state: 'closed' as const, closedAt: '2021-07-05T03:00:00.000Z' };
    const copy = JSON.parse(JSON.stringify({ year, round })) as unknown;
    const review = midYearReview(year, round);
    expect(JSON.parse(JSON.stringify({ year, round }))).toEqual(copy);
    expect(review).toMatchObject({ state: 'closed', closedAt: '2021-07-05T03:00:00.000Z' });
    expect(review.units.find((u) => u.unitId === 'Bình Thuận')!.goodPractice).toMatch(/^Số hóa hồ sơ/);
  });

  it('the sample round: the last unit unranked for its blank rows, a veto "Có" takes a title off track', () => {
    const year = sampleCluster9Year(2021);
    const round = sampleMidYearRound(year);
    const review = midYearReview(year, round);
    expect(review.units.at(-1)).toMatchObject({ unitId: 'Tây Ninh', rank: null, unscored: SAMPLE_MID_YEAR_BLANKS, goodPractice: '' });
    expect(review.units.slice(0, -1).map((u) => u.rank)).toEqual([1, 2, 3, 4, 5]);
    const dn = review.units.find((u) => u.unitId === 'Đồng Nai')!;
    expect(dn.progress).toEqual([expect.objectContaining({ titleId: 'co-thi-dua', onTrack: true })]);
    // Đồng Nai answers "Có" on a veto row: same points, the flag no longer on track.
    const vetoCode = year.criteria.rows.find((c) => c.kind === 'veto')!.code;
    const vetoed = {
      ...round,
      units: round.units.map((u) => (u.unitId !== 'Đồng Nai' ? u : { ...u, entries: u.entries.map((e) => (e.code === vetoCode ? { ...e, self: 1 } : e)) })),
    };
    const after = midYearReview(year, vetoed).units.find((u) => u.unitId === 'Đồng Nai')!;
    expect(after).toMatchObject({ vetoed: true, total: dn.total, progress: [expect.objectContaining({ onTrack: false })] });
  });

  it('"Không giao" leaves the maximum, a deduction is taken off, equal totals share a rank', () => {
    const year = sampleCluster9Year(2021);
    const round = sampleMidYearRound(year);
    const [a, b] = [round.units[0]!, round.units[1]!];
    // Give the second unit the first one's entries: same total, same rank.
    const twins = { ...round, units: round.units.map((u) => (u === b ? { ...b, entries: a.entries } : u)) };
    const r = midYearReview(year, twins);
    const ra = r.units.find((u) => u.unitId === a.unitId)!;
    const rb = r.units.find((u) => u.unitId === b.unitId)!;
    expect(rb.total).toBe(ra.total);
    expect(rb.rank).toBe(ra.rank);
    const q = year.criteria.rows.find((c) => c.kind === 'qualitative')!;
    const d = year.criteria.rows.find((c) => c.kind === 'deduction')!;
    const changed = {
      ...round,
      units: round.units.map((u) => (u !== a ? u : {
        ...a, entries: [...a.entries.filter((e) => e.code !== q.code && e.code !== d.code), { code: q.code, notApplicable: true }, { code: d.code, self: -2 }],
      })),
    };
    const before = midYearReview(year, round).units.find((u) => u.unitId === a.unitId)!;
    const after = midYearReview(year, changed).units.find((u) => u.unitId === a.unitId)!;
    const qBefore = a.entries.find((e) => e.code === q.code)?.self ?? 0;
    const dBefore = Math.abs(a.entries.find((e) => e.code === d.code)?.self ?? 0);
    expect(after.maxTotal).toBe(before.maxTotal - q.maxPoints);
    expect(after.total).toBeCloseTo(before.total - qBefore + dBefore - 2, 2);
  });
});
