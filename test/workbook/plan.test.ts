import { describe, expect, it } from 'vitest';
import { computeYear } from '../../src/core/engine';
import { sampleCluster9Year } from '../../src/core/samples';
import { workbookText } from '../../src/i18n/workbook';
import { ballotPlan, closePlan, resultsPlan, submissionPlan, yearRecordPlan, type ResultsInput } from '../../src/workbook/plan';
import { snapshotRow, type Snapshot } from '../../src/workbook/snapshot';
import { mergeBallot } from '../../src/workbook/ballot';
import type { Grid } from '../../src/workbook/grid';
import { KEY, readState, type YearState } from '../../src/workbook/state';
import { UNIT_LAYOUT } from '../../src/workbook/unitSheet';

function input(summary: YearState['summary'], unitGrids: ResultsInput['unitGrids'] = new Map()): ResultsInput {
  const y = sampleCluster9Year(2021);
  const year: YearState = { year: 2021, owner: 'o@x.vn', summary, archivedYears: [], auditTrigger: true, indexes: {}, ids: {} };
  return {
    state: { ...readState({}), year }, year, cluster: y.cluster, units: y.units, criteria: y.criteria, titles: y.rules.titles,
    result: computeYear(y), problems: [], unitTabs: new Map(), unitGrids, at: '09:00 15/11/2021', by: 'o@x.vn',
  };
}

describe('resultsPlan', () => {
  it('writes Tổng hợp first, by name, and stores the year record only when Tổng hợp reaches further', () => {
    const first = resultsPlan(input({ rows: 0, columns: 0 }));
    expect(first.plan.blocks[0]!.tab).toEqual({ name: workbookText.tabs.summary });
    const rows = first.plan.blocks[0]!.values.length;
    expect(first.summary.rows).toBe(rows);
    expect(JSON.parse(first.plan.state[KEY.year]!).summary).toEqual(first.summary);
    expect(first.plan.grow).toEqual([]);
    const again = resultsPlan(input(first.summary));
    expect(again.plan.state).toEqual({});
  });

  it('brings a stale status line up to date, and leaves a current one alone', () => {
    const grid = (text: string) => {
      const g: string[][] = [];
      for (let r = 0; r < UNIT_LAYOUT.statusRow; r++) g.push(['', '']);
      g[UNIT_LAYOUT.statusRow - 1]![1] = text;
      return g;
    };
    const stale = resultsPlan(input({ rows: 0, columns: 0 }, new Map([['Đồng Nai', grid('cũ')]])));
    const lines = stale.plan.blocks.filter((b) => 'unit' in b.tab);
    expect(lines).toEqual([{ tab: { unit: 'Đồng Nai' }, row: UNIT_LAYOUT.statusRow, column: 2, values: [[workbookText.unit.status.open]] }]);
    const current = resultsPlan(input({ rows: 0, columns: 0 }, new Map([['Đồng Nai', grid(workbookText.unit.status.open)]])));
    expect(current.plan.blocks.filter((b) => 'unit' in b.tab)).toEqual([]);
  });
});

describe('submissionPlan', () => {
  const year: YearState = { year: 2021, owner: 'o@x.vn', summary: { rows: 0, columns: 0 }, archivedYears: [], auditTrigger: true, indexes: {}, ids: {} };
  const returned = { status: 'returned' as const, at: '2021-11-15T02:00:00.000Z', by: 'l@x.vn', reason: '=HYPERLINK("x")' };

  it('sets the unit columns\' editors first, then the status line from the new status, and stores the status last', () => {
    const state = { ...readState({}), year };
    const plan = submissionPlan({ state, unitId: 'Tây Ninh', submission: returned, editors: ['f@x.vn', 'l@x.vn'], writeLine: true });
    expect(plan.protections).toEqual([{ tab: { unit: 'Tây Ninh' }, key: '2021:unit:Tây Ninh:unit', editors: ['f@x.vn', 'l@x.vn'] }]);
    expect(plan.blocks).toHaveLength(1);
    expect(plan.blocks[0]!.tab).toEqual({ unit: 'Tây Ninh' });
    expect([plan.blocks[0]!.row, plan.blocks[0]!.column]).toEqual([UNIT_LAYOUT.statusRow, 2]);
    const line = String(plan.blocks[0]!.values[0]![0]);
    expect(line).toContain(returned.reason);
    expect(line).not.toBe(workbookText.unit.status.open);
    expect(plan.state).toEqual({ [KEY.submissionPrefix + 'Tây Ninh']: JSON.stringify(returned) });
    // Planning changes nothing: the state as read still has the unit open.
    expect(state.submissions['Tây Ninh']).toBeUndefined();
  });

  it('writes no status line when the runner may not (a focal officer submitting)', () => {
    const plan = submissionPlan({ state: { ...readState({}), year }, unitId: 'Tây Ninh', submission: { status: 'submitted', at: 'x', by: 'f@x.vn' }, editors: ['l@x.vn'], writeLine: false });
    expect(plan.blocks).toEqual([]);
    expect(Object.keys(plan.state)).toEqual([KEY.submissionPrefix + 'Tây Ninh']);
  });
});

describe('ballotPlan', () => {
  const y = () => sampleCluster9Year(2021);

  it('grows Bình xét, then writes only the changed cells of the title\'s row, by name, with no state', () => {
    const held = mergeBallot([], y().rules.titles, y().units) as Grid;
    const r = ballotPlan(held, y().rules.titles, y().units, 'co-thi-dua', { issued: 6, returned: 6, valid: 6, invalid: 0, votes: { 'Đồng Nai': 5 } });
    if (!('plan' in r)) throw new Error(r.message);
    expect(r.row).toBe(4);
    expect(r.plan.grow).toEqual([{ tab: workbookText.tabs.ballot, rows: held.length, columns: held[0]!.length }]);
    expect(r.plan.blocks.every((b) => 'name' in b.tab && b.tab.name === workbookText.tabs.ballot && b.row === 4)).toBe(true);
    expect(r.plan.blocks.map((b) => [b.column, b.values])).toEqual([[3, [[6, 6, 6, 0]]], [11, [[5]]]]);
    expect(r.plan.state).toEqual({});
  });

  it('refuses counts that do not add up, and an unknown title or unit, planning no write', () => {
    const bad = ballotPlan([], y().rules.titles, y().units, 'co-thi-dua', { issued: 6, returned: 6, valid: 4, invalid: 1, votes: {} });
    expect('plan' in bad).toBe(false);
    expect((bad as { problems?: unknown[] }).problems?.length).toBeGreaterThan(0);
    expect('plan' in ballotPlan([], y().rules.titles, y().units, 'không có', { issued: 1, returned: 1, valid: 1, invalid: 0, votes: {} })).toBe(false);
    expect('plan' in ballotPlan([], y().rules.titles, y().units, 'co-thi-dua', { issued: 1, returned: 1, valid: 1, invalid: 0, votes: { 'Không có': 1 } })).toBe(false);
  });
});

describe('yearRecordPlan', () => {
  it('writes the status lines of the units given, in order, from the closed year, and stores the year record last', () => {
    const year: YearState = {
      year: 2021, owner: 'o@x.vn', summary: { rows: 3, columns: 4 }, archivedYears: [], auditTrigger: true, indexes: {}, ids: {},
      closed: { at: '2021-12-01T00:00:00.000Z', by: 'l@x.vn' },
    };
    const state = { ...readState({}), year };
    const plan = yearRecordPlan(state, ['Tây Ninh', 'Đồng Nai']);
    expect(plan.blocks.map((b) => [b.tab, b.row, b.column])).toEqual([
      [{ unit: 'Tây Ninh' }, UNIT_LAYOUT.statusRow, 2], [{ unit: 'Đồng Nai' }, UNIT_LAYOUT.statusRow, 2],
    ]);
    const line = plan.blocks[0]!.values[0]![0];
    expect(line).not.toBe(yearRecordPlan({ ...state, year: { ...year, closed: undefined } }, ['Tây Ninh']).blocks[0]!.values[0]![0]);
    expect(JSON.parse(plan.state[KEY.year]!)).toEqual(year);
    expect(yearRecordPlan(state, []).blocks).toEqual([]);
  });
});

describe('closePlan', () => {
  const results = () => {
    const i = input({ rows: 0, columns: 0 });
    const r = resultsPlan(i);
    const snapshot: Snapshot = { year: 2021, closedAt: '2021-12-01T00:00:00.000Z', closedBy: 'l@x.vn', cluster: i.cluster, units: [], result: i.result };
    return { i, r, snapshot };
  };

  it('writes the results, appends the snapshot under the rows read, the closed status lines, and stores the year record once, last', () => {
    const { i, r, snapshot } = results();
    const close = closePlan({ state: i.state, results: r.plan, summary: r.summary, snapshot, snapshotGrid: [['Năm'], [2019]], unitIds: ['Tây Ninh'] });
    const T = workbookText.tabs;
    expect(close.plan.grow).toEqual([{ tab: T.snapshot, rows: 2, columns: snapshotRow(snapshot).length }]);
    const tabs = close.plan.blocks.map((b) => b.tab);
    expect(tabs[0]).toEqual({ name: T.summary });
    const append = close.plan.blocks.findIndex((b) => b.append);
    expect(close.plan.blocks[append]).toMatchObject({ tab: { name: T.snapshot }, row: 3, column: 1, values: [snapshotRow(snapshot)] });
    expect(tabs.slice(append + 1)).toEqual([{ unit: 'Tây Ninh' }]);
    expect(close.a1).toBe('A3');
    const stored = JSON.parse(close.plan.state[KEY.year]!) as YearState;
    expect(stored).toMatchObject({ closed: { at: snapshot.closedAt, by: 'l@x.vn' }, snapshotRow: 3, summary: r.summary });
    expect(close.year).toEqual(stored);
    // The state read is not changed by planning.
    expect(i.state.year!.closed).toBeUndefined();
  });

  it('appends no second snapshot when this close already stored one after the last reopening', () => {
    const { i, r, snapshot } = results();
    const state = { ...i.state, year: { ...i.state.year!, reopenedAfterRow: 2 } };
    const grid: Grid = [['Năm'], [2021], [2021]];
    const close = closePlan({ state, results: r.plan, summary: r.summary, snapshot, snapshotGrid: grid, unitIds: [] });
    expect(close.plan.blocks.some((b) => b.append)).toBe(false);
    expect(close.plan.grow).toEqual([]);
    expect(close.year.snapshotRow).toBe(3);
    const fresh = closePlan({ state: i.state, results: r.plan, summary: r.summary, snapshot, snapshotGrid: grid, unitIds: [] });
    expect(fresh.year.snapshotRow).toBe(2);
  });
});
