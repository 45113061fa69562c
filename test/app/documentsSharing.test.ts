/**
 * The year's documents across a cluster on consumer accounts (gmail.com-style, the owner in
 * another account than the cụm trưởng), under drive.file, which is per user: the cụm trưởng's run
 * makes the one year folder and shares it through the Drive API; the others reach the documents
 * as people (their Drive role, the "Văn bản" links), and a second leader-side user is told whose
 * folder it is instead of getting a second folder with its numbers started again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useDocumentServices } from '../../src/adapters/documents';
import { folderKey, readFolderRecord } from '../../src/adapters/drive';
import { useServices } from '../../src/adapters/services';
import { generateDocument, listDocuments } from '../../src/app/documents';
import { sampleYearConfig } from '../../src/app/sample';
import { setupYear } from '../../src/app/setup';
import { logEdit } from '../../src/app/audit';
import { sampleText } from '../../src/i18n/engine';
import { docsWriterText as T } from '../../src/i18n/docsWriter';
import { createDocumentFakes, type DocumentFakes } from '../fakes/documents';
import { createFakeGoogle, type FakeGoogle } from '../fakes/google';
import { plug } from './world';

const YEAR = 2021;
const OWNER = 'chu.bangtinh@gmail.com';
/** Bình Dương (the leader unit) has two focal officers: both are cụm trưởng in the sheet. */
const LEADER = 'cumtruong.vks@gmail.com';
const LEADER_2 = 'vanthu.binhduong@gmail.com';
/** Đồng Nai, the deputy unit: the cụm phó. */
const DEPUTY = 'cumpho.vks@gmail.com';
const COVENANT = 'Giao ước thi đua năm 2021 - Cụm thi đua số 9';
const members = sampleText.cluster9.members;

function focalOf(province: string): string[] {
  if (province === 'Bình Dương') return [LEADER, LEADER_2];
  if (province === 'Đồng Nai') return [DEPUTY];
  return [`daumoi.${members.find((m) => m.province === province)!.mail}@gmail.com`];
}
const TEAM = members.map((m) => `kiemtra.${m.mail}@gmail.com`);
const OTHER_FOCAL = members.map((m) => m.province).filter((p) => p !== 'Bình Dương' && p !== 'Đồng Nai').flatMap(focalOf);

interface World {
  g: FakeGoogle;
  fakes: DocumentFakes;
}

/** The sample cluster set up by the owner, every person on a gmail.com address. */
function world(): World {
  const g = createFakeGoogle({
    owner: OWNER, now: Date.UTC(2021, 0, 9, 2),
    handlers: { onWorkbookEdit: (e: GoogleAppsScript.Events.SheetsOnEdit) => logEdit(e) },
  });
  const config = sampleYearConfig(YEAR);
  config.units = config.units.map((u) => ({ ...u, focalEmails: focalOf(u.id) }));
  config.crossCheckTeam = TEAM.map((email) => ({ email }));
  g.share([...config.units.flatMap((u) => u.focalEmails), ...TEAM]);
  plug(g);
  const r = g.asUser(OWNER, () => setupYear(config));
  expect(r.ok, r.message).toBe(true);
  const fakes = createDocumentFakes(g.env);
  useDocumentServices({ documentApp: fakes.DocumentApp, drive: fakes.Drive });
  return { g, fakes };
}

const idOf = (url: string | null) => /\/(?:d|folders)\/([\w-]+)/.exec(url ?? '')![1]!;

/** One user's run of generateDocument, with the Drive calls it made. */
function generate(w: World, user: string, kind: 'covenant' | 'report' = 'covenant') {
  const from = w.g.env.callCount;
  const r = w.g.asUser(user, () => generateDocument(kind, { pdf: true }));
  const calls = w.g.env.calls.slice(from).map((c) => c.name);
  return { r, permissionCalls: calls.filter((n) => n === 'Drive.Permissions.create').length, driveCalls: calls.filter((n) => n.startsWith('Drive.')).length };
}

function folders(w: World): string[] {
  return Object.values(w.fakes.store.drive.state.folders).filter((f) => f.name.startsWith('Thi đua')).map((f) => f.id);
}

afterEach(() => {
  useDocumentServices(null);
  useServices(null);
});

describe('the year\'s documents on consumer accounts, drive.file per user', () => {
  it('the cụm trưởng (not the owner) makes the covenant in one folder shared with the cluster, one call per person', () => {
    const w = world();
    const { r, permissionCalls } = generate(w, LEADER);
    expect(r.ok, r.message).toBe(true);
    expect(r.name).toBe(COVENANT);
    const drive = w.fakes.store.drive;
    const folderId = idOf(r.folderUrl);
    const docId = idOf(r.url);
    expect(drive.state.folders[folderId]!.owner).toBe(LEADER);
    expect(readFolderRecord(w.g.apps.PropertiesService.getDocumentProperties().getProperty(folderKey(YEAR)))?.by).toBe(LEADER);
    // Writers: the owner, the other cụm trưởng officer, the cụm phó; commenters: the other units and the team.
    for (const e of [OWNER, LEADER_2, DEPUTY]) expect(drive.roleOf(docId, e), e).toBe('writer');
    for (const e of [...OTHER_FOCAL, ...TEAM]) expect(drive.roleOf(docId, e), e).toBe('commenter');
    expect(drive.roleOf(docId, LEADER)).toBe('owner');
    expect(drive.roleOf(docId, 'nguoingoai@gmail.com')).toBeNull();
    // Shared on the folder only: the document and its PDF inherit it.
    expect(permissionCalls).toBe(3 + OTHER_FOCAL.length + TEAM.length);
    expect(drive.state.files[docId]!.permissions).toEqual([]);
    expect(drive.roleOf(idOf(r.pdfUrl), OTHER_FOCAL[0]!)).toBe('commenter');
    expect(r.message).toContain(T.shared(permissionCalls));
  });

  it('a unit\'s focal officer reaches the covenant as a person: a commenter on it, its link in "Văn bản", though the add-on cannot open it for them', () => {
    const w = world();
    const made = generate(w, LEADER).r;
    const tayNinh = focalOf('Tây Ninh')[0]!;
    const list = w.g.asUser(tayNinh, () => listDocuments());
    expect(list.ok, list.message).toBe(true);
    expect(list.documents.map((d) => [d.name, d.url, d.user])).toEqual([[COVENANT, made.url, LEADER]]);
    expect(list.folder).toEqual({ url: made.folderUrl, by: LEADER, mine: false });
    expect(w.fakes.store.drive.roleOf(idOf(list.documents[0]!.url), tayNinh)).toBe('commenter');
    // Their own run of the add-on does not reach the file (drive.file), nor DocumentApp (commenter).
    w.g.asUser(tayNinh, () => {
      expect(() => w.fakes.Drive.Files.get(idOf(made.url))).toThrow(/File not found/);
      expect(() => w.fakes.DocumentApp.openByUrl(made.url!)).toThrow(/Document is missing/);
    });
    expect(w.g.asUser(LEADER, () => listDocuments()).folder).toEqual({ url: made.folderUrl, by: LEADER, mine: true });
  });

  it('a second version by the same cụm trưởng is "(bản 2)" in the same folder, with no sharing call', () => {
    const w = world();
    const first = generate(w, LEADER).r;
    const second = generate(w, LEADER);
    expect(second.r.ok, second.r.message).toBe(true);
    expect([second.r.name, second.r.version]).toEqual([`${COVENANT} (bản 2)`, 2]);
    expect(second.r.folderUrl).toBe(first.folderUrl);
    expect(second.permissionCalls).toBe(0);
    expect(second.r.message).not.toContain('chia sẻ');
    expect(folders(w)).toEqual([idOf(first.folderUrl)]);
  });

  it('another leader-side user (the owner, the second cụm trưởng officer) is told whose folder it is: no second folder, no document, numbers kept', () => {
    const w = world();
    const first = generate(w, LEADER).r;
    const key = w.g.apps.PropertiesService.getDocumentProperties().getProperty(folderKey(YEAR));
    const files = Object.keys(w.fakes.store.drive.state.files).length;
    for (const user of [OWNER, LEADER_2]) {
      const { r, permissionCalls } = generate(w, user);
      expect(r.ok, user).toBe(false);
      expect(r.message, user).toBe(T.foreignFolder(YEAR, LEADER, first.folderUrl!));
      expect(r.url).toBeNull();
      expect(permissionCalls).toBe(0);
      expect(w.g.asUser(user, () => listDocuments()).folder).toEqual({ url: first.folderUrl, by: LEADER, mine: false });
    }
    expect(folders(w)).toEqual([idOf(first.folderUrl)]);
    expect(Object.keys(w.fakes.store.drive.state.files).length).toBe(files);
    expect(w.g.apps.PropertiesService.getDocumentProperties().getProperty(folderKey(YEAR))).toBe(key);
    expect(w.g.peek('Văn bản').slice(1).map((row) => row[3])).toEqual([COVENANT]);
    // The cụm trưởng goes on where they left off.
    expect(generate(w, LEADER).r.version).toBe(2);
  });

  it('the cụm phó, who may not make documents, is refused before Drive is asked', () => {
    const w = world();
    generate(w, LEADER);
    const { r, driveCalls } = generate(w, DEPUTY);
    expect(r.ok).toBe(false);
    expect(r.message).not.toContain(LEADER);
    expect(driveCalls).toBe(0);
  });

  it('someone who opened the folder with the app makes the next version in it, numbered after the "Văn bản" tab though Drive lists them none of the others', () => {
    const w = world();
    const first = generate(w, LEADER).r;
    w.fakes.store.drive.openWithApp(idOf(first.folderUrl), OWNER);
    const { r } = generate(w, OWNER);
    expect(r.ok, r.message).toBe(true);
    expect([r.name, r.version, r.folderUrl]).toEqual([`${COVENANT} (bản 2)`, 2, first.folderUrl]);
    expect(folders(w)).toEqual([idOf(first.folderUrl)]);
  });

  it('reports an address that is no Google account, still makes the document, and tries that address again next time only', () => {
    const w = world();
    w.fakes.store.drive.markNotGoogleAccount(TEAM[2]!);
    const first = generate(w, LEADER);
    expect(first.r.ok, first.r.message).toBe(true);
    expect(first.r.message).toContain(T.notShared([`${TEAM[2]} (${T.notGoogleAccount})`]));
    expect(first.r.message).toContain(T.shared(first.permissionCalls - 1));
    expect(w.fakes.store.drive.roleOf(idOf(first.r.url), TEAM[2]!)).toBeNull();
    const second = generate(w, LEADER);
    expect(second.permissionCalls).toBe(1);
    expect(second.r.message).toContain(TEAM[2]);
  });
});
