/**
 * A service call failing part-way ("Service invoked too many times", "Exceeded maximum execution
 * time"), at every call position of the actions test/app/faults.test.ts does not cover — return,
 * reopen, ballot, close, copy to a new year, and the covenant, report and proposal written from
 * the sheet — sampled where a run makes hundreds of calls (see `positions`). At each position:
 * the user gets a plain Vietnamese message, no typed cell is lost, and running the action again
 * leaves the workbook as a clean run leaves it; no half-written document is ever presented under
 * a final name.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { useDocumentServices } from '../../src/adapters/documents';
import { saveBallot } from '../../src/app/ballot';
import { closeYear } from '../../src/app/close';
import { copyToNewYear } from '../../src/app/copyYear';
import { generateDocument, isDraft, type DocumentKind } from '../../src/app/documents';
import type { ActionResult } from '../../src/app/result';
import { reopen, returnSubmission, submit } from '../../src/app/submission';
import { workbookText } from '../../src/i18n/workbook';
import { filledYear } from '../app/steps';
import { LEADER, OWNER, PROVINCES, newWorld } from '../app/world';
import { createDocumentFakes, docText, type DocumentFakes, type SerializedDocs } from '../fakes/documents';
import type { FakeGoogle, SerializedState } from '../fakes/google';
import { isPlainVietnamese, lostCells, positions, recordFigures, typedCells } from './helpers';

const TN = 'Tây Ninh';
const LOG = workbookText.log.actions;
let injected = 0;
let cellsLost = 0;
const perAction: Record<string, string> = {};

afterAll(() => {
  recordFigures('faults', { faultPositions: injected, cellsLost, ...perAction });
});

// ———————————————————————————————————————————— what "the same workbook" means

const TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z|\d{1,2}:\d{2}( \d{2}\/\d{2}\/\d{4})?|\d{2}\/\d{2}\/\d{4}/g;

/** A saved state with times masked, the log and its queue left out (logging is best effort). */
function observe(state: SerializedState, unitTabs: readonly string[]): unknown {
  const ss = state.spreadsheet;
  const names = new Map(ss.sheets.map((s) => [s.id, s.name]));
  const sheets = ss.sheets
    .filter((s) => s.name !== 'Nhật ký' && s.name !== 'Văn bản')
    .map((s) => {
      const rows = JSON.parse(JSON.stringify(s.rows, (_k, v: unknown) => (typeof v === 'string' ? maskSnapshot(v).replace(TIME, 'T') : v))) as unknown;
      return { name: s.name, hidden: s.hidden, rows };
    });
  const protections = ss.protections
    .map((p) => ({ sheet: names.get(p.sheetId), d: p.description, rect: p.rect, editors: [...(p.editors ?? ['*'])].sort(), holes: p.unprotected }))
    .sort((a, b) => `${a.sheet}${a.d}`.localeCompare(`${b.sheet}${b.d}`));
  const props = Object.fromEntries(Object.entries(state.properties.document)
    .filter(([k]) => !k.startsWith('thidua.logq.') && !k.startsWith('thidua.lastEdit.'))
    .map(([k, v]) => [k, parsed(v.replace(TIME, 'T'))]));
  return { sheets, protections, props, typed: [...typedCells(state, unitTabs)].sort() };
}

/** Deep equality of two observations (key order aside). */
function same(a: unknown, b: unknown): boolean {
  const sort = (v: unknown): unknown => (Array.isArray(v) ? v.map(sort) : v && typeof v === 'object'
    ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])])) : v);
  return JSON.stringify(sort(a)) === JSON.stringify(sort(b));
}

function parsed(v: string): unknown {
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}

/** Rows logged for an action: written in Nhật ký, or queued for the owner's next run. */
function logged(state: SerializedState, action: string): number {
  const log = state.spreadsheet.sheets.find((s) => s.name === 'Nhật ký');
  const written = Object.values(log?.rows ?? {}).filter((row) => row['4']?.v === action).length;
  const queued = Object.entries(state.properties.document)
    .filter(([k]) => k.startsWith('thidua.logq.'))
    .flatMap(([, v]) => JSON.parse(v) as unknown[][])
    .filter((row) => row[3] === action).length;
  return written + queued;
}

/** A snapshot cell is JSON with the closing time inside: masked like any time. */
function maskSnapshot(v: string): string {
  return v.startsWith('{"year"') ? v.replace(/"closedAt":"[^"]*"/, '"closedAt":"T"') : v;
}

// ———————————————————————————————————————————— the runner

interface Scenario {
  action: string;
  /** How many positions at most (every one when the run is shorter). */
  budget: number;
  /** The starting workbook. */
  start: (g: FakeGoogle) => void;
  run: (g: FakeGoogle) => ActionResult;
  /** Its label in Nhật ký: a run that completes the action must leave it logged. */
  logs: string;
  /** Unit tab names as they are after the action (copy renames them). */
  tabsAfter?: readonly string[];
}

function calls(g: FakeGoogle, from: number): string[] {
  return g.env.calls.slice(from).map((c) => c.name);
}

function runScenario(s: Scenario): { positions: number; asBefore: number; completed: number; total: number } {
  const g = newWorld();
  s.start(g);
  const start = g.serialize();
  const tabs = s.tabsAfter ?? PROVINCES;
  const typedStart = typedCells(start, tabs);
  const from = g.env.callCount;
  const clean = s.run(g);
  expect(clean.ok, `${s.action}: ${clean.message}`).toBe(true);
  const log = calls(g, from);
  const expected = observe(g.serialize(), tabs);
  const before = observe(start, tabs);
  const chosen = positions(log, s.budget);
  let asBefore = 0;
  for (const at of chosen) {
    g.restore(start);
    g.env.failNthCall(at);
    const r = s.run(g);
    g.env.clearFaults();
    injected++;
    const where = `${s.action}, fault at call ${at} (${log[at - 1]})`;
    expect(isPlainVietnamese(r.message), `${where}: ${r.message}`).toBe(true);
    const afterFault = g.serialize();
    const lost = lostCells(typedStart, typedCells(afterFault, tabs), afterFault);
    cellsLost += lost.length;
    expect(lost, where).toEqual([]);
    const seen = observe(afterFault, tabs);
    if (!r.ok && same(seen, before)) asBefore++;
    const done = same(seen, expected);
    const again = s.run(g);
    // A second run may refuse only when the first had in fact finished (a fault at the lock's release).
    if (!again.ok) {
      expect(done, `${where}: rerun refused (${again.message}) with the action unfinished`).toBe(true);
      expect(isPlainVietnamese(again.message), again.message).toBe(true);
    }
    const final = g.serialize();
    // Logging is best effort (a lost log line never fails a finished action), but an action
    // completed by a second run is logged.
    if (!r.ok && !done) expect(logged(final, s.logs) - logged(start, s.logs), `${where}: logged in Nhật ký`).toBeGreaterThan(0);
    const got = observe(final, tabs) as Record<string, unknown>;
    for (const part of Object.keys(expected as object)) {
      expect(got[part], `${where}: ${part} after a second run`).toEqual((expected as Record<string, unknown>)[part]);
    }
  }
  return { positions: chosen.length, asBefore, completed: chosen.length - asBefore, total: log.length };
}

function submittedTN(g: FakeGoogle): void {
  filledYear(g);
  expect(g.asUser(LEADER, () => submit(TN)).ok).toBe(true);
}

const SCENARIOS: Scenario[] = [
  {
    action: 'returning a submission', budget: 60, start: submittedTN, logs: LOG.returned,
    run: (g) => g.asUser(LEADER, () => returnSubmission(TN, 'Thiếu minh chứng dòng I.1.4')),
  },
  { action: 'reopening a submission', budget: 60, start: submittedTN, logs: LOG.reopen, run: (g) => g.asUser(LEADER, () => reopen(TN)) },
  {
    action: 'saving a ballot', budget: 60, start: filledYear, logs: LOG.ballot,
    run: (g) => g.asUser(LEADER, () => saveBallot('co-thi-dua', { issued: 6, returned: 6, valid: 6, invalid: 0, votes: { 'Đồng Nai': 5, 'Bình Dương': 1 } })),
  },
  { action: 'closing the year', budget: 45, start: filledYear, logs: LOG.close, run: (g) => g.asUser(LEADER, () => closeYear()) },
  {
    action: 'copying to a new year', budget: 30, logs: LOG.setup,
    start: (g) => {
      filledYear(g);
      expect(g.asUser(OWNER, () => closeYear()).ok).toBe(true);
    },
    run: (g) => g.asUser(OWNER, () => copyToNewYear(2022)),
    tabsAfter: [...PROVINCES, ...PROVINCES.map((p) => `${p} 2021`)],
  },
];

describe('a failing service call in a workbook action', () => {
  for (const s of SCENARIOS) {
    it(`at any sampled point of ${s.action} loses nothing typed, and a second run completes it`, { timeout: 120_000 }, () => {
      const r = runScenario(s);
      perAction[s.action] = `${r.positions} of ${r.total} positions; ${r.asBefore} left as before, ${r.completed} completed by the rerun`;
      console.info(`${s.action}: ${perAction[s.action]}`);
      expect(r.positions).toBeGreaterThan(0);
    });
  }
});

// ———————————————————————————————————————————— documents from the sheet

describe('a failing service call while writing a document from the sheet', () => {
  const OPTIONS = { pdf: true, date: '2021-11-16', number: 7 };

  for (const kind of ['covenant', 'report', 'proposal'] as const satisfies readonly DocumentKind[]) {
    it(`at any sampled point of the ${kind} presents only complete documents as final, and a second run completes it`, { timeout: 120_000 }, () => {
      const g = newWorld();
      filledYear(g);
      const start = g.serialize();
      const docsStart: SerializedDocs = createDocumentFakes(g.env).serialize();
      let fakes: DocumentFakes = createDocumentFakes(g.env, docsStart);
      const fresh = () => {
        g.restore(start);
        fakes = createDocumentFakes(g.env, docsStart);
        useDocumentServices({ documentApp: fakes.DocumentApp, drive: fakes.Drive });
      };
      const generate = () => g.asUser(LEADER, () => generateDocument(kind, OPTIONS));
      const live = () => Object.values(fakes.store.drive.state.files).filter((f) => !f.trashed && f.mimeType !== 'application/vnd.google-apps.folder');
      const finals = () => live().filter((f) => !isDraft(f.name));
      // Read as the cụm trưởng, whose run made them (DocumentApp checks the reader's Drive role).
      const textOf = (id: string) => g.asUser(LEADER, () => docText(fakes.DocumentApp.openById(id)));

      fresh();
      const from = g.env.callCount;
      const ref = generate();
      expect(ref.ok, ref.message).toBe(true);
      const log = calls(g, from);
      const refDoc = finals().find((f) => f.mimeType === 'application/vnd.google-apps.document')!;
      const expectedText = textOf(refDoc.id);
      const typedStart = typedCells(start);
      const chosen = positions(log, 30);
      for (const at of chosen) {
        fresh();
        g.env.failNthCall(at);
        const r = generate();
        g.env.clearFaults();
        injected++;
        const where = `${kind}, fault at call ${at} (${log[at - 1]})`;
        expect(isPlainVietnamese(r.message), `${where}: ${r.message}`).toBe(true);
        // Nothing half-written under a final name, no draft left in sight.
        const docs = finals().filter((f) => f.mimeType === 'application/vnd.google-apps.document');
        expect(docs.length, where).toBeLessThanOrEqual(1);
        for (const d of docs) expect(textOf(d.id), where).toBe(expectedText);
        expect(finals().filter((f) => f.mimeType === 'application/pdf').length, where).toBe(docs.length);
        expect(live().filter((f) => isDraft(f.name)).map((f) => f.name), where).toEqual([]);
        if (r.ok) expect(docs.length, where).toBe(1);
        const lost = lostCells(typedStart, typedCells(g.serialize()));
        cellsLost += lost.length;
        expect(lost, where).toEqual([]);
        // Running it again gives a complete document (a new version if the first one was made).
        const again = generate();
        expect(again.ok, `${where}: rerun ${again.message}`).toBe(true);
        expect(again.version, where).toBe(docs.length + 1);
        expect(textOf(/\/d\/([\w-]+)\//.exec(again.url!)![1]!), where).toBe(expectedText);
        for (const row of g.peek('Văn bản').slice(1)) {
          const id = /\/d\/([\w-]+)\//.exec(String(row[4]))?.[1];
          expect(id && fakes.store.drive.state.files[id] && !fakes.store.drive.state.files[id]!.trashed, `${where}: Văn bản row ${String(row[3])}`).toBe(true);
        }
      }
      perAction[`document ${kind}`] = `${chosen.length} of ${log.length} positions`;
      console.info(`${kind}: ${perAction[`document ${kind}`]}`);
    });
  }
});

describe('the sampling of fault positions', () => {
  it('takes every position of a short run', () => {
    expect(positions(['a', 'b', 'c'], 10)).toEqual([1, 2, 3]);
  });

  it('keeps the ends, every distinct call and the calls that write, within the budget', () => {
    const log = [...Array<string>(200).fill('Range.getValues'), 'Range.setValues', ...Array<string>(200).fill('Sheet.getName'), 'Properties.setProperties'];
    const p = positions(log, 20);
    expect(p.length).toBeLessThanOrEqual(20);
    expect(p).toEqual(expect.arrayContaining([1, 2, 3, 201, 202, 400, 401, 402]));
    expect(p[p.length - 1]).toBe(log.length);
  });
});

describe('a failure between creating a protection and naming it', () => {
  it('leaves no nameless protection behind once the action is run again', () => {
    const g = newWorld();
    filledYear(g);
    const start = g.serialize();
    const from = g.env.callCount;
    expect(g.asUser(LEADER, () => closeYear()).ok).toBe(true);
    const clean = g.serialize().spreadsheet.protections.length;
    const at = g.env.calls.slice(from).findIndex((c) => c.name === 'Protection.setDescription') + 1;
    expect(at).toBeGreaterThan(0);
    g.restore(start);
    g.env.failNthCall(at);
    expect(g.asUser(LEADER, () => closeYear()).ok).toBe(false);
    g.env.clearFaults();
    injected++;
    expect(g.asUser(LEADER, () => closeYear()).ok).toBe(true);
    expect(g.serialize().spreadsheet.protections.filter((p) => !p.description.includes('[thidua:'))).toEqual([]);
    expect(g.serialize().spreadsheet.protections.length).toBe(clean);
  });
});
