/**
 * A whole year of Cụm thi đua số 9 (six provinces) in the shared sheet: set-up, each unit filling
 * its own tab as itself, refusals by the protections, cross-check, final, recompute, ballot,
 * close, and the next year. Rights are tested by trying, through the fake's userEdit.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDocumentServices } from '../../src/adapters/documents';
import { generateDocument } from '../../src/app/documents';
import { exportResults, rollUpSector } from '../../src/app/exchange';
import { setupRegisters } from '../../src/app/registers';
import { openContext } from '../../src/app/context';
import { closeMidYear, loadMidYearReview, openMidYear } from '../../src/app/midYear';
import { midYearReview } from '../../src/core/midYear';
import { sampleMidYearRound } from '../../src/core/samples';
import { columnLetter } from '../../src/workbook/a1';
import { CONFIG_LAYOUT } from '../../src/workbook/config';
import { unitColumnValues } from '../../src/workbook/midYear';
import { prepareReminder } from '../../src/app/reminders';
import { createDocumentFakes, docText } from '../fakes/documents';
import { saveBallot } from '../../src/app/ballot';
import { closeYear } from '../../src/app/close';
import { readSnapshot } from '../helpers/workbook';
import { copyToNewYear } from '../../src/app/copyYear';
import { recompute } from '../../src/app/recompute';
import { setupYear } from '../../src/app/setup';
import { getProblems, getResults, getStatus } from '../../src/app/status';
import { reopen, returnSubmission, submit } from '../../src/app/submission';
import { computeYear } from '../../src/core/engine';
import { PROTECTED_EDIT_MESSAGE } from '../fakes/google';
import { FIRST, LAST, YEAR, fillCrossCheck, fillFinal, fillSelf, filledYear, inputsOf, sample, setUp } from './steps';
import { LEADER, OUTSIDER, OWNER, PROVINCES, TEAM, focal, newWorld } from './world';

const UNIT_TABS = PROVINCES;

function submitted(g: ReturnType<typeof newWorld>, provinces = PROVINCES): void {
  for (const p of provinces) {
    const r = g.asUser(focal(p), () => submit(p));
    expect(r.ok, `${p}: ${r.message} ${JSON.stringify(r.problems.slice(0, 3))}`).toBe(true);
  }
}

describe('the year of Cụm thi đua số 9', () => {
  it('sets up every tab of the year, in order, with the snapshot tab hidden', () => {
    const g = newWorld();
    setUp(g);
    const names = g.shared.spreadsheet.sheets.map((s) => s.name);
    expect(names).toEqual(['Cấu hình', 'Tiêu chí', ...UNIT_TABS, 'Tổng hợp', 'Bình xét', 'Nhật ký', 'Lưu trữ kết quả']);
    expect(g.shared.spreadsheet.sheets.find((s) => s.name === 'Lưu trữ kết quả')!.hidden).toBe(true);
    expect(g.peek('Bình Dương', 'A4:M4')[0]).toEqual([
      'Mã', 'Nội dung', 'Loại', 'Điểm chuẩn', 'Chỉ tiêu', 'Kết quả', 'Tự chấm', 'Giải trình', 'Minh chứng', 'Chấm chéo', 'Thống nhất', 'Ghi chú', 'Điểm tính',
    ]);
    expect(g.peek('Bình Dương', `A${FIRST}:A${LAST}`).map((r) => r[0])).toEqual(sample().criteria.rows.map((r) => r.code));
    expect(g.peek('Cấu hình', 'D5:D10').map((r) => r[0])).toEqual(PROVINCES);
    expect(g.shared.triggers.list.map((t) => [t.handler, t.eventType, t.owner])).toEqual([['onWorkbookEdit', 'ON_EDIT', OWNER]]);
  });

  it('lets each unit fill its own tab, as itself', () => {
    const g = newWorld();
    setUp(g);
    fillSelf(g);
    expect(g.peek('Tây Ninh', `F${FIRST}:I${LAST}`)).toEqual(inputsOf('Tây Ninh').unit);
  });

  it("refuses a unit typing in another unit's tab, and keeps the cell as it was", () => {
    const g = newWorld();
    setUp(g);
    fillSelf(g, ['Đồng Nai']);
    const before = g.peek('Đồng Nai', 'G8')[0]![0];
    const r = g.userEdit(focal('Bình Thuận'), 'Đồng Nai', 'G8', 1);
    expect(r).toEqual({ ok: false, message: PROTECTED_EDIT_MESSAGE });
    expect(g.peek('Đồng Nai', 'G8')[0]![0]).toBe(before);
  });

  it('refuses a unit its own cross-check, final, criteria and computed columns', () => {
    const g = newWorld();
    setUp(g);
    const me = focal('Bình Thuận');
    for (const cell of ['J8', 'K8', 'A8', 'D8', 'M8', 'B2']) {
      expect(g.userEdit(me, 'Bình Thuận', cell, 1), cell).toMatchObject({ ok: false });
    }
    expect(g.userEdit(me, 'Bình Thuận', 'L8', 'ghi chú'), 'note').toMatchObject({ ok: false });
    expect(g.userEdit(me, 'Tiêu chí', 'D8', 9)).toMatchObject({ ok: false });
    expect(g.userEdit(me, 'Cấu hình', 'B5', 'x')).toMatchObject({ ok: false });
  });

  it('lets the cross-check team type only the cross-check and note columns', () => {
    const g = newWorld();
    setUp(g);
    const member = TEAM[3]!;
    expect(g.userEdit(member, 'Bình Phước', 'J8', 4)).toMatchObject({ ok: true });
    expect(g.userEdit(member, 'Bình Phước', 'L8', 'đã kiểm tra')).toMatchObject({ ok: true });
    expect(g.userEdit(member, 'Bình Phước', 'G8', 4)).toMatchObject({ ok: false });
    expect(g.userEdit(member, 'Bình Phước', 'K8', 4)).toMatchObject({ ok: false });
  });

  it('lets the cụm trưởng type the final column and any unit column, but not Tổng hợp or Nhật ký', () => {
    const g = newWorld();
    setUp(g);
    expect(g.userEdit(LEADER, 'Tây Ninh', 'K8', 4)).toMatchObject({ ok: true });
    expect(g.userEdit(LEADER, 'Tây Ninh', 'G8', 4)).toMatchObject({ ok: true });
    expect(g.userEdit(LEADER, 'Tiêu chí', 'B8', 'Sửa nội dung')).toMatchObject({ ok: true });
    expect(g.userEdit(LEADER, 'Nhật ký', 'A2', 'xóa')).toMatchObject({ ok: false });
  });

  it('refuses someone the sheet is not shared with anything at all', () => {
    const g = newWorld();
    setUp(g);
    expect(g.userEdit(OUTSIDER, 'Bình Dương', 'G8', 4)).toMatchObject({ ok: false });
  });

  it('computes the same totals, ranks, classifications and proposals as the engine on the same figures', () => {
    const g = newWorld();
    filledYear(g);
    const r = g.asUser(LEADER, () => recompute());
    expect(r.ok, r.message).toBe(true);
    // Nobody has submitted yet: every rank is provisional and nobody is proposed.
    const expected = computeYear({ ...sample(), ballots: [], submitted: [] });
    expect(expected.units.every((u) => u.provisional && u.proposedTitle === null)).toBe(true);
    const results = g.asUser(LEADER, () => getResults());
    if (!('units' in results)) throw new Error(results.message);
    expect(results.units.map((u) => [u.unitId, u.rank, u.self, u.crossCheck, u.final, u.classification, u.proposedTitle?.titleId ?? null])).toEqual(
      expected.units.map((u) => [u.unitId, u.rank, u.totals.self?.total ?? null, u.totals.crossCheck?.total ?? null, u.totals.final?.total ?? null, u.classification, u.proposedTitle?.titleId ?? null]),
    );
    // Tổng hợp shows the same ranking.
    const rows = g.peek('Tổng hợp', `A5:E${4 + PROVINCES.length}`);
    expect(rows.map((row) => [row[0], row[1]])).toEqual(expected.units.map((u) => [u.rank, u.unitId]));
  });

  it('writes computed points of quantitative rows into the computed column only', () => {
    const g = newWorld();
    filledYear(g);
    const before = g.peek('Bình Dương', `A1:L${LAST}`);
    g.asUser(LEADER, () => recompute());
    expect(g.peek('Bình Dương', `A1:L${LAST}`)).toEqual(before);
    const computed = g.peek('Bình Dương', `M${FIRST}:M${LAST}`).map((r) => r[0]);
    const kinds = sample().criteria.rows.map((r) => r.kind);
    kinds.forEach((k, i) => {
      if (k === 'quantitative') expect(typeof computed[i], `row ${FIRST + i}`).toBe('number');
      else expect(computed[i], `row ${FIRST + i}`).toBe('');
    });
  });

  it('submits a complete unit: its officers lose their columns, the cụm trưởng keeps them (Workspace: the editor is known)', () => {
    const g = newWorld({ accounts: 'workspace' });
    filledYear(g);
    submitted(g, ['Đồng Nai']);
    expect(g.peek('Đồng Nai', 'B3')[0]![0]).toBe('Đang nhập');
    // Apps Script never removes the person running a script from a protection: the officer who
    // submitted keeps the right until the owner's trigger runs, which undoes their edit and
    // takes the right away.
    const before = g.peek('Đồng Nai', 'G8')[0]![0];
    expect(g.userEdit(focal('Đồng Nai'), 'Đồng Nai', 'G8', 1)).toMatchObject({ ok: true });
    expect(g.peek('Đồng Nai', 'G8')[0]![0]).toBe(before);
    expect(g.peek('Nhật ký').some((r) => r[3] === 'Bị từ chối' && r[4] === 'Đồng Nai' && r[5] === 'G8')).toBe(true);
    expect(g.userEdit(focal('Đồng Nai'), 'Đồng Nai', 'G8', 1)).toEqual({ ok: false, message: PROTECTED_EDIT_MESSAGE });
    expect(g.userEdit(LEADER, 'Đồng Nai', 'K8', 1)).toMatchObject({ ok: true });
    // The status line the unit could not write itself follows at the next recompute.
    g.asUser(LEADER, () => recompute());
    expect(g.peek('Đồng Nai', 'B3')[0]![0]).toMatch(/^Đã nộp lúc .* \(vanphong\.dongnai@example\.com\)/);
  });

  it('with consumer accounts keeps an edit made through the right just submitted, says Google did not tell who, and takes the right', () => {
    const g = newWorld();
    filledYear(g);
    submitted(g, ['Đồng Nai']);
    // The owner's trigger is not told who typed: it cannot know the officer did, so it undoes nothing.
    expect(g.userEdit(focal('Đồng Nai'), 'Đồng Nai', 'G8', 1)).toMatchObject({ ok: true });
    expect(g.peek('Đồng Nai', 'G8')[0]![0]).toBe(1);
    const line = g.peek('Nhật ký').find((r) => r[4] === 'Đồng Nai' && r[5] === 'G8')!;
    expect(line.slice(2, 4)).toEqual(['không rõ người sửa (Google không cho biết)', 'Sửa ô']);
    expect(String(line[8])).toContain('chuột phải vào ô → Hiển thị lịch sử chỉnh sửa');
    expect(g.peek('Nhật ký').some((r) => r[3] === 'Bị từ chối')).toBe(false);
    // It stays a warning at the cell until the unit is returned; the right is gone after it.
    const problems = g.asUser(LEADER, () => getProblems());
    expect(problems.ok).toBe(true);
    expect(problems.problems.filter((p) => p.sheet === 'Đồng Nai' && p.a1 === 'G8' && p.severity === 'warning').map((p) => p.message))
      .toEqual([expect.stringMatching(/^Vùng này bị một người \(Google không cho biết ai\) sửa đè lúc /)]);
    expect(g.userEdit(focal('Đồng Nai'), 'Đồng Nai', 'G8', 2)).toEqual({ ok: false, message: PROTECTED_EDIT_MESSAGE });
  });

  it('cannot undo a block a unit pastes right after submitting, so it says where, and forgets it once the unit is returned', () => {
    const g = newWorld();
    filledYear(g);
    submitted(g, ['Đồng Nai']);
    // The officer who submitted still has the right; their first edit is a paste over G8:H9.
    const pasted = [[1, 'dán lại'], [2, 'dán lại']];
    expect(g.userEdit(focal('Đồng Nai'), 'Đồng Nai', 'G8:H9', pasted)).toMatchObject({ ok: true });
    // Google gives no old values for a paste: it stays, but the right is gone after it.
    expect(g.peek('Đồng Nai', 'G8:H9')).toEqual(pasted);
    expect(g.userEdit(focal('Đồng Nai'), 'Đồng Nai', 'G10', 1)).toEqual({ ok: false, message: PROTECTED_EDIT_MESSAGE });
    const logged = g.peek('Nhật ký').filter((r) => r[4] === 'Đồng Nai' && ['G8', 'H8', 'G9', 'H9'].includes(String(r[5])));
    expect(logged).toHaveLength(4);
    for (const r of logged) expect(String(r[8])).toMatch(/^Dán 4 ô ngay sau khi đã nộp hoặc đã chốt: .*không hoàn lại được/);
    const late = (problems: ReadonlyArray<{ sheet: string; a1: string; message: string; text: string; severity: string }>) =>
      problems.filter((p) => p.sheet === 'Đồng Nai' && p.a1 === 'G8:H9' && p.message.startsWith('Vùng này bị một người (Google không cho biết ai) sửa đè lúc '));
    const before = g.asUser(LEADER, () => getProblems());
    expect(before.ok).toBe(true);
    expect(late(before.problems)).toHaveLength(1);
    expect(late(before.problems)[0]!.severity).toBe('warning');
    expect(late(before.problems)[0]!.text).toMatch(/^Trang "Đồng Nai", vùng G8:H9: Vùng này bị /);
    // An edit the officer may still make later is not one: the cụm trưởng's own paste is not flagged.
    expect(g.userEdit(LEADER, 'Đồng Nai', 'K8:K9', [[1], [1]])).toMatchObject({ ok: true });
    const r = g.asUser(LEADER, () => returnSubmission('Đồng Nai', 'Kiểm tra lại các ô đã dán'));
    expect(r.ok, r.message).toBe(true);
    const after = g.asUser(LEADER, () => getProblems());
    expect(after.ok).toBe(true);
    expect(late(after.problems)).toHaveLength(0);
    expect(after.problems.some((p) => p.message.startsWith('Vùng này bị'))).toBe(false);
  });

  it('locks a unit at once when the cụm trưởng submits it, and shows it in the tab', () => {
    const g = newWorld();
    filledYear(g);
    expect(g.asUser(LEADER, () => submit('Tây Ninh')).ok).toBe(true);
    expect(g.userEdit(focal('Tây Ninh'), 'Tây Ninh', 'G8', 1)).toEqual({ ok: false, message: PROTECTED_EDIT_MESSAGE });
    expect(g.peek('Tây Ninh', 'B3')[0]![0]).toMatch(/^Đã nộp lúc .* \(vanphong\.binhduong@example\.com\): cột tự chấm đã khóa$/);
  });

  it('returns a submission with a reason shown in the tab and the status, and gives the columns back', () => {
    const g = newWorld();
    filledYear(g);
    submitted(g, ['Đồng Nai']);
    const r = g.asUser(LEADER, () => returnSubmission('Đồng Nai', 'Thiếu minh chứng mục I.2'));
    expect(r.ok, r.message).toBe(true);
    expect(g.peek('Đồng Nai', 'B3')[0]![0]).toContain('Thiếu minh chứng mục I.2');
    expect(g.userEdit(focal('Đồng Nai'), 'Đồng Nai', 'G8', 4)).toMatchObject({ ok: true });
    const status = g.asUser(focal('Đồng Nai'), () => getStatus());
    if (!('units' in status)) throw new Error(status.message);
    expect(status.units.find((u) => u.id === 'Đồng Nai')).toMatchObject({ status: 'returned', returnReason: 'Thiếu minh chứng mục I.2', canEdit: true });
  });

  it('refuses a return without a reason, and a return by a unit', () => {
    const g = newWorld();
    filledYear(g);
    submitted(g, ['Đồng Nai']);
    expect(g.asUser(LEADER, () => returnSubmission('Đồng Nai', '   '))).toMatchObject({ ok: false, message: 'Cần ghi lý do trả lại' });
    expect(g.asUser(focal('Tây Ninh'), () => returnSubmission('Đồng Nai', 'x'))).toMatchObject({ ok: false });
    expect(g.asUser(LEADER, () => getStatus())).toMatchObject({ units: expect.arrayContaining([expect.objectContaining({ id: 'Đồng Nai', status: 'submitted' })]) });
  });

  it('reopens a submitted unit', () => {
    const g = newWorld();
    filledYear(g);
    submitted(g, ['Tây Ninh']);
    expect(g.asUser(LEADER, () => reopen('Tây Ninh')).ok).toBe(true);
    expect(g.userEdit(focal('Tây Ninh'), 'Tây Ninh', 'G8', 4)).toMatchObject({ ok: true });
  });

  it("refuses a unit submitting another unit's tab", () => {
    const g = newWorld();
    filledYear(g);
    const r = g.asUser(focal('Tây Ninh'), () => submit('Đồng Nai'));
    expect(r).toMatchObject({ ok: false, message: 'Chỉ đầu mối của đơn vị "Đồng Nai" hoặc cụm trưởng nộp được bảng này' });
  });

  it('refuses to submit while rows are unscored, listing each cell', () => {
    const g = newWorld();
    setUp(g);
    g.userEdit(focal('Bình Thuận'), 'Bình Thuận', 'G8', 4);
    const r = g.asUser(focal('Bình Thuận'), () => submit('Bình Thuận'));
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^Chưa nộp được bảng của "Bình Thuận"/);
    expect(r.problems.map((p) => p.text)).toContain('Trang "Bình Thuận", ô F7: Chưa chấm');
    expect(r.problems.map((p) => p.text)).toContain('Trang "Bình Thuận", ô G10: Chưa chấm');
    expect(r.problems.map((p) => p.a1)).not.toContain('G8');
    expect(g.canUserEdit(focal('Bình Thuận'), 'Bình Thuận', 'G8')).toBe(true);
  });

  it('records the ballot, shows % and threshold, and proposes the flag', () => {
    const g = newWorld();
    filledYear(g);
    // As in the sample year, every unit but Tây Ninh has submitted.
    submitted(g, PROVINCES.filter((p) => p !== 'Tây Ninh'));
    const r = g.asUser(LEADER, () => saveBallot('co-thi-dua', { issued: 6, returned: 6, valid: 6, invalid: 0, votes: { 'Đồng Nai': 5, 'Bình Dương': 1 } }));
    expect(r.ok, r.message).toBe(true);
    const expected = computeYear(sample());
    const results = g.asUser(LEADER, () => getResults());
    if (!('units' in results)) throw new Error(results.message);
    expect(results.units.map((u) => [u.unitId, u.proposedTitle])).toEqual(expected.units.map((u) => [u.unitId, u.proposedTitle]));
    expect(results.ballots[0]!.candidates.find((c) => c.unitId === 'Đồng Nai')).toMatchObject({ votes: 5, passed: true });
    const summary = g.peekDisplay('Tổng hợp').map((row) => row.join('|'));
    expect(summary.some((line) => line.startsWith('Cờ thi đua') && line.includes('Đồng Nai|5|83,33|80|Đạt'))).toBe(true);
  });

  it('closes the year: everything locks, a snapshot is kept, later actions are refused', () => {
    const g = newWorld();
    filledYear(g);
    submitted(g);
    g.asUser(LEADER, () => saveBallot('co-thi-dua', { issued: 6, returned: 6, valid: 6, invalid: 0, votes: { 'Đồng Nai': 5, 'Bình Dương': 1 } }));
    const r = g.asUser(LEADER, () => closeYear());
    expect(r.ok, `${r.message} ${JSON.stringify(r.problems.slice(0, 3))}`).toBe(true);
    // The cụm trưởng who closed keeps their rights until the owner's trigger runs: their next
    // edit goes through, is kept (Google does not tell the trigger who made it) and flagged, and
    // the lock is completed.
    expect(g.userEdit(LEADER, 'Bình Dương', 'K8', 1)).toMatchObject({ ok: true });
    expect(g.peek('Bình Dương', 'K8')[0]![0]).toBe(1);
    expect(g.peek('Nhật ký').filter((r) => r[4] === 'Bình Dương' && r[5] === 'K8').map((r) => r[2])).toEqual(['không rõ người sửa (Google không cho biết)']);
    for (const [user, sheet, cell] of [
      [LEADER, 'Bình Dương', 'K8'], [LEADER, 'Bình xét', 'C4'], [LEADER, 'Tiêu chí', 'B5'], [LEADER, 'Cấu hình', 'B5'],
      [TEAM[0]!, 'Bình Dương', 'J8'], [focal('Tây Ninh'), 'Tây Ninh', 'G8'], [LEADER, 'Lưu trữ kết quả', 'A2'],
    ] as const) {
      expect(g.userEdit(user, sheet, cell, 1), `${user} ${sheet}!${cell}`).toMatchObject({ ok: false });
    }
    const snapshot = readSnapshot(g.peek('Lưu trữ kết quả'), YEAR);
    expect(snapshot?.result.units.map((u) => u.unitId)).toEqual(computeYear(sample()).units.map((u) => u.unitId));
    expect(g.asUser(LEADER, () => recompute())).toMatchObject({ ok: false, message: 'Năm 2021 đã chốt kết quả: không sửa được nữa' });
    expect(g.peek('Tây Ninh', 'B3')[0]![0]).toBe('Đã chốt kết quả: chỉ xem');
  });

  it('closes at once when the owner closes', () => {
    const g = newWorld();
    filledYear(g);
    expect(g.asUser(OWNER, () => closeYear()).ok).toBe(true);
    expect(g.userEdit(LEADER, 'Bình Dương', 'K8', 1)).toEqual({ ok: false, message: PROTECTED_EDIT_MESSAGE });
  });

  it('refuses to close while a figure is wrong, naming the cell', () => {
    const g = newWorld();
    filledYear(g);
    g.userEdit(focal('Bình Thuận'), 'Bình Thuận', 'G8', 'tám');
    const r = g.asUser(LEADER, () => closeYear());
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.text)).toContain('Trang "Bình Thuận", ô G8: "tám" không phải là số');
    expect(g.userEdit(LEADER, 'Bình Dương', 'K8', 1)).toMatchObject({ ok: true });
  });

  it('logs actions and edits in Nhật ký as time, user, sheet, cell, old → new (consumer accounts: the editor is not told)', () => {
    const g = newWorld();
    setUp(g);
    g.userEdit(focal('Bình Thuận'), 'Bình Thuận', 'G8', 4);
    g.userEdit(focal('Bình Thuận'), 'Bình Thuận', 'G8', 3.5);
    g.userEdit(OWNER, 'Bình Thuận', 'G9', 2);
    const log = g.peek('Nhật ký');
    const unknown = 'không rõ người sửa (Google không cho biết)';
    expect(log[0]).toEqual(['Thời gian', 'Năm', 'Người thực hiện', 'Thao tác', 'Trang', 'Ô', 'Giá trị cũ', 'Giá trị mới', 'Ghi chú']);
    expect(log.slice(1).map((r) => r.slice(1, 8))).toEqual([
      [YEAR, OWNER, 'Khởi tạo năm thi đua', '', '', '', ''],
      [YEAR, unknown, 'Sửa ô', 'Bình Thuận', 'G8', '', '4'],
      [YEAR, unknown, 'Sửa ô', 'Bình Thuận', 'G8', '4', '3.5'],
      // The trigger's creator is told their own edits.
      [YEAR, OWNER, 'Sửa ô', 'Bình Thuận', 'G9', '', '2'],
    ]);
    expect(log.slice(2, 4).map((r) => r[8])).toEqual(['Xem ai đã sửa: chuột phải vào ô → Hiển thị lịch sử chỉnh sửa', 'Xem ai đã sửa: chuột phải vào ô → Hiển thị lịch sử chỉnh sửa']);
    expect(log[4]![8]).toBe('');
  });

  it('logs the editor by name where Google tells the trigger (Workspace, same domain)', () => {
    const g = newWorld({ accounts: 'workspace' });
    setUp(g);
    g.userEdit(focal('Bình Thuận'), 'Bình Thuận', 'G8', 4);
    expect(g.peek('Nhật ký').slice(2).map((r) => [r[2], r[5], r[7], r[8]])).toEqual([[focal('Bình Thuận'), 'G8', '4', '']]);
  });

  it("keeps other people's action lines until the owner's trigger writes them", () => {
    const g = newWorld();
    filledYear(g);
    g.asUser(LEADER, () => recompute());
    expect(g.peek('Nhật ký').some((r) => r[3] === 'Tính điểm & xếp hạng')).toBe(false);
    g.userEdit(focal('Tây Ninh'), 'Tây Ninh', 'H8', 'bổ sung');
    const actions = g.peek('Nhật ký').map((r) => r[3]);
    expect(actions).toContain('Tính điểm & xếp hạng');
    expect(actions.indexOf('Tính điểm & xếp hạng')).toBeLessThan(actions.lastIndexOf('Sửa ô'));
  });

  it('copies the closed year into the next one, keeping last year readable and locked', () => {
    const g = newWorld();
    filledYear(g);
    submitted(g);
    g.asUser(LEADER, () => closeYear());
    const lastYear = g.peek('Bình Dương', `F${FIRST}:K${LAST}`);
    const r = g.asUser(OWNER, () => copyToNewYear(2022));
    expect(r.ok, `${r.message} ${JSON.stringify(r.problems.slice(0, 3))}`).toBe(true);
    expect(g.peek('Bình Dương 2021', `F${FIRST}:K${LAST}`)).toEqual(lastYear);
    expect(g.shared.spreadsheet.sheets.find((s) => s.name === 'Bình Dương 2021')!.hidden).toBe(true);
    expect(g.shared.spreadsheet.sheets.find((s) => s.name === 'Tổng hợp 2021')!.hidden).toBe(false);
    expect(g.peek('Bình Dương', 'A1')[0]![0]).toBe('BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022');
    expect(g.peek('Bình Dương', `G${FIRST}:G${LAST}`).every((row) => row[0] === '')).toBe(true);
    expect(g.peek('Bình Dương', `A${FIRST}:A${LAST}`).map((row) => row[0])).toEqual(sample().criteria.rows.map((c) => c.code));
    expect(g.userEdit(focal('Bình Dương'), 'Bình Dương', 'G8', 4)).toMatchObject({ ok: true });
    expect(g.userEdit(LEADER, 'Bình Dương 2021', 'K8', 4)).toMatchObject({ ok: false });
    const status = g.asUser(focal('Bình Dương'), () => getStatus());
    if (!('units' in status)) throw new Error(status.message);
    expect(status).toMatchObject({ year: 2022, closed: false });
    expect(status.units.every((u) => u.status === 'open')).toBe(true);
    // The timetable and the commitments carry over, the timetable moved a year; so do the regular
    // movements, without dates, while the year's dated campaigns stay with it.
    const block = (tab: string, b: { column: number; width: number }) => g.peek(tab).map((r) => r.slice(b.column - 1, b.column - 1 + b.width).map(String));
    const lastConfig = block('Cấu hình 2021', CONFIG_LAYOUT.deadlines).flat();
    const config = block('Cấu hình', CONFIG_LAYOUT.deadlines).flat();
    const deadlines = lastConfig.filter((v) => /^\d{2}\/\d{2}\/2021$/.test(v));
    expect(deadlines.length).toBeGreaterThan(0);
    for (const d of deadlines) expect(config).toContain(d.replace(/2021$/, '2022'));
    const movements = (tab: string) => block(tab, CONFIG_LAYOUT.movements).slice(CONFIG_LAYOUT.firstRow - 1).filter((r) => r[0] !== '');
    expect(movements('Cấu hình 2021')).toHaveLength(4);
    expect(movements('Cấu hình')).toEqual(movements('Cấu hình 2021').filter((r) => r[1] === 'Thường xuyên'));
    const commitments = (rows: string[][]) => rows.filter((r) => /^Cam kết \d+$/.test(r[0] ?? '')).map((r) => r[1]);
    expect(commitments(g.peek('Cấu hình').map((r) => r.map(String)))).toEqual(commitments(g.peek('Cấu hình 2021').map((r) => r.map(String))));
  });

  it('refuses to copy a year that is not closed', () => {
    const g = newWorld();
    setUp(g);
    expect(g.asUser(OWNER, () => copyToNewYear(2022))).toMatchObject({ ok: false, message: 'Năm 2021 chưa chốt kết quả: chốt trước khi sao sang năm mới' });
  });

  it('tells a second person to come back while someone holds the lock, and writes nothing', () => {
    const g = newWorld();
    filledYear(g);
    const holder = g.fork({ user: OWNER });
    expect(holder.globals.LockService.getDocumentLock().tryLock(1000)).toBe(true);
    const before = g.serialize().spreadsheet;
    const r = g.asUser(LEADER, () => recompute());
    expect(r).toEqual({ ok: false, message: 'Đang có người tính điểm, vui lòng thử lại sau ít phút', problems: [] });
    expect(g.serialize().spreadsheet).toEqual(before);
    holder.endExecution();
    expect(g.asUser(LEADER, () => recompute()).ok).toBe(true);
  });
});

describe('running set-up again', () => {
  it('writes nothing when nothing changed', () => {
    const g = newWorld();
    filledYear(g);
    const before = g.serialize().spreadsheet;
    g.env.resetCalls();
    const r = g.asUser(OWNER, () => setupYear());
    expect(r.ok, r.message).toBe(true);
    expect(g.env.count('Range.setValues')).toBe(0);
    const after = g.serialize().spreadsheet;
    for (const name of ['Cấu hình', 'Tiêu chí', ...PROVINCES, 'Bình xét']) {
      expect(after.sheets.find((s) => s.name === name)!.rows, name).toEqual(before.sheets.find((s) => s.name === name)!.rows);
    }
  });

  it('keeps every entered value on its code after a criterion is added in the middle and a unit is added', () => {
    const g = newWorld();
    filledYear(g);
    const codes = sample().criteria.rows.map((c) => c.code);
    const valuesByCode = (p: string) => {
      const rows = g.peek(p, `A${FIRST}:L${FIRST + 60}`);
      return Object.fromEntries(rows.filter((r) => r[0] !== '').map((r) => [r[0], r.slice(5, 12)]));
    };
    const before = Object.fromEntries(PROVINCES.map((p) => [p, valuesByCode(p)]));

    // The cụm trưởng inserts I.1.5 after I.1.4 (row 10 of Tiêu chí) and adds Lâm Đồng to Cấu hình.
    g.asUser(LEADER, () => g.apps.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tiêu chí')!.insertRowAfter(10));
    expect(g.userEdit(LEADER, 'Tiêu chí', 'A11:G11', [['I.1.5', 'Tiêu chí bổ sung', 'Định tính', 2, '', '', '']])).toMatchObject({ ok: true });
    expect(g.userEdit(LEADER, 'Cấu hình', 'D11:H11', [['Lâm Đồng', 'Viện kiểm sát nhân dân tỉnh Lâm Đồng', 'Hồ Văn A', 'Viện trưởng', 'vanphong.lamdong@example.com']])).toMatchObject({ ok: true });
    const r = g.asUser(LEADER, () => setupYear());
    expect(r.ok, `${r.message} ${JSON.stringify(r.problems)}`).toBe(true);

    for (const p of PROVINCES) {
      const after = valuesByCode(p);
      for (const code of codes) expect(after[code], `${p} ${code}`).toEqual(before[p]![code]);
      expect(after['I.1.5'], p).toEqual(['', '', '', '', '', '', '']);
      expect(g.peek(p, 'A11')[0]![0], p).toBe('I.1.5');
    }
    expect(g.shared.spreadsheet.sheets.map((s) => s.name)).toContain('Lâm Đồng');
    g.share(['vanphong.lamdong@example.com']);
    expect(g.userEdit('vanphong.lamdong@example.com', 'Lâm Đồng', 'G8', 4)).toMatchObject({ ok: true });
    expect(g.userEdit('vanphong.lamdong@example.com', 'Bình Dương', 'G8', 4)).toMatchObject({ ok: false });
    // The rows moved down, and so did the protections: units still edit only their own rows.
    expect(g.userEdit(focal('Đồng Nai'), 'Đồng Nai', `G${LAST + 1}`, 'Không')).toMatchObject({ ok: true });
    expect(g.userEdit(focal('Đồng Nai'), 'Đồng Nai', `K${LAST + 1}`, 'Không')).toMatchObject({ ok: false });
  });

  it('keeps the values of a criterion removed from Tiêu chí at the bottom of each tab, and reports them', () => {
    const g = newWorld();
    filledYear(g);
    const row = 8; // I.1.2 in every tab
    const kept = g.peek('Bình Dương', `F${row}:K${row}`)[0];
    g.asUser(LEADER, () => g.apps.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tiêu chí')!.deleteRow(row));
    const r = g.asUser(LEADER, () => setupYear());
    expect(r.ok, r.message).toBe(true);
    expect(r.problems.some((p) => p.sheet === 'Bình Dương' && p.message.includes('"I.1.2"'))).toBe(true);
    const tail = g.peek('Bình Dương', `A${LAST}:K${LAST + 3}`);
    const orphan = tail.find((line) => line[0] === 'I.1.2');
    expect(orphan?.slice(5, 11)).toEqual(kept);
  });

  it('reports a renamed unit tab instead of creating a second one', () => {
    const g = newWorld();
    filledYear(g);
    g.asUser(OWNER, () => g.apps.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tây Ninh')!.setName('TN cũ'));
    const r = g.asUser(OWNER, () => setupYear());
    expect(r.problems.map((p) => p.text)).toContain(
      'Trang "TN cũ": Trang chấm điểm của đơn vị "Tây Ninh" đã bị đổi tên từ "Tây Ninh" thành "TN cũ": đổi lại tên "Tây Ninh" (số liệu vẫn còn trong trang)',
    );
    expect(g.shared.spreadsheet.sheets.filter((s) => s.name === 'Tây Ninh')).toHaveLength(0);
    expect(g.peek('TN cũ', `F${FIRST}:I${LAST}`)).toEqual(inputsOf('Tây Ninh').unit);
    // Recompute still finds the tab (by its place and its unit key) and counts its scores.
    const rc = g.asUser(OWNER, () => recompute());
    expect(rc.ok, rc.message).toBe(true);
    expect(g.peek('Tổng hợp', 'B5:C10').find((r) => r[0] === 'Tây Ninh')?.[1]).toBe(computeYear({ ...sample(), ballots: [] }).units.find((u) => u.unitId === 'Tây Ninh')!.totals.self!.total);
  });

  it('refuses to recompute when a unit tab was deleted, and set-up recreates it empty with a warning', () => {
    const g = newWorld();
    filledYear(g);
    g.asUser(OWNER, () => {
      const ss = g.apps.SpreadsheetApp.getActiveSpreadsheet();
      ss.deleteSheet(ss.getSheetByName('Bình Phước')!);
    });
    const rc = g.asUser(LEADER, () => recompute());
    expect(rc.ok).toBe(false);
    expect(rc.problems.map((p) => p.sheet)).toContain('Bình Phước');
    const r = g.asUser(OWNER, () => setupYear());
    expect(r.ok).toBe(true);
    expect(r.problems.some((p) => p.severity === 'warning' && p.message.includes('tạo lại'))).toBe(true);
    expect(g.userEdit(focal('Bình Phước'), 'Bình Phước', 'G8', 4)).toMatchObject({ ok: true });
  });

  it('does not write over a tab of the same name that is not a score tab', () => {
    const g = newWorld();
    setUp(g);
    g.asUser(OWNER, () => {
      const ss = g.apps.SpreadsheetApp.getActiveSpreadsheet();
      ss.insertSheet('Lâm Đồng').getRange('A1:B2').setValues([['Ghi chép riêng', 'x'], ['y', 'z']]);
    });
    g.userEdit(LEADER, 'Cấu hình', 'D11:H11', [['Lâm Đồng', 'VKSND tỉnh Lâm Đồng', '', '', 'vanphong.lamdong@example.com']]);
    const r = g.asUser(OWNER, () => setupYear());
    expect(r.problems.map((p) => p.sheet)).toContain('Lâm Đồng');
    expect(g.peek('Lâm Đồng', 'A1:B2')).toEqual([['Ghi chép riêng', 'x'], ['y', 'z']]);
  });
});

describe('the year’s follow-up (#15): deadlines, the reminder, the registers, export → sector roll-up', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('walks the sample: one late unit reminded and logged, two initiatives (one recognised feeds the bonus), the fund in the report, the export rolled up by the sector', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const g = newWorld();
    const BD = 'Bình Dương';
    const DN = 'Đồng Nai';
    const TN = 'Tây Ninh';
    // Before the self-scoring date (15/10/2021): five units fill, submit; the team and the cụm trưởng follow.
    vi.setSystemTime(new Date('2021-10-12T02:00:00Z'));
    setUp(g);
    fillSelf(g);
    const onTime = PROVINCES.filter((p) => p !== TN);
    submitted(g, onTime);
    fillCrossCheck(g, onTime);
    fillFinal(g, onTime);

    // A month on, Tình hình: Tây Ninh late by 31 days, the five on time.
    vi.setSystemTime(new Date('2021-11-15T02:00:00Z'));
    type Deadlines = { deadlines: { today: string; units: Record<string, { selfScore: { state: string; lateDays?: number } }> } };
    const status = g.asUser(LEADER, () => getStatus()) as unknown as Deadlines;
    expect(status.deadlines.today).toBe('2021-11-15');
    expect(status.deadlines.units[TN]!.selfScore).toEqual({ state: 'late', lateDays: 31 });
    for (const p of onTime) expect(status.deadlines.units[p]!.selfScore, p).toEqual({ state: 'done', lateDays: 0 });

    // Nhắc các đơn vị chưa nộp: refused to a focal officer; to the cụm trưởng, a mailto: to Tây Ninh's officer only, logged.
    expect(g.asUser(focal(DN), () => prepareReminder())).toMatchObject({ ok: false });
    const reminder = g.asUser(LEADER, () => prepareReminder()) as { ok: boolean; href: string; to: string[]; units: string[] };
    expect(reminder.ok).toBe(true);
    expect(reminder.to).toEqual([focal(TN)]);
    expect(reminder.units).toEqual([TN]);
    expect(decodeURIComponent(new URL(reminder.href).pathname)).toBe(focal(TN));
    g.userEdit(OWNER, 'Cấu hình', 'A1', g.peek('Cấu hình', 'A1'));
    expect(g.peek('Nhật ký').filter((r) => r[2] === LEADER && r[3] === 'Soạn thư nhắc đơn vị chưa nộp').map((r) => String(r[8]))).toEqual([expect.stringContaining(TN)]);

    // Sáng kiến: Bình Dương registers two initiatives; the one recognised at sector level feeds VI.2 (2 points, not the 5 typed).
    type Results = { units: Array<{ unitId: string; self: number; final: number; rank: number; provisional: boolean; proposedTitle: unknown }> };
    const results = () => g.asUser(LEADER, () => getResults()) as unknown as Results;
    const typed = results().units.find((u) => u.unitId === BD)!;
    expect(g.asUser(focal(DN), () => setupRegisters())).toMatchObject({ ok: false });
    expect(g.asUser(LEADER, () => setupRegisters())).toMatchObject({ ok: true });
    const bd = g.peek('Sáng kiến').findIndex((r) => r[0] === BD) + 1;
    expect(g.userEdit(focal(BD), 'Sáng kiến', `B${bd}:F${bd + 1}`, [
      ['Phần mềm quản lý án', 'Nguyễn Văn A', 'Được công nhận', 'Cấp ngành', '15/10/2021'],
      ['Sổ tay kiểm sát viên điện tử', 'Trần Thị B', 'Đăng ký', '', ''],
    ])).toMatchObject({ ok: true });
    expect(g.userEdit(focal(DN), 'Sáng kiến', `B${bd}`, 'Không phải của Đồng Nai')).toMatchObject({ ok: false });
    expect(results().units.find((u) => u.unitId === BD)!.final).toBeCloseTo(typed.final - 3, 2);
    expect((g.asUser(LEADER, () => getStatus()) as { registerLines?: string[] }).registerLines?.[0]).toBe('Sáng kiến: 2 đăng ký, 1 được công nhận.');

    // Quỹ: 3.000.000 agreed per unit, two paid, one spent; a focal officer may not write it.
    const fund = g.peek('Quỹ');
    const firstAgreed = fund.findIndex((r, i) => i >= 3 && r[0] !== '') + 1;
    expect(g.userEdit(focal(DN), 'Quỹ', `B${firstAgreed}`, 0)).toMatchObject({ ok: false });
    expect(g.userEdit(LEADER, 'Quỹ', `B${firstAgreed}:B${firstAgreed + PROVINCES.length - 1}`, PROVINCES.map(() => ['3.000.000']))).toMatchObject({ ok: true });
    expect(g.userEdit(LEADER, 'Quỹ', `D${firstAgreed}:H${firstAgreed + 2}`, [
      ['10/3/2021', 'Nộp', BD, '', 3000000],
      ['12/3/2021', 'Nộp', DN, '', '3.000.000'],
      ['01/6/2021', 'Chi', DN, 'Hỗ trợ công chức ốm đau', '1.000.000'],
    ])).toMatchObject({ ok: true });
    expect(g.asUser(LEADER, () => recompute())).toMatchObject({ ok: true });

    // Báo cáo: the initiatives listed, the fund's paid / spent / balance.
    const fakes = createDocumentFakes(g.env);
    useDocumentServices({ documentApp: fakes.DocumentApp, drive: fakes.Drive });
    const report = g.asUser(LEADER, () => generateDocument('report'));
    expect(report.ok, report.message).toBe(true);
    const text = g.asUser(LEADER, () => docText(fakes.DocumentApp.openById(/\/d\/([\w-]+)\//.exec(report.url!)![1]!)));
    expect(text).toContain('Phần mềm quản lý án');
    expect(text).toContain('Sổ tay kiểm sát viên điện tử');
    expect(text).toMatch(/đã nộp: 6\.000\.000 đồng; đã chi hỗ trợ: 1\.000\.000 đồng; tồn quỹ: 5\.000\.000 đồng/);

    // Export → the sector's sheet → Tổng hợp toàn ngành: the cluster's leading unit, Tây Ninh provisional and unproposed.
    const final = results();
    const tn = final.units.find((u) => u.unitId === TN)!;
    expect(tn).toMatchObject({ provisional: true, proposedTitle: null });
    const exported = g.asUser(LEADER, () => exportResults()) as { ok: boolean; json: string };
    expect(exported.ok).toBe(true);
    const x = JSON.parse(exported.json) as { cluster: string; units: Array<{ unit: string; rank: number; score: number; titlesProposed: Array<{ leading: boolean }> }> };
    expect(x.units.find((u) => u.unit === TN)!.titlesProposed).toEqual([]);
    const lead = x.units.find((u) => u.titlesProposed.some((t) => t.leading)) ?? x.units[0]!;
    const sector = newWorld({ owner: 'thidua.nganh@example.com' });
    // The first run makes the tab to paste into, and says so.
    expect(sector.asUser('thidua.nganh@example.com', () => rollUpSector())).toMatchObject({ ok: false, message: expect.stringContaining('Dữ liệu các cụm') });
    expect(sector.userEdit('thidua.nganh@example.com', 'Dữ liệu các cụm', 'A2', exported.json)).toMatchObject({ ok: true });
    expect(sector.asUser('thidua.nganh@example.com', () => rollUpSector())).toMatchObject({ ok: true });
    const out = sector.peek('Tổng hợp toàn ngành');
    expect(out[3]!.slice(0, 4)).toEqual([1, expect.any(String), 'Cụm thi đua số 9', lead.score]);
    expect(out.slice(3).filter((r) => r[2] === 'Cụm thi đua số 9')).toHaveLength(1);
  });
});

describe('the mid-year round (#15): sơ kết 6 tháng, apart from the year-end scores', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens in June, each unit types only its own column, closes before the meeting with the core\'s figures, and the year-end results never move', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const g = newWorld();
    const TAB = 'Sơ kết 6 tháng';
    vi.setSystemTime(new Date('2021-06-15T02:00:00Z'));
    // Set up by the cụm trưởng, not the owner; the owner runs set-up once for the edit log.
    setUp(g, LEADER);
    setUp(g, OWNER);
    const results = () => JSON.stringify({ ...g.asUser(LEADER, () => getResults()), computedAt: '' });
    const before = results();
    expect(g.asUser(focal('Đồng Nai'), () => openMidYear())).toMatchObject({ ok: false });
    expect(g.asUser(LEADER, () => openMidYear())).toMatchObject({ ok: true });
    const round = sampleMidYearRound(sample());
    const header = g.peek(TAB)[2]!;
    const last = 3 + sample().criteria.rows.length + 1;
    for (const p of PROVINCES) {
      const col = columnLetter(header.indexOf(p) + 1);
      const values = unitColumnValues(sample().criteria, round.units.find((u) => u.unitId === p)!);
      expect(g.userEdit(focal(p), TAB, `${col}4:${col}${last}`, values), p).toMatchObject({ ok: true });
    }
    const other = columnLetter(header.indexOf('Bình Dương') + 1);
    expect(g.userEdit(focal('Đồng Nai'), TAB, `${other}${last}`, 'Không phải của Đồng Nai')).toMatchObject({ ok: false, message: PROTECTED_EDIT_MESSAGE });
    vi.setSystemTime(new Date('2021-06-29T02:00:00Z'));
    const closed = g.asUser(LEADER, () => closeMidYear());
    expect(closed, closed.message).toMatchObject({ ok: true, message: expect.stringContaining('5/6 đơn vị được xếp hạng') });
    expect(g.peek(TAB)[1]![1]).toBe('Đã chốt lúc 09:00 ngày 29/06/2021');
    const review = g.asUser(LEADER, () => loadMidYearReview(openContext(), sample()))!;
    expect(review.units).toEqual(midYearReview(sample(), round).units);
    expect(g.userEdit(focal('Tây Ninh'), TAB, `${columnLetter(header.indexOf('Tây Ninh') + 1)}4`, 5)).toMatchObject({ ok: false });
    // The cụm trưởng's action lines wait for the owner's next execution (here the owner's edit trigger).
    g.userEdit(OWNER, 'Cấu hình', 'A1', g.peek('Cấu hình', 'A1'));
    expect(g.peek('Nhật ký').filter((r) => r[2] === LEADER && String(r[3]).includes('sơ kết')).map((r) => r[3])).toEqual(['Mở đợt sơ kết 6 tháng', 'Chốt sơ kết 6 tháng']);
    expect(results()).toBe(before);
  });
});
