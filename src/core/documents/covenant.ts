/** Giao ước thi đua năm N: the covenant the heads of all member units sign at the start of the year. */
import { docText } from '../../i18n/documents';
import type { ClassificationBand, CriteriaTable, Criterion, ScoringYear, Unit } from '../model';
import {
  basesDay,
  blank,
  dash,
  dataTable,
  documentOf,
  headingBlock,
  layoutTable,
  lead,
  legalBasisParagraphs,
  line,
  para,
  recipientsParagraphs,
  sectionHeading,
  titleBlock,
} from './blocks';
import { criteriaTree, groupNature, maxOfKind, type CriteriaTree, type CriterionNode } from './criteria';
import { SIGNATURE_BLANK_LINES, SIZE, TEXT_WIDTH_PT, formatNumber, formatPercent, nfc, orBlank, upper, vietnameseDate } from './format';
import type { Block, CalendarDate, CellBlock, DocModel, DocumentMeta, Table } from './model';

/** A review date: a date, or words such as "tháng 6 năm 2021". */
export type ReviewDate = Date | CalendarDate | string;

/** What the covenant needs beyond the scoring year. */
export interface CovenantMeta extends DocumentMeta {
  /** I. Mục đích, yêu cầu: one paragraph each; the default three when absent. */
  purposes?: string[];
  /** Sơ kết and tổng kết dates; "tháng 6" and "quý IV" when absent. */
  reviews?: { midYear?: ReviewDate; yearEnd?: ReviewDate };
  /** People each unit sends to the cross-check team (seed 001: two). */
  crossCheckMembersPerUnit?: number;
  /**
   * What the units commit to (II.3, "a) … b) …"): by default the standard ones of a procuracy
   * covenant (Cấu hình's "Cam kết" rows, pre-filled from docText.covenant.commitments).
   */
  commitments?: string[];
  /** "Nơi nhận:" names, one line each; the default list when absent. */
  recipients?: string[];
  /** Signatures per row; by default 3 (2 for four units, or fewer). */
  signatureColumns?: 1 | 2 | 3;
}

function pointsCell(tree: CriteriaTree, node: CriterionNode): string {
  switch (node.kind) {
    case 'group': {
      const nature = groupNature(tree, node);
      if (nature === 'bonus') return `+${formatNumber(maxOfKind(tree, node, 'bonus'))}`;
      if (nature === 'deduction') return `-${formatNumber(maxOfKind(tree, node, 'deduction'))}`;
      if (nature === 'veto') return docText.covenant.vetoPoints;
      return formatNumber(node.maxPoints);
    }
    case 'bonus':
      return `+${formatNumber(node.maxPoints)}`;
    case 'deduction':
      return `-${formatNumber(Math.abs(node.maxPoints))}`;
    case 'veto':
      return docText.covenant.vetoPoints;
    default:
      return formatNumber(node.maxPoints);
  }
}

function targetCell(r: Criterion): string {
  if (r.kind !== 'quantitative' || r.target === undefined) return '';
  const uom = nfc(r.unitOfMeasure ?? '').trim();
  if (uom === '') return formatNumber(r.target);
  return uom === '%' ? `${formatNumber(r.target)}%` : `${formatNumber(r.target)} ${uom}`;
}

/**
 * The criteria table: STT (the code) | content | max points | target, in tree order; group rows
 * and the total row bold. A group shows the sum of its standard rows, or "+n" / "-n" when it
 * holds only bonus / deduction rows; bonus rows show "+n", deductions "-n", veto rows "Điều kiện".
 * @example criteriaTable(sampleCriteriaTable(2021)).cells[1] // ["I", "Công tác chuyên môn, nghiệp vụ", "55", ""]
 */
export function criteriaTable(table: CriteriaTable): Table {
  const tree = criteriaTree(table);
  const body = tree.nodes.map((n) => [n.code, n.criterion.content, pointsCell(tree, n), targetCell(n.criterion)]);
  const total = ['', docText.covenant.total, formatNumber(tree.standardMax), ''];
  const boldRows = tree.nodes.flatMap((n, i) => (n.kind === 'group' ? [i] : []));
  return dataTable({
    header: docText.covenant.criteriaHeader,
    rows: [...body, total],
    widths: [1.3, 6.2, 1.4, 1.6],
    aligns: ['center', 'left', 'center', 'center'],
    boldRows: [...boldRows, body.length],
  });
}

function titleName(year: ScoringYear, id: string): string {
  return year.rules.titles.find((t) => t.id === id)?.name ?? id;
}

/** The titles each unit registers: STT | unit | titles (or "Chưa đăng ký"). */
export function registrationTable(year: ScoringYear): Table {
  return dataTable({
    header: docText.covenant.registrationHeader,
    rows: year.units.map((u, i) => [
      String(i + 1),
      u.name,
      u.registeredTitles.length === 0 ? docText.covenant.notRegistered : u.registeredTitles.map((t) => titleName(year, t)).join('; '),
    ]),
    widths: [0.8, 4.6, 5.1],
    aligns: ['center', 'left', 'left'],
  });
}

/** How many signatures a row holds by default: 3, but 2 for four units or fewer. */
export function defaultSignatureColumns(units: number): 1 | 2 | 3 {
  if (units <= 1) return 1;
  if (units <= 4 && units % 3 !== 0) return 2;
  return 3;
}

/**
 * Places n signatures in rows of `columns`, in order; a short last row is spread symmetrically
 * (one of three in the middle, two of three at the sides). Cells hold unit indexes or null.
 * @example signatureLayout(7, 3) // [[0, 1, 2], [3, 4, 5], [null, 6, null]]
 */
export function signatureLayout(n: number, columns: number): (number | null)[][] {
  const rows: (number | null)[][] = [];
  for (let start = 0; start < n; start += columns) {
    const k = Math.min(columns, n - start);
    const row: (number | null)[] = Array.from({ length: columns }, () => null);
    for (let i = 0; i < k; i++) {
      const slot = k === columns ? i : Math.round(((i + 0.5) * columns) / k - 0.5);
      row[slot] = start + i;
    }
    rows.push(row);
  }
  return rows;
}

/** Room between neighbouring signatures. */
const SIGNATURE_GRID_PADDING_PT = 3;
/** Room above each row of signatures. */
const SIGNATURE_ROW_GAP_PT = 12;

/**
 * A unit's name for a signature cell, in caps and in short form, one phrase a line so that no line
 * breaks mid-phrase: "Viện kiểm sát nhân dân tỉnh Bình Thuận" → ["VIỆN KSND", "TỈNH BÌNH THUẬN"].
 * Other names stay whole.
 * @example signatureUnitLines('Viện kiểm sát nhân dân tỉnh Bình Thuận') // ["VIỆN KSND", "TỈNH BÌNH THUẬN"]
 */
export function signatureUnitLines(name: string): string[] {
  const caps = upper(nfc(name).trim().replace(/\s+/g, ' '));
  const x = /^(VIỆN KIỂM SÁT NHÂN DÂN|VIỆN KSND|VKSND)\s+(.+)$/u.exec(caps);
  if (!x) return [caps];
  // A long place breaks at its dash, not between two words of one name ("VŨNG / TÀU").
  const place = x[2]!;
  const parts = place.length > PLACE_LINE_CHARS ? place.split(/(?<=\s[–-])\s+/u) : [place];
  return [docText.covenant.procuracyShort, ...parts];
}

/** Characters of a place that fit one line of a three-column signature grid at 13 pt bold. */
const PLACE_LINE_CHARS = 18;

/**
 * The grid "ĐẠI DIỆN CÁC ĐƠN VỊ KÝ GIAO ƯỚC": a borderless table, three table rows per row of
 * signatures so that each part lines up across the row whatever the length of the unit names:
 * the unit's name in short form (signatureUnitLines), the head's title, then blank lines to sign
 * and the head's name; all bold, the first two in caps.
 */
export function signatureGrid(units: readonly Unit[], columns: number = defaultSignatureColumns(units.length)): Table {
  const width = Math.round((TEXT_WIDTH_PT / columns) * 100) / 100;
  const size = SIZE.signatureGrid;
  const nameCell = (u: Unit): CellBlock[] => signatureUnitLines(u.name).map((text, i) =>
    line(text, { sizePt: size, bold: true }, i === 0 ? { spaceBeforePt: SIGNATURE_ROW_GAP_PT } : {}));
  const titleCell = (u: Unit): CellBlock[] => [line(upper(orBlank(u.headTitle)), { sizePt: size, bold: true })];
  const signCell = (u: Unit): CellBlock[] => [
    ...Array.from({ length: SIGNATURE_BLANK_LINES }, () => blank(size)),
    line(orBlank(u.headName), { sizePt: size, bold: true }),
  ];
  const grid = signatureLayout(units.length, columns).flatMap((row) =>
    [nameCell, titleCell, signCell].map((cell) => row.map((i) => (i === null ? null : cell(units[i]!)))));
  return { ...layoutTable(grid, Array.from({ length: columns }, () => width), SIGNATURE_GRID_PADDING_PT), rowGroup: 3 };
}

function reviewText(d: ReviewDate | undefined, fallback: string): string {
  if (d === undefined) return fallback;
  return typeof d === 'string' ? nfc(d) : vietnameseDate(d);
}

function bandsText(bands: readonly ClassificationBand[]): string {
  const sorted = [...bands].sort((a, b) => b.minPercent - a.minPercent);
  const t = docText.covenant;
  return sorted
    .map((b, i) => {
      const min = formatPercent(b.minPercent);
      if (i === 0) return t.bandTop(min, b.label);
      const max = formatPercent(sorted[i - 1]!.minPercent);
      return b.minPercent <= 0 ? t.bandBottom(max, b.label) : t.bandMiddle(min, max, b.label);
    })
    .join('; ');
}

function unitName(year: ScoringYear, id: string): string {
  return year.units.find((u) => u.id === id)?.name ?? id;
}

/**
 * Builds the covenant of a year: heading block, title, slogan, legal bases, I. purposes,
 * II. criteria table and title registrations, III. organisation, then the signature grid.
 */
export function buildCovenant(year: ScoringYear, meta: CovenantMeta): DocModel {
  const t = docText.covenant;
  const { cluster, rules, criteria } = year;
  const y = cluster.year;
  const draft = meta.draft === true;
  const body: Block[] = [headingBlock(cluster, meta, t.symbol), ...titleBlock(t.type, t.subject(y), draft)];
  if (cluster.slogan !== undefined && cluster.slogan.trim() !== '') {
    body.push(line(t.slogan(cluster.slogan.trim()), { bold: true, italic: true }, { spaceAfterPt: 12 }));
  }
  body.push(...legalBasisParagraphs(rules.legalBases, true, basesDay(cluster, meta)));
  body.push(para(t.intro(cluster.name, y)));

  body.push(sectionHeading(t.purposeHeading));
  body.push(...(meta.purposes ?? t.purposes(cluster.name, y)).map((p, i) => para(`${i + 1}. ${p}`)));

  body.push(sectionHeading(t.contentHeading));
  // The table's name is not quoted: a sample's name carries a drafting note for the clerk.
  body.push(lead(t.criteriaIntro(formatNumber(criteriaTree(criteria).standardMax))));
  body.push(criteriaTable(criteria));
  const kinds = new Set(criteria.rows.map((r) => r.kind));
  if (kinds.has('bonus') || kinds.has('deduction')) body.push(para(t.bonusNote, { spaceBeforePt: 6 }, { italic: true }));
  if (kinds.has('veto')) body.push(para(t.vetoNote, { spaceBeforePt: 6 }, { italic: true }));
  body.push(lead(t.registrationIntro, { spaceBeforePt: 6 }));
  body.push(registrationTable(year));
  const commitments = (meta.commitments ?? t.commitments).map((c) => nfc(c).trim().replace(/[;.]+$/, '')).filter((c) => c !== '');
  if (commitments.length > 0) {
    body.push(para(t.commitmentsIntro, { spaceBeforePt: 6, keepWithNext: true }));
    commitments.forEach((c, i) => body.push(para(`${String.fromCharCode(97 + (i % 26))}) ${c}${i === commitments.length - 1 ? '.' : ';'}`)));
  }

  body.push(sectionHeading(t.organisationHeading));
  const items = [
    t.leaders(y, unitName(year, cluster.leaderUnitId), unitName(year, cluster.deputyUnitId)),
    t.reviews(reviewText(meta.reviews?.midYear, t.defaultMidYear(y)), reviewText(meta.reviews?.yearEnd, t.defaultYearEnd(y))),
    t.scoring(meta.crossCheckMembersPerUnit ?? 2),
    t.classification(bandsText(rules.classificationBands)),
    t.voting(formatPercent(rules.ballotThresholdPercent), docText.ballotBase[rules.ballotBase]),
  ];
  items.forEach((text, i) => body.push(para(`${i + 1}. ${text}`)));
  if (rules.titles.length > 0) {
    body.push(lead(`${items.length + 1}. ${t.titlesIntro}`));
    rules.titles.forEach((title, i) => {
      const end = i === rules.titles.length - 1 ? '.' : ';';
      const notes = [
        ...(title.quota !== null ? [t.titleQuota(title.quota)] : []),
        ...(title.leaderOnly ? [t.titleLeaderOnly] : []),
        ...(title.requiresBallot ? [t.titleBallot] : []),
      ];
      body.push(dash(notes.length > 0 ? `${title.name} (${notes.join(', ')})${end}` : `${title.name}${end}`));
    });
  }
  body.push(para(t.closing, { keepWithNext: true }));

  body.push(line(t.signaturesHeading, { bold: true }, { spaceBeforePt: 12, spaceAfterPt: 6, keepWithNext: true }));
  body.push(signatureGrid(year.units, meta.signatureColumns));
  body.push(...recipientsParagraphs(meta.recipients ?? t.recipients));
  return documentOf('covenant', t.fileTitle(y, cluster.name), body, draft);
}
