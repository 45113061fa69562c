/** The units block of Cấu hình: one row per member unit. */
import { cleanText, normalizeKey } from '../../core/input';
import type { TitleRule, Unit } from '../../core/model';
import { a1 } from '../a1';
import type { Grid } from '../grid';
import { isEmail, shortNameFault, splitEmails, unitKey } from '../setupCheck';
import { blockRows, CONFIG_LAYOUT, isYes, P, splitList, UNIT_FIELD, type ConfigReport } from './layout';

/** The units and the sheet row of each (by id); a row that cannot name a unit blocks the year. */
export function parseUnits(grid: Grid, report: ConfigReport, titles: readonly TitleRule[]): { units: Unit[]; unitRows: Record<string, number> } {
  const L = CONFIG_LAYOUT;
  const units: Unit[] = [];
  const unitRows: Record<string, number> = {};
  // Short name key → its cell. The short-name rules are the set-up form's (setupCheck.ts).
  const seen = new Map<string, string>();
  for (const { row, cells } of blockRows(grid, L.units.column, L.units.width)) {
    const at = (field: number) => a1(row, L.units.column + field);
    const shortName = cleanText(cells[UNIT_FIELD.shortName]);
    const fault = shortNameFault(shortName, seen);
    if (fault === 'missing') {
      report.blocking(at(UNIT_FIELD.shortName), P.unitWithoutShortName);
      continue;
    }
    const key = unitKey(shortName);
    if (fault === 'duplicate') {
      report.blocking(at(UNIT_FIELD.shortName), P.duplicateUnit(shortName, seen.get(key) as string));
      continue;
    }
    seen.set(key, at(UNIT_FIELD.shortName));
    if (fault !== null) {
      report.blocking(at(UNIT_FIELD.shortName), fault === 'badName' ? P.badShortName(shortName) : P.reservedShortName(shortName));
      continue;
    }
    const emails: string[] = [];
    for (const e of splitEmails(cells[UNIT_FIELD.emails])) {
      if (isEmail(e)) {
        if (!emails.includes(e.toLowerCase())) emails.push(e.toLowerCase());
      } else {
        report.warn(at(UNIT_FIELD.emails), P.badEmail(e));
      }
    }
    if (emails.length === 0) report.warn(at(UNIT_FIELD.emails), P.noEmail(shortName));
    const registeredTitles: string[] = [];
    for (const t of splitList(cells[UNIT_FIELD.registeredTitles])) {
      const hit = titles.find((x) => normalizeKey(x.id) === normalizeKey(t) || normalizeKey(x.name) === normalizeKey(t));
      if (hit) registeredTitles.push(hit.id);
      else report.warn(at(UNIT_FIELD.registeredTitles), P.unknownTitle(t));
    }
    const deferred = cleanText(cells[UNIT_FIELD.deferredReason]);
    const unit: Unit = {
      id: shortName,
      name: cleanText(cells[UNIT_FIELD.name]) || shortName,
      shortName,
      headName: cleanText(cells[UNIT_FIELD.headName]),
      headTitle: cleanText(cells[UNIT_FIELD.headTitle]),
      focalEmails: emails,
      registeredTitles,
      femaleMajority: isYes(cells[UNIT_FIELD.femaleMajority]),
    };
    if (deferred !== '') unit.deferredReason = deferred;
    units.push(unit);
    unitRows[shortName] = row;
  }
  if (units.length === 0) {
    report.blocking(a1(L.firstRow, L.units.column), P.noUnits);
  }
  return { units, unitRows };
}
