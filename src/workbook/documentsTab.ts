/**
 * The "Văn bản" tab's layout: a header row, then one row per document generated — time, kind,
 * version, name, link, PDF link, user — read back for the sidebar's list and for the names
 * already taken (versions go on from them).
 */
import type { Grid, OutValue } from './grid';
import { logTime } from './time';

/** 0-based columns of a row. */
export const DOCUMENTS_COLUMN = { time: 0, kind: 1, version: 2, name: 3, url: 4, pdfUrl: 5, user: 6 } as const;

/** A document as its row lists it. */
export interface ListedDocument {
  time: string;
  kind: string;
  version: number | null;
  name: string;
  url: string;
  pdfUrl: string;
  user: string;
}

/** The row of a document (the kind as its label). */
export function documentRow(d: { kind: string; version: number; name: string; url: string; pdfUrl: string | null }, now: Date, user: string): OutValue[] {
  const row: OutValue[] = [];
  const C = DOCUMENTS_COLUMN;
  row[C.time] = logTime(now);
  row[C.kind] = d.kind;
  row[C.version] = d.version;
  row[C.name] = d.name;
  row[C.url] = d.url;
  row[C.pdfUrl] = d.pdfUrl ?? '';
  row[C.user] = user;
  return row;
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

function text(v: unknown): string {
  return isDate(v) ? logTime(v) : v === null || v === undefined ? '' : String(v);
}

/** The names of the documents listed in the tab (header row left out). */
export function documentNames(grid: Grid): string[] {
  return grid.slice(1).map((r) => String(r[DOCUMENTS_COLUMN.name] ?? ''));
}

/** The documents listed in the tab, newest first (rows without a name left out). */
export function listedDocuments(grid: Grid): ListedDocument[] {
  const C = DOCUMENTS_COLUMN;
  return grid
    .slice(1)
    .filter((row) => text(row[C.name]) !== '')
    .map((row) => ({
      time: text(row[C.time]),
      kind: text(row[C.kind]),
      version: typeof row[C.version] === 'number' ? (row[C.version] as number) : Number(text(row[C.version])) || null,
      name: text(row[C.name]),
      url: text(row[C.url]),
      pdfUrl: text(row[C.pdfUrl]),
      user: text(row[C.user]),
    }))
    .reverse();
}
