/**
 * The parsed tabs put together: the ScoringYear the engine takes, and the engine's problems
 * (in model terms: unit, code, field) placed back on the sheet cell a person can fix.
 */
import { codeKey } from '../core/criteria';
import type { ScoringYear } from '../core/model';
import type { Problem } from '../core/results';
import { engineText } from '../i18n/engine';
import { workbookText } from '../i18n/workbook';
import { a1 } from './a1';
import type { ParsedBallots } from './ballot';
import { CONFIG_LAYOUT, type ParsedConfig } from './config';
import { CRITERIA_LAYOUT, type ParsedCriteria } from './criteria';
import { problem, type SheetProblem } from './problems';
import { UNIT_LAYOUT, type ParsedUnitTab } from './unitSheet';
import type { ParsedFund } from './fund';
import { feedFromRegister, type ParsedInitiatives } from './initiatives';

/** Every tab of the year, read and parsed. */
export interface ParsedWorkbook {
  config: ParsedConfig;
  criteria: ParsedCriteria;
  /** By unit id; null when the unit's tab could not be read (missing, renamed, header changed). */
  unitTabs: Map<string, { sheet: string; parsed: ParsedUnitTab } | null>;
  ballots: ParsedBallots;
  /** The Sáng kiến tab, when read (it feeds its bonus row); the Quỹ tab, when read. */
  initiatives?: ParsedInitiatives | null;
  fund?: ParsedFund | null;
}

/** Where the year's units stand besides their scores: who submitted, and reasons to proceed. */
export interface YearProgress {
  submitted: readonly string[];
  proceedReasons: Readonly<Record<string, string>>;
}

/**
 * The engine's input. Units whose tab is unreadable get no scores (their problem says why).
 * Without `progress` submission is not tracked (every unit counts as submitted).
 */
export function buildYear(w: ParsedWorkbook, progress?: YearProgress): ScoringYear {
  const year: ScoringYear = {
    cluster: w.config.cluster,
    rules: w.config.rules,
    criteria: w.criteria.table,
    units: w.config.units,
    scores: feedFromRegister(w.initiatives ?? null, w.criteria.table, w.config.units,
      w.config.units.map((u) => w.unitTabs.get(u.id)?.parsed.scores ?? { unitId: u.id, entries: [] }), () => null).scores,
    ballots: w.ballots.ballots,
  };
  if (w.initiatives) year.initiatives = w.initiatives.initiatives;
  if (w.fund) year.fund = w.fund.ledger;
  if (progress) {
    year.submitted = progress.submitted;
    year.proceedReasons = progress.proceedReasons;
  }
  return year;
}

/** Engine messages the workbook already reports its own way (unscored rows are progress, not errors). */
const SKIPPED = new Set<string>([engineText.scoring.notScored, engineText.scoring.unitNotScored]);

const UNIT_FIELD_COLUMN: Record<string, number> = {
  result: UNIT_LAYOUT.column.result,
  self: UNIT_LAYOUT.column.self,
  crossCheck: UNIT_LAYOUT.column.crossCheck,
  final: UNIT_LAYOUT.column.final,
  target: UNIT_LAYOUT.column.target,
  code: UNIT_LAYOUT.column.code,
  maxPoints: UNIT_LAYOUT.column.max,
  kind: UNIT_LAYOUT.column.kind,
};

const CRITERIA_FIELD_COLUMN: Record<string, number> = {
  code: CRITERIA_LAYOUT.column.code,
  kind: CRITERIA_LAYOUT.column.kind,
  maxPoints: CRITERIA_LAYOUT.column.max,
  target: CRITERIA_LAYOUT.column.target,
};

/**
 * The engine's problems at their cells, without those the parsers already reported at the same
 * cell. Unit problems go to the unit tab (row of the code, column of the field); table problems
 * to Tiêu chí; the rest to Cấu hình (rules) or the unit's row there.
 */
export function locateEngineProblems(problems: readonly Problem[], w: ParsedWorkbook, already: readonly SheetProblem[]): SheetProblem[] {
  const T = workbookText.tabs;
  const taken = new Set(already.map((p) => `${p.sheet}!${p.a1}`));
  const out: SheetProblem[] = [];
  for (const p of problems) {
    if (SKIPPED.has(p.message)) continue;
    let located: SheetProblem;
    if (p.unitId !== undefined) {
      const tab = w.unitTabs.get(p.unitId);
      const row = p.code !== undefined ? tab?.parsed.rowOf.get(codeKey(p.code)) : undefined;
      if (tab && row !== undefined) {
        located = problem(tab.sheet, a1(row, UNIT_FIELD_COLUMN[p.field ?? 'code'] ?? UNIT_LAYOUT.column.code), p.message, { unitId: p.unitId, code: p.code });
      } else if (tab) {
        located = problem(tab.sheet, '', p.message, { unitId: p.unitId });
      } else {
        const configRow = w.config.unitRows[p.unitId];
        located = problem(T.config, configRow ? a1(configRow, CONFIG_LAYOUT.units.column) : '', p.message, { unitId: p.unitId });
      }
    } else if (p.code !== undefined) {
      const row = w.criteria.rowOf.get(codeKey(p.code));
      located = problem(T.criteria, row ? a1(row, CRITERIA_FIELD_COLUMN[p.field ?? 'code'] ?? 1) : '', p.message, { code: p.code });
    } else {
      located = problem(T.config, '', p.message);
    }
    const key = `${located.sheet}!${located.a1}`;
    if (located.a1 !== '' && taken.has(key)) continue;
    taken.add(key);
    out.push(located);
  }
  return out;
}
