/**
 * Hostile input, one table: what a clerk pastes from Word, Zalo or an old Excel file into the
 * custom functions, the set-up form, the unit tabs, Tiêu chí, Cấu hình, the ballot and the
 * documents form. Each case asserts a plain Vietnamese message that names where the problem is
 * (sheet and cell, or the row of a range, or the form field), and that every cell a person typed
 * is still there after the add-on acted (snapshot before and after). Inputs the add-on should
 * read (8,5 and 8.5, invisible spaces, decomposed Vietnamese) are asserted read right instead.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { useDocumentServices } from '../../src/adapters/documents';
import { saveBallot, type BallotInput } from '../../src/app/ballot';
import { generateDocument, type DocumentKind } from '../../src/app/documents';
import { recompute } from '../../src/app/recompute';
import type { ActionResult, ProblemJson } from '../../src/app/result';
import { sampleYearConfig } from '../../src/app/sample';
import { setupYear } from '../../src/app/setup';
import { getProblems, getResults } from '../../src/app/status';
import { submit } from '../../src/app/submission';
import { THIDUA_DIEM, THIDUA_RANK, THIDUA_SCORE, THIDUA_XEPLOAI } from '../../src/server/functions';
import type { YearConfig } from '../../src/workbook/config';
import { filledYear } from '../app/steps';
import { LEADER, OWNER, PROVINCES, focal, newWorld } from '../app/world';
import { createDocumentFakes, docText } from '../fakes/documents';
import type { FakeGoogle, SerializedState } from '../fakes/google';
import { LONG_TEXT, NBSP, ZWSP, nfd } from './corpus';
import { changedCells, isPlainVietnamese, lostCells, recordFigures, typedCells } from './helpers';

const DN = 'Đồng Nai';
const TN = 'Tây Ninh';
const RENAMED = 'Đồng Nai (cũ)';
const TABS = [...PROVINCES, RENAMED];

let kinds = 0;
let cellsLost = 0;
let cellsChecked = 0;

afterAll(() => {
  recordFigures('hostileInput', { inputKinds: kinds, cellsLost, typedCellsChecked: cellsChecked });
});

// ———————————————————————————————————————————— worlds, built once and restored per case

let filled: SerializedState | null = null;
/** The filled year's self total of Đồng Nai and its self-score in G10, read once. */
const baseline = { selfDN: 0, g10DN: 0 };
let blank: SerializedState | null = null;

function world(start: 'filled' | 'blank'): FakeGoogle {
  const g = newWorld();
  if (start === 'blank') {
    blank ??= g.serialize();
    g.restore(blank);
    return g;
  }
  if (!filled) {
    filledYear(g);
    filled = g.serialize();
    baseline.selfDN = selfTotal(g, DN)!;
    baseline.g10DN = Number(g.peek(DN, 'G10')[0]![0]);
  } else {
    g.restore(filled);
  }
  return g;
}

function problemsOf(g: FakeGoogle): ProblemJson[] {
  const r = g.asUser(LEADER, () => getProblems());
  if (!r.ok || !('problems' in r)) throw new Error(`getProblems: ${JSON.stringify(r)}`);
  return r.problems;
}

function selfTotal(g: FakeGoogle, unit: string): number | null {
  const r = g.asUser(LEADER, () => getResults());
  if (!('units' in r)) throw new Error(r.message);
  return r.units.find((u) => u.unitId === unit)!.self;
}

// ———————————————————————————————————————————— 1. custom functions

interface FunctionCase {
  kind: string;
  call: () => unknown;
  /** The message, starting with the row ("Dòng 2") or naming the argument. */
  throws?: string | RegExp;
  /** What the function returns when it reads the input right. */
  returns?: unknown;
}

const col = (...v: unknown[]) => v.map((x) => [x]) as never;

const FUNCTION_CASES: FunctionCase[] = [
  { kind: 'text in a points range', call: () => THIDUA_SCORE(col(8, 'tám'), col(10, 10)), throws: 'Dòng 2, điểm: "tám" không phải là số' },
  { kind: '"8,5" typed as text', call: () => THIDUA_SCORE(col('8,5', 1), col(10, 10)), returns: 9.5 },
  { kind: '"8.5" typed as text', call: () => THIDUA_SCORE(col('8.5', 1), col(10, 10)), returns: 9.5 },
  { kind: '"1.000", thousands or decimal', call: () => THIDUA_SCORE(col(1, '1.000'), col(10, 10)), throws: /^Dòng 2, điểm: "1\.000" không rõ là số thập phân hay hàng nghìn/ },
  { kind: 'negative points', call: () => THIDUA_SCORE(col(-1), col(10)), throws: /^Dòng 1: điểm -1 âm/ },
  { kind: 'points over the maximum', call: () => THIDUA_SCORE(col(5, 11), col(10, 10)), throws: 'Dòng 2: điểm 11 vượt điểm chuẩn 10' },
  { kind: '#REF! in a range', call: () => THIDUA_SCORE(col(1, '#REF!'), col(10, 10)), throws: /^Dòng 2, điểm: ô có lỗi "#REF!"/ },
  { kind: '#N/A as a result', call: () => THIDUA_DIEM(col(5, '#N/A'), 10, 5), throws: /^Dòng 2, kết quả: ô có lỗi "#N\/A"/ },
  { kind: '#DIV/0! as a score to rank', call: () => THIDUA_XEPLOAI(col(90, '#DIV/0!')), throws: /^Dòng 2, điểm: ô có lỗi "#DIV\/0!"/ },
  { kind: 'a Date where points go', call: () => THIDUA_SCORE(col(new Date(2021, 0, 1)), col(10)), throws: 'Dòng 1, điểm: ngày 01/01/2021 là ngày tháng, cần nhập số' },
  { kind: 'a boolean where points go', call: () => THIDUA_SCORE(col(true), col(10)), throws: 'Dòng 1, điểm: true là giá trị đúng/sai, cần nhập số' },
  { kind: 'a 10 000-character string', call: () => THIDUA_SCORE(col(LONG_TEXT), col(10)), throws: /^Dòng 1, điểm: "Giải trình rất dài\. .{0,40}…" không phải là số$/ },
  { kind: 'a row kind in decomposed Vietnamese (NFD)', call: () => THIDUA_SCORE(col(8, 3), col(10, 5), col('', nfd('cộng'))), returns: 11 },
  { kind: 'zero-width and non-breaking spaces around a number', call: () => THIDUA_SCORE(col(`${ZWSP}8${NBSP}`), col(10)), returns: 8 },
  { kind: 'a threshold typed as a fraction (90 % → 0,9)', call: () => THIDUA_XEPLOAI(80, 100, 0.9), throws: /^Ngưỡng xuất sắc 0,9 quá nhỏ/ },
  { kind: 'an unknown rule', call: () => THIDUA_DIEM(8, 10, 5, 'bất kỳ'), throws: /^Cách tính "bất kỳ" không rõ/ },
  { kind: 'a zero target', call: () => THIDUA_DIEM(col(8, 9), col(10, 0), 5), throws: /^Dòng 2: chỉ tiêu 0 phải lớn hơn 0/ },
  { kind: 'ranges of different sizes', call: () => THIDUA_SCORE(col(1, 2), col(10)), throws: /^Vùng điểm có 2 ô nhưng vùng điểm chuẩn có 1 ô/ },
  { kind: 'a boolean among scores to rank (left out, not ranked)', call: () => THIDUA_RANK(col(true, 80, 90)), returns: [[''], [2], [1]] },
];

describe('hostile input to the custom functions', () => {
  for (const c of FUNCTION_CASES) {
    it(`answers ${c.kind} by the row or argument, in Vietnamese, leaving the input as it was`, () => {
      kinds++;
      let out: unknown;
      let error: unknown = null;
      try {
        out = c.call();
      } catch (e) {
        error = e;
      }
      if (c.throws !== undefined) {
        expect(error, `${c.kind}: returned ${JSON.stringify(out)}`).toBeInstanceOf(Error);
        const message = (error as Error).message;
        if (typeof c.throws === 'string') expect(message).toBe(c.throws);
        else expect(message).toMatch(c.throws);
        expect(isPlainVietnamese(message), message).toBe(true);
        expect(message.length, 'a message stays short whatever was typed').toBeLessThan(300);
      } else {
        expect(error).toBeNull();
        expect(out).toEqual(c.returns);
      }
    });
  }

  it('never changes the ranges it is given', () => {
    const points = col('8,5', `${ZWSP}3${NBSP}`, '#REF!', LONG_TEXT, new Date(2021, 0, 1));
    const copy = JSON.stringify(points);
    expect(() => THIDUA_SCORE(points, col(10, 10, 10, 10, 10))).toThrow();
    expect(JSON.stringify(points)).toBe(copy);
  });
});

// ———————————————————————————————————————————— 2. the workbook

/** Where a message must point: a sheet and a cell ('' for the whole tab). */
type At = readonly [sheet: string, a1: string];

interface WorkbookCase {
  surface: 'khởi tạo' | 'trang đơn vị' | 'Tiêu chí' | 'Cấu hình' | 'bình xét' | 'văn bản';
  kind: string;
  start?: 'filled' | 'blank';
  /** What a person does first (typing, pasting, renaming): the hostile input itself. */
  type?: (g: FakeGoogle) => void;
  /** The add-on acting on it (default: the panel's Kiểm tra, then Tính điểm, as the cụm trưởng). */
  act?: (g: FakeGoogle) => ActionResult;
  /** The located message: at a cell (or tab), with this text. */
  at?: At;
  says: string | RegExp;
  severity?: 'error' | 'warning';
  /** For input the add-on must read: an extra check of how it was read. */
  reads?: (g: FakeGoogle) => void;
  /** Refused: nothing at all may change in the typed cells. */
  refused?: boolean;
}

function typeAs(email: string, sheet: string, a1: string, value: unknown) {
  return (g: FakeGoogle) => {
    const r = g.userEdit(email, sheet, a1, value);
    expect(r.ok, `typing into ${sheet}!${a1}: ${'message' in r ? r.message : ''}`).toBe(true);
  };
}

function formulaResult(email: string, sheet: string, a1: string, formula: string, result: string) {
  return (g: FakeGoogle) => {
    typeAs(email, sheet, a1, formula)(g);
    g.setFormulaResult(sheet, a1, result);
  };
}

/** The owner's script hands (a cell people cannot type: a copied code). */
function asOwnerScript(sheet: string, a1: string, value: unknown) {
  return (g: FakeGoogle) => {
    g.asUser(OWNER, () => g.apps.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheet)!.getRange(a1).setValue(value));
  };
}

function setUpWith(edit: (c: YearConfig) => unknown) {
  return (g: FakeGoogle): ActionResult => {
    const c = sampleYearConfig(2021);
    const given = edit(c);
    return g.asUser(OWNER, () => setupYear((given === undefined ? c : given) as YearConfig));
  };
}

function ballot(title: string, counts: unknown) {
  return (g: FakeGoogle): ActionResult => g.asUser(LEADER, () => saveBallot(title, counts as BallotInput));
}

const FULL: BallotInput = { issued: 6, returned: 6, valid: 6, invalid: 0, votes: { [DN]: 5, 'Bình Dương': 1 } };

function document(kind: string, options: unknown) {
  return (g: FakeGoogle): ActionResult => {
    const fakes = createDocumentFakes(g.env);
    useDocumentServices({ documentApp: fakes.DocumentApp, drive: fakes.Drive });
    const r = g.asUser(LEADER, () => generateDocument(kind as DocumentKind, options as never));
    docsMade = Object.values(fakes.store.drive.state.files).filter((f) => !f.trashed && f.mimeType !== 'application/vnd.google-apps.folder');
    lastDocs = fakes;
    return r;
  };
}
let docsMade: Array<{ name: string }> = [];
let lastDocs: ReturnType<typeof createDocumentFakes> | null = null;

const WORKBOOK_CASES: WorkbookCase[] = [
  // ——— set-up from a config object (the sidebar form), on a blank sheet
  { surface: 'khởi tạo', kind: 'a cụm trưởng who is not a member', start: 'blank', act: setUpWith((c) => { c.cluster.leaderUnitId = 'Hà Nội'; }), at: ['Cấu hình', 'B7'], says: 'Cụm trưởng (tên viết tắt) "Hà Nội" không có trong danh sách đơn vị thành viên', refused: true },
  { surface: 'khởi tạo', kind: 'an empty criteria table', start: 'blank', act: setUpWith((c) => { c.criteria = { ...c.criteria!, rows: [] }; }), at: ['Tiêu chí', 'A5'], says: 'Bảng tiêu chí chưa có dòng nào', refused: true },
  { surface: 'khởi tạo', kind: 'a year given as text', start: 'blank', act: setUpWith((c) => { (c.cluster as { year: unknown }).year = '2021a'; }), at: ['Cấu hình', 'B6'], says: 'Năm "2021a" không hợp lệ: nhập năm bốn chữ số, ví dụ 2025', refused: true },
  { surface: 'khởi tạo', kind: 'a 10 000-character short name', start: 'blank', act: setUpWith((c) => { c.units.push({ ...c.units[0]!, id: LONG_TEXT, shortName: LONG_TEXT, focalEmails: ['dai@example.com'] }); }), at: ['Cấu hình', 'D11'], says: /^Tên viết tắt "Giải trình rất dài\..*" không dùng làm tên trang được/, refused: true },
  { surface: 'khởi tạo', kind: 'a short name with a character a tab name cannot hold', start: 'blank', act: setUpWith((c) => { c.units.push({ ...c.units[0]!, id: 'Cụm:9', shortName: 'Cụm:9', focalEmails: ['c9@example.com'] }); }), at: ['Cấu hình', 'D11'], says: /^Tên viết tắt "Cụm:9" không dùng làm tên trang được/, refused: true },
  { surface: 'khởi tạo', kind: 'a unit listed twice', start: 'blank', act: setUpWith((c) => { c.units.push({ ...c.units[0]!, focalEmails: ['khac@example.com'] }); }), at: ['Cấu hình', 'D11'], says: 'Đơn vị "Bình Thuận" đã có ở ô D5: mỗi đơn vị chỉ ghi một lần', refused: true },
  { surface: 'khởi tạo', kind: 'a unit listed twice, once in decomposed Vietnamese (NFD)', start: 'blank', act: setUpWith((c) => { c.units.push({ ...c.units[1]!, id: nfd('Bình Dương'), shortName: nfd('Bình Dương') }); }), at: ['Cấu hình', 'D11'], says: 'Đơn vị "Bình Dương" đã có ở ô D6: mỗi đơn vị chỉ ghi một lần', refused: true },
  { surface: 'khởi tạo', kind: 'a unit listed twice, once with a zero-width space', start: 'blank', act: setUpWith((c) => { c.units.push({ ...c.units[5]!, id: `${TN}${ZWSP}`, shortName: `${TN}${ZWSP}` }); }), at: ['Cấu hình', 'D11'], says: 'Đơn vị "Tây Ninh" đã có ở ô D10: mỗi đơn vị chỉ ghi một lần', refused: true },
  { surface: 'khởi tạo', kind: 'duplicate criterion codes', start: 'blank', act: setUpWith((c) => { c.criteria = { ...c.criteria!, rows: [...c.criteria!.rows, { ...c.criteria!.rows[3]! }] }; }), at: ['Tiêu chí', 'A44'], says: 'Mã "I.1.2" đã có ở ô A8: mỗi mã chỉ dùng một lần' },
  { surface: 'khởi tạo', kind: 'a negative maximum', start: 'blank', act: setUpWith((c) => { c.criteria = { ...c.criteria!, rows: c.criteria!.rows.map((r, i) => (i === 3 ? { ...r, maxPoints: -5 } : r)) }; }), at: ['Tiêu chí', 'D8'], says: 'Điểm chuẩn -5 phải là số không âm' },
  { surface: 'khởi tạo', kind: 'a malformed e-mail', start: 'blank', act: setUpWith((c) => { c.units[5] = { ...c.units[5]!, focalEmails: ['vanphong@@example'] }; }), at: ['Cấu hình', 'H10'], says: '"vanphong@@example" không phải là địa chỉ e-mail', severity: 'warning' },
  { surface: 'khởi tạo', kind: 'a unit with no e-mail', start: 'blank', act: setUpWith((c) => { c.units[5] = { ...c.units[5]!, focalEmails: [] }; }), at: ['Cấu hình', 'H10'], says: 'Đơn vị "Tây Ninh" chưa có e-mail đầu mối: chưa ai của đơn vị nhập điểm được', severity: 'warning' },
  { surface: 'khởi tạo', kind: 'a malformed e-mail in the cross-check team', start: 'blank', act: setUpWith((c) => { c.crossCheckTeam = [...c.crossCheckTeam, { email: 'không phải e-mail' }]; }), at: ['Cấu hình', 'M17'], says: '"không phải e-mail" không phải là địa chỉ e-mail', severity: 'warning' },
  { surface: 'khởi tạo', kind: 'a ballot threshold over 100', start: 'blank', act: setUpWith((c) => { c.rules = { ...c.rules, ballotThresholdPercent: 150 }; }), at: ['Cấu hình', 'B13'], says: '"Ngưỡng bình xét (%)" phải là số từ 0 đến 100, đang là 150', severity: 'warning' },
  { surface: 'khởi tạo', kind: 'a payload that is not a config at all', start: 'blank', act: (g) => g.asUser(OWNER, () => setupYear('cấu hình' as never)), says: 'Dữ liệu khởi tạo không hợp lệ', refused: true },
  {
    surface: 'khởi tạo', kind: 'an e-mail wrapped in non-breaking spaces', start: 'blank',
    act: setUpWith((c) => { c.units[5] = { ...c.units[5]!, focalEmails: [`${NBSP}${focal(TN)}${NBSP}`] }; }),
    says: 'Đã khởi tạo: 6 đơn vị, 39 dòng tiêu chí',
    // The officer gets the right all the same.
    reads: (g) => expect(g.userEdit(focal(TN), TN, 'G10', 4)).toMatchObject({ ok: true }),
  },

  // ——— unit tabs, typed by the people of the cluster
  { surface: 'trang đơn vị', kind: 'text in a score cell', type: typeAs(focal(DN), DN, 'G10', 'bốn'), at: [DN, 'G10'], says: '"bốn" không phải là số' },
  {
    surface: 'trang đơn vị', kind: '"4,5" typed as text', type: typeAs(focal(DN), DN, 'G10', "'4,5"), says: '',
    reads: (g) => expect(selfTotal(g, DN)).toBeCloseTo(baseline.selfDN - baseline.g10DN + 4.5, 6),
  },
  {
    surface: 'trang đơn vị', kind: '"4.5" typed as text', type: typeAs(focal(DN), DN, 'G10', "'4.5"), says: '',
    reads: (g) => expect(selfTotal(g, DN)).toBeCloseTo(baseline.selfDN - baseline.g10DN + 4.5, 6),
  },
  { surface: 'trang đơn vị', kind: '"1.000" typed as text in a result', type: typeAs(focal(DN), DN, 'F7', "'1.000"), at: [DN, 'F7'], says: /^"1\.000" không rõ là số thập phân hay hàng nghìn/ },
  { surface: 'trang đơn vị', kind: 'a negative self-score', type: typeAs(focal(DN), DN, 'G10', -2), at: [DN, 'G10'], says: 'Điểm tự chấm -2 không được âm' },
  { surface: 'trang đơn vị', kind: 'a final score over the maximum, typed "5,5"', type: typeAs(LEADER, DN, 'K10', '5,5'), at: [DN, 'K10'], says: 'Điểm thống nhất 5,5 vượt điểm chuẩn 5' },
  { surface: 'trang đơn vị', kind: '#REF! from a formula', type: formulaResult(focal(DN), DN, 'G10', "='Đã xóa'!A1", '#REF!'), at: [DN, 'G10'], says: 'ô có lỗi "#REF!": sửa công thức hoặc xóa ô' },
  { surface: 'trang đơn vị', kind: '#N/A from a lookup', type: formulaResult(focal(DN), DN, 'F12', '=VLOOKUP(1;A:A;2;0)', '#N/A'), at: [DN, 'F12'], says: 'ô có lỗi "#N/A": sửa công thức hoặc xóa ô' },
  { surface: 'trang đơn vị', kind: '#DIV/0! from a formula', type: formulaResult(focal(DN), DN, 'G14', '=1/0', '#DIV/0!'), at: [DN, 'G14'], says: 'ô có lỗi "#DIV/0!": sửa công thức hoặc xóa ô' },
  { surface: 'trang đơn vị', kind: 'a Date in a score cell', type: typeAs(focal(DN), DN, 'G10', new Date(2021, 0, 1)), at: [DN, 'G10'], says: 'ngày 01/01/2021 là ngày tháng, cần nhập số' },
  { surface: 'trang đơn vị', kind: 'a boolean in a result cell', type: typeAs(focal(DN), DN, 'F7', false), at: [DN, 'F7'], says: 'false là giá trị đúng/sai, cần nhập số' },
  { surface: 'trang đơn vị', kind: 'a 10 000-character string in a score cell', type: typeAs(focal(DN), DN, 'G10', LONG_TEXT), at: [DN, 'G10'], says: /^"Giải trình rất dài\. .{0,40}…" không phải là số$/ },
  { surface: 'trang đơn vị', kind: 'a 10 000-character explanation', type: typeAs(focal(DN), DN, 'H10', LONG_TEXT), says: '', reads: (g) => expect(g.peek(DN, 'H10')[0]![0]).toBe(LONG_TEXT) },
  { surface: 'trang đơn vị', kind: '"Có" on a veto row in decomposed Vietnamese (NFD)', type: typeAs(focal(DN), DN, 'G42', nfd('Có')), says: '' },
  { surface: 'trang đơn vị', kind: 'zero-width and non-breaking spaces around a score', type: typeAs(focal(DN), DN, 'G10', `${ZWSP}4${NBSP}`), says: '' },
  { surface: 'trang đơn vị', kind: 'a zero-width space in a copied code', type: asOwnerScript(DN, 'A10', `I.1.4${ZWSP}`), says: '' },
  { surface: 'trang đơn vị', kind: 'a code copied twice', type: asOwnerScript(DN, 'A10', 'I.1.3'), at: [DN, 'A10'], says: 'Mã "I.1.3" đã có ở ô A9' },
  {
    surface: 'trang đơn vị', kind: 'a header cell typed over', type: typeAs(LEADER, DN, 'G4', 'Điểm tự chấm (sửa)'),
    at: [DN, 'A4'], says: `Dòng tiêu đề của trang "${DN}" đã bị sửa hoặc cột bị chèn/xóa: khôi phục tiêu đề gốc rồi chạy lại`,
  },
  {
    surface: 'trang đơn vị', kind: 'a deleted unit tab', type: (g) => expect(g.userDeleteSheet(OWNER, DN).ok).toBe(true),
    at: [DN, ''], says: /^Không tìm thấy trang "Đồng Nai" của đơn vị "Đồng Nai": trang đã bị xóa hoặc đổi tên/,
  },
  {
    surface: 'trang đơn vị', kind: 'a renamed unit tab, then set-up run again', type: (g) => expect(g.userRenameSheet(OWNER, DN, RENAMED).ok).toBe(true),
    act: (g) => g.asUser(OWNER, () => setupYear()), at: [RENAMED, ''],
    says: `Trang chấm điểm của đơn vị "${DN}" đã bị đổi tên từ "${DN}" thành "${RENAMED}": đổi lại tên "${DN}" (số liệu vẫn còn trong trang)`, severity: 'warning',
  },
  {
    surface: 'trang đơn vị', kind: 'merged cells over self-scores (Sheets keeps only the top one)',
    type: (g) => g.asUser(focal(DN), () => g.apps.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(DN)!.getRange('G10:G14').merge()),
    act: (g) => g.asUser(focal(DN), () => submit(DN)), at: [DN, 'G14'], says: 'Chưa chấm', refused: true,
  },
  {
    surface: 'trang đơn vị', kind: 'rows inserted in the middle of a unit tab', type: (g) => expect(g.userInsertRows(LEADER, DN, 12, 2).ok).toBe(true),
    says: '', reads: (g) => expect(g.asUser(LEADER, () => recompute()).ok).toBe(true),
  },

  // ——— Tiêu chí, typed by the cụm trưởng
  { surface: 'Tiêu chí', kind: 'a code with a non-breaking space, copying another', type: typeAs(LEADER, 'Tiêu chí', 'A8', `I.1.1${NBSP}`), at: ['Tiêu chí', 'A8'], says: 'Mã "I.1.1" đã có ở ô A7: mỗi mã chỉ dùng một lần' },
  { surface: 'Tiêu chí', kind: 'an unknown row kind', type: typeAs(LEADER, 'Tiêu chí', 'C10', 'Khác'), at: ['Tiêu chí', 'C10'], says: 'Loại "Khác" không rõ: chọn Nhóm, Định tính, Định lượng, Cộng, Trừ hoặc Điều kiện' },
  { surface: 'Tiêu chí', kind: 'a maximum typed in words', type: typeAs(LEADER, 'Tiêu chí', 'D10', 'năm điểm'), at: ['Tiêu chí', 'D10'], says: 'Điểm chuẩn "năm điểm" phải là số không âm' },
  { surface: 'Tiêu chí', kind: 'a negative maximum', type: typeAs(LEADER, 'Tiêu chí', 'D10', -5), at: ['Tiêu chí', 'D10'], says: 'Điểm chuẩn -5 phải là số không âm' },
  { surface: 'Tiêu chí', kind: 'a target in words', type: typeAs(LEADER, 'Tiêu chí', 'E7', 'chín mươi'), at: ['Tiêu chí', 'E7'], says: 'Chỉ tiêu: "chín mươi" không phải là số' },
  { surface: 'Tiêu chí', kind: 'an emptied criteria table', type: typeAs(LEADER, 'Tiêu chí', 'A5:G43', ''), at: ['Tiêu chí', 'A5'], says: 'Bảng tiêu chí chưa có dòng nào' },

  // ——— Cấu hình, typed by the cụm trưởng
  { surface: 'Cấu hình', kind: 'a malformed e-mail', type: typeAs(LEADER, 'Cấu hình', 'H7', 'vanphong.binhphuoc@example'), at: ['Cấu hình', 'H7'], says: '"vanphong.binhphuoc@example" không phải là địa chỉ e-mail', severity: 'warning' },
  { surface: 'Cấu hình', kind: 'an e-mail erased', type: typeAs(LEADER, 'Cấu hình', 'H7', ''), at: ['Cấu hình', 'H7'], says: 'Đơn vị "Bình Phước" chưa có e-mail đầu mối: chưa ai của đơn vị nhập điểm được', severity: 'warning' },
  {
    surface: 'Cấu hình', kind: 'a unit added twice, once with a zero-width space', type: typeAs(LEADER, 'Cấu hình', 'D11:H11', [[`Bình Dương${ZWSP}`, 'Trùng', '', '', 'trung@example.com']]),
    act: (g) => g.asUser(OWNER, () => setupYear()), at: ['Cấu hình', 'D11'], says: 'Đơn vị "Bình Dương" đã có ở ô D6: mỗi đơn vị chỉ ghi một lần', refused: true,
  },
  { surface: 'Cấu hình', kind: 'a threshold in words', type: typeAs(LEADER, 'Cấu hình', 'B13', 'tám mươi'), at: ['Cấu hình', 'B13'], says: '"Ngưỡng bình xét (%)" phải là số từ 0 đến 100, đang là "tám mươi"', severity: 'warning' },
  { surface: 'Cấu hình', kind: 'the year in words', type: typeAs(LEADER, 'Cấu hình', 'B6', 'năm nay'), at: ['Cấu hình', 'B6'], says: 'Năm "năm nay" không hợp lệ: nhập năm bốn chữ số, ví dụ 2025' },

  // ——— the ballot, from the panel (saveBallot) and typed in Bình xét
  { surface: 'bình xét', kind: 'more ballots returned than issued', act: ballot('co-thi-dua', { ...FULL, returned: 7, valid: 7 }), at: ['Bình xét', 'D4'], says: 'Số phiếu thu về (7) nhiều hơn số phiếu phát ra (6)', refused: true },
  { surface: 'bình xét', kind: 'votes typed "4,5"', act: ballot('co-thi-dua', { ...FULL, votes: { [DN]: '4,5' } }), at: ['Bình xét', 'K4'], says: '4,5 phải là số phiếu (số nguyên không âm)', refused: true },
  { surface: 'bình xét', kind: 'ballots issued in words', act: ballot('co-thi-dua', { ...FULL, issued: 'sáu' }), at: ['Bình xét', 'C4'], says: '"sáu" phải là số phiếu (số nguyên không âm)', refused: true },
  { surface: 'bình xét', kind: 'a negative count', act: ballot('co-thi-dua', { ...FULL, issued: -6 }), at: ['Bình xét', 'C4'], says: '-6 phải là số phiếu (số nguyên không âm)', refused: true },
  { surface: 'bình xét', kind: '"1.000" ballots', act: ballot('co-thi-dua', { ...FULL, issued: '1.000' }), at: ['Bình xét', 'C4'], says: '"1.000" phải là số phiếu (số nguyên không âm)', refused: true },
  { surface: 'bình xét', kind: 'a boolean count', act: ballot('co-thi-dua', { ...FULL, issued: true }), at: ['Bình xét', 'C4'], says: '"true" phải là số phiếu (số nguyên không âm)', refused: true },
  { surface: 'bình xét', kind: 'more votes than valid ballots', act: ballot('co-thi-dua', { ...FULL, valid: 5, invalid: 1, votes: { [DN]: 6 } }), at: ['Bình xét', 'K4'], says: 'Số phiếu đồng ý (6) nhiều hơn số phiếu hợp lệ (5)', refused: true },
  { surface: 'bình xét', kind: 'a vote for a unit that is not a member', act: ballot('co-thi-dua', { ...FULL, votes: { 'Hà Nội': 3 } }), says: 'Cột "Hà Nội" không phải là đơn vị thành viên', refused: true },
  { surface: 'bình xét', kind: 'a 10 000-character title', act: ballot(LONG_TEXT, FULL), says: /^Danh hiệu "Giải trình rất dài\..*" không có trong bảng Danh hiệu ở trang Cấu hình$/, refused: true },
  {
    surface: 'bình xét', kind: 'a candidate named in decomposed Vietnamese (NFD)', act: ballot('co-thi-dua', { ...FULL, votes: { [nfd(DN)]: 5 } }),
    says: 'Đã ghi kết quả bình xét "Cờ thi đua của Viện kiểm sát nhân dân tối cao": đạt — Đồng Nai.', reads: (g) => expect(g.peek('Bình xét', 'K4')[0]![0]).toBe(5),
  },
  { surface: 'bình xét', kind: 'a Date typed as a count', type: typeAs(LEADER, 'Bình xét', 'C4:F4', [[new Date(2021, 1, 1), 6, 6, 0]]), at: ['Bình xét', 'C4'], says: 'ngày 01/02/2021 phải là số phiếu (số nguyên không âm)' },

  // ——— documents, from the panel's form
  { surface: 'văn bản', kind: 'a date written dd/mm/yyyy', act: document('covenant', { date: '09/01/2021' }), says: 'Giá trị "09/01/2021" của mục "date" không hợp lệ', refused: true },
  { surface: 'văn bản', kind: 'a day that does not exist', act: document('covenant', { date: '2021-02-30' }), says: 'Giá trị "2021-02-30" của mục "date" không hợp lệ', refused: true },
  { surface: 'văn bản', kind: 'a negative document number', act: document('report', { number: -1 }), says: 'Giá trị "-1" của mục "number" không hợp lệ', refused: true },
  { surface: 'văn bản', kind: 'a document number in words', act: document('report', { number: 'một' }), says: 'Giá trị "một" của mục "number" không hợp lệ', refused: true },
  { surface: 'văn bản', kind: 'four signature columns', act: document('covenant', { signatureColumns: 4 }), says: 'Giá trị "4" của mục "signatureColumns" không hợp lệ', refused: true },
  { surface: 'văn bản', kind: 'a meeting at 25:00', act: document('minutes', { start: '2021-11-16T25:00' }), says: 'Giá trị "2021-11-16T25:00" của mục "start" không hợp lệ', refused: true },
  { surface: 'văn bản', kind: 'a chair given as plain text', act: document('minutes', { chair: 'ông A' }), says: 'Giá trị "ông A" của mục "chair" không hợp lệ', refused: true },
  { surface: 'văn bản', kind: 'attendees given as one string', act: document('minutes', { attendees: 'a, b' }), says: 'Giá trị "a, b" của mục "attendees" không hợp lệ', refused: true },
  { surface: 'văn bản', kind: 'options that are not an object', act: document('covenant', 'tất cả'), says: 'Giá trị "tất cả" của mục "options" không hợp lệ', refused: true },
  { surface: 'văn bản', kind: 'an unknown document kind', act: document('<script>alert(1)</script>', {}), says: /^Không có loại văn bản "<script>alert\(1\)<\/script>"/, refused: true },
  {
    surface: 'văn bản', kind: 'a 10 000-character place and a venue in decomposed Vietnamese', act: document('minutes', { place: LONG_TEXT, venue: nfd('Hội trường Viện kiểm sát') }),
    says: /^Đã tạo văn bản "Biên bản họp bình xét, suy tôn năm 2021/,
    reads: () => {
      const doc = lastDocs!.store.drive.state.files;
      const made = Object.values(doc).find((f) => f.name.startsWith('Biên bản') && f.mimeType === 'application/vnd.google-apps.document')!;
      const text = docText(lastDocs!.DocumentApp.openById(made.id));
      expect(text).toContain('Hội trường Viện kiểm sát'.normalize('NFC'));
      expect(text).not.toContain(LONG_TEXT);
    },
  },
];

function locate(problems: readonly ProblemJson[], at: At, says: string | RegExp): ProblemJson | undefined {
  return problems.find((p) => p.sheet === at[0] && p.a1 === at[1] && (typeof says === 'string' ? p.message === says : says.test(p.message)));
}

describe('hostile input to the workbook', () => {
  for (const c of WORKBOOK_CASES) {
    it(`answers ${c.kind} (${c.surface}) in Vietnamese at its place, losing no typed cell`, () => {
      kinds++;
      docsMade = [];
      const g = world(c.start ?? 'filled');
      c.type?.(g);
      const before = g.serialize();
      const typedBefore = typedCells(before, TABS);

      const results: ActionResult[] = [];
      let shown: ProblemJson[] = [];
      if (c.act) {
        results.push(c.act(g));
        shown = results[0]!.problems;
      } else {
        shown = problemsOf(g);
        results.push(g.asUser(LEADER, () => recompute()));
      }
      for (const r of results) expect(isPlainVietnamese(r.message), r.message).toBe(true);

      if (c.at) {
        const found = locate(shown, c.at, c.says);
        expect(found, `no message at ${c.at.join('!')}; shown:\n${shown.map((p) => `${p.sheet}!${p.a1} ${p.message}`).join('\n')}`).toBeDefined();
        expect(found!.severity).toBe(c.severity ?? 'error');
        expect(isPlainVietnamese(found!.text), found!.text).toBe(true);
        expect(found!.text.startsWith(`Trang "${c.at[0]}"`), found!.text).toBe(true);
        if (c.at[1] !== '') expect(found!.text).toContain(`ô ${c.at[1]}`);
      } else if (c.says !== '') {
        const message = results[0]!.message;
        if (typeof c.says === 'string') expect(message).toBe(c.says);
        else expect(message).toMatch(c.says);
      } else {
        // Read as meant: no message about the cell typed.
        expect(shown.filter((p) => p.severity === 'error').map((p) => p.text)).toEqual([]);
      }
      c.reads?.(g);

      const after = g.serialize();
      const typedAfter = typedCells(after, TABS);
      const lost = lostCells(typedBefore, typedAfter, after);
      cellsChecked += typedBefore.size;
      cellsLost += lost.length;
      expect(lost, 'typed cells lost').toEqual([]);
      if (c.refused) {
        expect(results[0]!.ok).toBe(false);
        expect(changedCells(typedBefore, typedAfter), 'a refusal writes nothing typed').toEqual([]);
        if (c.start === 'blank') expect(after.spreadsheet.sheets.map((s) => s.name)).toEqual(before.spreadsheet.sheets.map((s) => s.name));
        if (c.surface === 'văn bản') expect(docsMade.map((f) => f.name)).toEqual([]);
      }
    });
  }

  it(`tries at least 30 kinds of hostile input (${FUNCTION_CASES.length + WORKBOOK_CASES.length})`, () => {
    expect(FUNCTION_CASES.length + WORKBOOK_CASES.length).toBeGreaterThanOrEqual(30);
    const names = [...FUNCTION_CASES.map((c) => c.kind), ...WORKBOOK_CASES.map((c) => `${c.surface}: ${c.kind}`)];
    expect(new Set(names).size).toBe(names.length);
  });
});
