/**
 * The Quỹ tab: the contribution each unit agreed (columns A–B, a row per unit) and the ledger of
 * payments and spending (columns D–H, one row per entry, growing downwards). The cụm trưởng
 * keeps it; nobody else may edit it.
 */
import type { FundContribution, FundEntry, FundLedger } from '../core/fund';
import { cleanText, isBlank, normalizeKey, type CellValue } from '../core/input';
import type { Unit } from '../core/model';
import { registersText } from '../i18n/registers';
import { a1 } from './a1';
import { cellAt, keptGrid, type Grid, type OutValue } from './grid';
import { problem, type SheetProblem } from './problems';
import { readAmount, readDate } from './registerCells';
import { leaderEmails, type ProtectionSpec, type RightsFacts } from './rights';

const X = registersText;
const P = registersText.problems;
export const FUND_SHEET = X.tabs.fund;

/** Rows and columns (1-based) of the Quỹ tab. */
export const FUND_LAYOUT = {
  titleRow: 1,
  noteRow: 2,
  headerRow: 3,
  firstRow: 4,
  agreed: { unit: 1, amount: 2 },
  ledger: { date: 4, kind: 5, unit: 6, purpose: 7, amount: 8 },
  width: 8,
} as const;
const L = FUND_LAYOUT;

/** The parsed tab. */
export interface ParsedFund {
  sheet: string;
  ledger: FundLedger;
  problems: SheetProblem[];
}

const PAYMENT = new Set([X.fund.payment, ...X.fund.paymentAliases].map(normalizeKey));
const SPENDING = new Set([X.fund.spending, ...X.fund.spendingAliases].map(normalizeKey));

/** The tab as it should stand: what is there kept, headers where blank, a row for each unit not listed yet. */
export function renderFund(existing: Grid, units: readonly Unit[], year: number): OutValue[][] {
  const { out, rowAt, fill } = keptGrid(existing, L.width);
  fill(L.titleRow, 1, X.fund.title(year));
  fill(L.noteRow, 1, X.fund.note);
  X.fund.agreedHeader.forEach((h, i) => fill(L.headerRow, L.agreed.unit + i, h));
  X.fund.ledgerHeader.forEach((h, i) => fill(L.headerRow, L.ledger.date + i, h));
  const have = new Set<string>();
  let last: number = L.headerRow;
  for (let r = L.firstRow; r <= existing.length; r++) {
    const name = cellAt(existing, r, L.agreed.unit);
    if (!isBlank(name)) {
      have.add(normalizeKey(name));
      last = r;
    }
    if (!isBlank(cellAt(existing, r, L.agreed.amount))) last = r;
  }
  let next = last + 1;
  for (const unit of units) if (!have.has(normalizeKey(unit.id))) rowAt(next++)[L.agreed.unit - 1] = unit.id;
  return out;
}

/** The tab's one protection: the cụm trưởng's (the owner always may). */
export function fundProtections(year: number, facts: RightsFacts): ProtectionSpec[] {
  const leaders = [...new Set(leaderEmails(facts).map((e) => e.trim().toLowerCase()).filter((e) => e !== ''))];
  return [{ key: `${year}:fund`, sheet: FUND_SHEET, range: null, unprotected: [], editors: leaders, label: X.rightsLabels.fund }];
}

/** Reads the agreed amounts and the ledger, each problem at its cell. */
export function parseFund(grid: Grid, units: readonly Unit[], sheet = FUND_SHEET): ParsedFund {
  const problems: SheetProblem[] = [];
  const err = (r: number, c: number, message: string) => problems.push(problem(sheet, a1(r, c), message));
  const warn = (r: number, c: number, message: string) => problems.push(problem(sheet, a1(r, c), message, { severity: 'warning' }));
  const ids = new Map(units.map((u) => [normalizeKey(u.id), u.id]));
  const unitOf = (r: number, c: number): string | null | undefined => {
    const name = cleanText(cellAt(grid, r, c));
    if (name === '') return null;
    const id = ids.get(normalizeKey(name));
    if (id === undefined) warn(r, c, P.unknownUnit(name));
    return id;
  };
  const amountOf = (r: number, c: number): number | null | undefined => {
    const raw: CellValue = cellAt(grid, r, c);
    const v = readAmount(raw);
    if (v === undefined) err(r, c, P.badAmount(cleanText(raw)));
    return v;
  };

  const agreed: FundContribution[] = [];
  const seen = new Set<string>();
  const entries: FundEntry[] = [];
  for (let r = L.firstRow; r <= grid.length; r++) {
    // Agreed contribution.
    if (!isBlank(cellAt(grid, r, L.agreed.unit)) || !isBlank(cellAt(grid, r, L.agreed.amount))) {
      const unitId = unitOf(r, L.agreed.unit);
      const amount = amountOf(r, L.agreed.amount);
      if (unitId && typeof amount === 'number') {
        if (seen.has(unitId)) warn(r, L.agreed.unit, P.duplicateAgreed(unitId));
        else {
          seen.add(unitId);
          agreed.push({ unitId, amount });
        }
      }
    }
    // Ledger entry.
    let filled = false;
    for (let c = L.ledger.date; c <= L.ledger.amount; c++) if (!isBlank(cellAt(grid, r, c))) filled = true;
    if (!filled) continue;
    const kindRaw = cellAt(grid, r, L.ledger.kind);
    const kind = PAYMENT.has(normalizeKey(kindRaw)) ? 'payment' : SPENDING.has(normalizeKey(kindRaw)) ? 'spending' : null;
    if (kind === null) {
      err(r, L.ledger.kind, P.badKind(cleanText(kindRaw)));
      continue;
    }
    const amount = amountOf(r, L.ledger.amount);
    if (amount === null) err(r, L.ledger.amount, P.noAmount);
    if (typeof amount !== 'number') continue;
    const unitId = unitOf(r, L.ledger.unit);
    if (unitId === undefined && kind === 'payment') continue;
    if (unitId === null && kind === 'payment') {
      err(r, L.ledger.unit, P.paymentWithoutUnit);
      continue;
    }
    const date = readDate(cellAt(grid, r, L.ledger.date));
    if (date === undefined) warn(r, L.ledger.date, P.badDate(cleanText(cellAt(grid, r, L.ledger.date))));
    entries.push({ date: date ?? null, kind, unitId: unitId ?? null, purpose: cleanText(cellAt(grid, r, L.ledger.purpose)), amount });
  }
  return { sheet, ledger: { agreed, entries }, problems };
}
