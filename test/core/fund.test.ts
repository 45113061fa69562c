import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summariseFund, type FundEntry } from '../../src/core/fund';

const pay = (unitId: string | null, amount: number, date: string | null = null): FundEntry => ({ date, kind: 'payment', unitId, purpose: '', amount });
const spend = (amount: number, date: string | null = null, unitId: string | null = null): FundEntry => ({ date, kind: 'spending', unitId, purpose: 'Hỗ trợ', amount });

describe('summariseFund', () => {
  it('sums agreed, paid and spent, and gives each unit what it still owes', () => {
    const s = summariseFund({
      agreed: [{ unitId: 'A', amount: 3_000_000 }, { unitId: 'B', amount: 3_000_000 }],
      entries: [pay('A', 3_000_000), pay('B', 1_000_000), spend(2_500_000, '2025-05-01', 'A')],
    }, ['A', 'B']);
    expect(s).toMatchObject({ agreed: 6_000_000, paid: 4_000_000, spent: 2_500_000, balance: 1_500_000 });
    expect(s.units).toEqual([
      { unitId: 'A', agreed: 3_000_000, paid: 3_000_000, owed: 0 },
      { unitId: 'B', agreed: 3_000_000, paid: 1_000_000, owed: 2_000_000 },
    ]);
    expect(s.owing.map((l) => l.unitId)).toEqual(['B']);
  });

  it('owes nothing after an overpayment, and lets the balance go negative when more was spent than paid', () => {
    const s = summariseFund({ agreed: [{ unitId: 'A', amount: 1_000 }], entries: [pay('A', 5_000), spend(6_000)] }, ['A']);
    expect(s.units[0]!.owed).toBe(0);
    expect(s.balance).toBe(-1_000);
  });

  it('counts a payment of an unlisted unit in the fund but in no unit\'s line', () => {
    const s = summariseFund({ agreed: [{ unitId: 'Z', amount: 9 }], entries: [pay('Z', 100), pay(null, 50)] }, ['A']);
    expect(s.paid).toBe(150);
    expect(s.agreed).toBe(0);
    expect(s.units).toEqual([{ unitId: 'A', agreed: 0, paid: 0, owed: 0 }]);
  });

  it('lists spending in date order, undated last', () => {
    const s = summariseFund({ agreed: [], entries: [spend(1, null), spend(2, '2025-09-01'), spend(3, '2025-03-01')] }, []);
    expect(s.spending.map((e) => e.amount)).toEqual([3, 2, 1]);
  });

  it('balance = paid − spent and owed = max(agreed − paid, 0) per unit, for any ledger (property)', () => {
    const unit = fc.constantFrom('A', 'B', 'C', 'D');
    const amount = fc.integer({ min: 0, max: 50_000_000 });
    const entry = fc.record({ kind: fc.constantFrom<'payment' | 'spending'>('payment', 'spending'), unitId: fc.option(unit, { nil: null }), amount })
      .map((e): FundEntry => ({ ...e, date: null, purpose: '' }));
    fc.assert(fc.property(fc.array(fc.record({ unitId: unit, amount })), fc.array(entry, { maxLength: 40 }), (agreed, entries) => {
      const ids = ['A', 'B', 'C'];
      const s = summariseFund({ agreed, entries }, ids);
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      expect(s.paid).toBe(sum(entries.filter((e) => e.kind === 'payment').map((e) => e.amount)));
      expect(s.spent).toBe(sum(entries.filter((e) => e.kind === 'spending').map((e) => e.amount)));
      expect(s.balance).toBe(s.paid - s.spent);
      expect(s.agreed).toBe(sum(agreed.filter((a) => ids.includes(a.unitId)).map((a) => a.amount)));
      expect(sum(s.units.map((l) => l.paid))).toBeLessThanOrEqual(s.paid);
      for (const l of s.units) expect(l.owed).toBe(Math.max(0, l.agreed - l.paid));
      expect(s.owing.every((l) => l.owed > 0)).toBe(true);
      expect(s.spending.length).toBe(entries.filter((e) => e.kind === 'spending').length);
    }));
  });
});
