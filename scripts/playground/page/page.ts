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
  const items = await getJson<MenuItem[]>('/api/menu');
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

async function runMenu(fn: string, label: string): Promise<void> {
  show(`Đang chạy: ${label}…`);
  const out = await postJson<{ ok: boolean; error?: string; ui?: string[] }>('/api/run', { user: state.user, fn, args: [] });
  const dialogs = (out.ui ?? []).join('\n');
  show(out.ok ? dialogs || `Xong: ${label}` : out.error ?? 'Lỗi', !out.ok);
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
      td.title = text;
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
  $<HTMLInputElement>('cell-input').value = state.grid?.values[row]?.[col] ?? '';
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

function loadSidebar(): void {
  $<HTMLIFrameElement>('sidebar').src = `/sidebar?user=${encodeURIComponent(state.user)}`;
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
  await loadPeople();
  await loadMenu();
  loadSidebar();
  await refresh();
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
    loadSidebar();
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
    loadSidebar();
    await refresh();
    show('Đã nạp lại năm mẫu.');
  });
  window.addEventListener('message', (e) => {
    if (e.origin !== location.origin) return;
    if ((e.data as { type?: string })?.type === 'thidua:ran') void refresh();
  });
}

void start();
