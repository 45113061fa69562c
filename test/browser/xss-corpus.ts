/**
 * Hostile strings a unit name, a criterion or an explanation could hold. Each one, if ever
 * parsed as HTML or run as script, calls alert() or sets window.__pwned, or leaves an element
 * the sidebar never makes (img, svg, iframe …) or an on* attribute.
 */
export const XSS_VECTORS: readonly string[] = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '"><img src=x onerror=alert(1)>',
  "'><script>window.__pwned=1</script>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<body onload=alert(1)>',
  '<a href="javascript:alert(1)">bấm</a>',
  '<details open ontoggle=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '</script><script>alert(1)</script>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<style>@import "javascript:alert(1)";</style>',
  '<marquee onstart=alert(1)>x</marquee>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  'javascript:alert(1)',
  '<img src=x onerror="window.__pwned=1">Bình Dương',
  '&lt;img src=x onerror=alert(1)&gt;',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<form><button formaction=javascript:alert(1)>x</button></form>',
  '\u202e<img src=x onerror=alert(1)>',
];
