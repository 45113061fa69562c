/**
 * The sidebar's source, checked as text: no HTML parsing or code evaluation anywhere, only type
 * imports of server code (but for the pure modules both sides run), every Vietnamese string in
 * src/i18n.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const clientDir = join(root, 'src', 'client');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/**
 * Pure modules the sidebar runs as the server does, so a rule has one home (without .ts): the
 * set-up form's check. Everything they import is checked below.
 */
const SHARED = [join(root, 'src', 'workbook', 'setupCheck')];

/** The modules a file imports for more than types. */
function runtimeImports(text: string): string[] {
  return [...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

const sources = files(clientDir).map((p) => ({ path: relative(root, p), text: readFileSync(p, 'utf8') }));
const code = sources.filter((s) => s.path.endsWith('.ts'));

/** Forbidden: markup parsing, code evaluation, and string timers (which eval). */
const FORBIDDEN: Array<[string, RegExp]> = [
  ['innerHTML', /\binnerHTML\b/],
  ['outerHTML', /\bouterHTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['document.write', /\bdocument\s*\.\s*write(ln)?\b/],
  ['eval', /\beval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['DOMParser', /\bDOMParser\b/],
  ['srcdoc', /\.srcdoc\b/],
  ['string timer', /\bset(Timeout|Interval)\s*\(\s*['"`]/],
];

describe('the sidebar source', () => {
  it('has files to check', () => {
    expect(code.map((s) => s.path)).toEqual(expect.arrayContaining(['src/client/main.ts', 'src/client/dom.ts', 'src/client/api.ts']));
  });

  for (const [name, pattern] of FORBIDDEN) {
    it(`never uses ${name}`, () => {
      const hits = sources.filter((s) => pattern.test(s.text)).map((s) => s.path);
      expect(hits).toEqual([]);
    });
  }

  it('would catch innerHTML if it were there (the check itself works)', () => {
    expect(FORBIDDEN.find(([n]) => n === 'innerHTML')![1].test('el.innerHTML = name')).toBe(true);
    expect(FORBIDDEN.find(([n]) => n === 'eval')![1].test('eval (x)')).toBe(true);
  });

  it('imports server code for its types only', () => {
    const runtime = code.flatMap((s) =>
      runtimeImports(s.text)
        .filter((spec) => /\/(server|app|workbook|core)\//.test(`/${spec}/`) || /^\.\.\/\.\.?\/(server|app|workbook|core)/.test(spec))
        .filter((spec) => !SHARED.includes(join(dirname(join(root, s.path)), spec)))
        .map((spec) => `${s.path}: ${spec}`));
    expect(runtime).toEqual([]);
  });

  it('shares with the server only pure modules, which reach no Apps Script service, adapter or action', () => {
    const seen = new Set<string>();
    const walk = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of runtimeImports(readFileSync(`${file}.ts`, 'utf8'))) walk(join(dirname(file), spec));
    };
    SHARED.forEach(walk);
    const reached = [...seen].map((f) => relative(root, f));
    expect(reached.filter((f) => !/^src\/(core|workbook|i18n)\//.test(f))).toEqual([]);
    const services = /\b(SpreadsheetApp|PropertiesService|LockService|DriveApp|DocumentApp|Session|ScriptApp|HtmlService|CacheService)\b/;
    expect(reached.filter((f) => services.test(readFileSync(join(root, `${f}.ts`), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))).toEqual([]);
  });

  it('keeps Vietnamese text out of the code: it lives in src/i18n/client.ts', () => {
    // A quoted string with Vietnamese letters outside comments is a hard-coded message
    // (patterns that recognise the server's Vietnamese errors are regex literals, not strings).
    const letters = 'ăâđêôơưàáạảãằắặẳẵầấậẩẫèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ';
    const vi = new RegExp(`(['"\`])[^'"\`]*[${letters}][^'"\`]*\\1`, 'i');
    expect(vi.test("const x = 'Đang tải';")).toBe(true);
    expect(vi.test('const re = /mất kết nối/i;')).toBe(false);
    const hits = code.flatMap((s) =>
      s.text.split('\n')
        .map((line, i) => ({ line: line.replace(/\/\/.*$|\/\*.*?\*\/|^\s*\*.*$/g, ''), n: i + 1 }))
        .filter(({ line }) => vi.test(line))
        .map(({ n }) => `${s.path}:${n}`));
    expect(hits).toEqual([]);
  });
});
