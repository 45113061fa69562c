/**
 * `npm start`: the whole add-on on this machine, offline, at http://127.0.0.1:8080 (PORT to
 * change, HOST to listen elsewhere). State is kept in .playground/state.json; `--reset` starts
 * over with the sample year.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PlaygroundHost, type DialogAnswer } from './host';
import { checkOrigin, HttpError, readJsonObject, sendHtml, sendJson } from './http';
import { buildPage, notOpenedPage, sidebarShim } from './pages';
import { seedSampleYear } from './seed';
import { documentList, documentPreview, grid, menuItems, people, sheetList } from './views';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');

export interface PlaygroundOptions {
  port: number;
  host: string;
  statePath?: string;
  reset?: boolean;
}

const BUTTONS = new Set(['OK', 'CANCEL', 'YES', 'NO', 'CLOSE']);

/** The person's answers to the dialogs a run showed, checked: [{ kind, button, text? }]. */
function answers(raw: unknown): DialogAnswer[] {
  if (raw === undefined) return [];
  const ok = (a: unknown): a is DialogAnswer => {
    const x = a as Record<string, unknown> | null;
    return typeof x === 'object' && x !== null && (x.kind === 'alert' || x.kind === 'prompt') && BUTTONS.has(String(x.button))
      && (x.text === undefined || typeof x.text === 'string');
  };
  if (!Array.isArray(raw) || !raw.every(ok)) throw new HttpError(400, 'Trường "answers" phải là danh sách câu trả lời hộp thoại');
  return raw;
}

function str(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  if (typeof v !== 'string' || v === '') throw new HttpError(400, `Thiếu trường "${key}"`);
  return v;
}

export async function startPlayground(options: PlaygroundOptions): Promise<{ close: () => Promise<void>; url: string; host: PlaygroundHost }> {
  const host = new PlaygroundHost({ distDir: join(root, 'dist'), statePath: options.statePath });
  if (options.reset || !host.hasSheets) {
    host.reset();
    seedSampleYear(host);
  }
  const pageHtml = await buildPage(root);
  const withShim = await sidebarShim(root);

  async function route(req: IncomingMessage, res: ServerResponse, port: number): Promise<void> {
    checkOrigin(req, port);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const method = req.method ?? 'GET';
    const key = `${method} ${url.pathname}`;
    switch (key) {
      case 'GET /':
        return sendHtml(res, pageHtml);
      case 'GET /sidebar': {
        // Only what the add-on's code handed to Ui.showSidebar for this person: no other way in.
        const shown = host.sidebarOf(url.searchParams.get('user') ?? '');
        if (!shown) return sendHtml(res, notOpenedPage, 404);
        return sendHtml(res, withShim(shown.content));
      }
      case 'GET /api/sidebar': {
        const shown = host.sidebarOf(url.searchParams.get('user') ?? '');
        return sendJson(res, 200, { open: shown !== null, title: shown?.title ?? '' });
      }
      case 'POST /api/sidebar/close': {
        const body = await readJsonObject(req);
        host.closeSidebar(str(body, 'user'));
        return sendJson(res, 200, { ok: true });
      }
      case 'GET /dialog': {
        // Only what the add-on's code handed to Ui.showModalDialog for this person.
        const shown = host.dialogOf(url.searchParams.get('user') ?? '');
        if (!shown) return sendHtml(res, notOpenedPage, 404);
        return sendHtml(res, withShim(shown.content));
      }
      case 'POST /api/dialog/close': {
        const body = await readJsonObject(req);
        host.closeDialog(str(body, 'user'));
        return sendJson(res, 200, { ok: true });
      }
      case 'GET /api/sheets':
        return sendJson(res, 200, sheetList(host));
      case 'GET /api/values': {
        const sheet = url.searchParams.get('sheet') ?? '';
        // The data only (to the last filled row and column), not the margin the grid shows.
        if (!sheetList(host).some((s) => s.name === sheet)) throw new HttpError(404, `Không có trang "${sheet}"`);
        return sendJson(res, 200, { sheet, values: host.google.peekDisplay(sheet) });
      }
      case 'GET /api/grid': {
        const sheet = url.searchParams.get('sheet') ?? '';
        const g = grid(host, sheet, url.searchParams.get('user') ?? '');
        if (!g) throw new HttpError(404, `Không có trang "${sheet}"`);
        return sendJson(res, 200, g);
      }
      case 'GET /api/clock': {
        // The day the script's clock is held on (the sample year's), as d/m/yyyy in Việt Nam time; null = the machine's.
        const held = host.heldNow();
        const vn = held && new Date(held.getTime() + 7 * 3_600_000);
        return sendJson(res, 200, { day: vn ? `${vn.getUTCDate()}/${vn.getUTCMonth() + 1}/${vn.getUTCFullYear()}` : null });
      }
      case 'GET /api/people':
        return sendJson(res, 200, people(host));
      case 'GET /api/menu':
        return sendJson(res, 200, menuItems(host, url.searchParams.get('user') ?? ''));
      case 'GET /api/documents':
        return sendJson(res, 200, documentList(host));
      case 'POST /api/run': {
        const body = await readJsonObject(req);
        const args = body.args ?? [];
        if (!Array.isArray(args)) throw new HttpError(400, 'Trường "args" phải là một mảng');
        const out = host.run(str(body, 'user'), str(body, 'fn'), args, { answers: answers(body.answers) });
        return sendJson(res, out.ok || host.publicFunctions.has(String(body.fn)) ? 200 : 404, out);
      }
      case 'POST /api/edit': {
        const body = await readJsonObject(req);
        const values = body.values;
        if (!Array.isArray(values) || !values.every(Array.isArray)) throw new HttpError(400, 'Trường "values" phải là mảng hai chiều');
        const out = host.edit(str(body, 'user'), str(body, 'sheet'), str(body, 'range'), values as unknown[][]);
        return sendJson(res, out.ok ? 200 : 403, out);
      }
      case 'POST /api/select': {
        // The person clicked a tab or a cell: Sheets knows each person's active sheet and range.
        const body = await readJsonObject(req);
        const range = body.range === undefined ? '' : body.range;
        if (typeof range !== 'string' || (range !== '' && !/^[A-Z]{1,3}[0-9]{1,7}(:[A-Z]{1,3}[0-9]{1,7})?$/.test(range))) {
          throw new HttpError(400, 'Trường "range" phải là một ô hoặc vùng dạng A1');
        }
        const sheet = str(body, 'sheet');
        const stamp = host.select(str(body, 'user'), sheet, range);
        if (stamp === null) throw new HttpError(404, `Không có trang "${sheet}"`);
        return sendJson(res, 200, { ok: true, stamp });
      }
      case 'POST /api/reset': {
        const body = await readJsonObject(req);
        host.reset();
        if (body.sample === true) seedSampleYear(host);
        return sendJson(res, 200, { ok: true });
      }
    }
    if (method === 'GET' && url.pathname.startsWith('/documents/')) {
      const html = documentPreview(host, decodeURIComponent(url.pathname.slice('/documents/'.length)));
      if (html === null) throw new HttpError(404, 'Không có văn bản này');
      return sendHtml(res, html);
    }
    throw new HttpError(404, 'Không có đường dẫn này');
  }

  const server = createServer((req, res) => {
    const port = (server.address() as { port: number }).port;
    route(req, res, port).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      const message = err instanceof Error ? err.message : String(err);
      if (!res.headersSent) sendJson(res, status, { ok: false, error: message });
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const port = (server.address() as { port: number }).port;
  return {
    host,
    url: `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = Number(process.env.PORT ?? 8080);
  const listenHost = process.env.HOST ?? '127.0.0.1';
  startPlayground({
    port,
    host: listenHost,
    statePath: join(root, '.playground', 'state.json'),
    reset: process.argv.includes('--reset'),
  }).then(
    ({ url }) => console.log(`Thi đua playground: ${url}  (Ctrl+C để dừng; npm start -- --reset để làm lại từ đầu)`),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
