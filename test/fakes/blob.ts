/**
 * A Blob as Apps Script hands them out (Document.getAs, File.getBlob, Folder.createFile input).
 * Not counted in the call log: a blob is a local value, not a round trip to a service
 * (same rule as the Utilities fake's blob).
 */

import { FakeServiceError } from './env';

const EXTENSION_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  html: 'text/html',
  htm: 'text/html',
  csv: 'text/csv',
  css: 'text/css',
  js: 'application/javascript',
  json: 'application/json',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const TYPE_EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/html': 'html',
  'text/csv': 'csv',
};

/** Apps Script bytes are Java bytes: signed, -128..127. */
export function toSignedBytes(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

export function toUnsignedBytes(bytes: ArrayLike<number>): Uint8Array {
  return Uint8Array.from(bytes as ArrayLike<number>, (b) => b & 0xff);
}

export function bytesToBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

export function base64ToBytes(b64: string): Uint8Array {
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

/** Replaces the name's extension (or adds one), as getAs does: "Giao ước.docx" → "Giao ước.pdf". */
export function withExtension(name: string | null, ext: string): string | null {
  if (name === null) return null;
  const dot = name.lastIndexOf('.');
  const base = dot > 0 && /^[A-Za-z0-9]{1,5}$/.test(name.slice(dot + 1)) ? name.slice(0, dot) : name;
  return `${base}.${ext}`;
}

function isTextual(type: string | null): boolean {
  return type !== null && (type.startsWith('text/') || type === 'application/json' || type === 'application/javascript');
}

export class FakeBlob implements GoogleAppsScript.Base.Blob {
  private data: Uint8Array;

  constructor(
    data: string | ArrayLike<number> | Uint8Array = '',
    private contentType: string | null = null,
    private name: string | null = null,
  ) {
    this.data = typeof data === 'string' ? new TextEncoder().encode(data)
      : data instanceof Uint8Array ? Uint8Array.from(data) : toUnsignedBytes(data);
  }

  copyBlob(): FakeBlob {
    return new FakeBlob(this.data, this.contentType, this.name);
  }

  /**
   * Same type: a copy. Text or HTML to PDF: allowed (Apps Script renders it); the fake's "PDF" is
   * the text itself, enough to read back. Anything else throws as Apps Script does.
   */
  getAs(contentType: string): FakeBlob {
    if (contentType === this.contentType) return this.copyBlob();
    if (contentType === 'application/pdf' && isTextual(this.contentType)) {
      return new FakeBlob(this.data, contentType, withExtension(this.name, 'pdf'));
    }
    throw new FakeServiceError(`Converting from ${this.contentType ?? 'unknown'} to ${contentType} is not supported.`);
  }

  getBlob(): FakeBlob {
    return this;
  }

  getBytes(): number[] {
    return toSignedBytes(this.data);
  }

  /** Unsigned bytes, for tests and for storing in Drive state. */
  getUint8Array(): Uint8Array {
    return Uint8Array.from(this.data);
  }

  getContentType(): string | null {
    return this.contentType;
  }

  getDataAsString(_charset?: string): string {
    return new TextDecoder().decode(this.data);
  }

  getName(): string | null {
    return this.name;
  }

  isGoogleType(): boolean {
    return this.contentType !== null && this.contentType.startsWith('application/vnd.google-apps.');
  }

  setBytes(data: number[]): FakeBlob {
    this.data = toUnsignedBytes(data);
    return this;
  }

  setContentType(contentType: string | null): FakeBlob {
    this.contentType = contentType;
    return this;
  }

  setContentTypeFromExtension(): FakeBlob {
    const ext = this.name?.split('.').pop()?.toLowerCase();
    const type = ext ? EXTENSION_TYPES[ext] : undefined;
    if (!type) throw new FakeServiceError(`Could not determine the content type from the name: ${this.name ?? '(no name)'}`);
    this.contentType = type;
    return this;
  }

  setDataFromString(s: string, _charset?: string): FakeBlob {
    this.data = new TextEncoder().encode(s);
    return this;
  }

  setName(name: string): FakeBlob {
    this.name = name;
    return this;
  }

  getAllBlobs(): FakeBlob[] {
    return [this];
  }
}

/** The extension getAs gives a converted blob's name, if we know one. */
export function extensionFor(contentType: string): string | undefined {
  return TYPE_EXTENSIONS[contentType];
}

/**
 * Reads any BlobSource (our FakeBlob, the Utilities fake's Blob, a Document) into plain parts
 * without touching the call log for FakeBlobs.
 */
export function readBlobSource(source: GoogleAppsScript.Base.BlobSource): { bytes: Uint8Array; contentType: string | null; name: string | null } {
  const blob = source instanceof FakeBlob ? source : source.getBlob();
  const raw = blob instanceof FakeBlob ? blob.getUint8Array() : toUnsignedBytes(blob.getBytes());
  return { bytes: raw, contentType: blob.getContentType(), name: blob.getName() };
}
