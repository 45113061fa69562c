/**
 * The sample year the playground starts with: Cụm thi đua số 9, 2021, six provinces. Set up
 * through the bundle's own public function, then filled the way people would fill it — each focal
 * officer typing into their own tab, the cross-check team and the cụm trưởng into theirs — with one
 * unit left half done so the status panel has something to show.
 */
import { sampleYearConfig } from '../../src/app/sample';
import type { Phase, ScoreEntry } from '../../src/core/model';
import { sampleCluster9Year } from '../../src/core/samples';
import { workbookText } from '../../src/i18n/workbook';
import { a1 } from '../../src/workbook/a1';
import { PHASE_COLUMN, UNIT_LAYOUT } from '../../src/workbook/unitSheet';
import type { PlaygroundHost } from './host';

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
  // Set-up shares the file with everyone Cấu hình names; rights inside come from protections.
  const setup = host.run(owner, 'setupYear', [config]);
  if (!setup.ok) throw new Error(`Không khởi tạo được năm mẫu: ${setup.error}`);

  const kinds = new Map(year.criteria.rows.map((c) => [c.code, c.kind]));
  const leader = config.units.find((u) => u.id === config.cluster.leaderUnitId);
  const team = config.crossCheckTeam[0]?.email;
  const halfDone = config.units[config.units.length - 1]?.id;

  for (const unit of config.units) {
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
    typeAs(focal, UNIT_LAYOUT.column.result, (e) => e.result, false);
    const phases: Array<[Phase, string | undefined]> = [
      ['self', focal],
      ['crossCheck', team],
      ['final', leader?.focalEmails[0]],
    ];
    for (const [phase, who] of phases) {
      if (unit.id === halfDone && phase !== 'self') continue;
      typeAs(who, PHASE_COLUMN[phase], (e) => e[phase]);
    }
  }
  host.run(leader?.focalEmails[0] ?? owner, 'recompute', []);
}
