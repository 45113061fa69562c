/**
 * The Drive advanced service (v3) the documents writer uses — Drive.Files.create / get / list /
 * update — over the fakes' DriveStore, counted as "Drive.Files.<method>" in the same call log,
 * with drive.file's rule (only what the add-on created is visible). test/fakes has no Drive v3
 * fake yet; this mirrors the one in test/app/documents.test.ts so the bench can generate
 * documents through the bundle. Use the fakes' own when it lands (BenchWorld prefers it).
 */
import type { DocumentStore } from '../../test/fakes/documents';
import { MimeType, type FileRecord, type FolderRecord } from '../../test/fakes/drive';
import { FakeServiceError } from '../../test/fakes/env';

export function benchDriveV3(store: DocumentStore): unknown {
  const drive = store.drive;
  const call = (method: string): void => drive.call(`Drive.Files.${method}`);
  const record = (method: string, id: string): FileRecord | FolderRecord => {
    const rec: FileRecord | FolderRecord | undefined = drive.state.files[id] ?? drive.state.folders[id];
    if (!rec || !rec.createdByScript) throw new FakeServiceError(`API call to drive.files.${method} failed with error: File not found: ${id}.`);
    drive.touch(id);
    return rec;
  };
  const view = (rec: FileRecord | FolderRecord) => ({
    id: rec.id, name: rec.name, mimeType: rec.kind === 'folder' ? MimeType.FOLDER : rec.mimeType, trashed: rec.trashed, parents: [...rec.parents],
  });
  const Files = {
    get(id: string) {
      call('get');
      return view(record('get', id));
    },
    list(args: { q?: string; pageSize?: number; pageToken?: string }) {
      call('list');
      const m = /^'([\w-]+)' in parents and trashed = false$/.exec(args.q ?? '');
      if (!m) throw new FakeServiceError(`Unsupported query in the bench's Drive v3: ${args.q}`);
      const all = [...Object.values(drive.state.files), ...Object.values(drive.state.folders)]
        .filter((r) => r.createdByScript && !r.trashed && r.parents.includes(m[1]!));
      const from = Number(args.pageToken ?? 0);
      const size = args.pageSize ?? 100;
      const page = all.slice(from, from + size);
      return { files: page.map(view), ...(from + size < all.length ? { nextPageToken: String(from + size) } : {}) };
    },
    create(resource: { name?: string; mimeType?: string; parents?: string[] }, blob?: { getUint8Array?(): Uint8Array; getContentType?(): string }) {
      call('create');
      const name = resource.name ?? 'Untitled';
      const parent = resource.parents?.[0] ?? drive.state.rootFolderId;
      if (resource.parents) record('create', parent);
      let id: string;
      if (resource.mimeType === MimeType.FOLDER) id = drive.newFolderRecord(name, parent).id;
      else if (resource.mimeType === MimeType.GOOGLE_DOCS) id = store.createDocument(name, { parentId: parent }).id;
      else {
        const bytes = blob?.getUint8Array ? blob.getUint8Array() : new Uint8Array();
        id = drive.newFileRecord(name, parent, resource.mimeType ?? blob?.getContentType?.() ?? 'application/octet-stream', bytes).id;
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
  return { Files };
}
