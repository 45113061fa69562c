/** Tổng hợp: the score that counts with its source, the gap labelled as computed, and an unfinished year that says so. */
import { describe, expect, it } from 'vitest';
import { computeYear } from '../../src/core/engine';
import { sampleCluster9Year } from '../../src/core/samples';
import { renderSummary, type SummaryInput } from '../../src/workbook/summary';
import type { OutValue } from '../../src/workbook/grid';

function input(year = sampleCluster9Year()): SummaryInput {
  return {
    clusterName: year.cluster.name, year: year.cluster.year, result: computeYear(year), units: year.units, criteria: year.criteria,
    titles: year.rules.titles, status: {}, problems: [], at: '14:05 25/11/2021', by: 'vanphong.binhduong@example.com',
  };
}

/** The ranking table's rows by unit, as header → value. */
function table(rows: OutValue[][]): Map<string, Record<string, OutValue>> {
  const header = rows[3]!.map(String);
  const out = new Map<string, Record<string, OutValue>>();
  for (const row of rows.slice(4)) {
    if (row[1] === '' || row[1] === undefined) break;
    out.set(String(row[1]), Object.fromEntries(header.map((h, i) => [h, row[i]!])));
  }
  return out;
}

describe('renderSummary', () => {
  const rows = renderSummary(input(), { rows: 0, columns: 0 });
  const byUnit = table(rows);

  it('heads the score that counts, its source and the gap as they are computed', () => {
    expect(rows[3]!.slice(0, 8)).toEqual([
      'Hạng', 'Đơn vị', 'Tự chấm', 'Chấm chéo', 'Thống nhất', 'Điểm xếp hạng', 'Nguồn điểm xếp hạng', 'Chênh lệch (tự chấm − điểm xếp hạng)',
    ]);
  });

  it('ranks Tây Ninh on its cross-check score, says so, and prints self minus cross-check as its gap', () => {
    const tn = byUnit.get('Tây Ninh')!;
    expect([tn['Chấm chéo'], tn['Thống nhất'], tn['Điểm xếp hạng'], tn['Nguồn điểm xếp hạng']]).toEqual([79.52, '', 79.52, 'Chấm chéo']);
    expect(tn['Chênh lệch (tự chấm − điểm xếp hạng)']).toBe(0.96);
    expect(Number(tn['Tự chấm']) - Number(tn['Điểm xếp hạng'])).toBeCloseTo(0.96, 10);
  });

  it('ranks a unit with an agreed score on it', () => {
    const dn = byUnit.get('Đồng Nai')!;
    expect([dn['Điểm xếp hạng'], dn['Nguồn điểm xếp hạng'], dn['Chênh lệch (tự chấm − điểm xếp hạng)']]).toEqual([102.75, 'Thống nhất', 0.75]);
  });

  it('marks the unit that has not submitted as incomplete, its rank provisional, proposed for nothing, and says why', () => {
    const tn = byUnit.get('Tây Ninh')!;
    expect(tn['Số liệu']).toBe('Chưa đầy đủ (chưa nộp bảng tự chấm): hạng tạm xếp');
    expect(tn['Danh hiệu đề nghị']).toBe('');
    expect(tn['Lý do đề nghị / không đề nghị']).toBe('Chưa đề nghị: số liệu chưa đầy đủ (chưa nộp bảng tự chấm)');
    expect(byUnit.get('Bình Thuận')!['Số liệu']).toBe('Đầy đủ');
  });

  it('does not say "Số liệu đầy đủ" while a unit is incomplete, and names it', () => {
    const meta = String(rows[1]![0]);
    expect(meta).not.toContain('Số liệu đầy đủ');
    expect(meta).toBe(
      'Tính lúc 14:05 25/11/2021 (vanphong.binhduong@example.com). Số liệu chưa đầy đủ: Tây Ninh (chưa nộp bảng tự chấm). Hạng của các đơn vị này là tạm xếp; chưa đề nghị danh hiệu trừ khi cụm trưởng ghi lý do xét tiếp.',
    );
  });

  it('says "Số liệu đầy đủ" once every unit submitted and nothing is wrong', () => {
    const year = sampleCluster9Year();
    year.submitted = year.units.map((u) => u.id);
    expect(renderSummary(input(year), { rows: 0, columns: 0 })[1]![0]).toBe('Tính lúc 14:05 25/11/2021 (vanphong.binhduong@example.com). Số liệu đầy đủ.');
  });

  it('prints the reason to proceed the cụm trưởng recorded', () => {
    const year = sampleCluster9Year();
    year.proceedReasons = { 'Tây Ninh': 'Đã nhận bản giấy có chữ ký' };
    const tn = table(renderSummary(input(year), { rows: 0, columns: 0 })).get('Tây Ninh')!;
    expect(tn['Số liệu']).toBe('Chưa đầy đủ (chưa nộp bảng tự chấm); cụm trưởng cho xét tiếp: Đã nhận bản giấy có chữ ký');
    // Still registered for nothing: the reason to proceed does not register a title for it.
    expect(tn['Lý do đề nghị / không đề nghị']).toBe('Không đề nghị: chưa đăng ký danh hiệu thi đua (số liệu chưa đầy đủ, cụm trưởng cho xét tiếp: "Đã nhận bản giấy có chữ ký")');
  });
});
