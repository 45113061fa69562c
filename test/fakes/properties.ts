/**
 * PropertiesService fake with Apps Script's quotas: 9 KB per value, 500 KB per store. User
 * properties are kept per env.currentUser. Values are stored as strings, as Apps Script does.
 */
import { FakeServiceError, type FakeEnv } from './env';
import { requireAuth, type ExecutionInfo } from './session';

export const MAX_PROPERTY_VALUE_BYTES = 9 * 1024;
export const MAX_PROPERTY_STORE_BYTES = 500 * 1024;
export const VALUE_TOO_LARGE_MESSAGE = 'Argument too large: value';
export const STORE_FULL_MESSAGE = 'You have exceeded the property storage quota. Please remove some properties and try again.';

export interface PropertiesState {
  document: Record<string, string>;
  script: Record<string, string>;
  /** By user e-mail (lower case). */
  user: Record<string, Record<string, string>>;
}

export function newPropertiesState(): PropertiesState {
  return { document: {}, script: {}, user: {} };
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function storeSize(store: Record<string, string>): number {
  let n = 0;
  for (const [k, v] of Object.entries(store)) n += bytes(k) + bytes(v);
  return n;
}

export class FakeProperties implements Pick<GoogleAppsScript.Properties.Properties,
  'getProperty' | 'getKeys' | 'getProperties'> {
  constructor(private readonly env: FakeEnv, private readonly store: () => Record<string, string>) {}

  private record(method: string): void {
    this.env.record(`Properties.${method}`);
  }

  /** Checks the whole would-be store before anything is written. */
  private commit(next: Record<string, string>): void {
    for (const v of Object.values(next)) if (bytes(v) > MAX_PROPERTY_VALUE_BYTES) throw new FakeServiceError(VALUE_TOO_LARGE_MESSAGE);
    if (storeSize(next) > MAX_PROPERTY_STORE_BYTES) throw new FakeServiceError(STORE_FULL_MESSAGE);
    const store = this.store();
    for (const k of Object.keys(store)) delete store[k];
    Object.assign(store, next);
  }

  getProperty(key: string): string | null {
    this.record('getProperty');
    return Object.prototype.hasOwnProperty.call(this.store(), key) ? this.store()[key]! : null;
  }

  setProperty(key: string, value: string): this {
    this.record('setProperty');
    if (key === null || key === undefined || String(key) === '') throw new FakeServiceError('Invalid argument: key');
    if (value === null || value === undefined) throw new FakeServiceError('Invalid argument: value');
    this.commit({ ...this.store(), [String(key)]: String(value) });
    return this;
  }

  getProperties(): Record<string, string> {
    this.record('getProperties');
    return { ...this.store() };
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    this.record('setProperties');
    if (properties === null || typeof properties !== 'object') throw new FakeServiceError('Invalid argument: properties');
    const next: Record<string, string> = deleteAllOthers ? {} : { ...this.store() };
    for (const [k, v] of Object.entries(properties)) {
      if (k === '') throw new FakeServiceError('Invalid argument: key');
      if (v === null || v === undefined) throw new FakeServiceError('Invalid argument: value');
      next[k] = String(v);
    }
    this.commit(next);
    return this;
  }

  deleteProperty(key: string): this {
    this.record('deleteProperty');
    delete this.store()[key];
    return this;
  }

  deleteAllProperties(): this {
    this.record('deleteAllProperties');
    this.commit({});
    return this;
  }

  getKeys(): string[] {
    this.record('getKeys');
    return Object.keys(this.store());
  }
}

export class FakePropertiesService {
  constructor(private readonly env: FakeEnv, private readonly exec: ExecutionInfo, private readonly state: PropertiesState) {}

  getDocumentProperties(): FakeProperties {
    this.env.record('PropertiesService.getDocumentProperties');
    requireAuth(this.exec, 'PropertiesService.getDocumentProperties');
    return new FakeProperties(this.env, () => this.state.document);
  }

  getScriptProperties(): FakeProperties {
    this.env.record('PropertiesService.getScriptProperties');
    requireAuth(this.exec, 'PropertiesService.getScriptProperties');
    return new FakeProperties(this.env, () => this.state.script);
  }

  /** The store of the user who is current when it is obtained. */
  getUserProperties(): FakeProperties {
    this.env.record('PropertiesService.getUserProperties');
    requireAuth(this.exec, 'PropertiesService.getUserProperties');
    const user = this.env.currentUser.toLowerCase();
    return new FakeProperties(this.env, () => (this.state.user[user] ??= {}));
  }
}
