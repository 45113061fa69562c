/**
 * The Apps Script services the add-on uses, reached through one accessor so that nothing touches
 * a global while the bundle loads (onOpen in AuthMode.NONE, the bundle test) and tests can hand
 * in fakes without installing globals.
 */

/** The services, typed as Apps Script declares them. */
export interface Services {
  spreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  lockService: GoogleAppsScript.Lock.LockService;
  propertiesService: GoogleAppsScript.Properties.PropertiesService;
  session: GoogleAppsScript.Base.Session;
  scriptApp: GoogleAppsScript.Script.ScriptApp;
  htmlService: GoogleAppsScript.HTML.HtmlService;
}

let override: Partial<Services> | null = null;

/**
 * The services of this execution: the overrides a test set, else the Apps Script globals, read
 * only when asked for.
 */
export function services(): Services {
  const o = override ?? {};
  return {
    get spreadsheetApp() { return o.spreadsheetApp ?? SpreadsheetApp; },
    get lockService() { return o.lockService ?? LockService; },
    get propertiesService() { return o.propertiesService ?? PropertiesService; },
    get session() { return o.session ?? Session; },
    get scriptApp() { return o.scriptApp ?? ScriptApp; },
    get htmlService() { return o.htmlService ?? HtmlService; },
  };
}

/** Replaces some services (tests); null restores the globals. */
export function useServices(replacement: Partial<Services> | null): void {
  override = replacement;
}
