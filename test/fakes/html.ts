/**
 * HtmlService fake: HtmlOutput from a string or from `${htmlDir}/${name}.html` (the pushed files
 * in dist/ by default), with the settings a sidebar or dialog uses.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeServiceError, type FakeEnv } from './env';
import { Blob } from './utilities';

type H = GoogleAppsScript.HTML.HtmlOutput;

export const SandboxMode = Object.freeze({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const);
export const XFrameOptionsMode = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const);

/** The repository's dist/ folder: what clasp pushes. */
export const DEFAULT_HTML_DIR = fileURLToPath(new URL('../../dist', import.meta.url));

export class FakeHtmlOutput implements Pick<H,
  'getContent' | 'getTitle' | 'getWidth' | 'getHeight' | 'getFaviconUrl'> {
  private title = '';
  private width = 300;
  private height = 500;
  private favicon = '';
  sandboxMode: string = SandboxMode.IFRAME;
  xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  readonly metaTags: Array<{ name: string; content: string }> = [];
  /** The file it came from, when created from a file. */
  readonly fileName: string | null;

  constructor(private readonly env: FakeEnv, private content: string, fileName: string | null = null) {
    this.fileName = fileName;
  }

  private record(method: string): void {
    this.env.record(`HtmlOutput.${method}`);
  }

  getContent(): string { this.record('getContent'); return this.content; }
  setContent(content: string): this { this.record('setContent'); this.content = String(content); return this; }
  append(added: string): this { this.record('append'); this.content += String(added); return this; }
  clear(): this { this.record('clear'); this.content = ''; return this; }
  setTitle(title: string): this { this.record('setTitle'); this.title = String(title); return this; }
  getTitle(): string { this.record('getTitle'); return this.title; }
  setWidth(width: number): this { this.record('setWidth'); this.width = width; return this; }
  getWidth(): number { this.record('getWidth'); return this.width; }
  setHeight(height: number): this { this.record('setHeight'); this.height = height; return this; }
  getHeight(): number { this.record('getHeight'); return this.height; }
  setFaviconUrl(url: string): this { this.record('setFaviconUrl'); this.favicon = url; return this; }
  getFaviconUrl(): string { this.record('getFaviconUrl'); return this.favicon; }
  setSandboxMode(mode: unknown): this { this.record('setSandboxMode'); this.sandboxMode = String(mode); return this; }
  setXFrameOptionsMode(mode: unknown): this { this.record('setXFrameOptionsMode'); this.xFrameOptionsMode = String(mode); return this; }
  addMetaTag(name: string, content: string): this { this.record('addMetaTag'); this.metaTags.push({ name, content }); return this; }
  getBlob(): Blob { this.record('getBlob'); return new Blob(this.content, 'text/html', this.fileName); }

  /** Reads the settings without counting a call: for tests and the playground. */
  snapshot(): { title: string; width: number; height: number; content: string; fileName: string | null } {
    return { title: this.title, width: this.width, height: this.height, content: this.content, fileName: this.fileName };
  }
}

export class FakeHtmlService {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(private readonly env: FakeEnv, private readonly htmlDir: string = DEFAULT_HTML_DIR) {}

  createHtmlOutput(html: string | { getBlob(): { getDataAsString(): string } } = ''): FakeHtmlOutput {
    this.env.record('HtmlService.createHtmlOutput');
    const content = typeof html === 'string' ? html : html.getBlob().getDataAsString();
    return new FakeHtmlOutput(this.env, content);
  }

  /** Reads `${htmlDir}/${name}.html`; "Sidebar" and "Sidebar.html" both work, as in Apps Script. */
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    this.env.record('HtmlService.createHtmlOutputFromFile');
    const base = String(filename).replace(/\.html$/, '');
    if (base.includes('..') || base.startsWith('/')) throw new FakeServiceError(`No HTML file named ${filename} was found.`);
    const path = join(this.htmlDir, `${base}.html`);
    if (!existsSync(path)) throw new FakeServiceError(`No HTML file named ${filename} was found.`);
    return new FakeHtmlOutput(this.env, readFileSync(path, 'utf8'), base);
  }

  getUserAgent(): string {
    this.env.record('HtmlService.getUserAgent');
    return 'Mozilla/5.0 (fake) Thi-dua-playground';
  }
}
