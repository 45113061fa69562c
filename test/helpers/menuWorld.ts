/**
 * The sample cluster's sheet over the pushed dist/Code.js, for tests that run menu items by NAME
 * as Sheets does: the owner's file shared with every focal officer and the cross-check team, and
 * `call` running a top-level function as a person.
 */
import { expect } from 'vitest';
import { createFakeGoogle, type FakeGoogleOptions } from '../fakes/google';
import type { MenuEntry } from '../fakes/sheets-ui';
import { OWNER, PROVINCES, TEAM, focal } from '../app/world';
import { loadBundleOver } from './bundle';

export function bundleWorld(options: Omit<FakeGoogleOptions, 'owner'> = {}) {
  const g = createFakeGoogle({ owner: OWNER, ...options });
  g.share([...PROVINCES.map(focal), ...TEAM]);
  const context = loadBundleOver(g);
  const call = (user: string, fn: string, ...args: unknown[]) => g.asUser(user, () => (context[fn] as (...a: unknown[]) => unknown)(...args));
  return { g, context, call };
}

/** The function a submenu's item names, found by captions as a person finds it. */
export function submenuItem(menus: ReadonlyArray<{ items: MenuEntry[] }>, submenu: string, caption: string): string {
  const sub = menus.flatMap((m) => m.items).find((i) => i.kind === 'submenu' && i.caption === submenu);
  expect(sub, `submenu ${submenu}`).toBeDefined();
  const item = (sub as { items: MenuEntry[] }).items.find((i) => i.kind === 'item' && i.caption === caption);
  expect(item, caption).toBeDefined();
  return (item as { functionName: string }).functionName;
}
