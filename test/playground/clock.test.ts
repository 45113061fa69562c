/**
 * The sample year is seen on one of its own days: after the seed (start with no state, --reset,
 * Nạp lại năm mẫu) the script's clock stays on 15/11/2021 08:00 Việt Nam time and runs on, across
 * a restart from the state file; Bắt đầu từ bảng trống gives back the machine's time. Observed
 * through what the product writes: Tình hình's late days and Nhật ký's time stamps.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground } from '../../scripts/playground/server';
import { sampleYearConfig } from '../../src/app/sample';

const LEADER = 'vanphong.binhduong@example.com';

let dir = '';
let statePath = '';
let port = 0;
let close: () => Promise<void> = async () => undefined;

function send(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: body === undefined ? {} : { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(JSON.stringify(body));
    req.end();
  });
}

async function start(reset: boolean): Promise<void> {
  await close();
  const pg = await startPlayground({ port: 0, host: '127.0.0.1', reset, statePath });
  port = Number(new URL(pg.url).port);
  close = pg.close;
}

async function run(user: string, fn: string, args: unknown[] = []): Promise<unknown> {
  const r = await send('POST', '/api/run', { user, fn, args });
  expect(r.json.ok, String(r.json.error)).toBe(true);
  return r.json.result;
}

type Status = { deadlines: { today: string; units: Record<string, { selfScore: { state: string; lateDays?: number } }> } };

/** The time stamp (column A) of Nhật ký's last line. */
async function lastLogTime(): Promise<string> {
  const r = await send('GET', `/api/values?sheet=${encodeURIComponent('Nhật ký')}`);
  const rows = r.json.values as string[][];
  return String(rows[rows.length - 1]?.[0] ?? '');
}

const owner = async () => ((await send('GET', '/api/people')).json as unknown as Array<{ email: string }>)[0]?.email ?? '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'thidua-clock-'));
  statePath = join(dir, 'state.json');
  await start(true);
}, 60_000);

afterAll(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the playground's clock", () => {
  it('stays on 15/11/2021 after the seed: Tây Ninh 31 days late against 15/10, the others on time, and a new log line on that day', async () => {
    expect((await send('GET', '/api/clock')).json).toEqual({ day: '15/11/2021' });
    const status = (await run(LEADER, 'getStatus')) as Status;
    expect(status.deadlines.today).toBe('2021-11-15');
    expect(status.deadlines.units['Tây Ninh']?.selfScore).toEqual({ state: 'late', lateDays: 31 });
    const others = Object.entries(status.deadlines.units).filter(([id]) => id !== 'Tây Ninh');
    expect(others).toHaveLength(5);
    for (const [id, s] of others) expect(s.selfScore, id).toEqual({ state: 'done', lateDays: 0 });
    // The owner runs set-up again (as the seed does): Nhật ký stamps it on the sample day, 08:xx Việt Nam time.
    const again = (await run(await owner(), 'setupYear')) as { ok?: boolean };
    expect(again.ok).not.toBe(false);
    expect(await lastLogTime()).toMatch(/^2021-11-15 08:\d\d:\d\d$/);
    // Kept with the state, as the anchor it runs on from.
    const saved = JSON.parse(readFileSync(statePath, 'utf8')) as { clock?: { sampleMs: number; setAtMs: number } };
    expect(saved.clock?.sampleMs).toBe(Date.parse('2021-11-15T01:00:00Z'));
    expect(saved.clock?.setAtMs).toBeLessThanOrEqual(Date.now());
  }, 60_000);

  it('is still on the sample day after a restart from the state file', async () => {
    await start(false);
    expect((await send('GET', '/api/clock')).json).toEqual({ day: '15/11/2021' });
    const status = (await run(LEADER, 'getStatus')) as Status;
    expect(status.deadlines.today).toBe('2021-11-15');
    expect(status.deadlines.units['Tây Ninh']?.selfScore).toEqual({ state: 'late', lateDays: 31 });
  }, 60_000);

  it("goes back to the machine's time on Bắt đầu từ bảng trống, and stays there after a restart", async () => {
    expect((await send('POST', '/api/reset', {})).status).toBe(200);
    expect((await send('GET', '/api/clock')).json).toEqual({ day: null });
    const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
    const setup = async () => {
      const who = await owner();
      const done = (await run(who, 'setupYear', [sampleYearConfig(year)])) as { ok?: boolean };
      expect(done.ok).not.toBe(false);
      return lastLogTime();
    };
    expect(await setup()).toMatch(new RegExp(`^${year}-`));
    expect(JSON.parse(readFileSync(statePath, 'utf8'))).not.toHaveProperty('clock');
    await start(false);
    expect((await send('GET', '/api/clock')).json).toEqual({ day: null });
    expect(await setup()).toMatch(new RegExp(`^${year}-`));
  }, 60_000);

  it('is held again on the sample day by Nạp lại năm mẫu', async () => {
    expect((await send('POST', '/api/reset', { sample: true })).status).toBe(200);
    expect((await send('GET', '/api/clock')).json).toEqual({ day: '15/11/2021' });
    expect(((await run(LEADER, 'getStatus')) as Status).deadlines.today).toBe('2021-11-15');
  }, 60_000);
});
