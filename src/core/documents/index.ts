/** The document model, its builders and the HTML renderer. */
export type * from './model';
export { buildCovenant, criteriaTable, registrationTable, signatureGrid, signatureLayout, signatureUnitLines, defaultSignatureColumns } from './covenant';
export type { CovenantMeta, ReviewDate } from './covenant';
export { buildMinutes, minutesScoreTable } from './minutes';
export type { MinutesMeta } from './minutes';
export { buildReport, reportOverviewTable, reportUnitTable } from './report';
export type { ReportMeta } from './report';
export { buildProposal, proposalTable, proposedUnits } from './proposal';
export type { ProposalMeta } from './proposal';
export { renderHtml, renderHtmlFragment, escapeHtml } from './html';
export * from './format';
export { buildPlan, planTimetable } from './plan';
export type { PlanMeta } from './plan';
export { buildMidYearReport, midYearTable } from './midYearReport';
export type { MidYearReportMeta } from './midYearReport';
