/**
 * The Phong trào thi đua block of Cấu hình: one row per movement of the year, its name, kind
 * (Thường xuyên / Chuyên đề), dates and owner, for the plan (Kế hoạch). Set-up writes its header
 * and the given rows once; what people typed is never overwritten (render.ts merges by name).
 */
import { dayText, parseDay } from '../../core/deadlines';
import { cleanText, isBlank, normalizeKey, type CellValue } from '../../core/input';
import type { Movement, MovementKind } from '../../core/movements';
import { detailsText } from '../../i18n/details';
import { a1 } from '../a1';
import type { Grid, OutValue } from '../grid';
import { blockRows, CONFIG_LAYOUT, type ConfigReport } from './layout';

const M = detailsText.movements;

/** The block's rows for a config: name, kind as people write it, dates as dd/mm/yyyy, owner. */
export function movementRows(movements: readonly Movement[] | undefined): OutValue[][] {
  const day = (d: unknown) => (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? dayText(d) : '');
  // A config from a form is JSON: tolerate missing fields, the parser reports them.
  return (movements ?? []).map((m) => [
    String(m?.name ?? ''), M.kinds[m?.kind] ?? '', day(m?.from), day(m?.to), String(m?.owner ?? ''),
  ]);
}

/** "Thường xuyên" → regular; "Chuyên đề", "Đợt ngắn hạn" … → thematic; blank → regular; else null. */
function readKind(value: CellValue): MovementKind | null {
  if (isBlank(value)) return 'regular';
  const k = normalizeKey(value);
  if (k === normalizeKey(M.kinds.regular)) return 'regular';
  if (k === normalizeKey(M.kinds.thematic) || M.thematicWords.some((w) => normalizeKey(w) === k)) return 'thematic';
  return null;
}

function shown(value: CellValue): string {
  return value instanceof Date ? String(value) : cleanText(value);
}

/** The movements read back, with the "Từ ngày" cell of each (where a date is missing). */
export interface ParsedMovements {
  movements: Movement[];
  cells: string[];
  /** The block's first data cell. */
  firstCell: string;
}

/**
 * Reads the block. A row without a name, or of an unknown kind, is reported and left out; an
 * unreadable date is reported and left blank; a start after the end, or a thematic movement
 * without both dates, is reported and kept (the plan then shows what is missing).
 */
export function parseMovements(grid: Grid, report: ConfigReport): ParsedMovements {
  const L = CONFIG_LAYOUT.movements;
  const movements: Movement[] = [];
  const cells: string[] = [];
  for (const { row, cells: c } of blockRows(grid, L.column, L.width)) {
    const name = cleanText(c[0]);
    if (name === '') {
      report.warn(a1(row, L.column), M.noName);
      continue;
    }
    const kind = readKind(c[1]);
    if (kind === null) {
      report.warn(a1(row, L.column + 1), M.unknownKind(name, shown(c[1])));
      continue;
    }
    const date = (offset: 2 | 3, label: string): string | null => {
      const day = parseDay(c[offset]);
      if (day === null) report.warn(a1(row, L.column + offset), M.badDate(name, label, shown(c[offset])));
      return day ?? null;
    };
    const from = date(2, M.fromLabel);
    const to = date(3, M.toLabel);
    if (from !== null && to !== null && from > to) report.warn(a1(row, L.column + 3), M.fromAfterTo(name));
    if (kind === 'thematic' && (from === null || to === null)) {
      report.warn(a1(row, L.column + (from === null ? 2 : 3)), M.thematicNoDates(name));
    }
    movements.push({ name, kind, from, to, owner: cleanText(c[4]) });
    cells.push(a1(row, L.column + 2));
  }
  return { movements, cells, firstCell: a1(CONFIG_LAYOUT.firstRow, L.column) };
}
