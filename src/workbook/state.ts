/**
 * What the add-on remembers between runs, as document properties: small values under separate
 * keys (a property holds at most 9 KB, so nothing grows with the number of units in one value).
 * Read all at once (getProperties), written key by key.
 */

/** Where a unit's submission stands. */
export type SubmissionStatus = 'open' | 'submitted' | 'returned' | 'closed';

export interface Submission {
  status: Exclude<SubmissionStatus, 'closed'>;
  /** ISO time of the last change. */
  at?: string;
  by?: string;
  /** Why the cụm trưởng returned it. */
  reason?: string;
}

/** The tab a unit's scores live in; the id survives a rename, the name is what we created. */
export interface UnitTabRef {
  sheetId: number;
  sheet: string;
  /** Position in the tab list when last seen: read there first (one call), by name if it moved. */
  index?: number;
}

/** The add-on's own tabs of the current year. */
export type FixedTab = 'config' | 'criteria' | 'summary' | 'ballot' | 'log' | 'snapshot';

/** The year the workbook holds now. */
export interface YearState {
  year: number;
  /** Spreadsheet owner's e-mail, as seen at set-up. */
  owner: string;
  /** ISO time and user of closing, when closed. */
  closed?: { at: string; by: string };
  /** Size of the last Tổng hợp written, to blank what a shorter one leaves. */
  summary: { rows: number; columns: number };
  /** Years whose tabs were kept with the year as suffix. */
  archivedYears: number[];
  /** The installable onEdit trigger exists (created by the owner). */
  auditTrigger: boolean;
  /** Positions of the fixed tabs when last seen. */
  indexes: Partial<Record<FixedTab, number>>;
  /** Ids of the fixed tabs (they survive renames): copy-to-new-year archives them by id. */
  ids: Partial<Record<FixedTab, number>>;
  /**
   * Someone kept a right they should have lost: Apps Script never removes the person running a
   * script from a protection (a unit submitting, a cụm trưởng closing). The next execution by
   * someone else (the owner's edit trigger, any action) applies the protections again.
   */
  pendingLock?: boolean;
  /** Who kept the right: their own executions cannot take it, so they do not try again. */
  pendingBy?: string;
  /**
   * A change only the owner can make is waiting: a protection the person acting may not edit
   * had to give them a right (a closed year reopened by the cụm trưởng). The owner's next
   * execution (their edit trigger, any action, opening the panel) applies the protections.
   */
  ownerNeeded?: boolean;
  /** The owner lets the cụm trưởng reopen this closed year (once): who allowed it and when. */
  reopenAllowed?: { by: string; at: string };
  /** Reopened after a close: snapshot rows up to this one belong to earlier closes of the year. */
  reopenedAfterRow?: number;
  /**
   * Archived years whose locks were still pending when copied to this one (the cụm trưởng who
   * closed kept rights there): applying the protections again finishes them too.
   */
  archivedPending?: number[];
  /** Row of this year's snapshot in Lưu trữ kết quả, once closed. */
  snapshotRow?: number;
  /** Blocks pasted through such a right before it was taken: they could not be undone. */
  lateEdits?: LateEdit[];
  /** Edits the edit trigger took back (a known editor in a submitted or closed area), newest last. */
  refusedEdits?: RefusedEdit[];
}

/** An edit taken back: shown to its editor in the panel until the unit's status next changes. */
export interface RefusedEdit extends LateEdit {
  /** What was typed and what was put back, as text (Vietnamese decimal comma). */
  value: string;
  old: string;
  /** Why, in words. */
  reason: string;
}

/** At most this many refused edits are kept (the year record must stay under 9 KB). */
export const MAX_REFUSED_EDITS = 10;

/**
 * A block pasted through a right being taken away. Apps Script gives no old values for a paste,
 * so it stays; it is shown as a warning until the unit's status next changes.
 */
export interface LateEdit {
  sheet: string;
  a1: string;
  /** ISO time. */
  at: string;
  by: string;
  /** The unit whose tab it is, if a unit tab. */
  unitId?: string;
}

/** At most this many late edits are kept (the year record must stay under 9 KB). */
export const MAX_LATE_EDITS = 20;

/**
 * A set-up too large for one execution goes on in parts: where the next part starts. Units are
 * taken in Cấu hình order; the unit id guards against a list that changed in between.
 */
export interface SetupCursor {
  year: number;
  /** Position in Cấu hình of the first unit not set up yet, and its id. */
  next: number;
  nextUnit: string;
  total: number;
  /** ISO time the last part ended, and who started the set-up. */
  at: string;
  by: string;
  /** When the next part's trigger should run (ISO); "" when none could be made. */
  resumeAt?: string;
}

export interface WorkbookState {
  year: YearState | null;
  /** A set-up that goes on in parts, while it does. */
  setup?: SetupCursor;
  tabs: Record<string, UnitTabRef>;
  submissions: Record<string, Submission>;
  /** ISO time of the last edit of each unit's tab, by unit id (from the audit trigger). */
  lastEdits: Record<string, string>;
  /** Log rows waiting for someone who may write Nhật ký, oldest first. */
  queuedLog: Array<{ key: string; rows: LogRow[] }>;
  /** Reasons to proceed with incomplete units, by unit id (absent when none). */
  proceed?: Record<string, ProceedReason>;
  /** The Sáng kiến and Quỹ tabs of a year (own key: set-up rewrites the year record without them). */
  registers?: RegistersRef;
  /** The mid-year round (Sơ kết 6 tháng) of a year: its tab and whether it is closed. */
  midYear?: MidYearRef;
}

/** Where the year's Sơ kết 6 tháng tab stands and how the round is; another year's is not this year's. */
export interface MidYearRef extends UnitTabRef {
  year: number;
  /** ISO time and who closed the round; absent while open. */
  closed?: { at: string; by: string };
}

/** Where the year's Sáng kiến and Quỹ tabs stand; a record of another year is not this year's. */
export interface RegistersRef {
  year: number;
  initiatives?: UnitTabRef;
  fund?: UnitTabRef;
}

/**
 * The cụm trưởng's reason to go on with a unit whose figures are incomplete (not submitted, rows
 * unscored): it may then be proposed, and the minutes print the reason. One key per unit; a
 * record of another year is not this year's.
 */
export interface ProceedReason {
  year: number;
  reason: string;
  /** ISO time and who recorded it. */
  at: string;
  by: string;
}

/** A Nhật ký row: time (ISO), year, user, action, sheet, cell, old, new, note. */
export type LogRow = [string, number | '', string, string, string, string, string, string, string];

export const KEY = {
  year: 'thidua.year',
  tabPrefix: 'thidua.tab.',
  submissionPrefix: 'thidua.submission.',
  lastEditPrefix: 'thidua.lastEdit.',
  logPrefix: 'thidua.logq.',
  setup: 'thidua.setup',
  proceedPrefix: 'thidua.proceed.',
  registers: 'thidua.registers',
  midYear: 'thidua.midyear',
  /** The year's Drive folder for documents (folderKey in adapters/drive.ts). */
  folderPrefix: 'thidua.docs.folder.',
} as const;

function parseJson<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

function isRefusedEdit(x: unknown): x is RefusedEdit {
  const r = x as Partial<RefusedEdit> | null;
  return isLateEdit(x) && typeof r!.value === 'string' && typeof r!.old === 'string' && typeof r!.reason === 'string';
}

function isLateEdit(x: unknown): x is LateEdit {
  const l = x as Partial<LateEdit> | null;
  return !!l && typeof l.sheet === 'string' && typeof l.a1 === 'string' && typeof l.at === 'string' && typeof l.by === 'string' &&
    (l.unitId === undefined || typeof l.unitId === 'string');
}

/**
 * The state from all document properties; keys of other tools and unreadable values are ignored.
 * @example readState({}).year // null
 */
export function readState(props: Readonly<Record<string, string>>): WorkbookState {
  const state: WorkbookState = { year: null, tabs: {}, submissions: {}, lastEdits: {}, queuedLog: [] };
  const y = parseJson<YearState>(props[KEY.year]);
  if (y && typeof y.year === 'number') {
    state.year = {
      year: y.year,
      owner: typeof y.owner === 'string' ? y.owner : '',
      summary: y.summary && typeof y.summary.rows === 'number' ? y.summary : { rows: 0, columns: 0 },
      archivedYears: Array.isArray(y.archivedYears) ? y.archivedYears.filter((n) => typeof n === 'number') : [],
      auditTrigger: y.auditTrigger === true,
      indexes: y.indexes && typeof y.indexes === 'object' ? y.indexes : {},
      ids: y.ids && typeof y.ids === 'object' ? y.ids : {},
      ...(y.pendingLock === true ? { pendingLock: true } : {}),
      ...(typeof y.pendingBy === 'string' ? { pendingBy: y.pendingBy } : {}),
      ...(y.ownerNeeded === true ? { ownerNeeded: true } : {}),
      ...(y.reopenAllowed && typeof y.reopenAllowed.at === 'string' ? { reopenAllowed: { by: String(y.reopenAllowed.by ?? ''), at: y.reopenAllowed.at } } : {}),
      ...(typeof y.snapshotRow === 'number' ? { snapshotRow: y.snapshotRow } : {}),
      ...(typeof y.reopenedAfterRow === 'number' ? { reopenedAfterRow: y.reopenedAfterRow } : {}),
      ...(Array.isArray(y.archivedPending) ? { archivedPending: y.archivedPending.filter((n) => typeof n === 'number') } : {}),
      ...(Array.isArray(y.lateEdits) ? { lateEdits: y.lateEdits.filter(isLateEdit) } : {}),
      ...(Array.isArray(y.refusedEdits) ? { refusedEdits: y.refusedEdits.filter(isRefusedEdit) } : {}),
    };
    if (y.closed && typeof y.closed.at === 'string') state.year.closed = { at: y.closed.at, by: String(y.closed.by ?? '') };
  }
  const c = parseJson<SetupCursor>(props[KEY.setup]);
  if (c && typeof c.year === 'number' && typeof c.next === 'number' && typeof c.nextUnit === 'string' && typeof c.total === 'number') {
    state.setup = {
      year: c.year, next: c.next, nextUnit: c.nextUnit, total: c.total,
      at: typeof c.at === 'string' ? c.at : '', by: typeof c.by === 'string' ? c.by : '',
      ...(typeof c.resumeAt === 'string' ? { resumeAt: c.resumeAt } : {}),
    };
  }
  const r = parseJson<RegistersRef>(props[KEY.registers]);
  if (r && typeof r.year === 'number') {
    const ref = (x: unknown): x is UnitTabRef => !!x && typeof (x as UnitTabRef).sheetId === 'number' && typeof (x as UnitTabRef).sheet === 'string';
    state.registers = { year: r.year, ...(ref(r.initiatives) ? { initiatives: r.initiatives } : {}), ...(ref(r.fund) ? { fund: r.fund } : {}) };
  }
  const m = parseJson<MidYearRef>(props[KEY.midYear]);
  if (m && typeof m.year === 'number' && typeof m.sheetId === 'number' && typeof m.sheet === 'string') {
    state.midYear = {
      year: m.year, sheetId: m.sheetId, sheet: m.sheet, ...(typeof m.index === 'number' ? { index: m.index } : {}),
      ...(m.closed && typeof m.closed.at === 'string' ? { closed: { at: m.closed.at, by: String(m.closed.by ?? '') } } : {}),
    };
  }
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith(KEY.tabPrefix)) {
      const ref = parseJson<UnitTabRef>(value);
      if (ref && typeof ref.sheetId === 'number' && typeof ref.sheet === 'string') state.tabs[key.slice(KEY.tabPrefix.length)] = ref;
    } else if (key.startsWith(KEY.submissionPrefix)) {
      const s = parseJson<Submission>(value);
      if (s && (s.status === 'open' || s.status === 'submitted' || s.status === 'returned')) state.submissions[key.slice(KEY.submissionPrefix.length)] = s;
    } else if (key.startsWith(KEY.lastEditPrefix)) {
      state.lastEdits[key.slice(KEY.lastEditPrefix.length)] = value;
    } else if (key.startsWith(KEY.proceedPrefix)) {
      const p = parseJson<ProceedReason>(value);
      if (p && typeof p.year === 'number' && typeof p.reason === 'string' && p.reason.trim() !== '') {
        (state.proceed ??= {})[key.slice(KEY.proceedPrefix.length)] = { year: p.year, reason: p.reason, at: String(p.at ?? ''), by: String(p.by ?? '') };
      }
    } else if (key.startsWith(KEY.logPrefix)) {
      const rows = parseJson<LogRow[]>(value);
      if (Array.isArray(rows)) state.queuedLog.push({ key, rows });
    }
  }
  state.queuedLog.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return state;
}

/** A unit's submission status, "closed" once the year is closed. */
export function submissionStatus(state: WorkbookState, unitId: string): SubmissionStatus {
  if (state.year?.closed) return 'closed';
  return state.submissions[unitId]?.status ?? 'open';
}

/**
 * The reasons to proceed recorded for the current year, by unit id.
 * @example proceedReasons(state) // { 'Tây Ninh': 'Đơn vị đã gửi bản giấy' }
 */
export function proceedReasons(state: WorkbookState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [unitId, p] of Object.entries(state.proceed ?? {})) if (p.year === state.year?.year) out[unitId] = p.reason;
  return out;
}

/** Units that submitted (nộp), closed year or not: a unit never submitted stays unsubmitted after closing. */
export function submittedUnits(state: WorkbookState): string[] {
  return Object.entries(state.submissions).filter(([, s]) => s.status === 'submitted').map(([unitId]) => unitId);
}

/** Key of a queued log batch: sorts by time, unique per run. */
export function logQueueKey(isoTime: string, nonce: string): string {
  return `${KEY.logPrefix}${isoTime}.${nonce}`;
}
