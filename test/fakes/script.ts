/**
 * ScriptApp fake: installable triggers kept in shared state (per creator, 20 per user as in Apps
 * Script), the AuthMode / EventType enums, the script id, and granular consent
 * (getAuthorizationInfo, requireScopes: see scopes.ts). Firing triggers is the factory's job
 * (google.ts: userEdit fires onEdit, runDueTriggers fires time-driven ones).
 *
 * As a published editor add-on (the default; `addon: false` for a script bound to its sheet) a
 * user may have one trigger of each event type in the document, and a time-driven trigger may not
 * run more often than once an hour: everyMinutes is refused, and so is a one-off trigger (after /
 * at) due in less than an hour, since the documents say no more and do not say it is delayed.
 */
import { FakeServiceError, type FakeEnv } from './env';
import { FakeConsentRequired, MANIFEST_SCOPES, grantedScopes, type GrantsState } from './scopes';
import { requireAuth, type ExecutionInfo } from './session';
import type { SimClock } from './utilities';

export const AuthMode = Object.freeze({ NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const);
export const EventType = Object.freeze({
  CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', ON_CHANGE: 'ON_CHANGE', ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as const);
export const TriggerSource = Object.freeze({ SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK', FORMS: 'FORMS', DOCUMENTS: 'DOCUMENTS', CALENDAR: 'CALENDAR' } as const);
export const WeekDay = Object.freeze({
  SUNDAY: 'SUNDAY', MONDAY: 'MONDAY', TUESDAY: 'TUESDAY', WEDNESDAY: 'WEDNESDAY', THURSDAY: 'THURSDAY', FRIDAY: 'FRIDAY', SATURDAY: 'SATURDAY',
} as const);
export const AuthorizationStatus = Object.freeze({ REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const);

export const MAX_TRIGGERS_PER_USER = 20;
export const TOO_MANY_TRIGGERS_MESSAGE = 'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
/** An add-on's time-driven trigger runs at most once an hour (the wording is the fake's). */
export const ADDON_HOURLY_MESSAGE = 'Add-ons may not create time-driven triggers that run more often than once an hour.';
/** An add-on has one trigger of each event type per user per document (the wording is the fake's). */
export const ADDON_ONE_PER_TYPE_MESSAGE = 'An add-on may have only one trigger of each type per user per document.';
const HOUR = 60 * 60_000;

export type EventTypeName = keyof typeof EventType;

export interface TriggerState {
  id: string;
  handler: string;
  eventType: EventTypeName;
  source: keyof typeof TriggerSource;
  /** The spreadsheet id for spreadsheet triggers. */
  sourceId: string | null;
  /** Creator: the trigger runs as this user. */
  owner: string;
  /** Next run (simulated ms) for time-driven triggers. */
  at: number | null;
  /** Period for recurring time-driven triggers; null for one-off ones. */
  everyMs: number | null;
  /** A one-off trigger that already ran stays listed (as in Apps Script) but never fires again. */
  fired: boolean;
}

export interface TriggersState {
  list: TriggerState[];
  nextId: number;
}

export function newTriggersState(): TriggersState {
  return { list: [], nextId: 1 };
}

export class FakeTrigger implements Pick<GoogleAppsScript.Script.Trigger, 'getHandlerFunction' | 'getUniqueId' | 'getTriggerSourceId'> {
  constructor(private readonly env: FakeEnv, readonly state: TriggerState) {}
  getHandlerFunction(): string { this.env.record('Trigger.getHandlerFunction'); return this.state.handler; }
  getEventType(): GoogleAppsScript.Script.EventType { this.env.record('Trigger.getEventType'); return this.state.eventType as unknown as GoogleAppsScript.Script.EventType; }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource { this.env.record('Trigger.getTriggerSource'); return this.state.source as unknown as GoogleAppsScript.Script.TriggerSource; }
  getTriggerSourceId(): string { this.env.record('Trigger.getTriggerSourceId'); return this.state.sourceId ?? ''; }
  getUniqueId(): string { this.env.record('Trigger.getUniqueId'); return this.state.id; }
}

interface Host {
  env: FakeEnv;
  exec: ExecutionInfo;
  triggers: TriggersState;
  clock: SimClock;
  spreadsheetId: string;
  /** A published add-on (its trigger restrictions apply). */
  addon: boolean;
  grants: () => GrantsState;
}

function createTrigger(host: Host, t: Omit<TriggerState, 'id' | 'owner' | 'fired'>): FakeTrigger {
  const owner = host.env.currentUser.toLowerCase();
  const mine = host.triggers.list.filter((x) => x.owner === owner);
  if (mine.length >= MAX_TRIGGERS_PER_USER) throw new FakeServiceError(TOO_MANY_TRIGGERS_MESSAGE);
  if (host.addon && mine.some((x) => x.eventType === t.eventType)) throw new FakeServiceError(ADDON_ONE_PER_TYPE_MESSAGE);
  const state: TriggerState = { ...t, id: String(host.triggers.nextId++ * 1_000_003), owner, fired: false };
  host.triggers.list.push(state);
  return new FakeTrigger(host.env, state);
}

export class FakeSpreadsheetTriggerBuilder {
  private eventType: EventTypeName | null = null;
  constructor(private readonly host: Host, private readonly handler: string, private readonly sourceId: string) {}
  private on(method: string, t: EventTypeName): this {
    this.host.env.record(`SpreadsheetTriggerBuilder.${method}`);
    this.eventType = t;
    return this;
  }
  onEdit(): this { return this.on('onEdit', 'ON_EDIT'); }
  onOpen(): this { return this.on('onOpen', 'ON_OPEN'); }
  onChange(): this { return this.on('onChange', 'ON_CHANGE'); }
  onFormSubmit(): this { return this.on('onFormSubmit', 'ON_FORM_SUBMIT'); }
  create(): FakeTrigger {
    this.host.env.record('SpreadsheetTriggerBuilder.create');
    if (!this.eventType) throw new FakeServiceError('Trigger event type must be specified.');
    return createTrigger(this.host, {
      handler: this.handler, eventType: this.eventType, source: 'SPREADSHEETS', sourceId: this.sourceId, at: null, everyMs: null,
    });
  }
}

const MINUTE = 60_000;

export class FakeClockTriggerBuilder {
  private runAt: number | null = null;
  private everyMs: number | null = null;
  constructor(private readonly host: Host, private readonly handler: string) {}
  private record(method: string): void {
    this.host.env.record(`ClockTriggerBuilder.${method}`);
  }
  after(ms: number): this {
    this.record('after');
    if (!Number.isFinite(ms) || ms < 0) throw new FakeServiceError('Invalid argument: durationMilliseconds');
    this.runAt = this.host.clock.now + ms;
    return this;
  }
  at(date: Date): this {
    this.record('at');
    // A Date from a vm context is not `instanceof` this realm's Date.
    if (Object.prototype.toString.call(date) !== '[object Date]' || Number.isNaN(date.getTime())) throw new FakeServiceError('Invalid argument: date');
    this.runAt = date.getTime();
    return this;
  }
  everyMinutes(n: number): this {
    this.record('everyMinutes');
    if (![1, 5, 10, 15, 30].includes(n)) throw new FakeServiceError('The value passed to everyMinutes must be 1, 5, 10, 15 or 30.');
    this.everyMs = n * MINUTE;
    return this;
  }
  everyHours(n: number): this {
    this.record('everyHours');
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw new FakeServiceError('The value passed to everyHours must be 1, 2, 4, 6, 8 or 12.');
    this.everyMs = n * 60 * MINUTE;
    return this;
  }
  everyDays(n: number): this {
    this.record('everyDays');
    if (!Number.isInteger(n) || n < 1) throw new FakeServiceError('Invalid argument: n');
    this.everyMs = n * 24 * 60 * MINUTE;
    return this;
  }
  create(): FakeTrigger {
    this.record('create');
    if (this.runAt === null && this.everyMs === null) throw new FakeServiceError('Time-based trigger must have a schedule.');
    if (this.host.addon && ((this.everyMs !== null && this.everyMs < HOUR) || (this.runAt !== null && this.runAt - this.host.clock.now < HOUR))) {
      throw new FakeServiceError(ADDON_HOURLY_MESSAGE);
    }
    const at = this.runAt ?? this.host.clock.now + this.everyMs!;
    return createTrigger(this.host, { handler: this.handler, eventType: 'CLOCK', source: 'CLOCK', sourceId: null, at, everyMs: this.everyMs });
  }
}

export class FakeTriggerBuilder {
  constructor(private readonly host: Host, private readonly handler: string) {}
  forSpreadsheet(ss: string | { getId(): string }): FakeSpreadsheetTriggerBuilder {
    this.host.env.record('TriggerBuilder.forSpreadsheet');
    const id = typeof ss === 'string' ? ss : ss.getId();
    return new FakeSpreadsheetTriggerBuilder(this.host, this.handler, id);
  }
  timeBased(): FakeClockTriggerBuilder {
    this.host.env.record('TriggerBuilder.timeBased');
    return new FakeClockTriggerBuilder(this.host, this.handler);
  }
}

export class FakeScriptApp {
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;
  readonly AuthorizationStatus = AuthorizationStatus;
  private readonly host: Host;

  constructor(
    env: FakeEnv, exec: ExecutionInfo, triggers: TriggersState, clock: SimClock, spreadsheetId: string, private readonly scriptId: string,
    options: { addon?: boolean; grants?: () => GrantsState } = {},
  ) {
    const own: GrantsState = { byUser: {}, requests: [], ended: [] };
    this.host = { env, exec, triggers, clock, spreadsheetId, addon: options.addon ?? true, grants: options.grants ?? (() => own) };
  }

  private record(method: string): void {
    this.host.env.record(`ScriptApp.${method}`);
  }

  newTrigger(functionName: string): FakeTriggerBuilder {
    this.record('newTrigger');
    requireAuth(this.host.exec, 'ScriptApp.newTrigger', 'FULL', 'https://www.googleapis.com/auth/script.scriptapp');
    if (typeof functionName !== 'string' || functionName === '') throw new FakeServiceError('Invalid argument: functionName');
    return new FakeTriggerBuilder(this.host, functionName);
  }

  /** The current user's triggers of this project. */
  getProjectTriggers(): FakeTrigger[] {
    this.record('getProjectTriggers');
    requireAuth(this.host.exec, 'ScriptApp.getProjectTriggers', 'FULL', 'https://www.googleapis.com/auth/script.scriptapp');
    const me = this.host.env.currentUser.toLowerCase();
    return this.host.triggers.list.filter((t) => t.owner === me).map((t) => new FakeTrigger(this.host.env, t));
  }

  getUserTriggers(ss: { getId(): string }): FakeTrigger[] {
    this.record('getUserTriggers');
    requireAuth(this.host.exec, 'ScriptApp.getUserTriggers', 'FULL', 'https://www.googleapis.com/auth/script.scriptapp');
    const me = this.host.env.currentUser.toLowerCase();
    const id = ss.getId();
    return this.host.triggers.list.filter((t) => t.owner === me && t.sourceId === id).map((t) => new FakeTrigger(this.host.env, t));
  }

  /** Only the current user's own triggers can be deleted. */
  deleteTrigger(trigger: FakeTrigger): void {
    this.record('deleteTrigger');
    requireAuth(this.host.exec, 'ScriptApp.deleteTrigger', 'FULL', 'https://www.googleapis.com/auth/script.scriptapp');
    const me = this.host.env.currentUser.toLowerCase();
    const list = this.host.triggers.list;
    const i = list.findIndex((t) => t.id === trigger.state.id);
    if (i < 0) return;
    if (list[i]!.owner !== me) throw new FakeServiceError('You do not have permission to perform that action.');
    list.splice(i, 1);
  }

  getScriptId(): string {
    this.record('getScriptId');
    return this.scriptId;
  }

  getOAuthToken(): string {
    this.record('getOAuthToken');
    return 'fake-oauth-token';
  }

  /**
   * Whether the current user granted these scopes (default: every scope of the manifest). The
   * object's methods are calls too. A scope the manifest does not declare is refused: it could
   * never be granted.
   */
  getAuthorizationInfo(authMode: unknown, oAuthScopes?: string[]): FakeAuthorizationInfo {
    this.record('getAuthorizationInfo');
    const asked = this.askedScopes(authMode, oAuthScopes, 'getAuthorizationInfo');
    const granted = grantedScopes(this.host.grants(), this.host.env.currentUser);
    return new FakeAuthorizationInfo(this.host.env, asked, granted, this.scriptId);
  }

  /**
   * Ends the execution with Google's consent prompt for the scopes not granted yet (recorded in
   * the grants' requests); returns when every one is granted.
   */
  requireScopes(authMode: unknown, oAuthScopes: string[]): void {
    this.record('requireScopes');
    this.require(this.askedScopes(authMode, oAuthScopes, 'requireScopes'));
  }

  /** requireScopes for every scope of the manifest. */
  requireAllScopes(authMode: unknown): void {
    this.record('requireAllScopes');
    this.require(this.askedScopes(authMode, undefined, 'requireAllScopes'));
  }

  private askedScopes(authMode: unknown, oAuthScopes: string[] | undefined, method: string): string[] {
    if (!Object.values(AuthMode).includes(authMode as never)) throw new FakeServiceError(`Invalid argument: authMode (ScriptApp.${method})`);
    if (oAuthScopes === undefined) return [...MANIFEST_SCOPES];
    if (!Array.isArray(oAuthScopes) || oAuthScopes.length === 0) throw new FakeServiceError(`Invalid argument: oAuthScopes (ScriptApp.${method})`);
    const unknown = oAuthScopes.filter((s) => !MANIFEST_SCOPES.includes(s));
    if (unknown.length > 0) throw new FakeServiceError(`Invalid argument: ${unknown[0]} is not a scope of this script (ScriptApp.${method})`);
    return [...oAuthScopes];
  }

  private require(asked: readonly string[]): void {
    const grants = this.host.grants();
    const user = this.host.env.currentUser.toLowerCase();
    const missing = asked.filter((s) => !grantedScopes(grants, user).includes(s));
    if (missing.length === 0) return;
    grants.requests.push({ user, execution: this.host.exec.id, scopes: missing });
    grants.ended.push(this.host.exec.id);
    throw new FakeConsentRequired(missing);
  }
}

export class FakeAuthorizationInfo {
  constructor(
    private readonly env: FakeEnv,
    private readonly asked: readonly string[],
    private readonly granted: readonly string[],
    private readonly scriptId: string,
  ) {}

  private missing(): string[] {
    return this.asked.filter((s) => !this.granted.includes(s));
  }

  getAuthorizationStatus(): string {
    this.env.record('AuthorizationInfo.getAuthorizationStatus');
    return this.missing().length > 0 ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED;
  }

  /** Where the user can grant what is missing; null when nothing is. */
  getAuthorizationUrl(): string | null {
    this.env.record('AuthorizationInfo.getAuthorizationUrl');
    const missing = this.missing();
    if (missing.length === 0) return null;
    return `https://script.google.com/macros/d/${this.scriptId}/authorize?scope=${encodeURIComponent(missing.join(' '))}`;
  }

  /** The asked scopes the user granted. */
  getAuthorizedScopes(): string[] {
    this.env.record('AuthorizationInfo.getAuthorizedScopes');
    return this.asked.filter((s) => this.granted.includes(s));
  }
}
