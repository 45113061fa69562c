/**
 * Labels marked `as ParseKey` in src/i18n are read back from people's sheets. Sheets made by
 * earlier versions hold the texts below: each must still be found by its parser, so changing a
 * label's text fails here rather than in a cluster's workbook.
 */
import { describe, expect, it } from 'vitest';
import { normalizeKey } from '../../src/core/input';
import type { RowKind, QuantRule } from '../../src/core/model';
import { sampleCluster9Year } from '../../src/core/samples';
import { quantRuleOf, ROW_KIND_LABEL, RULE_LABEL, rowKindOf } from '../../src/core/vocabulary';
import { TAB_NAMES, workbookText } from '../../src/i18n/workbook';
import { CONFIG_LAYOUT, parseConfig, renderConfig, type YearConfig } from '../../src/workbook/config';
import { cellAt, type Grid } from '../../src/workbook/grid';
import { isNotApplicable, parseUnitTab, renderUnitTab, UNIT_LAYOUT, vetoValue } from '../../src/workbook/unitSheet';

const year = sampleCluster9Year(2025);
const config: YearConfig = { cluster: year.cluster, units: year.units, crossCheckTeam: [], rules: year.rules, criteria: year.criteria };
const [u1, u2, u3] = year.units as [typeof year.units[0], typeof year.units[0], typeof year.units[0]];

/** The general block as earlier sheets hold it: label → value typed. */
const GENERAL_AS_TYPED: Record<keyof typeof workbookText.config.general, [string, string | number]> = {
  clusterName: ['Tên cụm', 'Cụm thi đua số 9'],
  year: ['Năm', 2025],
  leader: ['Cụm trưởng (tên viết tắt)', u1.shortName],
  deputy: ['Cụm phó (tên viết tắt)', u2.shortName],
  host: ['Đơn vị đăng cai', u3.shortName],
  slogan: ['Phương châm', 'Đoàn kết'],
  place: ['Địa danh', 'Đồng Nai'],
  ruleVersion: ['Phiên bản quy định', 'QĐ 7'],
  ballotThreshold: ['Ngưỡng bình xét (%)', 66],
  ballotBase: ['Tính tỷ lệ phiếu trên', 'Số phiếu hợp lệ'],
  bonusCap: ['Trần điểm cộng', 4],
  deductionCap: ['Trần điểm trừ', 6],
  rankBy: ['Xếp hạng theo', 'Tổng điểm'],
  tieBreaks: ['Ưu tiên khi bằng điểm', 'Tập thể nữ; II'],
};

/** The sample's Cấu hình with its general block replaced by the rows above, in reverse order. */
function typedConfig(general: Array<[string, string | number]>): Grid {
  const grid = renderConfig(config).map((r) => [...r]);
  const L = CONFIG_LAYOUT;
  for (let r = L.firstRow; r <= grid.length; r++) {
    grid[r - 1]![L.general.column - 1] = '';
    grid[r - 1]![L.general.column] = '';
  }
  general.forEach(([label, value], i) => {
    grid[L.firstRow - 1 + i]![L.general.column - 1] = label;
    grid[L.firstRow - 1 + i]![L.general.column] = value;
  });
  return grid as Grid;
}

const parse = (grid: Grid) => parseConfig(grid, { defaults: year.rules, criteriaCodes: new Set(['II']) });

describe('Cấu hình labels', () => {
  it('pins every general label (a new label gets its row here)', () => {
    expect(Object.keys(GENERAL_AS_TYPED).sort()).toEqual(Object.keys(workbookText.config.general).sort());
  });

  it('finds each general row by the label earlier sheets hold', () => {
    const p = parse(typedConfig(Object.values(GENERAL_AS_TYPED).reverse()));
    expect(p.problems).toEqual([]);
    expect(p.cluster).toEqual({
      name: 'Cụm thi đua số 9', year: 2025, leaderUnitId: u1.id, deputyUnitId: u2.id, hostUnitId: u3.id, slogan: 'Đoàn kết', place: 'Đồng Nai',
    });
    expect(p.rules).toMatchObject({
      version: 'QĐ 7', ballotThresholdPercent: 66, ballotBase: 'valid', bonusCap: 4, deductionCap: 6, rankBy: 'total',
      tieBreaks: [{ kind: 'femaleMajority' }, { kind: 'criterion', code: 'II' }],
    });
  });

  it('reads each choice by the value earlier sheets hold', () => {
    const choices: Array<[string, string, object]> = [
      ['ballotBase', 'Số phiếu phát ra', { ballotBase: 'issued' }],
      ['ballotBase', 'Số phiếu hợp lệ', { ballotBase: 'valid' }],
      ['rankBy', 'Tự động', { rankBy: 'auto' }],
      ['rankBy', 'Tổng điểm', { rankBy: 'total' }],
      ['rankBy', 'Tỷ lệ % điểm tối đa', { rankBy: 'percent' }],
    ];
    for (const [key, typed, expected] of choices) {
      const rows = Object.entries(GENERAL_AS_TYPED).map(([k, row]) => (k === key ? [row[0], typed] : row) as [string, string | number]);
      const p = parse(typedConfig(rows));
      expect(p.problems, typed).toEqual([]);
      expect(p.rules, typed).toMatchObject(expected);
    }
  });

  it('reads "Có" / "Không" in a title row, the words it writes there', () => {
    expect([workbookText.config.yes, workbookText.config.no]).toEqual(['Có', 'Không']);
    const grid = typedConfig(Object.values(GENERAL_AS_TYPED)).map((r) => [...r]);
    const L = CONFIG_LAYOUT;
    const titleRow = L.firstRow; // the sample's first title
    grid[titleRow - 1]![L.titles.column - 1 + 4] = 'Có';
    grid[titleRow - 1]![L.titles.column - 1 + 5] = 'Không';
    const p = parse(grid as Grid);
    expect(p.problems).toEqual([]);
    expect(p.rules.titles[0]).toMatchObject({ requiresBallot: true, leaderOnly: false });
  });
});

describe('unit tab labels', () => {
  const unit = year.units[4]!;
  const tab = () => renderUnitTab([], year.criteria, unit, 2025, 'Đang nhập').grid.map((r) => [...r]);
  const HEADER_AS_TYPED = ['Mã', 'Nội dung', 'Loại', 'Điểm chuẩn', 'Chỉ tiêu', 'Kết quả', 'Tự chấm', 'Giải trình', 'Minh chứng', 'Chấm chéo', 'Thống nhất', 'Ghi chú', 'Điểm tính'];

  it('accepts the header row earlier tabs hold, and refuses a reworded one', () => {
    const grid = tab();
    HEADER_AS_TYPED.forEach((h, j) => { grid[UNIT_LAYOUT.headerRow - 1]![j] = h; });
    expect(parseUnitTab(grid as Grid, year.criteria, unit, 'X').headerOk).toBe(true);
    grid[UNIT_LAYOUT.headerRow - 1]![6] = 'Điểm tự chấm';
    expect(parseUnitTab(grid as Grid, year.criteria, unit, 'X').headerOk).toBe(false);
  });

  it('knows the line above kept rows by the text earlier tabs hold', () => {
    const grid = tab();
    const width = grid[0]!.length;
    grid.push(Array.from({ length: width }, (_, j) => (j === 0 ? 'Dòng không còn trong bảng Tiêu chí (giữ lại số liệu đã nhập):' : '')));
    grid.push(Array.from({ length: width }, (_, j) => (j === 0 ? 'Z.9' : j === UNIT_LAYOUT.column.self - 1 ? 5 : '')));
    const p = parseUnitTab(grid as Grid, year.criteria, unit, 'X');
    // Kept, not misread as an unknown criterion of the table.
    expect(p.problems.filter((x) => x.code === 'Z.9').map((x) => x.severity)).toEqual(['warning']);
  });

  it('reads the words people type in score cells', () => {
    expect(isNotApplicable('Không giao')).toBe(true);
    expect([vetoValue('Có'), vetoValue('Không')]).toEqual([1, 0]);
    expect([vetoValue(workbookText.unit.vetoYes), vetoValue(workbookText.unit.vetoNo)]).toEqual([1, 0]);
  });

  it('names a unit tab by the title earlier tabs hold', () => {
    const grid = tab();
    expect(normalizeKey(cellAt(grid as Grid, UNIT_LAYOUT.titleRow, 1))).toBe(normalizeKey('BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2025'));
  });
});

describe('Tiêu chí words and tab names', () => {
  it('reads back each kind and rule word it writes, as earlier sheets hold them', () => {
    const kinds: Record<RowKind, string> = { group: 'Nhóm', qualitative: 'Định tính', quantitative: 'Định lượng', bonus: 'Cộng', deduction: 'Trừ', veto: 'Điều kiện' };
    for (const [kind, word] of Object.entries(kinds)) {
      expect(rowKindOf(word)).toBe(kind);
      expect(rowKindOf(ROW_KIND_LABEL[kind as RowKind])).toBe(kind);
    }
    const rules: Record<QuantRule, string> = { proportional: 'tỷ lệ', passFail: 'đạt', lowerIsBetter: 'ngược', leaderRelative: 'dẫn đầu' };
    for (const [rule, word] of Object.entries(rules)) {
      expect(quantRuleOf(word)).toBe(rule);
      expect(quantRuleOf(RULE_LABEL[rule as QuantRule])).toBe(rule);
    }
  });

  it('keeps the tab names existing workbooks have', () => {
    expect(TAB_NAMES).toEqual({
      config: 'Cấu hình', criteria: 'Tiêu chí', summary: 'Tổng hợp', ballot: 'Bình xét', log: 'Nhật ký', snapshot: 'Lưu trữ kết quả',
    });
  });
});
