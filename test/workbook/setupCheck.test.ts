import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleYearConfig } from '../../src/app/sample';
import { defaultRules } from '../../src/core/rules';
import { CONFIG_LAYOUT, parseConfig, renderConfig } from '../../src/workbook/config';
import type { Grid } from '../../src/workbook/grid';
import { checkUnits, isEmail, shortNameFault, splitEmails, unitKey } from '../../src/workbook/setupCheck';

describe('isEmail', () => {
  it('accepts plain addresses and refuses others', () => {
    expect(['vanphong@binhduong.example.com', 'a.b@c.d.vn'].every(isEmail)).toBe(true);
    expect(['a@b', '@b.vn', 'a b@c.vn', 'no-at.example.com', '', `${'a'.repeat(250)}@x.vn`].some(isEmail)).toBe(false);
  });
});

describe('splitEmails', () => {
  it('splits on commas, semicolons, spaces and new lines, and drops invisible characters', () => {
    expect(splitEmails(' a@x.vn,b@x.vn ;\nc@x.vn\u00A0d@x.vn\u200B ')).toEqual(['a@x.vn', 'b@x.vn', 'c@x.vn', 'd@x.vn']);
  });

  it('gives nothing for a blank cell', () => {
    expect([splitEmails(''), splitEmails(null), splitEmails(' ;, ')]).toEqual([[], [], []]);
  });
});

describe('shortNameFault', () => {
  it('refuses a blank name and a name already taken, without regard to case, diacritics or Unicode form', () => {
    const taken = new Set([unitKey('Bình Dương')]);
    expect(shortNameFault('', taken)).toBe('missing');
    expect(['BINH DUONG', 'Bình Dương'.normalize('NFD'), 'bình dương'].map((n) => shortNameFault(n, taken))).toEqual(['duplicate', 'duplicate', 'duplicate']);
  });

  it('refuses names Sheets cannot give a tab', () => {
    expect(['A/B', 'A:B', 'A[1]', 'A*', 'A?', 'A\\B', "'A", 'x'.repeat(91)].map((n) => shortNameFault(n, new Set()))).toEqual(Array(8).fill('badName'));
    expect(shortNameFault('x'.repeat(90), new Set())).toBeNull();
  });

  it("refuses the add-on's own tab names", () => {
    expect(['Cấu hình', 'TIEU CHI', 'tổng hợp', 'Bình xét', 'Nhật ký'].map((n) => shortNameFault(n, new Set()))).toEqual(Array(5).fill('reserved'));
  });
});

/** Short names as people type them in the form or in Cấu hình. */
const SHORT_NAMES = ['Bình Dương', 'BINH DUONG', 'Bình Dương'.normalize('NFD'), 'Tây Ninh', 'A/B', "'x", 'Tổng hợp', 'nhat ky', 'x'.repeat(91), ''];

describe('the set-up form and Cấu hình give the same verdicts', () => {
  it('accept the same short names, in the same order, and refuse the rest', () => {
    const base = renderConfig({ ...sampleYearConfig(2021), units: [] });
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SHORT_NAMES), { minLength: 1, maxLength: 8 }), (names) => {
        // The same names typed into the units block of Cấu hình (a full name beside each, so no row is blank).
        const grid: Grid = base.map((r) => [...r]);
        names.forEach((name, i) => {
          const r = CONFIG_LAYOUT.firstRow + i - 1;
          while (grid.length <= r) grid.push([]);
          const line = grid[r]!;
          while (line.length < CONFIG_LAYOUT.units.column + 1) line.push('');
          line[CONFIG_LAYOUT.units.column - 1] = name;
          line[CONFIG_LAYOUT.units.column] = 'VKSND';
        });
        const sheet = parseConfig(grid, { defaults: defaultRules(2021) });
        const form = checkUnits(names.map((shortName) => ({ shortName, name: 'VKSND', emails: [] })));
        expect(sheet.units.map((u) => u.shortName)).toEqual(form.units.map((u) => u.shortName));
        // Each refused line is reported by its line in the form and at its cell in Cấu hình.
        const formRows = names.map((_, i) => i).filter((i) => form.problems.some((p) => p.startsWith(`Dòng ${i + 1} `)));
        const sheetRows = names.map((_, i) => i).filter((i) => sheet.problems.some((p) => p.a1 === `D${CONFIG_LAYOUT.firstRow + i}` && p.severity === 'error'));
        expect(formRows).toEqual(sheetRows);
        expect(formRows.length).toBe(names.length - form.units.length);
      }),
      { numRuns: 300 },
    );
  });
});
