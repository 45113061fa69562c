/**
 * Data validation and conditional formatting of a unit tab, as data. Rules use formulas relative
 * to the first row of their block, reading the row's kind (column C) and max (column D), so one
 * rule covers a whole column whatever the number of criteria. Invalid input is flagged, never
 * rejected: a value a person typed is never lost to a validation pop-up.
 */
import { ROW_KIND_LABEL } from '../core/vocabulary';
import { workbookText } from '../i18n/workbook';
import { columnLetter } from './a1';
import { UNIT_LAYOUT } from './unitSheet';

/** A 1-based block of cells. */
export interface Block {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface ValidationSpec {
  block: Block;
  /** Custom formula (English function names and commas, as Apps Script takes them). */
  formula: string;
  help: string;
}

export interface ConditionalSpec {
  blocks: Block[];
  formula: string;
  background: string;
}

const C = UNIT_LAYOUT.column;
const K = ROW_KIND_LABEL;
const NA = workbookText.unit.notApplicable;

/** "X5": the top-left cell of a column block, the reference the relative formula starts from. */
function ref(column: number): string {
  return `${columnLetter(column)}${UNIT_LAYOUT.firstRow}`;
}

const KIND = `$C${UNIT_LAYOUT.firstRow}`;
const MAX = `$D${UNIT_LAYOUT.firstRow}`;

/** Is the score cell valid for its row's kind? (blank counts as valid here) */
function scoreValidFormula(column: number): string {
  const x = ref(column);
  const v = `IF(${KIND}="${K.deduction}",ABS(${x}),${x})`;
  // ISNUMBER first, in an IF: AND computes every argument, and ABS of a text is an error, which
  // would make the whole rule an error (not FALSE) and leave a text on a deduction row unmarked.
  return `=OR(${x}="",${x}="${NA}",IF(${KIND}="${K.veto}",OR(${x}="${workbookText.unit.vetoYes}",${x}="${workbookText.unit.vetoNo}",${x}=0,${x}=1),IF(ISNUMBER(${x}),AND(${KIND}<>"${K.group}",${v}>=0,${v}<=${MAX}),FALSE)))`;
}

/** Is the result cell valid? Only quantitative rows need a number ≥ 0. */
function resultValidFormula(): string {
  const x = ref(C.result);
  return `=OR(${x}="",${x}="${NA}",${KIND}<>"${K.quantitative}",AND(ISNUMBER(${x}),${x}>=0))`;
}

function block(column: number, lastRow: number, columns = 1): Block {
  return { row: UNIT_LAYOUT.firstRow, column, rows: Math.max(1, lastRow - UNIT_LAYOUT.firstRow + 1), columns };
}

/** Validation rules of a unit tab whose criteria end at `lastRow`. */
export function unitValidations(lastRow: number): ValidationSpec[] {
  const h = workbookText.unit.help;
  return [
    { block: block(C.result, lastRow), formula: resultValidFormula(), help: h.result },
    ...[C.self, C.crossCheck, C.final].map((col) => ({ block: block(col, lastRow), formula: scoreValidFormula(col), help: h.scoreAny })),
  ];
}

/** Conditional formats: invalid values red, missing answers yellow, group rows grey. */
export function unitConditionalFormats(lastRow: number): ConditionalSpec[] {
  const invalid = (col: number, formula: string): ConditionalSpec => ({
    blocks: [block(col, lastRow)],
    formula: `=NOT(${formula.slice(1)})`,
    background: '#f4c7c3',
  });
  const self = ref(C.self);
  const result = ref(C.result);
  return [
    invalid(C.result, resultValidFormula()),
    ...[C.self, C.crossCheck, C.final].map((col) => invalid(col, scoreValidFormula(col))),
    {
      blocks: [block(C.self, lastRow)],
      formula: `=AND(${self}="",OR(${KIND}="${K.qualitative}",${KIND}="${K.veto}"))`,
      background: '#fce8b2',
    },
    {
      blocks: [block(C.result, lastRow)],
      formula: `=AND(${result}="",${KIND}="${K.quantitative}")`,
      background: '#fce8b2',
    },
    {
      blocks: [block(C.code, lastRow, UNIT_LAYOUT.width)],
      formula: `=${KIND}="${K.group}"`,
      background: '#e8eaed',
    },
  ];
}
