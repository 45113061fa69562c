/**
 * Renders a Google Doc as the fakes hold it (every attribute resolved) to a printable HTML page:
 * the playground's preview shows what the DocumentApp writer really wrote. All text is escaped.
 */
import type { Attrs, PlainBlock, PlainDocument, PlainParagraph, PlainRun, PlainSection, PlainTable } from '../../test/fakes/documents';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const ALIGN: Record<string, string> = { LEFT: 'left', CENTER: 'center', RIGHT: 'right', JUSTIFY: 'justify' };

function num(a: Attrs, key: string): number | null {
  const v = a[key];
  return typeof v === 'number' ? v : null;
}

function textStyle(a: Attrs): string {
  const css: string[] = [];
  if (typeof a.FONT_FAMILY === 'string') css.push(`font-family:'${a.FONT_FAMILY.replace(/'/g, '')}','Liberation Serif',serif`);
  const size = num(a, 'FONT_SIZE');
  if (size) css.push(`font-size:${size}pt`);
  if (a.BOLD === true) css.push('font-weight:bold');
  if (a.ITALIC === true) css.push('font-style:italic');
  if (a.UNDERLINE === true) css.push('text-decoration:underline');
  if (typeof a.FOREGROUND_COLOR === 'string') css.push(`color:${a.FOREGROUND_COLOR}`);
  if (typeof a.BACKGROUND_COLOR === 'string') css.push(`background:${a.BACKGROUND_COLOR}`);
  return css.join(';');
}

function run(r: PlainRun): string {
  return `<span style="${escapeHtml(textStyle(r.attributes))}">${escapeHtml(r.text).replace(/\n|\r/g, '<br>')}</span>`;
}

function paragraph(p: PlainParagraph): string {
  const a = p.attributes;
  const css = [
    `text-align:${ALIGN[String(a.HORIZONTAL_ALIGNMENT)] ?? 'left'}`,
    `text-indent:${num(a, 'INDENT_FIRST_LINE') ?? 0}pt`,
    `margin:${num(a, 'SPACING_BEFORE') ?? 0}pt ${num(a, 'INDENT_END') ?? 0}pt ${num(a, 'SPACING_AFTER') ?? 0}pt ${num(a, 'INDENT_START') ?? 0}pt`,
    `line-height:${num(a, 'LINE_SPACING') ?? 1.15}`,
    textStyle(a),
  ].join(';');
  const rule = p.inline.includes('HORIZONTAL_RULE') ? '<hr class="rule">' : '';
  const pageBreak = p.inline.includes('PAGE_BREAK') ? '<div class="page-break"></div>' : '';
  const body = p.runs.length ? p.runs.map(run).join('') : '&#8203;';
  return `<p style="${escapeHtml(css)}">${body}</p>${rule}${pageBreak}`;
}

function table(t: PlainTable): string {
  const border = num(t.attributes, 'BORDER_WIDTH') ?? 1;
  const rows = t.rows
    .map((r) => {
      const cells = r.cells
        .map((c, i) => {
          const width = t.columnWidths[i] ?? num(c.attributes, 'WIDTH');
          const css = [
            `border:${border}pt solid ${typeof t.attributes.BORDER_COLOR === 'string' ? t.attributes.BORDER_COLOR : '#000'}`,
            width ? `width:${width}pt` : '',
            `vertical-align:${String(c.attributes.VERTICAL_ALIGNMENT ?? 'TOP').toLowerCase()}`,
            `padding:${num(c.attributes, 'PADDING_TOP') ?? 5}pt ${num(c.attributes, 'PADDING_RIGHT') ?? 5}pt ${num(c.attributes, 'PADDING_BOTTOM') ?? 5}pt ${num(c.attributes, 'PADDING_LEFT') ?? 5}pt`,
            typeof c.attributes.BACKGROUND_COLOR === 'string' ? `background:${c.attributes.BACKGROUND_COLOR}` : '',
          ].filter(Boolean).join(';');
          return `<td style="${escapeHtml(css)}">${blocks(c.children)}</td>`;
        })
        .join('');
      return `<tr>${cells}</tr>`;
    })
    .join('');
  return `<table class="doc-table" style="border-collapse:collapse;${border === 0 ? 'border:0' : ''}">${rows}</table>`;
}

function blocks(list: PlainBlock[]): string {
  return list.map((b) => (b.type === 'TABLE' ? table(b) : paragraph(b))).join('');
}

function section(s: PlainSection | null, cls: string): string {
  return s ? `<div class="${cls}">${blocks(s.children)}</div>` : '';
}

/** A standalone page: the document's own page size and margins, for viewing and printing to PDF. */
export function renderPlainDocument(doc: PlainDocument): string {
  const p = doc.page;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(doc.name)}</title>
<style>
@page { size: ${p.width}pt ${p.height}pt; margin: ${p.marginTop}pt ${p.marginRight}pt ${p.marginBottom}pt ${p.marginLeft}pt; }
body { margin: 0; background: #e8eaed; }
.page { background: #fff; width: ${p.width}pt; min-height: ${p.height}pt; margin: 16px auto; padding: ${p.marginTop}pt ${p.marginRight}pt ${p.marginBottom}pt ${p.marginLeft}pt; box-sizing: border-box; box-shadow: 0 1px 3px rgba(0,0,0,.3); }
.page p { margin: 0; }
.doc-table { width: 100%; }
.doc-table p { text-indent: 0 !important; }
hr.rule { width: 40%; margin: 0 auto; border: 0; border-top: 1px solid #000; }
.page-break { break-after: page; }
.header { color: #555; }
@media print { body { background: #fff; } .page { margin: 0; padding: 0; box-shadow: none; width: auto; min-height: 0; } .header { display: none; } }
</style></head><body><div class="page">${section(doc.header, 'header')}${blocks(doc.body.children)}${section(doc.footer, 'footer')}</div></body></html>`;
}
