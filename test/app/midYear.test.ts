/**
 * The mid-year round through the public actions, as the people of Cụm thi đua số 9 use it: the
 * cụm trưởng (not the owner, personal accounts) opens it, each unit types its own column (and no
 * one else's), the cụm trưởng closes it; the figures are the core's, and the year-end results
 * never move.
 */
import { describe, expect, it } from 'vitest';
import { openContext } from '../../src/app/context';
import { closeMidYear, getMidYearStatus, loadMidYearReview, openMidYear, reopenMidYear } from '../../src/app/midYear';
import { closeYear, reopenYear } from '../../src/app/close';
import { copyToNewYear } from '../../src/app/copyYear';
import { getResults, getStatus } from '../../src/app/status';
import { submit } from '../../src/app/submission';
import { midYearReview } from '../../src/core/midYear';
import { sampleMidYearRound } from '../../src/core/samples';
import { columnLetter } from '../../src/workbook/a1';
import { unitColumnValues } from '../../src/workbook/midYear';
import { filledYear, sample, setUp } from './steps';
import { LEADER, OUTSIDER, OWNER, PROVINCES, focal, newWorld } from './world';
import type { FakeGoogle } from '../fakes/google';
import { conditionalBackgrounds } from '../fakes/sheets-formulas';

const TAB = 'Sơ kết 6 tháng';
/** Criteria rows 4 … 42 (39 rows of the sample table), the good practice on 43, computed rows 44–47. */
const FIRST = 4;
const GOOD = 43;
const BD = 'Bình Dương';
const DN = 'Đồng Nai';
/** The first qualitative row of the sample table (rows above it are groups). */
const ROW = FIRST + sample().criteria.rows.findIndex((c) => c.kind === 'qualitative');

function column(province: string): string {
  return columnLetter(5 + PROVINCES.indexOf(province));
}

function opened(): FakeGoogle {
  const g = newWorld();
  setUp(g, LEADER);
  const r = g.asUser(LEADER, () => openMidYear());
  expect(r, r.message).toMatchObject({ ok: true });
  return g;
}

/** Each unit pastes its sample column (criteria rows and good practice) as itself, in one edit. */
function fillRound(g: FakeGoogle, provinces = PROVINCES): void {
  const round = sampleMidYearRound(sample());
  for (const p of provinces) {
    const input = round.units.find((u) => u.unitId === p)!;
    const col = column(p);
    const r = g.userEdit(focal(p), TAB, `${col}${FIRST}:${col}${GOOD}`, unitColumnValues(sample().criteria, input));
    expect(r, p).toMatchObject({ ok: true });
  }
}

describe('Sơ kết 6 tháng', () => {
  it('is refused before set-up, and to a unit or an outsider', () => {
    const g = newWorld();
    expect(g.asUser(LEADER, () => openMidYear())).toMatchObject({ ok: false });
    setUp(g, LEADER);
    expect(g.asUser(focal(DN), () => openMidYear())).toMatchObject({ ok: false, message: 'Chỉ cụm trưởng (hoặc chủ sở hữu bảng tính) làm được việc này' });
    expect(g.asUser(OUTSIDER, () => openMidYear())).toMatchObject({ ok: false });
    expect(g.asUser(LEADER, () => closeMidYear())).toMatchObject({ ok: false, message: 'Chưa mở đợt sơ kết 6 tháng.' });
    expect(g.apps.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(TAB)).toBeNull();
  });

  it('opens a tab with a column per unit, the criteria, the good-practice and computed rows, frozen headers', () => {
    const g = opened();
    const tab = g.peek(TAB);
    expect(tab[0]![0]).toBe('TỰ CHẤM ĐIỂM THI ĐUA 6 THÁNG ĐẦU NĂM 2021');
    expect(tab[1]!.slice(0, 2)).toEqual(['Trạng thái', 'Đang mở — mỗi đơn vị tự chấm ở cột của mình']);
    expect(tab[2]).toEqual(['Mã', 'Nội dung', 'Loại', 'Điểm chuẩn', ...PROVINCES]);
    expect(tab[FIRST - 1]![0]).toBe(sample().criteria.rows[0]!.code);
    expect(tab[GOOD - 1]![1]).toBe('Cách làm hay, mô hình mới');
    expect(tab.slice(GOOD, GOOD + 4).map((r) => r[1])).toEqual(['Tổng điểm 6 tháng', 'Tỷ lệ (%)', 'Xếp loại (tạm)', 'Thứ hạng']);
    const sheet = g.apps.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(TAB)!;
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([3, 2]);
  });

  it('lets each unit type its own column only, and opening again keeps what was typed', () => {
    const g = opened();
    fillRound(g, [BD, DN]);
    // Another unit's column, the criteria columns, the computed rows, the status line: refused.
    expect(g.userEdit(focal(DN), TAB, `${column(BD)}${ROW}`, 5)).toMatchObject({ ok: false });
    expect(g.userEdit(focal(DN), TAB, `D${ROW}`, 50)).toMatchObject({ ok: false });
    expect(g.userEdit(focal(DN), TAB, `${column(DN)}${GOOD + 1}`, 100)).toMatchObject({ ok: false });
    expect(g.userEdit(focal(DN), TAB, 'B2', 'Đã chốt')).toMatchObject({ ok: false });
    expect(g.userEdit(OUTSIDER, TAB, `${column(DN)}${ROW}`, 5)).toMatchObject({ ok: false });
    const before = g.peek(TAB);
    expect(g.asUser(LEADER, () => openMidYear())).toMatchObject({ ok: true, message: expect.stringContaining('giữ nguyên') });
    expect(g.peek(TAB)).toEqual(before);
  });

  it('closes: computed rows are the core review, the unit columns lock, a unit with blanks is unranked', () => {
    const g = opened();
    fillRound(g);
    const round = sampleMidYearRound(sample());
    const expected = midYearReview(sample(), round);
    const r = g.asUser(LEADER, () => closeMidYear());
    expect(r, r.message).toMatchObject({ ok: true, message: expect.stringContaining('Tây Ninh (3 dòng)') });
    const tab = g.peek(TAB);
    for (const u of expected.units) {
      const j = 4 + PROVINCES.indexOf(u.unitId);
      expect(tab[GOOD]![j], u.unitId).toBe(u.total);
      expect(tab[GOOD + 1]![j]).toBe(u.percent);
      expect(tab[GOOD + 2]![j]).toBe(u.classification);
      expect(tab[GOOD + 3]![j]).toBe(u.rank ?? 'Chưa xếp (còn 3 dòng trống)');
    }
    expect(String(tab[1]![1])).toMatch(/^Đã chốt lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}$/);
    // After closing, a unit's own column is refused; the review says closed, with the same figures.
    expect(g.userEdit(focal(DN), TAB, `${column(DN)}${ROW}`, 1)).toMatchObject({ ok: false });
    const review = g.asUser(LEADER, () => loadMidYearReview(openContext(), sample()));
    expect(review).toMatchObject({ state: 'closed', closedAt: expect.any(String) });
    expect(review!.units).toEqual(expected.units);
    expect(g.asUser(LEADER, () => closeMidYear())).toMatchObject({ ok: false });
    expect(g.asUser(LEADER, () => openMidYear())).toMatchObject({ ok: false });
  });

  it('reopens a closed round for the cụm trưởng only: the unit columns come back, the computed rows go blank until it is closed again', () => {
    const g = opened();
    fillRound(g, [DN]);
    expect(g.asUser(LEADER, () => reopenMidYear())).toMatchObject({ ok: false, message: 'Đợt sơ kết 6 tháng đang mở, chưa chốt.' });
    expect(g.asUser(LEADER, () => closeMidYear())).toMatchObject({ ok: true });
    expect(g.userEdit(focal(DN), TAB, `${column(DN)}${ROW}`, 1)).toMatchObject({ ok: false });
    expect(g.asUser(focal(DN), () => reopenMidYear())).toMatchObject({ ok: false });
    expect(g.asUser(LEADER, () => reopenMidYear())).toMatchObject({ ok: true });
    const tab = g.peek(TAB);
    expect(tab[1]![1]).toBe('Đang mở — mỗi đơn vị tự chấm ở cột của mình');
    expect(tab.slice(GOOD, GOOD + 4).every((r) => r.slice(4).every((v) => v === ''))).toBe(true);
    expect(g.userEdit(focal(DN), TAB, `${column(DN)}${ROW}`, 1)).toMatchObject({ ok: true });
    expect(g.userEdit(focal(DN), TAB, `${column(BD)}${ROW}`, 1)).toMatchObject({ ok: false });
    expect(g.asUser(LEADER, () => closeMidYear())).toMatchObject({ ok: true });
    expect(g.peek(TAB)[GOOD]![4 + PROVINCES.indexOf(DN)]).toEqual(expect.any(Number));
  });

  it('marks in red, as Sheets paints it, a score over the maximum, text, and a veto row not Có / Không; group rows grey', () => {
    const g = opened();
    const rows = sample().criteria.rows;
    const at = (pick: (c: (typeof rows)[number]) => boolean, nth = 0) => FIRST + rows.map((c, i) => (pick(c) ? i : -1)).filter((i) => i >= 0)[nth]!;
    const q = (n: number) => at((c) => c.kind === 'qualitative' && c.maxPoints === 5, n);
    const veto = (n: number) => at((c) => c.kind === 'veto', n);
    const col = column(DN);
    const typed: Array<[number, string | number]> = [[q(0), 6], [q(1), 'năm'], [q(2), '4,5'], [q(3), 'Không giao'], [veto(0), 'Có'], [veto(1), 'có lẽ']];
    for (const [row, v] of typed) expect(g.userEdit(focal(DN), TAB, `${col}${row}`, v)).toMatchObject({ ok: true });
    const sheet = g.shared.spreadsheet.sheets.find((x) => x.name === TAB)!;
    const painted = conditionalBackgrounds(g.shared.spreadsheet, sheet, GOOD + 4, 4 + PROVINCES.length);
    const c = 4 + PROVINCES.indexOf(DN);
    expect(typed.map(([row]) => painted[row - 1]![c])).toEqual(['#f4c7c3', '#f4c7c3', '', '', '', '#f4c7c3']);
    expect(painted[FIRST - 1]![0]).toBe('#e8eaed');
    expect(painted[GOOD - 1]![c]).toBe('');
  });

  it('refuses to close while a score cell is wrong, naming the cell (a decimal comma is read)', () => {
    const g = opened();
    const col = column(DN);
    const rows = sample().criteria.rows.flatMap((c, i) => (c.kind === 'qualitative' && c.maxPoints >= 5 ? [FIRST + i] : []));
    expect(g.userEdit(focal(DN), TAB, `${col}${rows[0]}`, '4,5')).toMatchObject({ ok: true });
    expect(g.userEdit(focal(DN), TAB, `${col}${rows[1]}`, 'tám')).toMatchObject({ ok: true });
    const r = g.asUser(LEADER, () => closeMidYear());
    expect(r).toMatchObject({ ok: false });
    expect(r.problems.map((p) => p.text)).toEqual([`Trang "Sơ kết 6 tháng", ô ${col}${rows[1]}: "tám" không phải là số`]);
    expect(g.asUser(LEADER, () => loadMidYearReview(openContext(), sample()))!.units.find((u) => u.unitId === DN)!.total).toBe(4.5);
  });

  it('leaves the year-end results as they were, filled and closed', () => {
    const g = newWorld();
    filledYear(g);
    const results = () => JSON.stringify({ ...g.asUser(LEADER, () => getResults()), computedAt: '' });
    const before = results();
    expect(g.asUser(LEADER, () => openMidYear())).toMatchObject({ ok: true });
    fillRound(g);
    expect(results()).toBe(before);
    expect(g.asUser(LEADER, () => closeMidYear())).toMatchObject({ ok: true });
    expect(results()).toBe(before);
  });

  it('is locked with the rest of the year when the year closes (the owner\'s only), and unlocked when the owner reopens it', () => {
    const g = newWorld();
    filledYear(g);
    expect(g.asUser(LEADER, () => openMidYear())).toMatchObject({ ok: true });
    fillRound(g, [DN]);
    for (const p of PROVINCES) expect(g.asUser(focal(p), () => submit(p)).ok, p).toBe(true);
    expect(g.asUser(LEADER, () => closeYear())).toMatchObject({ ok: true });
    expect(g.userEdit(focal(DN), TAB, `${column(DN)}${ROW}`, 1), 'a unit after the year closed').toMatchObject({ ok: false });
    // The cụm trưởng who closed keeps their right (Apps Script never removes the runner) until the owner's next execution.
    g.asUser(OWNER, () => getStatus());
    expect(g.userEdit(LEADER, TAB, `${column(BD)}${ROW}`, 1), 'the cụm trưởng after the year closed').toMatchObject({ ok: false });
    expect(g.userEdit(OWNER, TAB, 'B1', g.peek(TAB, 'B1'))).toMatchObject({ ok: true });
    expect(g.asUser(LEADER, () => closeMidYear())).toMatchObject({ ok: false });
    expect(g.asUser(OWNER, () => reopenYear())).toMatchObject({ ok: true });
    expect(g.userEdit(focal(DN), TAB, `${column(DN)}${ROW}`, 1), 'a unit once the year is reopened').toMatchObject({ ok: true });
  });

  it('keeps last year\'s round under its year when next year\'s is opened after a copy', () => {
    const g = newWorld();
    filledYear(g);
    expect(g.asUser(LEADER, () => openMidYear())).toMatchObject({ ok: true });
    fillRound(g, [DN]);
    expect(g.asUser(LEADER, () => closeMidYear())).toMatchObject({ ok: true });
    for (const p of PROVINCES) expect(g.asUser(focal(p), () => submit(p)).ok, p).toBe(true);
    expect(g.asUser(LEADER, () => closeYear())).toMatchObject({ ok: true });
    expect(g.asUser(OWNER, () => copyToNewYear(2022))).toMatchObject({ ok: true });
    const last = g.peek(TAB);
    const r = g.asUser(LEADER, () => openMidYear());
    expect(r, r.message).toMatchObject({ ok: true });
    expect(r.problems.map((p) => p.message)).toEqual(['Trang Sơ kết 6 tháng của năm 2021 được giữ lại, đổi tên thành “Sơ kết 6 tháng 2021”.']);
    expect(g.peek('Sơ kết 6 tháng 2021')).toEqual(last);
    expect(g.peek(TAB)[0]![0]).toBe('TỰ CHẤM ĐIỂM THI ĐUA 6 THÁNG ĐẦU NĂM 2022');
    expect(g.peek(TAB)[FIRST - 1]!.slice(4).every((v) => v === '')).toBe(true);
  });

  it('gives the sidebar the round state and each unit its own fill', () => {
    const g = opened();
    expect(g.asUser(OWNER, () => getMidYearStatus())).toMatchObject({ ok: true, opened: true, closed: false, leader: true });
    fillRound(g, [DN]);
    const s = g.asUser(focal(DN), () => getMidYearStatus()) as Extract<ReturnType<typeof getMidYearStatus>, { opened: boolean }>;
    expect(s.leader).toBe(false);
    expect(s.own).toEqual([DN]);
    const dn = s.units.find((u) => u.unitId === DN)!;
    expect(dn).toMatchObject({ column: column(DN), goodPractice: true });
    expect(dn.filled).toBe(dn.required);
    expect(s.units.find((u) => u.unitId === BD)).toMatchObject({ filled: 0, goodPractice: false });
    // The button goes to the first row to answer left blank, else the first row to answer (groups skipped).
    const firstToAnswer = FIRST + sample().criteria.rows.findIndex((c) => c.kind === 'qualitative' || c.kind === 'quantitative');
    expect(s.units.find((u) => u.unitId === BD)!.row).toBe(firstToAnswer);
    expect(dn.row).toBe(firstToAnswer);
  });
});
