import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../src/core/rules';
import { configFromForm, type SetupForm } from '../../src/workbook/form';

const good: SetupForm = {
  clusterName: 'Cụm thi đua số 4',
  year: 2025,
  units: [
    { shortName: 'Phú Thọ', name: 'VKSND tỉnh Phú Thọ', emails: ['vp@phutho.example.com'] },
    { shortName: 'Bắc Giang', name: 'VKSND tỉnh Bắc Giang', emails: ['VP@BacGiang.example.com', 'tdkt@bacgiang.example.com'] },
    { shortName: 'Yên Bái', name: '', emails: [] },
  ],
  leader: 'Phú Thọ',
  deputy: 'Bắc Giang',
  crossCheckTeam: ['kt1@example.com'],
  criteria: 'sample',
};

describe('configFromForm', () => {
  it('builds a config with the default rules of the year and the sample criteria table', () => {
    const { config, problems } = configFromForm(good);
    expect(problems).toEqual([]);
    expect(config?.cluster).toEqual({ name: 'Cụm thi đua số 4', year: 2025, leaderUnitId: 'Phú Thọ', deputyUnitId: 'Bắc Giang' });
    expect(config?.rules).toEqual(defaultRules(2025));
    expect(config?.criteria?.rows.length).toBeGreaterThan(10);
    expect(config?.crossCheckTeam).toEqual([{ email: 'kt1@example.com' }]);
  });

  it('lower-cases e-mails, names a unit by its short name when the full name is blank, and gives heads a default title', () => {
    const units = configFromForm(good).config!.units;
    expect(units[1]!.focalEmails).toEqual(['vp@bacgiang.example.com', 'tdkt@bacgiang.example.com']);
    expect(units[2]).toMatchObject({ id: 'Yên Bái', name: 'Yên Bái', headTitle: 'Viện trưởng', focalEmails: [] });
  });

  it('leaves the criteria out when the form says to use the Tiêu chí tab', () => {
    expect(configFromForm({ ...good, criteria: 'sheet' }).config?.criteria).toBeUndefined();
  });

  it('accepts a form without a deputy', () => {
    expect(configFromForm({ ...good, deputy: '' }).config?.cluster.deputyUnitId).toBe('');
  });

  // The messages are the sidebar's own (one check, src/workbook/setupCheck.ts); they used to differ.
  it('names every wrong field, in Vietnamese', () => {
    const { config, problems } = configFromForm({
      clusterName: ' ',
      year: 25,
      units: [{ shortName: 'A', name: '', emails: ['not-mail'] }, { shortName: 'a', name: '', emails: [] }, { shortName: '', name: 'x', emails: [] }],
      leader: 'B',
      deputy: 'A',
      crossCheckTeam: ['kt@'],
      criteria: 'other',
    });
    expect(config).toBeNull();
    expect(problems).toEqual([
      'Chưa nhập tên cụm.',
      'Năm “25” không hợp lệ: nhập 4 chữ số, ví dụ 2025.',
      'Dòng 1 của danh sách đơn vị: “not-mail” không phải là e-mail',
      'Dòng 2 của danh sách đơn vị: “a” đã có ở dòng trên',
      'Dòng 3 của danh sách đơn vị: thiếu tên viết tắt',
      'Cụm trưởng “B” không có trong danh sách đơn vị.',
      'Đoàn kiểm tra chéo: “kt@” không phải là e-mail',
      'Bảng tiêu chí: chọn “Bảng mẫu 100 điểm” hoặc “Bảng đã có trong trang Tiêu chí”.',
    ]);
  });

  it('refuses the same unit as leader and deputy, and an empty unit list', () => {
    expect(configFromForm({ ...good, deputy: 'phu tho' }).problems).toEqual(['Cụm trưởng và cụm phó phải là hai đơn vị khác nhau.']);
    expect(configFromForm({ ...good, units: [], leader: '', deputy: '' }).problems).toEqual(['Chưa có đơn vị nào: mỗi dòng một đơn vị.', 'Chưa chọn cụm trưởng.']);
  });

  it('refuses what Cấu hình would refuse: a short name Sheets cannot take as a tab name, an add-on tab, a repeat without diacritics', () => {
    const units = [...good.units, { shortName: 'A:B', name: '', emails: [] }, { shortName: 'nhat ky', name: '', emails: [] }, { shortName: 'PHU THO', name: '', emails: [] }];
    expect(configFromForm({ ...good, units }).problems).toEqual([
      'Dòng 4 của danh sách đơn vị: tên viết tắt “A:B” không dùng làm tên trang được: không chứa các ký tự [ ] * ? : / \\, không bắt đầu bằng dấu \' và dài không quá 90 ký tự',
      'Dòng 5 của danh sách đơn vị: tên viết tắt “nhat ky” trùng tên một trang của add-on: đặt tên khác',
      'Dòng 6 của danh sách đơn vị: “PHU THO” đã có ở dòng trên',
    ]);
  });

  it('drops repeated e-mails, whatever their case, and splits a list typed in one entry', () => {
    const units = [{ shortName: 'Phú Thọ', name: '', emails: ['VP@phutho.example.com', 'vp@phutho.example.com; b@phutho.example.com'] }];
    expect(configFromForm({ ...good, units, deputy: '', crossCheckTeam: ['kt@x.vn', 'KT@x.vn'] }).config).toMatchObject({
      units: [{ focalEmails: ['vp@phutho.example.com', 'b@phutho.example.com'] }],
      crossCheckTeam: [{ email: 'kt@x.vn' }],
    });
  });

  it('does not trust the shape of what the client sent', () => {
    expect(configFromForm(null).config).toBeNull();
    expect(configFromForm({ units: 'x', year: {} }).problems).toContain('Chưa có đơn vị nào: mỗi dòng một đơn vị.');
  });
});
