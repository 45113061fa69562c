/**
 * The Lưu trữ kết quả tab's row format: one row per close of a year — the year, when, by whom,
 * how many cells of JSON follow, then the snapshot's JSON cut into cells (a cell holds at most
 * 50 000 characters; a document property only 9 KB).
 */
import type { ClusterInfo } from '../core/model';
import type { YearResult } from '../core/results';
import { cellAt, type Grid, type OutValue } from './grid';

/** Characters of JSON per cell (a cell holds at most 50 000). */
export const SNAPSHOT_CHUNK = 40_000;

/** The snapshot of a closed year, as stored. */
export interface Snapshot {
  year: number;
  closedAt: string;
  closedBy: string;
  cluster: ClusterInfo;
  units: Array<{ id: string; name: string }>;
  result: YearResult;
}

/** The row that stores a snapshot. */
export function snapshotRow(s: Snapshot): OutValue[] {
  const json = JSON.stringify(s);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += SNAPSHOT_CHUNK) chunks.push(json.slice(i, i + SNAPSHOT_CHUNK));
  return [s.year, s.closedAt, s.closedBy, chunks.length, ...chunks];
}

/** The row (1-based) of a year's snapshot after row `after` (earlier closes of a reopened year), or null. */
export function findSnapshotRow(grid: Grid, year: number, after = 1): number | null {
  for (let r = after + 1; r <= grid.length; r++) if (Number(cellAt(grid, r, 1)) === year) return r;
  return null;
}
