/**
 * The document model: what a document says and how it is formatted, as plain data.
 *
 * Each piece maps to one DocumentApp call or a handful: a Paragraph to appendParagraph plus
 * setAlignment / setIndentFirstLine / setIndentStart / setLineSpacing / setSpacingBefore /
 * setSpacingAfter and, per run, editAsText().setBold / setItalic / setUnderline / setFontSize
 * over the run's character range; a Table to one appendTable(cells) plus column widths, borders
 * and per-row styles; the page setup to Body.setPageWidth / setMarginTop …; sizes are in points.
 * The HTML renderer (html.ts) reads the same model for previews and PDF printing.
 */

/** Paragraph or cell alignment (DocumentApp.HorizontalAlignment). */
export type Align = 'left' | 'center' | 'right' | 'justify';

/** A stretch of text in one format. Every attribute is explicit, so a writer needs no defaults. */
export interface Run {
  /** NFC. */
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  sizePt: number;
}

/** Paragraph attributes, one DocumentApp setter each. */
export interface ParagraphFormat {
  align: Align;
  /** setIndentFirstLine, relative to the page margin (DocumentApp measures it from the margin too). */
  firstLineIndentPt: number;
  /** setIndentStart: left indent of every line. */
  indentStartPt: number;
  /** setLineSpacing: a multiple of single spacing (1 = single, 1.5 = one and a half). */
  lineSpacing: number;
  spaceBeforePt: number;
  spaceAfterPt: number;
  /**
   * Keep on the same page as the next block (headings, the line before a table). The Docs API
   * has ParagraphStyle.keepWithNext; DocumentApp has no setter, so its writer may skip it.
   */
  keepWithNext: boolean;
}

/** A paragraph of runs. A paragraph with no runs (or one empty run) is a blank line. */
export interface Paragraph {
  kind: 'paragraph';
  format: ParagraphFormat;
  runs: Run[];
}

/**
 * A short solid line, e.g. under the national motto (as long as the motto) and under the issuing
 * body (a third to a half of its line), centred in its container. In Google Docs a HorizontalRule
 * spans its container, so a writer may draw it as a rule in a paragraph of its own; `widthPt` is
 * the length the decree asks for, which the HTML renderer draws exactly.
 */
export interface Rule {
  kind: 'rule';
  widthPt: number;
  align: 'left' | 'center';
  /** Line thickness. */
  weightPt: number;
}

/** What a table cell can hold, one paragraph each (a rule sits in a paragraph of its own). */
export type CellBlock = Paragraph | Rule;

export interface TableColumn {
  /** Table.setColumnWidth. The columns add up to the table's width. */
  widthPt: number;
  /** Default alignment of the column's cells. */
  align: Align;
}

/** Formatting of a whole row: the header row, group rows of a criteria table, the total row. */
export interface TableRowFormat {
  bold: boolean;
  italic: boolean;
  /** Overrides the column alignment for the whole row (e.g. a centred header row). */
  align?: Align;
}

/**
 * A table built by one appendTable(cells) call, then formatted by columns and rows. Cells listed
 * in `rich` hold several paragraphs formatted one by one (the heading block, signature cells):
 * their `cells` text is the blocks' text joined by "\n" (a rule counts as an empty line).
 */
export interface Table {
  kind: 'table';
  /** Row-major cell text, every row as long as `columns`. NFC. */
  cells: string[][];
  columns: TableColumn[];
  /** One per row of `cells`. */
  rows: TableRowFormat[];
  /** False: border width 0 (heading block, signature grid). */
  borders: boolean;
  /** Font size of plain cells. */
  sizePt: number;
  /** Line spacing of plain cells' paragraphs. */
  lineSpacing: number;
  /** TableCell.setPaddingTop/Bottom and setPaddingLeft/Right. */
  paddingPt: { vertical: number; horizontal: number };
  /** TableCell.setVerticalAlignment of every cell. */
  verticalAlign: 'top' | 'middle';
  /** Leading rows that repeat on each page (column headings); 0 for none. */
  headerRows: number;
  /**
   * Rows kept on one page in groups of this many (a signature's unit, title and name); absent:
   * each row on its own. The HTML renderer keeps each group whole; DocumentApp has no setting for it.
   */
  rowGroup?: number;
  /** Cells with formatted paragraphs, keyed "row:col" (0-based). */
  rich: Record<string, CellBlock[]>;
}

/** A block of the document body. */
export type Block = Paragraph | Table | Rule;

/** Page size and margins, in points (Body.setPageWidth, setMarginTop …). */
export interface PageSetup {
  widthPt: number;
  heightPt: number;
  marginTopPt: number;
  marginBottomPt: number;
  marginLeftPt: number;
  marginRightPt: number;
}

/** The page number in the header. */
export interface PageNumbering {
  align: Align;
  sizePt: number;
  /** The decree numbers pages from the second: false leaves page 1 bare. */
  onFirstPage: boolean;
}

/** Which document a model is. */
export type DocKind = 'covenant' | 'minutes' | 'report' | 'proposal' | 'plan' | 'midYearReport';

/** A whole document. */
export interface DocModel {
  kind: DocKind;
  /** The file name and HTML title, e.g. "Giao ước thi đua năm 2021 - Cụm thi đua số 9". */
  title: string;
  /** One family for the whole document (Times New Roman). */
  fontFamily: string;
  page: PageSetup;
  /** Null: no page numbers. */
  pageNumbering: PageNumbering | null;
  body: Block[];
}

/** A calendar date (month 1–12), free of time zones. */
export interface CalendarDate {
  y: number;
  m: number;
  d: number;
}

/** A calendar date with a time of day, for meeting minutes. */
export interface CalendarTime extends CalendarDate {
  h: number;
  min: number;
}

/** Someone named in a document: a chair, a secretary, a signer. */
export interface Person {
  name: string;
  /** e.g. "Viện trưởng Viện kiểm sát nhân dân tỉnh Đồng Nai". */
  title?: string;
}

/**
 * The signer of a document on behalf of the cluster, e.g. authority "TM. CỤM THI ĐUA SỐ 9",
 * titles ["CỤM TRƯỞNG", "VIỆN TRƯỞNG VKSND TỈNH ĐỒNG NAI"], name "Huỳnh Văn Lưu".
 */
export interface Signer {
  /** TM., KT., Q., TL. … line; omitted when the head signs in their own right. */
  authority?: string;
  titles: string[];
  name: string;
}

/** What every document needs beyond the scoring year. */
export interface DocumentMeta {
  /** Document number (số); null or absent leaves it blank, to be filled in at registration. */
  number?: number | null;
  /**
   * Issue date: a Date is read as a calendar date in Asia/Ho_Chi_Minh; null (a draft whose date is
   * not decided) prints "ngày …… tháng …… năm <year>".
   */
  date: Date | CalendarDate | null;
  /**
   * A draft (dự thảo): "DỰ THẢO" above the title and in the file name; details not yet given are
   * printed as visible blanks "…………" to be filled in.
   */
  draft?: boolean;
  /** Place name of the date line; defaults to the cluster's place. */
  place?: string;
  /** Cơ quan chủ quản above the issuing body, e.g. "Viện kiểm sát nhân dân tối cao". */
  parentBody?: string;
  /** Issuer part of the document symbol, e.g. "CTĐ9"; derived from the cluster name when absent. */
  issuerCode?: string;
}
