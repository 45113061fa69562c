/**
 * setupScope / setupPlan: set-up as data. A refusal plans nothing; a first set-up plans the
 * year's tabs in their order and every unit tab with its protections; a tab of the unit's name
 * that is not ours is reported and left out; the state record names the tabs as listed.
 */
import { describe, expect, it } from 'vitest';
import { sampleYearConfig } from '../../src/app/sample';
import { workbookText } from '../../src/i18n/workbook';
import { readState } from '../../src/workbook/state';
import { reportedProblems, setupPlan, setupRecord, setupRefusal, setupScope, type SetupScopeInput } from '../../src/workbook/setupPlan';

const T = workbookText.tabs;
const OWNER = 'owner@example.com';

function input(over: Partial<SetupScopeInput> = {}): SetupScopeInput {
  return {
    config: sampleYearConfig(2021), state: readState({}), tabs: [{ name: 'Trang tính1', id: 0, index: 0 }],
    configBefore: [], criteriaBefore: [], user: OWNER, owner: OWNER, thisYear: 2021, resume: false, unitsPerRun: 200, ...over,
  };
}

describe('setupScope', () => {
  it('refuses a config of the wrong shape, a closed year and nothing to set up from, before planning', () => {
    expect(setupRefusal({ cluster: 1 }, readState({}))?.refused).toBe(workbookText.actions.badConfig);
    expect(setupRefusal(undefined, readState({}), [])?.refused).toBe(workbookText.actions.notSetUp);
    expect(setupRefusal(undefined, readState({}))).toBeNull();
    expect(setupScope(input({ user: 'nguoingoai@example.org' }))).toEqual({ refused: workbookText.actions.onlyLeaderOrOwner, problems: [] });
  });

  it('reads each unit tab by name when the state has none, and no more than a part holds', () => {
    const scope = setupScope(input({ unitsPerRun: 2, tabs: [{ name: 'Trang tính1', id: 0, index: 0 }, { name: 'Tây Ninh', id: 7, index: 1 }] }));
    if ('refused' in scope) throw new Error(scope.refused);
    expect(scope.reads.map((r) => r.position)).toEqual([0, 1]);
    const all = setupScope(input({ tabs: [{ name: 'Trang tính1', id: 0, index: 0 }, { name: 'tây ninh', id: 7, index: 1 }] }));
    if ('refused' in all) throw new Error(all.refused);
    expect(all.reads.filter((r) => r.tab).map((r) => r.tab!.id)).toEqual([7]);
  });
});

describe('setupPlan', () => {
  it('plans the year tabs in order, each unit tab whole, and the year protections last', () => {
    const scope = setupScope(input());
    if ('refused' in scope) throw new Error(scope.refused);
    const plan = setupPlan(scope, { unitGrids: new Map(), ballotBefore: [] }, ['a@example.com']);
    expect(plan.adoptBlank).toBe(true);
    expect(plan.steps.map((s) => `${s.kind}:${s.tab}`)).toEqual([
      `grid:${T.config}`, `grid:${T.criteria}`, `head:${T.summary}`, `grid:${T.ballot}`, `head:${T.log}`, `head:${T.snapshot}`,
      `freeze:${T.config}`, `freeze:${T.criteria}`, `freeze:${T.summary}`,
    ]);
    expect(plan.units).toHaveLength(6);
    for (const u of plan.units) {
      expect(u.tabId).toBeNull();
      expect(u.insertBefore).toBe(T.summary);
      expect(u.protections.length).toBeGreaterThan(0);
      expect(u.protections.every((p) => p.sheet === u.name)).toBe(true);
    }
    expect(plan.protections.some((p) => p.sheet === T.config)).toBe(true);
    expect(plan.share).toEqual(['a@example.com']);
  });

  it('leaves out a tab of a unit\'s name that is not ours, and reports it only once the part reached it', () => {
    const tabs = [{ name: T.config, id: 1, index: 0 }, { name: 'Tây Ninh', id: 9, index: 1 }];
    const scope = setupScope(input({ tabs }));
    if ('refused' in scope) throw new Error(scope.refused);
    const at = scope.reads.find((r) => r.tab?.id === 9)!.position;
    const plan = setupPlan(scope, { unitGrids: new Map([[at, [['Bảng của tôi', 'không phải của add-on']]]]), ballotBefore: [] }, []);
    expect(plan.adoptBlank).toBe(false);
    expect(plan.units.map((u) => u.unitId)).not.toContain('Tây Ninh');
    expect(reportedProblems(plan, at + 1).map((p) => p.message)).toContain(workbookText.problems.tabForeign('Tây Ninh'));
    expect(reportedProblems(plan, at).map((p) => p.message)).not.toContain(workbookText.problems.tabForeign('Tây Ninh'));
  });

  it('records the tabs as listed after the writes, and a cursor when units remain', () => {
    const scope = setupScope(input({ unitsPerRun: 2 }));
    if ('refused' in scope) throw new Error(scope.refused);
    const plan = setupPlan(scope, { unitGrids: new Map(), ballotBefore: [] }, []);
    const listed = [T.config, T.criteria, plan.units[0]!.name, plan.units[1]!.name, T.summary].map((name, index) => ({ name, id: 100 + index, index }));
    const at = new Date(Date.UTC(2021, 0, 1));
    const record = setupRecord(plan, readState({}), OWNER, OWNER, false, {
      tabs: listed, written: [plan.units[0]!.unitId], next: 1, auditTrigger: true, archivedYears: [2020], at, resumeAfterMs: 3_600_000,
    });
    expect(record.refs).toEqual({ [plan.units[0]!.unitId]: { sheetId: 102, sheet: plan.units[0]!.name, index: 2 } });
    expect(record.year).toMatchObject({ year: 2021, owner: OWNER, auditTrigger: true, archivedYears: [2020], ids: { config: 100, criteria: 101, summary: 104 } });
    expect(record.setup).toEqual({
      year: 2021, next: 1, nextUnit: plan.units[1]!.unitId, total: 6, at: at.toISOString(), by: OWNER, resumeAt: new Date(at.getTime() + 3_600_000).toISOString(),
    });
  });
});
