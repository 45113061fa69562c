/**
 * Set-up of a year too large for one execution: it goes on in parts from a cursor in document
 * properties, each part started by a time-driven trigger the previous one leaves, and ends with
 * the same sheet, rights and state as a set-up done at once. Also: a new unit tab is written in
 * one block, an existing one only where it differs.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleYearConfig } from '../../src/app/sample';
import { SETUP_LIMITS, continueSetup, setupYear } from '../../src/app/setup';
import { getStatus, type StatusJson } from '../../src/app/status';
import { logEdit } from '../../src/app/audit';
import { SETUP_HANDLER } from '../../src/adapters/triggers';
import { KEY } from '../../src/workbook/state';
import { workbookText } from '../../src/i18n/workbook';
import { createFakeGoogle, type FakeGoogle } from '../fakes/google';
import { LEADER, OWNER, PROVINCES, TEAM, focal, plug } from './world';

const YEAR = 2021;
const limits = { ...SETUP_LIMITS };

afterEach(() => Object.assign(SETUP_LIMITS, limits));

/** The sample sheet, with the set-up trigger's handler reachable. */
function world(): FakeGoogle {
  const g = createFakeGoogle({
    owner: OWNER,
    now: Date.UTC(2021, 10, 15, 2, 0, 0),
    handlers: { onWorkbookEdit: (e: GoogleAppsScript.Events.SheetsOnEdit) => logEdit(e), [SETUP_HANDLER]: () => continueSetup() },
  });
  g.share([...PROVINCES.map(focal), ...TEAM]);
  plug(g);
  return g;
}

/** Everything in the sheet but Nhật ký (whose rows carry times), protections and state. */
function outcome(g: FakeGoogle): unknown {
  const s = g.serialize();
  const names = new Map(s.spreadsheet.sheets.map((x) => [x.id, x.name]));
  return {
    sheets: s.spreadsheet.sheets.filter((x) => x.name !== 'Nhật ký').map((x) => [x.name, x.rows, x.frozenRows, x.hidden]),
    protections: s.spreadsheet.protections
      .map((p) => [names.get(p.sheetId), p.description, p.rect, p.unprotected, [...(p.editors ?? ['(mirror)'])].sort(), p.domainEdit])
      .sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    tabs: Object.fromEntries(Object.entries(s.properties.document ?? {}).filter(([k]) => k.startsWith(KEY.tabPrefix))),
  };
}

const setupTriggers = (g: FakeGoogle) => g.shared.triggers.list.filter((t) => t.handler === SETUP_HANDLER && !t.fired);
const cursor = (g: FakeGoogle) => g.apps.PropertiesService.getDocumentProperties().getProperty(KEY.setup);

describe('a set-up too large for one execution', () => {
  let once: unknown;
  beforeEach(() => {
    const g = world();
    const r = g.asUser(OWNER, () => setupYear(sampleYearConfig(YEAR)));
    expect(r.ok, r.message).toBe(true);
    once = outcome(g);
  });

  it('goes on in parts, each started by a trigger, and ends as a set-up done at once', () => {
    SETUP_LIMITS.unitsPerRun = 2;
    const g = world();
    const first = g.asUser(OWNER, () => setupYear(sampleYearConfig(YEAR)));
    expect(first.ok, first.message).toBe(true);
    expect(first.message).toContain('2/6');
    expect(JSON.parse(cursor(g)!)).toMatchObject({ year: YEAR, next: 2, nextUnit: PROVINCES[2], total: 6 });
    expect(setupTriggers(g)).toHaveLength(1);
    const status = g.asUser(LEADER, () => getStatus()) as StatusJson;
    expect(status.setupProgress).toMatchObject({ done: 2, total: 6 });

    const second = g.runDueTriggers(SETUP_LIMITS.resumeAfterMs);
    expect(second.map((r) => [r.handler, r.user, r.error])).toEqual([[SETUP_HANDLER, OWNER, undefined]]);
    expect(JSON.parse(cursor(g)!)).toMatchObject({ next: 4 });
    g.runDueTriggers(SETUP_LIMITS.resumeAfterMs);

    expect(cursor(g)).toBeNull();
    expect(g.shared.triggers.list.filter((t) => t.handler === SETUP_HANDLER)).toEqual([]);
    expect(g.runDueTriggers(SETUP_LIMITS.resumeAfterMs)).toEqual([]);
    expect((g.asUser(LEADER, () => getStatus()) as StatusJson).setupProgress).toBeNull();
    expect(outcome(g)).toEqual(once);
  });

  it('stops starting unit tabs once the part is out of time, and the next part goes on from there', () => {
    SETUP_LIMITS.msPerRun = -1;
    const g = world();
    expect(g.asUser(OWNER, () => setupYear(sampleYearConfig(YEAR))).message).toContain('1/6');
    for (let part = 2; part <= 6; part++) {
      g.runDueTriggers(SETUP_LIMITS.resumeAfterMs);
      if (part < 6) expect(JSON.parse(cursor(g)!), `after part ${part}`).toMatchObject({ next: part });
    }
    expect(cursor(g)).toBeNull();
    expect(outcome(g)).toEqual(once);
  });

  it('keeps what a unit typed between two parts, and its rights', () => {
    SETUP_LIMITS.unitsPerRun = 3;
    const g = world();
    g.asUser(OWNER, () => setupYear(sampleYearConfig(YEAR)));
    const unit = PROVINCES[0]!;
    expect(g.userEdit(focal(unit), unit, 'G8', 1.5)).toMatchObject({ ok: true });
    const neighbour = focal(PROVINCES[3]!);
    expect(neighbour).not.toBe(LEADER);
    expect(g.userEdit(neighbour, unit, 'G8', 2)).toMatchObject({ ok: false });
    g.runDueTriggers(SETUP_LIMITS.resumeAfterMs);
    expect(cursor(g)).toBeNull();
    expect(g.peek(unit, 'G8')).toEqual([[1.5]]);
    expect(g.userEdit(neighbour, PROVINCES[3]!, 'G8', 1).ok).toBe(true);
    expect(g.userEdit(neighbour, PROVINCES[5]!, 'G8', 1).ok).toBe(false);
  });

  it('tries the part again later when someone else holds the lock when its trigger fires', () => {
    SETUP_LIMITS.unitsPerRun = 3;
    const g = world();
    g.asUser(OWNER, () => setupYear(sampleYearConfig(YEAR)));
    const other = g.fork({ user: LEADER });
    expect(other.apps.LockService.getDocumentLock().tryLock(0)).toBe(true);
    const busy = g.runDueTriggers(SETUP_LIMITS.resumeAfterMs);
    expect(busy).toHaveLength(1);
    expect(JSON.parse(cursor(g)!)).toMatchObject({ next: 3 });
    expect(setupTriggers(g)).toHaveLength(1);
    other.endExecution();
    g.runDueTriggers(SETUP_LIMITS.resumeAfterMs);
    expect(cursor(g)).toBeNull();
    expect(outcome(g)).toEqual(once);
  });

  it('waits an hour for the next part, as an add-on\'s trigger must; says so, and Tiếp tục khởi tạo goes on at once', () => {
    SETUP_LIMITS.unitsPerRun = 2;
    const g = world();
    const first = g.asUser(OWNER, () => setupYear(sampleYearConfig(YEAR)));
    expect(first.message).toContain('sau khoảng một giờ');
    const [trigger] = setupTriggers(g);
    expect(trigger!.at! - g.shared.clock.now).toBeGreaterThanOrEqual(60 * 60_000);
    const progress = (g.asUser(LEADER, () => getStatus()) as StatusJson).setupProgress!;
    expect(Date.parse(progress.resumeAt!) - Date.parse(progress.at)).toBeGreaterThanOrEqual(60 * 60_000);
    expect(g.runDueTriggers(59 * 60_000)).toEqual([]);
    // The clerk does not wait: the sidebar's button.
    const now = g.asUser(LEADER, () => continueSetup());
    expect(now.ok, now.message).toBe(true);
    expect(JSON.parse(cursor(g)!)).toMatchObject({ next: 4 });
  });

  it('lets a second user go on without finding or deleting the first user\'s trigger, and leaves none behind', () => {
    SETUP_LIMITS.unitsPerRun = 2;
    const g = world();
    g.asUser(OWNER, () => setupYear(sampleYearConfig(YEAR)));
    const ownerTrigger = setupTriggers(g)[0]!;
    const r = g.asUser(LEADER, () => continueSetup());
    expect(r.ok, r.message).toBe(true);
    expect(setupTriggers(g).map((t) => t.owner)).toEqual([OWNER, LEADER]);
    expect(setupTriggers(g)[0]).toBe(ownerTrigger);
    // Both fire: one finishes the set-up, the other finds nothing to do and removes itself.
    const runs = g.runDueTriggers(SETUP_LIMITS.resumeAfterMs);
    expect(runs.map((x) => [x.user, x.error])).toEqual([[OWNER, undefined], [LEADER, undefined]]);
    expect(cursor(g)).toBeNull();
    g.runDueTriggers(SETUP_LIMITS.resumeAfterMs);
    expect(g.shared.triggers.list.filter((t) => t.handler === SETUP_HANDLER)).toEqual([]);
    expect(outcome(g)).toEqual(once);
  });

  it('still does its part when Apps Script refuses the trigger, and tells the clerk to press Tiếp tục khởi tạo', () => {
    SETUP_LIMITS.unitsPerRun = 2;
    const g = world();
    // The owner already has a time-driven trigger: an add-on user may have one of each type.
    g.asUser(OWNER, () => g.apps.ScriptApp.newTrigger('somethingElse').timeBased().everyHours(6).create());
    const r = g.asUser(OWNER, () => setupYear(sampleYearConfig(YEAR)));
    expect(r.ok, r.message).toBe(true);
    expect(r.message).toContain('bấm Tiếp tục khởi tạo');
    expect(setupTriggers(g)).toEqual([]);
    expect((g.asUser(LEADER, () => getStatus()) as StatusJson).setupProgress).toMatchObject({ done: 2, total: 6, resumeAt: '' });
    for (let i = 0; i < 2; i++) expect(g.asUser(LEADER, () => continueSetup()).ok).toBe(true);
    expect(cursor(g)).toBeNull();
    expect(outcome(g)).toEqual(once);
  });

  it('warns, and still sets up, when the owner\'s edit log trigger is refused', () => {
    const g = world();
    g.asUser(OWNER, () => g.apps.ScriptApp.newTrigger('somethingElse').forSpreadsheet(g.apps.SpreadsheetApp.getActiveSpreadsheet()).onEdit().create());
    const r = g.asUser(OWNER, () => setupYear(sampleYearConfig(YEAR)));
    expect(r.ok, r.message).toBe(true);
    expect(r.problems.map((p) => p.message)).toContain(workbookText.actions.auditTriggerRefused);
  });

  it('does nothing when asked to continue with no set-up under way', () => {
    const g = world();
    const r = g.asUser(OWNER, () => continueSetup());
    expect(r.ok, r.message).toBe(true);
    expect(g.serialize().spreadsheet.sheets.map((x) => x.name)).toEqual(['Trang tính1']);
  });
});

describe('writing unit tabs', () => {
  it('writes each new unit tab in one block, and nothing when set up again', () => {
    const g = world();
    const from = g.env.callCount;
    g.asUser(OWNER, () => setupYear(sampleYearConfig(YEAR)));
    const setValues = g.env.calls.slice(from).filter((c) => c.name === 'Range.setValues').length;
    // One block per unit tab; Cấu hình, Tiêu chí, Tổng hợp, Bình xét, Nhật ký and the snapshot tab one each.
    expect(setValues).toBe(PROVINCES.length + 6);
    const again = g.env.callCount;
    g.asUser(OWNER, () => setupYear(sampleYearConfig(YEAR)));
    expect(g.env.calls.slice(again).filter((c) => c.name === 'Range.setValues')).toEqual([]);
  });

  it('lists the tabs once, however many it creates', () => {
    const g = world();
    const from = g.env.callCount;
    g.asUser(OWNER, () => setupYear(sampleYearConfig(YEAR)));
    const calls = g.env.calls.slice(from).map((c) => c.name);
    expect(calls.filter((n) => n === 'Spreadsheet.getSheets')).toHaveLength(1);
    expect(calls.filter((n) => n === 'Sheet.getName')).toHaveLength(1);
  });
});
