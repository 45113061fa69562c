/**
 * The playground shows a dialog the way it shows the sidebar: only what the add-on's code handed
 * to Ui.showModalDialog, to the person whose run showed it, until they close it. Driven over HTTP
 * on the seeded sample year (npm test builds dist/ first).
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground } from '../../scripts/playground/server';

const LEADER = 'vanphong.binhduong@example.com';
const FOCAL_TN = 'vanphong.tayninh@example.com';

let port = 0;
let close: () => Promise<void> = async () => undefined;

function send(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: body === undefined ? {} : { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(JSON.stringify(body));
    req.end();
  });
}

beforeAll(async () => {
  const pg = await startPlayground({ port: 0, host: '127.0.0.1', reset: true });
  port = Number(new URL(pg.url).port);
  close = pg.close;
}, 60_000);

afterAll(async () => {
  await close();
});

describe('the seeded sample year, as npm start shows it', () => {
  it('has five units submitted on time and one late (Tây Ninh, half done), final ranks and proposals for the five', async () => {
    const run = async (fn: string) => (JSON.parse((await send('POST', '/api/run', { user: LEADER, fn })).text) as { result: Record<string, unknown> }).result;
    const status = await run('getStatus') as { deadlines: { units: Record<string, { selfScore: { state: string; lateDays?: number } }> } };
    const states = Object.entries(status.deadlines.units).map(([id, s]) => [id, s.selfScore.state, (s.selfScore.lateDays ?? 0) > 0]);
    const late = states.filter(([, state, isLate]) => state === 'late' || isLate);
    expect(late).toEqual([['Tây Ninh', 'late', true]]);
    expect(states.filter(([, state, isLate]) => state === 'done' && !isLate)).toHaveLength(5);
    const results = await run('getResults') as { units: Array<{ unitId: string; complete: boolean; provisional: boolean; proposedTitle: unknown }> };
    for (const u of results.units) {
      expect(u.complete, u.unitId).toBe(u.unitId !== 'Tây Ninh');
      expect(u.provisional, u.unitId).toBe(u.unitId === 'Tây Ninh');
    }
    expect(results.units.find((u) => u.unitId === 'Tây Ninh')?.proposedTitle).toBeNull();
    expect(results.units.filter((u) => u.proposedTitle !== null).length).toBeGreaterThanOrEqual(3);
  });
});

describe('a dialog from the menu, in the playground', () => {
  it('is shown to the cụm trưởng who ran Nhắc các đơn vị chưa nộp, with the google.script stand-in, until closed', async () => {
    const dialogOf = (user: string) => send('GET', `/dialog?user=${encodeURIComponent(user)}`);
    expect((await dialogOf(LEADER)).status).toBe(404);

    const ran = JSON.parse((await send('POST', '/api/run', { user: LEADER, fn: 'menuReminder' })).text) as Record<string, unknown>;
    expect(ran).toMatchObject({ ok: true, sidebar: null, pending: null, alerts: [], dialog: { title: 'Nhắc các đơn vị chưa nộp', modal: true } });
    const shown = await dialogOf(LEADER);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('thidua:close');
    // The seeded year leaves one unit open: Tây Ninh, the only one reminded.
    expect(shown.text).toContain(`href="mailto:${FOCAL_TN}?subject=`);
    expect(shown.text).toMatch(/Đơn vị được nhắc:<\/strong> Tây Ninh</);
    // Another person's browser shows no dialog.
    expect((await dialogOf(FOCAL_TN)).status).toBe(404);

    expect((await send('POST', '/api/dialog/close', { user: LEADER })).status).toBe(200);
    expect((await dialogOf(LEADER)).status).toBe(404);
  });

  it('shows a focal officer the refusal as an alert, and no dialog', async () => {
    const ran = JSON.parse((await send('POST', '/api/run', { user: FOCAL_TN, fn: 'menuReminder' })).text) as { dialog: unknown; alerts: Array<{ prompt: string }> };
    expect(ran.dialog).toBeNull();
    expect(ran.alerts.map((a) => a.prompt).join('\n')).toContain('cụm trưởng');
    expect((await send('GET', `/dialog?user=${encodeURIComponent(FOCAL_TN)}`)).status).toBe(404);
  });
});
