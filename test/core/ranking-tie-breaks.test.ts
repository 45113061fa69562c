import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { round2 } from '../../src/core/input';
import { rankWithTieBreaks, type RankItem } from '../../src/core/ranking';

const item = (id: string, score: number, ...tieBreakValues: number[]): RankItem => ({ id, score, tieBreakValues });
const ranksOf = (items: RankItem[]) => Object.fromEntries(rankWithTieBreaks(items));

describe('rankWithTieBreaks', () => {
  it('ranks the highest score first', () => {
    expect(ranksOf([item('A', 70), item('B', 90), item('C', 80)])).toEqual({ B: 1, C: 2, A: 3 });
  });

  it('gives scores equal at 2 decimals the same rank and skips the next (1, 2, 2, 4)', () => {
    expect(ranksOf([item('A', 90), item('B', 85.001), item('C', 85), item('D', 70)])).toEqual({ A: 1, B: 2, C: 2, D: 4 });
  });

  it('splits equal scores by the first tie-break value, higher first', () => {
    expect(ranksOf([item('A', 90, 5), item('B', 90, 7), item('C', 80, 9)])).toEqual({ B: 1, A: 2, C: 3 });
  });

  it('uses the second tie-break value only when the first is equal', () => {
    expect(ranksOf([item('A', 90, 5, 1), item('B', 90, 5, 3), item('C', 90, 6, 0)])).toEqual({ C: 1, B: 2, A: 3 });
  });

  it('keeps a shared rank for items equal on score and every tie-break value', () => {
    expect(ranksOf([item('A', 90, 1), item('B', 90, 1), item('C', 80)])).toEqual({ A: 1, B: 1, C: 3 });
  });

  it('compares tie-break values at 2 decimals', () => {
    expect(ranksOf([item('A', 90, 4.001), item('B', 90, 4)])).toEqual({ A: 1, B: 1 });
  });

  it('ranks an item missing a tie-break value below one that has it', () => {
    expect(ranksOf([item('A', 90), item('B', 90, 0)])).toEqual({ B: 1, A: 2 });
  });

  it('ranks a score that is not a finite number last', () => {
    expect(ranksOf([item('A', Number.NaN), item('B', -5)])).toEqual({ B: 1, A: 2 });
  });

  it('returns an empty map for no items', () => {
    expect(rankWithTieBreaks([]).size).toBe(0);
  });

  it('does not change its input', () => {
    const items = Object.freeze([Object.freeze(item('A', 1)), Object.freeze(item('B', 2))]);
    expect(() => rankWithTieBreaks(items)).not.toThrow();
  });
});

describe('rankWithTieBreaks: properties', () => {
  const items = fc
    .uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 4 }),
        // Few distinct values, so that ties are common.
        score: fc.integer({ min: 0, max: 6 }).map((k) => k * 12.5),
        tieBreakValues: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 2 }),
      }),
      { selector: (x) => x.id, maxLength: 12 },
    )
    .map((xs) => xs as RankItem[]);

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(items, fc.infiniteStream(fc.nat()), (xs, stream) => {
        const shuffled = [...xs].map((x) => ({ x, k: stream.next().value as number })).sort((a, b) => a.k - b.k).map((p) => p.x);
        expect(rankWithTieBreaks(shuffled)).toEqual(rankWithTieBreaks(xs));
      }),
    );
  });

  it('never ranks a higher score below a lower one', () => {
    fc.assert(
      fc.property(items, (xs) => {
        const ranks = rankWithTieBreaks(xs);
        for (const a of xs) for (const b of xs) if (round2(a.score) > round2(b.score)) expect(ranks.get(a.id)).toBeLessThan(ranks.get(b.id) as number);
      }),
    );
  });

  it('gives each item 1 + the number of items strictly ahead of it', () => {
    const ahead = (a: RankItem, b: RankItem): boolean => {
      if (a.score !== b.score) return a.score > b.score;
      const n = Math.max(a.tieBreakValues.length, b.tieBreakValues.length);
      for (let i = 0; i < n; i++) {
        const va = a.tieBreakValues[i] ?? -Infinity;
        const vb = b.tieBreakValues[i] ?? -Infinity;
        if (va !== vb) return va > vb;
      }
      return false;
    };
    fc.assert(
      fc.property(items, (xs) => {
        const ranks = rankWithTieBreaks(xs);
        for (const x of xs) expect(ranks.get(x.id)).toBe(1 + xs.filter((o) => ahead(o, x)).length);
      }),
    );
  });
});
