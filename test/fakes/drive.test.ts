import { describe, expect, it } from 'vitest';
import { FakeEnv } from './env';
import { FakeBlob } from './blob';
import { SCOPE_DOCUMENTS, SCOPE_DRIVE, SCOPE_DRIVE_READONLY, type FakeServiceOptions } from './drive';
import { createDocumentFakes } from './documents';

function setup(options?: FakeServiceOptions) {
  const env = new FakeEnv('owner@vks.example');
  let t = Date.UTC(2024, 0, 9, 1, 0, 0);
  const now = () => new Date((t += 60_000));
  return { env, ...createDocumentFakes(env, undefined, { now, ...options }) };
}

function names(it: { hasNext(): boolean; next(): { getName(): string } }): string[] {
  const out: string[] = [];
  while (it.hasNext()) out.push(it.next().getName());
  return out;
}

describe('DriveApp fake', () => {
  it('puts a new folder in My Drive, owned by the current user and marked as made by the add-on', () => {
    const f = setup();
    f.env.currentUser = 'vanphong@vks.example';
    const folder = f.DriveApp.createFolder('Thi đua 2024');
    const root = f.DriveApp.getRootFolder();
    expect(root.getName()).toBe('My Drive');
    expect(names(root.getFolders())).toEqual(['Thi đua 2024']);
    expect(folder.getOwner().getEmail()).toBe('vanphong@vks.example');
    expect(folder.getUrl()).toBe(`https://drive.google.com/drive/folders/${folder.getId()}`);
    expect(names(folder.getParents())).toEqual(['My Drive']);
    expect(f.store.drive.state.folders[folder.getId()]!.createdByScript).toBe(true);
  });

  it('finds folders and files by exact name, Vietnamese diacritics included, NFC and NFD being different names', () => {
    const f = setup();
    const year = f.DriveApp.createFolder('Năm 2024');
    year.createFolder('Biên bản');
    year.createFile('Giao ước thi đua.txt', 'nội dung');
    expect(names(f.DriveApp.getFoldersByName('Biên bản'))).toEqual(['Biên bản']);
    expect(names(year.getFoldersByName('Biên bản'))).toEqual(['Biên bản']);
    expect(names(f.DriveApp.getFoldersByName('Bien ban'))).toEqual([]);
    expect(names(f.DriveApp.getFilesByName('Giao ước thi đua.txt'))).toEqual(['Giao ước thi đua.txt']);
    expect(names(f.DriveApp.getFilesByName('Giao ước thi đua.txt'.normalize('NFD')))).toEqual([]);
    expect(f.store.drive.pathOf(f.DriveApp.getFilesByName('Giao ước thi đua.txt').next().getId())).toBe('Năm 2024/Giao ước thi đua.txt');
  });

  it('iterators give each item once, then throw; hasNext and next are counted calls', () => {
    const f = setup();
    const folder = f.DriveApp.createFolder('A');
    folder.createFile('1.txt', '1');
    folder.createFile('2.txt', '2');
    f.env.resetCalls();
    const files = folder.getFiles();
    expect(names(files)).toEqual(['1.txt', '2.txt']);
    expect(() => files.next()).toThrow('Cannot retrieve the next object: iterator has reached the end.');
    expect(f.env.count('FileIterator.hasNext')).toBe(3);
    expect(f.env.count('FileIterator.next')).toBe(3);
    expect(f.env.count('Folder.getFiles')).toBe(1);
  });

  it('resumes an iteration from its continuation token', () => {
    const f = setup();
    for (const n of ['a', 'b', 'c']) f.DriveApp.createFile(`${n}.txt`, n);
    const it1 = f.DriveApp.getFiles();
    it1.next();
    const token = it1.getContinuationToken();
    expect(names(f.DriveApp.continueFileIterator(token))).toEqual(['b.txt', 'c.txt']);
    expect(() => f.DriveApp.continueFileIterator('not a token')).toThrow(/continuationToken/);
  });

  it('creates files in a folder from a blob, from name and content, and from name, content and MIME type', () => {
    const f = setup();
    const folder = f.DriveApp.createFolder('Năm 2024');
    const fromBlob = folder.createFile(new FakeBlob('<b>Tờ trình</b>', f.MimeType.HTML, 'Tờ trình.html'));
    const text = folder.createFile('Ghi chú.txt', 'Cụm thi đua số 9');
    const csv = folder.createFile('Điểm.csv', 'Đơn vị;Điểm\nBình Dương;95', f.MimeType.CSV);
    expect([fromBlob.getName(), fromBlob.getMimeType()]).toEqual(['Tờ trình.html', 'text/html']);
    expect(text.getMimeType()).toBe('text/plain');
    expect(text.getBlob().getDataAsString()).toBe('Cụm thi đua số 9');
    expect(csv.getBlob().getDataAsString()).toBe('Đơn vị;Điểm\nBình Dương;95');
    expect(csv.getSize()).toBe(new TextEncoder().encode('Đơn vị;Điểm\nBình Dương;95').length);
    expect(names(folder.getFiles())).toEqual(['Tờ trình.html', 'Ghi chú.txt', 'Điểm.csv']);
    expect(names(f.DriveApp.getRootFolder().getFiles())).toEqual([]);
  });

  it('refuses a blob without a name and Google MIME types, creating nothing', () => {
    const f = setup();
    const folder = f.DriveApp.createFolder('A');
    expect(() => folder.createFile(new FakeBlob('x', 'text/plain'))).toThrow('Blob object must have non-null name for this operation.');
    expect(() => folder.createFile('x', 'y', f.MimeType.GOOGLE_DOCS)).toThrow(/Invalid mime type/);
    expect(() => folder.createFile('', 'y')).toThrow(/Invalid argument/);
    expect(names(folder.getFiles())).toEqual([]);
  });

  it('lists documents made by DocumentApp.create as Google Docs in the root, and moves them into a folder', () => {
    const f = setup();
    const doc = f.DocumentApp.create('Giao ước thi đua năm 2024');
    const folder = f.DriveApp.createFolder('Thi đua 2024');
    const file = f.DriveApp.getFileById(doc.getId());
    expect(file.getMimeType()).toBe('application/vnd.google-apps.document');
    expect(file.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit?usp=drivesdk`);
    expect(names(f.DriveApp.getRootFolder().getFiles())).toEqual(['Giao ước thi đua năm 2024']);
    file.moveTo(folder);
    expect(names(folder.getFiles())).toEqual(['Giao ước thi đua năm 2024']);
    expect(names(f.DriveApp.getRootFolder().getFiles())).toEqual([]);
    expect(names(file.getParents())).toEqual(['Thi đua 2024']);
    expect(names(f.DriveApp.getFilesByType(f.MimeType.GOOGLE_DOCS))).toEqual(['Giao ước thi đua năm 2024']);
  });

  it('exports a Google Doc file as a PDF of its last saved version', () => {
    const f = setup();
    const doc = f.DocumentApp.create('Biên bản');
    doc.getBody().appendParagraph('Thư ký cuộc họp');
    const file = f.DriveApp.getFileById(doc.getId());
    expect(file.getBlob().getDataAsString()).not.toContain('Thư ký');
    doc.saveAndClose();
    const blob = file.getBlob();
    expect([blob.getName(), blob.getContentType()]).toEqual(['Biên bản.pdf', 'application/pdf']);
    expect(blob.getDataAsString()).toContain('Thư ký cuộc họp');
    expect(() => file.getAs(f.MimeType.MICROSOFT_WORD)).toThrow(/not supported/);
  });

  it('copies a document with makeCopy: saved content, new id, optional name and folder', () => {
    const f = setup();
    const doc = f.DocumentApp.create('Giao ước');
    doc.getBody().appendParagraph('Điều 1');
    doc.saveAndClose();
    const folder = f.DriveApp.createFolder('Lưu trữ');
    const file = f.DriveApp.getFileById(doc.getId());
    const plainCopy = file.makeCopy();
    const named = file.makeCopy('Giao ước (bản 2)', folder);
    expect(plainCopy.getName()).toBe('Copy of Giao ước');
    expect(names(plainCopy.getParents())).toEqual(['My Drive']);
    expect(named.getId()).not.toBe(doc.getId());
    expect(names(named.getParents())).toEqual(['Lưu trữ']);
    const opened = f.DocumentApp.openById(named.getId());
    expect(opened.getBody().getText()).toBe('\nĐiều 1');
    opened.getBody().appendParagraph('Điều 2');
    expect(f.DocumentApp.openById(doc.getId()).getBody().getText()).toBe('\nĐiều 1');
    f.store.endExecution();
    expect(file.getBlob().getDataAsString()).not.toContain('Điều 2');
    expect(named.getBlob().getDataAsString()).toContain('Điều 2');
  });

  it('trashes files: iterators still list them, as DriveApp does, and getTrashedFiles lists only those', () => {
    const f = setup();
    const folder = f.DriveApp.createFolder('A');
    const old = folder.createFile('cũ.txt', '1');
    folder.createFile('mới.txt', '2');
    old.setTrashed(true);
    expect(old.isTrashed()).toBe(true);
    expect(names(folder.getFiles())).toEqual(['cũ.txt', 'mới.txt']);
    expect(names(f.DriveApp.getTrashedFiles())).toEqual(['cũ.txt']);
    expect(() => f.DriveApp.getRootFolder().setTrashed(true)).toThrow();
  });

  it('throws the Drive error for unknown ids', () => {
    const f = setup();
    const message = 'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
    expect(() => f.DriveApp.getFileById('1fil999999')).toThrow(message);
    expect(() => f.DriveApp.getFolderById('1fld999999')).toThrow(message);
  });

  it('tells which of the user\'s own files the add-on touched (createdByScript and accessed)', () => {
    const f = setup();
    const mine = f.store.drive.seedFile('Kế hoạch cá nhân.txt', 'riêng tư');
    const theirDoc = f.store.seedDocument('Báo cáo cũ', ['nội dung cũ']);
    const folder = f.DriveApp.createFolder('Thi đua 2024');
    folder.createFile('a.txt', 'a');
    expect(f.store.drive.foreignAccess()).toEqual([]);
    f.DriveApp.getFileById(mine.id).getName();
    f.DocumentApp.openById(theirDoc);
    expect(f.store.drive.foreignAccess()).toEqual([mine.id, theirDoc]);
    expect(f.store.drive.state.files[mine.id]!.createdByScript).toBe(false);
  });

  it('needs the full drive scope when given the manifest: drive.file alone does not authorise DriveApp', () => {
    const narrow = setup({ scopes: [SCOPE_DOCUMENTS, 'https://www.googleapis.com/auth/drive.file'] });
    expect(() => narrow.DriveApp.createFolder('x')).toThrow(
      'You do not have permission to call DriveApp.createFolder. Required permissions: https://www.googleapis.com/auth/drive');
    expect(narrow.store.drive.foldersIn(narrow.store.drive.state.rootFolderId)).toEqual([]);
    const readOnly = setup({ scopes: [SCOPE_DRIVE_READONLY] });
    expect(names(readOnly.DriveApp.getFiles())).toEqual([]);
    expect(() => readOnly.DriveApp.createFile('a', 'b')).toThrow(/Required permissions/);
    const full = setup({ scopes: [SCOPE_DRIVE] });
    expect(full.DriveApp.createFolder('x').getName()).toBe('x');
  });

  it('an injected fault on the Nth call throws and creates nothing', () => {
    const f = setup();
    const folder = f.DriveApp.createFolder('A');
    const before = f.serialize();
    f.env.failNthCall(1);
    expect(() => folder.createFolder('B')).toThrow('Service invoked too many times');
    f.env.failNthCall(1, 'Exceeded maximum execution time');
    expect(() => folder.createFile('b.txt', 'b')).toThrow('Exceeded maximum execution time');
    f.env.failWhen((name) => name === 'File.moveTo');
    const file = folder.createFile('c.txt', 'c');
    const afterCreate = f.serialize();
    expect(() => file.moveTo(f.DriveApp.getRootFolder())).toThrow();
    expect(f.serialize().drive.files).toEqual(afterCreate.drive.files);
    expect(Object.keys(afterCreate.drive.folders)).toEqual(Object.keys(before.drive.folders));
  });

  it('serialises folders, files and content to JSON and restores them', () => {
    const f = setup();
    const folder = f.DriveApp.createFolder('Năm 2024');
    folder.createFile('Điểm.csv', 'Bình Dương;95', f.MimeType.CSV).addEditor('cumtruong@vks.example');
    const state = JSON.parse(JSON.stringify(f.serialize()));
    const restored = createDocumentFakes(new FakeEnv(), state);
    const again = restored.DriveApp.getFolderById(folder.getId());
    const file = again.getFiles().next();
    expect(file.getBlob().getDataAsString()).toBe('Bình Dương;95');
    expect(file.getEditors().map((u) => u.getEmail())).toEqual(['cumtruong@vks.example']);
    restored.DriveApp.createFolder('Mới');
    expect(restored.store.drive.state.seq).toBe(f.store.drive.state.seq + 1);
    expect(Object.keys(f.store.drive.state.folders)).toHaveLength(2);
  });

  it('stamps created and last-updated times from the injected clock, and renaming updates them', () => {
    const f = setup();
    const file = f.DriveApp.createFile('a.txt', 'a');
    const created = file.getDateCreated().getTime();
    expect(file.getLastUpdated().getTime()).toBe(created);
    file.setName('b.txt');
    expect(file.getLastUpdated().getTime()).toBeGreaterThan(created);
    expect(file.getDateCreated().getTime()).toBe(created);
  });

  it('records sharing and editors on files and folders', () => {
    const f = setup();
    const folder = f.DriveApp.createFolder('Chung');
    folder.addEditors(['a@vks.example', 'b@vks.example']).removeEditor('a@vks.example');
    folder.setSharing(f.DriveApp.Access.DOMAIN_WITH_LINK, f.DriveApp.Permission.VIEW);
    expect(folder.getEditors().map((u) => u.getEmail())).toEqual(['b@vks.example']);
    expect(String(folder.getSharingAccess())).toBe('DOMAIN_WITH_LINK');
    expect(String(folder.getSharingPermission())).toBe('VIEW');
  });
});

describe('FakeBlob', () => {
  it('copies on getAs to its own type, renames text converted to PDF, refuses other conversions, and gives signed bytes', () => {
    const blob = new FakeBlob('Hạnh phúc', 'text/plain', 'khẩu hiệu.txt');
    expect(blob.getAs('text/plain').getDataAsString()).toBe('Hạnh phúc');
    const pdf = blob.getAs('application/pdf');
    expect([pdf.getName(), pdf.getContentType()]).toEqual(['khẩu hiệu.pdf', 'application/pdf']);
    expect(() => blob.getAs('image/png')).toThrow('Converting from text/plain to image/png is not supported.');
    expect(blob.getBytes().some((b) => b < 0)).toBe(true);
    expect(new FakeBlob(blob.getBytes()).getDataAsString()).toBe('Hạnh phúc');
    expect(blob.copyBlob().setName('x.html').setContentTypeFromExtension().getContentType()).toBe('text/html');
  });
});

describe('Drive v3 fake: drive.file is per user, sharing is per person', () => {
  const OWNER = 'chu.bangtinh@gmail.com';
  const A = 'cumtruong.vks@gmail.com';
  const B = 'cumpho.vks@gmail.com';
  const C = 'daumoi.tayninh@gmail.com';
  const FOLDER_MIME = 'application/vnd.google-apps.folder';
  const DOC_MIME = 'application/vnd.google-apps.document';

  /** A's run makes a folder with a document in it. */
  function made() {
    const f = setup();
    f.env.owner = OWNER;
    f.env.currentUser = A;
    const folder = f.Drive.Files.create({ name: 'Thi đua 2024', mimeType: FOLDER_MIME }).id!;
    const doc = f.Drive.Files.create({ name: 'Giao ước', mimeType: DOC_MIME, parents: [folder] }).id!;
    const as = <T>(user: string, fn: () => T): T => {
      const before = f.env.currentUser;
      f.env.currentUser = user;
      try {
        return fn();
      } finally {
        f.env.currentUser = before;
      }
    };
    return { f, folder, doc, as };
  }

  it('hides what A\'s run made from B\'s run (get, list, create inside), even when it is shared with B, until B opens it with the app', () => {
    const { f, folder, doc, as } = made();
    f.Drive.Permissions.create({ type: 'user', role: 'writer', emailAddress: B }, folder, { sendNotificationEmail: false });
    expect(f.store.drive.roleOf(doc, B)).toBe('writer');
    as(B, () => {
      expect(() => f.Drive.Files.get(folder)).toThrow(`API call to drive.files.get failed with error: File not found: ${folder}.`);
      expect(() => f.Drive.Files.get(doc)).toThrow(/File not found/);
      expect(f.Drive.Files.list({ q: `'${folder}' in parents and trashed = false` }).files).toEqual([]);
      expect(() => f.Drive.Files.create({ name: 'x', mimeType: DOC_MIME, parents: [folder] })).toThrow(/File not found/);
      expect(() => f.Drive.Permissions.create({ type: 'user', role: 'commenter', emailAddress: C }, folder)).toThrow(/File not found/);
    });
    expect(f.store.drive.filesIn(folder).map((x) => x.name)).toEqual(['Giao ước']);
    // Picker / "Open with": B's runs reach the folder, not what A's run made inside it.
    f.store.drive.openWithApp(folder, B);
    as(B, () => {
      expect(f.Drive.Files.get(folder).name).toBe('Thi đua 2024');
      expect(f.Drive.Files.list({ q: `'${folder}' in parents and trashed = false` }).files).toEqual([]);
      const own = f.Drive.Files.create({ name: 'Biên bản', mimeType: DOC_MIME, parents: [folder] });
      expect(f.store.drive.state.files[own.id!]!.owner).toBe(B);
    });
    expect(f.env.count('Drive.Files.')).toBe(9);
    expect(() => f.store.drive.openWithApp(doc, C)).toThrow(/cannot open/);
  });

  it('creates user permissions only for an owner or writer whose run reaches the item, and the folder\'s permissions reach every file in it', () => {
    const { f, folder, doc, as } = made();
    const p = f.Drive.Permissions.create({ type: 'user', role: 'commenter', emailAddress: C }, folder, { sendNotificationEmail: false });
    expect(p).toMatchObject({ kind: 'drive#permission', type: 'user', role: 'commenter', emailAddress: C });
    expect(f.store.drive.roleOf(folder, C)).toBe('commenter');
    expect(f.store.drive.roleOf(doc, C)).toBe('commenter');
    // A file made later in the folder needs no call of its own.
    const pdf = f.Drive.Files.create({ name: 'Giao ước.pdf', mimeType: 'application/pdf', parents: [folder] }).id!;
    expect(f.store.drive.roleOf(pdf, C)).toBe('commenter');
    expect(f.store.drive.roleOf(doc, 'nguoingoai@gmail.com')).toBeNull();
    // The same person again: one permission, same id, the new role.
    const again = f.Drive.Permissions.create({ type: 'user', role: 'writer', emailAddress: C }, folder, { sendNotificationEmail: false });
    expect(again.id).toBe(p.id);
    expect(f.store.drive.state.folders[folder]!.permissions).toEqual([{ id: p.id, type: 'user', role: 'writer', emailAddress: C }]);
    // An inherited role cannot be lowered on a child.
    expect(() => f.Drive.Permissions.create({ type: 'user', role: 'reader', emailAddress: C }, doc, { sendNotificationEmail: false }))
      .toThrow(/Cannot reduce the inherited role writer/);
    // A commenter whose run reaches the folder still may not share it.
    f.Drive.Permissions.create({ type: 'user', role: 'commenter', emailAddress: B }, folder, { sendNotificationEmail: false });
    f.store.drive.openWithApp(folder, B);
    as(B, () => expect(() => f.Drive.Permissions.create({ type: 'user', role: 'reader', emailAddress: 'x@gmail.com' }, folder))
      .toThrow('API call to drive.permissions.create failed with error: The user does not have sufficient permissions for this file.'));
    expect(f.env.count('Drive.Permissions.create')).toBe(5);
  });

  it('refuses a silent share with an address that is no Google account, the owner, or an owner role, changing nothing', () => {
    const { f, folder } = made();
    f.store.drive.markNotGoogleAccount('vanthu@vks.example');
    const before = JSON.stringify(f.store.drive.state.folders[folder]);
    expect(() => f.Drive.Permissions.create({ type: 'user', role: 'commenter', emailAddress: 'vanthu@vks.example' }, folder, { sendNotificationEmail: false }))
      .toThrow(/Since there is no Google account associated with this email address, you must check the 'Notify people' box/);
    expect(() => f.Drive.Permissions.create({ type: 'user', role: 'writer', emailAddress: A }, folder, { sendNotificationEmail: false }))
      .toThrow(/owner/);
    expect(() => f.Drive.Permissions.create({ type: 'user', role: 'owner', emailAddress: B }, folder, { sendNotificationEmail: false }))
      .toThrow(/transferOwnership/);
    expect(() => f.Drive.Permissions.create({ type: 'user', role: 'commenter', emailAddress: 'không phải địa chỉ' }, folder, { sendNotificationEmail: false }))
      .toThrow(/emailAddress/);
    f.env.failNthCall(1);
    expect(() => f.Drive.Permissions.create({ type: 'user', role: 'commenter', emailAddress: C }, folder, { sendNotificationEmail: false }))
      .toThrow(/Service invoked too many times/);
    expect(JSON.stringify(f.store.drive.state.folders[folder])).toBe(before);
  });

  it('lets only the owner trash an item, and a writer rename it', () => {
    const { f, folder, doc, as } = made();
    f.Drive.Permissions.create({ type: 'user', role: 'writer', emailAddress: B }, folder, { sendNotificationEmail: false });
    f.store.drive.openWithApp(doc, B);
    as(B, () => {
      expect(f.Drive.Files.update({ name: 'Giao ước (sửa)' }, doc).name).toBe('Giao ước (sửa)');
      expect(() => f.Drive.Files.update({ trashed: true }, doc)).toThrow(/sufficient permissions/);
    });
    expect(f.Drive.Files.update({ trashed: true }, doc).trashed).toBe(true);
  });

  it('DocumentApp opens a document for its owner or a writer, inherited included, and for no one else', () => {
    const { f, folder, doc, as } = made();
    const missing = "Document is missing (perhaps it was deleted, or you don't have read access?)";
    as(B, () => expect(() => f.DocumentApp.openById(doc)).toThrow(missing));
    f.Drive.Permissions.create({ type: 'user', role: 'commenter', emailAddress: C }, folder, { sendNotificationEmail: false });
    as(C, () => expect(() => f.DocumentApp.openById(doc)).toThrow(missing));
    f.Drive.Permissions.create({ type: 'user', role: 'writer', emailAddress: B }, folder, { sendNotificationEmail: false });
    as(B, () => expect(f.DocumentApp.openByUrl(`https://docs.google.com/document/d/${doc}/edit`).getId()).toBe(doc));
    expect(f.DocumentApp.openById(doc).getId()).toBe(doc);
  });

  it('reads states saved before per-user access: what the add-on made stays its owner\'s', () => {
    const { f, folder } = made();
    const state = JSON.parse(JSON.stringify(f.serialize()));
    delete state.drive.folders[folder].appAccess;
    delete state.drive.folders[folder].permissions;
    const env = new FakeEnv(OWNER);
    const restored = createDocumentFakes(env, state);
    env.currentUser = A;
    expect(restored.Drive.Files.get(folder).id).toBe(folder);
    env.currentUser = B;
    expect(() => restored.Drive.Files.get(folder)).toThrow(/File not found/);
  });
});
