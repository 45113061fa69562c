/**
 * Turns whatever a failed call threw into plain Vietnamese: what happened and what to do next.
 * The server's own messages are Vietnamese already and pass through; platform messages in English
 * (time-outs, quotas, authorisation, a dropped connection) are translated.
 */
import { clientText } from '../i18n/client';

/** A problem an action names, with where to fix it. */
export interface LocatedProblem {
  sheet: string;
  a1: string;
  message: string;
  severity?: 'error' | 'warning';
}

/** An action the server refused (`ok: false`): its message is Vietnamese already. */
export class ActionFailed extends Error {
  constructor(message: string, readonly problems: readonly LocatedProblem[] = []) {
    super(message);
    this.name = 'ActionFailed';
  }
}

/**
 * Reads an action's answer: `{ ok: false, message, problems }` becomes an ActionFailed; anything
 * else is returned as is.
 */
export function checkOutcome<T>(result: T): T {
  const r = result as { ok?: unknown; message?: unknown; problems?: unknown } | null;
  if (r && typeof r === 'object' && r.ok === false) {
    const problems = Array.isArray(r.problems) ? (r.problems as LocatedProblem[]).filter((p) => p && typeof p.message === 'string') : [];
    throw new ActionFailed(typeof r.message === 'string' ? r.message : '', problems);
  }
  return result;
}

export interface Explained {
  /** What happened. */
  message: string;
  /** What to do next. */
  next: string;
}

/** The text of anything thrown. */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'string') return err;
  if (err && typeof err === 'object' && 'message' in err) return String((err as { message: unknown }).message);
  return String(err ?? '');
}

const VIETNAMESE = /[ăâđêôơưàáạảãằắặẳẵầấậẩẫèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]/i;

/**
 * @example explainError(new Error('Exceeded maximum execution time')).message
 * // "Thao tác chạy quá 6 phút nên Google đã dừng lại."
 */
export function explainError(err: unknown): Explained {
  const E = clientText.errors;
  if (err instanceof ActionFailed) {
    return {
      message: err.message || E.unknown.message,
      next: err.problems.length > 0 ? E.fixCells : VIETNAMESE.test(err.message) ? E.fixAndRetry : E.unknown.next,
    };
  }
  const raw = errorText(err).replace(/^(Error|Exception|ScriptError):\s*/i, '').trim();
  const rules: Array<[RegExp, Explained]> = [
    [/exceeded maximum execution time|timed? ?out|timeout/i, E.timeout],
    [/service invoked too many times|too many (simultaneous|requests)|rate limit|quota/i, E.quota],
    [/lock|đang có người/i, raw && VIETNAMESE.test(raw) ? { message: raw, next: E.busy.next } : E.busy],
    // requireScopes ended the run with Google's consent window: a permission to grant, not a right missing.
    [/authori[sz]ation is required/i, E.consent],
    [/authori[sz]e|permission|not have access|access denied|không có quyền/i,
      raw && VIETNAMESE.test(raw) ? { message: raw, next: E.rights.next } : E.rights],
    [/failed to fetch|networkerror|network error|net::|load failed|connection|mất kết nối/i, E.network],
  ];
  for (const [pattern, explained] of rules) if (pattern.test(raw)) return explained;
  if (raw === '') return E.unknown;
  if (VIETNAMESE.test(raw)) return { message: raw, next: E.fixAndRetry };
  return { message: E.unknownWith(raw), next: E.unknown.next };
}
