/**
 * Google's own doors into the pushed bundle: Sheets runs a menu item by the NAME given to addItem
 * (a top-level function of the pushed files), opens a sidebar only when that code calls
 * HtmlService + Ui.showSidebar, and google.script.run reaches only top-level functions.
 * `npm test` builds dist/ before vitest runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFakeGoogle, type FakeGoogle } from '../fakes/google';
import type { AuthModeName } from '../fakes/session';
import type { MenuEntry } from '../fakes/sheets-ui';
import { distDir, loadBundleOver, readCode, topLevelFunctions } from '../helpers/bundle';

const OWNER = 'chu.bangtinh@gmail.com';
const EDITOR = 'cumtruong.vks@gmail.com';
const root = join(__dirname, '..', '..');

function loaded(authMode: AuthModeName = 'FULL'): { g: FakeGoogle; context: Record<string, unknown> } {
  const g = createFakeGoogle({ owner: OWNER, authMode, editors: [EDITOR] });
  const context = loadBundleOver(g);
  return { g, context };
}

/** Every function name a menu names, submenus included. */
function menuFunctions(items: MenuEntry[]): string[] {
  return items.flatMap((i) => (i.kind === 'item' ? [i.functionName] : i.kind === 'submenu' ? menuFunctions(i.items) : []));
}

/** The server functions the sidebar's code calls through google.script.run (`call('name', …)`). */
function clientCalls(): string[] {
  const dir = join(root, 'src', 'client');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const names = new Set<string>();
  for (const f of files) {
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/\bcall\(\s*'([A-Za-z_$][\w$]*)'/g)) names.add(m[1]!);
  }
  return [...names].sort();
}

describe('the menu, as Sheets reads it', () => {
  let stubs: Set<string>;
  beforeAll(() => {
    stubs = new Set(topLevelFunctions(readCode()).map((f) => f.name));
  });

  for (const mode of ['NONE', 'LIMITED', 'FULL'] as const) {
    it(`names only top-level functions of dist/ in AuthMode.${mode}, submenus included`, () => {
      const { g, context } = loaded(mode);
      g.execute(OWNER, () => (context.onOpen as (e: unknown) => void)({ authMode: mode }), mode);
      const names = g.ui.menus.flatMap((m) => menuFunctions(m.items));
      expect(names.length).toBeGreaterThanOrEqual(10);
      expect(names).toContain('showSidebar');
      for (const name of names) {
        expect(stubs.has(name), `${name} is a top-level function of dist/Code.js`).toBe(true);
        expect(name.endsWith('_'), `${name} is not private`).toBe(false);
        expect(typeof context[name], name).toBe('function');
      }
    });
  }

  it('builds the same menu from onInstall', () => {
    const a = loaded('NONE');
    a.g.execute(OWNER, () => (a.context.onOpen as (e: unknown) => void)({ authMode: 'NONE' }), 'NONE');
    const b = loaded('FULL');
    b.g.execute(OWNER, () => (b.context.onInstall as (e: unknown) => void)({ authMode: 'FULL' }));
    expect(b.g.ui.menus).toEqual(a.g.ui.menus);
  });
});

describe('the sidebar, opened from the menu', () => {
  it('is built by HtmlService from the pushed Sidebar.html and shown with Ui.showSidebar, for an editor who is not the owner', () => {
    const { g, context } = loaded();
    g.execute(OWNER, () => (context.onOpen as (e: unknown) => void)({ authMode: 'FULL' }));
    const item = g.ui.menus.flatMap((m) => m.items).find((i) => i.kind === 'item' && i.caption === 'Mở bảng điều khiển');
    expect(item).toMatchObject({ functionName: 'showSidebar' });
    const before = g.env.calls.length;
    g.execute(EDITOR, () => (context[(item as { functionName: string }).functionName] as () => void)());
    const calls = g.env.calls.slice(before).map((c) => c.name);
    expect(calls).toContain('HtmlService.createHtmlOutputFromFile');
    expect(calls).toContain('Ui.showSidebar');
    const shown = g.ui.dialogs.filter((d) => d.kind === 'sidebar');
    expect(shown).toHaveLength(1);
    expect(shown[0]!.user).toBe(EDITOR);
    const html = shown[0]!.html.snapshot();
    expect(html.fileName).toBe('Sidebar');
    expect(html.title).toBe('Thi đua');
    expect(html.content).toBe(readFileSync(join(distDir, 'Sidebar.html'), 'utf8'));
  });

  it('is pushed: clasp sends Sidebar.html with Code.js and the manifest', () => {
    const ignore = readFileSync(join(root, '.claspignore'), 'utf8').split('\n').map((l) => l.trim());
    expect(ignore).toContain('!*.html');
    expect(readdirSync(distDir).sort()).toEqual(['Code.js', 'Sidebar.html', 'appsscript.json']);
  });

  it('calls through google.script.run only functions with a top-level stub in dist/', () => {
    const stubs = new Set(topLevelFunctions(readCode()).map((f) => f.name));
    const sidebar = readFileSync(join(distDir, 'Sidebar.html'), 'utf8');
    const names = clientCalls();
    expect(names).toEqual(expect.arrayContaining(['getStatus', 'recompute', 'submit', 'generateDocument', 'selectCell']));
    for (const name of names) {
      expect(stubs.has(name), `google.script.run.${name} has a top-level stub`).toBe(true);
      expect(sidebar, `${name} is in the built sidebar`).toContain(`"${name}"`);
    }
  });

  it('cannot be opened where there is no UI (a time-driven trigger): Sheets refuses getUi there', () => {
    const { g, context } = loaded();
    expect(typeof context.showSidebar).toBe('function');
    g.ui.available = false;
    expect(() => g.execute(EDITOR, () => (context.showSidebar as () => void)())).toThrow();
    expect(g.ui.dialogs).toHaveLength(0);
  });
});
