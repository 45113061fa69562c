/** Problems located in the sheet: what the panel lists, selects, and the log keeps. */
import { workbookText } from '../i18n/workbook';

export type Severity = 'error' | 'warning';

/** One thing wrong with the input, where a person can fix it. */
export interface SheetProblem {
  /** Tab name as it stands, e.g. "Bình Dương". */
  sheet: string;
  /** Cell or block, e.g. "G12"; "" when the problem is the whole tab. */
  a1: string;
  /** Vietnamese, complete without the location. */
  message: string;
  /**
   * 'error': the figure is wrong or missing and blocks submitting / closing;
   * 'warning': worth fixing, results are still right (e.g. a unit without e-mail).
   */
  severity: Severity;
  unitId?: string;
  code?: string;
  /** The year cannot be built or computed correctly until this is fixed (set-up and recompute stop). */
  blocking?: boolean;
}

/**
 * The problem as a person reads it, location first.
 * @example describeProblem({ sheet: 'Bình Dương', a1: 'G12', message: '"8,5a" không phải là số', severity: 'error' })
 * // 'Trang "Bình Dương", ô G12: "8,5a" không phải là số'
 */
export function describeProblem(p: SheetProblem): string {
  return `${workbookText.location(p.sheet, p.a1)}: ${p.message}`;
}

/** Builds a problem; severity 'error' unless told. */
export function problem(sheet: string, a1: string, message: string, extra: Partial<SheetProblem> = {}): SheetProblem {
  return { sheet, a1, message, severity: 'error', ...extra };
}

/** Errors only. */
export function errorsOf(problems: readonly SheetProblem[]): SheetProblem[] {
  return problems.filter((p) => p.severity === 'error');
}
