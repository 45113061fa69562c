import { describe, expect, it } from 'vitest';
import { createFakeGoogle } from './google';

describe('Sheet.getIndex', () => {
  it('is the 1-based position of the tab among the spreadsheet\'s tabs, following insertions', () => {
    const g = createFakeGoogle({ owner: 'owner@example.com' });
    const ss = g.globals.SpreadsheetApp.getActiveSpreadsheet();
    const b = ss.insertSheet('B', ss.getSheets().length);
    expect(b.getIndex()).toBe(2);
    const a = ss.insertSheet('A', 0);
    expect(a.getIndex()).toBe(1);
    expect(b.getIndex()).toBe(3);
    expect(ss.getSheets().map((s) => s.getIndex())).toEqual([1, 2, 3]);
  });
});
