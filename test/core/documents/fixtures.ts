/** Small hand-made years and results for the document tests; every figure chosen by hand. */
import type { Criterion, Phase, RuleSet, ScoringYear, Unit } from '../../../src/core/model';
import type { PhaseTotal, UnitResult, YearResult } from '../../../src/core/results';
import { scoreGap } from '../../../src/core/standing';
import type { DocModel, Paragraph, Table } from '../../../src/core/documents';

const PROVINCES = ['Bình Thuận', 'Bình Dương', 'Bình Phước', 'Bà Rịa – Vũng Tàu', 'Đồng Nai', 'Tây Ninh', 'Lâm Đồng'];
const HEADS = ['Trần Minh Khoa', 'Lê Thị Thu Hà', 'Phạm Quốc Bảo', 'Võ Thanh Tùng', 'Nguyễn Hoàng Long', 'Đặng Thị Mai Lan', 'Hồ Văn Nam'];

/** Sections I (60) and II (40) carry the 100 points; III bonus, IV deduction, V veto. */
export const CRITERIA: Criterion[] = [
  { code: 'I', content: 'Công tác chuyên môn', kind: 'group', maxPoints: 0 },
  { code: 'I.1', content: 'Tỷ lệ giải quyết tin báo', kind: 'quantitative', maxPoints: 30, target: 90, rule: 'proportional', unitOfMeasure: '%' },
  { code: 'I.2', content: 'Chất lượng kiểm sát', kind: 'qualitative', maxPoints: 30 },
  { code: 'II', content: 'Quản lý, chỉ đạo', kind: 'group', maxPoints: 0 },
  { code: 'II.1', content: 'Xây dựng kế hoạch', kind: 'qualitative', maxPoints: 40 },
  { code: 'III', content: 'Điểm cộng', kind: 'group', maxPoints: 0 },
  { code: 'III.1', content: 'Sáng kiến được công nhận', kind: 'bonus', maxPoints: 5 },
  { code: 'IV', content: 'Điểm trừ', kind: 'group', maxPoints: 0 },
  { code: 'IV.1', content: 'Chậm báo cáo', kind: 'deduction', maxPoints: 5 },
  { code: 'V', content: 'Điều kiện xét danh hiệu', kind: 'group', maxPoints: 0 },
  { code: 'V.1', content: 'Kỷ luật từ cảnh cáo', kind: 'veto', maxPoints: 0 },
];

export const RULES: RuleSet = {
  year: 2021,
  version: 'test-2021',
  legalBases: ['Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022', 'Căn cứ Thông tư số 02/2024/TT-VKSTC.'],
  classificationBands: [
    { minPercent: 90, label: 'Hoàn thành xuất sắc nhiệm vụ' },
    { minPercent: 70, label: 'Hoàn thành tốt nhiệm vụ' },
    { minPercent: 50, label: 'Hoàn thành nhiệm vụ' },
    { minPercent: 0, label: 'Không hoàn thành nhiệm vụ' },
  ],
  bonusCap: null,
  deductionCap: null,
  titles: [
    { id: 'co', name: 'Cờ thi đua của Viện kiểm sát nhân dân tối cao', quota: 1, minClassification: 'Hoàn thành xuất sắc nhiệm vụ', requiresBallot: true, leaderOnly: true },
    { id: 'tien-tien', name: 'Tập thể lao động tiên tiến', quota: null, minClassification: 'Hoàn thành tốt nhiệm vụ', requiresBallot: false, leaderOnly: false },
  ],
  ballotThresholdPercent: 80,
  ballotBase: 'issued',
  tieBreaks: [],
  rankBy: 'auto',
};

/** A unit of the fixture: "Viện kiểm sát nhân dân tỉnh <province>". */
export function unit(i: number): Unit {
  const province = PROVINCES[i]!;
  return {
    id: province,
    name: `Viện kiểm sát nhân dân tỉnh ${province}`,
    shortName: province,
    headName: HEADS[i]!,
    headTitle: 'Viện trưởng',
    focalEmails: [],
    registeredTitles: i === 1 ? ['co'] : i === 2 ? [] : ['tien-tien'],
  };
}

/** A 2021 year of Cụm thi đua số 9 with the first n units (leader unit 1, deputy unit 4 or the last). */
export function makeYear(n = 3): ScoringYear {
  const units = Array.from({ length: n }, (_, i) => unit(i));
  return {
    cluster: {
      name: 'Cụm thi đua số 9',
      year: 2021,
      leaderUnitId: units[1 % n]!.id,
      deputyUnitId: units[Math.min(4, n - 1)]!.id,
      slogan: 'Đoàn kết, kỷ cương, khát vọng cống hiến',
      place: 'Bình Dương',
    },
    rules: structuredClone(RULES),
    criteria: { name: 'Bảng tiêu chí năm 2021', rows: structuredClone(CRITERIA) },
    units,
    scores: [],
    ballots: [],
  };
}

function total(phase: Phase, value: number, sections: Record<string, number>, bonus = 0, deduction = 0): PhaseTotal {
  return { phase, total: value, standard: value - bonus + deduction, bonus, deduction, maxTotal: 100, percent: value, sections, rows: [] };
}

function unitResult(u: Partial<UnitResult> & Pick<UnitResult, 'unitId' | 'totals' | 'rank' | 'classification'>): UnitResult {
  const standing = u.totals.final ?? u.totals.crossCheck ?? u.totals.self!;
  return {
    standingPhase: standing.phase,
    standing,
    rankingScore: standing.total,
    eligible: true,
    ineligibleReasons: [],
    proposedTitle: null,
    complete: true,
    incompleteReasons: [],
    provisional: false,
    gap: scoreGap(u.totals.self?.total, standing.total, standing.phase),
    // As the engine words it.
    proposalReason: u.proposedTitle
      ? `Đề nghị ${u.proposedTitle.name}: đã đăng ký danh hiệu, xếp loại ${u.classification}`
      : u.eligible === false ? `Không đề nghị: ${(u.ineligibleReasons ?? []).join('; ')}` : 'Không đề nghị: chưa đăng ký danh hiệu thi đua',
    ...u,
  };
}

/**
 * Results of makeYear(3), in ranking order: Bình Phước first (flag, 3 of 3 votes), Bình Thuận
 * second (Tập thể lao động tiên tiến), Bình Dương third with no final score and a veto violation.
 */
export function makeResult(): YearResult {
  return {
    units: [
      unitResult({
        unitId: 'Bình Phước',
        totals: {
          self: total('self', 95.5, { I: 55, II: 38, III: 2.5, IV: 0, V: 0 }, 2.5, 0),
          crossCheck: null,
          final: total('final', 94, { I: 54, II: 37, III: 3, IV: 0, V: 0 }, 3, 0),
        },
        rank: 1,
        classification: 'Hoàn thành xuất sắc nhiệm vụ',
        proposedTitle: { titleId: 'co', name: 'Cờ thi đua của Viện kiểm sát nhân dân tối cao', status: 'proposed' },
      }),
      unitResult({
        unitId: 'Bình Thuận',
        totals: {
          self: total('self', 90, { I: 52, II: 38, III: 0, IV: 0, V: 0 }),
          crossCheck: null,
          final: total('final', 88.25, { I: 52, II: 38.25, III: 0, IV: -2, V: 0 }, 0, 2),
        },
        rank: 2,
        classification: 'Hoàn thành tốt nhiệm vụ',
        proposedTitle: { titleId: 'tien-tien', name: 'Tập thể lao động tiên tiến', status: 'proposed' },
      }),
      unitResult({
        unitId: 'Bình Dương',
        totals: {
          self: total('self', 80, { I: 45, II: 35, III: 0, IV: 0, V: 0 }),
          crossCheck: total('crossCheck', 78, { I: 44, II: 34, III: 0, IV: 0, V: 0 }),
          final: null,
        },
        rank: 3,
        classification: 'Hoàn thành tốt nhiệm vụ',
        eligible: false,
        ineligibleReasons: ['Vi phạm điều kiện V.1'],
      }),
    ],
    ballots: [
      {
        titleId: 'co',
        issued: 3,
        returned: 3,
        valid: 3,
        invalid: 0,
        thresholdPercent: 80,
        candidates: [
          { unitId: 'Bình Phước', votes: 3, percent: 100, passed: true },
          { unitId: 'Bình Dương', votes: 1, percent: 33.33, passed: false },
        ],
      },
    ],
    problems: [],
  };
}

/** The text of a paragraph. */
export function textOf(p: Paragraph): string {
  return p.runs.map((r) => r.text).join('');
}

/** Top-level body in short: a paragraph's text, "[table]" or "[rule]". */
export function outline(doc: DocModel): string[] {
  return doc.body.map((b) => (b.kind === 'paragraph' ? textOf(b) : `[${b.kind}]`));
}

/** The top-level paragraph whose text starts with `start`. */
export function paragraphStarting(doc: DocModel, start: string): Paragraph {
  const p = doc.body.find((b): b is Paragraph => b.kind === 'paragraph' && textOf(b).startsWith(start));
  if (!p) throw new Error(`no paragraph starting with ${JSON.stringify(start)}`);
  return p;
}

/** The top-level tables, in order. */
export function tables(doc: DocModel): Table[] {
  return doc.body.filter((b): b is Table => b.kind === 'table');
}

/** Every string anywhere in a value (object keys left out). */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

/** The sample year's meeting as the minutes take it (a date of the caller's choosing added). */
export const SAMPLE_MEETING = {
  start: { y: 2021, m: 11, d: 16, h: 8, min: 0 },
  venue: 'Hội trường',
  chair: { name: 'Lê Thị Thu Hà' },
  secretary: { name: 'Ngô Văn Sơn' },
  attendees: [],
};
