import { describe, expect, it } from 'vitest';
import { daysBetween, deadlineState, mailtoLink, parseDay, vnDay } from '../../src/core/deadlines';
import { defaultRules } from '../../src/core/rules';
import { sampleYearConfig } from '../../src/app/sample';
import { CONFIG_LAYOUT, parseConfig, renderConfig, mergeConfig } from '../../src/workbook/config';
import { a1 } from '../../src/workbook/a1';
import type { Grid } from '../../src/workbook/grid';

describe('deadline days', () => {
  it('reads dates as Sheets gives them: a Date at midnight in Việt Nam, or dd/mm/yyyy text', () => {
    // A date cell typed 15/10/2021 in a sheet on Asia/Ho_Chi_Minh is that day's 00:00 UTC+7.
    expect(parseDay(new Date('2021-10-14T17:00:00Z'))).toBe('2021-10-15');
    expect(parseDay('15/10/2021')).toBe('2021-10-15');
    expect(parseDay(' 5/1/2021 ')).toBe('2021-01-05');
    expect(parseDay('05-01-2021')).toBe('2021-01-05');
    expect(parseDay('2021-10-15')).toBe('2021-10-15');
    expect(parseDay('')).toBeUndefined();
    expect(parseDay(null)).toBeUndefined();
    expect(parseDay('31/02/2021')).toBeNull();
    expect(parseDay('15/10')).toBeNull();
    expect(parseDay(44484)).toBeNull();
    expect(parseDay(new Date(Number.NaN))).toBeNull();
  });

  it('counts days in Việt Nam: 23:30 UTC is already the next day', () => {
    expect(vnDay(new Date('2021-10-15T16:59:00Z'))).toBe('2021-10-15');
    expect(vnDay(new Date('2021-10-15T17:00:00Z'))).toBe('2021-10-16');
    expect(daysBetween('2021-10-15', '2021-10-18')).toBe(3);
    expect(daysBetween('2021-12-31', '2021-12-30')).toBe(-1);
  });

  it('says on time, late by N days, submitted late, or days left', () => {
    expect(deadlineState(undefined, null, '2021-10-18')).toEqual({ state: 'noDeadline' });
    expect(deadlineState('2021-10-15', null, '2021-10-18')).toEqual({ state: 'late', lateDays: 3 });
    expect(deadlineState('2021-10-15', null, '2021-10-15')).toEqual({ state: 'pending', daysLeft: 0 });
    expect(deadlineState('2021-10-15', null, '2021-10-10')).toEqual({ state: 'pending', daysLeft: 5 });
    expect(deadlineState('2021-10-15', '2021-10-14', '2021-10-18')).toEqual({ state: 'done', lateDays: 0 });
    expect(deadlineState('2021-10-15', '2021-10-17', '2021-10-18')).toEqual({ state: 'done', lateDays: 2 });
    expect(deadlineState('2021-10-15', '', '2021-10-18')).toEqual({ state: 'done', lateDays: 0 });
  });

  it('builds a mailto: link with the addresses and the subject and body percent-encoded, CRLF between lines', () => {
    const href = mailtoLink(['vp.a@x.vn', 'b+c@y.vn'], 'Nhắc nộp & hạn', 'Dòng 1\nDòng 2?');
    expect(href.startsWith('mailto:vp.a@x.vn,b%2Bc@y.vn?subject=')).toBe(true);
    const url = new URL(href);
    expect(url.searchParams.get('subject')).toBe('Nhắc nộp & hạn');
    expect(url.searchParams.get('body')).toBe('Dòng 1\r\nDòng 2?');
    expect(href).not.toMatch(/\s/);
  });
});

describe('the deadlines block of Cấu hình', () => {
  const defaults = defaultRules(2021);
  const L = CONFIG_LAYOUT.deadlines;
  const cell = (grid: Grid, row: number, col: number, v: unknown): Grid => {
    const out = grid.map((r) => [...r]);
    while (out.length < row) out.push([]);
    const line = out[row - 1]!;
    while (line.length < col) line.push('');
    line[col - 1] = v as never;
    return out;
  };

  it('reads back the dates it was rendered from, and a set-up without dates leaves every step blank', () => {
    const cfg = { ...sampleYearConfig(2021), deadlines: { registration: '2021-02-28', selfScore: '2021-10-15' } };
    const grid = renderConfig(cfg);
    expect(grid[CONFIG_LAYOUT.blockRow - 1]![L.column - 1]).toBe('THỜI HẠN CÁC BƯỚC');
    expect(grid[CONFIG_LAYOUT.firstRow]![L.column]).toBe('15/10/2021');
    const p = parseConfig(grid, { defaults });
    expect(p.problems).toEqual([]);
    expect(p.deadlines).toEqual({ registration: '2021-02-28', selfScore: '2021-10-15' });
    expect(parseConfig(renderConfig({ ...sampleYearConfig(2021), deadlines: undefined }), { defaults }).deadlines).toEqual({});
    expect(parseConfig(renderConfig(sampleYearConfig(2021)), { defaults }).deadlines).toEqual({
      registration: '2021-03-15', selfScore: '2021-10-15', crossCheck: '2021-10-31', agreement: '2021-11-10', ballot: '2021-11-16',
    });
  });

  it('takes a Date cell, and names the cell of a date that is not a date', () => {
    let grid: Grid = renderConfig({ ...sampleYearConfig(2021), deadlines: undefined });
    const first = CONFIG_LAYOUT.firstRow;
    grid = cell(grid, first + 1, L.column + 1, new Date('2021-10-14T17:00:00Z'));
    grid = cell(grid, first + 2, L.column + 1, '31/11/2021');
    const p = parseConfig(grid, { defaults });
    expect(p.deadlines).toEqual({ selfScore: '2021-10-15' });
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toMatchObject({ a1: a1(first + 2, L.column + 1), severity: 'warning' });
    expect(p.problems[0]!.message).toContain('“31/11/2021”');
    expect(p.problems[0]!.message).toContain('Chấm chéo');
    expect(p.problems[0]!.message).toContain('dd/mm/yyyy');
  });

  it('warns of a step dated before the one above it and of a label it does not know', () => {
    let grid: Grid = renderConfig({ ...sampleYearConfig(2021), deadlines: { selfScore: '2021-10-15', crossCheck: '2021-10-01' } });
    grid = cell(grid, CONFIG_LAYOUT.firstRow + 6, L.column, 'Họp trực tuyến');
    const p = parseConfig(grid, { defaults });
    expect(p.deadlines).toEqual({ selfScore: '2021-10-15', crossCheck: '2021-10-01' });
    expect(p.problems.map((x) => x.message)).toEqual([
      expect.stringContaining('Không rõ bước “Họp trực tuyến”'),
      expect.stringContaining('sớm hơn hạn của bước “Nộp bảng tự chấm”'),
    ]);
  });

  it('merging never overwrites a date typed in the sheet, and fills a blank one', () => {
    let grid: Grid = renderConfig({ ...sampleYearConfig(2021), deadlines: undefined });
    grid = cell(grid, CONFIG_LAYOUT.firstRow + 1, L.column + 1, '20/10/2021');
    const merged = mergeConfig(grid, { ...sampleYearConfig(2021), deadlines: { registration: '2021-03-01', selfScore: '2021-10-15' } });
    const p = parseConfig(merged, { defaults });
    expect(p.deadlines).toEqual({ registration: '2021-03-01', selfScore: '2021-10-20' });
  });
});
