/**
 * The steps of a cluster's year, as the people of Cụm thi đua số 9 do them in the sheet: the
 * owner sets up, each unit types its own rows as itself, the team its cross-check column, the
 * cụm trưởng the final column. Scores come from the engine's sample year, so the results can be
 * checked against the engine run on the same figures.
 */
import { expect } from 'vitest';
import { sampleYearConfig } from '../../src/app/sample';
import { setupYear } from '../../src/app/setup';
import { sampleCluster9Year } from '../../src/core/samples';
import { entryInputs } from '../helpers/workbook';
import type { FakeGoogle } from '../fakes/google';
import { LEADER, OWNER, PROVINCES, TEAM, focal } from './world';

export const YEAR = 2021;
/** Rows of the sample table in a unit tab: 5 … 43. */
export const FIRST = 5;
export const LAST = 43;

export function sample() {
  return sampleCluster9Year(YEAR);
}

export function inputsOf(province: string) {
  const y = sample();
  const entries = y.scores.find((s) => s.unitId === province)!.entries;
  return entryInputs(y.criteria, entries, (code) => `Giải trình ${code}`);
}

export function setUp(g: FakeGoogle, user = OWNER): void {
  const r = g.asUser(user, () => setupYear(sampleYearConfig(YEAR)));
  expect(r.ok, r.message).toBe(true);
}

/** Each unit types its result, self-score, explanation and evidence columns, as itself. */
export function fillSelf(g: FakeGoogle, provinces = PROVINCES): void {
  for (const p of provinces) {
    const r = g.userEdit(focal(p), p, `F${FIRST}:I${LAST}`, inputsOf(p).unit);
    expect(r, p).toMatchObject({ ok: true });
  }
}

/** The cross-check team types the cross-check column of every unit. */
export function fillCrossCheck(g: FakeGoogle, provinces = PROVINCES): void {
  for (const p of provinces) {
    const r = g.userEdit(TEAM[0]!, p, `J${FIRST}:J${LAST}`, inputsOf(p).crossCheck);
    expect(r, p).toMatchObject({ ok: true });
  }
}

/** The cụm trưởng types the final column where the cluster agreed a different score. */
export function fillFinal(g: FakeGoogle, provinces = PROVINCES): void {
  for (const p of provinces) {
    const r = g.userEdit(LEADER, p, `K${FIRST}:K${LAST}`, inputsOf(p).final);
    expect(r, p).toMatchObject({ ok: true });
  }
}

/** Set-up and every column filled. */
export function filledYear(g: FakeGoogle): void {
  setUp(g);
  fillSelf(g);
  fillCrossCheck(g);
  fillFinal(g);
}
