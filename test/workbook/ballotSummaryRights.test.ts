import { describe, expect, it } from 'vitest';
import { computeYear } from '../../src/core/engine';
import { sampleCluster9Year } from '../../src/core/samples';
import { mergeBallot, parseBallots } from '../../src/workbook/ballot';
import { unitConditionalFormats, unitValidations } from '../../src/workbook/format';
import { cellAt, type Grid } from '../../src/workbook/grid';
import { identify, isLeader, mayEditByPlan, protectionDescription, protectionKey, protectionPlan, sharedProtectionPlan, type RightsFacts } from '../../src/workbook/rights';
import { readState, submissionStatus } from '../../src/workbook/state';
import { renderSummary, sectionCodes } from '../../src/workbook/summary';

const y = () => sampleCluster9Year(2021);

describe('the Bình xét tab', () => {
  it('lists every title as a row and every unit as a column', () => {
    const g = mergeBallot([], y().rules.titles, y().units) as Grid;
    expect(cellAt(g, 4, 1)).toBe('co-thi-dua');
    expect(g[2]!.slice(6)).toEqual(y().units.map((u) => u.id));
  });

  it('adds a new unit as a column at the right without moving typed votes', () => {
    const units = y().units;
    const g = mergeBallot([], y().rules.titles, units.slice(0, 3)).map((r) => [...r]) as Grid;
    g[3]![6] = 4;
    const merged = mergeBallot(g, y().rules.titles, units) as Grid;
    expect(cellAt(merged, 4, 7)).toBe(4);
    expect(merged[2]!.slice(6)).toEqual(units.map((u) => u.id));
  });

  it('reads a held ballot and skips titles not voted on yet', () => {
    const g = mergeBallot([], y().rules.titles, y().units).map((r) => [...r]) as Grid;
    g[3]!.splice(2, 4, 6, 6, 6, 0);
    g[3]![10] = 5;
    const p = parseBallots(g, y().rules.titles, y().units);
    expect(p.problems).toEqual([]);
    expect(p.ballots).toEqual([{ titleId: 'co-thi-dua', issued: 6, returned: 6, valid: 6, invalid: 0, votes: { 'Đồng Nai': 5 } }]);
  });

  it('leaves out a ballot whose counts do not add up, reporting the cell', () => {
    const g = mergeBallot([], y().rules.titles, y().units).map((r) => [...r]) as Grid;
    g[3]!.splice(2, 4, 6, 6, 4, 1);
    const p = parseBallots(g, y().rules.titles, y().units);
    expect(p.ballots).toEqual([]);
    expect(p.problems.map((x) => [x.a1, x.message])).toEqual([['E4', 'Phiếu hợp lệ (4) cộng phiếu không hợp lệ (1) khác số phiếu thu về (6)']]);
  });

  it('refuses more votes than valid ballots and fractional counts', () => {
    const g = mergeBallot([], y().rules.titles, y().units).map((r) => [...r]) as Grid;
    g[3]!.splice(2, 4, 6, 6, 6, 0);
    g[3]![6] = 7;
    g[3]![7] = 1.5;
    const p = parseBallots(g, y().rules.titles, y().units);
    expect(p.problems.map((x) => x.a1)).toEqual(['G4', 'H4']);
    expect(p.ballots).toEqual([]);
  });
});

describe('the Tổng hợp tab', () => {
  const input = () => {
    const year = y();
    return {
      clusterName: year.cluster.name, year: 2021, result: computeYear(year), units: year.units, criteria: year.criteria,
      titles: year.rules.titles, status: {}, problems: [], at: '14:05 25/03/2021', by: 'a@b.vn',
    };
  };

  it('shows the ranking, one row per unit, with a column per top-level section', () => {
    const g = renderSummary(input(), { rows: 0, columns: 0 });
    expect(sectionCodes(y().criteria)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']);
    expect(g[3]!.slice(16)).toEqual(['Mục I', 'Mục II', 'Mục III', 'Mục IV', 'Mục V', 'Mục VI', 'Mục VII', 'Mục VIII']);
    expect(g.slice(4, 10).map((r) => r[1])).toEqual(computeYear(y()).units.map((u) => u.unitId));
  });

  it('pads to the size of the previous summary so no stale row stays', () => {
    const g = renderSummary(input(), { rows: 80, columns: 30 });
    expect(g).toHaveLength(80);
    expect(g.every((r) => r.length === 30)).toBe(true);
    expect(g[79]!.every((v) => v === '')).toBe(true);
  });
});

describe('rights', () => {
  const facts = (): RightsFacts => ({ owner: 'owner@x.vn', units: y().units, team: [{ email: 'team@x.vn' }], leaderUnitId: 'Bình Dương' });

  it('knows the owner, the cụm trưởng, a unit, the team and a viewer', () => {
    expect(identify('OWNER@x.vn', facts()).roles).toEqual(['owner']);
    expect(identify('vanphong.binhduong@example.com', facts())).toEqual({ email: 'vanphong.binhduong@example.com', roles: ['leader', 'unit'], unitIds: ['Bình Dương'] });
    expect(identify('vanphong.tayninh@example.com', facts()).roles).toEqual(['unit']);
    expect(identify('team@x.vn', facts()).roles).toEqual(['crossCheck']);
    expect(identify('', facts()).roles).toEqual(['viewer']);
    expect(isLeader(identify('vanphong.tayninh@example.com', facts()))).toBe(false);
  });

  it('gives a unit its own columns until it submits', () => {
    const tab = { unit: y().units[5]!, sheet: 'Tây Ninh', lastRow: 43, status: 'open' as const };
    const open = protectionPlan(2021, facts(), [tab], false);
    const sub = protectionPlan(2021, facts(), [{ ...tab, status: 'submitted' }], false);
    const area = (plan: typeof open) => plan.find((p) => p.key === '2021:unit:Tây Ninh:unit')!;
    expect(area(open).editors).toEqual(['vanphong.tayninh@example.com', 'vanphong.binhduong@example.com']);
    expect(area(sub).editors).toEqual(['vanphong.binhduong@example.com']);
    // F5:I43: Kết quả to Minh chứng, first to last criterion row.
    expect(area(open).range).toMatchObject({ row: 5, column: 6, rows: 39, columns: 4 });
  });

  it('gives every cell to the owner alone once closed, and leaves the tabs themselves to the cụm trưởng', () => {
    const tab = { unit: y().units[5]!, sheet: 'Tây Ninh', lastRow: 43, status: 'open' as const };
    const plan = [...protectionPlan(2021, facts(), [tab], true), ...sharedProtectionPlan(facts(), true)];
    const leader = 'vanphong.binhduong@example.com';
    for (const sheet of ['Tây Ninh', 'Cấu hình', 'Tiêu chí', 'Bình xét', 'Tổng hợp', 'Nhật ký', 'Lưu trữ kết quả']) {
      for (const [row, column] of [[1, 1], [3, 2], [8, 7], [8, 11], [900, 26]] as const) {
        expect(mayEditByPlan(plan, sheet, row, column, leader, 'owner@x.vn'), `${sheet} ${row}:${column}`).toBe(false);
        expect(mayEditByPlan(plan, sheet, row, column, 'owner@x.vn', 'owner@x.vn')).toBe(true);
      }
    }
    // Sheet protections (renaming, hiding a tab) stay the cụm trưởng's: copying to a new year archives them.
    const sheetLevel = plan.filter((p) => p.range === null && !p.wholeTab && p.key.startsWith('2021:'));
    expect(sheetLevel.map((p) => p.editors)).toEqual(sheetLevel.map(() => [leader]));
    expect(plan.filter((p) => p.wholeTab).map((p) => [p.sheet, p.editors])).toEqual(
      ['Cấu hình', 'Tiêu chí', 'Bình xét', 'Tổng hợp', 'Tây Ninh'].map((s) => [s, []]));
  });

  it('takes the closed year\'s locks away when the year is open again', () => {
    const tab = { unit: y().units[5]!, sheet: 'Tây Ninh', lastRow: 43, status: 'open' as const };
    const plan = protectionPlan(2021, facts(), [tab], false);
    expect(plan.filter((p) => p.wholeTab).every((p) => p.remove)).toBe(true);
    expect(mayEditByPlan(plan, 'Tây Ninh', 8, 11, 'vanphong.binhduong@example.com', 'owner@x.vn')).toBe(true);
  });

  it('decides a cell by every protection that covers it, as Sheets does', () => {
    const tab = { unit: y().units[5]!, sheet: 'Tây Ninh', lastRow: 43, status: 'open' as const };
    const plan = protectionPlan(2021, facts(), [tab], false);
    const me = 'vanphong.tayninh@example.com';
    expect(mayEditByPlan(plan, 'Tây Ninh', 8, 7, me, 'owner@x.vn')).toBe(true);
    expect(mayEditByPlan(plan, 'Tây Ninh', 8, 10, me, 'owner@x.vn')).toBe(false);
    expect(mayEditByPlan(plan, 'Tây Ninh', 2, 7, me, 'owner@x.vn')).toBe(false);
    expect(mayEditByPlan(plan, 'Tây Ninh', 2, 7, 'owner@x.vn', 'owner@x.vn')).toBe(true);
  });

  it('finds its own protections by the key in the description, and no one else’s', () => {
    const d = protectionDescription({ key: '2021:config', label: 'Cấu hình' });
    expect(protectionKey(d)).toBe('2021:config');
    expect(protectionKey('Bảo vệ của người khác')).toBeNull();
  });
});

describe('the stored state', () => {
  it('reads nothing from no properties, and ignores garbage', () => {
    const s = readState({ 'thidua.year': '{not json', 'thidua.tab.A': '"x"', 'other.key': '1' });
    expect(s).toEqual({ year: null, tabs: {}, submissions: {}, lastEdits: {}, queuedLog: [] });
  });

  it('reads submissions, and says closed once the year is', () => {
    const s = readState({
      'thidua.year': JSON.stringify({ year: 2021, owner: 'o@x.vn', summary: { rows: 1, columns: 1 }, archivedYears: [], auditTrigger: true, indexes: {}, ids: {} }),
      'thidua.submission.Tây Ninh': JSON.stringify({ status: 'submitted', at: '2021-11-01T00:00:00Z', by: 'a@b.vn' }),
    });
    expect(submissionStatus(s, 'Tây Ninh')).toBe('submitted');
    expect(submissionStatus(s, 'Đồng Nai')).toBe('open');
    s.year!.closed = { at: 'x', by: 'y' };
    expect(submissionStatus(s, 'Tây Ninh')).toBe('closed');
  });

  it('keeps the late edits that are whole and drops the rest', () => {
    const ok = { sheet: 'Tây Ninh', a1: 'G8:H9', at: '2021-11-01T00:00:00Z', by: 'a@b.vn', unitId: 'Tây Ninh' };
    const s = readState({
      'thidua.year': JSON.stringify({
        year: 2021, owner: 'o@x.vn', summary: { rows: 1, columns: 1 }, archivedYears: [], auditTrigger: true, indexes: {}, ids: {},
        lateEdits: [ok, { sheet: 'Tây Ninh', a1: 5 }, null, { ...ok, unitId: 3 }, { sheet: 'Cấu hình', a1: 'B5:C6', at: 'x', by: 'y' }],
      }),
    });
    expect(s.year!.lateEdits).toEqual([ok, { sheet: 'Cấu hình', a1: 'B5:C6', at: 'x', by: 'y' }]);
  });
});

describe('validation and formats of a unit tab', () => {
  it('checks each score column with one rule relative to its first row, flagging, not rejecting', () => {
    const v = unitValidations(43);
    expect(v.map((x) => [x.block.column, x.block.rows])).toEqual([[6, 39], [7, 39], [10, 39], [11, 39]]);
    expect(v[1]!.formula).toContain('<=$D5');
    expect(v[1]!.formula).toContain('ISNUMBER(G5)');
    expect(v[1]!.formula).toContain('"Không giao"');
  });

  it('marks invalid values red, missing answers yellow and group rows grey', () => {
    const c = unitConditionalFormats(43);
    expect(c.map((x) => x.background)).toEqual(['#f4c7c3', '#f4c7c3', '#f4c7c3', '#f4c7c3', '#fce8b2', '#fce8b2', '#e8eaed']);
  });
});
