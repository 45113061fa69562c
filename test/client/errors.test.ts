import { describe, expect, it } from 'vitest';
import { ActionFailed, checkOutcome, errorText, explainError } from '../../src/client/errors';

describe('explainError', () => {
  it('translates the 6-minute limit and says the work can continue', () => {
    const e = explainError(new Error('Exceeded maximum execution time'));
    expect(e.message).toBe('Thao tác chạy quá 6 phút nên Google đã dừng lại.');
    expect(e.next).toContain('Bấm lại');
  });
  it('translates a quota message', () => {
    expect(explainError(new Error('Service invoked too many times for one day: spreadsheets')).next).toBe('Đợi vài phút rồi bấm lại.');
  });
  it('translates an authorisation message', () => {
    expect(explainError(new Error('You do not have permission to call Sheet.protect')).message).toBe('Bạn không có quyền làm thao tác này.');
  });
  it('tells a person Google asked for a permission (requireScopes) to grant it and try again', () => {
    const e = explainError(new Error('Authorization is required to perform that action.'));
    expect(e.message).toBe('Google cần bạn cấp thêm quyền cho Thi đua để làm thao tác này.');
    expect(e.next).toContain('bấm lại');
  });
  it('keeps the server’s own Vietnamese refusal and adds what to do', () => {
    const e = explainError(new Error('Bạn không có quyền nộp bảng của Tây Ninh'));
    expect(e.message).toBe('Bạn không có quyền nộp bảng của Tây Ninh');
    expect(e.next).toContain('cụm trưởng');
  });
  it('keeps the server’s lock message and says when to retry', () => {
    const e = explainError(new Error('Đang có người tính điểm, vui lòng thử lại sau ít phút'));
    expect(e.message).toBe('Đang có người tính điểm, vui lòng thử lại sau ít phút');
    expect(e.next).toBe('Vui lòng thử lại sau ít phút.');
  });
  it('translates a dropped connection', () => {
    expect(explainError(new TypeError('Failed to fetch')).message).toBe('Mất kết nối tới Google.');
    expect(explainError('NetworkError when attempting to fetch resource.').message).toBe('Mất kết nối tới Google.');
  });
  it('passes another Vietnamese message through with a generic next step', () => {
    const e = explainError(new Error('Trang "Bình Dương", ô G12: "8,5a" không phải là số'));
    expect(e.message).toBe('Trang "Bình Dương", ô G12: "8,5a" không phải là số');
    expect(e.next).toBe('Sửa theo hướng dẫn trên rồi bấm lại.');
  });
  it('quotes an unknown English message after a Vietnamese lead', () => {
    expect(explainError(new Error('Exception: Something odd')).message).toBe('Có lỗi: Something odd');
  });
  it('has a message for an empty or missing error', () => {
    expect(explainError(undefined).message).toBe('Có lỗi không rõ nguyên nhân.');
    expect(explainError(new Error('')).message).toBe('Có lỗi không rõ nguyên nhân.');
  });
});

describe('errorText', () => {
  it('reads errors, strings and objects with a message', () => {
    expect(errorText(new Error('a'))).toBe('a');
    expect(errorText('b')).toBe('b');
    expect(errorText({ message: 'c' })).toBe('c');
    expect(errorText(null)).toBe('');
  });
});

describe('checkOutcome', () => {
  it('returns a successful answer as is', () => {
    const ok = { ok: true, message: 'Đã nộp', problems: [] };
    expect(checkOutcome(ok)).toBe(ok);
    expect(checkOutcome(null)).toBeNull();
    expect(checkOutcome([1])).toEqual([1]);
  });
  it('throws an ActionFailed with the message and problems of a refusal', () => {
    const p = { sheet: 'Tây Ninh', a1: 'F20', message: 'Thiếu điểm tự chấm', severity: 'error' as const };
    let caught: unknown;
    try {
      checkOutcome({ ok: false, message: 'Chưa nộp được: 1 ô cần sửa', problems: [p, { junk: true }] });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ActionFailed);
    expect((caught as ActionFailed).message).toBe('Chưa nộp được: 1 ô cần sửa');
    expect((caught as ActionFailed).problems).toEqual([p]);
  });
});

describe('explainError of a refused action', () => {
  it('keeps the server message and points to the cells when there are problems', () => {
    const e = explainError(new ActionFailed('Chưa nộp được', [{ sheet: 'A', a1: 'B2', message: 'x' }]));
    expect(e).toEqual({ message: 'Chưa nộp được', next: 'Bấm vào từng dòng dưới đây để đến ô cần sửa, sửa xong bấm lại.' });
  });
  it('keeps the server message and says to fix and retry without problems', () => {
    expect(explainError(new ActionFailed('Chỉ cụm trưởng được làm việc này.')).next).toBe('Sửa theo hướng dẫn trên rồi bấm lại.');
  });
});
