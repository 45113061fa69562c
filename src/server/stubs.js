// Top-level stubs, appended to the bundle as esbuild's footer. Apps Script sees only top-level
// `function` declarations, and reads @customfunction from the pushed file, so these are written
// by hand with their JSDoc and forward to the bundle's global `App`.

/** Builds the Thi đua menu when the spreadsheet opens. */
function onOpen(e) {
  return App.onOpen(e);
}

/** Runs when the add-on is installed: builds the menu at once. */
function onInstall(e) {
  return App.onInstall(e);
}
