/**
 * Trao đổi dữ liệu, đôn đốc: download the year's results (JSON / CSV, built here from the server's
 * text: no Drive scope), the reminder to units that have not submitted (a mailto: link the person
 * opens), the criteria import from a tab (preview, then write), and the sector roll-up.
 */
import { exchangeClientText as X } from '../../../i18n/exchange';
import { clientText } from '../../../i18n/client';
import type { Result } from '../../api';
import { h } from '../../dom';
import { field, section } from '../../ui';
import type { Permission } from '../../view';
import { option, type ActionKit, type ActionSection } from './shared';

type ExportResult = Extract<Result<'exportResults'>, { json: string }>;
type Reminder = Extract<Result<'prepareReminder'>, { href: string }>;
type Preview = Extract<Result<'previewCriteriaImport'>, { rows: unknown }>;

/** A link to a file made here; clicked once for the person (the sidebar's frame allows downloads). */
function download(text: string, name: string, type: string): HTMLElement {
  // A BOM so that Excel opens the CSV as UTF-8 (Vietnamese letters intact).
  const blob = new Blob([type === 'text/csv' ? '\uFEFF' : '', text], { type: `${type};charset=utf-8` });
  const a = h('a', { download: name, class: 'download' }, name);
  a.href = URL.createObjectURL(blob);
  a.click();
  return h('p', null, X.downloadReady, a);
}

/** The reminder's mailto: link, opened outside the sandboxed sidebar. */
function mailLink(r: Reminder): HTMLElement | null {
  if (typeof r?.href !== 'string' || !r.href.startsWith('mailto:')) return null;
  const a = h('a', { target: '_blank', rel: 'noopener noreferrer', class: 'btn primary small' }, X.openMail);
  a.href = r.href;
  return h('p', null, a);
}

function previewTable(p: Preview): HTMLElement {
  const L = p.letters;
  return h('div', { class: 'preview' },
    L ? h('p', { class: 'hint' }, X.detected(L.code, L.content, L.max, p.headerRow)) : null,
    h('p', { class: 'hint' }, X.previewCount(p.rowCount)),
    h('table', { class: 'mini' },
      h('thead', null, h('tr', null, ...X.previewHeader.map((t) => h('th', null, t)))),
      h('tbody', null, ...p.rows.map((r) => h('tr', null, h('td', null, r.code), h('td', null, r.content), h('td', null, String(r.maxPoints)), h('td', null, r.kind))))));
}

export function createExchangeSection({ ctx, reg, act }: ActionKit): ActionSection {
  const region = h('div', { class: 'progress', 'aria-live': 'polite' });
  const setUp = (): Permission => {
    const s = ctx.status();
    return s?.setUp ? { allowed: true, reason: '' } : { allowed: false, reason: s ? clientText.common.notSetUp : clientText.common.loading };
  };
  const fromStatus = (key: 'returnSubmission' | 'setupYear') => (): Permission => {
    const p = ctx.status()?.can?.[key];
    return p?.allowed ? { allowed: true, reason: '' } : { allowed: false, reason: p?.reason ?? clientText.common.loading };
  };

  const exportAs = (kind: 'json' | 'csv') => () => void act(region, X.exportSteps, () => ctx.call('exportResults'), '', undefined, (result) => {
    const r = result as ExportResult;
    if (typeof r?.json !== 'string') return null;
    return kind === 'json' ? download(r.json, r.fileNames.json, 'application/json') : download(r.csv, r.fileNames.csv, 'text/csv');
  });
  const jsonButton = reg.button(X.exportJson, setUp, exportAs('json'), 'secondary');
  const csvButton = reg.button(X.exportCsv, setUp, exportAs('csv'), 'secondary');

  const remindButton = reg.button(X.remindButton, fromStatus('returnSubmission'),
    () => void act(region, X.remindSteps, () => ctx.call('prepareReminder'), '', undefined, (r) => mailLink(r as Reminder)), 'secondary');

  // The tabs to import from are asked for when the list is first opened.
  const sheet = h('select', { name: 'importSheet' }, option('', '—'));
  let listed = false;
  const list = () => {
    if (listed) return;
    listed = true;
    ctx.call('importableSheets').then((r) => {
      const names = (r as { sheets?: unknown }).sheets;
      if (Array.isArray(names)) sheet.append(...names.filter((n): n is string => typeof n === 'string').map((n) => option(n, n)));
    }).catch(() => { listed = false; });
  };
  sheet.addEventListener('focus', list);
  sheet.addEventListener('pointerdown', list);
  const previewButton = reg.button(X.importPreview, fromStatus('setupYear'), () => {
    const name = sheet.value;
    void act(region, X.importSteps, () => ctx.call('previewCriteriaImport', name), X.importPreview, undefined, (result) => {
      const p = result as Preview;
      if (!Array.isArray(p?.rows)) return null;
      const write = h('button', { type: 'button', class: 'btn primary small', disabled: p.blocked },
        X.importButton);
      write.addEventListener('click', () => void act(region, X.importApplySteps, () => ctx.call('importCriteria', name), ''));
      return h('div', null, previewTable(p), write);
    });
  }, 'secondary');

  // A sector sheet has no year: anyone may roll up there; in a cluster's year it is the cụm trưởng's (as on the server).
  const rollUp = (): Permission => (ctx.status()?.setUp ? fromStatus('returnSubmission')() : { allowed: true, reason: '' });
  const rollUpButton = reg.button(X.rollUpButton, rollUp,
    () => void act(region, X.rollUpSteps, () => ctx.call('rollUpSector'), ''), 'secondary');

  const el = section(X.heading,
    h('p', { class: 'hint' }, X.exportHint), h('div', { class: 'button-row' }, jsonButton.wrap, csvButton.wrap),
    h('p', { class: 'hint' }, X.remindHint), remindButton.wrap,
    h('p', { class: 'hint' }, X.importHint), h('div', { class: 'inline-field' }, field(X.importSheet, sheet), previewButton.wrap),
    h('p', { class: 'hint' }, X.rollUpHint), rollUpButton.wrap,
    region);
  return { el };
}
