/**
 * A paste of a block is one edit: Sheets fires one onEdit whose range is the whole pasted block
 * ("range: a Range object, representing the cell or range of cells that were edited"), without
 * value or oldValue. The playground's grid sends a pasted block as one userEdit for this reason.
 */
import { describe, expect, it } from 'vitest';
import { createFakeGoogle } from './google';

const OWNER = 'chusohuu@gmail.com';
const CLERK = 'vanphong.binhthuan@gmail.com';

describe('the edit event of a paste', () => {
  it('fires once, for the whole block, with no value', () => {
    const g = createFakeGoogle({ owner: OWNER, editors: [CLERK] });
    const ss = g.globals.SpreadsheetApp.getActiveSpreadsheet();
    ss.insertSheet('Bình Thuận');
    const seen: Array<{ a1: string; sheet: string; value?: string }> = [];
    g.setHandlerScope({
      log: (e: { range: { getA1Notation(): string; getSheet(): { getName(): string } }; value?: string }) =>
        seen.push({ a1: e.range.getA1Notation(), sheet: e.range.getSheet().getName(), ...(e.value !== undefined ? { value: e.value } : {}) }),
    });
    g.globals.ScriptApp.newTrigger('log').forSpreadsheet(ss).onEdit().create();
    expect(g.userEdit(CLERK, 'Bình Thuận', 'G5', [['4', 'Đã có kế hoạch'], ['3,5', 'Đã báo cáo']])).toMatchObject({ ok: true });
    expect(seen).toEqual([{ a1: 'G5:H6', sheet: 'Bình Thuận' }]);
    g.userEdit(CLERK, 'Bình Thuận', 'G7', '2');
    expect(seen[1]).toEqual({ a1: 'G7', sheet: 'Bình Thuận', value: '2' });
  });
});
