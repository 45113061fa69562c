/**
 * The sample year's registers in the playground: the cụm trưởng creates Sáng kiến and Quỹ through
 * the bundle's public function, each unit types its own initiatives as itself, and the cụm
 * trưởng types the fund (src/core/samples/registers.ts).
 */
import { sampleFund, sampleInitiatives } from '../../src/core/samples';
import { registersText } from '../../src/i18n/registers';
import { FUND_LAYOUT } from '../../src/workbook/fund';
import { INITIATIVES_LAYOUT } from '../../src/workbook/initiatives';
import { a1 } from '../../src/workbook/a1';
import type { PlaygroundHost } from './host';

const X = registersText;

/** ISO date → what a clerk types: 15/10/2021. */
const typedDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

export function seedRegisters(host: PlaygroundHost, year: number, clerk: string, units: ReadonlyArray<{ id: string; focalEmails: string[] }>): void {
  const made = host.run(clerk, 'setupRegisters', []);
  const answer = made.result as { ok?: boolean; message?: string } | undefined;
  if (!made.ok || answer?.ok === false) throw new Error(`Không tạo được bảng Sáng kiến, Quỹ: ${made.error || answer?.message}`);
  const tab = X.tabs.initiatives;
  const used = new Map<string, number>();
  for (const item of sampleInitiatives(year)) {
    const rows = host.google.peek(tab);
    const first = rows.findIndex((r, i) => i + 1 >= INITIATIVES_LAYOUT.firstRow && r[0] === item.unitId) + 1;
    const unit = units.find((u) => u.id === item.unitId);
    if (first <= 0 || !unit?.focalEmails[0]) continue;
    const row = first + (used.get(item.unitId) ?? 0);
    used.set(item.unitId, (used.get(item.unitId) ?? 0) + 1);
    host.edit(unit.focalEmails[0], tab, a1(row, 2, row, 6), [[
      item.title, item.authors, X.statuses[item.status], item.level ? X.levels[item.level] : '', typedDate(item.recognisedOn),
    ]]);
  }
  const fund = sampleFund(year, units.map((u) => u.id));
  const L = FUND_LAYOUT;
  const agreedRows = host.google.peek(X.tabs.fund).map((r, i) => [i + 1, r[0]] as const).filter(([i, id]) => i >= L.firstRow && id !== '');
  for (const [row, id] of agreedRows) {
    const amount = fund.agreed.find((a) => a.unitId === id)?.amount;
    if (amount !== undefined) host.edit(clerk, X.tabs.fund, a1(row, L.agreed.amount), [[amount]]);
  }
  const ledger = fund.entries.map((e) => [typedDate(e.date), e.kind === 'payment' ? X.fund.payment : X.fund.spending, e.unitId ?? '', e.purpose, e.amount]);
  host.edit(clerk, X.tabs.fund, a1(L.firstRow, L.ledger.date, L.firstRow + ledger.length - 1, L.ledger.amount), ledger);
}
