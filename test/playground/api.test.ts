/**
 * The playground's HTTP API, driven as scripts and tests would: rights refused like Sheets, bad
 * JSON and oversized bodies refused with 4xx while the server keeps serving, other origins
 * refused. Runs the built dist/Code.js (npm test builds first) over the in-memory services.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground } from '../../scripts/playground/server';
import { MAX_BODY_BYTES } from '../../scripts/playground/http';

let url = '';
let close: () => Promise<void> = async () => undefined;
let port = 0;

const LEADER = 'vanphong.binhduong@example.com';
const FOCAL_DN = 'vanphong.dongnai@example.com';
const FOCAL_TN = 'vanphong.tayninh@example.com';
const OUTSIDER = 'nguoingoai@example.org';

interface Reply {
  status: number;
  body: Record<string, unknown> & { values?: string[][] };
}

function send(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method, headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: Record<string, unknown> = {};
          try {
            parsed = JSON.parse(text) as Record<string, unknown>;
          } catch {
            parsed = { html: text };
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const post = (path: string, payload: unknown, headers?: Record<string, string>) => send('POST', path, JSON.stringify(payload), headers);

beforeAll(async () => {
  const pg = await startPlayground({ port: 0, host: '127.0.0.1', reset: true });
  url = pg.url;
  close = pg.close;
  port = Number(new URL(url).port);
}, 60_000);

afterAll(async () => {
  await close();
});

/** Row of a criterion code in a unit tab (column A), 1-based. */
async function rowOf(sheet: string, code: string): Promise<number> {
  const r = await send('GET', `/api/values?sheet=${encodeURIComponent(sheet)}`);
  const i = (r.body.values ?? []).findIndex((line) => line[0] === code);
  expect(i, `${code} in ${sheet}`).toBeGreaterThanOrEqual(0);
  return i + 1;
}

describe('the playground API', () => {
  it('listens on 127.0.0.1 only by default', () => {
    expect(new URL(url).hostname).toBe('127.0.0.1');
  });

  it('lists the sample year\'s tabs', async () => {
    const r = await send('GET', '/api/sheets');
    expect(r.status).toBe(200);
    const names = (r.body as unknown as Array<{ name: string }>).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Cấu hình', 'Tiêu chí', 'Đồng Nai', 'Tây Ninh', 'Tổng hợp', 'Bình xét', 'Nhật ký']));
  });

  it('lets a focal officer edit their own self-score cell while their unit has not submitted', async () => {
    // Tây Ninh is the sample's one unit still open (half done, not submitted).
    const row = await rowOf('Tây Ninh', 'II.1');
    const r = await post('/api/edit', { user: FOCAL_TN, sheet: 'Tây Ninh', range: `G${row}`, values: [[1]] });
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(true);
    const after = await send('GET', `/api/values?sheet=${encodeURIComponent('Tây Ninh')}`);
    expect(after.body.values?.[row - 1]?.[6]).toBe('1');
  });

  it("refuses a focal officer's edit of their own tab once their unit has submitted (the seed submits the five complete units)", async () => {
    const row = await rowOf('Đồng Nai', 'II.1');
    const before = await send('GET', `/api/values?sheet=${encodeURIComponent('Đồng Nai')}`);
    const r = await post('/api/edit', { user: FOCAL_DN, sheet: 'Đồng Nai', range: `G${row}`, values: [[0]] });
    expect(r.status).toBe(403);
    expect(r.body.ok).toBe(false);
    const after = await send('GET', `/api/values?sheet=${encodeURIComponent('Đồng Nai')}`);
    expect(after.body.values).toEqual(before.body.values);
  });

  it("refuses a focal officer's edit of another unit's tab, as Sheets does, and keeps the cell", async () => {
    const row = await rowOf('Tây Ninh', 'II.1');
    const before = await send('GET', `/api/values?sheet=${encodeURIComponent('Tây Ninh')}`);
    const r = await post('/api/edit', { user: FOCAL_DN, sheet: 'Tây Ninh', range: `G${row}`, values: [[0]] });
    expect(r.status).toBe(403);
    expect(r.body.ok).toBe(false);
    expect(String(r.body.message)).toContain('được bảo vệ');
    const after = await send('GET', `/api/values?sheet=${encodeURIComponent('Tây Ninh')}`);
    expect(after.body.values).toEqual(before.body.values);
  });

  it('refuses any edit by someone the file is not shared with', async () => {
    const r = await post('/api/edit', { user: OUTSIDER, sheet: 'Đồng Nai', range: 'G5', values: [[1]] });
    expect(r.status).toBe(403);
    expect(r.body.ok).toBe(false);
  });

  it('runs a public function as the chosen user and returns its result', async () => {
    const r = await post('/api/run', { user: LEADER, fn: 'getResults', args: [] });
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(true);
    expect(r.body.result).toBeTruthy();
  });

  it('answers an unknown function with 404 and an error', async () => {
    const r = await post('/api/run', { user: LEADER, fn: 'noSuchFunction', args: [] });
    expect(r.status).toBe(404);
    expect(r.body.ok).toBe(false);
    expect(String(r.body.error)).toContain('noSuchFunction');
  });

  it('refuses private functions (names ending in _) and non-array args', async () => {
    expect((await post('/api/run', { user: LEADER, fn: 'App', args: [] })).body.ok).toBe(false);
    const bad = await post('/api/run', { user: LEADER, fn: 'getResults', args: 'x' });
    expect(bad.status).toBe(400);
  });

  it('answers bad JSON with 400 and keeps serving', async () => {
    const r = await send('POST', '/api/run', '{"user": ');
    expect(r.status).toBe(400);
    expect((await send('GET', '/api/sheets')).status).toBe(200);
  });

  it('answers a JSON body that is not an object with 400 in Vietnamese on every POST route, changing nothing', async () => {
    // Every POST route the server has, so a route added later is held to the same rule.
    const source = readFileSync(join(__dirname, '..', '..', 'scripts', 'playground', 'server.ts'), 'utf8');
    const routes = [...source.matchAll(/case 'POST (\/[^']*)'/g)].map((m) => m[1]!);
    expect(routes).toEqual(expect.arrayContaining(['/api/sidebar/close', '/api/run', '/api/edit', '/api/reset']));
    const before = await send('GET', '/api/sheets');
    for (const route of routes) {
      for (const body of ['null', '42', '"văn bản"', 'true', '[]', `[{"user":"${LEADER}","fn":"getResults"}]`]) {
        const r = await send('POST', route, body);
        expect(r.status, `${route} ${body}`).toBe(400);
        expect(r.body, `${route} ${body}`).toEqual({ ok: false, error: 'Dữ liệu gửi lên phải là một đối tượng JSON, dạng {"tên trường": giá trị}' });
      }
    }
    // /api/reset with an array did not reset the workbook.
    expect(await send('GET', '/api/sheets')).toEqual(before);
  });

  it('answers an oversized body with 413 and keeps serving', async () => {
    const big = JSON.stringify({ user: LEADER, fn: 'getResults', args: ['x'.repeat(MAX_BODY_BYTES + 10)] });
    const r = await send('POST', '/api/run', big);
    expect(r.status).toBe(413);
    expect((await send('GET', '/api/sheets')).status).toBe(200);
  });

  it('refuses a state-changing request from another origin', async () => {
    const r = await post('/api/edit', { user: FOCAL_DN, sheet: 'Đồng Nai', range: 'G5', values: [[1]] }, { origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    const reset = await post('/api/reset', { sample: true }, { origin: 'https://evil.example' });
    expect(reset.status).toBe(403);
  });

  it('refuses a form post (no JSON content type), which a foreign page could send without a preflight', async () => {
    const r = await send('POST', '/api/reset', 'sample=true', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(r.status).toBe(415);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await send('GET', '/api/sheets', undefined, { host: `evil.example:${port}` });
    expect(r.status).toBe(403);
  });

  it('serves the page and the sidebar with the google.script.run stand-in', async () => {
    const page = await send('GET', '/');
    expect(page.status).toBe(200);
    expect(String(page.body.html)).toContain('Thi đua');
    expect((await send('POST', '/api/run', JSON.stringify({ user: LEADER, fn: 'showSidebar', args: [] }))).status).toBe(200);
    const sidebar = await send('GET', `/sidebar?user=${encodeURIComponent(LEADER)}`);
    expect(String(sidebar.body.html)).toContain('thidua:ran');
  });
});

describe('the playground enters only through the doors Sheets uses', () => {
  const run = (user: string, fn: string, answers?: unknown) => send('POST', '/api/run', JSON.stringify({ user, fn, args: [], answers }));

  it('shows no sidebar until the menu item runs showSidebar for that person', async () => {
    const before = await send('GET', `/sidebar?user=${encodeURIComponent(FOCAL_DN)}`);
    expect(before.status).toBe(404);
    expect(String(before.body.html)).toContain('Mở bảng điều khiển');
    expect((await send('GET', `/api/sidebar?user=${encodeURIComponent(FOCAL_DN)}`)).body).toMatchObject({ open: false });
    const opened = await run(FOCAL_DN, 'showSidebar');
    expect(opened.body).toMatchObject({ ok: true, sidebar: { title: 'Thi đua' }, pending: null });
    const after = await send('GET', `/sidebar?user=${encodeURIComponent(FOCAL_DN)}`);
    expect(after.status).toBe(200);
    expect(String(after.body.html)).toContain('google.script.run');
    // Another person's browser has no sidebar open.
    expect((await send('GET', `/sidebar?user=${encodeURIComponent(OUTSIDER)}`)).status).toBe(404);
    expect((await send('POST', '/api/sidebar/close', JSON.stringify({ user: FOCAL_DN }))).status).toBe(200);
    expect((await send('GET', `/sidebar?user=${encodeURIComponent(FOCAL_DN)}`)).status).toBe(404);
  });

  it('builds the menu by running onOpen for the person who opens the file, naming top-level functions', async () => {
    const menu = await send('GET', `/api/menu?user=${encodeURIComponent(FOCAL_DN)}`);
    const items = menu.body as unknown as Array<{ label?: string; fn?: string }>;
    expect(items.find((i) => i.label === 'Mở bảng điều khiển')?.fn).toBe('showSidebar');
    expect(items.find((i) => i.label === 'Tạo văn bản ▸ Giao ước thi đua')?.fn).toBe('menuCovenant');
  });

  it('stops at a confirmation, changes nothing until it is answered, and runs again with the answer', async () => {
    const asked = await run(LEADER, 'menuCloseYear');
    expect(asked.body).toMatchObject({ ok: true, pending: { kind: 'alert', buttons: 'YES_NO' } });
    expect(String((asked.body.pending as { prompt: string }).prompt)).toContain('Chốt kết quả năm');
    const said = await run(LEADER, 'menuCloseYear', [{ kind: 'alert', button: 'NO' }]);
    expect(said.body).toMatchObject({ ok: true, pending: null, alerts: [{ kind: 'alert', buttons: 'YES_NO' }] });
    const status = await send('POST', '/api/run', JSON.stringify({ user: LEADER, fn: 'getStatus', args: [] }));
    expect(status.body.result).toMatchObject({ ok: true, setUp: true, closed: false });
  });

  it('refuses answers that are not dialog answers', async () => {
    const r = await run(LEADER, 'menuCloseYear', [{ kind: 'alert', button: 'MAYBE' }]);
    expect(r.status).toBe(400);
    expect(String(r.body.error)).toContain('answers');
  });
});

describe('formulas typed into the grid', () => {
  it('shows the computed value, keeps the formula for the formula bar, and gives an error cell its message', async () => {
    const people = (await send('GET', '/api/people')).body as unknown as Array<{ email: string }>;
    const owner = people[0]!.email;
    const sheet = 'Đồng Nai';
    const rows = (await send('GET', `/api/values?sheet=${encodeURIComponent(sheet)}`)).body.values!.length;
    const n = rows + 2;
    for (const [cell, typed] of [[`D${n}`, '8,5'], [`E${n}`, `=ROUND(D${n}*2;0)`], [`F${n}`, '=THIDUA_SCORE(11;10)']]) {
      expect((await post('/api/edit', { user: owner, sheet, range: cell, values: [[typed]] })).status).toBe(200);
    }
    const direct = await post('/api/run', { user: owner, fn: 'THIDUA_SCORE', args: [11, 10] });
    expect(direct.body.ok).toBe(false);
    const g = (await send('GET', `/api/grid?sheet=${encodeURIComponent(sheet)}&user=${encodeURIComponent(owner)}`)).body as unknown as {
      values: string[][]; formulas: string[][]; errors: string[][];
    };
    expect(g.values[n - 1]!.slice(3, 6)).toEqual(['8,5', '17', '#ERROR!']);
    expect(g.formulas[n - 1]!.slice(3, 6)).toEqual(['', `=ROUND(D${n}*2;0)`, '=THIDUA_SCORE(11;10)']);
    expect(g.errors[n - 1]![5]).toMatch(/^Dòng 1: điểm 11 vượt điểm chuẩn 10/);
    expect(String(direct.body.error)).toContain(g.errors[n - 1]![5]);
    expect(g.errors[n - 1]![4]).toBe('');
  });
});

describe("each person's window: their own active tab and cell, as in Sheets", () => {
  const FOCAL_TN = 'vanphong.tayninh@example.com';
  const run = (user: string, fn: string, args: unknown[] = []) => post('/api/run', { user, fn, args });
  const activeOf = async (user: string, sheet: string) =>
    ((await send('GET', `/api/grid?sheet=${encodeURIComponent(sheet)}&user=${encodeURIComponent(user)}`)).body as unknown as { active: unknown }).active;

  it("runs the menu's Nộp bảng tự chấm on the tab the person has open, not on a cell another person's sidebar selected", async () => {
    // The cụm trưởng's Kiểm tra link selects a cell of Bình Phước in the cụm trưởng's window.
    expect((await run(LEADER, 'selectCell', ['Bình Phước', 'G14'])).body.ok).toBe(true);
    // Tây Ninh's officer has Tây Ninh's tab open (half filled) and picks the menu item.
    expect((await post('/api/select', { user: FOCAL_TN, sheet: 'Tây Ninh', range: 'G5' })).status).toBe(200);
    const out = await run(FOCAL_TN, 'menuSubmit');
    const said = (out.body.alerts as Array<{ prompt: string }>).map((a) => a.prompt).join('\n');
    expect(said).toContain('Tây Ninh');
    expect(said).not.toContain('Bình Phước');
    expect(await activeOf(LEADER, 'Bình Phước')).toMatchObject({ sheet: 'Bình Phước', a1: 'G14' });
    expect(await activeOf(FOCAL_TN, 'Tây Ninh')).toMatchObject({ sheet: 'Tây Ninh', a1: 'G5' });
  });

  it('gives someone who has clicked nothing no active cell of anyone else', async () => {
    expect(await activeOf(FOCAL_DN, 'Bình Phước')).toBeNull();
  });

  it('refuses a selection on a tab that does not exist or a range that is not A1', async () => {
    expect((await post('/api/select', { user: FOCAL_TN, sheet: 'Không có', range: 'A1' })).status).toBe(404);
    expect((await post('/api/select', { user: FOCAL_TN, sheet: 'Tây Ninh', range: 'G5; DROP' })).status).toBe(400);
  });

  it('paints a wrong value a clerk typed with the add-on’s conditional format, and reaches every column and frozen header', async () => {
    const row = await rowOf('Tây Ninh', 'II.1');
    expect((await post('/api/edit', { user: FOCAL_TN, sheet: 'Tây Ninh', range: `G${row}`, values: [['abc']] })).status).toBe(200);
    const g = (await send('GET', `/api/grid?sheet=${encodeURIComponent('Tây Ninh')}&user=${encodeURIComponent(FOCAL_TN)}`)).body as unknown as {
      marks: string[][]; values: string[][]; frozenRows: number; notes: string[][];
    };
    expect(g.values[row - 1]![6]).toBe('abc');
    expect(g.marks[row - 1]![6]).toBe('#f4c7c3');
    expect(g.marks[row]![6]).not.toBe('#f4c7c3');
    expect(g.values[0]!.length).toBeGreaterThanOrEqual(26);
    expect(g.frozenRows).toBeGreaterThan(0);
    expect(g.notes.length).toBe(g.values.length);
  });
});
