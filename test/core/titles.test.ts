import { describe, expect, it } from 'vitest';
import type { RuleSet, TitleRule } from '../../src/core/model';
import type { BallotResult } from '../../src/core/results';
import { defaultRules } from '../../src/core/rules';
import { proposeTitles, type TitleCandidate } from '../../src/core/titles';

const XS = 'Hoàn thành xuất sắc nhiệm vụ';
const TOT = 'Hoàn thành tốt nhiệm vụ';
const HT = 'Hoàn thành nhiệm vụ';
const KHT = 'Không hoàn thành nhiệm vụ';
const FLAG = 'co-thi-dua';
const EXCELLENT = 'tap-the-lao-dong-xuat-sac';
const ADVANCED = 'tap-the-lao-dong-tien-tien';
const RULES = defaultRules(2024);

function candidate(unitId: string, rank: number, classification: string, extra: Partial<TitleCandidate> = {}): TitleCandidate {
  // Registering the highest title leaves every lower one open: the tests below start from that.
  return { unitId, rank, classification, eligible: true, complete: true, registeredTitles: [FLAG], ...extra };
}

function flagBallot(passed: Record<string, boolean>): Map<string, BallotResult> {
  const candidates = Object.entries(passed).map(([unitId, ok]) => ({ unitId, votes: ok ? 6 : 1, percent: ok ? 100 : 16.67, passed: ok }));
  return new Map([[FLAG, { titleId: FLAG, issued: 6, returned: 6, valid: 6, invalid: 0, thresholdPercent: 80, candidates }]]);
}

/** Title id and status per unit, '—' for none. */
function outcome(candidates: TitleCandidate[], rules: Pick<RuleSet, 'titles' | 'classificationBands'> = RULES, ballots = new Map<string, BallotResult>()) {
  const { proposals } = proposeTitles(candidates, rules, ballots);
  return Object.fromEntries([...proposals].map(([id, p]) => [id, p ? `${p.titleId}${p.status === 'awaitingBallot' ? ' (chờ phiếu)' : ''}` : '—']));
}

describe('proposeTitles: the flag', () => {
  it('proposes the flag to the leading unit, awaiting the ballot', () => {
    expect(outcome([candidate('A', 1, XS)])).toEqual({ A: `${FLAG} (chờ phiếu)` });
  });

  it('proposes the flag once the leading unit passed the ballot', () => {
    expect(outcome([candidate('A', 1, XS)], RULES, flagBallot({ A: true }))).toEqual({ A: FLAG });
  });

  it('gives the name of the title with the proposal', () => {
    expect(proposeTitles([candidate('A', 1, XS)], RULES).proposals.get('A')?.name).toBe('Cờ thi đua của Viện kiểm sát nhân dân tối cao');
  });

  it('moves a leading unit that failed the ballot to the next title', () => {
    expect(outcome([candidate('A', 1, XS)], RULES, flagBallot({ A: false }))).toEqual({ A: EXCELLENT });
  });

  it('moves a leading unit absent from a counted ballot to the next title', () => {
    expect(outcome([candidate('A', 1, XS)], RULES, flagBallot({ B: true }))).toEqual({ A: EXCELLENT });
  });

  it('does not give the flag to a unit ranked second, whatever its votes', () => {
    expect(outcome([candidate('A', 1, XS), candidate('B', 2, XS)], RULES, flagBallot({ A: true, B: true }))).toEqual({ A: FLAG, B: EXCELLENT });
  });

  it('gives the flag to the first eligible unit when the first is not eligible', () => {
    expect(outcome([candidate('A', 1, XS, { eligible: false }), candidate('B', 2, XS)])).toEqual({ A: '—', B: `${FLAG} (chờ phiếu)` });
  });

  it('gives the flag to nobody when the first eligible rank is shared, and says why', () => {
    const { proposals, problems } = proposeTitles([candidate('A', 1, XS), candidate('B', 1, XS)], RULES);
    expect(problems).toEqual([
      { message: 'Chưa đề nghị "Cờ thi đua của Viện kiểm sát nhân dân tối cao": "A" và "B" cùng xếp thứ nhất; cần thêm tiêu chí phụ để phân định' },
    ]);
    expect([proposals.get('A')?.titleId, proposals.get('B')?.titleId]).toEqual([EXCELLENT, EXCELLENT]);
  });

  it('ignores an ineligible unit sharing the first rank', () => {
    expect(outcome([candidate('A', 1, XS, { eligible: false }), candidate('B', 1, XS)])).toEqual({ A: '—', B: `${FLAG} (chờ phiếu)` });
  });

  it('gives the flag to nobody when the leading unit is below its classification', () => {
    expect(outcome([candidate('A', 1, TOT), candidate('B', 2, XS)])).toEqual({ A: ADVANCED, B: EXCELLENT });
  });

  it('ranks by the given ranks, not the input order', () => {
    expect(outcome([candidate('C', 3, XS), candidate('A', 1, XS)])).toEqual({ C: EXCELLENT, A: `${FLAG} (chờ phiếu)` });
  });
});

describe('proposeTitles: classification and eligibility', () => {
  it('gives each unit the highest title its classification reaches', () => {
    const got = outcome([candidate('A', 1, XS), candidate('B', 2, XS), candidate('C', 3, TOT), candidate('D', 4, HT), candidate('E', 5, KHT)]);
    expect(got).toEqual({ A: `${FLAG} (chờ phiếu)`, B: EXCELLENT, C: ADVANCED, D: '—', E: '—' });
  });

  it('gives nothing to an ineligible unit', () => {
    expect(outcome([candidate('A', 1, XS), candidate('B', 2, XS, { eligible: false })])).toMatchObject({ B: '—' });
  });

  it('gives nothing to a unit whose classification is not one of the bands', () => {
    expect(outcome([candidate('A', 1, 'Xuất sắc')])).toEqual({ A: '—' });
  });

  it('never gives a title whose minimum classification is not one of the bands', () => {
    const rules = { ...RULES, titles: [{ ...(RULES.titles[2] as TitleRule), minClassification: 'Loại A' }] };
    expect(outcome([candidate('A', 1, XS)], rules)).toEqual({ A: '—' });
  });

  it('returns nothing for no candidates', () => {
    expect(proposeTitles([], RULES)).toEqual({ proposals: new Map(), reasons: new Map(), problems: [] });
  });
});

describe('proposeTitles: registered titles', () => {
  it('keeps a unit to the titles it registered and lower ones', () => {
    expect(outcome([candidate('A', 1, XS, { registeredTitles: [ADVANCED] })])).toEqual({ A: ADVANCED });
  });

  it('lets a unit that registered the flag receive a lower title', () => {
    expect(outcome([candidate('A', 1, XS, { registeredTitles: [FLAG] })], RULES, flagBallot({ A: false }))).toEqual({ A: EXCELLENT });
  });

  it('gives the leading unit that registered a lower title that title, not the flag', () => {
    expect(outcome([candidate('A', 1, XS, { registeredTitles: [EXCELLENT] })])).toEqual({ A: EXCELLENT });
  });

  it('matches a registered title by name, ignoring case', () => {
    expect(outcome([candidate('A', 1, XS, { registeredTitles: ['tập thể lao động tiên tiến'] })])).toEqual({ A: ADVANCED });
  });

  it('reports a registered title the rules do not have and counts it as no registration', () => {
    const { proposals, reasons, problems } = proposeTitles([candidate('A', 1, XS, { registeredTitles: ['Huân chương Lao động'] })], RULES);
    expect(problems).toEqual([{ unitId: 'A', message: 'Danh hiệu đăng ký "Huân chương Lao động" không có trong quy định thi đua' }]);
    expect([proposals.get('A'), reasons.get('A')]).toEqual([null, 'Không đề nghị: chưa đăng ký danh hiệu thi đua']);
  });

  it('proposes a unit that registered nothing for nothing (chưa đăng ký is not "no limit"), and lets the next unit have the flag', () => {
    const { proposals, reasons } = proposeTitles([candidate('A', 1, XS, { registeredTitles: [] }), candidate('B', 2, XS)], RULES);
    expect([proposals.get('A'), proposals.get('B')?.titleId]).toEqual([null, EXCELLENT]);
    expect(reasons.get('A')).toBe('Không đề nghị: chưa đăng ký danh hiệu thi đua');
  });
});

describe('proposeTitles: quotas', () => {
  const excellentOnce = { ...RULES, titles: RULES.titles.map((t) => (t.id === EXCELLENT ? { ...t, quota: 1 } : t)) };

  it('gives a title no more often than its quota, in rank order', () => {
    expect(outcome([candidate('A', 1, XS), candidate('B', 2, XS), candidate('C', 3, XS)], excellentOnce)).toEqual({
      A: `${FLAG} (chờ phiếu)`,
      B: EXCELLENT,
      C: ADVANCED,
    });
  });

  it('gives a title to none of a tied rank the quota cannot hold, nor to anyone below, and says why', () => {
    const { proposals, problems } = proposeTitles([candidate('A', 1, XS), candidate('B', 2, XS), candidate('C', 2, XS), candidate('D', 4, XS)], excellentOnce);
    expect(problems).toEqual([
      {
        message:
          'Chưa đề nghị "Tập thể lao động xuất sắc" cho "B" và "C": các đơn vị cùng thứ hạng nhưng chỉ còn 1 suất; cần thêm tiêu chí phụ để phân định',
      },
    ]);
    expect(['B', 'C', 'D'].map((id) => proposals.get(id)?.titleId)).toEqual([ADVANCED, ADVANCED, ADVANCED]);
  });

  it('gives a title with a quota of 0 to nobody, silently', () => {
    const none = { ...RULES, titles: RULES.titles.map((t) => (t.id === EXCELLENT ? { ...t, quota: 0 } : t)) };
    const { proposals, problems } = proposeTitles([candidate('A', 1, XS, { registeredTitles: [EXCELLENT] })], none);
    expect([proposals.get('A')?.titleId, problems]).toEqual([ADVANCED, []]);
  });

  it('keeps the quota of a title awaiting its ballot', () => {
    const onceByVote: TitleRule = { id: 'bang-khen', name: 'Bằng khen', quota: 1, minClassification: XS, requiresBallot: true, leaderOnly: false };
    const rules = { ...RULES, titles: [onceByVote, ...RULES.titles.slice(1)] };
    const both = [candidate('A', 1, XS, { registeredTitles: ['bang-khen'] }), candidate('B', 2, XS, { registeredTitles: ['bang-khen'] })];
    expect(outcome(both, rules)).toEqual({ A: 'bang-khen (chờ phiếu)', B: EXCELLENT });
  });
});

describe('proposeTitles: incomplete units and the reason for each unit', () => {
  it('proposes an incomplete unit for nothing and gives its quota and the flag to the next complete unit', () => {
    const { proposals, reasons } = proposeTitles([candidate('A', 1, XS, { complete: false }), candidate('B', 2, XS)], RULES);
    expect([proposals.get('A'), proposals.get('B')]).toEqual([null, { titleId: FLAG, name: RULES.titles[0]!.name, status: 'awaitingBallot' }]);
    expect(reasons.get('A')).toBe('Chưa đề nghị: số liệu chưa đầy đủ');
  });

  it('says why each unit is or is not proposed, in one short sentence', () => {
    const { reasons } = proposeTitles(
      [
        candidate('A', 1, XS),
        candidate('B', 2, XS, { registeredTitles: [FLAG] }),
        candidate('C', 3, HT, { registeredTitles: [EXCELLENT] }),
        candidate('D', 4, XS, { eligible: false }),
      ],
      RULES,
      flagBallot({ A: true, B: true }),
    );
    expect(Object.fromEntries(reasons)).toEqual({
      A: `Đề nghị ${RULES.titles[0]!.name}: đã đăng ký danh hiệu, xếp loại ${XS}`,
      B: `Đề nghị ${RULES.titles[1]!.name}: đã đăng ký danh hiệu, xếp loại ${XS}`,
      C: `Không đề nghị: xếp loại ${HT} chưa đạt mức của danh hiệu đã đăng ký`,
      D: 'Không đề nghị: không đủ điều kiện xét danh hiệu',
    });
  });

  it('says when a unit failed the ballot of the only title it could have', () => {
    const flagOnly = { ...RULES, titles: [RULES.titles[0]!] };
    const { proposals, reasons } = proposeTitles([candidate('A', 1, XS)], flagOnly, flagBallot({ A: false }));
    expect([proposals.get('A'), reasons.get('A')]).toEqual([null, `Không đề nghị ${RULES.titles[0]!.name}: chưa đạt tỷ lệ phiếu đồng ý cần thiết`]);
  });

  it('says when the flag went to the leading unit and nothing lower was registered', () => {
    const flagOnly = { ...RULES, titles: [RULES.titles[0]!] };
    const { reasons } = proposeTitles([candidate('A', 1, XS), candidate('B', 2, XS)], flagOnly);
    expect(reasons.get('B')).toBe(`Không đề nghị ${RULES.titles[0]!.name}: danh hiệu chỉ dành cho đơn vị dẫn đầu cụm`);
  });
});
