/**
 * The set-up form's one check, run by the sidebar as people type and by the server on what it
 * receives (never trusted), and the rules it shares with Cấu hình (parseConfig): what an e-mail
 * address is, how a list of them is split, and what a unit's short name may be. Pure and light:
 * the sidebar bundles it, so it imports no server code.
 */
import { cleanText, normalizeKey, type CellValue } from '../core/input';
import { formText as T } from '../i18n/form';
import { TAB_NAMES } from '../i18n/workbook';

/** One unit of the set-up form. */
export interface SetupUnit {
  /** Names the unit's tab and is its id. */
  shortName: string;
  name: string;
  /** Focal officers' e-mails. */
  emails: string[];
  /** The head's name and title, for the documents (optional: Cấu hình takes them later too). */
  headName?: string;
  headTitle?: string;
}

/** What the set-up form sends to setupFromForm (src/server/api.ts). */
export interface SetupForm {
  clusterName: string;
  year: number;
  units: SetupUnit[];
  /** Short names. */
  leader: string;
  deputy: string;
  crossCheckTeam: string[];
  /** The built-in sample table, or the one already in the Tiêu chí tab. */
  criteria: 'sample' | 'sheet';
  /** The place of the documents' date line ("Bình Dương, ngày …"); optional. */
  place?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Is this a plausible e-mail address?
 * @example isEmail('vp@binhduong.example.com') // true
 * @example isEmail('a@b') // false
 */
export function isEmail(value: string): boolean {
  return EMAIL.test(value) && value.length <= 254;
}

/**
 * The addresses in a list typed by a person or held in a cell: commas, semicolons, spaces or new
 * lines between them.
 * @example splitEmails('a@x.vn, b@x.vn;\nc@x.vn') // ['a@x.vn', 'b@x.vn', 'c@x.vn']
 */
export function splitEmails(value: CellValue): string[] {
  const text = cleanText(String(value ?? '').replace(/[,;\s]+/g, ' '));
  return text === '' ? [] : text.split(' ');
}

/**
 * The key two short names are compared by: no case, no diacritics, NFC or NFD alike.
 * @example unitKey(' BINH  Dương ') === unitKey('Bình Dương') // true
 */
export function unitKey(shortName: string): string {
  return normalizeKey(shortName);
}

/** Why a short name cannot name a unit. */
export type ShortNameFault = 'missing' | 'duplicate' | 'badName' | 'reserved';

const FORBIDDEN_SHEET_CHARS = /[[\]*?:/\\]/;
let reserved: Set<string> | undefined;

/**
 * Why `shortName` (already cleaned) cannot name a unit whose tab the add-on makes, or null:
 * blank; the key of an earlier unit (in `taken`); not a tab name Sheets accepts (forbidden
 * characters, over 90 characters, a leading apostrophe); an add-on tab's name.
 * @example shortNameFault('Bình Dương', new Set(['binh duong'])) // 'duplicate'
 * @example shortNameFault('A/B', new Set()) // 'badName'
 */
export function shortNameFault(shortName: string, taken: { has(key: string): boolean }): ShortNameFault | null {
  if (shortName === '') return 'missing';
  const key = unitKey(shortName);
  if (taken.has(key)) return 'duplicate';
  if (FORBIDDEN_SHEET_CHARS.test(shortName) || shortName.length > 90 || shortName.startsWith("'")) return 'badName';
  reserved ??= new Set(Object.values(TAB_NAMES).map(unitKey));
  return reserved.has(key) ? 'reserved' : null;
}

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? cleanText(String(v)) : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The line a unit was typed on, for messages: its position in the list unless told otherwise. */
export type LineOf = (index: number) => number;

/**
 * Checks a list of units as the form sends it: short names (see shortNameFault) and e-mails,
 * lower-cased, without repeats. Units with a bad short name are left out; a bad e-mail is
 * reported and the unit kept without it.
 * @example checkUnits([{ shortName: 'A', name: '', emails: ['X@Y.VN'] }]).units[0] // { shortName: 'A', name: 'A', emails: ['x@y.vn'] }
 */
export function checkUnits(units: unknown, lineOf: LineOf = (i) => i + 1): { units: SetupUnit[]; problems: string[] } {
  const out: SetupUnit[] = [];
  const problems: string[] = [];
  const taken = new Set<string>();
  list(units).forEach((raw, i) => {
    const u = (raw ?? {}) as Record<string, unknown>;
    const shortName = str(u.shortName);
    const fault = shortNameFault(shortName, taken);
    if (fault !== null) {
      problems.push(T.unitLine(lineOf(i), shortNameMessage(fault, shortName)));
      return;
    }
    taken.add(unitKey(shortName));
    const emails: string[] = [];
    for (const e of list(u.emails).flatMap((x) => splitEmails(str(x)))) {
      if (!isEmail(e)) problems.push(T.unitLine(lineOf(i), T.badEmail(e)));
      else if (!emails.includes(e.toLowerCase())) emails.push(e.toLowerCase());
    }
    const unit: SetupUnit = { shortName, name: str(u.name) || shortName, emails };
    if (str(u.headName)) unit.headName = str(u.headName);
    if (str(u.headTitle)) unit.headTitle = str(u.headTitle);
    out.push(unit);
  });
  return { units: out, problems };
}

function shortNameMessage(fault: ShortNameFault, shortName: string): string {
  if (fault === 'missing') return T.noShortName;
  if (fault === 'duplicate') return T.duplicate(shortName);
  return fault === 'badName' ? T.badShortName(shortName) : T.reservedShortName(shortName);
}

/**
 * The set-up form checked, every problem listed at once (in the order of the form), and the form
 * cleaned: names trimmed and in NFC, the year a number, e-mails lower-cased, the leader and deputy
 * as their units' short names. `lineOf` numbers the units in messages (the sidebar passes the
 * lines of its text box). Takes anything: the server gets whatever was posted.
 * @example checkSetupForm({ clusterName: '' }).problems[0] // 'Chưa nhập tên cụm.'
 */
export function checkSetupForm(form: unknown, lineOf?: LineOf): { form: SetupForm | null; problems: string[] } {
  const f = (form ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  const clusterName = str(f.clusterName);
  if (!clusterName) problems.push(T.missingName);
  const yearText = str(f.year);
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < 1900 || year > 2200) problems.push(T.badYear(yearText));

  if (list(f.units).length === 0) problems.push(T.noUnits);
  const { units, problems: unitProblems } = checkUnits(f.units, lineOf);
  problems.push(...unitProblems);

  const unitNamed = (name: string) => units.find((u) => unitKey(u.shortName) === unitKey(name));
  const leaderName = str(f.leader);
  const deputyName = str(f.deputy);
  const leader = unitNamed(leaderName);
  const deputy = deputyName ? unitNamed(deputyName) : undefined;
  if (!leaderName) problems.push(T.noLeader);
  else if (!leader) problems.push(T.unknownLeader(leaderName));
  if (deputyName && !deputy) problems.push(T.unknownDeputy(deputyName));
  if (leader && deputy && leader === deputy) problems.push(T.sameLeaderDeputy);

  const team: string[] = [];
  for (const e of list(f.crossCheckTeam).flatMap((x) => splitEmails(str(x)))) {
    if (!isEmail(e)) problems.push(T.badTeamEmail(e));
    else if (!team.includes(e.toLowerCase())) team.push(e.toLowerCase());
  }
  if (f.criteria !== 'sample' && f.criteria !== 'sheet') problems.push(T.badCriteria);
  if (problems.length > 0) return { form: null, problems };
  return {
    form: {
      clusterName,
      year,
      units,
      leader: leader!.shortName,
      deputy: deputy?.shortName ?? '',
      crossCheckTeam: team,
      criteria: f.criteria as SetupForm['criteria'],
      ...(str(f.place) ? { place: str(f.place) } : {}),
    },
    problems,
  };
}
