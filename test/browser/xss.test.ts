/**
 * Hostile text from the sheet, in every place the sidebar shows it: unit names, the cluster name,
 * return reasons, editors, classifications, titles, criteria, problem messages, sheet names,
 * settings and server error messages. All must show as the very characters, with no dialog,
 * no script run and no element or attribute the sidebar did not make itself.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RulesView } from '../../src/client/rules';
import type { Explain, Problem, Results, Status } from '../../src/client/types';
import { explain, leaderStatus, results, RULES } from './fixtures';
import { eventually, launch, openSidebar, screenshot, serveSidebar } from './harness';
import { XSS_VECTORS } from './xss-corpus';

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  browser = await launch();
  server = await serveSidebar();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const V = XSS_VECTORS;
const at = (i: number) => V[i % V.length]!;

function hostileStatus(): Status {
  const s = leaderStatus(V);
  const rules: RulesView = {
    ...RULES,
    version: at(5),
    legalBases: [...V],
    classificationBands: V.slice(0, 4).map((label, i) => ({ minPercent: 90 - i * 20, label })),
    titles: V.map((name, i) => ({ id: `t${i}`, name, quota: i, minClassification: at(i + 1), requiresBallot: true, leaderOnly: false })),
    tieBreaks: V.map((code) => ({ kind: 'criterion', code })),
  };
  return {
    ...s,
    clusterName: at(3),
    user: { ...s.user, email: at(6), roleLabels: [at(4), at(8)], unitIds: [at(0)] },
    units: s.units.map((u, i) => ({ ...u, status: 'returned', returnReason: at(i + 1), lastEdit: new Date().toISOString() })),
    rules,
    // Kiểm tra lists the status's own problems (one answer for the badge and the list).
    problemList: hostileProblems().problems,
    // An edit taken back, quoted as typed: every vector shown as text there too.
    refusals: V.slice(0, 3).map((v, i) => ({ sheet: at(i), a1: 'G8', at: new Date().toISOString(), by: at(i + 2), value: v, old: at(i + 1), reason: at(i + 3) })),
  } as Status;
}

function hostileResults(): Results {
  const base = results(V);
  return {
    ...base,
    clusterName: at(2),
    units: base.units.map((u, i) => ({
      ...u, rank: i + 1, classification: at(i + 1), eligible: i % 2 === 0, ineligibleReasons: [at(i + 3)],
      proposedTitle: { titleId: at(i), name: at(i + 2), status: 'proposed' },
    })),
    ballots: [{
      titleId: at(0), titleName: at(1), issued: 6, returned: 6, valid: 6, invalid: 0, thresholdPercent: 80,
      candidates: V.map((name) => ({ unitId: name, name, votes: 1, percent: 16.67, passed: false })),
    }],
  };
}

function hostileProblems(): { ok: true; problems: Problem[] } {
  return {
    ok: true,
    problems: V.map((message, i) => ({ sheet: at(i + 1), a1: i % 3 === 0 ? `G${i + 1}` : at(i), message, text: message, severity: i % 2 === 0 ? 'error' : 'warning' })),
  };
}

function hostileExplain(): Explain {
  const e = explain(V[0]!);
  const rows = V.map((content, i) => ({ ...e.rows[1]!, code: at(i + 1), content, points: i, sheet: at(i), a1: `A${i + 1}` }));
  return { ...e, name: at(9), rows, gave: rows.map((r) => r.code), took: [] };
}

/** Elements the sidebar itself creates; anything else was injected. */
const OWN_TAGS = [
  'html', 'head', 'body', 'base', 'meta', 'title', 'style', 'script', 'div', 'p', 'span', 'header', 'main', 'section', 'details',
  'summary', 'h2', 'h3', 'h4', 'button', 'ul', 'ol', 'li', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'strong',
  'form', 'fieldset', 'legend', 'label', 'input', 'textarea', 'select', 'option', 'dl', 'dt', 'dd', 'a',
];

describe('hostile text from the sheet', () => {
  it(`uses a corpus of at least 20 XSS vectors (${V.length})`, () => {
    expect(V.length).toBeGreaterThanOrEqual(20);
    expect(new Set(V).size).toBe(V.length);
  });

  it('shows every vector as text in every panel, runs no script and injects no element', async () => {
    const o = await openSidebar(browser, server.url, {
      getStatus: { result: hostileStatus() },
      getResults: { result: hostileResults() },
      getProblems: { result: hostileProblems() },
      explainUnit: { result: hostileExplain() },
      selectCell: { result: { ok: false, message: at(7), problems: [] } },
      recompute: { result: { ok: false, message: at(0), problems: hostileProblems().problems } },
      listDocuments: { result: { ok: true, message: '', problems: [], documents: V.map((name, i) => ({
        time: at(i + 1), kind: at(i), version: 1, name, url: i % 2 === 0 ? 'javascript:alert(1)' : 'https://docs.google.com/document/d/x/edit', pdfUrl: at(i + 2), user: at(i),
      })) } },
    });
    const { page, dialogs, errors } = o;

    // Tình hình
    await page.locator('.unit').first().waitFor();
    expect(await page.locator('.unit .unit-name').allTextContents()).toEqual([...V]);
    expect(await page.locator('.top .cluster').textContent()).toBe(`${at(3)} · năm 2021`);
    expect(await page.locator('.top .who').textContent()).toBe(`${at(6)} · ${at(4)} · ${at(8)}`);
    expect(await page.locator('.unit-returned').allTextContents()).toEqual(V.map((_, i) => `Bị trả lại: ${at(i + 1)}`));
    await screenshot(page, 'xss-status', false);

    // Kết quả, and a unit's rows
    await page.getByRole('tab', { name: 'Kết quả' }).click();
    await page.locator('table.ranking').waitFor();
    expect(await page.locator('.unit-link').allTextContents()).toEqual([...V]);
    expect(await page.locator('tr.sub .classification').allTextContents()).toEqual(V.map((_, i) => at(i + 1)));
    expect(await page.locator('tr.sub .title-yes').allTextContents()).toEqual(V.map((_, i) => at(i + 2)));
    expect(await page.locator('.ballot h4').textContent()).toBe(at(1));
    await page.locator('.unit-link').first().click();
    await page.locator('.explain-card').waitFor();
    // The first eight rows are listed (the rest are counted).
    expect(await page.locator('.explain-block').first().locator('.content').allTextContents()).toEqual(V.slice(0, 8));
    expect(await page.locator('.explain-block').first().locator('.code').allTextContents()).toEqual(V.slice(0, 8).map((_, i) => at(i + 1)));
    await screenshot(page, 'xss-results', false);

    // Kiểm tra, and a failed selectCell whose message is hostile
    await page.getByRole('tab', { name: 'Kiểm tra' }).click();
    await page.locator('.problem').first().waitFor();
    expect((await page.locator('.problem .message').allTextContents()).sort()).toEqual([...V].sort());
    await page.locator('.problem-link').first().click();
    await page.locator('#panel-problems [role=alert]').waitFor();
    expect(await page.locator('#panel-problems [role=alert] .msg-text').textContent()).toBe(at(7));
    await screenshot(page, 'xss-problems', false);

    // Thao tác: unit options, vote labels, and a server error made of markup
    await page.getByRole('tab', { name: 'Thao tác' }).click();
    expect((await page.getByRole('region', { name: 'Nộp / trả lại bảng tự chấm' }).getByLabel('Đơn vị', { exact: true }).locator('option').allTextContents()).slice(1)).toEqual([...V]);
    expect(await page.locator('.votes label').allTextContents()).toEqual([...V]);
    // Generated documents: names as text; a javascript: address never becomes a link.
    await eventually(() => page.locator('.doc-list li').count()).toBe(6);
    expect(await page.locator('.doc-list a').allTextContents()).toEqual(V.slice(0, 6).filter((_, i) => i % 2 === 1));
    expect(await page.locator('.doc-list li').first().textContent()).toBe(`${V[0]} · ${at(1)} · PDF`);
    await page.getByRole('button', { name: 'Tính điểm & xếp hạng' }).click();
    await page.locator('.progress [role=alert]').waitFor();
    expect(await page.locator('.progress [role=alert] .msg-text').textContent()).toBe(`Chưa xong. ${at(0)}`);
    expect(await page.locator('.progress .problem .message').allTextContents()).toEqual(V.slice(0, 8));

    // Cài đặt
    await page.getByRole('tab', { name: 'Cài đặt' }).click();
    await eventually(() => page.locator('#panel-settings').textContent()).toContain(at(5));
    expect(await page.locator('#panel-settings ul.small li').allTextContents()).toEqual([...V]);
    await screenshot(page, 'xss-settings', false);

    // Nothing ran, nothing was injected.
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    const verdict = await page.evaluate((own) => {
      const all = [...document.querySelectorAll('*')];
      return {
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        foreign: [...new Set(all.map((e) => e.tagName.toLowerCase()).filter((t) => !own.includes(t)))],
        handlers: all.flatMap((e) => [...e.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${e.tagName}[${a.name}]`)),
        scriptUrls: all.flatMap((e) => [...e.attributes]
          .filter((a) => ['href', 'src', 'action', 'formaction', 'data', 'poster', 'xlink:href'].includes(a.name.toLowerCase()) && !/^https:\/\//.test(a.value))
          .map((a) => `${e.tagName}[${a.name}]`)),
        scripts: document.scripts.length,
        styles: document.querySelectorAll('style').length,
        styleAttrs: all.filter((e) => (e.getAttribute('style') ?? '') !== '' && !e.classList.contains('bar-fill')).map((e) => e.outerHTML.slice(0, 80)),
      };
    }, OWN_TAGS);
    expect(verdict).toEqual({ pwned: null, foreign: [], handlers: [], scriptUrls: [], scripts: 1, styles: 1, styleAttrs: [] });
    await page.context().close();
  });

  it('shows a hostile unit name typed in the set-up form as text in the leader list', async () => {
    const o = await openSidebar(browser, server.url, { getStatus: { result: { ...leaderStatus(), setUp: false, units: [] } } });
    const { page, dialogs } = o;
    await page.getByRole('tab', { name: 'Thao tác' }).click();
    await page.getByText('Nhập thông tin năm mới').click();
    const names = V.filter((v) => !v.includes('|') && !v.includes('\n'));
    await page.getByLabel(/Đơn vị thành viên/).fill(names.join('\n'));
    // A name Sheets cannot give a tab ("/", ":", "*", "?", "[", "]", "\\", a leading "'") is refused,
    // as Cấu hình refuses it: the rest are offered as leaders, as text.
    const tabName = (n: string) => !/[[\]*?:/\\]/.test(n) && !n.trim().startsWith("'") && n.trim().length <= 90;
    const kept = names.filter(tabName);
    expect(kept.length).toBeGreaterThan(5);
    const options = (await page.getByLabel('Cụm trưởng').locator('option').allTextContents()).slice(1);
    expect(options).toEqual(kept.map((n) => n.trim().replace(/\s+/g, ' ')));
    // The refused ones are named in the form's messages, as text.
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    const errors = (await page.locator('.form-errors li').allTextContents()).join('\n');
    for (const n of names.filter((x) => !tabName(x))) expect(errors).toContain(`“${n.trim().replace(/\s+/g, ' ')}”`);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('img, svg, iframe, object, embed, video, marquee').length)).toBe(0);
    await page.context().close();
  });
});
