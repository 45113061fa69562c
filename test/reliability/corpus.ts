/**
 * The hostile strings the reliability suites type into the workbook: markup that would run if
 * anything rendered it as HTML (criteria text, explanations, values quoted back in messages),
 * and the text that looks like something else (invisible characters, decomposed Vietnamese,
 * very long strings). Shared by the suites; not a test file.
 */
import { XSS_VECTORS as SIDEBAR_VECTORS } from '../browser/xss-corpus';

/**
 * Markup and script vectors. The sidebar's own corpus (unit names, canned panels) plus vectors
 * aimed at where criteria text and quoted values land: inside a quoted message ("…"), after a
 * code, in a table cell, in an attribute.
 */
export const XSS_VECTORS: readonly string[] = [
  ...SIDEBAR_VECTORS,
  '"><svg/onload=alert(2)>',
  "'\"><img src=x onerror=window.__pwned=2>",
  '</td><td><img src=x onerror=alert(3)>',
  '<svg><animate onbegin=alert(4) attributeName=x dur=1s>',
  '<a id=x tabindex=1 onfocusin=alert(5)></a>',
  '<img srcset=",x" onerror=alert(6)>',
  '<iframe srcdoc="<script>parent.__pwned=7</script>">',
  '<template><img src=x onerror=alert(8)></template>',
];

/** A string of 10 000 characters (a cell holds at most 50 000). */
export const LONG_TEXT = 'Giải trình rất dài. '.repeat(500);

/** Invisible and look-alike characters that end up in names and codes pasted from Word or Zalo. */
export const ZWSP = '\u200b';
export const NBSP = '\u00a0';
export const BOM = '\ufeff';

/** Vietnamese written in decomposed form (NFD), as some Mac and web sources paste it. */
export function nfd(s: string): string {
  return s.normalize('NFD');
}
