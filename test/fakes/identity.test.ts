/**
 * Who the script may see as the person acting, as Google tells it: the person at the keyboard in
 * a menu or sidebar execution; in an installable trigger (which runs as its creator) the editor
 * only when Google lets the creator see them — never with consumer accounts, within the domain in
 * Workspace. And what the edit event carries: old and new value only for a one-cell edit.
 */
import { describe, expect, it } from 'vitest';
import { createFakeGoogle, type FakeGoogleOptions } from './google';

const OWNER = 'chusohuu@gmail.com';
const LEADER = 'cumtruong.binhduong@gmail.com';

interface Seen {
  user: string;
  active: string;
  effective: string;
  keys: string[];
  value?: string;
  oldValue?: string;
}

function world(options: FakeGoogleOptions = {}) {
  const g = createFakeGoogle({ owner: OWNER, editors: [LEADER, 'bd@vks.gov.vn', 'dn@vks.gov.vn'], ...options });
  const ss = g.globals.SpreadsheetApp.getActiveSpreadsheet();
  ss.insertSheet('BD').getRange('B2').setValue(7);
  const seen: Seen[] = [];
  g.setHandlerScope({
    log: (e: { user: { getEmail(): string }; value?: string; oldValue?: string }) => seen.push({
      user: e.user.getEmail(),
      active: g.globals.Session.getActiveUser().getEmail(),
      effective: g.globals.Session.getEffectiveUser().getEmail(),
      keys: Object.keys(e).sort(),
      ...(e.value !== undefined ? { value: e.value } : {}),
      ...(e.oldValue !== undefined ? { oldValue: e.oldValue } : {}),
    }),
  });
  g.globals.ScriptApp.newTrigger('log').forSpreadsheet(ss).onEdit().create();
  return { g, seen };
}

describe('identity with consumer accounts (the default)', () => {
  it("hides another person's edit from the owner's trigger: e.user and getActiveUser are blank, the effective user is the creator", () => {
    const { g, seen } = world();
    g.userEdit(LEADER, 'BD', 'B2', 8);
    expect(seen).toEqual([{ user: '', active: '', effective: OWNER, keys: expect.any(Array), value: '8', oldValue: '7' }]);
  });

  it("shows the trigger's creator their own edit", () => {
    const { g, seen } = world();
    g.userEdit(OWNER, 'BD', 'B2', 9);
    expect(seen[0]).toMatchObject({ user: OWNER, active: OWNER, effective: OWNER });
  });

  it('knows the person at the keyboard in a menu or sidebar execution', () => {
    const { g } = world();
    const who = g.execute(LEADER, () => [g.globals.Session.getActiveUser().getEmail(), g.globals.Session.getEffectiveUser().getEmail()]);
    expect(who).toEqual([LEADER, LEADER]);
  });

  it('runs a time-driven trigger as its creator, who is also the active user', () => {
    const { g } = world({ now: 0 });
    const who: string[] = [];
    g.setHandlerScope({ tick: () => who.push(g.globals.Session.getActiveUser().getEmail(), g.globals.Session.getEffectiveUser().getEmail()) });
    g.asUser(LEADER, () => g.globals.ScriptApp.newTrigger('tick').timeBased().after(3_600_000).create());
    g.runDueTriggers(3_600_000);
    expect(who).toEqual([LEADER, LEADER]);
  });
});

describe('identity in a Workspace domain', () => {
  it("shows the owner's trigger an editor of the same domain, and hides others", () => {
    const { g, seen } = world({ owner: 'chanhvp@vks.gov.vn', editors: ['bd@vks.gov.vn', LEADER], accounts: 'workspace' });
    g.userEdit('bd@vks.gov.vn', 'BD', 'B2', 8);
    g.userEdit(LEADER, 'BD', 'B2', 9);
    expect(seen.map((s) => [s.user, s.active, s.effective])).toEqual([
      ['bd@vks.gov.vn', 'bd@vks.gov.vn', 'chanhvp@vks.gov.vn'],
      ['', '', 'chanhvp@vks.gov.vn'],
    ]);
  });
});

describe('the edit event', () => {
  it('carries value and oldValue for a one-cell edit, oldValue absent when the cell was empty', () => {
    const { g, seen } = world();
    g.userEdit(LEADER, 'BD', 'B2', 8);
    g.userEdit(LEADER, 'BD', 'C2', 'mới');
    expect(seen.map((s) => [s.value, s.oldValue])).toEqual([['8', '7'], ['mới', undefined]]);
    expect(seen[1]!.keys).not.toContain('oldValue');
  });

  it('carries neither for a paste of several cells', () => {
    const { g, seen } = world();
    g.userEdit(LEADER, 'BD', 'B2', [[1, 2], [3, 4]]);
    expect(seen[0]!.keys).toEqual(['authMode', 'range', 'source', 'triggerUid', 'user']);
  });
});
