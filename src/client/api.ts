/**
 * The one typed door to the server: a promise over google.script.run, typed from the server's
 * own export list (src/server/api.ts) so a renamed server function breaks this compile. Type
 * imports only: nothing of the server is bundled into the sidebar.
 */
import type { ActionResult } from '../app/result';
import type { ServerApi } from '../server/api';
import { checkOutcome } from './errors';

export type Api = ServerApi;
export type ApiName = keyof Api;
type Fn = (...args: never[]) => unknown;
export type Args<K extends ApiName> = Api[K] extends Fn ? Parameters<Api[K]> : never;

/** A refusal comes back as `{ ok: false, … }` and is thrown by `call`; the rest is the data. */
type Success<T> = [Exclude<T, ActionResult>] extends [never] ? T : Exclude<T, ActionResult>;
export type Result<K extends ApiName> = Api[K] extends Fn ? Success<ReturnType<Api[K]>> : never;

/** The part of google.script.run the sidebar uses. */
export interface ScriptRunner {
  withSuccessHandler(f: (value: unknown) => void): ScriptRunner;
  withFailureHandler(f: (error: unknown) => void): ScriptRunner;
  [fn: string]: unknown;
}

/** google.script.run, or undefined outside Apps Script (a clear error then, not a crash). */
export function scriptRunner(): ScriptRunner | undefined {
  const g = (globalThis as { google?: { script?: { run?: ScriptRunner } } }).google;
  return g?.script?.run;
}

/**
 * Calls a server function and resolves with its data; rejects with the thrown error, or with an
 * ActionFailed (message and problems) when the server answered `ok: false`.
 * @example const status = await call('getStatus');
 */
export function call<K extends ApiName>(name: K, ...args: Args<K>): Promise<Result<K>> {
  return new Promise((resolve, reject) => {
    const run = scriptRunner();
    if (!run) {
      reject(new Error('google.script.run is not available'));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => {
        try {
          resolve(checkOutcome(value) as Result<K>);
        } catch (err) {
          reject(err);
        }
      })
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String((error as { message?: unknown })?.message ?? error))));
    const fn = runner[name as string];
    if (typeof fn !== 'function') {
      reject(new Error(`Server function "${String(name)}" is not available`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args as unknown[]);
  });
}

export type Caller = typeof call;
