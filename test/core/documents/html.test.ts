import { describe, expect, it } from 'vitest';
import { buildCovenant, escapeHtml, renderHtml, renderHtmlFragment, type DocModel } from '../../../src/core/documents';
import { makeYear } from './fixtures';

const HOSTILE = '<img src=x onerror=alert(1)>';

function covenant(mutate: (y: ReturnType<typeof makeYear>) => void = () => {}): DocModel {
  const year = makeYear(3);
  mutate(year);
  return buildCovenant(year, { number: 1, date: { y: 2021, m: 1, d: 9 } });
}

describe('escapeHtml', () => {
  it('escapes the five HTML metacharacters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});

describe('renderHtml', () => {
  it('shows a hostile unit name as text, in the table and in the signature grid', () => {
    const html = renderHtml(covenant((y) => (y.units[0]!.name = HOSTILE)));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;IMG SRC=X ONERROR=ALERT(1)&gt;');
  });

  it('escapes a hostile cluster name in the page title', () => {
    const html = renderHtml(covenant((y) => (y.cluster.name = '</title><script>alert(1)</script>')));
    expect(html).not.toContain('<script>');
    expect(html).toContain('<title>Giao ước thi đua năm 2021 - &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
  });

  it('is a complete page in Vietnamese with a UTF-8 charset', () => {
    const html = renderHtml(covenant());
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html.endsWith('</body>\n</html>')).toBe(true);
  });

  it('sets an A4 page with the decree margins: top, right, bottom, left', () => {
    expect(renderHtml(covenant())).toContain('@page { size: 595.28pt 841.89pt; margin: 56.69pt 42.52pt 56.69pt 85.04pt;');
  });

  it('numbers pages at the top centre and leaves the first page bare', () => {
    const html = renderHtml(covenant());
    expect(html).toMatch(/@top-center \{ content: counter\(page\);[^}]*font-size: 14pt;/);
    expect(html).toContain('@page :first { @top-center { content: none; }');
  });

  it('prints no page numbers when the model has none', () => {
    expect(renderHtml({ ...covenant(), pageNumbering: null })).not.toContain('counter(page)');
  });

  it('uses Times New Roman with Liberation Serif as fallback', () => {
    expect(renderHtmlFragment(covenant())).toContain("font-family:&#39;Times New Roman&#39;, Tinos, &#39;Liberation Serif&#39;, serif");
  });

  it('renders body paragraphs justified with the first-line indent, spacing and size of the model', () => {
    expect(renderHtmlFragment(covenant())).toContain(
      '<p style="margin:0pt 0 6pt 0pt;text-align:justify;text-indent:36pt;line-height:1.32;font-size:14pt;white-space:pre-wrap"><span style="font-size:14pt">3. Việc theo dõi',
    );
  });

  it('renders bold and italic runs', () => {
    const html = renderHtmlFragment(covenant());
    expect(html).toContain('<span style="font-size:14pt;font-weight:700">GIAO ƯỚC THI ĐUA</span>');
    expect(html).toContain('<span style="font-size:14pt;font-style:italic">Căn cứ Thông tư');
  });

  it('draws the rule under the motto 164 pt wide, centred', () => {
    expect(renderHtmlFragment(covenant())).toContain('<div style="width:164pt;height:0;margin:3pt auto 2pt auto;border-top:0.75pt solid #000"></div>');
  });

  it('draws bordered tables with fixed column widths and a repeated header', () => {
    const html = renderHtmlFragment(covenant());
    expect(html).toMatch(/<table style="width:466\.7\d?pt;border-collapse:collapse;table-layout:fixed;margin:0"><colgroup><col style="width:\d/);
    expect(html).toContain('<thead><tr style="break-inside:avoid"><td style="border:0.5pt solid #000');
  });

  it('draws the heading block and the signature grid without borders', () => {
    const html = renderHtmlFragment(covenant());
    expect(html).toContain('<td style="border:none;padding:0pt 0pt;vertical-align:top;text-align:center">');
    expect(html).toContain('<td style="border:none;padding:0pt 3pt;vertical-align:top;text-align:center">');
  });

  it('sets bold rows of a plain table in bold', () => {
    expect(renderHtmlFragment(covenant())).toContain(
      '<p style="margin:0;line-height:1.15;font-size:13pt;white-space:pre-wrap;font-weight:700">Công tác chuyên môn</p>',
    );
  });

  it('keeps a blank line as a line', () => {
    expect(renderHtmlFragment(covenant())).toMatch(/<p style="[^"]*font-size:13pt[^"]*"><br><\/p>/);
  });

  it('keeps a heading with the block after it when printing', () => {
    expect(renderHtmlFragment(covenant())).toMatch(/<p style="[^"]*break-after:avoid"><span style="font-size:14pt;font-weight:700">III\. TỔ CHỨC THỰC HIỆN/);
  });

  it('keeps each signature of the grid (unit, title, name) whole on one page', () => {
    const html = renderHtmlFragment(covenant((y) => {
      y.units = [...y.units, ...y.units.map((u) => ({ ...u, id: `${u.id}-2` }))];
    }));
    const grid = html.slice(html.lastIndexOf('<table'));
    // Six units in rows of three: two groups of three table rows, each a tbody kept whole.
    expect(grid.match(/<tbody style="break-inside:avoid">(?:<tr[^>]*>.*?<\/tr>){3}<\/tbody>/g)).toHaveLength(2);
  });
});
