/**
 * The Sheets Ui fake: menus are recorded so tests and the playground can list them, dialogs are
 * recorded, and alert / prompt answers are scripted in advance (default: the first button).
 */
import { FakeServiceError, type FakeEnv } from './env';
import type { FakeHtmlOutput } from './html';

export const Button = Object.freeze({ CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const);
export const ButtonSet = Object.freeze({ OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const);
export type ButtonName = keyof typeof Button;

const FIRST_BUTTON: Record<string, ButtonName> = { OK: 'OK', OK_CANCEL: 'OK', YES_NO: 'YES', YES_NO_CANCEL: 'YES' };

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; caption: string; items: MenuEntry[] };

export interface MenuRecord {
  /** The add-on menu has no caption of its own (Sheets shows the add-on's name). */
  addon: boolean;
  caption: string;
  items: MenuEntry[];
}

export interface DialogRecord {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string | null;
  html: FakeHtmlOutput;
  user: string;
}

export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title: string | null;
  prompt: string;
  buttons: string;
  answer: string;
  text?: string;
  user: string;
}

/** An alert or prompt waiting for the person at the keyboard. */
export interface PendingDialog {
  kind: 'alert' | 'prompt';
  title: string | null;
  prompt: string;
  buttons: string;
}

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number | null;
  /**
   * Whose screen it may reach: the user the execution runs as. Google does not say that a toast
   * from an installable trigger (run as its creator) reaches the person who edited, so the fake
   * gives it to the creator only (CONTRACT.md).
   */
  user: string;
}

export class FakeMenu {
  readonly items: MenuEntry[] = [];

  constructor(private readonly ui: FakeUi, readonly caption: string, readonly addon: boolean) {}

  addItem(caption: string, functionName: string): this {
    this.ui.env.record('Menu.addItem');
    this.items.push({ kind: 'item', caption: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): this {
    this.ui.env.record('Menu.addSeparator');
    this.items.push({ kind: 'separator' });
    return this;
  }

  addSubMenu(menu: FakeMenu): this {
    this.ui.env.record('Menu.addSubMenu');
    this.items.push({ kind: 'submenu', caption: menu.caption, items: structuredClone(menu.items) });
    return this;
  }

  /** Replaces a menu of the same caption, as re-running onOpen does in Sheets. */
  addToUi(): void {
    this.ui.env.record('Menu.addToUi');
    const record: MenuRecord = { addon: this.addon, caption: this.caption, items: structuredClone(this.items) };
    const i = this.ui.menus.findIndex((m) => m.addon === record.addon && m.caption === record.caption);
    if (i >= 0) this.ui.menus[i] = record;
    else this.ui.menus.push(record);
  }
}

export class FakePromptResponse {
  constructor(private readonly env: FakeEnv, private readonly text: string, private readonly button: ButtonName) {}
  getResponseText(): string {
    this.env.record('PromptResponse.getResponseText');
    return this.text;
  }
  getSelectedButton(): GoogleAppsScript.Base.Button {
    this.env.record('PromptResponse.getSelectedButton');
    return this.button as unknown as GoogleAppsScript.Base.Button;
  }
}

/** One execution's Ui: what the user at the keyboard sees. */
export class FakeUi {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  readonly menus: MenuRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  private readonly alertAnswers: ButtonName[] = [];
  private readonly promptAnswers: Array<{ text: string; button: ButtonName }> = [];
  /** False in a context with no UI (a time trigger): getUi() then throws, as in Apps Script. */
  available = true;
  /**
   * Called for an alert with a choice, or a prompt, that no test scripted an answer for. Unset, the
   * first button is taken (tests); the playground sets it to stop the execution and ask the person,
   * since Ui.alert blocks the script until someone clicks.
   */
  onUnanswered: ((dialog: PendingDialog) => never) | null = null;

  constructor(readonly env: FakeEnv, readonly addonName = 'Thi đua') {}

  /** Scripts the user's answer to the next alert. */
  answerNextAlert(button: ButtonName): void {
    this.alertAnswers.push(button);
  }

  /** Scripts the user's answer to the next prompt. */
  answerNextPrompt(text: string, button: ButtonName = 'OK'): void {
    this.promptAnswers.push({ text, button });
  }

  createAddonMenu(): FakeMenu {
    this.env.record('Ui.createAddonMenu');
    return new FakeMenu(this, this.addonName, true);
  }

  createMenu(caption: string): FakeMenu {
    this.env.record('Ui.createMenu');
    return new FakeMenu(this, String(caption), false);
  }

  private args(a: string, b?: unknown, c?: unknown): { title: string | null; prompt: string; buttons: string } {
    if (c !== undefined) return { title: a, prompt: String(b), buttons: String(c) };
    return { title: null, prompt: a, buttons: b === undefined ? 'OK' : String(b) };
  }

  alert(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.Button {
    this.env.record('Ui.alert');
    const { title, prompt, buttons } = this.args(a, b, c);
    if (!(buttons in FIRST_BUTTON)) throw new FakeServiceError(`Invalid argument: buttons`);
    if (this.alertAnswers.length === 0 && buttons !== 'OK') this.onUnanswered?.({ kind: 'alert', title, prompt: String(prompt), buttons });
    const answer = this.alertAnswers.shift() ?? FIRST_BUTTON[buttons]!;
    this.alerts.push({ kind: 'alert', title, prompt: String(prompt), buttons, answer, user: this.env.currentUser });
    return answer as unknown as GoogleAppsScript.Base.Button;
  }

  prompt(a: string, b?: unknown, c?: unknown): FakePromptResponse {
    this.env.record('Ui.prompt');
    const { title, prompt, buttons } = this.args(a, b, c);
    if (!(buttons in FIRST_BUTTON)) throw new FakeServiceError(`Invalid argument: buttons`);
    if (this.promptAnswers.length === 0) this.onUnanswered?.({ kind: 'prompt', title, prompt: String(prompt), buttons });
    const next = this.promptAnswers.shift() ?? { text: '', button: FIRST_BUTTON[buttons]! };
    this.alerts.push({ kind: 'prompt', title, prompt: String(prompt), buttons, answer: next.button, text: next.text, user: this.env.currentUser });
    return new FakePromptResponse(this.env, next.text, next.button);
  }

  showSidebar(html: FakeHtmlOutput): void {
    this.env.record('Ui.showSidebar');
    this.dialogs.push({ kind: 'sidebar', title: null, html, user: this.env.currentUser });
  }

  /**
   * A dialog takes an HtmlOutput and a title (both required, as the reference's signature) and,
   * unlike an alert, does not suspend the script: it is recorded and the run goes on.
   */
  private dialog(kind: 'modal' | 'modeless', html: FakeHtmlOutput, title: string): void {
    if (typeof (html as Partial<FakeHtmlOutput> | null)?.snapshot !== 'function') throw new FakeServiceError(`Invalid argument: userInterface`);
    if (title === undefined || title === null) throw new FakeServiceError(`The parameters (HtmlOutput) don't match the method signature for Ui.show${kind === 'modal' ? 'Modal' : 'Modeless'}Dialog.`);
    this.dialogs.push({ kind, title: String(title), html, user: this.env.currentUser });
  }

  showModalDialog(html: FakeHtmlOutput, title: string): void {
    this.env.record('Ui.showModalDialog');
    this.dialog('modal', html, title);
  }

  showModelessDialog(html: FakeHtmlOutput, title: string): void {
    this.env.record('Ui.showModelessDialog');
    this.dialog('modeless', html, title);
  }

  /** The last sidebar shown, for tests. */
  get lastSidebar(): FakeHtmlOutput | undefined {
    return [...this.dialogs].reverse().find((d) => d.kind === 'sidebar')?.html;
  }
}
