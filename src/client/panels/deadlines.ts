/** Tình hình's deadlines: the steps' dates, and each unit against the self-scoring date. */
import { exchangeClientText as X } from '../../i18n/exchange';
import { h } from '../dom';
import type { Status } from '../types';

type Deadlines = NonNullable<Status['deadlines']>;
type State = Deadlines['units'][string]['selfScore'];

/** "yyyy-mm-dd" as people write it. */
function dayText(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** Days from `from` to `to`, both "yyyy-mm-dd". */
function days(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The steps that have a date, each with how far off it is. */
export function deadlineSummary(status: Status): HTMLElement | null {
  const d = status.deadlines;
  if (!d || d.steps.length === 0) return null;
  return h('div', { class: 'deadlines' },
    h('h3', null, X.deadlinesHeading),
    h('ul', { class: 'deadline-steps' }, ...d.steps.map((s) => {
      const left = days(d.today, s.day);
      return h('li', { class: left < 0 ? 'muted' : '' }, X.stepDue(s.label, dayText(s.day), left < 0 ? X.daysPast(-left) : X.daysLeft(left)));
    })));
}

function stateText(s: State): { text: string; late: boolean } | null {
  switch (s.state) {
    case 'late': return { text: X.lateBy(s.lateDays), late: true };
    case 'done': return { text: s.lateDays > 0 ? X.submittedLate(s.lateDays) : X.onTime, late: s.lateDays > 0 };
    case 'pending': return { text: X.notDueYet(s.daysLeft), late: false };
    default: return null;
  }
}

/** Adds to each unit of the list its state against the self-scoring date (đúng hạn / trễ N ngày). */
export function markDeadlines(list: HTMLElement, status: Status): void {
  const d = status.deadlines;
  if (!d) return;
  for (const li of Array.from(list.querySelectorAll<HTMLElement>('li[data-unit]'))) {
    const s = d.units[li.dataset.unit ?? ''];
    const t = s ? stateText(s.selfScore) : null;
    if (t) li.append(h('p', { class: t.late ? 'unit-meta err-text deadline' : 'unit-meta ok-text deadline' }, t.text));
  }
}
