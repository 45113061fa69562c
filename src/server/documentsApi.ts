/**
 * The documents part of the sidebar's server API: generate a document of the year into Drive,
 * and list those generated. Spread into `api` (src/server/api.ts); each
 * function is also a top-level stub in stubs.js.
 */
import { generateDocument, listDocuments, missingDetails } from '../app/documents';

export const documentsApi = {
  /** Tạo văn bản: generateDocument('covenant' | 'minutes' | 'report' | 'proposal', { pdf: true, … }). */
  generateDocument,
  /** The documents generated so far (the "Văn bản" tab), newest first. */
  listDocuments,
  /** What a document still lacks (located in Cấu hình) before it can be signed. */
  missingDetails,
};

export { generateDocument, listDocuments, missingDetails };
