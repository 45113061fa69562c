import { describe, expect, it } from 'vitest';
import { PROTECTED_EDIT_MESSAGE, VIEW_ONLY_MESSAGE, createFakeGoogle } from './google';
import { PROTECTED_CELL_MESSAGE } from './sheets-model';

const OWNER = 'owner@x.vn';
const BD = 'bd@x.vn';

function setup() {
  const g = createFakeGoogle({ owner: OWNER, editors: [BD] });
  const ss = g.globals.SpreadsheetApp.getActiveSpreadsheet();
  const unit = ss.insertSheet('Bình Dương');
  unit.getRange('A1:A6').setValues([[1], [2], [3], [4], [5], [6]]);
  const locked = unit.getRange('A3:A4').protect();
  locked.removeEditors(locked.getEditors());
  const summary = ss.insertSheet('Tổng hợp');
  const sp = summary.protect();
  sp.removeEditors(sp.getEditors());
  g.env.resetCalls();
  return { g, ss, unit, summary, locked };
}

describe('deleting rows', () => {
  it('moves the rows below up and shrinks the sheet', () => {
    const { g, unit } = setup();
    unit.deleteRows(5, 1);
    expect(g.peek('Bình Dương', 'A1:A6')).toEqual([[1], [2], [3], [4], [6], ['']]);
    expect(unit.getMaxRows()).toBe(999);
  });

  it('moves a protection below the deleted rows up with them', () => {
    const { unit, locked } = setup();
    unit.deleteRow(1);
    expect(locked.getRange().getA1Notation()).toBe('A2:A3');
  });

  it('removes a protection whose rows are all deleted', () => {
    const { g, ss, unit } = setup();
    unit.deleteRows(3, 2);
    expect(ss.getProtections(g.globals.SpreadsheetApp.ProtectionType.RANGE)).toEqual([]);
  });

  it('refuses a script running as a non-editor deleting protected rows', () => {
    const { g, unit } = setup();
    g.asUser(BD, () => expect(() => unit.deleteRows(2, 2)).toThrow(PROTECTED_CELL_MESSAGE));
    expect(g.peek('Bình Dương', 'A1:A3')).toEqual([[1], [2], [3]]);
  });
});

describe('a person in the Sheets UI', () => {
  it('cannot rename or delete a tab protected against them', () => {
    const { g } = setup();
    expect(g.userRenameSheet(BD, 'Tổng hợp', 'Của tôi')).toEqual({ ok: false, message: PROTECTED_EDIT_MESSAGE });
    expect(g.userDeleteSheet(BD, 'Tổng hợp')).toEqual({ ok: false, message: PROTECTED_EDIT_MESSAGE });
    expect(g.peek('Tổng hợp', 'A1')).toEqual([['']]);
  });

  it('can rename a tab with protected cells but not delete it', () => {
    const { g, ss } = setup();
    expect(g.userRenameSheet(BD, 'Bình Dương', 'BD (cũ)')).toEqual({ ok: true, triggerErrors: [] });
    expect(ss.getSheetByName('BD (cũ)')).not.toBeNull();
    expect(g.userDeleteSheet(BD, 'BD (cũ)')).toEqual({ ok: false, message: PROTECTED_EDIT_MESSAGE });
  });

  it('can delete a tab with no protection', () => {
    const { g, ss } = setup();
    expect(g.userDeleteSheet(BD, 'Trang tính1')).toMatchObject({ ok: true });
    expect(ss.getSheetByName('Trang tính1')).toBeNull();
  });

  it('cannot delete rows holding protected cells, but can delete others', () => {
    const { g } = setup();
    expect(g.userDeleteRows(BD, 'Bình Dương', 4, 2)).toEqual({ ok: false, message: PROTECTED_EDIT_MESSAGE });
    expect(g.userDeleteRows(BD, 'Bình Dương', 6)).toMatchObject({ ok: true });
    expect(g.peek('Bình Dương', 'A1:A6')).toEqual([[1], [2], [3], [4], [5], ['']]);
  });

  it('cannot insert rows inside a protected block', () => {
    const { g } = setup();
    expect(g.userInsertRows(BD, 'Bình Dương', 3)).toMatchObject({ ok: false });
    expect(g.userInsertRows(BD, 'Bình Dương', 4)).toMatchObject({ ok: true });
  });

  it('cannot do anything in a file only shared for viewing', () => {
    const { g } = setup();
    expect(g.userRenameSheet('khach@x.vn', 'Bình Dương', 'x')).toEqual({ ok: false, message: VIEW_ONLY_MESSAGE });
  });

  it('leaves the script call log and fault plan alone', () => {
    const { g } = setup();
    g.env.failNthCall(1);
    expect(g.userInsertRows(BD, 'Bình Dương', 5)).toMatchObject({ ok: true });
    expect(g.env.callCount).toBe(0);
  });

  it('fires installable onChange triggers with the change type', () => {
    const { g, ss } = setup();
    const seen: string[] = [];
    g.setHandlerScope({ changed: (e: { changeType: string }) => seen.push(e.changeType) });
    g.globals.ScriptApp.newTrigger('changed').forSpreadsheet(ss).onChange().create();
    g.userInsertRows(BD, 'Bình Dương', 6);
    g.userEdit(BD, 'Bình Dương', 'B1', 1);
    g.userDeleteSheet(OWNER, 'Bình Dương');
    expect(seen).toEqual(['INSERT_ROW', 'EDIT', 'REMOVE_GRID']);
  });
});
