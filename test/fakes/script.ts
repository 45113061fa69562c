/**
 * ScriptApp fake: installable triggers kept in shared state (per creator, 20 per user as in Apps
 * Script), the AuthMode / EventType enums, and the script id. Firing triggers is the factory's job
 * (google.ts: userEdit fires onEdit, runDueTriggers fires time-driven ones).
 */
import { FakeServiceError, type FakeEnv } from './env';
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
}

function createTrigger(host: Host, t: Omit<TriggerState, 'id' | 'owner' | 'fired'>): FakeTrigger {
  const owner = host.env.currentUser.toLowerCase();
  if (host.triggers.list.filter((x) => x.owner === owner).length >= MAX_TRIGGERS_PER_USER) {
    throw new FakeServiceError(TOO_MANY_TRIGGERS_MESSAGE);
  }
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

  constructor(env: FakeEnv, exec: ExecutionInfo, triggers: TriggersState, clock: SimClock, spreadsheetId: string, private readonly scriptId: string) {
    this.host = { env, exec, triggers, clock, spreadsheetId };
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

  getAuthorizationInfo(_mode: unknown): { getAuthorizationStatus(): string; getAuthorizationUrl(): string | null } {
    this.record('getAuthorizationInfo');
    return { getAuthorizationStatus: () => AuthorizationStatus.NOT_REQUIRED, getAuthorizationUrl: () => null };
  }
}
