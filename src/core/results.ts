/** What the engine returns: plain data, explainable row by row. */
import type { Phase, RowKind } from './model';

/** Where a problem is, in model terms; the sheet layer turns it into a sheet and cell. */
export interface Problem {
  unitId?: string;
  code?: string;
  field?: 'result' | Phase | 'target' | 'maxPoints' | 'code' | 'kind';
  /** Vietnamese, complete without the location (the location is added by whoever shows it). */
  message: string;
}

/** How one criterion row counted for a unit at one phase. */
export interface RowResult {
  code: string;
  content: string;
  kind: RowKind;
  maxPoints: number;
  applicable: boolean;
  /** Signed contribution to the total (deductions negative); null when not scored. */
  points: number | null;
  /** Which column the points came from: a phase, the quantitative rule, or nothing. */
  source: Phase | 'computed' | null;
  /** Veto rows: true when a violation is recorded. */
  violated?: boolean;
}

export interface PhaseTotal {
  phase: Phase;
  /** standard + bonus − deduction, after caps, rounded to 2 decimals. */
  total: number;
  standard: number;
  bonus: number;
  deduction: number;
  /** Sum of the max points of the standard rows that apply to the unit. */
  maxTotal: number;
  /** total / maxTotal × 100, 2 decimals (0 when maxTotal is 0). */
  percent: number;
  /** Totals of every group row by code (top-level sections included). */
  sections: Record<string, number>;
  rows: RowResult[];
}

export interface TitleProposal {
  titleId: string;
  name: string;
  /** 'awaitingBallot': qualifies on points but its ballot is not counted yet. */
  status: 'proposed' | 'awaitingBallot';
}

export interface UnitResult {
  unitId: string;
  /** Null where the unit has no score at that phase. */
  totals: Record<Phase, PhaseTotal | null>;
  /** The latest phase the unit has; its standing (rank, classification) uses it. */
  standingPhase: Phase | null;
  standing: PhaseTotal;
  /** Chênh lệch: scoreGap(self, standing) in standing.ts; null without a later phase. */
  gap: number | null;
  /** 1 = first; equal scores share a rank (1, 2, 2, 4). */
  rank: number;
  /** The value ranked: total or percent, per the rule set. */
  rankingScore: number;
  classification: string;
  eligible: boolean;
  /** Why not eligible (veto rows violated, deferral), in Vietnamese. */
  ineligibleReasons: string[];
  proposedTitle: TitleProposal | null;
  /** Submitted and every row it must answer scored (see unitCompleteness). */
  complete: boolean;
  /** Why not complete, in Vietnamese; empty when complete. */
  incompleteReasons: string[];
  /** Incomplete and no reason to proceed recorded: the rank is provisional (tạm xếp). */
  provisional: boolean;
  /** The cụm trưởng's reason to proceed with this incomplete unit; absent when none. */
  proceedReason?: string;
  /** Why the unit is or is not proposed, one short Vietnamese sentence. */
  proposalReason: string;
}

export interface BallotCandidateResult {
  unitId: string;
  votes: number;
  percent: number;
  passed: boolean;
}

export interface BallotResult {
  titleId: string;
  issued: number;
  returned: number;
  valid: number;
  invalid: number;
  thresholdPercent: number;
  candidates: BallotCandidateResult[];
}

export interface YearResult {
  /** In ranking order. */
  units: UnitResult[];
  ballots: BallotResult[];
  /** Everything wrong with the input; an empty list means the figures are complete. */
  problems: Problem[];
}
