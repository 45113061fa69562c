/** Setting up a year from the sidebar's form, and sharing the file with the people it names. */
import { describe, expect, it } from 'vitest';
import { setupFromForm } from '../../src/app/setupForm';
import { shareWithMembers } from '../../src/app/share';
import type { SetupForm } from '../../src/workbook/form';
import { createFakeGoogle } from '../fakes/google';
import { OWNER, plug } from './world';

const form: SetupForm = {
  clusterName: 'Cụm thi đua số 4',
  year: 2025,
  units: [
    { shortName: 'Phú Thọ', name: 'VKSND tỉnh Phú Thọ', emails: ['vp@phutho.example.com'] },
    { shortName: 'Bắc Giang', name: 'VKSND tỉnh Bắc Giang', emails: ['vp@bacgiang.example.com'] },
  ],
  leader: 'Phú Thọ',
  deputy: 'Bắc Giang',
  crossCheckTeam: ['kt1@example.com'],
  criteria: 'sample',
};

function freshSheet() {
  const g = createFakeGoogle({ owner: OWNER });
  plug(g);
  return g;
}

describe('setupFromForm', () => {
  it('sets up the year: Cấu hình, Tiêu chí and one tab per unit', () => {
    const g = freshSheet();
    const r = g.asUser(OWNER, () => setupFromForm(form));
    expect(r.ok, r.message).toBe(true);
    const names = g.shared.spreadsheet.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Cấu hình', 'Tiêu chí', 'Phú Thọ', 'Bắc Giang', 'Tổng hợp', 'Bình xét', 'Nhật ký']));
  });

  it('shares the file with every focal officer and the cross-check team, so they can type in their own areas', () => {
    const g = freshSheet();
    expect(g.userEdit('vp@bacgiang.example.com', 'Trang tính1', 'A1', 'x').ok).toBe(false);
    g.asUser(OWNER, () => setupFromForm(form));
    expect(g.shared.spreadsheet.editors).toEqual(expect.arrayContaining(['vp@phutho.example.com', 'vp@bacgiang.example.com', 'kt1@example.com']));
    // Bắc Giang's self-score of the first scored row: allowed on its own tab, refused on Phú Thọ's.
    const grid = g.peek('Bắc Giang');
    const row = grid.findIndex((line, i) => i >= 4 && line[3] !== '' && line[2] !== 'Nhóm') + 1;
    expect(g.userEdit('vp@bacgiang.example.com', 'Bắc Giang', `G${row}`, 1).ok).toBe(true);
    expect(g.userEdit('vp@bacgiang.example.com', 'Phú Thọ', `G${row}`, 1).ok).toBe(false);
  });

  it('shares the file before protecting it, so the newly shared cannot edit the cụm trưởng\'s or the owner\'s tabs', () => {
    const g = freshSheet();
    g.asUser(OWNER, () => setupFromForm(form));
    for (const person of ['vp@bacgiang.example.com', 'kt1@example.com']) {
      for (const tab of ['Cấu hình', 'Tiêu chí', 'Tổng hợp', 'Bình xét', 'Nhật ký']) {
        expect(g.userEdit(person, tab, 'A2', 'x').ok, `${person} on ${tab}`).toBe(false);
      }
    }
  });

  it('refuses a bad form naming each field, and writes nothing', () => {
    const g = freshSheet();
    const before = JSON.stringify(g.serialize().spreadsheet.sheets);
    const r = g.asUser(OWNER, () => setupFromForm({ ...form, leader: 'Hà Giang', crossCheckTeam: ['kt@'] }));
    expect(r.ok).toBe(false);
    expect(r.message).toBe('Biểu mẫu khởi tạo chưa đúng — Cụm trưởng “Hà Giang” không có trong danh sách đơn vị; Đoàn kiểm tra chéo: “kt@” không phải là e-mail');
    expect(JSON.stringify(g.serialize().spreadsheet.sheets)).toBe(before);
  });
});

describe('shareWithMembers', () => {
  it('adds only those who are not editors yet, in one call', () => {
    const added: string[][] = [];
    const fake = {
      fileEditorEmails: () => ['a@x.vn'],
      addFileEditors: (emails: readonly string[]) => {
        added.push([...emails]);
      },
    };
    expect(shareWithMembers(fake as never, ['a@x.vn', 'b@x.vn', 'c@x.vn'])).toEqual([]);
    expect(added).toEqual([['b@x.vn', 'c@x.vn']]);
  });

  it('turns a refusal into a warning telling the clerk to use the Share button', () => {
    const fake = { fileEditorEmails: () => [], addFileEditors: () => { throw new Error('Access denied'); } };
    const problems = shareWithMembers(fake as never, ['b@x.vn']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ sheet: 'Cấu hình', severity: 'warning' });
    expect(problems[0]!.message).toContain('Chia sẻ');
  });
});
