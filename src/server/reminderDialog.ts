/**
 * The reminder's dialog, for the menu: a menu item cannot open a mailto: link by itself, so it
 * shows a small modal dialog (Ui.showModalDialog, scope script.container.ui, already asked) with
 * the late units, the addresses and the link the person clicks. Everything in it that came from
 * the sheet (unit names, e-mails, the letter) is escaped text; the link is only ever mailto:.
 */
import { escapeHtml } from '../core/documents/html';
import type { ReminderJson } from '../app/reminders';
import { serverText } from '../i18n/server';

export const REMINDER_DIALOG_SIZE = { width: 560, height: 460 } as const;

const STYLE = [
  'body{font:14px/1.45 Arial,sans-serif;margin:0;padding:4px 8px;color:#202124}',
  'p{margin:6px 0}',
  'a.btn,button{display:inline-block;padding:6px 14px;border-radius:4px;font:inherit;cursor:pointer}',
  'a.btn{background:#1a73e8;color:#fff;text-decoration:none}',
  'button{background:#fff;border:1px solid #dadce0;color:#1a73e8}',
  'pre{white-space:pre-wrap;background:#f1f3f4;padding:6px 8px;max-height:150px;overflow:auto;font:12px/1.4 Arial,sans-serif}',
  '.hint{color:#5f6368;font-size:12px}',
].join('');

/** The dialog's page: text escaped, the link kept only when it is a mailto: link. */
export function reminderDialogHtml(r: Pick<ReminderJson, 'message' | 'href' | 'to' | 'subject' | 'body' | 'units'>): string {
  const R = serverText.reminderDialog;
  const e = (s: string) => escapeHtml(String(s));
  const link = r.href.startsWith('mailto:')
    ? `<p><a class="btn" href="${e(r.href)}" target="_blank" rel="noopener noreferrer">${e(R.open)}</a></p>`
    : '';
  return [
    '<!doctype html><html lang="vi"><head><meta charset="utf-8">',
    `<style>${STYLE}</style></head><body>`,
    `<p>${e(r.message)}</p>`,
    `<p><strong>${e(R.units)}</strong> ${e(r.units.join(', '))}</p>`,
    `<p><strong>${e(R.to)}</strong> ${e(r.to.join(', '))}</p>`,
    `<p><strong>${e(R.subject)}</strong> ${e(r.subject)}</p>`,
    link,
    `<p class="hint">${e(R.copy)}</p>`,
    `<pre>${e(r.body)}</pre>`,
    `<p class="hint">${e(R.logged)}</p>`,
    `<p><button type="button" onclick="google.script.host.close()">${e(R.close)}</button></p>`,
    '</body></html>',
  ].join('');
}
