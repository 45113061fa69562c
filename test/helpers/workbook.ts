/**
 * Test helpers for the workbook's formats, kept out of src because only tests use them: the cells
 * a person types into a fresh unit tab to give a set of score entries, and a closed year's
 * snapshot read back from Lưu trữ kết quả (the add-on itself only writes it).
 */
import { codeKey } from '../../src/core/criteria';
import type { CriteriaTable, Criterion, ScoreEntry } from '../../src/core/model';
import { workbookText } from '../../src/i18n/workbook';
import { cellAt, type Grid, type OutValue } from '../../src/workbook/grid';
import type { Snapshot } from '../../src/workbook/snapshot';

const T = workbookText.unit;

/** What people type in a unit tab's columns, for the rows of `table` in order. */
export interface TypedInputs {
  /** Kết quả, tự chấm, giải trình, minh chứng (F:I): the unit's focal officers. */
  unit: OutValue[][];
  /** Chấm chéo (J): the cross-check team. */
  crossCheck: OutValue[][];
  /** Thống nhất (K): the cụm trưởng. */
  final: OutValue[][];
}

/**
 * The cells that, typed into a fresh unit tab, give these score entries: veto values as
 * "Có"/"Không", rows not applicable as "Không giao" in the self column. For tests.
 * @example entryInputs(table, [{ code: 'I.1.4', self: 4 }]).unit[3] // ['', 4, '', '']
 */
export function entryInputs(table: CriteriaTable, entries: readonly ScoreEntry[], explanation: (code: string) => string = () => ''): TypedInputs {
  const byKey = new Map(entries.map((e) => [codeKey(e.code), e] as const));
  const out: TypedInputs = { unit: [], crossCheck: [], final: [] };
  const cell = (c: Criterion, v: number | undefined): OutValue => {
    if (v === undefined || v === null) return '';
    if (c.kind === 'veto') return v === 1 ? T.vetoYes : T.vetoNo;
    return v;
  };
  for (const c of table.rows) {
    const e = byKey.get(codeKey(c.code));
    if (!e || c.kind === 'group') {
      out.unit.push(['', '', '', '']);
      out.crossCheck.push(['']);
      out.final.push(['']);
      continue;
    }
    if (e.notApplicable) {
      out.unit.push(['', T.notApplicable, explanation(c.code), '']);
      out.crossCheck.push(['']);
      out.final.push(['']);
      continue;
    }
    out.unit.push([e.result ?? '', cell(c, e.self), explanation(c.code), '']);
    out.crossCheck.push([cell(c, e.crossCheck)]);
    out.final.push([cell(c, e.final)]);
  }
  return out;
}


/**
 * A closed year's snapshot read back from its tab: the last one, as a year reopened and closed
 * again has one row per close; null when absent.
 */
export function readSnapshot(grid: Grid, year: number): Snapshot | null {
  for (let r = grid.length; r >= 2; r--) {
    if (Number(cellAt(grid, r, 1)) !== year) continue;
    const parts = Number(cellAt(grid, r, 4));
    let json = '';
    for (let i = 0; i < parts; i++) json += String(cellAt(grid, r, 5 + i));
    try {
      return JSON.parse(json) as Snapshot;
    } catch {
      return null;
    }
  }
  return null;
}
