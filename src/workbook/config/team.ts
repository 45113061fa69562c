/** The cross-check team block of Cấu hình: e-mail, name, sending unit. */
import { cleanText, normalizeKey } from '../../core/input';
import type { Unit } from '../../core/model';
import { a1 } from '../a1';
import type { Grid } from '../grid';
import { isEmail } from '../setupCheck';
import { blockRows, CONFIG_LAYOUT, P, type ConfigReport, type TeamMember } from './layout';

/** Members with a valid, unrepeated e-mail; the others are reported and left out. */
export function parseTeam(grid: Grid, report: ConfigReport, units: readonly Unit[]): TeamMember[] {
  const L = CONFIG_LAYOUT;
  const team: TeamMember[] = [];
  for (const { row, cells } of blockRows(grid, L.team.column, L.team.width)) {
    const email = cleanText(cells[0]).toLowerCase();
    const at = a1(row, L.team.column);
    if (!isEmail(email)) {
      report.warn(at, P.badEmail(cleanText(cells[0])));
      continue;
    }
    if (team.some((m) => m.email === email)) {
      report.warn(at, P.teamDuplicate(email));
      continue;
    }
    const m: TeamMember = { email };
    if (cleanText(cells[1])) m.name = cleanText(cells[1]);
    const unitText = cleanText(cells[2]);
    if (unitText) {
      const u = units.find((x) => normalizeKey(x.id) === normalizeKey(unitText));
      m.unitId = u ? u.id : unitText;
    }
    team.push(m);
  }
  return team;
}
