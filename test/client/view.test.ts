import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Status, UnitStatus } from '../../src/client/types';
import { isFocalOnly, parseBallotForm, parseSetupForm, parseUnitsText, permission, problemGroups, statusSummary, whoLabel, type SetupFields } from '../../src/client/view';
import { configFromForm } from '../../src/workbook/form';
import { checkSetupForm, isEmail } from '../../src/workbook/setupCheck';

function unit(id: string, status: UnitStatus['status'], errors: number, canSubmit = { allowed: true }): UnitStatus {
  const submitted = status === 'submitted';
  return {
    id, name: id, sheet: id, required: 10, filled: 5, percentFilled: 50, errors, warnings: 0, status, canSubmit, canEdit: true,
    submitted, complete: submitted, incompleteReasons: submitted ? [] : ['chưa nộp bảng tự chấm'],
  };
}

function status(can: Partial<Status['can']>, units: UnitStatus[] = [unit('Bình Dương', 'submitted', 2), unit('Tây Ninh', 'open', 3)]): Status {
  const no = { allowed: false, reason: 'Chỉ cụm trưởng' };
  return {
    ok: true, setUp: true, year: 2021, clusterName: 'Cụm 9', closed: false,
    user: { email: 'a@x.vn', roles: ['unit'], roleLabels: ['Đầu mối Bình Dương'], unitIds: ['Bình Dương'] },
    can: { setupYear: no, recompute: no, closeYear: no, copyToNewYear: no, saveBallot: no, returnSubmission: no, reopen: no, generateDocument: no, ...can },
    units, rules: null, problems: { errors: 5, warnings: 0 }, queuedLogRows: 0, at: '2021-11-20T02:30:00.000Z', problemList: [], refusals: [], lateEdits: [],
  };
}

describe('permission', () => {
  it('allows what the server allows, with no reason', () => {
    expect(permission(status({ recompute: { allowed: true } }), 'recompute')).toEqual({ allowed: true, reason: '' });
  });
  it('refuses with the server’s reason', () => {
    expect(permission(status({}), 'recompute')).toEqual({ allowed: false, reason: 'Chỉ cụm trưởng' });
  });
  it('says before the click what only the owner can do, and refuses an answer the server did not give', () => {
    const owner = 'Chỉ chủ sở hữu bảng tính (chu@gmail.com) làm được việc này';
    const s = status({ allowReopenYear: { allowed: false, reason: owner }, reopenYear: { allowed: true } });
    expect(permission(s, 'allowReopenYear')).toEqual({ allowed: false, reason: owner });
    expect(permission(s, 'reopenYear')).toEqual({ allowed: true, reason: '' });
    expect(permission(status({}), 'reopenYear').allowed).toBe(false);
  });
  it('reads submit rights per unit', () => {
    const s = status({}, [unit('Bình Dương', 'open', 0), unit('Tây Ninh', 'open', 0, { allowed: false, reason: 'Không phải đơn vị của bạn' } as never)]);
    expect(permission(s, 'submit', 'Tây Ninh')).toEqual({ allowed: false, reason: 'Không phải đơn vị của bạn' });
    expect(permission(s, 'submit', 'Bình Dương')).toEqual({ allowed: true, reason: '' });
  });
  it('refuses to submit an unknown or unchosen unit', () => {
    expect(permission(status({}), 'submit', 'Hà Nội').allowed).toBe(false);
    expect(permission(status({}), 'submit').reason).toBe('Chọn một đơn vị.');
  });
  it('refuses to return a table that was not submitted, with why', () => {
    const s = status({ returnSubmission: { allowed: true } });
    expect(permission(s, 'returnSubmission', 'Tây Ninh')).toEqual({ allowed: false, reason: 'Tây Ninh chưa nộp bảng tự chấm: chưa có gì để trả lại.' });
    expect(permission(s, 'returnSubmission', 'Bình Dương')).toEqual({ allowed: true, reason: '' });
  });
  it('refuses to reopen a table that is open', () => {
    const s = status({ reopen: { allowed: true } });
    expect(permission(s, 'reopen', 'Tây Ninh').allowed).toBe(false);
    expect(permission(s, 'reopen', 'Bình Dương').allowed).toBe(true);
  });
  it('refuses an action the server did not mention', () => {
    const s = status({});
    delete (s.can as Partial<Status['can']>).closeYear;
    expect(permission(s, 'closeYear')).toEqual({ allowed: false, reason: 'Bạn không có quyền làm thao tác này.' });
  });
  it('refuses while the status is not loaded', () => {
    expect(permission(null, 'recompute')).toEqual({ allowed: false, reason: 'Đang tải…' });
  });
  it('gives a reason even when the server gave none', () => {
    expect(permission(status({ reopen: { allowed: false } }), 'reopen').reason).toBe('Bạn không có quyền làm thao tác này.');
  });
});

describe('whoLabel', () => {
  it('joins the server’s role labels', () => {
    const s = status({});
    s.user.roleLabels = ['Cụm trưởng', 'Đầu mối Đồng Nai'];
    expect(whoLabel(s)).toBe('Cụm trưởng · Đầu mối Đồng Nai');
  });
  it('says "Người xem" for someone with no role', () => {
    const s = status({});
    s.user.roleLabels = [];
    expect(whoLabel(s)).toBe('Người xem');
  });
});

describe('isFocalOnly', () => {
  it('is true for a unit’s focal officer and false for the cụm trưởng', () => {
    const s = status({});
    expect(isFocalOnly(s)).toBe(true);
    s.user.roles = ['leader', 'unit'];
    expect(isFocalOnly(s)).toBe(false);
  });
});

describe('statusSummary', () => {
  it('counts units, submissions and errors', () => {
    expect(statusSummary(status({}))).toEqual({ total: 2, submitted: 1, incomplete: 1, errors: 5 });
  });
  it('does not count a unit that never submitted as submitted once the year is closed', () => {
    const closed = (u: UnitStatus): UnitStatus => ({ ...u, status: 'closed' });
    const s = status({}, [closed(unit('Bình Dương', 'submitted', 0)), closed(unit('Tây Ninh', 'open', 0))]);
    expect(statusSummary({ ...s, closed: true })).toEqual({ total: 2, submitted: 1, incomplete: 1, errors: 0 });
  });
});

describe('problemGroups', () => {
  const list = [
    { sheet: 'Tây Ninh', a1: 'G12', message: 'a' },
    { sheet: 'Cấu hình', a1: 'H7', message: 'b', severity: 'warning' as const },
    { sheet: 'Tây Ninh', a1: 'G9', message: 'c', severity: 'error' as const },
  ];
  it('groups by sheet in first-seen order, cells in reading order, counting errors', () => {
    expect(problemGroups(list)).toEqual([
      { sheet: 'Tây Ninh', problems: [list[2], list[0]], errors: 2 },
      { sheet: 'Cấu hình', problems: [list[1]], errors: 0 },
    ]);
  });
  it('can keep errors only', () => {
    expect(problemGroups(list, true).map((g) => g.sheet)).toEqual(['Tây Ninh']);
  });
  it('returns no group for no problem', () => {
    expect(problemGroups([])).toEqual([]);
  });
});

describe('parseUnitsText', () => {
  it('reads short name, full name and e-mails from each line', () => {
    expect(parseUnitsText('Bình Dương | VKSND tỉnh Bình Dương | A@x.vn, b@x.vn; c@x.vn').units).toEqual([
      { shortName: 'Bình Dương', name: 'VKSND tỉnh Bình Dương', emails: ['a@x.vn', 'b@x.vn', 'c@x.vn'] },
    ]);
  });
  it('uses the short name as the full name when none is given, and skips blank lines', () => {
    expect(parseUnitsText('\n  Tây   Ninh  \n\n').units).toEqual([{ shortName: 'Tây Ninh', name: 'Tây Ninh', emails: [] }]);
  });
  // The name is quoted as cleaned (NFC), as the server's check cleans it: it was quoted as typed.
  it('refuses a duplicate unit, whatever the case, diacritics or Unicode form', () => {
    const nfd = 'Bình Dương'.normalize('NFD');
    expect(parseUnitsText(`Bình Dương\n${nfd.toUpperCase()}\nBINH DUONG`).errors).toEqual([
      'Dòng 2 của danh sách đơn vị: “BÌNH DƯƠNG” đã có ở dòng trên',
      'Dòng 3 của danh sách đơn vị: “BINH DUONG” đã có ở dòng trên',
    ]);
  });
  it('refuses a short name Sheets cannot take as a tab name, or an add-on tab\'s name, naming the line', () => {
    expect(parseUnitsText('A/B\n\nTổng hợp').errors).toEqual([
      'Dòng 1 của danh sách đơn vị: tên viết tắt “A/B” không dùng làm tên trang được: không chứa các ký tự [ ] * ? : / \\, không bắt đầu bằng dấu \' và dài không quá 90 ký tự',
      'Dòng 3 của danh sách đơn vị: tên viết tắt “Tổng hợp” trùng tên một trang của add-on: đặt tên khác',
    ]);
  });
  it('names the line of a bad e-mail and of a missing short name', () => {
    expect(parseUnitsText('A | B | not-mail\n | Tên | x@y.vn').errors).toEqual([
      'Dòng 1 của danh sách đơn vị: “not-mail” không phải là e-mail',
      'Dòng 2 của danh sách đơn vị: thiếu tên viết tắt',
    ]);
  });
});

describe('isEmail', () => {
  it('accepts plain addresses and refuses others', () => {
    expect(isEmail('vanphong@binhduong.example.com')).toBe(true);
    expect(isEmail('no-at.example.com')).toBe(false);
    expect(isEmail('a@b')).toBe(false);
  });
});

describe('parseSetupForm', () => {
  const good: SetupFields = {
    clusterName: '  Cụm thi đua   số 9 ',
    year: '2021',
    units: 'Bình Dương | VKSND tỉnh Bình Dương | a@x.vn\nĐồng Nai',
    leader: 'Đồng Nai',
    deputy: 'Bình Dương',
    team: 'kt1@x.vn, kt2@x.vn',
    criteria: 'sample',
  };
  it('builds the set-up input from a good form', () => {
    expect(parseSetupForm(good)).toEqual({
      input: {
        clusterName: 'Cụm thi đua số 9',
        year: 2021,
        units: [
          { shortName: 'Bình Dương', name: 'VKSND tỉnh Bình Dương', emails: ['a@x.vn'] },
          { shortName: 'Đồng Nai', name: 'Đồng Nai', emails: [] },
        ],
        leader: 'Đồng Nai',
        deputy: 'Bình Dương',
        crossCheckTeam: ['kt1@x.vn', 'kt2@x.vn'],
        criteria: 'sample',
      },
      errors: [],
    });
  });
  it('lists every mistake at once and builds nothing', () => {
    const out = parseSetupForm({ clusterName: '', year: '21', units: '', leader: '', deputy: '', team: 'bad', criteria: 'sheet' });
    expect(out.input).toBeNull();
    expect(out.errors).toEqual([
      'Chưa nhập tên cụm.',
      'Năm “21” không hợp lệ: nhập 4 chữ số, ví dụ 2025.',
      'Chưa có đơn vị nào: mỗi dòng một đơn vị.',
      'Chưa chọn cụm trưởng.',
      'Đoàn kiểm tra chéo: “bad” không phải là e-mail',
    ]);
  });
  it('refuses the same unit as leader and deputy', () => {
    expect(parseSetupForm({ ...good, deputy: 'Đồng Nai' }).errors).toEqual(['Cụm trưởng và cụm phó phải là hai đơn vị khác nhau.']);
  });
  it('refuses a year outside 1900..2200', () => {
    expect(parseSetupForm({ ...good, year: '1800' }).errors).toEqual(['Năm “1800” không hợp lệ: nhập 4 chữ số, ví dụ 2025.']);
  });
});

/** Names people type, tidy and not: case, diacritics, NFD, spaces, tab-name characters, add-on tabs, blanks. */
const NAMES = ['Bình Dương', 'BINH DUONG', 'Bình Dương'.normalize('NFD'), '  Tây   Ninh ', 'Đồng Nai', 'A/B', "'Nhóm", 'Tổng hợp', 'x'.repeat(91), ''];
const GOOD_NAMES = ['Bình Dương', 'Tây Ninh', 'Đồng Nai', 'Bình Phước'];
const EMAILS = ['a@x.vn', 'A@X.VN', 'kt@', 'bad', 'b@y.example.com', ''];
/** Mostly tidy (so that many forms pass), sometimes anything from the list. */
const mostly = <T>(good: readonly T[], any: readonly T[]) => fc.oneof({ arbitrary: fc.constantFrom(...good), weight: 4 }, { arbitrary: fc.constantFrom(...any), weight: 1 });
const setupForms = fc
  .record({
    clusterName: mostly(['Cụm thi đua số 9', '  Cụm   4 '], ['', ' ']),
    year: mostly(['2021', ' 2025 '], ['21', '1800', 'năm']),
    units: fc.array(
      fc.record({
        shortName: mostly(GOOD_NAMES, NAMES),
        name: fc.constantFrom('', 'VKSND tỉnh X'),
        emails: fc.array(mostly(['a@x.vn', 'A@X.VN', 'b@y.example.com'], EMAILS), { maxLength: 3 }),
      }),
      { maxLength: 5 },
    ),
    crossCheckTeam: fc.array(mostly(['kt1@example.com', 'KT1@example.com'], EMAILS), { maxLength: 3 }),
    criteria: fc.constantFrom('sample' as const, 'sheet' as const),
  })
  .chain((form) => {
    const typed = form.units.map((u) => u.shortName);
    const pick = typed.length > 0 ? mostly(typed, [...NAMES, 'Không có']) : fc.constantFrom(...NAMES);
    return fc.record({ leader: pick, deputy: fc.oneof(fc.constant(''), pick) }).map((roles) => ({ ...form, ...roles }));
  });

describe('the set-up form: the sidebar and the server give the same verdicts', () => {
  it('refuse the same forms with the same messages, and accept the same cleaned form', () => {
    fc.assert(
      fc.property(setupForms, (raw) => {
        // The sidebar's fields, typed from the same data the server is posted.
        const fields: SetupFields = {
          clusterName: raw.clusterName, year: raw.year, leader: raw.leader, deputy: raw.deputy, criteria: raw.criteria,
          units: raw.units.map((u) => `${u.shortName} | ${u.name} | ${u.emails.join(', ')}`).join('\n'),
          team: raw.crossCheckTeam.join('\n'),
        };
        const client = parseSetupForm(fields);
        const server = checkSetupForm(raw);
        expect(client.errors).toEqual(server.problems);
        expect(client.input).toEqual(server.form);
        // What the sidebar accepts and posts, the server accepts as it is.
        if (client.input) {
          expect(configFromForm(client.input).problems).toEqual([]);
          expect(checkSetupForm(client.input).form).toEqual(client.input);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseBallotForm', () => {
  const good = { titleId: 'co-thi-dua', issued: '6', returned: '6', valid: '5', invalid: '1', votes: { 'Đồng Nai': '5', 'Bình Dương': '' } };
  it('builds the ballot, leaving out blank votes', () => {
    expect(parseBallotForm(good)).toEqual({
      input: { titleId: 'co-thi-dua', counts: { issued: 6, returned: 6, valid: 5, invalid: 1, votes: { 'Đồng Nai': 5 } } },
      errors: [],
    });
  });
  it('refuses counts that are not whole non-negative numbers', () => {
    expect(parseBallotForm({ ...good, issued: '-1', valid: '4,5' }).errors).toEqual([
      'Số phiếu phát ra: nhập số nguyên không âm.',
      'Phiếu hợp lệ: nhập số nguyên không âm.',
    ]);
  });
  it('refuses more ballots returned than issued', () => {
    expect(parseBallotForm({ ...good, issued: '5' }).errors).toEqual(['Số phiếu thu về lớn hơn số phát ra.']);
  });
  it('refuses valid plus invalid that differ from returned', () => {
    expect(parseBallotForm({ ...good, invalid: '0' }).errors).toEqual(['Phiếu hợp lệ cộng không hợp lệ phải bằng số phiếu thu về.']);
  });
  it('refuses more votes than valid ballots', () => {
    expect(parseBallotForm({ ...good, votes: { 'Đồng Nai': '6' } }).errors).toEqual(['Đồng Nai: số phiếu đồng ý lớn hơn số phiếu hợp lệ.']);
  });
  it('refuses a missing title', () => {
    expect(parseBallotForm({ ...good, titleId: ' ' }).input).toBeNull();
  });
});
