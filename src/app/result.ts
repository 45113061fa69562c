/**
 * What every action returns to the sidebar and the menu: plain JSON (no Date, no class), a
 * Vietnamese message, and the problems to show, each with the sheet and cell to select.
 */
import { describeProblem, type SheetProblem } from '../workbook/problems';

/** A problem as the panel shows it. */
export interface ProblemJson {
  sheet: string;
  a1: string;
  message: string;
  /** Location and message in one line, e.g. 'Trang "Bình Dương", ô G12: "8,5a" không phải là số'. */
  text: string;
  severity: 'error' | 'warning';
  unitId?: string;
  code?: string;
}

/** The outcome of an action. */
export interface ActionResult {
  ok: boolean;
  message: string;
  problems: ProblemJson[];
}

/** A refusal the user can act on (rights, state, bad input): nothing was written. */
export class ActionError extends Error {
  constructor(message: string, readonly problems: readonly SheetProblem[] = []) {
    super(message);
    this.name = 'ActionError';
  }
}

/** The JSON of a problem. */
export function problemJson(p: SheetProblem): ProblemJson {
  const out: ProblemJson = { sheet: p.sheet, a1: p.a1, message: p.message, text: describeProblem(p), severity: p.severity };
  if (p.unitId !== undefined) out.unitId = p.unitId;
  if (p.code !== undefined) out.code = p.code;
  return out;
}

/** A successful outcome. */
export function done(message: string, problems: readonly SheetProblem[] = []): ActionResult {
  return { ok: true, message, problems: problems.map(problemJson) };
}
