/** Eligibility for titles: veto rows and deferral exclude a unit whatever its points. */
import { engineText } from '../i18n/engine';
import { cleanText } from './input';
import type { Unit } from './model';
import type { PhaseTotal } from './results';

/** Whether a unit may be proposed for a title, and why not. */
export interface Eligibility {
  eligible: boolean;
  /** Vietnamese, one per veto row violated, then the deferral. */
  reasons: string[];
}

/**
 * Eligibility of `unit` from its standing total: not eligible when a veto row is violated at that
 * phase (the reason names the row) or when commendation is deferred (the reason quotes why).
 * @example unitEligibility({ ...unit, deferredReason: 'Đang bị thanh tra' }, standing)
 * // { eligible: false, reasons: ['Tạm hoãn xét khen thưởng: "Đang bị thanh tra"'] }
 */
export function unitEligibility(unit: Pick<Unit, 'deferredReason'>, standing: Pick<PhaseTotal, 'rows'> | null): Eligibility {
  const t = engineText.eligibility;
  const reasons: string[] = [];
  for (const row of standing?.rows ?? []) {
    if (row.kind === 'veto' && row.violated === true) reasons.push(t.vetoViolated(row.code, cleanText(row.content)));
  }
  const deferred = cleanText(unit.deferredReason);
  if (deferred !== '') reasons.push(t.deferred(deferred));
  return { eligible: reasons.length === 0, reasons };
}
