/**
 * Pure adapters between the server's answers and what the panels show, and the checks the
 * forms run before calling the server. No DOM here: everything is tested in test/client.
 */
import { clientText } from '../i18n/client';
import { checkSetupForm, checkUnits, splitEmails, type SetupForm, type SetupUnit } from '../workbook/setupCheck';
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

/** Who the user is, in words: the server's role labels, else "Người xem" (or no role yet, before set-up). */
export function whoLabel(status: Status): string {
  const labels = status.user.roleLabels.filter((l) => l !== '');
  if (labels.length > 0) return labels.join(' · ');
  return status.setUp ? clientText.roles.viewer! : clientText.roles.none!;
}

/** The user's main job in the sidebar: a unit's focal officer, or running the cluster. */
export function isFocalOnly(status: Status): boolean {
  const r = status.user.roles;
  return r.includes('unit') && !r.includes('leader') && !r.includes('owner');
}

export interface StatusSummary {
  total: number;
  /** Units that really submitted: closing the year does not count a unit that never did. */
  submitted: number;
  /** Units whose figures are incomplete (rank provisional unless a reason to proceed was recorded). */
  incomplete: number;
  errors: number;
}

export function statusSummary(status: Status): StatusSummary {
  return {
    total: status.units.length,
    submitted: status.units.filter((u) => u.submitted).length,
    incomplete: status.units.filter((u) => !u.complete).length,
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

/**
 * Reads the units text box: one unit a line, "short name | full name | e-mails | head | title"
 * (the head and title optional), checked by the
 * server's own rules (workbook/setupCheck.ts); blank lines are skipped, messages name the line.
 * @example parseUnitsText('Bình Dương | VKSND tỉnh Bình Dương | a@x.vn').units[0].emails // ['a@x.vn']
 */
export function parseUnitsText(text: string): { units: SetupUnit[]; errors: string[] } {
  const { units, lines } = unitLines(text);
  const { units: checked, problems } = checkUnits(units, (i) => lines[i] as number);
  return { units: checked, errors: problems };
}

/** The units as typed, unchecked, and the line (1-based) each came from. */
function unitLines(text: string): { units: SetupUnit[]; lines: number[] } {
  const units: SetupUnit[] = [];
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const [shortName = '', name = '', emails = '', headName = '', headTitle = ''] = raw.split('|');
    units.push({ shortName, name, emails: splitEmails(emails), headName, headTitle });
    lines.push(i + 1);
  });
  return { units, lines };
}

/** The set-up form's fields as typed. */
export interface SetupFields {
  clusterName: string;
  year: string;
  units: string;
  leader: string;
  deputy: string;
  team: string;
  criteria: 'sample' | 'sheet';
  /** The documents' place ("Địa danh"); optional. */
  place?: string;
}

/**
 * Checks the set-up form with the server's own check (checkSetupForm) and builds what
 * setupFromForm takes; every problem is listed at once, units named by their line.
 * @example parseSetupForm({ clusterName: '', … }).errors[0] // 'Chưa nhập tên cụm.'
 */
export function parseSetupForm(f: SetupFields): { input: SetupForm | null; errors: string[] } {
  const { units, lines } = unitLines(f.units);
  const raw = { clusterName: f.clusterName, year: f.year, units, leader: f.leader, deputy: f.deputy, crossCheckTeam: splitEmails(f.team), criteria: f.criteria, place: f.place ?? '' };
  const { form, problems } = checkSetupForm(raw, (i) => lines[i] as number);
  return { input: form, errors: problems };
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
