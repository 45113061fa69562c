import { describe, expect, it } from 'vitest';
import { FakeEnv } from './env';
import { SCOPE_DRIVE, SCOPE_DOCUMENTS, type FakeServiceOptions } from './drive';
import {
  createDocumentFakes, docText, documentToPlain, effectiveAttributes, nonNfcTexts, paragraphsOf, plainDocument,
  styleOf, tablesOf, type PlainParagraph,
} from './documents';

function setup(options?: FakeServiceOptions) {
  const env = new FakeEnv('chanh.vp@vks.example');
  return { env, ...createDocumentFakes(env, undefined, options) };
}

const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const SLOGAN = 'Độc lập - Tự do - Hạnh phúc';

/** The heading block the way a writer builds it: body font first, then each paragraph. */
function writeHeading(f: ReturnType<typeof setup>) {
  const { DocumentApp } = f;
  const doc = DocumentApp.create('Giao ước thi đua năm 2024');
  const body = doc.getBody();
  body.setAttributes({ [DocumentApp.Attribute.FONT_FAMILY]: 'Times New Roman', [DocumentApp.Attribute.FONT_SIZE]: 14 });
  const motto = body.appendParagraph(MOTTO);
  motto.setAlignment(DocumentApp.HorizontalAlignment.CENTER);
  motto.editAsText().setBold(true).setFontSize(13);
  const slogan = body.appendParagraph(SLOGAN);
  slogan.setAlignment(DocumentApp.HorizontalAlignment.CENTER);
  slogan.editAsText().setBold(true).setFontSize(14);
  body.appendHorizontalRule();
  const date = body.appendParagraph('Bình Dương, ngày 25 tháng 03 năm 2021');
  date.setAlignment(DocumentApp.HorizontalAlignment.RIGHT);
  date.editAsText().setItalic(true);
  return { doc, body };
}

describe('DocumentApp fake: documents', () => {
  it('creates a document with one empty paragraph, Letter page and 72 pt margins, in the root, owned by the current user', () => {
    const f = setup();
    const doc = f.DocumentApp.create('Biên bản họp bình xét');
    const body = doc.getBody();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getChild(0).asParagraph().getText()).toBe('');
    expect([body.getPageWidth(), body.getPageHeight()]).toEqual([612, 792]);
    expect([body.getMarginTop(), body.getMarginBottom(), body.getMarginLeft(), body.getMarginRight()]).toEqual([72, 72, 72, 72]);
    const file = f.store.drive.state.files[doc.getId()]!;
    expect(file).toMatchObject({
      name: 'Biên bản họp bình xét', mimeType: f.MimeType.GOOGLE_DOCS, owner: 'chanh.vp@vks.example',
      createdByScript: true, parents: [f.store.drive.state.rootFolderId],
    });
  });

  it('reads the national motto block back exactly: text, bold, sizes, Times New Roman, centred, date in italics', () => {
    const f = setup();
    const { doc } = writeHeading(f);
    expect(docText(doc)).toBe(['', MOTTO, SLOGAN, '―――――', 'Bình Dương, ngày 25 tháng 03 năm 2021'].join('\n'));
    const [, motto, slogan, rule, date] = paragraphsOf(doc) as PlainParagraph[];
    expect(motto!.text).toBe(MOTTO);
    expect(motto!.attributes.HORIZONTAL_ALIGNMENT).toBe('CENTER');
    expect(motto!.runs).toHaveLength(1);
    expect(motto!.runs[0]!.attributes).toMatchObject({ BOLD: true, FONT_SIZE: 13, FONT_FAMILY: 'Times New Roman', ITALIC: false });
    expect(slogan!.runs[0]!.attributes).toMatchObject({ BOLD: true, FONT_SIZE: 14, FONT_FAMILY: 'Times New Roman' });
    expect(rule!.inline).toEqual(['HORIZONTAL_RULE']);
    expect(date!.attributes.HORIZONTAL_ALIGNMENT).toBe('RIGHT');
    expect(styleOf(doc, 'ngày 25 tháng 03 năm 2021')!.attributes).toMatchObject({ ITALIC: true, BOLD: false, FONT_SIZE: 14 });
    expect(styleOf(doc, 'không có')).toBeNull();
  });

  it('styleOf reports null for a key the stretch does not share', () => {
    const f = setup();
    const doc = f.DocumentApp.create('x');
    doc.getBody().appendParagraph('TM. CỤM THI ĐUA').editAsText().setBold(0, 2, true);
    expect(styleOf(doc, 'TM.')!.attributes.BOLD).toBe(true);
    expect(styleOf(doc, 'TM. CỤM')!.attributes.BOLD).toBeNull();
  });

  it('builds a whole table with appendTable in one counted call, each cell holding one paragraph with its text', () => {
    const f = setup();
    const doc = f.DocumentApp.create('Tiêu chí');
    const body = doc.getBody();
    const cells = [['Mã', 'Nội dung', 'Điểm chuẩn'], ['I', 'Công tác chuyên môn nghiệp vụ', '40'], ['1.1', 'Giải quyết án', '10']];
    f.env.resetCalls();
    const table = body.appendTable(cells);
    expect(f.env.calls.map((c) => c.name)).toEqual(['Body.appendTable']);
    expect(table.getNumRows()).toBe(3);
    expect(table.getRow(1).getNumCells()).toBe(3);
    const cell = table.getCell(1, 1);
    expect(cell.getNumChildren()).toBe(1);
    expect(cell.getChild(0).getType()).toBe(f.DocumentApp.ElementType.PARAGRAPH);
    expect(cell.getChild(0).asParagraph().getText()).toBe('Công tác chuyên môn nghiệp vụ');
    expect(tablesOf(doc)[0]!.cells).toEqual(cells);
  });

  it.each([
    ['ragged rows', [['a', 'b'], ['c']]],
    ['a number cell', [['a', 1]]],
    ['an empty row', [[]]],
    ['a row that is not an array', [['a'], 'b']],
    ['a string', 'abc'],
  ])('appendTable refuses %s and leaves the body unchanged', (_name, cells) => {
    const f = setup();
    const doc = f.DocumentApp.create('x');
    const before = paragraphsOf(doc);
    expect(() => doc.getBody().appendTable(cells as unknown as string[][])).toThrow();
    expect(paragraphsOf(doc)).toEqual(before);
  });

  it('keeps character runs: a bold range inside a plain paragraph', () => {
    const f = setup();
    const doc = f.DocumentApp.create('x');
    const text = doc.getBody().appendParagraph('Số: 05/GƯ-CTĐ').editAsText();
    text.setBold(0, 2, true);
    const p = paragraphsOf(doc)[1] as PlainParagraph;
    expect(p.runs.map((r) => [r.text, r.attributes.BOLD])).toEqual([['Số:', true], [' 05/GƯ-CTĐ', false]]);
    expect(text.isBold(0)).toBe(true);
    expect(text.isBold(5)).toBeNull();
    expect(text.isBold()).toBeNull();
    expect(text.getTextAttributeIndices()).toEqual([0, 3]);
  });

  it('appendText returns only the new text, so formatting it leaves the rest of the paragraph alone', () => {
    const f = setup();
    const doc = f.DocumentApp.create('x');
    const p = doc.getBody().appendParagraph('TM. ');
    const added = p.appendText('CỤM THI ĐUA SỐ 9');
    added.setBold(true);
    expect(added.getText()).toBe('CỤM THI ĐUA SỐ 9');
    expect(p.getText()).toBe('TM. CỤM THI ĐUA SỐ 9');
    expect((paragraphsOf(doc)[1] as PlainParagraph).runs.map((r) => [r.text, r.attributes.BOLD]))
      .toEqual([['TM. ', false], ['CỤM THI ĐUA SỐ 9', true]]);
  });

  it('insertText takes the format of the character before it, and deleteText removes exactly its range', () => {
    const f = setup();
    const doc = f.DocumentApp.create('x');
    const text = doc.getBody().appendParagraph('Hà Nội').editAsText();
    text.setItalic(true);
    text.insertText(6, ', ngày 09 tháng 01 năm 2021');
    expect(text.getText()).toBe('Hà Nội, ngày 09 tháng 01 năm 2021');
    expect(text.isItalic()).toBe(true);
    text.deleteText(0, 7);
    expect(text.getText()).toBe('ngày 09 tháng 01 năm 2021');
    expect(() => text.deleteText(3, 100)).toThrow(/endOffsetInclusive/);
  });

  it('reads paragraph settings back through getters and getAttributes, null when never set', () => {
    const f = setup();
    const { DocumentApp } = f;
    const p = DocumentApp.create('x').getBody().appendParagraph('Căn cứ Luật Thi đua, khen thưởng');
    expect(p.getAlignment()).toBeNull();
    expect(p.getLineSpacing()).toBeNull();
    p.setAlignment(DocumentApp.HorizontalAlignment.JUSTIFY).setIndentFirstLine(36).setIndentStart(0).setIndentEnd(0)
      .setLineSpacing(1.5).setSpacingBefore(6).setSpacingAfter(0).setHeading(DocumentApp.ParagraphHeading.NORMAL);
    expect(p.getAlignment()).toBe(DocumentApp.HorizontalAlignment.JUSTIFY);
    expect([p.getIndentFirstLine(), p.getLineSpacing(), p.getSpacingBefore(), p.getSpacingAfter()]).toEqual([36, 1.5, 6, 0]);
    p.setAttributes({ [DocumentApp.Attribute.BOLD]: true, [DocumentApp.Attribute.FONT_SIZE]: 13 });
    expect(p.getAttributes()).toMatchObject({ HORIZONTAL_ALIGNMENT: 'JUSTIFY', INDENT_FIRST_LINE: 36, BOLD: true, FONT_SIZE: 13, ITALIC: null });
    expect(p.editAsText().isBold()).toBe(true);
  });

  it('applies attributes set on the body to paragraphs already there and to later ones that set none of their own', () => {
    const f = setup();
    const doc = f.DocumentApp.create('x');
    const body = doc.getBody();
    const early = body.appendParagraph('trước');
    early.editAsText().setFontSize(18);
    body.setAttributes({ FONT_SIZE: 13, FONT_FAMILY: 'Times New Roman' });
    const later = body.appendParagraph('sau');
    const own = body.appendParagraph('riêng');
    own.editAsText().setFontSize(12);
    expect(styleOf(doc, 'trước')!.attributes.FONT_SIZE).toBe(13);
    expect(styleOf(doc, 'sau')!.attributes).toMatchObject({ FONT_SIZE: 13, FONT_FAMILY: 'Times New Roman' });
    expect(styleOf(doc, 'riêng')!.attributes.FONT_SIZE).toBe(12);
    expect(effectiveAttributes(later).FONT_FAMILY).toBe('Times New Roman');
    expect(effectiveAttributes(own.editAsText(), 0).FONT_SIZE).toBe(12);
    expect(later.editAsText().getFontSize()).toBe(13);
  });

  it.each([
    ['a negative size', { FONT_SIZE: -1 }],
    ['a string for a boolean', { BOLD: 'yes' }],
    ['an unknown key', { fontSize: 12 }],
    ['a colour name', { FOREGROUND_COLOR: 'red' }],
    ['an unknown alignment', { HORIZONTAL_ALIGNMENT: 'MIDDLE' }],
  ])('setAttributes refuses %s and changes nothing', (_name, attrs) => {
    const f = setup();
    const doc = f.DocumentApp.create('x');
    const p = doc.getBody().appendParagraph('a');
    const before = paragraphsOf(doc);
    expect(() => p.setAttributes(attrs)).toThrow(/Invalid argument/);
    expect(paragraphsOf(doc)).toEqual(before);
  });

  it('sets A4 and the decree margins and reads them back from the body and the plain view', () => {
    const f = setup();
    const doc = f.DocumentApp.create('x');
    const mm = (v: number) => (v * 72) / 25.4;
    doc.getBody().setPageWidth(mm(210)).setPageHeight(mm(297)).setMarginTop(mm(20)).setMarginBottom(mm(20))
      .setMarginLeft(mm(30)).setMarginRight(mm(15));
    const page = plainDocument(doc).page;
    expect(page.width).toBeCloseTo(595.28, 2);
    expect(page.height).toBeCloseTo(841.89, 2);
    expect([page.marginTop, page.marginLeft, page.marginRight].map((v) => Math.round(v * 100) / 100)).toEqual([56.69, 85.04, 42.52]);
    expect(doc.getBody().getMarginLeft()).toBeCloseTo(85.04, 2);
    expect(() => doc.getBody().setMarginTop(-1)).toThrow(/Invalid argument/);
  });

  it('after saveAndClose every call through the old handles throws, identity still reads, and openById gives a working handle', () => {
    const f = setup();
    const doc = f.DocumentApp.create('Tờ trình');
    const body = doc.getBody();
    const p = body.appendParagraph('Kính gửi: Hội đồng Thi đua – Khen thưởng');
    doc.saveAndClose();
    const closed = 'Document is closed, its contents cannot be updated.';
    expect(() => body.appendParagraph('x')).toThrow(closed);
    expect(() => p.setText('y')).toThrow(closed);
    expect(() => doc.getBody()).toThrow(closed);
    expect(() => doc.saveAndClose()).toThrow(closed);
    expect(doc.getId()).toMatch(/^1doc/);
    expect(doc.getUrl()).toContain(doc.getId());
    expect(doc.getName()).toBe('Tờ trình');
    const again = f.DocumentApp.openById(doc.getId());
    again.getBody().appendParagraph('Đề nghị');
    expect(docText(again)).toBe('\nKính gửi: Hội đồng Thi đua – Khen thưởng\nĐề nghị');
  });

  it('getAs(PDF) renders the last saved version: stale before saveAndClose, complete after, named "<doc>.pdf"', () => {
    const f = setup();
    const doc = f.DocumentApp.create('Báo cáo kết quả chấm điểm');
    doc.getBody().appendParagraph('Điều 1. Xếp hạng');
    const early = doc.getAs(f.MimeType.PDF);
    expect(early.getDataAsString()).not.toContain('Điều 1');
    doc.saveAndClose();
    const pdf = f.DriveApp.getFileById(doc.getId()).getAs(f.MimeType.PDF);
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(pdf.getName()).toBe('Báo cáo kết quả chấm điểm.pdf');
    expect(pdf.getDataAsString()).toContain('Điều 1. Xếp hạng');
    expect(f.store.exports.map((e) => e.stale)).toEqual([true, false]);
    expect(() => f.DocumentApp.openById(doc.getId()).getAs('text/html')).toThrow(/not supported/);
  });

  it('replaceText matches a regular expression inside one paragraph, never across two, and keeps the match format', () => {
    const f = setup();
    const doc = f.DocumentApp.create('x');
    const body = doc.getBody();
    body.appendParagraph('Năm {{YEAR}}').editAsText().setBold(4, 11, true);
    body.appendParagraph('Cụm số {{N}}');
    body.replaceText('\\{\\{YEAR\\}\\}', '2024');
    body.replaceText('YEAR\\}\\}\\s*Cụm', 'X');
    body.replaceText('N\\}\\}$', '9}}');
    expect(docText(doc)).toBe('\nNăm 2024\nCụm số {{9}}');
    expect(styleOf(doc, '2024')!.attributes.BOLD).toBe(true);
    body.replaceText('9', 'a$&b');
    expect(docText(doc)).toContain('{{a$&b}}');
    expect(() => body.replaceText('(?=Năm)', '')).toThrow(/RE2/);
  });

  it('findText walks the matches in order, continuing from the previous result', () => {
    const f = setup();
    const body = f.DocumentApp.create('x').getBody();
    body.appendParagraph('điểm tự chấm, điểm thống nhất');
    body.appendParagraph('điểm chéo');
    const found: Array<[string, number, number]> = [];
    for (let r = body.findText('điểm'); r; r = body.findText('điểm', r)) {
      found.push([r.getElement().asText().getText(), r.getStartOffset(), r.getEndOffsetInclusive()]);
    }
    expect(found).toEqual([
      ['điểm tự chấm, điểm thống nhất', 0, 3], ['điểm tự chấm, điểm thống nhất', 14, 17], ['điểm chéo', 0, 3],
    ]);
  });

  it('formats table cells, rows and columns and reads them back in the plain view', () => {
    const f = setup();
    const { DocumentApp } = f;
    const doc = DocumentApp.create('x');
    const table = doc.getBody().appendTable([['STT', 'Đơn vị'], ['1', 'VKSND tỉnh Bình Dương']]);
    table.setBorderWidth(0).setBorderColor('#000000').setColumnWidth(0, 40);
    const head = table.getCell(0, 1);
    head.setWidth(300).setBackgroundColor('#d9d9d9').setVerticalAlignment(DocumentApp.VerticalAlignment.CENTER)
      .setPaddingTop(2).setPaddingBottom(2).setPaddingLeft(4).setPaddingRight(4);
    table.getRow(0).setMinimumHeight(20);
    head.setAttributes({ BOLD: true });
    table.getCell(1, 0).setAttributes({ WIDTH: 45 });
    const [plain] = tablesOf(doc);
    expect(plain!.attributes).toMatchObject({ BORDER_WIDTH: 0, BORDER_COLOR: '#000000' });
    expect(plain!.columnWidths).toEqual([45, 300]);
    expect(plain!.rows[0]!.attributes.MINIMUM_HEIGHT).toBe(20);
    expect(plain!.rows[0]!.cells[1]!.attributes).toMatchObject({
      WIDTH: 300, BACKGROUND_COLOR: '#d9d9d9', VERTICAL_ALIGNMENT: 'CENTER', PADDING_TOP: 2, PADDING_LEFT: 4,
    });
    expect(styleOf(doc, 'Đơn vị')!.attributes.BOLD).toBe(true);
    expect(styleOf(doc, 'STT')!.attributes.BOLD).toBe(false);
    expect(table.getColumnWidth(1)).toBe(300);
    expect(head.getColSpan()).toBe(1);
    expect(() => table.setColumnWidth(2, 10)).toThrow(/Child index/);
  });

  it('holds several formatted paragraphs in one cell, as a signature cell needs', () => {
    const f = setup();
    const doc = f.DocumentApp.create('x');
    const table = doc.getBody().appendTable([['', '']]);
    const cell = table.getCell(0, 0);
    cell.setText('VKSND TỈNH BÌNH DƯƠNG');
    cell.appendParagraph('VIỆN TRƯỞNG').editAsText().setBold(true);
    cell.appendParagraph('');
    cell.appendParagraph('Nguyễn Văn A').editAsText().setBold(true);
    const [plain] = tablesOf(doc);
    expect(plain!.cells[0]).toEqual(['VKSND TỈNH BÌNH DƯƠNG\nVIỆN TRƯỞNG\n\nNguyễn Văn A', '']);
    expect(plain!.rows[0]!.cells[0]!.children.map((p) => (p as PlainParagraph).runs[0]?.attributes.BOLD ?? null))
      .toEqual([false, true, null, true]);
    expect(doc.getBody().getParagraphs().map((p) => p.getText())).toEqual(['', 'VKSND TỈNH BÌNH DƯƠNG', 'VIỆN TRƯỞNG', '', 'Nguyễn Văn A', '']);
    expect(doc.getBody().getTables()).toHaveLength(1);
  });

  it('refuses to remove the last paragraph of a section, and removes one when another is left', () => {
    const f = setup();
    const body = f.DocumentApp.create('x').getBody();
    expect(() => body.removeChild(body.getChild(0))).toThrow("Can't remove the last paragraph in a document section.");
    body.appendParagraph('Nội dung');
    body.getChild(0).removeFromParent();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('Nội dung');
  });

  it('stores Vietnamese text exactly as given, NFC and NFD alike, and nonNfcTexts points at the NFD one', () => {
    const f = setup();
    const nfc = 'Khối thi đua số 3 – Thanh tra VKSND tối cao'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const doc = f.DocumentApp.create('Giao ước'.normalize('NFC'));
    const body = doc.getBody();
    body.appendParagraph(nfc);
    body.appendParagraph(nfd);
    expect(body.getChild(1).asParagraph().getText()).toBe(nfc);
    expect(body.getChild(2).asParagraph().getText()).toBe(nfd);
    expect(nonNfcTexts(plainDocument(doc))).toEqual([nfd]);
  });

  it('an injected fault fails the Nth call, counts it, and leaves the document as it was', () => {
    const f = setup();
    const doc = f.DocumentApp.create('x');
    const body = doc.getBody();
    const p = body.appendParagraph('Điều 2');
    const before = paragraphsOf(doc);
    f.env.failNthCall(2);
    const text = p.editAsText();
    expect(() => text.setBold(true)).toThrow('Service invoked too many times');
    expect(f.env.calls.at(-1)!.name).toBe('Text.setBold');
    expect(paragraphsOf(doc)).toEqual(before);
    f.env.failNthCall(1, 'Exceeded maximum execution time');
    expect(() => body.appendTable([['a']])).toThrow('Exceeded maximum execution time');
    expect(paragraphsOf(doc)).toEqual(before);
    expect(f.store.record(doc.getId()).pending).toBe(true);
    f.env.failNthCall(1);
    expect(() => f.DocumentApp.create('y')).toThrow();
    expect(f.store.findDocuments('y')).toEqual([]);
  });

  it('serialises to JSON and restores to the same documents, and the restored fakes keep working', () => {
    const f = setup();
    const { doc } = writeHeading(f);
    doc.addHeader().appendParagraph('Trang 2');
    doc.addFooter().appendParagraph('Nơi nhận:');
    doc.getBody().appendTable([['a', 'b']]).getCell(0, 0).setBackgroundColor('#ffff00');
    doc.getBody().appendListItem('Như trên;');
    const id = doc.getId();
    doc.saveAndClose();
    const state = JSON.parse(JSON.stringify(f.serialize()));
    const restored = createDocumentFakes(new FakeEnv('chanh.vp@vks.example'), state);
    expect(restored.store.documentToPlain(id)).toEqual(f.store.documentToPlain(id));
    expect(documentToPlain(state, id)).toEqual(f.store.documentToPlain(id));
    expect(restored.serialize()).toEqual(f.serialize());
    restored.DocumentApp.openById(id).getBody().appendParagraph('thêm');
    expect(docText(restored.DocumentApp.openById(id))).toContain('thêm');
    expect(f.store.documentToPlain(id).body.children).toHaveLength(7);
  });

  it('records every call as Class.method, in order', () => {
    const f = setup();
    const { DocumentApp } = f;
    const doc = DocumentApp.create('x');
    const p = doc.getBody().appendParagraph('a');
    p.setAlignment(DocumentApp.HorizontalAlignment.CENTER).editAsText().setBold(true);
    p.appendText('b');
    doc.getBody().appendTable([['1']]).getCell(0, 0).setWidth(50);
    doc.saveAndClose();
    expect(f.env.calls.map((c) => c.name)).toEqual([
      'DocumentApp.create', 'Document.getBody', 'Body.appendParagraph', 'Paragraph.setAlignment', 'Paragraph.editAsText',
      'Text.setBold', 'Paragraph.appendText', 'Document.getBody', 'Body.appendTable', 'Table.getCell', 'TableCell.setWidth',
      'Document.saveAndClose',
    ]);
    expect(f.env.count('Body.')).toBe(2);
  });

  it('has a header and a footer only once added, and refuses a second one', () => {
    const f = setup();
    const doc = f.DocumentApp.create('x');
    expect(doc.getHeader()).toBeNull();
    expect(doc.getFooter()).toBeNull();
    doc.addHeader().appendParagraph('2').setAlignment(f.DocumentApp.HorizontalAlignment.CENTER);
    expect(doc.getHeader()!.getText()).toBe('\n2');
    expect(() => doc.addHeader()).toThrow();
    expect(plainDocument(doc).header!.children).toHaveLength(2);
  });

  it('gives list items of one list the same id and keeps glyph and nesting', () => {
    const f = setup();
    const body = f.DocumentApp.create('x').getBody();
    const a = body.appendListItem('Như Điều 3;');
    const b = body.appendListItem('Lưu: VT.');
    b.setNestingLevel(1).setGlyphType(f.DocumentApp.GlyphType.HOLLOW_BULLET);
    expect(a.getListId()).toBe(b.getListId());
    expect(b.getNestingLevel()).toBe(1);
    expect(b.getGlyphType()).toBe('HOLLOW_BULLET');
    expect(body.getListItems()).toHaveLength(2);
    expect(body.getChild(2).getType()).toBe('LIST_ITEM');
  });

  it('opens by id and by URL, throws on a missing id, and has no active document in a spreadsheet add-on', () => {
    const f = setup();
    const doc = f.DocumentApp.create('x');
    expect(f.DocumentApp.openByUrl(doc.getUrl()).getId()).toBe(doc.getId());
    expect(f.DocumentApp.openByUrl(`https://docs.google.com/document/d/${doc.getId()}/edit`).getName()).toBe('x');
    expect(() => f.DocumentApp.openById('nope')).toThrow(/Document is missing/);
    expect(f.DocumentApp.getActiveDocument()).toBeNull();
    expect(() => f.DocumentApp.getUi()).toThrow(/from this context/);
  });

  it('appends a copied paragraph once: the copy is detached, an attached paragraph is refused', () => {
    const f = setup();
    const doc = f.DocumentApp.create('x');
    const body = doc.getBody();
    const p = body.appendParagraph('Mẫu');
    p.editAsText().setItalic(true);
    const copy = p.copy();
    body.appendParagraph(copy);
    expect(() => body.appendParagraph(copy)).toThrow('Element must be detached.');
    expect(styleOf(doc, 'Mẫu')!.attributes.ITALIC).toBe(true);
    expect(paragraphsOf(doc).map((b) => (b as PlainParagraph).text)).toEqual(['', 'Mẫu', 'Mẫu']);
  });

  it('checks scopes when given the manifest: DocumentApp needs documents', () => {
    const without = setup({ scopes: [SCOPE_DRIVE] });
    expect(() => without.DocumentApp.create('x')).toThrow(
      'You do not have permission to call DocumentApp.create. Required permissions: https://www.googleapis.com/auth/documents');
    const withIt = setup({ scopes: [SCOPE_DOCUMENTS] });
    expect(withIt.DocumentApp.create('x').getBody().getNumChildren()).toBe(1);
  });

  it('shares one store across executions: each counts its own calls, documents persist, each closes only its handles', () => {
    const first = setup();
    const doc = first.DocumentApp.create('Biên bản');
    doc.getBody().appendParagraph('phiên 1');
    const id = doc.getId();
    // The other execution's user opens it as an editor (DocumentApp checks the person's role).
    first.DriveApp.getFileById(id).addEditor('thuky@vks.example');
    const env2 = new FakeEnv('chanh.vp@vks.example');
    env2.currentUser = 'thuky@vks.example';
    const second = createDocumentFakes(env2, first.store);
    const calls1 = first.env.callCount;
    const again = second.DocumentApp.openById(id);
    again.getBody().appendParagraph('phiên 2');
    const own = second.DocumentApp.create('Tờ trình');
    expect(first.env.callCount).toBe(calls1);
    expect(env2.calls.map((c) => c.name)).toEqual(['DocumentApp.openById', 'Document.getBody', 'Body.appendParagraph', 'DocumentApp.create']);
    expect(first.store.drive.state.files[own.getId()]!.owner).toBe('thuky@vks.example');
    second.store.endExecution();
    expect(() => again.getBody()).toThrow(/closed/);
    expect(docText(doc)).toBe('\nphiên 1\nphiên 2');
    expect(first.store.record(id).pending).toBe(false);
  });

  it('endExecution saves every pending document and closes its handles', () => {
    const f = setup();
    const doc = f.DocumentApp.create('x');
    doc.getBody().appendParagraph('chưa lưu');
    expect(f.store.record(doc.getId()).pending).toBe(true);
    f.store.endExecution();
    expect(f.store.record(doc.getId())).toMatchObject({ pending: false, saves: 1 });
    expect(f.DriveApp.getFileById(doc.getId()).getBlob().getDataAsString()).toContain('chưa lưu');
    expect(() => doc.getBody()).toThrow(/closed/);
  });
});
