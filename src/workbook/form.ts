/**
 * The sidebar's set-up form → a set-up config. The client checks the form too, but the server
 * does not trust it: every field is checked again here, each problem naming its field.
 */
import { defaultRules } from '../core/rules';
import { sampleCriteriaTable } from '../core/samples';
import { cleanText, normalizeKey } from '../core/input';
import type { Unit } from '../core/model';
import { formText as T } from '../i18n/form';
import { isEmail, type YearConfig } from './config';

/** What the set-up form sends. */
export interface SetupForm {
  clusterName: string;
  year: number;
  /** One line per unit: short name (names its tab), full name, focal officers' e-mails. */
  units: Array<{ shortName: string; name: string; emails: string[] }>;
  /** Short names. */
  leader: string;
  deputy: string;
  crossCheckTeam: string[];
  /** The built-in sample table, or the one already in the Tiêu chí tab. */
  criteria: 'sample' | 'sheet';
}

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? cleanText(String(v)) : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Checks the form and builds the config: default rules of the year, the sample criteria table
 * or none (use the sheet's). Returns the problems instead when anything is wrong.
 * @example configFromForm({ clusterName: '', … }).problems[0] // 'Tên cụm: chưa nhập'
 */
export function configFromForm(form: unknown): { config: YearConfig | null; problems: string[] } {
  const f = (form ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  const clusterName = str(f.clusterName);
  if (!clusterName) problems.push(T.missing(T.field.clusterName));
  const yearText = str(f.year);
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < 1900 || year > 2200) problems.push(T.badYear(yearText));

  const units: Unit[] = [];
  const seen = new Set<string>();
  list(f.units).forEach((raw, i) => {
    const u = (raw ?? {}) as Record<string, unknown>;
    const shortName = str(u.shortName);
    if (!shortName) return void problems.push(T.unitLine(i + 1, T.noShortName));
    const key = normalizeKey(shortName);
    if (seen.has(key)) return void problems.push(T.unitLine(i + 1, T.duplicateUnit(shortName)));
    seen.add(key);
    const emails = list(u.emails).map(str).filter(Boolean);
    for (const e of emails) if (!isEmail(e)) problems.push(T.unitLine(i + 1, T.badEmail(e)));
    units.push({
      id: shortName, shortName, name: str(u.name) || shortName, headName: '', headTitle: T.defaultHeadTitle,
      focalEmails: emails.filter(isEmail).map((e) => e.toLowerCase()), registeredTitles: [],
    });
  });
  if (list(f.units).length === 0) problems.push(T.noUnits);

  const unitNamed = (name: string) => units.find((u) => normalizeKey(u.shortName) === normalizeKey(name));
  const leaderName = str(f.leader);
  const deputyName = str(f.deputy);
  const leader = unitNamed(leaderName);
  const deputy = deputyName ? unitNamed(deputyName) : undefined;
  if (!leaderName) problems.push(T.missing(T.field.leader));
  else if (!leader) problems.push(T.unknownUnit(T.field.leader, leaderName));
  if (deputyName && !deputy) problems.push(T.unknownUnit(T.field.deputy, deputyName));
  if (leader && deputy && leader === deputy) problems.push(T.sameLeaderDeputy);

  const team = list(f.crossCheckTeam).map(str).filter(Boolean);
  for (const e of team) if (!isEmail(e)) problems.push(`${T.field.team}: ${T.badEmail(e)}`);
  if (f.criteria !== 'sample' && f.criteria !== 'sheet') problems.push(T.badCriteria);
  if (problems.length > 0) return { config: null, problems };

  return {
    config: {
      cluster: { name: clusterName, year, leaderUnitId: leader!.id, deputyUnitId: deputy?.id ?? '' },
      units,
      crossCheckTeam: team.map((email) => ({ email: email.toLowerCase() })),
      rules: defaultRules(year),
      ...(f.criteria === 'sample' ? { criteria: sampleCriteriaTable(year) } : {}),
    },
    problems,
  };
}
