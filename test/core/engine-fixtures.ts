/** Small hand-made tables, units and years for the engine tests. */
import type { CriteriaTable, Criterion, RowKind, ScoreEntry, ScoringYear, Unit, UnitScores } from '../../src/core/model';
import { defaultRules } from '../../src/core/rules';

/** A criteria row; quantitative rows default to the proportional rule. */
export function row(code: string, kind: RowKind, maxPoints = 0, extra: Partial<Criterion> = {}): Criterion {
  return { code, content: `Nội dung ${code}`, kind, maxPoints, ...extra };
}

export function table(...rows: Criterion[]): CriteriaTable {
  return { name: 'Bảng thử', rows };
}

/**
 * The table most scoring tests use. Standard maximum 25:
 * I (I.1 định tính 10, I.2 định lượng 10, chỉ tiêu 100, tỷ lệ), II (II.1 định tính 5),
 * B (B.1 cộng 5, B.2 cộng 10), C (C.1 trừ 5, C.2 trừ 5), D (D.1 điều kiện).
 */
export function smallTable(): CriteriaTable {
  return table(
    row('I', 'group'),
    row('I.1', 'qualitative', 10),
    row('I.2', 'quantitative', 10, { target: 100, rule: 'proportional' }),
    row('II', 'group'),
    row('II.1', 'qualitative', 5),
    row('B', 'group'),
    row('B.1', 'bonus', 5),
    row('B.2', 'bonus', 10),
    row('C', 'group'),
    row('C.1', 'deduction', 5),
    row('C.2', 'deduction', 5),
    row('D', 'group'),
    row('D.1', 'veto'),
  );
}

export function unit(id: string, extra: Partial<Unit> = {}): Unit {
  return {
    id,
    name: `Viện kiểm sát nhân dân ${id}`,
    shortName: id,
    headName: `Trưởng ${id}`,
    headTitle: 'Viện trưởng',
    focalEmails: [],
    // The highest title leaves every title open (an empty registration would propose nothing).
    registeredTitles: ['co-thi-dua'],
    ...extra,
  };
}

export function scores(unitId: string, ...entries: ScoreEntry[]): UnitScores {
  return { unitId, entries };
}

/** A year on `criteria` with default 2024 rules; the first unit leads, the second is deputy. */
export function yearOf(criteria: CriteriaTable, units: Unit[], allScores: UnitScores[], extra: Partial<ScoringYear> = {}): ScoringYear {
  return {
    cluster: { name: 'Cụm thử', year: 2024, leaderUnitId: units[0]?.id ?? '', deputyUnitId: units[1]?.id ?? units[0]?.id ?? '' },
    rules: defaultRules(2024),
    criteria,
    units,
    scores: allScores,
    ballots: [],
    ...extra,
  };
}

/** Freezes a value and everything in it, so that any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
