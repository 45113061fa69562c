/**
 * Title proposals (đề nghị danh hiệu): each eligible, complete unit, in rank order, gets the
 * highest title it registered for and qualifies for while the title's quota lasts.
 */
import { engineText } from '../i18n/engine';
import { normalizeKey } from './input';
import type { RuleSet, TitleRule } from './model';
import type { BallotResult, Problem, TitleProposal } from './results';

/** What the proposals need to know about a unit. */
export interface TitleCandidate {
  unitId: string;
  /** 1 = first; equal ranks are ties. */
  rank: number;
  /** One of the rule set's band labels. */
  classification: string;
  /** False when a veto row is violated or commendation is deferred. */
  eligible: boolean;
  /**
   * False while the unit's figures are incomplete (not submitted, rows unscored) and the cụm
   * trưởng recorded no reason to proceed: it is proposed for nothing and takes no quota.
   */
  complete: boolean;
  /** Title ids (or names) the unit registered; empty = chưa đăng ký: proposed for nothing. */
  registeredTitles: readonly string[];
}

/** The outcome of proposeTitles. */
export interface TitleProposals {
  /** Every candidate's proposal, null when none. */
  proposals: Map<string, TitleProposal | null>;
  /**
   * Why each candidate is or is not proposed, one short Vietnamese sentence (the caller words
   * the ineligible and incomplete cases itself when it knows more).
   */
  reasons: Map<string, string>;
  problems: Problem[];
}

/**
 * Proposes titles. Titles are tried highest first (rules.titles order). A unit qualifies for a
 * title when it is eligible and complete, its classification is at or above the title's minimum
 * (band order), the title is one it registered or lower than its highest registered one (a unit
 * that registered nothing qualifies for nothing), and — for a title that needs a ballot with a
 * counted ballot in `ballots` — it passed the vote. A leaderOnly title goes only to the unit ranked
 * first among eligible, complete units, and to nobody when that rank is shared. Without a counted
 * ballot a ballot title is 'awaitingBallot' and still takes its quota. When a quota cannot take
 * every unit of a tied rank, none of them gets it and it goes to nobody below.
 * @example proposeTitles([{ unitId: 'A', rank: 1, classification: 'Hoàn thành xuất sắc nhiệm vụ', eligible: true,
 *   complete: true, registeredTitles: ['co-thi-dua'] }], defaultRules(2021)).proposals.get('A')?.status // "awaitingBallot" (the flag, no ballot yet)
 */
export function proposeTitles(
  candidates: readonly TitleCandidate[],
  rules: Pick<RuleSet, 'titles' | 'classificationBands'>,
  ballots: ReadonlyMap<string, BallotResult> = new Map(),
): TitleProposals {
  const t = engineText.titles;
  const why = engineText.proposalReason;
  const problems: Problem[] = [];
  const titles = rules.titles;

  const bandOrder = new Map<string, number>();
  [...rules.classificationBands]
    .sort((a, b) => b.minPercent - a.minPercent)
    .forEach((band, i) => {
      const key = normalizeKey(band.label);
      if (!bandOrder.has(key)) bandOrder.set(key, i);
    });
  const titleMin = titles.map((title) => bandOrder.get(normalizeKey(title.minClassification)));

  const titleByKey = new Map<string, number>();
  titles.forEach((title, i) => {
    for (const key of [normalizeKey(title.id), normalizeKey(title.name)]) if (!titleByKey.has(key)) titleByKey.set(key, i);
  });

  /** Index of the highest title a unit registered; undefined = chưa đăng ký. */
  const highestRegistered = new Map<string, number>();
  for (const c of candidates) {
    for (const registered of c.registeredTitles) {
      const i = titleByKey.get(normalizeKey(registered));
      if (i === undefined) {
        problems.push({ unitId: c.unitId, message: t.unknownRegistered(registered) });
        continue;
      }
      highestRegistered.set(c.unitId, Math.min(i, highestRegistered.get(c.unitId) ?? Infinity));
    }
  }

  const bandOf = new Map(candidates.map((c) => [c.unitId, bandOrder.get(normalizeKey(c.classification))]));

  function qualifies(c: TitleCandidate, ti: number): boolean {
    const title = titles[ti] as TitleRule;
    const min = titleMin[ti];
    const band = bandOf.get(c.unitId);
    if (min === undefined || band === undefined || band > min) return false;
    const highest = highestRegistered.get(c.unitId);
    if (highest === undefined || ti < highest) return false;
    const ballot = title.requiresBallot ? ballots.get(title.id) : undefined;
    if (ballot && !ballot.candidates.some((v) => v.unitId === c.unitId && v.passed)) return false;
    return true;
  }

  const proposals = new Map<string, TitleProposal | null>(candidates.map((c) => [c.unitId, null]));
  const sorted = candidates
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.rank - b.c.rank || a.i - b.i)
    .map((x) => x.c);
  const eligible = sorted.filter((c) => c.eligible && c.complete);
  /** The first reason a unit that qualified for a title did not get it, by unit id. */
  const missed = new Map<string, string>();
  const miss = (units: readonly TitleCandidate[], text: string) => {
    for (const c of units) if (!missed.has(c.unitId)) missed.set(c.unitId, text);
  };
  const firstRank = eligible[0]?.rank;
  const sharedFirst = eligible.filter((c) => c.rank === firstRank).map((c) => c.unitId);

  const remaining = titles.map((title) => title.quota ?? Infinity);
  const blocked = titles.map(() => false);
  for (let start = 0; start < eligible.length; ) {
    const rank = (eligible[start] as TitleCandidate).rank;
    let end = start;
    while (end < eligible.length && (eligible[end] as TitleCandidate).rank === rank) end++;
    let pending = eligible.slice(start, end);
    start = end;
    for (let ti = 0; ti < titles.length && pending.length > 0; ti++) {
      const title = titles[ti] as TitleRule;
      const winners = pending.filter((c) => qualifies(c, ti));
      if (winners.length === 0) continue;
      if (blocked[ti]) {
        miss(winners, why.tie(title.name));
        continue;
      }
      if (title.leaderOnly && rank !== firstRank) {
        miss(winners, why.notLeader(title.name));
        continue;
      }
      if ((remaining[ti] as number) <= 0) {
        miss(winners, why.quotaFull(title.name));
        continue;
      }
      if (title.leaderOnly) {
        if (sharedFirst.length > 1) {
          problems.push({ message: t.leaderTie(title.name, sharedFirst) });
          blocked[ti] = true;
          miss(winners, why.tie(title.name));
          continue;
        }
      }
      if (winners.length > (remaining[ti] as number)) {
        problems.push({ message: t.quotaTie(title.name, winners.map((c) => c.unitId), remaining[ti] as number) });
        blocked[ti] = true;
        miss(winners, why.tie(title.name));
        continue;
      }
      const status = title.requiresBallot && !ballots.has(title.id) ? 'awaitingBallot' : 'proposed';
      for (const c of winners) proposals.set(c.unitId, { titleId: title.id, name: title.name, status });
      remaining[ti] = (remaining[ti] as number) - winners.length;
      pending = pending.filter((c) => !winners.includes(c));
    }
  }

  const reasons = new Map<string, string>();
  for (const c of candidates) {
    const p = proposals.get(c.unitId);
    if (p) {
      reasons.set(c.unitId, p.status === 'proposed' ? why.proposed(p.name, c.classification) : why.awaitingBallot(p.name));
      continue;
    }
    reasons.set(c.unitId, notProposedReason(c));
  }
  return { proposals, reasons, problems };

  /** Why a candidate got nothing, most basic cause first. */
  function notProposedReason(c: TitleCandidate): string {
    if (!c.eligible) return why.ineligible('');
    if (!c.complete) return why.incomplete('');
    const highest = highestRegistered.get(c.unitId);
    if (highest === undefined) return why.notRegistered;
    const missedText = missed.get(c.unitId);
    if (missedText !== undefined) return missedText;
    const band = bandOf.get(c.unitId);
    const reachable = titles.map((_, ti) => ti).filter((ti) => ti >= highest);
    const byBand = reachable.filter((ti) => {
      const min = titleMin[ti];
      return min !== undefined && band !== undefined && band <= min;
    });
    if (byBand.length === 0) return why.belowClassification(c.classification);
    return why.ballotFailed((titles[byBand[0] as number] as TitleRule).name);
  }
}
