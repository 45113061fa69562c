/** Canned server answers for the sidebar tests, typed from the server API (src/server/api.ts). */
import type { Explain, Problem, Results, Status, UnitStatus } from '../../src/client/types';
import type { RuleSet } from '../../src/core/model';

export const RULES: RuleSet = {
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

export const UNITS = ['Bình Thuận', 'Bình Dương', 'Bình Phước', 'Bà Rịa – Vũng Tàu', 'Đồng Nai', 'Tây Ninh'];

const allow = { allowed: true };
const deny = (reason: string) => ({ allowed: false, reason });
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

function unit(name: string, i: number, canSubmit = allow): UnitStatus {
  const status = (['submitted', 'open', 'returned', 'open', 'submitted', 'open'] as const)[i % 6]!;
  const u: UnitStatus = {
    id: name,
    name,
    sheet: name,
    required: 40,
    filled: [40, 32, 18, 0, 40, 5][i % 6]!,
    percentFilled: [100, 80, 45, 0, 100, 12][i % 6]!,
    errors: [0, 2, 0, 0, 0, 5][i % 6]!,
    warnings: [0, 1, 0, 0, 0, 0][i % 6]!,
    status,
    submitted: status === 'submitted',
    complete: status === 'submitted',
    incompleteReasons: status === 'submitted' ? [] : ['chưa nộp bảng tự chấm'],
    canSubmit,
    canEdit: true,
  };
  if (i % 6 !== 3) u.lastEdit = minutesAgo((i + 1) * 7);
  if (status === 'submitted') {
    u.statusAt = minutesAgo(90);
    u.statusBy = `vanphong${i}@example.com`;
  }
  if (status === 'returned') u.returnReason = 'Thiếu minh chứng tiêu chí I.2';
  return u;
}

/** The cụm trưởng (Đồng Nai) of a set-up year: may do everything. */
export function leaderStatus(names: readonly string[] = UNITS, withRules = true): Status {
  const s: Status = {
    ok: true,
    setUp: true,
    year: 2021,
    clusterName: 'Cụm thi đua số 9',
    closed: false,
    user: { email: 'cumtruong@dongnai.example.com', roles: ['leader', 'unit'], roleLabels: ['Cụm trưởng', 'Đầu mối Đồng Nai'], unitIds: ['Đồng Nai'] },
    can: {
      setupYear: allow, recompute: allow, closeYear: allow, copyToNewYear: deny('Năm 2021 chưa chốt'), saveBallot: allow, returnSubmission: allow, reopen: allow, generateDocument: allow,
    },
    units: names.map((n, i) => unit(n, i, i % 6 === 0 || i % 6 === 4 ? deny(`Đơn vị "${n}" đã nộp bảng tự chấm`) : allow)),
    rules: withRules ? RULES : null,
    // The badge and the Kiểm tra list come from one answer: 3 errors and 1 warning, as listed.
    problems: { errors: 3, warnings: 1 },
    queuedLogRows: 0,
    at: '2021-11-20T02:30:00.000Z',
    problemList: problems().problems,
    refusals: [],
    lateEdits: [],
  };
  return s;
}

/** A focal officer of Bình Dương: may submit their own unit only. */
export function focalStatus(): Status {
  const s = leaderStatus();
  const onlyLeader = deny('Chỉ cụm trưởng (hoặc chủ sở hữu bảng tính) làm được việc này');
  return {
    ...s,
    user: { email: 'vanphong@binhduong.example.com', roles: ['unit'], roleLabels: ['Đầu mối Bình Dương'], unitIds: ['Bình Dương'] },
    can: {
      setupYear: onlyLeader, recompute: onlyLeader, closeYear: onlyLeader, copyToNewYear: onlyLeader, saveBallot: onlyLeader, returnSubmission: onlyLeader, reopen: onlyLeader, generateDocument: onlyLeader,
    },
    units: s.units.map((u) => ({
      ...u,
      canSubmit: u.id === 'Bình Dương' ? allow : deny(`Chỉ đầu mối của đơn vị "${u.id}" hoặc cụm trưởng nộp được bảng này`),
    })),
  };
}

export function notSetUpStatus(): Status {
  const notYet = deny('Chưa khởi tạo năm thi đua: chọn Thi đua → Khởi tạo năm thi đua');
  return {
    ok: true, setUp: false, year: null, clusterName: '', closed: false,
    user: { email: 'owner@example.com', roles: [], roleLabels: [], unitIds: [] },
    can: { setupYear: allow, recompute: notYet, closeYear: notYet, copyToNewYear: notYet, saveBallot: notYet, returnSubmission: notYet, reopen: notYet, generateDocument: notYet },
    units: [], rules: null, problems: { errors: 0, warnings: 0 }, queuedLogRows: 0,
    at: '2021-11-20T02:30:00.000Z', problemList: [], refusals: [], lateEdits: [],
  };
}

export function results(names: readonly string[] = UNITS): Results {
  return {
    ok: true,
    year: 2021,
    clusterName: 'Cụm thi đua số 9',
    computedAt: '2021-11-20T02:30:00.000Z',
    units: names.map((name, i) => ({
      unitId: name,
      name,
      rank: i === 2 ? 2 : i + 1,
      self: 98 - i * 3,
      crossCheck: null,
      final: i === 3 ? null : 95.5 - i * 4,
      gap: i === 0 ? 2.5 : 2.5 + i,
      standingPhase: i === 3 ? 'self' : 'final',
      total: 95.5 - i * 4,
      maxTotal: 100,
      percent: 95.5 - i * 4,
      classification: i < 2 ? 'Hoàn thành xuất sắc nhiệm vụ' : 'Hoàn thành tốt nhiệm vụ',
      eligible: i !== 5,
      ineligibleReasons: i === 5 ? ['Vi phạm điều kiện V.1: có cán bộ bị kỷ luật từ khiển trách trở lên'] : [],
      proposedTitle: i === 0
        ? { titleId: 'co-thi-dua', name: 'Cờ thi đua của VKSND tối cao', status: 'awaitingBallot' }
        : i === 1 ? { titleId: 'tt-lao-dong-xuat-sac', name: 'Tập thể lao động xuất sắc', status: 'proposed' } : null,
      sections: {},
      complete: i !== 3,
      provisional: i === 3,
      incompleteReasons: i === 3 ? ['chưa nộp bảng tự chấm'] : [],
      proposalReason: i === 0 ? 'Đủ điều kiện đề nghị Cờ thi đua của VKSND tối cao, chờ kết quả bỏ phiếu' : i === 1 ? 'Đề nghị Tập thể lao động xuất sắc' : 'Không đề nghị',
    })),
    ballots: [{
      titleId: 'co-thi-dua', titleName: 'Cờ thi đua của VKSND tối cao', issued: 6, returned: 6, valid: 6, invalid: 0, thresholdPercent: 80,
      candidates: [{ unitId: names[0]!, name: names[0]!, votes: 5, percent: 83.33, passed: true }],
    }],
    problems: { errors: 0, warnings: 0 },
  };
}

function problem(sheet: string, a1: string, message: string, severity: 'error' | 'warning'): Problem {
  return { sheet, a1, message, text: `Trang "${sheet}", ô ${a1}: ${message}`, severity };
}

export function problems(): { ok: true; problems: Problem[] } {
  return {
    ok: true,
    problems: [
      problem('Bình Dương', 'G12', '"8,5a" không phải là số', 'error'),
      problem('Bình Dương', 'G9', 'Điểm 12 lớn hơn điểm chuẩn 10', 'error'),
      problem('Cấu hình', 'H7', 'Đơn vị "Tây Ninh" chưa có e-mail cán bộ đầu mối', 'warning'),
      problem('Tây Ninh', 'F20', 'Thiếu điểm tự chấm', 'error'),
    ],
  };
}

export function explain(unitId: string): Explain {
  const row = (code: string, content: string, kind: string, points: number | null, maxPoints: number, lost: number, a1: string, violated?: boolean) => {
    const r: Explain['rows'][number] = { code, content, kind, maxPoints, applicable: true, points, lost, source: 'final', sheet: unitId, a1 };
    if (violated !== undefined) r.violated = violated;
    return r;
  };
  return {
    ok: true,
    unitId,
    name: unitId,
    phase: 'final',
    total: 75.5,
    maxTotal: 100,
    percent: 75.5,
    rows: [
      row('I', 'Công tác chuyên môn', 'group', 40, 40, 0, 'A8'),
      row('I.1', 'Thực hành quyền công tố, kiểm sát điều tra', 'qualitative', 20, 20, 0, 'A9'),
      row('II.3', 'Tỷ lệ giải quyết án', 'quantitative', 6.5, 10, 3.5, 'A15'),
      row('IV.2', 'Điểm cộng: Cờ thi đua năm trước', 'bonus', 5, 10, 0, 'A30'),
      row('V.1', 'Điểm trừ: chậm gửi báo cáo', 'deduction', -2, 5, 2, 'A33'),
      row('VI.1', 'Không có cán bộ bị kỷ luật', 'veto', null, 0, 0, 'A36', true),
    ],
    gave: ['I.1', 'IV.2', 'II.3'],
    took: ['VI.1', 'II.3', 'V.1'],
  };
}

/** What an action answers when it went through. */
export const DONE = { ok: true, message: '', problems: [] };
