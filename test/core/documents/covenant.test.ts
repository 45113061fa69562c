import { describe, expect, it } from 'vitest';
import {
  buildCovenant,
  criteriaTable,
  defaultSignatureColumns,
  signatureGrid,
  signatureLayout,
  signatureUnitLines,
  type CovenantMeta,
  type Paragraph,
  type Rule,
  type Table,
} from '../../../src/core/documents';
import { allStrings, makeYear, outline, paragraphStarting, tables, textOf, unit } from './fixtures';

const META: CovenantMeta = { number: 1, date: { y: 2021, m: 1, d: 9 }, parentBody: 'Viện kiểm sát nhân dân tối cao' };

function covenant(n = 3, meta: Partial<CovenantMeta> = {}) {
  return buildCovenant(makeYear(n), { ...META, ...meta });
}

function heading(n = 3): Table {
  return tables(covenant(n))[0]!;
}

/** The unit names of the signature grid (its first row of three per row of signatures), lines joined by a space, nulls for empty cells. */
function gridNames(t: Table): (string | null)[][] {
  return t.cells.filter((_, r) => r % 3 === 0).map((row) => row.map((c) => (c === '' ? null : c.split('\n').join(' '))));
}

describe('buildCovenant: contents and order', () => {
  it('runs heading, title, slogan, legal bases, I, II with its two tables, III, then the signatures', () => {
    expect(outline(covenant())).toEqual([
      '[table]',
      'GIAO ƯỚC THI ĐUA',
      'Năm 2021',
      '“Đoàn kết, kỷ cương, khát vọng cống hiến”',
      // The Law "ngày 15 tháng 6 năm 2022" post-dates this covenant of 9 January 2021: not cited.
      'Căn cứ Thông tư số 02/2024/TT-VKSTC;',
      'Để thực hiện thắng lợi nhiệm vụ công tác năm 2021, các đơn vị thành viên Cụm thi đua số 9 thống nhất ký kết Giao ước thi đua với những nội dung sau:',
      'I. MỤC ĐÍCH, YÊU CẦU',
      expect.stringMatching(/^1\. Cụ thể hóa/),
      expect.stringMatching(/^2\. Thông qua thi đua/),
      expect.stringMatching(/^3\. Việc theo dõi/),
      'II. NỘI DUNG, CHỈ TIÊU THI ĐUA',
      '1. Các đơn vị thi đua thực hiện các nội dung, chỉ tiêu theo bảng tiêu chí chấm điểm thi đua dưới đây, tổng điểm chuẩn 100 điểm:',
      '[table]',
      expect.stringMatching(/^Điểm cộng được tính thêm/),
      expect.stringMatching(/^Đơn vị vi phạm một trong các tiêu chí điều kiện/),
      '2. Các đơn vị đăng ký danh hiệu thi đua như sau:',
      '[table]',
      '3. Các đơn vị thành viên giao ước phấn đấu thực hiện tốt các nhiệm vụ sau:',
      expect.stringMatching(/^a\) Tiếp tục tuyên truyền, quán triệt sâu kỹ tư tưởng của Chủ tịch Hồ Chí Minh về thi đua yêu nước; Chỉ thị số 34-CT\/TW .*;$/),
      expect.stringMatching(/^b\) Đẩy mạnh thực hiện tốt các phong trào thi đua do Viện kiểm sát nhân dân tối cao phát động .*;$/),
      expect.stringMatching(/^c\) Thống nhất mức đóng góp kinh phí của Cụm để hỗ trợ cán bộ, công chức và người lao động trong Cụm có hoàn cảnh khó khăn.*;$/),
      'd) Mỗi đơn vị cử 02 thành viên tham gia Đoàn kiểm tra chéo giữa các đơn vị trong việc thực hiện nội dung, tiêu chí thi đua trong năm.',
      'III. TỔ CHỨC THỰC HIỆN',
      expect.stringMatching(/^1\. Cụm trưởng năm 2021/),
      expect.stringMatching(/^2\. Sơ kết/),
      expect.stringMatching(/^3\. Chấm điểm/),
      expect.stringMatching(/^4\. Xếp loại/),
      expect.stringMatching(/^5\. Bình xét, suy tôn/),
      '6. Các danh hiệu được xét đề nghị:',
      '- Cờ thi đua của Viện kiểm sát nhân dân tối cao (tối đa 01 đơn vị, dành cho đơn vị dẫn đầu Cụm, qua bỏ phiếu);',
      '- Tập thể lao động tiên tiến.',
      'Giao ước này có hiệu lực kể từ ngày ký. Các đơn vị thành viên cam kết thực hiện nghiêm túc các nội dung đã giao ước./.',
      'ĐẠI DIỆN CÁC ĐƠN VỊ KÝ GIAO ƯỚC',
      '[table]',
      'Nơi nhận:',
      '- Hội đồng Thi đua – Khen thưởng ngành Kiểm sát nhân dân (để báo cáo);\n- Vụ Thi đua – Khen thưởng Viện kiểm sát nhân dân tối cao;\n- Các đơn vị thành viên Cụm (để thực hiện);\n- Lưu: VT, Cụm trưởng.',
    ]);
  });

  it('ends with "Nơi nhận:" after the signatures, 12 pt bold italic over an 11 pt list (Nghị định 30/2020, Phụ lục I)', () => {
    const [label, list] = covenant().body.slice(-2) as [Paragraph, Paragraph];
    expect([label, list].map((p) => p.runs.map((r) => [r.sizePt, r.bold, r.italic]))).toEqual([[[12, true, true]], [[11, false, false]]]);
    expect([label.format.align, list.format.align]).toEqual(['left', 'left']);
  });

  it('never prints the sample table’s drafting note', () => {
    const year = makeYear(3);
    year.criteria.name = 'Bảng tiêu chí mẫu 100 điểm (VKSND cấp tỉnh, cần điều chỉnh theo giao ước của cụm) — năm 2021';
    expect(allStrings(buildCovenant(year, META)).join('\n')).not.toContain('cần điều chỉnh');
  });

  it('leaves out the slogan line when the cluster has none', () => {
    const year = makeYear(3);
    delete year.cluster.slogan;
    expect(outline(buildCovenant(year, META)).some((t) => t.startsWith('“'))).toBe(false);
  });

  it('names the leader and deputy units', () => {
    expect(textOf(paragraphStarting(covenant(), '1. Cụm trưởng'))).toContain(
      'Cụm trưởng năm 2021: Viện kiểm sát nhân dân tỉnh Bình Dương; Cụm phó: Viện kiểm sát nhân dân tỉnh Bình Phước.',
    );
  });

  it('writes given review dates with leading zeros', () => {
    const doc = covenant(3, { reviews: { midYear: { y: 2021, m: 6, d: 5 }, yearEnd: 'tháng 11 năm 2021' } });
    expect(textOf(paragraphStarting(doc, '2. Sơ kết'))).toBe(
      '2. Sơ kết công tác thi đua 6 tháng đầu năm: ngày 05 tháng 6 năm 2021; tổng kết công tác thi đua năm: tháng 11 năm 2021.',
    );
  });

  it('states the cross-check team size with a leading zero', () => {
    expect(textOf(paragraphStarting(covenant(3, { crossCheckMembersPerUnit: 3 }), '3. Chấm điểm'))).toContain('mỗi đơn vị cử 03 thành viên');
  });

  it('states the classification bands from the rules', () => {
    expect(textOf(paragraphStarting(covenant(), '4. Xếp loại'))).toBe(
      '4. Xếp loại theo tỷ lệ tổng điểm đạt được so với tổng điểm chuẩn: từ 90% trở lên: Hoàn thành xuất sắc nhiệm vụ; từ 70% đến dưới 90%: Hoàn thành tốt nhiệm vụ; từ 50% đến dưới 70%: Hoàn thành nhiệm vụ; dưới 50%: Không hoàn thành nhiệm vụ.',
    );
  });

  it('states the ballot threshold and its base from the rules', () => {
    const year = makeYear(3);
    year.rules.ballotThresholdPercent = 66.67;
    year.rules.ballotBase = 'valid';
    const doc = buildCovenant(year, META);
    expect(textOf(paragraphStarting(doc, '5. Bình xét'))).toBe(
      '5. Bình xét, suy tôn bằng hình thức bỏ phiếu kín; đơn vị được đề nghị khi đạt từ 66,67% số phiếu đồng ý trở lên so với tổng số phiếu hợp lệ.',
    );
  });

  it('lists the commitments given instead of the standard ones, a) b) …', () => {
    const doc = covenant(3, { commitments: ['Mỗi đơn vị đóng góp 5.000.000 đồng vào quỹ hỗ trợ của Cụm.', 'Cử 03 thành viên'] });
    expect(outline(doc)).toContain('a) Mỗi đơn vị đóng góp 5.000.000 đồng vào quỹ hỗ trợ của Cụm;');
    expect(outline(doc)).toContain('b) Cử 03 thành viên.');
    expect(outline(doc).some((t) => t.startsWith('c) '))).toBe(false);
  });

  it('drops the basis dated after the covenant and the one replaced by its date', () => {
    const year = makeYear(3);
    year.rules.legalBases = [
      'Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ',
      'Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ',
    ];
    const march = outline(buildCovenant(year, { ...META, date: { y: 2025, m: 3, d: 5 } })).filter((t) => t.startsWith('Căn cứ'));
    expect(march).toEqual(['Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ;']);
    const november = outline(buildCovenant(year, { ...META, date: { y: 2025, m: 11, d: 20 } })).filter((t) => t.startsWith('Căn cứ'));
    expect(november).toEqual(['Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ;']);
  });

  it('replaces the default purposes with the given ones', () => {
    const doc = covenant(3, { purposes: ['Thi đua thực chất.'] });
    expect(outline(doc)).toContain('1. Thi đua thực chất.');
    expect(outline(doc).some((t) => t.startsWith('2. Thông qua thi đua'))).toBe(false);
  });

  it('sets the legal bases in italics', () => {
    const p = paragraphStarting(covenant(), 'Căn cứ Thông tư');
    expect(p.runs.every((r) => r.italic)).toBe(true);
  });
});

describe('buildCovenant: heading block', () => {
  it('is a borderless two-column table of 213.72 and 254 pt', () => {
    const t = heading();
    expect([t.borders, t.columns.map((c) => c.widthPt)]).toEqual([false, [213.72, 254]]);
  });

  it('gives appendTable the heading text, one line per paragraph, rules as empty lines', () => {
    expect(heading().cells).toEqual([
      [
        'VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO\nCỤM THI ĐUA SỐ 9\n\nSố: 01/GƯ-CTĐ9',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nBình Dương, ngày 09 tháng 01 năm 2021',
      ],
    ]);
  });

  it('sets the parent body in plain caps and the cluster in bold caps, 12 pt', () => {
    const [parent, cluster] = heading().rich['0:0'] as Paragraph[];
    expect(parent!.runs[0]).toMatchObject({ bold: false, sizePt: 12 });
    expect(cluster!.runs[0]).toMatchObject({ text: 'CỤM THI ĐUA SỐ 9', bold: true, sizePt: 12 });
  });

  it('draws a 56 pt rule under the cluster name and writes the 13 pt number below it', () => {
    const left = heading().rich['0:0']!;
    expect(left[2]).toEqual({ kind: 'rule', widthPt: 56, align: 'center', weightPt: 0.75 });
    expect((left[3] as Paragraph).runs[0]).toMatchObject({ text: 'Số: 01/GƯ-CTĐ9', sizePt: 13, bold: false });
  });

  it('sets the nation line bold 12 pt and the motto bold 13 pt over a rule as long as the motto', () => {
    const [nation, motto, rule] = heading().rich['0:1']!;
    expect((nation as Paragraph).runs[0]).toMatchObject({ bold: true, sizePt: 12 });
    expect((motto as Paragraph).runs[0]).toMatchObject({ text: 'Độc lập - Tự do - Hạnh phúc', bold: true, sizePt: 13 });
    expect((rule as Rule).widthPt).toBe(164);
  });

  it('sets the place and date in 14 pt italics, centred', () => {
    const date = heading().rich['0:1']![3] as Paragraph;
    expect([date.format.align, date.runs[0]!.italic, date.runs[0]!.sizePt]).toEqual(['center', true, 14]);
  });

  it('leaves the parent body out when none is given', () => {
    const doc = buildCovenant(makeYear(3), { number: 1, date: { y: 2021, m: 1, d: 9 } });
    expect(tables(doc)[0]!.cells[0]![0]).toBe('CỤM THI ĐUA SỐ 9\n\nSố: 01/GƯ-CTĐ9');
  });

  it('takes the place from the meta over the cluster', () => {
    const doc = covenant(3, { place: 'Đồng Nai' });
    expect(tables(doc)[0]!.cells[0]![1]).toMatch(/\nĐồng Nai, ngày 09 tháng 01 năm 2021$/);
  });

  it('leaves the number blank when there is none', () => {
    const doc = covenant(3, { number: null });
    expect(tables(doc)[0]!.cells[0]![0]).toMatch(/\nSố:       \/GƯ-CTĐ9$/);
  });
});

describe('buildCovenant: format', () => {
  it('sets the document type bold caps 14 pt, centred, and the year bold below it', () => {
    const doc = covenant();
    const [type, subject] = [paragraphStarting(doc, 'GIAO ƯỚC'), paragraphStarting(doc, 'Năm 2021')];
    expect([type.format.align, type.runs[0]!.bold, type.runs[0]!.sizePt]).toEqual(['center', true, 14]);
    expect([subject.format.align, subject.runs[0]!.bold]).toEqual(['center', true]);
  });

  it('sets body paragraphs justified, 14 pt, 1.27 cm first-line indent, 1.15 lines, 6 pt after', () => {
    const p = paragraphStarting(covenant(), '3. Việc theo dõi');
    expect(p.format).toEqual({
      align: 'justify',
      firstLineIndentPt: 36,
      indentStartPt: 0,
      lineSpacing: 1.15,
      spaceBeforePt: 0,
      spaceAfterPt: 6,
      keepWithNext: false,
    });
    expect(p.runs.map((r) => [r.sizePt, r.bold, r.italic])).toEqual([[14, false, false]]);
  });

  it('sets section headings in bold and keeps them with what follows', () => {
    const p = paragraphStarting(covenant(), 'III. TỔ CHỨC');
    expect([p.runs[0]!.bold, p.format.keepWithNext]).toEqual([true, true]);
  });

  it('is A4 with margins of 56.69, 56.69, 85.04 and 42.52 pt in Times New Roman', () => {
    const doc = covenant();
    expect(doc.page).toEqual({ widthPt: 595.28, heightPt: 841.89, marginTopPt: 56.69, marginBottomPt: 56.69, marginLeftPt: 85.04, marginRightPt: 42.52 });
    expect(doc.fontFamily).toBe('Times New Roman');
  });

  it('numbers pages at the top centre from page 2', () => {
    expect(covenant().pageNumbering).toEqual({ align: 'center', sizePt: 14, onFirstPage: false });
  });

  it('names the file after the year and the cluster', () => {
    expect(covenant().title).toBe('Giao ước thi đua năm 2021 - Cụm thi đua số 9');
  });
});

describe('criteriaTable', () => {
  const t = criteriaTable(makeYear(3).criteria);

  it('is a string[][] with code, content, max points and target; groups sum their standard rows', () => {
    expect(t.cells).toEqual([
      ['STT', 'Nội dung tiêu chí', 'Điểm chuẩn', 'Chỉ tiêu'],
      ['I', 'Công tác chuyên môn', '60', ''],
      ['I.1', 'Tỷ lệ giải quyết tin báo', '30', '90%'],
      ['I.2', 'Chất lượng kiểm sát', '30', ''],
      ['II', 'Quản lý, chỉ đạo', '40', ''],
      ['II.1', 'Xây dựng kế hoạch', '40', ''],
      ['III', 'Điểm cộng', '+5', ''],
      ['III.1', 'Sáng kiến được công nhận', '+5', ''],
      ['IV', 'Điểm trừ', '-5', ''],
      ['IV.1', 'Chậm báo cáo', '-5', ''],
      ['V', 'Điều kiện xét danh hiệu', 'Điều kiện', ''],
      ['V.1', 'Kỷ luật từ cảnh cáo', 'Điều kiện', ''],
      ['', 'Tổng cộng', '100', ''],
    ]);
  });

  it('flags the header, the group rows and the total row bold', () => {
    expect(t.rows.map((r) => r.bold)).toEqual([true, true, false, false, true, false, true, false, true, false, true, false, true]);
  });

  it('has borders, one repeated header row and columns filling the text width but a hair', () => {
    expect([t.borders, t.headerRows]).toEqual([true, 1]);
    expect(t.columns.reduce((a, c) => a + c.widthPt, 0)).toBeCloseTo(466.72, 1);
  });

  it('writes a target with its unit after a space, and a % glued on', () => {
    const year = makeYear(3);
    year.criteria.rows[1] = { ...year.criteria.rows[1]!, target: 12, unitOfMeasure: 'phiên' };
    expect(criteriaTable(year.criteria).cells[2]![3]).toBe('12 phiên');
  });

  it('writes decimal points with a comma', () => {
    const year = makeYear(3);
    year.criteria.rows[2] = { ...year.criteria.rows[2]!, maxPoints: 29.5 };
    expect(criteriaTable(year.criteria).cells[1]![2]).toBe('59,5');
  });
});

describe('registration table', () => {
  it('lists each unit with the names of its registered titles, or "Chưa đăng ký"', () => {
    expect(tables(covenant())[2]!.cells).toEqual([
      ['STT', 'Đơn vị', 'Danh hiệu đăng ký'],
      ['1', 'Viện kiểm sát nhân dân tỉnh Bình Thuận', 'Tập thể lao động tiên tiến'],
      ['2', 'Viện kiểm sát nhân dân tỉnh Bình Dương', 'Cờ thi đua của Viện kiểm sát nhân dân tối cao'],
      ['3', 'Viện kiểm sát nhân dân tỉnh Bình Phước', 'Chưa đăng ký'],
    ]);
  });
});

describe('signature grid', () => {
  const units = (n: number) => Array.from({ length: n }, (_, i) => unit(i));
  const caps = (i: number) => signatureUnitLines(unit(i).name).join(' ');

  it('puts 3 units in one row of 3', () => {
    expect(gridNames(signatureGrid(units(3)))).toEqual([[caps(0), caps(1), caps(2)]]);
  });

  it('puts 6 units in two rows of 3', () => {
    expect(gridNames(signatureGrid(units(6)))).toEqual([
      [caps(0), caps(1), caps(2)],
      [caps(3), caps(4), caps(5)],
    ]);
  });

  it('puts 7 units in rows of 3 with the seventh centred', () => {
    expect(gridNames(signatureGrid(units(7)))).toEqual([
      [caps(0), caps(1), caps(2)],
      [caps(3), caps(4), caps(5)],
      [null, caps(6), null],
    ]);
  });

  it('puts 4 units in two rows of 2', () => {
    expect(gridNames(signatureGrid(units(4)))).toEqual([
      [caps(0), caps(1)],
      [caps(2), caps(3)],
    ]);
  });

  it('spreads a last row of two under three columns to the sides', () => {
    expect(signatureLayout(5, 3)).toEqual([
      [0, 1, 2],
      [3, null, 4],
    ]);
  });

  it('uses three table rows per row of signatures, unit, title and name each on its own so that they line up', () => {
    const t = signatureGrid(units(7));
    expect([t.cells.length, t.cells.every((r) => r.length === 3)]).toEqual([9, true]);
    expect(t.cells[1]).toEqual(['VIỆN TRƯỞNG', 'VIỆN TRƯỞNG', 'VIỆN TRƯỞNG']);
    expect(t.cells[2]).toEqual(['\n\n\n\nTrần Minh Khoa', '\n\n\n\nLê Thị Thu Hà', '\n\n\n\nPhạm Quốc Bảo']);
  });

  it('writes a procuracy in short form, "VIỆN KSND" over the place, so that no line breaks mid-phrase', () => {
    expect(signatureUnitLines('Viện kiểm sát nhân dân tỉnh Bà Rịa – Vũng Tàu')).toEqual(['VIỆN KSND', 'TỈNH BÀ RỊA –', 'VŨNG TÀU']);
    expect(signatureUnitLines('Viện kiểm sát nhân dân tỉnh Bình Thuận')).toEqual(['VIỆN KSND', 'TỈNH BÌNH THUẬN']);
    expect(signatureUnitLines('VKSND thành phố Hà Nội')).toEqual(['VIỆN KSND', 'THÀNH PHỐ HÀ NỘI']);
    expect(signatureUnitLines('Văn phòng VKSND tối cao')).toEqual(['VĂN PHÒNG VKSND TỐI CAO']);
  });

  it('sets unit name and head title in bold caps, the name in bold', () => {
    const t = signatureGrid(units(3));
    const upper = [...(t.rich['0:0'] as Paragraph[]), ...(t.rich['1:0'] as Paragraph[])];
    const lower = t.rich['2:0'] as Paragraph[];
    expect(upper.map((p) => [textOf(p), p.runs[0]!.bold])).toEqual([
      ['VIỆN KSND', true],
      ['TỈNH BÌNH THUẬN', true],
      ['VIỆN TRƯỞNG', true],
    ]);
    expect(lower.map((p) => p.runs[0]?.text)).toEqual(['', '', '', '', 'Trần Minh Khoa']);
    expect(lower[4]!.runs[0]!.bold).toBe(true);
  });

  it('is borderless and as wide as the text', () => {
    const t = signatureGrid(units(6));
    expect(t.borders).toBe(false);
    expect(t.columns.reduce((a, c) => a + c.widthPt, 0)).toBeCloseTo(467.72, 1);
  });

  it('uses 3 columns by default, 2 for two or four units, 1 for one', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(defaultSignatureColumns)).toEqual([1, 2, 3, 2, 3, 3, 3]);
  });

  it('holds every unit of the covenant exactly once, in order', () => {
    const doc = covenant(7);
    const grid = tables(doc).at(-1)!;
    const names = gridNames(grid).flat().filter((x) => x !== null);
    expect(names).toEqual(Array.from({ length: 7 }, (_, i) => caps(i)));
  });

  it('follows the columns asked for', () => {
    const doc = covenant(6, { signatureColumns: 2 });
    expect(gridNames(tables(doc).at(-1)!).map((r) => r.length)).toEqual([2, 2, 2]);
  });
});

describe('Vietnamese text', () => {
  it('comes out NFC from NFD input', () => {
    const year = makeYear(3);
    const nfd = (s: string) => s.normalize('NFD');
    year.cluster.name = nfd(year.cluster.name);
    year.cluster.place = nfd('Bình Dương');
    year.units = year.units.map((u) => ({ ...u, name: nfd(u.name), headName: nfd(u.headName), headTitle: nfd(u.headTitle) }));
    year.rules.legalBases = year.rules.legalBases.map(nfd);
    year.criteria.rows = year.criteria.rows.map((r) => ({ ...r, content: nfd(r.content) }));
    const doc = buildCovenant(year, META);
    const strings = allStrings(doc);
    expect(strings.filter((s) => s !== s.normalize('NFC'))).toEqual([]);
    expect(strings).toContain('TỈNH BÌNH DƯƠNG');
    expect(strings).toContain('CỤM THI ĐUA SỐ 9');
  });
});
