/** Báo cáo kết quả chấm điểm, xếp hạng: totals per unit and section, self against final. */
import { docText } from '../../i18n/documents';
import { round2 } from '../input';
import type { ScoringYear } from '../model';
import type { PhaseTotal, UnitResult, YearResult } from '../results';
import {
  dataTable,
  defaultSigner,
  documentOf,
  headingBlock,
  lead,
  para,
  recipientsAndSignature,
  sectionHeading,
  titleBlock,
} from './blocks';
import { criteriaTree, standardSections } from './criteria';
import { formatNumber, formatSigned } from './format';
import { totalCell } from './minutes';
import type { Block, DocModel, DocumentMeta, Signer, Table } from './model';

/** What the report and the proposal need beyond the year and its results. */
export interface ReportMeta extends DocumentMeta {
  /** Who signs; by default on behalf of the cluster, the leader unit's head. */
  signer?: Signer;
  /** "Nơi nhận:" names, one line each ("- " and ";" are added). */
  recipients?: string[];
}

/** self − final, "—" unless both exist. */
function gapCell(self: number | undefined, final: number | undefined): string {
  return self === undefined || final === undefined ? docText.noValue : formatSigned(round2(self - final));
}

function unitName(year: ScoringYear, id: string): string {
  return year.units.find((u) => u.id === id)?.name ?? id;
}

/** The overview: rank | unit | self | final | gap | classification, in ranking order. */
export function reportOverviewTable(year: ScoringYear, result: YearResult): Table {
  return dataTable({
    header: docText.report.overallHeader,
    rows: result.units.map((u) => [
      String(u.rank),
      unitName(year, u.unitId),
      totalCell(u.totals.self),
      totalCell(u.totals.final),
      gapCell(u.totals.self?.total, u.totals.final?.total),
      u.classification,
    ]),
    widths: [1.2, 3.8, 1.3, 1.5, 1.4, 2.8],
    aligns: ['center', 'left', 'center', 'center', 'center', 'left'],
  });
}

function sectionCell(total: PhaseTotal | null, code: string): string {
  const v = total?.sections[code];
  return v === undefined ? docText.noValue : formatNumber(v);
}

/**
 * One unit's table: a row per top-level section (max, self, final, gap), then bonus and
 * deduction rows when the table has them, then the total in bold.
 */
export function reportUnitTable(year: ScoringYear, unit: UnitResult): Table {
  const t = docText.report;
  const tree = criteriaTree(year.criteria);
  const rows = year.criteria.rows;
  const { self, final } = unit.totals;
  const body = standardSections(tree).map((g) => {
    return [
      `${g.code.replace(/\.$/, '')}. ${g.criterion.content}`,
      formatNumber(g.maxPoints),
      sectionCell(self, g.code),
      sectionCell(final, g.code),
      gapCell(self?.sections[g.code], final?.sections[g.code]),
    ];
  });
  const kinds = new Set(rows.map((r) => r.kind));
  if (kinds.has('bonus')) {
    body.push([t.bonus, '', totalCellOf(self?.bonus), totalCellOf(final?.bonus), gapCell(self?.bonus, final?.bonus)]);
  }
  if (kinds.has('deduction')) {
    const neg = (x: number | undefined) => (x === undefined ? undefined : -x);
    body.push([t.deduction, '', totalCellOf(neg(self?.deduction)), totalCellOf(neg(final?.deduction)), gapCell(neg(self?.deduction), neg(final?.deduction))]);
  }
  body.push([t.total, formatNumber(unit.standing.maxTotal), totalCell(self), totalCell(final), gapCell(self?.total, final?.total)]);
  return dataTable({
    header: t.unitHeader,
    rows: body,
    widths: [5, 1.4, 1.3, 1.5, 1.4],
    aligns: ['left', 'center', 'center', 'center', 'center'],
    boldRows: [body.length - 1],
  });
}

function totalCellOf(x: number | undefined): string {
  return x === undefined ? docText.noValue : formatNumber(x);
}

/** Rank, classification, eligibility and proposed title of one unit, as paragraphs. */
function unitFindings(unit: UnitResult, of: number): Block[] {
  const t = docText.report;
  const out: Block[] = [para(t.standing(unit.rank, of, unit.classification), { spaceBeforePt: 6 })];
  out.push(para(unit.eligible ? t.eligible : t.ineligible(unit.ineligibleReasons.join('; '))));
  if (unit.proposedTitle !== null) {
    out.push(para(unit.proposedTitle.status === 'proposed' ? t.proposed(unit.proposedTitle.name) : t.awaitingBallot(unit.proposedTitle.name)));
  }
  return out;
}

/**
 * Builds the report: heading, title, introduction, I. the overview table, II. per unit its
 * sections table, rank, classification and eligibility, then "Nơi nhận:" and the signature.
 */
export function buildReport(year: ScoringYear, result: YearResult, meta: ReportMeta): DocModel {
  const t = docText.report;
  const { cluster } = year;
  const y = cluster.year;
  const draft = meta.draft === true;
  const body: Block[] = [headingBlock(cluster, meta, t.symbol), ...titleBlock(t.type, t.subject(y), draft)];
  body.push(para(t.intro(cluster.name, y)));
  body.push(sectionHeading(t.overallHeading));
  body.push(reportOverviewTable(year, result));
  body.push(para(t.gapNote, { spaceBeforePt: 6 }, { italic: true }));
  body.push(sectionHeading(t.unitsHeading));
  result.units.forEach((u, i) => {
    body.push(lead(t.unitHeading(i + 1, unitName(year, u.unitId)), { spaceBeforePt: 6 }, { bold: true }));
    body.push(reportUnitTable(year, u));
    body.push(...unitFindings(u, result.units.length));
  });
  body.push(recipientsAndSignature(meta.recipients ?? t.recipients, meta.signer ?? defaultSigner(year)));
  return documentOf('report', t.fileTitle(y, cluster.name), body, draft);
}
