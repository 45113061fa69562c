/**
 * Set-up shares the spreadsheet with the people Cấu hình names (focal officers, cross-check team):
 * they need edit access to the file to type at all; protected ranges then decide where. At most
 * two calls: who has access (already known when set-up made protections), then one addEditors.
 */
import type { SheetsAdapter } from '../adapters/sheets';
import type { Unit } from '../core/model';
import { workbookText } from '../i18n/workbook';
import { shareText } from '../i18n/share';
import type { TeamMember } from '../workbook/config';
import { problem, type SheetProblem } from '../workbook/problems';

type Shareable = Pick<SheetsAdapter, 'fileEditorEmails' | 'addFileEditors'>;

/** E-mails of everyone who has to type into the sheet, lower-cased, once each. */
export function peopleToShareWith(units: readonly Unit[], team: readonly TeamMember[]): string[] {
  const all = [...units.flatMap((u) => u.focalEmails), ...team.map((m) => m.email)].map((e) => e.trim().toLowerCase());
  return all.filter((e, i) => e !== '' && all.indexOf(e) === i);
}

/**
 * Adds as editors of the file those who are not yet; returns a warning (never a failure: the year
 * is set up either way) when Sheets refuses, telling the clerk to use the Share button. An address
 * refused as no Google account is left out and named; everyone else is shared with (one call
 * each, only after the whole list was refused).
 */
export function shareWithMembers(sheets: Shareable, emails: readonly string[]): SheetProblem[] {
  if (emails.length === 0) return [];
  const warn = (e: unknown) =>
    problem(workbookText.tabs.config, '', shareText.failed(e instanceof Error ? e.message : String(e)), { severity: 'warning' });
  let missing: string[] = [];
  try {
    const have = new Set(sheets.fileEditorEmails());
    missing = emails.filter((e) => !have.has(e));
    if (missing.length > 0) sheets.addFileEditors(missing);
    return [];
  } catch (e) {
    if (missing.length < 2 || !/invalid/i.test(String(e))) return [warn(e)];
  }
  const out: SheetProblem[] = [];
  for (const email of missing) {
    try {
      sheets.addFileEditors([email]);
    } catch (e) {
      out.push(warn(e));
    }
  }
  return out;
}
