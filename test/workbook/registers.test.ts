import { describe, expect, it } from 'vitest';
import type { Unit } from '../../src/core/model';
import { sampleCriteriaTable } from '../../src/core/samples';
import { feedFromRegister, initiativesProtections, INITIATIVES_LAYOUT as L, parseInitiatives, renderInitiatives, unitBlocks } from '../../src/workbook/initiatives';
import { fundProtections, parseFund, renderFund } from '../../src/workbook/fund';
import { readAmount, readDate } from '../../src/workbook/registerCells';
import type { Grid } from '../../src/workbook/grid';

const unit = (id: string, email: string): Unit => ({ id, name: `VKSND tỉnh ${id}`, shortName: id, headName: '', headTitle: 'Viện trưởng', focalEmails: [email], registeredTitles: [] });
const units = [unit('Bình Dương', 'bd@x.vn'), unit('Đồng Nai', 'dn@x.vn')];
const table = sampleCriteriaTable(2025);
const facts = { owner: 'owner@x.vn', units, team: [], leaderUnitId: 'Bình Dương' };

describe('readAmount', () => {
  it('reads numbers and đồng written with dot, comma or space thousands and a currency word', () => {
    expect(readAmount(1500000)).toBe(1500000);
    expect(readAmount('1.500.000')).toBe(1500000);
    expect(readAmount('1.000')).toBe(1000);
    expect(readAmount('2,000,000 đ')).toBe(2000000);
    expect(readAmount('500 000 đồng')).toBe(500000);
    expect(readAmount('')).toBeNull();
  });
  it('refuses negative, fractional, mixed and unreadable amounts', () => {
    for (const bad of [-5, 1.5, '1.000,5', '1.00.000', 'một triệu', '1.000.00', true]) expect(readAmount(bad as never)).toBeUndefined();
  });
});

describe('readDate', () => {
  it('reads a Date in Việt Nam time and day/month/year text, and refuses impossible dates', () => {
    expect(readDate(new Date('2025-03-04T17:00:00Z'))).toBe('2025-03-05');
    expect(readDate('5/3/2025')).toBe('2025-03-05');
    expect(readDate('2025-10-15')).toBe('2025-10-15');
    expect(readDate('31/02/2025')).toBeUndefined();
    expect(readDate('hôm qua')).toBeUndefined();
    expect(readDate('')).toBeNull();
  });
});

describe('Sáng kiến tab', () => {
  it('renders a block of rows per unit, the rule beside it, and the sample\'s initiative row as the code', () => {
    const grid = renderInitiatives([], units, 2025, table);
    expect(grid[0]![0]).toBe('SÁNG KIẾN, GIẢI PHÁP NĂM 2025');
    expect(grid[L.rule.codeRow - 1]![L.rule.value - 1]).toBe('VI.2');
    expect(unitBlocks(grid, units)).toEqual([
      { unitId: 'Bình Dương', row: 4, rows: 5 },
      { unitId: 'Đồng Nai', row: 9, rows: 5 },
    ]);
  });

  it('keeps what was typed and adds a block only for a unit that has none', () => {
    const first = renderInitiatives([], units.slice(0, 1), 2025, table) as Grid;
    first[3]![1] = 'Sổ tay điện tử';
    first[L.rule.codeRow - 1]![L.rule.value - 1] = 'VI.1';
    const again = renderInitiatives(first, units, 2025, table);
    expect(again[3]![1]).toBe('Sổ tay điện tử');
    expect(again[L.rule.codeRow - 1]![L.rule.value - 1]).toBe('VI.1');
    expect(unitBlocks(again, units).map((b) => [b.unitId, b.row])).toEqual([['Bình Dương', 4], ['Đồng Nai', 9]]);
  });

  it('protects the tab for the cụm trưởng with a hole over columns B–F of each unit\'s rows for that unit', () => {
    const specs = initiativesProtections(2025, facts, renderInitiatives([], units, 2025, table));
    expect(specs[0]).toMatchObject({ range: null, editors: ['bd@x.vn'], unprotected: [{ row: 4, column: 2, rows: 5, columns: 5 }, { row: 9, column: 2, rows: 5, columns: 5 }] });
    expect(specs[2]).toMatchObject({ range: { row: 9, column: 2, rows: 5, columns: 5 }, editors: ['dn@x.vn', 'bd@x.vn'] });
  });

  it('parses rows with their unit, status, level and date, and names the cell of each problem', () => {
    const grid = renderInitiatives([], units, 2025, table) as Grid;
    grid[3]!.splice(1, 5, 'Phần mềm quản lý án', 'Nguyễn Văn A', 'Được công nhận', 'cấp tỉnh', '15/10/2025');
    grid[4]!.splice(1, 5, 'Sổ tay kiểm sát', 'Trần B', '', '', '');
    grid[5]!.splice(1, 5, 'Mẫu biểu', '', 'xong rồi', '', '');
    grid[8]!.splice(1, 5, 'Bản đồ số', 'Lê C', 'công nhận', 'Cấp huyện', 'hôm qua');
    grid.push(['Hà Nội', 'Khác', '', '', '', '']);
    const p = parseInitiatives(grid, units, table);
    expect(p.rule.code).toBe('VI.2');
    expect(p.initiatives).toEqual([
      { unitId: 'Bình Dương', title: 'Phần mềm quản lý án', authors: 'Nguyễn Văn A', status: 'recognised', level: 'province', recognisedOn: '2025-10-15' },
      { unitId: 'Bình Dương', title: 'Sổ tay kiểm sát', authors: 'Trần B', status: 'registered', level: null, recognisedOn: null },
      { unitId: 'Đồng Nai', title: 'Bản đồ số', authors: 'Lê C', status: 'recognised', level: null, recognisedOn: null },
    ]);
    expect(p.problems.map((x) => [x.a1, x.severity])).toEqual([['D6', 'error'], ['E9', 'error'], ['F9', 'warning'], ['A14', 'warning']]);
    expect(p.problems[0]!.message).toContain('xong rồi');
  });

  it('feeds no row when the code is not a bonus row of Tiêu chí, and says so at I2', () => {
    const grid = renderInitiatives([], units, 2025, table) as Grid;
    grid[L.rule.codeRow - 1]![L.rule.value - 1] = 'I.1';
    const p = parseInitiatives(grid, units, table);
    expect(p.rule.code).toBeNull();
    expect(p.problems).toMatchObject([{ a1: 'I2', severity: 'warning' }]);
    expect(feedFromRegister(p, table, units, [], () => null).scores).toEqual([]);
  });

  it('feeds the bonus row and warns at the typed cell that differs', () => {
    const grid = renderInitiatives([], units, 2025, table) as Grid;
    grid[3]!.splice(1, 5, 'Phần mềm', 'A', 'Được công nhận', 'Cấp ngành', '');
    const p = parseInitiatives(grid, units, table);
    const scores = [{ unitId: 'Bình Dương', entries: [{ code: 'VI.2', self: 5 }] }, { unitId: 'Đồng Nai', entries: [] }];
    const fed = feedFromRegister(p, table, units, scores, (u, c, ph) => ({ sheet: u, a1: `${ph}:${c}` }));
    expect(fed.scores[0]!.entries).toEqual([{ code: 'VI.2', self: 2 }]);
    expect(fed.scores[1]!.entries).toEqual([{ code: 'VI.2', self: 0 }]);
    expect(fed.problems).toMatchObject([{ sheet: 'Bình Dương', a1: 'self:VI.2', severity: 'warning', unitId: 'Bình Dương' }]);
    expect(fed.problems[0]!.message).toContain('theo bảng Sáng kiến là 2');
  });
});

describe('Quỹ tab', () => {
  it('renders a row per unit for the agreed amount beside the ledger header, and keeps what was typed', () => {
    const grid = renderFund([], units.slice(0, 1), 2025) as Grid;
    expect(grid[2]).toEqual(['Đơn vị', 'Mức đóng góp (đồng)', '', 'Ngày', 'Loại', 'Đơn vị', 'Nội dung', 'Số tiền (đồng)']);
    grid[3]![1] = '3.000.000';
    const again = renderFund(grid, units, 2025);
    expect(again.slice(3).map((r) => [r[0], r[1]])).toEqual([['Bình Dương', '3.000.000'], ['Đồng Nai', '']]);
  });

  it('is the cụm trưởng\'s alone', () => {
    expect(fundProtections(2025, facts)).toMatchObject([{ range: null, editors: ['bd@x.vn'] }]);
  });

  it('parses agreed amounts and the ledger, naming the cell of each wrong value', () => {
    const grid = renderFund([], units, 2025) as Grid;
    grid[3]!.splice(1, 1, '3.000.000');
    grid[4]!.splice(1, 1, 3000000);
    grid[3]!.splice(3, 5, '10/3/2025', 'Nộp', 'Bình Dương', '', 3000000);
    grid[4]!.splice(3, 5, '12/3/2025', 'nộp', 'Đồng Nai', '', '1.000.000 đ');
    grid.push(['', '', '', '01/6/2025', 'Chi', 'Đồng Nai', 'Hỗ trợ cán bộ ốm đau', '2.000.000']);
    grid.push(['', '', '', '', 'Rút', '', '', '5']);
    grid.push(['', '', '', '', 'Nộp', '', '', '5']);
    grid.push(['', '', '', '', 'Chi', '', 'x', '-5']);
    const f = parseFund(grid, units);
    expect(f.ledger.agreed).toEqual([{ unitId: 'Bình Dương', amount: 3000000 }, { unitId: 'Đồng Nai', amount: 3000000 }]);
    expect(f.ledger.entries).toEqual([
      { date: '2025-03-10', kind: 'payment', unitId: 'Bình Dương', purpose: '', amount: 3000000 },
      { date: '2025-03-12', kind: 'payment', unitId: 'Đồng Nai', purpose: '', amount: 1000000 },
      { date: '2025-06-01', kind: 'spending', unitId: 'Đồng Nai', purpose: 'Hỗ trợ cán bộ ốm đau', amount: 2000000 },
    ]);
    expect(f.problems.map((p) => p.a1)).toEqual(['E7', 'F8', 'H9']);
    expect(f.problems.every((p) => p.sheet === 'Quỹ' && p.severity === 'error')).toBe(true);
  });
});
