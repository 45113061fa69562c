/** The year's rules as the sidebar reads them (getStatus's `rules`, null before set-up). */
import type { Status } from './types';

export interface RulesView {
  version?: string;
  legalBases?: string[];
  classificationBands?: Array<{ minPercent: number; label: string }>;
  bonusCap?: number | null;
  deductionCap?: number | null;
  titles?: Array<{ id: string; name: string; quota: number | null; minClassification?: string; requiresBallot?: boolean; leaderOnly?: boolean }>;
  ballotThresholdPercent?: number;
  ballotBase?: 'issued' | 'valid';
  tieBreaks?: Array<{ kind: string; code?: string }>;
  rankBy?: string;
}

/** The rules in a status answer, if the server sent them. */
export function rulesOf(status: Status | null): RulesView | null {
  return status?.rules ?? null;
}
