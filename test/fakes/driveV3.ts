/**
 * The Drive advanced service (v3) as the add-on uses it — Drive.Files.create / get / list /
 * update and Drive.Permissions.create — over the same DriveStore as the DocumentApp and DriveApp
 * fakes, counted as "Drive.Files.<method>" / "Drive.Permissions.<method>" with the fakes' call log
 * and injected faults, and with drive.file's rule, per user: the add-on running as U reaches only
 * what U's runs made or U opened with the app (DriveStore.appCanReach), even when the item is
 * shared with U. What U may do to an item it reaches is U's role as a person (DriveStore.roleOf).
 */
import type { DocumentStore } from './documents';
import { MimeType, SCOPE_DRIVE, higherRole, type DriveRole, type FileRecord, type FolderRecord } from './drive';
import { FakeServiceError } from './env';

const SCOPE_DRIVE_FILE = 'https://www.googleapis.com/auth/drive.file';

/** The part of the advanced service the fake implements, typed as @types/google-apps-script declares it. */
export interface DriveV3 {
  Files: Pick<GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection, 'create' | 'get' | 'list' | 'update'>;
  Permissions: Pick<GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection, 'create'>;
}

/** Drive's answer when the caller may not change an item it reaches (handle-errors: insufficientFilePermissions). */
export const INSUFFICIENT_PERMISSIONS = 'The user does not have sufficient permissions for this file.';

/** Drive's answer to a silent share with an address that is no Google account. */
export const noGoogleAccount = (email: string) =>
  `Bad Request. User message: "You are trying to invite ${email}. Since there is no Google account associated with this email address, you must check the 'Notify people' box to invite this recipient."`;

/** A permission id: stable per grantee, as Drive's are. */
function permissionId(email: string): string {
  let h = 0x811c9dc5;
  for (const ch of email.toLowerCase()) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return String(h).padStart(10, '0');
}

/** Drive.Files.* and Drive.Permissions.create as the add-on uses them, limited to drive.file. */
export function createDriveV3(store: DocumentStore, scopes?: readonly string[]): DriveV3 {
  const drive = store.drive;
  const user = () => drive.env.currentUser.toLowerCase();
  const call = (collection: 'Files' | 'Permissions', method: string): void => {
    drive.call(`Drive.${collection}.${method}`);
    if (scopes && !scopes.includes(SCOPE_DRIVE_FILE) && !scopes.includes(SCOPE_DRIVE)) {
      throw new FakeServiceError(`Request had insufficient authentication scopes (drive.${collection.toLowerCase()}.${method})`);
    }
  };
  const apiError = (what: string, message: string) => new FakeServiceError(`API call to ${what} failed with error: ${message}`);
  const notFound = (what: string, id: string) => apiError(what, `File not found: ${id}.`);
  /** drive.file: only what this user's runs made or this user opened with the app. */
  const record = (what: string, id: string): FileRecord | FolderRecord => {
    const rec = drive.item(id);
    if (!rec || !drive.appCanReach(id, user())) throw notFound(what, id);
    drive.touch(id);
    return rec;
  };
  /** The caller's role must be one of `roles` (as a person, inherited included). */
  const requireRole = (what: string, id: string, roles: readonly DriveRole[]): void => {
    const role = drive.roleOf(id, user());
    if (!role || !roles.includes(role)) throw apiError(what, INSUFFICIENT_PERMISSIONS);
  };
  const view = (rec: FileRecord | FolderRecord) => ({
    id: rec.id, name: rec.name, mimeType: rec.kind === 'folder' ? MimeType.FOLDER : rec.mimeType, trashed: rec.trashed, parents: [...rec.parents],
  });
  const files = {
    get(id: string) {
      call('Files', 'get');
      return view(record('drive.files.get', id));
    },
    list(args: { q?: string; pageSize?: number; pageToken?: string }) {
      call('Files', 'list');
      const m = /^'([\w-]+)' in parents and trashed = false$/.exec(args.q ?? '');
      if (!m) throw new FakeServiceError(`Unsupported query in the fake: ${args.q}`);
      const all = [...Object.values(drive.state.files), ...Object.values(drive.state.folders)]
        .filter((r) => !r.trashed && r.parents.includes(m[1]!) && drive.appCanReach(r.id, user()));
      const from = Number(args.pageToken ?? 0);
      const size = args.pageSize ?? 100;
      const page = all.slice(from, from + size);
      for (const r of page) drive.touch(r.id);
      return { files: page.map(view), ...(from + size < all.length ? { nextPageToken: String(from + size) } : {}) };
    },
    create(resource: { name?: string; mimeType?: string; parents?: string[] }, blob?: GoogleAppsScript.Base.Blob) {
      call('Files', 'create');
      const name = resource.name ?? 'Untitled';
      const parent = resource.parents?.[0] ?? drive.state.rootFolderId;
      if (resource.parents) {
        record('drive.files.create', parent);
        requireRole('drive.files.create', parent, ['owner', 'writer']);
      }
      let id: string;
      if (resource.mimeType === MimeType.FOLDER) id = drive.newFolderRecord(name, parent).id;
      else if (resource.mimeType === MimeType.GOOGLE_DOCS) id = store.createDocument(name, { parentId: parent }).id;
      else {
        const bytes = blob ? (blob as unknown as { getUint8Array(): Uint8Array }).getUint8Array() : new Uint8Array();
        id = drive.newFileRecord(name, parent, resource.mimeType ?? blob?.getContentType() ?? 'application/octet-stream', bytes).id;
      }
      drive.touch(id);
      return view(record('drive.files.create', id));
    },
    update(resource: { name?: string; trashed?: boolean }, id: string) {
      call('Files', 'update');
      const rec = record('drive.files.update', id);
      // File resource: "Only the owner may trash a file".
      requireRole('drive.files.update', id, resource.trashed !== undefined ? ['owner'] : ['owner', 'writer']);
      if (resource.name !== undefined) rec.name = resource.name;
      if (resource.trashed !== undefined) rec.trashed = resource.trashed;
      return view(rec);
    },
  };
  const permissions = {
    create(resource: { type?: string; role?: string; emailAddress?: string }, fileId: string, optionalArgs: { sendNotificationEmail?: boolean } = {}) {
      call('Permissions', 'create');
      const what = 'drive.permissions.create';
      const rec = record(what, fileId);
      requireRole(what, fileId, ['owner', 'writer']);
      if (resource.type !== 'user') throw new FakeServiceError(`The fake models permissions of type 'user' only, not ${String(resource.type)}`);
      if (resource.role === 'owner') throw apiError(what, "The transferOwnership parameter must be enabled when the permission role is 'owner'.");
      if (resource.role !== 'reader' && resource.role !== 'commenter' && resource.role !== 'writer') {
        throw apiError(what, `Invalid permission role: ${String(resource.role)}`);
      }
      const email = typeof resource.emailAddress === 'string' ? resource.emailAddress.trim().toLowerCase() : '';
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw apiError(what, `Invalid sharing request: emailAddress "${String(resource.emailAddress)}"`);
      // sendNotificationEmail "defaults to true for users and groups".
      const notify = optionalArgs.sendNotificationEmail !== false;
      if (!drive.isGoogleAccount(email)) {
        if (!notify) throw apiError(what, noGoogleAccount(email));
        throw new FakeServiceError('The fake does not model e-mail invitations to addresses that are not Google accounts');
      }
      if (rec.owner.toLowerCase() === email) throw apiError(what, 'The owner of an item cannot be given another role.');
      // manage-sharing: an inherited permission cannot be reduced on a child item.
      const inherited = drive.inheritedRole(fileId, email);
      if (inherited && higherRole(inherited, resource.role) !== resource.role) {
        throw apiError(what, `Cannot reduce the inherited role ${inherited} of ${email} to ${resource.role}.`);
      }
      rec.permissions ??= [];
      let p = rec.permissions.find((x) => x.emailAddress.toLowerCase() === email);
      if (p) p.role = resource.role;
      else {
        p = { id: permissionId(email), type: 'user', role: resource.role, emailAddress: email };
        rec.permissions.push(p);
      }
      return { kind: 'drive#permission', ...p };
    },
  };
  return { Files: files, Permissions: permissions } as unknown as DriveV3;
}
