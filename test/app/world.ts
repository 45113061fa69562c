/**
 * A cluster's shared sheet in memory for scenario tests: the fake Google with the add-on's
 * services plugged in, the sample Cụm thi đua số 9 people shared as editors, and helpers to act
 * as them. Not a test file: imported by the tests of test/app and test/adapters.
 */
import { useServices } from '../../src/adapters/services';
import { logEdit } from '../../src/app/audit';
import { sampleCrossCheckTeam } from '../../src/core/samples';
import { sampleText } from '../../src/i18n/engine';
import { createFakeGoogle, type FakeGoogle } from '../fakes/google';

export const OWNER = 'owner@example.com';
export const LEADER = 'vanphong.binhduong@example.com';
export const TEAM = sampleCrossCheckTeam();
export const OUTSIDER = 'nguoingoai@example.org';

/** Focal e-mail of a sample province. */
export function focal(province: string): string {
  const m = sampleText.cluster9.members.find((x) => x.province === province);
  if (!m) throw new Error(`no province ${province}`);
  return `vanphong.${m.mail}@example.com`;
}

export const PROVINCES = sampleText.cluster9.members.map((m) => m.province);

/**
 * A fresh sheet owned by OWNER, shared with every sample person (not the outsider). Consumer
 * accounts by default, as the fakes: the owner's trigger is not told who edited; `accounts:
 * 'workspace'` for a test of what happens where Google does tell.
 */
export function newWorld(options: { owner?: string; now?: number; accounts?: 'consumer' | 'workspace' } = {}): FakeGoogle {
  const g = createFakeGoogle({
    owner: options.owner ?? OWNER,
    now: options.now ?? Date.UTC(2021, 10, 15, 2, 0, 0),
    accounts: options.accounts ?? 'consumer',
    handlers: { onWorkbookEdit: (e: GoogleAppsScript.Events.SheetsOnEdit) => logEdit(e) },
  });
  g.share([...PROVINCES.map(focal), ...TEAM]);
  plug(g);
  return g;
}

/** Points the add-on's services at this execution of the fake. */
export function plug(g: FakeGoogle): void {
  useServices({
    spreadsheetApp: g.apps.SpreadsheetApp,
    lockService: g.apps.LockService,
    propertiesService: g.apps.PropertiesService,
    session: g.apps.Session,
    scriptApp: g.apps.ScriptApp,
  });
}

/** Spreadsheet calls (everything but locks, properties, session and triggers) since `from`. */
export function spreadsheetCalls(g: FakeGoogle, from = 0): string[] {
  return g.env.calls.slice(from).map((c) => c.name).filter((n) => !/^(Lock|LockService|Properties|PropertiesService|Session|ScriptApp|Trigger|SpreadsheetTriggerBuilder|TriggerBuilder)\./.test(n));
}
