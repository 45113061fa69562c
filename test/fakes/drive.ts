/**
 * In-memory DriveApp: folders, files, iterators, owners and sharing, kept as plain JSON
 * (DriveState) so the playground can save it and tests can compare it.
 *
 * Every method goes through DriveStore.call: counted in the FakeEnv call log ("DriveApp.createFolder",
 * "Folder.createFile", "File.getBlob", "FileIterator.next" …), subject to injected faults (the call
 * throws before it changes anything) and, when the fakes are given the manifest's scopes, to the
 * scope check Apps Script makes: DriveApp wants the full `drive` scope (reads also accept
 * `drive.readonly`); `drive.file` alone does not authorise DriveApp.
 *
 * What the add-on may touch is audited here (every item records `createdByScript`, and every id
 * the script reached is listed in `accessed`) and enforced by the Drive v3 fake (driveV3.ts):
 * under `drive.file` an item is visible to the add-on running as user U only when U's run made it
 * or U opened it with the app (`appAccess`, see openWithApp). Apart from that, each item has the
 * Drive permissions a *person* opens it with (owner, `permissions` made by Drive.Permissions.create,
 * DriveApp's editors / viewers), inherited from the folders above it: see roleOf.
 *
 * Deliberate simplifications: one shared "My Drive" (owned by env.owner) whoever the current user
 * is, from which nothing is inherited (it stands for each user's own My Drive); ids are short and sequential; iterators list trashed items too (DriveApp's searches do, a
 * classic surprise), except getTrashedFiles / getTrashedFolders which list only those.
 */

import { FakeEnv, FakeServiceError } from './env';
import { FakeBlob, base64ToBytes, bytesToBase64, readBlobSource } from './blob';

export const MimeType = Object.freeze({
  GOOGLE_APPS_SCRIPT: 'application/vnd.google-apps.script',
  GOOGLE_DRAWINGS: 'application/vnd.google-apps.drawing',
  GOOGLE_DOCS: 'application/vnd.google-apps.document',
  GOOGLE_FORMS: 'application/vnd.google-apps.form',
  GOOGLE_SHEETS: 'application/vnd.google-apps.spreadsheet',
  GOOGLE_SITES: 'application/vnd.google-apps.site',
  GOOGLE_SLIDES: 'application/vnd.google-apps.presentation',
  FOLDER: 'application/vnd.google-apps.folder',
  SHORTCUT: 'application/vnd.google-apps.shortcut',
  BMP: 'image/bmp',
  GIF: 'image/gif',
  JPEG: 'image/jpeg',
  PNG: 'image/png',
  SVG: 'image/svg+xml',
  PDF: 'application/pdf',
  CSS: 'text/css',
  CSV: 'text/csv',
  HTML: 'text/html',
  JAVASCRIPT: 'application/javascript',
  PLAIN_TEXT: 'text/plain',
  RTF: 'application/rtf',
  OPENDOCUMENT_GRAPHICS: 'application/vnd.oasis.opendocument.graphics',
  OPENDOCUMENT_PRESENTATION: 'application/vnd.oasis.opendocument.presentation',
  OPENDOCUMENT_SPREADSHEET: 'application/vnd.oasis.opendocument.spreadsheet',
  OPENDOCUMENT_TEXT: 'application/vnd.oasis.opendocument.text',
  MICROSOFT_EXCEL: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  MICROSOFT_EXCEL_LEGACY: 'application/vnd.ms-excel',
  MICROSOFT_POWERPOINT: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  MICROSOFT_POWERPOINT_LEGACY: 'application/vnd.ms-powerpoint',
  MICROSOFT_WORD: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  MICROSOFT_WORD_LEGACY: 'application/msword',
  ZIP: 'application/zip',
} satisfies GoogleAppsScript.Base.MimeType);

/** Apps Script enums are objects that print as their names; strings behave the same in comparisons. */
export function enumOf<K extends string>(keys: readonly K[]): { readonly [P in K]: P } {
  return Object.freeze(Object.fromEntries(keys.map((k) => [k, k]))) as { readonly [P in K]: P };
}

export const Access = enumOf(['ANYONE', 'ANYONE_WITH_LINK', 'DOMAIN', 'DOMAIN_WITH_LINK', 'PRIVATE'] as const);
export const Permission = enumOf(['VIEW', 'EDIT', 'COMMENT', 'OWNER', 'ORGANIZER', 'NONE'] as const);

export const SCOPE_DRIVE = 'https://www.googleapis.com/auth/drive';
export const SCOPE_DRIVE_READONLY = 'https://www.googleapis.com/auth/drive.readonly';
export const SCOPE_DOCUMENTS = 'https://www.googleapis.com/auth/documents';

const MISSING = 'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

// ---------------------------------------------------------------------------------------------
// State

interface ItemRecord {
  id: string;
  name: string;
  /** Parent folder ids; the root folder has none. */
  parents: string[];
  owner: string;
  /** Made through the fakes (the add-on), not seeded as the user's own file. */
  createdByScript: boolean;
  trashed: boolean;
  starred: boolean;
  description: string | null;
  /** ISO timestamps. */
  created: string;
  updated: string;
  editors: string[];
  viewers: string[];
  sharing: { access: string; permission: string };
  /**
   * Users whose runs of the add-on reach the item under `drive.file`: who made it with the add-on,
   * and who opened it with the app (openWithApp). Absent in states saved before it existed: then
   * the owner when createdByScript.
   */
  appAccess?: string[];
  /** Drive v3 permissions granted on this item itself (inherited ones live on its folders). */
  permissions?: PermissionRecord[];
}

/** A role a person holds on an item; owner > writer > commenter > reader. */
export type DriveRole = 'owner' | 'writer' | 'commenter' | 'reader';

const ROLE_RANK: Record<DriveRole, number> = { reader: 1, commenter: 2, writer: 3, owner: 4 };

/** Higher of two roles (null: none). */
export function higherRole(a: DriveRole | null, b: DriveRole | null): DriveRole | null {
  if (!a) return b;
  if (!b) return a;
  return ROLE_RANK[a] >= ROLE_RANK[b] ? a : b;
}

/** A `type: user` permission as Drive v3 keeps it. */
export interface PermissionRecord {
  id: string;
  type: 'user';
  role: Exclude<DriveRole, 'owner'>;
  emailAddress: string;
}

export interface FolderRecord extends ItemRecord {
  kind: 'folder';
}

export interface FileRecord extends ItemRecord {
  kind: 'file';
  mimeType: string;
  /** Base64 bytes; null for Google types, whose content lives elsewhere (documents state). */
  content: string | null;
}

export interface DriveState {
  /** Last id number handed out. */
  seq: number;
  rootFolderId: string;
  folders: Record<string, FolderRecord>;
  files: Record<string, FileRecord>;
  /** Ids of files and folders the script reached, first access first. */
  accessed: string[];
  /** Addresses that are not Google accounts (markNotGoogleAccount); absent: none. */
  notGoogleAccounts?: string[];
}

/** How Drive exports, copies and sizes a Google-type file (the documents fake registers one). */
export interface GoogleTypeHandler {
  blob(file: FileRecord, contentType: string): FakeBlob;
  copy(from: FileRecord, to: FileRecord): void;
}

export interface FakeServiceOptions {
  /** Clock for created / updated stamps; default the real clock. */
  now?: () => Date;
  /**
   * The manifest's oauthScopes. When given, DriveApp calls need `drive` (reads: or `drive.readonly`)
   * and DocumentApp calls need `documents`, and a call without them throws as Apps Script does.
   */
  scopes?: readonly string[];
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const DRIVE_SERVICES = ['DriveApp', 'Folder', 'File', 'FileIterator', 'FolderIterator'];
const DOCUMENT_SERVICES = ['DocumentApp', 'Document', 'Body', 'HeaderSection', 'FooterSection', 'Paragraph', 'ListItem',
  'Text', 'Table', 'TableRow', 'TableCell', 'PageBreak', 'HorizontalRule', 'RangeElement'];

/** The scope a call needs, or null if none of ours. */
export function requiredScopes(name: string): string[] | null {
  const [service, method = ''] = name.split('.');
  if (DRIVE_SERVICES.includes(service!)) {
    const read = /^(get|is|has|next|continue)/.test(method);
    return read ? [SCOPE_DRIVE, SCOPE_DRIVE_READONLY] : [SCOPE_DRIVE];
  }
  if (DOCUMENT_SERVICES.includes(service!)) return [SCOPE_DOCUMENTS];
  return null;
}

export class DriveStore {
  state: DriveState;
  readonly now: () => Date;
  readonly scopes: readonly string[] | undefined;
  readonly googleTypes = new Map<string, GoogleTypeHandler>();

  /** `adopt`: use `state` itself, not a copy (another execution's view of the same Drive). */
  constructor(readonly env: FakeEnv, state?: DriveState, options: FakeServiceOptions = {}, adopt = false) {
    this.now = options.now ?? (() => new Date());
    this.scopes = options.scopes;
    if (state) {
      this.state = adopt ? state : clone(state);
    } else {
      this.state = { seq: 0, rootFolderId: '', folders: {}, files: {}, accessed: [] };
      const root = this.newFolderRecord('My Drive', null, { owner: env.owner, createdByScript: false });
      this.state.rootFolderId = root.id;
    }
  }

  /** The same Drive seen from another execution: its calls go to that execution's log. */
  forEnv(env: FakeEnv, options: FakeServiceOptions = {}): DriveStore {
    return new DriveStore(env, this.state, { now: this.now, scopes: this.scopes, ...options }, true);
  }

  /** Counts the call, throws an injected fault, then checks the scopes. Runs before any change. */
  call(name: string): void {
    this.env.record(name);
    if (!this.scopes) return;
    const needed = requiredScopes(name);
    if (needed && !needed.some((s) => this.scopes!.includes(s))) {
      throw new FakeServiceError(`You do not have permission to call ${name}. Required permissions: ${needed[0]}`);
    }
  }

  newId(kind: 'fld' | 'fil' | 'doc'): string {
    this.state.seq += 1;
    return `1${kind}${String(this.state.seq).padStart(6, '0')}`;
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  private baseRecord(name: string, parentId: string | null, opts: { owner?: string; createdByScript?: boolean }, id: string): ItemRecord {
    const now = this.stamp();
    const owner = opts.owner ?? this.env.currentUser;
    const byScript = opts.createdByScript ?? true;
    return {
      id, name, parents: parentId ? [parentId] : [], owner,
      createdByScript: byScript, trashed: false, starred: false, description: null,
      created: now, updated: now, editors: [], viewers: [],
      sharing: { access: Access.PRIVATE, permission: Permission.NONE },
      appAccess: byScript ? [owner.toLowerCase()] : [], permissions: [],
    };
  }

  newFolderRecord(name: string, parentId: string | null, opts: { owner?: string; createdByScript?: boolean } = {}): FolderRecord {
    const rec: FolderRecord = { kind: 'folder', ...this.baseRecord(name, parentId, opts, this.newId('fld')) };
    this.state.folders[rec.id] = rec;
    return rec;
  }

  newFileRecord(name: string, parentId: string | null, mimeType: string, content: Uint8Array | null,
    opts: { owner?: string; createdByScript?: boolean; id?: string } = {}): FileRecord {
    const id = opts.id ?? this.newId(mimeType === MimeType.GOOGLE_DOCS ? 'doc' : 'fil');
    const rec: FileRecord = {
      kind: 'file', ...this.baseRecord(name, parentId, opts, id), mimeType,
      content: content ? bytesToBase64(content) : null,
    };
    this.state.files[rec.id] = rec;
    return rec;
  }

  /** A folder the user already had (not made by the add-on). */
  seedFolder(name: string, parentId: string = this.state.rootFolderId, opts: { owner?: string } = {}): FolderRecord {
    return this.newFolderRecord(name, parentId, { owner: opts.owner ?? this.env.owner, createdByScript: false });
  }

  /** A file the user already had (not made by the add-on). */
  seedFile(name: string, content: string, mimeType: string = MimeType.PLAIN_TEXT,
    parentId: string = this.state.rootFolderId, opts: { owner?: string } = {}): FileRecord {
    return this.newFileRecord(name, parentId, mimeType, new TextEncoder().encode(content),
      { owner: opts.owner ?? this.env.owner, createdByScript: false });
  }

  touch(id: string): void {
    if (!this.state.accessed.includes(id)) this.state.accessed.push(id);
  }

  // --- Who reaches an item: the add-on under drive.file, and people through permissions ---------

  /** The item, file or folder, or undefined. */
  item(id: string): FileRecord | FolderRecord | undefined {
    return this.state.files[id] ?? this.state.folders[id];
  }

  /** Users whose runs of the add-on reach the item under drive.file. */
  appUsers(rec: ItemRecord): string[] {
    return rec.appAccess ?? (rec.createdByScript ? [rec.owner.toLowerCase()] : []);
  }

  /**
   * Does the add-on, running as `user`, reach this item under drive.file? Only when that user's run
   * made it or the user opened it with the app, and the user can still open it as a person.
   */
  appCanReach(id: string, user: string = this.env.currentUser): boolean {
    const rec = this.item(id);
    if (!rec) return false;
    const u = user.toLowerCase();
    return this.appUsers(rec).includes(u) && this.roleOf(id, u) !== null;
  }

  /**
   * Test helper standing for "the user opened this item with the app" (Google Picker, "Open
   * with"): from now on that user's runs reach it. The user must be able to open it as a person.
   */
  openWithApp(id: string, user: string): void {
    const rec = this.item(id);
    if (!rec) throw new Error(`openWithApp: no item ${id}`);
    const u = user.toLowerCase();
    if (this.roleOf(id, u) === null) throw new Error(`openWithApp: ${user} cannot open ${id} in Drive`);
    rec.appAccess = [...new Set([...this.appUsers(rec), u])];
  }

  /**
   * The role `user` opens the item with as a person (in the browser, through a link), or null:
   * the owner; a permission on the item or on a folder above it (permissions propagate down); the
   * owner of a folder above it as writer; DriveApp's editors and viewers.
   */
  roleOf(id: string, user: string): DriveRole | null {
    const u = user.toLowerCase();
    let best: DriveRole | null = null;
    const seen = new Set<string>();
    let level: string[] = [id];
    let depth = 0;
    while (level.length > 0) {
      const next: string[] = [];
      for (const at of level) {
        if (seen.has(at)) continue;
        seen.add(at);
        const rec = this.item(at);
        if (!rec) continue;
        if (rec.owner.toLowerCase() === u) best = higherRole(best, depth === 0 ? 'owner' : 'writer');
        for (const p of rec.permissions ?? []) if (p.emailAddress.toLowerCase() === u) best = higherRole(best, p.role);
        if (rec.editors.some((e) => e.toLowerCase() === u)) best = higherRole(best, 'writer');
        if (rec.viewers.some((e) => e.toLowerCase() === u)) best = higherRole(best, 'reader');
        // The root stands for each user's own My Drive: nothing is inherited from it.
        next.push(...rec.parents.filter((parent) => parent !== this.state.rootFolderId));
      }
      level = next;
      depth += 1;
    }
    return best;
  }

  /** The role inherited from the folders above the item (what a permission on it cannot lower). */
  inheritedRole(id: string, user: string): DriveRole | null {
    const rec = this.item(id);
    let best: DriveRole | null = null;
    for (const parent of rec?.parents ?? []) best = higherRole(best, this.roleOf(parent, user));
    // A folder's owner opens what is inside as a writer, not as its owner.
    return best === 'owner' ? 'writer' : best;
  }

  /** Test helper: this address is not a Google account (Drive cannot share with it silently). */
  markNotGoogleAccount(email: string): void {
    this.state.notGoogleAccounts = [...new Set([...(this.state.notGoogleAccounts ?? []), email.toLowerCase()])];
  }

  isGoogleAccount(email: string): boolean {
    return !(this.state.notGoogleAccounts ?? []).includes(email.toLowerCase());
  }

  /** Ids the script reached that it did not create (the root folder, as a parent, excepted). */
  foreignAccess(): string[] {
    return this.state.accessed.filter((id) => {
      if (id === this.state.rootFolderId) return false;
      const rec = this.state.files[id] ?? this.state.folders[id];
      return rec !== undefined && !rec.createdByScript;
    });
  }

  fileRecord(id: string): FileRecord {
    const rec = this.state.files[id];
    if (!rec) throw new FakeServiceError(MISSING);
    return rec;
  }

  folderRecord(id: string): FolderRecord {
    const rec = this.state.folders[id];
    if (!rec) throw new FakeServiceError(MISSING);
    return rec;
  }

  filesIn(folderId: string): FileRecord[] {
    return Object.values(this.state.files).filter((f) => f.parents.includes(folderId));
  }

  foldersIn(folderId: string): FolderRecord[] {
    return Object.values(this.state.folders).filter((f) => f.parents.includes(folderId));
  }

  /** "Năm 2024/Giao ước…" style path of an item, for assertions and the playground. */
  pathOf(id: string): string {
    const parts: string[] = [];
    let rec: ItemRecord | undefined = this.state.files[id] ?? this.state.folders[id];
    while (rec && rec.id !== this.state.rootFolderId) {
      parts.unshift(rec.name);
      const parent: string | undefined = rec.parents[0];
      rec = parent ? this.state.folders[parent] : undefined;
    }
    return parts.join('/');
  }

  bytesOf(file: FileRecord): Uint8Array {
    return file.content === null ? new Uint8Array() : base64ToBytes(file.content);
  }

  blobOf(file: FileRecord, contentType?: string): FakeBlob {
    const handler = this.googleTypes.get(file.mimeType);
    if (handler) return handler.blob(file, contentType ?? MimeType.PDF);
    const blob = new FakeBlob(this.bytesOf(file), file.mimeType, file.name);
    return contentType === undefined ? blob : blob.getAs(contentType);
  }

  serialize(): DriveState {
    return clone(this.state);
  }
}

// ---------------------------------------------------------------------------------------------
// Handles

function fail(message: string): never {
  throw new FakeServiceError(message);
}

function requireString(value: unknown, what: string): string {
  if (typeof value !== 'string') fail(`Invalid argument: ${what}`);
  return value;
}

function requireName(value: unknown): string {
  const name = requireString(value, 'name');
  if (name.length === 0) fail('Invalid argument: name');
  return name;
}

export class FakeDriveUser {
  constructor(private readonly email: string) {}
  getDomain(): string {
    return this.email.split('@')[1] ?? '';
  }
  getEmail(): string {
    return this.email;
  }
  getName(): string {
    return this.email.split('@')[0] ?? '';
  }
  getPhotoUrl(): string {
    return '';
  }
}

function emailOf(user: string | GoogleAppsScript.Base.User | GoogleAppsScript.Drive.User): string {
  return typeof user === 'string' ? user : user.getEmail();
}

abstract class Iter<T> {
  private pos: number;
  protected abstract readonly cls: string;

  constructor(protected readonly store: DriveStore, protected readonly ids: string[], pos = 0) {
    this.pos = pos;
  }

  protected abstract make(id: string): T;

  getContinuationToken(): string {
    this.store.call(`${this.cls}.getContinuationToken`);
    return Buffer.from(JSON.stringify({ ids: this.ids, pos: this.pos })).toString('base64');
  }

  hasNext(): boolean {
    this.store.call(`${this.cls}.hasNext`);
    return this.pos < this.ids.length;
  }

  next(): T {
    this.store.call(`${this.cls}.next`);
    const id = this.ids[this.pos];
    if (id === undefined) fail('Cannot retrieve the next object: iterator has reached the end.');
    this.pos += 1;
    this.store.touch(id);
    return this.make(id);
  }
}

export class FakeFileIterator extends Iter<FakeFile> {
  protected readonly cls = 'FileIterator';
  protected make(id: string): FakeFile {
    return new FakeFile(this.store, id);
  }
}

export class FakeFolderIterator extends Iter<FakeFolder> {
  protected readonly cls = 'FolderIterator';
  protected make(id: string): FakeFolder {
    return new FakeFolder(this.store, id);
  }
}

function decodeToken(token: string): { ids: string[]; pos: number } {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { ids: string[]; pos: number };
    if (!Array.isArray(parsed.ids) || typeof parsed.pos !== 'number') throw new Error('shape');
    return parsed;
  } catch {
    return fail('Invalid argument: continuationToken');
  }
}

/** What DriveApp and Folder share: creating and listing inside one folder (DriveApp: the root). */
abstract class FolderOps {
  protected abstract readonly cls: string;
  constructor(protected readonly store: DriveStore) {}
  protected abstract folderId(): string;

  protected createFileIn(parentId: string, args: unknown[]): FakeFile {
    const [first, content, mimeType] = args;
    let name: string;
    let bytes: Uint8Array;
    let type: string;
    if (typeof first === 'string') {
      name = requireName(first);
      bytes = new TextEncoder().encode(requireString(content, 'content'));
      type = mimeType === undefined ? MimeType.PLAIN_TEXT : requireString(mimeType, 'mimeType');
    } else if (first && typeof first === 'object' && 'getBlob' in first) {
      const blob = readBlobSource(first as GoogleAppsScript.Base.BlobSource);
      if (blob.name === null || blob.name === '') fail('Blob object must have non-null name for this operation.');
      name = blob.name;
      bytes = blob.bytes;
      type = blob.contentType ?? 'application/octet-stream';
    } else {
      return fail('Invalid argument: blob');
    }
    if (type.startsWith('application/vnd.google-apps.')) fail(`Invalid mime type: ${type}`);
    const rec = this.store.newFileRecord(name, parentId, type, bytes);
    this.store.touch(rec.id);
    return new FakeFile(this.store, rec.id);
  }

  protected createFolderIn(parentId: string, name: unknown): FakeFolder {
    const rec = this.store.newFolderRecord(requireName(name), parentId);
    this.store.touch(rec.id);
    return new FakeFolder(this.store, rec.id);
  }

  createFile(blob: GoogleAppsScript.Base.BlobSource): FakeFile;
  createFile(name: string, content: string): FakeFile;
  createFile(name: string, content: string, mimeType: string): FakeFile;
  createFile(...args: unknown[]): FakeFile {
    this.store.call(`${this.cls}.createFile`);
    return this.createFileIn(this.folderId(), args);
  }

  createFolder(name: string): FakeFolder {
    this.store.call(`${this.cls}.createFolder`);
    return this.createFolderIn(this.folderId(), name);
  }

  /** Files under this folder (DriveApp overrides: the whole Drive). */
  protected fileIds(): string[] {
    return this.store.filesIn(this.folderId()).map((f) => f.id);
  }

  protected folderIds(): string[] {
    return this.store.foldersIn(this.folderId()).map((f) => f.id);
  }

  getFiles(): FakeFileIterator {
    this.store.call(`${this.cls}.getFiles`);
    return new FakeFileIterator(this.store, this.fileIds());
  }

  getFolders(): FakeFolderIterator {
    this.store.call(`${this.cls}.getFolders`);
    return new FakeFolderIterator(this.store, this.folderIds());
  }

  getFilesByName(name: string): FakeFileIterator {
    this.store.call(`${this.cls}.getFilesByName`);
    const wanted = requireString(name, 'name');
    return new FakeFileIterator(this.store, this.fileIds().filter((id) => this.store.state.files[id]!.name === wanted));
  }

  getFoldersByName(name: string): FakeFolderIterator {
    this.store.call(`${this.cls}.getFoldersByName`);
    const wanted = requireString(name, 'name');
    return new FakeFolderIterator(this.store, this.folderIds().filter((id) => this.store.state.folders[id]!.name === wanted));
  }

  getFilesByType(mimeType: string): FakeFileIterator {
    this.store.call(`${this.cls}.getFilesByType`);
    const wanted = requireString(mimeType, 'mimeType');
    return new FakeFileIterator(this.store, this.fileIds().filter((id) => this.store.state.files[id]!.mimeType === wanted));
  }

  addFile(child: GoogleAppsScript.Drive.File): this {
    this.store.call(`${this.cls}.addFile`);
    const rec = this.store.fileRecord(idOf(child));
    const folder = this.folderId();
    if (!rec.parents.includes(folder)) rec.parents.push(folder);
    this.store.touch(rec.id);
    return this;
  }

  removeFile(child: GoogleAppsScript.Drive.File): this {
    this.store.call(`${this.cls}.removeFile`);
    const rec = this.store.fileRecord(idOf(child));
    rec.parents = rec.parents.filter((p) => p !== this.folderId());
    this.store.touch(rec.id);
    return this;
  }

  addFolder(child: GoogleAppsScript.Drive.Folder): this {
    this.store.call(`${this.cls}.addFolder`);
    const rec = this.store.folderRecord(idOf(child));
    const folder = this.folderId();
    if (rec.id === folder) fail('Invalid argument: child');
    if (!rec.parents.includes(folder)) rec.parents.push(folder);
    this.store.touch(rec.id);
    return this;
  }

  removeFolder(child: GoogleAppsScript.Drive.Folder): this {
    this.store.call(`${this.cls}.removeFolder`);
    const rec = this.store.folderRecord(idOf(child));
    rec.parents = rec.parents.filter((p) => p !== this.folderId());
    this.store.touch(rec.id);
    return this;
  }
}

/** The id behind a handle without counting a call (our handles), or through getId (others'). */
function idOf(item: GoogleAppsScript.Drive.File | GoogleAppsScript.Drive.Folder): string {
  if (item instanceof FakeFile || item instanceof FakeFolder) return item.fakeId;
  return item.getId();
}

/** Sharing, owner, dates: the same on files and folders. */
function itemMethods(store: DriveStore, cls: string, rec: () => ItemRecord) {
  const touch = (method: string): ItemRecord => {
    store.call(`${cls}.${method}`);
    const r = rec();
    store.touch(r.id);
    return r;
  };
  const changed = (r: ItemRecord) => { r.updated = store.now().toISOString(); };
  return {
    touch,
    changed,
    addEditor(user: string | GoogleAppsScript.Base.User): void {
      const r = touch('addEditor');
      const e = emailOf(user);
      if (!r.editors.includes(e)) r.editors.push(e);
    },
    addEditors(emails: string[]): void {
      const r = touch('addEditors');
      for (const e of emails) if (!r.editors.includes(e)) r.editors.push(e);
    },
    removeEditor(user: string | GoogleAppsScript.Base.User): void {
      const r = touch('removeEditor');
      r.editors = r.editors.filter((e) => e !== emailOf(user));
    },
    addViewer(user: string | GoogleAppsScript.Base.User): void {
      const r = touch('addViewer');
      const e = emailOf(user);
      if (!r.viewers.includes(e)) r.viewers.push(e);
    },
    addViewers(emails: string[]): void {
      const r = touch('addViewers');
      for (const e of emails) if (!r.viewers.includes(e)) r.viewers.push(e);
    },
    removeViewer(user: string | GoogleAppsScript.Base.User): void {
      const r = touch('removeViewer');
      r.viewers = r.viewers.filter((e) => e !== emailOf(user));
    },
  };
}

export class FakeFolder extends FolderOps {
  protected readonly cls = 'Folder';
  private readonly item: ReturnType<typeof itemMethods>;

  constructor(store: DriveStore, readonly fakeId: string) {
    super(store);
    this.item = itemMethods(store, 'Folder', () => this.rec());
  }

  private rec(): FolderRecord {
    return this.store.folderRecord(this.fakeId);
  }

  protected folderId(): string {
    return this.rec().id;
  }

  getId(): string {
    return this.item.touch('getId').id;
  }
  getName(): string {
    return this.item.touch('getName').name;
  }
  setName(name: string): this {
    this.store.call('Folder.setName');
    const valid = requireName(name);
    const r = this.rec();
    r.name = valid;
    this.item.changed(r);
    this.store.touch(r.id);
    return this;
  }
  getUrl(): string {
    return `https://drive.google.com/drive/folders/${this.item.touch('getUrl').id}`;
  }
  getDescription(): string | null {
    return this.item.touch('getDescription').description;
  }
  setDescription(description: string): this {
    this.item.touch('setDescription').description = description;
    return this;
  }
  getDateCreated(): Date {
    return new Date(this.item.touch('getDateCreated').created);
  }
  getLastUpdated(): Date {
    return new Date(this.item.touch('getLastUpdated').updated);
  }
  getOwner(): FakeDriveUser {
    return new FakeDriveUser(this.item.touch('getOwner').owner);
  }
  getEditors(): FakeDriveUser[] {
    return this.item.touch('getEditors').editors.map((e) => new FakeDriveUser(e));
  }
  getViewers(): FakeDriveUser[] {
    return this.item.touch('getViewers').viewers.map((e) => new FakeDriveUser(e));
  }
  addEditor(user: string | GoogleAppsScript.Base.User): this {
    this.item.addEditor(user);
    return this;
  }
  addEditors(emails: string[]): this {
    this.item.addEditors(emails);
    return this;
  }
  removeEditor(user: string | GoogleAppsScript.Base.User): this {
    this.item.removeEditor(user);
    return this;
  }
  addViewer(user: string | GoogleAppsScript.Base.User): this {
    this.item.addViewer(user);
    return this;
  }
  addViewers(emails: string[]): this {
    this.item.addViewers(emails);
    return this;
  }
  removeViewer(user: string | GoogleAppsScript.Base.User): this {
    this.item.removeViewer(user);
    return this;
  }
  getSharingAccess(): GoogleAppsScript.Drive.Access {
    return this.item.touch('getSharingAccess').sharing.access as unknown as GoogleAppsScript.Drive.Access;
  }
  getSharingPermission(): GoogleAppsScript.Drive.Permission {
    return this.item.touch('getSharingPermission').sharing.permission as unknown as GoogleAppsScript.Drive.Permission;
  }
  setSharing(access: GoogleAppsScript.Drive.Access, permission: GoogleAppsScript.Drive.Permission): this {
    this.item.touch('setSharing').sharing = { access: String(access), permission: String(permission) };
    return this;
  }
  isStarred(): boolean {
    return this.item.touch('isStarred').starred;
  }
  setStarred(starred: boolean): this {
    this.item.touch('setStarred').starred = starred;
    return this;
  }
  isTrashed(): boolean {
    return this.item.touch('isTrashed').trashed;
  }
  setTrashed(trashed: boolean): this {
    const r = this.item.touch('setTrashed');
    if (r.id === this.store.state.rootFolderId) fail('Access denied: the root folder cannot be trashed.');
    r.trashed = trashed;
    return this;
  }
  getParents(): FakeFolderIterator {
    return new FakeFolderIterator(this.store, [...this.item.touch('getParents').parents]);
  }
  moveTo(destination: GoogleAppsScript.Drive.Folder): this {
    const r = this.item.touch('moveTo');
    const dest = this.store.folderRecord(idOf(destination));
    // A folder cannot move inside itself.
    for (let at: FolderRecord | undefined = dest; at; at = at.parents[0] ? this.store.state.folders[at.parents[0]] : undefined) {
      if (at.id === r.id) fail('Invalid argument: destination');
    }
    r.parents = [dest.id];
    return this;
  }
  getSize(): number {
    this.item.touch('getSize');
    return 0;
  }
}

export class FakeFile {
  private readonly item: ReturnType<typeof itemMethods>;

  constructor(private readonly store: DriveStore, readonly fakeId: string) {
    this.item = itemMethods(store, 'File', () => this.rec());
  }

  private rec(): FileRecord {
    return this.store.fileRecord(this.fakeId);
  }

  private touch(method: string): FileRecord {
    return this.item.touch(method) as FileRecord;
  }

  getId(): string {
    return this.touch('getId').id;
  }
  getName(): string {
    return this.touch('getName').name;
  }
  setName(name: string): this {
    this.store.call('File.setName');
    const valid = requireName(name);
    const r = this.rec();
    r.name = valid;
    this.item.changed(r);
    this.store.touch(r.id);
    return this;
  }
  getMimeType(): string {
    return this.touch('getMimeType').mimeType;
  }
  getUrl(): string {
    const r = this.touch('getUrl');
    return r.mimeType === MimeType.GOOGLE_DOCS
      ? `https://docs.google.com/document/d/${r.id}/edit?usp=drivesdk`
      : `https://drive.google.com/file/d/${r.id}/view?usp=drivesdk`;
  }
  getDownloadUrl(): string {
    return `https://drive.google.com/uc?id=${this.touch('getDownloadUrl').id}&export=download`;
  }
  getDescription(): string | null {
    return this.touch('getDescription').description;
  }
  setDescription(description: string): this {
    this.touch('setDescription').description = description;
    return this;
  }
  /** Google Docs: a PDF of the last saved version (see documents.ts). */
  getBlob(): FakeBlob {
    return this.store.blobOf(this.touch('getBlob'));
  }
  getAs(contentType: string): FakeBlob {
    this.store.call('File.getAs');
    const r = this.rec();
    this.store.touch(r.id);
    return this.store.blobOf(r, requireString(contentType, 'contentType'));
  }
  getSize(): number {
    const r = this.touch('getSize');
    return r.content === null ? 0 : this.store.bytesOf(r).length;
  }
  setContent(content: string): this {
    this.store.call('File.setContent');
    const text = requireString(content, 'content');
    const r = this.rec();
    if (this.store.googleTypes.has(r.mimeType) || r.content === null) fail('Cannot set content of a Google type file.');
    r.content = Buffer.from(text, 'utf8').toString('base64');
    this.item.changed(r);
    this.store.touch(r.id);
    return this;
  }
  getDateCreated(): Date {
    return new Date(this.touch('getDateCreated').created);
  }
  getLastUpdated(): Date {
    return new Date(this.touch('getLastUpdated').updated);
  }
  getOwner(): FakeDriveUser {
    return new FakeDriveUser(this.touch('getOwner').owner);
  }
  getEditors(): FakeDriveUser[] {
    return this.touch('getEditors').editors.map((e) => new FakeDriveUser(e));
  }
  getViewers(): FakeDriveUser[] {
    return this.touch('getViewers').viewers.map((e) => new FakeDriveUser(e));
  }
  addEditor(user: string | GoogleAppsScript.Base.User): this {
    this.item.addEditor(user);
    return this;
  }
  addEditors(emails: string[]): this {
    this.item.addEditors(emails);
    return this;
  }
  removeEditor(user: string | GoogleAppsScript.Base.User): this {
    this.item.removeEditor(user);
    return this;
  }
  addViewer(user: string | GoogleAppsScript.Base.User): this {
    this.item.addViewer(user);
    return this;
  }
  addViewers(emails: string[]): this {
    this.item.addViewers(emails);
    return this;
  }
  removeViewer(user: string | GoogleAppsScript.Base.User): this {
    this.item.removeViewer(user);
    return this;
  }
  getSharingAccess(): GoogleAppsScript.Drive.Access {
    return this.touch('getSharingAccess').sharing.access as unknown as GoogleAppsScript.Drive.Access;
  }
  getSharingPermission(): GoogleAppsScript.Drive.Permission {
    return this.touch('getSharingPermission').sharing.permission as unknown as GoogleAppsScript.Drive.Permission;
  }
  setSharing(access: GoogleAppsScript.Drive.Access, permission: GoogleAppsScript.Drive.Permission): this {
    this.touch('setSharing').sharing = { access: String(access), permission: String(permission) };
    return this;
  }
  isStarred(): boolean {
    return this.touch('isStarred').starred;
  }
  setStarred(starred: boolean): this {
    this.touch('setStarred').starred = starred;
    return this;
  }
  isTrashed(): boolean {
    return this.touch('isTrashed').trashed;
  }
  setTrashed(trashed: boolean): this {
    this.touch('setTrashed').trashed = trashed;
    return this;
  }
  getParents(): FakeFolderIterator {
    return new FakeFolderIterator(this.store, [...this.touch('getParents').parents]);
  }
  moveTo(destination: GoogleAppsScript.Drive.Folder): this {
    this.store.call('File.moveTo');
    const dest = this.store.folderRecord(idOf(destination));
    const r = this.rec();
    r.parents = [dest.id];
    this.store.touch(r.id);
    return this;
  }

  makeCopy(): FakeFile;
  makeCopy(destination: GoogleAppsScript.Drive.Folder): FakeFile;
  makeCopy(name: string): FakeFile;
  makeCopy(name: string, destination: GoogleAppsScript.Drive.Folder): FakeFile;
  makeCopy(a?: string | GoogleAppsScript.Drive.Folder, b?: GoogleAppsScript.Drive.Folder): FakeFile {
    this.store.call('File.makeCopy');
    const r = this.rec();
    const name = typeof a === 'string' ? requireName(a) : `Copy of ${r.name}`;
    const destArg = typeof a === 'string' ? b : a;
    const parents = destArg ? [this.store.folderRecord(idOf(destArg)).id] : [...r.parents];
    const copy = this.store.newFileRecord(name, null, r.mimeType, r.content === null ? null : this.store.bytesOf(r));
    copy.parents = parents;
    this.store.googleTypes.get(r.mimeType)?.copy(r, copy);
    this.store.touch(r.id);
    this.store.touch(copy.id);
    return new FakeFile(this.store, copy.id);
  }
}

export class FakeDriveApp extends FolderOps {
  protected readonly cls = 'DriveApp';
  readonly Access = Access;
  readonly Permission = Permission;

  protected folderId(): string {
    return this.store.state.rootFolderId;
  }

  /** DriveApp lists the whole Drive, not just the root. */
  protected override fileIds(): string[] {
    return Object.keys(this.store.state.files);
  }

  protected override folderIds(): string[] {
    return Object.keys(this.store.state.folders).filter((id) => id !== this.store.state.rootFolderId);
  }

  getRootFolder(): FakeFolder {
    this.store.call('DriveApp.getRootFolder');
    return new FakeFolder(this.store, this.store.state.rootFolderId);
  }

  getFileById(id: string): FakeFile {
    this.store.call('DriveApp.getFileById');
    const rec = this.store.fileRecord(requireString(id, 'id'));
    this.store.touch(rec.id);
    return new FakeFile(this.store, rec.id);
  }

  getFolderById(id: string): FakeFolder {
    this.store.call('DriveApp.getFolderById');
    const rec = this.store.folderRecord(requireString(id, 'id'));
    this.store.touch(rec.id);
    return new FakeFolder(this.store, rec.id);
  }

  getTrashedFiles(): FakeFileIterator {
    this.store.call('DriveApp.getTrashedFiles');
    return new FakeFileIterator(this.store, this.fileIds().filter((id) => this.store.state.files[id]!.trashed));
  }

  getTrashedFolders(): FakeFolderIterator {
    this.store.call('DriveApp.getTrashedFolders');
    return new FakeFolderIterator(this.store, this.folderIds().filter((id) => this.store.state.folders[id]!.trashed));
  }

  continueFileIterator(token: string): FakeFileIterator {
    this.store.call('DriveApp.continueFileIterator');
    const { ids, pos } = decodeToken(token);
    return new FakeFileIterator(this.store, ids, pos);
  }

  continueFolderIterator(token: string): FakeFolderIterator {
    this.store.call('DriveApp.continueFolderIterator');
    const { ids, pos } = decodeToken(token);
    return new FakeFolderIterator(this.store, ids, pos);
  }
}

/** DriveApp over a store, typed as the real service for code under test. */
export function createDriveApp(store: DriveStore): GoogleAppsScript.Drive.DriveApp {
  return new FakeDriveApp(store) as unknown as GoogleAppsScript.Drive.DriveApp;
}
