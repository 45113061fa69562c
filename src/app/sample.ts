/** The sample year offered by the menu and the playground: Cụm thi đua số 9, six provinces. */
import { sampleCluster9Year, sampleCrossCheckTeam } from '../core/samples';
import type { YearConfig } from '../workbook/config';

/**
 * A set-up config for the sample cluster (members, leader Bình Dương, cross-check team, default
 * rules, the sample 100-point table, clearly named as a sample to adapt).
 * @example sampleYearConfig(2021).units.length // 6
 */
export function sampleYearConfig(year: number): YearConfig {
  const y = sampleCluster9Year(year);
  return {
    cluster: y.cluster,
    units: y.units,
    crossCheckTeam: sampleCrossCheckTeam().map((email) => ({ email })),
    rules: y.rules,
    criteria: y.criteria,
    // The year's timetable (Thời hạn các bước): Tình hình shows each unit against it.
    deadlines: { registration: `${year}-03-15`, selfScore: `${year}-10-15`, crossCheck: `${year}-10-31`, agreement: `${year}-11-10`, ballot: `${year}-11-16` },
    // The documents' details, so that the sample's documents come out whole (a form leaves them to fill in).
    details: {
      covenantDate: `25/3/${year}`,
      meetingStart: `08:00 16/11/${year}`,
      meetingVenue: 'Hội trường Viện kiểm sát nhân dân tỉnh Bình Dương',
      secretary: 'Ngô Văn Sơn, Chánh Văn phòng Viện kiểm sát nhân dân tỉnh Bình Dương',
      opinions: 6,
    },
  };
}
