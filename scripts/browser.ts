/**
 * Finds a Chromium-family browser for playwright-core and launches it headless, so that
 * `npm ci && npm test` needs no browser on the machine. Order:
 *   1. the CHROMIUM_PATH environment variable (an error if it names no executable file);
 *   2. an installed Chrome, Chromium or Edge: the usual Linux / macOS / Windows paths, then PATH;
 *   3. the Chromium packed inside the @sparticuz/chromium devDependency (Linux x64 only),
 *      unpacked once into node_modules/.cache.
 */
import { accessSync, constants, createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix, win32 } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';

/** Our flags only: @sparticuz's recommended args (--disable-web-security, --single-process …) would weaken the XSS tests. */
export const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Executable names looked up on PATH (with PATHEXT on Windows). */
export const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'microsoft-edge', 'microsoft-edge-stable', 'msedge'];

const PACKAGE = '@sparticuz/chromium';

export type BrowserSource = 'CHROMIUM_PATH' | 'installed' | 'npm';
export interface FoundBrowser {
  path: string;
  source: BrowserSource;
}

/** What the finder asks of the machine; injectable so its order is tested without touching it. */
export interface BrowserLookup {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** An executable file that is a browser playwright can start (not a snap wrapper). */
  isBrowser(path: string): boolean;
  /** The npm-packed Chromium's path, unpacking it first if needed; throws saying why not. */
  packaged(): Promise<string>;
}

/** Install locations of Chrome, Chromium and Edge, most common first. */
export function installedPaths(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
    const roots = ['/Applications', ...(env.HOME ? [posix.join(env.HOME, 'Applications')] : [])];
    return roots.flatMap((root) => apps.map((app) => posix.join(root, app)));
  }
  if (platform === 'win32') {
    const apps = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    return apps.flatMap((app) => roots.map((root) => win32.join(root, app)));
  }
  return [
    '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge', '/usr/bin/microsoft-edge-stable', '/opt/google/chrome/chrome', '/opt/microsoft/msedge/msedge',
  ];
}

/** Every PATH entry × every browser name (× PATHEXT on Windows). */
export function pathCandidates(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  const win = platform === 'win32';
  const dirs = (env.PATH ?? env.Path ?? '').split(win ? ';' : ':').filter(Boolean);
  const exts = win ? (env.PATHEXT ?? '.EXE').split(';').filter(Boolean) : [''];
  const join2 = win ? win32.join : posix.join;
  return dirs.flatMap((dir) => BROWSER_NAMES.flatMap((name) => exts.map((ext) => join2(dir, name + ext))));
}

/** Finds the browser in the documented order; the error lists everything tried. */
export async function findBrowser(lookup: BrowserLookup = systemLookup()): Promise<FoundBrowser> {
  const fromEnv = lookup.env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    // An explicit choice is never silently replaced by another browser.
    if (lookup.isBrowser(fromEnv)) return { path: fromEnv, source: 'CHROMIUM_PATH' };
    throw new Error(`CHROMIUM_PATH=${fromEnv} is not an executable browser: fix it, or unset it to let a browser be found.`);
  }
  const installed = installedPaths(lookup.platform, lookup.env);
  const seen = new Set<string>();
  for (const path of [...installed, ...pathCandidates(lookup.platform, lookup.env)]) {
    if (seen.has(path)) continue;
    seen.add(path);
    if (lookup.isBrowser(path)) return { path, source: 'installed' };
  }
  try {
    return { path: await lookup.packaged(), source: 'npm' };
  } catch (e) {
    throw new Error(
      'No Chromium-family browser found. Tried: CHROMIUM_PATH (unset); ' +
        `${installed.join(', ')}; on PATH: ${BROWSER_NAMES.join(', ')}; ` +
        `${PACKAGE} (npm devDependency): ${e instanceof Error ? e.message : String(e)}. ` +
        'Install Chrome, Chromium or Edge, or set CHROMIUM_PATH.',
    );
  }
}

/** True for an executable file that is not a snap wrapper (a confined snap cannot read playwright's profile in /tmp). */
export function isUsableBrowser(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (process.platform === 'win32') return true;
    accessSync(path, constants.X_OK);
    const real = realpathSync(path);
    if (real.startsWith('/snap/') || posix.basename(real) === 'snap') return false;
    // Ubuntu's chromium-browser is a small shell script that execs the snap.
    if (statSync(real).size < 64 * 1024) {
      const text = readFileSync(real, 'utf8');
      if (text.startsWith('#!') && text.includes('/snap/')) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Unpacks the Chromium inside @sparticuz/chromium (bin/chromium.br, brotli) once per version into
 * node_modules/.cache. Not its executablePath(): that returns any existing /tmp/chromium as is,
 * whatever its version and even while a parallel test worker is still writing it.
 */
export async function unpackPackagedChromium(platform: NodeJS.Platform = process.platform, arch: string = process.arch): Promise<string> {
  if (platform !== 'linux' || arch !== 'x64') throw new Error(`its Chromium is built for Linux x64 only, this is ${platform} ${arch}`);
  let main: string;
  try {
    main = createRequire(import.meta.url).resolve(PACKAGE);
  } catch {
    throw new Error('not installed (run npm ci)');
  }
  const root = dirname(dirname(dirname(main))); // <root>/build/cjs/index.cjs
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const exe = join(root, '..', '..', '.cache', `thidua-chromium-${version}`, 'chromium');
  if (existsSync(exe)) return exe;
  mkdirSync(dirname(exe), { recursive: true });
  // Each process writes its own file and renames it into place: a reader never sees a half-written binary.
  const part = `${exe}.${process.pid}.${Date.now()}.part`;
  try {
    await pipeline(createReadStream(join(root, 'bin', 'chromium.br')), createBrotliDecompress(), createWriteStream(part, { mode: 0o755 }));
    renameSync(part, exe);
  } finally {
    rmSync(part, { force: true });
  }
  return exe;
}

export function systemLookup(): BrowserLookup {
  return { env: process.env, platform: process.platform, isBrowser: isUsableBrowser, packaged: () => unpackPackagedChromium() };
}

let found: Promise<FoundBrowser> | undefined;

/** Launches the browser found (once per process) headless with our flags; a failure names the browser and how it was found. */
export async function launchBrowser(): Promise<Browser> {
  found ??= findBrowser();
  const browser = await found.catch((e: unknown) => {
    found = undefined;
    throw e;
  });
  try {
    return await chromium.launch({ executablePath: browser.path, args: BROWSER_ARGS });
  } catch (e) {
    const how = { CHROMIUM_PATH: 'from CHROMIUM_PATH', installed: 'installed on this machine', npm: `unpacked from ${PACKAGE}` }[browser.source];
    const hint = browser.source === 'npm' ? `; \`ldd ${browser.path} | grep "not found"\` lists missing shared libraries` : '';
    throw new Error(`The browser at ${browser.path} (${how}) did not start: ${e instanceof Error ? e.message : String(e)}. Set CHROMIUM_PATH to another Chrome, Chromium or Edge${hint}.`);
  }
}
