/**
 * The document details kept in Cấu hình's general block, asked for once and used by every
 * document: the covenant's signing date and commitments ("Cam kết 1", "Cam kết 2" … rows), and
 * the year-end meeting (time, venue, chair, secretary, attendees, opinions voiced). Each row is
 * found by its label, like the rest of the block; a value that cannot be read is reported on its
 * cell and left out (the document then shows it as a blank to fill in).
 */
import type { Deadlines } from '../../core/deadlines';
import type { CalendarDate, CalendarTime, Person } from '../../core/documents/model';
import type { Movement } from '../../core/movements';
import { cleanText, isBlank, normalizeKey, parseNumber, type CellValue } from '../../core/input';
import { detailsText } from '../../i18n/details';
import { workbookText } from '../../i18n/workbook';
import { a1 } from '../a1';
import { cellAt, type Grid, type OutValue } from '../grid';
import { blockRows, CONFIG_LAYOUT, nextFreeRow, type ConfigReport } from './layout';

export type DetailKey = keyof typeof detailsText.labels;
export const DETAIL_KEYS = Object.keys(detailsText.labels) as DetailKey[];

/** The details read back; null / empty where not given or unreadable. */
export interface DocumentDetails {
  covenantDate: CalendarDate | null;
  meetingStart: CalendarTime | null;
  meetingVenue: string;
  chair: Person | null;
  secretary: Person | null;
  attendees: string[];
  opinions: number | null;
  commitments: string[];
  /** The plan's issue date (Ngày ban hành kế hoạch). */
  planDate: CalendarDate | null;
  /** The mid-year meeting (họp sơ kết 6 tháng) and its form or venue ("trực tuyến"). */
  midYearMeeting: CalendarTime | null;
  midYearVenue: string;
  /** "Nhiệm vụ 6 tháng cuối năm n" rows: the second half's tasks, for the báo cáo sơ kết. */
  tasks: string[];
  /** The Phong trào thi đua block (movements.ts); parseConfig fills it, parseDetails leaves it empty. */
  movements: Movement[];
  /** The "Từ ngày" cell of each movement, in the same order. */
  movementCells: string[];
  /** The block's first cell: where to type the first movement. */
  movementsCell: string;
  /** Thời hạn các bước, for the plan's timetable; parseConfig fills it. */
  deadlines: Deadlines;
  /** The value cell of each row (where to fill it in); the block's next free row when absent. */
  cells: Record<DetailKey, string>;
  /** The value cell of "Địa danh" (the place of every date line). */
  placeCell: string;
  /** The first "Nhiệm vụ 6 tháng cuối năm" value cell; the block's next free row when none. */
  taskCell: string;
}

/** Vietnam keeps UTC+7: a Date from Sheets (the script's zone is Asia/Ho_Chi_Minh) read as its calendar time. */
function fromDate(d: Date): CalendarTime {
  const t = new Date(d.getTime() + 7 * 3600 * 1000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), min: t.getUTCMinutes() };
}

function validDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2200 && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * A date typed the Vietnamese way, "25/3/2025" (also "-" or "." between), or a date cell.
 * @example readDate('25/3/2025') // { y: 2025, m: 3, d: 25 }
 */
export function readDate(value: CellValue): CalendarDate | null {
  if (value instanceof Date) {
    if (isNaN(value.getTime())) return null;
    const { y, m, d } = fromDate(value);
    return { y, m, d };
  }
  const x = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/.exec(cleanText(value));
  if (!x) return null;
  const [d, m, y] = [Number(x[1]), Number(x[2]), Number(x[3])];
  return validDay(y, m, d) ? { y, m, d } : null;
}

/**
 * A time and date: "08:00 16/11/2025", "16/11/2025 8h30", "8 giờ 30 ngày 16/11/2025", or a
 * date-time cell. No time given: null (a meeting needs its hour).
 * @example readTime('08:00 16/11/2025') // { y: 2025, m: 11, d: 16, h: 8, min: 0 }
 */
export function readTime(value: CellValue): CalendarTime | null {
  if (value instanceof Date) return isNaN(value.getTime()) ? null : fromDate(value);
  const text = cleanText(value);
  const day = readDate(text);
  if (!day) return null;
  const rest = text.replace(/(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/, ' ');
  const t = /(\d{1,2})\s*(?::|h|giờ)\s*(\d{1,2})?/iu.exec(rest);
  if (!t) return null;
  const h = Number(t[1]);
  const min = t[2] === undefined ? 0 : Number(t[2]);
  return h <= 23 && min <= 59 ? { ...day, h, min } : null;
}

/**
 * "Họ tên, chức vụ": the name before the first comma, the title after it.
 * @example readPerson('Ngô Văn Sơn, Chánh Văn phòng') // { name: 'Ngô Văn Sơn', title: 'Chánh Văn phòng' }
 */
export function readPerson(value: CellValue): Person | null {
  const text = cleanText(value);
  if (text === '') return null;
  const at = text.indexOf(',');
  if (at < 0) return { name: text };
  const name = text.slice(0, at).trim();
  const title = text.slice(at + 1).trim();
  if (name === '') return null;
  return title === '' ? { name } : { name, title };
}

/** One attendee per line (or separated by ";"): a line holds "name, title", so commas stay. */
function readLines(value: CellValue): string[] {
  if (value === null || value === undefined) return [];
  return String(value).split(/[\r\n;]+/).map((s) => cleanText(s).replace(/^[-–•]\s*/, '')).filter((s) => s !== '');
}

/** The number of a "Cam kết n" label (or another numbered label's), or null. */
function commitmentNumber(label: CellValue, of: string = detailsText.commitmentWord): number | null {
  const k = normalizeKey(label);
  const word = normalizeKey(of);
  if (!k.startsWith(word)) return null;
  const n = k.slice(word.length).trim();
  return /^\d{1,3}$/.test(n) ? Number(n) : null;
}

/** Reads the details from the general block; unreadable values are reported on their cell. */
export function parseDetails(grid: Grid, report: ConfigReport): DocumentDetails {
  const L = CONFIG_LAYOUT;
  const T = detailsText;
  const rows = blockRows(grid, L.general.column, L.general.width);
  const byLabel = new Map(DETAIL_KEYS.map((k) => [normalizeKey(T.labels[k]), k] as const));
  const found = new Map<DetailKey, { row: number; value: CellValue }>();
  let placeRow: number | null = null;
  const commitments: Array<{ n: number; row: number; text: string }> = [];
  const tasks: Array<{ n: number; row: number; text: string }> = [];
  let taskRow: number | null = null;
  for (const { row, cells } of rows) {
    const key = byLabel.get(normalizeKey(cells[0]));
    if (key && !found.has(key)) found.set(key, { row, value: cells[1] });
    if (placeRow === null && normalizeKey(cells[0]) === normalizeKey(workbookText.config.general.place)) placeRow = row;
    const n = commitmentNumber(cells[0]);
    const text = cleanText(cells[1]);
    if (n !== null && text !== '') commitments.push({ n, row, text });
    const task = commitmentNumber(cells[0], T.taskWord);
    if (task !== null && text !== '') tasks.push({ n: task, row, text });
    if (task !== null && taskRow === null) taskRow = row;
  }
  const free = nextFreeRow(grid, L.general.column, L.general.width);
  const cells = Object.fromEntries(DETAIL_KEYS.map((k) => [k, a1(found.get(k)?.row ?? free, L.general.column + 1)])) as Record<DetailKey, string>;
  const raw = (k: DetailKey): CellValue => found.get(k)?.value ?? '';
  const given = (k: DetailKey) => !isBlank(raw(k));

  const covenantDate = given('covenantDate') ? readDate(raw('covenantDate')) : null;
  if (given('covenantDate') && covenantDate === null) report.warn(cells.covenantDate, T.badDate(T.labels.covenantDate, cleanText(raw('covenantDate'))));
  const meetingStart = given('meetingStart') ? readTime(raw('meetingStart')) : null;
  if (given('meetingStart') && meetingStart === null) report.warn(cells.meetingStart, T.badTime(T.labels.meetingStart, cleanText(raw('meetingStart'))));
  let opinions: number | null = null;
  if (given('opinions')) {
    const n = parseNumber(raw('opinions'));
    if (n.ok && n.value !== null && Number.isInteger(n.value) && n.value >= 0) opinions = n.value;
    else report.warn(cells.opinions, T.badCount(T.labels.opinions, cleanText(raw('opinions'))));
  }
  const planDate = given('planDate') ? readDate(raw('planDate')) : null;
  if (given('planDate') && planDate === null) report.warn(cells.planDate, T.badDate(T.labels.planDate, cleanText(raw('planDate'))));
  const midYearMeeting = given('midYearMeeting') ? readTime(raw('midYearMeeting')) : null;
  if (given('midYearMeeting') && midYearMeeting === null) {
    report.warn(cells.midYearMeeting, T.badTime(T.labels.midYearMeeting, cleanText(raw('midYearMeeting'))));
  }
  return {
    covenantDate,
    meetingStart,
    meetingVenue: cleanText(raw('meetingVenue')),
    chair: readPerson(raw('chair')),
    secretary: readPerson(raw('secretary')),
    attendees: readLines(raw('attendees')),
    opinions,
    commitments: commitments.sort((a, b) => a.n - b.n || a.row - b.row).map((c) => c.text),
    planDate,
    midYearMeeting,
    midYearVenue: cleanText(raw('midYearVenue')),
    tasks: tasks.sort((a, b) => a.n - b.n || a.row - b.row).map((c) => c.text),
    movements: [],
    movementCells: [],
    movementsCell: a1(L.firstRow, L.movements.column),
    deadlines: {},
    taskCell: a1(taskRow ?? free, L.general.column + 1),
    cells,
    placeCell: a1(placeRow ?? free, L.general.column + 1),
  };
}

/** Values to write into detail rows when they are added (the sample year's; a form leaves them blank). */
export type DetailValues = Partial<Record<DetailKey, string | number>>;

/**
 * Rows to append to the general block of a sheet: each detail label it lacks (value blank, to
 * be filled in later), and, when it has no "Cam kết n" row yet, the commitments given.
 */
export function detailRows(existing: Grid, commitments: readonly string[], values: DetailValues = {}, tasks: readonly string[] = []): OutValue[][] {
  const L = CONFIG_LAYOUT;
  const labels = new Set<string>();
  let hasCommitment = false;
  let hasTask = false;
  for (const { cells } of blockRows(existing, L.general.column, 1)) {
    labels.add(normalizeKey(cells[0]));
    if (commitmentNumber(cells[0]) !== null) hasCommitment = true;
    if (commitmentNumber(cells[0], detailsText.taskWord) !== null) hasTask = true;
  }
  const out: OutValue[][] = DETAIL_KEYS.filter((k) => !labels.has(normalizeKey(detailsText.labels[k]))).map((k) => [detailsText.labels[k], values[k] ?? '']);
  if (!hasCommitment) commitments.forEach((c, i) => out.push([detailsText.commitment(i + 1), c]));
  // Tasks are the cluster's own, never a default list: without any, one blank row shows the label.
  if (!hasTask) (tasks.length > 0 ? tasks : ['']).forEach((c, i) => out.push([detailsText.task(i + 1), c]));
  return out;
}

/** The sheet row a general-block row sits on (for tests and links). */
export function detailValue(grid: Grid, label: string): CellValue {
  const L = CONFIG_LAYOUT;
  const hit = blockRows(grid, L.general.column, L.general.width).find((r) => normalizeKey(r.cells[0]) === normalizeKey(label));
  return hit ? cellAt(grid, hit.row, L.general.column + 1) : undefined;
}
