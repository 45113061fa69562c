/**
 * Thao tác: set-up of a year, recompute, submit / return / reopen, ballot entry, close the year,
 * documents. Each action runs as visible steps; what the user may not do is disabled with the
 * reason from getStatus. One module per section; this one composes them and orders them.
 */
import type { Context, Panel } from '../../context';
import { h, setChildren } from '../../dom';
import type { Status } from '../../types';
import { isFocalOnly } from '../../view';
import { createBallotSection } from './ballot';
import { createCloseSection } from './close';
import { createDocumentsSection } from './documents';
import { createExchangeSection } from './exchange';
import { createMidYearSection } from './midYear';
import { createRecomputeSection } from './recompute';
import { createRegistersSection } from './registers';
import { createSetupSection } from './setup';
import { A, actionKit } from './shared';
import { createSubmissionSection } from './submission';

export function createActionsPanel(ctx: Context): Panel {
  const el = h('div', { class: 'panel-body' });
  const kit = actionKit(ctx);
  const setup = createSetupSection(kit);
  const recompute = createRecomputeSection(kit);
  const submission = createSubmissionSection(kit);
  const ballot = createBallotSection(kit);
  const close = createCloseSection(kit);
  const documents = createDocumentsSection(kit);
  const registers = createRegistersSection(kit);
  const exchange = createExchangeSection(kit);
  const midYear = createMidYearSection(kit);

  /** Fills what depends on the status (units, titles) without losing what is typed. */
  let wasSetUp: boolean | null = null;
  function onStatus(status: Status): void {
    const partial = setup.onStatus(status);
    if (wasSetUp !== status.setUp) {
      wasSetUp = status.setUp;
      setup.el.open = !status.setUp || partial;
      // What this user does most comes first.
      const order = !status.setUp
        ? [setup, recompute, submission, midYear, ballot, close, documents, registers, exchange]
        : isFocalOnly(status)
          ? [submission, midYear, recompute, ballot, close, documents, registers, exchange, setup]
          : [recompute, submission, midYear, ballot, close, documents, registers, exchange, setup];
      el.append(...order.map((s) => s.el));
    }
    submission.onStatus?.(status);
    ballot.onStatus?.(status);
    close.onStatus?.(status);
    midYear.onStatus?.(status);
    kit.reg.refresh();
  }

  setChildren(el, h('h2', { class: 'sr-only' }, A.heading), setup.el, recompute.el, submission.el, midYear.el, ballot.el, close.el, documents.el, registers.el, exchange.el);

  return {
    id: 'actions',
    el,
    load: async () => {
      const s = ctx.status();
      if (s) onStatus(s);
      await Promise.all([documents.load(), midYear.load()]);
    },
    onStatus,
  };
}
