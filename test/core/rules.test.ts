import { describe, expect, it } from 'vitest';
import { checkRules, defaultRules, legalBasesFor } from '../../src/core/rules';

/** The document number each legal basis cites. */
const numbers = (year: number) => legalBasesFor(year).map((b) => /số (\S+)|Luật Thi đua, khen thưởng ngày 26/.exec(b)?.[1] ?? 'Luật 2003');

describe('legalBasesFor', () => {
  it('cites the Law of 2003, Decree 91/2017 and Circular 01/2019 before 2024', () => {
    expect(numbers(2021)).toEqual(['Luật 2003', '91/2017/NĐ-CP', '01/2019/TT-VKSTC']);
  });

  it('lists the Law 06/2022, Decree 98/2023 and both circulars for 2024 (02/2024 replaced 01/2019 on 1/10/2024)', () => {
    expect(numbers(2024)).toEqual(['06/2022/QH15', '98/2023/NĐ-CP', '01/2019/TT-VKSTC', '02/2024/TT-VKSTC']);
  });

  it('lists both Decree 98/2023 and 152/2025 for 2025 (152/2025 is dated 14/6/2025, in force 1/7/2025)', () => {
    expect(numbers(2025)).toEqual(['06/2022/QH15', '98/2023/NĐ-CP', '152/2025/NĐ-CP', '02/2024/TT-VKSTC']);
  });

  it('gives every basis its date in its text', () => {
    for (const y of [2021, 2024, 2025]) for (const b of legalBasesFor(y)) expect(b).toMatch(/ngày \d{1,2} tháng \d{1,2} năm \d{4}/);
  });

  it('names the amendments of the Law of 2003', () => {
    expect(legalBasesFor(2023)[0]).toContain('ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013');
  });
});

describe('defaultRules', () => {
  it('is versioned by year', () => {
    expect([defaultRules(2021).version, defaultRules(2021).year]).toEqual(['VKSND-2021.1', 2021]);
  });

  it('carries the legal bases of its year', () => {
    expect(defaultRules(2025).legalBases).toEqual(legalBasesFor(2025));
  });

  it('classifies at 90, 70 and 50 %', () => {
    expect(defaultRules(2024).classificationBands).toEqual([
      { minPercent: 90, label: 'Hoàn thành xuất sắc nhiệm vụ' },
      { minPercent: 70, label: 'Hoàn thành tốt nhiệm vụ' },
      { minPercent: 50, label: 'Hoàn thành nhiệm vụ' },
      { minPercent: 0, label: 'Không hoàn thành nhiệm vụ' },
    ]);
  });

  it('caps bonus points at 10 and deductions not at all', () => {
    const r = defaultRules(2024);
    expect([r.bonusCap, r.deductionCap]).toEqual([10, null]);
  });

  it('needs 80 % of the ballots issued, ranks by % when maxima differ, and has no tie-break', () => {
    const r = defaultRules(2024);
    expect([r.ballotThresholdPercent, r.ballotBase, r.rankBy, r.tieBreaks]).toEqual([80, 'issued', 'auto', []]);
  });

  it('lists the flag, then Tập thể lao động xuất sắc, then Tập thể lao động tiên tiến', () => {
    expect(defaultRules(2024).titles).toEqual([
      {
        id: 'co-thi-dua',
        name: 'Cờ thi đua của Viện kiểm sát nhân dân tối cao',
        quota: 1,
        minClassification: 'Hoàn thành xuất sắc nhiệm vụ',
        requiresBallot: true,
        leaderOnly: true,
      },
      {
        id: 'tap-the-lao-dong-xuat-sac',
        name: 'Tập thể lao động xuất sắc',
        quota: null,
        minClassification: 'Hoàn thành xuất sắc nhiệm vụ',
        requiresBallot: false,
        leaderOnly: false,
      },
      {
        id: 'tap-the-lao-dong-tien-tien',
        name: 'Tập thể lao động tiên tiến',
        quota: null,
        minClassification: 'Hoàn thành tốt nhiệm vụ',
        requiresBallot: false,
        leaderOnly: false,
      },
    ]);
  });

  it('returns a fresh rule set each time', () => {
    const a = defaultRules(2024);
    a.titles.pop();
    (a.classificationBands[0] as { minPercent: number }).minPercent = 95;
    expect([defaultRules(2024).titles.length, defaultRules(2024).classificationBands[0]?.minPercent]).toEqual([3, 90]);
  });
});

describe('checkRules', () => {
  it('finds nothing wrong with the defaults', () => {
    expect(checkRules(defaultRules(2024))).toEqual([]);
  });

  it('reports a threshold above 100 %', () => {
    expect(checkRules({ ...defaultRules(2024), ballotThresholdPercent: 120 })).toEqual([
      { message: 'Tỷ lệ phiếu đồng ý cần đạt phải từ 0 đến 100 %, đang là 120' },
    ]);
  });

  it('reports a negative cap', () => {
    expect(checkRules({ ...defaultRules(2024), deductionCap: -1 })).toEqual([{ message: 'Mức trừ tối đa phải là số không âm, đang là -1' }]);
  });

  it('reports rule sets without bands, and titles then asking for unknown classifications', () => {
    const problems = checkRules({ ...defaultRules(2024), classificationBands: [] });
    expect(problems[0]).toEqual({ message: 'Quy định thi đua chưa có mức xếp loại nào' });
    expect(problems).toHaveLength(4);
  });

  it('reports a quota that is not a whole number', () => {
    const r = defaultRules(2024);
    const titles = r.titles.map((t, i) => (i === 1 ? { ...t, quota: 1.5 } : t));
    expect(checkRules({ ...r, titles })).toEqual([{ message: 'Số suất của "Tập thể lao động xuất sắc" phải là số nguyên không âm, đang là 1,5' }]);
  });

  it('reports a duplicate title id', () => {
    const r = defaultRules(2024);
    expect(checkRules({ ...r, titles: [...r.titles, r.titles[0] as (typeof r.titles)[number]] })).toEqual([
      { message: 'Mã danh hiệu "co-thi-dua" bị trùng' },
    ]);
  });

  it('reports a minimum classification no band has', () => {
    const r = defaultRules(2024);
    const titles = r.titles.map((t, i) => (i === 2 ? { ...t, minClassification: 'Khá' } : t));
    expect(checkRules({ ...r, titles })).toEqual([
      { message: 'Danh hiệu "Tập thể lao động tiên tiến" yêu cầu xếp loại "Khá" không có trong các mức xếp loại' },
    ]);
  });
});
