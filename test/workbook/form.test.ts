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
      'Tên cụm: chưa nhập',
      'Năm: "25" không phải là năm (ví dụ 2025)',
      'Đơn vị dòng 1: "not-mail" không phải là địa chỉ e-mail',
      'Đơn vị dòng 2: "a" bị nhập hai lần',
      'Đơn vị dòng 3: thiếu tên ngắn',
      'Cụm trưởng: "B" không có trong danh sách đơn vị',
      'Đoàn kiểm tra chéo: "kt@" không phải là địa chỉ e-mail',
      'Bảng tiêu chí: chọn "mẫu" hoặc "theo trang Tiêu chí"',
    ]);
  });

  it('refuses the same unit as leader and deputy, and an empty unit list', () => {
    expect(configFromForm({ ...good, deputy: 'phu tho' }).problems).toEqual(['Cụm phó phải là đơn vị khác cụm trưởng']);
    expect(configFromForm({ ...good, units: [], leader: '', deputy: '' }).problems).toEqual(['Đơn vị: cần ít nhất một đơn vị', 'Cụm trưởng: chưa nhập']);
  });

  it('does not trust the shape of what the client sent', () => {
    expect(configFromForm(null).config).toBeNull();
    expect(configFromForm({ units: 'x', year: {} }).problems).toContain('Đơn vị: cần ít nhất một đơn vị');
  });
});
