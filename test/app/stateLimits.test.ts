/**
 * The workbook state lives in document properties: 9 KB per value, 500 KB per store (Quotas for
 * Google Services), counted in UTF-8 bytes, where a Vietnamese letter takes 2 or 3. No value may
 * grow with the cluster or with what people type: a 700-unit cluster fits, queued log rows are
 * split by bytes, and the year record drops its oldest late edits rather than outgrow a value.
 */
import { describe, expect, it } from 'vitest';
import { StateStore, VALUE_BUDGET_BYTES, utf8Bytes } from '../../src/adapters/properties';
import { SETUP_HANDLER } from '../../src/adapters/triggers';
import { continueSetup, setupYear } from '../../src/app/setup';
import { generateYear } from '../../src/core/samples';
import { KEY, MAX_LATE_EDITS, type LogRow, type YearState } from '../../src/workbook/state';
import { createFakeGoogle } from '../fakes/google';
import { MAX_PROPERTY_STORE_BYTES, MAX_PROPERTY_VALUE_BYTES } from '../fakes/properties';
import { OWNER, plug } from './world';

const bytes = (store: Record<string, string>) => Object.entries(store).reduce((n, [k, v]) => n + utf8Bytes(k) + utf8Bytes(v), 0);
const largest = (store: Record<string, string>) => Math.max(...Object.values(store).map(utf8Bytes));

function plugged() {
  const g = createFakeGoogle({ owner: OWNER });
  plug(g);
  return { g, store: StateStore.document(), props: () => g.shared.properties.document };
}

const VI = 'Viện kiểm sát nhân dân tỉnh Bà Rịa – Vũng Tàu, Đắk Nông, Thừa Thiên Huế ';

describe('the state within the property limits', () => {
  it('counts UTF-8 bytes as Apps Script does', () => {
    expect(utf8Bytes('abc')).toBe(3);
    expect(utf8Bytes('Đồng Nai')).toBe(Buffer.byteLength('Đồng Nai', 'utf8'));
    expect(utf8Bytes(VI)).toBe(Buffer.byteLength(VI, 'utf8'));
    expect(utf8Bytes('😀x')).toBe(5);
    expect(VALUE_BUDGET_BYTES).toBeLessThan(MAX_PROPERTY_VALUE_BYTES);
  });

  it('holds a 700-unit cluster set up through the action: every value small, the store under 500 KB', { timeout: 120_000 }, () => {
    const year = generateYear({ units: 700, criteria: 3, seed: 5, year: 2024 });
    const g = createFakeGoogle({ owner: OWNER, handlers: { [SETUP_HANDLER]: () => continueSetup() } });
    g.share(year.units.flatMap((u) => u.focalEmails));
    plug(g);
    const r = g.asUser(OWNER, () => setupYear({ cluster: year.cluster, units: year.units, crossCheckTeam: [], rules: year.rules, criteria: year.criteria }));
    expect(r.ok, r.message).toBe(true);
    for (let part = 0; part < 10 && g.shared.properties.document[KEY.setup]; part++) {
      for (const run of g.runDueTriggers(60 * 60_000)) expect(run.error).toBeUndefined();
    }
    const props = g.shared.properties.document;
    expect(props[KEY.setup]).toBeUndefined();
    expect(Object.keys(props).filter((k) => k.startsWith(KEY.tabPrefix))).toHaveLength(700);
    expect(largest(props)).toBeLessThanOrEqual(VALUE_BUDGET_BYTES);
    // Tab references: about 100 bytes a unit; every unit submitting and edited adds about 250 more.
    console.info(`700 units set up: ${Object.keys(props).length} properties, ${bytes(props)} bytes, largest value ${largest(props)} bytes`);
    expect(bytes(props)).toBeLessThan(MAX_PROPERTY_STORE_BYTES / 4);
  });

  it('keeps every per-unit value small even with long Vietnamese names, returns and edits at 700 units', () => {
    const { store, props } = plugged();
    const values: Record<string, string> = {};
    for (let i = 0; i < 700; i++) {
      const id = `VKSND tỉnh Bà Rịa – Vũng Tàu ${i}`;
      const [k, v] = StateStore.tabEntry(id, { sheetId: 1_000_000_000 + i, sheet: id, index: i + 6 });
      values[k] = v;
      values[KEY.lastEditPrefix + id] = '2024-11-15T02:00:00.000Z';
      values[KEY.submissionPrefix + id] = JSON.stringify({ status: 'submitted', at: '2024-11-15T02:00:00.000Z', by: `vanphong.vksnd.tinh.${i}@example.com` });
    }
    store.write(values);
    // A tenth of them returned with the longest reason the action keeps (500 characters).
    for (let i = 0; i < 700; i += 10) {
      store.write({ [KEY.submissionPrefix + `VKSND tỉnh Bà Rịa – Vũng Tàu ${i}`]: JSON.stringify({ status: 'returned', at: '2024-11-15T02:00:00.000Z', by: 'cumtruong@example.com', reason: 'ữ'.repeat(500) }) });
    }
    expect(largest(props())).toBeLessThanOrEqual(VALUE_BUDGET_BYTES);
    expect(bytes(props())).toBeLessThan(MAX_PROPERTY_STORE_BYTES);
  });

  it('splits queued log rows by bytes, cutting a cell too long for one value, and reads them back in order', () => {
    const { store, props } = plugged();
    // Each cell 1,000 Vietnamese characters: 3,000 bytes, 27 KB a row before cutting.
    const rows: LogRow[] = Array.from({ length: 30 }, (_, i) =>
      [`2024-11-15T02:00:${String(i).padStart(2, '0')}.000Z`, 2024, 'ữ'.repeat(1000), 'ữ'.repeat(1000), 'ữ'.repeat(1000), `A${i}`, 'ữ'.repeat(1000), 'ữ'.repeat(1000), 'ữ'.repeat(1000)]);
    store.queueLog(rows, '2024-11-15T02:00:00.000Z');
    expect(largest(props())).toBeLessThanOrEqual(VALUE_BUDGET_BYTES);
    const queued = store.read().queuedLog.flatMap((q) => q.rows);
    expect(queued.map((row) => row[5])).toEqual(rows.map((row) => row[5]));
    expect(queued.every((row) => row[7].startsWith('ữữữ'))).toBe(true);
    // Short rows share a value.
    const few = plugged();
    few.store.queueLog(Array.from({ length: 40 }, (_, i) => ['t', 2024, 'a@x.vn', 'Sửa ô', 'Đồng Nai', `G${i}`, '', 'Điểm', ''] as LogRow), 'now');
    expect(Object.keys(few.props())).toHaveLength(1);
  });

  it('drops the oldest late edits rather than let the year record outgrow a value', () => {
    const { store, props } = plugged();
    const late = (i: number) => ({ sheet: `${'Đơn vị có tên rất dài '.repeat(4)}${i}`, a1: 'F5:I43', at: '2024-11-15T02:00:00.000Z', by: `${'nguoi.dung.'.repeat(20)}${i}@example.com`, unitId: `Đơn vị ${i}` });
    const year: YearState = {
      year: 2024, owner: OWNER, summary: { rows: 700, columns: 26 }, archivedYears: [2020, 2021, 2022, 2023], auditTrigger: true,
      indexes: {}, ids: {}, lateEdits: Array.from({ length: MAX_LATE_EDITS }, (_, i) => late(i)),
    };
    expect(utf8Bytes(JSON.stringify(year))).toBeGreaterThan(VALUE_BUDGET_BYTES);
    store.write({ [KEY.year]: JSON.stringify(year) });
    expect(utf8Bytes(props()[KEY.year]!)).toBeLessThanOrEqual(VALUE_BUDGET_BYTES);
    const kept = store.read().year!.lateEdits!;
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.at(-1)!.sheet).toBe(late(MAX_LATE_EDITS - 1).sheet);
    store.setYear(year);
    expect(utf8Bytes(props()[KEY.year]!)).toBeLessThanOrEqual(VALUE_BUDGET_BYTES);
  });

  it('refuses, before writing anything, any other value over the budget', () => {
    const { store, props } = plugged();
    expect(() => store.write({ a: '1', [KEY.setup]: 'ữ'.repeat(3000) })).toThrow(/over 8000/);
    expect(props()).toEqual({});
  });
});
