import { describe, expect, it } from 'vitest';
import { buildCovenant, buildMinutes, buildProposal, buildReport, renderHtml } from '../../../src/core/documents';
import { computeYear } from '../../../src/core/engine';
import { sampleCluster9Year } from '../../../src/core/samples';
import { SAMPLE_MEETING, allStrings, tables } from './fixtures';

const year = sampleCluster9Year(2021);
const result = computeYear(year);
const meta = { number: 1, date: { y: 2021, m: 1, d: 9 } };
const docs = [
  buildCovenant(year, meta),
  buildMinutes(year, result, {
    ...meta,
    ...SAMPLE_MEETING,
  }),
  buildReport(year, result, meta),
  buildProposal(year, result, meta),
];

describe('documents of the sample year (Cụm thi đua số 9, six units, computed by the engine)', () => {
  it('signs the covenant in two rows of three', () => {
    const grid = tables(docs[0]!).at(-1)!;
    expect(grid.cells.filter((_, r) => r % 3 === 0).map((row) => row.filter((c) => c !== '').length)).toEqual([3, 3]);
  });

  it('has a criteria table of 100 points with every row of the sample table', () => {
    const criteria = tables(docs[0]!)[1]!;
    expect([criteria.cells.length, criteria.cells.at(-1)![2]]).toEqual([1 + year.criteria.rows.length + 1, '100']);
  });

  it('keeps every string NFC in all four documents', () => {
    expect(docs.flatMap(allStrings).filter((s) => s !== s.normalize('NFC'))).toEqual([]);
  });

  it('renders all four documents to HTML', () => {
    expect(docs.map((d) => renderHtml(d).includes('</html>'))).toEqual([true, true, true, true]);
  });
});
