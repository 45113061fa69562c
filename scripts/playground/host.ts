/**
 * The playground's engine room: the built dist/Code.js loaded into one node:vm context over the
 * same in-memory services the tests use, so what runs here is what is pushed to Google.
 * Plain methods, no HTTP: the server and the tests both drive it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { parseA1, toA1 } from '../../test/fakes/a1';
import { createDocumentFakes, documentToPlain, listDocuments, type DocumentFakes, type SerializedDocs } from '../../test/fakes/documents';
import { createFakeGoogle, type FakeGoogle, type SerializedState } from '../../test/fakes/google';
import type { AuthModeName } from '../../test/fakes/session';
import type { AlertRecord, ButtonName, PendingDialog, ToastRecord } from '../../test/fakes/sheets-ui';
import { renderPlainDocument } from './docHtml';

/** What the playground keeps on disk: the spreadsheet and its services, and Drive with the documents. */
interface SavedState {
  sheets: SerializedState;
  docs: SerializedDocs;
  /** The day the script's clock is held on, if any; none = the machine's time. */
  clock?: HeldClock;
}

/** A held clock: the script's time was `sampleMs` when the machine's was `setAtMs`, and runs on from there. */
export interface HeldClock {
  sampleMs: number;
  setAtMs: number;
}

function isHeldClock(x: unknown): x is HeldClock {
  const c = x as Partial<HeldClock> | null;
  return typeof c === 'object' && c !== null && Number.isFinite(c.sampleMs) && Number.isFinite(c.setAtMs);
}

export interface HostOptions {
  /** Folder with Code.js and Sidebar.html. */
  distDir: string;
  /** Where state is kept between restarts; none = memory only. */
  statePath?: string;
  owner?: string;
}

/** An answer to an alert or prompt, in the order the dialogs came. */
export interface DialogAnswer {
  kind: 'alert' | 'prompt';
  button: ButtonName;
  text?: string;
}

export interface RunOptions {
  /** Answers to the alerts and prompts the function shows, in order (asked for one at a time). */
  answers?: DialogAnswer[];
  /** How Sheets started the execution: FULL for menu items and google.script.run, LIMITED for onOpen. */
  authMode?: AuthModeName;
}

/** What a run gives back to the page: its result or error, and what Sheets showed the person. */
export interface RunOutcome {
  ok: boolean;
  result?: unknown;
  error?: string;
  alerts: Array<Pick<AlertRecord, 'kind' | 'title' | 'prompt' | 'buttons'>>;
  toasts: ToastRecord[];
  /** The sidebar the run opened (Ui.showSidebar), if any. */
  sidebar: { title: string } | null;
  /** The dialog the run opened (Ui.showModalDialog / showModelessDialog), if any: shown over the sheet. */
  dialog: { title: string; width: number; height: number; modal: boolean } | null;
  /** A dialog waiting for an answer: the run was undone and is to be run again with it. */
  pending: PendingDialog | null;
}

type Selection = FakeGoogle['sheetsContext']['selection'];
const NO_SELECTION: Selection = { sheetId: null, rect: null };

/**
 * The script's clock, put into the script's own realm before Code.js loads: the machine's time,
 * or a time set with `at` (the seed lives through the sample year's dates), running on from it.
 */
const CLOCK = `(() => {
  const Real = Date;
  let offset = 0;
  class ScriptDate extends Real {
    constructor(...a) { if (a.length === 0) super(Real.now() + offset); else super(...a); }
    static now() { return Real.now() + offset; }
  }
  Object.defineProperty(globalThis, '__playgroundClock', { value: (ms) => { offset = ms === null ? 0 : ms - Real.now(); } });
  globalThis.Date = ScriptDate;
})();`;

/** Thrown through the script when it shows a dialog nobody has answered yet. */
class AwaitingAnswer extends Error {}

/** The names of the bundle's top-level functions: the only ones a caller may run. */
export function publicFunctionNames(code: string): string[] {
  const file = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2020, false, ts.ScriptKind.JS);
  return file.statements
    .filter(ts.isFunctionDeclaration)
    .map((f) => f.name?.text ?? '')
    .filter((n) => n !== '' && !n.endsWith('_'));
}

export class PlaygroundHost {
  google!: FakeGoogle;
  docs!: DocumentFakes;
  private context!: vm.Context;
  readonly publicFunctions: Set<string>;
  private readonly code: string;
  /** Open sidebars by person: what Ui.showSidebar was given. Not saved: a restart closes them. */
  private readonly sidebars = new Map<string, { title: string; content: string }>();
  /** Open dialogs by person: what Ui.showModalDialog was given, until they close it. Not saved. */
  private readonly dialogs = new Map<string, { title: string; content: string }>();
  /**
   * Each person's active tab and range, as Sheets keeps one per person's window: what they
   * clicked in the page, or what a script they ran selected. Their runs see it (getActiveSheet,
   * getActiveRange); nobody else's do. Not saved.
   */
  private readonly selections = new Map<string, Selection>();
  /** Counts each person's selection changes: a page ignores a view older than what it last told or followed. */
  private readonly stamps = new Map<string, number>();
  /** The script's clock when held on a sample day (the sample year); null = the machine's time. */
  private held: HeldClock | null = null;

  constructor(private readonly options: HostOptions) {
    this.code = readFileSync(join(options.distDir, 'Code.js'), 'utf8');
    this.publicFunctions = new Set(publicFunctionNames(this.code));
    const saved = options.statePath && existsSync(options.statePath) ? (JSON.parse(readFileSync(options.statePath, 'utf8')) as SavedState) : undefined;
    // A restart keeps the sample day running on from where it was set; an older file has none.
    if (saved?.sheets && isHeldClock(saved.clock)) this.held = { sampleMs: saved.clock.sampleMs, setAtMs: saved.clock.setAtMs };
    this.boot(saved?.sheets ? saved : undefined);
  }

  /** True when the state came from a saved file rather than a fresh start. */
  get hasSheets(): boolean {
    return this.google.spreadsheet.getSheets().length > 1 || this.google.spreadsheet.getSheets()[0]?.getLastRow() !== 0;
  }

  private boot(state?: SavedState): void {
    this.google = createFakeGoogle({
      owner: this.options.owner,
      htmlDir: this.options.distDir,
      state: state?.sheets,
      spreadsheetName: 'Thi đua — Cụm thi đua (bản thử)',
      extraGlobals: ({ env }) => {
        this.docs = createDocumentFakes(env, state?.docs);
        return { DocumentApp: this.docs.DocumentApp, DriveApp: this.docs.DriveApp, Drive: this.docs.Drive, MimeType: this.docs.MimeType };
      },
    });
    const context: Record<string, unknown> = { console };
    this.google.installGlobals(context);
    this.context = vm.createContext(context);
    vm.runInContext(CLOCK, this.context, { filename: 'clock.js' });
    this.applyClock();
    vm.runInContext(this.code, this.context, { filename: 'Code.js' });
  }

  /** Sets the script realm's clock to the held day (running on since it was set), or the machine's time. */
  private applyClock(): void {
    const set = this.context.__playgroundClock as (ms: number | null) => void;
    set(this.held ? this.held.sampleMs + (Date.now() - this.held.setAtMs) : null);
  }

  /**
   * Holds the script's clock on `when` from now on, running on from it, across runs and restarts
   * (the sample year is seen on one of its own days); null gives back the machine's time.
   */
  holdClock(when: Date | null): void {
    this.held = when ? { sampleMs: when.getTime(), setAtMs: Date.now() } : null;
    this.applyClock();
    this.save();
  }

  /** The script's time now when its clock is held on a sample day; null when it is the machine's. */
  heldNow(): Date | null {
    return this.held ? new Date(this.held.sampleMs + (Date.now() - this.held.setAtMs)) : null;
  }

  /**
   * Runs a public function by name as `user`, as a menu click or google.script.run does. An alert
   * with a choice, or a prompt, stops the run and undoes it (Ui.alert blocks the script until the
   * person clicks): the page shows the dialog and runs the function again with the answers given.
   */
  run(user: string, fn: string, args: unknown[] = [], options: RunOptions = {}): RunOutcome {
    const empty: RunOutcome = { ok: false, error: '', alerts: [], toasts: [], sidebar: null, dialog: null, pending: null };
    if (!this.publicFunctions.has(fn)) return { ...empty, error: `Không có hàm công khai "${fn}"` };
    const target = this.context[fn] as (...a: unknown[]) => unknown;
    const before: SavedState = { sheets: this.google.serialize(), docs: this.docs.serialize() };
    const ui = this.google.ui;
    const mark = { alerts: ui.alerts.length, toasts: ui.toasts.length, dialogs: ui.dialogs.length };
    for (const a of options.answers ?? []) {
      if (a.kind === 'prompt') ui.answerNextPrompt(a.text ?? '', a.button);
      else ui.answerNextAlert(a.button);
    }
    let pending: PendingDialog | null = null;
    ui.onUnanswered = (dialog) => {
      pending = dialog;
      throw new AwaitingAnswer();
    };
    let outcome: RunOutcome;
    const context = this.google.sheetsContext;
    context.selection = { ...(this.selections.get(user.toLowerCase()) ?? NO_SELECTION) };
    try {
      const result = this.google.execute(user, () => target(...args), options.authMode ?? 'FULL');
      // Through JSON, as google.script.run would: no Dates, no functions.
      outcome = { ...empty, ok: true, result: result === undefined ? null : JSON.parse(JSON.stringify(result)) };
    } catch (err) {
      outcome = { ...empty, error: err instanceof Error ? err.message : String(err) };
    } finally {
      ui.onUnanswered = null;
      // What the run selected (Range.activate, setActiveSheet …) is now this person's selection.
      if (!pending) this.setSelection(user, { ...context.selection });
      context.selection = { ...NO_SELECTION };
    }
    if (pending) {
      // Nothing happened yet as far as anyone can tell: the person has not answered.
      this.boot(before);
      this.save();
      return { ...empty, ok: true, pending };
    }
    outcome.alerts = ui.alerts.slice(mark.alerts).map(({ kind, title, prompt, buttons }) => ({ kind, title, prompt, buttons }));
    outcome.toasts = ui.toasts.slice(mark.toasts).map(({ title, message, timeoutSeconds, user }) => ({ title, message, timeoutSeconds, user }));
    for (const d of ui.dialogs.slice(mark.dialogs)) {
      const shown = d.html.snapshot();
      if (d.kind !== 'sidebar') {
        // A dialog does not suspend the script: it opens when the run is over, one at a time.
        this.dialogs.set(d.user.toLowerCase(), { title: d.title ?? '', content: shown.content });
        outcome.dialog = { title: d.title ?? '', width: shown.width, height: shown.height, modal: d.kind === 'modal' };
        continue;
      }
      this.sidebars.set(d.user.toLowerCase(), { title: shown.title, content: shown.content });
      outcome.sidebar = { title: shown.title };
    }
    this.endExecution();
    return outcome;
  }

  /**
   * Runs `fn` with the script's clock at `when` (then running on), and puts it back to what it was
   * (the held day or the machine's time): the seed submits on the sample year's dates, not today's.
   */
  at<T>(when: Date, fn: () => T): T {
    (this.context.__playgroundClock as (ms: number | null) => void)(when.getTime());
    try {
      return fn();
    } finally {
      // The context may have been rebuilt by a run that stopped at a dialog: read it again.
      this.applyClock();
    }
  }

  /** The person clicked a tab or a cell in their window: their active sheet and range. */
  select(user: string, sheetName: string, a1: string): number | null {
    const sheet = this.google.shared.spreadsheet.sheets.find((s) => s.name === sheetName);
    if (!sheet) return null;
    let rect: Selection['rect'] = null;
    if (a1) {
      const ref = parseA1(a1);
      rect = { r1: ref.row, c1: ref.column, r2: ref.endRow ?? ref.row, c2: ref.endColumn ?? ref.column };
    }
    return this.setSelection(user, { sheetId: sheet.id, rect });
  }

  /** Stores a person's selection; a change gets a new stamp, which is returned. */
  private setSelection(user: string, selection: Selection): number {
    const key = user.toLowerCase();
    const stamp = this.stamps.get(key) ?? 0;
    if (JSON.stringify(this.selections.get(key) ?? NO_SELECTION) === JSON.stringify(selection)) return stamp;
    this.selections.set(key, selection);
    this.stamps.set(key, stamp + 1);
    return stamp + 1;
  }

  /** The person's active tab and the top-left cell of their active range ("" when none), with its stamp; null before any. */
  selectionOf(user: string): { sheet: string; a1: string; stamp: number } | null {
    const key = user.toLowerCase();
    const sel = this.selections.get(key);
    const sheet = sel && this.google.shared.spreadsheet.sheets.find((s) => s.id === sel.sheetId);
    if (!sel || !sheet) return null;
    return { sheet: sheet.name, a1: sel.rect ? toA1(sel.rect.r1, sel.rect.c1) : '', stamp: this.stamps.get(key) ?? 0 };
  }

  /** The sidebar the add-on last showed this person, until they close it; null when none is open. */
  sidebarOf(user: string): { title: string; content: string } | null {
    return this.sidebars.get(user.toLowerCase()) ?? null;
  }

  /** The person closed the sidebar (its × or google.script.host.close()). */
  closeSidebar(user: string): void {
    this.sidebars.delete(user.toLowerCase());
  }

  /** The dialog the add-on last showed this person, until they close it; null when none is open. */
  dialogOf(user: string): { title: string; content: string } | null {
    return this.dialogs.get(user.toLowerCase()) ?? null;
  }

  /** The person closed the dialog (its × or google.script.host.close()). */
  closeDialog(user: string): void {
    this.dialogs.delete(user.toLowerCase());
  }

  /** As when a script returns: documents saved, their handles closed, state written to disk. */
  private endExecution(): void {
    this.docs.store.endExecution();
    this.save();
  }

  /** A person typing into the grid: refused like Sheets on cells they may not edit. */
  edit(user: string, sheet: string, a1: string, values: unknown[][]): { ok: boolean; message?: string } {
    const outcome = this.google.userEdit(user, sheet, a1, values as never);
    if (outcome.ok) this.save();
    return outcome;
  }

  /** Documents the add-on created, newest last. */
  documents(): Array<{ id: string; name: string; folder: string }> {
    const state = this.docs.serialize();
    return listDocuments(state)
      .filter((d) => !d.trashed)
      .map((d) => ({ id: d.id, name: d.name, folder: d.parents.map((p) => state.drive.folders[p]?.name ?? '').join(', ') }));
  }

  /** A document as a person would see it, as a printable HTML page; null when unknown. */
  documentHtml(id: string): string | null {
    const state = this.docs.serialize();
    if (!state.docs[id]) return null;
    return renderPlainDocument(documentToPlain(state, id));
  }

  /** Starts over with an empty spreadsheet. */
  reset(): void {
    // A new file: nobody has it open yet, so no sidebar and no selection carry over.
    this.selections.clear();
    this.stamps.clear();
    this.sidebars.clear();
    this.dialogs.clear();
    // A new file lives on the machine's time until a seed holds the clock on its own day.
    this.held = null;
    this.boot(undefined);
    this.save();
  }

  save(): void {
    const path = this.options.statePath;
    if (!path) return;
    mkdirSync(dirname(path), { recursive: true });
    // Write then rename: a crash mid-write never leaves a torn state file.
    const saved: SavedState = { sheets: this.google.serialize(), docs: this.docs.serialize(), ...(this.held ? { clock: this.held } : {}) };
    writeFileSync(`${path}.tmp`, JSON.stringify(saved));
    renameSync(`${path}.tmp`, path);
  }
}
