import { describe, expect, it } from 'vitest';
import { countBallot } from '../../src/core/ballot';
import type { Ballot } from '../../src/core/model';
import { defaultRules } from '../../src/core/rules';

const RULES = defaultRules(2024);
const FLAG = 'Cờ thi đua của Viện kiểm sát nhân dân tối cao';
const MEMBERS = ['Bình Dương', 'Đồng Nai', 'Tây Ninh'];

function ballot(extra: Partial<Ballot> = {}): Ballot {
  return { titleId: 'co-thi-dua', issued: 6, returned: 6, valid: 6, invalid: 0, votes: {}, ...extra };
}

describe('countBallot', () => {
  it('passes a candidate with 5 of 6 ballots issued (83.33 % ≥ 80 %)', () => {
    const { result, problems, counted } = countBallot(ballot({ votes: { 'Đồng Nai': 5 } }), RULES, MEMBERS);
    expect([problems, counted]).toEqual([[], true]);
    expect(result.candidates).toEqual([{ unitId: 'Đồng Nai', votes: 5, percent: 83.33, passed: true }]);
  });

  it('fails a candidate with 4 of 6 (66.67 %)', () => {
    expect(countBallot(ballot({ votes: { 'Đồng Nai': 4 } }), RULES, MEMBERS).result.candidates[0]).toMatchObject({ percent: 66.67, passed: false });
  });

  it('passes a candidate exactly at the threshold (4 of 5 = 80 %)', () => {
    const b = ballot({ issued: 5, returned: 5, valid: 5, votes: { 'Đồng Nai': 4 } });
    expect(countBallot(b, RULES, MEMBERS).result.candidates[0]?.passed).toBe(true);
  });

  it('takes the percentage of valid ballots when the rules say so', () => {
    const b = ballot({ issued: 5, returned: 5, valid: 4, invalid: 1, votes: { 'Đồng Nai': 4 } });
    expect(countBallot(b, { ...RULES, ballotBase: 'valid' }, MEMBERS).result.candidates[0]?.percent).toBe(100);
    expect(countBallot(b, RULES, MEMBERS).result.candidates[0]?.percent).toBe(80);
  });

  it('copies the counts and the threshold into the result', () => {
    const { result } = countBallot(ballot({ issued: 7, returned: 6, valid: 5, invalid: 1 }), { ...RULES, ballotThresholdPercent: 75 }, MEMBERS);
    expect(result).toEqual({ titleId: 'co-thi-dua', issued: 7, returned: 6, valid: 5, invalid: 1, thresholdPercent: 75, candidates: [] });
  });

  it('matches a candidate ignoring case and diacritics and returns the unit id', () => {
    expect(countBallot(ballot({ votes: { 'dong nai': 6 } }), RULES, MEMBERS).result.candidates[0]?.unitId).toBe('Đồng Nai');
  });

  it('gives 0 % and no pass when no ballot was issued', () => {
    const b = ballot({ issued: 0, returned: 0, valid: 0, votes: { 'Đồng Nai': 0 } });
    expect(countBallot(b, RULES, MEMBERS).result.candidates[0]).toMatchObject({ percent: 0, passed: false });
  });

  it('reports a count that is negative', () => {
    const { problems, counted } = countBallot(ballot({ issued: -1 }), RULES, MEMBERS);
    expect(problems.map((p) => p.message)).toEqual([`Bỏ phiếu "${FLAG}": số phiếu phát ra phải là số nguyên không âm, đang là -1`]);
    expect(counted).toBe(false);
  });

  it('reports a count that is not a whole number', () => {
    const { problems } = countBallot(ballot({ invalid: 0.5, valid: 5.5 }), RULES, MEMBERS);
    expect(problems.map((p) => p.message.split(': ')[1])).toEqual([
      'số phiếu hợp lệ phải là số nguyên không âm, đang là 5,5',
      'số phiếu không hợp lệ phải là số nguyên không âm, đang là 0,5',
    ]);
  });

  it('reports more ballots returned than issued', () => {
    expect(countBallot(ballot({ returned: 7, valid: 7 }), RULES, MEMBERS).problems.map((p) => p.message)).toEqual([
      `Bỏ phiếu "${FLAG}": số phiếu thu về (7) nhiều hơn số phiếu phát ra (6)`,
    ]);
  });

  it('reports valid plus invalid ballots different from those returned', () => {
    expect(countBallot(ballot({ valid: 5, invalid: 0 }), RULES, MEMBERS).problems.map((p) => p.message)).toEqual([
      `Bỏ phiếu "${FLAG}": phiếu hợp lệ (5) cộng phiếu không hợp lệ (0) khác số phiếu thu về (6)`,
    ]);
  });

  it('reports a candidate with more votes than valid ballots, naming the title and the candidate', () => {
    const { problems, counted } = countBallot(ballot({ votes: { 'Tây Ninh': 7 } }), RULES, MEMBERS);
    expect(problems).toEqual([{ unitId: 'Tây Ninh', message: `Bỏ phiếu "${FLAG}": "Tây Ninh" có 7 phiếu đồng ý, nhiều hơn số phiếu hợp lệ (6)` }]);
    expect(counted).toBe(false);
  });

  it('reports a candidate that is not a member and leaves it out', () => {
    const { problems, result } = countBallot(ballot({ votes: { 'Bình Thuận': 3 } }), RULES, MEMBERS);
    expect(problems).toEqual([{ unitId: 'Bình Thuận', message: `Bỏ phiếu "${FLAG}": "Bình Thuận" không phải là đơn vị thành viên của cụm` }]);
    expect(result.candidates).toEqual([]);
  });

  it('reports votes that are not a whole number', () => {
    expect(countBallot(ballot({ votes: { 'Tây Ninh': 2.5 } }), RULES, MEMBERS).problems.map((p) => p.unitId)).toEqual(['Tây Ninh']);
  });

  it('reports a ballot for a title the rules do not have', () => {
    expect(countBallot(ballot({ titleId: 'huan-chuong' }), RULES, MEMBERS).problems.map((p) => p.message)).toEqual([
      'Phiếu bầu cho danh hiệu "huan-chuong" không có trong quy định thi đua',
    ]);
  });

  it('does not change the ballot', () => {
    const b = Object.freeze(ballot({ votes: Object.freeze({ 'Đồng Nai': 5 }) }));
    expect(() => countBallot(b, RULES, MEMBERS)).not.toThrow();
  });
});
