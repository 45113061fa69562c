/** The sample year of "Cụm thi đua số 9" (six provincial procuracies), with fictional people and scores. */
import { sampleText } from '../../i18n/engine';
import type { ScoringYear, Unit } from '../model';
import { defaultRules, TITLE_IDS } from '../rules';
import { sampleCriteriaTable } from './criteria';
import { unitEntries, type UnitStyle } from './entries';
import { seededRandom } from './random';

const c9 = sampleText.cluster9;

/** How each member scores in the sample, in the order of sampleText.cluster9.members. */
const STYLES: { style: UnitStyle; registered: string[]; femaleMajority: boolean }[] = [
  { style: { strength: 0.8, crossCheck: true, final: true }, registered: [TITLE_IDS.advanced], femaleMajority: false },
  { style: { strength: 0.92, crossCheck: true, final: true, bonus: { 'VI.2': 5 } }, registered: [TITLE_IDS.flag], femaleMajority: true },
  { style: { strength: 0.9, crossCheck: true, final: true, violations: ['VIII.1'] }, registered: [TITLE_IDS.excellent], femaleMajority: false },
  { style: { strength: 0.84, crossCheck: true, final: true, deductions: { 'VII.1': 2 } }, registered: [TITLE_IDS.excellent], femaleMajority: false },
  { style: { strength: 0.95, crossCheck: true, final: true, bonus: { 'VI.1': 5 } }, registered: [TITLE_IDS.flag], femaleMajority: false },
  { style: { strength: 0.78, crossCheck: true, final: false }, registered: [], femaleMajority: true },
];

/**
 * E-mails of the sample cross-check team: two people from each member unit.
 * @example sampleCrossCheckTeam()[0] // "kiemtracheo1.binhthuan@example.com"
 */
export function sampleCrossCheckTeam(): string[] {
  return c9.members.flatMap((m) => [`kiemtracheo1.${m.mail}@example.com`, `kiemtracheo2.${m.mail}@example.com`]);
}

/**
 * A complete sample year for Cụm thi đua số 9: the six members (leader Bình Dương, deputy Đồng
 * Nai), the sample table, self, cross-check and final scores generated from a fixed seed (Tây
 * Ninh has no final yet, registered nothing and has not submitted), a veto violation found at
 * Bình Phước, and the counted ballot for the flag. Each call returns fresh objects; the same year gives the same figures.
 * @example sampleCluster9Year().units.map((u) => u.id)[1] // "Bình Dương"
 */
export function sampleCluster9Year(year = 2021): ScoringYear {
  const criteria = sampleCriteriaTable(year);
  const units: Unit[] = c9.members.map((m, i) => ({
    id: m.province,
    name: c9.unitName(m.province),
    shortName: m.province,
    headName: m.head,
    headTitle: c9.headTitle,
    focalEmails: [`vanphong.${m.mail}@example.com`],
    registeredTitles: [...(STYLES[i]?.registered ?? [])],
    femaleMajority: STYLES[i]?.femaleMajority ?? false,
  }));
  const scores = c9.members.map((m, i) => ({
    unitId: m.province,
    entries: unitEntries(criteria, seededRandom(year * 100 + i), (STYLES[i] as (typeof STYLES)[number]).style),
  }));
  return {
    cluster: {
      name: c9.name,
      year,
      leaderUnitId: 'Bình Dương',
      deputyUnitId: 'Đồng Nai',
      hostUnitId: 'Bình Dương',
      slogan: c9.slogan(year),
      place: c9.place,
    },
    rules: defaultRules(year),
    criteria,
    units,
    scores,
    // Tây Ninh has not submitted (no agreed score yet, nothing registered): its rank is provisional.
    submitted: units.filter((u) => u.id !== 'Tây Ninh').map((u) => u.id),
    ballots: [
      {
        titleId: TITLE_IDS.flag,
        issued: 6,
        returned: 6,
        valid: 6,
        invalid: 0,
        votes: { ['Đồng Nai']: 5, ['Bình Dương']: 1 },
      },
    ],
  };
}
