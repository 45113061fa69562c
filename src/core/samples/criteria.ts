/** A sample 100-point criteria table in the shape of provincial procuracy tables, to adapt. */
import { sampleText } from '../../i18n/engine';
import type { CriteriaTable, Criterion, QuantRule, RowKind } from '../model';

type Row = [code: string, kind: RowKind, max: number, target?: number, rule?: QuantRule, unitOfMeasure?: string];

const u = sampleText.units;

/** Sections I–V carry the 100 standard points (55 + 15 + 10 + 10 + 10); VI–VIII are bonus, deduction, veto. */
const ROWS: Row[] = [
  ['I', 'group', 0],
  ['I.1', 'group', 0],
  ['I.1.1', 'quantitative', 5, 90, 'proportional', u.percent],
  ['I.1.2', 'quantitative', 5, 100, 'passFail', u.percent],
  ['I.1.3', 'quantitative', 5, 6, 'lowerIsBetter', u.percent],
  ['I.1.4', 'qualitative', 5],
  ['I.2', 'group', 0],
  ['I.2.1', 'quantitative', 5, 70, 'proportional', u.percent],
  ['I.2.2', 'quantitative', 5, 12, 'leaderRelative', u.session],
  ['I.2.3', 'qualitative', 5],
  ['I.3', 'group', 0],
  ['I.3.1', 'quantitative', 4, 10, 'leaderRelative', u.document],
  ['I.3.2', 'qualitative', 4],
  ['I.3.3', 'qualitative', 4],
  ['I.4', 'group', 0],
  ['I.4.1', 'quantitative', 4, 95, 'proportional', u.percent],
  ['I.4.2', 'qualitative', 4],
  ['II', 'group', 0],
  ['II.1', 'qualitative', 5],
  ['II.2', 'qualitative', 5],
  ['II.3', 'quantitative', 5, 100, 'proportional', u.percent],
  ['III', 'group', 0],
  ['III.1', 'qualitative', 5],
  ['III.2', 'qualitative', 5],
  ['IV', 'group', 0],
  ['IV.1', 'qualitative', 5],
  ['IV.2', 'qualitative', 5],
  ['V', 'group', 0],
  ['V.1', 'qualitative', 5],
  ['V.2', 'qualitative', 5],
  ['VI', 'group', 0],
  ['VI.1', 'bonus', 5],
  ['VI.2', 'bonus', 5],
  ['VII', 'group', 0],
  ['VII.1', 'deduction', 5],
  ['VII.2', 'deduction', 5],
  ['VIII', 'group', 0],
  ['VIII.1', 'veto', 0],
  ['VIII.2', 'veto', 0],
];

/**
 * The sample table for `year`: 39 rows, sections I–V worth exactly 100 points, quantitative rows
 * using every rule, two bonus, two deduction and two veto rows. A starting point for a cluster,
 * named as a sample. Each call returns fresh objects.
 * @example sampleCriteriaTable(2021).rows.length // 39
 */
export function sampleCriteriaTable(year: number): CriteriaTable {
  const rows = ROWS.map(([code, kind, maxPoints, target, rule, unitOfMeasure]): Criterion => {
    const row: Criterion = { code, content: sampleText.criteria[code] ?? code, kind, maxPoints };
    if (target !== undefined) row.target = target;
    if (rule !== undefined) row.rule = rule;
    if (unitOfMeasure !== undefined) row.unitOfMeasure = unitOfMeasure;
    return row;
  });
  return { name: sampleText.tableName(year), rows };
}
