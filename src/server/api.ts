/**
 * The sidebar's server API: the one list of what google.script.run may call. Every function
 * returns plain JSON (ISO strings, no Date): data with ok: true, or { ok: false, message,
 * problems } when refused. Each is also a top-level stub in stubs.js. The client types itself
 * from `typeof api`, so renaming one here breaks the client's compile.
 */
import { saveBallot } from '../app/ballot';
import { allowReopenYear, closeYear, reopenYear } from '../app/close';
import { copyToNewYear } from '../app/copyYear';
import { exchangeApi } from './exchangeApi';
import { midYearApi } from './midYearApi';
import { recompute } from '../app/recompute';
import { setupRegisters } from '../app/registers';
import { sampleYearConfig } from '../app/sample';
import { continueSetup, setupYear } from '../app/setup';
import { setupFromForm } from '../app/setupForm';
import { explainUnit, getProblems, getResults, getStatus, selectCell } from '../app/status';
import { reopen, returnSubmission, submit } from '../app/submission';
import { recordProceedReason } from '../app/proceed';
import { documentsApi } from './documentsApi';

/**
 * Sets up the sample year (Cụm thi đua số 9) for `year` (default: this year).
 * @example setupSampleYear(2021).ok // true
 */
export function setupSampleYear(year?: number) {
  const y = typeof year === 'number' && Number.isInteger(year) ? year : new Date().getFullYear();
  return setupYear(sampleYearConfig(y));
}

export const api = {
  /** Where the year stands, per unit, and what the current user may do (with reasons). */
  getStatus,
  /** The ranking, totals, classification, eligibility and proposals, computed now. */
  getResults,
  /** Every problem, each with its sheet and cell. */
  getProblems,
  /** Selects a cell: selectCell('Bình Dương', 'G12'). */
  selectCell,
  /** Sets up or completes the year from a config object (see YearConfig). */
  setupYear,
  /** Sets up the sample year. */
  setupSampleYear,
  /** Sets up a new year from the sidebar's form (cluster, units, leader, deputy, team, criteria). */
  setupFromForm,
  /** Goes on with a set-up done in parts (a large year), without waiting for its trigger. */
  continueSetup,
  /** Tính điểm & xếp hạng. */
  recompute,
  /** Nộp bảng tự chấm of a unit. */
  submit,
  /** Trả lại a submitted unit, with a reason. */
  returnSubmission,
  /** Ghi (or, with an empty reason, bỏ) the reason to go on with a unit whose figures are incomplete (cụm trưởng). */
  recordProceedReason,
  /** Mở lại a submitted or returned unit. */
  reopen,
  /** Chốt kết quả. */
  closeYear,
  /** Ghi kết quả bình xét of one title. */
  saveBallot,
  /** Sao sang năm mới (after closing). */
  copyToNewYear,
  /** Mở lại năm đã chốt (the owner; the cụm trưởng once the owner allowed it). */
  reopenYear,
  /** Cho phép cụm trưởng mở lại năm đã chốt (the owner). */
  allowReopenYear,
  /** Rows of a unit that gave and took points. */
  explainUnit,
  /** Tạo bảng Sáng kiến và Quỹ (cụm trưởng): creates or completes the two registers. */
  setupRegisters,
  /** Tạo văn bản (covenant, minutes, report, proposal) and the list of those generated. */
  ...documentsApi,
  /** Trao đổi dữ liệu (export, roll-up, criteria import) and the reminder. */
  ...exchangeApi,
  /** Sơ kết 6 tháng: open and close the mid-year round, and where it stands. */
  ...midYearApi,
};

/** The API's type, for the client. */
export type ServerApi = typeof api;

export {
  allowReopenYear, closeYear, copyToNewYear, reopenYear, explainUnit, getProblems, getResults, getStatus, recompute, recordProceedReason, reopen, returnSubmission,
  saveBallot, selectCell, setupFromForm, setupRegisters, setupYear, submit,
};
