/**
 * Bad input, typed by people where it can be typed: each gets a Vietnamese message naming the
 * sheet and the cell, the bad value stays where it was typed (nothing typed is lost), and the
 * rest of the year still computes.
 */
import { describe, expect, it } from 'vitest';
import { saveBallot } from '../../src/app/ballot';
import { recompute } from '../../src/app/recompute';
import { setupYear } from '../../src/app/setup';
import { getProblems } from '../../src/app/status';
import type { ProblemJson } from '../../src/app/result';
import type { FakeGoogle } from '../fakes/google';
import { filledYear } from './steps';
import { LEADER, OWNER, focal, newWorld } from './world';

function problems(g: FakeGoogle): ProblemJson[] {
  const r = g.asUser(LEADER, () => getProblems());
  if (!('problems' in r) || !r.ok) throw new Error(JSON.stringify(r));
  return r.problems;
}

interface Case {
  name: string;
  /** Who types what where (a person at the keyboard, or a formula result set by the test). */
  type: (g: FakeGoogle) => void;
  /** The message as the panel shows it (or a pattern of it). */
  text: string | RegExp;
  severity?: 'error' | 'warning';
  /** The cell that must keep what was typed: [sheet, a1]. */
  keeps?: [string, string];
}

const DN = 'Đồng Nai';

const cases: Case[] = [
  {
    name: 'text in a score cell',
    type: (g) => g.userEdit(LEADER, 'Bình Dương', 'G12', '8,5a'),
    text: 'Trang "Bình Dương", ô G12: "8,5a" không phải là số',
    keeps: ['Bình Dương', 'G12'],
  },
  {
    name: 'a score over the maximum',
    type: (g) => g.userEdit(focal(DN), DN, 'G10', 7),
    text: 'Trang "Đồng Nai", ô G10: Điểm tự chấm 7 vượt điểm chuẩn 5',
    keeps: [DN, 'G10'],
  },
  {
    name: 'a negative score',
    type: (g) => g.userEdit(focal(DN), DN, 'G10', -1),
    text: 'Trang "Đồng Nai", ô G10: Điểm tự chấm -1 không được âm',
    keeps: [DN, 'G10'],
  },
  {
    name: 'a cross-check score over the maximum',
    type: (g) => g.userEdit('kiemtracheo1.binhthuan@example.com', DN, 'J10', 5.5),
    text: 'Trang "Đồng Nai", ô J10: Điểm chấm chéo 5,5 vượt điểm chuẩn 5',
  },
  {
    name: 'a deduction over its maximum',
    type: (g) => g.userEdit('kiemtracheo1.binhthuan@example.com', DN, 'J39', -8),
    text: 'Trang "Đồng Nai", ô J39: Điểm chấm chéo 8 vượt điểm chuẩn 5',
  },
  {
    name: 'a negative result',
    type: (g) => g.userEdit(focal(DN), DN, 'F7', -5),
    text: 'Trang "Đồng Nai", ô F7: Kết quả -5 không được âm',
  },
  {
    name: 'a date in a score cell',
    type: (g) => g.userEdit(focal(DN), DN, 'G10', '31/12/2021'),
    // Shown as the day typed, in Việt Nam's calendar (not the UTC day before).
    text: 'Trang "Đồng Nai", ô G10: ngày 31/12/2021 là ngày tháng, cần nhập số',
  },
  {
    name: 'a true/false in a score cell',
    type: (g) => g.userEdit(focal(DN), DN, 'G10', true),
    text: 'Trang "Đồng Nai", ô G10: true là giá trị đúng/sai, cần nhập số',
  },
  {
    name: '#REF! from a broken formula',
    type: (g) => {
      g.userEdit(focal(DN), DN, 'G10', "='Xóa rồi'!A1");
      g.setFormulaResult(DN, 'G10', '#REF!');
    },
    text: 'Trang "Đồng Nai", ô G10: ô có lỗi "#REF!": sửa công thức hoặc xóa ô',
  },
  {
    name: '#N/A from a lookup',
    type: (g) => {
      g.userEdit(focal(DN), DN, 'F12', '=VLOOKUP(1;A:A;2;0)');
      g.setFormulaResult(DN, 'F12', '#N/A');
    },
    text: 'Trang "Đồng Nai", ô F12: ô có lỗi "#N/A": sửa công thức hoặc xóa ô',
  },
  {
    name: 'a veto row answered with neither Có nor Không',
    type: (g) => g.userEdit(focal(DN), DN, 'G42', 'có lẽ'),
    text: 'Trang "Đồng Nai", ô G42: "có lẽ": dòng điều kiện chỉ nhận "Có" (vi phạm) hoặc "Không"',
    keeps: [DN, 'G42'],
  },
  {
    name: 'a score typed on a group row',
    type: (g) => g.userEdit(focal(DN), DN, 'G5', 3),
    text: 'Trang "Đồng Nai", ô G5: "I" là dòng nhóm: điểm của nhóm tự cộng từ các mục con, không nhập ở đây',
    severity: 'warning',
  },
  {
    name: 'an ambiguous thousands-or-decimal number typed as text',
    type: (g) => g.userEdit(focal(DN), DN, 'F7', "'1.000"),
    text: 'Trang "Đồng Nai", ô F7: "1.000" không rõ là số thập phân hay hàng nghìn: ghi phần thập phân bằng dấu phẩy (8,5) và không dùng dấu chấm phân cách hàng nghìn',
  },
  {
    name: 'an e-mail that is not one',
    type: (g) => g.userEdit(LEADER, 'Cấu hình', 'H5', 'vanphong.binhthuan@@example'),
    text: 'Trang "Cấu hình", ô H5: "vanphong.binhthuan@@example" không phải là địa chỉ e-mail',
    severity: 'warning',
  },
  {
    name: 'a duplicate code in Tiêu chí (with a zero-width space)',
    type: (g) => g.userEdit(LEADER, 'Tiêu chí', 'A8', 'I.1.1\u200B'),
    text: 'Trang "Tiêu chí", ô A8: Mã "I.1.1" đã có ở ô A7: mỗi mã chỉ dùng một lần',
  },
  {
    name: 'an unknown row kind in Tiêu chí',
    type: (g) => g.userEdit(LEADER, 'Tiêu chí', 'C10', 'Đặc biệt'),
    text: 'Trang "Tiêu chí", ô C10: Loại "Đặc biệt" không rõ: chọn Nhóm, Định tính, Định lượng, Cộng, Trừ hoặc Điều kiện',
  },
  {
    name: 'a maximum that is not a number in Tiêu chí',
    type: (g) => g.userEdit(LEADER, 'Tiêu chí', 'D10', 'năm'),
    text: 'Trang "Tiêu chí", ô D10: Điểm chuẩn "năm" phải là số không âm',
  },
  {
    name: 'a unit tab row whose code Tiêu chí does not have',
    type: (g) => g.asUser(OWNER, () => g.apps.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(DN)!.getRange('A10').setValue('X.9')),
    text: 'Trang "Đồng Nai", ô A10: Mã "X.9" không có trong bảng Tiêu chí',
  },
  {
    name: 'ballots returned above ballots issued',
    type: (g) => g.userEdit(LEADER, 'Bình xét', 'C4:F4', [[6, 7, 7, 0]]),
    text: 'Trang "Bình xét", ô D4: Số phiếu thu về (7) nhiều hơn số phiếu phát ra (6)',
  },
  {
    name: 'a vote count that is not a whole number',
    type: (g) => {
      g.userEdit(LEADER, 'Bình xét', 'C4:F4', [[6, 6, 6, 0]]);
      g.userEdit(LEADER, 'Bình xét', 'K4', 'năm');
    },
    text: 'Trang "Bình xét", ô K4: "năm" phải là số phiếu (số nguyên không âm)',
  },
];

describe('bad input in the sheet', () => {
  for (const c of cases) {
    it(`reports ${c.name} at its cell and keeps what was typed`, () => {
      const g = newWorld();
      filledYear(g);
      c.type(g);
      const typed = c.keeps ? g.peek(c.keeps[0], c.keeps[1])[0]![0] : undefined;
      const matches = (t: string) => (typeof c.text === 'string' ? t === c.text : c.text.test(t));
      const found = problems(g).find((p) => matches(p.text));
      expect(found, problems(g).map((p) => p.text).join('\n')).toBeDefined();
      expect(found!.severity).toBe(c.severity ?? 'error');
      const r = g.asUser(LEADER, () => recompute());
      expect(r.ok, r.message).toBe(true);
      expect(r.problems.some((p) => matches(p.text))).toBe(true);
      if (c.keeps) expect(g.peek(c.keeps[0], c.keeps[1])[0]![0]).toEqual(typed);
    });
  }

  it('accepts "8,5" typed as text as the number 8.5', () => {
    const g = newWorld();
    filledYear(g);
    g.userEdit(focal(DN), DN, 'G10', "'4,5");
    expect(g.peek(DN, 'G10')[0]![0]).toBe('4,5');
    expect(problems(g).filter((p) => p.sheet === DN && p.a1 === 'G10')).toEqual([]);
  });

  it('refuses set-up when a unit is listed twice, even written in decomposed (NFD) Vietnamese', () => {
    const g = newWorld();
    filledYear(g);
    g.userEdit(LEADER, 'Cấu hình', 'D11:H11', [['Bình Dương'.normalize('NFD'), 'Trùng', '', '', 'a@example.com']]);
    const tabs = () => g.serialize().spreadsheet.sheets.filter((s) => s.name !== 'Nhật ký').map((s) => [s.name, s.rows]);
    const before = tabs();
    const r = g.asUser(OWNER, () => setupYear());
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.text)).toContain('Trang "Cấu hình", ô D11: Đơn vị "Bình Dương" đã có ở ô D6: mỗi đơn vị chỉ ghi một lần');
    expect(tabs()).toEqual(before);
    // The refusal itself is logged.
    expect(g.peek('Nhật ký').some((row) => row[3] === 'Bị từ chối' && String(row[8]).includes('D11'))).toBe(true);
  });

  it('refuses set-up when a short name cannot name a tab', () => {
    const g = newWorld();
    filledYear(g);
    g.userEdit(LEADER, 'Cấu hình', 'D11', 'Lâm/Đồng');
    const r = g.asUser(OWNER, () => setupYear());
    expect(r.ok).toBe(false);
    expect(r.problems[0]!.text).toBe('Trang "Cấu hình", ô D11: Tên viết tắt "Lâm/Đồng" không dùng làm tên trang được: không chứa các ký tự [ ] * ? : / \\ và dài không quá 90 ký tự');
  });

  it('warns about a unit without an e-mail, whose officers then cannot type', () => {
    const g = newWorld();
    filledYear(g);
    g.userEdit(LEADER, 'Cấu hình', 'H10', '');
    expect(problems(g).map((p) => p.text)).toContain('Trang "Cấu hình", ô H10: Đơn vị "Tây Ninh" chưa có e-mail đầu mối: chưa ai của đơn vị nhập điểm được');
  });

  it('refuses a ballot with more returned than issued from the panel, writing nothing', () => {
    const g = newWorld();
    filledYear(g);
    const before = g.peek('Bình xét');
    const r = g.asUser(LEADER, () => saveBallot('co-thi-dua', { issued: 6, returned: 7, valid: 7, invalid: 0, votes: {} }));
    expect(r).toMatchObject({ ok: false, message: 'Số phiếu thu về (7) nhiều hơn số phiếu phát ra (6)' });
    expect(r.problems[0]!.text).toBe('Trang "Bình xét", ô D4: Số phiếu thu về (7) nhiều hơn số phiếu phát ra (6)');
    expect(g.peek('Bình xét')).toEqual(before);
  });

  it('refuses a ballot for a title that does not exist and a vote for a unit that does not', () => {
    const g = newWorld();
    filledYear(g);
    expect(g.asUser(LEADER, () => saveBallot('huan-chuong', { issued: 6, returned: 6, valid: 6, invalid: 0, votes: {} })).ok).toBe(false);
    expect(g.asUser(LEADER, () => saveBallot('co-thi-dua', { issued: 6, returned: 6, valid: 6, invalid: 0, votes: { 'Hà Nội': 3 } })).ok).toBe(false);
  });

  it('refuses a set-up config that is not one', () => {
    const g = newWorld();
    expect(g.asUser(OWNER, () => setupYear({ cluster: 'x' } as never))).toMatchObject({ ok: false, message: 'Dữ liệu khởi tạo không hợp lệ' });
    expect(g.shared.spreadsheet.sheets.map((s) => s.name)).toEqual(['Trang tính1']);
  });
});
