/**
 * The criteria tree: rows of a criteria table linked by their hierarchical codes
 * ("I" → "I.1" → "I.1.a"), with each row's effective maximum and everything wrong with the table.
 */
import { engineText } from '../i18n/engine';
import { cleanText } from './input';
import type { CriteriaTable, Criterion, QuantRule, RowKind } from './model';
import { maxIsValid } from './points';
import { targetAllowed, targetMinimum } from './quantitative';
import type { Problem } from './results';
import { RULE_LABEL } from './vocabulary';

/** One row of the tree. Nodes are frozen plain data; `index` is the position in `tree.nodes`. */
export interface CriterionNode {
  /** The row as given. */
  readonly criterion: Criterion;
  /** The code as cleaned (spaces and invisible characters removed), e.g. "I.1.a". */
  readonly code: string;
  /** The matching key of the code (see codeKey). */
  readonly key: string;
  readonly kind: RowKind;
  /** Position in `tree.nodes` (tree order: a parent before its children, siblings in sheet order). */
  readonly index: number;
  /** Index of the parent node, −1 for a root. */
  readonly parentIndex: number;
  readonly childIndexes: readonly number[];
  /** Groups: the sum of the standard rows below; veto rows: 0; invalid maxima: 0; others: the row's max. */
  readonly maxPoints: number;
  /** Quantitative rows: the rule (proportional when not given). */
  readonly rule?: QuantRule;
  /** Quantitative rows: the criterion's target when it is usable by the rule, else undefined. */
  readonly target?: number;
}

/** A criteria table as a tree, with what is wrong with it. */
export interface CriteriaTree {
  /** Top-level nodes, in sheet order. */
  roots: CriterionNode[];
  /** Every node, by codeKey. */
  byCode: Map<string, CriterionNode>;
  /** Every node in tree order (pre-order): reports and row results follow this order. */
  nodes: CriterionNode[];
  /** Sum of the max points of every standard row. */
  standardMax: number;
  problems: Problem[];
}

/**
 * The key codes are compared by: cleaned, lower case, no space around dots, no trailing dot.
 * @example codeKey(" I. 1.A ") // "i.1.a"
 * @example codeKey("II.") // "ii"
 */
export function codeKey(code: string): string {
  const key = cleanText(code).toLowerCase();
  // Most codes have no space and no trailing dot: nothing to replace.
  if (key.indexOf(' ') < 0 && key.charCodeAt(key.length - 1) !== 46) return key;
  return key.replace(/ ?\. ?/g, '.').replace(/\.+$/, '');
}

/**
 * The key of the parent of a code key: the key minus its last dot segment; "" for a root.
 * @example parentKey("i.1.a") // "i.1"
 * @example parentKey("i") // ""
 */
export function parentKey(key: string): string {
  const dot = key.lastIndexOf('.');
  return dot < 0 ? '' : key.slice(0, dot);
}

/** True for the rows that count towards the maximum: qualitative and quantitative. */
export function isStandard(kind: RowKind): boolean {
  return kind === 'qualitative' || kind === 'quantitative';
}

interface Draft {
  criterion: Criterion;
  code: string;
  key: string;
  parent: Draft | null;
  children: Draft[];
  max: number;
  rule?: QuantRule;
  target?: number;
}

/**
 * Links the rows of `table` by code and checks the table. Rows with an empty or duplicate code
 * are left out (and reported); a row whose parent is missing hangs under its nearest existing
 * ancestor, or becomes a root. The input is not changed.
 * @example buildCriteriaTree({ name: 'x', rows: [{ code: 'I', content: 'A', kind: 'group', maxPoints: 0 },
 *   { code: 'I.1', content: 'B', kind: 'qualitative', maxPoints: 10 }] }).byCode.get('i')?.maxPoints // 10
 */
export function buildCriteriaTree(table: CriteriaTable): CriteriaTree {
  const t = engineText.criteria;
  const problems: Problem[] = [];
  const drafts: Draft[] = [];
  const draftByKey = new Map<string, Draft>();

  for (const criterion of table.rows) {
    const code = cleanText(criterion.code);
    const key = codeKey(criterion.code);
    if (key === '') {
      problems.push({ field: 'code', message: t.emptyCode(cleanText(criterion.content)) });
      continue;
    }
    if (draftByKey.has(key)) {
      problems.push({ code, field: 'code', message: t.duplicateCode(code) });
      continue;
    }
    const draft: Draft = { criterion, code, key, parent: null, children: [], max: 0 };
    checkRow(draft, problems);
    drafts.push(draft);
    draftByKey.set(key, draft);
  }

  const rootDrafts: Draft[] = [];
  for (const draft of drafts) {
    const direct = parentKey(draft.key);
    if (direct === '') {
      rootDrafts.push(draft);
      continue;
    }
    let ancestor = direct;
    let parent = draftByKey.get(ancestor);
    while (!parent && ancestor !== '') {
      ancestor = parentKey(ancestor);
      parent = ancestor === '' ? undefined : draftByKey.get(ancestor);
    }
    if (!parent || ancestor !== direct) {
      const trimmed = draft.code.replace(/[ .]+$/, '');
      const shown = trimmed.slice(0, trimmed.lastIndexOf('.')).trim() || direct;
      problems.push({ code: draft.code, field: 'code', message: t.missingParent(draft.code, shown) });
    }
    if (parent) {
      parent.children.push(draft);
      draft.parent = parent;
    } else {
      rootDrafts.push(draft);
    }
  }

  for (const draft of drafts) {
    const first = draft.children[0];
    if (draft.criterion.kind === 'group') {
      if (!first) problems.push({ code: draft.code, field: 'kind', message: t.emptyGroup(draft.code) });
    } else if (first) {
      problems.push({ code: draft.code, field: 'kind', message: t.parentNotGroup(draft.code, first.code) });
    }
  }

  // Pre-order, so that a parent comes before its children and the reverse order is bottom-up.
  const order: Draft[] = [];
  const stack = [...rootDrafts].reverse();
  while (stack.length > 0) {
    const d = stack.pop() as Draft;
    order.push(d);
    for (let i = d.children.length - 1; i >= 0; i--) stack.push(d.children[i] as Draft);
  }
  const indexOf = new Map<Draft, number>(order.map((d, i) => [d, i]));

  // Standard maxima below each row, bottom-up.
  const below = new Array<number>(order.length).fill(0);
  for (let i = order.length - 1; i >= 0; i--) {
    const d = order[i] as Draft;
    if (d.parent) {
      const p = indexOf.get(d.parent) as number;
      below[p] = (below[p] as number) + (below[i] as number) + (isStandard(d.criterion.kind) ? d.max : 0);
    }
  }

  const nodes: CriterionNode[] = order.map((d, i) => {
    const kind = d.criterion.kind;
    const node: CriterionNode = {
      criterion: d.criterion,
      code: d.code,
      key: d.key,
      kind,
      index: i,
      parentIndex: d.parent ? (indexOf.get(d.parent) as number) : -1,
      childIndexes: d.children.map((c) => indexOf.get(c) as number),
      maxPoints: kind === 'group' ? (below[i] as number) : d.max,
      ...(kind === 'quantitative' ? { rule: d.rule, target: d.target } : {}),
    };
    return Object.freeze(node);
  });

  let standardMax = 0;
  for (const node of nodes) if (isStandard(node.kind)) standardMax += node.maxPoints;

  return {
    roots: nodes.filter((n) => n.parentIndex < 0),
    byCode: new Map(nodes.map((n) => [n.key, n])),
    nodes,
    standardMax,
    problems,
  };
}

/** Sets the draft's effective max, rule and target, reporting what is wrong with the row itself. */
function checkRow(draft: Draft, problems: Problem[]): void {
  const t = engineText.criteria;
  const { criterion, code } = draft;
  const kind = criterion.kind;
  if (kind === 'group' || kind === 'veto') return; // maxima derived (group) or ignored (veto)
  const max = criterion.maxPoints;
  if (!maxIsValid(max)) {
    problems.push({ code, field: 'maxPoints', message: t.badMax(code, max) });
  } else {
    draft.max = max;
  }
  if (kind !== 'quantitative') return;
  const rule = criterion.rule ?? 'proportional';
  draft.rule = rule;
  const target = criterion.target;
  const label = RULE_LABEL[rule];
  if (target === undefined || target === null) {
    problems.push({ code, field: 'target', message: t.missingTarget(code, label) });
  } else if (typeof target !== 'number' || !Number.isFinite(target)) {
    problems.push({ code, field: 'target', message: t.nonFiniteTarget(code, target) });
  } else if (!targetAllowed(rule, target)) {
    problems.push({ code, field: 'target', message: t.badTarget(code, label, target, targetMinimum(rule) === 'zero') });
  } else {
    draft.target = target;
  }
}

/**
 * Sum of the max points of the standard rows of `table`, leaving out the rows (or whole groups)
 * whose codes are in `notApplicableCodes`. Rows with an invalid max or a duplicate code count 0.
 * @example standardMaxTotal(sampleCriteriaTable(2021)) // 100
 * @example standardMaxTotal(sampleCriteriaTable(2021), ['I.1.1']) // 95
 */
export function standardMaxTotal(table: CriteriaTable | CriteriaTree, notApplicableCodes: Iterable<string> = []): number {
  const tree = 'nodes' in table ? table : buildCriteriaTree(table);
  const off = new Set<string>();
  for (const code of notApplicableCodes) off.add(codeKey(code));
  if (off.size === 0) return tree.standardMax;
  const excluded = new Array<boolean>(tree.nodes.length).fill(false);
  let total = 0;
  for (const node of tree.nodes) {
    const out = off.has(node.key) || (node.parentIndex >= 0 && (excluded[node.parentIndex] as boolean));
    excluded[node.index] = out;
    if (!out && isStandard(node.kind)) total += node.maxPoints;
  }
  return total;
}
