/**
 * Files in Drive through the Drive advanced service (v3), which works with the `drive.file`
 * scope: the add-on reaches only files and folders it created. That is per user: a folder one
 * person's run made is "File not found" to another person's run, even when it is shared with them.
 * DriveApp would need the full `drive` scope (every DriveApp method asks for it), which the
 * manifest does not request. Nothing here searches the Drive: the year's folder is remembered by
 * id with the e-mail of who made it, and listing is limited to that folder. Each method says what
 * it costs in service calls.
 */
import { KEY } from '../workbook/state';
import type { DriveApi } from './documents';
import type { KeyValues } from './properties';

export const MIME = {
  folder: 'application/vnd.google-apps.folder',
  document: 'application/vnd.google-apps.document',
  pdf: 'application/pdf',
} as const;

/** A file as listed. */
export interface DriveItem {
  id: string;
  name: string;
  mimeType: string;
}

/** A role given to a person on a file or folder (inherited by what a folder holds). */
export type ShareRole = 'writer' | 'commenter';

/** Drive's answer for an id it does not know (or that is out of the add-on's reach). */
export function isNotFound(e: unknown): boolean {
  return /not ?found|404/i.test(e instanceof Error ? e.message : String(e));
}

function quote(id: string): string {
  return `'${id.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Link to open a Google Doc. */
export function documentUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

/** Link to view a file (a PDF). */
export function fileUrl(id: string): string {
  return `https://drive.google.com/file/d/${id}/view`;
}

/** Link to a folder. */
export function folderUrl(id: string): string {
  return `https://drive.google.com/drive/folders/${id}`;
}

/** The add-on's files in Drive. */
export class DriveFiles {
  constructor(private readonly api: DriveApi) {}

  /**
   * The folder with this id (1 call): 'ok' when it is a folder out of the trash, 'gone' when this
   * run sees it in the trash or as no folder, 'unreachable' when Drive answers "not found" — deleted,
   * or made by another person's run (drive.file cannot tell them apart). Other errors are thrown.
   */
  folder(id: string): { status: 'ok'; item: DriveItem } | { status: 'gone' | 'unreachable' } {
    let f: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
    try {
      f = this.api.Files.get(id, { fields: 'id,name,mimeType,trashed' });
    } catch (e) {
      if (isNotFound(e)) return { status: 'unreachable' };
      throw e;
    }
    if (!f || f.trashed || f.mimeType !== MIME.folder || !f.id) return { status: 'gone' };
    return { status: 'ok', item: { id: f.id, name: f.name ?? '', mimeType: f.mimeType } };
  }

  /**
   * Gives a person a role on a file or folder, without a notification e-mail (1 call); what a
   * folder holds inherits it. Throws Drive's error (e.g. an address that is no Google account).
   */
  share(id: string, email: string, role: ShareRole): void {
    this.api.Permissions.create({ type: 'user', role, emailAddress: email }, id, { sendNotificationEmail: false, fields: 'id' });
  }

  /** Creates a folder in My Drive (1 call); returns its id. */
  createFolder(name: string): string {
    return this.created(this.api.Files.create({ name: name.normalize('NFC'), mimeType: MIME.folder }));
  }

  /** Files directly in the folder, not trashed (1 call per 1000). */
  list(folderId: string): DriveItem[] {
    const out: DriveItem[] = [];
    let pageToken: string | undefined;
    do {
      const page = this.api.Files.list({
        q: `${quote(folderId)} in parents and trashed = false`,
        fields: 'nextPageToken,files(id,name,mimeType)',
        pageSize: 1000,
        ...(pageToken ? { pageToken } : {}),
      });
      for (const f of page.files ?? []) {
        if (f.id) out.push({ id: f.id, name: (f.name ?? '').normalize('NFC'), mimeType: f.mimeType ?? '' });
      }
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    return out;
  }

  /** An empty Google Doc in the folder (1 call); returns its id. */
  createDocument(name: string, folderId: string): string {
    return this.created(this.api.Files.create({ name: name.normalize('NFC'), mimeType: MIME.document, parents: [folderId] }));
  }

  /** Uploads a blob (a PDF) into the folder (1 call); returns its id. */
  upload(name: string, folderId: string, blob: GoogleAppsScript.Base.Blob, mimeType: string): string {
    return this.created(this.api.Files.create({ name: name.normalize('NFC'), mimeType, parents: [folderId] }, blob));
  }

  /** Renames a file (1 call). */
  rename(id: string, name: string): void {
    this.api.Files.update({ name: name.normalize('NFC') }, id);
  }

  /** Moves a file to the trash (1 call). */
  trash(id: string): void {
    this.api.Files.update({ trashed: true }, id);
  }

  private created(f: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File): string {
    if (!f?.id) throw new Error('Drive did not return the new file id');
    return f.id;
  }
}

/** Document property key of the year's folder. */
export function folderKey(year: number): string {
  return `${KEY.folderPrefix}${year}`;
}

/**
 * The year's folder as remembered: its id, who made it (lower-case e-mail; "" when unknown, as in
 * values saved as a bare id) and to whom it was shared ("email=role"), or, when that list would
 * not fit a property, a hash of it.
 */
export interface FolderRecord {
  id: string;
  by: string;
  shared: string[];
  sharedHash?: string;
}

/** Reads the property: JSON, or a bare id saved before the maker was kept. */
export function readFolderRecord(value: string | null): FolderRecord | null {
  if (!value) return null;
  if (!value.startsWith('{')) return { id: value, by: '', shared: [] };
  try {
    const r = JSON.parse(value) as Partial<FolderRecord>;
    if (typeof r.id !== 'string' || r.id === '') return null;
    return {
      id: r.id, by: typeof r.by === 'string' ? r.by : '',
      shared: Array.isArray(r.shared) ? r.shared.filter((x): x is string => typeof x === 'string') : [],
      ...(typeof r.sharedHash === 'string' ? { sharedHash: r.sharedHash } : {}),
    };
  } catch {
    return null;
  }
}

/** FNV-1a of the sorted list: stands for a shared list too long for a property. */
export function sharedHash(list: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const ch of [...list].sort().join('\n')) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** The property value; the shared list becomes its hash past ~8 KB (a property holds 9 KB). */
export function encodeFolderRecord(r: FolderRecord): string {
  const full = JSON.stringify({ id: r.id, by: r.by, shared: r.shared });
  return full.length <= 8000 ? full : JSON.stringify({ id: r.id, by: r.by, shared: [], sharedHash: sharedHash(r.shared) });
}

/** The year's folder: usable (and new or not), or another person's that this run cannot reach. */
export type YearFolder =
  | { status: 'ok'; id: string; created: boolean; record: FolderRecord }
  | { status: 'foreign'; id: string; by: string };

/**
 * The year's folder: the one remembered in document properties while this run reaches it and it
 * is not in the trash; a new one, remembered with `user` as its maker, when there is none, when
 * it went to the trash, or when Drive no longer knows the one this same user made. A remembered
 * folder another person made (or of an unknown maker) that Drive answers "not found" is never
 * replaced: that is drive.file hiding it from this user, and a second folder would split the
 * year's documents and restart their numbers (1 property call + 1 Drive call; +2 to create one).
 */
export function yearFolder(
  files: DriveFiles,
  props: KeyValues,
  year: number,
  name: string,
  user: string,
): YearFolder {
  const key = folderKey(year);
  const me = user.trim().toLowerCase();
  const known = readFolderRecord(props.getProperty(key));
  if (known) {
    const found = files.folder(known.id);
    if (found.status === 'ok') return { status: 'ok', id: known.id, created: false, record: known };
    if (found.status === 'unreachable' && (known.by === '' || known.by !== me)) return { status: 'foreign', id: known.id, by: known.by };
  }
  const id = files.createFolder(name);
  const record: FolderRecord = { id, by: me, shared: [] };
  props.setProperty(key, encodeFolderRecord(record));
  return { status: 'ok', id, created: true, record };
}
