/**
 * Drives the built sidebar in real Chromium (through playwright-core): a tiny HTTP server serves
 * the sidebar the menu's showSidebar shows, and a stub google.script.run answers from canned data.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser } from '../../scripts/browser';
import { startPlayground } from '../../scripts/playground/server';
import { sidebarShownByMenu } from './door';

export const root = join(__dirname, '..', '..');
export const sidebarPath = join(root, 'dist', 'Sidebar.html');
export const screenshotDir = join(root, 'test-results', 'screenshots');
/** Launches Chromium as scripts/browser.ts finds it; fails naming what it tried (browser tests are not skipped). */
export function launch(): Promise<Browser> {
  return launchBrowser();
}

/** The sidebar as Sheets shows it: built by the menu's showSidebar from the pushed Sidebar.html. */
export function readSidebar(): string {
  if (!existsSync(sidebarPath)) throw new Error('dist/Sidebar.html is missing: run `npm run build` first');
  return sidebarShownByMenu();
}

/** Serves the sidebar the menu shows at /sidebar (built on each request, so a rebuild is picked up). */
export async function serveSidebar(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/sidebar')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(readSidebar());
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/sidebar`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** One canned answer: a result or an error message, after an optional delay (ms). */
export interface Canned {
  result?: unknown;
  error?: string;
  delay?: number;
}
/** Per server function: one answer for every call, or a list used in turn (the last repeats). */
export type Responses = Record<string, Canned | Canned[]>;

export interface StubCall {
  fn: string;
  args: unknown[];
}

/** Installed in the page before the sidebar's script runs. */
function installStub(responses: Responses): void {
  const w = window as unknown as {
    __responses: Responses;
    __calls: StubCall[];
    __release: Array<() => void>;
    __hold: boolean;
    google: unknown;
  };
  w.__responses = responses;
  w.__calls = [];
  w.__release = [];
  w.__hold = false;
  type Handlers = { ok?: (v: unknown) => void; fail?: (e: unknown) => void };
  const runner = (handlers: Handlers): unknown =>
    new Proxy({}, {
      get(_t, prop: string) {
        if (prop === 'withSuccessHandler') return (f: (v: unknown) => void) => runner({ ...handlers, ok: f });
        if (prop === 'withFailureHandler') return (f: (e: unknown) => void) => runner({ ...handlers, fail: f });
        if (prop === 'withUserObject') return () => runner(handlers);
        return (...args: unknown[]) => {
          w.__calls.push({ fn: prop, args: JSON.parse(JSON.stringify(args)) as unknown[] });
          const entry = w.__responses[prop];
          let canned: Canned;
          if (Array.isArray(entry)) canned = (entry.length > 1 ? entry.shift() : entry[0]) ?? { error: `no answer for ${prop}` };
          else canned = entry ?? { error: `Script function not found: ${prop}` };
          const answer = () => {
            if (canned.error !== undefined) handlers.fail?.(new Error(canned.error));
            else handlers.ok?.(JSON.parse(JSON.stringify(canned.result ?? null)));
          };
          const later = () => setTimeout(answer, canned.delay ?? 5);
          if (w.__hold) w.__release.push(later);
          else later();
        };
      },
    });
  w.google = { script: { run: runner({}), host: { close: () => undefined } } };
}

export interface Opened {
  page: Page;
  dialogs: string[];
  errors: string[];
  calls: () => Promise<StubCall[]>;
  /** Replaces the canned answers (e.g. after an action changed the data). */
  respond: (r: Responses) => Promise<void>;
  /** Holds every answer until release() is called: to see the sidebar while it waits. */
  hold: () => Promise<void>;
  release: () => Promise<void>;
}

/** Opens the sidebar at 300 px wide with the stub; records dialogs and page errors. */
export async function openSidebar(browser: Browser, url: string, responses: Responses | null, size = { width: 300, height: 900 }): Promise<Opened> {
  const context = await browser.newContext({ viewport: size, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  if (responses) await page.addInitScript(installStub, responses);
  await page.goto(url);
  return {
    page,
    dialogs,
    errors,
    calls: () => page.evaluate(() => (window as unknown as { __calls: StubCall[] }).__calls),
    respond: (r) => page.evaluate((x) => {
      (window as unknown as { __responses: Responses }).__responses = x;
    }, r),
    hold: () => page.evaluate(() => {
      (window as unknown as { __hold: boolean }).__hold = true;
    }),
    release: () => page.evaluate(() => {
      const w = window as unknown as { __hold: boolean; __release: Array<() => void> };
      w.__hold = false;
      for (const f of w.__release.splice(0)) f();
    }),
  };
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  // Full-page shots from the top, so the sticky tab bar sits where a person sees it.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage });
}

/** Polls until the value matches: generous, so a slow machine waits rather than fails. */
export function eventually<T>(fn: () => T | Promise<T>, timeout = 10_000) {
  return expect.poll(fn, { timeout, interval: 50 });
}

/** The playground's HTTP API, as the page calls it: a POST with a JSON body, and a tab's values. */
export function playgroundApi(base: () => string): {
  post: (path: string, body: unknown) => Promise<{ status: number; body: Record<string, unknown> }>;
  values: (sheet: string) => Promise<string[][]>;
} {
  return {
    async post(path, body) {
      const r = await fetch(base() + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: r.status, body: (await r.json()) as Record<string, unknown> };
    },
    async values(sheet) {
      const r = await fetch(`${base()}/api/values?sheet=${encodeURIComponent(sheet)}`);
      return ((await r.json()) as { values: string[][] }).values;
    },
  };
}

/** A test file's Chromium and playground, started before its tests and closed after them. */
export interface LivePlayground {
  browser: Browser;
  pg: Awaited<ReturnType<typeof startPlayground>>;
  post: ReturnType<typeof playgroundApi>['post'];
  values: ReturnType<typeof playgroundApi>['values'];
}

/**
 * Registers the file's beforeAll / afterAll: Chromium and the playground on a free port (`reset`:
 * the sample seeded afresh, not the saved state). The fields are set once beforeAll has run.
 */
export function usePlayground(options: { reset?: boolean; timeoutMs?: number } = {}): LivePlayground {
  const live = {} as LivePlayground;
  Object.assign(live, playgroundApi(() => live.pg.url));
  beforeAll(async () => {
    live.browser = await launch();
    live.pg = await startPlayground({ port: 0, host: '127.0.0.1', ...(options.reset ? { reset: true } : {}) });
  }, options.timeoutMs);
  afterAll(async () => {
    await live.browser?.close();
    await live.pg?.close();
  });
  return live;
}
