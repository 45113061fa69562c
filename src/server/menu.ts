/** The add-on menu. Works in AuthMode.NONE: reads no properties, touches no document. */
import { serverText } from '../i18n/server';

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(serverText.menu.openPanel, 'showSidebar')
    .addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
