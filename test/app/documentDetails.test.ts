/**
 * Issue #13, documents a clerk can sign: a cluster set up from the sidebar's form has no heads,
 * no place and no meeting details. Its four documents come out as drafts (DỰ THẢO, visible blanks,
 * never an empty name before a comma) with what is missing listed cell by cell; once those cells
 * are filled in Cấu hình the same four come out final, with the place in the date line, the
 * chair, secretary and attendees named, and days and months written as Nghị định 30/2020 says.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useDocumentServices } from '../../src/adapters/documents';
import { generateDocument, missingDetails, type DocumentKind } from '../../src/app/documents';
import { setupFromForm } from '../../src/app/setupForm';
import type { SetupForm } from '../../src/workbook/form';
import { detailsText } from '../../src/i18n/details';
import { createDocumentFakes, docText, type DocumentFakes } from '../fakes/documents';
import { OWNER, newWorld } from './world';

const KINDS: DocumentKind[] = ['covenant', 'minutes', 'report', 'proposal'];

const form: SetupForm = {
  clusterName: 'Cụm thi đua số 4',
  year: 2025,
  units: [
    { shortName: 'Phú Thọ', name: 'Viện kiểm sát nhân dân tỉnh Phú Thọ', emails: ['vp@phutho.example.com'] },
    { shortName: 'Bắc Giang', name: 'Viện kiểm sát nhân dân tỉnh Bắc Giang', emails: ['vp@bacgiang.example.com'] },
    { shortName: 'Yên Bái', name: 'Viện kiểm sát nhân dân tỉnh Yên Bái', emails: ['vp@yenbai.example.com'] },
  ],
  leader: 'Phú Thọ',
  deputy: 'Bắc Giang',
  crossCheckTeam: [],
  criteria: 'sample',
};

const HEADS: Record<string, string> = {
  'Phú Thọ': 'Nguyễn Văn An',
  'Bắc Giang': 'Trần Thị Bình',
  'Yên Bái': 'Lê Văn Cường',
};

afterEach(() => useDocumentServices(null));

function world(): { g: ReturnType<typeof newWorld>; fakes: DocumentFakes } {
  const g = newWorld();
  const r = g.asUser(OWNER, () => setupFromForm(form));
  expect(r.ok, r.message).toBe(true);
  const fakes = createDocumentFakes(g.env);
  useDocumentServices({ documentApp: fakes.DocumentApp, drive: fakes.Drive });
  return { g, fakes };
}

function textOf(fakes: DocumentFakes, url: string | null): string {
  const id = /\/d\/([\w-]+)\//.exec(url ?? '')![1]!;
  return docText(fakes.DocumentApp.openById(id));
}

/** The value a clerk types into a missing cell, chosen by what the line says is missing. */
function valueFor(message: string): string | number {
  const M = detailsText.missing;
  if (message === M.place) return 'Phú Thọ';
  if (message === M.covenantDate) return '9/1/2025';
  if (message === M.meetingStart) return '08:30 05/12/2025';
  if (message === M.meetingVenue) return 'Hội trường Viện kiểm sát nhân dân tỉnh Phú Thọ';
  if (message === M.chair) return 'Nguyễn Văn An, Viện trưởng Viện kiểm sát nhân dân tỉnh Phú Thọ, Cụm trưởng';
  if (message === M.secretary) return 'Đỗ Thị Hoa, Chánh Văn phòng Viện kiểm sát nhân dân tỉnh Phú Thọ';
  if (message === M.opinions) return 4;
  const unit = Object.keys(HEADS).find((u) => message === M.headName(`Viện kiểm sát nhân dân tỉnh ${u}`));
  if (unit) return HEADS[unit]!;
  throw new Error(`no value for "${message}"`);
}

/** An empty name before a comma: "Chủ trì: , Viện trưởng", "- Đồng chí , Viện trưởng". */
const EMPTY_BEFORE_COMMA = /(?:^|:|Đồng chí|-)[ \t]*,/m;

describe('documents of a cluster set up from the form, details missing then filled', () => {
  it('makes drafts while details are missing, lists them by cell, and finals once Cấu hình has them', () => {
    const { g, fakes } = world();

    // 1. Nothing but the form: every document is a draft, with blanks and what is missing.
    const missingByKind = new Map<DocumentKind, Array<{ sheet: string; a1: string; message: string }>>();
    for (const kind of KINDS) {
      const before = g.asUser(OWNER, () => missingDetails(kind));
      expect(before.ok, before.message).toBe(true);
      const r = g.asUser(OWNER, () => generateDocument(kind));
      expect(r.ok, r.message).toBe(true);
      expect(r.draft).toBe(true);
      expect(r.missing).toEqual(before.missing);
      expect(r.missing!.length).toBeGreaterThan(0);
      for (const m of r.missing!) expect([m.sheet, m.a1]).toEqual(['Cấu hình', expect.stringMatching(/^[A-Z]+\d+$/)]);
      expect(r.name).toMatch(/\(DỰ THẢO\)$/);
      expect(r.message).toContain('DỰ THẢO');
      const text = textOf(fakes, r.url);
      expect(text).toContain('DỰ THẢO');
      expect(text).toContain('…………');
      expect(text, kind).not.toMatch(EMPTY_BEFORE_COMMA);
      missingByKind.set(kind, r.missing!);
    }
    const covenantMissing = missingByKind.get('covenant')!.map((m) => m.message);
    expect(covenantMissing).toEqual(expect.arrayContaining([
      detailsText.missing.place, detailsText.missing.covenantDate,
      ...Object.keys(HEADS).map((u) => detailsText.missing.headName(`Viện kiểm sát nhân dân tỉnh ${u}`)),
    ]));
    const minutesMissing = missingByKind.get('minutes')!.map((m) => m.message);
    expect(minutesMissing).toEqual(expect.arrayContaining([
      detailsText.missing.meetingStart, detailsText.missing.meetingVenue, detailsText.missing.secretary, detailsText.missing.opinions,
    ]));

    // 2. The clerk fills each cell the lists named.
    const cells = new Map<string, string | number>();
    for (const list of missingByKind.values()) for (const m of list) cells.set(m.a1, valueFor(m.message));
    for (const [a1, value] of cells) expect(g.userEdit(OWNER, 'Cấu hình', a1, value).ok, a1).toBe(true);
    for (const kind of KINDS) expect(g.asUser(OWNER, () => missingDetails(kind)).missing, kind).toEqual([]);

    // 3. The same four documents, final.
    const texts = new Map<DocumentKind, string>();
    for (const kind of KINDS) {
      const r = g.asUser(OWNER, () => generateDocument(kind));
      expect(r.ok, r.message).toBe(true);
      expect([r.draft, r.missing]).toEqual([false, []]);
      expect(r.name).not.toContain('DỰ THẢO');
      const text = textOf(fakes, r.url);
      expect(text).not.toContain('DỰ THẢO');
      expect(text).not.toContain('…………');
      expect(text, kind).not.toMatch(EMPTY_BEFORE_COMMA);
      texts.set(kind, text);
    }
    const covenant = texts.get('covenant')!;
    // The place in the date line; January keeps its zero, the day below 10 too.
    expect(covenant).toContain('Phú Thọ, ngày 09 tháng 01 năm 2025');
    for (const head of Object.values(HEADS)) expect(covenant).toContain(head);
    // A covenant of 9 January 2025 cites Decree 98/2023, not 152/2025 (dated 14 June 2025).
    expect(covenant).toContain('98/2023/NĐ-CP');
    expect(covenant).not.toContain('152/2025/NĐ-CP');
    expect(covenant).toContain('Nơi nhận:');
    expect(covenant).toContain('Chỉ thị số 34-CT/TW');
    expect(covenant).not.toContain('cần điều chỉnh');

    const minutes = texts.get('minutes')!;
    // The recorded meeting time, not the time of the click; December without a zero.
    expect(minutes).toContain('Phú Thọ, ngày 05 tháng 12 năm 2025');
    expect(minutes).toContain('Thời gian: 08 giờ 30, ngày 05 tháng 12 năm 2025.');
    expect(minutes).toContain('Địa điểm: Hội trường Viện kiểm sát nhân dân tỉnh Phú Thọ.');
    expect(minutes).toContain('Chủ trì: Nguyễn Văn An, Viện trưởng Viện kiểm sát nhân dân tỉnh Phú Thọ, Cụm trưởng.');
    expect(minutes).toContain('Thư ký: Đỗ Thị Hoa, Chánh Văn phòng Viện kiểm sát nhân dân tỉnh Phú Thọ.');
    for (const [unit, head] of Object.entries(HEADS)) {
      expect(minutes).toContain(`- Đồng chí ${head}, Viện trưởng Viện kiểm sát nhân dân tỉnh ${unit}`);
    }
    expect(minutes).toContain('Hội nghị đã nghe 04 ý kiến phát biểu, tham luận');

    // Dated the day they are made (after 1 July 2025): the proposal cites 152/2025, which replaced 98/2023 then.
    const dateLine = /Phú Thọ, ngày (0[1-9]|[12]\d|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm \d{4}/;
    expect(texts.get('report')!).toMatch(dateLine);
    const proposal = texts.get('proposal')!;
    expect(proposal).toMatch(dateLine);
    expect(proposal).toContain('152/2025/NĐ-CP');
    expect(proposal).not.toContain('98/2023/NĐ-CP');
    for (const text of texts.values()) expect(text).not.toMatch(/tháng 0[3-9] /);
  });

  it('makes a draft when asked, though nothing is missing', () => {
    const { g, fakes } = world();
    const first = g.asUser(OWNER, () => generateDocument('report'));
    for (const m of first.missing!) expect(g.userEdit(OWNER, 'Cấu hình', m.a1, valueFor(m.message)).ok).toBe(true);
    const r = g.asUser(OWNER, () => generateDocument('report', { draft: true }));
    expect([r.ok, r.draft, r.missing]).toEqual([true, true, []]);
    expect(r.message).toContain(detailsText.draftAsked);
    expect(textOf(fakes, r.url)).toContain('DỰ THẢO');
  });
});
