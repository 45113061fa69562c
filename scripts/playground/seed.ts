/**
 * The sample year the playground starts with: Cụm thi đua số 9, 2021, six provinces. As in most
 * clusters the file belongs to another account than the cụm trưởng's, and everyone is on consumer
 * accounts (the fakes' default): the owner shares the file with the cụm trưởng, who sets the year
 * up through the bundle's own public function; the owner then runs set-up once, which turns on
 * the edit log (the installable trigger must be the owner's). Then the year is filled the way
 * people would fill it — each focal officer typing into their own tab and submitting it, then the
 * cross-check team and the cụm trưởng typing into theirs — with one unit left half done and not
 * submitted: late against the sample's self-scoring date, so Tình hình shows exactly one late
 * unit, Tổng hợp keeps its rank provisional and proposes the five others. Nhật ký shows those edits as "không rõ người sửa": Google does not tell the owner's trigger.
 */
import { sampleYearConfig } from '../../src/app/sample';
import type { Phase, ScoreEntry } from '../../src/core/model';
import { sampleCluster9Year } from '../../src/core/samples';
import { workbookText } from '../../src/i18n/workbook';
import { a1 } from '../../src/workbook/a1';
import { PHASE_COLUMN, UNIT_LAYOUT } from '../../src/workbook/unitSheet';
import type { PlaygroundHost } from './host';
import { seedRegisters } from './seedRegisters';
import { seedMidYear } from './seedMidYear';

export const SAMPLE_YEAR = 2021;

/** What a person types for a phase value: "Có"/"Không" on veto rows, the number otherwise. */
function typed(value: number, isVeto: boolean): string | number {
  if (!isVeto) return value;
  return value === 1 ? workbookText.unit.vetoYes : workbookText.unit.vetoNo;
}

export function seedSampleYear(host: PlaygroundHost): void {
  const owner = host.google.env.owner;
  const config = sampleYearConfig(SAMPLE_YEAR);
  const year = sampleCluster9Year(SAMPLE_YEAR);
  const leader = config.units.find((u) => u.id === config.cluster.leaderUnitId);
  const clerk = leader?.focalEmails[0] ?? owner;
  // The owner shares the file with the cụm trưởng; set-up shares it with everyone Cấu hình names.
  host.google.share([clerk]);
  // The year is lived on its own dates (Cấu hình's timetable): set up in March, scored and
  // submitted before the self-scoring date, cross-checked before its date.
  const on = (iso: string | undefined, fn: () => void) => host.at(new Date(`${iso ?? `${SAMPLE_YEAR}-01-01`}T01:00:00Z`), fn);
  const before = (iso: string | undefined, days: number) => (iso ? new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10) : undefined);
  const D = config.deadlines ?? {};
  on(before(D.registration, 20), () => {
    for (const who of [clerk, owner]) {
      const setup = host.run(who, 'setupYear', who === clerk ? [config] : []);
      const answer = setup.result as { ok?: boolean; message?: string } | undefined;
      if (!setup.ok || answer?.ok === false) throw new Error(`Không khởi tạo được năm mẫu: ${setup.error || answer?.message}`);
    }
  });

  const kinds = new Map(year.criteria.rows.map((c) => [c.code, c.kind]));
  const team = config.crossCheckTeam[0]?.email;
  const halfDone = config.units[config.units.length - 1]?.id;

  /** Types a unit's phases, in the order people fill them: result and self before submitting, the rest after. */
  const fill = (unit: (typeof config.units)[number], phases: Phase[], withResults: boolean) => {
    const tab = unit.shortName;
    const grid = host.google.peek(tab);
    const rowOf = new Map<string, number>();
    grid.forEach((line, i) => {
      if (i + 1 >= UNIT_LAYOUT.firstRow && line[UNIT_LAYOUT.column.code - 1]) rowOf.set(String(line[UNIT_LAYOUT.column.code - 1]), i + 1);
    });
    const entries = year.scores.find((s) => s.unitId === unit.id)?.entries ?? [];
    const usable = unit.id === halfDone ? entries.slice(0, Math.ceil(entries.length / 2)) : entries;
    const typeAs = (email: string | undefined, column: number, pick: (e: ScoreEntry) => number | undefined, isVeto = true) => {
      if (!email) return;
      for (const e of usable) {
        const row = rowOf.get(e.code);
        const v = pick(e);
        if (row === undefined || v === undefined) continue;
        host.edit(email, tab, a1(row, column), [[typed(v, isVeto && kinds.get(e.code) === 'veto')]]);
      }
    };
    const focal = unit.focalEmails[0];
    const who: Record<Phase, string | undefined> = { self: focal, crossCheck: team, final: leader?.focalEmails[0] };
    if (withResults) typeAs(focal, UNIT_LAYOUT.column.result, (e) => e.result, false);
    for (const phase of phases) typeAs(who[phase], PHASE_COLUMN[phase], (e) => e[phase]);
  };

  seedMidYear(host, SAMPLE_YEAR, clerk, config.units, year);
  on(before(D.selfScore, 5), () => {
    for (const unit of config.units) fill(unit, ['self'], true);
    // Each complete unit's focal officer submits (Nộp bảng tự chấm), as in the sidebar.
    for (const unit of config.units) {
      if (unit.id === halfDone) continue;
      const sent = host.run(unit.focalEmails[0] ?? owner, 'submit', [unit.id]);
      const answer = sent.result as { ok?: boolean; message?: string } | undefined;
      if (!sent.ok || answer?.ok === false) throw new Error(`${unit.id} không nộp được: ${sent.error || answer?.message}`);
    }
  });
  on(before(D.crossCheck, 3), () => {
    for (const unit of config.units) if (unit.id !== halfDone) fill(unit, ['crossCheck', 'final'], false);
    seedRegisters(host, SAMPLE_YEAR, clerk, config.units);
    host.run(leader?.focalEmails[0] ?? owner, 'recompute', []);
  });
  // The clerk opens the sample on one of its own days, not years later: the eve of the ballot
  // meeting (after the cross-check date), 08:00 Việt Nam time, the script's clock running on from it.
  host.holdClock(sampleDay(config.deadlines?.ballot));
}

/** 08:00 Việt Nam time (01:00 UTC) on the day before the sample's ballot meeting. */
export function sampleDay(ballot: string | undefined): Date {
  return new Date(Date.parse(`${ballot ?? `${SAMPLE_YEAR}-11-16`}T01:00:00Z`) - 86_400_000);
}
