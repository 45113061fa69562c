/**
 * Tạo văn bản: the covenant, the minutes, the report or the proposal of the year, from the sheet
 * into the year's Drive folder, optionally with a PDF next to it.
 *
 * Never overwrites: each generation is a new file, "(bản 2)", "(bản 3)" … after the first,
 * numbered from the files in the folder (an earlier one may already be signed). Never presents a
 * half-written document as final: the document is created as "[đang tạo] …", written, saved,
 * exported, and renamed to its final name as the last step; on a failure it goes to the trash,
 * and if even that fails its name still says it is not final (the next run trashes it).
 *
 * Cost for the covenant of 7 units × 60 criteria: see test/app/documents.test.ts (under 150
 * DocumentApp and Drive calls, the PDF included).
 */
import { documentServices, writeDocument, type DocumentServices } from '../adapters/documents';
import {
  DriveFiles, MIME, documentUrl, encodeFolderRecord, fileUrl, folderKey, folderUrl, readFolderRecord, sharedHash, yearFolder,
  type FolderRecord, type ShareRole,
} from '../adapters/drive';
import { NEEDS } from '../adapters/scopes';
import { documentProperties, type KeyValues } from '../adapters/properties';
import type { Sheet } from '../adapters/sheets';
import {
  buildCovenant,
  buildMidYearReport,
  buildMinutes,
  buildPlan,
  buildProposal,
  buildReport,
  type CalendarDate,
  type CalendarTime,
  type DocKind,
  type DocModel,
  type DocumentMeta,
  type Person,
  type Signer,
  orBlank,
} from '../core/documents';
import { cleanText } from '../core/input';
import type { ScoringYear, Unit } from '../core/model';
import type { YearResult } from '../core/results';
import type { MidYearReview } from '../core/midYear';
import { docsWriterText as T } from '../i18n/docsWriter';
import { buildYear } from '../workbook/year';
import { a1 } from '../workbook/a1';
import { CONFIG_LAYOUT, DETAIL_KEYS, type DocumentDetails } from '../workbook/config';
import { UNIT_FIELD } from '../workbook/config/layout';
import { problem, type SheetProblem } from '../workbook/problems';
import { detailsText as DT } from '../i18n/details';
import { workbookText } from '../i18n/workbook';
import { leaderEmails, type ProtectionSpec } from '../workbook/rights';
import type { OutValue } from '../workbook/grid';
import { documentNames, documentRow, listedDocuments, type ListedDocument } from '../workbook/documentsTab';

export type { ListedDocument };
import { actionRow, appendLog } from './audit';
import type { Context } from './context';
import { loadWorkbook } from './load';
import { loadMidYearReview } from './midYear';
import { computeWorkbook, requireLeader } from './recompute';
import { ActionError, type ActionResult } from './result';
import { runLocked, runRead } from './run';

export type DocumentKind = DocKind;

export const DOCUMENT_KINDS: readonly DocumentKind[] = ['covenant', 'minutes', 'report', 'proposal', 'plan', 'midYearReport'];

/**
 * What the sidebar may send (plain JSON): the PDF switch and overrides of what the documents
 * say. Dates are "YYYY-MM-DD" (times "YYYY-MM-DDTHH:MM") or { y, m, d[, h, min] }; review dates
 * may also be words ("tháng 6 năm 2021"). readOptions checks it into DocumentOptions.
 */
export interface DocumentRequest {
  pdf?: boolean;
  /** Make a draft (DỰ THẢO) even when nothing is missing; one is made anyway when details are. */
  draft?: boolean;
  number?: number | string | null;
  date?: string | CalendarDate;
  place?: string;
  parentBody?: string;
  issuerCode?: string;
  // Covenant
  purposes?: string[];
  commitments?: string[];
  crossCheckMembersPerUnit?: number;
  signatureColumns?: 1 | 2 | 3;
  reviews?: { midYear?: string | CalendarDate; yearEnd?: string | CalendarDate };
  // Minutes
  start?: string | CalendarTime;
  end?: string | CalendarTime;
  venue?: string;
  chair?: Person;
  secretary?: Person;
  attendees?: string[];
  absent?: string[];
  // Report and proposal
  recipients?: string[];
  signer?: Signer;
  councilName?: string;
}

/** The request checked: dates as calendar dates, texts cleaned and NFC. */
export interface DocumentOptions extends Omit<DocumentRequest, 'number' | 'date' | 'start' | 'end'> {
  number?: number;
  date?: CalendarDate;
  start?: CalendarTime;
  end?: CalendarTime;
}

/** The outcome of generateDocument, as the sidebar gets it. */
export interface DocumentResult extends ActionResult {
  kind: DocumentKind | null;
  name: string | null;
  version: number | null;
  url: string | null;
  pdfUrl: string | null;
  folderUrl: string | null;
  /** Whether a draft (DỰ THẢO) was made. */
  draft?: boolean;
  /** What the document still lacked, located in Cấu hình (then it is a draft). */
  missing?: SheetProblem[];
}

/** A person the year's folder could not be shared with, and Drive's reason. */
export interface NotShared {
  email: string;
  reason: string;
}

/** A document written into Drive. */
export interface WrittenDocument {
  kind: DocumentKind;
  name: string;
  version: number;
  id: string;
  url: string;
  pdfId: string | null;
  pdfUrl: string | null;
  folderId: string;
  folderUrl: string;
  /** People the folder was shared with in this run (newly, or with a changed role). */
  sharedWith: number;
  notShared: NotShared[];
}

// ---------------------------------------------------------------------------------------------
// Names and versions

const [VERSION_BEFORE, VERSION_AFTER] = T.version(0).split('0') as [string, string];

/** The final name of version n: the title, then " (bản n)" from the second. */
export function versionedName(title: string, version: number): string {
  return (version <= 1 ? title : `${title}${T.version(version)}`).normalize('NFC');
}

/** The name a document has while it is written. */
export function draftName(name: string): string {
  return `${T.draftPrefix}${name}`;
}

/** Is this the name of a draft? */
export function isDraft(name: string): boolean {
  return name.normalize('NFC').startsWith(T.draftPrefix);
}

/**
 * The version a file name stands for (its PDF too), or null when it is not one of `title`.
 * @example versionOf('Giao ước thi đua năm 2021 - Cụm 9 (bản 2).pdf', 'Giao ước thi đua năm 2021 - Cụm 9') // 2
 */
export function versionOf(name: string, title: string): number | null {
  const n = name.normalize('NFC');
  const stem = n.endsWith(T.pdfExtension) ? n.slice(0, -T.pdfExtension.length) : n;
  const t = title.normalize('NFC');
  if (stem === t) return 1;
  if (!stem.startsWith(t + VERSION_BEFORE) || !stem.endsWith(VERSION_AFTER)) return null;
  const k = stem.slice(t.length + VERSION_BEFORE.length, stem.length - VERSION_AFTER.length);
  return /^\d{1,6}$/.test(k) ? Number(k) : null;
}

/** The next version of `title` among these names (drafts do not count). */
export function nextVersion(names: readonly string[], title: string): number {
  let max = 0;
  for (const n of names) {
    if (isDraft(n)) continue;
    const v = versionOf(n, title);
    if (v !== null && v > max) max = v;
  }
  return max + 1;
}

// ---------------------------------------------------------------------------------------------
// Options, read once at the boundary

function bad(field: string, value: unknown): never {
  throw new ActionError(T.badOption(field, typeof value === 'string' ? value : JSON.stringify(value) ?? String(value)));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function validDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return Number.isInteger(y) && y >= 1900 && y <= 2200 && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** "2021-01-09", "2021-01-09T08:30" or { y, m, d[, h, min] }. */
function readWhen(field: string, v: unknown, withTime: boolean): CalendarTime | CalendarDate {
  let y: number, m: number, d: number, h = 0, min = 0;
  if (typeof v === 'string') {
    const x = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?\s*$/.exec(v);
    if (!x) return bad(field, v);
    [y, m, d] = [Number(x[1]), Number(x[2]), Number(x[3])];
    if (x[4] !== undefined) [h, min] = [Number(x[4]), Number(x[5])];
  } else if (isRecord(v) && typeof v.y === 'number' && typeof v.m === 'number' && typeof v.d === 'number') {
    [y, m, d] = [v.y, v.m, v.d];
    if (typeof v.h === 'number') h = v.h;
    if (typeof v.min === 'number') min = v.min;
  } else {
    return bad(field, v);
  }
  if (!validDay(y, m, d) || !Number.isInteger(h) || h < 0 || h > 23 || !Number.isInteger(min) || min < 0 || min > 59) return bad(field, v);
  return withTime ? { y, m, d, h, min } : { y, m, d };
}

function readText(field: string, v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' && typeof v !== 'number') return bad(field, v);
  const s = cleanText(v);
  return s === '' ? undefined : s.slice(0, 2000);
}

function readList(field: string, v: unknown): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) return bad(field, v);
  return v.map((x) => readText(field, x)).filter((x): x is string => x !== undefined).slice(0, 200);
}

function readPerson(field: string, v: unknown): Person | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isRecord(v)) return bad(field, v);
  const name = readText(field, v.name) ?? '';
  const title = readText(field, v.title);
  return title === undefined ? { name } : { name, title };
}

function readSigner(field: string, v: unknown): Signer | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isRecord(v)) return bad(field, v);
  const authority = readText(field, v.authority);
  const signer: Signer = { titles: readList(field, v.titles) ?? [], name: readText(field, v.name) ?? '' };
  if (authority !== undefined) signer.authority = authority;
  return signer;
}

/** Checks what the sidebar sent; a bad value is refused with its field named. */
export function readOptions(raw: unknown): DocumentOptions {
  if (raw === undefined || raw === null) return {};
  if (!isRecord(raw)) return bad('options', raw);
  const o: DocumentOptions = {};
  if (raw.pdf !== undefined) o.pdf = raw.pdf === true;
  if (raw.draft !== undefined) o.draft = raw.draft === true;
  if (raw.number !== undefined && raw.number !== null && raw.number !== '') {
    const n = typeof raw.number === 'string' ? Number(raw.number.trim()) : raw.number;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 99999) return bad('number', raw.number);
    o.number = n;
  }
  if (raw.date !== undefined && raw.date !== null && raw.date !== '') o.date = readWhen('date', raw.date, false) as CalendarDate;
  if (raw.start !== undefined && raw.start !== null && raw.start !== '') o.start = readWhen('start', raw.start, true) as CalendarTime;
  if (raw.end !== undefined && raw.end !== null && raw.end !== '') o.end = readWhen('end', raw.end, true) as CalendarTime;
  for (const key of ['place', 'parentBody', 'issuerCode', 'venue', 'councilName'] as const) {
    const s = readText(key, raw[key]);
    if (s !== undefined) o[key] = s;
  }
  for (const key of ['purposes', 'commitments', 'attendees', 'absent', 'recipients'] as const) {
    const list = readList(key, raw[key]);
    if (list !== undefined) o[key] = list;
  }
  if (raw.crossCheckMembersPerUnit !== undefined && raw.crossCheckMembersPerUnit !== null) {
    const n = raw.crossCheckMembersPerUnit;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 20) return bad('crossCheckMembersPerUnit', n);
    o.crossCheckMembersPerUnit = n;
  }
  if (raw.signatureColumns !== undefined && raw.signatureColumns !== null) {
    const n = raw.signatureColumns;
    if (n !== 1 && n !== 2 && n !== 3) return bad('signatureColumns', n);
    o.signatureColumns = n;
  }
  if (raw.reviews !== undefined && raw.reviews !== null) {
    if (!isRecord(raw.reviews)) return bad('reviews', raw.reviews);
    const review = (key: 'midYear' | 'yearEnd'): string | CalendarDate | undefined => {
      const v = raw.reviews && (raw.reviews as Record<string, unknown>)[key];
      if (typeof v === 'string' && !/^\s*\d{4}-\d{2}-\d{2}/.test(v)) return readText(key, v);
      return v === undefined || v === null || v === '' ? undefined : readWhen(key, v, false);
    };
    const midYear = review('midYear');
    const yearEnd = review('yearEnd');
    o.reviews = { ...(midYear !== undefined ? { midYear } : {}), ...(yearEnd !== undefined ? { yearEnd } : {}) };
  }
  const chair = readPerson('chair', raw.chair);
  if (chair) o.chair = chair;
  const secretary = readPerson('secretary', raw.secretary);
  if (secretary) o.secretary = secretary;
  const signer = readSigner('signer', raw.signer);
  if (signer) o.signer = signer;
  return o;
}

/** The document kind, or a refusal. */
export function readKind(kind: unknown): DocumentKind {
  if (typeof kind === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(kind)) return kind as DocumentKind;
  throw new ActionError(T.unknownKind(typeof kind === 'string' ? kind : String(kind)));
}

// ---------------------------------------------------------------------------------------------
// The model

/** No details recorded: every document detail is missing (a year read without Cấu hình's details). */
export const NO_DETAILS: DocumentDetails = {
  covenantDate: null, meetingStart: null, meetingVenue: '', chair: null, secretary: null, attendees: [], opinions: null,
  commitments: [], cells: Object.fromEntries(DETAIL_KEYS.map((k) => [k, ''])) as DocumentDetails['cells'], placeCell: '',
  planDate: null, midYearMeeting: null, midYearVenue: '', tasks: [], movements: [], movementCells: [], movementsCell: '', deadlines: {}, taskCell: '',
};

/** Where a unit's head and title are typed (units block of Cấu hình). */
function unitCell(rows: Record<string, number> | undefined, unitId: string, field: number): string {
  const row = rows?.[unitId];
  return row === undefined ? '' : a1(row, CONFIG_LAYOUT.units.column + field);
}

/**
 * What a document still lacks before it can be signed, located in Cấu hình: the place of its
 * date line; the covenant's date and every head who signs it; the meeting's time, venue, chair,
 * secretary, attendees and opinions voiced; the signer of the report and the proposal. What the
 * request gives (the sidebar's fields) counts as given.
 */
export function documentGaps(
  kind: DocumentKind, year: ScoringYear, details: DocumentDetails, options: DocumentOptions = {},
  unitRows?: Record<string, number>,
): SheetProblem[] {
  const M = DT.missing;
  const gaps: SheetProblem[] = [];
  const gap = (message: string, cell: string) => gaps.push(problem(workbookText.tabs.config, cell, message, { severity: 'warning' }));
  const place = options.place ?? year.cluster.place ?? '';
  if (place.trim() === '') gap(M.place, details.placeCell);
  const heads = (units: readonly Unit[]) => {
    for (const u of units) {
      if (u.headName.trim() === '') gap(M.headName(u.name), unitCell(unitRows, u.id, UNIT_FIELD.headName));
      if (u.headTitle.trim() === '') gap(M.headTitle(u.name), unitCell(unitRows, u.id, UNIT_FIELD.headTitle));
    }
  };
  const leader = year.units.filter((u) => u.id === year.cluster.leaderUnitId);
  switch (kind) {
    case 'covenant':
      if (!options.date && !details.covenantDate) gap(M.covenantDate, details.cells.covenantDate);
      heads(year.units);
      break;
    case 'minutes':
      if (!options.start && !details.meetingStart) gap(M.meetingStart, details.cells.meetingStart);
      if (!options.venue && details.meetingVenue === '') gap(M.meetingVenue, details.cells.meetingVenue);
      if (!options.chair?.name && !details.chair) {
        if (leader.length === 0 || leader[0]!.headName.trim() === '') gap(M.chair, details.cells.chair);
        else heads(leader);
      }
      if (!options.secretary?.name && !details.secretary) gap(M.secretary, details.cells.secretary);
      if (!options.attendees?.length && details.attendees.length === 0) heads(year.units.filter((u) => u.id !== year.cluster.leaderUnitId || details.chair !== null));
      if (details.opinions === null) gap(M.opinions, details.cells.opinions);
      break;
    case 'report':
    case 'proposal':
      if (!options.signer) heads(leader);
      break;
    case 'plan':
      if (!options.date && !details.planDate) gap(M.planDate, details.cells.planDate);
      if (details.movements.length === 0) gap(M.movements, details.movementsCell);
      details.movements.forEach((m, i) => {
        if (m.kind === 'thematic' && (m.from === null || m.to === null)) gap(M.movementDates(m.name), details.movementCells[i] ?? details.movementsCell);
      });
      if (!options.signer) heads(leader);
      break;
    case 'midYearReport':
      if (details.tasks.length === 0) gap(M.tasks, details.taskCell);
      if (!options.signer) heads(leader);
      break;
  }
  // One line per cell: a head missing for the chair and the attendees is one thing to fill.
  return gaps.filter((g, i) => gaps.findIndex((h) => h.a1 === g.a1 && h.message === g.message) === i);
}

/**
 * Builds the document model of a kind from the year, its results, Cấu hình's details and the
 * request. A draft (asked for, or forced by missing details) prints blanks where details lack;
 * a final document never does, as its details are all there.
 */
export function buildModel(
  kind: DocumentKind, year: ScoringYear, result: YearResult, options: DocumentOptions, now: Date,
  details: DocumentDetails = NO_DETAILS, draft = options.draft === true, review: MidYearReview | null = null,
): DocModel {
  const date = (): Date | CalendarDate | null => {
    if (options.date) return options.date;
    if (kind === 'covenant') return details.covenantDate ?? (draft ? null : now);
    if (kind === 'minutes') {
      const start = options.start ?? details.meetingStart;
      return start ? { y: start.y, m: start.m, d: start.d } : draft ? null : now;
    }
    if (kind === 'plan') return details.planDate ?? (draft ? null : now);
    return now;
  };
  const meta: DocumentMeta = { date: date(), draft };
  if (options.number !== undefined) meta.number = options.number;
  if (options.place !== undefined) meta.place = options.place;
  if (options.parentBody !== undefined) meta.parentBody = options.parentBody;
  if (options.issuerCode !== undefined) meta.issuerCode = options.issuerCode;
  const leader = year.units.find((u) => u.id === year.cluster.leaderUnitId);
  const commitments = options.commitments ?? (details.commitments.length > 0 ? details.commitments : undefined);
  switch (kind) {
    case 'covenant':
      return buildCovenant(year, {
        ...meta,
        ...(options.purposes ? { purposes: options.purposes } : {}),
        ...(commitments ? { commitments } : {}),
        ...(options.reviews ? { reviews: options.reviews } : {}),
        ...(options.crossCheckMembersPerUnit ? { crossCheckMembersPerUnit: options.crossCheckMembersPerUnit } : {}),
        ...(options.signatureColumns ? { signatureColumns: options.signatureColumns } : {}),
      });
    case 'minutes': {
      const chair = options.chair ?? details.chair ?? (leader
        ? { name: leader.headName, title: T.defaults.chairTitle(orBlank(leader.headTitle), leader.name) }
        : { name: '' });
      const attendees = options.attendees ?? (details.attendees.length > 0
        ? details.attendees
        : year.units.map((u) => T.defaults.attendee(orBlank(u.headName), orBlank(u.headTitle), u.name)));
      return buildMinutes(year, result, {
        ...meta,
        start: options.start ?? details.meetingStart ?? (draft ? null : now),
        ...(options.end ? { end: options.end } : {}),
        venue: options.venue ?? details.meetingVenue,
        chair,
        secretary: options.secretary ?? details.secretary ?? { name: '' },
        attendees,
        opinions: details.opinions,
        ...(options.absent ? { absent: options.absent } : {}),
      });
    }
    case 'report':
      return buildReport(year, result, {
        ...meta,
        ...(options.signer ? { signer: options.signer } : {}),
        ...(options.recipients ? { recipients: options.recipients } : {}),
      });
    case 'proposal':
      return buildProposal(year, result, {
        ...meta,
        ...(options.signer ? { signer: options.signer } : {}),
        ...(options.recipients ? { recipients: options.recipients } : {}),
        ...(options.councilName ? { councilName: options.councilName } : {}),
      });
    case 'plan':
      return buildPlan(year, {
        ...meta,
        movements: details.movements,
        deadlines: details.deadlines,
        covenantDate: details.covenantDate,
        midYearMeeting: details.midYearMeeting,
        midYearVenue: details.midYearVenue,
        yearEndMeeting: details.meetingStart,
        ...(options.purposes ? { purposes: options.purposes } : {}),
        ...(options.signer ? { signer: options.signer } : {}),
        ...(options.recipients ? { recipients: options.recipients } : {}),
      });
    case 'midYearReport':
      if (review === null) throw new ActionError(T.midYearNotOpened(year.cluster.year));
      return buildMidYearReport(year, review, {
        ...meta,
        tasks: details.tasks,
        meeting: details.midYearMeeting,
        venue: details.midYearVenue,
        ...(options.signer ? { signer: options.signer } : {}),
        ...(options.recipients ? { recipients: options.recipients } : {}),
      });
  }
}

// ---------------------------------------------------------------------------------------------
// Writing into Drive

// ---------------------------------------------------------------------------------------------
// Sharing the year's folder

/**
 * Who reaches the year's documents, as people in Drive: the owner, the cụm trưởng and the cụm phó
 * edit; every unit's focal officers and the cross-check team comment (a draft covenant is
 * circulated for comments this way). Lower-case, each once, the higher role kept.
 */
export interface SharingPlan {
  writers: string[];
  commenters: string[];
}

function emailsOf(list: readonly string[]): string[] {
  return list.map((e) => e.trim().toLowerCase()).filter((e) => /^[^\s@]+@[^\s@]+$/.test(e));
}

/** The sharing plan of a year: owner, leader and deputy units write; units and team comment. */
export function sharingPlan(year: ScoringYear, team: readonly { email: string }[], owner: string): SharingPlan {
  const focalOf = (unitId: string) => year.units.find((u) => u.id === unitId)?.focalEmails ?? [];
  const writers = [...new Set(emailsOf([owner, ...focalOf(year.cluster.leaderUnitId), ...focalOf(year.cluster.deputyUnitId)]))];
  const commenters = [...new Set(emailsOf([...year.units.flatMap((u) => u.focalEmails), ...team.map((m) => m.email)]))]
    .filter((e) => !writers.includes(e));
  return { writers, commenters };
}

/**
 * Shares the folder with the plan's people it was not yet shared with (1 Drive call each; none
 * when nobody is new: the documents inside inherit the folder's permissions, so a new document
 * needs no call). A refusal (an address that is no Google account, a quota) is reported and
 * tried again next time, never fails the document. Then remembers who has it (1 property call).
 */
function shareFolder(
  drive: DriveFiles, props: KeyValues, year: number, id: string, record: FolderRecord,
  plan: SharingPlan, user: string,
): { sharedWith: number; notShared: NotShared[] } {
  const skip = new Set([record.by, user.trim().toLowerCase()]);
  const targets: Array<[string, ShareRole]> = [
    ...plan.writers.map((e): [string, ShareRole] => [e, 'writer']),
    ...plan.commenters.map((e): [string, ShareRole] => [e, 'commenter']),
  ].filter(([e]) => !skip.has(e));
  const entries = targets.map(([e, r]) => `${e}=${r}`);
  const known = record.sharedHash !== undefined ? [] : record.shared;
  if (record.sharedHash !== undefined && record.sharedHash === sharedHash(entries)) return { sharedWith: 0, notShared: [] };
  const done: string[] = [];
  const notShared: NotShared[] = [];
  targets.forEach(([email, role], i) => {
    if (known.includes(entries[i]!)) return;
    try {
      drive.share(id, email, role);
      done.push(entries[i]!);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      notShared.push({ email, reason: /no Google account/i.test(message) ? T.notGoogleAccount : message });
    }
  });
  if (done.length > 0) {
    try {
      const shared = [...new Set([...known, ...done])];
      props.setProperty(folderKey(year), encodeFolderRecord({ id, by: record.by, shared }));
    } catch {
      // Not remembered: the next run shares again, which changes nothing in Drive.
    }
  }
  return { sharedWith: done.length, notShared };
}

/** What writeYearDocument needs: no sheet, so it can be run on any computed year. */
export interface YearDocumentInput {
  kind: DocumentKind;
  year: ScoringYear;
  result: YearResult;
  options: DocumentOptions;
  now: Date;
  /** The spreadsheet's document properties (the year's folder id is kept there). */
  properties: KeyValues;
  services?: DocumentServices;
  /** Who runs it (lower-case e-mail): remembered as the folder's maker. */
  user?: string;
  /** Whom the year's folder is shared with; none when absent. */
  sharing?: SharingPlan;
  /** Names of documents already made (the "Văn bản" tab): versions go on from them too. */
  knownNames?: readonly string[];
  /** Cấu hình's document details; none when absent. */
  details?: DocumentDetails;
  /** A draft (DỰ THẢO): asked for, or forced by missing details. */
  draft?: boolean;
  /** The mid-year review, for the báo cáo sơ kết; null when the round was never opened. */
  review?: MidYearReview | null;
}

/**
 * Writes one document into the year's folder and returns where it is. On any failure the draft
 * (and its PDF) go to the trash and the error is thrown; nothing is left named as final. Run it
 * under the document lock: it trashes the drafts it finds, which would be another run's.
 */
export function writeYearDocument(input: YearDocumentInput): WrittenDocument {
  const model = buildModel(
    input.kind, input.year, input.result, input.options, input.now, input.details, input.draft ?? input.options.draft === true, input.review ?? null,
  );
  const svc = input.services ?? documentServices();
  const api = svc.drive;
  if (!api) throw new ActionError(T.driveMissing);
  const app = svc.documentApp;
  const drive = new DriveFiles(api);
  const cluster = input.year.cluster;
  const user = (input.user ?? '').trim().toLowerCase();
  const folder = yearFolder(drive, input.properties, cluster.year, T.folderName(cluster.name, cluster.year), user);
  if (folder.status === 'foreign') throw new ActionError(T.foreignFolder(cluster.year, folder.by, folderUrl(folder.id)));
  const sharing = input.sharing
    ? shareFolder(drive, input.properties, cluster.year, folder.id, folder.record, input.sharing, user)
    : { sharedWith: 0, notShared: [] };
  const items = folder.created ? [] : drive.list(folder.id);
  // Drafts left by a run whose clean-up failed: ours, never final, safe to trash.
  for (const item of items.filter((i) => isDraft(i.name))) {
    try {
      drive.trash(item.id);
    } catch {
      // Still named as a draft; the next run tries again.
    }
  }
  const version = nextVersion([...items.map((i) => i.name), ...(input.knownNames ?? [])], model.title);
  const name = versionedName(model.title, version);
  const id = drive.createDocument(draftName(name), folder.id);
  let pdfId: string | null = null;
  try {
    const doc = app.openById(id);
    writeDocument(app, doc, model);
    doc.saveAndClose();
    if (input.options.pdf) {
      const blob = app.openById(id).getAs(MIME.pdf);
      pdfId = drive.upload(`${name}${T.pdfExtension}`, folder.id, blob, MIME.pdf);
    }
    // The last step: from here on the document is final.
    drive.rename(id, name);
  } catch (e) {
    for (const trashed of [id, pdfId]) {
      if (trashed === null) continue;
      try {
        drive.trash(trashed);
      } catch {
        // The draft keeps its "[đang tạo]" name.
      }
    }
    throw e;
  }
  return {
    kind: input.kind, name, version, id, url: documentUrl(id),
    pdfId, pdfUrl: pdfId === null ? null : fileUrl(pdfId), folderId: folder.id, folderUrl: folderUrl(folder.id),
    ...sharing,
  };
}

// ---------------------------------------------------------------------------------------------
// The action

/** Appends the row to "Văn bản" (found before, or null), creating and protecting the tab the first time. */
function recordDocument(ctx: Context, existing: Sheet | null, row: OutValue[], leaders: string[]): void {
  if (existing) {
    ctx.sheets.append(existing, [row]);
    return;
  }
  const sheet = ctx.sheets.insert(T.tab);
  ctx.sheets.write(sheet, 1, 1, [T.header, row]);
  const spec: ProtectionSpec = { key: 'documents', sheet: T.tab, range: null, unprotected: [], editors: leaders, label: T.protection, fresh: true };
  ctx.sheets.applyProtections([spec], (name) => (name === T.tab ? sheet : null), ctx.user);
}

function emptyResult(r: ActionResult, kind: DocumentKind | null): DocumentResult {
  return { ok: r.ok, message: r.message, problems: r.problems, kind, name: null, version: null, url: null, pdfUrl: null, folderUrl: null };
}

function generateInLock(ctx: Context, kind: DocumentKind, options: DocumentOptions): DocumentResult {
  // The report sums the fund: only it reads Quỹ.
  const computed = computeWorkbook(ctx, { fund: kind === 'report' });
  requireLeader(ctx, computed.loaded);
  // The covenant and the plan come before any score; the báo cáo sơ kết reads its own round.
  if (kind !== 'covenant' && kind !== 'plan' && kind !== 'midYearReport') {
    const blocking = computed.problems.filter((p) => p.blocking);
    if (blocking.length > 0) throw new ActionError(T.resultsBlocked(blocking.length), computed.problems);
  }
  const year = buildYear(computed.loaded.parsed);
  const facts = computed.loaded.facts;
  const config = computed.loaded.parsed.config;
  // The báo cáo sơ kết reports on the round: refused, before any Drive call, when it was never opened.
  const review = kind === 'midYearReport' ? loadMidYearReview(ctx, year) : null;
  if (kind === 'midYearReport' && review === null) throw new ActionError(T.midYearNotOpened(year.cluster.year));
  const missing = documentGaps(kind, year, config.details, options, config.unitRows);
  const draft = options.draft === true || missing.length > 0;
  // Names already made: versions go on from them even where Drive shows this run fewer files.
  const tab = ctx.sheets.byName(T.tab);
  const knownNames = tab ? documentNames(ctx.sheets.values(tab)) : [];
  let written: WrittenDocument;
  try {
    written = writeYearDocument({
      kind, year, result: computed.result, options, now: ctx.now,
      properties: documentProperties(),
      user: ctx.user, sharing: sharingPlan(year, facts.team, facts.owner), knownNames,
      details: config.details, draft, review,
    });
  } catch (e) {
    if (e instanceof ActionError) throw e;
    throw new ActionError(T.failed(e instanceof Error ? e.message : String(e)));
  }
  const messages = [options.pdf ? T.donePdf(written.name) : T.done(written.name)];
  if (missing.length > 0) messages.push(DT.draftMade(missing.length));
  else if (draft) messages.push(DT.draftAsked);
  messages.push(T.pageNumbers);
  if (written.sharedWith > 0) messages.push(T.shared(written.sharedWith));
  if (written.notShared.length > 0) messages.push(T.notShared(written.notShared.map((x) => `${x.email} (${x.reason})`)));
  try {
    recordDocument(ctx, tab, documentRow({ ...written, kind: T.kinds[written.kind] }, ctx.now, ctx.user), leaderEmails(facts));
  } catch (e) {
    messages.push(T.notRecorded(e instanceof Error ? e.message : String(e)));
  }
  appendLog(ctx, [actionRow(ctx, T.logAction, { sheet: T.tab, note: `${T.kinds[kind]}: ${written.name}` })]);
  return {
    ok: true, message: messages.join(' '), problems: [], kind, name: written.name, version: written.version,
    url: written.url, pdfUrl: written.pdfUrl, folderUrl: written.folderUrl, draft, missing,
  };
}

/**
 * Generates a document of the year (owner or cụm trưởng only) and returns plain JSON with its
 * name and links; failures come back as ok: false with a Vietnamese message.
 * @example generateDocument('covenant', { pdf: true }).name // "Giao ước thi đua năm 2021 - Cụm thi đua số 9"
 */
export function generateDocument(kind: DocumentKind, options: DocumentRequest = {}): DocumentResult {
  // Checked again: the sidebar's JSON is not bound by the types.
  let k: DocumentKind;
  let o: DocumentOptions;
  try {
    k = readKind(kind);
    o = readOptions(options);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return emptyResult({ ok: false, message, problems: [] }, null);
  }
  const r = runLocked(T.busy, T.logAction, (ctx) => generateInLock(ctx, k, o), NEEDS.documents);
  return 'url' in r ? (r as DocumentResult) : emptyResult(r, k);
}

/**
 * What a document still lacks before it can be signed (read-only, no lock): the sidebar lists
 * it before generating and offers a draft. Located in Cấu hình, one line per cell.
 */
export function missingDetails(kind: DocumentKind): ActionResult & { kind: DocumentKind | null; missing: SheetProblem[] } {
  const r = runRead((ctx) => {
    const k = readKind(kind);
    const loaded = loadWorkbook(ctx, { ballot: false });
    const config = loaded.parsed.config;
    return { ok: true, message: '', problems: [], kind: k, missing: documentGaps(k, buildYear(loaded.parsed), config.details, {}, config.unitRows) };
  });
  return 'missing' in r ? r : { ...r, kind: null, missing: [] };
}

/**
 * The year's folder as the sidebar shows it: its link, who made it (the only person whose runs
 * of the add-on reach it under drive.file, so the one who generates) and whether that is the
 * current user. Null before the first document.
 */
export interface DocumentsFolder {
  url: string;
  by: string;
  mine: boolean;
}

/** The year's folder record (2 property calls), or null. */
function documentsFolder(ctx: Context): DocumentsFolder | null {
  const year = ctx.state.year?.year;
  if (year === undefined) return null;
  const record = readFolderRecord(documentProperties().getProperty(folderKey(year)));
  if (!record) return null;
  return { url: folderUrl(record.id), by: record.by, mine: record.by !== '' && record.by === ctx.user };
}

/** The documents generated so far, newest first, and the year's folder (read-only, no lock). */
export function listDocuments(): ActionResult & { documents: ListedDocument[]; folder: DocumentsFolder | null } {
  const r = runRead((ctx) => {
    const sheet = ctx.sheets.byName(T.tab);
    const documents = sheet ? listedDocuments(ctx.sheets.values(sheet)) : [];
    return { ok: true, message: '', problems: [], documents, folder: documentsFolder(ctx) };
  });
  return 'documents' in r ? r : { ...r, documents: [], folder: null };
}
