/**
 * The Sáng kiến and Quỹ registers through the public actions, as the people of Cụm thi đua số 9
 * use them: the cụm trưởng creates them, each unit writes its own initiatives (and nobody
 * else's), the cụm trưởng keeps the fund, and recompute takes the initiative bonus from the
 * register.
 */
import { describe, expect, it } from 'vitest';
import { useDocumentServices } from '../../src/adapters/documents';
import { generateDocument } from '../../src/app/documents';
import { setupRegisters } from '../../src/app/registers';
import { createDocumentFakes, docText } from '../fakes/documents';
import { getProblems, getResults, getStatus } from '../../src/app/status';
import { recompute } from '../../src/app/recompute';
import { closeYear } from '../../src/app/close';
import { copyToNewYear } from '../../src/app/copyYear';
import { submit } from '../../src/app/submission';
import { filledYear } from './steps';
import { LEADER, OWNER, PROVINCES, focal, newWorld } from './world';

const BD = 'Bình Dương';
const DN = 'Đồng Nai';

function withRegisters() {
  const g = newWorld();
  filledYear(g);
  const r = g.asUser(LEADER, () => setupRegisters());
  expect(r, r.message).toMatchObject({ ok: true });
  return g;
}

/** Sheet row of a unit's first register row (column A holds its name). */
function firstRowOf(g: ReturnType<typeof newWorld>, unit: string): number {
  return g.peek('Sáng kiến').findIndex((r) => r[0] === unit) + 1;
}

describe('Tạo bảng Sáng kiến và Quỹ', () => {
  it('creates both tabs, with a block of rows per unit and the sample table\'s initiative row, and is refused to a unit', () => {
    const g = newWorld();
    filledYear(g);
    expect(g.asUser(focal(DN), () => setupRegisters())).toMatchObject({ ok: false, message: 'Chỉ cụm trưởng (hoặc chủ sở hữu bảng tính) làm được việc này' });
    expect(g.asUser(LEADER, () => setupRegisters())).toMatchObject({ ok: true });
    const tab = g.peek('Sáng kiến');
    expect(tab[0]![0]).toBe('SÁNG KIẾN, GIẢI PHÁP NĂM 2021');
    expect(tab[1]![8]).toBe('VI.2');
    expect(tab.filter((r) => r[0] === BD)).toHaveLength(5);
    expect(g.peek('Quỹ')[2]).toEqual(['Đơn vị', 'Mức đóng góp (đồng)', '', 'Ngày', 'Loại', 'Đơn vị', 'Nội dung', 'Số tiền (đồng)']);
  });

  it('running it again writes nothing and keeps what was typed', () => {
    const g = withRegisters();
    const row = firstRowOf(g, DN);
    expect(g.userEdit(focal(DN), 'Sáng kiến', `B${row}:E${row}`, [['Bản đồ số án hình sự', 'Lê Văn C', 'Đăng ký', '']])).toMatchObject({ ok: true });
    const before = g.peek('Sáng kiến');
    expect(g.asUser(LEADER, () => setupRegisters())).toMatchObject({ ok: true });
    expect(g.peek('Sáng kiến')).toEqual(before);
  });

  it('lets a unit write its own rows and refuses another unit\'s rows, the rule and the fund', () => {
    const g = withRegisters();
    const bd = firstRowOf(g, BD);
    expect(g.userEdit(focal(DN), 'Sáng kiến', `B${bd}`, 'Sáng kiến của người khác')).toMatchObject({ ok: false });
    expect(g.userEdit(focal(DN), 'Sáng kiến', 'I5', 10)).toMatchObject({ ok: false });
    expect(g.userEdit(focal(DN), 'Sáng kiến', `A${firstRowOf(g, DN)}`, BD)).toMatchObject({ ok: false });
    expect(g.userEdit(focal(DN), 'Quỹ', 'B4', 0)).toMatchObject({ ok: false });
    expect(g.userEdit(focal(BD), 'Sáng kiến', `B${bd}`, 'Phần mềm quản lý án')).toMatchObject({ ok: true });
    expect(g.userEdit(LEADER, 'Quỹ', 'D4:H4', [['10/3/2021', 'Nộp', DN, '', '3.000.000']])).toMatchObject({ ok: true });
  });

  it('feeds the initiative bonus from the register, and says so where a typed score differs', () => {
    const g = newWorld();
    filledYear(g);
    type R = { units: Array<{ unitId: string; self: number; final: number }> };
    const totals = () => (g.asUser(LEADER, () => getResults()) as unknown as R).units.find((u) => u.unitId === BD)!;
    const typed = totals();
    expect(g.asUser(LEADER, () => setupRegisters())).toMatchObject({ ok: true });
    // Bình Dương typed 5 on VI.2 in the sample: with no initiative in the register the row gives 0 …
    expect(totals().final).toBeCloseTo(typed.final - 5, 2);
    const bd = firstRowOf(g, BD);
    // … and one initiative recognised at sector level gives 2, in every phase.
    expect(g.userEdit(focal(BD), 'Sáng kiến', `B${bd}:F${bd}`, [['Phần mềm quản lý án', 'Nguyễn Văn A', 'Được công nhận', 'Cấp ngành', '15/10/2021']])).toMatchObject({ ok: true });
    expect(totals().self).toBeCloseTo(typed.self - 3, 2);
    expect(totals().final).toBeCloseTo(typed.final - 3, 2);
    const problems = g.asUser(LEADER, () => getProblems()) as { problems: Array<{ sheet: string; a1: string; message: string; severity: string }> };
    const fed = problems.problems.filter((p) => p.message.includes('bảng Sáng kiến'));
    expect(fed.length).toBeGreaterThan(0);
    expect(fed.every((p) => p.sheet === BD && p.severity === 'warning')).toBe(true);
    expect(fed[0]!.message).toContain('theo bảng Sáng kiến là 2');
    expect(g.asUser(LEADER, () => recompute())).toMatchObject({ ok: true });
  });

  it('lists the initiatives and sums the fund in the year-end report', () => {
    const g = withRegisters();
    const fakes = createDocumentFakes(g.env);
    useDocumentServices({ documentApp: fakes.DocumentApp, drive: fakes.Drive });
    const bd = firstRowOf(g, BD);
    expect(g.userEdit(focal(BD), 'Sáng kiến', `B${bd}:F${bd}`, [['Phần mềm quản lý án', 'Nguyễn Văn A', 'Được công nhận', 'Cấp ngành', '15/10/2021']])).toMatchObject({ ok: true });
    const agreed = g.peek('Quỹ').findIndex((r) => r[0] === DN) + 1;
    expect(g.userEdit(LEADER, 'Quỹ', `B4:B${agreed}`, g.peek('Quỹ').slice(3, agreed).map(() => ['3.000.000']))).toMatchObject({ ok: true });
    expect(g.userEdit(LEADER, 'Quỹ', 'D4:H5', [['10/3/2021', 'Nộp', BD, '', 3000000], ['01/6/2021', 'Chi', DN, 'Hỗ trợ công chức ốm đau', '1.000.000']])).toMatchObject({ ok: true });
    const r = g.asUser(LEADER, () => generateDocument('report'));
    expect(r.ok, r.message).toBe(true);
    const id = /\/d\/([\w-]+)\//.exec(r.url!)![1]!;
    const text = g.asUser(LEADER, () => docText(fakes.DocumentApp.openById(id)));
    expect(text).toContain('SÁNG KIẾN, GIẢI PHÁP');
    expect(text).toContain('Phần mềm quản lý án');
    expect(text).toMatch(/đã nộp: 3\.000\.000 đồng; đã chi hỗ trợ: 1\.000\.000 đồng; tồn quỹ: 2\.000\.000 đồng/);
    expect(text).toContain('Đơn vị còn phải nộp:');
  });

  it('gives the sidebar one line on each register', () => {
    const g = newWorld();
    filledYear(g);
    const lines = () => (g.asUser(focal(DN), () => getStatus()) as { registerLines?: string[] }).registerLines;
    expect(lines()).toEqual([]);
    expect(g.asUser(LEADER, () => setupRegisters())).toMatchObject({ ok: true });
    const dn = firstRowOf(g, DN);
    expect(g.userEdit(focal(DN), 'Sáng kiến', `B${dn}:D${dn}`, [['Bản đồ số', 'Lê C', 'Được công nhận']])).toMatchObject({ ok: true });
    expect(g.userEdit(LEADER, 'Quỹ', 'B4:B9', [[3000000], [3000000], [3000000], [3000000], [3000000], [3000000]])).toMatchObject({ ok: true });
    expect(g.userEdit(LEADER, 'Quỹ', 'D4:H5', [['10/3/2021', 'Nộp', DN, '', '3.000.000'], ['01/6/2021', 'Chi', BD, 'Hỗ trợ', 1000000]])).toMatchObject({ ok: true });
    expect(lines()).toEqual(['Sáng kiến: 1 đăng ký, 1 được công nhận.', 'Quỹ: đã nộp 3.000.000 đ, đã chi 1.000.000 đ, tồn 2.000.000 đ; 5 đơn vị còn phải nộp.']);
  });

  it('keeps last year\'s registers under their year and makes new ones after a copy to the next year', () => {
    const g = withRegisters();
    const bd = firstRowOf(g, BD);
    expect(g.userEdit(focal(BD), 'Sáng kiến', `B${bd}`, 'Sáng kiến năm 2021')).toMatchObject({ ok: true });
    for (const p of PROVINCES) expect(g.asUser(focal(p), () => submit(p)).ok, p).toBe(true);
    expect(g.asUser(LEADER, () => closeYear())).toMatchObject({ ok: true });
    // Closed: the registers are the owner's alone, as every other tab of the year.
    const dn = firstRowOf(g, DN);
    expect(g.userEdit(focal(DN), 'Sáng kiến', `C${dn}`, 'sửa sau khi chốt'), 'a unit after close').toMatchObject({ ok: false });
    // The cụm trưởng who closed keeps their right (Apps Script never removes the runner) until the owner's next execution.
    g.asUser(OWNER, () => getStatus());
    expect(g.userEdit(LEADER, 'Quỹ', 'H4', 1), 'leader after close').toMatchObject({ ok: false });
    expect(g.asUser(OWNER, () => copyToNewYear(2022))).toMatchObject({ ok: true });
    const r = g.asUser(LEADER, () => setupRegisters());
    expect(r, r.message).toMatchObject({ ok: true });
    expect(r.problems.map((p) => p.message)).toEqual([
      'Trang “Sáng kiến” của năm 2021 được giữ lại, đổi tên thành “Sáng kiến 2021”.',
      'Trang “Quỹ” của năm 2021 được giữ lại, đổi tên thành “Quỹ 2021”.',
    ]);
    expect(g.peek('Sáng kiến 2021').some((row) => row[1] === 'Sáng kiến năm 2021')).toBe(true);
    expect(g.peek('Sáng kiến')[0]![0]).toBe('SÁNG KIẾN, GIẢI PHÁP NĂM 2022');
    expect(g.peek('Sáng kiến').some((row) => row[1] === 'Sáng kiến năm 2021')).toBe(false);
  });
});
