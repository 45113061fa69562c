/**
 * "Mở bảng điều khiển": the only way a person opens the sidebar in Sheets is a menu item whose
 * function builds it with HtmlService from a pushed file and hands it to Ui.showSidebar.
 */
import { services } from '../adapters/services';
import { serverText } from '../i18n/server';

/** The pushed file (dist/Sidebar.html) the sidebar is built from. */
const SIDEBAR_FILE = 'Sidebar';

export function showSidebar(): void {
  const s = services();
  const html = s.htmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(serverText.sidebarTitle);
  s.spreadsheetApp.getUi().showSidebar(html);
}
