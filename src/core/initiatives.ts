/**
 * Initiatives (sáng kiến, giải pháp): each unit's register, and the bonus points recognised
 * initiatives earn on one bonus row of the criteria table, in place of a number typed by hand.
 */
import { codeKey } from './criteria';
import { round2 } from './input';
import type { Phase, UnitScores } from './model';

export type InitiativeStatus = 'registered' | 'recognised';
/** Level of the council that recognised it (Hội đồng sáng kiến cấp cơ sở, ngành, tỉnh, toàn quốc). */
export type InitiativeLevel = 'base' | 'sector' | 'province' | 'national';
export const INITIATIVE_LEVELS: readonly InitiativeLevel[] = ['base', 'sector', 'province', 'national'];

export interface Initiative {
  unitId: string;
  title: string;
  /** As typed: one or more names. */
  authors: string;
  status: InitiativeStatus;
  /** Null while not recognised (or recognised with no level given, which earns nothing). */
  level: InitiativeLevel | null;
  /** ISO date (yyyy-mm-dd) of recognition, or null. */
  recognisedOn: string | null;
}

/** How the register feeds the criteria: which bonus row, and points per recognised initiative. */
export interface InitiativeRule {
  /** Code of the bonus row fed; null: the register feeds no row. */
  code: string | null;
  points: Record<InitiativeLevel, number>;
}

/**
 * Points per initiative by level (*design*: no rule in the sources; editable in the tab).
 * @example DEFAULT_INITIATIVE_POINTS.province // 2
 */
export const DEFAULT_INITIATIVE_POINTS: Readonly<Record<InitiativeLevel, number>> = Object.freeze({ base: 1, sector: 2, province: 2, national: 3 });

/** One unit's count and the points its recognised initiatives earn. */
export interface InitiativeCredit {
  unitId: string;
  registered: number;
  recognised: number;
  /** Sum by level before the row's maximum. */
  raw: number;
  /** `raw` capped at the row's maximum, rounded to 2 decimals. */
  points: number;
}

/**
 * Counts and points per unit, in the order of `unitIds`. Registered initiatives count in
 * `registered` only; recognised ones in both and earn their level's points. Initiatives of units
 * not listed are left out.
 * @example initiativeCredits([{ unitId: 'A', title: 't', authors: '', status: 'recognised', level: 'base', recognisedOn: null }],
 *   { code: 'VI.2', points: DEFAULT_INITIATIVE_POINTS }, ['A'], 5)[0].points // 1
 */
export function initiativeCredits(list: readonly Initiative[], rule: InitiativeRule, unitIds: readonly string[], maxPoints: number): InitiativeCredit[] {
  const by = new Map<string, InitiativeCredit>();
  for (const id of unitIds) by.set(id, { unitId: id, registered: 0, recognised: 0, raw: 0, points: 0 });
  for (const item of list) {
    const c = by.get(item.unitId);
    if (!c) continue;
    c.registered++;
    if (item.status !== 'recognised') continue;
    c.recognised++;
    if (item.level) c.raw += rule.points[item.level];
  }
  const cap = Number.isFinite(maxPoints) && maxPoints >= 0 ? maxPoints : 0;
  return [...by.values()].map((c) => ({ ...c, raw: round2(c.raw), points: round2(Math.min(c.raw, cap)) }));
}

/** A typed score on the fed row that differs from what the register gives. */
export interface FedDifference {
  unitId: string;
  code: string;
  phase: Phase;
  typed: number;
  fed: number;
}

/**
 * The scores with the fed row's points taken from the credits: the self phase holds the
 * register's points and the later phases inherit them (nothing typed there counts for this row).
 * A row marked not applicable is left alone. What was typed is not changed in the sheet; every
 * typed value that differs is returned so the unit sees it. The input is not changed.
 * @example feedInitiatives([{ unitId: 'A', entries: [{ code: 'VI.2', self: 5 }] }], [credit A = 1], 'VI.2')
 *   // scores[0].entries[0].self === 1, differences[0] = { phase: 'self', typed: 5, fed: 1 }
 */
export function feedInitiatives(scores: readonly UnitScores[], credits: readonly InitiativeCredit[], code: string): { scores: UnitScores[]; differences: FedDifference[] } {
  const key = codeKey(code);
  const byUnit = new Map(credits.map((c) => [c.unitId, c.points]));
  const differences: FedDifference[] = [];
  const out = scores.map((unit) => {
    const fed = byUnit.get(unit.unitId);
    if (fed === undefined) return unit;
    const at = unit.entries.findIndex((e) => codeKey(e.code) === key);
    const entry = at >= 0 ? unit.entries[at]! : undefined;
    if (entry?.notApplicable) return unit;
    for (const phase of ['self', 'crossCheck', 'final'] as const) {
      const typed = entry?.[phase];
      if (typeof typed === 'number' && round2(typed) !== fed) differences.push({ unitId: unit.unitId, code, phase, typed, fed });
    }
    const { crossCheck: _c, final: _f, ...rest } = entry ?? { code };
    const fedEntry = { ...rest, code: entry?.code ?? code, self: fed };
    const entries = at >= 0 ? unit.entries.map((e, i) => (i === at ? fedEntry : e)) : [...unit.entries, fedEntry];
    return { ...unit, entries };
  });
  return { scores: out, differences };
}
