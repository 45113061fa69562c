/** Builds the playground page and the sidebar page (the real dist/Sidebar.html plus the google.script.run shim). */
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
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

/** The pushed Sidebar.html, with the shim injected before anything else runs. */
export async function buildSidebarPage(root: string): Promise<string> {
  const shim = `<script>${await bundle(join(root, 'scripts/playground/page/shim.ts'))}</script>`;
  const path = join(root, 'dist', 'Sidebar.html');
  const sidebar = existsSync(path) ? readFileSync(path, 'utf8') : '<!doctype html><html><head></head><body><p>Chưa có bảng điều khiển (dist/Sidebar.html).</p></body></html>';
  return sidebar.includes('<head>') ? sidebar.replace('<head>', () => `<head>${shim}`) : shim + sidebar;
}
