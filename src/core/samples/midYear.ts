/** The sample year's mid-year round: first-half self-scores and good practices of Cụm thi đua số 9. */
import { midYearText } from '../../i18n/midYear';
import { computeYear } from '../engine';
import { round2 } from '../input';
import type { MidYearRound } from '../midYear';
import type { ScoreEntry, ScoringYear } from '../model';

/** Rows the last unit leaves blank in the sample (it is late with its first half too). */
export const SAMPLE_MID_YEAR_BLANKS = 3;

/**
 * First-half self-scores derived from each unit's year-end self-scoring: a little under the
 * year's points on scored rows (88–98 %, to the quarter point), half the bonus, the same
 * deductions, veto rows and "Không giao" as the year. The last unit leaves its last
 * SAMPLE_MID_YEAR_BLANKS rows to answer blank and writes no good practice. Same year, same figures.
 * @example sampleMidYearRound(sampleCluster9Year(2021)).units[0].goodPractice // "Số hóa hồ sơ…"
 */
export function sampleMidYearRound(year: ScoringYear): MidYearRound {
  const computed = computeYear({ ...year, ballots: [] });
  const last = year.units.length - 1;
  return {
    state: 'open',
    units: year.units.map((unit, i) => {
      const rows = computed.units.find((u) => u.unitId === unit.id)?.totals.self?.rows ?? [];
      const entries: ScoreEntry[] = [];
      rows.forEach((row, k) => {
        if (row.kind === 'group') return;
        if (!row.applicable) {
          entries.push({ code: row.code, notApplicable: true });
          return;
        }
        if (row.kind === 'veto') {
          entries.push({ code: row.code, self: row.violated ? 1 : 0 });
          return;
        }
        if (row.points === null) return;
        const points = Math.abs(row.points);
        let self = points;
        if (row.kind === 'bonus') self = Math.round(points) / 2;
        else if (row.kind !== 'deduction') self = Math.min(row.maxPoints, Math.round(points * (0.88 + ((i * 7 + k * 3) % 6) * 0.02) * 4) / 4);
        entries.push({ code: row.code, self: round2(self) });
      });
      if (i === last) {
        const answered = entries.filter((e) => !e.notApplicable && rows.find((r) => r.code === e.code && (r.kind === 'qualitative' || r.kind === 'quantitative')));
        for (const e of answered.slice(-SAMPLE_MID_YEAR_BLANKS)) entries.splice(entries.indexOf(e), 1);
      }
      return { unitId: unit.id, entries, goodPractice: i === last ? '' : midYearText.sample.goodPractices[unit.id] ?? '' };
    }),
  };
}
