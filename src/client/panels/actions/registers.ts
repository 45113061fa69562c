/** Sáng kiến, Quỹ: creates or completes the two registers (the cụm trưởng, as for recompute). */
import { registersText } from '../../../i18n/registers';
import { h } from '../../dom';
import { section } from '../../ui';
import type { ActionKit, ActionSection } from './shared';

const R = registersText.client;

export function createRegistersSection({ ctx, reg, perm, act }: ActionKit): ActionSection {
  const region = h('div', { class: 'progress', 'aria-live': 'polite' });
  const button = reg.button(R.button, perm('recompute'), () => void act(region, R.steps, () => ctx.call('setupRegisters'), R.done));
  return { el: section(R.heading, h('p', { class: 'hint' }, R.hint), button.wrap, region) };
}
