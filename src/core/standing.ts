/**
 * What a unit's standing rests on: the score that counts and where it came from, the gap between
 * the self-score and it (Chênh lệch, defined here once), and whether the unit's figures are
 * complete enough for its rank to be final.
 */
import { engineText } from '../i18n/engine';
import { round2 } from './input';
import type { Phase } from './model';
import type { PhaseTotal } from './results';

/**
 * Chênh lệch = tự chấm − the score that counts (thống nhất, else chấm chéo), at 2 decimals: how
 * far the unit's own score stood above the one it was ranked on. Null when either is missing or
 * the score that counts is the self-score itself (nothing to compare). Every table that prints a
 * Chênh lệch (Tổng hợp, the panel, the report) takes it from here, whole totals and sections alike.
 * @example scoreGap(92.5, 89, 'crossCheck') // 3.5
 * @example scoreGap(92.5, 92.5, 'self') // null
 */
export function scoreGap(self: number | null | undefined, standing: number | null | undefined, standingPhase: Phase | null): number | null {
  if (standingPhase === null || standingPhase === 'self') return null;
  if (typeof self !== 'number' || typeof standing !== 'number') return null;
  return round2(self - standing);
}

/** Kinds of rows a unit must answer (bonus and deduction rows may stay blank). */
const ANSWERED_KINDS = new Set(['qualitative', 'quantitative', 'veto']);

/**
 * Rows the unit must answer that have no value at any phase up to its standing (and no result
 * that computes points), among the rows that apply to it.
 * @example unscoredRows(standing) // 0 when every row is scored
 */
export function unscoredRows(standing: Pick<PhaseTotal, 'rows'>): number {
  let n = 0;
  for (const row of standing.rows) if (row.applicable && ANSWERED_KINDS.has(row.kind) && row.source === null) n++;
  return n;
}

/** Whether a unit's figures are complete, and why not. */
export interface Completeness {
  /** Submitted (nộp) and every row it must answer scored. */
  complete: boolean;
  /** Vietnamese, short ("chưa nộp bảng tự chấm", "còn 12 dòng chưa chấm"); empty when complete. */
  reasons: string[];
}

/**
 * A unit is complete when it submitted its scoring and no row it must answer is unscored. Until
 * then its rank is provisional (tạm xếp) and it is proposed for nothing, unless the cụm trưởng
 * recorded a reason to proceed.
 * @example unitCompleteness(false, standing) // { complete: false, reasons: ['chưa nộp bảng tự chấm'] }
 */
export function unitCompleteness(submitted: boolean, standing: Pick<PhaseTotal, 'rows'>): Completeness {
  const t = engineText.completeness;
  const reasons: string[] = [];
  if (!submitted) reasons.push(t.notSubmitted);
  const unscored = unscoredRows(standing);
  if (unscored > 0) reasons.push(t.unscored(unscored));
  return { complete: reasons.length === 0, reasons };
}
