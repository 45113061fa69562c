/**
 * Loads dist/ as Apps Script would: every file in one global scope, with every service replaced
 * by an object that throws when touched. `npm test` builds dist/ before vitest runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';

export const distDir = join(__dirname, '..', '..', 'dist');
export const codePath = join(distDir, 'Code.js');

export const SERVICES = [
  'SpreadsheetApp', 'DocumentApp', 'DriveApp', 'LockService', 'PropertiesService', 'Session',
  'HtmlService', 'ScriptApp', 'Utilities', 'CacheService', 'Logger', 'UrlFetchApp', 'MailApp', 'Sheets', 'Drive', 'MimeType',
];

export interface TopLevelFunction {
  name: string;
  params: string[];
  jsDoc: string;
}

export function readCode(): string {
  if (!existsSync(codePath)) throw new Error('dist/Code.js is missing: run `npm run build` first');
  return readFileSync(codePath, 'utf8');
}

/** The top-level function declarations of a script, with their parameter names and JSDoc. */
export function topLevelFunctions(code: string): TopLevelFunction[] {
  const file = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  return file.statements.filter(ts.isFunctionDeclaration).map((fn) => ({
    name: fn.name?.text ?? '',
    params: fn.parameters.map((p) => p.name.getText(file)),
    jsDoc: ts.getJSDocCommentsAndTags(fn).map((d) => d.getText(file)).join('\n'),
  }));
}

/** Loads the bundle into a fresh context; `touched` collects every service access. */
export function loadBundle(): { context: Record<string, unknown>; touched: string[] } {
  const touched: string[] = [];
  const context: Record<string, unknown> = {};
  for (const name of SERVICES) {
    context[name] = new Proxy({}, {
      get(_t, prop) {
        touched.push(`${name}.${String(prop)}`);
        throw new Error(`${name} touched`);
      },
    });
  }
  vm.createContext(context);
  vm.runInContext(readCode(), context, { filename: 'Code.js' });
  return { context, touched };
}

/**
 * Loads the bundle over a fake Google, as Apps Script loads the pushed files beside its services:
 * returns the context whose top-level functions Sheets would call by name.
 */
export function loadBundleOver(google: { installGlobals(target: Record<string, unknown>): void }): Record<string, unknown> {
  const context: Record<string, unknown> = {};
  google.installGlobals(context);
  vm.createContext(context);
  vm.runInContext(readCode(), context, { filename: 'Code.js' });
  return context;
}
