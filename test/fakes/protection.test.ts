import { describe, expect, it } from 'vitest';
import { PROTECTED_EDIT_MESSAGE, VIEW_ONLY_MESSAGE, WARNING_ONLY_MESSAGE, createFakeGoogle } from './google';
import { PROTECTED_CELL_MESSAGE } from './sheets-model';

const OWNER = 'owner@example.com';
const LEADER = 'cumtruong@vks.gov.vn';
const BD = 'binhduong@vks.gov.vn';
const DN = 'dongnai@vks.gov.vn';
const OUTSIDER = 'nguoingoai@gmail.com';

/** A unit tab whose D5:D20 only Bình Dương's officer (and the owner) may edit. */
function setup() {
  const g = createFakeGoogle({ owner: OWNER, editors: [LEADER, BD, DN] });
  const ss = g.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.insertSheet('Bình Dương');
  const p = sheet.getRange('D5:D20').protect().setDescription('Tự chấm — Bình Dương');
  p.removeEditors(p.getEditors());
  p.addEditor(BD);
  g.env.resetCalls();
  return { g, ss, sheet, p };
}

describe('protected ranges', () => {
  it('refuses a person who is not an editor of the protection, in Sheets words', () => {
    const { g } = setup();
    expect(g.userEdit(DN, 'Bình Dương', 'D6', 9)).toEqual({ ok: false, message: PROTECTED_EDIT_MESSAGE });
    expect(g.peek('Bình Dương', 'D6')).toEqual([['']]);
  });

  it('lets an editor of the protection type into it', () => {
    const { g } = setup();
    expect(g.userEdit(BD, 'Bình Dương', 'D6', '8,5')).toMatchObject({ ok: true });
    expect(g.peek('Bình Dương', 'D6')).toEqual([[8.5]]);
  });

  it('refuses a paste that touches a single protected cell, writing none of it', () => {
    const { g } = setup();
    expect(g.userEdit(DN, 'Bình Dương', 'C4', [[1, 2], [3, 4]])).toMatchObject({ ok: false });
    expect(g.peek('Bình Dương', 'C4:D5')).toEqual([['', ''], ['', '']]);
  });

  it('makes a script running as a non-editor throw on setValues, and writes nothing', () => {
    const { g, sheet } = setup();
    g.asUser(DN, () => {
      expect(() => sheet.getRange('A5:D5').setValues([[1, 2, 3, 4]])).toThrow(PROTECTED_CELL_MESSAGE);
      expect(() => sheet.getRange('D7').setValue(1)).toThrow(PROTECTED_CELL_MESSAGE);
      expect(() => sheet.getRange('D5:D6').clearContent()).toThrow(PROTECTED_CELL_MESSAGE);
      expect(() => sheet.getRange('D5').setBackground('#ff0000')).toThrow(PROTECTED_CELL_MESSAGE);
    });
    expect(g.peek('Bình Dương', 'A5:D5')).toEqual([['', '', '', '']]);
  });

  it('lets a script running as an editor of the protection write', () => {
    const { g, sheet } = setup();
    g.asUser(BD, () => sheet.getRange('D5').setValue(7));
    expect(g.peek('Bình Dương', 'D5')).toEqual([[7]]);
  });

  it('always lets the owner edit, even after being removed from the editors', () => {
    const { g, sheet, p } = setup();
    p.removeEditor(OWNER);
    expect(p.getEditors().map((u) => u.getEmail())).toContain(OWNER);
    expect(g.userEdit(OWNER, 'Bình Dương', 'D5', 1)).toMatchObject({ ok: true });
    sheet.getRange('D6').setValue(2);
    expect(g.peek('Bình Dương', 'D5:D6')).toEqual([[1], [2]]);
  });

  it('never removes the current user, as Apps Script does', () => {
    const { g, sheet } = setup();
    const p = g.asUser(LEADER, () => {
      const q = sheet.getRange('B1').protect();
      q.removeEditors(q.getEditors());
      return q;
    });
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, LEADER]);
    expect(g.userEdit(LEADER, 'Bình Dương', 'B1', 1)).toMatchObject({ ok: true });
    expect(g.userEdit(BD, 'Bình Dương', 'B1', 1)).toMatchObject({ ok: false });
  });

  it('mirrors the spreadsheet editors until its list is changed, as a new protection does', () => {
    const { g, sheet } = setup();
    const p = sheet.getRange('A1').protect();
    expect(p.getEditors().map((u) => u.getEmail()).sort()).toEqual([BD, LEADER, DN, OWNER].sort());
    expect(g.userEdit(DN, 'Bình Dương', 'A1', 'x')).toMatchObject({ ok: true });
  });

  it('answers canEdit for the current user', () => {
    const { g, p } = setup();
    expect(g.asUser(BD, () => p.canEdit())).toBe(true);
    expect(g.asUser(DN, () => p.canEdit())).toBe(false);
    expect(p.canEdit()).toBe(true);
  });

  it('only lets an editor of a protection change or remove it', () => {
    const { g, ss, p } = setup();
    g.asUser(DN, () => {
      expect(() => p.addEditor(DN)).toThrow('You do not have permission to perform that action.');
      expect(() => p.remove()).toThrow('You do not have permission to perform that action.');
      expect(() => p.setWarningOnly(true)).toThrow('You do not have permission to perform that action.');
    });
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, BD]);
    g.asUser(BD, () => p.addEditor(LEADER));
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, BD, LEADER]);
    p.remove();
    expect(ss.getProtections(g.globals.SpreadsheetApp.ProtectionType.RANGE)).toEqual([]);
    expect(g.userEdit(DN, 'Bình Dương', 'D6', 1)).toMatchObject({ ok: true });
  });

  it('lets anyone edit under a warning-only protection, with a warning to the person', () => {
    const { g, sheet, p } = setup();
    p.setWarningOnly(true);
    expect(p.isWarningOnly()).toBe(true);
    expect(g.userEdit(DN, 'Bình Dương', 'D6', 3)).toEqual({ ok: true, warning: WARNING_ONLY_MESSAGE, triggerErrors: [] });
    g.asUser(DN, () => sheet.getRange('D7').setValue(4));
    expect(g.peek('Bình Dương', 'D6:D7')).toEqual([[3], [4]]);
  });

  it('starts with domain edit off when the file is not shared with the domain', () => {
    const { p } = setup();
    expect(p.canDomainEdit()).toBe(false);
  });

  it('gives domain users edit rights only while domain edit is on', () => {
    const domainOwner = createFakeGoogle({ owner: 'admin@vks.gov.vn', editors: [DN] });
    const sheet = domainOwner.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
    const q = sheet.getRange('A1').protect();
    q.removeEditors(q.getEditors());
    q.setDomainEdit(true);
    expect(domainOwner.userEdit(DN, sheet.getName(), 'A1', 1)).toMatchObject({ ok: true });
    q.setDomainEdit(false);
    expect(domainOwner.userEdit(DN, sheet.getName(), 'A1', 2)).toMatchObject({ ok: false });
  });

  it('refuses a non-editor inserting rows inside it, but not above it', () => {
    const { g, sheet, p } = setup();
    g.asUser(DN, () => {
      expect(() => sheet.insertRowsAfter(10, 1)).toThrow(PROTECTED_CELL_MESSAGE);
      sheet.insertRowsAfter(2, 1);
    });
    expect(p.getRange().getA1Notation()).toBe('D6:D21');
  });

  it('moves with the rows inserted above it', () => {
    const { g, sheet, p } = setup();
    sheet.insertRowsAfter(2, 3);
    expect(p.getRange().getA1Notation()).toBe('D8:D23');
    expect(g.userEdit(DN, 'Bình Dương', 'D6', 1)).toMatchObject({ ok: true });
    expect(g.userEdit(DN, 'Bình Dương', 'D8', 1)).toMatchObject({ ok: false });
  });
});

describe('sheet protections', () => {
  function protectedSheet() {
    const g = createFakeGoogle({ owner: OWNER, editors: [LEADER, BD, DN] });
    const ss = g.globals.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.insertSheet('Tổng hợp');
    const p = sheet.protect().setDescription('Chỉ add-on');
    p.removeEditors(p.getEditors());
    return { g, ss, sheet, p };
  }

  it('refuses every cell of the sheet to a non-editor', () => {
    const { g } = protectedSheet();
    expect(g.userEdit(LEADER, 'Tổng hợp', 'Z999', 'x')).toEqual({ ok: false, message: PROTECTED_EDIT_MESSAGE });
  });

  it('lets people edit the unprotected ranges inside it, and nothing else', () => {
    const { g, sheet, p } = protectedSheet();
    p.setUnprotectedRanges([sheet.getRange('B2:B10')]);
    expect(p.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['B2:B10']);
    expect(g.userEdit(LEADER, 'Tổng hợp', 'B5', 1)).toMatchObject({ ok: true });
    expect(g.userEdit(LEADER, 'Tổng hợp', 'C5', 1)).toMatchObject({ ok: false });
    expect(g.userEdit(LEADER, 'Tổng hợp', 'B10:B11', [[1], [2]])).toMatchObject({ ok: false });
  });

  it('still applies a range protection inside an unprotected range', () => {
    const { g, sheet, p } = protectedSheet();
    p.setUnprotectedRanges([sheet.getRange('B2:B10')]);
    const inner = sheet.getRange('B3').protect();
    inner.removeEditors(inner.getEditors());
    expect(g.userEdit(LEADER, 'Tổng hợp', 'B3', 1)).toMatchObject({ ok: false });
  });

  it('refuses renaming, inserting rows and clearing to a non-editor', () => {
    const { g, sheet } = protectedSheet();
    g.asUser(LEADER, () => {
      expect(() => sheet.setName('Khác')).toThrow(PROTECTED_CELL_MESSAGE);
      expect(() => sheet.insertRowsAfter(1, 1)).toThrow(PROTECTED_CELL_MESSAGE);
      expect(() => sheet.clear()).toThrow(PROTECTED_CELL_MESSAGE);
      expect(() => sheet.appendRow(['x'])).toThrow(PROTECTED_CELL_MESSAGE);
    });
    expect(sheet.getName()).toBe('Tổng hợp');
  });

  it('lists on a tab only that tab\'s protections of the type asked: its ranges, or its own sheet protection', () => {
    const { g, ss, sheet } = setup();
    const other = ss.insertSheet('Đồng Nai');
    other.getRange('D5:D20').protect().setDescription('Tự chấm — Đồng Nai');
    sheet.protect().setDescription('Trang Bình Dương');
    const T = g.globals.SpreadsheetApp.ProtectionType;
    expect(sheet.getProtections(T.RANGE).map((x) => x.getDescription())).toEqual(['Tự chấm — Bình Dương']);
    expect(sheet.getProtections(T.SHEET).map((x) => x.getDescription())).toEqual(['Trang Bình Dương']);
    expect(other.getProtections(T.SHEET)).toEqual([]);
    expect(ss.getProtections(T.RANGE)).toHaveLength(2);
  });

  it('returns the existing sheet protection when protect() is called again', () => {
    const { g, sheet, p } = protectedSheet();
    expect(sheet.protect().getDescription()).toBe(p.getDescription());
    expect(sheet.getProtections(g.globals.SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(1);
  });
});

describe('sharing', () => {
  it('refuses anyone the file is not shared with', () => {
    const { g, sheet } = setup();
    expect(g.userEdit(OUTSIDER, 'Bình Dương', 'A1', 1)).toEqual({ ok: false, message: VIEW_ONLY_MESSAGE });
    g.asUser(OUTSIDER, () => expect(() => sheet.getRange('A1').setValue(1)).toThrow('You do not have permission to perform that action.'));
  });

  it('lists the owner and the shared editors', () => {
    const { ss } = setup();
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual([OWNER, LEADER, BD, DN]);
    expect(ss.getOwner()?.getEmail()).toBe(OWNER);
  });
});

describe('a protection seen by someone who may not edit it', () => {
  const NO_PERMISSION = 'You do not have permission to perform that action.';

  it('throws on getEditors and canDomainEdit, but answers canEdit, getDescription and getRange', () => {
    const { g, p } = setup();
    g.asUser(DN, () => {
      expect(() => p.getEditors()).toThrow(NO_PERMISSION);
      expect(() => p.canDomainEdit()).toThrow(NO_PERMISSION);
      expect(p.canEdit()).toBe(false);
      expect(p.getDescription()).toBe('Tự chấm — Bình Dương');
      expect(p.getRange().getA1Notation()).toBe('D5:D20');
    });
    expect(g.asUser(BD, () => p.getEditors().map((u) => u.getEmail()))).toEqual([OWNER, BD]);
    expect(g.asUser(BD, () => p.canDomainEdit())).toBe(false);
  });

  it('throws on every change, and changes nothing', () => {
    const { g, sheet, p } = setup();
    const whole = sheet.protect();
    whole.removeEditors(whole.getEditors());
    const before = JSON.stringify(g.shared.spreadsheet.protections);
    g.asUser(DN, () => {
      expect(() => p.addEditor(DN)).toThrow(NO_PERMISSION);
      expect(() => p.addEditors([DN])).toThrow(NO_PERMISSION);
      expect(() => p.removeEditor(BD)).toThrow(NO_PERMISSION);
      expect(() => p.removeEditors([BD])).toThrow(NO_PERMISSION);
      expect(() => p.setDomainEdit(true)).toThrow(NO_PERMISSION);
      expect(() => p.setRange(sheet.getRange('E5:E20'))).toThrow(NO_PERMISSION);
      expect(() => p.setDescription('khác')).toThrow(NO_PERMISSION);
      expect(() => p.setWarningOnly(true)).toThrow(NO_PERMISSION);
      expect(() => whole.setUnprotectedRanges([sheet.getRange('A1')])).toThrow(NO_PERMISSION);
      expect(() => p.remove()).toThrow(NO_PERMISSION);
    });
    expect(JSON.stringify(g.shared.spreadsheet.protections)).toBe(before);
  });

  it('never removes the spreadsheet owner nor the user running the script', () => {
    const { g, p } = setup();
    g.asUser(BD, () => p.addEditor(LEADER));
    g.asUser(LEADER, () => p.removeEditors([OWNER, LEADER, BD]));
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, LEADER]);
    // In a trigger the user running the script is its creator, whoever typed.
    g.asUser(OWNER, () => p.removeEditors([OWNER, LEADER]));
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
  });

  it('refuses to add an address that is not a Google account, adding no one', () => {
    const g = createFakeGoogle({ owner: OWNER, editors: [BD], notGoogleAccounts: ['vanthu@toanha.vn'] });
    const sheet = g.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('X');
    const p = sheet.getRange('A1').protect();
    p.removeEditors(p.getEditors());
    expect(() => p.addEditors([BD, 'vanthu@toanha.vn'])).toThrow('Invalid email: vanthu@toanha.vn');
    expect(() => p.addEditor('không phải thư')).toThrow('Invalid email');
    expect(() => p.addEditor('ai@localhost')).toThrow('Invalid email');
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
  });

  it('keeps mirroring the file: someone shared after it was made may edit it until its list changes', () => {
    const { g, sheet } = setup();
    const q = sheet.getRange('A1').protect();
    g.share(['moi@gmail.com']);
    expect(g.userEdit('moi@gmail.com', 'Bình Dương', 'A1', 1)).toMatchObject({ ok: true });
    q.removeEditor(DN);
    g.share(['sau@gmail.com']);
    expect(g.userEdit('sau@gmail.com', 'Bình Dương', 'A1', 2)).toMatchObject({ ok: false });
    expect(g.userEdit('moi@gmail.com', 'Bình Dương', 'A1', 3)).toMatchObject({ ok: true });
  });
});

describe('the spreadsheet owner', () => {
  it('is null for a file in a shared drive', () => {
    const g = createFakeGoogle({ owner: OWNER, sharedDrive: true });
    expect(g.globals.SpreadsheetApp.getActiveSpreadsheet().getOwner()).toBeNull();
    expect(createFakeGoogle({ owner: OWNER }).globals.SpreadsheetApp.getActiveSpreadsheet().getOwner()?.getEmail()).toBe(OWNER);
  });
});
