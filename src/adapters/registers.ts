/**
 * Carries out the registers' plan (src/workbook/registers.ts) through SheetsAdapter: each tab
 * created when missing, its differing cells written (text as text), its header rows frozen, then
 * the protections. Returns where each tab stands, for the state.
 */
import type { RegistersPlan } from '../workbook/registers';
import type { UnitTabRef } from '../workbook/state';
import type { ProtectionOutcome, Sheet, SheetsAdapter } from './sheets';

/**
 * Costs per tab: 1–2 to create (new) or 0 (found), that of writeGrid, that of freeze, 2 for its
 * id and position; then those of applyProtections.
 */
export function applyRegistersPlan(
  sheets: SheetsAdapter, plan: RegistersPlan, found: ReadonlyMap<string, Sheet>, me: string, keep: string,
): { refs: Record<string, UnitTabRef>; outcome: ProtectionOutcome } {
  const made = new Map<string, Sheet>();
  const refs: Record<string, UnitTabRef> = {};
  for (const step of plan.steps) {
    const sheet = (step.before !== null ? found.get(step.tab) : undefined) ?? sheets.insert(step.tab);
    made.set(step.tab.toLowerCase(), sheet);
    sheets.writeGrid(sheet, step.before ?? [], step.after);
    sheets.freeze(sheet, step.frozenRows);
    refs[step.tab] = { sheetId: sheet.getSheetId(), sheet: step.tab, index: sheet.getIndex() - 1 };
  }
  const outcome = sheets.applyProtections(plan.protections, (name) => made.get(name.toLowerCase()) ?? null, me, keep);
  return { refs, outcome };
}
