/** Builds the playground page, and the google.script.run stand-in put into the sidebar the add-on shows. */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeInlineScript } from '../build';

async function bundle(entry: string): Promise<string> {
  const out = await build({ entryPoints: [entry], bundle: true, format: 'iife', target: 'es2019', write: false, minify: true, logLevel: 'warning' });
  return escapeInlineScript(out.outputFiles[0]?.text ?? '');
}

export async function buildPage(root: string): Promise<string> {
  const dir = join(root, 'scripts/playground/page');
  const js = await bundle(join(dir, 'page.ts'));
  return readFileSync(join(dir, 'index.html'), 'utf8')
    .replace('/*INLINE_CSS*/', () => readFileSync(join(dir, 'page.css'), 'utf8'))
    .replace('/*INLINE_JS*/', () => js);
}

/**
 * Returns a function that puts the google.script.run stand-in into what the add-on showed with
 * Ui.showSidebar (the pushed Sidebar.html, as HtmlService read it), before anything else runs.
 */
export async function sidebarShim(root: string): Promise<(html: string) => string> {
  const shim = `<script>${await bundle(join(root, 'scripts/playground/page/shim.ts'))}</script>`;
  return (html) => (html.includes('<head>') ? html.replace('<head>', () => `<head>${shim}`) : shim + html);
}

/** What the sidebar frame shows before the person opened the sidebar from the menu. */
export const notOpenedPage = '<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body><p>Bảng điều khiển chưa mở: chọn Tiện ích mở rộng ▸ Thi đua ▸ Mở bảng điều khiển.</p></body></html>';
