/**
 * The unit tab's conditional formats, painted as Sheets paints them (the fake reads each rule's
 * custom formula per cell, relative to the range's top-left cell): a wrong value a clerk types is
 * marked red in place, before anyone refreshes Kiểm tra.
 */
import { describe, expect, it } from 'vitest';
import { ROW_KIND_LABEL } from '../../src/core/vocabulary';
import { workbookText } from '../../src/i18n/workbook';
import { unitConditionalFormats } from '../../src/workbook/format';
import { UNIT_LAYOUT } from '../../src/workbook/unitSheet';
import { createFakeGoogle } from '../fakes/google';
import { conditionalBackgrounds } from '../fakes/sheets-formulas';

const CLERK = 'vanphong.binhthuan@example.com';
const INVALID = '#f4c7c3';
const MISSING = '#fce8b2';
const K = ROW_KIND_LABEL;
const C = UNIT_LAYOUT.column;

/** A unit tab's criteria rows (kind, max) from row 5, with the product's rules on it. */
function unitTab(rows: Array<[string, number | '']>) {
  const g = createFakeGoogle({ editors: [CLERK] });
  const app = g.globals.SpreadsheetApp;
  const sheet = app.getActiveSpreadsheet().insertSheet('Bình Thuận');
  const first = UNIT_LAYOUT.firstRow;
  const last = first + rows.length - 1;
  sheet.getRange(first, C.kind, rows.length, 2).setValues(rows);
  sheet.setConditionalFormatRules(unitConditionalFormats(last).map((spec) =>
    app.newConditionalFormatRule().whenFormulaSatisfied(spec.formula).setBackground(spec.background)
      .setRanges(spec.blocks.map((b) => sheet.getRange(b.row, b.column, b.rows, b.columns))).build()));
  const type = (row: number, col: number, typed: string) => expect(g.userEdit(CLERK, 'Bình Thuận', `${String.fromCharCode(64 + col)}${row}`, typed)).toMatchObject({ ok: true });
  const painted = (row: number, col: number) => conditionalBackgrounds(g.shared.spreadsheet, sheet.state, last, UNIT_LAYOUT.width)[row - 1]![col - 1];
  return { type, painted, first };
}

describe('unit tab conditional formats, as Sheets paints them', () => {
  it('marks text, a score over the maximum and "8,5" over a maximum of 5; leaves good values and blanks of group rows alone', () => {
    const { type, painted, first } = unitTab([[K.qualitative, 5], [K.qualitative, 5], [K.qualitative, 5], [K.qualitative, 5], [K.qualitative, 10]]);
    type(first, C.self, 'abc');
    type(first + 1, C.self, '7');
    type(first + 2, C.self, '8,5');
    type(first + 3, C.self, '4,5');
    type(first + 4, C.self, '8,5');
    expect([0, 1, 2].map((i) => painted(first + i, C.self))).toEqual([INVALID, INVALID, INVALID]);
    expect(painted(first + 3, C.self)).toBe('');
    expect(painted(first + 4, C.self)).toBe('');
  });

  it('marks text typed on a deduction row (ABS of a text must not hide it behind an error)', () => {
    const { type, painted, first } = unitTab([[K.deduction, 5], [K.deduction, 5], [K.bonus, 5]]);
    type(first, C.self, 'abc');
    type(first + 1, C.self, '-3');
    type(first + 2, C.final, 'xyz');
    expect(painted(first, C.self)).toBe(INVALID);
    expect(painted(first + 1, C.self)).toBe('');
    expect(painted(first + 2, C.final)).toBe(INVALID);
  });

  it('marks a wrong veto answer and a text result, and shows unanswered rows in yellow', () => {
    const { type, painted, first } = unitTab([[K.veto, ''], [K.quantitative, 10], [K.qualitative, 5], [K.veto, '']]);
    type(first, C.self, 'có lẽ');
    type(first + 1, C.result, 'nhiều');
    type(first + 3, C.self, workbookText.unit.vetoNo);
    expect(painted(first, C.self)).toBe(INVALID);
    expect(painted(first + 1, C.result)).toBe(INVALID);
    expect(painted(first + 2, C.self)).toBe(MISSING);
    expect(painted(first + 3, C.self)).toBe('');
  });
});
