/**
 * The criteria table as documents show it, read through the engine's tree (src/core/criteria.ts)
 * so that group maxima and section codes match the engine's totals exactly.
 */
import { buildCriteriaTree, type CriteriaTree, type CriterionNode } from '../criteria';
import type { CriteriaTable } from '../model';

export type { CriteriaTree, CriterionNode };

/** The tree of a table (rows in tree order; empty or duplicate codes left out, as the engine does). */
export function criteriaTree(table: CriteriaTable): CriteriaTree {
  return buildCriteriaTree(table);
}

/** Every row below a node, in tree order. */
export function descendants(tree: CriteriaTree, node: CriterionNode): CriterionNode[] {
  const out: CriterionNode[] = [];
  const walk = (n: CriterionNode): void => {
    for (const i of n.childIndexes) {
      const child = tree.nodes[i]!;
      out.push(child);
      walk(child);
    }
  };
  walk(node);
  return out;
}

/** What a group holds: standard points, or only bonus, deduction or veto rows. */
export type GroupNature = 'standard' | 'bonus' | 'deduction' | 'veto' | 'mixed';

/** The nature of a group: 'standard' when it carries standard points, else the one kind below it. */
export function groupNature(tree: CriteriaTree, node: CriterionNode): GroupNature {
  if (node.maxPoints > 0) return 'standard';
  const kinds = new Set(descendants(tree, node).filter((n) => n.kind !== 'group').map((n) => n.kind));
  if (kinds.size === 1) {
    const [only] = [...kinds];
    if (only === 'bonus' || only === 'deduction' || only === 'veto') return only;
    return 'standard';
  }
  return kinds.size === 0 ? 'standard' : 'mixed';
}

/** Sum of the max points of the rows of one kind below a node. */
export function maxOfKind(tree: CriteriaTree, node: CriterionNode, kind: 'bonus' | 'deduction'): number {
  return descendants(tree, node)
    .filter((n) => n.kind === kind)
    .reduce((a, n) => a + Math.abs(n.maxPoints), 0);
}

/** The top-level groups that carry standard points: the sections of the results report. */
export function standardSections(tree: CriteriaTree): CriterionNode[] {
  return tree.roots.filter((n) => n.kind === 'group' && n.maxPoints > 0);
}
