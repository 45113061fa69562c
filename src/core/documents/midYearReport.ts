/**
 * Báo cáo sơ kết công tác thi đua 6 tháng đầu năm: from the mid-year review (src/core/midYear.ts)
 * — I. each unit's first-half self-score, percentage, provisional classification, rank and its
 * progress against the titles it registered; II. the good practices units wrote; III. the
 * second half's tasks — then "Nơi nhận:" and the signature.
 */
import { docText } from '../../i18n/documents';
import type { MidYearReview, MidYearUnitResult } from '../midYear';
import type { ScoringYear } from '../model';
import {
  dataTable,
  defaultSigner,
  documentOf,
  headingBlock,
  lead,
  para,
  recipientsAndSignature,
  run,
  sectionHeading,
  titleBlock,
} from './blocks';
import { formatNumber, formatPercent, nfc, orBlank, vietnameseTime } from './format';
import type { Block, CalendarTime, DocModel, DocumentMeta, Signer, Table } from './model';

/** What the báo cáo sơ kết needs beyond the year and the review. */
export interface MidYearReportMeta extends DocumentMeta {
  /** "Nhiệm vụ 6 tháng cuối năm n" rows. */
  tasks: readonly string[];
  /** The mid-year meeting and its form or venue, named in the introduction when given. */
  meeting?: CalendarTime | null;
  venue?: string;
  signer?: Signer;
  recipients?: string[];
}

function unitName(year: ScoringYear, id: string): string {
  return year.units.find((u) => u.id === id)?.name ?? id;
}

/** Did the unit type nothing at all? Every row it must answer is blank. */
function notScored(u: MidYearUnitResult): boolean {
  return u.unscored > 0 && u.total === 0 && u.rank === null;
}

function progressCell(u: MidYearUnitResult): string {
  const t = docText.midYearReport;
  if (u.progress.length === 0) return t.notRegistered;
  return u.progress.map((p) => (p.onTrack ? t.onTrack(p.titleName) : t.offTrack(p.titleName, p.needs))).join('; ');
}

/** The results table, units in the review's order (rank order, unranked last). */
export function midYearTable(year: ScoringYear, review: MidYearReview): Table {
  const t = docText.midYearReport;
  // One maximum for all (the usual case): said once in the heading, the cells hold the score alone.
  const maxima = new Set(review.units.map((u) => u.maxTotal));
  const oneMax = maxima.size === 1 ? [...maxima][0]! : null;
  const header = [...t.header];
  if (oneMax !== null) header[2] = t.scoreOf(formatNumber(oneMax));
  return dataTable({
    header,
    rows: review.units.map((u, i) => {
      const blank = notScored(u);
      return [
        String(i + 1),
        unitName(year, u.unitId),
        blank ? t.notScored : oneMax !== null ? formatNumber(u.total) : `${formatNumber(u.total)}/${formatNumber(u.maxTotal)}`,
        blank ? docText.noValue : formatPercent(u.percent),
        blank ? docText.noValue : u.classification,
        u.rank === null ? t.unranked : String(u.rank),
        progressCell(u),
      ];
    }),
    widths: [0.6, 2.9, 1.5, 1.4, 2.1, 1.1, 3.3],
    aligns: ['center', 'left', 'center', 'center', 'left', 'center', 'left'],
  });
}

/** Notes under the table: units with blank rows, units that typed nothing, vetoes. */
function unitNotes(year: ScoringYear, review: MidYearReview): string[] {
  const t = docText.midYearReport;
  const out: string[] = [];
  for (const u of review.units) {
    const name = unitName(year, u.unitId);
    if (notScored(u)) out.push(t.notScoredNote(name));
    else if (u.unscored > 0) out.push(t.unscoredNote(name, u.unscored));
    if (u.vetoed) out.push(t.vetoNote(name));
  }
  return out;
}

/** Builds the báo cáo sơ kết 6 tháng of a year. */
export function buildMidYearReport(year: ScoringYear, review: MidYearReview, meta: MidYearReportMeta): DocModel {
  const t = docText.midYearReport;
  const { cluster } = year;
  const y = cluster.year;
  const draft = meta.draft === true;
  const body: Block[] = [headingBlock(cluster, meta, t.symbol), ...titleBlock(t.type, t.subject(y), draft)];
  body.push(para(t.intro(cluster.name, y)));
  if (meta.meeting) {
    const venue = nfc(meta.venue ?? '').trim();
    body.push(para(t.meeting(venue === '' ? vietnameseTime(meta.meeting) : `${vietnameseTime(meta.meeting)}, ${venue}`)));
  }
  if (review.state === 'open') body.push(para(t.provisional, {}, { italic: true }));

  body.push(sectionHeading(t.resultsHeading));
  body.push(lead(t.resultsIntro(review.units.length)));
  body.push(midYearTable(year, review));
  body.push(para(t.scoreNote, { spaceBeforePt: 6 }, { italic: true }));
  for (const note of unitNotes(year, review)) body.push(para(`- ${note}`));

  body.push(sectionHeading(t.practicesHeading));
  const practices = review.units.filter((u) => nfc(u.goodPractice).trim() !== '');
  if (practices.length === 0) body.push(para(t.noPractice));
  practices.forEach((u, i) => {
    body.push(para([run(`${i + 1}. ${unitName(year, u.unitId)}: `, { bold: true }), run(nfc(u.goodPractice).trim())]));
  });

  body.push(sectionHeading(t.tasksHeading(y)));
  const tasks = meta.tasks.map((x) => nfc(x).trim().replace(/[;.]+$/, '')).filter((x) => x !== '');
  if (tasks.length === 0) body.push(para(`1. ${orBlank('')}`));
  tasks.forEach((task, i) => body.push(para(`${i + 1}. ${task}${i === tasks.length - 1 ? '.' : ';'}`)));
  body.push(para(t.closing, { keepWithNext: true }));
  body.push(recipientsAndSignature(meta.recipients ?? t.recipients, meta.signer ?? defaultSigner(year)));
  return documentOf('midYearReport', t.fileTitle(y, cluster.name), body, draft);
}
