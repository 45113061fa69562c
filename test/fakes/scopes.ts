/**
 * Granular OAuth consent: a user may grant only some of the manifest's scopes. Each user's
 * granted scopes are kept in the shared state (default: every scope appsscript.json declares);
 * a call to a service whose scope is declared but not granted throws Apps Script's permission
 * error. ScriptApp.requireScopes (script.ts) records a consent request and ends the execution:
 * every later call of that execution throws too, so code that swallows the error is caught.
 *
 * The check runs as an env hook, after the call is counted and before it does anything. Like
 * every hook it is skipped for calls made from inside another hook (a test interleaving a second
 * execution on the same env): a missed check there, never a false one.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FakeServiceError, type FakeEnv } from './env';
import type { ExecutionInfo } from './session';

const MANIFEST_PATH = fileURLToPath(new URL('../../appsscript.json', import.meta.url));

/** The scopes appsscript.json declares, read once. */
export const MANIFEST_SCOPES: readonly string[] = Object.freeze(
  (JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as { oauthScopes?: string[] }).oauthScopes ?? [],
);

const AUTH = 'https://www.googleapis.com/auth/';
export const SCOPE = Object.freeze({
  sheet: `${AUTH}spreadsheets.currentonly`,
  ui: `${AUTH}script.container.ui`,
  triggers: `${AUTH}script.scriptapp`,
  email: `${AUTH}userinfo.email`,
  documents: `${AUTH}documents`,
  driveFile: `${AUTH}drive.file`,
  drive: `${AUTH}drive`,
});

/** What Apps Script says when requireScopes ends an execution for missing consent. */
export const CONSENT_REQUIRED_MESSAGE = 'Authorization is required to perform that action.';

/** Thrown by requireScopes / requireAllScopes (and by every later call of that execution). */
export class FakeConsentRequired extends FakeServiceError {
  constructor(readonly scopes: readonly string[]) {
    super(CONSENT_REQUIRED_MESSAGE);
  }
}

export interface ConsentRequest {
  user: string;
  execution: string;
  /** The scopes asked for that the user had not granted. */
  scopes: string[];
}

export interface GrantsState {
  /** Granted scopes by user (lower case); a user not listed granted every manifest scope. */
  byUser: Record<string, string[]>;
  /** Every consent prompt requireScopes showed, oldest first. */
  requests: ConsentRequest[];
  /** Executions requireScopes ended. */
  ended: string[];
}

/** The grants kept in the shared state's extensions (so they are serialised with the rest). */
export function grantsOf(shared: { extensions: Record<string, unknown> }): GrantsState {
  const g = shared.extensions.grants as GrantsState | undefined;
  if (g && typeof g === 'object' && g.byUser && Array.isArray(g.requests)) {
    g.ended ??= [];
    return g;
  }
  const fresh: GrantsState = { byUser: {}, requests: [], ended: [] };
  shared.extensions.grants = fresh;
  return fresh;
}

/** What the user granted. */
export function grantedScopes(grants: GrantsState, user: string): readonly string[] {
  return grants.byUser[user.toLowerCase()] ?? MANIFEST_SCOPES;
}

/**
 * Sets what a user granted on the consent screen (the test's hands, not counted); scopes the
 * manifest does not declare cannot be granted and are dropped.
 */
export function setGrantedScopes(shared: { extensions: Record<string, unknown> }, user: string, scopes: readonly string[]): void {
  grantsOf(shared).byUser[user.toLowerCase()] = scopes.filter((s) => MANIFEST_SCOPES.includes(s));
}

/** The user accepts the consent prompt: the scopes asked for are granted from now on. */
export function acceptConsent(shared: { extensions: Record<string, unknown> }, user: string): void {
  const grants = grantsOf(shared);
  const asked = grants.requests.filter((r) => r.user === user.toLowerCase()).flatMap((r) => r.scopes);
  setGrantedScopes(shared, user, [...new Set([...grantedScopes(grants, user), ...asked])]);
}

const SHEET_CLASSES = ['Spreadsheet', 'Sheet', 'Range', 'RangeList', 'Protection'];
const DOCUMENT_CLASSES = ['DocumentApp', 'Document', 'Body', 'HeaderSection', 'FooterSection', 'Paragraph', 'ListItem',
  'Text', 'Table', 'TableRow', 'TableCell', 'PageBreak', 'HorizontalRule', 'RangeElement'];
/** Ui methods that show something; building the add-on menu needs no authorisation at all. */
const UI_SHOWS = ['showSidebar', 'showModalDialog', 'showModelessDialog', 'alert', 'prompt'];
const TRIGGER_METHODS = ['newTrigger', 'getProjectTriggers', 'getUserTriggers', 'deleteTrigger'];

/**
 * The scopes that authorise a call (any one of them), or null when it needs none of the
 * manifest's (or is checked elsewhere: DriveApp, which wants the full drive scope, by drive.ts).
 */
export function scopesFor(name: string): readonly string[] | null {
  const dot = name.indexOf('.');
  const service = name.slice(0, dot);
  const method = name.slice(dot + 1);
  if (service === 'SpreadsheetApp') {
    return ['getUi', 'newDataValidation', 'newConditionalFormatRule'].includes(method) ? null : [SCOPE.sheet];
  }
  if (SHEET_CLASSES.includes(service)) return [SCOPE.sheet];
  if (service === 'Ui') return UI_SHOWS.includes(method) ? [SCOPE.ui] : null;
  if (service === 'ScriptApp') return TRIGGER_METHODS.includes(method) ? [SCOPE.triggers] : null;
  if (service === 'Session') return method === 'getActiveUser' || method === 'getEffectiveUser' ? [SCOPE.email] : null;
  if (DOCUMENT_CLASSES.includes(service)) return [SCOPE.documents];
  if (name.startsWith('Drive.Files.')) return [SCOPE.driveFile, SCOPE.drive];
  return null;
}

const declaredCache = new Map<string, readonly string[] | null>();

/** scopesFor, kept to those the manifest declares (null when none), cached by call name. */
function declaredScopesFor(name: string): readonly string[] | null {
  let d = declaredCache.get(name);
  if (d === undefined) {
    const declared = (scopesFor(name) ?? []).filter((s) => MANIFEST_SCOPES.includes(s));
    d = declared.length > 0 ? declared : null;
    declaredCache.set(name, d);
  }
  return d;
}

/**
 * Installs the consent check on an execution's call log: a call whose scope the manifest
 * declares but the current user did not grant throws Apps Script's permission error, and every
 * call of an execution requireScopes ended throws the consent error.
 */
export function installScopeGate(env: FakeEnv, exec: ExecutionInfo, grants: () => GrantsState): void {
  env.onCall((name) => {
    const g = grants();
    if (g.ended.length > 0 && g.ended.includes(exec.id)) throw new FakeConsentRequired([]);
    // Custom functions and simple triggers run without the user's authorisation: the auth mode
    // refuses what they may not do (session.ts), not the grants.
    if (exec.authMode !== 'FULL') return;
    const declared = declaredScopesFor(name);
    if (declared === null) return;
    const granted = grantedScopes(g, env.currentUser);
    if (granted === MANIFEST_SCOPES) return;
    if (!declared.some((s) => granted.includes(s))) {
      throw new FakeServiceError(`You do not have permission to call ${name}. Required permissions: ${declared[0]}`);
    }
  });
}
