/** The add-on menu. Works in AuthMode.NONE: reads no properties, touches no document. */
import { docsWriterText } from '../i18n/docsWriter';
import { midYearText } from '../i18n/midYear';
import { serverText } from '../i18n/server';

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  const K = docsWriterText.kinds;
  const documents = ui
    .createMenu(serverText.menu.documents)
    .addItem(K.plan, 'menuPlan')
    .addItem(K.covenant, 'menuCovenant')
    .addItem(K.midYearReport, 'menuMidYearReport')
    .addItem(K.minutes, 'menuMinutes')
    .addItem(K.report, 'menuReport')
    .addItem(K.proposal, 'menuProposal');
  const M = serverText.menu;
  // Export and import need a download or a preview with choices: that item opens the panel.
  const followUp = ui
    .createMenu(M.followUp)
    .addItem(M.reminder, 'menuReminder')
    .addItem(M.registers, 'menuRegisters')
    .addItem(M.rollUp, 'menuRollUp')
    .addItem(M.exchangeInPanel, 'showSidebar');
  const midYear = ui
    .createMenu(midYearText.menu.heading)
    .addItem(midYearText.menu.open, 'menuOpenMidYear')
    .addItem(midYearText.menu.close, 'menuCloseMidYear');
  ui.createAddonMenu()
    .addItem(serverText.menu.openPanel, 'showSidebar')
    .addSeparator()
    .addItem(serverText.menu.setupYear, 'menuSetupYear')
    .addItem(serverText.menu.recompute, 'menuRecompute')
    .addItem(serverText.menu.submit, 'menuSubmit')
    .addSubMenu(midYear)
    .addSubMenu(documents)
    .addSubMenu(followUp)
    .addItem(serverText.menu.closeYear, 'menuCloseYear')
    .addItem(serverText.menu.copyYear, 'menuCopyYear')
    .addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
