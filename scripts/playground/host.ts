/**
 * The playground's engine room: the built dist/Code.js loaded into one node:vm context over the
 * same in-memory services the tests use, so what runs here is what is pushed to Google.
 * Plain methods, no HTTP: the server and the tests both drive it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { createDocumentFakes, documentToPlain, listDocuments, type DocumentFakes, type SerializedDocs } from '../../test/fakes/documents';
import { createFakeGoogle, type FakeGoogle, type SerializedState } from '../../test/fakes/google';
import { renderPlainDocument } from './docHtml';

/** What the playground keeps on disk: the spreadsheet and its services, and Drive with the documents. */
interface SavedState {
  sheets: SerializedState;
  docs: SerializedDocs;
}

export interface HostOptions {
  /** Folder with Code.js and Sidebar.html. */
  distDir: string;
  /** Where state is kept between restarts; none = memory only. */
  statePath?: string;
  owner?: string;
}

export type RunResult = { ok: true; result: unknown } | { ok: false; error: string };

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

  constructor(private readonly options: HostOptions) {
    this.code = readFileSync(join(options.distDir, 'Code.js'), 'utf8');
    this.publicFunctions = new Set(publicFunctionNames(this.code));
    const saved = options.statePath && existsSync(options.statePath) ? (JSON.parse(readFileSync(options.statePath, 'utf8')) as SavedState) : undefined;
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
    vm.runInContext(this.code, this.context, { filename: 'Code.js' });
  }

  /** Runs a public function as `user`, as google.script.run or a menu click would. */
  run(user: string, fn: string, args: unknown[] = []): RunResult {
    if (!this.publicFunctions.has(fn)) return { ok: false, error: `Không có hàm công khai "${fn}"` };
    const target = this.context[fn] as (...a: unknown[]) => unknown;
    try {
      const result = this.google.execute(user, () => target(...args));
      this.endExecution();
      // Through JSON, as google.script.run would: no Dates, no functions.
      return { ok: true, result: result === undefined ? null : JSON.parse(JSON.stringify(result)) };
    } catch (err) {
      this.endExecution();
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
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

  /** Where the alert and toast logs stand now. */
  uiMark(): { alerts: number; toasts: number } {
    return { alerts: this.google.ui.alerts.length, toasts: this.google.ui.toasts.length };
  }

  /** What the script showed the user (alerts, toasts) since a mark: the page shows it as text. */
  uiSince(mark: { alerts: number; toasts: number }): string[] {
    const alerts = this.google.ui.alerts.slice(mark.alerts).map((a) => [a.title, a.prompt].filter(Boolean).join(': '));
    const toasts = this.google.ui.toasts.slice(mark.toasts).map((t) => [t.title, t.message].filter(Boolean).join(': '));
    return [...alerts, ...toasts];
  }

  /** Starts over with an empty spreadsheet. */
  reset(): void {
    this.boot(undefined);
    this.save();
  }

  save(): void {
    const path = this.options.statePath;
    if (!path) return;
    mkdirSync(dirname(path), { recursive: true });
    // Write then rename: a crash mid-write never leaves a torn state file.
    const saved: SavedState = { sheets: this.google.serialize(), docs: this.docs.serialize() };
    writeFileSync(`${path}.tmp`, JSON.stringify(saved));
    renameSync(`${path}.tmp`, path);
  }
}
