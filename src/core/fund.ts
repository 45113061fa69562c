/**
 * The cluster's support fund (quỹ hỗ trợ cán bộ có hoàn cảnh khó khăn): the contribution each
 * unit agreed, what was paid and spent, the balance and what each unit still owes. Amounts are
 * whole đồng, so every sum is exact.
 */

export interface FundContribution {
  unitId: string;
  /** Agreed contribution in đồng. */
  amount: number;
}

export interface FundEntry {
  /** ISO date (yyyy-mm-dd), or null when not given. */
  date: string | null;
  kind: 'payment' | 'spending';
  /** Paying unit (payment) or beneficiary unit (spending, optional). */
  unitId: string | null;
  /** Purpose of a spending, note of a payment. */
  purpose: string;
  amount: number;
}

export interface FundLedger {
  agreed: FundContribution[];
  entries: FundEntry[];
}

export interface FundUnitLine {
  unitId: string;
  agreed: number;
  paid: number;
  /** agreed − paid, never below 0 (an overpayment owes nothing). */
  owed: number;
}

export interface FundSummary {
  agreed: number;
  paid: number;
  spent: number;
  /** paid − spent (negative when more was spent than paid). */
  balance: number;
  /** One line per unit of `unitIds`, in that order. */
  units: FundUnitLine[];
  /** Units that still owe, in the same order. */
  owing: FundUnitLine[];
  /** Spending entries in date order (undated last, as listed). */
  spending: FundEntry[];
}

/**
 * Sums the ledger for the units of `unitIds`. Payments by units not listed count in `paid`
 * (money in the fund is money in the fund) but in no unit's line; agreed amounts of units not
 * listed are left out.
 * @example summariseFund({ agreed: [{ unitId: 'A', amount: 3_000_000 }],
 *   entries: [{ date: null, kind: 'payment', unitId: 'A', purpose: '', amount: 1_000_000 }] }, ['A']).units[0].owed // 2000000
 */
export function summariseFund(ledger: FundLedger, unitIds: readonly string[]): FundSummary {
  const lines = new Map<string, FundUnitLine>();
  for (const id of unitIds) lines.set(id, { unitId: id, agreed: 0, paid: 0, owed: 0 });
  for (const c of ledger.agreed) {
    const line = lines.get(c.unitId);
    if (line) line.agreed += c.amount;
  }
  let paid = 0;
  let spent = 0;
  for (const e of ledger.entries) {
    if (e.kind === 'payment') {
      paid += e.amount;
      const line = e.unitId === null ? undefined : lines.get(e.unitId);
      if (line) line.paid += e.amount;
    } else {
      spent += e.amount;
    }
  }
  const units = [...lines.values()].map((l) => ({ ...l, owed: Math.max(0, l.agreed - l.paid) }));
  const agreed = units.reduce((s, l) => s + l.agreed, 0);
  const spending = ledger.entries
    .map((e, i) => ({ e, i }))
    .filter((x) => x.e.kind === 'spending')
    .sort((a, b) => (a.e.date ?? '\uffff').localeCompare(b.e.date ?? '\uffff') || a.i - b.i)
    .map((x) => x.e);
  return { agreed, paid, spent, balance: paid - spent, units, owing: units.filter((l) => l.owed > 0), spending };
}
