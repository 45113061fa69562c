/**
 * The rights matrix: every role × every protected area × a write attempt, in three states of the
 * year (open; after Bình Thuận's officer submitted; after the owner closed), tried by typing
 * through the fakes as Sheets enforces protections, and a representative part of it through the
 * playground's HTTP API. The expected allow / refuse table is data below; the suite prints the
 * table it found. "Allowed" means the typed value is still in the cell after the edit and the
 * owner's edit trigger ran. Consumer accounts, as the fakes default: the trigger is not told who
 * edited and undoes nothing. Apps Script never removes the person running a script from a
 * protection, so the officer who submitted keeps the right until the next execution by someone
 * else: the 'submitted' state is taken after one (the cụm trưởng's recompute); the edit made in
 * that window is tested in test/app/cluster9.test.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startPlayground } from '../../scripts/playground/server';
import { useDocumentServices } from '../../src/adapters/documents';
import { closeYear } from '../../src/app/close';
import { generateDocument } from '../../src/app/documents';
import { recompute } from '../../src/app/recompute';
import { submit } from '../../src/app/submission';
import { filledYear } from '../app/steps';
import { LEADER, OUTSIDER, OWNER, TEAM, focal, newWorld } from '../app/world';
import { createDocumentFakes } from '../fakes/documents';
import type { FakeGoogle, SerializedState } from '../fakes/google';
import { recordFigures } from './helpers';

// ———————————————————————————————————————————— roles and areas

/** Who tries: the owner, the cụm trưởng (Bình Dương's officer), two units' officers, a cross-check team member, the cụm phó's officer (Đồng Nai), someone the file is not shared with. */
const ROLES = {
  O: { label: 'chủ sở hữu', email: OWNER },
  L: { label: 'cụm trưởng', email: LEADER },
  BT: { label: 'đầu mối Bình Thuận', email: focal('Bình Thuận') },
  TN: { label: 'đầu mối Tây Ninh', email: focal('Tây Ninh') },
  K: { label: 'đoàn kiểm tra chéo', email: TEAM[0]! },
  P: { label: 'đầu mối cụm phó (Đồng Nai)', email: focal('Đồng Nai') },
  X: { label: 'người ngoài', email: OUTSIDER },
} as const;
type Role = keyof typeof ROLES;
const ROLE_KEYS = Object.keys(ROLES) as Role[];

/** The cells tried: one per protected area (row 10 is criterion I.1.4 in every unit tab). */
const UNIT_TABS = { BT: 'Bình Thuận', TN: 'Tây Ninh', DN: 'Đồng Nai' } as const;
const UNIT_CELLS = {
  'kết quả': 'F10', 'tự chấm': 'G10', 'giải trình': 'H10', 'minh chứng': 'I10',
  'chấm chéo': 'J10', 'thống nhất': 'K10', 'ghi chú': 'L10',
  'nội dung (chỉ đọc)': 'B10', 'điểm chuẩn (chỉ đọc)': 'D10', 'điểm tính': 'M7', 'trạng thái': 'B3',
} as const;
type UnitArea = keyof typeof UNIT_CELLS;
const SHARED_CELLS = {
  'Cấu hình': 'B5', 'Tiêu chí': 'B10', 'Tổng hợp': 'A5', 'Bình xét': 'C4', 'Nhật ký': 'A2', 'Văn bản': 'A2', 'Lưu trữ kết quả': 'A1',
} as const;

interface Area {
  name: string;
  sheet: string;
  a1: string;
}

const AREAS: Area[] = [
  ...Object.entries(UNIT_TABS).flatMap(([, sheet]) =>
    (Object.keys(UNIT_CELLS) as UnitArea[]).map((k) => ({ name: `${sheet} · ${k}`, sheet, a1: UNIT_CELLS[k] }))),
  ...Object.entries(SHARED_CELLS).map(([sheet, a1]) => ({ name: sheet, sheet, a1 })),
];

// ———————————————————————————————————————————— the expected table (data)

type State = 'open' | 'submitted' | 'closed';
const STATES: State[] = ['open', 'submitted', 'closed'];

/** Who may write each area, by state. A unit tab's areas name its own officer as "self". */
const UNIT_RULES: Record<State, Record<UnitArea, string>> = {
  open: {
    'kết quả': 'O L self', 'tự chấm': 'O L self', 'giải trình': 'O L self', 'minh chứng': 'O L self',
    'chấm chéo': 'O L K', 'thống nhất': 'O L', 'ghi chú': 'O L K',
    'nội dung (chỉ đọc)': 'O L', 'điểm chuẩn (chỉ đọc)': 'O L', 'điểm tính': 'O L', 'trạng thái': 'O L',
  },
  // Bình Thuận submitted: its officer loses its own columns (only for Bình Thuận, see below).
  submitted: {
    'kết quả': 'O L self', 'tự chấm': 'O L self', 'giải trình': 'O L self', 'minh chứng': 'O L self',
    'chấm chéo': 'O L K', 'thống nhất': 'O L', 'ghi chú': 'O L K',
    'nội dung (chỉ đọc)': 'O L', 'điểm chuẩn (chỉ đọc)': 'O L', 'điểm tính': 'O L', 'trạng thái': 'O L',
  },
  closed: {
    'kết quả': 'O', 'tự chấm': 'O', 'giải trình': 'O', 'minh chứng': 'O',
    'chấm chéo': 'O', 'thống nhất': 'O', 'ghi chú': 'O',
    'nội dung (chỉ đọc)': 'O', 'điểm chuẩn (chỉ đọc)': 'O', 'điểm tính': 'O', 'trạng thái': 'O',
  },
};

/**
 * Shared tabs. Tổng hợp: the cụm trưởng too, because recompute runs as the person who clicks
 * and writes it (src/workbook/rights.ts). Văn bản: the owner and the cụm trưởng in every state,
 * documents are still made after closing (the minutes, the proposal).
 */
const SHARED_RULES: Record<State, Record<keyof typeof SHARED_CELLS, string>> = {
  open: { 'Cấu hình': 'O L', 'Tiêu chí': 'O L', 'Tổng hợp': 'O L', 'Bình xét': 'O L', 'Nhật ký': 'O', 'Văn bản': 'O L', 'Lưu trữ kết quả': 'O L' },
  submitted: { 'Cấu hình': 'O L', 'Tiêu chí': 'O L', 'Tổng hợp': 'O L', 'Bình xét': 'O L', 'Nhật ký': 'O', 'Văn bản': 'O L', 'Lưu trữ kết quả': 'O L' },
  closed: { 'Cấu hình': 'O', 'Tiêu chí': 'O', 'Tổng hợp': 'O', 'Bình xét': 'O', 'Nhật ký': 'O', 'Văn bản': 'O L', 'Lưu trữ kết quả': 'O' },
};

const OWNER_OF_TAB: Record<string, Role> = { 'Bình Thuận': 'BT', 'Tây Ninh': 'TN', 'Đồng Nai': 'P' };

/** The expected allow set of an area in a state. */
function allowed(state: State, area: Area): Set<Role> {
  const unitArea = (Object.keys(UNIT_CELLS) as UnitArea[]).find((k) => area.name.endsWith(` · ${k}`));
  let rule: string;
  if (unitArea) {
    rule = UNIT_RULES[state][unitArea];
    const self = OWNER_OF_TAB[area.sheet]!;
    // Only Bình Thuận submitted: its officer's "self" is gone in that state.
    const selfKept = !(state === 'submitted' && area.sheet === 'Bình Thuận');
    rule = rule.replace('self', selfKept ? self : '');
  } else {
    rule = SHARED_RULES[state][area.name as keyof typeof SHARED_CELLS];
  }
  return new Set(rule.split(/\s+/).filter((r) => r !== '') as Role[]);
}

// ———————————————————————————————————————————— the workbook in each state

let base: SerializedState | null = null;

/** The sample year filled, recomputed, with one document made (the Văn bản tab), in `state`. */
function worldIn(state: State): { g: FakeGoogle; start: SerializedState } {
  const g = newWorld();
  if (!base) {
    filledYear(g);
    expect(g.asUser(LEADER, () => recompute()).ok).toBe(true);
    const fakes = createDocumentFakes(g.env);
    useDocumentServices({ documentApp: fakes.DocumentApp, drive: fakes.Drive });
    expect(g.asUser(LEADER, () => generateDocument('covenant')).ok).toBe(true);
    base = g.serialize();
  } else {
    g.restore(base);
  }
  if (state === 'submitted') {
    expect(g.asUser(focal('Bình Thuận'), () => submit('Bình Thuận')).ok).toBe(true);
    expect(g.asUser(LEADER, () => recompute()).ok).toBe(true);
  }
  if (state === 'closed') expect(g.asUser(OWNER, () => closeYear()).ok).toBe(true);
  return { g, start: g.serialize() };
}

/** A value the cell does not hold yet. */
function newValue(current: unknown): number {
  return current === 1 ? 2 : 1;
}

/** Tries one write; true when the value is still there after the edit and its triggers. */
function tryWrite(g: FakeGoogle, start: SerializedState, role: Role, area: Area): boolean {
  const value = newValue(g.peek(area.sheet, area.a1)[0]![0]);
  const r = g.userEdit(ROLES[role].email, area.sheet, area.a1, value);
  const stuck = r.ok && g.peek(area.sheet, area.a1)[0]![0] === value;
  if (r.ok) g.restore(start);
  return stuck;
}

// ———————————————————————————————————————————— printing

function grid(state: State, found: Map<string, boolean>): string {
  const width = Math.max(...AREAS.map((a) => a.name.length));
  const head = `${state.padEnd(width)}  ${ROLE_KEYS.map((r) => r.padStart(2)).join(' ')}`;
  const lines = AREAS.map((a) => {
    const cells = ROLE_KEYS.map((r) => {
      const got = found.get(`${a.name}|${r}`)!;
      const want = allowed(state, a).has(r);
      return (got === want ? (got ? '✓' : '·') : '!').padStart(2);
    });
    return `${a.name.padEnd(width)}  ${cells.join(' ')}`;
  });
  return [head, ...lines].join('\n');
}

let checked = 0;
let apiChecked = 0;

afterAll(() => {
  recordFigures('rights', {
    rightsChecked: checked + apiChecked,
    rightsThroughFakes: checked,
    rightsThroughPlayground: apiChecked,
    matrix: `${AREAS.length} areas × ${ROLE_KEYS.length} roles × ${STATES.length} states`,
  });
});

describe('the rights matrix', () => {
  console.log(`Roles: ${ROLE_KEYS.map((r) => `${r} = ${ROLES[r].label}`).join(', ')}. ✓ may write, · refused, ! differs from the table.`);

  for (const state of STATES) {
    it(`lets exactly the expected roles write each protected area (${state})`, () => {
      const { g, start } = worldIn(state);
      const found = new Map<string, boolean>();
      const wrong: string[] = [];
      for (const area of AREAS) {
        for (const role of ROLE_KEYS) {
          const got = tryWrite(g, start, role, area);
          checked++;
          found.set(`${area.name}|${role}`, got);
          const want = allowed(state, area).has(role);
          if (got !== want) wrong.push(`${area.name} (${area.sheet}!${area.a1}) × ${ROLES[role].label}: ${got ? 'written' : 'refused'}, expected ${want ? 'written' : 'refused'}`);
        }
      }
      console.log(grid(state, found));
      expect(wrong).toEqual([]);
      expect(found.size).toBe(AREAS.length * ROLE_KEYS.length);
    });
  }
});

describe('the rights matrix through the playground API', () => {
  const SUBSET: Area[] = AREAS.filter((a) => a.sheet === 'Bình Thuận' || a.sheet === 'Tây Ninh'
    ? ['G10', 'J10', 'K10', 'B10'].includes(a.a1)
    : ['Cấu hình', 'Tiêu chí', 'Tổng hợp', 'Bình xét', 'Nhật ký'].includes(a.sheet));

  it('refuses with 403 and allows with 200 exactly as the table says (open year)', { timeout: 120_000 }, async () => {
    const pg = await startPlayground({ port: 0, host: '127.0.0.1', reset: true });
    try {
      // The seeded year has Bình Thuận submitted: the cụm trưởng reopens it, so every unit tab here is open.
      const reopened = pg.host.run(ROLES.L.email, 'reopen', ['Bình Thuận']);
      expect(reopened.ok && (reopened.result as { ok: boolean }).ok, JSON.stringify(reopened)).toBe(true);
      const start = pg.host.google.serialize();
      const wrong: string[] = [];
      for (const area of SUBSET) {
        for (const role of ROLE_KEYS) {
          const res = await fetch(`${pg.url}/api/edit`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ user: ROLES[role].email, sheet: area.sheet, range: area.a1, values: [[7]] }),
          });
          const body = (await res.json()) as { ok: boolean; message?: string };
          apiChecked++;
          const want = allowed('open', area).has(role);
          if ((res.status === 200) !== want) wrong.push(`${area.sheet}!${area.a1} × ${ROLES[role].label}: ${res.status} ${body.message ?? ''}`);
          if (!want) expect(body.ok).toBe(false);
          if (res.status === 200) pg.host.google.restore(start);
        }
      }
      expect(wrong).toEqual([]);
    } finally {
      await pg.close();
    }
  });
});
