/** The add-on menu. Works in AuthMode.NONE: reads no properties, touches no document. */
import { serverText } from '../i18n/server';

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(serverText.menu.openPanel, 'showSidebar')
    .addSeparator()
    .addItem(serverText.menu.setupYear, 'menuSetupYear')
    .addItem(serverText.menu.recompute, 'menuRecompute')
    .addItem(serverText.menu.submit, 'menuSubmit')
    .addItem(serverText.menu.closeYear, 'menuCloseYear')
    .addItem(serverText.menu.copyYear, 'menuCopyYear')
    .addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
