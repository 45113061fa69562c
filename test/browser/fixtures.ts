/** Canned server answers for the sidebar tests, shaped like the server API. */
import type { ExplainDto, ProblemDto, ResultsDto, StatusDto } from '../../src/client/contract';

export const RULES = {
  year: 2021,
  version: 'Hướng dẫn 09/HD-VKSTC (2021)',
  legalBases: ['Luật Thi đua, khen thưởng số 06/2022/QH15', 'Thông tư 02/2024/TT-VKSTC'],
  classificationBands: [
    { minPercent: 90, label: 'Hoàn thành xuất sắc nhiệm vụ' },
    { minPercent: 70, label: 'Hoàn thành tốt nhiệm vụ' },
    { minPercent: 50, label: 'Hoàn thành nhiệm vụ' },
    { minPercent: 0, label: 'Không hoàn thành nhiệm vụ' },
  ],
  bonusCap: 10,
  deductionCap: null,
  titles: [
    { id: 'co-thi-dua', name: 'Cờ thi đua của VKSND tối cao', quota: 1, minClassification: 'Hoàn thành xuất sắc nhiệm vụ', requiresBallot: true, leaderOnly: true },
    { id: 'tt-lao-dong-xuat-sac', name: 'Tập thể lao động xuất sắc', quota: 2, minClassification: 'Hoàn thành xuất sắc nhiệm vụ', requiresBallot: false, leaderOnly: false },
  ],
  ballotThresholdPercent: 80,
  ballotBase: 'issued',
  tieBreaks: [{ kind: 'criterion', code: 'I' }, { kind: 'femaleMajority' }],
  rankBy: 'auto',
};

const UNITS = ['Bình Thuận', 'Bình Dương', 'Bình Phước', 'Bà Rịa – Vũng Tàu', 'Đồng Nai', 'Tây Ninh'];

const allow = { allowed: true };
const deny = (reason: string) => ({ allowed: false, reason });

/** The cụm trưởng (Đồng Nai) of a set-up year: may do everything. */
export function leaderStatus(names: readonly string[] = UNITS): StatusDto {
  return {
    setUp: true,
    cluster: { name: 'Cụm thi đua số 9', year: 2021 },
    closed: false,
    user: { email: 'cumtruong@dongnai.example.com', role: 'leader', unitId: 'Đồng Nai' },
    units: names.map((name, i) => ({
      unitId: name,
      name,
      filledPercent: [100, 80, 45.5, 0, 100, 12][i % 6]!,
      errorCount: [0, 2, 0, 0, 0, 5][i % 6]!,
      warningCount: [0, 1, 0, 0, 0, 0][i % 6]!,
      submitted: [true, false, false, false, true, false][i % 6]!,
      returnedReason: i === 2 ? 'Thiếu minh chứng tiêu chí I.2' : null,
      lastEdit: i === 3 ? null : { at: new Date(Date.now() - (i + 1) * 7 * 60_000).toISOString(), by: `vanphong${i}@example.com` },
    })),
    permissions: {
      setupYear: allow,
      recompute: allow,
      submit: allow,
      returnSubmission: allow,
      reopen: allow,
      closeYear: allow,
      saveBallot: allow,
    },
    rules: RULES,
  };
}

/** A focal officer of Bình Dương: may submit their own unit only. */
export function focalStatus(): StatusDto {
  const s = leaderStatus();
  const onlyLeader = deny('Chỉ cụm trưởng được làm việc này.');
  const submitUnits: Record<string, { allowed: boolean; reason?: string }> = {};
  for (const u of s.units) submitUnits[u.unitId] = u.unitId === 'Bình Dương' ? allow : deny(`Bạn chỉ nộp được bảng của Bình Dương, không phải của ${u.name}.`);
  return {
    ...s,
    user: { email: 'vanphong@binhduong.example.com', role: 'focal', unitId: 'Bình Dương' },
    permissions: {
      setupYear: onlyLeader,
      recompute: onlyLeader,
      submit: { allowed: true, units: submitUnits },
      returnSubmission: onlyLeader,
      reopen: onlyLeader,
      closeYear: onlyLeader,
      saveBallot: onlyLeader,
    },
  };
}

export function notSetUpStatus(): StatusDto {
  return {
    setUp: false,
    cluster: null,
    user: { email: 'cumtruong@dongnai.example.com', role: 'owner', unitId: null },
    units: [],
    permissions: { setupYear: allow, recompute: deny('Chưa khởi tạo năm thi đua.'), closeYear: deny('Chưa khởi tạo năm thi đua.') },
  };
}

export function results(names: readonly string[] = UNITS): ResultsDto {
  return {
    computedAt: '2021-11-20T02:30:00.000Z',
    units: names.map((name, i) => ({
      unitId: name,
      name,
      rank: i === 2 ? 2 : i + 1,
      selfTotal: 98 - i * 3,
      finalTotal: 95.5 - i * 4,
      gap: i === 0 ? 2.5 : 2.5 + i,
      percent: 95.5 - i * 4,
      classification: i < 2 ? 'Hoàn thành xuất sắc nhiệm vụ' : 'Hoàn thành tốt nhiệm vụ',
      proposedTitle: i === 0 ? 'Cờ thi đua của VKSND tối cao' : i === 1 ? 'Tập thể lao động xuất sắc' : null,
      eligible: i !== 5,
      ineligibleReasons: i === 5 ? ['Vi phạm điều kiện V.1: có cán bộ bị kỷ luật từ khiển trách trở lên'] : [],
    })),
  };
}

export function problems(): ProblemDto[] {
  return [
    { sheet: 'Bình Dương', a1: 'G12', message: '"8,5a" không phải là số', severity: 'error' },
    { sheet: 'Bình Dương', a1: 'G9', message: 'Điểm 12 lớn hơn điểm chuẩn 10', severity: 'error' },
    { sheet: 'Cấu hình', a1: 'H7', message: 'Đơn vị "Tây Ninh" chưa có e-mail cán bộ đầu mối', severity: 'warning' },
    { sheet: 'Tây Ninh', a1: 'F20', message: 'Thiếu điểm tự chấm', severity: 'error' },
  ];
}

export function explain(unitId: string): ExplainDto {
  return {
    unitId,
    gave: [
      { code: 'I.1', content: 'Thực hành quyền công tố, kiểm sát điều tra', points: 20, maxPoints: 20 },
      { code: 'IV.2', content: 'Điểm cộng: Cờ thi đua năm trước', points: 5, maxPoints: 10, kind: 'bonus' },
    ],
    took: [
      { code: 'II.3', content: 'Tỷ lệ giải quyết án', points: 6.5, maxPoints: 10 },
      { code: 'V.1', content: 'Điểm trừ: chậm gửi báo cáo', points: -2, maxPoints: 5, kind: 'deduction' },
    ],
  };
}

export { UNITS };
