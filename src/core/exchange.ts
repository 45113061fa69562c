/**
 * Results the sector can collect: one cluster's year as a versioned JSON file (and CSV), read back
 * and checked at sector level, and the sector roll-up ("Tổng hợp toàn ngành") that ranks the
 * clusters' leading units. Pure: plain data in, plain data out. The schema is documented in
 * README ("Trao đổi dữ liệu / Exchange"); change RESULTS_SCHEMA_VERSION with it.
 */
import { exchangeText } from '../i18n/exchange';
import { normalizeKey } from './input';
import type { ClusterInfo, RuleSet, Unit } from './model';
import { rankWithTieBreaks } from './ranking';
import type { YearResult } from './results';

export const RESULTS_SCHEMA = 'thidua.ketqua';
export const RESULTS_SCHEMA_VERSION = 1;

/** One ballot count of a title, for one candidate unit. */
export interface ExportVote {
  titleId: string;
  title: string;
  votes: number;
  /** Agreeing votes in % of the ballot's base. */
  percent: number;
  passed: boolean;
}

export interface ExportUnit {
  /** Short name, the unit's key in its cluster. */
  unit: string;
  name: string;
  self: number | null;
  crossCheck: number | null;
  agreed: number | null;
  /** The score that counts: the total at the unit's latest phase. */
  score: number;
  maxTotal: number;
  percent: number;
  rank: number;
  classification: string;
  eligible: boolean;
  /** Titles proposed; status "awaitingBallot" while its ballot is not counted. */
  titlesProposed: Array<{ titleId: string; title: string; status: 'proposed' | 'awaitingBallot'; leading: boolean }>;
  votes: ExportVote[];
}

export interface ResultsExport {
  schema: typeof RESULTS_SCHEMA;
  version: number;
  cluster: string;
  year: number;
  /** ISO time of the export. */
  exportedAt: string;
  /** The year was closed (Chốt kết quả) when exported. */
  closed: boolean;
  /** How the cluster ranks: raw total or % of each unit's maximum. */
  rankBy: 'total' | 'percent';
  /** In rank order. */
  units: ExportUnit[];
}

/** CSV columns, in order (the README's table). */
export const CSV_COLUMNS = [
  'cluster', 'year', 'unit', 'name', 'self', 'crossCheck', 'agreed', 'score', 'maxTotal', 'percent', 'rank',
  'classification', 'eligible', 'titlesProposed', 'votes',
] as const;

/** A cell that Excel or Sheets would read as a formula gets a leading apostrophe. */
function csvCell(v: string | number | boolean | null): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The export as CSV: a header row of CSV_COLUMNS, then one row per unit, CRLF line ends (RFC 4180).
 * Titles and votes are joined with "; " in one cell each.
 */
export function resultsCsv(x: ResultsExport): string {
  const rows: Array<Array<string | number | boolean | null>> = [[...CSV_COLUMNS]];
  for (const u of x.units) {
    rows.push([
      x.cluster, x.year, u.unit, u.name, u.self, u.crossCheck, u.agreed, u.score, u.maxTotal, u.percent, u.rank,
      u.classification, u.eligible, u.titlesProposed.map((t) => t.title).join('; '),
      u.votes.map((v) => `${v.title}: ${v.votes} (${v.percent}%)`).join('; '),
    ]);
  }
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A problem with one pasted export; `at` names where it was (a cell, a file name). */
export interface ExchangeProblem {
  at: string;
  message: string;
}

const R = exchangeText.rollUp;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumOrNull = (v: unknown) => v === null || isNum(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

/** The first field of a unit that is missing or of the wrong type, or null. */
function badUnitField(u: unknown): string | null {
  if (!u || typeof u !== 'object') return 'units';
  const x = u as Record<string, unknown>;
  const checks: Array<[string, boolean]> = [
    ['unit', isStr(x.unit) && x.unit.trim() !== ''], ['name', isStr(x.name)], ['self', isNumOrNull(x.self)],
    ['crossCheck', isNumOrNull(x.crossCheck)], ['agreed', isNumOrNull(x.agreed)], ['score', isNum(x.score)],
    ['maxTotal', isNum(x.maxTotal)], ['percent', isNum(x.percent)], ['rank', isNum(x.rank) && Number.isInteger(x.rank) && x.rank >= 1],
    ['classification', isStr(x.classification)], ['eligible', typeof x.eligible === 'boolean'],
    ['titlesProposed', Array.isArray(x.titlesProposed) && x.titlesProposed.every((t) => t && isStr(t.titleId) && isStr(t.title) && typeof t.leading === 'boolean')],
    ['votes', Array.isArray(x.votes) && x.votes.every((v) => v && isStr(v.titleId) && isNum(v.votes) && isNum(v.percent))],
  ];
  return checks.find(([, ok]) => !ok)?.[0] ?? null;
}

/**
 * Reads one export (its text or the parsed object). Checks the schema name and version, then
 * every field the roll-up reads; the first fault is the problem.
 */
export function readResultsExport(input: unknown, at: string): { ok: true; value: ResultsExport } | { ok: false; problem: ExchangeProblem } {
  const fail = (message: string) => ({ ok: false as const, problem: { at, message } });
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch {
      return fail(R.notJson(at));
    }
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return fail(R.notJson(at));
  const x = data as Record<string, unknown>;
  if (x.schema !== RESULTS_SCHEMA) return fail(R.badSchema(at));
  if (x.version !== RESULTS_SCHEMA_VERSION) return fail(R.badVersion(at, String(x.version ?? '?'), RESULTS_SCHEMA_VERSION));
  if (!isStr(x.cluster) || x.cluster.trim() === '') return fail(R.badField(at, 'cluster'));
  if (!isNum(x.year) || !Number.isInteger(x.year)) return fail(R.badField(at, 'year'));
  if (x.rankBy !== 'total' && x.rankBy !== 'percent') return fail(R.badField(at, 'rankBy'));
  if (!Array.isArray(x.units)) return fail(R.badField(at, 'units'));
  for (const u of x.units) {
    const bad = badUnitField(u);
    if (bad) return fail(R.badField(at, `units.${bad}`));
  }
  return { ok: true, value: data as ResultsExport };
}

/** One row of Tổng hợp toàn ngành. */
export interface SectorRow {
  rank: number;
  cluster: string;
  unit: ExportUnit;
  /** The proposed leading title, or null when the cluster's first-ranked unit stands in. */
  title: string | null;
  /** Agreeing votes on the leading title, in %; null without a ballot. */
  votePercent: number | null;
}

export interface SectorRollUp {
  year: number;
  /** Clusters read, in input order. */
  clusters: string[];
  rows: SectorRow[];
  /** How the rows are ranked: % of each unit's maximum when the clusters' maxima differ. */
  rankBy: 'total' | 'percent';
  problems: ExchangeProblem[];
}

/** A cluster's leading unit: the one proposed a leading title, else its first eligible unit by rank. */
function leadingOf(x: ResultsExport): { unit: ExportUnit; title: string | null; votePercent: number | null } | null {
  for (const u of x.units) {
    const t = u.titlesProposed.find((p) => p.leading);
    if (t) return { unit: u, title: t.title, votePercent: u.votes.find((v) => v.titleId === t.titleId)?.percent ?? null };
  }
  const first = [...x.units].filter((u) => u.eligible).sort((a, b) => a.rank - b.rank)[0];
  return first ? { unit: first, title: null, votePercent: null } : null;
}

/**
 * The sector roll-up: each cluster's leading unit, ranked across clusters by the score that counts
 * (the total when every cluster's leading unit has the same maximum, else its %), then by the
 * agreeing votes on its title, with ranking.ts's ties (1, 2, 2, 4). An export of another year
 * (than `year`, default the first export's) or of a cluster already read is a problem and left out.
 */
export function sectorRollUp(inputs: ReadonlyArray<{ at: string; value: unknown }>, year?: number): SectorRollUp {
  const problems: ExchangeProblem[] = [];
  const seen = new Map<string, string>();
  const read: Array<{ at: string; x: ResultsExport }> = [];
  for (const { at, value } of inputs) {
    const r = readResultsExport(value, at);
    if (!r.ok) {
      problems.push(r.problem);
      continue;
    }
    read.push({ at, x: r.value });
  }
  const want = year ?? read[0]?.x.year ?? 0;
  const kept: Array<{ at: string; x: ResultsExport }> = [];
  for (const item of read) {
    const { at, x } = item;
    if (x.year !== want) {
      problems.push({ at, message: R.otherYear(at, x.cluster, x.year, want) });
      continue;
    }
    const key = normalizeKey(x.cluster);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ at, message: R.duplicate(at, x.cluster, first) });
      continue;
    }
    seen.set(key, at);
    kept.push(item);
  }
  const leaders: Array<{ cluster: string; lead: NonNullable<ReturnType<typeof leadingOf>> }> = [];
  for (const { at, x } of kept) {
    const lead = leadingOf(x);
    if (!lead) problems.push({ at, message: R.noLeader(at, x.cluster) });
    else leaders.push({ cluster: x.cluster, lead });
  }
  const maxima = new Set(leaders.map((l) => l.lead.unit.maxTotal));
  const rankBy: 'total' | 'percent' = maxima.size > 1 ? 'percent' : 'total';
  const id = (i: number) => String(i);
  const ranks = rankWithTieBreaks(leaders.map((l, i) => ({
    id: id(i),
    score: rankBy === 'percent' ? l.lead.unit.percent : l.lead.unit.score,
    tieBreakValues: [l.lead.votePercent ?? Number.NaN],
  })));
  const rows: SectorRow[] = leaders
    .map((l, i) => ({ rank: ranks.get(id(i)) as number, cluster: l.cluster, unit: l.lead.unit, title: l.lead.title, votePercent: l.lead.votePercent }))
    .sort((a, b) => a.rank - b.rank || a.cluster.localeCompare(b.cluster, 'vi'));
  return { year: want, clusters: kept.map((k) => k.x.cluster), rows, rankBy, problems };
}

/** What an export is built from: the year's config and the engine's result. */
export interface ExportSource {
  cluster: ClusterInfo;
  units: readonly Unit[];
  rules: RuleSet;
  result: YearResult;
  closed: boolean;
  exportedAt: string;
}

/**
 * The year's results as the exchange file: units in rank order with their three scores, the score
 * that counts, rank, classification, titles proposed and the votes they got.
 */
export function buildResultsExport(s: ExportSource): ResultsExport {
  const byId = new Map(s.units.map((u) => [u.id, u] as const));
  const titles = new Map(s.rules.titles.map((t) => [t.id, t] as const));
  const percentRanked = s.result.units.some((u) => u.rankingScore !== u.standing.total) ||
    (s.rules.rankBy === 'percent');
  return {
    schema: RESULTS_SCHEMA,
    version: RESULTS_SCHEMA_VERSION,
    cluster: s.cluster.name,
    year: s.cluster.year,
    exportedAt: s.exportedAt,
    closed: s.closed,
    rankBy: percentRanked ? 'percent' : 'total',
    units: s.result.units.map((u) => {
      const unit = byId.get(u.unitId);
      const p = u.proposedTitle;
      return {
        unit: unit?.shortName || u.unitId,
        name: unit?.name ?? u.unitId,
        self: u.totals.self?.total ?? null,
        crossCheck: u.totals.crossCheck?.total ?? null,
        agreed: u.totals.final?.total ?? null,
        score: u.standing.total,
        maxTotal: u.standing.maxTotal,
        percent: u.standing.percent,
        rank: u.rank,
        classification: u.classification,
        eligible: u.eligible,
        titlesProposed: p ? [{ titleId: p.titleId, title: p.name, status: p.status, leading: !!titles.get(p.titleId)?.leaderOnly }] : [],
        votes: s.result.ballots.flatMap((b) => b.candidates.filter((c) => c.unitId === u.unitId).map((c) => ({
          titleId: b.titleId, title: titles.get(b.titleId)?.name ?? b.titleId, votes: c.votes, percent: c.percent, passed: c.passed,
        }))),
      };
    }),
  };
}
