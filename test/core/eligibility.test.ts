import { describe, expect, it } from 'vitest';
import { unitEligibility } from '../../src/core/eligibility';
import type { RowResult } from '../../src/core/results';

const veto = (code: string, violated: boolean): RowResult => ({
  code,
  content: `Để xảy ra vi phạm ${code}`,
  kind: 'veto',
  maxPoints: 0,
  applicable: true,
  points: null,
  source: 'final',
  violated,
});
const qualitative: RowResult = { code: 'I.1', content: 'Định tính', kind: 'qualitative', maxPoints: 5, applicable: true, points: 5, source: 'self' };

describe('unitEligibility', () => {
  it('finds a unit without violation or deferral eligible', () => {
    expect(unitEligibility({}, { rows: [qualitative, veto('D.1', false)] })).toEqual({ eligible: true, reasons: [] });
  });

  it('excludes a unit with a veto row violated and names the row', () => {
    expect(unitEligibility({}, { rows: [veto('D.1', true)] })).toEqual({
      eligible: false,
      reasons: ['Vi phạm điều kiện D.1 "Để xảy ra vi phạm D.1"'],
    });
  });

  it('gives one reason per veto row violated', () => {
    expect(unitEligibility({}, { rows: [veto('D.1', true), veto('D.2', true)] }).reasons).toHaveLength(2);
  });

  it('excludes a deferred unit and quotes the reason', () => {
    expect(unitEligibility({ deferredReason: ' Đang bị thanh tra ' }, { rows: [] })).toEqual({
      eligible: false,
      reasons: ['Tạm hoãn xét khen thưởng: "Đang bị thanh tra"'],
    });
  });

  it('quotes a long reason in full', () => {
    const reason = 'Đang trong thời gian thanh tra công vụ theo quyết định của Viện trưởng';
    expect(unitEligibility({ deferredReason: reason }, null).reasons).toEqual([`Tạm hoãn xét khen thưởng: "${reason}"`]);
  });

  it('lists the violations before the deferral', () => {
    const result = unitEligibility({ deferredReason: 'Khiếu nại' }, { rows: [veto('D.1', true)] });
    expect(result.reasons.map((r) => r.slice(0, 6))).toEqual(['Vi phạ', 'Tạm ho']);
  });

  it('treats a blank deferral reason as no deferral', () => {
    expect(unitEligibility({ deferredReason: '  ' }, null).eligible).toBe(true);
  });

  it('checks the deferral of a unit with no standing', () => {
    expect(unitEligibility({ deferredReason: 'Xem xét kỷ luật' }, null).eligible).toBe(false);
  });
});
