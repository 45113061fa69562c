/**
 * A workbook for the bench: the built dist/Code.js loaded into one node:vm context over the
 * in-memory fakes (what is pushed is what is measured), a year of U units × C criteria set up
 * through the bundle's own setupYear, every unit's scores filled through the fakes (not counted:
 * the fill is not what is measured), and one execution of a public function with its call log.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import type { ScoreEntry, ScoringYear } from '../../src/core/model';
import { generateYear } from '../../src/core/samples';
import { workbookText } from '../../src/i18n/workbook';
import type { YearConfig } from '../../src/workbook/config';
import { UNIT_LAYOUT } from '../../src/workbook/unitSheet';
import { createDocumentFakes, type DocumentFakes } from '../../test/fakes/documents';
import { createFakeGoogle, type FakeGoogle } from '../../test/fakes/google';
import { groupByName, installCellMeter, meteredCalls, simulatedMs } from './meter';
import type { MeteredCall } from './latency';

export const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const CODE_PATH = join(ROOT, 'dist', 'Code.js');
export const OWNER = 'owner@example.com';

let script: vm.Script | null = null;

/** The bundle, compiled once per process. */
function bundle(): vm.Script {
  if (!script) {
    if (!existsSync(CODE_PATH)) throw new Error('dist/Code.js is missing: run `npm run build` first');
    script = new vm.Script(readFileSync(CODE_PATH, 'utf8'), { filename: 'Code.js' });
  }
  return script;
}

/** One run of a public function: its result, its calls and its wall time on this machine. */
export interface Execution<T = unknown> {
  result: T;
  calls: MeteredCall[];
  cpuMs: number;
}

export class BenchWorld {
  readonly google: FakeGoogle;
  docs!: DocumentFakes;
  readonly context: vm.Context;

  constructor() {
    installCellMeter();
    let first: DocumentFakes | null = null;
    this.google = createFakeGoogle({
      owner: OWNER,
      spreadsheetName: 'Thi đua — bench',
      now: new Date('2024-11-20T09:00:00+07:00'),
      extraGlobals: ({ env }) => {
        const docs = first ? createDocumentFakes(env, first.store) : createDocumentFakes(env);
        first ??= docs;
        return { DocumentApp: docs.DocumentApp, DriveApp: docs.DriveApp, MimeType: docs.MimeType, Drive: docs.Drive };
      },
    });
    this.docs = first!;
    const context: Record<string, unknown> = { console };
    this.google.installGlobals(context);
    this.context = vm.createContext(context);
    bundle().runInContext(this.context);
  }

  /** A top-level function of the bundle, by name. */
  fn(name: string): (...args: unknown[]) => unknown {
    const f = this.context[name];
    if (typeof f !== 'function') throw new Error(`dist/Code.js has no top-level function ${name}`);
    return f as (...args: unknown[]) => unknown;
  }

  /**
   * Runs a public function as `user` in one execution, counting its calls from zero. Arguments
   * go through JSON as google.script.run would send them.
   */
  execute<T = unknown>(name: string, args: unknown[] = [], user = OWNER): Execution<T> {
    const f = this.fn(name);
    const sent = JSON.parse(JSON.stringify(args)) as unknown[];
    this.google.env.resetCalls();
    const t0 = performance.now();
    const result = this.google.execute(user, () => f(...sent)) as T;
    const cpuMs = performance.now() - t0;
    const calls = meteredCalls(this.google.env);
    this.docs.store.endExecution();
    return { result, calls, cpuMs };
  }

  /** Runs plain code against the fakes as one execution (the naive peer), counting its calls. */
  executeLocal<T>(fn: (apps: FakeGoogle['apps']) => T, user = OWNER): Execution<T> {
    this.google.env.resetCalls();
    const t0 = performance.now();
    const result = this.google.execute(user, () => fn(this.google.apps));
    const cpuMs = performance.now() - t0;
    return { result, calls: meteredCalls(this.google.env), cpuMs };
  }
}

/** The set-up config for a generated year, made as src/app/sample.ts makes the sample's. */
export function yearConfig(year: ScoringYear): YearConfig {
  return { cluster: year.cluster, units: year.units, crossCheckTeam: [{ email: 'totochuc@example.com' }], rules: year.rules, criteria: year.criteria };
}

/** What a person types for a value of a phase column: "Có"/"Không" on veto rows. */
function typed(value: number | undefined, veto: boolean): string | number {
  if (value === undefined) return '';
  if (!veto) return value;
  return value === 1 ? workbookText.unit.vetoYes : workbookText.unit.vetoNo;
}

/** The input cells F…K (result, self, explanation, evidence, cross-check, final) of one entry. */
function inputRow(e: ScoreEntry | undefined, veto: boolean): Array<string | number> {
  if (!e) return ['', '', '', '', '', ''];
  if (e.notApplicable) return ['', workbookText.unit.notApplicable, '', '', '', ''];
  return [e.result ?? '', typed(e.self, veto), '', '', typed(e.crossCheck, veto), typed(e.final, veto)];
}

/**
 * Writes every unit's generated scores into its tab, one block per tab, through a second
 * execution over the same state (its calls are not the measured execution's).
 */
export function fillScores(world: BenchWorld, year: ScoringYear): void {
  const hands = world.google.fork({ user: OWNER });
  const kinds = new Map(year.criteria.rows.map((c) => [c.code, c.kind]));
  const C = UNIT_LAYOUT.column;
  for (const unit of year.units) {
    const codes = world.google.peek(unit.id, `A${UNIT_LAYOUT.firstRow}:A${UNIT_LAYOUT.firstRow + year.criteria.rows.length - 1}`);
    const entries = new Map((year.scores.find((s) => s.unitId === unit.id)?.entries ?? []).map((e) => [e.code, e]));
    const block = codes.map(([code]) => inputRow(entries.get(String(code)), kinds.get(String(code)) === 'veto'));
    const sheet = hands.apps.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(unit.id);
    if (!sheet) throw new Error(`no tab for ${unit.id}`);
    sheet.getRange(UNIT_LAYOUT.firstRow, C.result, block.length, C.final - C.result + 1).setValues(block);
  }
  hands.endExecution();
}

/** One execution of set-up: its calls and their modelled time (latency + CPU). */
export interface SetupPart {
  calls: number;
  simulatedMs: number;
  cpuMs: number;
}

/** A set-up, filled year of `units` × `criteria`, and what the set-up cost. */
export interface PreparedYear {
  world: BenchWorld;
  year: ScoringYear;
  /** CPU of every set-up execution together. */
  setupMs: number;
  /** Calls of every set-up execution together. */
  setupCalls: number;
  /** Each execution: setupYear, then each part a time-driven trigger started. */
  setupParts: SetupPart[];
  fillMs: number;
}

/**
 * Sets up a generated year through the bundle's setupYear as the owner, following a set-up too
 * large for one execution through every part its triggers start, then fills it.
 */
export function prepareYear(units: number, criteria: number, seed = 42): PreparedYear {
  const world = new BenchWorld();
  const year = generateYear({ units, criteria, seed });
  const setup = world.execute<{ ok: boolean; message: string }>('setupYear', [yearConfig(year)]);
  if (!setup.result.ok) throw new Error(`setupYear ${units}×${criteria} refused: ${setup.result.message}`);
  const parts: SetupPart[] = [{ calls: setup.calls.length, simulatedMs: simulatedMs(setup.calls, setup.cpuMs), cpuMs: setup.cpuMs }];
  for (let i = 0; i < 100; i++) {
    world.google.env.resetCalls();
    const t = performance.now();
    // Each part leaves a one-off trigger for the next, an hour on (an add-on's trigger runs at most hourly).
    const runs = world.google.runDueTriggers(60 * 60_000);
    const cpuMs = performance.now() - t;
    world.docs.store.endExecution();
    if (runs.length === 0) break;
    const failed = runs.find((r) => r.error !== undefined);
    if (failed) throw new Error(`${failed.handler} ${units}×${criteria} failed: ${String(failed.error)}`);
    const calls = meteredCalls(world.google.env);
    parts.push({ calls: calls.length, simulatedMs: simulatedMs(calls, cpuMs), cpuMs });
  }
  const t0 = performance.now();
  fillScores(world, year);
  return {
    world, year, setupParts: parts, fillMs: performance.now() - t0,
    setupMs: parts.reduce((n, p) => n + p.cpuMs, 0), setupCalls: parts.reduce((n, p) => n + p.calls, 0),
  };
}

/** One action's execution as a bench row: its calls, the latency model's time, CPU, calls by name. */
export interface ActionRow {
  action: string;
  units: number;
  criteria: number;
  calls: number;
  simulatedMs: number;
  cpuMs: number;
  byName: Array<{ name: string; count: number }>;
}

/** The row of an execution that must have answered ok (a refusal stops the bench with its message). */
export function actionRow(action: string, units: number, criteria: number, run: Execution<{ ok: boolean; message?: string }>): ActionRow {
  if (!run.result.ok) throw new Error(`${action} ${units}×${criteria} failed: ${run.result.message ?? ''}`);
  return {
    action, units, criteria, calls: run.calls.length, simulatedMs: simulatedMs(run.calls, run.cpuMs), cpuMs: Math.round(run.cpuMs),
    byName: groupByName(run.calls).map((g) => ({ name: g.name, count: g.count })),
  };
}
