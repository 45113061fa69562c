import { describe, expect, it } from 'vitest';
import { createFakeGoogle, invalidDataMessage } from './google';

function setup() {
  const g = createFakeGoogle({ editors: ['donvi@vks.gov.vn'] });
  const app = g.globals.SpreadsheetApp;
  const sheet = app.getActiveSpreadsheet().insertSheet('Tiêu chí');
  return { g, app, sheet };
}

describe('data validation', () => {
  it('stores a rule per cell and gives back its criteria, values, help text and allowInvalid', () => {
    const { app, sheet } = setup();
    const rule = app.newDataValidation().requireNumberBetween(0, 10).setAllowInvalid(false).setHelpText('0–10 điểm').build();
    sheet.getRange('E5:E6').setDataValidation(rule);
    const got = sheet.getRange('E6').getDataValidation()!;
    expect(got.getCriteriaType()).toBe(app.DataValidationCriteria.NUMBER_BETWEEN);
    expect(got.getCriteriaValues()).toEqual([0, 10]);
    expect(got.getAllowInvalid()).toBe(false);
    expect(got.getHelpText()).toBe('0–10 điểm');
    expect(sheet.getRange('E7').getDataValidation()).toBeNull();
  });

  it('keeps a dropdown list in Apps Script shape: the list, then showDropdown', () => {
    const { app, sheet } = setup();
    sheet.getRange('C2').setDataValidation(app.newDataValidation().requireValueInList(['Định lượng', 'Định tính'], true).build());
    const v = sheet.getRange('C2').getDataValidation()!;
    expect(v.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(v.getCriteriaValues()).toEqual([['Định lượng', 'Định tính'], true]);
  });

  it('sets one rule per cell with setDataValidations and reads them back as a grid', () => {
    const { app, sheet } = setup();
    const email = app.newDataValidation().requireTextIsEmail().build();
    const min = app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).build();
    sheet.getRange('A1:B1').setDataValidations([[email, null]]);
    sheet.getRange('B1').setDataValidation(min);
    const grid = sheet.getRange('A1:B1').getDataValidations();
    expect(grid[0]!.map((v) => v?.getCriteriaType())).toEqual(['TEXT_IS_VALID_EMAIL', 'NUMBER_GREATER_THAN_OR_EQUAL_TO']);
  });

  it('copies a rule into a builder that can change it without changing the original', () => {
    const { app } = setup();
    const rule = app.newDataValidation().requireNumberBetween(0, 5).build();
    const other = rule.copy().requireNumberBetween(0, 9).build();
    expect(rule.getCriteriaValues()).toEqual([0, 5]);
    expect(other.getCriteriaValues()).toEqual([0, 9]);
  });

  it('keeps a custom-formula rule', () => {
    const { app, sheet } = setup();
    sheet.getRange('F5').setDataValidation(app.newDataValidation().requireFormulaSatisfied('=F5<=E5').build());
    expect(sheet.getRange('F5').getDataValidation()!.getCriteriaValues()).toEqual(['=F5<=E5']);
  });

  it('clears rules with clearDataValidations', () => {
    const { app, sheet } = setup();
    sheet.getRange('A1:A3').setDataValidation(app.newDataValidation().requireNumberBetween(0, 1).build());
    sheet.getRange('A1:A2').clearDataValidations();
    expect(sheet.getRange('A1:A3').getDataValidations().map((r) => r[0] !== null)).toEqual([false, false, true]);
  });

  it('refuses to build a rule without criteria', () => {
    const { app } = setup();
    expect(() => app.newDataValidation().setAllowInvalid(false).build()).toThrow(/criteria/);
  });

  it('rejects a person typing an invalid value when invalid data is not allowed', () => {
    const { g, app, sheet } = setup();
    sheet.getRange('E5').setDataValidation(app.newDataValidation().requireNumberBetween(0, 10).setAllowInvalid(false).build());
    expect(g.userEdit('donvi@vks.gov.vn', 'Tiêu chí', 'E5', 11)).toEqual({ ok: false, message: invalidDataMessage('E5') });
    expect(g.userEdit('donvi@vks.gov.vn', 'Tiêu chí', 'E5', 'mười')).toMatchObject({ ok: false });
    expect(g.userEdit('donvi@vks.gov.vn', 'Tiêu chí', 'E5', '9,5')).toMatchObject({ ok: true });
    expect(g.peek('Tiêu chí', 'E5')).toEqual([[9.5]]);
  });

  it('lets a person type an invalid value when the rule allows it (it is only flagged)', () => {
    const { g, app, sheet } = setup();
    sheet.getRange('E5').setDataValidation(app.newDataValidation().requireNumberBetween(0, 10).build());
    expect(g.userEdit('donvi@vks.gov.vn', 'Tiêu chí', 'E5', 11)).toMatchObject({ ok: true });
  });

  it('lets a script write a value its rule rejects, as Apps Script does', () => {
    const { g, app, sheet } = setup();
    sheet.getRange('E5').setDataValidation(app.newDataValidation().requireNumberBetween(0, 10).setAllowInvalid(false).build());
    sheet.getRange('E5').setValue(42);
    expect(g.peek('Tiêu chí', 'E5')).toEqual([[42]]);
  });
});

describe('conditional format rules', () => {
  it('stores rules on the sheet with their condition, colours and ranges', () => {
    const { app, sheet } = setup();
    const rule = app.newConditionalFormatRule()
      .whenFormulaSatisfied('=$F5>$E5')
      .setBackground('#f4cccc')
      .setFontColor('#990000')
      .setRanges([sheet.getRange('F5:F40')])
      .build();
    const empty = app.newConditionalFormatRule().whenCellEmpty().setBackground('#fff2cc').setRanges([sheet.getRange('F5:F40')]).build();
    sheet.setConditionalFormatRules([rule, empty]);
    const got = sheet.getConditionalFormatRules();
    expect(got).toHaveLength(2);
    const c = got[0]!.getBooleanCondition()!;
    expect(c.getCriteriaType()).toBe('CUSTOM_FORMULA');
    expect(c.getCriteriaValues()).toEqual(['=$F5>$E5']);
    expect(c.getBackground()).toBe('#f4cccc');
    expect(c.getFontColor()).toBe('#990000');
    expect(got[0]!.getRanges().map((r) => r.getA1Notation())).toEqual(['F5:F40']);
    expect(got[1]!.getBooleanCondition()!.getCriteriaType()).toBe('CELL_EMPTY');
  });

  it('keeps number conditions with their bounds', () => {
    const { app, sheet } = setup();
    sheet.setConditionalFormatRules([
      app.newConditionalFormatRule().whenNumberBetween(0, 5).setBackground('#eee').setRanges([sheet.getRange('A1')]).build(),
      app.newConditionalFormatRule().whenNumberGreaterThan(100).setBackground('#f00').setRanges([sheet.getRange('A1')]).build(),
    ]);
    expect(sheet.getConditionalFormatRules().map((r) => r.getBooleanCondition()!.getCriteriaValues())).toEqual([[0, 5], [100]]);
  });

  it('replaces the sheet rules on each setConditionalFormatRules', () => {
    const { app, sheet } = setup();
    const rule = app.newConditionalFormatRule().whenCellEmpty().setBackground('#eee').setRanges([sheet.getRange('A1')]).build();
    sheet.setConditionalFormatRules([rule, rule]);
    sheet.setConditionalFormatRules([rule]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(1);
  });

  it('moves rule ranges down with inserted rows', () => {
    const { app, sheet } = setup();
    sheet.setConditionalFormatRules([app.newConditionalFormatRule().whenCellEmpty().setBackground('#eee').setRanges([sheet.getRange('B5:B9')]).build()]);
    sheet.insertRowsBefore(1, 2);
    expect(sheet.getConditionalFormatRules()[0]!.getRanges()[0]!.getA1Notation()).toBe('B7:B11');
  });
});
