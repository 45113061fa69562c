/** The sample year's registers: initiatives of two units and the support fund's entries. */
import { registersText } from '../../i18n/registers';
import type { FundLedger } from '../fund';
import type { Initiative } from '../initiatives';

const S = registersText.sample;
const BD = 'Bình Dương';
const DN = 'Đồng Nai';

/**
 * Bình Dương: two initiatives recognised (sector and national level: 2 + 3 points, the 5 it
 * typed on VI.2 in the sample); Đồng Nai: one registered, not recognised yet.
 * @example sampleInitiatives(2021).filter((i) => i.status === 'recognised').length // 2
 */
export function sampleInitiatives(year: number): Initiative[] {
  const [a, b, c] = S.initiatives as [typeof S.initiatives[0], typeof S.initiatives[0], typeof S.initiatives[0]];
  return [
    { unitId: BD, ...a, status: 'recognised', level: 'sector', recognisedOn: `${year}-09-20` },
    { unitId: BD, ...b, status: 'recognised', level: 'national', recognisedOn: `${year}-10-15` },
    { unitId: DN, ...c, status: 'registered', level: null, recognisedOn: null },
  ];
}

/**
 * 3.000.000 đồng agreed per unit; every unit paid in March but Tây Ninh (1.000.000 of 3.000.000);
 * two support payments.
 * @example sampleFund(2021, ['A', 'B']).agreed.length // 2
 */
export function sampleFund(year: number, unitIds: readonly string[]): FundLedger {
  return {
    agreed: unitIds.map((unitId) => ({ unitId, amount: 3_000_000 })),
    entries: [
      ...unitIds.map((unitId, i) => ({
        date: `${year}-03-${String(10 + i).padStart(2, '0')}`, kind: 'payment' as const, unitId, purpose: '',
        amount: unitId === 'Tây Ninh' ? 1_000_000 : 3_000_000,
      })),
      { date: `${year}-06-01`, kind: 'spending', unitId: 'Bình Phước', purpose: S.spending[0]!, amount: 5_000_000 },
      { date: `${year}-09-15`, kind: 'spending', unitId: DN, purpose: S.spending[1]!, amount: 2_000_000 },
    ],
  };
}
