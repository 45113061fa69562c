import { describe, expect, it } from 'vitest';
import { planTable, uniformFormat, writeDocument } from '../../src/adapters/documents';
import {
  TEXT_WIDTH_PT, buildCovenant, buildMinutes, buildProposal, buildReport, mmToPt, signatureUnitLines, type DocModel, type Paragraph, type Table,
} from '../../src/core/documents';
import { computeYear } from '../../src/core/engine';
import type { ScoringYear } from '../../src/core/model';
import { generateYear, sampleCluster9Year } from '../../src/core/samples';
import { FakeEnv } from '../fakes/env';
import {
  createDocumentFakes, docText, flattenParagraphs, nonNfcTexts, paragraphsOf, plainDocument, styleOf, tablesOf,
  type PlainCell, type PlainParagraph, type PlainTable,
} from '../fakes/documents';

const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
const PARENT = 'Viện kiểm sát nhân dân tối cao';

function fakes() {
  const env = new FakeEnv('chanh.vp@vks.example');
  return { env, ...createDocumentFakes(env) };
}

/** Writes a model into a new document of the fakes; calls counted from the write on. */
function write(model: DocModel) {
  const f = fakes();
  const doc = f.DocumentApp.create(model.title);
  f.env.resetCalls();
  writeDocument(f.DocumentApp, doc, model);
  return { ...f, doc, plain: plainDocument(doc) };
}

const sample = sampleCluster9Year(2021);
const sampleResult = computeYear(sample);

function covenantOf(year: ScoringYear = sample): DocModel {
  return buildCovenant(year, { number: 1, date: { y: 2021, m: 1, d: 9 }, parentBody: PARENT });
}

function minutesOf(): DocModel {
  return buildMinutes(sample, sampleResult, {
    number: 3,
    date: { y: 2021, m: 11, d: 16 },
    start: { y: 2021, m: 11, d: 16, h: 8, min: 0 },
    venue: 'Hội trường Viện kiểm sát nhân dân tỉnh Bình Dương',
    chair: { name: 'Lê Thị Thu Hà' },
    secretary: { name: 'Ngô Văn Sơn' },
    attendees: ['Đồng chí A', 'Đồng chí B'],
  });
}

const reportOf = (): DocModel => buildReport(sample, sampleResult, { number: 12, date: { y: 2021, m: 11, d: 18 } });
const proposalOf = (): DocModel => buildProposal(sample, sampleResult, { number: 5, date: { y: 2021, m: 11, d: 20 } });

/** Every paragraph of the body, those in tables included. */
function allParagraphs(plain: ReturnType<typeof plainDocument>): PlainParagraph[] {
  return flattenParagraphs(plain.body.children);
}

function paragraph(plain: ReturnType<typeof plainDocument>, text: string): PlainParagraph {
  const p = allParagraphs(plain).find((x) => x.text === text);
  if (!p) throw new Error(`no paragraph "${text}"`);
  return p;
}

/** The model's text as docText shows it: one line per paragraph, cells " | ", cell lines " / ". */
function modelText(model: DocModel): string {
  const para = (p: Paragraph) => p.runs.map((r) => r.text).join('');
  return model.body
    .map((b) => {
      if (b.kind === 'paragraph') return para(b);
      if (b.kind === 'rule') return '―――――';
      return b.cells.map((row) => row.map((c) => c.replace(/\n/g, ' / ')).join(' | ')).join('\n');
    })
    .join('\n');
}

function lastTable(plain: ReturnType<typeof plainDocument>): PlainTable {
  const tables = plain.body.children.filter((b): b is PlainTable => b.type === 'TABLE');
  return tables[tables.length - 1]!;
}

describe('writing a document model into Google Docs', () => {
  it('writes every block of the covenant in the model order, nothing left over', () => {
    const model = covenantOf();
    const { doc } = write(model);
    expect(docText(doc)).toBe(modelText(model));
  });

  it('writes the minutes, the report and the proposal in the model order too', () => {
    for (const model of [minutesOf(), reportOf(), proposalOf()]) {
      const { doc } = write(model);
      expect(docText(doc)).toBe(modelText(model));
    }
  });

  it('sets an A4 page in points with margins inside the decree ranges', () => {
    const { plain } = write(covenantOf());
    expect(plain.page.width).toBeCloseTo(595.28, 1);
    expect(plain.page.height).toBeCloseTo(841.89, 1);
    for (const m of [plain.page.marginTop, plain.page.marginBottom]) {
      expect(m).toBeGreaterThanOrEqual(mmToPt(20) - 0.01);
      expect(m).toBeLessThanOrEqual(mmToPt(25) + 0.01);
    }
    expect(plain.page.marginLeft).toBeGreaterThanOrEqual(mmToPt(30) - 0.01);
    expect(plain.page.marginLeft).toBeLessThanOrEqual(mmToPt(35) + 0.01);
    expect(plain.page.marginRight).toBeGreaterThanOrEqual(mmToPt(15) - 0.01);
    expect(plain.page.marginRight).toBeLessThanOrEqual(mmToPt(20) + 0.01);
  });

  it('writes every character in black Times New Roman, tables included', () => {
    for (const model of [covenantOf(), reportOf()]) {
      const { plain } = write(model);
      const runs = allParagraphs(plain).flatMap((p) => p.runs);
      expect(runs.length).toBeGreaterThan(50);
      expect(new Set(runs.map((r) => r.attributes.FONT_FAMILY))).toEqual(new Set(['Times New Roman']));
      expect(new Set(runs.map((r) => r.attributes.FOREGROUND_COLOR))).toEqual(new Set(['#000000']));
    }
  });

  it('sets body paragraphs justified at 13–14 pt with a first-line indent and line spacing 1–1.5', () => {
    const { plain } = write(covenantOf());
    const body = plain.body.children.filter((b): b is PlainParagraph =>
      b.type === 'PARAGRAPH' && (b.text.startsWith('Căn cứ') || b.text.startsWith('Để thực hiện') || /^\d+\. /.test(b.text)));
    expect(body.length).toBeGreaterThan(8);
    for (const p of body) {
      expect(p.attributes.HORIZONTAL_ALIGNMENT).toBe('JUSTIFY');
      expect(p.attributes.INDENT_FIRST_LINE).toBeGreaterThanOrEqual(28);
      expect(p.attributes.INDENT_FIRST_LINE).toBeLessThanOrEqual(36.1);
      expect(p.attributes.LINE_SPACING).toBeGreaterThanOrEqual(1);
      expect(p.attributes.LINE_SPACING).toBeLessThanOrEqual(1.5);
      for (const r of p.runs) {
        expect(r.attributes.FONT_SIZE).toBeGreaterThanOrEqual(13);
        expect(r.attributes.FONT_SIZE).toBeLessThanOrEqual(14);
      }
    }
  });

  it('writes the national motto block: the nation line bold caps 12–13 pt, the motto bold 13–14 pt, a rule as long as the motto under it', () => {
    const { plain, doc } = write(covenantOf());
    const heading = tablesOf(doc)[0]!;
    const right = heading.rows[0]!.cells[1]!.children as PlainParagraph[];
    expect(right.map((p) => p.text)).toEqual([NATION, MOTTO, '', 'Bình Dương, ngày 09 tháng 01 năm 2021']);
    const nation = styleOf(doc, NATION)!.attributes;
    expect(nation.BOLD).toBe(true);
    expect(nation.FONT_SIZE).toBeGreaterThanOrEqual(12);
    expect(nation.FONT_SIZE).toBeLessThanOrEqual(13);
    expect(NATION).toBe(NATION.toUpperCase());
    const motto = styleOf(doc, MOTTO)!.attributes;
    expect(motto.BOLD).toBe(true);
    expect(motto.FONT_SIZE).toBeGreaterThanOrEqual(13);
    expect(motto.FONT_SIZE).toBeLessThanOrEqual(14);
    expect(paragraph(plain, NATION).attributes.HORIZONTAL_ALIGNMENT).toBe('CENTER');
    const rule = right[2]!;
    expect(rule.inline).toEqual(['HORIZONTAL_RULE']);
    const cellWidth = heading.columnWidths[1]!;
    const ruleLength = cellWidth - (rule.attributes.INDENT_START as number) - (rule.attributes.INDENT_END as number);
    expect(ruleLength).toBeCloseTo(164, 0);
    expect(heading.attributes.BORDER_WIDTH).toBe(0);
  });

  it('writes the issuing body in bold caps over a short rule, and the number with a leading zero', () => {
    const { doc } = write(covenantOf());
    const left = tablesOf(doc)[0]!.rows[0]!.cells[0]!.children as PlainParagraph[];
    expect(left.map((p) => p.text)).toEqual([PARENT.toUpperCase(), 'CỤM THI ĐUA SỐ 9', '', 'Số: 01/GƯ-CTĐ9']);
    expect(styleOf(doc, 'CỤM THI ĐUA SỐ 9')!.attributes.BOLD).toBe(true);
    expect(styleOf(doc, PARENT.toUpperCase())!.attributes.BOLD).toBe(false);
    expect(left[2]!.inline).toEqual(['HORIZONTAL_RULE']);
    const width = tablesOf(doc)[0]!.columnWidths[0]!;
    const ruleLength = width - (left[2]!.attributes.INDENT_START as number) - (left[2]!.attributes.INDENT_END as number);
    expect(ruleLength).toBeCloseTo(56, 0);
  });

  it('writes the place and date in italics with leading zeros on day and month', () => {
    const { doc } = write(covenantOf());
    const date = styleOf(doc, 'ngày 09 tháng 01 năm 2021');
    expect(date).not.toBeNull();
    expect(date!.attributes.ITALIC).toBe(true);
    expect(date!.attributes.BOLD).toBe(false);
  });

  it('writes the document type in bold caps, centred', () => {
    const { doc } = write(covenantOf());
    const type = styleOf(doc, 'GIAO ƯỚC THI ĐUA')!;
    expect(type.paragraph.text).toBe('GIAO ƯỚC THI ĐUA');
    expect(type.attributes.BOLD).toBe(true);
    expect(type.paragraph.attributes.HORIZONTAL_ALIGNMENT).toBe('CENTER');
  });

  it('writes "Nơi nhận:" 12 pt bold italic with an 11 pt list where the document has one', () => {
    for (const model of [reportOf(), proposalOf()]) {
      const { doc } = write(model);
      const label = styleOf(doc, 'Nơi nhận:')!;
      expect(label.attributes.FONT_SIZE).toBe(12);
      expect(label.attributes.BOLD).toBe(true);
      expect(label.attributes.ITALIC).toBe(true);
      expect(label.paragraph.attributes.HORIZONTAL_ALIGNMENT).toBe('LEFT');
      const cell = lastTable(plainDocument(doc)).rows[0]!.cells[0]!.children as PlainParagraph[];
      expect(cell.length).toBeGreaterThan(1);
      for (const item of cell.slice(1)) {
        expect(item.text.startsWith('- ')).toBe(true);
        expect(new Set(item.runs.map((r) => r.attributes.FONT_SIZE))).toEqual(new Set([11]));
        expect(new Set(item.runs.map((r) => r.attributes.BOLD))).toEqual(new Set([false]));
      }
    }
  });

  it('writes "Nơi nhận:" at the foot of the covenant, in one paragraph, and none in the minutes', () => {
    const text = docText(write(covenantOf()).doc);
    expect(text).toContain('Nơi nhận:\n- Hội đồng Thi đua – Khen thưởng ngành Kiểm sát nhân dân (để báo cáo);');
    expect(text.trimEnd().endsWith('- Lưu: VT, Cụm trưởng.')).toBe(true);
    expect(docText(write(minutesOf()).doc)).not.toContain('Nơi nhận:');
  });

  it('formats the criteria table: header bold and centred, group and total rows bold, the rest plain, one appendTable', () => {
    const model = covenantOf();
    const { doc, env } = write(model);
    const criteria = model.body.filter((b): b is Table => b.kind === 'table')[1]!;
    const table = tablesOf(doc)[1]!;
    expect(table.cells).toEqual(criteria.cells);
    expect(table.attributes.BORDER_WIDTH).toBeGreaterThan(0);
    table.rows.forEach((row, r) => {
      for (const cell of row.cells) {
        const p = cell.children[0] as PlainParagraph;
        for (const run of p.runs) expect(run.attributes.BOLD).toBe(criteria.rows[r]!.bold);
        expect(p.runs.every((run) => run.attributes.FONT_SIZE === criteria.sizePt)).toBe(true);
      }
    });
    for (const cell of table.rows[0]!.cells) expect((cell.children[0] as PlainParagraph).attributes.HORIZONTAL_ALIGNMENT).toBe('CENTER');
    expect(table.columnWidths).toEqual(criteria.columns.map((c) => c.widthPt));
    expect(env.count('Body.appendTable') + env.count('Body.insertTable')).toBe(model.body.filter((b) => b.kind === 'table').length);
  });

  it('lays out the signature grid for 3, 6 and 7 units: the unit in short form, the title, room to sign and the name, each part on its own row', () => {
    const expected: Record<number, (number | null)[][]> = {
      3: [[0, 1, 2]],
      6: [[0, 1, 2], [3, 4, 5]],
      7: [[0, 1, 2], [3, 4, 5], [null, 6, null]],
    };
    for (const n of [3, 6, 7]) {
      const year = { ...sample, units: generateYear({ units: n, criteria: 5, seed: n }).units };
      const { plain } = write(covenantOf(year));
      const grid = lastTable(plain);
      expect(grid.rows.length).toBe(expected[n]!.length * 3);
      expect(grid.attributes.BORDER_WIDTH).toBe(0);
      expected[n]!.forEach((slots, i) => {
        slots.forEach((u, c) => {
          const [name, title, sign] = [0, 1, 2].map((k) => grid.rows[3 * i + k]!.cells[c]!) as [PlainCell, PlainCell, PlainCell];
          if (u === null) {
            expect(name.text + title.text + sign.text).toBe('');
            return;
          }
          const unit = year.units[u]!;
          expect(name.text).toBe(signatureUnitLines(unit.name).join('\n'));
          expect(title.text).toBe(unit.headTitle.toUpperCase());
          expect(sign.text).toBe(`\n\n\n\n${unit.headName}`);
          for (const cell of [name, title, sign]) {
            const p = cell.children[0] as PlainParagraph;
            expect(cell.children.length).toBe(1);
            expect(p.attributes.HORIZONTAL_ALIGNMENT).toBe('CENTER');
            expect(p.runs.every((r) => r.attributes.BOLD === true && r.attributes.FONT_SIZE === 13)).toBe(true);
          }
          expect((name.children[0] as PlainParagraph).attributes.SPACING_BEFORE).toBe(12);
        });
      });
      const heading = plain.body.children.find((b): b is PlainParagraph => b.type === 'PARAGRAPH' && b.text === 'ĐẠI DIỆN CÁC ĐƠN VỊ KÝ GIAO ƯỚC');
      expect(heading?.runs[0]?.attributes.BOLD).toBe(true);
    }
  });

  it('keeps the lines of a one-format cell in one paragraph joined by "\\n", as appendTable leaves them', () => {
    const { doc } = write(minutesOf());
    const signatures = lastTable(plainDocument(doc));
    for (const cell of signatures.rows[0]!.cells) {
      expect(cell.children.length).toBe(1);
      expect(cell.text).toContain('\n');
    }
  });

  it('rebuilds a cell of mixed formats paragraph by paragraph instead of sending "\\n" to appendTable', () => {
    const { doc } = write(covenantOf());
    for (const cell of tablesOf(doc)[0]!.rows[0]!.cells) {
      expect(cell.children.length).toBe(4);
      for (const p of cell.children as PlainParagraph[]) expect(p.text).not.toContain('\n');
    }
  });

  it('gives a rebuilt cell the padding of the model instead of Docs\' 5 pt', () => {
    const { doc } = write(covenantOf());
    for (const cell of tablesOf(doc)[0]!.rows[0]!.cells) {
      expect(cell.attributes.PADDING_LEFT).toBe(0);
      expect(cell.attributes.PADDING_TOP).toBe(0);
    }
  });

  it('writes a run in another style inside a paragraph over its own characters only', () => {
    const model = covenantOf();
    const mixed: Paragraph = {
      kind: 'paragraph',
      format: { align: 'justify', firstLineIndentPt: 36, indentStartPt: 0, lineSpacing: 1.15, spaceBeforePt: 0, spaceAfterPt: 6, keepWithNext: false },
      runs: [
        { text: 'Phương châm: ', bold: true, italic: false, underline: false, sizePt: 14 },
        { text: 'Đoàn kết, trách nhiệm, khát vọng cống hiến', bold: false, italic: true, underline: false, sizePt: 14 },
      ],
    };
    model.body.push(mixed);
    const { doc } = write(model);
    expect(styleOf(doc, 'Phương châm:')!.attributes.BOLD).toBe(true);
    expect(styleOf(doc, 'Phương châm:')!.attributes.ITALIC).toBe(false);
    const rest = styleOf(doc, 'Đoàn kết, trách nhiệm, khát vọng cống hiến')!.attributes;
    expect(rest.BOLD).toBe(false);
    expect(rest.ITALIC).toBe(true);
  });

  it('puts blocks that come before the first paragraph above the new document\'s empty paragraph, which takes that paragraph', () => {
    const { plain } = write(covenantOf());
    expect(plain.body.children[0]!.type).toBe('TABLE');
    expect((plain.body.children[1] as PlainParagraph).text).toBe('GIAO ƯỚC THI ĐUA');
    expect(plain.body.children.filter((b) => b.type === 'PARAGRAPH' && b.text === '' && b.inline.length === 0)).toEqual([]);
  });

  it('draws a rule of the body as an indented horizontal rule of the model length', () => {
    const model = covenantOf();
    model.body.push({ kind: 'rule', widthPt: 100, align: 'center', weightPt: 0.75 });
    const { plain } = write(model);
    const last = plain.body.children[plain.body.children.length - 1] as PlainParagraph;
    expect(last.inline).toEqual(['HORIZONTAL_RULE']);
    const width = plain.page.width - plain.page.marginLeft - plain.page.marginRight;
    expect(width - (last.attributes.INDENT_START as number) - (last.attributes.INDENT_END as number)).toBeCloseTo(100, 1);
  });

  it('writes Vietnamese text in NFC even when the model was given decomposed text', () => {
    const model = covenantOf();
    const nfd: Paragraph = {
      kind: 'paragraph',
      format: { align: 'left', firstLineIndentPt: 0, indentStartPt: 0, lineSpacing: 1, spaceBeforePt: 0, spaceAfterPt: 0, keepWithNext: false },
      runs: [{ text: 'Viện kiểm sát nhân dân tỉnh Bà Rịa – Vũng Tàu'.normalize('NFD'), bold: false, italic: false, underline: false, sizePt: 14 }],
    };
    model.body.push(nfd);
    const { doc, plain } = write(model);
    expect(nonNfcTexts(plain)).toEqual([]);
    expect(docText(doc)).toContain('Viện kiểm sát nhân dân tỉnh Bà Rịa – Vũng Tàu'.normalize('NFC'));
  });

  // 135 before the covenant printed its commitments (5 paragraphs, 2 calls each) and "Nơi nhận:" (4).
  it('writes the covenant of 7 units and 60 criteria in under 150 DocumentApp calls', () => {
    const year = generateYear({ units: 7, criteria: 60, seed: 1 });
    const { env } = write(buildCovenant(year, { date: { y: 2024, m: 1, d: 9 }, parentBody: PARENT }));
    expect(env.count('Document') + env.count('Body') + env.count('Paragraph') + env.count('Table') + env.count('Text')).toBe(env.callCount);
    expect(env.callCount).toBeLessThan(150);
    // Never a call per character or per cell of a data table.
    expect(env.count('Text.')).toBe(0);
    expect(env.count('Table.getCell')).toBeLessThanOrEqual(2);
  });

  it('leaves nothing but the model in the body: paragraphsOf matches the block count', () => {
    const model = reportOf();
    const { doc } = write(model);
    expect(paragraphsOf(doc).length).toBe(model.body.length);
  });
});

describe('planning a table', () => {
  const grid = (): Table => buildCovenant(sample, { date: { y: 2021, m: 1, d: 9 } }).body.filter((b): b is Table => b.kind === 'table').pop()!;

  it('finds one format for a signature cell whose lines differ only by the space before the first', () => {
    const t = grid();
    const f = uniformFormat(t.rich['0:0']!, { bold: false, italic: false, underline: false, sizePt: 13 });
    expect(f).toMatchObject({ align: 'center', bold: true, sizePt: 13, spaceBeforePt: 12 });
  });

  it('refuses one format for a cell holding a rule', () => {
    const heading = buildCovenant(sample, { date: { y: 2021, m: 1, d: 9 } }).body[0] as Table;
    expect(uniformFormat(heading.rich['0:1']!, { bold: false, italic: false, underline: false, sizePt: 13 })).toBeNull();
  });

  it('formats the signature grid by rows, rebuilding no cell and leaving equal columns to Docs', () => {
    const plan = planTable(grid(), TEXT_WIDTH_PT);
    expect(plan.rebuilt).toEqual([]);
    expect(plan.cellFormats).toEqual([]);
    expect(plan.widths).toBeNull();
    expect(plan.rows.length).toBe(2);
    expect(plan.rows.every((r) => Object.keys(r.attrs).join() === 'spaceBeforePt')).toBe(true);
  });

  it('sends the first line of a rebuilt cell to appendTable, never a "\\n"', () => {
    const heading = buildCovenant(sample, { date: { y: 2021, m: 1, d: 9 } }).body[0] as Table;
    const plan = planTable(heading, TEXT_WIDTH_PT);
    expect(plan.cells).toEqual([['CỤM THI ĐUA SỐ 9', NATION]]);
    expect(plan.rebuilt.map((x) => `${x.row}:${x.column}`)).toEqual(['0:0', '0:1']);
  });
});
