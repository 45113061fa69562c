import { describe, expect, it } from 'vitest';
import { computeYear } from '../../src/core/engine';
import { sampleCluster9Year } from '../../src/core/samples';
import { cellAt, type Grid } from '../../src/workbook/grid';
import { entryInputs } from '../helpers/workbook';
import { computedColumn, isNotApplicable, parseUnitTab, renderUnitTab, vetoValue, UNIT_LAYOUT } from '../../src/workbook/unitSheet';

const year = () => sampleCluster9Year(2021);
const unit = () => year().units[4]!; // Đồng Nai

function filledTab(): Grid {
  const y = year();
  const tab = renderUnitTab([], y.criteria, unit(), 2021, 'Đang nhập').grid.map((r) => [...r]);
  const typed = entryInputs(y.criteria, y.scores[4]!.entries);
  typed.unit.forEach((row, i) => row.forEach((v, j) => { tab[UNIT_LAYOUT.firstRow - 1 + i]![UNIT_LAYOUT.column.result - 1 + j] = v; }));
  typed.crossCheck.forEach((row, i) => { tab[UNIT_LAYOUT.firstRow - 1 + i]![UNIT_LAYOUT.column.crossCheck - 1] = row[0]!; });
  typed.final.forEach((row, i) => { tab[UNIT_LAYOUT.firstRow - 1 + i]![UNIT_LAYOUT.column.final - 1] = row[0]!; });
  return tab as Grid;
}

describe('a unit tab', () => {
  it('reads back the scores it was filled with', () => {
    const y = year();
    const p = parseUnitTab(filledTab(), y.criteria, unit(), 'Đồng Nai');
    expect(p.problems).toEqual([]);
    const strip = (e: object) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined));
    expect(p.scores.entries.map(strip)).toEqual(y.scores[4]!.entries.map(strip));
    expect(p.stats.filled).toBe(p.stats.required);
  });

  it('moves every value with its code when a criterion is inserted above it', () => {
    const y = year();
    const before = filledTab();
    const rows = [...y.criteria.rows];
    rows.splice(2, 0, { code: 'I.0', content: 'Mới', kind: 'qualitative', maxPoints: 1 });
    const after = renderUnitTab(before, { ...y.criteria, rows }, unit(), 2021, 'Đang nhập').grid as Grid;
    const byCode = (g: Grid) => Object.fromEntries(g.slice(4).filter((r) => r[0] !== '').map((r) => [r[0], r.slice(5, 12)]));
    const a = byCode(before);
    const b = byCode(after);
    for (const code of Object.keys(a)) expect(b[code], code).toEqual(a[code]);
    expect(cellAt(after, 7, 1)).toBe('I.0');
  });

  it('keeps values of a code the table lost at the bottom, marked, and reports them', () => {
    const y = year();
    const before = filledTab();
    const rows = y.criteria.rows.filter((r) => r.code !== 'I.1.4');
    const r = renderUnitTab(before, { ...y.criteria, rows }, unit(), 2021, 'Đang nhập');
    expect(r.orphans).toEqual(['I.1.4']);
    const kept = (r.grid as Grid).find((row) => row[0] === 'I.1.4');
    expect(kept?.slice(5, 12)).toEqual(before[9]!.slice(5, 12));
    const parsed = parseUnitTab(r.grid as Grid, { ...y.criteria, rows }, unit(), 'Đồng Nai');
    expect(parsed.problems).toEqual([expect.objectContaining({ code: 'I.1.4', severity: 'warning' })]);
  });

  it('reads "Không giao" as not applicable, in any case or accent', () => {
    expect(['Không giao', 'KHONG GIAO', ' không  giao '].every(isNotApplicable)).toBe(true);
    const g = filledTab().map((r) => [...r]);
    g[9]![6] = 'khong giao';
    const p = parseUnitTab(g as Grid, year().criteria, unit(), 'Đồng Nai');
    expect(p.scores.entries.find((e) => e.code === 'I.1.4')).toEqual({ code: 'I.1.4', notApplicable: true });
  });

  it('lets a final score override "Không giao" typed by the unit', () => {
    const g = filledTab().map((r) => [...r]);
    g[9]![6] = 'Không giao';
    g[9]![10] = 3;
    const p = parseUnitTab(g as Grid, year().criteria, unit(), 'Đồng Nai');
    expect(p.scores.entries.find((e) => e.code === 'I.1.4')).toMatchObject({ final: 3 });
  });

  it('reads veto answers as 1 for a violation and 0 for none', () => {
    expect(['Có', 'co', 'CÓ VI PHẠM', 1, true].map(vetoValue)).toEqual([1, 1, 1, 1, 1]);
    expect(['Không', 'khong', 0, false].map(vetoValue)).toEqual([0, 0, 0, 0]);
    expect(vetoValue('')).toBeUndefined();
    expect(vetoValue('có lẽ')).toBeNull();
  });

  it('counts an invalid answer as not filled, and an unscored row as such', () => {
    const g = filledTab().map((r) => [...r]);
    g[9]![6] = 'abc';
    g[13]![6] = '';
    const p = parseUnitTab(g as Grid, year().criteria, unit(), 'Đồng Nai');
    expect(p.stats.required - p.stats.filled).toBe(2);
    expect(p.unscored).toEqual([{ code: 'I.2.3', a1: 'G14' }]);
    expect(p.problems.map((x) => x.a1)).toEqual(['G10']);
  });

  it('reports a changed header as blocking and reads nothing', () => {
    const g = filledTab().map((r) => [...r]);
    g[3]!.splice(5, 0, 'Cột chèn');
    const p = parseUnitTab(g as Grid, year().criteria, unit(), 'Đồng Nai');
    expect(p.headerOk).toBe(false);
    expect(p.scores.entries).toEqual([]);
    expect(p.problems[0]!.blocking).toBe(true);
  });

  it('gives the computed column only when its values change', () => {
    const y = year();
    const g = filledTab();
    const p = parseUnitTab(g, y.criteria, unit(), 'Đồng Nai');
    const result = computeYear({ ...y, ballots: [] }).units.find((u) => u.unitId === 'Đồng Nai');
    const col = computedColumn(p, y.criteria, result)!;
    expect(col).toHaveLength(y.criteria.rows.length);
    expect(typeof col[2]![0]).toBe('number');
    expect(col[5]![0]).toBe('');
    const written = g.map((r, i) => (i >= 4 ? [...r.slice(0, 12), col[i - 4]![0]!] : r));
    expect(computedColumn(parseUnitTab(written as Grid, y.criteria, unit(), 'Đồng Nai'), y.criteria, result)).toBeNull();
  });
});
