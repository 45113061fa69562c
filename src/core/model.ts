/**
 * The scoring year as plain data. Everything the engine needs comes in through these types;
 * nothing here touches Apps Script. Loose cell values are parsed into these at the boundary
 * (src/core/input.ts and the sheet readers), never deeper.
 */

import type { FundLedger } from './fund';
import type { Initiative } from './initiatives';

/** How a criteria row earns points. */
export type RowKind =
  | 'group' //        nhóm / mục / phần: sum of its children, never scored directly
  | 'qualitative' //  định tính: scorer gives 0..max
  | 'quantitative' // định lượng: points from result vs target by a rule
  | 'bonus' //        điểm cộng / thưởng: added, up to the row's max
  | 'deduction' //    điểm trừ: subtracted, up to the row's max
  | 'veto'; //        điều kiện / điểm liệt: a violation makes the unit ineligible for titles

/** Rules for quantitative rows (MS = max points, A = result, T = target). */
export type QuantRule =
  | 'proportional' //   tỷ lệ: MS × min(A/T, 1)
  | 'passFail' //       đạt: MS if A ≥ T else 0
  | 'lowerIsBetter' //  ngược: MS if A ≤ T else MS × T/A (T = 0: MS for no occurrence, else 0)
  | 'leaderRelative'; // dẫn đầu: relative to the best ratio in the cluster

/** The three scoring phases, in order. */
export type Phase = 'self' | 'crossCheck' | 'final';
export const PHASES: readonly Phase[] = ['self', 'crossCheck', 'final'];

export interface Criterion {
  /** Hierarchical code: "I", "I.1", "I.1.a". Unique in a table. */
  code: string;
  content: string;
  kind: RowKind;
  /** Điểm chuẩn. For group rows: ignored (derived from children). For veto rows: 0. */
  maxPoints: number;
  /** Chỉ tiêu, for quantitative rows. */
  target?: number;
  rule?: QuantRule;
  /** Đơn vị tính, e.g. "%", "vụ". */
  unitOfMeasure?: string;
}

/** A criteria table as it stands in the sheet, rows in sheet order. */
export interface CriteriaTable {
  /** e.g. "Bảng tiêu chí mẫu 100 điểm (VKSND cấp tỉnh) — 2021". */
  name: string;
  rows: Criterion[];
}

export interface Unit {
  /** Stable key: the short name as typed in Cấu hình, e.g. "Bình Dương". Unique in a cluster. */
  id: string;
  /** Full name, e.g. "Viện kiểm sát nhân dân tỉnh Bình Dương". */
  name: string;
  shortName: string;
  headName: string;
  /** e.g. "Viện trưởng". */
  headTitle: string;
  focalEmails: string[];
  /** Titles the unit registered at the start of the year (title ids). Empty: chưa đăng ký, proposed for nothing. */
  registeredTitles: string[];
  /** Set when commendation is deferred (inspection, discipline review, complaint): the reason. */
  deferredReason?: string;
  /** Decree 152/2025/NĐ-CP, Điều 4: among equals, prefer a collective ≥ 70 % female. */
  femaleMajority?: boolean;
}

/**
 * One unit's figures for one criterion. Scores are numbers as entered; for veto rows a phase
 * value of 1 means "violation", 0 means "none". Deductions may be entered as +p or −p.
 */
export interface ScoreEntry {
  code: string;
  /** Kết quả, for quantitative rows. */
  result?: number;
  /** Per-unit target overriding the criterion's (police-sector tables do this). */
  target?: number;
  self?: number;
  crossCheck?: number;
  final?: number;
  /** Không giao: the criterion does not apply to this unit and leaves its maximum. */
  notApplicable?: boolean;
}

export interface UnitScores {
  unitId: string;
  entries: ScoreEntry[];
}

export interface ClassificationBand {
  /** Inclusive lower bound in % of the unit's maximum. */
  minPercent: number;
  label: string;
}

export type TieBreak =
  | { kind: 'criterion'; code: string } // higher score on this criterion or group wins
  | { kind: 'femaleMajority' }; // Decree 152/2025/NĐ-CP, Điều 4

export interface TitleRule {
  /** Stable id, e.g. "co-thi-dua". */
  id: string;
  /** e.g. "Cờ thi đua của Viện kiểm sát nhân dân tối cao". */
  name: string;
  /** How many units of the cluster may be proposed; null = no limit. */
  quota: number | null;
  /** Lowest classification label (one of the bands) that qualifies. */
  minClassification: string;
  /** Needs a ballot at or above the threshold. */
  requiresBallot: boolean;
  /** Only the unit ranked first among eligible ones may get it (a cluster flag). */
  leaderOnly: boolean;
}

/** A rule set is versioned by year and legal basis: rules change often and are never hard-wired. */
export interface RuleSet {
  year: number;
  version: string;
  /** Căn cứ: the legal bases quoted in the documents. */
  legalBases: string[];
  /** Highest first. */
  classificationBands: ClassificationBand[];
  /** Cap on the sum of bonus rows; null = only each row's own max. */
  bonusCap: number | null;
  /** Cap on the sum of deduction rows; null = only each row's own max. */
  deductionCap: number | null;
  /** Highest title first. */
  titles: TitleRule[];
  /** Agreeing votes needed, in % (default 80). */
  ballotThresholdPercent: number;
  /** What the % is taken of: ballots issued (members) or valid ballots. */
  ballotBase: 'issued' | 'valid';
  tieBreaks: TieBreak[];
  /** Rank by raw total, by % of each unit's own maximum, or auto (% when maxima differ). */
  rankBy: 'total' | 'percent' | 'auto';
}

/** Ballot counts for one title. */
export interface Ballot {
  titleId: string;
  issued: number;
  returned: number;
  valid: number;
  invalid: number;
  /** Agreeing votes per candidate unit id. */
  votes: Record<string, number>;
}

export interface ClusterInfo {
  /** e.g. "Cụm thi đua số 9". */
  name: string;
  year: number;
  /** Unit ids. */
  leaderUnitId: string;
  deputyUnitId: string;
  hostUnitId?: string;
  slogan?: string;
  /** Place name for document dates, e.g. "Bình Dương". */
  place?: string;
}

/** Everything the engine needs for one year. */
export interface ScoringYear {
  cluster: ClusterInfo;
  rules: RuleSet;
  criteria: CriteriaTable;
  units: Unit[];
  scores: UnitScores[];
  ballots: Ballot[];
  /**
   * Ids of the units that submitted their scoring (nộp). Absent: submission is not tracked (a
   * year given whole, as the samples and the cell functions are) and every unit counts as
   * submitted. The workbook always gives it.
   */
  submitted?: readonly string[];
  /** Reasons the cụm trưởng recorded to proceed with an incomplete unit, by unit id. */
  proceedReasons?: Readonly<Record<string, string>>;
  /** The Sáng kiến register, when the year keeps one (the report lists it). */
  initiatives?: readonly Initiative[];
  /** The Quỹ tab, when read (the report sums it). */
  fund?: FundLedger;
}
