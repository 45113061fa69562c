/**
 * Building blocks shared by the four documents: runs, paragraphs, tables, the heading block
 * (issuer and national motto), the title, signatures and the "Nơi nhận:" list.
 * Everything that enters the model passes through here and is made NFC.
 */
import { docText } from '../../i18n/documents';
import type { ClusterInfo, ScoringYear } from '../model';
import {
  BODY_FORMAT,
  CENTERED_FORMAT,
  FIRST_LINE_INDENT_PT,
  FONT_FAMILY,
  HEADING_LEFT_PT,
  HEADING_RIGHT_PT,
  ISSUER_RULE_WIDTH_PT,
  MOTTO_RULE_WIDTH_PT,
  PAGE,
  RULE_WEIGHT_PT,
  SIGNATURE_BLANK_LINES,
  SINGLE,
  SIZE,
  TEXT_WIDTH_PT,
  blankDate,
  calendarDate,
  documentNumber,
  issuerCode,
  nfc,
  orBlank,
  upper,
  vietnameseDate,
} from './format';
import { citedBases } from './legal';
import type {
  Align,
  Block,
  CalendarDate,
  CellBlock,
  DocKind,
  DocModel,
  DocumentMeta,
  Paragraph,
  ParagraphFormat,
  Rule,
  Run,
  Signer,
  Table,
  TableRowFormat,
} from './model';

/** Run attributes other than the text. */
export type RunStyle = Partial<Omit<Run, 'text'>>;

/** A run: body size, plain unless told. */
export function run(text: string, style: RunStyle = {}): Run {
  return { text: nfc(text), bold: false, italic: false, underline: false, sizePt: SIZE.body, ...style };
}

/** A paragraph of runs (a string is one plain run), in the body format unless told. */
export function para(content: string | Run[], format: Partial<ParagraphFormat> = {}, style: RunStyle = {}): Paragraph {
  const runs = typeof content === 'string' ? [run(content, style)] : content;
  return { kind: 'paragraph', format: { ...BODY_FORMAT, ...format }, runs };
}

/** A centred single-spaced line. */
export function line(text: string, style: RunStyle = {}, format: Partial<ParagraphFormat> = {}): Paragraph {
  return para(text, { ...CENTERED_FORMAT, ...format }, style);
}

/** An empty line of the given size (blank lines for signing). */
export function blank(sizePt: number = SIZE.body): Paragraph {
  return line('', { sizePt });
}

/** A short centred rule. */
export function rule(widthPt: number): Rule {
  return { kind: 'rule', widthPt, align: 'center', weightPt: RULE_WEIGHT_PT };
}

/** A section heading in bold ("I. MỤC ĐÍCH, YÊU CẦU"), indented like the body. */
export function sectionHeading(text: string): Paragraph {
  return para(text, { spaceBeforePt: 6, keepWithNext: true }, { bold: true });
}

/** A body paragraph that introduces the table after it, kept on the table's page. */
export function lead(text: string, format: Partial<ParagraphFormat> = {}, style: RunStyle = {}): Paragraph {
  return para(text, { ...format, keepWithNext: true }, style);
}

/** A dashed list, "- a;" … "- z." (items given bare, or already ending in punctuation). */
export function dashList(items: readonly string[]): Paragraph[] {
  return items.map((item, i) => dash(`${nfc(item).trim().replace(/[;.,]+$/, '')}${i === items.length - 1 ? '.' : ';'}`));
}

/** The plain text of a cell block: a rule is an empty line. */
function blockText(b: CellBlock): string {
  return b.kind === 'rule' ? '' : b.runs.map((r) => r.text).join('');
}

/**
 * A borderless table whose cells are formatted paragraph by paragraph (heading, signatures).
 * `paddingPt` is the cells' left and right padding: 0 where text must use the whole column.
 */
export function layoutTable(grid: (CellBlock[] | null)[][], widthsPt: number[], paddingPt = 0): Table {
  const rich: Record<string, CellBlock[]> = {};
  const cells = grid.map((row, r) =>
    row.map((content, c) => {
      if (content === null || content.length === 0) return '';
      rich[`${r}:${c}`] = content;
      return content.map(blockText).join('\n');
    }),
  );
  return {
    kind: 'table',
    cells,
    columns: widthsPt.map((widthPt) => ({ widthPt, align: 'center' as Align })),
    rows: grid.map(() => ({ bold: false, italic: false })),
    borders: false,
    sizePt: SIZE.body,
    lineSpacing: SINGLE,
    paddingPt: { vertical: 0, horizontal: paddingPt },
    verticalAlign: 'top',
    headerRows: 0,
    rich,
  };
}

/** Bordered tables leave a hair of the text width for their outer border, which would else be cut off. */
const DATA_TABLE_WIDTH_PT = TEXT_WIDTH_PT - 1;

/** A bordered data table: a bold centred header row, then rows, some flagged bold. */
export interface DataTableSpec {
  header: string[];
  rows: string[][];
  /** Relative widths; scaled to the text width. */
  widths: number[];
  aligns: Align[];
  /** Row indexes (into `rows`) set in bold: groups and totals. */
  boldRows?: number[];
}

/** Builds a bordered data table with its header row. */
export function dataTable(spec: DataTableSpec): Table {
  const sum = spec.widths.reduce((a, b) => a + b, 0);
  const bold = new Set(spec.boldRows ?? []);
  const header: TableRowFormat = { bold: true, italic: false, align: 'center' };
  return {
    kind: 'table',
    cells: [spec.header, ...spec.rows].map((row) => row.map(nfc)),
    columns: spec.widths.map((w, i) => ({
      widthPt: Math.round((w / sum) * DATA_TABLE_WIDTH_PT * 100) / 100,
      align: spec.aligns[i] ?? 'left',
    })),
    rows: [header, ...spec.rows.map((_, i) => ({ bold: bold.has(i), italic: false }))],
    borders: true,
    sizePt: SIZE.table,
    lineSpacing: SINGLE,
    paddingPt: { vertical: 3, horizontal: 4 },
    verticalAlign: 'middle',
    headerRows: 1,
    rich: {},
  };
}

/** The document symbol after the number: "GƯ-CTĐ9". */
function symbolOf(typeCode: string, cluster: ClusterInfo, meta: DocumentMeta): string {
  return nfc(`${typeCode}-${meta.issuerCode ?? issuerCode(cluster.name)}`);
}

/** The place of the date line: the meta's, else the cluster's; a draft without one shows a blank. */
function placeOf(cluster: ClusterInfo, meta: DocumentMeta): string | undefined {
  const place = meta.place ?? cluster.place;
  return meta.draft && (place === undefined || place.trim() === '') ? docText.blank : place;
}

/** The date line: place and date, or a blank date on a draft whose date is not decided. */
function dateLineOf(cluster: ClusterInfo, meta: DocumentMeta): string {
  const place = placeOf(cluster, meta);
  return meta.date === null ? blankDate(cluster.year, place) : vietnameseDate(meta.date, place);
}

/** The day the document's legal bases are judged on: its date, else the end of its year. */
export function basesDay(cluster: ClusterInfo, meta: DocumentMeta): CalendarDate {
  return meta.date === null ? { y: cluster.year, m: 12, d: 31 } : calendarDate(meta.date);
}

/**
 * The heading block (Phụ lục I, ô 1–4): left, the parent body (caps), the issuing cluster (caps,
 * bold) over a short rule and the number; right, the national motto over its rule and the
 * italic place and date.
 */
export function headingBlock(cluster: ClusterInfo, meta: DocumentMeta, typeCode: string): Table {
  const left: CellBlock[] = [];
  if (meta.parentBody !== undefined && meta.parentBody.trim() !== '') {
    left.push(line(upper(meta.parentBody.trim()), { sizePt: SIZE.issuer }));
  }
  left.push(line(upper(cluster.name), { sizePt: SIZE.issuer, bold: true }));
  left.push(rule(ISSUER_RULE_WIDTH_PT));
  left.push(line(documentNumber(meta.number, symbolOf(typeCode, cluster, meta)), { sizePt: SIZE.number }, { spaceBeforePt: 4 }));
  const right: CellBlock[] = [
    line(docText.nation, { sizePt: SIZE.nation, bold: true }),
    line(docText.motto, { sizePt: SIZE.motto, bold: true }),
    rule(MOTTO_RULE_WIDTH_PT),
    line(dateLineOf(cluster, meta), { sizePt: SIZE.date, italic: true }, { spaceBeforePt: 4 }),
  ];
  return layoutTable([[left, right]], [HEADING_LEFT_PT, HEADING_RIGHT_PT]);
}

/** The document type in bold caps and its subject line in bold, centred; "DỰ THẢO" above on a draft. */
export function titleBlock(type: string, subject: string, draft = false): Paragraph[] {
  return [
    ...(draft ? [line(docText.draftMark, { sizePt: SIZE.title, bold: true }, { spaceBeforePt: 12, keepWithNext: true })] : []),
    line(upper(type), { sizePt: SIZE.title, bold: true }, { spaceBeforePt: draft ? 6 : 18, keepWithNext: true }),
    line(subject, { sizePt: SIZE.subject, bold: true }, { spaceAfterPt: 12 }),
  ];
}

/**
 * "Căn cứ …;" — one paragraph per legal basis the document may cite on `day` (none dated after
 * it, none replaced by then: legal.ts), the word "Căn cứ" added when missing.
 */
export function legalBasisParagraphs(bases: readonly string[], italic: boolean, day: CalendarDate): Paragraph[] {
  return citedBases(bases, day)
    .map((b) => nfc(b).trim().replace(/[;.,]+$/, ''))
    .filter((b) => b !== '')
    .map((b) => para(docText.legalBasis(b), {}, { italic }));
}

/** Room between the body and the signature / "Nơi nhận:" block. */
const SIGNATURE_SPACE_BEFORE_PT = 12;

function spaceBefore(block: CellBlock, pt: number): void {
  if (block.kind === 'paragraph') block.format = { ...block.format, spaceBeforePt: pt };
}

/** A signature cell: authority, titles and name, with blank lines between for the signature. */
export function signatureCell(signer: Signer, sizePt: number = SIZE.signature): CellBlock[] {
  const out: CellBlock[] = [];
  if (signer.authority !== undefined && signer.authority.trim() !== '') out.push(line(upper(signer.authority), { sizePt, bold: true }));
  for (const t of signer.titles) out.push(line(upper(t), { sizePt, bold: true }));
  for (let i = 0; i < SIGNATURE_BLANK_LINES; i++) out.push(blank(sizePt));
  out.push(line(orBlank(signer.name), { sizePt, bold: true }));
  spaceBefore(out[0]!, SIGNATURE_SPACE_BEFORE_PT);
  return out;
}

/** The "Nơi nhận:" block: 12 pt bold italic label, 11 pt list, flush left. */
function recipientsCell(recipients: readonly string[]): CellBlock[] {
  const flush: Partial<ParagraphFormat> = { align: 'left' };
  return [
    line(docText.recipientsLabel, { sizePt: SIZE.recipientsLabel, bold: true, italic: true }, { ...flush, spaceBeforePt: SIGNATURE_SPACE_BEFORE_PT }),
    ...recipients.map((r, i) => line(docText.recipient(nfc(r).trim().replace(/^-\s*/, '').replace(/[;.]+$/, ''), i === recipients.length - 1), { sizePt: SIZE.recipients }, flush)),
  ];
}

/**
 * "Nơi nhận:" for a foot with no signature beside it: the 12 pt bold italic label, then the 11 pt
 * list as one paragraph with a line each (Docs keeps line breaks in a paragraph): 4 calls.
 */
export function recipientsParagraphs(recipients: readonly string[]): Paragraph[] {
  const items = recipients.map((r, i) => docText.recipient(nfc(r).trim().replace(/^-\s*/, '').replace(/[;.]+$/, ''), i === recipients.length - 1));
  const flush: Partial<ParagraphFormat> = { align: 'left', firstLineIndentPt: 0, lineSpacing: SINGLE, spaceAfterPt: 0 };
  return [
    para(docText.recipientsLabel, { ...flush, spaceBeforePt: SIGNATURE_SPACE_BEFORE_PT, keepWithNext: true }, { sizePt: SIZE.recipientsLabel, bold: true, italic: true }),
    para(items.join('\n'), flush, { sizePt: SIZE.recipients }),
  ];
}

/** The foot of a document: "Nơi nhận:" on the left, the signature on the right (Phụ lục I, ô 7–9). */
export function recipientsAndSignature(recipients: readonly string[], signer: Signer): Table {
  const half = Math.round((TEXT_WIDTH_PT / 2) * 100) / 100;
  return layoutTable([[recipientsCell(recipients), signatureCell(signer)]], [half, half]);
}

/** The cluster's default signer: on behalf of the cluster, the leader unit's head. */
export function defaultSigner(year: ScoringYear): Signer {
  const leader = year.units.find((u) => u.id === year.cluster.leaderUnitId);
  return {
    authority: docText.onBehalfOf(year.cluster.name),
    titles: [docText.clusterLeaderTitle, ...(leader ? [docText.headOf(orBlank(leader.headTitle), leader.name)] : [])],
    name: orBlank(leader?.headName),
  };
}

/** Wraps a body into a document with the decree's page, font and page numbering; a draft says so in its title. */
export function documentOf(kind: DocKind, title: string, body: Block[], draft = false): DocModel {
  return {
    kind,
    title: nfc(draft ? docText.draftTitle(title) : title),
    fontFamily: FONT_FAMILY,
    page: { ...PAGE },
    pageNumbering: { align: 'center', sizePt: SIZE.pageNumber, onFirstPage: false },
    body,
  };
}

/** A list line ("- …"), its first line indented as the body. */
export function dash(text: string): Paragraph {
  return para(`- ${text}`, { firstLineIndentPt: FIRST_LINE_INDENT_PT });
}
