/**
 * The message after Nộp bảng tự chấm says what really happened: Apps Script never lets a person
 * take their own right away, so a focal officer's own column stays editable until the next
 * execution by someone else — the message says so instead of "locked"; the cụm trưởng submitting
 * for a unit locks it at once and is told plainly.
 */
import { describe, expect, it } from 'vitest';
import { submit } from '../../src/app/submission';
import { workbookText } from '../../src/i18n/workbook';
import { filledYear } from './steps';
import { LEADER, focal, newWorld } from './world';

const A = workbookText.actions;
const DN = 'Đồng Nai';

describe('the message after submitting', () => {
  it.each(['consumer', 'workspace'] as const)('a focal officer (%s accounts) is told the column locks at the next execution', (accounts) => {
    const g = newWorld({ accounts });
    filledYear(g);
    const r = g.asUser(focal(DN), () => submit(DN));
    expect(r.ok, r.message).toBe(true);
    expect(r.message).toBe(A.submitDonePending(DN));
    expect(r.message).toContain('sẽ khóa');
  });

  it('the cụm trưởng submitting for a unit is told it is submitted, nothing pending', () => {
    const g = newWorld();
    filledYear(g);
    const r = g.asUser(LEADER, () => submit(DN));
    expect(r.ok, r.message).toBe(true);
    expect(r.message).toBe(A.submitDone(DN));
  });
});
