/**
 * The Drive advanced service (v3) as the add-on uses it — Drive.Files.create / get / list /
 * update — over the same DriveStore as the DocumentApp and DriveApp fakes, counted as
 * "Drive.Files.<method>" with the fakes' call log and injected faults, and with drive.file's rule:
 * only what the add-on created is visible.
 */
import type { DocumentStore } from './documents';
import { MimeType, SCOPE_DRIVE, type FileRecord, type FolderRecord } from './drive';
import { FakeServiceError } from './env';

const SCOPE_DRIVE_FILE = 'https://www.googleapis.com/auth/drive.file';

/** The part of the advanced service the fake implements, typed as @types/google-apps-script declares it. */
export interface DriveV3 {
  Files: Pick<GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection, 'create' | 'get' | 'list' | 'update'>;
}

/** Drive.Files.create / get / list / update as the add-on uses them, limited to drive.file. */
export function createDriveV3(store: DocumentStore, scopes?: readonly string[]): DriveV3 {
  const drive = store.drive;
  const call = (method: string): void => {
    drive.call(`Drive.Files.${method}`);
    if (scopes && !scopes.includes(SCOPE_DRIVE_FILE) && !scopes.includes(SCOPE_DRIVE)) {
      throw new FakeServiceError(`Request had insufficient authentication scopes (drive.files.${method})`);
    }
  };
  const notFound = (method: string, id: string) => new FakeServiceError(`API call to drive.files.${method} failed with error: File not found: ${id}.`);
  /** drive.file: only what the add-on created. */
  const record = (method: string, id: string): FileRecord | FolderRecord => {
    const rec: FileRecord | FolderRecord | undefined = drive.state.files[id] ?? drive.state.folders[id];
    if (!rec || !rec.createdByScript) throw notFound(method, id);
    drive.touch(id);
    return rec;
  };
  const view = (rec: FileRecord | FolderRecord) => ({
    id: rec.id, name: rec.name, mimeType: rec.kind === 'folder' ? MimeType.FOLDER : rec.mimeType, trashed: rec.trashed, parents: [...rec.parents],
  });
  const files = {
    get(id: string) {
      call('get');
      return view(record('get', id));
    },
    list(args: { q?: string; pageSize?: number; pageToken?: string }) {
      call('list');
      const m = /^'([\w-]+)' in parents and trashed = false$/.exec(args.q ?? '');
      if (!m) throw new FakeServiceError(`Unsupported query in the fake: ${args.q}`);
      const all = [...Object.values(drive.state.files), ...Object.values(drive.state.folders)]
        .filter((r) => r.createdByScript && !r.trashed && r.parents.includes(m[1]!));
      const from = Number(args.pageToken ?? 0);
      const size = args.pageSize ?? 100;
      const page = all.slice(from, from + size);
      for (const r of page) drive.touch(r.id);
      return { files: page.map(view), ...(from + size < all.length ? { nextPageToken: String(from + size) } : {}) };
    },
    create(resource: { name?: string; mimeType?: string; parents?: string[] }, blob?: GoogleAppsScript.Base.Blob) {
      call('create');
      const name = resource.name ?? 'Untitled';
      const parent = resource.parents?.[0] ?? drive.state.rootFolderId;
      if (resource.parents) record('create', parent);
      let id: string;
      if (resource.mimeType === MimeType.FOLDER) id = drive.newFolderRecord(name, parent).id;
      else if (resource.mimeType === MimeType.GOOGLE_DOCS) id = store.createDocument(name, { parentId: parent }).id;
      else {
        const bytes = blob ? (blob as unknown as { getUint8Array(): Uint8Array }).getUint8Array() : new Uint8Array();
        id = drive.newFileRecord(name, parent, resource.mimeType ?? blob?.getContentType() ?? 'application/octet-stream', bytes).id;
      }
      drive.touch(id);
      return view(record('create', id));
    },
    update(resource: { name?: string; trashed?: boolean }, id: string) {
      call('update');
      const rec = record('update', id);
      if (resource.name !== undefined) rec.name = resource.name;
      if (resource.trashed !== undefined) rec.trashed = resource.trashed;
      return view(rec);
    },
  };
  return { Files: files } as unknown as DriveV3;
}
