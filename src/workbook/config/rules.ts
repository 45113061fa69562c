/** The rule blocks of Cấu hình: legal bases, classification bands, titles. */
import { cleanText, normalizeKey, parseNumber } from '../../core/input';
import type { ClassificationBand, RuleSet, TitleRule } from '../../core/model';
import { basisDate } from '../../core/documents/legal';
import { detailsText } from '../../i18n/details';
import { a1 } from '../a1';
import type { Grid } from '../grid';
import { blockRows, CONFIG_LAYOUT, P, yesNoValue, type ConfigReport } from './layout';

/** The legal bases; one whose text gives no date is kept and warned about (documents cannot date-check it). */
export function parseLegalBases(grid: Grid, report?: ConfigReport): string[] {
  const out: string[] = [];
  for (const r of blockRows(grid, CONFIG_LAYOUT.legal.column, 1)) {
    const text = cleanText(r.cells[0]);
    if (text === '') continue;
    if (report && basisDate(text) === null) report.warn(a1(r.row, CONFIG_LAYOUT.legal.column), detailsText.basisUndated(text));
    out.push(text);
  }
  return out;
}

/** Bands, highest first; none valid: the defaults. */
export function parseBands(grid: Grid, report: ConfigReport, defaults: RuleSet): ClassificationBand[] {
  const L = CONFIG_LAYOUT;
  const bands: ClassificationBand[] = [];
  for (const { row, cells } of blockRows(grid, L.bands.column, L.bands.width)) {
    const n = parseNumber(cells[0]);
    const label = cleanText(cells[1]);
    if (!n.ok || n.value === null || n.value < 0 || n.value > 100 || label === '') {
      report.warn(a1(row, L.bands.column), P.badBand(cells[0]));
      continue;
    }
    bands.push({ minPercent: n.value, label });
  }
  if (bands.length === 0) {
    report.warn(a1(L.firstRow, L.bands.column), P.noBands);
    return [...defaults.classificationBands];
  }
  return bands.sort((a, b) => b.minPercent - a.minPercent);
}

/** Titles with their quota, minimum band and flags; an empty block: the defaults. */
export function parseTitles(grid: Grid, report: ConfigReport, bands: ClassificationBand[], defaults: RuleSet): TitleRule[] {
  const L = CONFIG_LAYOUT;
  const rows = blockRows(grid, L.titles.column, L.titles.width);
  if (rows.length === 0) return [...defaults.titles];
  const titles: TitleRule[] = [];
  const warn = (row: number, offset: number, message: string) => report.warn(a1(row, L.titles.column + offset), message);
  for (const { row, cells } of rows) {
    const name = cleanText(cells[1]);
    const id = cleanText(cells[0]) || name;
    if (id === '') continue;
    if (titles.some((t) => normalizeKey(t.id) === normalizeKey(id))) {
      warn(row, 0, P.duplicateTitle(id));
      continue;
    }
    const quotaRaw = parseNumber(cells[2]);
    let quota: number | null = null;
    if (!quotaRaw.ok || (quotaRaw.value !== null && (quotaRaw.value < 0 || !Number.isInteger(quotaRaw.value)))) {
      warn(row, 2, P.badQuota(cells[2]));
    } else {
      quota = quotaRaw.value;
    }
    const minText = cleanText(cells[3]);
    const band = bands.find((b) => normalizeKey(b.label) === normalizeKey(minText));
    if (minText !== '' && !band) warn(row, 3, P.unknownBand(minText));
    const flag = (offset: number, fallback: boolean): boolean => {
      const v = yesNoValue(cells[offset]);
      if (v === null) {
        warn(row, offset, P.badYesNo(cells[offset]));
        return fallback;
      }
      return v ?? fallback;
    };
    titles.push({
      id,
      name: name || id,
      quota,
      minClassification: band?.label ?? bands[0]?.label ?? '',
      requiresBallot: flag(4, false),
      leaderOnly: flag(5, false),
    });
  }
  return titles;
}
