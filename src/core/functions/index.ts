/** The custom functions' pure implementations; src/server/functions.ts exposes them to Sheets. */
export { thiduaScore } from './score';
export { thiduaRank } from './rank';
export { thiduaXeploai } from './xeploai';
export { thiduaDiem } from './diem';
export type { CellArg, CellOut } from './cells';
