/**
 * The format rules of Nghị định 30/2020/NĐ-CP, Phụ lục I, as named constants, and the formatting
 * of dates, numbers and document numbers. Where the decree gives a range the choice is noted.
 */
import { docText } from '../../i18n/documents';
import type { CalendarDate, CalendarTime, PageSetup, ParagraphFormat } from './model';

/** Millimetres to points (1 in = 25.4 mm = 72 pt). */
export function mmToPt(mm: number): number {
  return Math.round((mm * 72 * 100) / 25.4) / 100;
}

/** Centimetres to points. */
export function cmToPt(cm: number): number {
  return mmToPt(cm * 10);
}

/** A4 in points. */
const A4_WIDTH_PT = 595.28;
const A4_HEIGHT_PT = 841.89;

/** Margins in mm: top/bottom 20–25, left 30–35, right 15–20; the smallest of each range. */
const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

/** The page of every document. */
export const PAGE: PageSetup = {
  widthPt: A4_WIDTH_PT,
  heightPt: A4_HEIGHT_PT,
  marginTopPt: mmToPt(MARGIN_MM.top),
  marginBottomPt: mmToPt(MARGIN_MM.bottom),
  marginLeftPt: mmToPt(MARGIN_MM.left),
  marginRightPt: mmToPt(MARGIN_MM.right),
};

/** Width between the margins: 165 mm. */
export const TEXT_WIDTH_PT = Math.round((PAGE.widthPt - PAGE.marginLeftPt - PAGE.marginRightPt) * 100) / 100;

/** The decree's font, for every part of the document. */
export const FONT_FAMILY = 'Times New Roman';

/** Font sizes in pt. */
export const SIZE = {
  /** Body 13–14. */
  body: 14,
  /** Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" 12–13: 12 so that it fits beside the issuer. */
  nation: 12,
  /** Tiêu ngữ "Độc lập - Tự do - Hạnh phúc" 13–14, one step above the nation line. */
  motto: 13,
  /** Cơ quan chủ quản and cơ quan ban hành 12–13, matching the nation line. */
  issuer: 12,
  /** "Số: …" 13. */
  number: 13,
  /** Place and date 13–14. */
  date: 14,
  /** Document type (GIAO ƯỚC THI ĐUA, BIÊN BẢN …) 13–14. */
  title: 14,
  /** Trích yếu under the type 13–14. */
  subject: 14,
  /** Tables in the body: one step below the body so that wide tables fit. */
  table: 13,
  /** Signature cells: authority, title and name 13–14. */
  signature: 14,
  /** The covenant's grid of up to three signatures a row. */
  signatureGrid: 13,
  /** "Nơi nhận:" 12, its list 11. */
  recipientsLabel: 12,
  recipients: 11,
  /** Page number 13–14. */
  pageNumber: 14,
} as const;

/** Line spacing of the body (1–1.5 allowed). */
export const LINE_SPACING = 1.15;
/** Single spacing, for the heading block, tables and signatures. */
export const SINGLE = 1;
/** First-line indent of body paragraphs: 1.27 cm (1–1.27 allowed). */
export const FIRST_LINE_INDENT_PT = cmToPt(1.27);
/** Space after each body paragraph (at least 6 pt). */
const SPACE_AFTER_PT = 6;

/** Body paragraph: justified, indented, 1.15 lines, 6 pt after. */
export const BODY_FORMAT: ParagraphFormat = {
  align: 'justify',
  firstLineIndentPt: FIRST_LINE_INDENT_PT,
  indentStartPt: 0,
  lineSpacing: LINE_SPACING,
  spaceBeforePt: 0,
  spaceAfterPt: SPACE_AFTER_PT,
  keepWithNext: false,
};

/** Centred single-spaced lines of the heading block and signature cells. */
export const CENTERED_FORMAT: ParagraphFormat = {
  align: 'center',
  firstLineIndentPt: 0,
  indentStartPt: 0,
  lineSpacing: SINGLE,
  spaceBeforePt: 0,
  spaceAfterPt: 0,
  keepWithNext: false,
};

/**
 * Column widths of the heading block: the right one holds the 12 pt nation line (about 249 pt),
 * the left one a 12 pt "VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO" (about 207 pt) on one line.
 */
export const HEADING_RIGHT_PT = 254;
export const HEADING_LEFT_PT = Math.round((TEXT_WIDTH_PT - HEADING_RIGHT_PT) * 100) / 100;

/** The rule under the motto is as long as the motto: 13 pt bold Times New Roman measures 164 pt. */
export const MOTTO_RULE_WIDTH_PT = 164;
/** The rule under the issuing body: a third to a half of its line. */
export const ISSUER_RULE_WIDTH_PT = 56;
/** Thickness of both rules. */
export const RULE_WEIGHT_PT = 0.75;

/** Blank lines left for a handwritten signature and seal. */
export const SIGNATURE_BLANK_LINES = 4;

/** Strings are NFC throughout the model: Docs and PDF readers handle decomposed Vietnamese badly. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** Vietnamese capitals, NFC ("Cụm thi đua số 9" → "CỤM THI ĐUA SỐ 9"). */
export function upper(text: string): string {
  return nfc(nfc(text).toUpperCase());
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact. */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** The calendar date and time of a Date in Asia/Ho_Chi_Minh, whatever the machine's zone. */
function vietnamCalendar(date: Date): CalendarTime {
  const t = new Date(date.getTime() + VIETNAM_OFFSET_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), min: t.getUTCMinutes() };
}

/** vietnamCalendar, refusing an invalid Date. */
function checkedCalendar(date: Date): CalendarTime {
  if (isNaN(date.getTime())) throw new RangeError(docText.invalidDate);
  return vietnamCalendar(date);
}

/** The calendar date of a Date in Asia/Ho_Chi_Minh, or the calendar date as given. */
export function calendarDate(date: Date | CalendarDate): CalendarDate {
  const { y, m, d } = date instanceof Date ? checkedCalendar(date) : date;
  return { y, m, d };
}

/** A name or text, or the visible blank "…………" of a draft when it is empty. */
export function orBlank(text: string | undefined | null): string {
  const t = text === undefined || text === null ? '' : nfc(text).trim();
  return t === '' ? docText.blank : t;
}

/**
 * The day and month as Nghị định 30/2020/NĐ-CP, Phụ lục I writes them: a leading zero on days
 * 1–9 and on months 1 and 2 only (so that neither can be turned into 11 or 12 by hand), none on
 * March to December: "ngày 05 tháng 3", "ngày 09 tháng 01", "ngày 15 tháng 12".
 */
export function decreeDayMonth(d: number, m: number): { day: string; month: string } {
  return { day: pad2(d), month: m <= 2 ? pad2(m) : String(m) };
}

/**
 * The date line of a document, days and months written as the decree says (decreeDayMonth).
 * @example vietnameseDate({ y: 2021, m: 1, d: 9 }, 'Bình Dương') // "Bình Dương, ngày 09 tháng 01 năm 2021"
 * @example vietnameseDate({ y: 2021, m: 3, d: 25 }) // "ngày 25 tháng 3 năm 2021"
 */
export function vietnameseDate(date: Date | CalendarDate, place?: string): string {
  const { y, m, d } = date instanceof Date ? checkedCalendar(date) : date;
  const dm = decreeDayMonth(d, m);
  return withPlace(docText.dateLine(dm.day, dm.month, String(y)), place);
}

/**
 * The date line of a draft whose date is not decided: "ngày …… tháng …… năm 2025", to be filled in.
 * @example blankDate(2025, 'Đồng Nai') // "Đồng Nai, ngày …… tháng …… năm 2025"
 */
export function blankDate(year: number, place?: string): string {
  return withPlace(docText.dateLine(docText.blank, docText.blank, String(year)), place);
}

function withPlace(day: string, place: string | undefined): string {
  const where = place === undefined ? '' : nfc(place).trim();
  return nfc(where === '' ? day : `${where}, ${day}`);
}

/**
 * A time of day and date for minutes: "08 giờ 00, ngày 16 tháng 11 năm 2021".
 * @example vietnameseTime({ y: 2021, m: 11, d: 16, h: 8, min: 0 }) // "08 giờ 00, ngày 16 tháng 11 năm 2021"
 */
export function vietnameseTime(time: Date | CalendarTime): string {
  const t = time instanceof Date ? checkedCalendar(time) : time;
  return nfc(docText.timeLine(pad2(t.h), pad2(t.min), vietnameseDate(t)));
}

/**
 * The number line: "Số: 01/GƯ-CTĐ9" (leading zero below 10); null leaves room to fill in by hand.
 * @example documentNumber(1, 'GƯ-CTĐ9') // "Số: 01/GƯ-CTĐ9"
 * @example documentNumber(null, 'BB-CTĐ9') // "Số:      /BB-CTĐ9"
 */
export function documentNumber(n: number | null | undefined, symbol: string): string {
  const num = n === null || n === undefined ? docText.numberBlank : pad2(n);
  return nfc(`${docText.numberLabel} ${num}/${symbol}`);
}

/**
 * The issuer part of a document symbol, from the cluster's name.
 * @example issuerCode('Cụm thi đua số 9') // "CTĐ9"
 * @example issuerCode('Khối thi đua số 3') // "KTĐ3"
 */
export function issuerCode(clusterName: string): string {
  const words = upper(clusterName).split(/\s+/).filter((w) => w !== '' && w !== 'SỐ');
  return nfc(words.map((w) => (/^\d+$/.test(w) ? w : w.charAt(0))).join(''));
}

/**
 * A number the Vietnamese way: decimal comma, dot for thousands, at most 2 decimals.
 * @example formatNumber(97.5) // "97,5"
 * @example formatNumber(1000) // "1.000"
 */
export function formatNumber(x: number): string {
  const sign = x < 0 ? '-' : '';
  const [int, frac] = (Math.round(Math.abs(x) * 100) / 100).toFixed(2).split('.') as [string, string];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const decimals = frac.replace(/0+$/, '');
  const body = decimals === '' ? grouped : `${grouped},${decimals}`;
  return body === '0' ? '0' : sign + body;
}

/**
 * A difference with its sign: "+2,5", "-1", "0".
 * @example formatSigned(2.5) // "+2,5"
 */
export function formatSigned(x: number): string {
  const s = formatNumber(x);
  return s === '0' || s.startsWith('-') ? s : `+${s}`;
}

/**
 * A percentage: "83,33%".
 * @example formatPercent(83.333) // "83,33%"
 */
export function formatPercent(x: number): string {
  return `${formatNumber(x)}%`;
}

/**
 * A date inside a sentence or a table, as the decree's date line pads it (decreeDayMonth):
 * "01/4/2021", "09/01/2021". Takes a calendar date or "yyyy-mm-dd".
 * @example shortDate('2021-04-01') // "01/4/2021"
 */
export function shortDate(date: CalendarDate | string): string {
  const c = typeof date === 'string' ? (() => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return { y, m, d };
  })() : date;
  const dm = decreeDayMonth(c.d, c.m);
  return `${dm.day}/${dm.month}/${c.y}`;
}
