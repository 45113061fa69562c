/**
 * Files in Drive through the Drive advanced service (v3), which works with the `drive.file`
 * scope: the add-on reaches only files and folders it created. DriveApp would need the full
 * `drive` scope (every DriveApp method asks for it), which the manifest does not request.
 * Nothing here searches the Drive: the year's folder is remembered by id, and listing is limited
 * to that folder. Each method says what it costs in service calls.
 */
import type { DriveApi } from './documents';

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

/** Drive's answer for an id it does not know (or that is out of the add-on's reach). */
function isNotFound(e: unknown): boolean {
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
   * The folder with this id when it exists, is a folder and is not in the trash (1 call); null
   * when Drive does not know it. Other errors (quota, time-outs) are thrown.
   */
  folder(id: string): DriveItem | null {
    let f: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
    try {
      f = this.api.Files.get(id, { fields: 'id,name,mimeType,trashed' });
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
    if (!f || f.trashed || f.mimeType !== MIME.folder || !f.id) return null;
    return { id: f.id, name: f.name ?? '', mimeType: f.mimeType };
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

/** Document property key of the year's folder id. */
export function folderKey(year: number): string {
  return `thidua.docs.folder.${year}`;
}

/**
 * The year's folder: the one remembered in document properties while it exists and is not in
 * the trash, else a new one, remembered (2 property calls + 1 Drive call; +2 to create one).
 */
export function yearFolder(
  files: DriveFiles,
  props: GoogleAppsScript.Properties.Properties,
  year: number,
  name: string,
): { id: string; created: boolean } {
  const key = folderKey(year);
  const known = props.getProperty(key);
  if (known && files.folder(known)) return { id: known, created: false };
  const id = files.createFolder(name);
  props.setProperty(key, id);
  return { id, created: true };
}
