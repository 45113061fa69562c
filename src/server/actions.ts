/**
 * Menu handlers: thin wrappers that run an action and tell the user how it went in a dialog.
 * The work is in src/app; the sidebar calls the same actions through src/server/api.ts.
 */
import { services } from '../adapters/services';
import { openContext } from '../app/context';
import { closeYear } from '../app/close';
import { copyToNewYear } from '../app/copyYear';
import { generateDocument, type DocumentKind } from '../app/documents';
import { rollUpSector } from '../app/exchange';
import { closeMidYear, getMidYearStatus, openMidYear } from '../app/midYear';
import { setupRegisters } from '../app/registers';
import { prepareReminder } from '../app/reminders';
import { recompute } from '../app/recompute';
import type { ActionResult } from '../app/result';
import { setupYear } from '../app/setup';
import { getStatus } from '../app/status';
import { submit } from '../app/submission';
import { midYearText } from '../i18n/midYear';
import { serverText } from '../i18n/server';
import { workbookText } from '../i18n/workbook';
import { setupSampleYear } from './api';
import { REMINDER_DIALOG_SIZE, reminderDialogHtml } from './reminderDialog';

/** Most problems listed in a dialog; the panel lists all. */
const DIALOG_PROBLEMS = 8;

function show(result: ActionResult): void {
  const ui = services().spreadsheetApp.getUi();
  const lines = [result.message, ...result.problems.slice(0, DIALOG_PROBLEMS).map((p) => `• ${p.text}`)];
  if (result.problems.length > DIALOG_PROBLEMS) lines.push(serverText.dialog.more(result.problems.length - DIALOG_PROBLEMS));
  ui.alert(serverText.dialog.title, lines.join('\n'), ui.ButtonSet.OK);
}

/** Khởi tạo năm thi đua: from Cấu hình when it exists, else the sample year. */
export function menuSetupYear(): void {
  const configured = services().spreadsheetApp.getActiveSpreadsheet().getSheetByName(workbookText.tabs.config) !== null;
  show(configured ? setupYear() : setupSampleYear());
}

/** Tính điểm & xếp hạng. */
export function menuRecompute(): void {
  show(recompute());
}

/** Nộp bảng tự chấm: the unit of the active tab, else the user's own unit (when they have one). */
export function menuSubmit(): void {
  const active = services().spreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName();
  const ctx = openContext();
  const byTab = Object.entries(ctx.state.tabs).find(([, ref]) => ref.sheet === active)?.[0];
  if (byTab) return show(submit(byTab));
  const status = getStatus();
  const own = 'user' in status ? status.user.unitIds : [];
  show(submit(own.length === 1 ? own[0]! : active));
}

/** Chốt kết quả, after a confirmation that names the units whose figures are incomplete. */
export function menuCloseYear(): void {
  const ui = services().spreadsheetApp.getUi();
  const D = serverText.dialog;
  const status = getStatus();
  const incomplete = ('units' in status ? status.units : [])
    .filter((u) => !u.complete)
    .map((u) => D.incompleteUnit(u.name, u.incompleteReasons.join('; '), u.proceedReason !== undefined));
  const text = incomplete.length > 0 ? `${D.incompleteBeforeClose(incomplete.join('; '))}\n\n${D.confirmClose}` : D.confirmClose;
  if (ui.alert(D.title, text, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
  show(closeYear());
}

/** Sao sang năm mới: asks for the new year. */
export function menuCopyYear(): void {
  const ui = services().spreadsheetApp.getUi();
  const answer = ui.prompt(serverText.dialog.title, serverText.dialog.askYear, ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  show(copyToNewYear(Number(answer.getResponseText().trim())));
}

/** Tạo văn bản: one document of the year, with its PDF; the dialog gives the link. */
function menuDocument(kind: DocumentKind): void {
  const r = generateDocument(kind, { pdf: true });
  show(r.url ? { ...r, message: `${r.message}\n${serverText.dialog.link(r.url)}` } : r);
}

export function menuCovenant(): void {
  menuDocument('covenant');
}

export function menuPlan(): void {
  menuDocument('plan');
}

export function menuMidYearReport(): void {
  menuDocument('midYearReport');
}

export function menuMinutes(): void {
  menuDocument('minutes');
}

export function menuReport(): void {
  menuDocument('report');
}

export function menuProposal(): void {
  menuDocument('proposal');
}

/**
 * Nhắc các đơn vị chưa nộp: a menu cannot open a mailto: link, so the letter prepared (and logged)
 * is shown in a modal dialog with the link to click; a refusal is an alert like the others.
 */
export function menuReminder(): void {
  const r = prepareReminder();
  if (!r.ok || !('href' in r)) return show(r);
  const html = services().htmlService.createHtmlOutput(reminderDialogHtml(r))
    .setWidth(REMINDER_DIALOG_SIZE.width)
    .setHeight(REMINDER_DIALOG_SIZE.height);
  services().spreadsheetApp.getUi().showModalDialog(html, serverText.reminderDialog.title);
}

/** Tạo bảng Sáng kiến và Quỹ. */
export function menuRegisters(): void {
  show(setupRegisters());
}

/** Tổng hợp toàn ngành, from the exports pasted in Dữ liệu các cụm. */
export function menuRollUp(): void {
  show(rollUpSector());
}

/** Sơ kết 6 tháng → Mở đợt sơ kết 6 tháng. */
export function menuOpenMidYear(): void {
  show(openMidYear());
}

/** Sơ kết 6 tháng → Chốt sơ kết 6 tháng, after a confirmation that names the units with rows left blank. */
export function menuCloseMidYear(): void {
  const ui = services().spreadsheetApp.getUi();
  const X = midYearText.actions;
  const status = getMidYearStatus();
  // Nothing to confirm when the round cannot be closed: the refusal says why.
  if (!('opened' in status) || !status.opened || status.closed) return show(closeMidYear());
  const blank = ('units' in status ? status.units : [])
    .filter((u) => u.filled < u.required)
    .map((u) => X.blankUnit(u.name, u.required - u.filled));
  const text = blank.length > 0 ? `${X.blankBeforeClose(blank.join(', '))}\n\n${X.confirmClose}` : X.confirmClose;
  if (ui.alert(serverText.dialog.title, text, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
  show(closeMidYear());
}
