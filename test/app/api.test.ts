/**
 * The sidebar's API: plain JSON only (what google.script.run can carry), the status per unit
 * with what the current user may do and why not, the problems with their cells, one unit's
 * explanation, and selecting a cell.
 */
import { describe, expect, it } from 'vitest';
import { api, setupSampleYear } from '../../src/server/api';
import { filledYear, setUp } from './steps';
import { LEADER, OUTSIDER, OWNER, focal, newWorld } from './world';

/** JSON round trip: what reaches the browser. Fails on Date, functions, undefined in arrays. */
function overTheWire<T>(value: T): T {
  const seen = JSON.parse(JSON.stringify(value)) as T;
  const walk = (v: unknown): void => {
    if (v instanceof Date) throw new Error('a Date would not cross google.script.run');
    if (typeof v === 'function') throw new Error('a function would not cross');
    if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return seen;
}

describe('the sidebar API', () => {
  it('lists every workbook function the sidebar may call', () => {
    expect(Object.keys(api)).toEqual(expect.arrayContaining([
      'closeYear', 'copyToNewYear', 'explainUnit', 'getProblems', 'getResults', 'getStatus', 'recompute', 'reopen',
      'returnSubmission', 'saveBallot', 'selectCell', 'setupSampleYear', 'setupYear', 'submit',
    ]));
    for (const fn of Object.values(api)) expect(typeof fn).toBe('function');
  });

  it('says the year is not set up, and that set-up is the one thing to do', () => {
    const g = newWorld();
    const s = g.asUser(OWNER, () => api.getStatus());
    expect(overTheWire(s)).toMatchObject({ ok: true, setUp: false, can: { setupYear: { allowed: true }, recompute: { allowed: false, reason: 'Chưa khởi tạo năm thi đua: chọn Thi đua → Khởi tạo năm thi đua' } } });
  });

  it('sets up the sample year from the API', () => {
    const g = newWorld();
    expect(g.asUser(OWNER, () => setupSampleYear(2021))).toMatchObject({ ok: true });
    expect(g.shared.spreadsheet.sheets.map((s) => s.name)).toContain('Tây Ninh');
  });

  it('gives each unit its progress, errors and state, and a unit officer what they may do', () => {
    const g = newWorld();
    setUp(g);
    g.userEdit(focal('Tây Ninh'), 'Tây Ninh', 'G10', 4);
    g.userEdit(focal('Tây Ninh'), 'Tây Ninh', 'G14', 'x');
    const s = overTheWire(g.asUser(focal('Tây Ninh'), () => api.getStatus()));
    if (!('units' in s)) throw new Error('no status');
    const tn = s.units.find((u) => u.id === 'Tây Ninh')!;
    expect(tn).toMatchObject({ sheet: 'Tây Ninh', filled: 1, errors: 1, status: 'open', canEdit: true, canSubmit: { allowed: false } });
    expect(tn.percentFilled).toBe(Math.floor((1 / tn.required) * 100));
    expect(tn.lastEdit).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(s.user).toEqual({ email: focal('Tây Ninh'), roles: ['unit'], roleLabels: ['Đầu mối đơn vị Tây Ninh'], unitIds: ['Tây Ninh'] });
    expect(s.can.recompute).toEqual({ allowed: false, reason: 'Chỉ cụm trưởng (hoặc chủ sở hữu bảng tính) làm được việc này' });
    expect(s.units.find((u) => u.id === 'Đồng Nai')).toMatchObject({ canEdit: false, canSubmit: { allowed: false, reason: 'Chỉ đầu mối của đơn vị "Đồng Nai" hoặc cụm trưởng nộp được bảng này' } });
  });

  it('lets the cụm trưởng do the year, and no one else', () => {
    const g = newWorld();
    filledYear(g);
    const leader = g.asUser(LEADER, () => api.getStatus());
    const outsider = g.asUser(OUTSIDER, () => api.getStatus());
    if (!('can' in leader) || !('can' in outsider)) throw new Error('no status');
    expect(leader.can.recompute.allowed && leader.can.closeYear.allowed && leader.can.saveBallot.allowed).toBe(true);
    expect(leader.can.copyToNewYear).toEqual({ allowed: false, reason: 'Năm 2021 chưa chốt kết quả: chốt trước khi sao sang năm mới' });
    expect(outsider.user.roles).toEqual(['viewer']);
    expect(Object.values(outsider.can).some((p) => p.allowed)).toBe(false);
    expect(g.asUser(OUTSIDER, () => api.recompute())).toMatchObject({ ok: false, message: 'Chỉ cụm trưởng (hoặc chủ sở hữu bảng tính) làm được việc này' });
  });

  it('gives results as JSON with ISO times', () => {
    const g = newWorld();
    filledYear(g);
    const r = overTheWire(g.asUser(LEADER, () => api.getResults()));
    if (!('units' in r)) throw new Error(r.message);
    expect(r.units).toHaveLength(6);
    expect(r.units[0]).toMatchObject({ rank: 1, unitId: 'Đồng Nai', eligible: true });
    expect(r.computedAt).toMatch(/Z$/);
  });

  it('gives each problem with the sheet and cell to select', () => {
    const g = newWorld();
    filledYear(g);
    g.userEdit(focal('Đồng Nai'), 'Đồng Nai', 'G10', 9);
    const p = overTheWire(g.asUser(LEADER, () => api.getProblems()));
    if (!('problems' in p) || !p.ok) throw new Error('no problems');
    expect(p.problems).toContainEqual({
      sheet: 'Đồng Nai', a1: 'G10', message: 'Điểm tự chấm 9 vượt điểm chuẩn 5', severity: 'error', unitId: 'Đồng Nai', code: 'I.1.4',
      text: 'Trang "Đồng Nai", ô G10: Điểm tự chấm 9 vượt điểm chuẩn 5',
    });
    expect(g.asUser(LEADER, () => api.selectCell('Đồng Nai', 'G10'))).toMatchObject({ ok: true });
    expect(g.sheetsContext.selection.rect).toMatchObject({ r1: 10, c1: 7 });
  });

  it('refuses to select a cell of a tab that does not exist', () => {
    const g = newWorld();
    setUp(g);
    expect(g.asUser(LEADER, () => api.selectCell('Không có', 'A1'))).toMatchObject({ ok: false, message: 'Thiếu trang "Không có": chạy "Khởi tạo năm thi đua" để tạo lại' });
  });

  it('explains which rows of a unit gave and took points', () => {
    const g = newWorld();
    filledYear(g);
    const e = overTheWire(g.asUser(LEADER, () => api.explainUnit('Bình Phước')));
    if (!('rows' in e)) throw new Error(e.message);
    expect(e.rows).toHaveLength(39);
    expect(e.took[0]).toBe('VIII.1');
    expect(e.rows.find((r) => r.code === 'VIII.1')).toMatchObject({ violated: true, sheet: 'Bình Phước', a1: 'A42' });
    const sum = e.rows.filter((r) => r.kind !== 'group' && r.points !== null).reduce((n, r) => n + r.points!, 0);
    expect(Math.round(sum * 100) / 100).toBe(e.total);
  });

  it('refuses to explain a unit that is not a member', () => {
    const g = newWorld();
    setUp(g);
    expect(g.asUser(LEADER, () => api.explainUnit('Hà Nội'))).toMatchObject({ ok: false, message: 'Không có đơn vị "Hà Nội"' });
  });
});

describe('a set-up config from a form', () => {
  it('tolerates missing fields, reporting what the sheet then lacks', () => {
    const g = newWorld();
    const config = {
      cluster: { name: 'Cụm thử', year: 2022, leaderUnitId: 'A', deputyUnitId: '' },
      units: [{ id: 'A', focalEmails: [OWNER] }, { id: 'B', focalEmails: ['khong-phai-email'] }],
      crossCheckTeam: [],
      rules: { classificationBands: [], titles: [] },
      criteria: { name: 'Bảng', rows: [{ code: 'I', content: 'Một', kind: 'qualitative', maxPoints: 10 }] },
    };
    const r = g.asUser(OWNER, () => api.setupYear(config as never));
    expect(r.ok, r.message).toBe(true);
    expect(r.problems.map((p) => p.text)).toContain('Trang "Cấu hình", ô H6: Đơn vị "B" chưa có e-mail đầu mối: chưa ai của đơn vị nhập điểm được');
    expect(g.shared.spreadsheet.sheets.map((s) => s.name)).toContain('B');
  });
});
