/**
 * The playground page: the spreadsheet as a person sees it (tabs, grid, protected cells marked),
 * the Thi đua menu, a user switcher, the real sidebar in an iframe, and the generated documents.
 * Everything from the sheet is put in the page as text (textContent), never as HTML.
 */
import { columnLetter } from '../../../src/workbook/a1';
import type { GridView as Grid } from '../views';

interface Person { email: string; label: string }
interface MenuItem { label?: string; fn?: string; separator?: boolean }
interface Doc { id: string; name: string; preview: string; folder: string }

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const state = {
  user: localStorage.getItem('thidua.user') ?? '',
  sheet: '',
  grid: null as Grid | null,
  selected: { row: 0, col: 0 },
  /** The cell being typed into (Sheets' in-cell editor), with what it held before; null when none. */
  editing: null as { row: number; col: number; before: string } | null,
  /** Whether this page told the server its tab and cell since it opened (or changed person). */
  told: '',
  /** The newest selection stamp this page knows (its own or one it followed): an older view is stale. */
  stamp: 0,
  /** Edits this page sent: a view fetched before the newest one is stale and is not drawn. */
  writes: 0,
  /** Edits on their way to the server: a view fetched now may miss them. */
  sending: 0,
};

async function getJson<T>(url: string): Promise<T> {
  const r = await fetch(url);
  if (!r.ok) throw new Error((await r.json().catch(() => ({ error: r.statusText }))).error ?? r.statusText);
  return (await r.json()) as T;
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await r.json()) as T;
}

function show(message: string, isError = false): void {
  const box = $('message');
  box.textContent = message;
  box.classList.toggle('error', isError);
  box.hidden = message === '';
}

/** Letters of a 0-based column. */
const columnName = (n: number): string => columnLetter(n + 1);

async function loadPeople(): Promise<void> {
  const people = await getJson<Person[]>('/api/people');
  const select = $<HTMLSelectElement>('user-select');
  select.replaceChildren(...people.map((p) => new Option(p.label, p.email)));
  if (!people.some((p) => p.email === state.user)) state.user = people[0]?.email ?? '';
  select.value = state.user;
}

/** The sample year is seen on one of its days: say which, near the top; nothing on the machine's time. */
async function loadClock(): Promise<void> {
  const { day } = await getJson<{ day: string | null }>('/api/clock');
  const line = $('clock');
  line.textContent = day ? `Ngày giả lập: ${day} (năm mẫu)` : '';
  line.hidden = !day;
}

async function loadMenu(): Promise<void> {
  // Sheets runs onOpen for each person who opens the file: the menu is theirs.
  const items = await getJson<MenuItem[]>(`/api/menu?user=${encodeURIComponent(state.user)}`);
  const list = $('menu-items');
  list.replaceChildren(
    ...items.map((item) => {
      const li = document.createElement('li');
      if (item.separator) {
        li.className = 'sep';
        return li;
      }
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = item.label ?? '';
      b.addEventListener('click', () => {
        list.hidden = true;
        void runMenu(item.fn ?? '', item.label ?? '');
      });
      li.append(b);
      return li;
    }),
  );
}

interface Dialog { kind: 'alert' | 'prompt'; title: string | null; prompt: string; buttons: string }
interface Answer { kind: 'alert' | 'prompt'; button: string; text?: string }
interface RunOut {
  ok: boolean;
  error?: string;
  alerts: Dialog[];
  toasts: Array<{ title: string; message: string; timeoutSeconds: number | null }>;
  sidebar: { title: string } | null;
  dialog: { title: string; width: number; height: number } | null;
  pending: Dialog | null;
}

/** Sheets' buttons for each ButtonSet, in its Vietnamese interface. */
const BUTTON_SETS: Record<string, string[]> = { OK: ['OK'], OK_CANCEL: ['OK', 'CANCEL'], YES_NO: ['YES', 'NO'], YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'] };
const BUTTON_LABELS: Record<string, string> = { OK: 'OK', CANCEL: 'Hủy', YES: 'Có', NO: 'Không' };

/** Shows an alert or prompt as Sheets does (modal, over the sheet) and resolves with the answer. */
function ask(dialog: Dialog): Promise<Answer> {
  return new Promise((resolve) => {
    const backdrop = $('dialog-backdrop');
    const input = $<HTMLInputElement>('dialog-input');
    $('dialog-title').textContent = dialog.title ?? '';
    $('dialog-text').textContent = dialog.prompt;
    input.hidden = dialog.kind !== 'prompt';
    input.value = '';
    const done = (button: string) => {
      backdrop.hidden = true;
      resolve(dialog.kind === 'prompt' ? { kind: 'prompt', button, text: input.value } : { kind: 'alert', button });
    };
    $('dialog-buttons').replaceChildren(
      ...(BUTTON_SETS[dialog.buttons] ?? ['OK']).map((name, i) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = BUTTON_LABELS[name] ?? name;
        if (i > 0) b.className = 'ghost';
        b.addEventListener('click', () => done(name));
        return b;
      }),
    );
    $('dialog-x').onclick = () => done('CLOSE');
    backdrop.hidden = false;
    (dialog.kind === 'prompt' ? input : $('dialog-buttons').querySelector('button'))?.focus();
  });
}

function toast(t: { title: string; message: string; timeoutSeconds: number | null }): void {
  const box = document.createElement('div');
  box.className = 'toast';
  box.setAttribute('role', 'status');
  if (t.title) {
    const title = document.createElement('strong');
    title.textContent = t.title;
    box.append(title);
  }
  box.append(t.message);
  $('toasts').append(box);
  // Sheets keeps a toast 5 s by default; a negative timeout keeps it until closed.
  const seconds = t.timeoutSeconds ?? 5;
  if (seconds >= 0) setTimeout(() => box.remove(), seconds * 1000);
  else box.addEventListener('click', () => box.remove());
}

/**
 * A menu item: Sheets runs the function it names. A dialog with a choice stops the run on the
 * server until the person answers; the run is then made again with the answers given so far.
 */
async function runMenu(fn: string, label: string, answers: Answer[] = []): Promise<void> {
  show(`Đang chạy: ${label}…`);
  // The run sees this window's tab and cell as its active sheet and range.
  if (state.editing) await commitEdit(0, 0);
  await tellSelection();
  const out = await postJson<RunOut>('/api/run', { user: state.user, fn, args: [], answers });
  if (out.pending) {
    show('');
    const answer = await ask(out.pending);
    return runMenu(fn, label, [...answers, answer]);
  }
  show(out.ok ? '' : out.error ?? 'Lỗi', !out.ok);
  out.toasts.forEach(toast);
  for (const a of out.alerts) if (a.kind === 'alert' && a.buttons === 'OK') await ask(a);
  if (out.sidebar) openSidebar(out.sidebar.title);
  if (out.dialog) openHtmlDialog(out.dialog);
  await refresh();
}

async function loadSheets(): Promise<void> {
  const sheets = await getJson<Array<{ name: string; hidden: boolean }>>('/api/sheets');
  const visible = sheets.filter((s) => !s.hidden);
  if (!visible.some((s) => s.name === state.sheet)) state.sheet = visible[0]?.name ?? '';
  $('tabs').replaceChildren(
    ...visible.map((s) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.setAttribute('role', 'tab');
      b.textContent = s.name;
      b.setAttribute('aria-selected', String(s.name === state.sheet));
      b.addEventListener('click', () => void openTab(s.name));
      return b;
    }),
  );
}

/** A person opens a tab: Sheets shows it from its top-left corner, with A1 selected. */
async function openTab(name: string): Promise<void> {
  if (state.editing) await commitEdit(0, 0);
  state.sheet = name;
  state.selected = { row: 0, col: 0 };
  await tellSelection();
  $('grid-wrap').scrollTo(0, 0);
  await refresh();
}

/** Tells the server this person's active tab and cell, as Sheets knows each window's selection. */
async function tellSelection(): Promise<void> {
  if (!state.sheet || !state.user) return;
  const range = `${columnName(state.selected.col)}${state.selected.row + 1}`;
  state.told = `${state.sheet}!${range}`;
  const out = await postJson<{ stamp?: number }>('/api/select', { user: state.user, sheet: state.sheet, range });
  state.stamp = Math.max(state.stamp, out.stamp ?? 0);
}

/** "G14" → 0-based row and column. */
function cellOf(a1: string): { row: number; col: number } | null {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

async function fetchGrid(): Promise<Grid> {
  return getJson<Grid>(`/api/grid?sheet=${encodeURIComponent(state.sheet)}&user=${encodeURIComponent(state.user)}`);
}

async function loadGrid(): Promise<void> {
  if (!state.sheet) {
    $('grid').replaceChildren();
    return;
  }
  // Someone typing keeps their cell: the grid is drawn again once they are done.
  if (state.editing) return;
  const writes = state.writes;
  let grid = await fetchGrid();
  // An edit sent meanwhile draws its own view once written: this one would take it back.
  if (writes !== state.writes || state.sending > 0) return;
  // A script this person ran selected a cell (Kiểm tra's "Đã chọn ô G14"): the window follows it.
  const moved = grid.active && grid.active.a1 && grid.active.stamp > state.stamp ? grid.active : null;
  if (moved) {
    state.stamp = moved.stamp;
    state.told = `${moved.sheet}!${moved.a1}`;
    state.selected = cellOf(moved.a1) ?? { row: 0, col: 0 };
    if (moved.sheet !== state.sheet) {
      state.sheet = moved.sheet;
      await loadSheets();
      grid = await fetchGrid();
    }
  }
  if (state.editing) return;
  state.grid = grid;
  drawGrid(grid);
  // Drawn again after any run (the sidebar's refreshes too): the view stays where the person left it,
  // unless a script moved the selection.
  select(state.selected.row, state.selected.col, moved ? 'center' : 'stay');
}

function drawGrid(grid: Grid): void {
  const rows = grid.values.length;
  const cols = grid.values[0]?.length ?? 0;
  const table = $('grid');
  table.dataset.sheet = grid.name;
  const widths = Array.from({ length: cols }, (_, c) => grid.widths[c] ?? 100);
  const head = document.createElement('tr');
  head.className = 'head';
  const corner = document.createElement('th');
  corner.className = 'corner';
  head.append(corner);
  for (let c = 0; c < cols; c++) {
    const th = document.createElement('th');
    th.textContent = columnName(c);
    th.style.width = `${widths[c]}px`;
    th.style.minWidth = th.style.width;
    th.style.maxWidth = th.style.width;
    head.append(th);
  }
  const body: HTMLTableRowElement[] = [head];
  for (let r = 0; r < rows; r++) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.className = 'row';
    th.textContent = String(r + 1);
    tr.append(th);
    if (r < grid.frozenRows) tr.classList.add('frozen');
    if (r === grid.frozenRows - 1) tr.classList.add('frozen-last');
    for (let c = 0; c < cols; c++) {
      const td = document.createElement('td');
      const text = grid.values[r]?.[c] ?? '';
      td.textContent = text;
      td.style.maxWidth = `${widths[c]}px`;
      // Text runs on over the empty cells to its right, as in Sheets; it is cut at the first filled one.
      const isNumber = /^-?[\d.]+(,\d+)?%?$/.test(text);
      if (text && !isNumber && !grid.wraps?.[r]?.[c] && c >= grid.frozenCols) {
        let room = widths[c]!;
        for (let k = c + 1; k < cols && !(grid.values[r]?.[k]) && room < 2000; k++) room += widths[k]!;
        if (room > widths[c]!) {
          const span = document.createElement('span');
          span.className = 'spill';
          span.style.maxWidth = `${room - 9}px`;
          span.textContent = text;
          td.replaceChildren(span);
          td.classList.add('spills');
        }
      }
      const error = grid.errors?.[r]?.[c] ?? '';
      const note = grid.notes?.[r]?.[c] ?? '';
      // Hover shows what a narrow cell cuts off, an error's message, and the note, as Sheets does.
      td.title = [error || text, note].filter(Boolean).join('\n\n');
      if (error) td.classList.add('error');
      if (note) td.classList.add('has-note');
      if (grid.wraps?.[r]?.[c]) td.classList.add('wrap');
      const editable = grid.editable[r]?.[c] ?? true;
      if (!editable) td.classList.add('locked');
      if (grid.bold[r]?.[c]) td.classList.add('bold');
      if (isNumber) td.classList.add('num');
      // Conditional formatting paints over the cell's own background, as in Sheets.
      const mark = grid.marks?.[r]?.[c] ?? '';
      const bg = mark || grid.backgrounds[r]?.[c];
      if (mark) td.classList.add('marked');
      if (bg && bg !== '#ffffff') td.style.backgroundColor = bg;
      if (c < grid.frozenCols) td.classList.add('frozen-col');
      td.dataset.row = String(r);
      td.dataset.col = String(c);
      tr.append(td);
    }
    body.push(tr);
  }
  table.replaceChildren(...body);
  pinFrozen(grid, widths);
}

/** Frozen rows and columns stay in view while the rest scrolls, as setFrozenRows/Columns makes Sheets do. */
function pinFrozen(grid: Grid, widths: number[]): void {
  const table = $('grid');
  const head = table.querySelector<HTMLTableRowElement>('tr.head');
  let top = head?.offsetHeight ?? 0;
  const cols = widths.length;
  table.querySelectorAll<HTMLTableRowElement>('tr.frozen').forEach((tr) => {
    Array.from(tr.cells).forEach((cell, i) => {
      cell.style.top = `${top}px`;
      cell.classList.add('pinned-row');
      // Left cells above right ones, so a title running on over empty cells stays readable.
      cell.style.zIndex = i === 0 ? '500' : String(100 + cols - i);
    });
    top += tr.offsetHeight;
  });
  if (grid.frozenCols === 0) return;
  const rowHead = table.querySelector<HTMLTableCellElement>('th.row')?.offsetWidth ?? 40;
  table.querySelectorAll<HTMLTableRowElement>('tr').forEach((tr) => {
    let left = rowHead;
    for (let c = 0; c < grid.frozenCols; c++) {
      const cell = tr.cells[c + 1];
      if (!cell) break;
      cell.style.left = `${left}px`;
      cell.classList.add('pinned-col');
      // Column letters of frozen columns above every other header; frozen rows keep their order.
      if (tr.classList.contains('head')) cell.style.zIndex = '650';
      else if (!tr.classList.contains('frozen')) cell.style.zIndex = String(10 + grid.frozenCols - c);
      left += widths[c] ?? 100;
    }
  });
}

function cellAt(row: number, col: number): HTMLTableCellElement | null {
  return document.querySelector<HTMLTableCellElement>(`.grid td[data-row="${row}"][data-col="${col}"]`);
}

function select(row: number, col: number, scroll: 'nearest' | 'center' | 'stay' = 'nearest'): void {
  const rows = state.grid?.values.length ?? 1;
  const cols = state.grid?.values[0]?.length ?? 1;
  row = Math.max(0, Math.min(row, rows - 1));
  col = Math.max(0, Math.min(col, cols - 1));
  state.selected = { row, col };
  document.querySelectorAll('.grid td.selected').forEach((td) => td.classList.remove('selected'));
  const td = cellAt(row, col);
  td?.classList.add('selected');
  if (scroll === 'nearest') td?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  else if (scroll === 'center' && td) scrollToCell(td);
  $('cell-name').textContent = `${columnName(col)}${row + 1}`;
  // The formula bar shows a formula as typed, not its value.
  $<HTMLInputElement>('cell-input').value = cellText(row, col);
}

/** Brings a cell into view only when it is outside it (a tab opened at A1 stays at the left). */
function scrollToCell(td: HTMLTableCellElement): void {
  const wrap = $('grid-wrap');
  const a = td.getBoundingClientRect();
  const b = wrap.getBoundingClientRect();
  if (a.left < b.left || a.right > b.right || a.top < b.top || a.bottom > b.bottom) td.scrollIntoView({ block: 'center', inline: 'center' });
}

function cellText(row: number, col: number): string {
  return state.grid?.formulas?.[row]?.[col] || (state.grid?.values[row]?.[col] ?? '');
}

/** Moves the selection by a step (Enter, Tab, arrows) and tells the server. */
function move(dr: number, dc: number): void {
  select(state.selected.row + dr, state.selected.col + dc);
  void tellSelection();
}

/** Starts Sheets' in-cell editor: typing replaces the content; Enter, F2 or a double click keep it. */
function startEdit(initial: string | null): void {
  const { row, col } = state.selected;
  const td = cellAt(row, col);
  if (!td) return;
  const before = cellText(row, col);
  state.editing = { row, col, before };
  const input = document.createElement('input');
  input.className = 'cell-editor';
  input.setAttribute('aria-label', `Sửa ô ${columnName(col)}${row + 1}`);
  input.value = initial ?? before;
  td.replaceChildren(input);
  td.classList.add('editing');
  $<HTMLInputElement>('cell-input').value = input.value;
  input.addEventListener('input', () => {
    $<HTMLInputElement>('cell-input').value = input.value;
  });
  input.addEventListener('keydown', (e) => {
    // The grid's own keys (move, start typing) must not see the key that ends this edit.
    e.stopPropagation();
    const step = editKeys(e);
    if (step) {
      e.preventDefault();
      void commitEdit(step[0], step[1], input.value);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      cancelEdit();
    }
  });
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
}

/** Enter goes down, Tab right; with Shift, up and left. */
function editKeys(e: KeyboardEvent): [number, number] | null {
  if (e.key === 'Enter') return e.shiftKey ? [-1, 0] : [1, 0];
  if (e.key === 'Tab') return e.shiftKey ? [0, -1] : [0, 1];
  return null;
}

function cancelEdit(): void {
  const editing = state.editing;
  state.editing = null;
  if (!editing) return;
  const td = cellAt(editing.row, editing.col);
  td?.classList.remove('editing');
  if (td) td.textContent = state.grid?.values[editing.row]?.[editing.col] ?? '';
  select(editing.row, editing.col);
  $('grid-wrap').focus({ preventScroll: true });
}

/** Writes what was typed (one edit, one onEdit), then moves as Sheets does after Enter or Tab. */
async function commitEdit(dr: number, dc: number, typed?: string, next?: { row: number; col: number }): Promise<void> {
  const editing = state.editing;
  const { row, col } = editing ?? state.selected;
  const value = typed ?? $<HTMLInputElement>('cell-input').value;
  state.editing = null;
  const td = cellAt(row, col);
  td?.classList.remove('editing');
  // The cell shows what was typed and the selection moves at once: the next keys go to the next cell.
  if (td) td.textContent = editing ? value : td.textContent;
  // …and the page's copy holds it too, so that coming back to the cell before the server answers
  // (Shift+Tab, then typing or Escape) starts from what was typed, not from the view before.
  if (editing && state.grid) {
    const line = (state.grid.values[row] ??= []);
    line[col] = value;
    const formulas = state.grid.formulas?.[row];
    if (formulas) formulas[col] = value.startsWith('=') ? value : '';
  }
  select(next?.row ?? row + dr, next?.col ?? col + dc);
  $('grid-wrap').focus({ preventScroll: true });
  const write = !editing || value !== editing.before ? writeBlock(row, col, [[value]]) : Promise.resolve();
  await write;
  await tellSelection();
  await loadGrid();
}

/** One edit of a block from its top-left cell: Sheets fires one onEdit for a paste. */
async function writeBlock(row: number, col: number, values: string[][]): Promise<void> {
  state.writes++;
  state.sending++;
  const range = `${columnName(col)}${row + 1}`;
  let out: { ok: boolean; message?: string; error?: string; warning?: string };
  try {
    out = await postJson('/api/edit', { user: state.user, sheet: state.sheet, range, values });
  } finally {
    state.sending--;
  }
  if (out.ok) show(out.warning ?? '');
  else show(out.message ?? out.error ?? 'Không sửa được ô này', true);
}

/** Text copied from Sheets or Excel: rows on lines, cells split by tabs; the block is made rectangular. */
export function parseClipboard(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const rows = lines.map((l) => l.split('\t'));
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => '')]);
}

async function paste(text: string): Promise<void> {
  const block = parseClipboard(text);
  if (block.length === 0 || (block.length === 1 && block[0]!.length === 1 && block[0]![0] === '')) return;
  const { row, col } = state.selected;
  await writeBlock(row, col, block);
  await loadGrid();
}

/** Keys on the grid when no cell is being typed into, as in Sheets. */
function gridKeys(e: KeyboardEvent): void {
  if (state.editing || e.ctrlKey || e.metaKey || e.altKey) return;
  const arrows: Record<string, [number, number]> = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowRight: [0, 1], ArrowLeft: [0, -1] };
  const step = arrows[e.key] ?? (e.key === 'Tab' ? editKeys(e) : null);
  if (step) {
    e.preventDefault();
    move(step[0], step[1]);
  } else if (e.key === 'Enter' || e.key === 'F2') {
    e.preventDefault();
    startEdit(null);
  } else if (e.key === 'Delete' || e.key === 'Backspace') {
    e.preventDefault();
    void writeBlock(state.selected.row, state.selected.col, [['']]).then(loadGrid);
  } else if (e.key.length === 1) {
    // A printable key replaces the cell's content, as typing on a selected cell does in Sheets.
    e.preventDefault();
    startEdit(e.key);
  }
}

async function loadDocs(): Promise<void> {
  const docs = await getJson<Doc[]>('/api/documents');
  const list = $('docs');
  if (docs.length === 0) {
    const li = document.createElement('li');
    li.textContent = 'Chưa có văn bản nào.';
    list.replaceChildren(li);
    return;
  }
  list.replaceChildren(
    ...docs.map((d) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = d.preview;
      a.target = '_blank';
      a.rel = 'noopener';
      a.textContent = d.name;
      li.append(a);
      return li;
    }),
  );
}

/** A dialog shows only what the add-on handed to Ui.showModalDialog for this person, at its size. */
function openHtmlDialog(d: { title: string; width: number; height: number }): void {
  $('html-dialog-title').textContent = d.title;
  const frame = $<HTMLIFrameElement>('html-dialog-frame');
  frame.style.width = `${d.width}px`;
  frame.style.height = `${d.height}px`;
  frame.src = `/dialog?user=${encodeURIComponent(state.user)}&shown=${Date.now()}`;
  $('html-dialog-backdrop').hidden = false;
}

async function closeHtmlDialog(): Promise<void> {
  $('html-dialog-backdrop').hidden = true;
  $<HTMLIFrameElement>('html-dialog-frame').src = 'about:blank';
  await postJson('/api/dialog/close', { user: state.user });
}

/** The sidebar shows only what the add-on handed to Ui.showSidebar for this person. */
function openSidebar(title: string): void {
  $('sidebar-title').textContent = title;
  $('sidebar-pane').hidden = false;
  $('sidebar-hint').hidden = true;
  $<HTMLIFrameElement>('sidebar').src = `/sidebar?user=${encodeURIComponent(state.user)}&shown=${Date.now()}`;
}

function hideSidebar(): void {
  $('sidebar-pane').hidden = true;
  $('sidebar-hint').hidden = false;
  $<HTMLIFrameElement>('sidebar').src = 'about:blank';
}

async function closeSidebar(): Promise<void> {
  hideSidebar();
  await postJson('/api/sidebar/close', { user: state.user });
}

/** Each person has their own browser: show their sidebar if they had opened it. */
async function loadSidebar(): Promise<void> {
  const s = await getJson<{ open: boolean; title: string }>(`/api/sidebar?user=${encodeURIComponent(state.user)}`);
  if (s.open) openSidebar(s.title);
  else hideSidebar();
}

async function refresh(): Promise<void> {
  try {
    await loadSheets();
    if (!state.told) {
      // The window opened on this tab: the server learns it before any run asks for the active sheet.
      const mine = await getJson<Grid>(`/api/grid?sheet=${encodeURIComponent(state.sheet)}&user=${encodeURIComponent(state.user)}`).catch(() => null);
      if (mine?.active?.a1) {
        state.stamp = Math.max(state.stamp, mine.active.stamp);
        state.sheet = mine.active.sheet;
        state.selected = cellOf(mine.active.a1) ?? state.selected;
        await loadSheets();
      }
      await tellSelection();
    }
    await loadGrid();
    await loadDocs();
  } catch (err) {
    show(err instanceof Error ? err.message : String(err), true);
  }
}

async function start(): Promise<void> {
  // Listeners first: the menu works while the grid is still loading.
  $('sidebar-close').addEventListener('click', () => void closeSidebar());
  $('html-dialog-x').addEventListener('click', () => void closeHtmlDialog());
  const wrap = $('grid-wrap');
  $('grid').addEventListener('click', (e) => {
    const td = (e.target as HTMLElement).closest('td');
    if (!td?.dataset.row || td.classList.contains('editing')) return;
    const target = { row: Number(td.dataset.row), col: Number(td.dataset.col) };
    // Clicking away from a cell being typed into keeps what was typed, as in Sheets.
    if (state.editing) return void commitEdit(0, 0, undefined, target);
    select(target.row, target.col);
    void tellSelection();
    wrap.focus({ preventScroll: true });
  });
  $('grid').addEventListener('dblclick', (e) => {
    const td = (e.target as HTMLElement).closest('td');
    if (td?.dataset.row && !state.editing) startEdit(null);
  });
  wrap.addEventListener('keydown', gridKeys);
  wrap.addEventListener('paste', (e) => {
    if (state.editing) return;
    e.preventDefault();
    void paste(e.clipboardData?.getData('text/plain') ?? '');
  });
  $<HTMLInputElement>('cell-input').addEventListener('keydown', (e) => {
    const step = editKeys(e);
    if (e.key === 'Escape') {
      // As in Sheets: the formula bar goes back to what the cell holds.
      e.preventDefault();
      if (state.editing) cancelEdit();
      else select(state.selected.row, state.selected.col, 'stay');
      $('grid-wrap').focus({ preventScroll: true });
    } else if (step) {
      e.preventDefault();
      void commitEdit(e.key === 'Enter' ? step[0] : 0, e.key === 'Tab' ? step[1] : 0, $<HTMLInputElement>('cell-input').value);
    }
  });
  $<HTMLSelectElement>('user-select').addEventListener('change', (e) => {
    state.user = (e.target as HTMLSelectElement).value;
    localStorage.setItem('thidua.user', state.user);
    // Each person has their own window: theirs shows what they last selected.
    state.told = '';
    state.stamp = 0;
    void loadMenu();
    void loadSidebar();
    void refresh();
  });
  const menuButton = $('menu-button');
  menuButton.addEventListener('click', () => {
    const list = $('menu-items');
    list.hidden = !list.hidden;
    menuButton.setAttribute('aria-expanded', String(!list.hidden));
  });
  $('reset-button').addEventListener('click', async () => {
    if (!confirm('Xóa toàn bộ dữ liệu thử và nạp lại năm mẫu?')) return;
    await postJson('/api/reset', { sample: true });
    await loadPeople();
  await loadClock();
    await loadMenu();
    await loadSidebar();
    await refresh();
    show('Đã nạp lại năm mẫu.');
  });
  $('empty-button').addEventListener('click', async () => {
    if (!confirm('Xóa toàn bộ dữ liệu thử và bắt đầu từ một bảng tính trống?')) return;
    await postJson('/api/reset', {});
    await loadPeople();
  await loadClock();
    // An empty file has only its owner: the owner opens the menu and sets the year up.
    state.user = $<HTMLSelectElement>('user-select').options[0]?.value ?? state.user;
    $<HTMLSelectElement>('user-select').value = state.user;
    localStorage.setItem('thidua.user', state.user);
    state.sheet = '';
    state.told = '';
    state.stamp = 0;
    state.selected = { row: 0, col: 0 };
    await loadMenu();
    await loadSidebar();
    await refresh();
    show('Bảng tính trống của chủ sở hữu. Chọn Tiện ích mở rộng ▸ Thi đua ▸ Khởi tạo năm thi đua (hoặc Mở bảng điều khiển ▸ Thao tác) để tạo năm thi đua.');
  });
  window.addEventListener('message', (e) => {
    if (e.origin !== location.origin) return;
    const type = (e.data as { type?: string })?.type;
    if (type === 'thidua:ran') void refresh();
    // google.script.host.close() closes the frame it is called from: the dialog or the sidebar.
    if (type === 'thidua:close') void (e.source === $<HTMLIFrameElement>('html-dialog-frame').contentWindow ? closeHtmlDialog() : closeSidebar());
  });
  await loadPeople();
  await loadClock();
  await loadMenu();
  await loadSidebar();
  await refresh();
}

void start();
