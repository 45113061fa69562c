import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../src/client/api';
import { ActionFailed } from '../../src/client/errors';

type G = { google?: unknown };

/** A google.script.run that answers each function from a table, as Apps Script would. */
function install(answers: Record<string, (...args: unknown[]) => unknown>): Array<{ fn: string; args: unknown[] }> {
  const calls: Array<{ fn: string; args: unknown[] }> = [];
  const make = (ok?: (v: unknown) => void, fail?: (e: unknown) => void): unknown =>
    new Proxy({}, {
      get(_t, prop: string) {
        if (prop === 'withSuccessHandler') return (f: (v: unknown) => void) => make(f, fail);
        if (prop === 'withFailureHandler') return (f: (e: unknown) => void) => make(ok, f);
        if (!(prop in answers)) return undefined;
        return (...args: unknown[]) => {
          calls.push({ fn: prop, args });
          queueMicrotask(() => {
            try {
              ok?.(answers[prop]!(...args));
            } catch (err) {
              fail?.(err);
            }
          });
        };
      },
    });
  (globalThis as G).google = { script: { run: make() } };
  return calls;
}

afterEach(() => {
  delete (globalThis as G).google;
});

describe('call', () => {
  it('resolves with what the server function returned', async () => {
    const answer = { ok: true, problems: [{ sheet: 'A', a1: 'B2', message: 'x', text: 'A!B2: x', severity: 'error' }] };
    install({ getProblems: () => answer });
    await expect(call('getProblems')).resolves.toEqual(answer);
  });

  it('passes the arguments in order', async () => {
    const calls = install({ returnSubmission: () => ({}) });
    await call('returnSubmission', 'Bình Dương', 'Thiếu minh chứng');
    expect(calls).toEqual([{ fn: 'returnSubmission', args: ['Bình Dương', 'Thiếu minh chứng'] }]);
  });

  it('rejects with the server’s error', async () => {
    install({ recompute: () => {
      throw new Error('Đang có người tính điểm');
    } });
    await expect(call('recompute')).rejects.toThrow('Đang có người tính điểm');
  });

  it('rejects with the message and problems of an ok: false answer', async () => {
    const problems = [{ sheet: 'Tây Ninh', a1: 'F20', message: 'Thiếu điểm tự chấm', text: '', severity: 'error' }];
    install({ submit: () => ({ ok: false, message: 'Chưa nộp được bảng của "Tây Ninh"', problems }) });
    const err = await call('submit', 'Tây Ninh').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ActionFailed);
    expect((err as ActionFailed).message).toBe('Chưa nộp được bảng của "Tây Ninh"');
    expect((err as ActionFailed).problems).toEqual(problems);
  });

  it('resolves an ok: true action answer as is', async () => {
    install({ recompute: () => ({ ok: true, message: 'Đã tính điểm', problems: [] }) });
    await expect(call('recompute')).resolves.toEqual({ ok: true, message: 'Đã tính điểm', problems: [] });
  });

  it('turns a non-Error failure into an Error', async () => {
    install({ recompute: () => {
      throw { message: 'plain object' };
    } });
    await expect(call('recompute')).rejects.toThrow('plain object');
  });

  it('rejects clearly outside Apps Script', async () => {
    await expect(call('getStatus')).rejects.toThrow('google.script.run is not available');
  });

  it('rejects when the server has no such function', async () => {
    install({});
    await expect(call('getStatus')).rejects.toThrow('Server function "getStatus" is not available');
  });
});
