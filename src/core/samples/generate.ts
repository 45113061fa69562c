/** Synthetic scoring years of any size, for benchmarks and property tests. */
import { sampleText } from '../../i18n/engine';
import type { CriteriaTable, Criterion, QuantRule, ScoringYear, Unit } from '../model';
import { defaultRules, TITLE_IDS } from '../rules';
import { unitEntries, type UnitStyle } from './entries';
import { seededRandom } from './random';

/** Size and seed of a generated year. */
export interface GenerateOptions {
  /** Number of member units (700 for the benchmark). */
  units: number;
  /** Number of scored rows (group rows come on top, one per ~10 rows). */
  criteria: number;
  seed: number;
  /** Emulation year; 2024 when not given. */
  year?: number;
}

const RULES: QuantRule[] = ['proportional', 'passFail', 'lowerIsBetter', 'leaderRelative'];
const TARGETS: Record<QuantRule, [number, string]> = {
  proportional: [90, sampleText.units.percent],
  passFail: [100, sampleText.units.percent],
  lowerIsBetter: [6, sampleText.units.percent],
  leaderRelative: [10, sampleText.units.case],
};

/**
 * A synthetic criteria table with `scored` scored rows in groups of about ten (every second group
 * has a subgroup): qualitative and quantitative rows with every rule, then — from 4 rows up — bonus,
 * deduction and veto rows in their own groups.
 * @example generatedCriteriaTable(30, 1).rows.filter((r) => r.kind !== 'group').length // 30
 */
export function generatedCriteriaTable(scored: number, seed: number): CriteriaTable {
  const random = seededRandom(seed ^ 0x5eed);
  const count = Math.max(0, Math.floor(scored));
  const special = count >= 12 ? 2 : count >= 4 ? 1 : 0;
  const standardCount = count - 3 * special;
  const rows: Criterion[] = [];
  let group = 0;
  let made = 0;
  const standard = (code: string): Criterion => {
    made++;
    const maxPoints = random.int(1, 5);
    if (made % 3 !== 0) return { code, content: sampleText.generatedCriterion(code), kind: 'qualitative', maxPoints };
    const rule = RULES[(made / 3) % RULES.length] as QuantRule;
    const [target, unitOfMeasure] = TARGETS[rule];
    return { code, content: sampleText.generatedCriterion(code), kind: 'quantitative', maxPoints, target, rule, unitOfMeasure };
  };
  for (let left = standardCount; left > 0; ) {
    group++;
    const size = Math.min(left, 10);
    left -= size;
    rows.push({ code: String(group), content: sampleText.generatedGroup(group), kind: 'group', maxPoints: 0 });
    let next = 1;
    let inGroup = size;
    if (group % 2 === 0 && size >= 4) {
      const sub = `${group}.${next++}`;
      rows.push({ code: sub, content: sampleText.generatedGroup(group), kind: 'group', maxPoints: 0 });
      const half = Math.floor(size / 2);
      for (let j = 1; j <= half; j++) rows.push(standard(`${sub}.${j}`));
      inGroup -= half;
    }
    for (let j = 0; j < inGroup; j++) rows.push(standard(`${group}.${next++}`));
  }
  const specials = [
    ['bonus', sampleText.generatedBonus, 5],
    ['deduction', sampleText.generatedDeduction, 5],
    ['veto', sampleText.generatedVeto, 0],
  ] as const;
  if (special > 0) {
    for (const [kind, content, maxPoints] of specials) {
      group++;
      rows.push({ code: String(group), content, kind: 'group', maxPoints: 0 });
      for (let j = 1; j <= special; j++) {
        const code = `${group}.${j}`;
        rows.push({ code, content: `${content} ${code}`, kind, maxPoints });
      }
    }
  }
  return { name: sampleText.generatedTableName(count), rows };
}

/**
 * A synthetic year: `units` units with seeded strengths, most with cross-check and final scores,
 * a few with bonus, deduction, veto violations, rows not applicable or deferral; default rules,
 * no ballot yet. The same options always give the same year.
 * @example generateYear({ units: 700, criteria: 300, seed: 1 }).units.length // 700
 */
export function generateYear(options: GenerateOptions): ScoringYear {
  const year = options.year ?? 2024;
  const criteria = generatedCriteriaTable(options.criteria, options.seed);
  const random = seededRandom(options.seed);
  const codes = (kind: Criterion['kind']): string[] => criteria.rows.filter((r) => r.kind === kind).map((r) => r.code);
  const bonusCodes = codes('bonus');
  const deductionCodes = codes('deduction');
  const vetoCodes = codes('veto');
  const standardCodes = criteria.rows.filter((r) => r.kind === 'qualitative' || r.kind === 'quantitative').map((r) => r.code);
  const pick = (list: readonly string[]): string | undefined => list[random.int(0, list.length - 1)];

  const units: Unit[] = [];
  const scores: ScoringYear['scores'] = [];
  const n = Math.max(0, Math.floor(options.units));
  for (let i = 1; i <= n; i++) {
    const id = sampleText.generatedUnit(i);
    const unit: Unit = {
      id,
      name: sampleText.generatedUnitName(i),
      shortName: id,
      headName: sampleText.generatedHead(i),
      headTitle: sampleText.cluster9.headTitle,
      focalEmails: [`donvi${i}@example.com`],
      // Every fifth unit registered nothing (chưa đăng ký), the others the flag (every title open);
      // by position, not drawn, so the seeded figures stay what they were.
      registeredTitles: i % 5 === 0 ? [] : [TITLE_IDS.flag],
      femaleMajority: random.chance(0.4),
    };
    if (random.chance(0.01)) unit.deferredReason = sampleText.cluster9.deferred;
    units.push(unit);

    const crossCheck = random.chance(0.9);
    const style: UnitStyle = {
      strength: random.between(0.45, 0.98),
      crossCheck,
      final: crossCheck && random.chance(0.8),
    };
    const bonus = pick(bonusCodes);
    if (bonus && random.chance(0.3)) style.bonus = { [bonus]: random.int(1, 5) };
    const deduction = pick(deductionCodes);
    if (deduction && random.chance(0.3)) style.deductions = { [deduction]: random.int(1, 5) };
    const veto = pick(vetoCodes);
    if (veto && random.chance(0.03)) style.violations = [veto];
    const off = pick(standardCodes);
    if (off && random.chance(0.02)) style.notApplicable = [off];
    scores.push({ unitId: id, entries: unitEntries(criteria, random, style) });
  }

  return {
    cluster: {
      name: sampleText.generatedCluster,
      year,
      leaderUnitId: units[0]?.id ?? '',
      deputyUnitId: units[1]?.id ?? units[0]?.id ?? '',
    },
    rules: defaultRules(year),
    criteria,
    units,
    scores,
    ballots: [],
  };
}
