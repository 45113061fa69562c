/** Biên bản họp bình xét, suy tôn: the record of the year-end meeting that scores and votes. */
import { docText } from '../../i18n/documents';
import type { ScoringYear } from '../model';
import type { PhaseTotal, UnitResult, YearResult } from '../results';
import {
  dash,
  dashList,
  dataTable,
  documentOf,
  headingBlock,
  layoutTable,
  lead,
  para,
  sectionHeading,
  signatureCell,
  titleBlock,
} from './blocks';
import { TEXT_WIDTH_PT, blankDate, formatNumber, formatPercent, orBlank, vietnameseTime } from './format';
import type { Block, CalendarTime, DocModel, DocumentMeta, Person, Table } from './model';

/** What the minutes need beyond the scoring year and its results. */
export interface MinutesMeta extends DocumentMeta {
  /** When the meeting began; null on a draft whose meeting time is not recorded yet. */
  start: Date | CalendarTime | null;
  /** When it ended; the closing line names it when given. */
  end?: Date | CalendarTime;
  /** Where the meeting took place, e.g. "Hội trường Viện kiểm sát nhân dân tỉnh Bình Dương". */
  venue: string;
  chair: Person;
  secretary: Person;
  /** One line each, e.g. "Đồng chí Huỳnh Văn Lưu, Viện trưởng VKSND tỉnh Đồng Nai". */
  attendees: string[];
  absent?: string[];
  /** Opinions voiced (ý kiến phát biểu, tham luận); null on a draft where it is not recorded yet. */
  opinions?: number | null;
}

/** "Name, title" or the name alone; a missing name is a visible blank, never an empty one before the comma. */
function personText(p: Person): string {
  return p.title !== undefined && p.title.trim() !== '' ? `${orBlank(p.name)}, ${p.title}` : orBlank(p.name);
}

/** A total for a table cell, "—" when the phase has no score. */
export function totalCell(total: PhaseTotal | null): string {
  return total === null ? docText.noValue : formatNumber(total.total);
}

function unitName(year: ScoringYear, id: string): string {
  return year.units.find((u) => u.id === id)?.name ?? id;
}

function titleName(year: ScoringYear, id: string): string {
  return year.rules.titles.find((t) => t.id === id)?.name ?? id;
}

/** The rank, "5 (tạm xếp)" when the unit's figures are incomplete and no reason to proceed was recorded. */
export function rankCell(u: Pick<UnitResult, 'rank' | 'provisional'>): string {
  return u.provisional ? docText.provisionalRank(u.rank) : String(u.rank);
}

/** The score that counts with its source, "79,52 (chấm chéo)"; "—" when the unit has no score. */
export function rankingScoreCell(u: Pick<UnitResult, 'standing' | 'standingPhase'>): string {
  return u.standingPhase === null ? docText.noValue : docText.rankingScore(formatNumber(u.standing.total), docText.source[u.standingPhase] ?? '');
}

/** One line per unit whose figures are incomplete: why, and the reason to proceed when recorded. */
export function completenessLines(year: ScoringYear, result: YearResult): string[] {
  return result.units
    .filter((u) => !u.complete)
    .map((u) => {
      const why = u.incompleteReasons.join('; ');
      return u.proceedReason !== undefined ? docText.proceeded(unitName(year, u.unitId), why, u.proceedReason) : docText.incomplete(unitName(year, u.unitId), why);
    });
}

/** The score table: rank | unit | self | cross-check | final | the score that counts (source) | classification. */
export function minutesScoreTable(year: ScoringYear, result: YearResult): Table {
  return dataTable({
    header: docText.minutes.scoreHeader,
    rows: result.units.map((u) => [
      rankCell(u),
      unitName(year, u.unitId),
      totalCell(u.totals.self),
      totalCell(u.totals.crossCheck),
      totalCell(u.totals.final),
      rankingScoreCell(u),
      u.classification,
    ]),
    widths: [1.3, 3.6, 1.2, 1.2, 1.3, 2, 2.6],
    aligns: ['center', 'left', 'center', 'center', 'center', 'center', 'left'],
  });
}

function ballotBlocks(year: ScoringYear, result: YearResult): Block[] {
  const t = docText.minutes;
  if (result.ballots.length === 0) return [para(t.noBallots)];
  const out: Block[] = [];
  result.ballots.forEach((b, i) => {
    out.push(lead(t.ballotSummary(i + 1, titleName(year, b.titleId), b.issued, b.returned, b.valid, b.invalid)));
    out.push(
      dataTable({
        header: t.ballotHeader,
        rows: b.candidates.map((c) => [
          unitName(year, c.unitId),
          String(c.votes),
          formatPercent(c.percent),
          c.passed ? docText.passed : docText.notPassed,
        ]),
        widths: [5, 2, 1.6, 1.8],
        aligns: ['left', 'center', 'center', 'center'],
      }),
    );
    out.push(
      para(t.threshold(formatPercent(b.thresholdPercent), docText.ballotBase[year.rules.ballotBase]), { spaceBeforePt: 6 }, { italic: true }),
    );
  });
  return out;
}

function conclusionBlocks(year: ScoringYear, result: YearResult): Block[] {
  const t = docText.minutes;
  const out: Block[] = [];
  const proposals = year.rules.titles
    .map((title) => {
      const units = result.units
        .filter((u) => u.proposedTitle?.titleId === title.id)
        .map((u) => (u.proposedTitle?.status === 'awaitingBallot' ? t.awaitingBallot(unitName(year, u.unitId)) : unitName(year, u.unitId)));
      return { name: title.name, units };
    })
    .filter((p) => p.units.length > 0);
  if (proposals.length === 0) {
    out.push(para(t.noProposals));
  } else {
    out.push(lead(t.conclusionIntro));
    for (const p of proposals) out.push(dash(t.conclusionTitle(p.name, p.units.join('; '))));
  }
  for (const u of result.units.filter((x) => !x.eligible)) {
    out.push(dash(t.ineligible(unitName(year, u.unitId), u.ineligibleReasons.join('; '))));
  }
  return out;
}

/**
 * Builds the minutes: heading, title, time, place, chair, secretary, attendees, I. the score
 * table, II. the ballot result per title, III. the conclusion, and the secretary's and chair's
 * signatures side by side (secretary left, chair right, as in the decree's form).
 */
export function buildMinutes(year: ScoringYear, result: YearResult, meta: MinutesMeta): DocModel {
  const t = docText.minutes;
  const { cluster } = year;
  const y = cluster.year;
  const draft = meta.draft === true;
  const body: Block[] = [headingBlock(cluster, meta, t.symbol), ...titleBlock(t.type, t.subject(y), draft)];
  const start = meta.start === null ? docText.timeLine(docText.blank, docText.blank, blankDate(y)) : vietnameseTime(meta.start);
  body.push(para(t.time(start)));
  body.push(para(t.venue(orBlank(meta.venue))));
  body.push(para(t.chair(personText(meta.chair))));
  body.push(para(t.secretary(personText(meta.secretary))));
  body.push(lead(t.attendeesLabel));
  body.push(...dashList(meta.attendees.length > 0 ? meta.attendees : [docText.blank]));
  if (meta.absent !== undefined && meta.absent.length > 0) body.push(para(t.absent(meta.absent.join('; '))));

  if (meta.opinions !== undefined) {
    body.push(para(t.opinions(meta.opinions === null ? docText.blank : String(meta.opinions).padStart(2, '0'))));
  }
  body.push(sectionHeading(t.scoresHeading));
  body.push(lead(t.scoresIntro(result.units.length)));
  body.push(minutesScoreTable(year, result));
  body.push(para(t.scoreNote, { spaceBeforePt: 6 }, { italic: true }));
  // An unfinished year says so: each incomplete unit, and the cụm trưởng's reason to proceed.
  body.push(...dashList(completenessLines(year, result)));

  body.push(sectionHeading(t.ballotsHeading));
  body.push(...ballotBlocks(year, result));

  body.push(sectionHeading(t.conclusionHeading));
  body.push(...conclusionBlocks(year, result));
  // Kept with the signatures below (where the writer can: the HTML / PDF rendering).
  body.push(para(meta.end !== undefined ? t.endAt(vietnameseTime(meta.end)) : t.end, { keepWithNext: true }));

  const half = Math.round((TEXT_WIDTH_PT / 2) * 100) / 100;
  body.push(
    layoutTable(
      [[signatureCell({ titles: [t.secretaryTitle], name: meta.secretary.name }), signatureCell({ titles: [t.chairTitle], name: meta.chair.name })]],
      [half, half],
    ),
  );
  return documentOf('minutes', t.fileTitle(y, cluster.name), body, draft);
}
