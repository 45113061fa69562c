/** Tình hình's lines on the Sáng kiến and Quỹ registers (text from the server, shown as text). */
import { h } from '../dom';
import type { Status } from '../types';

export function registerSummary(status: Status): HTMLElement | null {
  const lines = status.registerLines ?? [];
  if (lines.length === 0) return null;
  return h('div', { class: 'registers' }, ...lines.map((line) => h('p', { class: 'unit-meta muted' }, line)));
}
