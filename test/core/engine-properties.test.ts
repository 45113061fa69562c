/** Invariants of computeYear over generated years, tidy and messy (invalid values included). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeYear } from '../../src/core/engine';
import { round2 } from '../../src/core/input';
import type { CriteriaTable, ScoreEntry, ScoringYear } from '../../src/core/model';
import type { PhaseTotal, UnitResult } from '../../src/core/results';
import { generateYear, seededRandom, type Random } from '../../src/core/samples';

/** Score rows with every sort of value a sheet can hold, valid or not. */
function messyEntries(criteria: CriteriaTable, random: Random): ScoreEntry[] {
  const pick = (max: number): number | undefined => {
    const roll = random.int(0, 9);
    if (roll < 4) return undefined;
    if (roll < 7) return Math.round(random.between(0, max) * 4) / 4;
    return [max + 1, -1, -max, Number.NaN, 0, 1, 2][random.int(0, 6)];
  };
  return criteria.rows.map((row) => {
    const entry: ScoreEntry = { code: row.code };
    if (random.chance(0.05)) entry.notApplicable = true;
    for (const phase of ['self', 'crossCheck', 'final'] as const) {
      const v = pick(row.maxPoints);
      if (v !== undefined) entry[phase] = v;
    }
    if (row.kind === 'quantitative' && random.chance(0.7)) entry.result = random.chance(0.1) ? -3 : Math.round(random.between(0, 150));
    if (row.kind === 'quantitative' && random.chance(0.1)) entry.target = random.chance(0.5) ? 0 : 50;
    return entry;
  });
}

const years = fc
  .record({
    units: fc.integer({ min: 1, max: 9 }),
    criteria: fc.integer({ min: 1, max: 45 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    messy: fc.boolean(),
    submittedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    bonusCap: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }),
    deductionCap: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }),
    rankBy: fc.constantFrom('auto' as const, 'total' as const, 'percent' as const),
  })
  .map(({ units, criteria, seed, messy, submittedShare, bonusCap, deductionCap, rankBy }): ScoringYear => {
    const year = generateYear({ units, criteria, seed });
    const random = seededRandom(seed + 1);
    const scores = messy ? year.scores.map((s) => ({ unitId: s.unitId, entries: messyEntries(year.criteria, random) })) : year.scores;
    // Some units have not submitted; the cụm trưởng recorded a reason to proceed for some of those.
    const submitted = year.units.filter(() => random.next() < submittedShare).map((u) => u.id);
    const proceedReasons = Object.fromEntries(year.units.filter(() => random.chance(0.2)).map((u) => [u.id, 'Lý do xét tiếp']));
    return { ...year, scores, submitted, proceedReasons, rules: { ...year.rules, bonusCap, deductionCap, rankBy } };
  });

function everyTotal(units: readonly UnitResult[]): PhaseTotal[] {
  return units.flatMap((u) => [u.totals.self, u.totals.crossCheck, u.totals.final, u.standing]).filter((t): t is PhaseTotal => t !== null);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const near = (a: number, b: number, tolerance = 1e-6) => Math.abs(a - b) <= tolerance;

describe('computeYear: properties', () => {
  it('ranks the same whatever the order of units and scores', () => {
    fc.assert(
      fc.property(years, fc.integer(), (year, seed) => {
        const random = seededRandom(seed);
        const shuffle = <T>(xs: readonly T[]) => xs.map((x) => ({ x, k: random.next() })).sort((a, b) => a.k - b.k).map((p) => p.x);
        const ranks = (y: ScoringYear) => new Map(computeYear(y).units.map((u) => [u.unitId, [u.rank, u.rankingScore]]));
        expect(ranks({ ...year, units: shuffle(year.units), scores: shuffle(year.scores) })).toEqual(ranks(year));
      }),
    );
  });

  it('never ranks a higher ranking score below a lower one', () => {
    fc.assert(
      fc.property(years, (year) => {
        const units = computeYear(year).units;
        for (const a of units) for (const b of units) if (round2(a.rankingScore) > round2(b.rankingScore)) expect(a.rank).toBeLessThan(b.rank);
      }),
    );
  });

  it('lists units in ranking order', () => {
    fc.assert(
      fc.property(years, (year) => {
        const ranks = computeYear(year).units.map((u) => u.rank);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      }),
    );
  });

  it('makes every total standard + bonus − deduction', () => {
    fc.assert(
      fc.property(years, (year) => {
        for (const t of everyTotal(computeYear(year).units)) expect(near(t.total, t.standard + t.bonus - t.deduction, 0.005 + 1e-9)).toBe(true);
      }),
    );
  });

  it('makes standard the sum of the standard rows and the bonus and deduction the capped sums of theirs', () => {
    fc.assert(
      fc.property(years, (year) => {
        const { bonusCap, deductionCap } = year.rules;
        for (const t of everyTotal(computeYear(year).units)) {
          const points = (kinds: string[]) => sum(t.rows.filter((r) => kinds.includes(r.kind)).map((r) => r.points ?? 0));
          expect(near(t.standard, points(['qualitative', 'quantitative']))).toBe(true);
          const bonus = points(['bonus']);
          expect(near(t.bonus, bonusCap === null ? bonus : Math.min(bonus, bonusCap))).toBe(true);
          const deduction = -points(['deduction']);
          expect(near(t.deduction, deductionCap === null ? deduction : Math.min(deduction, deductionCap))).toBe(true);
        }
      }),
    );
  });

  it('makes every section the sum of its children', () => {
    fc.assert(
      fc.property(years, (year) => {
        for (const t of everyTotal(computeYear(year).units)) {
          for (const [code, value] of Object.entries(t.sections)) {
            const children = t.rows.filter((r) => r.code.startsWith(`${code}.`) && !r.code.slice(code.length + 1).includes('.'));
            const expected = sum(children.map((c) => (c.kind === 'group' ? (t.sections[c.code] as number) : (c.points ?? 0))));
            expect(near(value, expected)).toBe(true);
          }
        }
      }),
    );
  });

  it('keeps a total within the maximum plus the bonus cap', () => {
    fc.assert(
      fc.property(years, (year) => {
        const cap = year.rules.bonusCap;
        if (cap === null) return;
        for (const t of everyTotal(computeYear(year).units)) expect(t.total).toBeLessThanOrEqual(t.maxTotal + cap + 1e-9);
      }),
    );
  });

  it('respects the caps and never adds a negative bonus or deduction', () => {
    fc.assert(
      fc.property(years, (year) => {
        const { bonusCap, deductionCap } = year.rules;
        for (const t of everyTotal(computeYear(year).units)) {
          expect(t.bonus).toBeGreaterThanOrEqual(0);
          expect(t.deduction).toBeGreaterThanOrEqual(0);
          if (bonusCap !== null) expect(t.bonus).toBeLessThanOrEqual(bonusCap);
          if (deductionCap !== null) expect(t.deduction).toBeLessThanOrEqual(deductionCap);
        }
      }),
    );
  });

  it('keeps every standard row between 0 and its max', () => {
    fc.assert(
      fc.property(years, (year) => {
        for (const t of everyTotal(computeYear(year).units)) {
          for (const r of t.rows) {
            if ((r.kind === 'qualitative' || r.kind === 'quantitative') && r.points !== null) {
              expect(r.points).toBeGreaterThanOrEqual(0);
              expect(r.points).toBeLessThanOrEqual(r.maxPoints);
            }
          }
        }
      }),
    );
  });

  it('makes the maximum the sum of the applicable standard rows', () => {
    fc.assert(
      fc.property(years, (year) => {
        for (const t of everyTotal(computeYear(year).units)) {
          const max = sum(t.rows.filter((r) => r.applicable && (r.kind === 'qualitative' || r.kind === 'quantitative')).map((r) => r.maxPoints));
          expect(t.maxTotal).toBe(max);
        }
      }),
    );
  });

  it('makes the percent the total over the maximum', () => {
    fc.assert(
      fc.property(years, (year) => {
        for (const t of everyTotal(computeYear(year).units)) expect(near(t.percent, t.maxTotal > 0 ? (t.total / t.maxTotal) * 100 : 0, 0.005 + 1e-9)).toBe(true);
      }),
    );
  });

  it('proposes no unit that registered nothing, and no incomplete unit without a reason to proceed; a provisional rank is exactly that', () => {
    fc.assert(
      fc.property(years, (year) => {
        const units = computeYear(year).units;
        const registered = new Map(year.units.map((u) => [u.id, u.registeredTitles.length > 0]));
        expect(units.filter((u) => u.proposedTitle !== null && !registered.get(u.unitId))).toEqual([]);
        expect(units.filter((u) => u.proposedTitle !== null && !u.complete && u.proceedReason === undefined)).toEqual([]);
        for (const u of units) expect(u.provisional).toBe(!u.complete && u.proceedReason === undefined);
        const submitted = new Set(year.submitted);
        expect(units.filter((u) => !submitted.has(u.unitId) && u.complete)).toEqual([]);
      }),
    );
  });

  it('proposes no title to an ineligible unit and no more titles than each quota', () => {
    fc.assert(
      fc.property(years, (year) => {
        const units = computeYear(year).units;
        expect(units.filter((u) => !u.eligible && u.proposedTitle !== null)).toEqual([]);
        for (const title of year.rules.titles) {
          if (title.quota !== null) expect(units.filter((u) => u.proposedTitle?.titleId === title.id).length).toBeLessThanOrEqual(title.quota);
        }
      }),
    );
  });
});
