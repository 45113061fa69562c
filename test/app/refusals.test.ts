/**
 * An edit the owner's trigger takes back is said where it happens: a note on the cell (the person
 * who typed sees it there), the panel's next status (red, for that person and the cụm trưởng),
 * and the values quoted as typed ("8,5", not "8.5"). A late edit Google gives no name for is kept
 * and noted on the cell too.
 */
import { describe, expect, it } from 'vitest';
import { getStatus, type StatusJson } from '../../src/app/status';
import { reopen, submit } from '../../src/app/submission';
import { FIRST, LAST, filledYear } from './steps';
import { LEADER, OWNER, focal, newWorld } from './world';

const DN = 'Đồng Nai';

function noteOf(g: ReturnType<typeof newWorld>, sheet: string, a1: string): string {
  return g.asUser(OWNER, () => g.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheet)!.getRange(a1).getNote());
}

function status(g: ReturnType<typeof newWorld>, user: string): StatusJson {
  const s = g.asUser(user, () => getStatus());
  expect(s.ok).toBe(true);
  return s as StatusJson;
}

describe('an edit taken back after submitting', () => {
  it('leaves a note on the cell and shows the refusal in the panel of the person who typed it and of the cụm trưởng', () => {
    const g = newWorld({ accounts: 'workspace' });
    filledYear(g);
    expect(g.asUser(focal(DN), () => submit(DN)).ok).toBe(true);
    // A self-score the unit typed before submitting.
    const at = g.peek(DN, `G${FIRST}:G${LAST}`).findIndex((r) => typeof r[0] === 'number' && r[0] > 0);
    const cell = `G${FIRST + at}`;
    const before = g.peek(DN, cell)[0]![0] as number;
    expect(g.userEdit(focal(DN), DN, cell, 8.5)).toMatchObject({ ok: true });
    expect(g.peek(DN, cell)[0]![0]).toBe(before);
    const note = noteOf(g, DN, cell);
    expect(note).toMatch(/^Giá trị 8,5 nhập lúc \d\d:\d\d \d\d\/\d\d\/\d{4} đã bị hoàn lại thành /);
    expect(note).toContain(`hoàn lại thành ${String(before).replace('.', ',')}: bảng tự chấm của Đồng Nai đã nộp`);
    expect(note).not.toContain('8.5');
    const mine = status(g, focal(DN)).refusals;
    expect(mine).toEqual([expect.objectContaining({ sheet: DN, a1: cell, value: '8,5', old: String(before).replace('.', ','), by: focal(DN) })]);
    expect(mine[0]!.reason).toContain('nhờ cụm trưởng trả lại hoặc mở lại bảng');
    expect(status(g, LEADER).refusals).toHaveLength(1);
    // Another unit's officer is not told about it.
    expect(status(g, focal('Tây Ninh')).refusals).toEqual([]);
  });

  it('forgets the refusal once the unit is reopened', () => {
    const g = newWorld({ accounts: 'workspace' });
    filledYear(g);
    expect(g.asUser(focal(DN), () => submit(DN)).ok).toBe(true);
    g.userEdit(focal(DN), DN, 'G8', 3);
    expect(status(g, focal(DN)).refusals).toHaveLength(1);
    expect(g.asUser(LEADER, () => reopen(DN)).ok).toBe(true);
    expect(status(g, focal(DN)).refusals).toEqual([]);
  });
});

describe('an edit Google gives no name for, through a right being taken', () => {
  it('is kept and noted on the cell', () => {
    const g = newWorld();
    filledYear(g);
    expect(g.asUser(focal(DN), () => submit(DN)).ok).toBe(true);
    expect(g.userEdit(focal(DN), DN, 'G8', 1)).toMatchObject({ ok: true });
    expect(g.peek(DN, 'G8')[0]![0]).toBe(1);
    // The status line the officer could not write says it was submitted once the owner's trigger ran.
    expect(g.peek(DN, 'B3')[0]![0]).toMatch(/^Đã nộp lúc /);
    expect(noteOf(g, DN, 'G8')).toMatch(/^Ô này được sửa lúc .*, sau khi bảng đã nộp hoặc năm đã chốt: giá trị được giữ nhưng cần cụm trưởng kiểm tra/);
    expect(status(g, focal(DN)).refusals).toEqual([]);
    // The unit's officers and the cụm trưởng see it in the panel; other units do not.
    expect(status(g, focal(DN)).lateEdits).toEqual([expect.objectContaining({ sheet: DN, a1: 'G8' })]);
    expect(status(g, LEADER).lateEdits).toHaveLength(1);
    expect(status(g, focal('Tây Ninh')).lateEdits).toEqual([]);
  });
});

describe('the panel’s one call', () => {
  it('carries the time it was computed and the very problems it counts', () => {
    const g = newWorld();
    filledYear(g);
    g.userEdit(focal(DN), DN, 'G10', 'abc');
    const s = status(g, LEADER);
    expect(Date.parse(s.at)).not.toBeNaN();
    expect(s.problemList.filter((p) => p.severity === 'error')).toHaveLength(s.problems.errors);
    expect(s.problemList.filter((p) => p.severity === 'warning')).toHaveLength(s.problems.warnings);
    expect(s.problemList.some((p) => p.sheet === DN && p.a1 === 'G10')).toBe(true);
  });

  it('names the owner of a blank sheet as such, not as a viewer', () => {
    const g = newWorld();
    const s = status(g, OWNER);
    expect(s.setUp).toBe(false);
    expect(s.user.roleLabels).toEqual(['Chủ sở hữu bảng tính']);
    expect(status(g, LEADER).user.roleLabels).toEqual([]);
  });
});
