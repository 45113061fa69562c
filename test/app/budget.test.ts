/**
 * What recompute costs in service calls, whatever the number of criteria: each unit tab is read
 * in one call, Tổng hợp is written in one block, and only changed computed points are written.
 * The figures are printed for the report; the assertions hold the budget.
 */
import { describe, expect, it } from 'vitest';
import { dataCalls } from '../../scripts/bench/recompute';
import { recompute } from '../../src/app/recompute';
import { setupYear } from '../../src/app/setup';
import { generateYear } from '../../src/core/samples';
import { UNIT_LAYOUT } from '../../src/workbook/unitSheet';
import { entryInputs } from '../helpers/workbook';
import { sectionCodes } from '../../src/workbook/summary';
import { workbookText } from '../../src/i18n/workbook';
import { createFakeGoogle, type FakeGoogle } from '../fakes/google';
import { OWNER, plug, spreadsheetCalls } from './world';

function filledGenerated(units: number, criteria: number): FakeGoogle {
  const year = generateYear({ units, criteria, seed: 7, year: 2024 });
  const g = createFakeGoogle({ owner: OWNER });
  g.share(year.units.flatMap((u) => u.focalEmails));
  plug(g);
  const r = g.asUser(OWNER, () => setupYear({ cluster: year.cluster, units: year.units, crossCheckTeam: [], rules: year.rules, criteria: year.criteria }));
  expect(r.ok, r.message).toBe(true);
  g.asUser(OWNER, () => {
    const ss = g.apps.SpreadsheetApp.getActiveSpreadsheet();
    for (const s of year.scores) {
      const typed = entryInputs(year.criteria, s.entries);
      const rows = typed.unit.map((u, i) => [...u, ...typed.crossCheck[i]!, ...typed.final[i]!]);
      ss.getSheetByName(s.unitId)!.getRange(UNIT_LAYOUT.firstRow, UNIT_LAYOUT.column.result, rows.length, 6).setValues(rows);
    }
  });
  return g;
}

function measure(g: FakeGoogle): { calls: number; data: number; all: number } {
  plug(g);
  const from = g.env.callCount;
  const r = g.asUser(OWNER, () => recompute());
  expect(r.ok, r.message).toBe(true);
  const names = spreadsheetCalls(g, from);
  return { calls: names.length, data: dataCalls(names.map((name) => ({ name }))), all: g.env.callCount - from };
}

describe('the cost of recompute', () => {
  const sizes: Array<[number, number]> = [[5, 30], [5, 100], [20, 30], [20, 100], [63, 30]];
  const figures: Record<string, { first: number; steady: number; steadyData: number; all: number }> = {};

  for (const [units, criteria] of sizes) {
    // units + 10: the 10th is the SpreadsheetApp.flush before the lock is released (Lock.releaseLock's reference).
    it(`stays within units + 10 spreadsheet calls (units + 5 that move data) for ${units} units × ${criteria} criteria`, () => {
      const g = filledGenerated(units, criteria);
      const first = measure(g);
      const steady = measure(g);
      figures[`${units}×${criteria}`] = { first: first.calls, steady: steady.calls, steadyData: steady.data, all: steady.all };
      expect(steady.calls).toBeLessThanOrEqual(units + 10);
      expect(steady.data).toBeLessThanOrEqual(units + 5);
      // The first run also writes each unit's computed points, once, and grows Tổng hợp once (4
      // calls) when its columns (the ranking's, then one per top-level section) pass a new tab's 26.
      const columns = workbookText.summary.header.length + sectionCodes(generateYear({ units, criteria, seed: 7, year: 2024 }).criteria).length;
      expect(first.calls).toBeLessThanOrEqual(steady.calls + 2 * units + (columns > 26 ? 4 : 0));
    });
  }

  it('does not grow with the number of criteria', () => {
    const ga = filledGenerated(5, 30);
    const gb = filledGenerated(5, 300);
    measure(ga);
    measure(gb);
    expect(measure(gb).calls).toBe(measure(ga).calls);
    console.log('recompute spreadsheet calls (first run / steady / steady data calls / all services):', JSON.stringify(figures));
  });
});
