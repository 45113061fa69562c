/**
 * Granular consent: a person may grant the add-on only some of the scopes its manifest asks for.
 * An action that needs one they withheld asks for it at its start, saying why in Vietnamese, then
 * lets ScriptApp.requireScopes end the execution with Google's consent window (the person
 * accepts and runs the action again), instead of failing halfway through its writes.
 */
import { scopesText } from '../i18n/scopes';
import { services } from './services';

const AUTH = 'https://www.googleapis.com/auth/';

/** The manifest's scopes (appsscript.json), by what they are for. */
export const SCOPES = {
  sheet: `${AUTH}spreadsheets.currentonly`,
  ui: `${AUTH}script.container.ui`,
  email: `${AUTH}userinfo.email`,
  triggers: `${AUTH}script.scriptapp`,
  documents: `${AUTH}documents`,
  driveFile: `${AUTH}drive.file`,
} as const;

export type ScopeName = keyof typeof SCOPES;

/**
 * What an action needs beyond nothing. Every action reads the sheet and who is acting; set-up
 * also leaves triggers (the next part, the edit log); documents write Docs into Drive.
 */
export const NEEDS = {
  setup: ['sheet', 'email', 'triggers'],
  documents: ['sheet', 'email', 'documents', 'driveFile'],
} as const satisfies Record<string, readonly ScopeName[]>;

/** The two-argument forms @types/google-apps-script does not declare yet. */
interface ConsentApi {
  AuthMode: GoogleAppsScript.Script.ScriptApp['AuthMode'];
  AuthorizationStatus: GoogleAppsScript.Script.ScriptApp['AuthorizationStatus'];
  getAuthorizationInfo(mode: GoogleAppsScript.Script.AuthMode, scopes: string[]): {
    getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus;
    getAuthorizedScopes(): string[] | null;
  };
  requireScopes(mode: GoogleAppsScript.Script.AuthMode, scopes: string[]): void;
}

function api(): ConsentApi {
  return services().scriptApp as unknown as ConsentApi;
}

/**
 * Makes sure the person granted `needs` (2 calls when they did). When not: explains in a toast
 * and asks Google, which ends the execution. A check that fails itself lets the action go on.
 */
export function requireScopes(needs: readonly ScopeName[]): void {
  const app = api();
  let missing: ScopeName[];
  try {
    const info = app.getAuthorizationInfo(app.AuthMode.FULL, needs.map((n) => SCOPES[n]));
    if (info.getAuthorizationStatus() !== app.AuthorizationStatus.REQUIRED) return;
    const granted = info.getAuthorizedScopes() ?? [];
    missing = needs.filter((n) => !granted.includes(SCOPES[n]));
  } catch {
    return;
  }
  ask(missing.length > 0 ? missing : [...needs]);
}

/**
 * After an action failed: when it was refused for a scope the person withheld ("Required
 * permissions: …"), explain and ask for it (Google ends the execution). Otherwise returns.
 */
export function askIfNotGranted(error: unknown): void {
  const text = error instanceof Error ? error.message : String(error);
  const m = /Required permissions: (\S+)/.exec(text);
  const name = m ? (Object.keys(SCOPES) as ScopeName[]).find((n) => SCOPES[n] === m[1]) : undefined;
  if (name) ask([name]);
}

function ask(missing: readonly ScopeName[]): void {
  try {
    services().spreadsheetApp.getActiveSpreadsheet().toast(scopesText.ask(missing.map((n) => scopesText.why[n])), scopesText.title, 30);
  } catch {
    // Without the sheet's own scope there is no toast: Google's window still names each permission.
  }
  const app = api();
  app.requireScopes(app.AuthMode.FULL, missing.map((n) => SCOPES[n]));
}
