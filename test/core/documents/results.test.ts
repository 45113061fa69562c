/**
 * The results tables of the minutes, the report and the proposal for the sample year, computed
 * by the engine: each shows the score that decided the rank with its source, the report's Chênh
 * lệch is Tổng hợp's, and the unit that has not submitted (Tây Ninh) is marked and proposed for nothing.
 */
import { describe, expect, it } from 'vitest';
import { buildMinutes, buildProposal, buildReport, formatNumber, formatSigned, type Table } from '../../../src/core/documents';
import { computeYear } from '../../../src/core/engine';
import { sampleCluster9Year } from '../../../src/core/samples';
import { renderSummary } from '../../../src/workbook/summary';
import { SAMPLE_MEETING, outline, tables } from './fixtures';

const year = sampleCluster9Year(2021);
const result = computeYear(year);
const meta = { number: 1, date: { y: 2021, m: 11, d: 18 } };
const minutes = buildMinutes(year, result, {
  ...meta,
  ...SAMPLE_MEETING,
});
const report = buildReport(year, result, meta);
const proposal = buildProposal(year, result, meta);
const SOURCE = { self: 'tự chấm', crossCheck: 'chấm chéo', final: 'thống nhất' } as const;
const nameOf = (id: string) => year.units.find((u) => u.id === id)!.name;

/** A table's rows as header → cell, keyed by the "Đơn vị" column. */
function byUnit(table: Table): Map<string, Record<string, string>> {
  const [header, ...rows] = table.cells;
  const unit = header!.indexOf('Đơn vị');
  return new Map(rows.map((r) => [r[unit]!, Object.fromEntries(header!.map((h, i) => [h, r[i]!]))]));
}

const resultsTables: Array<[string, Table]> = [
  ['the minutes', tables(minutes)[1]!],
  ['the report', tables(report)[1]!],
  ['the proposal', tables(proposal)[1]!],
];

describe('the results tables of the sample year', () => {
  for (const [doc, table] of resultsTables) {
    it(`${doc}: every row has self, cross-check, agreed, and the score that counts with its source`, () => {
      const rows = byUnit(table);
      expect(table.cells[0]).toEqual(expect.arrayContaining(['Tự chấm', 'Chấm chéo', 'Thống nhất', 'Điểm xếp hạng (nguồn)']));
      expect(rows.size).toBeGreaterThan(0);
      for (const u of result.units.filter((x) => rows.has(nameOf(x.unitId)))) {
        const row = rows.get(nameOf(u.unitId))!;
        expect(row['Điểm xếp hạng (nguồn)'], u.unitId).toBe(`${formatNumber(u.standing.total)} (${SOURCE[u.standingPhase!]})`);
        expect(row['Chấm chéo'], u.unitId).toBe(formatNumber(u.totals.crossCheck!.total));
      }
    });
  }

  it('ranks Tây Ninh on its cross-check score, provisionally, in the minutes and the report', () => {
    for (const table of [tables(minutes)[1]!, tables(report)[1]!]) {
      const tn = byUnit(table).get(nameOf('Tây Ninh'))!;
      expect([tn['Xếp hạng'], tn['Thống nhất'], tn['Điểm xếp hạng (nguồn)']]).toEqual(['5 (tạm xếp)', '—', '79,52 (chấm chéo)']);
    }
  });

  it("prints in the report the Chênh lệch of Tổng hợp, for every unit (Tây Ninh's against its cross-check)", () => {
    const summary = renderSummary(
      { clusterName: year.cluster.name, year: 2021, result, units: year.units, criteria: year.criteria, titles: year.rules.titles, status: {}, problems: [], at: '', by: '' },
      { rows: 0, columns: 0 },
    );
    const header = summary[3]!.map(String);
    const gapColumn = header.indexOf('Chênh lệch (tự chấm − điểm xếp hạng)');
    const reportRows = byUnit(tables(report)[1]!);
    const pairs = summary.slice(4, 4 + result.units.length).map((r) => {
      const id = String(r[1]);
      return [id, formatSigned(Number(r[gapColumn])), reportRows.get(nameOf(id))!['Chênh lệch (tự chấm − điểm xếp hạng)']];
    });
    expect(pairs.every(([, a, b]) => a === b)).toBe(true);
    expect(pairs.find(([id]) => id === 'Tây Ninh')![2]).toBe('+0,96');
  });

  it('proposes no unit that has not submitted: Tây Ninh is in no proposal and the minutes say why', () => {
    expect(byUnit(tables(proposal)[1]!).has(nameOf('Tây Ninh'))).toBe(false);
    const lines = outline(minutes);
    const conclusion = lines.slice(lines.indexOf('III. KẾT LUẬN'));
    expect(conclusion.filter((l) => l.includes('Tây Ninh'))).toEqual([]);
    expect(lines).toContain('- Viện kiểm sát nhân dân tỉnh Tây Ninh: số liệu chưa đầy đủ (chưa nộp bảng tự chấm); hạng tạm xếp, chưa đề nghị danh hiệu thi đua.');
  });

  it('says in the report why each unit is or is not proposed', () => {
    const lines = outline(report);
    for (const u of result.units) expect(lines, u.unitId).toContain(`${u.proposalReason}.`);
    expect(lines).toContain('Chưa đề nghị: số liệu chưa đầy đủ (chưa nộp bảng tự chấm).');
  });
});
