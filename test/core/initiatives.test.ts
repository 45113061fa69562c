import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeYear } from '../../src/core/engine';
import { DEFAULT_INITIATIVE_POINTS, feedInitiatives, initiativeCredits, INITIATIVE_LEVELS, type Initiative } from '../../src/core/initiatives';
import { sampleCluster9Year } from '../../src/core/samples';

const rule = { code: 'VI.2', points: DEFAULT_INITIATIVE_POINTS };
const item = (unitId: string, status: Initiative['status'], level: Initiative['level'] = null): Initiative =>
  ({ unitId, title: 'Sáng kiến', authors: 'Nguyễn Văn A', status, level, recognisedOn: null });

describe('initiativeCredits', () => {
  it('counts registered and recognised initiatives and gives recognised ones their level\'s points', () => {
    const credits = initiativeCredits([item('A', 'registered'), item('A', 'recognised', 'province'), item('B', 'recognised', 'base')], rule, ['A', 'B', 'C'], 5);
    expect(credits).toEqual([
      { unitId: 'A', registered: 2, recognised: 1, raw: 2, points: 2 },
      { unitId: 'B', registered: 1, recognised: 1, raw: 1, points: 1 },
      { unitId: 'C', registered: 0, recognised: 0, raw: 0, points: 0 },
    ]);
  });

  it('caps the points at the row\'s maximum', () => {
    const list = [item('A', 'recognised', 'national'), item('A', 'recognised', 'national')];
    expect(initiativeCredits(list, rule, ['A'], 5)[0]).toMatchObject({ raw: 6, points: 5 });
  });

  it('gives nothing for a recognised initiative with no level, and leaves out units not listed', () => {
    const credits = initiativeCredits([item('A', 'recognised', null), item('Z', 'recognised', 'base')], rule, ['A'], 5);
    expect(credits).toEqual([{ unitId: 'A', registered: 1, recognised: 1, raw: 0, points: 0 }]);
  });

  it('points are between 0 and the maximum and never exceed the sum by level (property)', () => {
    const arbItem = fc.record({
      unitId: fc.constantFrom('A', 'B', 'C'),
      status: fc.constantFrom<Initiative['status']>('registered', 'recognised'),
      level: fc.option(fc.constantFrom(...INITIATIVE_LEVELS), { nil: null }),
    }).map((x) => ({ ...x, title: 't', authors: '', recognisedOn: null }));
    const points = fc.record({ base: fc.double({ min: 0, max: 10, noNaN: true }), sector: fc.double({ min: 0, max: 10, noNaN: true }), province: fc.double({ min: 0, max: 10, noNaN: true }), national: fc.double({ min: 0, max: 10, noNaN: true }) });
    fc.assert(fc.property(fc.array(arbItem, { maxLength: 30 }), points, fc.integer({ min: 0, max: 20 }), (list, p, max) => {
      const credits = initiativeCredits(list, { code: 'X', points: p }, ['A', 'B', 'C'], max);
      expect(credits.reduce((s, c) => s + c.registered, 0)).toBe(list.length);
      for (const c of credits) {
        expect(c.points).toBeGreaterThanOrEqual(0);
        expect(c.points).toBeLessThanOrEqual(max);
        expect(c.points).toBeLessThanOrEqual(c.raw + 0.005);
        expect(c.recognised).toBe(list.filter((x) => x.unitId === c.unitId && x.status === 'recognised').length);
      }
    }));
  });
});

describe('feedInitiatives', () => {
  const credits = initiativeCredits([item('A', 'recognised', 'province')], rule, ['A', 'B'], 5);

  it('puts the register\'s points in the self phase and drops what later phases typed on that row', () => {
    const { scores, differences } = feedInitiatives([{ unitId: 'A', entries: [{ code: 'VI.2', self: 5, final: 2 }] }], credits, 'VI.2');
    expect(scores[0]!.entries).toEqual([{ code: 'VI.2', self: 2 }]);
    expect(differences).toEqual([{ unitId: 'A', code: 'VI.2', phase: 'self', typed: 5, fed: 2 }]);
  });

  it('adds the row when the unit typed nothing there, and reports no difference', () => {
    const { scores, differences } = feedInitiatives([{ unitId: 'B', entries: [{ code: 'I.1', self: 3 }] }], credits, 'vi.2');
    expect(scores[0]!.entries).toEqual([{ code: 'I.1', self: 3 }, { code: 'vi.2', self: 0 }]);
    expect(differences).toEqual([]);
  });

  it('leaves a row marked not applicable alone, and does not change its input', () => {
    const input = [{ unitId: 'A', entries: [{ code: 'VI.2', notApplicable: true, self: 4 }] }];
    const copy = JSON.parse(JSON.stringify(input));
    const { scores, differences } = feedInitiatives(input, credits, 'VI.2');
    expect(scores[0]).toBe(input[0]);
    expect(differences).toEqual([]);
    expect(input).toEqual(copy);
  });

  it('changes the engine\'s bonus by the difference between the register and what was typed', () => {
    const year = sampleCluster9Year();
    const unit = year.units[0]!.id;
    const fed = feedInitiatives(year.scores, initiativeCredits([item(unit, 'recognised', 'base')], rule, year.units.map((u) => u.id), 5), 'VI.2');
    const before = computeYear(year).units.find((u) => u.unitId === unit)!;
    const after = computeYear({ ...year, scores: fed.scores }).units.find((u) => u.unitId === unit)!;
    const self = (r: typeof before) => r.totals.self!.rows.find((x) => x.code === 'VI.2')!.points;
    expect(self(after)).toBe(1);
    expect(after.totals.self!.bonus - before.totals.self!.bonus).toBeCloseTo(1 - (self(before) ?? 0), 2);
  });
});
