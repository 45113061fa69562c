/**
 * What the reliability suites share: a snapshot of every cell a person typed (to prove nothing
 * typed is lost), the sampling of call positions, a second execution run at a chosen call of a
 * first one, and the figures each suite writes to test-results/reliability.json so that the
 * README's numbers can be rerun. Not a test file.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ActionResult } from '../../src/app/result';
import { UNIT_LAYOUT } from '../../src/workbook/unitSheet';
import { OWNER, PROVINCES, plug } from '../app/world';
import { toA1 } from '../fakes/a1';
import type { FakeGoogle, SerializedState } from '../fakes/google';

// ———————————————————————————————————————————— typed cells

/** Tabs people type in (besides the unit tabs), and the first row of what they type. */
const TYPED_TABS: Record<string, { firstRow: number; firstColumn: number }> = {
  'Cấu hình': { firstRow: 5, firstColumn: 1 },
  'Tiêu chí': { firstRow: 5, firstColumn: 1 },
  'Bình xét': { firstRow: 4, firstColumn: 3 },
};

/** The plain name of a tab kept from a past year ("Cấu hình 2021" → "Cấu hình"). */
function archived(name: string): string {
  return name.replace(/ (19|20)\d\d( \(\d+\))?$/, '');
}

/**
 * Every non-blank person-typed cell of a saved state, keyed by sheet id and A1 (so a renamed
 * tab keeps its keys): the input columns of the unit tabs (kết quả … ghi chú, F…L from row 5),
 * Cấu hình and Tiêu chí from row 5, the counts and votes of Bình xét. Value and formula both.
 * `unitTabs` names the unit tabs as they are named in this state.
 */
export function typedCells(state: SerializedState, unitTabs: readonly string[] = PROVINCES): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of state.spreadsheet.sheets) {
    const isUnit = unitTabs.includes(s.name);
    const area = isUnit
      ? { firstRow: UNIT_LAYOUT.firstRow, firstColumn: UNIT_LAYOUT.column.result, lastColumn: UNIT_LAYOUT.column.note }
      : TYPED_TABS[archived(s.name)] ? { ...TYPED_TABS[archived(s.name)]!, lastColumn: Infinity } : null;
    if (!area) continue;
    for (const [r, row] of Object.entries(s.rows)) {
      if (Number(r) < area.firstRow) continue;
      for (const [c, cell] of Object.entries(row)) {
        if (Number(c) < area.firstColumn || Number(c) > area.lastColumn) continue;
        const blank = (cell.v === undefined || cell.v === '') && !cell.f;
        if (blank) continue;
        out.set(`${s.id}!${toA1(Number(r), Number(c))}`, JSON.stringify([cell.v ?? '', cell.f ?? '']));
      }
    }
  }
  return out;
}

/** Sheet names by id, to print keys. */
function namesOf(state: SerializedState): Map<number, string> {
  return new Map(state.spreadsheet.sheets.map((s) => [s.id, s.name]));
}

/** Cells typed in `before` that no longer hold the same thing in `after`, as "Sheet!A1: was → now". */
export function lostCells(before: Map<string, string>, after: Map<string, string>, state?: SerializedState): string[] {
  const names = state ? namesOf(state) : new Map<number, string>();
  const out: string[] = [];
  for (const [key, was] of before) {
    const now = after.get(key);
    if (now === was) continue;
    const [id, a1] = key.split('!');
    out.push(`${names.get(Number(id)) ?? `#${id}`}!${a1}: ${was} → ${now ?? '(trống)'}`);
  }
  return out;
}

/** Cells that differ either way (for actions that must write nothing typed at all). */
export function changedCells(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

// ———————————————————————————————————————————— sampling call positions

/** Calls that change something (spreadsheet, properties, Drive, documents, triggers). */
export const MUTATING = /\.(set\w*|append\w*|insert\w*|delete\w*|remove\w*|add\w*|protect|hideSheet|showSheet|merge|clear\w*|create|update|saveAndClose|getAs|trash|copy|moveTo|releaseLock|tryLock)$/;

/**
 * Which call positions to fail (or to run a second execution at). Every one when the run makes
 * at most `budget` calls. Otherwise: the first and last three and the first call of every
 * distinct name (always, so a run with many kinds of call may exceed the budget), then every call
 * that changes something and the call right after it (where a half-done state can arise) —
 * thinned evenly to three quarters of the budget — then evenly spaced positions to fill it.
 */
export function positions(calls: readonly string[], budget: number): number[] {
  const n = calls.length;
  if (n <= budget) return Array.from({ length: n }, (_, i) => i + 1);
  const chosen = new Set<number>([1, 2, 3, n - 2, n - 1, n]);
  const seen = new Set<string>();
  calls.forEach((name, i) => {
    if (!seen.has(name)) chosen.add(i + 1);
    seen.add(name);
  });
  const writes = calls.flatMap((name, i) => (MUTATING.test(name) ? [i + 1, i + 2] : [])).filter((p) => p <= n);
  const room = Math.max(0, Math.floor(budget * 0.75) - chosen.size);
  const step = Math.max(1, writes.length / Math.max(1, room));
  for (let k = 0; k < writes.length && chosen.size < budget * 0.75; k += step) chosen.add(writes[Math.floor(k)]!);
  const even = Math.max(1, Math.floor(n / Math.max(1, budget - chosen.size)));
  for (let p = 1; p <= n && chosen.size < budget; p += even) chosen.add(p);
  return [...chosen].sort((a, b) => a - b);
}

// ———————————————————————————————————————————— two executions at once

/** Runs `fn` as a second execution by `user` over the same state, while A is paused. */
export function asSecond<T>(g: FakeGoogle, user: string, fn: (b: FakeGoogle) => T): { result: T; writes: string[] } {
  const b = g.fork({ user });
  plug(b);
  try {
    const result = b.execute(user, () => fn(b));
    return { result, writes: b.env.calls.map((c) => c.name).filter((n) => MUTATING.test(n) && !n.startsWith('Lock.')) };
  } finally {
    plug(g);
  }
}

/** A person typing while A is paused (their edit triggers run as their own executions). */
export function typing(g: FakeGoogle, email: string, sheet: string, a1: string, value: unknown): ReturnType<FakeGoogle['userEdit']> {
  const hands = g.fork({ user: OWNER });
  plug(hands);
  try {
    return hands.userEdit(email, sheet, a1, value);
  } finally {
    plug(g);
  }
}

/** Runs A as `user`; at its `at`-th call, runs `meanwhile`. */
export function interleave(g: FakeGoogle, user: string, a: () => ActionResult, at: number, meanwhile: () => void): ActionResult {
  const from = g.env.callCount;
  let fired = false;
  const off = g.env.onCall((_name, index) => {
    if (fired || index !== from + at) return;
    fired = true;
    meanwhile();
  });
  try {
    const r = g.asUser(user, a);
    expect(fired, `the second execution ran at call ${at}`).toBe(true);
    return r;
  } finally {
    off();
  }
}

// ———————————————————————————————————————————— messages

/** Vietnamese letters: a message to a user must have some (and no stack trace). */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
const STACK = /\bat [\w.<>]+ \(|\n\s+at |TypeError|ReferenceError|undefined is not|Cannot read prop/;

/** Is this a plain Vietnamese message, with no stack trace or JavaScript error in it? */
export function isPlainVietnamese(message: string): boolean {
  return VIETNAMESE.test(message) && !STACK.test(message);
}

// ———————————————————————————————————————————— figures

export const RESULTS_DIR = join(__dirname, '..', '..', 'test-results');
const PARTS_DIR = join(RESULTS_DIR, 'reliability');

/** The headline figures, summed over the suites. */
export interface Figures {
  inputKinds?: number;
  faultPositions?: number;
  interleavings?: number;
  rightsChecked?: number;
  xssVectors?: number;
  cellsLost?: number;
  [detail: string]: number | string | undefined;
}

const HEADLINE = ['inputKinds', 'faultPositions', 'interleavings', 'rightsChecked', 'xssVectors', 'cellsLost'] as const;

/**
 * Writes one suite's figures to test-results/reliability/<suite>.json, then sums every suite's
 * part into test-results/reliability.json (written whole, then renamed, so a reader never sees
 * half a file). Each suite writes its part before summing, so the last one to finish sees all.
 */
export function recordFigures(suite: string, figures: Figures): void {
  mkdirSync(PARTS_DIR, { recursive: true });
  const part = { suite, at: new Date().toISOString(), ...figures };
  writeAtomic(join(PARTS_DIR, `${suite}.json`), part);
  const parts = readdirSync(PARTS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(PARTS_DIR, f), 'utf8')) as { suite: string; at: string } & Figures)
    .sort((a, b) => a.suite.localeCompare(b.suite));
  const totals: Record<string, number> = {};
  for (const k of HEADLINE) totals[k] = parts.reduce((n, p) => n + (typeof p[k] === 'number' ? (p[k] as number) : 0), 0);
  writeAtomic(join(RESULTS_DIR, 'reliability.json'), { generatedAt: new Date().toISOString(), totals, suites: parts });
}

function writeAtomic(path: string, value: unknown): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(tmp, path);
}
