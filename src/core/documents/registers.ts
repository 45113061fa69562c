/**
 * The year-end report's sections on the two registers: "Sáng kiến, giải pháp" (the initiatives
 * units registered and those recognised) and the support fund (agreed, paid, spent, balance,
 * units still owing). A year that keeps neither register gets neither section.
 */
import { summariseFund } from '../fund';
import type { ScoringYear } from '../model';
import { formatDong, registersText } from '../../i18n/registers';
import { dataTable, para, sectionHeading } from './blocks';
import type { Block } from './model';

const R = registersText.report;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

function unitName(year: ScoringYear, id: string | null): string {
  if (id === null) return '';
  return year.units.find((u) => u.id === id)?.name ?? id;
}

/** The initiatives section: counts, then one row per initiative, units in Cấu hình order. */
export function initiativesSection(year: ScoringYear, numeral: string): Block[] {
  const list = year.initiatives ?? [];
  const out: Block[] = [sectionHeading(R.initiativesHeading(numeral))];
  if (list.length === 0) return [...out, para(R.initiativesNone)];
  const recognised = list.filter((i) => i.status === 'recognised').length;
  out.push(para(R.initiativesIntro(list.length, recognised)));
  const order = new Map(year.units.map((u, i) => [u.id, i]));
  const sorted = [...list].sort((a, b) => (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0));
  out.push(dataTable({
    header: R.initiativesHeader,
    rows: sorted.map((i, n) => [
      String(n + 1), unitName(year, i.unitId), i.title, i.authors, registersText.statuses[i.status], i.level ? registersText.levels[i.level] : '',
    ]),
    widths: [0.8, 2.6, 4, 2.2, 1.8, 1.6],
    aligns: ['center', 'left', 'left', 'left', 'left', 'left'],
  }));
  return out;
}

/** The fund section: the sums, a table of each unit's agreed, paid and owed, spending, who still owes. */
export function fundSection(year: ScoringYear, numeral: string): Block[] {
  const s = summariseFund(year.fund ?? { agreed: [], entries: [] }, year.units.map((u) => u.id));
  const out: Block[] = [
    sectionHeading(R.fundHeading(numeral)),
    para(R.fundSummary(formatDong(s.agreed), formatDong(s.paid), formatDong(s.spent), formatDong(s.balance))),
  ];
  const rows = s.units.map((l, n) => [String(n + 1), unitName(year, l.unitId), formatDong(l.agreed), formatDong(l.paid), formatDong(l.owed)]);
  rows.push(['', R.fundTotal, formatDong(s.agreed), formatDong(s.units.reduce((a, l) => a + l.paid, 0)), formatDong(s.owing.reduce((a, l) => a + l.owed, 0))]);
  out.push(dataTable({
    header: R.fundHeader, rows, widths: [0.8, 4.2, 2, 2, 2], aligns: ['center', 'left', 'right', 'right', 'right'], boldRows: [rows.length - 1],
  }));
  if (s.spending.length > 0) {
    out.push(dataTable({
      header: R.spendingHeader,
      rows: s.spending.map((e) => [e.date ? e.date.split('-').reverse().join('/') : '', e.purpose, unitName(year, e.unitId), formatDong(e.amount)]),
      widths: [1.6, 4.6, 3, 1.8],
      aligns: ['center', 'left', 'left', 'right'],
    }));
  }
  out.push(para(s.owing.length > 0 ? R.fundOwing(s.owing.map((l) => `${unitName(year, l.unitId)} (${formatDong(l.owed)} đồng)`).join('; ')) : R.fundAllPaid));
  return out;
}

/**
 * The sections of the registers the year keeps, numbered on from `first` (1-based): the
 * initiatives when the register was read, the fund when its tab was.
 * @example registerSections({ ...year, initiatives: [] }, 3)[0] // heading "III. SÁNG KIẾN, GIẢI PHÁP"
 */
export function registerSections(year: ScoringYear, first: number): Block[] {
  const out: Block[] = [];
  let n = first;
  if (year.initiatives) out.push(...initiativesSection(year, ROMAN[n++ - 1] ?? String(n - 1)));
  if (year.fund) out.push(...fundSection(year, ROMAN[n++ - 1] ?? String(n - 1)));
  return out;
}
