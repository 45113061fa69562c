import { describe, expect, it } from 'vitest';
import { computeYear } from '../../src/core/engine';
import { buildResultsExport, CSV_COLUMNS, readResultsExport, resultsCsv, RESULTS_SCHEMA_VERSION, sectorRollUp, type ResultsExport } from '../../src/core/exchange';
import { sampleCluster9Year } from '../../src/core/samples';

function exported(year = 2021): ResultsExport {
  const y = sampleCluster9Year(year);
  return buildResultsExport({ cluster: y.cluster, units: y.units, rules: y.rules, result: computeYear(y), closed: false, exportedAt: '2021-11-15T02:00:00.000Z' });
}

/** Another cluster: the sample renamed, its scores scaled so the clusters differ. */
function other(name: string, scale: number, maxTotal?: number): ResultsExport {
  const x = structuredClone(exported());
  x.cluster = name;
  x.units = x.units.map((u) => ({ ...u, unit: `${u.unit} (${name})`, score: Math.round(u.score * scale * 100) / 100, percent: Math.round(u.percent * scale * 100) / 100, maxTotal: maxTotal ?? u.maxTotal }));
  return x;
}

describe('the results export', () => {
  it('carries the schema, its version, the cluster and year, and each unit in rank order with its scores, rank, titles and votes', () => {
    const y = sampleCluster9Year(2021);
    const r = computeYear(y);
    const x = exported();
    expect(x).toMatchObject({ schema: 'thidua.ketqua', version: RESULTS_SCHEMA_VERSION, cluster: y.cluster.name, year: 2021, closed: false });
    expect(x.units.map((u) => u.rank)).toEqual(r.units.map((u) => u.rank));
    const first = r.units[0]!;
    expect(x.units[0]).toMatchObject({
      unit: first.unitId, self: first.totals.self?.total ?? null, crossCheck: first.totals.crossCheck?.total ?? null,
      agreed: first.totals.final?.total ?? null, score: first.standing.total, percent: first.standing.percent, classification: first.classification,
    });
    const flag = y.rules.titles.find((t) => t.leaderOnly)!;
    const leading = x.units.filter((u) => u.titlesProposed.some((t) => t.leading));
    expect(leading.length).toBeLessThanOrEqual(1);
    if (leading[0]) expect(leading[0].titlesProposed[0]!.titleId).toBe(flag.id);
    // Votes come from the ballots, one line per title the unit was a candidate for.
    for (const b of r.ballots) for (const c of b.candidates) {
      const u = x.units.find((e) => e.unit === c.unitId)!;
      expect(u.votes).toContainEqual(expect.objectContaining({ titleId: b.titleId, votes: c.votes, percent: c.percent, passed: c.passed }));
    }
    expect(readResultsExport(JSON.stringify(x), 'A2')).toEqual({ ok: true, value: x });
  });

  it('writes CSV with the documented columns, one row per unit, quoting commas and neutralising formulas', () => {
    const x = exported();
    x.units[0]!.name = '=HYPERLINK("http://x")';
    x.units[1]!.name = 'VKSND tỉnh A, B';
    const csv = resultsCsv(x);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(x.units.length + 2);
    expect(lines[lines.length - 1]).toBe('');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines[2]).toContain('"VKSND tỉnh A, B"');
  });
});

describe('reading an export back', () => {
  it('refuses text that is not JSON, another schema, another version, and a field of the wrong type, naming the cell', () => {
    const x = exported();
    const no = (v: unknown) => {
      const r = readResultsExport(v, 'A3');
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.problem.message;
    };
    expect(no('{not json')).toContain('Ô A3: không đọc được');
    expect(no(JSON.stringify({ ...x, schema: 'other' }))).toContain('không phải tệp kết quả');
    expect(no(JSON.stringify({ ...x, version: 2 }))).toContain('phiên bản 2');
    expect(no(JSON.stringify({ ...x, year: '2021' }))).toContain('“year”');
    expect(no(JSON.stringify({ ...x, units: [{ ...x.units[0], score: 'tám' }] }))).toContain('“units.score”');
    expect(readResultsExport(`\uFEFF${JSON.stringify(x)}`, 'A4').ok).toBe(true);
  });
});

describe('the sector roll-up', () => {
  it('ranks the clusters’ leading units by the score that counts, ties sharing a rank, and reports other years and repeated clusters', () => {
    const a = exported();
    const b = other('Cụm thi đua số 4', 1.05);
    const c = other('Cụm thi đua số 2', 0.9);
    const lateYear = { ...other('Cụm thi đua số 1', 1), year: 2020 };
    const again = other('cụm thi đua SỐ 4', 1.2);
    const r = sectorRollUp([
      { at: 'A2', value: JSON.stringify(a) }, { at: 'A3', value: JSON.stringify(b) }, { at: 'A4', value: c },
      { at: 'A5', value: JSON.stringify(lateYear) }, { at: 'A6', value: JSON.stringify(again) }, { at: 'A7', value: 'xin chào' },
    ]);
    expect(r.year).toBe(2021);
    expect(r.clusters).toEqual([a.cluster, 'Cụm thi đua số 4', 'Cụm thi đua số 2']);
    expect(r.rankBy).toBe('total');
    expect(r.rows.map((x) => [x.rank, x.cluster])).toEqual([[1, 'Cụm thi đua số 4'], [2, a.cluster], [3, 'Cụm thi đua số 2']]);
    expect(r.rows[0]!.unit.score).toBeGreaterThan(r.rows[1]!.unit.score);
    expect(r.problems.map((p) => p.at)).toEqual(['A7', 'A5', 'A6']);
    expect(r.problems[1]!.message).toContain('năm 2020, không phải năm 2021');
    expect(r.problems[2]!.message).toContain('đã có ở ô A3');
  });

  it('ranks by % when the clusters use different scales, splits equal scores by agreeing votes, and uses the first eligible unit of a cluster without a proposed flag', () => {
    const a = other('Cụm A', 1);
    const b = other('Cụm B', 1, 1000);
    const r1 = sectorRollUp([{ at: 'A2', value: a }, { at: 'A3', value: b }]);
    expect(r1.rankBy).toBe('percent');
    expect(r1.rows.map((x) => x.rank)).toEqual([1, 1]);
    const lead = (x: ResultsExport) => x.units.find((u) => u.titlesProposed.some((t) => t.leading)) ?? x.units[0]!;
    const withVotes = (x: ResultsExport, percent: number) => {
      const u = lead(x);
      const t = u.titlesProposed.find((p) => p.leading) ?? { titleId: 'co', title: 'Cờ', status: 'proposed' as const, leading: true };
      u.titlesProposed = [t];
      u.votes = [{ titleId: t.titleId, title: t.title, votes: 5, percent, passed: true }];
      return x;
    };
    const r2 = sectorRollUp([{ at: 'A2', value: withVotes(other('Cụm A', 1), 83.33) }, { at: 'A3', value: withVotes(other('Cụm B', 1), 100) }]);
    expect(r2.rows.map((x) => [x.rank, x.cluster, x.votePercent])).toEqual([[1, 'Cụm B', 100], [2, 'Cụm A', 83.33]]);
    const noFlag = other('Cụm C', 1);
    noFlag.units.forEach((u) => { u.titlesProposed = []; });
    const r3 = sectorRollUp([{ at: 'A2', value: noFlag }]);
    expect(r3.rows[0]).toMatchObject({ rank: 1, title: null, unit: { rank: noFlag.units.filter((u) => u.eligible).sort((p, q) => p.rank - q.rank)[0]!.rank } });
  });
});
