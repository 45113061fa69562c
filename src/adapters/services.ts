/**
 * The Apps Script services the add-on uses, reached through one accessor so that nothing touches
 * a global while the bundle loads (onOpen in AuthMode.NONE, the bundle test) and tests can hand
 * in fakes without installing globals.
 */

import type { DriveApi } from './documents';

/** The services, typed as Apps Script declares them. */
export interface Services {
  spreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  lockService: GoogleAppsScript.Lock.LockService;
  propertiesService: GoogleAppsScript.Properties.PropertiesService;
  session: GoogleAppsScript.Base.Session;
  scriptApp: GoogleAppsScript.Script.ScriptApp;
  htmlService: GoogleAppsScript.HTML.HtmlService;
  documentApp: GoogleAppsScript.Document.DocumentApp;
  /** The Drive advanced service (v3); undefined when the manifest does not enable it. */
  drive: DriveApi | undefined;
}

/** The services that make documents (set apart by useDocumentServices). */
const DOCUMENT_KEYS = ['documentApp', 'drive'] as const;
type DocumentKey = (typeof DOCUMENT_KEYS)[number];

let override: Partial<Services> = {};

/**
 * The services of this execution: the overrides a test set, else the Apps Script globals, read
 * only when asked for.
 */
export function services(): Services {
  const o = override;
  return {
    get spreadsheetApp() { return o.spreadsheetApp ?? SpreadsheetApp; },
    get lockService() { return o.lockService ?? LockService; },
    get propertiesService() { return o.propertiesService ?? PropertiesService; },
    get session() { return o.session ?? Session; },
    get scriptApp() { return o.scriptApp ?? ScriptApp; },
    get htmlService() { return o.htmlService ?? HtmlService; },
    get documentApp() { return o.documentApp ?? DocumentApp; },
    get drive() {
      if ('drive' in o) return o.drive;
      return typeof Drive === 'undefined' ? undefined : (Drive as unknown as DriveApi);
    },
  };
}

function documentPart(from: Partial<Services>): Partial<Pick<Services, DocumentKey>> {
  const out: Partial<Pick<Services, DocumentKey>> = {};
  for (const k of DOCUMENT_KEYS) if (k in from) (out as Record<string, unknown>)[k] = from[k];
  return out;
}

/**
 * Replaces the services other than DocumentApp and Drive (tests); null restores their globals.
 * Those two are set by useDocumentServices.
 */
export function useServices(replacement: Omit<Partial<Services>, DocumentKey> | null): void {
  override = { ...(replacement ?? {}), ...documentPart(override) };
}

/** Replaces DocumentApp and the Drive advanced service (tests); null restores the globals. */
export function useDocumentServices(replacement: Partial<Pick<Services, DocumentKey>> | null): void {
  const rest: Partial<Services> = { ...override };
  for (const k of DOCUMENT_KEYS) delete rest[k];
  override = { ...rest, ...documentPart(replacement ?? {}) };
}
