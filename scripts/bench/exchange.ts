/**
 * Exchange and follow-up: the calls of each new action on a filled year, as the sidebar runs them —
 * the results export, the reminder (and from the menu, in a dialog), the criteria import's preview and write (from a tab holding the
 * year's table as Excel had it), and the sector roll-up of three clusters' exports in a sheet of
 * its own. One execution each, calls counted from zero.
 */
import { BenchWorld, OWNER, prepareYear, actionRow, type ActionRow } from './world';

export type ExchangeRow = ActionRow;

const row = actionRow;

/** The source tab: the year's own table as Excel has it (STT, content, max; codes as typed). */
const SOURCE = 'Bảng Excel';

export function benchExchange(units: number, criteria: number): ExchangeRow[] {
  const { world, year } = prepareYear(units, criteria);
  const out: ExchangeRow[] = [];
  const exported = world.execute<{ ok: boolean; message?: string; json: string }>('exportResults');
  out.push(row('exportResults', units, criteria, exported));
  out.push(row('prepareReminder', units, criteria, world.execute('prepareReminder')));
  // From the menu: the same letter, shown in a modal dialog (Theo dõi, trao đổi).
  const shown = world.execute('menuReminder');
  const dialog = shown.calls.some((c) => c.name === 'Ui.showModalDialog');
  out.push(row('menuReminder', units, criteria, { ...shown, result: { ok: dialog, message: 'no dialog shown' } }));
  // A table of criteria codes the year lacks, so that the import writes them all.
  const grid = [['STT', 'Nội dung', 'Điểm chuẩn'], ['XX', 'Nhóm nhập từ Excel', ''],
    ...Array.from({ length: criteria }, (_, i) => [String(i + 1), `Tiêu chí ${i + 1}`, '1,5'])];
  world.executeLocal((apps) => apps.SpreadsheetApp.getActiveSpreadsheet().insertSheet(SOURCE).getRange(1, 1, grid.length, 3).setValues(grid));
  out.push(row('previewCriteriaImport', units, criteria, world.execute('previewCriteriaImport', [SOURCE])));
  out.push(row('importCriteria', units, criteria, world.execute('importCriteria', [SOURCE])));

  // The sector's sheet: three clusters' exports pasted in Dữ liệu các cụm.
  const sector = new BenchWorld();
  const exports = ['Cụm 1', 'Cụm 2', 'Cụm 3'].map((name) => [JSON.stringify({ ...JSON.parse(exported.result.json), cluster: name })]);
  sector.executeLocal((apps) => apps.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Dữ liệu các cụm').getRange(2, 1, 3, 1).setValues(exports));
  out.push(row('rollUpSector', units, criteria, sector.execute('rollUpSector', [], OWNER)));
  void year;
  return out;
}
