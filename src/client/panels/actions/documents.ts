/** Documents: generate the plan, covenant, báo cáo sơ kết, minutes, report and proposal; list the latest made. */
import { h, setChildren } from '../../dom';
import type { DocumentKind } from '../../types';
import { section } from '../../ui';
import { A, link, type ActionKit, type ActionSection } from './shared';

/** Documents listed in the panel, newest first. */
const DOCS_SHOWN = 6;

/** Links to a generated document, its PDF and its folder. */
function docLinks(r: { url?: unknown; pdfUrl?: unknown; folderUrl?: unknown } | null): Node | null {
  if (!r || typeof r.url !== 'string' || r.url === '') return null;
  const parts: Node[] = [link(r.url, A.documents.open)];
  if (typeof r.pdfUrl === 'string' && r.pdfUrl !== '') parts.push(document.createTextNode(' · '), link(r.pdfUrl, A.documents.pdf));
  if (typeof r.folderUrl === 'string' && r.folderUrl !== '') parts.push(document.createTextNode(' · '), link(r.folderUrl, A.documents.folder));
  return h('p', { class: 'doc-links' }, ...parts);
}

export interface DocumentsSection extends ActionSection {
  /** Reloads the list of documents made (empty before set-up). */
  load(): Promise<void>;
}

export function createDocumentsSection({ ctx, reg, perm, act }: ActionKit): DocumentsSection {
  const docsRegion = h('div', { class: 'progress', 'aria-live': 'polite' });
  const docsList = h('div', { class: 'doc-list' });
  const pdfBox = h('input', { type: 'checkbox', id: 'doc-pdf', checked: true });
  const kinds: Array<[DocumentKind, string]> = [
    ['plan', A.documents.plan], ['covenant', A.documents.covenant], ['midYearReport', A.documents.midYearReport],
    ['minutes', A.documents.minutes], ['report', A.documents.report], ['proposal', A.documents.proposal],
  ];
  // What the document still lacks, shown before generating: each line goes to its cell.
  const gapRegion = h('div', { class: 'doc-gaps', 'aria-live': 'polite' });

  const generate = (kind: DocumentKind, draft: boolean): void => {
    gapRegion.replaceChildren();
    void act(docsRegion, A.documents.steps, async () => {
      const r = await ctx.call('generateDocument', kind, { pdf: pdfBox.checked, ...(draft ? { draft: true } : {}) });
      void loadDocs();
      return r;
    }, A.documents.done, undefined, (r) => docLinks(r as { url?: unknown; pdfUrl?: unknown; folderUrl?: unknown }));
  };

  /** Asks what is missing; nothing (or no answer: the server drafts anyway): generates. */
  async function check(kind: DocumentKind, label: string): Promise<void> {
    let missing: Array<{ sheet: string; a1: string; message: string }> = [];
    try {
      const r = await ctx.call('missingDetails', kind);
      missing = Array.isArray(r.missing) ? r.missing : [];
    } catch {
      missing = [];
    }
    if (missing.length === 0) {
      generate(kind, false);
      return;
    }
    const item = (p: { sheet: string; a1: string; message: string }) => {
      const go = h('button', { type: 'button', class: 'link' }, A.documents.missingAt(p.sheet, p.a1), p.message);
      go.addEventListener('click', () => {
        ctx.call('selectCell', p.sheet, p.a1).catch(() => undefined);
      });
      return h('li', null, go);
    };
    const draft = h('button', { type: 'button', class: 'secondary' }, A.documents.draft);
    draft.addEventListener('click', () => generate(kind, true));
    const again = h('button', { type: 'button', class: 'secondary' }, A.documents.recheck);
    again.addEventListener('click', () => void check(kind, label));
    setChildren(gapRegion, h('div', { class: 'msg warning', role: 'status' },
      h('p', null, A.documents.missing(label, missing.length)),
      h('ul', { class: 'plain small' }, ...missing.map(item)),
      h('div', { class: 'docs' }, draft, again)));
  }

  const docs = kinds.map(([kind, label]) => reg.button(label, perm('generateDocument'), () => {
    void check(kind, label);
  }, 'secondary').wrap);

  async function loadDocs(): Promise<void> {
    if (ctx.status()?.setUp !== true) {
      docsList.replaceChildren();
      return;
    }
    try {
      const { documents, folder } = await ctx.call('listDocuments');
      // Under drive.file only the folder's maker can add documents: say so before anyone clicks.
      const byOther = folder && !folder.mine
        ? h('p', { class: 'hint' }, folder.by ? A.documents.madeBy(folder.by) : A.documents.madeByOther, ' ', link(folder.url, A.documents.folder))
        : null;
      setChildren(docsList, byOther, documents.length === 0 ? null : h('h4', null, A.documents.made),
        documents.length === 0 ? null : h('ul', { class: 'plain small' }, ...documents.slice(0, DOCS_SHOWN).map((d) =>
          h('li', null, link(d.url, d.name), ` · ${d.time}`, d.pdfUrl ? ' · ' : '', d.pdfUrl ? link(d.pdfUrl, A.documents.pdf) : null))));
    } catch {
      // The list is a convenience: the "Văn bản" tab has it too.
      docsList.replaceChildren();
    }
  }
  const el = section(A.documents.heading,
    h('div', { class: 'check' }, pdfBox, h('label', { for: 'doc-pdf' }, A.documents.withPdf)),
    h('div', { class: 'docs' }, ...docs),
    gapRegion,
    docsRegion,
    docsList);
  return { el, load: loadDocs };
}
