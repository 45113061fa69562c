/** The pushed bundle: shape, stubs, JSDoc and manifest. `npm test` builds before vitest runs. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { distDir as dist, loadBundle, readCode, topLevelFunctions, type TopLevelFunction } from './helpers/bundle';

describe('the pushed bundle', () => {
  let code = '';
  let functions: TopLevelFunction[] = [];
  beforeAll(() => {
    code = readCode();
    functions = topLevelFunctions(code);
  });

  it('holds exactly the files clasp pushes', () => {
    expect(existsSync(join(dist, 'Code.js'))).toBe(true);
    expect(existsSync(join(dist, 'appsscript.json'))).toBe(true);
  });

  it('touches no service while loading', () => {
    const { touched } = loadBundle();
    expect(touched).toEqual([]);
  });

  it('declares onOpen and onInstall as top-level functions', () => {
    const { context } = loadBundle();
    for (const name of ['onOpen', 'onInstall']) {
      expect(functions.map((f) => f.name)).toContain(name);
      expect(typeof context[name]).toBe('function');
    }
  });

  it('forwards every stub to a function the bundle really exports', () => {
    const { context } = loadBundle();
    const app = context.App as Record<string, unknown>;
    for (const fn of functions) {
      expect(typeof app[fn.name], `App.${fn.name}`).toBe('function');
    }
  });

  it('gives every public App export a top-level stub', () => {
    const { context } = loadBundle();
    const app = context.App as Record<string, unknown>;
    const stubs = new Set(functions.map((f) => f.name));
    const missing = Object.keys(app).filter((k) => typeof app[k] === 'function' && !stubs.has(k));
    expect(missing).toEqual([]);
  });

  it('gives every function of the sidebar API a top-level stub, so google.script.run can reach it', () => {
    const { context } = loadBundle();
    const api = (context.App as { api: Record<string, unknown> }).api;
    const stubs = new Set(functions.map((f) => f.name));
    expect(Object.keys(api).length).toBeGreaterThan(10);
    expect(Object.keys(api).filter((name) => !stubs.has(name))).toEqual([]);
  });

  it('marks every THIDUA_ custom function with @customfunction and names its parameters', () => {
    const custom = functions.filter((f) => f.name.startsWith('THIDUA_'));
    for (const fn of custom) {
      expect(fn.jsDoc, fn.name).toContain('@customfunction');
      for (const p of fn.params) expect(fn.jsDoc, `${fn.name} documents ${p}`).toMatch(new RegExp(`@param\\s+\\{[^}]+\\}\\s+\\[?${p}`));
    }
  });

  it('ships the manifest with its time zone, runtime and explicit scopes', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(manifest.runtimeVersion).toBe('V8');
    expect(Array.isArray(manifest.oauthScopes)).toBe(true);
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
  });

  it('enables the Drive advanced service (v3) that the documents use under drive.file', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([{ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' }]);
  });
});
