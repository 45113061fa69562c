/** Báo cáo kết quả chấm điểm, xếp hạng: totals per unit and section, self against final. */
import { docText } from '../../i18n/documents';
import { scoreGap } from '../standing';
import type { ScoringYear } from '../model';
import type { PhaseTotal, UnitResult, YearResult } from '../results';
import {
  dashList,
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
import { registerSections } from './registers';
import { formatNumber, formatSigned } from './format';
import { completenessLines, rankCell, rankingScoreCell, totalCell } from './minutes';
import type { Block, DocModel, DocumentMeta, Signer, Table } from './model';

/** What the report and the proposal need beyond the year and its results. */
export interface ReportMeta extends DocumentMeta {
  /** Who signs; by default on behalf of the cluster, the leader unit's head. */
  signer?: Signer;
  /** "Nơi nhận:" names, one line each ("- " and ";" are added). */
  recipients?: string[];
}

/** Chênh lệch as scoreGap defines it (self − the score that counts), signed; "—" when there is none. */
function gapCell(gap: number | null): string {
  return gap === null ? docText.noValue : formatSigned(gap);
}

function unitName(year: ScoringYear, id: string): string {
  return year.units.find((u) => u.id === id)?.name ?? id;
}

/**
 * The overview: rank | unit | self | cross-check | final | the score that counts (source) | gap |
 * classification, in ranking order. The gap is the engine's (the one Tổng hợp shows).
 */
export function reportOverviewTable(year: ScoringYear, result: YearResult): Table {
  return dataTable({
    header: docText.report.overallHeader,
    rows: result.units.map((u) => [
      rankCell(u),
      unitName(year, u.unitId),
      totalCell(u.totals.self),
      totalCell(u.totals.crossCheck),
      totalCell(u.totals.final),
      rankingScoreCell(u),
      gapCell(u.gap),
      u.classification,
    ]),
    widths: [1.2, 3.2, 1.2, 1.2, 1.3, 1.9, 1.5, 2.4],
    aligns: ['center', 'left', 'center', 'center', 'center', 'center', 'center', 'left'],
  });
}

function sectionCell(total: PhaseTotal | null, code: string): string {
  const v = total?.sections[code];
  return v === undefined ? docText.noValue : formatNumber(v);
}

/**
 * One unit's table: a row per top-level section (max, self, cross-check, final, gap), then bonus
 * and deduction rows when the table has them, then the total in bold. Each gap is scoreGap of the
 * self figure and the standing one (the score that counts), as in Tổng hợp.
 */
export function reportUnitTable(year: ScoringYear, unit: UnitResult): Table {
  const t = docText.report;
  const tree = criteriaTree(year.criteria);
  const rows = year.criteria.rows;
  const { self, crossCheck, final } = unit.totals;
  const standing = unit.standingPhase === null ? null : unit.standing;
  const gap = (pick: (p: PhaseTotal) => number | undefined) =>
    gapCell(scoreGap(self ? pick(self) : undefined, standing ? pick(standing) : undefined, unit.standingPhase));
  const body = standardSections(tree).map((g) => {
    return [
      `${g.code.replace(/\.$/, '')}. ${g.criterion.content}`,
      formatNumber(g.maxPoints),
      sectionCell(self, g.code),
      sectionCell(crossCheck, g.code),
      sectionCell(final, g.code),
      gap((p) => p.sections[g.code]),
    ];
  });
  const kinds = new Set(rows.map((r) => r.kind));
  if (kinds.has('bonus')) {
    body.push([t.bonus, '', totalCellOf(self?.bonus), totalCellOf(crossCheck?.bonus), totalCellOf(final?.bonus), gap((p) => p.bonus)]);
  }
  if (kinds.has('deduction')) {
    const neg = (x: number | undefined) => (x === undefined ? undefined : -x);
    body.push([
      t.deduction, '', totalCellOf(neg(self?.deduction)), totalCellOf(neg(crossCheck?.deduction)), totalCellOf(neg(final?.deduction)), gap((p) => -p.deduction),
    ]);
  }
  body.push([t.total, formatNumber(unit.standing.maxTotal), totalCell(self), totalCell(crossCheck), totalCell(final), gapCell(unit.gap)]);
  return dataTable({
    header: t.unitHeader,
    rows: body,
    widths: [4.6, 1.3, 1.2, 1.2, 1.3, 1.6],
    aligns: ['left', 'center', 'center', 'center', 'center', 'center'],
    boldRows: [body.length - 1],
  });
}

function totalCellOf(x: number | undefined): string {
  return x === undefined ? docText.noValue : formatNumber(x);
}

/**
 * The score that counts, rank, classification, completeness, eligibility and why the unit is or
 * is not proposed (one short reason), as paragraphs.
 */
function unitFindings(unit: UnitResult, of: number): Block[] {
  const t = docText.report;
  const out: Block[] = [para(t.rankingScore(rankingScoreCell(unit)), { spaceBeforePt: 6 })];
  out.push(para(t.standing(unit.rank, of, unit.classification, unit.provisional)));
  if (!unit.complete) {
    const why = unit.incompleteReasons.join('; ');
    out.push(para(unit.proceedReason !== undefined ? t.proceeded(why, unit.proceedReason) : t.provisional(why)));
  }
  // The reason names what is missing (registration, classification, ballot) or the veto violated.
  out.push(para(t.proposalReason(unit.proposalReason)));
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
  body.push(...dashList(completenessLines(year, result)));
  body.push(sectionHeading(t.unitsHeading));
  result.units.forEach((u, i) => {
    body.push(lead(t.unitHeading(i + 1, unitName(year, u.unitId)), { spaceBeforePt: 6 }, { bold: true }));
    body.push(reportUnitTable(year, u));
    body.push(...unitFindings(u, result.units.length));
  });
  body.push(...registerSections(year, 3));
  body.push(recipientsAndSignature(meta.recipients ?? t.recipients, meta.signer ?? defaultSigner(year)));
  return documentOf('report', t.fileTitle(y, cluster.name), body, draft);
}
