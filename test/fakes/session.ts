/**
 * Session fake: in a menu or sidebar execution the active and effective user are both
 * env.currentUser, the person at the keyboard who authorised the add-on. An installable trigger
 * runs as its creator (currentUser) while the active user is the person whose edit fired it, as
 * far as Google lets the creator see them (env.activeUser, "" for consumer accounts).
 */
import { createHash } from 'node:crypto';
import { FakeServiceError, type FakeEnv } from './env';
import { FakeUser } from './sheets-protection';

export const SCRIPT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export class FakeSession implements Pick<GoogleAppsScript.Base.Session,
  'getScriptTimeZone' | 'getTemporaryActiveUserKey' | 'getActiveUserLocale'> {
  constructor(private readonly env: FakeEnv, private readonly timeZone = SCRIPT_TIME_ZONE) {}

  getActiveUser(): FakeUser {
    this.env.record('Session.getActiveUser');
    return new FakeUser(this.env.activeUser ?? this.env.currentUser);
  }

  getEffectiveUser(): FakeUser {
    this.env.record('Session.getEffectiveUser');
    return new FakeUser(this.env.currentUser);
  }

  getScriptTimeZone(): string {
    this.env.record('Session.getScriptTimeZone');
    return this.timeZone;
  }

  getActiveUserLocale(): string {
    this.env.record('Session.getActiveUserLocale');
    return 'vi';
  }

  /** Stable per user and script, and not the e-mail itself. */
  getTemporaryActiveUserKey(): string {
    this.env.record('Session.getTemporaryActiveUserKey');
    return createHash('sha256').update(`thidua:${this.env.currentUser.toLowerCase()}`).digest('base64url').slice(0, 43);
  }
}

export type AuthModeName = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';

/** One run of the script: its id (locks are held per execution) and how it was started. */
export interface ExecutionInfo {
  id: string;
  authMode: AuthModeName;
}

const RANK: Record<AuthModeName, number> = { NONE: 0, CUSTOM_FUNCTION: 1, LIMITED: 2, FULL: 3 };

/**
 * Throws as Apps Script does when the execution's auth mode may not make this call: in
 * AuthMode.NONE (onOpen before the add-on is authorised) only the Ui and HTML are available.
 */
export function requireAuth(exec: ExecutionInfo, call: string, minimum: 'LIMITED' | 'FULL' = 'LIMITED', scope = 'https://www.googleapis.com/auth/spreadsheets.currentonly'): void {
  if (exec.authMode === 'CUSTOM_FUNCTION' && minimum === 'LIMITED') return;
  if (RANK[exec.authMode] < RANK[minimum]) {
    throw new FakeServiceError(`You do not have permission to call ${call}. Required permissions: ${scope}`);
  }
}
