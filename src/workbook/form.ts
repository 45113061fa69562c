/**
 * The sidebar's set-up form → a set-up config, on the server. The form is checked by the same
 * code the sidebar runs (setupCheck.ts), again here: the server does not trust what was posted.
 */
import { defaultRules } from '../core/rules';
import { sampleCriteriaTable } from '../core/samples';
import { formText as T } from '../i18n/form';
import type { YearConfig } from './config';
import { checkSetupForm } from './setupCheck';

export type { SetupForm } from './setupCheck';

/**
 * Checks the form and builds the config: default rules of the year, the sample criteria table
 * or none (use the sheet's). Returns the problems instead when anything is wrong.
 * @example configFromForm({ clusterName: '', … }).problems[0] // 'Chưa nhập tên cụm.'
 */
export function configFromForm(form: unknown): { config: YearConfig | null; problems: string[] } {
  const { form: f, problems } = checkSetupForm(form);
  if (!f) return { config: null, problems };
  // A unit's id is its short name.
  return {
    config: {
      cluster: { name: f.clusterName, year: f.year, leaderUnitId: f.leader, deputyUnitId: f.deputy, ...(f.place ? { place: f.place } : {}) },
      units: f.units.map((u) => ({
        id: u.shortName, shortName: u.shortName, name: u.name, headName: u.headName ?? '', headTitle: u.headTitle || T.defaultHeadTitle,
        focalEmails: u.emails, registeredTitles: [],
      })),
      crossCheckTeam: f.crossCheckTeam.map((email) => ({ email })),
      rules: defaultRules(f.year),
      ...(f.criteria === 'sample' ? { criteria: sampleCriteriaTable(f.year) } : {}),
    },
    problems,
  };
}
