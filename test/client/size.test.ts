/** The pushed sidebar: one light HTML file with its CSS and JS inlined (`npm test` builds it first). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const path = join(__dirname, '..', '..', 'dist', 'Sidebar.html');

function sidebar(): string {
  if (!existsSync(path)) throw new Error('dist/Sidebar.html is missing: run `npm run build` first');
  return readFileSync(path, 'utf8');
}

describe('dist/Sidebar.html', () => {
  it('weighs under 150 KB', () => {
    expect(Buffer.byteLength(sidebar(), 'utf8')).toBeLessThan(150 * 1024);
  });

  it('has its CSS and JS inlined, with no marker left and nothing loaded from elsewhere', () => {
    const html = sidebar();
    expect(html).not.toContain('/*INLINE_CSS*/');
    expect(html).not.toContain('/*INLINE_JS*/');
    expect(html).toMatch(/<style>[^<]*\.tab\[aria-selected/);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('contains no server code', () => {
    const html = sidebar();
    expect(html).not.toContain('SpreadsheetApp');
    expect(html).not.toContain('LockService');
  });

  it('is in Vietnamese and opens links outside the sidebar frame', () => {
    const html = sidebar();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<base target="_top">');
    expect(html).toContain('Tình hình');
  });
});
