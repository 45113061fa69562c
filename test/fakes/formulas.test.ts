/**
 * Formulas in the Sheets fake: the parser and evaluator alone (formulas.ts), then through the
 * fake spreadsheet (sheets-formulas.ts): custom functions called as Sheets calls them, spills,
 * errors with their hover message, recalculation, references kept across inserted rows.
 */
import { describe, expect, it } from 'vitest';
import {
  FormulaError, evaluateFormula, isMatrix, parseFormula, rewriteReferences, roundHalfAway,
  type Block, type FormulaContext, type Scalar, type Value,
} from './formulas';
import { createFakeGoogle } from './google';
import { formulaErrorOf } from './sheets-formulas';
import { getCell } from './sheets-model';
import { parseViNumber } from './sheets-values';

// ——— the evaluator alone, over a map of cells ———

function contextOver(sheets: Record<string, Record<string, Scalar>>, own = 'S'): FormulaContext & { calls: Array<[string, unknown[]]> } {
  const calls: Array<[string, unknown[]]> = [];
  const cell = (sheet: string, r: number, c: number): Scalar => sheets[sheet]?.[`${String.fromCharCode(64 + c)}${r}`] ?? null;
  return {
    calls,
    read(b: Block) {
      const name = b.sheet ?? own;
      if (!sheets[name]) return new FormulaError('#REF!', `no sheet ${name}`);
      const rows: Scalar[][] = [];
      for (let r = b.r1; r <= (b.r2 ?? 20); r++) {
        const line: Scalar[] = [];
        for (let c = b.c1; c <= (b.c2 ?? 6); c++) line.push(cell(name, r, c));
        rows.push(line);
      }
      return rows;
    },
    customName: (name) => (name.startsWith('THIDUA_') || name === 'ECHO' ? name : null),
    callCustom(name, args) {
      calls.push([name, args]);
      if (name === 'THIDUA_FAIL') throw new FormulaError('#ERROR!', 'Dòng 2: điểm 11 vượt điểm chuẩn 10');
      return args.length === 1 ? args[0] : args;
    },
    parseNumber: parseViNumber,
    numberText: (n) => String(n).replace('.', ','),
    dateSerial: (d) => d.getTime() / 86_400_000 + 25_569,
  };
}

const S = { A1: 2, A2: 3, A3: 'chữ', B1: 10, B2: null, D5: 8.5, D6: 9, D7: 7.5, C5: 10, C6: 10, C7: 10 };

function ev(formula: string, locale = 'vi_VN', sheets: Record<string, Record<string, Scalar>> = { S }): Value {
  return evaluateFormula(formula, contextOver(sheets), locale);
}

describe('parsing both locales', () => {
  it('reads the Vietnamese form (; between arguments, , as decimal mark) and the English form alike', () => {
    expect(ev('=SUM(A1;A2;1,5)')).toBe(6.5);
    expect(ev('=SUM(A1,A2,1.5)')).toBe(6.5);
    expect(parseFormula('=SUM(A1;A2)').syntax).toBe('vi');
    expect(parseFormula('=SUM(A1,A2)').syntax).toBe('en');
  });

  it('reads "8,5" as a number in a vi_VN sheet and as two arguments in an en_US one, as Sheets does', () => {
    expect(ev('=ROUND(8,5)')).toBe(9);
    expect(ev('=ROUND(8,5)', 'en_US')).toBe(8);
    expect(ev('=D5*1,5')).toBeCloseTo(12.75);
  });

  it('takes $ references, ranges, whole columns and sheet names in quotes with spaces and diacritics', () => {
    const sheets = { S, 'Ninh Thuận': { D5: 4, D6: 6, A1: 1 }, "It's": { A1: 7 } };
    expect(ev("='Ninh Thuận'!D5+'Ninh Thuận'!$D$6", 'vi_VN', sheets)).toBe(10);
    expect(ev("=SUM('Ninh Thuận'!D5:D30)", 'vi_VN', sheets)).toBe(10);
    expect(ev("=SUM('Ninh Thuận'!D:D)", 'vi_VN', sheets)).toBe(10);
    expect(ev("='It''s'!A1", 'vi_VN', sheets)).toBe(7);
    expect(ev('=$A$1+A$2')).toBe(5);
    const missing = ev("='Đã xóa'!A1");
    expect(missing).toBeInstanceOf(FormulaError);
    expect((missing as FormulaError).code).toBe('#REF!');
  });

  it('computes with Sheets precedence: unary minus before ^, % after, & and comparisons last', () => {
    expect(ev('=-2^2')).toBe(4);
    expect(ev('=1+2*3')).toBe(7);
    expect(ev('=(1+2)*3')).toBe(9);
    expect(ev('=2^3^2')).toBe(64);
    expect(ev('=50%')).toBe(0.5);
    expect(ev('="Tổng: "&D5')).toBe('Tổng: 8,5');
    expect(ev('="a"="A"')).toBe(true);
    expect(ev('=A1<>A2')).toBe(true);
    expect(ev('=B2=0')).toBe(true);
    expect(ev('="10"<9')).toBe(false);
  });

  it('shows a bad formula as #ERROR! with the parse error message', () => {
    const v = ev('=SUM(A1;');
    expect(v).toBeInstanceOf(FormulaError);
    expect((v as FormulaError).code).toBe('#ERROR!');
    expect((v as FormulaError).message).toBe('Lỗi phân tích cú pháp công thức.');
  });
});

describe('built-ins', () => {
  it('SUM adds numbers of ranges and skips their text, and converts typed numbers', () => {
    expect(ev('=SUM(A1:A3)')).toBe(5);
    expect(ev('=SUM(D5:D7;C5)')).toBe(35);
    expect(ev('=SUM("8,5";TRUE)')).toBe(9.5);
    expect((ev('=SUM("tám")') as FormulaError).code).toBe('#VALUE!');
  });

  it('ROUND rounds half away from zero, to any number of places', () => {
    expect(ev('=ROUND(2,5)')).toBe(3);
    expect(ev('=ROUND(-2,5)')).toBe(-3);
    expect(ev('=ROUND(1,005;2)')).toBe(1.01);
    expect(ev('=ROUND(1234;-2)')).toBe(1200);
    expect(roundHalfAway(0.125, 2)).toBe(0.13);
  });

  it('IF evaluates only the branch it takes', () => {
    expect(ev('=IF(A1>A2;"lớn";"nhỏ")')).toBe('nhỏ');
    expect(ev('=IF(TRUE;1;1/0)')).toBe(1);
    expect(ev('=IF(FALSE;1)')).toBe(false);
    expect((ev('=IF("có";1;2)') as FormulaError).code).toBe('#VALUE!');
  });

  it('AVERAGE, MIN, MAX, COUNT, COUNTA and SUMIF', () => {
    expect(ev('=AVERAGE(D5:D7)')).toBeCloseTo(25 / 3);
    expect(ev('=MIN(D5:D7)')).toBe(7.5);
    expect(ev('=MAX(D5:D7)')).toBe(9);
    expect(ev('=COUNT(A1:A3)')).toBe(2);
    expect(ev('=COUNTA(A1:A3)')).toBe(3);
    expect(ev('=SUMIF(D5:D7;">8";C5:C7)')).toBe(20);
    expect((ev('=AVERAGE(B2)') as FormulaError).code).toBe('#DIV/0!');
  });

  it('shows any other function as #NAME? with a Vietnamese message saying the playground does not support it', () => {
    const v = ev('=VLOOKUP(1;A:A;2;0)');
    expect(v).toBeInstanceOf(FormulaError);
    expect((v as FormulaError).code).toBe('#NAME?');
    expect((v as FormulaError).message).toContain('VLOOKUP không hỗ trợ trong bản chạy thử');
  });

  it('passes errors on: 1/0 is #DIV/0!, and a formula using it shows the same error', () => {
    expect((ev('=1/0') as FormulaError).code).toBe('#DIV/0!');
    expect((ev('=ROUND(1/0;2)+1') as FormulaError).code).toBe('#DIV/0!');
    const withError = { S: { ...S, A4: new FormulaError('#N/A', 'không tìm thấy') } };
    expect((ev('=SUM(A1:A4)', 'vi_VN', withError) as FormulaError).message).toBe('không tìm thấy');
    expect(ev('=COUNTA(A1:A4)', 'vi_VN', withError)).toBe(4);
  });
});

describe('custom functions, as Sheets calls them', () => {
  it('gets a range as a 2-D array (blanks ""), a single cell as a scalar, literals as values', () => {
    const ctx = contextOver({ S });
    evaluateFormula('=THIDUA_SCORE(D5:D7;C5;"cộng";3;TRUE;B1:B2)', ctx);
    expect(ctx.calls[0]).toEqual(['THIDUA_SCORE', [[[8.5], [9], [7.5]], 10, 'cộng', 3, true, [[10], ['']]]]);
  });

  it('leaves an argument left out in the middle as ""', () => {
    const ctx = contextOver({ S });
    evaluateFormula('=THIDUA_XEPLOAI(D5;;95)', ctx);
    expect(ctx.calls[0]![1]).toEqual([8.5, '', 95]);
  });

  it('returns a 2-D array as a matrix to spill, a 1-D array as a column, and a thrown error as #ERROR! with its message', () => {
    const m = ev('=ECHO(D5:D7)');
    expect(isMatrix(m) && m.rows).toEqual([[8.5], [9], [7.5]]);
    const fail = ev('=THIDUA_FAIL(D5:D7)');
    expect(fail).toEqual(new FormulaError('#ERROR!', 'Dòng 2: điểm 11 vượt điểm chuẩn 10'));
  });

  it('is not called when a one-cell argument holds an error: the error shows instead', () => {
    const ctx = contextOver({ S: { ...S, A4: new FormulaError('#DIV/0!', 'chia cho 0') } });
    expect((evaluateFormula('=THIDUA_RANK(A4)', ctx) as FormulaError).code).toBe('#DIV/0!');
    expect(ctx.calls).toEqual([]);
  });
});

describe('references rewritten when rows move', () => {
  it('moves references below inserted rows, grows ranges across them, keeps the rest of the text as typed', () => {
    const shift = (ref: Parameters<Parameters<typeof rewriteReferences>[2]>[0]) => ({
      ...ref,
      start: ref.start.row !== null && ref.start.row > 5 ? { ...ref.start, row: ref.start.row + 2 } : ref.start,
      end: ref.end && ref.end.row !== null && ref.end.row > 5 ? { ...ref.end, row: ref.end.row + 2 } : ref.end,
    });
    expect(rewriteReferences('=THIDUA_SCORE(D5:D30; $C$6:C30;  B1)', 'vi_VN', shift)).toBe('=THIDUA_SCORE(D5:D32; $C$8:C32;  B1)');
    expect(rewriteReferences("='Ninh Thuận'!A7*2", 'vi_VN', shift)).toBe("='Ninh Thuận'!A9*2");
    expect(rewriteReferences('=A7+1', 'vi_VN', () => null)).toBe('=#REF!+1');
  });
});

// ——— through the fake spreadsheet ———

const OWNER = 'owner@example.com';
const CLERK = 'vanphong@example.com';

function sheetWithFunctions(functions: Record<string, (...a: unknown[]) => unknown>) {
  const g = createFakeGoogle({ owner: OWNER, editors: [CLERK], now: new Date('2025-03-01T00:00:00Z') });
  const scope: Record<string, unknown> = {};
  g.installGlobals(scope);
  Object.assign(scope, functions);
  const ss = g.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.insertSheet('Ninh Thuận');
  sheet.getRange('C5:D7').setValues([[10, 8.5], [10, 9], [10, 7.5]]);
  const at = (a1: string) => sheet.getRange(a1);
  const errorAt = (a1: string) => {
    const r = at(a1);
    return formulaErrorOf(getCell(sheet.state, r.row, r.col));
  };
  return { g, ss, sheet, scope, at, errorAt };
}

describe('formulas in the fake spreadsheet', () => {
  it('keeps the formula as typed and shows its value: getFormula, getValue, getDisplayValue', () => {
    const { g, at } = sheetWithFunctions({});
    expect(g.userEdit(CLERK, 'Ninh Thuận', 'E5', '=ROUND(D5+D6;0)')).toMatchObject({ ok: true });
    expect(at('E5').getFormula()).toBe('=ROUND(D5+D6;0)');
    expect(at('E5').getValue()).toBe(18);
    at('E6').setFormula('=SUM(D5:D7)/3');
    expect(at('E6').getDisplayValue()).toBe('8,333333333');
    expect(at('E5:E6').getFormulas()).toEqual([['=ROUND(D5+D6;0)'], ['=SUM(D5:D7)/3']]);
  });

  it('computes again when a referenced cell changes, by a person or by a script', () => {
    const { g, at } = sheetWithFunctions({});
    g.userEdit(CLERK, 'Ninh Thuận', 'E5', '=D5+D6');
    expect(at('E5').getValue()).toBe(17.5);
    g.userEdit(CLERK, 'Ninh Thuận', 'D5', '10');
    expect(at('E5').getValue()).toBe(19);
    at('D6').setValue(1);
    expect(at('E5').getValue()).toBe(11);
    at('D5:D6').clearContent();
    expect(at('E5').getValue()).toBe(0);
  });

  it('passes a range to a custom function as a 2-D array and a single cell as a scalar, dates as Dates', () => {
    const seen: unknown[][] = [];
    const { g, at } = sheetWithFunctions({ THIDUA_SCORE: (...a: unknown[]) => { seen.push(a); return 1; } });
    at('B5').setValue(new Date('2025-01-02T00:00:00Z'));
    g.userEdit(CLERK, 'Ninh Thuận', 'F5', '=THIDUA_SCORE(D5:D7;C5;B5:B6)');
    expect(seen[0]![0]).toEqual([[8.5], [9], [7.5]]);
    expect(seen[0]![1]).toBe(10);
    const dates = seen[0]![2] as unknown[][];
    expect(dates[0]![0]).toBeInstanceOf(Date);
    expect(dates[1]![0]).toBe('');
  });

  it('finds the custom function whatever the case typed, as Sheets does', () => {
    const { g, at } = sheetWithFunctions({ THIDUA_RANK: () => 3 });
    g.userEdit(CLERK, 'Ninh Thuận', 'F5', '=thidua_rank(D5)');
    expect(at('F5').getValue()).toBe(3);
  });

  it('shows a thrown Error as #ERROR! with the message on hover', () => {
    const { g, at, errorAt } = sheetWithFunctions({ THIDUA_SCORE: () => { throw new Error('Dòng 3: điểm 11 vượt điểm chuẩn 10'); } });
    g.userEdit(CLERK, 'Ninh Thuận', 'F5', '=THIDUA_SCORE(D5:D7;C5:C7)');
    expect(at('F5').getValue()).toBe('#ERROR!');
    expect(at('F5').getDisplayValue()).toBe('#ERROR!');
    expect(errorAt('F5')).toEqual({ code: '#ERROR!', message: 'Dòng 3: điểm 11 vượt điểm chuẩn 10' });
    g.userEdit(CLERK, 'Ninh Thuận', 'F6', '=F5+1');
    expect(errorAt('F6')).toEqual({ code: '#ERROR!', message: 'Dòng 3: điểm 11 vượt điểm chuẩn 10' });
  });

  it('shows an unsupported function as #NAME?, never blank', () => {
    const { g, at, errorAt } = sheetWithFunctions({});
    g.userEdit(CLERK, 'Ninh Thuận', 'F5', '=VLOOKUP(1;A:A;2;0)');
    expect(at('F5').getValue()).toBe('#NAME?');
    expect(errorAt('F5')!.message).toContain('không hỗ trợ trong bản chạy thử');
  });

  it('spills a 2-D result down and right; the spilled cells hold values, not formulas', () => {
    const { g, at, sheet } = sheetWithFunctions({ THIDUA_RANK: () => [[1, 'a'], [2, 'b'], [3, 'c']] });
    g.userEdit(CLERK, 'Ninh Thuận', 'F5', '=THIDUA_RANK(D5:D7)');
    expect(at('F5:G7').getValues()).toEqual([[1, 'a'], [2, 'b'], [3, 'c']]);
    expect(at('F5:G7').getFormulas()).toEqual([['=THIDUA_RANK(D5:D7)', ''], ['', ''], ['', '']]);
    expect(sheet.getLastRow()).toBe(7);
    expect(sheet.getLastColumn()).toBe(7);
  });

  it('shows #REF! when the spill would overwrite a cell, naming it, and spills once the cell is cleared', () => {
    const { g, at, errorAt } = sheetWithFunctions({ THIDUA_RANK: () => [[1], [2], [3]] });
    g.userEdit(CLERK, 'Ninh Thuận', 'F7', 'ghi chú');
    g.userEdit(CLERK, 'Ninh Thuận', 'F5', '=THIDUA_RANK(D5:D7)');
    expect(at('F5').getValue()).toBe('#REF!');
    expect(errorAt('F5')!.message).toBe('Kết quả mảng không được mở rộng vì sẽ ghi đè dữ liệu ở F7.');
    expect(at('F6').getValue()).toBe('');
    g.userEdit(CLERK, 'Ninh Thuận', 'F7', '');
    expect(at('F5:F7').getValues()).toEqual([[1], [2], [3]]);
    // Typing into the spilled area blocks it again.
    g.userEdit(CLERK, 'Ninh Thuận', 'F6', 5);
    expect(at('F5:F7').getValues()).toEqual([['#REF!'], [5], ['']]);
  });

  it('runs a custom function again only when its arguments change', () => {
    let runs = 0;
    const { g, at } = sheetWithFunctions({ THIDUA_SCORE: (p: unknown) => { runs++; return (p as number[][]).flat().length; } });
    g.userEdit(CLERK, 'Ninh Thuận', 'F5', '=THIDUA_SCORE(D5:D7)');
    expect(runs).toBe(1);
    g.userEdit(CLERK, 'Ninh Thuận', 'A1', 'không liên quan');
    at('H9').setValue(4);
    expect(runs).toBe(1);
    g.userEdit(CLERK, 'Ninh Thuận', 'D6', '9,5');
    expect(runs).toBe(2);
  });

  it('runs custom functions without authorisation: services that need it throw, the sheet is read-only, calls are not counted', () => {
    const { g, at, errorAt, scope } = sheetWithFunctions({});
    const apps = g.globals;
    Object.assign(scope, {
      READS: () => apps.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Ninh Thuận')!.getRange('D5').getValue(),
      TRIGGERS: () => apps.ScriptApp.getProjectTriggers().length,
      WRITES: () => { apps.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Ninh Thuận')!.getRange('A1').setValue(1); return 1; },
      OPENS: () => apps.SpreadsheetApp.openById(g.shared.spreadsheet.id).getName(),
      MODE: () => g.exec.authMode,
    });
    const range = at('H1:H5');
    g.env.resetCalls();
    range.setFormulas([['=READS()'], ['=TRIGGERS()'], ['=WRITES()'], ['=OPENS()'], ['=MODE()']]);
    // Only the script's own call: what the custom functions did is Sheets' recalculation.
    expect(g.env.calls.map((c) => c.name)).toEqual(['Range.setFormulas']);
    expect(at('H1').getValue()).toBe(8.5);
    expect(errorAt('H2')?.message).toContain('You do not have permission to call ScriptApp.getProjectTriggers');
    expect(errorAt('H3')?.message).toContain('You do not have permission');
    expect(at('A1').getValue()).toBe('');
    expect(errorAt('H4')?.message).toContain('You do not have permission to call SpreadsheetApp.openById');
    expect(at('H5').getValue()).toBe('CUSTOM_FUNCTION');
    expect(g.exec.authMode).toBe('FULL');
  });

  it('stops a custom function after 30 seconds with #ERROR!', () => {
    const { g, errorAt, scope } = sheetWithFunctions({});
    scope.SLOW = () => { g.globals.Utilities.sleep(31_000); return 1; };
    g.userEdit(CLERK, 'Ninh Thuận', 'F5', '=SLOW()');
    expect(errorAt('F5')).toEqual({ code: '#ERROR!', message: 'Đã vượt quá thời gian thực thi tối đa của hàm tùy chỉnh (30 giây).' });
  });

  it('reports a circular reference as #REF!', () => {
    const { g, errorAt } = sheetWithFunctions({});
    g.userEdit(CLERK, 'Ninh Thuận', 'A1', '=B1+1');
    g.userEdit(CLERK, 'Ninh Thuận', 'B1', '=A1+1');
    expect(errorAt('A1')?.code).toBe('#REF!');
    expect(errorAt('B1')?.message).toContain('phụ thuộc vòng tròn');
  });

  it('keeps references on the same cells when rows are inserted or deleted, and follows a renamed sheet', () => {
    const { g, ss, sheet, at } = sheetWithFunctions({});
    const other = ss.insertSheet('Tổng hợp');
    other.getRange('A1').setFormula("=SUM('Ninh Thuận'!D5:D7)");
    at('E9').setFormula('=D5+D7');
    sheet.insertRowsBefore(6, 2);
    expect(at('E11').getFormula()).toBe('=D5+D9');
    expect(other.getRange('A1').getFormula()).toBe("=SUM('Ninh Thuận'!D5:D9)");
    expect(other.getRange('A1').getValue()).toBe(25);
    expect(g.userInsertRows(OWNER, 'Ninh Thuận', 1, 1)).toMatchObject({ ok: true });
    expect(other.getRange('A1').getFormula()).toBe("=SUM('Ninh Thuận'!D6:D10)");
    sheet.deleteRow(6);
    expect(at('E11').getFormula()).toBe('=#REF!+D9');
    expect(at('E11').getValue()).toBe('#REF!');
    sheet.setName('Ninh Thuận 2');
    expect(other.getRange('A1').getFormula()).toBe("=SUM('Ninh Thuận 2'!D6:D9)");
    expect(other.getRange('A1').getValue()).toBe(16.5);
  });

  it('shows #REF! for a sheet that does not exist, and reads it once it is added', () => {
    const { ss, at } = sheetWithFunctions({});
    at('A1').setFormula("='Bình Thuận'!A1*2");
    expect(at('A1').getValue()).toBe('#REF!');
    ss.insertSheet('Bình Thuận').getRange('A1').setValue(4);
    expect(at('A1').getValue()).toBe(8);
  });

  it('keeps a result a test pins (a function the fake does not compute) until the cell is written again', () => {
    const { g, at } = sheetWithFunctions({});
    g.userEdit(CLERK, 'Ninh Thuận', 'F5', '=VLOOKUP(1;A:A;2;0)');
    g.setFormulaResult('Ninh Thuận', 'F5', '#N/A');
    at('F6').setFormula('=F5');
    expect(at('F5:F6').getValues()).toEqual([['#N/A'], ['#N/A']]);
    g.userEdit(CLERK, 'Ninh Thuận', 'F5', '=1+1');
    expect(at('F5:F6').getValues()).toEqual([[2], [2]]);
  });

  it('keeps formulas and their results through serialize and restore', () => {
    const { g, at } = sheetWithFunctions({});
    at('E5').setFormula('=SUM(D5:D7)');
    const again = createFakeGoogle({ state: g.serialize() });
    const r = again.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Ninh Thuận')!.getRange('E5');
    expect([r.getFormula(), r.getValue()]).toEqual(['=SUM(D5:D7)', 25]);
  });
});
