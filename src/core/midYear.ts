/**
 * The mid-year review (sơ kết 6 tháng): each unit scores itself on the first half of the year in
 * the "Sơ kết 6 tháng" tab, apart from the year-end scores, and writes one good practice. The
 * review ranks those self-scores and tells each unit how it stands against the titles it
 * registered, for the báo cáo sơ kết. Plain data in, plain data out.
 */
import type { ScoreEntry } from './model';

/** One unit's first half as typed: self-scores by criterion code, and its good practice. */
export interface MidYearUnitInput {
  unitId: string;
  /** Only `code`, `self` (and `notApplicable`) are used: the first half is self-scored. */
  entries: ScoreEntry[];
  /** Cách làm hay, mô hình mới: one short text; '' when none. */
  goodPractice: string;
}

/** The round as read from its tab. */
export interface MidYearRound {
  /** Open: units may type; closed: locked, its figures final. */
  state: 'open' | 'closed';
  /** When the cụm trưởng closed it (ISO string), absent while open. */
  closedAt?: string;
  units: MidYearUnitInput[];
}

/** How a unit's first half stands against one title it registered. */
export interface TitleProgress {
  titleId: string;
  titleName: string;
  /** The lowest classification the title asks for. */
  needs: string;
  /** The first half reaches it (classification at or above `needs`). */
  onTrack: boolean;
}

/** One unit's first half, computed. */
export interface MidYearUnitResult {
  unitId: string;
  /** Total of the first-half self-scores, with the year's rules (caps, deductions). */
  total: number;
  maxTotal: number;
  percent: number;
  classification: string;
  /** 1-based; equal totals share a rank. Null when the unit left rows it must answer blank. */
  rank: number | null;
  /** Rows it must answer and left blank. */
  unscored: number;
  /** A veto row answered "Có". */
  vetoed: boolean;
  progress: TitleProgress[];
  goodPractice: string;
}

/** The whole review, units in rank order (unranked last, in Cấu hình order). */
export interface MidYearReview {
  state: MidYearRound['state'];
  closedAt?: string;
  units: MidYearUnitResult[];
}
