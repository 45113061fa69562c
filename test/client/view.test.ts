import { describe, expect, it } from 'vitest';
import type { StatusDto } from '../../src/client/contract';
import { isEmail, parseBallotForm, parseSetupForm, parseUnitsText, permission, problemGroups, roleLabel, statusSummary, type SetupFields } from '../../src/client/view';

function status(permissions: StatusDto['permissions']): StatusDto {
  return {
    setUp: true,
    user: { email: 'a@x.vn', role: 'focal', unitId: 'Bình Dương' },
    units: [
      { unitId: 'Bình Dương', name: 'Bình Dương', filledPercent: 50, errorCount: 2, submitted: true },
      { unitId: 'Tây Ninh', name: 'Tây Ninh', filledPercent: 10, errorCount: 3, submitted: false },
    ],
    permissions,
  };
}

describe('permission', () => {
  it('allows what the server allows, with no reason', () => {
    expect(permission(status({ recompute: { allowed: true } }), 'recompute')).toEqual({ allowed: true, reason: '' });
  });
  it('refuses with the server’s reason', () => {
    expect(permission(status({ recompute: { allowed: false, reason: 'Chỉ cụm trưởng' } }), 'recompute')).toEqual({ allowed: false, reason: 'Chỉ cụm trưởng' });
  });
  it('uses the per-unit answer when there is one', () => {
    const s = status({ submit: { allowed: true, units: { 'Tây Ninh': { allowed: false, reason: 'Không phải đơn vị của bạn' } } } });
    expect(permission(s, 'submit', 'Tây Ninh')).toEqual({ allowed: false, reason: 'Không phải đơn vị của bạn' });
    expect(permission(s, 'submit', 'Bình Dương')).toEqual({ allowed: true, reason: '' });
  });
  it('refuses an action the server did not mention', () => {
    expect(permission(status({}), 'closeYear').allowed).toBe(false);
  });
  it('refuses while the status is not loaded', () => {
    expect(permission(null, 'recompute')).toEqual({ allowed: false, reason: 'Đang tải…' });
  });
  it('gives a reason even when the server gave none', () => {
    expect(permission(status({ reopen: { allowed: false } }), 'reopen').reason).toBe('Bạn không có quyền làm thao tác này.');
  });
});

describe('roleLabel', () => {
  it('names the known roles in Vietnamese and keeps unknown ones', () => {
    expect(roleLabel('leader')).toBe('Cụm trưởng');
    expect(roleLabel('crossCheck')).toBe('Đoàn kiểm tra chéo');
    expect(roleLabel('mystery')).toBe('mystery');
  });
});

describe('statusSummary', () => {
  it('counts units, submissions and errors', () => {
    expect(statusSummary(status({}))).toEqual({ total: 2, submitted: 1, errors: 5 });
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
  it('refuses a duplicate unit, whatever the case or Unicode form', () => {
    const nfd = 'Bình Dương'.normalize('NFD');
    expect(parseUnitsText(`Bình Dương\n${nfd.toUpperCase()}`).errors).toEqual([`Dòng 2 của danh sách đơn vị: “${nfd.toUpperCase()}” đã có ở dòng trên`]);
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

describe('parseBallotForm', () => {
  const good = { titleId: 'co-thi-dua', issued: '6', returned: '6', valid: '5', invalid: '1', votes: { 'Đồng Nai': '5', 'Bình Dương': '' } };
  it('builds the ballot, leaving out blank votes', () => {
    expect(parseBallotForm(good)).toEqual({
      input: { titleId: 'co-thi-dua', issued: 6, returned: 6, valid: 5, invalid: 1, votes: { 'Đồng Nai': 5 } },
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
