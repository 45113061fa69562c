/**
 * The sidebar shell: header (cluster, year, who you are), five tabs, and the panels. Data comes
 * through the typed `call` wrapper; panels load when first shown and when marked stale.
 */
import { clientText } from '../i18n/client';
import { call, scriptRunner } from './api';
import type { Status } from './types';
import type { Context, Panel, PanelId } from './context';
import { h, setChildren } from './dom';
import { createActionsPanel } from './panels/actions';
import { createProblemsPanel } from './panels/problems';
import { createResultsPanel } from './panels/results';
import { createSettingsPanel } from './panels/settings';
import { createStatusPanel } from './panels/status';
import { explainError } from './errors';
import { formatClock, formatDateTime } from './format';
import { startLive } from './live';
import { ActionRegistry, errorBox, messageBox } from './ui';
import { whoLabel } from './view';

const T = clientText;
const ORDER: PanelId[] = ['status', 'results', 'problems', 'actions', 'settings'];

function start(root: HTMLElement): void {
  let status: Status | null = null;
  let current: PanelId = 'status';
  const stale = new Set<PanelId>(ORDER);
  const panels = new Map<PanelId, Panel>();
  const tabs = new Map<PanelId, HTMLButtonElement>();
  const bodies = new Map<PanelId, HTMLElement>();

  const title = h('p', { class: 'cluster' }, T.header.noYear);
  const who = h('p', { class: 'who' });
  const closed = h('p', { class: 'closed', hidden: true }, T.header.closed);
  const banner = h('div', { class: 'banner', 'aria-live': 'polite' });
  // How current the panel is; never an old view passed off as current.
  const fresh = h('div', { class: 'fresh', 'aria-live': 'polite' });
  // Edits the sheet took back, said in red on every tab until the unit's status changes.
  const alerts = h('div', { class: 'alerts' });
  /** Server time of the status shown. */
  let shownAt: string | null = null;

  function renderFresh(state: 'loading' | 'ok' | 'failed', err?: unknown): void {
    fresh.className = `fresh ${state}`;
    const time = shownAt ? formatClock(shownAt) : null;
    if (state === 'loading') setChildren(fresh, time ? T.fresh.loadingSince(time) : T.fresh.loading);
    else if (state === 'ok') setChildren(fresh, time ? T.fresh.at(time) : '');
    else {
      // Before anything was shown the panel's own error box offers Thử lại; here only once a view stands.
      setChildren(fresh,
        h('span', null, `${T.fresh.failed(time)} ${explainError(err).message}`),
        time ? ' ' : null,
        time ? h('button', { type: 'button', class: 'btn link', on: { click: () => void ctx.refreshStatus().catch(() => undefined) } }, T.common.retry) : null);
    }
  }

  function renderAlerts(s: Status): void {
    const list = s.refusals ?? [];
    const late = s.lateEdits ?? [];
    const mine = (email: string) => email !== '' && email === s.user.email.toLowerCase();
    setChildren(alerts,
      list.length === 0 ? null : h('div', { class: 'msg error', role: 'alert' },
        h('p', { class: 'msg-text' }, h('strong', null, T.refusals.heading(list.length))),
        h('ul', { class: 'refusals' }, ...[...list].reverse().map((r) => h('li', null,
          T.refusals.item(T.problems.where(r.sheet, r.a1), formatDateTime(r.at), r.value, r.old, r.reason),
          mine(r.by) || r.by === '' ? null : ` ${T.refusals.by(r.by)}`)))),
      late.length === 0 ? null : h('div', { class: 'msg warn', role: 'status' },
        h('p', { class: 'msg-text' }, h('strong', null, T.refusals.lateHeading(late.length))),
        h('ul', { class: 'refusals' }, ...[...late].reverse().map((l) => h('li', null, T.refusals.lateItem(T.problems.where(l.sheet, l.a1), formatDateTime(l.at)))))));
  }

  function renderHeader(s: Status): void {
    title.textContent = s.setUp ? T.header.year(s.clusterName, s.year) : T.header.noYear;
    who.textContent = T.header.you(whoLabel(s), s.user.email || null);
    closed.hidden = !s.closed;
    // Errors at a glance on the Kiểm tra tab.
    const errors = s.setUp ? s.problems.errors : 0;
    problemsCount.textContent = errors > 99 ? '99+' : String(errors);
    problemsCount.hidden = errors === 0;
    tabs.get('problems')!.setAttribute('aria-label', errors > 0 ? T.tabs.problemsWithErrors(errors) : T.tabs.problems);
  }

  let statusLoad: Promise<Status> | null = null;
  let live: ReturnType<typeof startLive> | null = null;
  const ctx: Context = {
    call,
    actions: new ActionRegistry(),
    status: () => status,
    refreshStatus: () => {
      // One request at a time: panels asking together share it.
      if (!statusLoad) renderFresh('loading');
      statusLoad ??= call('getStatus')
        .then((s) => {
          status = s;
          shownAt = s.at ?? new Date(ctx.now()).toISOString();
          banner.replaceChildren();
          renderHeader(s);
          renderAlerts(s);
          renderFresh('ok');
          for (const p of panels.values()) p.onStatus?.(s);
          ctx.actions.refresh();
          return s;
        }, (err: unknown) => {
          renderFresh('failed', err);
          throw err;
        })
        .finally(() => {
          statusLoad = null;
          live?.loaded();
        });
      return statusLoad;
    },
    invalidate: (...ids) => {
      for (const id of ids) stale.add(id);
      if (ids.includes(current)) void loadCurrent();
    },
    show: (id) => select(id, true),
    now: () => Date.now(),
  };

  async function loadCurrent(): Promise<void> {
    const id = current;
    if (!stale.has(id)) return;
    stale.delete(id);
    await panels.get(id)?.load();
  }

  function select(id: PanelId, focus: boolean): void {
    current = id;
    for (const pid of ORDER) {
      const on = pid === id;
      const tab = tabs.get(pid)!;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      bodies.get(pid)!.hidden = !on;
    }
    if (focus) tabs.get(id)!.focus();
    ctx.actions.prune();
    void loadCurrent();
  }

  const tablist = h('div', { class: 'tabs', role: 'tablist', 'aria-label': T.tabs.label });
  const problemsCount = h('span', { class: 'count', 'aria-hidden': 'true', hidden: true });
  for (const id of ORDER) {
    const tab = h('button', { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': `panel-${id}`, class: 'tab' }, T.tabs[id], id === 'problems' ? problemsCount : null);
    tab.addEventListener('click', () => select(id, false));
    tab.addEventListener('keydown', (e: KeyboardEvent) => {
      const i = ORDER.indexOf(id);
      const next = e.key === 'ArrowRight' ? ORDER[(i + 1) % ORDER.length] : e.key === 'ArrowLeft' ? ORDER[(i + ORDER.length - 1) % ORDER.length]
        : e.key === 'Home' ? ORDER[0] : e.key === 'End' ? ORDER[ORDER.length - 1] : undefined;
      if (next) {
        e.preventDefault();
        select(next, true);
      }
    });
    tabs.set(id, tab);
    tablist.append(tab);
  }

  const factories: Record<PanelId, (c: Context) => Panel> = {
    status: createStatusPanel,
    results: createResultsPanel,
    problems: createProblemsPanel,
    actions: createActionsPanel,
    settings: createSettingsPanel,
  };
  const main = h('main', { class: 'panels' });
  for (const id of ORDER) {
    const panel = factories[id](ctx);
    panels.set(id, panel);
    const body = h('div', { class: 'panel', role: 'tabpanel', id: `panel-${id}`, 'aria-labelledby': `tab-${id}`, tabindex: 0, hidden: true }, panel.el);
    bodies.set(id, body);
    main.append(body);
  }

  setChildren(root, h('header', { class: 'top' }, title, who, closed, fresh), tablist, banner, alerts, main);

  if (!scriptRunner()) {
    setChildren(banner, messageBox('error', T.errors.noRunner));
    return;
  }
  // Cells are typed in the sheet, not here: reload when the clerk comes back and now and then.
  live = startLive({
    refresh: () => ctx.refreshStatus(),
    visible: () => document.visibilityState !== 'hidden',
    busy: () => ctx.actions.isBusy,
    now: () => Date.now(),
    setInterval: (fn, ms) => window.setInterval(fn, ms),
  });
  window.addEventListener('focus', () => live?.comeBack());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') live?.comeBack();
  });
  select('status', false);
  // The other panels need the status too (rights, units): load it once for all.
  ctx.refreshStatus().catch((err: unknown) => {
    if (current !== 'status') setChildren(banner, errorBox(err, () => void ctx.refreshStatus().catch(() => undefined)));
  });
}

const root = document.getElementById('app');
if (root) start(root);
