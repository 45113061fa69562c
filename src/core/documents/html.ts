/**
 * Renders a document model as HTML for previews and for printing to PDF in Chromium. Every
 * piece of text is escaped: unit names and the rest come from the sheet, which anyone may type in.
 */
import type { Block, CellBlock, DocModel, Paragraph, Rule, Run, Table } from './model';

/** Times New Roman where installed, else its metric twins Tinos and Liberation Serif (2.x covers Vietnamese). */
const FONT_STACK = "'Times New Roman', Tinos, 'Liberation Serif', serif";
/**
 * Single spacing in Docs and Word is the font's own line height, about 1.15 em for Times New
 * Roman, while CSS line-height multiplies the font size: scale by this.
 */
const SINGLE_LINE_EM = 1.15;

/** Fallback size of a paragraph without runs. */
const BODY_SIZE_PT = 14;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML content and attribute values.
 * @example escapeHtml('<b>') // "&lt;b&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A number for CSS: finite, at most 2 decimals (model numbers only, never text). */
function n(x: number): string {
  return String(Number.isFinite(x) ? Math.round(x * 100) / 100 : 0);
}

function renderRun(r: Run): string {
  const style = [`font-size:${n(r.sizePt)}pt`];
  if (r.bold) style.push('font-weight:700');
  if (r.italic) style.push('font-style:italic');
  if (r.underline) style.push('text-decoration:underline');
  return `<span style="${style.join(';')}">${escapeHtml(r.text)}</span>`;
}

function renderParagraph(p: Paragraph): string {
  const f = p.format;
  const size = Math.max(0, ...p.runs.map((r) => r.sizePt));
  const style = [
    `margin:${n(f.spaceBeforePt)}pt 0 ${n(f.spaceAfterPt)}pt ${n(f.indentStartPt)}pt`,
    `text-align:${f.align}`,
    `text-indent:${n(f.firstLineIndentPt)}pt`,
    `line-height:${n(f.lineSpacing * SINGLE_LINE_EM)}`,
    // A paragraph without runs takes the body size of the decree.
    `font-size:${n(size || BODY_SIZE_PT)}pt`,
    'white-space:pre-wrap',
  ];
  if (f.keepWithNext) style.push('break-after:avoid');
  const text = p.runs.filter((r) => r.text !== '');
  // An empty paragraph keeps its line, as in Docs.
  const content = text.length === 0 ? '<br>' : text.map(renderRun).join('');
  return `<p style="${style.join(';')}">${content}</p>`;
}

function renderRule(r: Rule): string {
  const margin = r.align === 'center' ? 'auto' : '0';
  return `<div style="width:${n(r.widthPt)}pt;height:0;margin:3pt ${margin} 2pt ${margin};border-top:${n(r.weightPt)}pt solid #000"></div>`;
}

function renderCellBlock(b: CellBlock): string {
  return b.kind === 'rule' ? renderRule(b) : renderParagraph(b);
}

function renderPlainCell(text: string, t: Table, bold: boolean, italic: boolean): string {
  const style = [
    'margin:0',
    `line-height:${n(t.lineSpacing * SINGLE_LINE_EM)}`,
    `font-size:${n(t.sizePt)}pt`,
    'white-space:pre-wrap',
  ];
  if (bold) style.push('font-weight:700');
  if (italic) style.push('font-style:italic');
  const lines = text.split('\n').map(escapeHtml).join('<br>');
  return `<p style="${style.join(';')}">${lines === '' ? '<br>' : lines}</p>`;
}

function renderTable(t: Table): string {
  const width = t.columns.reduce((a, c) => a + c.widthPt, 0);
  const border = t.borders ? '0.5pt solid #000' : 'none';
  const cols = t.columns.map((c) => `<col style="width:${n(c.widthPt)}pt">`).join('');
  const renderRow = (row: string[], r: number): string => {
    const format = t.rows[r] ?? { bold: false, italic: false };
    const cells = row.map((text, c) => {
      const align = format.align ?? t.columns[c]?.align ?? 'left';
      const style = [
        `border:${border}`,
        `padding:${n(t.paddingPt.vertical)}pt ${n(t.paddingPt.horizontal)}pt`,
        `vertical-align:${t.verticalAlign}`,
        `text-align:${align}`,
      ];
      const rich = t.rich[`${r}:${c}`];
      const content = rich !== undefined ? rich.map(renderCellBlock).join('') : renderPlainCell(text, t, format.bold, format.italic);
      return `<td style="${style.join(';')}">${content}</td>`;
    });
    return `<tr style="break-inside:avoid">${cells.join('')}</tr>`;
  };
  const head = t.cells.slice(0, t.headerRows).map((row, r) => renderRow(row, r)).join('');
  const rows = t.cells.slice(t.headerRows).map((row, r) => renderRow(row, r + t.headerRows));
  // Groups of rows that belong together (a signature) each in a tbody kept whole on its page.
  const group = t.rowGroup !== undefined && t.rowGroup > 1 ? t.rowGroup : 0;
  const body = group === 0
    ? `<tbody>${rows.join('')}</tbody>`
    : Array.from({ length: Math.ceil(rows.length / group) }, (_, i) => `<tbody style="break-inside:avoid">${rows.slice(i * group, (i + 1) * group).join('')}</tbody>`).join('');
  const style = `width:${n(width)}pt;border-collapse:collapse;table-layout:fixed;margin:0`;
  return `<table style="${style}"><colgroup>${cols}</colgroup>${head === '' ? '' : `<thead>${head}</thead>`}${body}</table>`;
}

function renderBlock(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return renderParagraph(b);
    case 'rule':
      return renderRule(b);
    case 'table':
      return renderTable(b);
  }
}

/**
 * The document's body as one element with inline styles, for embedding in a preview page.
 * @example renderHtmlFragment(buildCovenant(year, meta)) // '<div class="thidua-doc" …>…</div>'
 */
export function renderHtmlFragment(doc: DocModel): string {
  const width = doc.page.widthPt - doc.page.marginLeftPt - doc.page.marginRightPt;
  const style = [`width:${n(width)}pt`, `font-family:${FONT_STACK}`, 'color:#000', 'background:#fff'];
  return `<div class="thidua-doc" style="${escapeHtml(style.join(';'))}">${doc.body.map(renderBlock).join('')}</div>`;
}

/**
 * A standalone HTML page of the document: A4 with the decree's margins, the page number at the
 * top centre from page 2 (CSS page margin boxes), and on screen a white page on grey.
 * @example renderHtml(buildCovenant(year, meta)).startsWith('<!DOCTYPE html>') // true
 */
export function renderHtml(doc: DocModel): string {
  const p = doc.page;
  const pn = doc.pageNumbering;
  const margins = `${n(p.marginTopPt)}pt ${n(p.marginRightPt)}pt ${n(p.marginBottomPt)}pt ${n(p.marginLeftPt)}pt`;
  const pageBox =
    pn === null
      ? ''
      : `@top-${pn.align === 'left' ? 'left' : pn.align === 'right' ? 'right' : 'center'} { content: counter(page); font-family: ${FONT_STACK}; font-size: ${n(pn.sizePt)}pt; vertical-align: middle; }`;
  const firstPage = pn !== null && !pn.onFirstPage ? '@page :first { @top-center { content: none; } @top-left { content: none; } @top-right { content: none; } }' : '';
  const css = [
    `@page { size: ${n(p.widthPt)}pt ${n(p.heightPt)}pt; margin: ${margins}; ${pageBox} }`,
    firstPage,
    'html, body { margin: 0; padding: 0; }',
    `@media screen { body { background: #e5e5e5; } .thidua-doc { margin: 24px auto; padding: ${margins}; box-shadow: 0 1px 4px rgba(0,0,0,.3); } }`,
    '@media print { .thidua-doc { margin: 0; } }',
  ].join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="vi">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>\n${css}\n</style>`,
    '</head>',
    '<body>',
    renderHtmlFragment(doc),
    '</body>',
    '</html>',
  ].join('\n');
}
