import { describe, expect, it } from 'vitest';
import { sampleYearConfig } from '../../src/app/sample';
import { defaultRules } from '../../src/core/rules';
import { CONFIG_LAYOUT, mergeConfig, parseConfig, renderConfig, splitList } from '../../src/workbook/config';
import { isEmail } from '../../src/workbook/setupCheck';
import { cellAt, type Grid } from '../../src/workbook/grid';

const cfg = () => sampleYearConfig(2021);
const defaults = defaultRules(2021);
const parse = (grid: Grid) => parseConfig(grid, { defaults });

function edit(grid: Grid, a: string, value: unknown): Grid {
  const m = /^([A-Z]+)(\d+)$/.exec(a)!;
  const col = m[1]!.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  const out = grid.map((r) => [...r]);
  while (out.length < row) out.push([]);
  const line = out[row - 1]!;
  while (line.length < col) line.push('');
  line[col - 1] = value as never;
  return out;
}

describe('the Cấu hình tab', () => {
  it('reads back what it was rendered from', () => {
    const c = cfg();
    const p = parse(renderConfig(c));
    expect(p.problems).toEqual([]);
    expect(p.cluster).toEqual(c.cluster);
    expect(p.units).toEqual(c.units);
    expect(p.team).toEqual(c.crossCheckTeam);
    expect(p.rules).toEqual({ ...c.rules });
  });

  it('keeps every value typed and appends a new unit below the others', () => {
    let grid: Grid = renderConfig(cfg());
    grid = edit(grid, 'F5', 'Người khác');
    const c = cfg();
    c.units.push({ ...c.units[0]!, id: 'Lâm Đồng', shortName: 'Lâm Đồng', name: 'VKSND tỉnh Lâm Đồng' });
    c.units[0]!.headName = 'Tên trong biểu mẫu';
    const merged = mergeConfig(grid, c);
    expect(cellAt(merged, 5, 6)).toBe('Người khác');
    expect(cellAt(merged, 11, 4)).toBe('Lâm Đồng');
    expect(parse(merged).units.map((u) => u.id)).toEqual([...cfg().units.map((u) => u.id), 'Lâm Đồng']);
  });

  it('fills a blank cell from the config but never a typed one', () => {
    let grid: Grid = renderConfig(cfg());
    grid = edit(grid, 'B11', '');
    grid = edit(grid, 'B10', 'Phương châm riêng');
    const merged = mergeConfig(grid, cfg());
    expect(cellAt(merged, 11, 2)).toBe(cfg().cluster.place);
    expect(cellAt(merged, 10, 2)).toBe('Phương châm riêng');
  });

  it('reports a unit listed twice, in NFD or another case, as blocking', () => {
    const grid = edit(renderConfig(cfg()), 'D11', 'BÌNH DƯƠNG'.normalize('NFD'));
    const p = parse(grid);
    expect(p.problems).toContainEqual(expect.objectContaining({ sheet: 'Cấu hình', a1: 'D11', blocking: true }));
    expect(p.units).toHaveLength(6);
  });

  it('reports a malformed e-mail at its cell and leaves it out of the rights', () => {
    const grid = edit(renderConfig(cfg()), 'H5', 'a@b.vn; khong-phai-email');
    const p = parse(grid);
    expect(p.problems).toEqual([expect.objectContaining({ a1: 'H5', message: '"khong-phai-email" không phải là địa chỉ e-mail', severity: 'warning' })]);
    expect(p.units[0]!.focalEmails).toEqual(['a@b.vn']);
  });

  it('refuses a short name that would collide with one of its own tabs', () => {
    const p = parse(edit(renderConfig(cfg()), 'D11', 'Tổng hợp'));
    expect(p.problems).toContainEqual(expect.objectContaining({ a1: 'D11', blocking: true }));
  });

  it('refuses a year that is not one and an unknown cụm trưởng', () => {
    const grid = edit(edit(renderConfig(cfg()), 'B6', 'hai nghìn'), 'B7', 'Hà Nội');
    const blocking = parse(grid).problems.filter((p) => p.blocking).map((p) => p.a1);
    expect(blocking).toEqual(['B6', 'B7']);
  });

  it('reports an empty tab as having no units', () => {
    const p = parse([]);
    expect(p.problems.map((x) => x.message)).toContain('Chưa có đơn vị thành viên nào');
  });

  it('falls back to the default for a bad threshold and says where', () => {
    const p = parse(edit(renderConfig(cfg()), 'B13', 150));
    expect(p.rules.ballotThresholdPercent).toBe(80);
    expect(p.problems).toEqual([expect.objectContaining({ a1: 'B13', severity: 'warning' })]);
  });

  it('reads tie-breaks as criterion codes and the female-collective rule', () => {
    const grid = edit(renderConfig(cfg()), 'B18', 'II; Tập thể nữ; Z.9');
    const p = parseConfig(grid, { defaults, criteriaCodes: new Set(['II']) });
    expect(p.rules.tieBreaks).toEqual([{ kind: 'criterion', code: 'II' }, { kind: 'femaleMajority' }]);
    expect(p.problems.map((x) => x.message)).toEqual(['Ưu tiên "Z.9" không phải là mã tiêu chí hay "Tập thể nữ"']);
  });

  it('reads a title quota that is not a whole number as no limit, with a warning', () => {
    const col = CONFIG_LAYOUT.titles.column + 2;
    const grid = renderConfig(cfg()).map((r, i) => (i === 4 ? r.map((v, j) => (j === col - 1 ? 1.5 : v)) : r));
    const p = parse(grid);
    expect(p.rules.titles[0]!.quota).toBeNull();
    expect(p.problems[0]!.message).toContain('1,5');
  });

  it('splits lists on commas, semicolons and new lines', () => {
    expect(splitList(' a@x.vn;b@x.vn,\nc@x.vn ')).toEqual(['a@x.vn', 'b@x.vn', 'c@x.vn']);
  });

  it('tells e-mails from other text', () => {
    expect(['a@b.vn', 'a.b@c.d.vn'].every(isEmail)).toBe(true);
    expect(['a@b', '@b.vn', 'a b@c.vn', ''].some(isEmail)).toBe(false);
  });
});
