/**
 * Sơ kết 6 tháng: the calls of opening the round (a new tab, then again with nothing to add), the
 * sidebar's read of it, closing it once every unit typed its column, reopening it, and loadMidYearReview (what
 * the báo cáo sơ kết adds to read the round: the tab, once). One execution each, calls counted from
 * zero; the units' typing is not counted.
 */
import { useServices } from '../../src/adapters/services';
import { openContext } from '../../src/app/context';
import { loadMidYearReview } from '../../src/app/midYear';
import { sampleMidYearRound } from '../../src/core/samples';
import { a1 } from '../../src/workbook/a1';
import { MID_YEAR_LAYOUT, MID_YEAR_SHEET, unitColumnValues } from '../../src/workbook/midYear';
import { meteredCalls } from './meter';
import { OWNER, prepareYear, actionRow, type ActionRow } from './world';

export type MidYearRow = ActionRow;

const row = actionRow;

export function benchMidYear(units: number, criteria: number): MidYearRow[] {
  const { world, year } = prepareYear(units, criteria);
  const out: MidYearRow[] = [];
  out.push(row('openMidYear', units, criteria, world.execute('openMidYear', [], OWNER)));
  out.push(row('openMidYear (again)', units, criteria, world.execute('openMidYear', [], OWNER)));
  // Each focal officer pastes its column, as itself (not counted).
  const round = sampleMidYearRound(year);
  const header = world.google.peek(MID_YEAR_SHEET)[MID_YEAR_LAYOUT.headerRow - 1] ?? [];
  for (const unit of year.units) {
    const column = header.indexOf(unit.id) + 1;
    const values = unitColumnValues(year.criteria, round.units.find((u) => u.unitId === unit.id)!);
    const first = MID_YEAR_LAYOUT.firstRow;
    const edit = world.google.userEdit(unit.focalEmails[0]!, MID_YEAR_SHEET, a1(first, column, first + values.length - 1, column), values);
    if (!edit.ok) throw new Error(`${unit.id}: ${edit.message ?? ''}`);
  }
  const status = world.execute<{ ok: boolean; message?: string }>('getMidYearStatus', [], OWNER);
  out.push(row('getMidYearStatus', units, criteria, status));
  out.push(row('closeMidYear', units, criteria, world.execute('closeMidYear', [], OWNER)));
  // loadMidYearReview is no public function: run from the sources over the same fakes, the
  // context opened first and not counted.
  const review = world.executeLocal((apps) => {
    useServices({ spreadsheetApp: apps.SpreadsheetApp, lockService: apps.LockService, propertiesService: apps.PropertiesService, session: apps.Session, scriptApp: apps.ScriptApp });
    const ctx = openContext();
    world.google.env.resetCalls();
    const r = loadMidYearReview(ctx, year);
    return { ok: r !== null && r.units.length === units, message: 'no review' };
  });
  out.push(row('loadMidYearReview', units, criteria, { ...review, calls: meteredCalls(world.google.env) }));
  out.push(row('reopenMidYear', units, criteria, world.execute('reopenMidYear', [], OWNER)));
  return out;
}
