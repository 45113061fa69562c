import { describe, expect, it } from 'vitest';
import { buildReport, type ReportMeta } from '../../../src/core/documents';
import { registerSections } from '../../../src/core/documents/registers';
import type { ScoringYear } from '../../../src/core/model';
import { makeResult, makeYear, outline, tables } from './fixtures';

const META: ReportMeta = { number: 12, date: { y: 2021, m: 11, d: 18 } };

function withRegisters(): ScoringYear {
  const year = makeYear(3);
  const [a, b, c] = year.units.map((u) => u.id) as [string, string, string];
  return {
    ...year,
    initiatives: [
      { unitId: b, title: 'Phần mềm quản lý án hình sự', authors: 'Nguyễn Văn A', status: 'recognised', level: 'sector', recognisedOn: '2021-10-15' },
      { unitId: a, title: 'Sổ tay kiểm sát viên', authors: 'Trần Thị B', status: 'registered', level: null, recognisedOn: null },
    ],
    fund: {
      agreed: [{ unitId: a, amount: 3_000_000 }, { unitId: b, amount: 3_000_000 }, { unitId: c, amount: 3_000_000 }],
      entries: [
        { date: '2021-03-10', kind: 'payment', unitId: a, purpose: '', amount: 3_000_000 },
        { date: '2021-03-12', kind: 'payment', unitId: b, purpose: '', amount: 3_000_000 },
        { date: '2021-04-01', kind: 'payment', unitId: c, purpose: '', amount: 1_000_000 },
        { date: '2021-06-01', kind: 'spending', unitId: b, purpose: 'Hỗ trợ công chức có hoàn cảnh khó khăn', amount: 5_000_000 },
      ],
    },
  };
}

describe('the report\'s register sections', () => {
  it('adds III. Sáng kiến and IV. Quỹ before the foot, with the counts, sums and the unit still owing', () => {
    const year = withRegisters();
    const doc = buildReport(year, makeResult(), META);
    const lines = outline(doc);
    const iii = lines.indexOf('III. SÁNG KIẾN, GIẢI PHÁP');
    const iv = lines.findIndex((l) => l.startsWith('IV. QUỸ HỖ TRỢ'));
    expect(iii).toBeGreaterThan(lines.findIndex((l) => l.startsWith('II.')));
    expect(iv).toBeGreaterThan(iii);
    expect(lines[iii + 1]).toBe('Trong năm, các đơn vị đăng ký 2 sáng kiến, giải pháp; 1 sáng kiến, giải pháp được công nhận.');
    expect(lines[iv + 1]).toBe('Tổng mức đóng góp thống nhất: 9.000.000 đồng; đã nộp: 7.000.000 đồng; đã chi hỗ trợ: 5.000.000 đồng; tồn quỹ: 2.000.000 đồng.');
    const c = year.units[2]!.name;
    expect(lines).toContain(`Đơn vị còn phải nộp: ${c} (2.000.000 đồng).`);
    // The last table is the foot (Nơi nhận and signature).
    const t = tables(doc);
    const initiatives = t[t.length - 4]!.cells;
    // Units in Cấu hình order: the first unit's registered initiative comes first.
    expect(initiatives[1]).toEqual(['1', year.units[0]!.name, 'Sổ tay kiểm sát viên', 'Trần Thị B', 'Đăng ký', '']);
    expect(initiatives[2]).toEqual(['2', year.units[1]!.name, 'Phần mềm quản lý án hình sự', 'Nguyễn Văn A', 'Được công nhận', 'Cấp ngành']);
    expect(t[t.length - 3]!.cells.at(-1)).toEqual(['', 'Cộng', '9.000.000', '7.000.000', '2.000.000']);
    expect(t[t.length - 2]!.cells[1]).toEqual(['01/06/2021', 'Hỗ trợ công chức có hoàn cảnh khó khăn', year.units[1]!.name, '5.000.000']);
  });

  it('adds nothing for a year without registers, and says so when the register is empty', () => {
    const plain = makeYear(3);
    expect(outline(buildReport(plain, makeResult(), META)).some((l) => l.includes('SÁNG KIẾN'))).toBe(false);
    const empty = registerSections({ ...plain, initiatives: [] }, 3);
    expect(empty).toHaveLength(2);
    expect(outline({ body: empty } as never)).toEqual(['III. SÁNG KIẾN, GIẢI PHÁP', 'Trong năm, các đơn vị chưa đăng ký sáng kiến, giải pháp nào.']);
  });
});
