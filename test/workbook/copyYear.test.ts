/**
 * copyYearRequest / copyYearPlan: the copy to a new year as data. Refusals before anything is
 * written; a copy cut short is finished; the plan archives by id, drops the closed year's
 * per-unit state and starts the new year open with no tabs of its own.
 */
import { describe, expect, it } from 'vitest';
import { sampleYearConfig } from '../../src/app/sample';
import { workbookText } from '../../src/i18n/workbook';
import { NO_DETAILS } from '../../src/app/documents';
import { copyYearPlan, copyYearRequest, shiftDeadlines } from '../../src/workbook/copyYear';
import { KEY, readState, type WorkbookState, type YearState } from '../../src/workbook/state';

const A = workbookText.actions;
const T = workbookText.tabs;

function closedState(over: Partial<YearState> = {}): WorkbookState {
  const state = readState({});
  state.year = {
    year: 2021, owner: 'owner@example.com', summary: { rows: 40, columns: 20 }, archivedYears: [], auditTrigger: true,
    indexes: {}, ids: { config: 1, criteria: 2, summary: 3, ballot: 4, log: 5, snapshot: 6 },
    closed: { at: '2021-12-01T00:00:00.000Z', by: 'owner@example.com' }, snapshotRow: 2, pendingLock: true, ...over,
  };
  state.tabs = { 'Tây Ninh': { sheetId: 10, sheet: 'Tây Ninh', index: 6 }, 'Đồng Nai': { sheetId: 11, sheet: '', index: 7 } };
  state.submissions = { 'Tây Ninh': { status: 'submitted', at: '', by: '' } } as WorkbookState['submissions'];
  return state;
}

describe('copyYearRequest', () => {
  it('refuses an open year, a year not after the closed one, or too far, and finishes a copy cut short', () => {
    expect(copyYearRequest(readState({}), 2022)).toEqual({ refused: A.notSetUp });
    expect(copyYearRequest(closedState({ closed: undefined }), 2022)).toEqual({ refused: A.notClosed(2021) });
    for (const bad of [2021, 2020, 2072, 2022.5, 'x']) expect(copyYearRequest(closedState(), bad)).toHaveProperty('refused');
    expect(copyYearRequest(closedState(), '2022')).toEqual({ copy: 2022 });
    expect(copyYearRequest(closedState({ closed: undefined, year: 2022, archivedYears: [2021] }), 2022)).toEqual({ finish: 2021, target: 2022 });
  });
});

describe('copyYearPlan', () => {
  it('archives the year tabs and unit tabs by id, drops per-unit state, and opens the new year with no tabs', () => {
    const c = sampleYearConfig(2021);
    const state = closedState();
    const parsed = { cluster: c.cluster, units: c.units, team: c.crossCheckTeam, rules: c.rules, deadlines: c.deadlines!, details: NO_DETAILS };
    const plan = copyYearPlan(state, parsed, { name: `Tiêu chí 2021`, rows: c.criteria!.rows }, 2022);
    expect(plan.archive).toEqual([
      { id: 1, name: T.config, archived: workbookText.archivedTab(T.config, 2021), hide: true },
      { id: 2, name: T.criteria, archived: workbookText.archivedTab(T.criteria, 2021), hide: true },
      { id: 4, name: T.ballot, archived: workbookText.archivedTab(T.ballot, 2021), hide: true },
      { id: 3, name: T.summary, archived: workbookText.archivedTab(T.summary, 2021), hide: false },
      { id: 10, name: 'Tây Ninh', archived: 'Tây Ninh 2021', hide: true },
      { id: 11, name: 'Đồng Nai', archived: 'Đồng Nai 2021', hide: true },
    ]);
    expect(plan.removeKeys).toEqual([`${KEY.submissionPrefix}Tây Ninh`]);
    expect(plan.config.cluster.year).toBe(2022);
    expect(plan.config.criteria!.name).toBe('Tiêu chí 2022');
    expect(plan.config.units.every((u) => u.registeredTitles.length === 0 && u.deferredReason === undefined)).toBe(true);
    expect(plan.year).toMatchObject({ year: 2022, ids: {}, indexes: {}, summary: { rows: 0, columns: 0 }, archivedPending: [2021] });
    expect(plan.year).not.toHaveProperty('closed');
    expect(plan.year).not.toHaveProperty('snapshotRow');
    expect(plan.archivedYears).toEqual([2021]);
    // The timetable moves to the new year; no commitments typed: the standard ones come with set-up.
    expect(plan.config.deadlines).toEqual(shiftDeadlines(c.deadlines!, 1));
    expect(plan.config.deadlines!.selfScore).toBe('2022-10-15');
    expect(plan.config).not.toHaveProperty('commitments');
    // The state read is not changed by planning.
    expect(state.year!.closed).toBeDefined();
  });
});

describe('what the new year keeps of the closed one', () => {
  it('moves each deadline by the years between, keeping day and month (29/2 → 28/2), and leaves a step without a date out', () => {
    expect(shiftDeadlines({ registration: '2020-02-29', selfScore: '2020-10-15' }, 1)).toEqual({ registration: '2021-02-28', selfScore: '2021-10-15' });
    expect(shiftDeadlines({ ballot: '2021-11-16' }, 3)).toEqual({ ballot: '2024-11-16' });
    expect(shiftDeadlines({}, 1)).toEqual({});
  });

  it('carries the commitments typed in Cấu hình, as typed', () => {
    const c = sampleYearConfig(2021);
    const commitments = ['Cam kết riêng của cụm', 'Giữ vững đoàn kết'];
    const parsed = { cluster: c.cluster, units: c.units, team: c.crossCheckTeam, rules: c.rules, deadlines: {}, details: { ...NO_DETAILS, commitments } };
    const plan = copyYearPlan(closedState(), parsed, { name: 'Tiêu chí', rows: c.criteria!.rows }, 2022);
    expect(plan.config.commitments).toEqual(commitments);
    expect(plan.config.deadlines).toEqual({});
    expect(plan.config).not.toHaveProperty('movements');
  });

  it('carries the regular movements, without dates, and leaves the thematic ones (the closed year\'s campaigns)', () => {
    const c = sampleYearConfig(2021);
    const parsed = { cluster: c.cluster, units: c.units, team: c.crossCheckTeam, rules: c.rules, deadlines: {}, details: { ...NO_DETAILS, movements: c.movements! } };
    const plan = copyYearPlan(closedState(), parsed, { name: 'Tiêu chí', rows: c.criteria!.rows }, 2022);
    expect(plan.config.movements).toEqual(c.movements!.filter((m) => m.kind === 'regular'));
    expect(plan.config.movements).toHaveLength(2);
  });
});
