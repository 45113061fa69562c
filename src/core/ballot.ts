/** The secret ballot (bỏ phiếu kín) for a title: checked, then counted against the threshold. */
import { engineText } from '../i18n/engine';
import { normalizeKey, round2 } from './input';
import type { Ballot, RuleSet } from './model';
import type { BallotResult, Problem } from './results';

/** What counting needs from a rule set. */
export type BallotRules = Pick<RuleSet, 'titles' | 'ballotThresholdPercent' | 'ballotBase'>;

/** A counted ballot. Only a ballot without problems may decide a title (`counted`). */
export interface BallotCount {
  result: BallotResult;
  problems: Problem[];
  counted: boolean;
}

const COUNT_FIELDS = ['issued', 'returned', 'valid', 'invalid'] as const;

function isCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0;
}

/**
 * Checks and counts one ballot: counts are non-negative integers, returned ≤ issued,
 * valid + invalid = returned, each candidate's votes ≤ valid, candidates are member units
 * (matched by id, ignoring case and diacritics). percent = votes / base × 100 (base: ballots
 * issued or valid, per the rules), 2 decimals; passed = percent ≥ threshold.
 * @example countBallot({ titleId: 'co-thi-dua', issued: 6, returned: 6, valid: 6, invalid: 0, votes: { 'Đồng Nai': 5 } },
 *   defaultRules(2021), ['Đồng Nai']).result.candidates[0] // { unitId: 'Đồng Nai', votes: 5, percent: 83.33, passed: true }
 */
export function countBallot(ballot: Ballot, rules: BallotRules, unitIds: Iterable<string>): BallotCount {
  const t = engineText.ballot;
  const problems: Problem[] = [];
  const rule = rules.titles.find((r) => r.id === ballot.titleId);
  const title = rule?.name ?? ballot.titleId;
  if (!rule) problems.push({ message: t.unknownTitle(ballot.titleId) });

  const counts = { issued: 0, returned: 0, valid: 0, invalid: 0 };
  const ok = { issued: true, returned: true, valid: true, invalid: true };
  for (const field of COUNT_FIELDS) {
    const v = ballot[field];
    if (isCount(v)) counts[field] = v;
    else {
      ok[field] = false;
      problems.push({ message: t.notCount(title, field, v) });
    }
  }
  if (ok.returned && ok.issued && counts.returned > counts.issued) {
    problems.push({ message: t.returnedOverIssued(title, counts.returned, counts.issued) });
  }
  if (ok.valid && ok.invalid && ok.returned && counts.valid + counts.invalid !== counts.returned) {
    problems.push({ message: t.validPlusInvalid(title, counts.valid, counts.invalid, counts.returned) });
  }

  const members = new Map<string, string>();
  for (const id of unitIds) {
    members.set(id, id);
    const key = normalizeKey(id);
    if (!members.has(key)) members.set(key, id);
  }
  const threshold = rules.ballotThresholdPercent;
  const base = rules.ballotBase === 'valid' ? counts.valid : counts.issued;
  const candidates: BallotResult['candidates'] = [];
  for (const [candidate, votes] of Object.entries(ballot.votes ?? {})) {
    const unitId = members.get(candidate) ?? members.get(normalizeKey(candidate));
    if (unitId === undefined) {
      problems.push({ unitId: candidate, message: t.unknownCandidate(title, candidate) });
      continue;
    }
    if (!isCount(votes)) {
      problems.push({ unitId, message: t.badVotes(title, unitId, votes) });
      continue;
    }
    if (ok.valid && votes > counts.valid) problems.push({ unitId, message: t.votesOverValid(title, unitId, votes, counts.valid) });
    const percent = base > 0 ? round2((votes / base) * 100) : 0;
    candidates.push({ unitId, votes, percent, passed: base > 0 && percent >= threshold - 1e-9 });
  }

  return {
    result: { titleId: ballot.titleId, ...counts, thresholdPercent: threshold, candidates },
    problems,
    counted: problems.length === 0,
  };
}
