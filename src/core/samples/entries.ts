/** Plausible score rows for one unit, drawn from a seeded generator (shared by the samples). */
import type { CriteriaTable, Phase, ScoreEntry } from '../model';
import type { Random } from './random';

/** How a generated unit scores. */
export interface UnitStyle {
  /** 0..1: share of the maximum the unit earns on the whole. */
  strength: number;
  /** Phases filled in; self is always filled. */
  crossCheck: boolean;
  final: boolean;
  /** Bonus points by code (self-declared, kept by the cross-check). */
  bonus?: Record<string, number>;
  /** Deduction points by code, as the cross-check finds them. */
  deductions?: Record<string, number>;
  /** Veto codes the cross-check finds violated (the self-score said none). */
  violations?: readonly string[];
  /** Codes marked not applicable (không giao). */
  notApplicable?: readonly string[];
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
/** Scores are given in quarter points, as scorers do. */
const quarter = (x: number): number => Math.round(x * 4) / 4;
const tenth = (x: number): number => Math.round(x * 10) / 10;

/**
 * Score rows for every non-group row of `table`: self-scores a little generous, a cross-check that
 * types every qualitative row and disagrees on some quantitative ones, and a final score typed only
 * where the two disagree (a blank final means the cross-check stands).
 */
export function unitEntries(table: CriteriaTable, random: Random, style: UnitStyle): ScoreEntry[] {
  const entries: ScoreEntry[] = [];
  const s = style.strength;
  for (const row of table.rows) {
    const code = row.code;
    const entry: ScoreEntry = { code };
    if (style.notApplicable?.includes(code)) {
      entries.push({ code, notApplicable: true });
      continue;
    }
    switch (row.kind) {
      case 'group':
        continue;
      case 'qualitative': {
        const fair = quarter(row.maxPoints * clamp(s + random.between(-0.1, 0.08), 0.2, 1));
        const self = random.chance(0.3) ? Math.min(row.maxPoints, fair + quarter(random.between(0.25, 1))) : fair;
        entry.self = self;
        set(entry, 'crossCheck', style.crossCheck, fair);
        if (style.crossCheck && style.final && self !== fair) entry.final = quarter((self + fair) / 2);
        break;
      }
      case 'quantitative': {
        const target = row.target ?? 1;
        const isPercent = row.unitOfMeasure === '%';
        const noise = random.between(-0.08, 0.08);
        let result: number;
        if (row.rule === 'lowerIsBetter') result = target * clamp(1.6 - s + noise, 0.2, 3);
        else if (row.rule === 'leaderRelative') result = target * clamp(0.6 + 0.7 * s + noise, 0.3, 2);
        else result = target * clamp(s + 0.1 + noise, 0.4, 1.2);
        entry.result = isPercent ? Math.min(100, tenth(result)) : Math.round(result);
        // The cross-check sometimes disagrees with the computed points and types its own.
        if (style.crossCheck && random.chance(0.1)) entry.crossCheck = quarter(row.maxPoints * clamp(s - 0.1, 0, 1));
        break;
      }
      case 'bonus': {
        const p = style.bonus?.[code];
        if (p === undefined) continue;
        entry.self = p;
        break;
      }
      case 'deduction': {
        const p = style.deductions?.[code];
        if (p === undefined || !style.crossCheck) continue;
        entry.crossCheck = random.chance(0.5) ? -p : p; // typed either way
        break;
      }
      case 'veto': {
        entry.self = 0;
        if (style.violations?.includes(code)) set(entry, 'crossCheck', style.crossCheck, 1);
        break;
      }
    }
    entries.push(entry);
  }
  return entries;
}

function set(entry: ScoreEntry, phase: Phase, when: boolean, value: number): void {
  if (when) entry[phase] = value;
}
