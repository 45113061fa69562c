/**
 * The sample year's mid-year round in the playground, lived in June as clusters do it: the cụm
 * trưởng opens it through the bundle's public function, each focal officer pastes its first-half
 * column (one block edit, as from Excel) into the Sơ kết 6 tháng tab as itself, one unit leaving a
 * few rows blank (src/core/samples/midYear.ts), and the cụm trưởng closes it the day before the
 * meeting.
 */
import { sampleMidYearRound } from '../../src/core/samples';
import type { ScoringYear } from '../../src/core/model';
import { a1 } from '../../src/workbook/a1';
import { MID_YEAR_LAYOUT, MID_YEAR_SHEET, unitColumnValues } from '../../src/workbook/midYear';
import type { PlaygroundHost } from './host';

function check(what: string, outcome: { ok: boolean; error?: string; result?: unknown }): void {
  const answer = outcome.result as { ok?: boolean; message?: string } | undefined;
  if (!outcome.ok || answer?.ok === false) throw new Error(`${what}: ${outcome.error || answer?.message}`);
}

export function seedMidYear(
  host: PlaygroundHost, year: number, clerk: string, units: ReadonlyArray<{ id: string; focalEmails: string[] }>,
  sample: ScoringYear,
): void {
  const round = sampleMidYearRound(sample);
  host.at(new Date(`${year}-06-15T01:00:00Z`), () => check('Không mở được đợt sơ kết 6 tháng', host.run(clerk, 'openMidYear', [])));
  host.at(new Date(`${year}-06-24T02:00:00Z`), () => {
    const header = host.google.peek(MID_YEAR_SHEET)[MID_YEAR_LAYOUT.headerRow - 1] ?? [];
    for (const unit of units) {
      const column = header.findIndex((h) => h === unit.id) + 1;
      const input = round.units.find((u) => u.unitId === unit.id);
      const focal = unit.focalEmails[0];
      if (column <= 0 || !input || !focal) continue;
      const values = unitColumnValues(sample.criteria, input);
      const first = MID_YEAR_LAYOUT.firstRow;
      const edit = host.edit(focal, MID_YEAR_SHEET, a1(first, column, first + values.length - 1, column), values);
      if (!edit.ok) throw new Error(`${unit.id} không nhập được cột sơ kết: ${edit.message ?? ''}`);
    }
  });
  host.at(new Date(`${year}-06-29T09:00:00Z`), () => check('Không chốt được sơ kết 6 tháng', host.run(clerk, 'closeMidYear', [])));
}
