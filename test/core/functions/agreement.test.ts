/**
 * The custom functions and the engine are one set of rules: on the same random rows, THIDUA_DIEM,
 * THIDUA_SCORE, THIDUA_XEPLOAI and THIDUA_RANK give what computeYear gives — the same points, the
 * same rows refused, the same bands and ranks — zero targets, binary drift (0.1 + 0.2 against 0.3)
 * and invalid values included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { engineText } from '../../../src/i18n/engine';
import { computeYear } from '../../../src/core/engine';
import { thiduaDiem, thiduaRank, thiduaScore, thiduaXeploai } from '../../../src/core/functions';
import type { CellValue } from '../../../src/core/input';
import type { Criterion, QuantRule, ScoreEntry, ScoringYear } from '../../../src/core/model';
import type { UnitResult } from '../../../src/core/results';
import { ROW_KIND_LABEL, RULE_LABEL } from '../../../src/core/vocabulary';
import { row, scores, table, unit, yearOf } from '../engine-fixtures';

type Kind = 'qualitative' | 'quantitative' | 'bonus' | 'deduction';
const RULES: QuantRule[] = ['proportional', 'passFail', 'lowerIsBetter', 'leaderRelative'];

const cents = (max: number) => fc.integer({ min: 0, max }).map((c) => c / 100);
/** Targets as people type them: zero (the usual "ngược" target), negative, or positive. */
const target = fc.oneof(fc.constant(0), fc.constant(-1), cents(20000));

/** A criteria row: kind, max in hundredths, and for quantitative rows a rule and a target. */
const criterion = fc.record({
  kind: fc.constantFrom<Kind>('qualitative', 'quantitative', 'bonus', 'deduction'),
  maxCents: fc.integer({ min: 0, max: 2000 }),
  rule: fc.constantFrom(...RULES),
  target,
});

/** A point typed in a row of max `maxCents`: blank, valid, a sum that drifts past the max, over, negative. */
function point(maxCents: number, kind: Kind) {
  return fc.oneof(
    fc.constant(undefined),
    fc.integer({ min: 0, max: maxCents }).map((c) => c / 100),
    // a + b = max in hundredths, typed as a sum: 0.1 + 0.2 against 0.3.
    fc.integer({ min: 0, max: maxCents }).map((a) => a / 100 + (maxCents - a) / 100),
    fc.integer({ min: 1, max: 300 }).map((c) => (maxCents + c) / 100),
    fc.integer({ min: 1, max: 300 }).map((c) => (kind === 'deduction' ? -(maxCents + c) : -c) / 100),
    kind === 'deduction' ? fc.integer({ min: 0, max: maxCents }).map((c) => -c / 100) : fc.constant(undefined),
  );
}

/** A quantitative cell: a result (sometimes negative) and, with a result, sometimes the unit's own target. */
const quantCell = fc.oneof(
  fc.constant({ result: undefined, ownTarget: undefined }),
  fc.record({
    result: fc.oneof(fc.constant(0), fc.constant(-1), cents(30000)),
    ownTarget: fc.option(target, { nil: undefined }),
  }),
);

interface Case {
  rows: Array<Criterion & { kind: Kind }>;
  /** By unit, by row: the self point (non-quantitative rows) or result and own target. */
  cells: Array<Array<{ value?: number; result?: number; ownTarget?: number }>>;
}

const cases: fc.Arbitrary<Case> = fc
  .tuple(fc.array(criterion, { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 6 }))
  .chain(([specs, unitCount]) => {
    const rows = specs.map((s, i) =>
      row(`R${i + 1}`, s.kind, s.maxCents / 100, s.kind === 'quantitative' ? { rule: s.rule, target: s.target } : {}),
    ) as Case['rows'];
    const unitCells = fc.tuple(
      ...specs.map((s) =>
        s.kind === 'quantitative' ? quantCell.map((q) => ({ result: q.result, ownTarget: q.ownTarget })) : point(s.maxCents, s.kind).map((value) => ({ value })),
      ),
    );
    return fc.array(unitCells, { minLength: unitCount, maxLength: unitCount }).map((cells) => ({ rows, cells }));
  });

const UNIT = (u: number) => `Đơn vị ${u + 1}`;

function engineYear(c: Case): ScoringYear {
  const entries = (u: number): ScoreEntry[] =>
    c.rows.map((r, i) => {
      const cell = c.cells[u]![i]!;
      const e: ScoreEntry = { code: r.code };
      if (cell.value !== undefined) e.self = cell.value;
      if (cell.result !== undefined) e.result = cell.result;
      if (cell.ownTarget !== undefined) e.target = cell.ownTarget;
      return e;
    });
  const units = c.cells.map((_, u) => unit(UNIT(u)));
  const year = yearOf(table(...c.rows), units, units.map((x, u) => scores(x.id, ...entries(u))));
  return { ...year, rules: { ...year.rules, bonusCap: null, deductionCap: null, rankBy: 'total' } };
}

/** What went wrong, in a word, from a message of either side. */
function category(message: string): string {
  if (/vượt/.test(message)) return 'overMax';
  if (/chỉ tiêu/i.test(message)) return /từ 0 trở lên/.test(message) ? 'targetNegative' : 'targetNotPositive';
  if (/âm/.test(message)) return 'negative';
  return message;
}

/** The function's error message, or null when it accepts. */
function refusal(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/** The engine's verdicts on one unit's row: what the unit's cells (and the table's target, where used) earn. */
function engineVerdicts(c: Case, result: ReturnType<typeof computeYear>, u: number, i: number): string[] {
  const r = c.rows[i]!;
  const cell = c.cells[u]![i]!;
  const quiet = new Set([engineText.scoring.notScored, engineText.scoring.unitNotScored]);
  const own = result.problems.filter((p) => p.unitId === UNIT(u) && p.code === r.code && !quiet.has(p.message));
  // The table's target counts against a unit that has a result and no target of its own.
  const table = cell.result !== undefined && cell.ownTarget === undefined ? result.problems.filter((p) => p.unitId === undefined && p.code === r.code) : [];
  return [...own, ...table].map((p) => category(p.message));
}

const unitOf = (units: readonly UnitResult[], u: number) => units.find((x) => x.unitId === UNIT(u))!;
const pointsOf = (res: UnitResult, code: string) => res.standing.rows.find((x) => x.code === code)?.points ?? null;

describe('the custom functions agree with the engine', () => {
  it('refuse the same rows, for the same reason, and give the same row points', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const result = computeYear(engineYear(c));
        c.rows.forEach((r, i) => {
          const quant = r.kind === 'quantitative';
          const valid: number[] = [];
          c.cells.forEach((cell, u) => {
            const row = cell[i]!;
            const verdicts = engineVerdicts(c, result, u, i);
            const refused = quant
              ? refusal(() => thiduaDiem(row.result ?? '', row.ownTarget ?? r.target!, r.maxPoints, RULE_LABEL[r.rule!]))
              : refusal(() => thiduaScore(row.value ?? '', r.maxPoints, ROW_KIND_LABEL[r.kind]));
            expect(refused === null, `${UNIT(u)} ${r.code}: engine ${verdicts.join(', ') || 'accepts'}, function ${refused ?? 'accepts'}`).toBe(verdicts.length === 0);
            if (refused !== null) {
              expect(verdicts).toContain(category(refused));
              return;
            }
            valid.push(u);
            if (!quant) {
              const total = thiduaScore(row.value ?? '', r.maxPoints, ROW_KIND_LABEL[r.kind]);
              expect(total).toBe(pointsOf(unitOf(result.units, u), r.code) ?? 0);
            }
          });
          if (!quant || valid.length === 0) return;
          // One criterion's column across the units, as "dẫn đầu" wants: the valid rows only.
          const column = (f: (u: number) => CellValue) => valid.map((u) => [f(u)]);
          const points = thiduaDiem(
            column((u) => c.cells[u]![i]!.result ?? ''),
            column((u) => c.cells[u]![i]!.ownTarget ?? r.target!),
            r.maxPoints,
            RULE_LABEL[r.rule!],
          ) as Array<Array<number | ''>>;
          valid.forEach((u, k) => {
            const p = points[k]![0];
            expect(p === '' ? null : p, `${UNIT(u)} ${r.code}`).toBe(pointsOf(unitOf(result.units, u), r.code));
          });
        });
      }),
      { numRuns: 300 },
    );
  });

  it('give the same totals, bands and ranks when the rows are chained as on a sheet', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const result = computeYear(engineYear(c));
        const maxTotal = c.rows.filter((r) => r.kind === 'qualitative' || r.kind === 'quantitative').reduce((s, r) => s + r.maxPoints, 0);
        const kinds = c.rows.map((r) => [ROW_KIND_LABEL[r.kind]]);
        const maxes = c.rows.map((r) => [r.maxPoints]);
        // The quantitative points column: THIDUA_DIEM over each criterion's column of units.
        const quantPoints = c.rows.map((r, i) => {
          if (r.kind !== 'quantitative') return null;
          const column = (f: (cell: Case['cells'][number][number]) => CellValue) => c.cells.map((cells) => [f(cells[i]!)]);
          const out = refusal(() => thiduaDiem(column((x) => x.result ?? ''), column((x) => x.ownTarget ?? r.target!), r.maxPoints, RULE_LABEL[r.rule!]));
          return out === null ? (thiduaDiem(column((x) => x.result ?? ''), column((x) => x.ownTarget ?? r.target!), r.maxPoints, RULE_LABEL[r.rule!]) as CellValue[][]) : out;
        });
        const totals = c.cells.map((cells, u) => {
          const engine = unitOf(result.units, u);
          const anyVerdict = c.rows.some((_, i) => engineVerdicts(c, result, u, i).length > 0);
          const column: CellValue[][] = [];
          let chainError: string | null = null;
          c.rows.forEach((_, i) => {
            const q = quantPoints[i];
            if (q === null || q === undefined) column.push([cells[i]!.value ?? '']);
            else if (typeof q === 'string') chainError = q;
            else column.push([q[u]![0]]);
          });
          const total = chainError === null ? refusal(() => thiduaScore(column, maxes, kinds)) ?? thiduaScore(column, maxes, kinds) : chainError;
          // A unit with a refused row: the engine reports it, the sheet shows #ERROR!.
          if (anyVerdict) {
            expect(typeof total, `${UNIT(u)}: engine reports a row, the functions accept`).toBe('string');
            return null;
          }
          // The column of a rule is refused as a whole when another unit's row in it is wrong.
          if (typeof total === 'string') return null;
          expect(total, UNIT(u)).toBe(engine.standing.total);
          if (maxTotal > 0) expect(thiduaXeploai(total, maxTotal), UNIT(u)).toBe(engine.classification);
          return total;
        });
        // Ranks: THIDUA_RANK of the engine's ranking scores, and of the functions' totals when all stand.
        const engineRanks = c.cells.map((_, u) => unitOf(result.units, u).rank);
        const rankingScores = c.cells.map((_, u) => [unitOf(result.units, u).rankingScore]);
        expect((thiduaRank(rankingScores) as number[][]).map((x) => x[0])).toEqual(engineRanks);
        if (totals.every((t) => t !== null)) {
          expect((thiduaRank(totals.map((t) => [t])) as number[][]).map((x) => x[0])).toEqual(engineRanks);
        }
        // Bands of every unit, from the engine's own total and maximum.
        for (const res of result.units) {
          if (res.standing.maxTotal > 0) expect(thiduaXeploai(res.standing.total, res.standing.maxTotal)).toBe(res.classification);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('score "ngược" with a zero target alike: no occurrence earns the max, any occurrence 0', () => {
    const t = table(row('A', 'quantitative', 10, { rule: 'lowerIsBetter', target: 0 }));
    const year = yearOf(t, [unit('X'), unit('Y'), unit('Z')], [scores('X', { code: 'A', result: 0 }), scores('Y', { code: 'A', result: 1 }), scores('Z', { code: 'A', result: 0.5 })]);
    const result = computeYear(year);
    expect(result.problems).toEqual([]);
    const engine = ['X', 'Y', 'Z'].map((id) => result.units.find((x) => x.unitId === id)!.standing.total);
    expect(engine).toEqual([10, 0, 0]);
    expect(thiduaDiem([[0], [1], [0.5]], 0, 10, 'ngược')).toEqual(engine.map((p) => [p]));
  });

  it('accept 0.1 + 0.2 typed against a max of 0.3 alike', () => {
    const t = table(row('A', 'qualitative', 0.3), row('B', 'bonus', 0.3));
    const result = computeYear(yearOf(t, [unit('X')], [scores('X', { code: 'A', self: 0.1 + 0.2 }, { code: 'B', self: 0.1 + 0.2 })]));
    expect(result.problems).toEqual([]);
    expect(thiduaScore([[0.1 + 0.2], [0.1 + 0.2]], [[0.3], [0.3]], [['Định tính'], ['Cộng']])).toBe(result.units[0]!.standing.total);
  });
});
