/**
 * The sidebar's API checks rights on the server: google.script.run can call any public function
 * with any arguments, whatever the sidebar shows. Every function that changes something, called
 * by someone who may not, is refused in Vietnamese and changes no cell.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useDocumentServices } from '../../src/adapters/documents';
import { TITLE_IDS } from '../../src/core/rules';
import { api } from '../../src/server/api';
import type { SetupForm } from '../../src/workbook/setupCheck';
import { createDocumentFakes } from '../fakes/documents';
import { filledYear } from './steps';
import { OUTSIDER, TEAM, focal, newWorld } from './world';

const form: SetupForm = {
  clusterName: 'Cụm khác', year: 2021, leader: 'A', deputy: '', crossCheckTeam: [], criteria: 'sample',
  units: [{ shortName: 'A', name: 'A', emails: ['a@example.com'] }],
};

/** Each call an outsider to the decision might try, with plausible arguments. */
const CALLS: Array<[string, () => { ok: boolean; message: string }]> = [
  ['setupYear', () => api.setupYear()],
  ['setupSampleYear', () => api.setupSampleYear(2021)],
  ['setupFromForm', () => api.setupFromForm(form)],
  ['recompute', () => api.recompute()],
  ['submit another unit', () => api.submit('Tây Ninh')],
  ['returnSubmission', () => api.returnSubmission('Đồng Nai', 'thử')],
  ['recordProceedReason', () => api.recordProceedReason('Tây Ninh', 'thử')],
  ['reopen', () => api.reopen('Đồng Nai')],
  ['saveBallot', () => api.saveBallot(TITLE_IDS.flag, { issued: 6, returned: 6, valid: 6, invalid: 0, votes: { 'Đồng Nai': 6 } })],
  ['closeYear', () => api.closeYear()],
  ['copyToNewYear', () => api.copyToNewYear(2022)],
  ['generateDocument', () => api.generateDocument('covenant', { pdf: true })],
];

const PEOPLE: Array<[string, string]> = [
  ['the focal officer of Đồng Nai', focal('Đồng Nai')],
  ['a cross-check team member', TEAM[0]!],
  ['someone the file is not shared with', OUTSIDER],
];

afterEach(() => useDocumentServices(null));

describe('the sidebar API, called by someone who may not', () => {
  for (const [who, email] of PEOPLE) {
    it(`refuses ${who} every action of the cụm trưởng, changing nothing`, () => {
      const g = newWorld();
      filledYear(g);
      const docs = createDocumentFakes(g.env);
      useDocumentServices({ documentApp: docs.DocumentApp, drive: docs.Drive });
      const allowed: string[] = [];
      for (const [name, call] of CALLS) {
        const before = JSON.stringify(g.serialize().spreadsheet.sheets);
        const r = g.asUser(email, call);
        if (r.ok) allowed.push(name);
        else expect(r.message, name).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳý]/);
        expect(JSON.stringify(g.serialize().spreadsheet.sheets), `${name} changed a cell`).toBe(before);
      }
      expect(allowed).toEqual([]);
      expect(Object.keys(docs.serialize().docs)).toEqual([]);
    });
  }
});
