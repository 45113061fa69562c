/**
 * Pure adapters between the server's answers and what the panels show, and the checks the
 * forms run before calling the server. No DOM here: everything is tested in test/client.
 */
import { clientText } from '../i18n/client';
import type { LocatedProblem } from './errors';
import { compareA1, groupBy } from './format';
import type { ActionKey, Status, UnitStatus } from './types';

export type ActionName = ActionKey | 'submit';

export interface Permission {
  allowed: boolean;
  /** Why not, in Vietnamese; "" when allowed. */
  reason: string;
}

const refuse = (reason: string | undefined): Permission => ({ allowed: false, reason: reason || clientText.errors.rights.message });
const ALLOW: Permission = { allowed: true, reason: '' };

/**
 * What the current user may do, from getStatus: the server's answer, then what the unit's state
 * says (no return before a submission, no reopening an open table). Unknown actions and missing
 * answers are refused with a reason: a button is never enabled by accident.
 * @example permission(status, 'submit', 'Bình Dương') // { allowed: false, reason: 'Chỉ đầu mối …' }
 */
export function permission(status: Status | null, action: ActionName, unitId?: string): Permission {
  if (!status) return { allowed: false, reason: clientText.common.loading };
  const unit: UnitStatus | undefined = unitId === undefined ? undefined : status.units.find((u) => u.id === unitId);
  if (action === 'submit') {
    if (!unit) return refuse(clientText.actions.submission.needUnit);
    return unit.canSubmit.allowed ? ALLOW : refuse(unit.canSubmit.reason);
  }
  const entry = status.can?.[action];
  if (!entry) return refuse(undefined);
  if (!entry.allowed) return refuse(entry.reason);
  if (unit && action === 'returnSubmission' && unit.status !== 'submitted') return refuse(clientText.actions.submission.notSubmitted(unit.name));
  if (unit && action === 'reopen' && unit.status === 'open') return refuse(clientText.actions.submission.alreadyOpen(unit.name));
  return ALLOW;
}

/** Who the user is, in words: the server's role labels, else "Người xem". */
export function whoLabel(status: Status): string {
  const labels = status.user.roleLabels.filter((l) => l !== '');
  return labels.length > 0 ? labels.join(' · ') : clientText.roles.viewer!;
}

/** The user's main job in the sidebar: a unit's focal officer, or running the cluster. */
export function isFocalOnly(status: Status): boolean {
  const r = status.user.roles;
  return r.includes('unit') && !r.includes('leader') && !r.includes('owner');
}

export interface StatusSummary {
  total: number;
  submitted: number;
  errors: number;
}

export function statusSummary(status: Status): StatusSummary {
  return {
    total: status.units.length,
    submitted: status.units.filter((u) => u.status === 'submitted' || u.status === 'closed').length,
    errors: status.units.reduce((s, u) => s + (Number.isFinite(u.errors) ? u.errors : 0), 0),
  };
}

export interface ProblemGroup<P extends LocatedProblem = LocatedProblem> {
  sheet: string;
  problems: P[];
  errors: number;
}

/**
 * Problems grouped by sheet, sheets in first-seen order, cells in reading order.
 * @example problemGroups([{ sheet: 'A', a1: 'B2', message: 'x' }]) // [{ sheet: 'A', problems: [...], errors: 1 }]
 */
export function problemGroups<P extends LocatedProblem>(problems: readonly P[], onlyErrors = false): Array<ProblemGroup<P>> {
  const kept = onlyErrors ? problems.filter((p) => (p.severity ?? 'error') === 'error') : [...problems];
  return groupBy(kept, (p) => p.sheet).map(({ key, items }) => ({
    sheet: key,
    problems: [...items].sort((a, b) => compareA1(a.a1, b.a1)),
    errors: items.filter((p) => (p.severity ?? 'error') === 'error').length,
  }));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(s: string): boolean {
  return EMAIL.test(s) && s.length <= 254;
}

/** Splits a list typed by a person: commas, semicolons, spaces or new lines. */
export function splitEmails(text: string): string[] {
  return text.split(/[\s,;]+/).map((s) => s.trim()).filter((s) => s !== '');
}

export interface UnitLine {
  shortName: string;
  name: string;
  emails: string[];
}

/**
 * Reads the units textarea: one unit a line, "short name | full name | e-mails".
 * @example parseUnitsText('Bình Dương | VKSND tỉnh Bình Dương | a@x.vn').units[0].emails // ['a@x.vn']
 */
export function parseUnitsText(text: string): { units: UnitLine[]; errors: string[] } {
  const F = clientText.actions.form;
  const units: UnitLine[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const [shortRaw = '', nameRaw = '', emailsRaw = ''] = line.split('|').map((s) => s.trim());
    const shortName = shortRaw.replace(/\s+/g, ' ');
    if (shortName === '') {
      errors.push(F.unitLine(i + 1, F.noShortName));
      return;
    }
    const key = shortName.normalize('NFC').toLocaleLowerCase('vi');
    if (seen.has(key)) {
      errors.push(F.unitLine(i + 1, F.duplicate(shortName)));
      return;
    }
    seen.add(key);
    const emails: string[] = [];
    for (const e of splitEmails(emailsRaw)) {
      if (isEmail(e)) emails.push(e.toLowerCase());
      else errors.push(F.unitLine(i + 1, F.badEmail(e)));
    }
    units.push({ shortName, name: nameRaw.replace(/\s+/g, ' ') || shortName, emails });
  });
  return { units, errors };
}

export interface SetupFields {
  clusterName: string;
  year: string;
  units: string;
  leader: string;
  deputy: string;
  team: string;
  criteria: 'sample' | 'sheet';
}

/**
 * Checks the set-up form and builds what setupYear takes; every problem is listed at once.
 * @example parseSetupForm({ clusterName: '', … }).errors[0] // 'Chưa nhập tên cụm.'
 */
/** What the set-up form collects (a config for a brand-new year). */
export interface SetupInput {
  clusterName: string;
  year: number;
  units: UnitLine[];
  leader: string;
  deputy: string;
  crossCheckTeam: string[];
  criteria: 'sample' | 'sheet';
}

export function parseSetupForm(f: SetupFields): { input: SetupInput | null; errors: string[] } {
  const F = clientText.actions.form;
  const errors: string[] = [];
  const clusterName = f.clusterName.trim().replace(/\s+/g, ' ');
  if (clusterName === '') errors.push(F.missingName);
  const yearText = f.year.trim();
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < 1900 || year > 2200) errors.push(F.badYear(yearText));
  const { units, errors: unitErrors } = parseUnitsText(f.units);
  if (units.length === 0 && unitErrors.length === 0) errors.push(F.noUnits);
  errors.push(...unitErrors);
  if (f.leader === '') errors.push(F.noLeader);
  else if (f.leader === f.deputy) errors.push(F.sameLeaderDeputy);
  const team: string[] = [];
  for (const e of splitEmails(f.team)) {
    if (isEmail(e)) team.push(e.toLowerCase());
    else errors.push(F.badTeamEmail(e));
  }
  if (errors.length > 0) return { input: null, errors };
  return {
    input: { clusterName, year, units, leader: f.leader, deputy: f.deputy, crossCheckTeam: team, criteria: f.criteria },
    errors,
  };
}

export interface BallotFields {
  titleId: string;
  issued: string;
  returned: string;
  valid: string;
  invalid: string;
  votes: Record<string, string>;
}

/** Parses a count typed by a person: "", digits only; null when not a count. */
function count(text: string): number | null {
  const t = text.trim();
  return /^\d{1,6}$/.test(t) ? Number(t) : null;
}

/**
 * Checks ballot counts as the server will (counts ≥ 0, returned ≤ issued, valid + invalid =
 * returned, votes ≤ valid) so a clerk sees mistakes before sending.
 */
/** saveBallot's two arguments: the title, then the counts. */
export interface BallotInput {
  titleId: string;
  counts: { issued: number; returned: number; valid: number; invalid: number; votes: Record<string, number> };
}

export function parseBallotForm(f: BallotFields): { input: BallotInput | null; errors: string[] } {
  const B = clientText.actions.ballot;
  const errors: string[] = [];
  const labels = { issued: B.issued, returned: B.returned, valid: B.valid, invalid: B.invalid } as const;
  const counts = {} as Record<keyof typeof labels, number>;
  let validKnown = true;
  for (const key of Object.keys(labels) as Array<keyof typeof labels>) {
    const c = count(f[key]);
    if (c === null) {
      errors.push(B.notCount(labels[key]));
      if (key === 'valid') validKnown = false;
    }
    counts[key] = c ?? 0;
  }
  if (f.titleId.trim() === '') errors.push(B.notCount(B.title));
  if (errors.length === 0) {
    if (counts.returned > counts.issued) errors.push(B.returnedOverIssued);
    if (counts.valid + counts.invalid !== counts.returned) errors.push(B.validPlusInvalid);
  }
  const votes: Record<string, number> = {};
  for (const [unit, text] of Object.entries(f.votes)) {
    if (text.trim() === '') continue;
    const c = count(text);
    if (c === null) errors.push(B.notCount(unit));
    else if (validKnown && c > counts.valid) errors.push(B.votesOverValid(unit));
    else votes[unit] = c;
  }
  if (errors.length > 0) return { input: null, errors };
  return { input: { titleId: f.titleId.trim(), counts: { ...counts, votes } }, errors };
}
