/** Recompute: rebuilds Tổng hợp from the unit tabs. */
import { h } from '../../dom';
import { section } from '../../ui';
import { A, type ActionKit, type ActionSection } from './shared';

export function createRecomputeSection({ ctx, reg, perm, act }: ActionKit): ActionSection {
  const recomputeRegion = h('div', { class: 'progress', 'aria-live': 'polite' });
  const seeResults = h('button', { type: 'button', class: 'btn link', on: { click: () => ctx.show('results') } }, A.recompute.seeResults);
  const recomputeButton = reg.button(A.recompute.button, perm('recompute'),
    () => void act(recomputeRegion, A.recompute.steps, () => ctx.call('recompute'), A.recompute.done, seeResults));
  return { el: section(A.recompute.heading, h('p', { class: 'hint' }, A.recompute.hint), recomputeButton.wrap, recomputeRegion) };
}
