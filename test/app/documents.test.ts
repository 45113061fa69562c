/**
 * Tạo văn bản end to end on the in-memory services: the year's folder, versions, the PDF, the
 * "Văn bản" tab, the log, faults at every call, scopes, and the call budget.

 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { useDocumentServices, type DocumentServices } from '../../src/adapters/documents';
import { folderKey, readFolderRecord } from '../../src/adapters/drive';
import { useServices } from '../../src/adapters/services';
import {
  draftName, generateDocument, isDraft, listDocuments, nextVersion, readOptions, versionOf, versionedName,
  writeYearDocument, type DocumentKind, type DocumentOptions, type YearDocumentInput,
} from '../../src/app/documents';
import { computeYear } from '../../src/core/engine';
import type { ScoringYear } from '../../src/core/model';
import { generateYear, sampleCluster9Year } from '../../src/core/samples';
import { docsWriterText } from '../../src/i18n/docsWriter';
import { createDocumentFakes, docText, type DocumentFakes, type DocumentStore, type SerializedDocs } from '../fakes/documents';
import { MimeType, SCOPE_DRIVE } from '../fakes/drive';
import { createFakeGoogle, type FakeGoogle, type SerializedState } from '../fakes/google';
import { filledYear } from './steps';
import { LEADER, OWNER, focal, newWorld } from './world';

const SCOPE_DRIVE_FILE = 'https://www.googleapis.com/auth/drive.file';

// ---------------------------------------------------------------------------------------------
// Worlds

interface DocsWorld {
  g: FakeGoogle;
  fakes: DocumentFakes;
  store: DocumentStore;
  svc: DocumentServices;
  props: GoogleAppsScript.Properties.Properties;
}

/** Documents and properties over one call log, optionally restored from a snapshot. */
function docsWorld(options: { scopes?: readonly string[]; from?: { google: SerializedState; docs: SerializedDocs } } = {}): DocsWorld {
  let fakes!: DocumentFakes;
  const g = createFakeGoogle({
    owner: OWNER,
    now: Date.UTC(2021, 0, 9, 2),
    ...(options.from ? { state: options.from.google } : {}),
    extraGlobals: ({ env }) => {
      fakes = createDocumentFakes(env, options.from?.docs, options.scopes ? { scopes: options.scopes } : {});
      return { ...fakes };
    },
  });
  const svc = { documentApp: fakes.DocumentApp, drive: fakes.Drive };
  return { g, fakes, store: fakes.store, svc, props: g.apps.PropertiesService.getDocumentProperties() };
}

function snapshot(w: DocsWorld) {
  return { google: w.g.serialize(), docs: w.fakes.serialize() };
}

const sample = sampleCluster9Year(2021);
const sampleResult = computeYear(sample);
const NOW = new Date(Date.UTC(2021, 0, 9, 2));
const COVENANT = 'Giao ước thi đua năm 2021 - Cụm thi đua số 9';
const FOLDER = 'Thi đua Cụm thi đua số 9 2021';

function generate(w: DocsWorld, kind: DocumentKind = 'covenant', options: DocumentOptions = {}, year: ScoringYear = sample,
  more: Partial<YearDocumentInput> = {}) {
  return writeYearDocument({
    kind, year, result: year === sample ? sampleResult : computeYear(year), options, now: NOW, properties: w.props, services: w.svc, ...more,
  });
}

/** Files in a folder (trashed too), as Drive holds them. */
function filesIn(w: DocsWorld, folderId: string) {
  return w.store.drive.filesIn(folderId).map((f) => ({ id: f.id, name: f.name, mimeType: f.mimeType, trashed: f.trashed }));
}

function liveText(w: DocsWorld, id: string): string {
  return docText(w.fakes.DocumentApp.openById(id));
}

/** Calls of DocumentApp and Drive (everything but properties). */
function documentCalls(w: DocsWorld, from = 0): number {
  return w.g.env.calls.slice(from).filter((c) => !c.name.startsWith('Properties')).length;
}

afterEach(() => {
  useDocumentServices(null);
  useServices(null);
});

// ---------------------------------------------------------------------------------------------

describe('names and versions', () => {
  it('names the first version by the title alone and later ones "(bản n)"', () => {
    expect(versionedName(COVENANT, 1)).toBe(COVENANT);
    expect(versionedName(COVENANT, 2)).toBe(`${COVENANT} (bản 2)`);
    expect(draftName(versionedName(COVENANT, 2))).toBe(`[đang tạo] ${COVENANT} (bản 2)`);
  });

  it('reads the version of a document or its PDF, and nothing from another title', () => {
    expect(versionOf(COVENANT, COVENANT)).toBe(1);
    expect(versionOf(`${COVENANT} (bản 12).pdf`, COVENANT)).toBe(12);
    expect(versionOf(`${COVENANT} (bản x)`, COVENANT)).toBeNull();
    expect(versionOf('Giao ước thi đua năm 2022 - Cụm thi đua số 9', COVENANT)).toBeNull();
    expect(versionOf(COVENANT.normalize('NFD'), COVENANT)).toBe(1);
  });

  it('numbers the next version after the highest one, drafts left out', () => {
    expect(nextVersion([], COVENANT)).toBe(1);
    expect(nextVersion([COVENANT, `${COVENANT}.pdf`, `${COVENANT} (bản 3)`, draftName(`${COVENANT} (bản 7)`)], COVENANT)).toBe(4);
    expect(isDraft(draftName(COVENANT))).toBe(true);
  });
});

describe('options from the sidebar', () => {
  it('reads dates given as "YYYY-MM-DD" or as calendar objects', () => {
    expect(readOptions({ date: '2021-01-09', start: '2021-11-16T08:30', pdf: true })).toEqual({
      date: { y: 2021, m: 1, d: 9 }, start: { y: 2021, m: 11, d: 16, h: 8, min: 30 }, pdf: true,
    });
  });

  it('refuses an impossible date and names the field', () => {
    expect(() => readOptions({ date: '2021-02-30' })).toThrow(/"date"/);
    expect(() => readOptions({ number: -1 })).toThrow(/"number"/);
    expect(() => readOptions('covenant')).toThrow(/"options"/);
  });

  it('cleans texts to NFC without invisible characters', () => {
    const o = readOptions({ venue: ` Hội trường\u200b ${'Bình Dương'.normalize('NFD')} `, attendees: ['', 'Đồng chí A'] });
    expect(o.venue).toBe('Hội trường Bình Dương');
    expect(o.attendees).toEqual(['Đồng chí A']);
  });
});

describe('writing a document of the year into Drive', () => {
  it('creates the year\'s folder once and remembers it by id in document properties', () => {
    const w = docsWorld();
    const a = generate(w);
    const b = generate(w);
    const folders = Object.values(w.store.drive.state.folders).filter((f) => f.name === FOLDER);
    expect(folders.map((f) => f.id)).toEqual([a.folderId]);
    expect(b.folderId).toBe(a.folderId);
    expect(readFolderRecord(w.props.getProperty(folderKey(2021)))?.id).toBe(a.folderId);
    expect(w.store.drive.pathOf(a.id)).toBe(`${FOLDER}/${COVENANT}`);
  });

  it('makes a new folder when the remembered one went to the trash', () => {
    const w = docsWorld();
    const a = generate(w);
    w.store.drive.state.folders[a.folderId]!.trashed = true;
    const b = generate(w);
    expect(b.folderId).not.toBe(a.folderId);
    expect(b.version).toBe(1);
    expect(readFolderRecord(w.props.getProperty(folderKey(2021)))?.id).toBe(b.folderId);
  });

  it('never overwrites an earlier document: each generation is a new version with a clear name', () => {
    const w = docsWorld();
    const first = generate(w);
    w.store.endExecution();
    const signed = JSON.stringify(w.store.docs[first.id]);
    const second = generate(w);
    const third = generate(w, 'covenant', { number: 7 });
    expect([first.name, second.name, third.name]).toEqual([COVENANT, `${COVENANT} (bản 2)`, `${COVENANT} (bản 3)`]);
    expect([first.version, second.version, third.version]).toEqual([1, 2, 3]);
    expect(JSON.stringify(w.store.docs[first.id])).toBe(signed);
    expect(new Set([first.id, second.id, third.id]).size).toBe(3);
  });

  it('numbers versions per document kind', () => {
    const w = docsWorld();
    generate(w);
    const minutes = generate(w, 'minutes');
    expect(minutes.name).toBe('Biên bản họp bình xét, suy tôn năm 2021 - Cụm thi đua số 9');
    expect(minutes.version).toBe(1);
  });

  it('saves the document before exporting its PDF, and puts the PDF next to it under the same name', () => {
    const w = docsWorld();
    const d = generate(w, 'report', { pdf: true });
    expect(w.store.exports.length).toBe(1);
    expect(w.store.exports.every((e) => !e.stale)).toBe(true);
    const pdf = w.store.drive.state.files[d.pdfId!]!;
    expect(pdf.name).toBe(`${d.name}.pdf`);
    expect(pdf.mimeType).toBe(MimeType.PDF);
    expect(pdf.parents).toEqual([d.folderId]);
    expect(Buffer.from(pdf.content!, 'base64').toString('utf8')).toContain('BÁO CÁO');
    expect(d.pdfUrl).toBe(`https://drive.google.com/file/d/${d.pdfId}/view`);
  });

  it('reaches only what the add-on created, never calls DriveApp, and never replaces a remembered folder it cannot reach', () => {
    const w = docsWorld();
    const mine = w.store.drive.seedFolder(FOLDER);
    w.store.drive.seedFile(`${COVENANT}`, 'bản đã ký, của người dùng', MimeType.PLAIN_TEXT, mine.id);
    w.store.seedDocument('Giao ước thi đua năm 2020 - Cụm thi đua số 9', ['bản năm trước']);
    // A bare id (saved before the maker was kept): Drive says "not found", maker unknown.
    w.props.setProperty(folderKey(2021), mine.id);
    const folders = Object.keys(w.store.drive.state.folders).length;
    expect(() => generate(w, 'covenant', { pdf: true }, sample, { user: OWNER })).toThrow(/do một tài khoản khác tạo/);
    expect(Object.keys(w.store.drive.state.folders).length).toBe(folders);
    expect(w.props.getProperty(folderKey(2021))).toBe(mine.id);
    // The same user's own folder that Drive no longer knows (deleted for good) is replaced.
    w.props.setProperty(folderKey(2021), JSON.stringify({ id: '1fld999999', by: OWNER, shared: [] }));
    const d = generate(w, 'covenant', { pdf: true }, sample, { user: OWNER });
    expect(d.folderId).not.toBe(mine.id);
    expect(d.version).toBe(1);
    expect(readFolderRecord(w.props.getProperty(folderKey(2021)))).toEqual({ id: d.folderId, by: OWNER, shared: [] });
    expect(w.store.drive.foreignAccess()).toEqual([]);
    expect(w.g.env.count('DriveApp')).toBe(0);
    expect(w.g.env.calls.filter((c) => c.name.startsWith('Drive') && !c.name.startsWith('Drive.Files.'))).toEqual([]);
  });

  it('works with only the manifest\'s scopes: documents and drive.file, not the whole Drive', () => {
    const manifest = JSON.parse(readFileSync('appsscript.json', 'utf8')) as { oauthScopes: string[] };
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/documents');
    expect(manifest.oauthScopes).toContain(SCOPE_DRIVE_FILE);
    expect(manifest.oauthScopes).not.toContain(SCOPE_DRIVE);
    const w = docsWorld({ scopes: manifest.oauthScopes });
    const d = generate(w, 'proposal', { pdf: true });
    expect(d.name).toBe('Tờ trình đề nghị khen thưởng năm 2021 - Cụm thi đua số 9');
    // DriveApp would have been refused with these scopes.
    expect(() => w.fakes.DriveApp.createFolder('x')).toThrow(/auth\/drive/);
  });

  it('refuses with a clear message when the Drive advanced service is not enabled, creating nothing', () => {
    const w = docsWorld();
    const before = Object.keys(w.store.docs).length;
    expect(() => writeYearDocument({
      kind: 'covenant', year: sample, result: sampleResult, options: {}, now: NOW, properties: w.props,
      services: { documentApp: w.svc.documentApp, drive: undefined },
    })).toThrow(docsWriterText.driveMissing);
    expect(Object.keys(w.store.docs).length).toBe(before);
  });

  it('writes the four documents of the sample year, complete, with their links', () => {
    const w = docsWorld();
    for (const kind of ['covenant', 'minutes', 'report', 'proposal'] as const) {
      const d = generate(w, kind);
      expect(d.url).toBe(`https://docs.google.com/document/d/${d.id}/edit`);
      const text = liveText(w, d.id);
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('ngày 09 tháng 01 năm 2021');
    }
  });
});

describe('a failing call while writing a document', () => {
  /** A folder holding version 1 (with its PDF), then the world as it stands. */
  function withFirstVersion() {
    const w = docsWorld();
    const first = generate(w, 'covenant', { pdf: true });
    w.store.endExecution();
    return { start: snapshot(w), first, firstText: liveText(w, first.id) };
  }

  /** Files of the folder that are not in the trash. */
  function live(w: DocsWorld, folderId: string) {
    return filesIn(w, folderId).filter((f) => !f.trashed);
  }

  it('at any position leaves no half-written document under a final name, and a second run completes it', () => {
    const { start, first, firstText } = withFirstVersion();
    const ref = docsWorld({ from: start });
    const from = ref.g.env.callCount;
    const done = generate(ref, 'covenant', { pdf: true });
    const n = ref.g.env.callCount - from;
    const expected = liveText(ref, done.id);
    const finalNames = [`${COVENANT} (bản 2)`, `${COVENANT} (bản 2).pdf`];
    expect(n).toBeGreaterThan(50);
    for (let at = 1; at <= n; at++) {
      const w = docsWorld({ from: start });
      w.g.env.failNthCall(at);
      let failed = false;
      try {
        generate(w, 'covenant', { pdf: true });
      } catch (e) {
        failed = true;
        expect(String(e), `fault at call ${at}`).toMatch(/Service invoked too many times/);
      }
      expect(failed, `fault at call ${at}`).toBe(true);
      const left = live(w, first.folderId);
      expect(left.map((f) => f.name).sort(), `fault at call ${at}`).toEqual([COVENANT, `${COVENANT}.pdf`]);
      expect(liveText(w, first.id), `fault at call ${at}`).toBe(firstText);
      // Running again completes it.
      const again = generate(w, 'covenant', { pdf: true });
      expect(again.name, `rerun after fault at call ${at}`).toBe(`${COVENANT} (bản 2)`);
      expect(liveText(w, again.id), `rerun after fault at call ${at}`).toBe(expected);
      expect(live(w, first.folderId).map((f) => f.name).sort(), `rerun after fault at call ${at}`)
        .toEqual([COVENANT, `${COVENANT}.pdf`, ...finalNames].sort());
    }
    // One world per call of the covenant (now with its commitments and Nơi nhận): 15 s alone, more on a loaded machine.
  }, 60_000);

  it('keeps the draft\'s "[đang tạo]" name when trashing it fails too, and the next run trashes it', () => {
    const { start, first } = withFirstVersion();
    const w = docsWorld({ from: start });
    w.g.env.failWhen((name) => name === 'Paragraph.setAttributes', 'Exceeded maximum execution time');
    w.g.env.failWhen((name) => name === 'Drive.Files.update', 'Service invoked too many times for one day: drive.', false);
    expect(() => generate(w, 'covenant', { pdf: true })).toThrow(/Exceeded maximum execution time/);
    const drafts = live(w, first.folderId).filter((f) => isDraft(f.name));
    expect(drafts.map((f) => f.name)).toEqual([`[đang tạo] ${COVENANT} (bản 2)`]);
    w.g.env.clearFaults();
    const again = generate(w, 'covenant', { pdf: true });
    expect(again.version).toBe(2);
    expect(live(w, first.folderId).filter((f) => isDraft(f.name))).toEqual([]);
    expect(w.store.drive.state.files[drafts[0]!.id]!.trashed).toBe(true);
  });
});

describe('the call budget', () => {
  it('writes the covenant of 7 units and 60 criteria, with its PDF, in under 150 DocumentApp and Drive calls', () => {
    const year = generateYear({ units: 7, criteria: 60, seed: 1 });
    const w = docsWorld();
    const at0 = w.g.env.callCount;
    generate(w, 'covenant', { pdf: true }, year);
    const firstRun = documentCalls(w, at0);
    const at1 = w.g.env.callCount;
    generate(w, 'covenant', { pdf: true }, year);
    const again = documentCalls(w, at1);
    const at2 = w.g.env.callCount;
    generate(w, 'covenant', {}, year);
    const noPdf = documentCalls(w, at2);
    console.info(`covenant 7 units × 60 criteria: ${firstRun} calls (new folder, PDF), ${again} (folder known, PDF), ${noPdf} (no PDF)`);
    expect(firstRun).toBeLessThan(150);
    expect(again).toBeLessThan(150);
    expect(noPdf).toBe(again - 3);
  });

  it('writes each document of the sample year without a call per cell of its tables', () => {
    const w = docsWorld();
    generate(w);
    const counts: Record<string, number> = {};
    for (const kind of ['covenant', 'minutes', 'report', 'proposal'] as const) {
      const from = w.g.env.callCount;
      generate(w, kind);
      counts[kind] = documentCalls(w, from);
      // Only rebuilt cells are reached one by one: the heading block's two and "Nơi nhận:".
      expect(w.g.env.calls.slice(from).filter((c) => c.name === 'Table.getCell').length, kind).toBe(kind === 'report' || kind === 'proposal' ? 3 : 2);
    }
    console.info(`sample year (6 units, 39 criteria), folder known, no PDF: ${JSON.stringify(counts)}`);
    expect(counts.covenant).toBeLessThan(150);
  });
});

describe('generateDocument from the sheet', () => {
  function world() {
    const g = newWorld();
    filledYear(g);
    const fakes = createDocumentFakes(g.env);
    const drive = fakes.Drive;
    useDocumentServices({ documentApp: fakes.DocumentApp, drive });
    return { g, fakes, store: fakes.store };
  }

  it('writes the document and returns plain JSON with its name, version and links', () => {
    const { g, store } = world();
    const r = g.asUser(OWNER, () => generateDocument('covenant', { pdf: true, date: '2021-01-09', number: 1 }));
    expect(r.ok, r.message).toBe(true);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r).toMatchObject({ kind: 'covenant', name: COVENANT, version: 1 });
    expect(r.url).toMatch(/^https:\/\/docs\.google\.com\/document\/d\/[\w-]+\/edit$/);
    expect(r.pdfUrl).toMatch(/^https:\/\/drive\.google\.com\/file\/d\/[\w-]+\/view$/);
    expect(r.message).toContain(docsWriterText.pageNumbers);
    const id = /\/d\/([\w-]+)\//.exec(r.url!)![1]!;
    expect(store.drive.state.files[id]!.name).toBe(COVENANT);
  });

  it('writes one row per document into its own "Văn bản" tab that only the owner and the cụm trưởng may edit', () => {
    const { g } = world();
    const a = g.asUser(LEADER, () => generateDocument('covenant'));
    const b = g.asUser(LEADER, () => generateDocument('report', { pdf: true }));
    expect(a.ok && b.ok, `${a.message} ${b.message}`).toBe(true);
    const rows = g.peek('Văn bản');
    expect(rows[0]).toEqual(docsWriterText.header);
    expect(rows.slice(1).map((r) => [r[1], r[2], r[3], r[4], r[5], r[6]])).toEqual([
      ['Giao ước thi đua', 1, COVENANT, a.url, '', LEADER],
      ['Báo cáo kết quả chấm điểm, xếp hạng', 1, b.name, b.url, b.pdfUrl, LEADER],
    ]);
    expect(g.canUserEdit(OWNER, 'Văn bản', 'A2')).toBe(true);
    expect(g.canUserEdit(LEADER, 'Văn bản', 'A2')).toBe(true);
    expect(g.canUserEdit(focal('Tây Ninh'), 'Văn bản', 'A2')).toBe(false);
  });

  it('logs each generation in Nhật ký', () => {
    const { g } = world();
    g.asUser(OWNER, () => generateDocument('proposal'));
    const log = g.peekDisplay('Nhật ký').filter((r) => r[3] === docsWriterText.logAction);
    expect(log.length).toBe(1);
    expect(log[0]!.join(' ')).toContain('Tờ trình đề nghị khen thưởng năm 2021');
  });

  it('lists the generated documents newest first', () => {
    const { g } = world();
    g.asUser(OWNER, () => generateDocument('covenant'));
    g.asUser(OWNER, () => generateDocument('covenant'));
    const list = g.asUser(focal('Tây Ninh'), () => listDocuments());
    expect(list.ok).toBe(true);
    expect(list.documents.map((d) => [d.name, d.version])).toEqual([[`${COVENANT} (bản 2)`, 2], [COVENANT, 1]]);
  });

  it('refuses a unit\'s focal officer, creating nothing', () => {
    const { g, store } = world();
    const r = g.asUser(focal('Tây Ninh'), () => generateDocument('report'));
    expect(r.ok).toBe(false);
    expect(r.url).toBeNull();
    expect(Object.keys(store.docs)).toEqual([]);
  });

  it('refuses an unknown kind and a bad option with a Vietnamese message, before any call', () => {
    const { g } = world();
    const from = g.env.callCount;
    const r = g.asUser(OWNER, () => generateDocument('hợp đồng' as DocumentKind));
    expect(r).toMatchObject({ ok: false, kind: null, url: null });
    expect(r.message).toContain('Không có loại văn bản "hợp đồng"');
    const bad = g.asUser(OWNER, () => generateDocument('covenant', { date: '09/01/2021' }));
    expect(bad.message).toBe('Giá trị "09/01/2021" của mục "date" không hợp lệ');
    expect(g.env.callCount).toBe(from);
  });

  it('refuses results documents while a unit tab is missing, but still writes the covenant', () => {
    const { g } = world();
    g.asUser(OWNER, () => {
      const ss = g.apps.SpreadsheetApp.getActiveSpreadsheet();
      ss.deleteSheet(ss.getSheetByName('Bình Phước')!);
    });
    const report = g.asUser(OWNER, () => generateDocument('report'));
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.sheet)).toContain('Bình Phước');
    expect(g.asUser(OWNER, () => generateDocument('covenant')).ok).toBe(true);
  });

  it('after a failing call at any position presents only complete documents as final, and a second run completes', () => {
    const g = newWorld();
    filledYear(g);
    const start = g.serialize();
    const docsStart = createDocumentFakes(g.env).serialize();
    let fakes = createDocumentFakes(g.env, docsStart);
    const plugDocs = () => {
      fakes = createDocumentFakes(g.env, docsStart);
      useDocumentServices({ documentApp: fakes.DocumentApp, drive: fakes.Drive });
    };
    const options = { pdf: true, date: '2021-11-16', start: '2021-11-16T08:00' };
    plugDocs();
    const from = g.env.callCount;
    const ref = g.asUser(LEADER, () => generateDocument('minutes', options));
    expect(ref.ok, ref.message).toBe(true);
    const n = g.env.callCount - from;
    // Read as the cụm trưởng, whose run made them (DocumentApp checks the reader's Drive role).
    const read = (url: string) => g.asUser(LEADER, () => docText(fakes.DocumentApp.openByUrl(url)));
    const expected = read(ref.url!);
    const files = () => Object.values(fakes.store.drive.state.files).filter((f) => !f.trashed);
    const finalDocs = () => files().filter((f) => f.name.startsWith('Biên bản') && f.mimeType === MimeType.GOOGLE_DOCS);
    const finalPdfs = () => files().filter((f) => f.name.startsWith('Biên bản') && f.mimeType === MimeType.PDF);
    for (let at = 1; at <= n; at++) {
      g.restore(start);
      plugDocs();
      g.env.failNthCall(at);
      const r = g.asUser(LEADER, () => generateDocument('minutes', options));
      g.env.clearFaults();
      const made = finalDocs().length;
      // Either nothing final, or a complete document with its PDF (a fault after the rename,
      // e.g. at the lock's release, may still report a failure).
      expect(made, `fault at call ${at}: ${r.message}`).toBe(r.ok ? 1 : made);
      expect(made, `fault at call ${at}`).toBeLessThanOrEqual(1);
      expect(finalPdfs().length, `fault at call ${at}`).toBe(made);
      for (const d of finalDocs()) expect(g.asUser(LEADER, () => docText(fakes.DocumentApp.openById(d.id))), `fault at call ${at}`).toBe(expected);
      expect(files().filter((f) => isDraft(f.name)), `fault at call ${at}`).toEqual([]);
      const again = g.asUser(LEADER, () => generateDocument('minutes', options));
      expect(again.ok, `rerun after fault at call ${at}: ${again.message}`).toBe(true);
      expect(again.version, `rerun after fault at call ${at}`).toBe(made + 1);
      expect(read(again.url!), `rerun after fault at call ${at}`).toBe(expected);
      for (const row of g.peek('Văn bản').slice(1)) {
        const id = /\/d\/([\w-]+)\//.exec(String(row[4]))![1]!;
        expect(fakes.store.drive.state.files[id]!.trashed, `fault at call ${at}: row of ${String(row[3])}`).toBe(false);
      }
    }
  }, 120_000);

  it('reports a document whose link could not be written as made, and says where it is', () => {
    const { g, store } = world();
    g.env.failWhen((name) => name === 'Spreadsheet.insertSheet', 'Service invoked too many times for one day: spreadsheets.');
    const r = g.asUser(OWNER, () => generateDocument('covenant'));
    expect(r.ok).toBe(true);
    expect(r.message).toContain('Chưa ghi được đường dẫn vào trang "Văn bản"');
    const id = /\/d\/([\w-]+)\//.exec(r.url!)![1]!;
    expect(store.drive.state.files[id]!.name).toBe(COVENANT);
  });
});
