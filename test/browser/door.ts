/**
 * The sidebar reached as a person reaches it: the menu item "Mở bảng điều khiển" runs the
 * top-level showSidebar of the pushed dist/Code.js, which hands HtmlService's output to
 * Ui.showSidebar. Nothing here loads Sidebar.html on its own.
 */
import type { Browser } from 'playwright-core';
import { createFakeGoogle } from '../fakes/google';
import { distDir, loadBundleOver } from '../helpers/bundle';
import { openSidebar, type Opened, type Responses } from './harness';

const OWNER = 'chu.bangtinh@gmail.com';
const EDITOR = 'cumtruong.vks@gmail.com';

/** The HTML Sheets would show: what showSidebar gave Ui.showSidebar, run as an editor by the menu's name. */
export function sidebarShownByMenu(): string {
  const g = createFakeGoogle({ owner: OWNER, editors: [EDITOR], htmlDir: distDir });
  const context = loadBundleOver(g);
  g.execute(OWNER, () => (context.onOpen as (e: unknown) => void)({ authMode: 'LIMITED' }), 'LIMITED');
  const item = g.ui.menus.flatMap((m) => m.items).find((i) => i.kind === 'item' && i.caption === 'Mở bảng điều khiển');
  if (item?.kind !== 'item') throw new Error('the add-on menu has no "Mở bảng điều khiển" item');
  g.execute(EDITOR, () => (context[item.functionName] as () => void)());
  const shown = g.ui.lastSidebar;
  if (!shown) throw new Error(`${item.functionName} did not call Ui.showSidebar`);
  return shown.snapshot().content;
}

/** In the playground: the person picks the menu item (its function runs by name), then sees the sidebar. */
export async function openSidebarFromMenu(browser: Browser, baseUrl: string, user: string, responses: Responses | null = null): Promise<Opened> {
  const r = await fetch(`${baseUrl}/api/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user, fn: 'showSidebar', args: [] }),
  });
  const out = (await r.json()) as { ok: boolean; sidebar: unknown; error?: string };
  if (!out.ok || !out.sidebar) throw new Error(`showSidebar opened no sidebar: ${out.error ?? JSON.stringify(out)}`);
  return openSidebar(browser, `${baseUrl}/sidebar?user=${encodeURIComponent(user)}`, responses);
}
