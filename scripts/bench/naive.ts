/**
 * The naive peer, for comparison only (never shipped): the script a clerk would write to total
 * the unit tabs, as Apps Script tutorials show it — for each unit tab, for each criterion row,
 * getRange(row, col).getValue() for the cells it needs; sums in JavaScript; then one setValue
 * per output cell into Tổng hợp. It does less than the add-on (no eligibility, veto, bonus cap,
 * tie-breaks, problems) and still costs far more calls.
 *
 * Per unit tab: getName (to skip the fixed tabs), getLastRow, then per row: the kind (C); on a
 * scored row the points: Thống nhất (K), else Chấm chéo (J), else Tự chấm (G); on a quantitative
 * row with no points typed, result (F), target (E) and maximum (D) for a proportional score; and
 * the maximum (D) of every standard row, for the percentage. Its totals approximate the add-on's
 * (no rule but proportional, no caps): it is here for its calls, not its figures.
 * Per unit in Tổng hợp: STT, name, total, % of maximum, rank, classification.
 */
import { ROW_KIND_LABEL } from '../../src/core/vocabulary';
import { workbookText } from '../../src/i18n/workbook';
import { UNIT_LAYOUT } from '../../src/workbook/unitSheet';

type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

const FIXED = new Set<string>(Object.values(workbookText.tabs));
const C = UNIT_LAYOUT.column;

/** What the naive script computed, to check it computed something. */
export interface NaiveResult {
  units: Array<{ name: string; total: number; max: number; rank: number; label: string }>;
}

function num(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v.replace(',', '.')))) return Number(v.replace(',', '.'));
  return null;
}

/** The clerk's script. */
export function naiveRecompute(app: SpreadsheetApp): NaiveResult {
  const ss = app.getActiveSpreadsheet();
  const units: NaiveResult['units'] = [];
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    if (FIXED.has(name)) continue;
    const last = sheet.getLastRow();
    let total = 0;
    let max = 0;
    for (let row = UNIT_LAYOUT.firstRow; row <= last; row++) {
      const kind = String(sheet.getRange(row, C.kind).getValue());
      if (kind === ROW_KIND_LABEL.group || kind === ROW_KIND_LABEL.veto || kind === '') continue;
      const points = [C.final, C.crossCheck, C.self].map((col) => () => num(sheet.getRange(row, col).getValue()));
      let value: number | null = null;
      for (const read of points) {
        value = read();
        if (value !== null) break;
      }
      if (value === null && kind === ROW_KIND_LABEL.quantitative) {
        // No points typed: the clerk's own formula, points in proportion to result / target.
        const result = num(sheet.getRange(row, C.result).getValue());
        const target = num(sheet.getRange(row, C.target).getValue());
        const rowMax = num(sheet.getRange(row, C.max).getValue()) ?? 0;
        value = result !== null && target ? Math.min(result / target, 1) * rowMax : 0;
      }
      if (kind === ROW_KIND_LABEL.deduction) {
        total -= Math.abs(value ?? 0);
        continue;
      }
      if (kind === ROW_KIND_LABEL.bonus) {
        total += value ?? 0;
        continue;
      }
      max += num(sheet.getRange(row, C.max).getValue()) ?? 0;
      total += value ?? 0;
    }
    units.push({ name, total, max, rank: 0, label: '' });
  }
  const sorted = [...units].sort((a, b) => b.total - a.total);
  for (const u of units) {
    u.rank = sorted.findIndex((s) => s.total === u.total) + 1;
    const pct = u.max > 0 ? (100 * u.total) / u.max : 0;
    u.label = pct >= 90 ? 'Hoàn thành xuất sắc nhiệm vụ' : pct >= 70 ? 'Hoàn thành tốt nhiệm vụ' : pct >= 50 ? 'Hoàn thành nhiệm vụ' : 'Không hoàn thành nhiệm vụ';
  }
  const out = ss.getSheetByName(workbookText.tabs.summary)!;
  units.forEach((u, i) => {
    const row = 5 + i;
    out.getRange(row, 1).setValue(i + 1);
    out.getRange(row, 2).setValue(u.name);
    out.getRange(row, 3).setValue(Math.round(u.total * 100) / 100);
    out.getRange(row, 4).setValue(u.max > 0 ? Math.round((10000 * u.total) / u.max) / 100 : 0);
    out.getRange(row, 5).setValue(u.rank);
    out.getRange(row, 6).setValue(u.label);
  });
  return { units };
}
