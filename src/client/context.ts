/** What every panel gets from the shell. */
import type { Caller } from './api';
import type { Status } from './types';
import type { ActionRegistry } from './ui';

export type PanelId = 'status' | 'results' | 'problems' | 'actions' | 'settings';

export interface Context {
  call: Caller;
  actions: ActionRegistry;
  /** The last getStatus answer; null until loaded. */
  status(): Status | null;
  /** Reloads getStatus and updates the header, the buttons and the panels that show it. */
  refreshStatus(): Promise<Status>;
  /** Marks panels to reload next time they are shown (or now, if shown). */
  invalidate(...ids: PanelId[]): void;
  /** Switches to a panel. */
  show(id: PanelId): void;
  now(): number;
}

export interface Panel {
  id: PanelId;
  el: HTMLElement;
  /** Loads (or reloads) the panel's data and renders it. */
  load(): Promise<void>;
  /** Called after every status refresh. */
  onStatus?(status: Status): void;
}
