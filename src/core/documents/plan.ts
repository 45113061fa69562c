/**
 * Kế hoạch công tác thi đua, khen thưởng năm N của Cụm (symbol "…/KH-CTĐ9"): presented by the
 * cụm trưởng at the signing conference. Purposes, the year's movements (regular ones, then the
 * thematic ones and short campaigns with their dates and owners), the timetable of the year
 * from Thời hạn các bước and the meetings, the organisation, then "Nơi nhận:" and the signature.
 */
import { docText } from '../../i18n/documents';
import type { Deadlines } from '../deadlines';
import type { ScoringYear } from '../model';
import { sortMovements, type Movement } from '../movements';
import {
  basesDay,
  dash,
  dataTable,
  defaultSigner,
  documentOf,
  headingBlock,
  lead,
  legalBasisParagraphs,
  para,
  recipientsAndSignature,
  sectionHeading,
  titleBlock,
} from './blocks';
import { criteriaTree } from './criteria';
import { formatNumber, nfc, orBlank, shortDate, vietnameseTime } from './format';
import type { Block, CalendarDate, CalendarTime, DocModel, DocumentMeta, Signer, Table } from './model';

/** What the plan needs beyond the scoring year. */
export interface PlanMeta extends DocumentMeta {
  /** The Phong trào thi đua block, as typed. */
  movements: readonly Movement[];
  /** Thời hạn các bước. */
  deadlines?: Deadlines;
  /** The covenant's signing day (the conference where the plan is agreed). */
  covenantDate?: CalendarDate | null;
  /** The mid-year meeting and its form or venue ("trực tuyến"). */
  midYearMeeting?: CalendarTime | null;
  midYearVenue?: string;
  /** The year-end meeting (bình xét, suy tôn), when no ballot deadline is set. */
  yearEndMeeting?: CalendarTime | null;
  purposes?: string[];
  signer?: Signer;
  recipients?: string[];
}

/** "(từ ngày 01/4/2021 đến ngày 30/6/2021; đơn vị, người phụ trách: …)" after the name. */
function movementText(m: Movement, year: number): string {
  const t = docText.plan;
  const parts: string[] = [];
  if (m.kind === 'regular' && m.from === null && m.to === null) parts.push(t.allYear(year));
  else if (m.from !== null && m.to !== null) parts.push(t.span(shortDate(m.from), shortDate(m.to)));
  // A thematic movement lacks a date: a draft shows the blank to fill in (a final plan has both).
  else if (m.kind === 'thematic') parts.push(t.span(m.from ? shortDate(m.from) : orBlank(''), m.to ? shortDate(m.to) : orBlank('')));
  else if (m.from !== null) parts.push(t.since(shortDate(m.from)));
  else if (m.to !== null) parts.push(t.until(shortDate(m.to)));
  if (m.owner.trim() !== '') parts.push(t.owner(m.owner.trim()));
  return t.movementLine(nfc(m.name).trim(), parts);
}

function movementList(list: readonly Movement[], year: number, draft: boolean): Block[] {
  if (list.length === 0) return [para(draft ? orBlank('') : docText.plan.noMovement)];
  return list.map((m, i) => dash(`${movementText(m, year)}${i === list.length - 1 ? '.' : ';'}`));
}

function dayOf(d: CalendarDate | CalendarTime | string | null | undefined): string | null {
  if (d === null || d === undefined || d === '') return null;
  return shortDate(typeof d === 'string' ? d : { y: d.y, m: d.m, d: d.d });
}

/**
 * The timetable: covenant, registration, mid-year review, self-scoring, cross-check, agreement,
 * ballot, each with its date ("Cụm trưởng thông báo sau" when none is set) and who does it.
 */
export function planTimetable(meta: PlanMeta): Table {
  const t = docText.plan;
  const S = t.steps;
  const dl = meta.deadlines ?? {};
  const rows: Array<[string, string | null, string]> = [
    [S.covenant, dayOf(meta.covenantDate), t.leaderAndUnits],
    [S.registration, dayOf(dl.registration), t.everyUnit],
    [S.midYear, dayOf(meta.midYearMeeting), t.leaderAndUnits],
    [S.selfScore, dayOf(dl.selfScore), t.everyUnit],
    [S.crossCheck, dayOf(dl.crossCheck), t.team],
    [S.agreement, dayOf(dl.agreement), t.leaderAndUnits],
    [S.ballot, dayOf(dl.ballot) ?? dayOf(meta.yearEndMeeting), t.leaderAndUnits],
  ];
  // Dated steps in date order (registration may close before the covenant is signed); steps
  // without a date keep their place.
  const key = (when: string) => when.split('/').reverse().map((x) => x.padStart(2, '0')).join('');
  const slots = rows.map((r, i) => (r[1] === null ? -1 : i)).filter((i) => i >= 0);
  const dated = slots.map((i) => rows[i]!).sort((a, b) => (key(a[1]!) < key(b[1]!) ? -1 : key(a[1]!) > key(b[1]!) ? 1 : 0));
  slots.forEach((slot, k) => {
    rows[slot] = dated[k]!;
  });
  return dataTable({
    header: t.timetableHeader,
    rows: rows.map(([what, when, who], i) => [String(i + 1), what, when ?? t.notYetSet, who]),
    widths: [0.9, 5.2, 2.4, 2.6],
    aligns: ['center', 'left', 'center', 'left'],
  });
}

function unitName(year: ScoringYear, id: string): string {
  return year.units.find((u) => u.id === id)?.name ?? id;
}

/** Builds the plan of a year. */
export function buildPlan(year: ScoringYear, meta: PlanMeta): DocModel {
  const t = docText.plan;
  const { cluster } = year;
  const y = cluster.year;
  const draft = meta.draft === true;
  const body: Block[] = [headingBlock(cluster, meta, t.symbol), ...titleBlock(t.type, t.subject(y), draft)];
  body.push(...legalBasisParagraphs(year.rules.legalBases, true, basesDay(cluster, meta)));
  body.push(para(t.intro(cluster.name, y)));

  body.push(sectionHeading(t.purposeHeading));
  body.push(...(meta.purposes ?? t.purposes(cluster.name, y)).map((p, i) => para(`${i + 1}. ${p}`)));

  body.push(sectionHeading(t.contentHeading));
  const movements = sortMovements(meta.movements.filter((m) => nfc(m.name).trim() !== ''));
  const regular = movements.filter((m) => m.kind === 'regular');
  const thematic = movements.filter((m) => m.kind === 'thematic');
  body.push(lead(t.regularHeading, {}, { bold: true }));
  body.push(...movementList(regular, y, draft));
  body.push(lead(t.thematicHeading(2), {}, { bold: true }));
  body.push(...movementList(thematic, y, draft));
  body.push(para(t.criteriaLine(3, y, formatNumber(criteriaTree(year.criteria).standardMax))));

  body.push(sectionHeading(t.timetableHeading));
  body.push(lead(t.timetableIntro));
  body.push(planTimetable(meta));
  const venue = nfc(meta.midYearVenue ?? '').trim();
  if (meta.midYearMeeting && venue !== '') body.push(para(t.midYearMeeting(vietnameseTime(meta.midYearMeeting), venue), { spaceBeforePt: 6 }));

  body.push(sectionHeading(t.organisationHeading));
  t.organisation(unitName(year, cluster.leaderUnitId), unitName(year, cluster.deputyUnitId)).forEach((text, i) => body.push(para(`${i + 1}. ${text}`)));
  body.push(recipientsAndSignature(meta.recipients ?? t.recipients, meta.signer ?? defaultSigner(year)));
  return documentOf('plan', t.fileTitle(y, cluster.name), body, draft);
}
