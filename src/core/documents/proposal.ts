/** Tờ trình đề nghị khen thưởng: the cluster's proposal to the emulation council. */
import { docText } from '../../i18n/documents';
import type { ScoringYear } from '../model';
import type { UnitResult, YearResult } from '../results';
import {
  basesDay,
  dashList,
  dataTable,
  defaultSigner,
  documentOf,
  headingBlock,
  lead,
  legalBasisParagraphs,
  line,
  para,
  recipientsAndSignature,
  titleBlock,
} from './blocks';
import { SIZE, formatPercent, nfc } from './format';
import { completenessLines, rankCell, rankingScoreCell, totalCell } from './minutes';
import type { Block, DocModel, Table } from './model';
import type { ReportMeta } from './report';

/** What the proposal needs beyond the year and its results. */
export interface ProposalMeta extends ReportMeta {
  /** After "Kính gửi:", e.g. "Hội đồng Thi đua – Khen thưởng ngành Kiểm sát nhân dân". */
  councilName?: string;
}

function unitName(year: ScoringYear, id: string): string {
  return year.units.find((u) => u.id === id)?.name ?? id;
}

/** "6/6 phiếu (100%)" for the unit's ballot on its proposed title, or "Không bỏ phiếu". */
function ballotCell(year: ScoringYear, result: YearResult, unit: UnitResult): string {
  const titleId = unit.proposedTitle?.titleId;
  const ballot = result.ballots.find((b) => b.titleId === titleId);
  const candidate = ballot?.candidates.find((c) => c.unitId === unit.unitId);
  if (ballot === undefined || candidate === undefined) return docText.proposal.noBallot;
  const base = year.rules.ballotBase === 'issued' ? ballot.issued : ballot.valid;
  return docText.proposal.ballot(candidate.votes, base, formatPercent(candidate.percent));
}

/** The units proposed (ballot passed or not needed), in ranking order. */
export function proposedUnits(result: YearResult): UnitResult[] {
  return result.units.filter((u) => u.proposedTitle?.status === 'proposed');
}

/** STT | unit | proposed title | self | cross-check | final | the score that counts (source) | rank | ballot result. */
export function proposalTable(year: ScoringYear, result: YearResult): Table {
  return dataTable({
    header: docText.proposal.header,
    rows: proposedUnits(result).map((u, i) => [
      String(i + 1),
      unitName(year, u.unitId),
      u.proposedTitle!.name,
      totalCell(u.totals.self),
      totalCell(u.totals.crossCheck),
      totalCell(u.totals.final),
      rankingScoreCell(u),
      rankCell(u),
      ballotCell(year, result, u),
    ]),
    widths: [0.7, 2.9, 2.8, 1.2, 1.2, 1.3, 1.9, 1, 1.8],
    aligns: ['center', 'left', 'left', 'center', 'center', 'center', 'center', 'center', 'center'],
  });
}

/**
 * Builds the proposal: heading, title, "Kính gửi:", legal bases, the request, the table of
 * proposed titles with their ballot results, attachments, closing, "Nơi nhận:" and signature.
 */
export function buildProposal(year: ScoringYear, result: YearResult, meta: ProposalMeta): DocModel {
  const t = docText.proposal;
  const { cluster } = year;
  const y = cluster.year;
  const council = nfc(meta.councilName ?? t.defaultCouncil);
  const draft = meta.draft === true;
  const body: Block[] = [headingBlock(cluster, meta, t.symbol), ...titleBlock(t.type, t.subject(y), draft)];
  body.push(line(t.to(council), { sizePt: SIZE.body }, { spaceAfterPt: 12 }));
  body.push(...legalBasisParagraphs(year.rules.legalBases, false, basesDay(cluster, meta)));
  if (proposedUnits(result).length === 0) {
    body.push(para(t.none(cluster.name, y)));
  } else {
    body.push(lead(t.body(cluster.name, y, council)));
    body.push(proposalTable(year, result));
    // A unit proposed on incomplete figures is proposed only on the cụm trưởng's recorded reason: say it.
    body.push(...dashList(completenessLines(year, { ...result, units: proposedUnits(result) })));
    body.push(para(t.attachments(y), { spaceBeforePt: 6 }, { italic: true }));
  }
  body.push(para(t.closing(cluster.name, council)));
  body.push(recipientsAndSignature(meta.recipients ?? t.recipients, meta.signer ?? defaultSigner(year)));
  return documentOf('proposal', t.fileTitle(y, cluster.name), body, draft);
}
