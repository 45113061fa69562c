/**
 * Sáng kiến and Quỹ: the calls of setupRegisters (first run, then again with nothing to add) on a
 * filled year, and what the registers add to recompute and to the sidebar's status call (one read
 * each of the tabs they need). One execution each, calls counted from zero.
 */
import { groupByName, simulatedMs } from './meter';
import { OWNER, prepareYear, type Execution } from './world';

export interface RegistersRow {
  action: string;
  units: number;
  criteria: number;
  calls: number;
  simulatedMs: number;
  cpuMs: number;
  byName: Array<{ name: string; count: number }>;
}

function row(action: string, units: number, criteria: number, run: Execution<{ ok: boolean; message?: string }>): RegistersRow {
  if (run.result.ok === false) throw new Error(`${action} ${units}×${criteria} failed: ${run.result.message ?? ''}`);
  return {
    action, units, criteria, calls: run.calls.length, simulatedMs: simulatedMs(run.calls, run.cpuMs), cpuMs: Math.round(run.cpuMs),
    byName: groupByName(run.calls).map((g) => ({ name: g.name, count: g.count })),
  };
}

/** Rows: recompute and getStatus without registers, setupRegisters (first, again), then recompute and getStatus with them. */
export function benchRegisters(units: number, criteria: number): RegistersRow[] {
  const { world } = prepareYear(units, criteria);
  const out: RegistersRow[] = [];
  world.execute('recompute');
  out.push(row('recompute (steady, no registers)', units, criteria, world.execute('recompute')));
  out.push(row('getStatus (no registers)', units, criteria, world.execute('getStatus')));
  out.push(row('setupRegisters', units, criteria, world.execute('setupRegisters', [], OWNER)));
  out.push(row('setupRegisters (again)', units, criteria, world.execute('setupRegisters', [], OWNER)));
  world.execute('recompute');
  out.push(row('recompute (steady, with registers)', units, criteria, world.execute('recompute')));
  out.push(row('getStatus (with registers)', units, criteria, world.execute('getStatus')));
  return out;
}
