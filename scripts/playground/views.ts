/**
 * What the playground page shows, read from the fakes' state without counting calls (these are
 * the page's eyes, not the script's): sheets, a grid with the cells the chosen user may not edit,
 * the people to act as, the add-on menu, the generated documents.
 */
import { defaultRules } from '../../src/core/rules';
import { parseConfig } from '../../src/workbook/config';
import { workbookText } from '../../src/i18n/workbook';
import { columnLetter } from '../../src/workbook/a1';
import { conditionalBackgrounds, formulaErrorOf } from '../../test/fakes/sheets-formulas';
import type { PlaygroundHost } from './host';

export interface GridView {
  name: string;
  values: string[][];
  editable: boolean[][];
  backgrounds: string[][];
  bold: boolean[][];
  /** This person's active tab and cell (their own, as in Sheets: a run of theirs may move it). */
  active: { sheet: string; a1: string; stamp: number } | null;
  /** Column widths in pixels as the add-on set them (absent: Sheets' default 100). */
  widths: number[];
  frozenRows: number;
  frozenCols: number;
  /** The background conditional formatting paints on each cell ("" for none): it wins over the cell's own. */
  marks: string[][];
  /** Each cell's note ("" for none): Sheets shows a corner mark and the note on hover. */
  notes: string[][];
  /** Text wrapping the add-on set on each cell. */
  wraps: boolean[][];
  /** The formula each cell holds as typed ("" for none): the formula bar shows it. */
  formulas: string[][];
  /** The hover message of each cell showing an error (#ERROR!, #REF! …), "" for none. */
  errors: string[][];
}

/** Someone outside the cluster: the file is not shared with them. */
export const OUTSIDER = 'nguoingoai@example.org';

export function sheetList(host: PlaygroundHost): Array<{ name: string; hidden: boolean }> {
  return host.google.shared.spreadsheet.sheets.map((s) => ({ name: s.name, hidden: s.hidden }));
}

export function grid(host: PlaygroundHost, sheetName: string, user: string): GridView | null {
  const sheet = host.google.shared.spreadsheet.sheets.find((s) => s.name === sheetName);
  if (!sheet) return null;
  // As far as Sheets lets one scroll: the data, a margin of empty rows, and columns to Z at least.
  const data = host.google.peekDisplay(sheetName);
  const rows = Math.min(sheet.maxRows, Math.max(data.length + 20, 30));
  const cols = Math.min(sheet.maxCols, Math.max((data[0]?.length ?? 0) + 3, 26));
  const values = host.google.peekDisplay(sheetName, `A1:${columnLetter(cols)}${rows}`);
  const notes: string[][] = [];
  const wraps: boolean[][] = [];
  const editable: boolean[][] = [];
  const backgrounds: string[][] = [];
  const bold: boolean[][] = [];
  const formulas: string[][] = [];
  const errors: string[][] = [];
  for (let r = 1; r <= rows; r++) {
    const e: boolean[] = [];
    const b: string[] = [];
    const w: boolean[] = [];
    const f: string[] = [];
    const x: string[] = [];
    const n: string[] = [];
    const wr: boolean[] = [];
    for (let c = 1; c <= cols; c++) {
      e.push(user ? host.google.canUserEdit(user, sheetName, `${columnLetter(c)}${r}`) : false);
      const cell = sheet.rows[r]?.[c];
      b.push(cell?.bg ?? '');
      w.push(cell?.fw === 'bold');
      f.push(cell?.f ?? '');
      x.push(formulaErrorOf(cell)?.message ?? '');
      n.push(cell?.note ?? '');
      wr.push(cell?.wrap === true);
    }
    notes.push(n);
    wraps.push(wr);
    editable.push(e);
    backgrounds.push(b);
    bold.push(w);
    formulas.push(f);
    errors.push(x);
  }
  const active = host.selectionOf(user);
  const widths = Array.from({ length: cols }, (_, i) => sheet.colWidths[String(i + 1)] ?? 100);
  const marks = conditionalBackgrounds(host.google.shared.spreadsheet, sheet, rows, cols);
  return {
    name: sheetName, values, editable, backgrounds, bold, active, widths, frozenRows: sheet.frozenRows, frozenCols: sheet.frozenCols,
    formulas, errors, marks, notes, wraps,
  };
}

/** Everyone the sample year knows, with their role, then the owner and an outsider. */
export function people(host: PlaygroundHost): Array<{ email: string; label: string }> {
  const owner = host.google.env.owner;
  const out: Array<{ email: string; label: string }> = [{ email: owner, label: `${owner} — chủ sở hữu bảng tính` }];
  const configSheet = workbookText.tabs.config;
  if (host.google.shared.spreadsheet.sheets.some((s) => s.name === configSheet)) {
    const year = new Date().getFullYear();
    const parsed = parseConfig(host.google.peek(configSheet), { defaults: defaultRules(year) });
    const leader = parsed.cluster.leaderUnitId;
    for (const unit of parsed.units) {
      for (const email of unit.focalEmails) {
        const role = unit.id === leader ? 'cụm trưởng' : 'đầu mối';
        out.push({ email, label: `${email} — ${role}, ${unit.shortName}` });
      }
    }
    for (const member of parsed.team) out.push({ email: member.email, label: `${member.email} — đoàn kiểm tra chéo` });
  }
  out.push({ email: OUTSIDER, label: `${OUTSIDER} — người ngoài cụm` });
  const seen = new Set<string>();
  return out.filter((p) => (seen.has(p.email) ? false : (seen.add(p.email), true)));
}

/**
 * The add-on menu as onOpen builds it when `user` opens the file: Sheets runs onOpen for each
 * person who opens it, in AuthMode.LIMITED for an add-on used in this document.
 */
export function menuItems(host: PlaygroundHost, user: string): Array<{ label?: string; fn?: string; separator?: boolean }> {
  host.run(user || host.google.env.owner, 'onOpen', [{ authMode: 'LIMITED' }], { authMode: 'LIMITED' });
  const menu = host.google.ui.menus.find((m) => m.addon) ?? host.google.ui.menus[0];
  const out: Array<{ label?: string; fn?: string; separator?: boolean }> = [];
  const walk = (items: typeof menu extends undefined ? never : NonNullable<typeof menu>['items'], prefix: string) => {
    for (const item of items) {
      if (item.kind === 'separator') out.push({ separator: true });
      else if (item.kind === 'item') out.push({ label: prefix + item.caption, fn: item.functionName });
      else walk(item.items, `${prefix}${item.caption} ▸ `);
    }
  };
  if (menu) walk(menu.items, '');
  return out;
}

export function documentList(host: PlaygroundHost): Array<{ id: string; name: string; preview: string; folder: string }> {
  return host.documents().map((d) => ({ ...d, preview: `/documents/${encodeURIComponent(d.id)}` }));
}

export function documentPreview(host: PlaygroundHost, id: string): string | null {
  return host.documentHtml(id);
}
