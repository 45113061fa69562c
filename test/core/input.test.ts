/**
 * The fast paths of cell-text cleaning (plain ASCII skips the regex and Unicode work) give
 * exactly what the plain definitions give, on any text a sheet can hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeKey } from '../../src/core/criteria';
import { cleanText, isBlank, normalizeKey, type CellValue } from '../../src/core/input';
import { isNotApplicable } from '../../src/workbook/unitSheet';

// ——— the definitions, as they were before the fast paths ———

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
const SPACES = /[\s\u00A0\u2007\u202F]+/g;

function cleanTextSlow(value: CellValue): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(INVISIBLE, '').replace(SPACES, ' ').trim().normalize('NFC');
}

function isBlankSlow(value: CellValue): boolean {
  return typeof value !== 'number' && typeof value !== 'boolean' && !(value instanceof Date) && cleanTextSlow(value) === '';
}

function normalizeKeySlow(value: CellValue): string {
  return cleanTextSlow(value).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

function codeKeySlow(code: string): string {
  return cleanTextSlow(code).toLowerCase().replace(/ ?\. ?/g, '.').replace(/\.+$/, '');
}

function isNotApplicableSlow(value: CellValue): boolean {
  return normalizeKeySlow(value) === normalizeKeySlow('Không giao');
}

// ——— generated cell values ———

/** Pieces people paste into cells: Vietnamese in NFC and NFD, invisible and odd spaces, codes. */
const PIECES = [
  'a', 'Z', '1', '.', ',', '-', '#', ' ', '  ', '\t', '\n', '\r\n', '\u00A0', '\u2007', '\u202F', '\u3000',
  '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', 'Có', 'Không', 'Không giao', 'KHÔNG GIAO',
  'Không giao'.normalize('NFD'), 'Đạt', 'đạt'.normalize('NFD'), 'Cộng', 'Bình Dương'.normalize('NFD'), 'I.1.a', 'II. 3 .', 'ữ',
  '\u0301', '\u0323', 'é', 'ǅ', 'İ', 'ß', '😀', '\uD800', '~', 'x'.repeat(40),
];

/** Characters that clean away: spaces of every kind and invisible ones. */
const BLANKS = [' ', '\t', '\n', '\r', '\u00A0', '\u2007', '\u202F', '\u3000', '\u2028', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];
const blank = fc.array(fc.constantFrom(...BLANKS), { maxLength: 4 }).map((parts) => parts.join(''));

const text = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((parts) => parts.join('')),
  blank,
  fc.tuple(blank, fc.constantFrom(...PIECES), blank).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ maxLength: 20 }),
);

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  text,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: false }),
);

const RUNS = { numRuns: 3000 };

describe('cell text fast paths', () => {
  it('cleans any cell exactly as the plain definition does', () => {
    fc.assert(fc.property(cell, (v) => {
      expect(cleanText(v)).toBe(cleanTextSlow(v));
    }), RUNS);
  });

  it('folds any cell to the same matching key as the plain definition', () => {
    fc.assert(fc.property(cell, (v) => {
      expect(normalizeKey(v)).toBe(normalizeKeySlow(v));
    }), RUNS);
  });

  it('calls a cell blank exactly when the plain definition does', () => {
    fc.assert(fc.property(cell, (v) => {
      expect(isBlank(v)).toBe(isBlankSlow(v));
    }), RUNS);
  });

  it('recognises "Không giao" exactly when the plain definition does', () => {
    fc.assert(fc.property(cell, (v) => {
      expect(isNotApplicable(v)).toBe(isNotApplicableSlow(v));
    }), RUNS);
  });

  it('gives every code the same key as the plain definition', () => {
    fc.assert(fc.property(text, (v) => {
      expect(codeKey(v)).toBe(codeKeySlow(v));
    }), RUNS);
  });

  it('keeps the documented examples', () => {
    expect(normalizeKey(' Cộng ')).toBe('cong');
    expect(normalizeKey('CONG')).toBe('cong');
    expect(normalizeKey('Đạt'.normalize('NFD'))).toBe('dat');
    expect(cleanText('\u200BBình\u00A0\u00A0Dương ')).toBe('Bình Dương');
    expect(cleanText(' a  b ')).toBe('a b');
    expect(isBlank('\u200B\u00A0 ')).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isNotApplicable('  KHONG   giao\u200B')).toBe(true);
    expect(isNotApplicable(0)).toBe(false);
    expect(codeKey(' I. 1.A ')).toBe('i.1.a');
    expect(codeKey('II.')).toBe('ii');
  });
});
