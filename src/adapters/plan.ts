/**
 * Carries out a write plan (src/workbook/plan.ts): the one door for an action's writes. Blocks go
 * through SheetsAdapter, so people's text is always written as text (asText); the state patch
 * goes to the document's properties last, once every block is written.
 *
 * Cost: those of setProtectionEditors per protection (first), 2 calls per block (a tab named by name: getRange by A1 + setValues; a unit's tab already
 * read: getRange + setValues), + 1 lookup (none for a tab in `named`) and 2–4 calls per tab grown, + 1 properties call when
 * the plan has a state patch.
 */
import type { WritePlan } from '../workbook/plan';
import type { StateStore } from './properties';
import type { Sheet, SheetsAdapter } from './sheets';

/** What stopped a plan: the name of a tab it needed and that is not there (null: carried out). */
export interface PlanOutcome {
  missing: string | null;
}

/** How protections are set: as whom, keeping whom, and what to do with each outcome at once. */
export interface ProtectionRunner {
  me: string;
  keep: string;
  /** Called right after each protection is set, before anything else is written. */
  onOutcome: (outcome: ProtectionResult) => void;
}

export type ProtectionResult = ReturnType<SheetsAdapter['setProtectionEditors']>;

export function applyWritePlan(
  sheets: SheetsAdapter, store: StateStore, plan: WritePlan, unitSheets: ReadonlyMap<string, { sheet: Sheet } | null | undefined>,
  options: { runner?: ProtectionRunner; named?: ReadonlyMap<string, Sheet> } = {},
): PlanOutcome {
  const { runner, named } = options;
  for (const p of plan.protections ?? []) {
    const sheet = unitSheets.get(p.tab.unit)?.sheet;
    if (!sheet) return { missing: p.tab.unit };
    if (!runner) throw new Error('A plan with protections needs a ProtectionRunner');
    runner.onOutcome(sheets.setProtectionEditors(sheet, p.key, p.editors, runner.me, runner.keep));
  }
  for (const g of plan.grow) {
    const sheet = named?.get(g.tab) ?? sheets.byName(g.tab);
    if (!sheet) return { missing: g.tab };
    sheets.ensureSize(sheet, g.rows, g.columns);
  }
  for (const b of plan.blocks) {
    if ('name' in b.tab) {
      // A tab the action already holds is written through it (2 calls, as by name).
      const held = named?.get(b.tab.name);
      if (held) {
        sheets.write(held, b.row, b.column, b.values);
        continue;
      }
      if (sheets.writeToTab(b.tab.name, b.row, b.column, b.values) === 'missing') return { missing: b.tab.name };
      continue;
    }
    const sheet = unitSheets.get(b.tab.unit)?.sheet;
    if (sheet) sheets.write(sheet, b.row, b.column, b.values);
  }
  if (Object.keys(plan.state).length > 0) store.write(plan.state);
  return { missing: null };
}
