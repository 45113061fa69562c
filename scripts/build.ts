/**
 * Builds the pushable Apps Script project into dist/:
 *  - Code.js: src/server bundled as one IIFE (global `App`) + the hand-written top-level stubs
 *    (src/server/stubs.js) as the footer, so JSDoc and `@customfunction` survive bundling;
 *  - Sidebar.html: src/client bundled and inlined into one HTML file (when the client exists);
 *  - appsscript.json: the manifest, copied as is.
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

/** Inlined code must not close its own <script> element early. */
export function escapeInlineScript(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

async function buildServer(): Promise<void> {
  const stubs = readFileSync(join(root, 'src/server/stubs.js'), 'utf8');
  await build({
    entryPoints: [join(root, 'src/server/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'App',
    target: 'es2020',
    platform: 'neutral',
    charset: 'utf8',
    legalComments: 'none',
    outfile: join(dist, 'Code.js'),
    footer: { js: stubs },
    logLevel: 'warning',
  });
}

async function buildSidebar(): Promise<void> {
  const entry = join(root, 'src/client/main.ts');
  const template = join(root, 'src/client/sidebar.html');
  if (!existsSync(entry) || !existsSync(template)) return;
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    charset: 'utf8',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const js = result.outputFiles[0]?.text ?? '';
  const cssPath = join(root, 'src/client/sidebar.css');
  const css = existsSync(cssPath) ? readFileSync(cssPath, 'utf8') : '';
  const html = readFileSync(template, 'utf8')
    .replace('/*INLINE_CSS*/', () => css.replace(/<\/(style)/gi, '<\\/$1'))
    .replace('/*INLINE_JS*/', () => escapeInlineScript(js));
  writeFileSync(join(dist, 'Sidebar.html'), html);
}

export async function buildAll(): Promise<void> {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  await buildServer();
  await buildSidebar();
  copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildAll().then(
    () => console.log('dist/ built'),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
