/**
 * The order in which scripts/browser.ts finds a browser, on a pretend machine: CHROMIUM_PATH,
 * then an installed Chrome / Chromium / Edge (usual paths, then PATH), then the npm-packed Chromium.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type BrowserLookup, findBrowser, isUsableBrowser, unpackPackagedChromium } from '../../scripts/browser';

const NPM = '/repo/node_modules/.cache/thidua-chromium-147.0.0/chromium';

/** A machine where only `existing` paths are browsers; counts how often the npm fallback is asked. */
function machine(existing: string[], opts: Partial<BrowserLookup> = {}): BrowserLookup & { asked: string[]; packagedCalls: number } {
  const m = {
    env: { PATH: '/usr/local/bin:/usr/bin:/home/u/bin' } as Record<string, string | undefined>,
    platform: 'linux' as NodeJS.Platform,
    asked: [] as string[],
    packagedCalls: 0,
    isBrowser(path: string) {
      m.asked.push(path);
      return existing.includes(path);
    },
    async packaged() {
      m.packagedCalls++;
      return NPM;
    },
    ...opts,
  };
  return m;
}

describe('findBrowser', () => {
  it('CHROMIUM_PATH wins over installed browsers and the npm Chromium', async () => {
    const m = machine(['/custom/chrome', '/usr/bin/chromium'], { env: { CHROMIUM_PATH: '/custom/chrome', PATH: '/usr/bin' } });
    await expect(findBrowser(m)).resolves.toEqual({ path: '/custom/chrome', source: 'CHROMIUM_PATH' });
    expect(m.asked).toEqual(['/custom/chrome']);
    expect(m.packagedCalls).toBe(0);
  });

  it('a CHROMIUM_PATH that is no browser is an error, not a silent fallback', async () => {
    const m = machine(['/usr/bin/chromium'], { env: { CHROMIUM_PATH: '/nowhere/chrome' } });
    await expect(findBrowser(m)).rejects.toThrow('CHROMIUM_PATH=/nowhere/chrome is not an executable browser');
    expect(m.packagedCalls).toBe(0);
  });

  it('chooses an existing installed browser, in the usual order', async () => {
    const chrome = machine(['/usr/bin/google-chrome-stable']);
    await expect(findBrowser(chrome)).resolves.toEqual({ path: '/usr/bin/google-chrome-stable', source: 'installed' });
    expect(chrome.packagedCalls).toBe(0);
    const both = machine(['/usr/bin/google-chrome', '/usr/bin/chromium']);
    await expect(findBrowser(both)).resolves.toEqual({ path: '/usr/bin/chromium', source: 'installed' });
  });

  it('looks on PATH after the usual paths', async () => {
    const m = machine(['/home/u/bin/chromium-browser']);
    await expect(findBrowser(m)).resolves.toEqual({ path: '/home/u/bin/chromium-browser', source: 'installed' });
    expect(m.asked.indexOf('/usr/bin/chromium')).toBeLessThan(m.asked.indexOf('/home/u/bin/chromium-browser'));
    expect(m.packagedCalls).toBe(0);
  });

  it('falls back to the npm Chromium when no browser exists', async () => {
    const m = machine([]);
    await expect(findBrowser(m)).resolves.toEqual({ path: NPM, source: 'npm' });
    expect(m.packagedCalls).toBe(1);
    expect(m.asked).toContain('/usr/bin/chromium');
    expect(m.asked).toContain('/home/u/bin/google-chrome');
  });

  it('when nothing works the error names what was tried', async () => {
    const m = machine([], {
      packaged: async () => {
        throw new Error('its Chromium is built for Linux x64 only, this is linux arm64');
      },
    });
    const error = await findBrowser(m).then(() => undefined, (e: Error) => e.message);
    expect(error).toContain('CHROMIUM_PATH (unset)');
    expect(error).toContain('/usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome');
    expect(error).toContain('on PATH: chromium, chromium-browser, google-chrome');
    expect(error).toContain('@sparticuz/chromium (npm devDependency): its Chromium is built for Linux x64 only, this is linux arm64');
  });

  it('knows macOS and Windows install paths and Windows PATHEXT', async () => {
    const mac = machine(['/Users/u/Applications/Chromium.app/Contents/MacOS/Chromium'], { platform: 'darwin', env: { HOME: '/Users/u', PATH: '/usr/bin' } });
    await expect(findBrowser(mac)).resolves.toEqual({ path: '/Users/u/Applications/Chromium.app/Contents/MacOS/Chromium', source: 'installed' });
    expect(mac.asked[0]).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');

    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const win = machine([edge], { platform: 'win32', env: { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', PATH: 'C:\\tools' } });
    await expect(findBrowser(win)).resolves.toEqual({ path: edge, source: 'installed' });
    expect(win.asked[0]).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');

    const onPath = machine(['C:\\tools\\chrome.EXE'], { platform: 'win32', env: { PATH: 'C:\\tools', PATHEXT: '.COM;.EXE' } });
    await expect(findBrowser(onPath)).resolves.toEqual({ path: 'C:\\tools\\chrome.EXE', source: 'installed' });
  });
});

describe('the machine-facing lookups', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-finder-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('an executable is a browser; a plain file, a folder or a snap wrapper is not', () => {
    const exe = join(dir, 'chrome');
    writeFileSync(exe, '\x7fELF');
    chmodSync(exe, 0o755);
    const plain = join(dir, 'plain');
    writeFileSync(plain, '\x7fELF');
    chmodSync(plain, 0o644);
    const snap = join(dir, 'chromium-browser');
    writeFileSync(snap, '#!/bin/sh\nexec /snap/bin/chromium "$@"\n');
    chmodSync(snap, 0o755);
    expect(isUsableBrowser(exe)).toBe(true);
    expect(isUsableBrowser(plain)).toBe(false);
    expect(isUsableBrowser(dir)).toBe(false);
    expect(isUsableBrowser(snap)).toBe(false);
    expect(isUsableBrowser(join(dir, 'missing'))).toBe(false);
  });

  it('the npm Chromium is offered on Linux x64 only', async () => {
    await expect(unpackPackagedChromium('darwin', 'arm64')).rejects.toThrow('Linux x64 only, this is darwin arm64');
    await expect(unpackPackagedChromium('linux', 'arm64')).rejects.toThrow('Linux x64 only, this is linux arm64');
  });
});
