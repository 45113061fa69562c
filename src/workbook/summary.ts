/**
 * The Tổng hợp tab, written whole by every recompute: the ranking table, the ballot results and
 * the problems still open. Written in one block padded to the previous size, so a shorter table
 * leaves no stale rows.
 */
import { codeKey } from '../core/criteria';
import type { CriteriaTable, Unit } from '../core/model';
import type { YearResult } from '../core/results';
import { workbookText } from '../i18n/workbook';
import type { OutValue } from './grid';
import { describeProblem, type SheetProblem } from './problems';
import type { SubmissionStatus } from './state';

const T = workbookText.summary;

/** Rows (1-based) of the Tổng hợp tab. */
export const SUMMARY_LAYOUT = { titleRow: 1, metaRow: 2, headerRow: 4, firstRow: 5 } as const;

/** At most this many problems are listed in the tab; the panel lists all. */
const SUMMARY_PROBLEM_LIMIT = 200;

/** What the summary shows besides the results. */
export interface SummaryInput {
  clusterName: string;
  year: number;
  result: YearResult;
  units: readonly Unit[];
  criteria: CriteriaTable;
  titles: ReadonlyArray<{ id: string; name: string }>;
  status: Readonly<Record<string, SubmissionStatus>>;
  problems: readonly SheetProblem[];
  /** Display time, e.g. "14:05 25/03/2021". */
  at: string;
  by: string;
}

/** Top-level group codes: the sections shown as columns. */
export function sectionCodes(table: CriteriaTable): string[] {
  const keys = new Set(table.rows.map((r) => codeKey(r.code)));
  return table.rows
    .filter((r) => r.kind === 'group')
    .filter((r) => {
      const k = codeKey(r.code);
      const dot = k.lastIndexOf('.');
      return dot < 0 || !keys.has(k.slice(0, dot));
    })
    .map((r) => r.code);
}

function num(v: number | null | undefined): OutValue {
  return v === null || v === undefined ? '' : v;
}

/** "Đầy đủ", or why not and what follows: a provisional rank, or the reason to proceed. */
function completeness(u: YearResult['units'][number]): string {
  if (u.complete) return T.complete;
  const why = u.incompleteReasons.join('; ');
  return u.proceedReason !== undefined ? T.proceeded(why, u.proceedReason) : T.incomplete(why);
}

/**
 * The whole tab as values, at least `previous` rows × columns (padded with "").
 * @example renderSummary(input, { rows: 0, columns: 0 })[3][0] // "Hạng"
 */
export function renderSummary(input: SummaryInput, previous: { rows: number; columns: number }): OutValue[][] {
  const sections = sectionCodes(input.criteria);
  const rows: OutValue[][] = [];
  const names = new Map(input.units.map((u) => [u.id, u.shortName || u.id] as const));
  const titleName = new Map(input.titles.map((t) => [t.id, t.name] as const));
  rows.push([T.title(input.clusterName, input.year)]);
  const incomplete = input.result.units.filter((u) => !u.complete).map((u) => T.incompleteUnit(names.get(u.unitId) ?? u.unitId, u.incompleteReasons.join('; ')));
  rows.push([T.computedAt(input.at, input.by, input.problems.filter((p) => p.severity === 'error').length, incomplete)]);
  rows.push([]);
  rows.push([...T.header, ...sections.map(T.sectionHeader)]);
  for (const u of input.result.units) {
    const proposal = u.proposedTitle
      ? u.proposedTitle.status === 'proposed' ? u.proposedTitle.name : T.awaitingBallot(u.proposedTitle.name)
      : '';
    rows.push([
      u.rank,
      names.get(u.unitId) ?? u.unitId,
      num(u.totals.self?.total),
      num(u.totals.crossCheck?.total),
      num(u.totals.final?.total),
      u.standingPhase === null ? '' : u.standing.total,
      u.standingPhase === null ? T.noSource : T.source[u.standingPhase] ?? '',
      num(u.gap),
      u.standing.maxTotal,
      u.standing.percent,
      u.classification,
      completeness(u),
      u.eligible ? T.eligible : T.notEligible,
      proposal,
      // The reasons a unit is not eligible are in it ("Không đề nghị: Vi phạm điều kiện …").
      u.proposalReason,
      T.submission[input.status[u.unitId] ?? 'open'],
      ...sections.map((code) => num(u.standing.sections[code])),
    ]);
  }
  if (input.result.ballots.length > 0) {
    rows.push([]);
    rows.push([T.ballotTitle]);
    rows.push([...T.ballotHeader]);
    for (const b of input.result.ballots) {
      for (const c of b.candidates) {
        rows.push([titleName.get(b.titleId) ?? b.titleId, names.get(c.unitId) ?? c.unitId, c.votes, c.percent, b.thresholdPercent, c.passed ? T.passed : T.notPassed]);
      }
    }
  }
  if (input.problems.length > 0) {
    rows.push([]);
    rows.push([T.problemsTitle]);
    rows.push([...T.problemsHeader]);
    for (const p of input.problems.slice(0, SUMMARY_PROBLEM_LIMIT)) rows.push([p.sheet, p.a1, p.message]);
    if (input.problems.length > SUMMARY_PROBLEM_LIMIT) rows.push([T.moreProblems(input.problems.length - SUMMARY_PROBLEM_LIMIT)]);
  }
  const width = Math.max(previous.columns, ...rows.map((r) => r.length));
  const height = Math.max(previous.rows, rows.length);
  return Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => rows[r]?.[c] ?? ''));
}

/** The one-line text of a problem list for the log. */
export function problemsNote(problems: readonly SheetProblem[]): string {
  if (problems.length === 0) return '';
  return workbookText.log.problemsNote(problems.length, describeProblem(problems[0]!));
}
