/**
 * The custom functions as Sheets calls them: the BUILT dist/Code.js loaded into one node:vm
 * context, each THIDUA_* called as the top-level function the stub declares, with 2D arrays for
 * ranges, scalars for single cells and missing trailing arguments for omitted ones.
 * `npm test` builds dist/ before vitest runs.
 */
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle, readCode } from '../helpers/bundle';

const NAMES = ['THIDUA_SCORE', 'THIDUA_RANK', 'THIDUA_XEPLOAI', 'THIDUA_DIEM'] as const;
type Fn = (...args: unknown[]) => unknown;

// Every service throws when touched: a custom function may call none that needs authorisation.
function load(): Record<string, unknown> {
  return loadBundle().context;
}

const col = (...values: unknown[]) => values.map((v) => [v]);
const XS = 'Hoàn thành xuất sắc nhiệm vụ';
const TOT = 'Hoàn thành tốt nhiệm vụ';

let g: Record<(typeof NAMES)[number], Fn>;
let code = '';
beforeAll(() => {
  const context = load();
  g = Object.fromEntries(NAMES.map((n) => [n, context[n] as Fn])) as typeof g;
  code = readCode();
});

describe('the custom functions in the bundle', () => {
  it.each(NAMES)('declares %s as a top-level function', (name) => {
    expect(typeof g[name]).toBe('function');
  });

  it.each(NAMES)('gives %s a JSDoc example in Vietnamese-locale syntax', (name) => {
    const file = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
    const fn = file.statements.filter(ts.isFunctionDeclaration).find((f) => f.name?.text === name)!;
    const doc = ts.getJSDocCommentsAndTags(fn).map((d) => d.getText(file)).join('\n');
    expect(doc).toMatch(new RegExp(`=${name}\\([^)]*;[^)]*\\)`));
    expect(doc).toContain('@return');
  });
});

describe('THIDUA_SCORE called from a cell', () => {
  it('totals a table with group, bonus and deduction rows', () => {
    // The README's example: 18,5 + 8,5 + 5 − 2; the group row's 27 is left out.
    expect(g.THIDUA_SCORE(col(27, '18,5', '8,5', 5, 2), col(30, 20, 10, 5, 5), col('Nhóm', '', '', 'Cộng', 'Trừ'))).toBe(30);
  });

  it('totals without kinds when the argument is left out', () => {
    expect(g.THIDUA_SCORE(col('18,5', '8,5'), col(20, 10))).toBe(27);
  });

  it('totals single cells passed as scalars', () => {
    expect(g.THIDUA_SCORE(8, 10)).toBe(8);
  });

  it('throws a message naming the row', () => {
    expect(() => g.THIDUA_SCORE(col(5, 6, 11), col(10, 10, 10))).toThrow('Dòng 3: điểm 11 vượt điểm chuẩn 10');
  });

  it('throws a message naming both sizes when the ranges differ', () => {
    expect(() => g.THIDUA_SCORE(col(1, 2, 3), col(10, 10))).toThrow('Vùng điểm có 3 ô nhưng vùng điểm chuẩn có 2 ô');
  });
});

describe('THIDUA_RANK called from a cell', () => {
  it('ranks a column into a column of the same shape', () => {
    expect(g.THIDUA_RANK(col('92,5', 88, 92.5, 75, ''))).toEqual(col(1, 3, 1, 4, ''));
  });

  it('gives the rank of one value among the scores', () => {
    expect(g.THIDUA_RANK(88, col('92,5', 88, 92.5, 75, ''))).toBe(3);
  });

  it('ranks each cell of a value range among the scores', () => {
    expect(g.THIDUA_RANK(col(95, 80), col(90, 85))).toEqual(col(1, 3));
  });
});

describe('THIDUA_XEPLOAI called from a cell', () => {
  it('classifies a column with the default thresholds', () => {
    expect(g.THIDUA_XEPLOAI(col(92.5, 88, ''))).toEqual(col(XS, TOT, ''));
  });

  it('classifies a single score of a 1000-point table', () => {
    expect(g.THIDUA_XEPLOAI(870, 1000)).toBe(TOT);
  });

  it('uses the thresholds given', () => {
    expect(g.THIDUA_XEPLOAI(92.5, 100, 95, 80, 60)).toBe(TOT);
  });

  it('throws when the thresholds do not decrease', () => {
    expect(() => g.THIDUA_XEPLOAI(80, 100, 90, 95, 50)).toThrow('Các ngưỡng phải giảm dần');
  });
});

describe('THIDUA_DIEM called from a cell', () => {
  it('scores a single result by tỷ lệ when the rule is left out', () => {
    expect(g.THIDUA_DIEM(8, 10, 5)).toBe(4);
  });

  it('scores a column by dẫn đầu with a single target and max', () => {
    expect(g.THIDUA_DIEM(col(45, 50, 60, 75), 50, 10, 'dẫn đầu')).toEqual(col(4.5, 5, 7, 10));
  });

  it('scores by ngược, the rule matched without diacritics', () => {
    expect(g.THIDUA_DIEM(4, 2, 10, 'NGUOC')).toBe(5);
  });

  it('scores by đạt: 0 below the target', () => {
    expect(g.THIDUA_DIEM(98, 100, 3, 'đạt')).toBe(0);
  });

  it('throws a message naming the row for a target of 0', () => {
    expect(() => g.THIDUA_DIEM(col(5, 5), col(10, 0), 10)).toThrow('Dòng 2: chỉ tiêu 0 phải lớn hơn 0 với cách tính "tỷ lệ"');
  });

  it('throws for an unknown rule', () => {
    expect(() => g.THIDUA_DIEM(8, 10, 5, 'xyz')).toThrow('Cách tính "xyz" không rõ');
  });
});
