/**
 * Sáng kiến and Quỹ: the calls of setupRegisters (first run, then again with nothing to add) on a
 * filled year, and what the registers add to recompute and to the sidebar's status call (one read
 * each of the tabs they need). One execution each, calls counted from zero.
 */
import { OWNER, prepareYear, actionRow, type ActionRow } from './world';

export type RegistersRow = ActionRow;

const row = actionRow;

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
