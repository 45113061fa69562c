/**
 * The server entry: only what the top-level stubs (src/server/stubs.js) forward to.
 * Business logic lives in src/core and src/workbook; this file only re-exports.
 */
export { onInstall, onOpen } from './menu';
export { showSidebar } from './sidebar';
export { THIDUA_DIEM, THIDUA_RANK, THIDUA_SCORE, THIDUA_XEPLOAI } from './functions';
export {
  menuCloseYear, menuCopyYear, menuCovenant, menuMidYearReport, menuMinutes, menuPlan, menuProposal, menuRecompute, menuReport, menuSetupYear, menuSubmit,
} from './actions';
export { menuRegisters, menuReminder, menuRollUp } from './actions';
export { menuCloseMidYear, menuOpenMidYear } from './actions';
export { continueSetup, onWorkbookEdit } from './triggers';
export {
  allowReopenYear, api, closeYear, copyToNewYear, reopenYear, explainUnit, getProblems, getResults, getStatus, recompute, recordProceedReason, reopen, returnSubmission,
  saveBallot, selectCell, setupFromForm, setupRegisters, setupSampleYear, setupYear, submit,
} from './api';
export { generateDocument, listDocuments, missingDetails } from './documentsApi';
export { exportResults, importableSheets, importCriteria, prepareReminder, previewCriteriaImport, rollUpSector } from './exchangeApi';
export { closeMidYear, getMidYearStatus, openMidYear, reopenMidYear } from './midYearApi';
