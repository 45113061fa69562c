/**
 * Hostile text that reaches the sidebar from the workbook itself, end to end: the playground
 * (dist/Code.js over the in-memory services) with the real dist/Sidebar.html in Debian's
 * Chromium. The cụm trưởng types a corpus of XSS vectors as criteria text in Tiêu chí, as values
 * in score cells (which the problems quote back), and as a return reason; the sidebar then shows
 * Kiểm tra (every problem), Kết quả (each unit's rows that gave and took points) and Tình hình.
 * No dialog may open, no script run, no element or attribute the sidebar did not make appear;
 * what is shown is the very text the server sent. (Unit names and canned panels are covered by
 * test/browser/xss.test.ts; the no-innerHTML/eval source check by test/client/source.test.ts.)
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openSidebarFromMenu } from '../browser/door';
import { screenshot, usePlayground } from '../browser/harness';
import { XSS_VECTORS } from './corpus';
import { recordFigures } from './helpers';

const LEADER = 'vanphong.binhduong@example.com';
const UNITS = ['Bình Thuận', 'Bình Dương', 'Bình Phước', 'Bà Rịa – Vũng Tàu', 'Đồng Nai', 'Tây Ninh'];
/** Units whose scores get the vectors (Bình Thuận stays clean: it submits and is returned). */
const HOSTILE_UNITS = ['Bình Phước', 'Đồng Nai', 'Bà Rịa – Vũng Tàu', 'Bình Dương'];

/** What a cell holds once typed: Sheets drops a leading apostrophe (it only marks text). */
const STORED = XSS_VECTORS.map((v) => (v.startsWith("'") ? v.slice(1) : v));

const pw = usePlayground({ reset: true, timeoutMs: 120_000 });
const rendered = new Set<string>();

afterAll(() => {
  recordFigures('xss', { xssVectors: XSS_VECTORS.length, xssVectorsSeenInSidebar: rendered.size });
});

const { post, values } = pw;

async function run(fn: string, args: unknown[] = []): Promise<Record<string, unknown>> {
  const out = await post('/api/run', { user: LEADER, fn, args });
  expect(out.body.ok, JSON.stringify(out.body)).toBe(true);
  return out.body.result as Record<string, unknown>;
}

async function edit(sheet: string, range: string, v: unknown[][]): Promise<void> {
  const r = await post('/api/edit', { user: LEADER, sheet, range, values: v });
  expect(r.status, `${sheet}!${range}: ${JSON.stringify(r.body)}`).toBe(200);
}

/** Everything that would show that markup ran or was parsed. */
async function verdict(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    // Elements no panel makes (the sidebar's own forms carry class "form").
    const foreign = ['img', 'svg', 'iframe', 'object', 'embed', 'video', 'audio', 'source', 'math', 'template', 'marquee', 'a', 'style ~ style', 'form:not(.form)', '[formaction]', '[srcdoc]'];
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      injected: foreign.flatMap((sel) => [...document.querySelectorAll(sel)].map((e) => e.outerHTML.slice(0, 80))),
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${e.tagName}[${a.name}]`)),
      scripts: [...document.scripts].filter((x) => /__pwned|alert\(\d\)/.test(x.textContent ?? '')).length,
    };
  });
}

describe('hostile criteria text and values, from the workbook into the sidebar', () => {
  it(`uses a corpus of at least 20 vectors (${XSS_VECTORS.length})`, () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(XSS_VECTORS).size).toBe(XSS_VECTORS.length);
  });

  it('types every vector into the workbook as the cụm trưởng would', async () => {
    // Criteria text: one vector per row of Tiêu chí (content column), wrapping around.
    const criteria = await values('Tiêu chí');
    const rows = criteria.map((r, i) => ({ row: i + 1, code: r[0] ?? '', kind: r[2] ?? '' })).filter((r) => r.row >= 5 && r.code !== '');
    await edit('Tiêu chí', `B5:B${4 + rows.length}`, rows.map((_, i) => [XSS_VECTORS[i % XSS_VECTORS.length]]));
    // Score cells: each vector typed where a number belongs, so that a problem quotes it.
    const qualitative = rows.filter((r) => r.kind === 'Định tính').map((r) => r.row);
    const slots = HOSTILE_UNITS.flatMap((unit) => qualitative.flatMap((row) => ['G', 'J'].map((col) => ({ unit, cell: `${col}${row}` }))));
    expect(slots.length).toBeGreaterThanOrEqual(XSS_VECTORS.length);
    for (const [i, v] of XSS_VECTORS.entries()) await edit(slots[i]!.unit, slots[i]!.cell, [[v]]);
    // A return reason: the seeded year has Bình Thuận submitted (its officer did, before the date).
    const status = await run('getStatus');
    expect((status.units as Array<{ id: string; submitted: boolean }>).find((u) => u.id === 'Bình Thuận')?.submitted).toBe(true);
    expect((await run('returnSubmission', ['Bình Thuận', XSS_VECTORS[1]])).ok).toBe(true);
  });

  it('shows every problem that quotes a vector in Kiểm tra as text, running nothing', async () => {
    const expected = ((await run('getProblems')).problems as Array<{ message: string }>).map((p) => p.message);
    const quoting = STORED.filter((v) => expected.some((m) => m.includes(v.length > 40 ? v.slice(0, 40) : v)));
    expect(quoting.length, 'every vector is quoted by some problem').toBe(XSS_VECTORS.length);
    const { page, dialogs, errors } = await openSidebarFromMenu(pw.browser, pw.pg.url, LEADER);
    await page.getByRole('tab', { name: 'Kiểm tra' }).click();
    await page.locator('.problem').first().waitFor({ timeout: 20_000 });
    const shown = await page.locator('.problem .message').allTextContents();
    expect([...shown].sort()).toEqual([...expected].sort());
    for (const v of quoting) rendered.add(v);
    await screenshot(page, 'reliability-xss-problems', false);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    const v = await verdict(page);
    expect(v, JSON.stringify(v)).toEqual({ pwned: null, injected: [], handlers: [], scripts: 0 });
    await page.context().close();
  });

  it('shows criteria text in each unit’s rows in Kết quả as text, and a hostile return reason in Tình hình', async () => {
    const { page, dialogs, errors } = await openSidebarFromMenu(pw.browser, pw.pg.url, LEADER);
    await page.locator('.unit-returned').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.unit-returned').allTextContents()).toContain(`Bị trả lại: ${STORED[1]}`);
    await page.getByRole('tab', { name: 'Kết quả' }).click();
    await page.locator('table.ranking').waitFor({ timeout: 20_000 });
    for (const unit of UNITS) {
      await page.getByRole('button', { name: unit, exact: true }).click();
      await page.locator('.explain-card').waitFor();
      const contents = await page.locator('.explain-block .content').evaluateAll((els) => els.map((e) => e.firstChild?.textContent ?? ''));
      expect(contents.length, unit).toBeGreaterThan(0);
      for (const c of contents) {
        expect(STORED, `${unit}: "${c}" is shown as the very text typed`).toContain(c);
        rendered.add(c);
      }
    }
    await screenshot(page, 'reliability-xss-explain', false);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    const v = await verdict(page);
    expect(v, JSON.stringify(v)).toEqual({ pwned: null, injected: [], handlers: [], scripts: 0 });
    await page.context().close();
  });
});
