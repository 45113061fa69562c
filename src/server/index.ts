/**
 * The server entry: only what the top-level stubs (src/server/stubs.js) forward to.
 * Business logic lives in src/core and src/workbook; this file only re-exports.
 */
export { onInstall, onOpen } from './menu';
