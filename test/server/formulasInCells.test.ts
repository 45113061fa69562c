/**
 * The custom functions typed into cells, as a clerk types them in a Vietnamese-locale sheet:
 * the BUILT dist/Code.js loaded into a node:vm context over the fake services, the formula
 * computed by the fake's evaluator (ranges as 2-D arrays, AuthMode.CUSTOM_FUNCTION). The cell
 * must show what the function gives when called directly, an error with its Vietnamese message,
 * and follow an edit of a referenced cell. `npm test` builds dist/ first.
 */
import { describe, expect, it } from 'vitest';
import { loadBundleOver } from '../helpers/bundle';
import { createFakeGoogle } from '../fakes/google';
import { formulaErrorOf } from '../fakes/sheets-formulas';
import { getCell } from '../fakes/sheets-model';

const OWNER = 'chanh.vp@example.com';
const CLERK = 'vanphong.ninhthuan@example.com';
const TAB = 'Ninh Thuận';
type Fn = (...args: unknown[]) => unknown;

function loaded() {
  const g = createFakeGoogle({ owner: OWNER, editors: [CLERK] });
  const context = loadBundleOver(g);
  const sheet = g.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet(TAB);
  // C: điểm chuẩn, D: điểm, E: tổng điểm of four units.
  sheet.getRange('C5:E8').setValues([[10, 8.5, 92.5], [20, 18, 88], [5, 2.5, 92.5], ['', '', 75]]);
  const direct = (name: string, ...args: unknown[]) => (context[name] as Fn)(...args);
  const cell = (a1: string) => sheet.getRange(a1);
  const hover = (a1: string) => {
    const r = sheet.getRange(a1);
    return formulaErrorOf(getCell(sheet.state, r.row, r.col));
  };
  return { g, direct, cell, hover };
}

describe('custom functions typed into cells, through the built bundle', () => {
  it('=THIDUA_SCORE(D5:D7;C5:C7) shows what THIDUA_SCORE gives for the same ranges', () => {
    const { g, direct, cell } = loaded();
    expect(g.userEdit(CLERK, TAB, 'F5', '=THIDUA_SCORE(D5:D7;C5:C7)')).toMatchObject({ ok: true });
    const expected = direct('THIDUA_SCORE', [[8.5], [18], [2.5]], [[10], [20], [5]]);
    expect(expected).toBe(29);
    expect(cell('F5').getValue()).toBe(expected);
    expect(cell('F5').getFormula()).toBe('=THIDUA_SCORE(D5:D7;C5:C7)');
    // The English form reads the same.
    g.userEdit(CLERK, TAB, 'G5', '=THIDUA_SCORE(D5:D7,C5:C7)');
    expect(cell('G5').getValue()).toBe(expected);
  });

  it('=THIDUA_RANK(E5:E8) spills the ranks THIDUA_RANK gives, down the column', () => {
    const { g, direct, cell } = loaded();
    g.userEdit(CLERK, TAB, 'F5', '=THIDUA_RANK(E5:E8)');
    const expected = direct('THIDUA_RANK', [[92.5], [88], [92.5], [75]]);
    expect(JSON.parse(JSON.stringify(expected))).toEqual([[1], [3], [1], [4]]);
    expect(cell('F5:F8').getValues()).toEqual([[1], [3], [1], [4]]);
    expect(cell('F5:F8').getDisplayValues()).toEqual([['1'], ['3'], ['1'], ['4']]);
  });

  it('shows #ERROR! with the Vietnamese message the function throws for a bad input', () => {
    const { g, direct, cell, hover } = loaded();
    g.userEdit(CLERK, TAB, 'D6', 21);
    g.userEdit(CLERK, TAB, 'F5', '=THIDUA_SCORE(D5:D7;C5:C7)');
    let thrown = '';
    try {
      direct('THIDUA_SCORE', [[8.5], [21], [2.5]], [[10], [20], [5]]);
    } catch (e) {
      thrown = (e as Error).message;
    }
    expect(thrown).toMatch(/^Dòng 2: /);
    expect(cell('F5').getValue()).toBe('#ERROR!');
    expect(hover('F5')).toEqual({ code: '#ERROR!', message: thrown });
  });

  it('follows an edit of a referenced cell', () => {
    const { g, cell } = loaded();
    g.userEdit(CLERK, TAB, 'F5', '=THIDUA_SCORE(D5:D7;C5:C7)');
    g.userEdit(CLERK, TAB, 'F6', '=THIDUA_RANK(E5:E8)');
    g.userEdit(CLERK, TAB, 'D5', '10');
    expect(cell('F5').getValue()).toBe(30.5);
    g.userEdit(CLERK, TAB, 'E8', '99');
    expect(cell('F6:F9').getValues()).toEqual([[2], [4], [2], [1]]);
  });
});
