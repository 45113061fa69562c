/**
 * The actions (src/app) reach Google only through the adapters (src/adapters): no file there names
 * a Google service, a Google type, the adapters' service registry, or calls a Sheets method on a
 * raw object. Comments are left out of the scan (they may name Drive or DocumentApp in prose).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SheetsAdapter } from '../../src/adapters/sheets';

const APP = join(__dirname, '../../src/app');

/** The code of a file without its comments (a `//` after a colon, as in a URL, is kept). */
export function codeOf(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
}

/** Google's globals and types, and the registry that hands them out. */
const GOOGLE = [
  /\bGoogleAppsScript\./, /\bSpreadsheetApp\b/, /\bPropertiesService\b/, /\bDriveApp\b/, /\bDrive\.\w/, /\bDocumentApp\b/,
  /\bLockService\b/, /\bScriptApp\b/, /\bSession\b/, /\bHtmlService\b/, /\bCacheService\b/, /\bUrlFetchApp\b/, /\bUtilities\./,
  /\bMimeType\./, /\bservices\(\)/, /adapters\/services'/,
];

/**
 * Methods of Sheets objects (Spreadsheet, Sheet, Range, Protection): called only in src/adapters
 * (the adapter's own methods of the same name, on `sheets.`, are the door).
 */
const SHEETS_METHODS = /(?<!\bsheets)\.(getRange|getSheetById|getSheetByName|getSheets|getValues|setValues|setValue|getDisplayValues|getSheetValues|insertSheet|insertRows\w*|hideSheet|showSheet|isSheetHidden|setFrozenRows|getFrozenRows|getProtections|protect|setName|getName|getA1Notation|activate|appendRow|getLastRow|getMaxRows|getSheet)\(/;

function appFiles(): string[] {
  return readdirSync(APP).filter((f) => f.endsWith('.ts')).sort();
}

describe('src/app names no Google service or type', () => {
  it('finds the files to scan', () => {
    expect(appFiles().length).toBeGreaterThan(10);
    expect(appFiles()).toContain('recompute.ts');
  });

  it.each(appFiles())('%s', (file) => {
    const code = codeOf(readFileSync(join(APP, file), 'utf8'));
    const lines = code.split('\n');
    const found: string[] = [];
    lines.forEach((line, i) => {
      for (const re of [...GOOGLE, SHEETS_METHODS]) if (re.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
    });
    expect(found).toEqual([]);
  });

  it('scans every file of src/app (no folders to miss)', () => {
    expect(readdirSync(APP, { withFileTypes: true }).filter((e) => !e.isFile() || !e.name.endsWith('.ts')).map((e) => e.name)).toEqual([]);
  });

  it('cannot reach the raw spreadsheet through SheetsAdapter (private: npm test type-checks this file)', () => {
    // @ts-expect-error SheetsAdapter.spreadsheet is private; were it public, this line would fail the type check.
    const reach = (a: SheetsAdapter) => a.spreadsheet;
    expect(typeof reach).toBe('function');
    expect(readFileSync(join(__dirname, '../../src/adapters/sheets.ts'), 'utf8')).toMatch(/constructor\(private readonly spreadsheet: Spreadsheet\)/);
  });

  it('the scan sees what it looks for, and not in comments', () => {
    const hit = (s: string) => [...GOOGLE, SHEETS_METHODS].some((re) => codeOf(s).split('\n').some((l) => re.test(l)));
    expect(hit('const r = ctx.sheets.spreadsheet.getRange(a1);')).toBe(true);
    expect(hit('let p: GoogleAppsScript.Properties.Properties;')).toBe(true);
    expect(hit("import { services } from '../adapters/services';")).toBe(true);
    expect(hit('x = Session.getActiveUser();')).toBe(true);
    expect(hit('sheet.insertRowsBefore(5, 2);')).toBe(true);
    expect(hit('ctx.sheets.insertRowsBefore(sheet, 5, 2);')).toBe(false);
    expect(hit('/** Written into Drive. DocumentApp makes it. */')).toBe(false);
    expect(hit('const url = "https://drive.google.com"; // DriveApp is not used')).toBe(false);
  });
});

describe('every cell write in src/adapters writes text as text', () => {
  it('passes its values through asText', () => {
    const dir = join(__dirname, '../../src/adapters');
    const writes: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      codeOf(readFileSync(join(dir, file), 'utf8')).split('\n').forEach((line, i) => {
        if (/\.(setValues|setValue|appendRow)\(/.test(line)) writes.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(writes.length).toBeGreaterThanOrEqual(3);
    expect(writes.filter((w) => !/\.(setValues|setValue|appendRow)\(asText\(/.test(w))).toEqual([]);
  });
});
