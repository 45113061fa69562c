/**
 * The Google Docs writer: a document model (src/core/documents) into an open Google Doc, with
 * as few DocumentApp calls as the format allows.
 *
 * - Paragraph: appendParagraph + one setAttributes with every paragraph and text attribute (new
 *   paragraphs inherit differently in Docs and in the fakes, so nothing is left to inheritance);
 *   a run in another format costs editAsText once and one setAttributes per such run.
 * - Table: one appendTable(string[][]), one setAttributes on the table (borders, the most common
 *   cell format), setColumnWidth per column unless all columns are equal and fill the page, and
 *   one getRow + setAttributes per row whose format differs. Container attributes are set after
 *   the content exists: they apply to what is already in the table.
 * - Rich cells (heading block, signatures, "Nơi nhận:"): a cell whose lines share one format is
 *   written as its lines joined by "\n" (DocumentApp keeps them in one paragraph with line breaks,
 *   as the fake does) and formatted with its row; a cell with mixed formats or a rule is rebuilt:
 *   its first paragraph comes from appendTable and takes its format with the cell's padding in one
 *   TableCell.setAttributes, the others are appended.
 * - A rule: a paragraph holding a HorizontalRule, indented so that the rule has the model's length.
 * - Page size, margins and the font family: one Body.setAttributes at the end.
 *
 * Left out, because DocumentApp has no way to do them: page-number fields (the caller tells the
 * user how to add them), keep-with-next, repeated header rows; per-column alignment and per-cell
 * padding of data tables would cost two calls per cell, so a data table takes the alignment of
 * its widest column and Docs' default padding.
 */
import type { Align, Block, CellBlock, DocModel, Paragraph, Rule, Run, Table } from '../core/documents';
import { services, useDocumentServices, type Services } from './services';

type Body = GoogleAppsScript.Document.Body;
type DocParagraph = GoogleAppsScript.Document.Paragraph;
type Container = Pick<Body, 'appendParagraph'>;

/** The DocumentApp and Drive advanced service of this execution (from the one registry, services.ts). */
export type DocumentServices = Pick<Services, 'documentApp' | 'drive'>;

/** What the add-on uses of the Drive advanced service (v3). */
export interface DriveApi {
  Files: Pick<GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection, 'create' | 'get' | 'list' | 'update'>;
  Permissions: Pick<GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection, 'create'>;
}

/** The services of this execution that make documents. */
export function documentServices(): DocumentServices {
  return services();
}

export { useDocumentServices };

// ---------------------------------------------------------------------------------------------
// Formats as plain data (pure: planned first, then written)

/** Everything a paragraph of a cell or of the body needs. */
export interface LineFormat {
  align: Align;
  firstLineIndentPt: number;
  indentStartPt: number;
  indentEndPt: number;
  lineSpacing: number;
  spaceBeforePt: number;
  spaceAfterPt: number;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  sizePt: number;
}

type TextStyle = Pick<Run, 'bold' | 'italic' | 'underline' | 'sizePt'>;

function textStyle(r: TextStyle): TextStyle {
  return { bold: r.bold, italic: r.italic, underline: r.underline, sizePt: r.sizePt };
}

function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.sizePt === b.sizePt;
}

const LINE_KEYS: (keyof LineFormat)[] = [
  'align', 'firstLineIndentPt', 'indentStartPt', 'indentEndPt', 'lineSpacing', 'spaceBeforePt', 'spaceAfterPt',
  'bold', 'italic', 'underline', 'sizePt',
];

function sameLine(a: LineFormat, b: LineFormat): boolean {
  return LINE_KEYS.every((k) => a[k] === b[k]);
}

/** The keys of `next` that differ from `base`. */
export function lineDiff(base: LineFormat, next: LineFormat): Partial<LineFormat> {
  const out: Partial<LineFormat> = {};
  for (const k of LINE_KEYS) if (base[k] !== next[k]) (out as Record<string, unknown>)[k] = next[k];
  return out;
}

/** Non-empty runs; "\r\n" and "\r" become "\n". */
function textRuns(p: Paragraph): Run[] {
  return p.runs.filter((r) => r.text !== '').map((r) => ({ ...r, text: r.text.normalize('NFC').replace(/\r\n?/g, '\n') }));
}

/** The paragraph's text as written. */
export function paragraphText(p: Paragraph): string {
  return textRuns(p).map((r) => r.text).join('');
}

/** The style most of the paragraph's text has (by length); the first run's for a blank line. */
export function mainStyle(p: Paragraph, fallback: TextStyle): TextStyle {
  const runs = textRuns(p);
  if (runs.length === 0) return p.runs[0] ? textStyle(p.runs[0]) : fallback;
  const weight = new Map<string, { style: TextStyle; n: number }>();
  for (const r of runs) {
    const key = JSON.stringify(textStyle(r));
    const w = weight.get(key) ?? { style: textStyle(r), n: 0 };
    w.n += r.text.length;
    weight.set(key, w);
  }
  return [...weight.values()].sort((a, b) => b.n - a.n)[0]!.style;
}

/** The format of a paragraph: its paragraph settings and its main text style. */
export function lineFormat(p: Paragraph, fallback: TextStyle): LineFormat {
  const f = p.format;
  return {
    align: f.align,
    firstLineIndentPt: f.firstLineIndentPt,
    indentStartPt: f.indentStartPt,
    indentEndPt: 0,
    lineSpacing: f.lineSpacing,
    spaceBeforePt: f.spaceBeforePt,
    spaceAfterPt: f.spaceAfterPt,
    ...mainStyle(p, fallback),
  };
}

/** Runs in another style than the paragraph's: [start, endInclusive, style], UTF-16 offsets. */
export function styledRanges(p: Paragraph, main: TextStyle): Array<[number, number, TextStyle]> {
  const out: Array<[number, number, TextStyle]> = [];
  let at = 0;
  for (const r of textRuns(p)) {
    if (!sameStyle(r, main)) out.push([at, at + r.text.length - 1, textStyle(r)]);
    at += r.text.length;
  }
  return out;
}

/** The rule paragraph: tight, with indents that leave the rule its length within `innerPt`. */
export function ruleFormat(rule: Rule, innerPt: number): LineFormat {
  const spare = Math.max(0, innerPt - rule.widthPt);
  const side = rule.align === 'center' ? Math.round((spare / 2) * 100) / 100 : 0;
  return {
    align: rule.align,
    firstLineIndentPt: side,
    indentStartPt: side,
    indentEndPt: rule.align === 'center' ? side : Math.round(spare * 100) / 100,
    lineSpacing: 1,
    spaceBeforePt: 2,
    spaceAfterPt: 2,
    bold: false,
    italic: false,
    underline: false,
    sizePt: 2,
  };
}

/**
 * The format shared by all lines of a cell, or null when they differ (or hold a rule): the first
 * line may have space before and the last space after; blank lines must be of the same size.
 */
export function uniformFormat(blocks: readonly CellBlock[], fallback: TextStyle): LineFormat | null {
  if (blocks.length === 0 || blocks.some((b) => b.kind === 'rule')) return null;
  const paras = blocks as Paragraph[];
  const filled = paras.filter((p) => textRuns(p).length > 0);
  const style = filled.length > 0 ? mainStyle(filled[0]!, fallback) : mainStyle(paras[0]!, fallback);
  for (const p of paras) {
    const runs = textRuns(p);
    if (runs.some((r) => !sameStyle(r, style))) return null;
    if (runs.length === 0 && p.runs[0] && p.runs[0].sizePt !== style.sizePt) return null;
  }
  const first = paras[0]!.format;
  const last = paras[paras.length - 1]!.format;
  for (let i = 0; i < paras.length; i++) {
    const f = paras[i]!.format;
    if (f.align !== first.align || f.firstLineIndentPt !== first.firstLineIndentPt || f.indentStartPt !== first.indentStartPt
      || f.lineSpacing !== first.lineSpacing) return null;
    if (i > 0 && f.spaceBeforePt !== 0) return null;
    if (i < paras.length - 1 && f.spaceAfterPt !== 0) return null;
  }
  return {
    align: first.align,
    firstLineIndentPt: first.firstLineIndentPt,
    indentStartPt: first.indentStartPt,
    indentEndPt: 0,
    lineSpacing: first.lineSpacing,
    spaceBeforePt: first.spaceBeforePt,
    spaceAfterPt: last.spaceAfterPt,
    ...style,
  };
}

/** A cell to rebuild paragraph by paragraph. */
export interface RebuiltCell {
  row: number;
  column: number;
  blocks: CellBlock[];
  /** Width inside the cell's padding, for rules. */
  innerPt: number;
}

/** How a table is written. */
export interface TablePlan {
  /** What appendTable gets. */
  cells: string[][];
  /** Table-level format (applies to every cell paragraph). */
  base: LineFormat;
  borderPt: number;
  /** Column widths to set; null when equal columns fill the text width (Docs' own layout). */
  widths: number[] | null;
  /** Rows whose cells share a format other than the base: only what differs. */
  rows: Array<{ row: number; attrs: Partial<LineFormat> }>;
  /** Cells set one by one (a row whose cells differ): only what differs from the base. */
  cellFormats: Array<{ row: number; column: number; attrs: Partial<LineFormat> }>;
  /** Cells whose first paragraph format and padding are set on the cell, the rest appended. */
  rebuilt: Array<RebuiltCell & { first: Partial<LineFormat> }>;
  padding: { vertical: number; horizontal: number };
  verticalAlign: Table['verticalAlign'];
}

function cellLines(blocks: readonly CellBlock[]): string {
  return blocks.map((b) => (b.kind === 'rule' ? '' : paragraphText(b))).join('\n');
}

/** Most frequent format in the list (the first on a tie). */
function commonest(formats: readonly LineFormat[]): LineFormat | null {
  let best: LineFormat | null = null;
  let bestN = 0;
  for (const f of formats) {
    const n = formats.filter((g) => sameLine(f, g)).length;
    if (n > bestN) {
      best = f;
      bestN = n;
    }
  }
  return best;
}

/**
 * Plans a table: the strings for appendTable, the table-level format and what differs by row,
 * by cell and in rebuilt cells. `textWidthPt` is the width between the margins.
 */
export function planTable(t: Table, textWidthPt: number): TablePlan {
  const cols = t.columns.length;
  const widest = t.columns.reduce((best, c, i) => (c.widthPt > t.columns[best]!.widthPt ? i : best), 0);
  const plainStyle: TextStyle = { bold: false, italic: false, underline: false, sizePt: t.sizePt };
  const plain = (align: Align, bold: boolean, italic: boolean): LineFormat => ({
    align, firstLineIndentPt: 0, indentStartPt: 0, indentEndPt: 0, lineSpacing: t.lineSpacing,
    spaceBeforePt: 0, spaceAfterPt: 0, ...plainStyle, bold, italic,
  });
  const columnAlign = t.columns[widest]?.align ?? 'left';
  const cells: string[][] = [];
  // Per cell: the format it needs, or null when anything goes (an empty cell).
  const wanted: (LineFormat | null)[][] = [];
  const rebuilt: RebuiltCell[] = [];
  const isRebuilt = new Set<string>();
  t.cells.forEach((row, r) => {
    const rowFormat = t.rows[r] ?? { bold: false, italic: false };
    const line: string[] = [];
    const formats: (LineFormat | null)[] = [];
    row.forEach((text, c) => {
      const rich = t.rich[`${r}:${c}`];
      if (rich === undefined || rich.length === 0) {
        line.push(text.normalize('NFC').replace(/\r\n?/g, '\n'));
        // An empty cell looks the same in any format.
        formats.push(text === '' ? null : plain(rowFormat.align ?? columnAlign, rowFormat.bold, rowFormat.italic));
        return;
      }
      const uniform = uniformFormat(rich, plainStyle);
      if (uniform) {
        line.push(cellLines(rich));
        formats.push(uniform);
        return;
      }
      const first = rich[0]!;
      const inner = Math.max(0, (t.columns[c]?.widthPt ?? 0) - 2 * t.paddingPt.horizontal);
      line.push(first.kind === 'rule' ? '' : paragraphText(first));
      formats.push(first.kind === 'rule' ? ruleFormat(first, inner) : lineFormat(first, plainStyle));
      rebuilt.push({ row: r, column: c, blocks: rich, innerPt: inner });
      isRebuilt.add(`${r}:${c}`);
    });
    while (line.length < cols) {
      line.push('');
      formats.push(null);
    }
    cells.push(line);
    wanted.push(formats);
  });

  // The table's base: the commonest format of the cells not rebuilt (those pay a call anyway).
  const candidates = wanted.flatMap((row, r) => row.filter((f, c): f is LineFormat => f !== null && !isRebuilt.has(`${r}:${c}`)));
  const fallback = wanted.flat().find((f): f is LineFormat => f !== null) ?? plain(columnAlign, false, false);
  const base = commonest(candidates) ?? fallback;

  const rows: TablePlan['rows'] = [];
  const cellFormats: TablePlan['cellFormats'] = [];
  wanted.forEach((formats, r) => {
    const set = formats
      .map((f, c) => ({ f, c }))
      .filter((x): x is { f: LineFormat; c: number } => x.f !== null && !isRebuilt.has(`${r}:${x.c}`));
    const differing = set.filter((x) => !sameLine(x.f, base));
    if (differing.length === 0) return;
    if (set.every((x) => sameLine(x.f, differing[0]!.f))) {
      rows.push({ row: r, attrs: lineDiff(base, differing[0]!.f) });
    } else {
      for (const x of differing) cellFormats.push({ row: r, column: x.c, attrs: lineDiff(base, x.f) });
    }
  });
  // A row-level format reaches the rebuilt cells of that row too: their first line is set against it.
  const rowBase = (r: number): LineFormat => {
    const diff = rows.find((x) => x.row === r)?.attrs;
    return diff ? { ...base, ...diff } : base;
  };

  const total = t.columns.reduce((a, c) => a + c.widthPt, 0);
  const equal = t.columns.every((c) => Math.abs(c.widthPt - t.columns[0]!.widthPt) < 0.5);
  return {
    cells,
    base,
    borderPt: t.borders ? 0.5 : 0,
    widths: equal && Math.abs(total - textWidthPt) < 1 ? null : t.columns.map((c) => c.widthPt),
    rows,
    cellFormats,
    rebuilt: rebuilt.map((x) => ({ ...x, first: lineDiff(rowBase(x.row), wanted[x.row]![x.column]!) })),
    padding: t.paddingPt,
    verticalAlign: t.verticalAlign,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

type AttributeMap = Record<string, unknown>;

function alignment(app: GoogleAppsScript.Document.DocumentApp, a: Align): GoogleAppsScript.Document.HorizontalAlignment {
  const h = app.HorizontalAlignment;
  return a === 'center' ? h.CENTER : a === 'right' ? h.RIGHT : a === 'justify' ? h.JUSTIFY : h.LEFT;
}

/** DocumentApp attributes of (part of) a line format. */
export function lineAttributes(app: GoogleAppsScript.Document.DocumentApp, f: Partial<LineFormat>): AttributeMap {
  const a: AttributeMap = {};
  if (f.align !== undefined) a.HORIZONTAL_ALIGNMENT = alignment(app, f.align);
  if (f.firstLineIndentPt !== undefined) a.INDENT_FIRST_LINE = f.firstLineIndentPt;
  if (f.indentStartPt !== undefined) a.INDENT_START = f.indentStartPt;
  if (f.indentEndPt !== undefined) a.INDENT_END = f.indentEndPt;
  if (f.lineSpacing !== undefined) a.LINE_SPACING = f.lineSpacing;
  if (f.spaceBeforePt !== undefined) a.SPACING_BEFORE = f.spaceBeforePt;
  if (f.spaceAfterPt !== undefined) a.SPACING_AFTER = f.spaceAfterPt;
  if (f.bold !== undefined) a.BOLD = f.bold;
  if (f.italic !== undefined) a.ITALIC = f.italic;
  if (f.underline !== undefined) a.UNDERLINE = f.underline;
  if (f.sizePt !== undefined) a.FONT_SIZE = f.sizePt;
  return a;
}

function styleAttributes(s: TextStyle): AttributeMap {
  return { BOLD: s.bold, ITALIC: s.italic, UNDERLINE: s.underline, FONT_SIZE: s.sizePt };
}

/** Writes a paragraph's format (1 call) and its runs in another style (1 + 1 per run). */
function formatParagraph(app: GoogleAppsScript.Document.DocumentApp, p: DocParagraph, block: Paragraph, fallback: TextStyle): void {
  const f = lineFormat(block, fallback);
  p.setAttributes(lineAttributes(app, f));
  const ranges = styledRanges(block, f);
  if (ranges.length === 0) return;
  const text = p.editAsText();
  for (const [start, end, style] of ranges) text.setAttributes(start, end, styleAttributes(style));
}

/** Appends a paragraph (2 calls) or a rule (3 calls) to a body or a cell. */
function appendBlock(app: GoogleAppsScript.Document.DocumentApp, to: Container, block: CellBlock, innerPt: number, fallback: TextStyle): void {
  if (block.kind === 'rule') {
    const p = to.appendParagraph('');
    p.setAttributes(lineAttributes(app, ruleFormat(block, innerPt)));
    p.appendHorizontalRule();
    return;
  }
  formatParagraph(app, to.appendParagraph(paragraphText(block)), block, fallback);
}

function writeTable(app: GoogleAppsScript.Document.DocumentApp, body: Body, at: number | null, t: Table, textWidthPt: number): void {
  const plan = planTable(t, textWidthPt);
  const table = at === null ? body.appendTable(plan.cells) : body.insertTable(at, plan.cells);
  table.setAttributes({ ...lineAttributes(app, plan.base), BORDER_WIDTH: plan.borderPt, BORDER_COLOR: '#000000' });
  plan.widths?.forEach((w, i) => table.setColumnWidth(i, w));
  for (const r of plan.rows) table.getRow(r.row).setAttributes(lineAttributes(app, r.attrs));
  for (const c of plan.cellFormats) table.getCell(c.row, c.column).setAttributes(lineAttributes(app, c.attrs));
  const fallback: TextStyle = { bold: false, italic: false, underline: false, sizePt: t.sizePt };
  for (const x of plan.rebuilt) {
    const cell = table.getCell(x.row, x.column);
    const [first, ...rest] = x.blocks;
    cell.setAttributes({
      ...lineAttributes(app, x.first),
      PADDING_TOP: plan.padding.vertical,
      PADDING_BOTTOM: plan.padding.vertical,
      PADDING_LEFT: plan.padding.horizontal,
      PADDING_RIGHT: plan.padding.horizontal,
      VERTICAL_ALIGNMENT: plan.verticalAlign === 'middle' ? app.VerticalAlignment.CENTER : app.VerticalAlignment.TOP,
    });
    if (first?.kind === 'rule') cell.getChild(0).asParagraph().appendHorizontalRule();
    else if (first && styledRanges(first, lineFormat(first, fallback)).length > 0) {
      formatParagraph(app, cell.getChild(0).asParagraph(), first, fallback);
    }
    for (const b of rest) appendBlock(app, cell, b, x.innerPt, fallback);
  }
}

/** Width between the margins. */
export function textWidth(model: DocModel): number {
  return model.page.widthPt - model.page.marginLeftPt - model.page.marginRightPt;
}

/**
 * Writes the model into the body of an open, new document (its one empty paragraph takes the
 * first paragraph of the model; blocks before it are inserted above). Saving is the caller's.
 */
export function writeDocument(app: GoogleAppsScript.Document.DocumentApp, doc: GoogleAppsScript.Document.Document, model: DocModel): void {
  const body = doc.getBody();
  const first = body.getParagraphs()[0];
  const width = textWidth(model);
  const fallback: TextStyle = { bold: false, italic: false, underline: false, sizePt: 14 };
  let firstUsed = first === undefined;
  let insertAt = 0;
  const write = (block: Block): void => {
    const before = firstUsed ? null : insertAt++;
    if (block.kind === 'table') {
      writeTable(app, body, before, block, width);
    } else if (block.kind === 'rule') {
      const p = before === null ? body.appendParagraph('') : body.insertParagraph(before, '');
      p.setAttributes(lineAttributes(app, ruleFormat(block, width)));
      p.appendHorizontalRule();
    } else if (before === null) {
      formatParagraph(app, body.appendParagraph(paragraphText(block)), block, fallback);
    } else {
      formatParagraph(app, body.insertParagraph(before, paragraphText(block)), block, fallback);
    }
  };
  for (const block of model.body) {
    if (!firstUsed && block.kind === 'paragraph') {
      first!.setText(paragraphText(block));
      formatParagraph(app, first!, block, fallback);
      firstUsed = true;
      continue;
    }
    write(block);
  }
  const p = model.page;
  body.setAttributes({
    PAGE_WIDTH: p.widthPt,
    PAGE_HEIGHT: p.heightPt,
    MARGIN_TOP: p.marginTopPt,
    MARGIN_BOTTOM: p.marginBottomPt,
    MARGIN_LEFT: p.marginLeftPt,
    MARGIN_RIGHT: p.marginRightPt,
    FONT_FAMILY: model.fontFamily,
    FOREGROUND_COLOR: '#000000',
  });
}
