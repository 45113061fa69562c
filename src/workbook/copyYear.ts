/**
 * Sao sang năm mới as data: the new year's config from the closed year's (members, team, settings,
 * criteria; registrations and deferrals emptied), the closed year's per-unit state to drop, its
 * tabs to archive (renamed with the year as suffix, hidden but for Tổng hợp), and the state the
 * new year starts from. src/app/copyYear.ts carries it out, then sets the new year up.
 */
import { DEADLINE_STEPS, type Deadlines } from '../core/deadlines';
import type { CriteriaTable } from '../core/model';
import { workbookText } from '../i18n/workbook';
import type { ParsedConfig, YearConfig } from './config';
import { KEY, type FixedTab, type WorkbookState, type YearState } from './state';

const A = workbookText.actions;
const T = workbookText.tabs;

/** A tab of the closed year to archive: by id, from its plain name to `archived` (or a free variant). */
export interface ArchiveStep {
  id: number;
  name: string;
  archived: string;
  hide: boolean;
}

export interface CopyYearPlan {
  from: number;
  target: number;
  config: YearConfig;
  /** Per-unit state of the closed year, removed first: the new year must not inherit a "submitted". */
  removeKeys: string[];
  archive: ArchiveStep[];
  /** The new year's record before set-up: open, with no tabs of its own yet. */
  year: YearState;
  /** Years archived, this one last. */
  archivedYears: number[];
}

/**
 * What to do with a request to copy to `newYear`: finish a copy cut short after the new year was
 * stored (set-up from the new year's own tabs), copy, or refuse (nothing written).
 */
export function copyYearRequest(state: WorkbookState, newYear: unknown): { finish: number; target: number } | { copy: number } | { refused: string } {
  const y = state.year;
  if (!y) return { refused: A.notSetUp };
  const target = typeof newYear === 'string' ? Number(newYear) : newYear;
  if (!y.closed && y.year === target && y.archivedYears.length > 0) return { finish: y.archivedYears[y.archivedYears.length - 1]!, target: y.year };
  if (!y.closed) return { refused: A.notClosed(y.year) };
  if (typeof target !== 'number' || !Number.isInteger(target) || target <= y.year || target > y.year + 50) {
    return { refused: A.copyYearInvalid(newYear as number, y.year) };
  }
  return { copy: target };
}

/**
 * Last year's deadlines moved to `years` later, the same day and month (29/2 becomes 28/2): a
 * starting point the clerk corrects, rather than an empty block to fill from memory.
 * @example shiftDeadlines({ selfScore: '2020-02-29' }, 1) // { selfScore: '2021-02-28' }
 */
export function shiftDeadlines(deadlines: Deadlines, years: number): Deadlines {
  const out: Deadlines = {};
  for (const step of DEADLINE_STEPS) {
    const day = deadlines[step];
    if (day === undefined) continue;
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
    out[step] = `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  }
  return out;
}

/**
 * The copy of the closed year in `state` to `target`, from its Cấu hình and Tiêu chí as parsed.
 * The commitments, the timetable and the regular movements (phong trào thường xuyên) carry over
 * (moved to the new year); the thematic movements, the meeting's details, registrations and
 * deferrals belong to the closed year and start blank.
 */
export function copyYearPlan(
  state: WorkbookState, parsed: Pick<ParsedConfig, 'cluster' | 'units' | 'team' | 'rules' | 'deadlines' | 'details'>, table: CriteriaTable, target: number,
): CopyYearPlan {
  const y = state.year!;
  const { cluster, units, team, rules } = parsed;
  const config: YearConfig = {
    cluster: { ...cluster, year: target, slogan: cluster.slogan?.replace(String(y.year), String(target)) },
    units: units.map((u) => ({ ...u, registeredTitles: [], deferredReason: undefined })),
    crossCheckTeam: team,
    rules: { ...rules, year: target },
    criteria: { name: table.name.replace(String(y.year), String(target)), rows: table.rows },
    deadlines: shiftDeadlines(parsed.deadlines, target - y.year),
  };
  if (parsed.details.commitments.length > 0) config.commitments = parsed.details.commitments;
  // A regular movement runs every year; a dated one (đợt, chuyên đề) was this year's campaign.
  const regular = parsed.details.movements.filter((m) => m.kind === 'regular').map((m) => ({ ...m, from: null, to: null }));
  if (regular.length > 0) config.movements = regular;
  if (config.cluster.slogan === undefined) delete config.cluster.slogan;

  const removeKeys = [
    ...Object.keys(state.submissions).map((id) => KEY.submissionPrefix + id),
    ...Object.keys(state.lastEdits).map((id) => KEY.lastEditPrefix + id),
  ];
  // Archive by id: a tab already renamed, or a new tab of the new year, is left alone.
  const archive: ArchiveStep[] = [];
  const fixed: Array<[FixedTab, string, boolean]> = [
    ['config', T.config, true], ['criteria', T.criteria, true], ['ballot', T.ballot, true], ['summary', T.summary, false],
  ];
  const step = (id: number | undefined, name: string, hide: boolean) => {
    if (id !== undefined) archive.push({ id, name, archived: workbookText.archivedTab(name, y.year), hide });
  };
  for (const [key, name, hide] of fixed) step(y.ids[key], name, hide);
  for (const [unitId, ref] of Object.entries(state.tabs)) step(ref.sheetId, ref.sheet || unitId, true);

  const year: YearState = { ...y, year: target, closed: undefined, summary: { rows: 0, columns: 0 }, indexes: {}, ids: {} };
  // What belonged to the closed year does not carry over; its locks, if not finished yet (the cụm
  // trưởng who closed kept rights there), are finished with the new year's protections.
  for (const k of ['closed', 'reopenAllowed', 'reopenedAfterRow', 'snapshotRow', 'lateEdits'] as const) delete year[k];
  if (y.pendingLock && !y.archivedPending?.includes(y.year)) year.archivedPending = [...(y.archivedPending ?? []), y.year];
  return { from: y.year, target, config, removeKeys, archive, year, archivedYears: [...y.archivedYears, y.year] };
}
