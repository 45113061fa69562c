/**
 * The mid-year round's part of the sidebar's server API (sơ kết 6 tháng): open, close, and where
 * it stands. Spread into `api` (src/server/api.ts); each function is also a top-level stub in stubs.js.
 */
import { closeMidYear, getMidYearStatus, openMidYear, reopenMidYear } from '../app/midYear';

export const midYearApi = {
  /** Mở đợt sơ kết 6 tháng (cụm trưởng): creates or completes the Sơ kết 6 tháng tab. */
  openMidYear,
  /** Chốt sơ kết 6 tháng (cụm trưởng): computes, writes the computed rows, locks the unit columns. */
  closeMidYear,
  /** Mở lại đợt sơ kết (cụm trưởng): a closed round open again, the unit columns given back. */
  reopenMidYear,
  /** The round's state and each unit's fill, for the sidebar (read only). */
  getMidYearStatus,
};

export { closeMidYear, getMidYearStatus, openMidYear, reopenMidYear };
