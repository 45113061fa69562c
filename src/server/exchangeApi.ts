/**
 * The exchange and follow-up part of the sidebar's server API: the results export, the sector
 * roll-up, the criteria import from a tab, and the reminder to units that have not submitted.
 * Spread into `api` (src/server/api.ts); each function is also a top-level stub in stubs.js.
 */
import { exportResults, importableSheets, importCriteria, previewCriteriaImport, rollUpSector } from '../app/exchange';
import { prepareReminder } from '../app/reminders';

export const exchangeApi = {
  /** Kết quả của năm as the exchange file (JSON and CSV text); the sidebar makes the download. */
  exportResults,
  /** Tổng hợp toàn ngành from the exports pasted in Dữ liệu các cụm. */
  rollUpSector,
  /** Tabs a criteria table may be imported from. */
  importableSheets,
  /** What importing a tab's criteria table would write (read-only). */
  previewCriteriaImport,
  /** Nhập bảng tiêu chí từ trang…: merges the detected table into Tiêu chí. */
  importCriteria,
  /** Nhắc các đơn vị chưa nộp: a mailto: link, logged as prepared. */
  prepareReminder,
};

export { exportResults, importableSheets, importCriteria, prepareReminder, previewCriteriaImport, rollUpSector };
