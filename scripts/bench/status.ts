/**
 * The sidebar's one status call (getStatus), which the panel makes after every action, when the
 * clerk comes back to it and every minute while it is visible: its calls (reads only), its
 * modelled time and the size of its answer, on a year whose units filled their tabs.
 */
import { groupByName, simulatedMs } from './meter';
import { prepareYear } from './world';

export interface StatusRow {
  units: number;
  criteria: number;
  calls: number;
  simulatedMs: number;
  cpuMs: number;
  /** Bytes of the JSON answer google.script.run carries back. */
  answerBytes: number;
  byName: Array<{ name: string; count: number }>;
}

/** One getStatus as a unit's focal officer, after the year was recomputed once. */
export function benchStatus(units: number, criteria: number): StatusRow {
  const { world, year } = prepareYear(units, criteria);
  world.execute('recompute');
  const focal = year.units[0]!.focalEmails[0]!;
  const run = world.execute<{ ok: boolean; message?: string }>('getStatus', [], focal);
  if (!run.result.ok) throw new Error(`getStatus ${units}×${criteria} failed: ${run.result.message ?? ''}`);
  return {
    units, criteria, calls: run.calls.length, simulatedMs: simulatedMs(run.calls, run.cpuMs), cpuMs: Math.round(run.cpuMs),
    answerBytes: Buffer.byteLength(JSON.stringify(run.result)),
    byName: groupByName(run.calls).map((g) => ({ name: g.name, count: g.count })),
  };
}
