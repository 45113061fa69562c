/**
 * Renders the documents of the sample year (Cụm thi đua số 9, six units: the four of the year end,
 * the plan and the báo cáo sơ kết) and the covenant
 * and minutes of a 7-unit cluster to HTML and to PDF in headless Chromium, into
 * test-results/docs/ (gitignored), to look at the pages:
 *   npx tsx scripts/render-docs.ts && pdftoppm -png -r 60 test-results/docs/covenant.pdf test-results/docs/covenant
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCovenant, buildMinutes, buildProposal, buildReport, renderHtml, type DocModel } from '../src/core/documents';
import { computeYear } from '../src/core/engine';
import { generateYear, sampleCluster9Year, sampleMidYearRound } from '../src/core/samples';
import { midYearReview } from '../src/core/midYear';
import { buildModel } from '../src/app/documents';
import { sampleYearConfig } from '../src/app/sample';
import { parseConfig, renderConfig } from '../src/workbook/config';
import type { Grid } from '../src/workbook/grid';
import { launchBrowser } from './browser';

const OUT = join('test-results', 'docs');

function sampleDocuments(): Record<string, DocModel> {
  const year = sampleCluster9Year(2021);
  const result = computeYear(year);
  const parentBody = 'Viện kiểm sát nhân dân tối cao';
  return {
    covenant: buildCovenant(year, { number: 1, date: { y: 2021, m: 1, d: 9 }, parentBody }),
    minutes: buildMinutes(year, result, {
      number: 3,
      date: { y: 2021, m: 11, d: 16 },
      parentBody,
      start: { y: 2021, m: 11, d: 16, h: 8, min: 0 },
      end: { y: 2021, m: 11, d: 16, h: 11, min: 30 },
      venue: 'Hội trường Viện kiểm sát nhân dân tỉnh Bình Dương',
      chair: { name: 'Lê Thị Thu Hà', title: 'Viện trưởng Viện kiểm sát nhân dân tỉnh Bình Dương, Cụm trưởng' },
      secretary: { name: 'Ngô Văn Sơn', title: 'Chánh Văn phòng Viện kiểm sát nhân dân tỉnh Bình Dương' },
      attendees: year.units.map((u) => `Đồng chí ${u.headName}, ${u.headTitle} ${u.name}`),
      opinions: 6,
    }),
    report: buildReport(year, result, { number: 12, date: { y: 2021, m: 11, d: 18 }, parentBody }),
    proposal: buildProposal(year, result, {
      number: 5,
      date: { y: 2021, m: 11, d: 20 },
      parentBody,
      councilName: 'Hội đồng Thi đua – Khen thưởng ngành Kiểm sát nhân dân',
    }),
    ...planDocuments(parentBody),
    ...sevenUnits(parentBody),
  };
}

/** The sample year's plan and báo cáo sơ kết, from its Cấu hình (movements, tasks, meetings) and its mid-year round. */
function planDocuments(parentBody: string): Record<string, DocModel> {
  const year = sampleCluster9Year(2021);
  const details = parseConfig(renderConfig(sampleYearConfig(2021)) as Grid, { defaults: year.rules }).details;
  const review = midYearReview(year, sampleMidYearRound(year));
  const now = new Date(Date.UTC(2021, 5, 29, 3));
  return {
    plan: buildModel('plan', year, computeYear(year), { number: 2, parentBody }, now, details),
    midYearReport: buildModel('midYearReport', year, computeYear(year), { number: 21, parentBody }, now, details, false, review),
  };
}

/** A 7-unit cluster (Cụm thi đua số 4's provinces): its covenant and minutes. */
function sevenUnits(parentBody: string): Record<string, DocModel> {
  const provinces = ['Phú Thọ', 'Thái Nguyên', 'Yên Bái', 'Bắc Kạn', 'Tuyên Quang', 'Hòa Bình', 'Bắc Giang'];
  const heads = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Giang', 'Đặng Văn Hải'];
  const year = generateYear({ units: 7, criteria: 30, seed: 4 });
  year.cluster = { ...year.cluster, name: 'Cụm thi đua số 4', year: 2025, place: 'Bắc Giang' };
  year.units = year.units.map((u, i) => ({ ...u, name: `Viện kiểm sát nhân dân tỉnh ${provinces[i]}`, headName: heads[i]!, headTitle: 'Viện trưởng' }));
  const result = computeYear(year);
  const leader = year.units.find((u) => u.id === year.cluster.leaderUnitId) ?? year.units[0]!;
  return {
    covenant7: buildCovenant(year, { number: 2, date: { y: 2025, m: 2, d: 5 }, parentBody }),
    minutes7: buildMinutes(year, result, {
      number: 4,
      date: { y: 2025, m: 12, d: 9 },
      parentBody,
      start: { y: 2025, m: 12, d: 9, h: 8, min: 30 },
      end: { y: 2025, m: 12, d: 9, h: 11, min: 0 },
      venue: 'Hội trường Viện kiểm sát nhân dân tỉnh Bắc Giang',
      chair: { name: leader.headName, title: `Viện trưởng ${leader.name}, Cụm trưởng` },
      secretary: { name: 'Đỗ Thị Hoa', title: 'Chánh Văn phòng Viện kiểm sát nhân dân tỉnh Bắc Giang' },
      attendees: year.units.map((u) => `Đồng chí ${u.headName}, ${u.headTitle} ${u.name}`),
      opinions: 5,
    }),
  };
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    for (const [name, doc] of Object.entries(sampleDocuments())) {
      const html = renderHtml(doc);
      writeFileSync(join(OUT, `${name}.html`), html);
      await page.setContent(html, { waitUntil: 'load' });
      await page.pdf({ path: join(OUT, `${name}.pdf`), format: 'A4', printBackground: true, preferCSSPageSize: true });
      console.log(`${name}: ${join(OUT, `${name}.pdf`)}`);
    }
  } finally {
    await browser.close();
  }
}

await main();
