/** Cài đặt: the year's rules, read only; they are edited in the Cấu hình tab. */
import { clientText } from '../../i18n/client';
import type { Context, Panel } from '../context';
import { h, setChildren } from '../dom';
import { formatNumber, formatPercent } from '../format';
import { rulesOf } from '../rules';
import type { Status } from '../types';
import { errorBox, messageBox, section } from '../ui';

const S = clientText.settings;

function dl(...pairs: Array<[string, string]>): HTMLElement {
  return h('dl', { class: 'pairs' }, ...pairs.flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}

function cap(v: number | null | undefined): string {
  return v === null || v === undefined ? S.capNone : formatNumber(v);
}

export function createSettingsPanel(ctx: Context): Panel {
  const el = h('div', { class: 'panel-body' });
  const feedback = h('div', { 'aria-live': 'polite' });

  async function openConfig(): Promise<void> {
    try {
      await ctx.call('selectCell', S.configSheet, 'A1');
      feedback.replaceChildren();
    } catch (err) {
      setChildren(feedback, errorBox(err));
    }
  }

  function render(status: Status): void {
    const rules = rulesOf(status);
    const head = h('h2', null, S.heading);
    const open = h('button', { type: 'button', class: 'btn secondary small', on: { click: () => void openConfig() } }, S.openConfig);
    if (!status.setUp) {
      setChildren(el, head, messageBox('info', S.none));
      return;
    }
    if (!rules) {
      // The server does not send the rules yet: point to where they are.
      setChildren(el, head, messageBox('info', S.inSheet, S.whereToEdit), open, feedback);
      return;
    }
    const bands = rules.classificationBands ?? [];
    const titles = rules.titles ?? [];
    const ties = rules.tieBreaks ?? [];
    setChildren(
      el,
      head,
      h('p', { class: 'hint' }, S.whereToEdit),
      open,
      feedback,
      section(S.bands, h('ul', { class: 'plain' }, ...bands.map((b) => h('li', null, h('span', { class: 'strong' }, b.label), ' ', S.bandFrom(formatPercent(b.minPercent, 2)))))),
      section(S.caps, dl([S.bonusCap, cap(rules.bonusCap)], [S.deductionCap, cap(rules.deductionCap)])),
      section(S.ballot, dl(
        [S.threshold, formatPercent(rules.ballotThresholdPercent, 2)],
        [S.base, rules.ballotBase === 'valid' ? S.baseValid : S.baseIssued],
      )),
      section(S.titles, titles.length === 0
        ? h('p', { class: 'muted' }, clientText.common.none)
        : h('ul', { class: 'plain' }, ...titles.map((t) => h('li', null,
          h('span', { class: 'strong' }, t.name), ': ',
          [S.quota(t.quota), t.minClassification ? S.minClass(t.minClassification) : '', t.requiresBallot ? S.needsBallot : '', t.leaderOnly ? S.leaderOnly : '']
            .filter((x) => x !== '').join(', '))))),
      section(S.tieBreaks, ties.length === 0
        ? h('p', { class: 'muted' }, S.tieNone)
        : h('ol', { class: 'plain' }, ...ties.map((t) => h('li', null, t.kind === 'femaleMajority' ? S.femaleMajority : S.criterion(t.code ?? ''))))),
      section(S.rankBy, h('p', null, S.rankByLabels[rules.rankBy ?? ''] ?? rules.rankBy ?? clientText.common.dash)),
      section(S.version, h('p', null, rules.version ?? clientText.common.dash),
        (rules.legalBases ?? []).length > 0 ? h('h4', null, S.legal) : null,
        (rules.legalBases ?? []).length > 0 ? h('ul', { class: 'plain small' }, ...(rules.legalBases ?? []).map((b) => h('li', null, b))) : null),
    );
  }

  return {
    id: 'settings',
    el,
    load: async () => {
      const s = ctx.status();
      if (s) render(s);
    },
    onStatus: render,
  };
}
