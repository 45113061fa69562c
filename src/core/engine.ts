/**
 * The scoring year end to end: criteria tree → every unit's totals → standing, rank,
 * classification, eligibility → ballots → title proposals. Plain data in, plain data out.
 */
import { engineText } from '../i18n/engine';
import { countBallot } from './ballot';
import { classify } from './classification';
import { buildCriteriaTree, type CriteriaTree, type CriterionNode } from './criteria';
import { unitEligibility } from './eligibility';
import { cleanText, round2 } from './input';
import type { RuleSet, ScoringYear, Unit, UnitScores } from './model';
import { rankWithTieBreaks } from './ranking';
import { scoreGap, unitCompleteness } from './standing';
import type { BallotResult, Problem, UnitResult, YearResult } from './results';
import { checkRules } from './rules';
import { bestRatios, findNode, scoreUnit, type UnitScoring } from './scoring';
import { proposeTitles } from './titles';

/**
 * Computes the whole year. Units come back in ranking order (ties in the order of year.units);
 * problems list everything wrong with the input, in the order criteria, rules, units and scores,
 * ballots, titles. The input is not changed.
 * @example computeYear(sampleCluster9Year()).units[0].proposedTitle?.titleId // "co-thi-dua"
 */
export function computeYear(year: ScoringYear): YearResult {
  const t = engineText.engine;
  const pr = engineText.proposalReason;
  const { rules, cluster } = year;
  const problems: Problem[] = [];

  const units: Unit[] = [];
  const unitIds = new Set<string>();
  for (const unit of year.units) {
    if (unitIds.has(unit.id)) {
      problems.push({ unitId: unit.id, message: t.duplicateUnit(unit.id) });
      continue;
    }
    unitIds.add(unit.id);
    units.push(unit);
  }
  const roles = [
    ['leader', cluster.leaderUnitId],
    ['deputy', cluster.deputyUnitId],
    ['host', cluster.hostUnitId],
  ] as const;
  for (const [role, id] of roles) {
    if (id && !unitIds.has(id)) problems.push({ unitId: id, message: t.unknownClusterUnit(role, id) });
  }

  const scoresById = new Map<string, UnitScores>();
  for (const scores of year.scores) {
    if (!unitIds.has(scores.unitId)) problems.push({ unitId: scores.unitId, message: t.unknownUnit(scores.unitId) });
    else if (scoresById.has(scores.unitId)) problems.push({ unitId: scores.unitId, message: t.duplicateScores(scores.unitId) });
    else scoresById.set(scores.unitId, scores);
  }
  const allScores = [...scoresById.values()];

  const tree = buildCriteriaTree(year.criteria);
  problems.push(...treeProblems(tree, allScores), ...checkRules(rules));

  const best = bestRatios(tree, allScores);
  const scorings = units.map((unit) => scoreUnit(tree, rules, scoresById.get(unit.id) ?? { unitId: unit.id, entries: [] }, best));
  for (const s of scorings) problems.push(...s.problems);

  const byPercent = rankByPercent(rules, scorings);
  const rankingScores = scorings.map((s) => (byPercent ? s.standing.percent : s.standing.total));
  const tieValues = tieBreakValues(tree, rules, units, scorings, problems);
  const ranks = rankWithTieBreaks(
    units.map((unit, i) => ({ id: unit.id, score: rankingScores[i] as number, tieBreakValues: tieValues[i] as number[] })),
  );
  const classifications = scorings.map((s) => classify(s.standing.percent, rules.classificationBands));
  const eligibilities = units.map((unit, i) => unitEligibility(unit, (scorings[i] as UnitScoring).standing));
  const submitted = year.submitted === undefined ? null : new Set(year.submitted);
  const completeness = units.map((unit, i) => unitCompleteness(submitted === null || submitted.has(unit.id), (scorings[i] as UnitScoring).standing));
  const proceed = units.map((unit) => cleanText(year.proceedReasons?.[unit.id]));

  const ballots: BallotResult[] = [];
  const counted = new Map<string, BallotResult>();
  const ballotTitles = new Set<string>();
  for (const ballot of year.ballots) {
    if (ballotTitles.has(ballot.titleId)) {
      const name = rules.titles.find((r) => r.id === ballot.titleId)?.name ?? ballot.titleId;
      problems.push({ message: engineText.ballot.duplicate(name) });
      continue;
    }
    ballotTitles.add(ballot.titleId);
    const count = countBallot(ballot, rules, unitIds);
    ballots.push(count.result);
    problems.push(...count.problems);
    if (count.counted) counted.set(ballot.titleId, count.result);
  }

  const titles = proposeTitles(
    units.map((unit, i) => ({
      unitId: unit.id,
      rank: ranks.get(unit.id) as number,
      classification: classifications[i] as string,
      eligible: (eligibilities[i] as { eligible: boolean }).eligible,
      complete: (completeness[i] as { complete: boolean }).complete || proceed[i] !== '',
      registeredTitles: unit.registeredTitles ?? [],
    })),
    rules,
    counted,
  );
  problems.push(...titles.problems);

  const results: UnitResult[] = units.map((unit, i) => {
    const s = scorings[i] as UnitScoring;
    const eligibility = eligibilities[i] as { eligible: boolean; reasons: string[] };
    const done = completeness[i] as { complete: boolean; reasons: string[] };
    const reason = proceed[i] as string;
    const proceeded = !done.complete && reason !== '';
    let proposalReason = titles.reasons.get(unit.id) as string;
    if (!eligibility.eligible) proposalReason = pr.ineligible(eligibility.reasons.join('; '));
    else if (!done.complete && !proceeded) proposalReason = pr.incomplete(done.reasons.join('; '));
    else if (proceeded) proposalReason = `${proposalReason} (${pr.proceeded(reason)})`;
    const out: UnitResult = {
      unitId: unit.id,
      totals: s.totals,
      standingPhase: s.standingPhase,
      standing: s.standing,
      gap: scoreGap(s.totals.self?.total, s.standing.total, s.standingPhase),
      rank: ranks.get(unit.id) as number,
      rankingScore: rankingScores[i] as number,
      classification: classifications[i] as string,
      eligible: eligibility.eligible,
      ineligibleReasons: eligibility.reasons,
      proposedTitle: titles.proposals.get(unit.id) ?? null,
      complete: done.complete,
      incompleteReasons: done.reasons,
      provisional: !done.complete && !proceeded,
      proposalReason,
    };
    if (proceeded) out.proceedReason = reason;
    return out;
  });
  const order = results.map((r, i) => ({ r, i })).sort((a, b) => a.r.rank - b.r.rank || a.i - b.i);
  return { units: order.map((x) => x.r), ballots, problems };
}

/**
 * The table's problems, less "no target" on a quantitative row whose target every unit with a
 * result supplies itself (police-sector tables set targets per unit).
 */
function treeProblems(tree: CriteriaTree, allScores: readonly UnitScores[]): Problem[] {
  if (!tree.problems.some((p) => p.field === 'target')) return tree.problems;
  const own = new Set<string>();
  const lacking = new Set<string>();
  for (const scores of allScores) {
    for (const entry of scores.entries) {
      const hasTarget = entry.target !== undefined && entry.target !== null;
      const hasResult = entry.result !== undefined && entry.result !== null;
      if (!hasTarget && !hasResult) continue;
      const node = findNode(tree, entry.code);
      if (!node || node.kind !== 'quantitative') continue;
      if (hasTarget) own.add(node.key);
      else if (!entry.notApplicable) lacking.add(node.key);
    }
  }
  return tree.problems.filter((p) => {
    if (p.field !== 'target' || p.code === undefined) return true;
    const node = findNode(tree, p.code);
    const missing = node !== undefined && (node.criterion.target === undefined || node.criterion.target === null);
    return !(missing && own.has((node as CriterionNode).key) && !lacking.has((node as CriterionNode).key));
  });
}

/** 'auto' ranks by % when the units' maxima differ (rows not applicable), else by total. */
function rankByPercent(rules: RuleSet, scorings: readonly UnitScoring[]): boolean {
  if (rules.rankBy !== 'auto') return rules.rankBy === 'percent';
  const maxima = new Set(scorings.map((s) => round2(s.standing.maxTotal)));
  return maxima.size > 1;
}

/** Each unit's tie-break values at its standing phase, in the order of rules.tieBreaks. */
function tieBreakValues(
  tree: CriteriaTree,
  rules: RuleSet,
  units: readonly Unit[],
  scorings: readonly UnitScoring[],
  problems: Problem[],
): number[][] {
  const nodes = rules.tieBreaks.map((tb) => {
    if (tb.kind !== 'criterion') return undefined;
    const node = findNode(tree, tb.code);
    if (!node) problems.push({ code: tb.code, message: engineText.engine.unknownTieBreak(tb.code) });
    return node;
  });
  return units.map((unit, i) => {
    const standing = (scorings[i] as UnitScoring).standing;
    return rules.tieBreaks.map((tb, k) => {
      if (tb.kind === 'femaleMajority') return unit.femaleMajority ? 1 : 0;
      const node = nodes[k];
      if (!node) return 0;
      if (node.kind === 'group') return standing.sections[node.code] ?? 0;
      return standing.rows[node.index]?.points ?? 0;
    });
  });
}
