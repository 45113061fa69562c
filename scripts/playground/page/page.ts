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
const state = { user: localStorage.getItem('thidua.user') ?? '', sheet: '', grid: null as Grid | null, selected: { row: 0, col: 0 } };

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
      b.addEventListener('click', () => {
        state.sheet = s.name;
        void refresh();
      });
      return b;
    }),
  );
}

async function loadGrid(): Promise<void> {
  if (!state.sheet) {
    $('grid').replaceChildren();
    return;
  }
  const grid = await getJson<Grid>(`/api/grid?sheet=${encodeURIComponent(state.sheet)}&user=${encodeURIComponent(state.user)}`);
  state.grid = grid;
  const rows = Math.max(grid.values.length + 3, 20);
  const cols = Math.max(grid.values[0]?.length ?? 0, 8);
  const table = $('grid');
  const head = document.createElement('tr');
  head.append(document.createElement('th'));
  for (let c = 0; c < cols; c++) {
    const th = document.createElement('th');
    th.textContent = columnName(c);
    th.style.width = `${grid.widths[c] ?? 100}px`;
    th.style.minWidth = th.style.width;
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
    for (let c = 0; c < cols; c++) {
      const td = document.createElement('td');
      const text = grid.values[r]?.[c] ?? '';
      td.textContent = text;
      // An error cell tells why on hover, as Sheets does.
      const error = grid.errors?.[r]?.[c] ?? '';
      td.title = error || text;
      if (error) td.classList.add('error');
      const editable = grid.editable[r]?.[c] ?? true;
      if (!editable) td.classList.add('locked');
      if (grid.bold[r]?.[c]) td.classList.add('bold');
      if (/^-?[\d.]+(,\d+)?$/.test(text)) td.classList.add('num');
      const bg = grid.backgrounds[r]?.[c];
      if (bg && bg !== '#ffffff') td.style.backgroundColor = bg;
      td.dataset.row = String(r);
      td.dataset.col = String(c);
      tr.append(td);
    }
    body.push(tr);
  }
  table.replaceChildren(...body);
  const active = grid.active && grid.active.sheet === grid.name ? grid.active.a1 : null;
  if (active) {
    const m = /^([A-Z]+)(\d+)/.exec(active);
    if (m) {
      let col = 0;
      for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
      select(Number(m[2]) - 1, col - 1);
      return;
    }
  }
  select(state.selected.row, state.selected.col);
}

function select(row: number, col: number): void {
  state.selected = { row, col };
  document.querySelectorAll('.grid td.selected').forEach((td) => td.classList.remove('selected'));
  const td = document.querySelector<HTMLTableCellElement>(`.grid td[data-row="${row}"][data-col="${col}"]`);
  td?.classList.add('selected');
  td?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  $('cell-name').textContent = `${columnName(col)}${row + 1}`;
  // The formula bar shows a formula as typed, not its value.
  $<HTMLInputElement>('cell-input').value = state.grid?.formulas?.[row]?.[col] || (state.grid?.values[row]?.[col] ?? '');
}

async function commitEdit(): Promise<void> {
  const { row, col } = state.selected;
  const value = $<HTMLInputElement>('cell-input').value;
  const range = `${columnName(col)}${row + 1}`;
  const out = await postJson<{ ok: boolean; message?: string; error?: string }>('/api/edit', {
    user: state.user,
    sheet: state.sheet,
    range,
    values: [[value]],
  });
  if (out.ok) show('');
  else show(out.message ?? out.error ?? 'Không sửa được ô này', true);
  await loadGrid();
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
    await loadGrid();
    await loadDocs();
  } catch (err) {
    show(err instanceof Error ? err.message : String(err), true);
  }
}

async function start(): Promise<void> {
  // Listeners first: the menu works while the grid is still loading.
  $('sidebar-close').addEventListener('click', () => void closeSidebar());
  $('grid').addEventListener('click', (e) => {
    const td = (e.target as HTMLElement).closest('td');
    if (td?.dataset.row) select(Number(td.dataset.row), Number(td.dataset.col));
  });
  $('grid').addEventListener('dblclick', () => $<HTMLInputElement>('cell-input').focus());
  $<HTMLInputElement>('cell-input').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') void commitEdit();
  });
  $<HTMLSelectElement>('user-select').addEventListener('change', (e) => {
    state.user = (e.target as HTMLSelectElement).value;
    localStorage.setItem('thidua.user', state.user);
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
    await loadMenu();
    await loadSidebar();
    await refresh();
    show('Đã nạp lại năm mẫu.');
  });
  window.addEventListener('message', (e) => {
    if (e.origin !== location.origin) return;
    const type = (e.data as { type?: string })?.type;
    if (type === 'thidua:ran') void refresh();
    if (type === 'thidua:close') void closeSidebar();
  });
  await loadPeople();
  await loadMenu();
  await loadSidebar();
  await refresh();
}

void start();
