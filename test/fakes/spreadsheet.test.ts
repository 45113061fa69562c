import { describe, expect, it } from 'vitest';
import { createFakeGoogle } from './google';

function setup() {
  const g = createFakeGoogle({ owner: 'owner@example.com', now: new Date('2025-03-01T00:00:00Z') });
  const ss = g.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.insertSheet('Bình Dương');
  g.env.resetCalls();
  return { g, ss, sheet };
}

describe('values', () => {
  it('returns what setValues wrote, row by row', () => {
    const { sheet } = setup();
    const when = new Date('2025-01-02T03:00:00Z');
    sheet.getRange('A1:C2').setValues([[1, 'hai', true], [when, '', 8.5]]);
    expect(sheet.getRange(1, 1, 2, 3).getValues()).toEqual([[1, 'hai', true], [when, '', 8.5]]);
  });

  it('returns copies, so changing the result does not change the sheet', () => {
    const { sheet } = setup();
    const when = new Date('2025-01-02T03:00:00Z');
    sheet.getRange('A1:B1').setValues([[1, when]]);
    const read = sheet.getRange('A1:B1').getValues();
    read[0]![0] = 99;
    (read[0]![1] as Date).setFullYear(1990);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[1, when]]);
  });

  it('returns "" for blank cells', () => {
    const { sheet } = setup();
    expect(sheet.getRange('D4:E4').getValues()).toEqual([['', '']]);
    expect(sheet.getRange('D4').getValue()).toBe('');
  });

  it('refuses data with the wrong number of rows, in Apps Script words, and writes nothing', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B3').setValues([[1, 2], [3, 4]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.');
    expect(sheet.getLastRow()).toBe(0);
  });

  it('refuses data with the wrong number of columns', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.');
    expect(sheet.getRange('A1').getValue()).toBe('');
  });

  it('reads strings the way Sheets does in a vi_VN sheet', () => {
    const { sheet } = setup();
    sheet.getRange('A1:F1').setValues([['8,5', '01', '8.5', "'01", 'TRUE', '1.000']]);
    expect(sheet.getRange('A1:F1').getValues()).toEqual([[8.5, 1, '8.5', '01', true, 1000]]);
  });

  it('keeps strings as typed in a plain-text cell', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setNumberFormat('@');
    sheet.getRange('A1:B1').setValues([['01', '=1+1']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['01', '=1+1']]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['', '']]);
  });

  it('stores a string starting with "=" as a formula, computes it, and keeps a result a test pins', () => {
    const { g, sheet } = setup();
    sheet.getRange('A1').setValue('=SUM(B1:B3)');
    expect(sheet.getRange('A1').getFormula()).toBe('=SUM(B1:B3)');
    expect(sheet.getRange('A1').getValue()).toBe(0);
    g.setFormulaResult('Bình Dương', 'A1', '#REF!');
    expect(sheet.getRange('A1').getValue()).toBe('#REF!');
  });

  it('sets every cell of a block with setValue', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValue(0);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([[0, 0], [0, 0]]);
  });

  it('clears contents but keeps formats and notes', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1');
    r.setValue(5).setBackground('#ff0000').setNote('ghi chú');
    r.clearContent();
    expect(r.getValue()).toBe('');
    expect(r.getBackground()).toBe('#ff0000');
    expect(r.getNote()).toBe('ghi chú');
  });

  it('refuses a cell over 50 000 characters', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1').setValue('x'.repeat(50_001))).toThrow(/50000 characters/);
    expect(sheet.getRange('A1').getValue()).toBe('');
  });
});

describe('display values in vi_VN', () => {
  it('shows decimals with a comma', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([[8.5, 10, 1 / 3]]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['8,5', '10', '0,3333333333']]);
  });

  it('shows dates as dd/MM/yyyy in the spreadsheet time zone', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(new Date('2025-12-30T17:00:00Z'));
    expect(sheet.getRange('A1').getDisplayValue()).toBe('31/12/2025');
  });

  it('applies number formats with vi_VN separators', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([[1234.5, 0.256, 8]]);
    sheet.getRange('A1:C1').setNumberFormats([['#,##0.00', '0.0%', '0.00']]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['1.234,50', '25,6%', '8,00']]);
  });

  it('shows booleans as TRUE / FALSE', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([[true, false]]);
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['TRUE', 'FALSE']]);
  });
});

describe('ranges and sheets', () => {
  it('resolves quoted sheet names in A1 notation', () => {
    const { ss, sheet } = setup();
    sheet.getRange('B2').setValue('x');
    const r = ss.getRange("'Bình Dương'!A1:C3");
    expect(r.getSheet().getName()).toBe('Bình Dương');
    expect(r.getValues()[1]![1]).toBe('x');
    expect(r.getA1Notation()).toBe('A1:C3');
  });

  it('throws "Range not found" for an unknown sheet', () => {
    const { ss } = setup();
    expect(() => ss.getRange("'Không có'!A1")).toThrow('Range not found');
  });

  it('throws when a numeric range is outside the sheet, and grows after insertRowsAfter', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    sheet.insertRowsAfter(1000, 5);
    expect(sheet.getMaxRows()).toBe(1005);
    expect(sheet.getRange(1001, 1).getA1Notation()).toBe('A1001');
  });

  it('shifts values below inserted rows', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([[1], [''], [''], [2], [3]]);
  });

  it('appends rows after the last row with content and grows a full sheet', () => {
    const { ss } = setup();
    const log = ss.insertSheet('Nhật ký');
    log.getRange(1000, 1).setValue('cuối');
    log.appendRow(['a', 'b']);
    expect(log.getMaxRows()).toBe(1001);
    expect(log.getRange('A1001:B1001').getValues()).toEqual([['a', 'b']]);
  });

  it('reports last row and column of the content, and a data range over it', () => {
    const { sheet } = setup();
    sheet.getRange('C5').setValue(1);
    sheet.getRange('A2').setBackground('#eeeeee');
    expect(sheet.getLastRow()).toBe(5);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
  });

  it('refuses a second sheet with the same name, whatever the case', () => {
    const { ss } = setup();
    expect(() => ss.insertSheet('bình dương')).toThrow(/already exists/);
  });

  it('finds a sheet by name without regard to case', () => {
    const { ss } = setup();
    expect(ss.getSheetByName('BÌNH DƯƠNG')?.getName()).toBe('Bình Dương');
    expect(ss.getSheetByName('Không có')).toBeNull();
  });

  it('offsets a range and keeps its size', () => {
    const { sheet } = setup();
    const r = sheet.getRange('B2:C3').offset(1, 1);
    expect(r.getA1Notation()).toBe('C3:D4');
  });

  it('keeps open-ended A1 notation for whole columns', () => {
    const { sheet } = setup();
    const r = sheet.getRange('B:C');
    expect(r.getA1Notation()).toBe('B:C');
    expect(r.getNumRows()).toBe(1000);
  });

  it('merges keeping the top-left value only', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['giữ', 'mất']]);
    sheet.getRange('A1:B1').merge();
    expect(sheet.getRange('B1').isPartOfMerge()).toBe(true);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['giữ', '']]);
    expect(sheet.getRange('C1').isPartOfMerge()).toBe(false);
  });

  it('deletes a sheet and refuses to delete the last one', () => {
    const { ss, sheet } = setup();
    ss.deleteSheet(sheet);
    expect(ss.getSheetByName('Bình Dương')).toBeNull();
    expect(() => ss.deleteSheet(ss.getSheets()[0]!)).toThrow(/all the sheets/);
  });
});

describe('call counting', () => {
  it('counts getRange and getValues on a block as two calls', () => {
    const { g, sheet } = setup();
    sheet.getRange(1, 1, 50, 10).getValues();
    expect(g.env.calls.map((c) => c.name)).toEqual(['Sheet.getRange', 'Range.getValues']);
  });

  it('counts a cell-by-cell loop as one call per cell per method', () => {
    const { g, sheet } = setup();
    for (let r = 1; r <= 5; r++) sheet.getRange(r, 1).getValue();
    expect(g.env.count('Range.getValue')).toBe(5);
    expect(g.env.callCount).toBe(10);
  });

  it('counts SpreadsheetApp and Spreadsheet calls by their class names', () => {
    const { g } = setup();
    g.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Bình Dương');
    expect(g.env.calls.map((c) => c.name)).toEqual(['SpreadsheetApp.getActiveSpreadsheet', 'Spreadsheet.getSheetByName']);
  });
});

describe('injected faults', () => {
  it('makes the Nth call throw, and that call writes nothing', () => {
    const { g, sheet } = setup();
    const r = sheet.getRange('A1:B1');
    g.env.failNthCall(1);
    expect(() => r.setValues([[1, 2]])).toThrow(/Service invoked too many times/);
    expect(g.peek('Bình Dương', 'A1:B1')).toEqual([['', '']]);
    r.setValues([[1, 2]]);
    expect(g.peek('Bình Dương', 'A1:B1')).toEqual([[1, 2]]);
  });

  it('fails a named call when asked', () => {
    const { g, sheet } = setup();
    g.env.failWhen((name) => name === 'Range.setValues', 'Exceeded maximum execution time');
    expect(() => sheet.getRange('A1').setValues([[1]])).toThrow('Exceeded maximum execution time');
    expect(g.peek('Bình Dương', 'A1')).toEqual([['']]);
  });
});
