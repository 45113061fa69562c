/**
 * An unfinished year says so, end to end in the shared sheet of Cụm thi đua số 9: a unit that
 * never submitted is provisional and proposed for nothing until the cụm trưởng records a reason
 * to proceed (logged in Nhật ký, shown in Tổng hợp), and after closing the status does not count it
 * as submitted.
 */
import { describe, expect, it } from 'vitest';
import { closeYear } from '../../src/app/close';
import { recordProceedReason } from '../../src/app/proceed';
import { recompute } from '../../src/app/recompute';
import { getResults, getStatus } from '../../src/app/status';
import { submit } from '../../src/app/submission';
import { menuCloseYear } from '../../src/server/actions';
import { filledYear } from './steps';
import { LEADER, OWNER, PROVINCES, focal, newWorld } from './world';

const LATE = 'Bình Thuận';

/** Every unit but Bình Thuận (registered Tập thể lao động tiên tiến) submits. */
function yearWithoutOne() {
  const g = newWorld();
  filledYear(g);
  for (const p of PROVINCES.filter((x) => x !== LATE)) expect(g.asUser(focal(p), () => submit(p)).ok, p).toBe(true);
  return g;
}

function resultOf(g: ReturnType<typeof newWorld>, unitId: string) {
  const r = g.asUser(LEADER, () => getResults());
  if (!('units' in r)) throw new Error(r.message);
  return r.units.find((u) => u.unitId === unitId)!;
}

describe('a unit that never submitted', () => {
  it('is ranked provisionally and proposed for nothing, and Tổng hợp says so', () => {
    const g = yearWithoutOne();
    expect(g.asUser(LEADER, () => recompute()).ok).toBe(true);
    const late = resultOf(g, LATE);
    expect([late.complete, late.provisional, late.proposedTitle, late.incompleteReasons]).toEqual([false, true, null, ['chưa nộp bảng tự chấm']]);
    const summary = g.peekDisplay('Tổng hợp').map((r) => r.join('|'));
    expect(summary[1]).toContain('Số liệu chưa đầy đủ: Bình Thuận (chưa nộp bảng tự chấm)');
    expect(summary.find((l) => l.includes('|Bình Thuận|'))).toContain('Chưa đầy đủ (chưa nộp bảng tự chấm): hạng tạm xếp');
  });

  it('is proposed once the cụm trưởng records a reason to proceed, kept in Nhật ký and shown in Tổng hợp', () => {
    const g = yearWithoutOne();
    const r = g.asUser(LEADER, () => recordProceedReason(LATE, '  Đơn vị đã gửi bản tự chấm giấy có chữ ký  '));
    expect(r.ok, r.message).toBe(true);
    // The cụm trưởng is not the owner: the line waits in the queue until the owner's next action writes it.
    expect(g.asUser(OWNER, () => recompute()).ok).toBe(true);
    const log = g.peek('Nhật ký').find((row) => row[3] === 'Ghi lý do xét tiếp đơn vị chưa đầy đủ số liệu');
    expect(log?.slice(2)).toEqual([LEADER, 'Ghi lý do xét tiếp đơn vị chưa đầy đủ số liệu', LATE, '', '', '', 'Đơn vị đã gửi bản tự chấm giấy có chữ ký']);
    const late = resultOf(g, LATE);
    expect([late.provisional, late.proceedReason, late.proposedTitle?.titleId]).toEqual([false, 'Đơn vị đã gửi bản tự chấm giấy có chữ ký', 'tap-the-lao-dong-tien-tien']);
    expect(g.peekDisplay('Tổng hợp').map((row) => row.join('|')).find((l) => l.includes('|Bình Thuận|')))
      .toContain('cụm trưởng cho xét tiếp: Đơn vị đã gửi bản tự chấm giấy có chữ ký');
  });

  it('is proposed for nothing again once the reason is withdrawn (an empty reason), and that is logged too', () => {
    const g = yearWithoutOne();
    g.asUser(LEADER, () => recordProceedReason(LATE, 'Đã nhận bản giấy'));
    expect(g.asUser(LEADER, () => recordProceedReason(LATE, '   '))).toMatchObject({ ok: true });
    expect(resultOf(g, LATE)).toMatchObject({ provisional: true, proposedTitle: null });
    g.asUser(OWNER, () => recompute());
    expect(g.peek('Nhật ký').filter((row) => row[3] === 'Ghi lý do xét tiếp đơn vị chưa đầy đủ số liệu').map((row) => row[8])).toEqual(['Đã nhận bản giấy', 'Bỏ lý do xét tiếp']);
    expect(g.asUser(LEADER, () => recordProceedReason(LATE, ''))).toMatchObject({ ok: false, message: 'Cần ghi lý do xét tiếp' });
  });

  it('cannot be waved through by anyone but the cụm trưởng', () => {
    const g = yearWithoutOne();
    expect(g.asUser(focal(LATE), () => recordProceedReason(LATE, 'tự cho xét'))).toMatchObject({ ok: false, message: 'Chỉ cụm trưởng làm được việc này' });
    expect(resultOf(g, LATE).provisional).toBe(true);
  });

  it('is not counted as submitted after closing, and the closed year refuses a reason', () => {
    const g = yearWithoutOne();
    expect(g.asUser(LEADER, () => closeYear()).ok).toBe(true);
    const s = g.asUser(LEADER, () => getStatus());
    if (!('units' in s)) throw new Error(s.message);
    expect(s.units.filter((u) => u.submitted).length).toBe(PROVINCES.length - 1);
    expect(s.units.find((u) => u.id === LATE)).toMatchObject({ status: 'closed', submitted: false, complete: false, incompleteReasons: ['chưa nộp bảng tự chấm'] });
    expect(g.asUser(LEADER, () => recordProceedReason(LATE, 'muộn'))).toMatchObject({ ok: false, message: 'Năm 2021 đã chốt kết quả: không sửa được nữa' });
  });

  it('is named in the close confirmation of the menu, and answering No closes nothing', () => {
    const g = yearWithoutOne();
    g.ui.answerNextAlert('NO');
    g.asUser(LEADER, () => menuCloseYear());
    const prompt = g.ui.alerts.at(-1)!.prompt;
    expect(prompt).toMatch(/^Còn đơn vị chưa đầy đủ số liệu: Viện kiểm sát nhân dân tỉnh Bình Thuận \(chưa nộp bảng tự chấm\)\. Các đơn vị này giữ hạng tạm xếp/);
    expect(prompt).toContain('Chốt kết quả năm: sau khi chốt');
    const s = g.asUser(LEADER, () => getStatus());
    expect('closed' in s && s.closed).toBe(false);
  });
});
