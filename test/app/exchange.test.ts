/**
 * Exchange and follow-up as the people of a cluster and of the sector do them in their sheets:
 * a criteria table opened from Excel into a tab → Tiêu chí; three clusters' results exported →
 * pasted into a sector sheet → Tổng hợp toàn ngành; the reminder to units that have not submitted.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { submit } from '../../src/app/submission';
import { getStatus } from '../../src/app/status';
import { api } from '../../src/server/api';
import { parseCriteria } from '../../src/workbook/criteria';
import { detectCriteria } from '../../src/workbook/criteriaImport';
import type { FakeGoogle } from '../fakes/google';
import { fillCrossCheck, fillFinal, fillSelf, setUp } from './steps';
import { LEADER, OWNER, PROVINCES, focal, newWorld } from './world';

/** Last year's table as the clerk opened it from Excel: title rows, STT restarting, "12,5" as text, a total row. */
const EXCEL: unknown[][] = [
  ['CỤM THI ĐUA SỐ 9', '', '', ''],
  ['BẢNG TIÊU CHÍ CHẤM ĐIỂM NĂM 2020', '', '', ''],
  ['', '', '', ''],
  ['Điểm chuẩn', 'STT', 'Nội dung tiêu chí', 'Ghi chú'],
  ['', 'I', 'Công tác chuyên môn', ''],
  [30, '1', 'Thực hành quyền công tố', ''],
  ['', '2', 'Kiểm sát điều tra', ''],
  ['12,5', 'a', 'Kiểm sát tin báo,', ''],
  ['', '', 'tố giác tội phạm', ''],
  ['17,5', 'b', 'Kiểm sát khởi tố', ''],
  ['', 'II', 'Điểm cộng', ''],
  [10, '1', 'Cờ thi đua năm trước', ''],
  [60, '', 'Tổng cộng', ''],
];

function addTab(g: FakeGoogle, name: string, rows: unknown[][]): void {
  g.asUser(OWNER, () => g.apps.SpreadsheetApp.getActiveSpreadsheet().insertSheet(name));
  const width = rows[0]!.length;
  const end = String.fromCharCode(64 + width);
  expect(g.userEdit(OWNER, name, `A1:${end}${rows.length}`, rows)).toMatchObject({ ok: true });
}

/** Rows of other people's actions wait for the owner's next execution: an edit fires the owner's trigger. */
function flushLog(g: FakeGoogle): void {
  expect(g.userEdit(OWNER, 'Cấu hình', 'A1', g.peek('Cấu hình', 'A1'))).toMatchObject({ ok: true });
}

const ok = <T extends { ok: boolean; message?: string }>(r: T): T => {
  expect(r.ok, r.message).toBe(true);
  return r;
};

describe('Nhập bảng tiêu chí từ trang… (a table opened from Excel → Tiêu chí)', () => {
  it('previews what it detected, then writes Tiêu chí that reads back as the same table, before any set-up', () => {
    const g = newWorld();
    addTab(g, 'Bảng 2020', EXCEL);
    const sheets = ok(g.asUser(OWNER, () => api.importableSheets()) as { ok: true; sheets: string[] });
    expect(sheets.sheets).toContain('Bảng 2020');
    const preview = ok(g.asUser(OWNER, () => api.previewCriteriaImport('Bảng 2020')) as never) as Extract<ReturnType<typeof api.previewCriteriaImport>, { rows: unknown }>;
    expect(preview).toMatchObject({ headerRow: 4, letters: { code: 'B', content: 'C', max: 'A' }, rowCount: 7, newCount: 7, keptCount: 0, blocked: false, problems: [] });
    expect(preview.rows[3]).toEqual({ code: 'I.2.a', content: 'Kiểm sát tin báo, tố giác tội phạm', maxPoints: 12.5, kind: 'qualitative', sourceRow: 8 });
    expect(g.shared.spreadsheet.sheets.map((s) => s.name)).not.toContain('Tiêu chí'); // preview writes nothing

    const r = ok(g.asUser(OWNER, () => api.importCriteria('Bảng 2020')));
    expect(r.message).toContain('Đã nhập 7 tiêu chí mới');
    const back = parseCriteria(g.peek('Tiêu chí'));
    expect(back.problems).toEqual([]);
    expect(back.table.rows).toEqual(detectCriteria(EXCEL as never, 'Bảng 2020').table.rows);
    expect(back.table.rows.find((x) => x.code === 'II.1')).toMatchObject({ kind: 'bonus', maxPoints: 10 });
  });

  it('in a set-up year: keeps the rows people typed, adds only new codes, says to run set-up again; a focal officer is refused', () => {
    const g = newWorld();
    setUp(g);
    const before = g.peek('Tiêu chí');
    const existing = parseCriteria(before).table.rows;
    const first = existing.find((x) => x.kind !== 'group')!;
    addTab(g, 'Excel', [
      ['Mã', 'Nội dung', 'Điểm tối đa'],
      [first.code, 'Nội dung khác của năm trước', 99],
      ['IX', 'Nhóm mới', ''],
      ['IX.1', 'Tiêu chí mới', '2,5'],
    ]);
    const refused = g.asUser(focal('Tây Ninh'), () => api.importCriteria('Excel'));
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain('cụm trưởng');
    const r = ok(g.asUser(LEADER, () => api.importCriteria('Excel')));
    expect(r.message).toContain('Đã nhập 2 tiêu chí mới');
    expect(r.message).toContain('1 tiêu chí đã có');
    expect(r.message).toContain('Khởi tạo năm thi đua');
    const after = parseCriteria(g.peek('Tiêu chí')).table.rows;
    expect(after.find((x) => x.code === first.code)).toEqual(first);
    // Placed after their predecessor in the imported table, as set-up's merge places rows.
    const at = after.findIndex((x) => x.code === 'IX');
    expect(after.slice(at, at + 2)).toEqual([
      { code: 'IX', content: 'Nhóm mới', kind: 'group', maxPoints: 0 },
      { code: 'IX.1', content: 'Tiêu chí mới', kind: 'qualitative', maxPoints: 2.5 },
    ]);
    flushLog(g);
    expect(g.peek('Nhật ký').some((row) => row[2] === LEADER && row[3] === 'Nhập bảng tiêu chí')).toBe(true);
  });

  it('refuses the add-on’s own tabs and a tab it cannot read as a table, naming the problem', () => {
    const g = newWorld();
    setUp(g);
    expect(g.asUser(LEADER, () => api.previewCriteriaImport('Tiêu chí'))).toMatchObject({ ok: false, message: expect.stringContaining('trang của tiện ích') });
    addTab(g, 'Ghi chép', [['Họp cụm', 'ngày 5/3'], ['x', 'y']]);
    const p = g.asUser(LEADER, () => api.previewCriteriaImport('Ghi chép')) as { ok: boolean; blocked: boolean; problems: Array<{ sheet: string; text: string }> };
    expect(p).toMatchObject({ ok: true, blocked: true });
    expect(p.problems[0]).toMatchObject({ sheet: 'Ghi chép' });
    const before = g.peek('Tiêu chí');
    expect(g.asUser(LEADER, () => api.importCriteria('Ghi chép'))).toMatchObject({ ok: false, message: expect.stringContaining('Chưa nhập') });
    expect(g.peek('Tiêu chí')).toEqual(before);
  });
});

describe('results export → Tổng hợp toàn ngành of three clusters', () => {
  /** A cluster's sheet at some point of its year, renamed, exported by its cụm trưởng. */
  function clusterExport(name: string, steps: Array<(g: FakeGoogle) => void>): string {
    const g = newWorld();
    setUp(g);
    expect(g.userEdit(OWNER, 'Cấu hình', 'B5', name)).toMatchObject({ ok: true });
    for (const s of steps) s(g);
    const x = ok(g.asUser(LEADER, () => api.exportResults()) as { ok: true; json: string; csv: string; fileNames: { json: string; csv: string } });
    expect(x.fileNames.json).toBe(`ket-qua-thi-dua-2021-${name.replace(/ /g, '-')}.json`);
    expect(x.csv.split('\r\n')).toHaveLength(PROVINCES.length + 2);
    return x.json;
  }

  it('exports each cluster, reads the three exports pasted in a sector sheet, and writes one ranking as text', () => {
    const a = clusterExport('Cụm thi đua số 9', [fillSelf, fillCrossCheck, fillFinal]);
    const b = clusterExport('Cụm thi đua số 4', [fillSelf, fillCrossCheck]);
    const c = clusterExport('Cụm thi đua số 2', [fillSelf]);
    for (const [json, name] of [[a, 'Cụm thi đua số 9'], [b, 'Cụm thi đua số 4'], [c, 'Cụm thi đua số 2']] as const) {
      expect(JSON.parse(json)).toMatchObject({ schema: 'thidua.ketqua', version: 1, cluster: name, year: 2021 });
    }

    const sector = newWorld({ owner: 'thidua.nganh@example.com' });
    const clerk = 'thidua.nganh@example.com';
    // First run: the data tab is made, with what to paste where.
    expect(sector.asUser(clerk, () => api.rollUpSector())).toMatchObject({ ok: false, message: expect.stringContaining('chưa có kết quả nào') });
    expect(sector.peek('Dữ liệu các cụm', 'A1')[0]![0]).toContain('Dán vào cột A');
    expect(sector.userEdit(clerk, 'Dữ liệu các cụm', 'A2:A4', [[a], [b], [c]])).toMatchObject({ ok: true });
    const r = ok(sector.asUser(clerk, () => api.rollUpSector()));
    expect(r.message).toContain('3 đơn vị dẫn đầu của 3 cụm');

    const out = sector.peek('Tổng hợp toàn ngành', 'A1:J6');
    expect(String(out[0]![0])).toContain('NĂM 2021');
    expect(out[2]![0]).toBe('Hạng');
    const leaders = [a, b, c].map((j) => {
      const x = JSON.parse(j);
      const lead = x.units.find((u: { titlesProposed: Array<{ leading: boolean }> }) => u.titlesProposed.some((t) => t.leading))
        ?? x.units.filter((u: { eligible: boolean }) => u.eligible).sort((p: { rank: number }, q: { rank: number }) => p.rank - q.rank)[0];
      return { cluster: x.cluster as string, score: lead.score as number };
    }).sort((p, q) => q.score - p.score);
    expect(out.slice(3).map((row) => [row[2], row[3]])).toEqual(leaders.map((l) => [l.cluster, l.score]));
    expect(out.slice(3).map((row) => row[0])).toEqual([1, 2, 3]);
    // Written as values: no cell of the tab holds a formula.
    const sheet = sector.shared.spreadsheet.sheets.find((s) => s.name === 'Tổng hợp toàn ngành')!;
    expect(Object.values(sheet.rows).flatMap((row) => Object.values(row)).some((cell) => (cell as { formula?: string }).formula)).toBe(false);
  });

  it('refuses, writing nothing, when an export is pasted twice, is of another year or is not an export', () => {
    const a = clusterExport('Cụm thi đua số 9', [fillSelf]);
    const old = JSON.stringify({ ...JSON.parse(a), cluster: 'Cụm thi đua số 1', year: 2020 });
    const sector = newWorld();
    sector.asUser(OWNER, () => api.rollUpSector());
    expect(sector.userEdit(OWNER, 'Dữ liệu các cụm', 'A2:A5', [[a], [a], [old], ['=1+1 không phải JSON']])).toMatchObject({ ok: true });
    const r = sector.asUser(OWNER, () => api.rollUpSector());
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.a1, p.sheet])).toEqual([['A5', 'Dữ liệu các cụm'], ['A3', 'Dữ liệu các cụm'], ['A4', 'Dữ liệu các cụm']]);
    expect(r.problems[1]!.message).toContain('đã có ở ô A2');
    expect(r.problems[2]!.message).toContain('năm 2020');
    expect(sector.shared.spreadsheet.sheets.map((s) => s.name)).not.toContain('Tổng hợp toàn ngành');
    // A sector sheet has no year: nothing waits in its properties for a Nhật ký it does not have.
    expect(sector.asUser(OWNER, () => sector.apps.PropertiesService.getDocumentProperties().getKeys())).toEqual([]);
  });
});

describe('deadlines and Nhắc các đơn vị chưa nộp', () => {
  // Actions take "now" from the clock: 15/11/2021 09:00 in Việt Nam.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2021-11-15T02:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows each unit against the self-scoring date, and prepares a mailto: to the late units only, logged in Nhật ký', () => {
    const g = newWorld();
    setUp(g);
    // Thời hạn các bước: Nộp bảng tự chấm is the block's second row (AC6 | AD6).
    // The sample's timetable, Thời hạn các bước in Cấu hình: Nộp bảng tự chấm is its second row (AC6 | AD6).
    expect(g.peek('Cấu hình', 'AC6:AD6')[0]).toEqual(['Nộp bảng tự chấm', '15/10/2021']);
    fillSelf(g, ['Bình Dương']);
    expect(g.asUser(focal('Bình Dương'), () => submit('Bình Dương')).ok).toBe(true);

    const s = g.asUser(LEADER, () => getStatus()) as { deadlines?: { today: string; steps: unknown[]; units: Record<string, { selfScore: unknown }> } };
    expect(s.deadlines!.today).toBe('2021-11-15');
    expect(s.deadlines!.steps.map((x) => x)).toContainEqual({ step: 'selfScore', label: 'Nộp bảng tự chấm', day: '2021-10-15' });
    expect(s.deadlines!.steps.map((x) => (x as { step: string }).step)).toEqual(['registration', 'selfScore', 'crossCheck', 'agreement', 'ballot']);
    expect(s.deadlines!.units['Tây Ninh']!.selfScore).toEqual({ state: 'late', lateDays: 31 });
    expect(s.deadlines!.units['Bình Dương']!.selfScore).toEqual({ state: 'done', lateDays: 31 });

    expect(g.asUser(focal('Tây Ninh'), () => api.prepareReminder())).toMatchObject({ ok: false, message: expect.stringContaining('cụm trưởng') });
    const r = ok(g.asUser(LEADER, () => api.prepareReminder()) as { ok: true; href: string; to: string[]; body: string; subject: string; units: string[]; message: string });
    const late = PROVINCES.filter((p) => p !== 'Bình Dương');
    expect(r.units).toEqual(late);
    expect(r.to).toEqual(late.map(focal));
    expect(r.subject).toBe('Đôn đốc nộp bảng tự chấm điểm thi đua năm 2021 — Cụm thi đua số 9');
    expect(r.body).toContain('hạn nộp bảng tự chấm điểm là ngày 15/10/2021');
    expect(r.body).toMatch(/Tây Ninh \(trễ 31 ngày\)/);
    expect(r.body).not.toMatch(/- .*Bình Dương/);
    const url = new URL(r.href);
    expect(url.protocol).toBe('mailto:');
    expect(decodeURIComponent(url.pathname).split(',')).toEqual(late.map(focal));
    expect(url.searchParams.get('body')).toBe(r.body.replace(/\n/g, '\r\n'));
    flushLog(g);
    const log = g.peek('Nhật ký');
    expect(log.some((row) => row[2] === LEADER && row[3] === 'Soạn thư nhắc đơn vị chưa nộp' && String(row[8]).includes('Tây Ninh'))).toBe(true);
  });

  it('says so when every unit has submitted, and names a bad date in Cấu hình', () => {
    const g = newWorld();
    setUp(g);
    expect(g.userEdit(OWNER, 'Cấu hình', 'AD7', '31/11/2021')).toMatchObject({ ok: true });
    const problems = g.asUser(LEADER, () => api.getProblems()) as { problems: Array<{ sheet: string; a1: string; message: string }> };
    expect(problems.problems).toContainEqual(expect.objectContaining({ sheet: 'Cấu hình', a1: 'AD7', message: expect.stringContaining('“31/11/2021”') }));
    fillSelf(g);
    for (const p of PROVINCES) expect(g.asUser(focal(p), () => submit(p)).ok).toBe(true);
    expect(g.asUser(LEADER, () => api.prepareReminder())).toMatchObject({ ok: false, message: expect.stringContaining('đã nộp') });
  });
});
