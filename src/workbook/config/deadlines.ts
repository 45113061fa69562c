/** The deadlines block of Cấu hình (Thời hạn các bước): one row per step, its label and date. */
import { DEADLINE_STEPS, dayText, parseDay, type DeadlineStep, type Deadlines } from '../../core/deadlines';
import { cleanText, normalizeKey } from '../../core/input';
import { exchangeText } from '../../i18n/exchange';
import { a1 } from '../a1';
import type { Grid, OutValue } from '../grid';
import { blockRows, CONFIG_LAYOUT, type ConfigReport } from './layout';

const D = exchangeText.deadlines;

/** The block's rows for a config: every step, its date as dd/mm/yyyy text or blank. */
export function deadlineRows(deadlines: Deadlines | undefined): OutValue[][] {
  return DEADLINE_STEPS.map((step) => {
    const day = deadlines?.[step];
    return [D.steps[step], typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? dayText(day) : ''];
  });
}

/**
 * Reads the block by label. A date that is not a date (text that is not dd/mm/yyyy, 31/02) is
 * reported on its cell and left out; so is an unknown label; a step earlier than the one before
 * it is a warning (the dates are kept: the cluster may mean it).
 */
export function parseDeadlines(grid: Grid, report: ConfigReport): Deadlines {
  const L = CONFIG_LAYOUT.deadlines;
  const byLabel = new Map(DEADLINE_STEPS.map((s) => [normalizeKey(D.steps[s]), s] as const));
  const out: Deadlines = {};
  const cellOf = new Map<DeadlineStep, string>();
  for (const { row, cells } of blockRows(grid, L.column, L.width)) {
    const label = cleanText(cells[0]);
    const step = byLabel.get(normalizeKey(label));
    if (!step) {
      report.warn(a1(row, L.column), D.unknownStep(label));
      continue;
    }
    if (step in out) continue;
    const day = parseDay(cells[1]);
    if (day === undefined) continue;
    const at = a1(row, L.column + 1);
    if (day === null) {
      report.warn(at, D.badDate(D.steps[step], cells[1] instanceof Date ? String(cells[1]) : cleanText(cells[1])));
      continue;
    }
    out[step] = day;
    cellOf.set(step, at);
  }
  let previous: DeadlineStep | null = null;
  for (const step of DEADLINE_STEPS) {
    const day = out[step];
    if (!day) continue;
    if (previous && day < (out[previous] as string)) report.warn(cellOf.get(step) as string, D.outOfOrder(D.steps[step], D.steps[previous]));
    previous = step;
  }
  return out;
}
