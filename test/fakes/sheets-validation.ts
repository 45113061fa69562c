/**
 * Data validation and conditional format rules for the Sheets fake: builders, the built objects,
 * and the check a person's typing goes through when a rule rejects invalid input.
 */
import type { FakeEnv } from './env';
import type { Rect, RuleState, ValidationState } from './sheets-model';
import { fromStored, isDateLike, toStored, type StoredValue } from './sheets-values';
import type { FakeRange } from './spreadsheet';

type DV = GoogleAppsScript.Spreadsheet.DataValidation;
type DVB = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

/** Enum members are their names: `===` works, String() gives the name, state stays JSON. */
function enumOf<T extends string>(...names: T[]): { readonly [K in T]: K } {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as { readonly [K in T]: K };
}

export const DataValidationCriteria = enumOf(
  'DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO', 'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER', 'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL', 'VALUE_IN_LIST', 'VALUE_IN_RANGE', 'CUSTOM_FORMULA', 'CHECKBOX',
);

export const BooleanCriteria = enumOf(
  'CELL_EMPTY', 'CELL_NOT_EMPTY', 'DATE_AFTER', 'DATE_BEFORE', 'DATE_EQUAL_TO', 'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN', 'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_STARTS_WITH', 'TEXT_ENDS_WITH', 'CUSTOM_FORMULA',
);

/** Arguments as the state keeps them: Dates become { $date } markers. */
function storeArgs(values: unknown[]): unknown[] {
  return values.map((v) => (Array.isArray(v) ? [...v] : isDateLike(v) ? toStored(v) : v));
}

/** Arguments as a script reads them back: markers become Dates again. */
function readArgs(values: unknown[]): unknown[] {
  return values.map((v) => (Array.isArray(v) ? [...v]
    : v !== null && typeof v === 'object' && '$date' in v ? fromStored(v as StoredValue) : v));
}

/** A built rule; immutable, as in Apps Script. */
export class FakeDataValidation implements Pick<DV, 'getCriteriaType' | 'getCriteriaValues' | 'getAllowInvalid' | 'getHelpText'> {
  constructor(private readonly env: FakeEnv, readonly state: ValidationState) {}

  getCriteriaType(): Criteria {
    this.env.record('DataValidation.getCriteriaType');
    return this.state.criteria as unknown as Criteria;
  }

  getCriteriaValues(): unknown[] {
    this.env.record('DataValidation.getCriteriaValues');
    return readArgs(this.state.values);
  }

  getAllowInvalid(): boolean {
    this.env.record('DataValidation.getAllowInvalid');
    return this.state.allowInvalid;
  }

  getHelpText(): string {
    this.env.record('DataValidation.getHelpText');
    return this.state.helpText ?? '';
  }

  copy(): FakeDataValidationBuilder {
    this.env.record('DataValidation.copy');
    return new FakeDataValidationBuilder(this.env, structuredClone(this.state));
  }
}

export class FakeDataValidationBuilder implements Pick<DVB,
  'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'> {
  constructor(
    private readonly env: FakeEnv,
    private state: ValidationState = { criteria: '', values: [], allowInvalid: true, helpText: null },
  ) {}

  private set(method: string, criteria: string, values: unknown[]): this {
    this.env.record(`DataValidationBuilder.${method}`);
    this.state = { ...this.state, criteria, values: storeArgs(values) };
    return this;
  }

  requireNumberBetween(start: number, end: number): this { return this.set('requireNumberBetween', 'NUMBER_BETWEEN', [start, end]); }
  requireNumberNotBetween(start: number, end: number): this { return this.set('requireNumberNotBetween', 'NUMBER_NOT_BETWEEN', [start, end]); }
  requireNumberEqualTo(n: number): this { return this.set('requireNumberEqualTo', 'NUMBER_EQUAL_TO', [n]); }
  requireNumberGreaterThan(n: number): this { return this.set('requireNumberGreaterThan', 'NUMBER_GREATER_THAN', [n]); }
  requireNumberGreaterThanOrEqualTo(n: number): this { return this.set('requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]); }
  requireNumberLessThan(n: number): this { return this.set('requireNumberLessThan', 'NUMBER_LESS_THAN', [n]); }
  requireNumberLessThanOrEqualTo(n: number): this { return this.set('requireNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [n]); }
  requireTextIsEmail(): this { return this.set('requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', []); }
  requireTextIsUrl(): this { return this.set('requireTextIsUrl', 'TEXT_IS_VALID_URL', []); }
  requireTextContains(text: string): this { return this.set('requireTextContains', 'TEXT_CONTAINS', [text]); }
  requireFormulaSatisfied(formula: string): this { return this.set('requireFormulaSatisfied', 'CUSTOM_FORMULA', [formula]); }
  requireDate(): this { return this.set('requireDate', 'DATE_IS_VALID_DATE', []); }
  requireCheckbox(checked?: unknown, unchecked?: unknown): this {
    return this.set('requireCheckbox', 'CHECKBOX', [checked, unchecked].filter((v) => v !== undefined));
  }
  /** Values in Apps Script's shape: [list, showDropdown]. */
  requireValueInList(values: string[], showDropdown = true): this {
    if (!Array.isArray(values) || values.length === 0) {
      this.env.record('DataValidationBuilder.requireValueInList');
      throw new Error('Invalid argument: values');
    }
    return this.set('requireValueInList', 'VALUE_IN_LIST', [[...values], showDropdown]);
  }
  withCriteria(criteria: Criteria, args: unknown[]): this { return this.set('withCriteria', String(criteria), args); }

  setAllowInvalid(allow: boolean): this {
    this.env.record('DataValidationBuilder.setAllowInvalid');
    this.state = { ...this.state, allowInvalid: allow };
    return this;
  }

  setHelpText(text: string): this {
    this.env.record('DataValidationBuilder.setHelpText');
    this.state = { ...this.state, helpText: text };
    return this;
  }

  getAllowInvalid(): boolean { this.env.record('DataValidationBuilder.getAllowInvalid'); return this.state.allowInvalid; }
  getCriteriaType(): Criteria { this.env.record('DataValidationBuilder.getCriteriaType'); return this.state.criteria as unknown as Criteria; }
  getCriteriaValues(): unknown[] { this.env.record('DataValidationBuilder.getCriteriaValues'); return readArgs(this.state.values); }
  getHelpText(): string | null { this.env.record('DataValidationBuilder.getHelpText'); return this.state.helpText; }

  copy(): FakeDataValidationBuilder {
    this.env.record('DataValidationBuilder.copy');
    return new FakeDataValidationBuilder(this.env, structuredClone(this.state));
  }

  build(): FakeDataValidation {
    this.env.record('DataValidationBuilder.build');
    if (!this.state.criteria) throw new Error('You must specify a criteria type before building a data validation rule.');
    return new FakeDataValidation(this.env, structuredClone(this.state));
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Would Sheets accept this value under the rule? null when the fake cannot tell (a custom
 * formula, a range list): the edit is then let through.
 */
export function validationAccepts(dv: ValidationState, v: StoredValue): boolean | null {
  if (v === '') return true;
  const [a, b] = dv.values as [unknown, unknown];
  const num = typeof v === 'number' ? v : null;
  switch (dv.criteria) {
    case 'NUMBER_BETWEEN': return num !== null && num >= Number(a) && num <= Number(b);
    case 'NUMBER_NOT_BETWEEN': return num !== null && (num < Number(a) || num > Number(b));
    case 'NUMBER_EQUAL_TO': return num !== null && num === Number(a);
    case 'NUMBER_NOT_EQUAL_TO': return num !== null && num !== Number(a);
    case 'NUMBER_GREATER_THAN': return num !== null && num > Number(a);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO': return num !== null && num >= Number(a);
    case 'NUMBER_LESS_THAN': return num !== null && num < Number(a);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO': return num !== null && num <= Number(a);
    case 'TEXT_IS_VALID_EMAIL': return typeof v === 'string' && EMAIL.test(v);
    case 'TEXT_IS_VALID_URL': return typeof v === 'string' && /^https?:\/\/\S+$/.test(v);
    case 'TEXT_CONTAINS': return typeof v === 'string' && v.includes(String(a));
    case 'VALUE_IN_LIST': return (a as unknown[]).map(String).includes(typeof v === 'object' ? v.$date : String(v));
    case 'DATE_IS_VALID_DATE': return typeof v === 'object';
    case 'CHECKBOX': return typeof v === 'boolean' || (dv.values.length > 0 && dv.values.includes(v));
    default: return null;
  }
}

/** What a rule's builder needs from a Range: its sheet and block. */
export interface RangeLike {
  getSheetIdForRule(): number;
  toRect(): Rect;
}

export type RangeMaker = (sheetId: number, rect: Rect) => FakeRange;

export interface RuleWithSheet extends RuleState {
  /** The sheet of the first range; rules live on that sheet. */
  sheetId: number | null;
}

class FakeBooleanCondition implements Pick<GoogleAppsScript.Spreadsheet.BooleanCondition,
  'getBackground' | 'getFontColor' | 'getBold' | 'getCriteriaType' | 'getCriteriaValues'> {
  constructor(private readonly env: FakeEnv, private readonly state: RuleState) {}
  getBackground(): string | null { this.env.record('BooleanCondition.getBackground'); return this.state.background; }
  getFontColor(): string | null { this.env.record('BooleanCondition.getFontColor'); return this.state.fontColor; }
  getBold(): boolean | null { this.env.record('BooleanCondition.getBold'); return this.state.bold; }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    this.env.record('BooleanCondition.getCriteriaType');
    return this.state.criteria as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria;
  }
  getCriteriaValues(): unknown[] { this.env.record('BooleanCondition.getCriteriaValues'); return readArgs(this.state.values); }
}

export class FakeConditionalFormatRule {
  constructor(
    private readonly env: FakeEnv,
    readonly state: RuleWithSheet,
    private readonly makeRange: RangeMaker,
  ) {}

  getBooleanCondition(): FakeBooleanCondition | null {
    this.env.record('ConditionalFormatRule.getBooleanCondition');
    return new FakeBooleanCondition(this.env, this.state);
  }

  getGradientCondition(): null {
    this.env.record('ConditionalFormatRule.getGradientCondition');
    return null;
  }

  getRanges(): FakeRange[] {
    this.env.record('ConditionalFormatRule.getRanges');
    return this.state.ranges.map((r) => this.makeRange(this.state.sheetId ?? -1, r));
  }

  copy(): FakeConditionalFormatRuleBuilder {
    this.env.record('ConditionalFormatRule.copy');
    return new FakeConditionalFormatRuleBuilder(this.env, this.makeRange, structuredClone(this.state));
  }
}

export class FakeConditionalFormatRuleBuilder {
  constructor(
    private readonly env: FakeEnv,
    private readonly makeRange: RangeMaker,
    private state: RuleWithSheet = { ranges: [], criteria: '', values: [], background: null, fontColor: null, bold: null, sheetId: null },
  ) {}

  private when(method: string, criteria: string, values: unknown[]): this {
    this.env.record(`ConditionalFormatRuleBuilder.${method}`);
    this.state = { ...this.state, criteria, values: storeArgs(values) };
    return this;
  }

  whenFormulaSatisfied(formula: string): this { return this.when('whenFormulaSatisfied', 'CUSTOM_FORMULA', [formula]); }
  whenNumberGreaterThan(n: number): this { return this.when('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', [n]); }
  whenNumberGreaterThanOrEqualTo(n: number): this { return this.when('whenNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]); }
  whenNumberLessThan(n: number): this { return this.when('whenNumberLessThan', 'NUMBER_LESS_THAN', [n]); }
  whenNumberLessThanOrEqualTo(n: number): this { return this.when('whenNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [n]); }
  whenNumberBetween(a: number, b: number): this { return this.when('whenNumberBetween', 'NUMBER_BETWEEN', [a, b]); }
  whenNumberNotBetween(a: number, b: number): this { return this.when('whenNumberNotBetween', 'NUMBER_NOT_BETWEEN', [a, b]); }
  whenNumberEqualTo(n: number): this { return this.when('whenNumberEqualTo', 'NUMBER_EQUAL_TO', [n]); }
  whenCellEmpty(): this { return this.when('whenCellEmpty', 'CELL_EMPTY', []); }
  whenCellNotEmpty(): this { return this.when('whenCellNotEmpty', 'CELL_NOT_EMPTY', []); }
  whenTextContains(t: string): this { return this.when('whenTextContains', 'TEXT_CONTAINS', [t]); }
  whenTextEqualTo(t: string): this { return this.when('whenTextEqualTo', 'TEXT_EQUAL_TO', [t]); }
  whenTextStartsWith(t: string): this { return this.when('whenTextStartsWith', 'TEXT_STARTS_WITH', [t]); }

  setBackground(color: string | null): this {
    this.env.record('ConditionalFormatRuleBuilder.setBackground');
    this.state = { ...this.state, background: color };
    return this;
  }

  setFontColor(color: string | null): this {
    this.env.record('ConditionalFormatRuleBuilder.setFontColor');
    this.state = { ...this.state, fontColor: color };
    return this;
  }

  setBold(bold: boolean | null): this {
    this.env.record('ConditionalFormatRuleBuilder.setBold');
    this.state = { ...this.state, bold };
    return this;
  }

  setRanges(ranges: RangeLike[]): this {
    this.env.record('ConditionalFormatRuleBuilder.setRanges');
    this.state = {
      ...this.state,
      ranges: ranges.map((r) => r.toRect()),
      sheetId: ranges.length ? ranges[0]!.getSheetIdForRule() : null,
    };
    return this;
  }

  getRanges(): FakeRange[] {
    this.env.record('ConditionalFormatRuleBuilder.getRanges');
    return this.state.ranges.map((r) => this.makeRange(this.state.sheetId ?? -1, r));
  }

  copy(): FakeConditionalFormatRuleBuilder {
    this.env.record('ConditionalFormatRuleBuilder.copy');
    return new FakeConditionalFormatRuleBuilder(this.env, this.makeRange, structuredClone(this.state));
  }

  build(): FakeConditionalFormatRule {
    this.env.record('ConditionalFormatRuleBuilder.build');
    if (!this.state.criteria) throw new Error('Conditional format rule must have a condition.');
    if (this.state.ranges.length === 0) throw new Error('Conditional format rule must have at least one range.');
    return new FakeConditionalFormatRule(this.env, structuredClone(this.state), this.makeRange);
  }
}
