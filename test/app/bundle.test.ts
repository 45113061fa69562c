/**
 * The workbook through the pushed bundle, as Apps Script runs it: dist/Code.js in one vm context
 * over the fake services, called through the top-level stubs (google.script.run, the menu, the
 * installable trigger). `npm test` builds dist/ first.
 */
import { describe, expect, it } from 'vitest';
import { loadBundleOver } from '../helpers/bundle';
import { createDocumentFakes, type DocumentFakes } from '../fakes/documents';
import { createFakeGoogle } from '../fakes/google';
import { LEADER, OWNER, PROVINCES, TEAM, focal } from './world';

function loaded(options: Parameters<typeof createFakeGoogle>[0] = {}) {
  const g = createFakeGoogle({ owner: OWNER, ...options });
  g.share([...PROVINCES.map(focal), ...TEAM]);
  const context = loadBundleOver(g);
  const call = (user: string, fn: string, ...args: unknown[]) => g.asUser(user, () => (context[fn] as (...a: unknown[]) => unknown)(...args));
  return { g, call };
}

describe('the workbook in the pushed bundle', () => {
  it('sets up, takes edits through the trigger, recomputes and reports status through the stubs', () => {
    const { g, call } = loaded();
    expect(call(OWNER, 'setupSampleYear', 2021)).toMatchObject({ ok: true });
    expect(g.userEdit(focal('Tây Ninh'), 'Tây Ninh', 'G10', 4)).toMatchObject({ ok: true, triggerErrors: [] });
    expect(g.peek('Nhật ký').some((r) => r[4] === 'Tây Ninh' && r[5] === 'G10')).toBe(true);
    expect(call(LEADER, 'recompute')).toMatchObject({ ok: true });
    const status = JSON.parse(JSON.stringify(call(focal('Tây Ninh'), 'getStatus'))) as { units: Array<{ id: string; filled: number }> };
    expect(status.units.find((u) => u.id === 'Tây Ninh')?.filled).toBe(1);
  });

  it('builds the menu with the workbook actions, in AuthMode.NONE', () => {
    const g = createFakeGoogle({ owner: OWNER, authMode: 'NONE' });
    const context = loadBundleOver(g);
    (context.onOpen as (e: unknown) => void)({ authMode: 'NONE' });
    const items = JSON.stringify(g.ui);
    for (const fn of ['menuSetupYear', 'menuRecompute', 'menuSubmit', 'menuCloseYear', 'menuCopyYear', 'menuCovenant', 'menuMinutes', 'menuReport', 'menuProposal']) {
      expect(items, fn).toContain(fn);
      expect(typeof context[fn], fn).toBe('function');
    }
  });

  it('makes the covenant from the menu: Tạo văn bản → Giao ước thi đua, and tells where it is', () => {
    let docs!: DocumentFakes;
    const { g, call } = loaded({
      extraGlobals: ({ env }) => {
        docs = createDocumentFakes(env);
        return { ...docs };
      },
    });
    expect(call(OWNER, 'setupSampleYear', 2021)).toMatchObject({ ok: true });
    call(LEADER, 'menuCovenant');
    const alert = g.ui.alerts[g.ui.alerts.length - 1]!;
    expect(alert.prompt).toContain('Mở tại: https://docs.google.com/document/d/');
    const names = Object.values(docs.serialize().drive.files).map((f) => f.name);
    expect(names).toContain('Giao ước thi đua năm 2021 - Cụm thi đua số 9');
    expect(names).toContain('Giao ước thi đua năm 2021 - Cụm thi đua số 9.pdf');
  });
});
