/**
 * One unit's totals at each phase, row by row. A blank cell at a later phase means the earlier
 * score stands (final ← crossCheck ← self). Invalid values are reported and count as missing:
 * never clamped into a silently wrong number.
 */
import { engineText } from '../i18n/engine';
import { buildCriteriaTree, codeKey, type CriteriaTree, type CriterionNode } from './criteria';
import { percentOf } from './classification';
import { cleanText, round2 } from './input';
import { PHASES, type CriteriaTable, type Phase, type ScoreEntry, type UnitScores } from './model';
import { combineSums, pointFault, rowPoints, type Caps, type PointKind } from './points';
import { quantPoints, ratio, resultAllowed, targetAllowed, targetMinimum } from './quantitative';
import type { PhaseTotal, Problem, RowResult } from './results';
import { RULE_LABEL } from './vocabulary';

export type { Caps } from './points';

/** A unit's totals at each phase it has, and the standing used for rank and titles. */
export interface UnitScoring {
  unitId: string;
  /** Null where the unit has no value at that phase. */
  totals: Record<Phase, PhaseTotal | null>;
  /** The latest phase the unit has; null when it has nothing. */
  standingPhase: Phase | null;
  /** The total at standingPhase, or zeros when the unit has nothing. */
  standing: PhaseTotal;
  problems: Problem[];
}

/** Raw code as typed → node, per tree: the same codes repeat for every unit, clean them once. */
const lookups = new WeakMap<CriteriaTree, Map<string, CriterionNode | null>>();

/** The node of a code as typed in a score row, undefined when the table has no such code. */
export function findNode(tree: CriteriaTree, code: string): CriterionNode | undefined {
  let cache = lookups.get(tree);
  if (!cache) {
    cache = new Map();
    lookups.set(tree, cache);
  }
  let node = cache.get(code);
  if (node === undefined) {
    node = tree.byCode.get(codeKey(code)) ?? null;
    cache.set(code, node);
  }
  return node ?? undefined;
}

const r2 = round2;

function isGiven(v: number | null | undefined): v is number {
  return v !== undefined && v !== null;
}

/** The target a unit's quantitative row is measured against, or undefined when there is none usable. */
function usableTarget(node: CriterionNode, entry: ScoreEntry): number | undefined {
  if (!isGiven(entry.target)) return node.target;
  const rule = node.rule ?? 'proportional';
  const t = entry.target;
  return targetAllowed(rule, t) ? t : undefined;
}

function usableResult(entry: ScoreEntry): number | undefined {
  const a = entry.result;
  return typeof a === 'number' && resultAllowed(a) ? a : undefined;
}

/**
 * The best ratio result/target in the cluster for each leader-relative row, by code key, among
 * units that have a valid result and target for it (rows not applicable, alone or by group, left out).
 * @example bestRatios(table, [{ unitId: 'A', entries: [{ code: 'I.1', result: 12 }] }]).get('i.1') // 1.2 when the target is 10
 */
export function bestRatios(table: CriteriaTable | CriteriaTree, allScores: readonly UnitScores[]): Map<string, number> {
  const tree = 'nodes' in table ? table : buildCriteriaTree(table);
  const best = new Map<string, number>();
  if (!tree.nodes.some((node) => node.rule === 'leaderRelative')) return best;
  for (const scores of allScores) {
    // Rows marked not applicable, whole groups included, as scoreUnit leaves them out.
    const off = new Set<number>();
    for (const entry of scores.entries) {
      const node = entry.notApplicable ? findNode(tree, entry.code) : undefined;
      if (node) off.add(node.index);
    }
    for (const entry of scores.entries) {
      if (!isGiven(entry.result)) continue;
      const node = findNode(tree, entry.code);
      if (!node || node.rule !== 'leaderRelative' || isOff(tree, node, off)) continue;
      const result = usableResult(entry);
      const target = usableTarget(node, entry);
      if (result === undefined || target === undefined) continue;
      const r = ratio(result, target);
      const old = best.get(node.key);
      if (old === undefined || r > old) best.set(node.key, r);
    }
  }
  return best;
}

/** True when the node or one of its ancestors is in `off`. */
function isOff(tree: CriteriaTree, node: CriterionNode, off: ReadonlySet<number>): boolean {
  for (let i = node.index; i >= 0 && off.size > 0; i = (tree.nodes[i] as CriterionNode).parentIndex) if (off.has(i)) return true;
  return false;
}

const BLANK = 0;
const VALID = 1;
const INVALID = 2;

// Row kinds as small integers for the hot loops.
const K_GROUP = 0;
const K_STANDARD = 1;
const K_QUANT = 2;
const K_BONUS = 3;
const K_DEDUCTION = 4;
const K_VETO = 5;

/** Where a row's points came from, as an integer: the phase index, or computed. */
const SOURCES: readonly Exclude<RowResult['source'], null>[] = ['self', 'crossCheck', 'final', 'computed'];
const COMPUTED = 3;

/**
 * What every unit's scoring of one tree shares. Row results are frozen and interned: 700 units ×
 * 300 rows × 3 phases would otherwise be 630 000 objects, most of them equal.
 */
interface Prepared {
  kinds: Uint8Array;
  /** Rows with no points and no source, by node: [applicable, not applicable]. */
  blank: RowResult[][];
  /** Interned scored rows, by node × source, keyed by points (veto rows: 1 violated, 0 not). */
  interned: (Map<number, RowResult> | undefined)[];
  /** Every group code at 0, in tree order: copied for each phase's sections, which then keep one shape. */
  sections: Record<string, number>;
}

const preparedTrees = new WeakMap<CriteriaTree, Prepared>();

function prepare(tree: CriteriaTree): Prepared {
  let p = preparedTrees.get(tree);
  if (p) return p;
  const kinds = new Uint8Array(tree.nodes.length);
  const blank = tree.nodes.map((node, i) => {
    const k = node.kind;
    kinds[i] =
      k === 'group' ? K_GROUP : k === 'quantitative' ? K_QUANT : k === 'qualitative' ? K_STANDARD : k === 'bonus' ? K_BONUS : k === 'deduction' ? K_DEDUCTION : K_VETO;
    return [makeRow(node, true, null, null, false), makeRow(node, false, null, null, false)];
  });
  const sections: Record<string, number> = {};
  for (const node of tree.nodes) if (node.kind === 'group') sections[node.code] = 0;
  p = { kinds, blank, interned: new Array(tree.nodes.length * SOURCES.length), sections };
  preparedTrees.set(tree, p);
  return p;
}

function makeRow(node: CriterionNode, applicable: boolean, points: number | null, source: RowResult['source'], violated: boolean): RowResult {
  const row: RowResult = { code: node.code, content: node.criterion.content, kind: node.kind, maxPoints: node.maxPoints, applicable, points, source };
  if (node.kind === 'veto') row.violated = violated;
  return Object.freeze(row);
}

/** The one frozen row for this node, source and points (or violation, for veto rows). */
function scoredRow(p: Prepared, node: CriterionNode, source: number, points: number | null, violated: boolean): RowResult {
  const slot = node.index * SOURCES.length + source;
  let byPoints = p.interned[slot];
  if (!byPoints) {
    byPoints = new Map();
    p.interned[slot] = byPoints;
  }
  // Integer keys hash fast; points are already rounded to 2 decimals.
  const key = points === null ? (violated ? 1 : 0) : Math.round(points * 100);
  let row = byPoints.get(key);
  if (!row) {
    row = makeRow(node, true, points, SOURCES[source] as RowResult['source'], violated);
    byPoints.set(key, row);
  }
  return row;
}

/** The shared row rules' kind of each K_ kind (groups are never checked). */
const POINT_KIND: readonly PointKind[] = ['standard', 'standard', 'standard', 'bonus', 'deduction', 'veto'];

/** The message when `value` cannot stand in a row of this kind, else null. */
function invalidReason(node: CriterionNode, kind: number, phase: Phase, value: number): string | null {
  const t = engineText.scoring;
  const max = node.maxPoints;
  switch (pointFault(POINT_KIND[kind] as PointKind, value, max)) {
    case null:
      return null;
    case 'notFinite':
      return t.notFinite(phase, value);
    case 'vetoValue':
      return t.vetoValue(phase, value);
    case 'negative':
      return t.negative(phase, value);
    case 'overMax':
      return kind === K_DEDUCTION ? t.deductionOverMax(phase, Math.abs(value), max) : t.overMax(phase, value, max);
  }
}

/** One unit's cells, checked once: what the phase totals are computed from. */
interface Sheet {
  unitId: string;
  tree: CriteriaTree;
  prepared: Prepared;
  caps: Caps;
  applicable: Uint8Array;
  /** By node × phase: BLANK, VALID or INVALID, and the value when VALID. */
  status: Uint8Array;
  value: Float64Array;
  /** Quantitative points from result and target, NaN when they cannot be computed. */
  computed: Float64Array;
  resultGiven: Uint8Array;
  maxTotal: number;
  problems: Problem[];
  /** Rows of the phase computed just before, when it is the previous phase. */
  previousRows: RowResult[] | null;
}

/**
 * Scores one unit at every phase it has. `best` comes from bestRatios over the whole cluster.
 * Caps from `rules` apply to the sums of bonus and deduction rows. Row results are frozen and
 * shared between phases and units where they read the same. The input is not changed.
 * @example scoreUnit(tree, rules, { unitId: 'A', entries: [{ code: 'I.1', self: 8 }] }).standing.total // 8
 */
export function scoreUnit(tree: CriteriaTree, rules: Caps, scores: UnitScores, best: ReadonlyMap<string, number> = new Map()): UnitScoring {
  const t = engineText.scoring;
  const unitId = scores.unitId;
  const nodes = tree.nodes;
  const n = nodes.length;
  const prepared = prepare(tree);
  const kinds = prepared.kinds;
  const problems: Problem[] = [];

  const entries = new Array<ScoreEntry | undefined>(n);
  for (const entry of scores.entries) {
    const node = findNode(tree, entry.code);
    if (!node) {
      const code = cleanText(entry.code);
      if (code !== '') problems.push({ unitId, code, field: 'code', message: t.unknownCode(code) });
      else if (hasAnyValue(entry)) problems.push({ unitId, field: 'code', message: t.missingCode });
      continue;
    }
    if (entries[node.index]) {
      problems.push({ unitId, code: node.code, field: 'code', message: t.duplicateEntry(node.code) });
      continue;
    }
    entries[node.index] = entry;
  }

  // A row marked not applicable takes its whole subtree with it.
  const applicable = new Uint8Array(n);
  let maxTotal = 0;
  for (let i = 0; i < n; i++) {
    const node = nodes[i] as CriterionNode;
    const off = entries[i]?.notApplicable === true || (node.parentIndex >= 0 && applicable[node.parentIndex] === 0);
    applicable[i] = off ? 0 : 1;
    const k = kinds[i];
    if (!off && (k === K_STANDARD || k === K_QUANT)) maxTotal += node.maxPoints;
  }

  const sheet: Sheet = {
    unitId,
    tree,
    prepared,
    caps: rules,
    applicable,
    status: new Uint8Array(n * 3),
    value: new Float64Array(n * 3),
    computed: new Float64Array(n).fill(NaN),
    resultGiven: new Uint8Array(n),
    maxTotal,
    problems,
    previousRows: null,
  };
  const has = [false, false, false];
  for (let i = 0; i < n; i++) {
    const entry = entries[i];
    if (!entry || kinds[i] === K_GROUP || applicable[i] === 0) continue;
    if (checkCell(sheet, i, 0, entry.self)) has[0] = true;
    if (checkCell(sheet, i, 1, entry.crossCheck)) has[1] = true;
    if (checkCell(sheet, i, 2, entry.final)) has[2] = true;
    if (kinds[i] === K_QUANT && quantitativeCells(sheet, i, entry, best)) has[0] = true;
  }

  const totals: Record<Phase, PhaseTotal | null> = { self: null, crossCheck: null, final: null };
  let standingPhase: Phase | null = null;
  for (let ph = 0; ph < 3; ph++) {
    if (!has[ph]) continue;
    const phase = PHASES[ph] as Phase;
    totals[phase] = phaseTotal(sheet, ph, true);
    standingPhase = phase;
  }
  if (!has[0]) problems.push({ unitId, field: 'self', message: t.unitNotScored });
  const standing = standingPhase ? (totals[standingPhase] as PhaseTotal) : phaseTotal(sheet, 0, false);
  return { unitId, totals, standingPhase, standing, problems };
}

/** Records one typed cell; true when something was typed (valid or not). */
function checkCell(sheet: Sheet, i: number, ph: number, raw: number | null | undefined): boolean {
  if (raw === undefined || raw === null) return false;
  const phase = PHASES[ph] as Phase;
  const node = sheet.tree.nodes[i] as CriterionNode;
  const reason = invalidReason(node, sheet.prepared.kinds[i] as number, phase, raw);
  if (reason === null) {
    sheet.status[i * 3 + ph] = VALID;
    sheet.value[i * 3 + ph] = raw;
  } else {
    sheet.status[i * 3 + ph] = INVALID;
    sheet.problems.push({ unitId: sheet.unitId, code: node.code, field: phase, message: reason });
  }
  return true;
}

/** Checks a quantitative row's result and own target and computes its points; true when a result is given. */
function quantitativeCells(sheet: Sheet, i: number, entry: ScoreEntry, best: ReadonlyMap<string, number>): boolean {
  const t = engineText.scoring;
  const node = sheet.tree.nodes[i] as CriterionNode;
  const rule = node.rule ?? 'proportional';
  if (isGiven(entry.target) && usableTarget(node, entry) === undefined) {
    sheet.problems.push({
      unitId: sheet.unitId,
      code: node.code,
      field: 'target',
      message: t.badUnitTarget(RULE_LABEL[rule], entry.target, targetMinimum(rule) === 'zero'),
    });
  }
  if (!isGiven(entry.result)) return false;
  sheet.resultGiven[i] = 1;
  const result = usableResult(entry);
  if (result === undefined) {
    sheet.problems.push({ unitId: sheet.unitId, code: node.code, field: 'result', message: t.badResult(entry.result) });
    return true;
  }
  const target = usableTarget(node, entry);
  // Without a usable target the row stays unscored; the table's problems already say why.
  if (target !== undefined) sheet.computed[i] = quantPoints(rule, result, target, node.maxPoints, best.get(node.key));
  return true;
}

/** The unit's total at phase index `ph`, each row taking the latest value typed up to that phase. */
function phaseTotal(sheet: Sheet, ph: number, report: boolean): PhaseTotal {
  const { tree, prepared, applicable, status, value, computed, previousRows } = sheet;
  const { kinds, blank } = prepared;
  const nodes = tree.nodes;
  const n = nodes.length;
  const rows = new Array<RowResult>(n);
  const acc = new Float64Array(n);
  let standard = 0;
  let bonus = 0;
  let deduction = 0;
  for (let i = 0; i < n; i++) {
    const kind = kinds[i] as number;
    if (kind === K_GROUP || applicable[i] === 0) {
      rows[i] = (blank[i] as RowResult[])[applicable[i] === 1 ? 0 : 1] as RowResult;
      continue;
    }
    let st = BLANK;
    let from = -1;
    for (let k = ph; k >= 0; k--) {
      st = status[i * 3 + k] as number;
      if (st !== BLANK) {
        from = k;
        break;
      }
    }
    const node = nodes[i] as CriterionNode;
    if (st === VALID) {
      const v = value[i * 3 + from] as number;
      if (kind === K_VETO) {
        rows[i] = previousRows && from < ph ? (previousRows[i] as RowResult) : scoredRow(prepared, node, from, null, v === 1);
        continue;
      }
      const points = rowPoints(kind === K_DEDUCTION ? 'deduction' : 'standard', v);
      acc[i] = points;
      if (kind === K_BONUS) bonus += points;
      else if (kind === K_DEDUCTION) deduction -= points;
      else standard += points;
      // Nothing typed since `from`: the previous phase computed (from ≤ it < ph) made this very row.
      const before = previousRows?.[i];
      rows[i] = before && from < ph ? before : scoredRow(prepared, node, from, points, false);
    } else if (st === BLANK && kind === K_QUANT && !Number.isNaN(computed[i] as number)) {
      const points = computed[i] as number;
      acc[i] = points;
      standard += points;
      // Computed points do not depend on the phase: an earlier phase already made this row.
      rows[i] = previousRows?.[i] ?? scoredRow(prepared, node, COMPUTED, points, false);
    } else {
      if (st === BLANK && report && ph === 0 && (kind === K_STANDARD || kind === K_QUANT) && sheet.resultGiven[i] === 0) {
        sheet.problems.push({ unitId: sheet.unitId, code: node.code, field: 'self', message: engineText.scoring.notScored });
      }
      rows[i] = (blank[i] as RowResult[])[0] as RowResult;
    }
  }
  // Bottom-up: a node's children come after it in tree order.
  for (let i = n - 1; i >= 0; i--) {
    const p = (nodes[i] as CriterionNode).parentIndex;
    if (p >= 0) acc[p] = (acc[p] as number) + (acc[i] as number);
  }
  sheet.previousRows = rows;
  const sections = { ...prepared.sections };
  for (let i = 0; i < n; i++) {
    if (kinds[i] === K_GROUP) sections[(nodes[i] as CriterionNode).code] = r2(acc[i] as number);
  }
  const sums = combineSums(standard, bonus, deduction, sheet.caps);
  const maxR = r2(sheet.maxTotal);
  return {
    phase: PHASES[ph] as Phase,
    total: sums.total,
    standard: sums.standard,
    bonus: sums.bonus,
    deduction: sums.deduction,
    maxTotal: maxR,
    percent: percentOf(sums.total, maxR),
    sections,
    rows,
  };
}

function hasAnyValue(entry: ScoreEntry): boolean {
  return isGiven(entry.self) || isGiven(entry.crossCheck) || isGiven(entry.final) || isGiven(entry.result) || isGiven(entry.target);
}
