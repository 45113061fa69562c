/**
 * In-memory DocumentApp with real state: sections, paragraphs with character runs, tables, list
 * items, page setup and attributes, stored as plain JSON (SerializedDocs) next to the Drive state,
 * so the playground can save it and render previews with documentToPlain.
 *
 * Every method is counted in the FakeEnv call log as "<Class>.<method>" ("Body.appendTable",
 * "Paragraph.setAttributes", "Text.setBold" …) and can be made to fail by an injected fault: the
 * call is recorded first and throws before anything changes.
 *
 * Behaviour chosen where Apps Script is subtle:
 * - A new document's body holds one empty paragraph (as in Google Docs); the last paragraph of a
 *   section cannot be removed.
 * - Edits are "pending" until saveAndClose() (or store.endExecution(), which is what the end of
 *   a script run does). Exports — Document.getAs / getBlob, File.getBlob / getAs — render the last
 *   *saved* version, as Apps Script does, so a writer that exports before saveAndClose gets a stale
 *   PDF; store.exports logs every export with `stale: true|false` for tests to assert on.
 * - After saveAndClose() every call through that handle and its elements throws "Document is
 *   closed, its contents cannot be updated." except getId / getName / getUrl; openById gives a
 *   fresh handle.
 * - Attributes set on a container (Body, Table, TableCell, section) apply to what is already in
 *   it (descendants lose their own value for those keys) and stay as defaults for what comes
 *   later. Getters return the value set on the element or inherited from a container, null when
 *   never set; effectiveAttributes() adds Google Docs' defaults (Arial 11, line spacing 1.15 …).
 * - replaceText / findText take the pattern as a regular expression, one paragraph at a time;
 *   RE2's missing look-around and back-references are refused; the replacement is literal text.
 * - Text is stored exactly as given (NFC or NFD): nonNfcTexts() finds what is not NFC.
 * - Not modelled: images, footnotes, bookmarks, named ranges, tabs, cursor / selection (null),
 *   merged cells (colspan 1), page numbers (DocumentApp cannot insert them either), named styles
 *   behind headings.
 */

import { FakeEnv, FakeServiceError } from './env';
import { FakeBlob } from './blob';
import { createDriveV3, type DriveV3 } from './driveV3';
import {
  DriveStore, MimeType, createDriveApp, enumOf,
  type DriveState, type FakeServiceOptions, type FileRecord,
} from './drive';

// ---------------------------------------------------------------------------------------------
// Enums (strings: Apps Script enums print as their names and compare by identity)

export const Attribute = enumOf([
  'BACKGROUND_COLOR', 'BOLD', 'BORDER_COLOR', 'BORDER_WIDTH', 'CODE', 'FONT_FAMILY', 'FONT_SIZE',
  'FOREGROUND_COLOR', 'HEADING', 'HEIGHT', 'HORIZONTAL_ALIGNMENT', 'INDENT_END', 'INDENT_FIRST_LINE',
  'INDENT_START', 'ITALIC', 'GLYPH_TYPE', 'LEFT_TO_RIGHT', 'LINE_SPACING', 'LINK_URL', 'LIST_ID',
  'MARGIN_BOTTOM', 'MARGIN_LEFT', 'MARGIN_RIGHT', 'MARGIN_TOP', 'NESTING_LEVEL', 'MINIMUM_HEIGHT',
  'PADDING_BOTTOM', 'PADDING_LEFT', 'PADDING_RIGHT', 'PADDING_TOP', 'PAGE_HEIGHT', 'PAGE_WIDTH',
  'SPACING_AFTER', 'SPACING_BEFORE', 'STRIKETHROUGH', 'UNDERLINE', 'VERTICAL_ALIGNMENT', 'WIDTH',
] as const);
export const ElementType = enumOf([
  'BODY_SECTION', 'COMMENT_SECTION', 'DATE', 'DOCUMENT', 'EQUATION', 'EQUATION_FUNCTION',
  'EQUATION_FUNCTION_ARGUMENT_SEPARATOR', 'EQUATION_SYMBOL', 'FOOTER_SECTION', 'FOOTNOTE',
  'FOOTNOTE_SECTION', 'HEADER_SECTION', 'HORIZONTAL_RULE', 'INLINE_DRAWING', 'INLINE_IMAGE',
  'LIST_ITEM', 'PAGE_BREAK', 'PARAGRAPH', 'PERSON', 'RICH_LINK', 'TABLE', 'TABLE_CELL',
  'TABLE_OF_CONTENTS', 'TABLE_ROW', 'TEXT', 'UNSUPPORTED',
] as const);
export const HorizontalAlignment = enumOf(['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY'] as const);
export const VerticalAlignment = enumOf(['BOTTOM', 'CENTER', 'TOP'] as const);
export const ParagraphHeading = enumOf(['NORMAL', 'HEADING1', 'HEADING2', 'HEADING3', 'HEADING4', 'HEADING5',
  'HEADING6', 'TITLE', 'SUBTITLE'] as const);
export const GlyphType = enumOf(['BULLET', 'HOLLOW_BULLET', 'SQUARE_BULLET', 'NUMBER', 'LATIN_UPPER', 'LATIN_LOWER',
  'ROMAN_UPPER', 'ROMAN_LOWER'] as const);
export const TextAlignment = enumOf(['NORMAL', 'SUPERSCRIPT', 'SUBSCRIPT'] as const);
export const PositionedLayout = enumOf(['ABOVE_TEXT', 'BREAK_BOTH', 'BREAK_LEFT', 'BREAK_RIGHT', 'WRAP_TEXT'] as const);
export const TabType = enumOf(['DOCUMENT_TAB'] as const);
/** Deprecated in Apps Script; here each value is the font name setFontFamily stores. */
export const FontFamily = Object.freeze({
  AMARANTH: 'Amaranth', ARIAL: 'Arial', ARIAL_BLACK: 'Arial Black', ARIAL_NARROW: 'Arial Narrow', ARVO: 'Arvo',
  CALIBRI: 'Calibri', CAMBRIA: 'Cambria', COMIC_SANS_MS: 'Comic Sans MS', CONSOLAS: 'Consolas', CORSIVA: 'Corsiva',
  COURIER_NEW: 'Courier New', DANCING_SCRIPT: 'Dancing Script', DROID_SANS: 'Droid Sans', DROID_SERIF: 'Droid Serif',
  GARAMOND: 'Garamond', GEORGIA: 'Georgia', GLORIA_HALLELUJAH: 'Gloria Hallelujah', GREAT_VIBES: 'Great Vibes',
  LOBSTER: 'Lobster', MERRIWEATHER: 'Merriweather', PACIFICO: 'Pacifico', PHILOSOPHER: 'Philosopher',
  POIRET_ONE: 'Poiret One', QUATTROCENTO: 'Quattrocento', ROBOTO: 'Roboto', SHADOWS_INTO_LIGHT: 'Shadows Into Light',
  SYNCOPATE: 'Syncopate', TAHOMA: 'Tahoma', TIMES_NEW_ROMAN: 'Times New Roman', TREBUCHET_MS: 'Trebuchet MS',
  UBUNTU: 'Ubuntu', VERDANA: 'Verdana',
});

// ---------------------------------------------------------------------------------------------
// State (plain JSON)

export type AttrValue = string | number | boolean | null;
export type Attrs = Record<string, AttrValue>;
export type InlineType = 'PAGE_BREAK' | 'HORIZONTAL_RULE';

export interface RunNode {
  text: string;
  /** Only what was set on this stretch of text. */
  attributes: Attrs;
}
export interface ParagraphNode {
  type: 'PARAGRAPH' | 'LIST_ITEM';
  attributes: Attrs;
  runs: RunNode[];
  /** Page breaks and horizontal rules, after the text. */
  inline: InlineType[];
}
export interface CellNode {
  type: 'TABLE_CELL';
  attributes: Attrs;
  children: BlockNode[];
}
export interface RowNode {
  type: 'TABLE_ROW';
  attributes: Attrs;
  cells: CellNode[];
}
export interface TableNode {
  type: 'TABLE';
  attributes: Attrs;
  /** Points; null until set (Docs shares the width out evenly). */
  columnWidths: Array<number | null>;
  rows: RowNode[];
}
export type BlockNode = ParagraphNode | TableNode;
export interface SectionNode {
  type: 'BODY_SECTION' | 'HEADER_SECTION' | 'FOOTER_SECTION';
  attributes: Attrs;
  children: BlockNode[];
}
type ContainerNode = SectionNode | CellNode;
type AnyNode = SectionNode | CellNode | RowNode | TableNode | ParagraphNode;

export interface DocContent {
  body: SectionNode;
  header: SectionNode | null;
  footer: SectionNode | null;
}
export interface DocRecord {
  id: string;
  /** What scripts see and edit. */
  live: DocContent;
  /** What Drive exports (last saveAndClose or end of execution). */
  saved: DocContent;
  pending: boolean;
  /** How many times it was saved. */
  saves: number;
}
export interface SerializedDocs {
  version: 1;
  drive: DriveState;
  docs: Record<string, DocRecord>;
  activeDocumentId: string | null;
}

// ---------------------------------------------------------------------------------------------
// Attributes

const ALL_KEYS = Object.keys(Attribute);
const TEXT_KEYS = new Set(['BOLD', 'ITALIC', 'UNDERLINE', 'STRIKETHROUGH', 'CODE', 'FONT_FAMILY', 'FONT_SIZE',
  'FOREGROUND_COLOR', 'BACKGROUND_COLOR', 'LINK_URL']);
/** Keys a container passes down to the paragraphs and text in it. */
const INHERITED = new Set(['BOLD', 'ITALIC', 'UNDERLINE', 'STRIKETHROUGH', 'CODE', 'FONT_FAMILY', 'FONT_SIZE',
  'FOREGROUND_COLOR', 'HORIZONTAL_ALIGNMENT', 'INDENT_FIRST_LINE', 'INDENT_START', 'INDENT_END', 'LINE_SPACING',
  'SPACING_BEFORE', 'SPACING_AFTER', 'LEFT_TO_RIGHT']);
const BOOLEAN_KEYS = new Set(['BOLD', 'ITALIC', 'UNDERLINE', 'STRIKETHROUGH', 'CODE', 'LEFT_TO_RIGHT']);
const COLOR_KEYS = new Set(['FOREGROUND_COLOR', 'BACKGROUND_COLOR', 'BORDER_COLOR']);
const STRING_KEYS = new Set(['FONT_FAMILY', 'LINK_URL', 'LIST_ID']);
const ENUM_KEYS: Record<string, readonly string[]> = {
  HORIZONTAL_ALIGNMENT: Object.keys(HorizontalAlignment),
  VERTICAL_ALIGNMENT: Object.keys(VerticalAlignment),
  HEADING: Object.keys(ParagraphHeading),
  GLYPH_TYPE: Object.keys(GlyphType),
};

/** Google Docs' "Normal text" and page defaults (US Letter, 1-inch margins), in points. */
export const DEFAULT_ATTRIBUTES: Readonly<Attrs> = Object.freeze({
  FONT_FAMILY: 'Arial', FONT_SIZE: 11, BOLD: false, ITALIC: false, UNDERLINE: false, STRIKETHROUGH: false,
  CODE: false, FOREGROUND_COLOR: '#000000', BACKGROUND_COLOR: null, LINK_URL: null,
  HORIZONTAL_ALIGNMENT: 'LEFT', INDENT_FIRST_LINE: 0, INDENT_START: 0, INDENT_END: 0, LINE_SPACING: 1.15,
  SPACING_BEFORE: 0, SPACING_AFTER: 0, HEADING: 'NORMAL', LEFT_TO_RIGHT: true,
});
export const DEFAULT_PAGE = Object.freeze({ PAGE_WIDTH: 612, PAGE_HEIGHT: 792, MARGIN_TOP: 72, MARGIN_BOTTOM: 72, MARGIN_LEFT: 72, MARGIN_RIGHT: 72 });
const TABLE_DEFAULTS: Attrs = { BORDER_WIDTH: 1, BORDER_COLOR: '#000000' };
const CELL_DEFAULTS: Attrs = { VERTICAL_ALIGNMENT: 'TOP', BACKGROUND_COLOR: null, PADDING_TOP: 5, PADDING_BOTTOM: 5, PADDING_LEFT: 5, PADDING_RIGHT: 5 };

const CLOSED = 'Document is closed, its contents cannot be updated.';
const MISSING_DOC = "Document is missing (perhaps it was deleted, or you don't have read access?)";

function fail(message: string): never {
  throw new FakeServiceError(message);
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function validateValue(key: string, value: unknown): AttrValue {
  if (value === null || value === undefined) return null;
  const bad = (): never => fail(`Invalid argument: ${key} = ${JSON.stringify(value)}`);
  if (BOOLEAN_KEYS.has(key)) return typeof value === 'boolean' ? value : bad();
  if (COLOR_KEYS.has(key)) return typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value) ? value : bad();
  if (STRING_KEYS.has(key)) return typeof value === 'string' ? value : bad();
  const options = ENUM_KEYS[key];
  if (options) return options.includes(String(value)) ? String(value) : bad();
  // Every other attribute is a size in points (or a level / multiplier).
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) bad();
  if ((key === 'FONT_SIZE' || key === 'LINE_SPACING') && value === 0) bad();
  return value as number;
}

/** Checks a style object the way a strict Apps Script would; unknown keys are refused. */
function validateAttrs(attrs: unknown): Attrs {
  if (attrs === null || typeof attrs !== 'object' || Array.isArray(attrs)) fail('Invalid argument: attributes');
  const out: Attrs = {};
  for (const [key, value] of Object.entries(attrs as Record<string, unknown>)) {
    if (!ALL_KEYS.includes(key)) fail(`Invalid argument: unknown attribute ${key}`);
    out[key] = validateValue(key, value);
  }
  return out;
}

/** Writes a validated style into an attribute bag: null clears (the key falls back to inheritance). */
function assign(target: Attrs, attrs: Attrs): void {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null) delete target[key];
    else target[key] = value;
  }
}

function overlay(target: Attrs, source: Attrs, keys?: Set<string>): Attrs {
  for (const [key, value] of Object.entries(source)) {
    if (value !== null && value !== undefined && (!keys || keys.has(key))) target[key] = value;
  }
  return target;
}

function full(attrs: Attrs): Attrs {
  return Object.fromEntries(ALL_KEYS.map((k) => [k, attrs[k] ?? null]));
}

function sameAttrs(a: Attrs, b: Attrs): boolean {
  const ka = Object.keys(a).filter((k) => a[k] !== null).sort();
  const kb = Object.keys(b).filter((k) => b[k] !== null).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

// ---------------------------------------------------------------------------------------------
// Runs

function paragraphText(p: ParagraphNode): string {
  return p.runs.map((r) => r.text).join('');
}

function normalizeRuns(p: ParagraphNode): void {
  const out: RunNode[] = [];
  for (const r of p.runs) {
    if (r.text === '') continue;
    const last = out[out.length - 1];
    if (last && sameAttrs(last.attributes, r.attributes)) last.text += r.text;
    else out.push({ text: r.text, attributes: { ...r.attributes } });
  }
  p.runs = out;
}

/** Makes a run start at `offset`; returns that run's index. */
function splitAt(p: ParagraphNode, offset: number): number {
  let pos = 0;
  for (let i = 0; i < p.runs.length; i++) {
    const r = p.runs[i]!;
    if (pos === offset) return i;
    if (offset < pos + r.text.length) {
      const cut = offset - pos;
      p.runs.splice(i, 1, { text: r.text.slice(0, cut), attributes: { ...r.attributes } },
        { text: r.text.slice(cut), attributes: { ...r.attributes } });
      return i + 1;
    }
    pos += r.text.length;
  }
  return p.runs.length;
}

function runAttrsAt(p: ParagraphNode, offset: number): Attrs {
  let pos = 0;
  for (const r of p.runs) {
    if (offset < pos + r.text.length) return r.attributes;
    pos += r.text.length;
  }
  return p.runs[p.runs.length - 1]?.attributes ?? {};
}

function mapRange(p: ParagraphNode, start: number, end: number, attrs: Attrs): void {
  if (start >= end) return;
  const i = splitAt(p, start);
  const j = splitAt(p, end);
  for (let k = i; k < j; k++) assign(p.runs[k]!.attributes, attrs);
  normalizeRuns(p);
}

/** New text takes the format of the character before it (or after it, at the start). */
function insertRun(p: ParagraphNode, offset: number, text: string, attrs?: Attrs): void {
  if (text === '') return;
  const format = attrs ?? (offset > 0 ? runAttrsAt(p, offset - 1) : runAttrsAt(p, 0));
  const i = splitAt(p, offset);
  p.runs.splice(i, 0, { text, attributes: { ...format } });
  normalizeRuns(p);
}

function deleteRange(p: ParagraphNode, start: number, end: number): void {
  if (start >= end) return;
  const i = splitAt(p, start);
  const j = splitAt(p, end);
  p.runs.splice(i, j - i);
  normalizeRuns(p);
}

function stripKeys(attrs: Attrs, keys: string[]): void {
  for (const k of keys) delete attrs[k];
}

/** A container's new style replaces what its contents had for the same keys. */
function stripDescendants(node: AnyNode, keys: string[]): void {
  if (keys.length === 0) return;
  const visit = (n: AnyNode): void => {
    stripKeys(n.attributes, keys);
    if (n.type === 'PARAGRAPH' || n.type === 'LIST_ITEM') {
      for (const r of n.runs) stripKeys(r.attributes, keys);
      normalizeRuns(n);
    } else childrenOf(n).forEach(visit);
  };
  childrenOf(node).forEach(visit);
}

// ---------------------------------------------------------------------------------------------
// Tree

function newParagraph(text = '', type: 'PARAGRAPH' | 'LIST_ITEM' = 'PARAGRAPH'): ParagraphNode {
  return { type, attributes: {}, runs: text === '' ? [] : [{ text, attributes: {} }], inline: [] };
}

function newSection(type: SectionNode['type'], attributes: Attrs = {}): SectionNode {
  return { type, attributes, children: [newParagraph()] };
}

function newTable(cells: string[][]): TableNode {
  return {
    type: 'TABLE', attributes: {}, columnWidths: Array.from({ length: cells[0]?.length ?? 0 }, () => null),
    rows: cells.map((row) => ({
      type: 'TABLE_ROW', attributes: {},
      cells: row.map((text) => ({ type: 'TABLE_CELL', attributes: {}, children: [newParagraph(text)] })),
    })),
  };
}

function childrenOf(node: AnyNode): AnyNode[] {
  switch (node.type) {
    case 'TABLE': return node.rows;
    case 'TABLE_ROW': return node.cells;
    case 'PARAGRAPH': case 'LIST_ITEM': return [];
    default: return node.children;
  }
}

function sectionsOf(content: DocContent): SectionNode[] {
  return [content.body, content.header, content.footer].filter((s): s is SectionNode => s !== null);
}

/** Root-to-node path, or null when the node is not in the document (a detached copy). */
function pathTo(content: DocContent, target: AnyNode): AnyNode[] | null {
  const walk = (node: AnyNode, path: AnyNode[]): AnyNode[] | null => {
    const here = [...path, node];
    if (node === target) return here;
    for (const child of childrenOf(node)) {
      const found = walk(child, here);
      if (found) return found;
    }
    return null;
  };
  for (const section of sectionsOf(content)) {
    const found = walk(section, []);
    if (found) return found;
  }
  return null;
}

function blockText(b: BlockNode): string {
  if (b.type === 'TABLE') return b.rows.map((r) => r.cells.map(containerText).join('\t')).join('\n');
  return paragraphText(b);
}

function containerText(c: ContainerNode): string {
  return c.children.map(blockText).join('\n');
}

function paragraphsIn(node: AnyNode, out: ParagraphNode[] = []): ParagraphNode[] {
  for (const child of childrenOf(node)) {
    if (child.type === 'PARAGRAPH' || child.type === 'LIST_ITEM') out.push(child);
    else paragraphsIn(child, out);
  }
  return out;
}

function tablesIn(node: AnyNode, out: TableNode[] = []): TableNode[] {
  for (const child of childrenOf(node)) {
    if (child.type === 'TABLE') out.push(child);
    tablesIn(child, out);
  }
  return out;
}

/** Attributes a node sees: containers' inherited keys, then its own (no Docs defaults). */
function explicitChain(path: AnyNode[]): Attrs {
  const out: Attrs = {};
  path.forEach((n, i) => overlay(out, n.attributes, i === path.length - 1 ? undefined : INHERITED));
  return out;
}

// RE2 has no look-around and no back-references; refuse them so the fake does not pass code
// that Apps Script would reject.
function compilePattern(pattern: unknown): RegExp {
  if (typeof pattern !== 'string') fail('Invalid argument: searchPattern');
  if (/\(\?<?[=!]/.test(pattern) || /\\[1-9]/.test(pattern)) fail(`Invalid argument: searchPattern ${pattern} (RE2 has no look-around or back-references)`);
  try {
    return new RegExp(pattern, 'gu');
  } catch {
    try {
      return new RegExp(pattern, 'g');
    } catch {
      return fail(`Invalid argument: searchPattern ${pattern}`);
    }
  }
}

/** Replaces matches within [start, end) of one paragraph; each replacement keeps the format of its match's first character. Returns the new end. */
function replaceInParagraph(p: ParagraphNode, re: RegExp, replacement: string, start = 0, end?: number): number {
  const text = paragraphText(p);
  const stop = end ?? text.length;
  const slice = text.slice(start, stop);
  const matches = [...slice.matchAll(re)].filter((m) => m[0].length > 0);
  for (const m of matches.reverse()) {
    const at = start + m.index!;
    const format = { ...runAttrsAt(p, at) };
    deleteRange(p, at, at + m[0].length);
    insertRun(p, at, replacement, format);
  }
  return stop + matches.reduce((d, m) => d + replacement.length - m[0].length, 0);
}

// ---------------------------------------------------------------------------------------------
// Text rendering (the fake's "PDF")

function renderBlocks(blocks: BlockNode[], out: string[]): void {
  for (const b of blocks) {
    if (b.type === 'TABLE') {
      for (const row of b.rows) out.push(row.cells.map((c) => containerText(c).replace(/\n/g, ' / ')).join(' | '));
    } else {
      const marks = b.inline.map((i) => (i === 'PAGE_BREAK' ? '\f' : '―――――'));
      const prefix = b.type === 'LIST_ITEM' ? '• ' : '';
      out.push(prefix + paragraphText(b) + (marks.length ? (paragraphText(b) ? '\n' : '') + marks.join('\n') : ''));
    }
  }
}

/** A document as plain text: header, body, footer, one line per paragraph, table cells joined by " | ". */
export function renderDocumentText(content: DocContent): string {
  const out: string[] = [];
  if (content.header) renderBlocks(content.header.children, out);
  renderBlocks(content.body.children, out);
  if (content.footer) renderBlocks(content.footer.children, out);
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Plain views (for tests and the playground renderer); attributes are effective values

export interface PlainRun {
  text: string;
  /** Everything that applies to this text, Docs defaults included. */
  attributes: Attrs;
}
export interface PlainParagraph {
  type: 'PARAGRAPH' | 'LIST_ITEM';
  text: string;
  /** Effective paragraph attributes (and the paragraph's text defaults). */
  attributes: Attrs;
  /** Only what was set on the paragraph itself. */
  own: Attrs;
  runs: PlainRun[];
  inline: InlineType[];
}
export interface PlainCell {
  text: string;
  /** The cell's own attributes over cell defaults, WIDTH from its column. */
  attributes: Attrs;
  children: PlainBlock[];
}
export interface PlainRow {
  attributes: Attrs;
  cells: PlainCell[];
}
export interface PlainTable {
  type: 'TABLE';
  attributes: Attrs;
  columnWidths: Array<number | null>;
  /** Cell text, row-major. */
  cells: string[][];
  rows: PlainRow[];
}
export type PlainBlock = PlainParagraph | PlainTable;
export interface PlainSection {
  attributes: Attrs;
  children: PlainBlock[];
}
export interface PlainDocument {
  id: string;
  name: string;
  url: string;
  /** Edits not yet saved. */
  pending: boolean;
  saves: number;
  page: { width: number; height: number; marginTop: number; marginBottom: number; marginLeft: number; marginRight: number };
  body: PlainSection;
  header: PlainSection | null;
  footer: PlainSection | null;
}

function plainBlock(b: BlockNode, inherited: Attrs): PlainBlock {
  if (b.type === 'TABLE') {
    const tableInh = overlay({ ...inherited }, b.attributes, INHERITED);
    return {
      type: 'TABLE',
      attributes: overlay({ ...TABLE_DEFAULTS }, b.attributes),
      columnWidths: [...b.columnWidths],
      cells: b.rows.map((r) => r.cells.map(containerText)),
      rows: b.rows.map((r) => {
        const rowInh = overlay({ ...tableInh }, r.attributes, INHERITED);
        return {
          attributes: { ...r.attributes },
          cells: r.cells.map((c, i) => {
            const cellInh = overlay({ ...rowInh }, c.attributes, INHERITED);
            return {
              text: containerText(c),
              attributes: overlay({ ...CELL_DEFAULTS, WIDTH: b.columnWidths[i] ?? null }, c.attributes),
              children: c.children.map((x) => plainBlock(x, cellInh)),
            };
          }),
        };
      }),
    };
  }
  const attributes = overlay({ ...inherited }, b.attributes);
  return {
    type: b.type,
    text: paragraphText(b),
    attributes,
    own: { ...b.attributes },
    runs: b.runs.map((r) => ({ text: r.text, attributes: overlay({ ...attributes }, r.attributes) })),
    inline: [...b.inline],
  };
}

function plainSection(s: SectionNode): PlainSection {
  const inherited = overlay({ ...DEFAULT_ATTRIBUTES }, s.attributes, INHERITED);
  return { attributes: { ...s.attributes }, children: s.children.map((b) => plainBlock(b, inherited)) };
}

function docUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

/**
 * A document of a saved state as plain data, every attribute resolved: what a renderer needs.
 * Works on the JSON the playground saved, without the fakes. `saved: true` gives what Drive would
 * export; the default is the live content (what the user sees once the script has ended).
 */
export function documentToPlain(state: SerializedDocs, docId: string, opts: { saved?: boolean } = {}): PlainDocument {
  const rec = state.docs[docId];
  if (!rec) fail(MISSING_DOC);
  const content = opts.saved ? rec.saved : rec.live;
  const page = overlay({ ...DEFAULT_PAGE }, content.body.attributes) as Record<string, number>;
  return {
    id: rec.id,
    name: state.drive.files[docId]?.name ?? '',
    url: docUrl(rec.id),
    pending: rec.pending,
    saves: rec.saves,
    page: {
      width: page.PAGE_WIDTH!, height: page.PAGE_HEIGHT!, marginTop: page.MARGIN_TOP!,
      marginBottom: page.MARGIN_BOTTOM!, marginLeft: page.MARGIN_LEFT!, marginRight: page.MARGIN_RIGHT!,
    },
    body: plainSection(content.body),
    header: content.header ? plainSection(content.header) : null,
    footer: content.footer ? plainSection(content.footer) : null,
  };
}

/** Documents of a saved state, for a playground index page. */
export function listDocuments(state: SerializedDocs): Array<{ id: string; name: string; url: string; trashed: boolean; createdByScript: boolean; parents: string[] }> {
  return Object.keys(state.docs).map((id) => {
    const file = state.drive.files[id];
    return {
      id, name: file?.name ?? '', url: docUrl(id), trashed: file?.trashed ?? false,
      createdByScript: file?.createdByScript ?? false, parents: file?.parents ?? [],
    };
  });
}

/** Every paragraph in reading order, those in table cells included. */
export function flattenParagraphs(blocks: PlainBlock[]): PlainParagraph[] {
  const out: PlainParagraph[] = [];
  for (const b of blocks) {
    if (b.type === 'TABLE') for (const r of b.rows) for (const c of r.cells) out.push(...flattenParagraphs(c.children));
    else out.push(b);
  }
  return out;
}

/** Texts (paragraphs, cells) that are not in NFC. */
export function nonNfcTexts(doc: PlainDocument): string[] {
  const sections = [doc.header, doc.body, doc.footer].filter((s): s is PlainSection => s !== null);
  const texts = sections.flatMap((s) => flattenParagraphs(s.children)).map((p) => p.text);
  return [...texts, doc.name].filter((t) => t !== t.normalize('NFC'));
}

// ---------------------------------------------------------------------------------------------
// Store

interface Session {
  docId: string;
  closed: boolean;
}

export interface ExportRecord {
  docId: string;
  contentType: string;
  /** The document had unsaved edits: the export shows an older version. */
  stale: boolean;
}

/** What every execution's view of the documents shares. */
interface DocsBox {
  docs: Record<string, DocRecord>;
  activeDocumentId: string | null;
  exports: ExportRecord[];
}

export class DocumentStore {
  readonly drive: DriveStore;
  private readonly box: DocsBox;
  /** Handles opened through this view; endExecution closes them. */
  private sessions: Session[] = [];

  constructor(readonly env: FakeEnv, state?: SerializedDocs, options: FakeServiceOptions = {},
    share?: { drive: DriveStore; box: DocsBox }) {
    if (state && state.version !== 1) throw new Error(`Unknown documents state version ${String(state.version)}`);
    if (share) {
      this.drive = share.drive;
      this.box = share.box;
    } else {
      this.drive = new DriveStore(env, state?.drive, options);
      this.box = { docs: state ? clone(state.docs) : {}, activeDocumentId: state?.activeDocumentId ?? null, exports: [] };
    }
    this.drive.googleTypes.set(MimeType.GOOGLE_DOCS, {
      blob: (file, contentType) => this.exportBlob(file.id, contentType),
      copy: (from, to) => {
        const saved = clone(this.record(from.id).saved);
        this.docs[to.id] = { id: to.id, live: saved, saved: clone(saved), pending: false, saves: 0 };
      },
    });
  }

  get docs(): Record<string, DocRecord> {
    return this.box.docs;
  }

  /** DocumentApp.getActiveDocument(): null in a Sheets add-on. */
  get activeDocumentId(): string | null {
    return this.box.activeDocumentId;
  }

  set activeDocumentId(id: string | null) {
    this.box.activeDocumentId = id;
  }

  /** Every export (getAs, getBlob), in order, from every execution. */
  get exports(): ExportRecord[] {
    return this.box.exports;
  }

  /**
   * The same documents and Drive seen from another execution (its own FakeEnv): calls are counted
   * there, handles opened there are closed by its endExecution.
   */
  forEnv(env: FakeEnv, options: FakeServiceOptions = {}): DocumentStore {
    return new DocumentStore(env, undefined, {}, { drive: this.drive.forEnv(env, options), box: this.box });
  }

  createDocument(name: string, opts: { createdByScript?: boolean; owner?: string; parentId?: string } = {}): DocRecord {
    const file = this.drive.newFileRecord(name, opts.parentId ?? this.drive.state.rootFolderId, MimeType.GOOGLE_DOCS, null,
      { createdByScript: opts.createdByScript ?? true, ...(opts.owner ? { owner: opts.owner } : {}) });
    const content: DocContent = { body: newSection('BODY_SECTION', { ...DEFAULT_PAGE }), header: null, footer: null };
    const rec: DocRecord = { id: file.id, live: content, saved: clone(content), pending: false, saves: 0 };
    this.docs[rec.id] = rec;
    return rec;
  }

  /** A document the user already had (not made by the add-on), with body paragraphs. */
  seedDocument(name: string, paragraphs: string[] = [], opts: { owner?: string } = {}): string {
    const rec = this.createDocument(name, { createdByScript: false, owner: opts.owner ?? this.env.owner });
    if (paragraphs.length) rec.live.body.children = paragraphs.map((t) => newParagraph(t));
    rec.saved = clone(rec.live);
    return rec.id;
  }

  record(id: string): DocRecord {
    const rec = this.docs[id];
    if (!rec) fail(MISSING_DOC);
    return rec;
  }

  file(id: string): FileRecord {
    return this.drive.fileRecord(id);
  }

  openSession(docId: string): Session {
    const session = { docId, closed: false };
    this.sessions.push(session);
    return session;
  }

  markPending(docId: string): void {
    const rec = this.docs[docId];
    if (rec) rec.pending = true;
  }

  commit(docId: string): void {
    const rec = this.record(docId);
    rec.saved = clone(rec.live);
    if (rec.pending) {
      rec.saves += 1;
      this.file(docId).updated = this.drive.now().toISOString();
    }
    rec.pending = false;
  }

  /** The script run ended: Apps Script saves every open document and its handles die. */
  endExecution(): void {
    for (const id of Object.keys(this.docs)) if (this.docs[id]!.pending) this.commit(id);
    for (const s of this.sessions) s.closed = true;
    this.sessions = [];
  }

  exportBlob(docId: string, contentType: string): FakeBlob {
    const rec = this.record(docId);
    const name = this.file(docId).name;
    const text = renderDocumentText(rec.saved);
    let blob: FakeBlob;
    if (contentType === MimeType.PDF) blob = new FakeBlob(text, MimeType.PDF, `${name}.pdf`);
    else if (contentType === MimeType.PLAIN_TEXT) blob = new FakeBlob(text, MimeType.PLAIN_TEXT, `${name}.txt`);
    else fail(`Converting from ${MimeType.GOOGLE_DOCS} to ${contentType} is not supported.`);
    this.exports.push({ docId, contentType, stale: rec.pending });
    return blob;
  }

  documentToPlain(docId: string, opts: { saved?: boolean } = {}): PlainDocument {
    return documentToPlain({ version: 1, drive: this.drive.state, docs: this.docs, activeDocumentId: this.activeDocumentId }, docId, opts);
  }

  /** Ids of documents with this exact name (any folder, trashed included). */
  findDocuments(name: string): string[] {
    return Object.keys(this.docs).filter((id) => this.drive.state.files[id]?.name === name);
  }

  serialize(): SerializedDocs {
    return { version: 1, drive: this.drive.serialize(), docs: clone(this.docs), activeDocumentId: this.activeDocumentId };
  }
}

// ---------------------------------------------------------------------------------------------
// Handles

interface Ctx {
  store: DocumentStore;
  session: Session;
}

abstract class Handle {
  abstract readonly cls: string;
  constructor(readonly ctx: Ctx) {}

  /** Counts the call and refuses a closed document. */
  protected enter(method: string): void {
    this.ctx.store.drive.call(`${this.cls}.${method}`);
    if (this.ctx.session.closed) fail(CLOSED);
  }

  protected read<T>(method: string, fn: () => T): T {
    this.enter(method);
    return fn();
  }

  /** fn must validate before it changes anything: a throw leaves the document as it was. */
  protected edit<T>(method: string, fn: () => T): T {
    this.enter(method);
    const result = fn();
    this.ctx.store.markPending(this.ctx.session.docId);
    return result;
  }

  protected content(): DocContent {
    return this.ctx.store.record(this.ctx.session.docId).live;
  }
}

function wrap(ctx: Ctx, node: AnyNode): NodeHandle<AnyNode> {
  switch (node.type) {
    case 'BODY_SECTION': return new FakeBody(ctx, node);
    case 'HEADER_SECTION': return new FakeHeaderSection(ctx, node);
    case 'FOOTER_SECTION': return new FakeFooterSection(ctx, node);
    case 'TABLE_CELL': return new FakeTableCell(ctx, node);
    case 'TABLE_ROW': return new FakeTableRow(ctx, node);
    case 'TABLE': return new FakeTable(ctx, node);
    case 'LIST_ITEM': return new FakeListItem(ctx, node);
    default: return new FakeParagraph(ctx, node);
  }
}

function intArg(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(`Invalid argument: ${what}`);
  return value;
}

function childIndexArg(value: unknown, count: number, inserting: boolean): number {
  const i = intArg(value, 'childIndex');
  if (i < 0 || (inserting ? i > count : i >= count)) {
    fail(inserting ? `Child index (${i}) must not be greater than the number of child elements (${count}).`
      : `Child index (${i}) must be less than the number of child elements (${count}).`);
  }
  return i;
}

abstract class NodeHandle<N extends AnyNode> extends Handle {
  constructor(ctx: Ctx, readonly node: N) {
    super(ctx);
  }

  protected path(): AnyNode[] {
    return pathTo(this.content(), this.node) ?? [this.node];
  }

  protected parentNode(): AnyNode | null {
    const p = this.path();
    return p.length > 1 ? p[p.length - 2]! : null;
  }

  /** The list this node sits in, inside its parent. */
  protected siblings(): AnyNode[] | null {
    const parent = this.parentNode();
    return parent ? childrenOf(parent) : null;
  }

  getType(): string {
    return this.read('getType', () => this.node.type);
  }

  getParent(): NodeHandle<AnyNode> | null {
    return this.read('getParent', () => {
      const parent = this.parentNode();
      return parent ? wrap(this.ctx, parent) : null;
    });
  }

  getNextSibling(): NodeHandle<AnyNode> | null {
    return this.read('getNextSibling', () => {
      const list = this.siblings();
      const next = list?.[list.indexOf(this.node) + 1];
      return next ? wrap(this.ctx, next) : null;
    });
  }

  getPreviousSibling(): NodeHandle<AnyNode> | null {
    return this.read('getPreviousSibling', () => {
      const list = this.siblings();
      const prev = list && list.indexOf(this.node) > 0 ? list[list.indexOf(this.node) - 1] : undefined;
      return prev ? wrap(this.ctx, prev) : null;
    });
  }

  isAtDocumentEnd(): boolean {
    return this.read('isAtDocumentEnd', () => {
      const body = this.content().body;
      let last: AnyNode | undefined = body.children[body.children.length - 1];
      while (last && last !== this.node && childrenOf(last).length) last = childrenOf(last)[childrenOf(last).length - 1];
      return last === this.node;
    });
  }

  removeFromParent(): this {
    return this.edit('removeFromParent', () => {
      const parent = this.parentNode();
      if (!parent) return this;
      removeNode(parent, this.node);
      return this;
    });
  }

  getAttributes(): Attrs {
    return this.read('getAttributes', () => full(explicitChain(this.path())));
  }

  setAttributes(attributes: unknown): this {
    return this.edit('setAttributes', () => {
      const valid = validateAttrs(attributes);
      assign(this.node.attributes, valid);
      stripDescendants(this.node, Object.keys(valid).filter((k) => INHERITED.has(k)));
      return this;
    });
  }

  protected attr(method: string, key: string): AttrValue {
    return this.read(method, () => explicitChain(this.path())[key] ?? null);
  }

  protected setAttr(method: string, key: string, value: unknown): this {
    return this.edit(method, () => {
      const valid = validateValue(key, value);
      assign(this.node.attributes, { [key]: valid });
      if (INHERITED.has(key) && this.node.type !== 'PARAGRAPH' && this.node.type !== 'LIST_ITEM') stripDescendants(this.node, [key]);
      if (TEXT_KEYS.has(key) && (this.node.type === 'PARAGRAPH' || this.node.type === 'LIST_ITEM')) {
        for (const r of this.node.runs) delete r.attributes[key];
        normalizeRuns(this.node);
      }
      return this;
    });
  }

  copy(): NodeHandle<N> {
    return this.read('copy', () => wrap(this.ctx, clone(this.node)) as NodeHandle<N>);
  }

  private as<T>(method: string, types: string[]): T {
    return this.read(method, () => {
      if (!types.includes(this.node.type)) fail(`Cannot convert ${this.node.type} to ${method.slice(2)}.`);
      return this as unknown as T;
    });
  }
  asBody(): FakeBody { return this.as('asBody', ['BODY_SECTION']); }
  asHeaderSection(): FakeHeaderSection { return this.as('asHeaderSection', ['HEADER_SECTION']); }
  asFooterSection(): FakeFooterSection { return this.as('asFooterSection', ['FOOTER_SECTION']); }
  asParagraph(): FakeParagraph { return this.as('asParagraph', ['PARAGRAPH']); }
  asListItem(): FakeListItem { return this.as('asListItem', ['LIST_ITEM']); }
  asTable(): FakeTable { return this.as('asTable', ['TABLE']); }
  asTableRow(): FakeTableRow { return this.as('asTableRow', ['TABLE_ROW']); }
  asTableCell(): FakeTableCell { return this.as('asTableCell', ['TABLE_CELL']); }
}

function removeNode(parent: AnyNode, node: AnyNode): void {
  const list = childrenOf(parent);
  const i = list.indexOf(node);
  if (i < 0) fail('Element does not contain the specified child element.');
  if ((node.type === 'PARAGRAPH' || node.type === 'LIST_ITEM') && (parent.type !== 'TABLE' && parent.type !== 'TABLE_ROW')) {
    const paragraphs = list.filter((n) => n.type === 'PARAGRAPH' || n.type === 'LIST_ITEM');
    if (paragraphs.length === 1) fail("Can't remove the last paragraph in a document section.");
  }
  list.splice(i, 1);
}

function cellsArg(cells: unknown, where: string): string[][] {
  if (cells === undefined || cells === null) return [];
  const mismatch = (): never => fail(`The parameters (${describe(cells)}) don't match the method signature for DocumentApp.${where}.`);
  if (!Array.isArray(cells)) mismatch();
  const rows = cells as unknown[];
  for (const row of rows) {
    if (!Array.isArray(row) || row.length === 0) mismatch();
    for (const cell of row as unknown[]) if (typeof cell !== 'string') mismatch();
  }
  const width = (rows[0] as unknown[] | undefined)?.length ?? 0;
  if (rows.some((r) => (r as unknown[]).length !== width)) fail(`Invalid argument: cells (every row needs the same number of cells, ${width})`);
  return rows as string[][];
}

function describe(value: unknown): string {
  if (Array.isArray(value)) {
    const inner = value.find((v) => v !== undefined);
    return inner === undefined ? 'Object[]' : `${describe(inner)}[]`;
  }
  if (value === null) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  return 'Object';
}

/** Body, header, footer and table cell: what holds paragraphs and tables. */
abstract class ContainerHandle<N extends ContainerNode> extends NodeHandle<N> {
  /** An element from copy() may be inserted once: it must not be in the document already. */
  private adopt<T extends BlockNode>(handle: NodeHandle<AnyNode>, types: string[]): T {
    if (!types.includes(handle.node.type)) fail('Invalid argument: element');
    if (pathTo(this.content(), handle.node)) fail('Element must be detached.');
    return handle.node as T;
  }

  private insertBlock(index: number, block: BlockNode): void {
    this.node.children.splice(index, 0, block);
  }

  private paragraphAt(method: string, index: number | null, arg: unknown, type: 'PARAGRAPH' | 'LIST_ITEM'): FakeParagraph {
    return this.edit(method, () => {
      const at = index === null ? this.node.children.length : childIndexArg(index, this.node.children.length, true);
      let node: ParagraphNode;
      if (typeof arg === 'string') {
        node = newParagraph(arg, type);
        if (type === 'LIST_ITEM') {
          const prev = this.node.children[at - 1];
          node.attributes = {
            LIST_ID: prev?.type === 'LIST_ITEM' ? prev.attributes.LIST_ID ?? null : `kix.list${this.ctx.store.drive.state.seq}-${at}`,
            GLYPH_TYPE: 'BULLET', NESTING_LEVEL: 0,
          };
        }
      } else if (arg instanceof NodeHandle) {
        node = this.adopt<ParagraphNode>(arg, [type]);
      } else {
        return fail(`The parameters (${describe(arg)}) don't match the method signature for DocumentApp.${this.cls}.${method}.`);
      }
      this.insertBlock(at, node);
      return wrap(this.ctx, node) as FakeParagraph;
    });
  }

  appendParagraph(paragraph: string | FakeParagraph): FakeParagraph {
    return this.paragraphAt('appendParagraph', null, paragraph, 'PARAGRAPH');
  }

  insertParagraph(childIndex: number, paragraph: string | FakeParagraph): FakeParagraph {
    return this.paragraphAt('insertParagraph', childIndex, paragraph, 'PARAGRAPH');
  }

  appendListItem(listItem: string | FakeListItem): FakeListItem {
    return this.paragraphAt('appendListItem', null, listItem, 'LIST_ITEM') as FakeListItem;
  }

  insertListItem(childIndex: number, listItem: string | FakeListItem): FakeListItem {
    return this.paragraphAt('insertListItem', childIndex, listItem, 'LIST_ITEM') as FakeListItem;
  }

  private tableAt(method: string, index: number | null, arg: unknown): FakeTable {
    return this.edit(method, () => {
      const at = index === null ? this.node.children.length : childIndexArg(index, this.node.children.length, true);
      const node = arg instanceof NodeHandle ? this.adopt<TableNode>(arg, ['TABLE']) : newTable(cellsArg(arg, `${this.cls}.${method}`));
      this.insertBlock(at, node);
      return new FakeTable(this.ctx, node);
    });
  }

  /** The whole table in one call; every row must have the same number of string cells. */
  appendTable(cells?: string[][] | FakeTable): FakeTable {
    return this.tableAt('appendTable', null, cells);
  }

  insertTable(childIndex: number, cells?: string[][] | FakeTable): FakeTable {
    return this.tableAt('insertTable', childIndex, cells);
  }

  private inlineAt(method: string, index: number | null, type: InlineType): FakeInline {
    return this.edit(method, () => {
      const at = index === null ? this.node.children.length : childIndexArg(index, this.node.children.length, true);
      const p = newParagraph();
      p.inline.push(type);
      this.insertBlock(at, p);
      return new FakeInline(this.ctx, p, 0);
    });
  }

  appendHorizontalRule(): FakeInline {
    return this.inlineAt('appendHorizontalRule', null, 'HORIZONTAL_RULE');
  }

  insertHorizontalRule(childIndex: number): FakeInline {
    return this.inlineAt('insertHorizontalRule', childIndex, 'HORIZONTAL_RULE');
  }

  protected appendBreak(): FakeInline {
    return this.inlineAt('appendPageBreak', null, 'PAGE_BREAK');
  }

  protected insertBreak(childIndex: number): FakeInline {
    return this.inlineAt('insertPageBreak', childIndex, 'PAGE_BREAK');
  }

  getNumChildren(): number {
    return this.read('getNumChildren', () => this.node.children.length);
  }

  getChild(childIndex: number): NodeHandle<AnyNode> {
    return this.read('getChild', () => wrap(this.ctx, this.node.children[childIndexArg(childIndex, this.node.children.length, false)]!));
  }

  getChildIndex(child: NodeHandle<AnyNode>): number {
    return this.read('getChildIndex', () => {
      const i = (this.node.children as AnyNode[]).indexOf(child.node);
      if (i < 0) fail('Element does not contain the specified child element.');
      return i;
    });
  }

  removeChild(child: NodeHandle<AnyNode>): this {
    return this.edit('removeChild', () => {
      removeNode(this.node, child.node);
      return this;
    });
  }

  getParagraphs(): FakeParagraph[] {
    return this.read('getParagraphs', () => paragraphsIn(this.node).map((p) => wrap(this.ctx, p) as FakeParagraph));
  }

  getListItems(): FakeListItem[] {
    return this.read('getListItems', () => paragraphsIn(this.node).filter((p) => p.type === 'LIST_ITEM')
      .map((p) => new FakeListItem(this.ctx, p)));
  }

  getTables(): FakeTable[] {
    return this.read('getTables', () => tablesIn(this.node).map((t) => new FakeTable(this.ctx, t)));
  }

  getText(): string {
    return this.read('getText', () => containerText(this.node));
  }

  /** One paragraph holding the text; it keeps the first paragraph's attributes. */
  setText(text: string): this {
    return this.edit('setText', () => {
      if (typeof text !== 'string') fail('Invalid argument: text');
      const first = this.node.children.find((c): c is ParagraphNode => c.type === 'PARAGRAPH');
      const p = newParagraph(text);
      if (first) p.attributes = { ...first.attributes };
      this.node.children = [p];
      return this;
    });
  }

  clear(): this {
    return this.edit('clear', () => {
      this.node.children = [newParagraph()];
      return this;
    });
  }

  replaceText(searchPattern: string, replacement: string): this {
    return this.edit('replaceText', () => {
      const re = compilePattern(searchPattern);
      if (typeof replacement !== 'string') fail('Invalid argument: replacement');
      for (const p of paragraphsIn(this.node)) replaceInParagraph(p, re, replacement);
      return this;
    });
  }

  findText(searchPattern: string, from?: FakeRangeElement | null): FakeRangeElement | null {
    return this.read('findText', () => findIn(this.ctx, paragraphsIn(this.node), searchPattern, from ?? null));
  }
}

function findIn(ctx: Ctx, paragraphs: ParagraphNode[], pattern: string, from: FakeRangeElement | null): FakeRangeElement | null {
  const re = compilePattern(pattern);
  let startIndex = 0;
  let offset = 0;
  if (from) {
    startIndex = paragraphs.indexOf(from.para);
    if (startIndex < 0) fail('Invalid argument: from');
    offset = from.end + 1;
  }
  for (let i = startIndex; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    re.lastIndex = i === startIndex ? offset : 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(paragraphText(p))) !== null) {
      if (m[0].length > 0) return new FakeRangeElement(ctx, p, m.index, m.index + m[0].length - 1);
      re.lastIndex += 1;
    }
  }
  return null;
}

export class FakeBody extends ContainerHandle<SectionNode> {
  readonly cls = 'Body';

  appendPageBreak(): FakeInline {
    return this.appendBreak();
  }
  insertPageBreak(childIndex: number): FakeInline {
    return this.insertBreak(childIndex);
  }
  getMarginTop(): number { return this.attr('getMarginTop', 'MARGIN_TOP') as number; }
  getMarginBottom(): number { return this.attr('getMarginBottom', 'MARGIN_BOTTOM') as number; }
  getMarginLeft(): number { return this.attr('getMarginLeft', 'MARGIN_LEFT') as number; }
  getMarginRight(): number { return this.attr('getMarginRight', 'MARGIN_RIGHT') as number; }
  getPageWidth(): number { return this.attr('getPageWidth', 'PAGE_WIDTH') as number; }
  getPageHeight(): number { return this.attr('getPageHeight', 'PAGE_HEIGHT') as number; }
  setMarginTop(points: number): this { return this.setAttr('setMarginTop', 'MARGIN_TOP', points); }
  setMarginBottom(points: number): this { return this.setAttr('setMarginBottom', 'MARGIN_BOTTOM', points); }
  setMarginLeft(points: number): this { return this.setAttr('setMarginLeft', 'MARGIN_LEFT', points); }
  setMarginRight(points: number): this { return this.setAttr('setMarginRight', 'MARGIN_RIGHT', points); }
  setPageWidth(points: number): this { return this.setAttr('setPageWidth', 'PAGE_WIDTH', points); }
  setPageHeight(points: number): this { return this.setAttr('setPageHeight', 'PAGE_HEIGHT', points); }
}

export class FakeHeaderSection extends ContainerHandle<SectionNode> {
  readonly cls = 'HeaderSection';
}

export class FakeFooterSection extends ContainerHandle<SectionNode> {
  readonly cls = 'FooterSection';
}

export class FakeTableCell extends ContainerHandle<CellNode> {
  readonly cls = 'TableCell';

  private place(): { table: TableNode; row: RowNode; column: number } {
    const path = this.path();
    const row = path[path.length - 2] as RowNode | undefined;
    const table = path[path.length - 3] as TableNode | undefined;
    if (!row || !table) fail('The table cell is not in a table.');
    return { table, row, column: row.cells.indexOf(this.node) };
  }

  getParentRow(): FakeTableRow {
    return this.read('getParentRow', () => new FakeTableRow(this.ctx, this.place().row));
  }
  getParentTable(): FakeTable {
    return this.read('getParentTable', () => new FakeTable(this.ctx, this.place().table));
  }
  getColSpan(): number {
    return this.read('getColSpan', () => 1);
  }
  getRowSpan(): number {
    return this.read('getRowSpan', () => 1);
  }
  /** Docs sizes whole columns: a cell's width is its column's. */
  getWidth(): number | null {
    return this.read('getWidth', () => {
      const { table, column } = this.place();
      return table.columnWidths[column] ?? null;
    });
  }
  setWidth(width: number): this {
    return this.edit('setWidth', () => {
      const valid = validateValue('WIDTH', width);
      const { table, column } = this.place();
      table.columnWidths[column] = valid as number | null;
      return this;
    });
  }
  override getAttributes(): Attrs {
    return this.read('getAttributes', () => {
      const { table, column } = this.place();
      return full({ ...explicitChain(this.path()), WIDTH: table.columnWidths[column] ?? null });
    });
  }
  /** WIDTH sizes the column, as setWidth does. */
  override setAttributes(attributes: unknown): this {
    return this.edit('setAttributes', () => {
      const valid = validateAttrs(attributes);
      const { table, column } = this.place();
      if ('WIDTH' in valid) table.columnWidths[column] = valid.WIDTH as number | null;
      delete valid.WIDTH;
      assign(this.node.attributes, valid);
      stripDescendants(this.node, Object.keys(valid).filter((k) => INHERITED.has(k)));
      return this;
    });
  }
  getBackgroundColor(): string | null { return this.ownAttr('getBackgroundColor', 'BACKGROUND_COLOR') as string | null; }
  setBackgroundColor(color: string): this { return this.setAttr('setBackgroundColor', 'BACKGROUND_COLOR', color); }
  getVerticalAlignment(): string | null { return this.ownAttr('getVerticalAlignment', 'VERTICAL_ALIGNMENT') as string | null; }
  setVerticalAlignment(alignment: GoogleAppsScript.Document.VerticalAlignment): this {
    return this.setAttr('setVerticalAlignment', 'VERTICAL_ALIGNMENT', alignment);
  }
  getPaddingTop(): number | null { return this.ownAttr('getPaddingTop', 'PADDING_TOP') as number | null; }
  getPaddingBottom(): number | null { return this.ownAttr('getPaddingBottom', 'PADDING_BOTTOM') as number | null; }
  getPaddingLeft(): number | null { return this.ownAttr('getPaddingLeft', 'PADDING_LEFT') as number | null; }
  getPaddingRight(): number | null { return this.ownAttr('getPaddingRight', 'PADDING_RIGHT') as number | null; }
  setPaddingTop(points: number): this { return this.setAttr('setPaddingTop', 'PADDING_TOP', points); }
  setPaddingBottom(points: number): this { return this.setAttr('setPaddingBottom', 'PADDING_BOTTOM', points); }
  setPaddingLeft(points: number): this { return this.setAttr('setPaddingLeft', 'PADDING_LEFT', points); }
  setPaddingRight(points: number): this { return this.setAttr('setPaddingRight', 'PADDING_RIGHT', points); }

  private ownAttr(method: string, key: string): AttrValue {
    return this.read(method, () => this.node.attributes[key] ?? null);
  }
}

export class FakeTable extends NodeHandle<TableNode> {
  readonly cls = 'Table';

  private columns(): number {
    return Math.max(0, ...this.node.rows.map((r) => r.cells.length));
  }

  getNumRows(): number {
    return this.read('getNumRows', () => this.node.rows.length);
  }
  getNumChildren(): number {
    return this.read('getNumChildren', () => this.node.rows.length);
  }
  getRow(rowIndex: number): FakeTableRow {
    return this.read('getRow', () => new FakeTableRow(this.ctx, this.node.rows[childIndexArg(rowIndex, this.node.rows.length, false)]!));
  }
  getChild(childIndex: number): FakeTableRow {
    return this.read('getChild', () => new FakeTableRow(this.ctx, this.node.rows[childIndexArg(childIndex, this.node.rows.length, false)]!));
  }
  getChildIndex(child: NodeHandle<AnyNode>): number {
    return this.read('getChildIndex', () => {
      const i = (this.node.rows as AnyNode[]).indexOf(child.node);
      if (i < 0) fail('Element does not contain the specified child element.');
      return i;
    });
  }
  getCell(rowIndex: number, cellIndex: number): FakeTableCell {
    return this.read('getCell', () => {
      const row = this.node.rows[childIndexArg(rowIndex, this.node.rows.length, false)]!;
      return new FakeTableCell(this.ctx, row.cells[childIndexArg(cellIndex, row.cells.length, false)]!);
    });
  }
  private rowAt(method: string, index: number | null, arg: unknown): FakeTableRow {
    return this.edit(method, () => {
      const at = index === null ? this.node.rows.length : childIndexArg(index, this.node.rows.length, true);
      let row: RowNode;
      if (arg === undefined || arg === null) row = { type: 'TABLE_ROW', attributes: {}, cells: [] };
      else if (arg instanceof FakeTableRow) {
        if (pathTo(this.content(), arg.node)) fail('Element must be detached.');
        row = arg.node;
      } else return fail(`The parameters (${describe(arg)}) don't match the method signature for DocumentApp.Table.${method}.`);
      this.node.rows.splice(at, 0, row);
      return new FakeTableRow(this.ctx, row);
    });
  }
  appendTableRow(tableRow?: FakeTableRow): FakeTableRow {
    return this.rowAt('appendTableRow', null, tableRow);
  }
  insertTableRow(childIndex: number, tableRow?: FakeTableRow): FakeTableRow {
    return this.rowAt('insertTableRow', childIndex, tableRow);
  }
  removeRow(rowIndex: number): FakeTableRow {
    return this.edit('removeRow', () => {
      const i = childIndexArg(rowIndex, this.node.rows.length, false);
      const [row] = this.node.rows.splice(i, 1);
      return new FakeTableRow(this.ctx, row!);
    });
  }
  removeChild(child: NodeHandle<AnyNode>): this {
    return this.edit('removeChild', () => {
      removeNode(this.node, child.node);
      return this;
    });
  }
  getBorderWidth(): number | null { return this.attr('getBorderWidth', 'BORDER_WIDTH') as number | null; }
  setBorderWidth(width: number): this { return this.setAttr('setBorderWidth', 'BORDER_WIDTH', width); }
  getBorderColor(): string | null { return this.attr('getBorderColor', 'BORDER_COLOR') as string | null; }
  setBorderColor(color: string): this { return this.setAttr('setBorderColor', 'BORDER_COLOR', color); }
  getColumnWidth(columnIndex: number): number | null {
    return this.read('getColumnWidth', () => this.node.columnWidths[childIndexArg(columnIndex, this.columns(), false)] ?? null);
  }
  setColumnWidth(columnIndex: number, width: number): this {
    return this.edit('setColumnWidth', () => {
      const i = childIndexArg(columnIndex, this.columns(), false);
      const valid = validateValue('WIDTH', width);
      while (this.node.columnWidths.length < this.columns()) this.node.columnWidths.push(null);
      this.node.columnWidths[i] = valid as number | null;
      return this;
    });
  }
  getText(): string {
    return this.read('getText', () => blockText(this.node));
  }
  replaceText(searchPattern: string, replacement: string): this {
    return this.edit('replaceText', () => {
      const re = compilePattern(searchPattern);
      if (typeof replacement !== 'string') fail('Invalid argument: replacement');
      for (const p of paragraphsIn(this.node)) replaceInParagraph(p, re, replacement);
      return this;
    });
  }
  findText(searchPattern: string, from?: FakeRangeElement | null): FakeRangeElement | null {
    return this.read('findText', () => findIn(this.ctx, paragraphsIn(this.node), searchPattern, from ?? null));
  }
}

export class FakeTableRow extends NodeHandle<RowNode> {
  readonly cls = 'TableRow';

  getNumCells(): number {
    return this.read('getNumCells', () => this.node.cells.length);
  }
  getNumChildren(): number {
    return this.read('getNumChildren', () => this.node.cells.length);
  }
  getCell(cellIndex: number): FakeTableCell {
    return this.read('getCell', () => new FakeTableCell(this.ctx, this.node.cells[childIndexArg(cellIndex, this.node.cells.length, false)]!));
  }
  getChild(childIndex: number): FakeTableCell {
    return this.read('getChild', () => new FakeTableCell(this.ctx, this.node.cells[childIndexArg(childIndex, this.node.cells.length, false)]!));
  }
  getChildIndex(child: NodeHandle<AnyNode>): number {
    return this.read('getChildIndex', () => {
      const i = (this.node.cells as AnyNode[]).indexOf(child.node);
      if (i < 0) fail('Element does not contain the specified child element.');
      return i;
    });
  }
  private cellAt(method: string, index: number | null, arg: unknown): FakeTableCell {
    return this.edit(method, () => {
      const at = index === null ? this.node.cells.length : childIndexArg(index, this.node.cells.length, true);
      let cell: CellNode;
      if (arg === undefined || arg === null || typeof arg === 'string') {
        cell = { type: 'TABLE_CELL', attributes: {}, children: [newParagraph(arg ?? '')] };
      } else if (arg instanceof FakeTableCell) {
        if (pathTo(this.content(), arg.node)) fail('Element must be detached.');
        cell = arg.node;
      } else return fail(`The parameters (${describe(arg)}) don't match the method signature for DocumentApp.TableRow.${method}.`);
      this.node.cells.splice(at, 0, cell);
      return new FakeTableCell(this.ctx, cell);
    });
  }
  appendTableCell(textContentsOrCell?: string | FakeTableCell): FakeTableCell {
    return this.cellAt('appendTableCell', null, textContentsOrCell);
  }
  insertTableCell(childIndex: number, textContentsOrCell?: string | FakeTableCell): FakeTableCell {
    return this.cellAt('insertTableCell', childIndex, textContentsOrCell);
  }
  removeCell(cellIndex: number): FakeTableCell {
    return this.edit('removeCell', () => {
      const i = childIndexArg(cellIndex, this.node.cells.length, false);
      const [cell] = this.node.cells.splice(i, 1);
      return new FakeTableCell(this.ctx, cell!);
    });
  }
  getParentTable(): FakeTable {
    return this.read('getParentTable', () => {
      const parent = this.parentNode();
      if (!parent || parent.type !== 'TABLE') fail('The row is not in a table.');
      return new FakeTable(this.ctx, parent);
    });
  }
  getMinimumHeight(): number | null { return this.attr('getMinimumHeight', 'MINIMUM_HEIGHT') as number | null; }
  setMinimumHeight(minHeight: number): this { return this.setAttr('setMinimumHeight', 'MINIMUM_HEIGHT', minHeight); }
  getText(): string {
    return this.read('getText', () => this.node.cells.map(containerText).join('\t'));
  }
}

export class FakeParagraph extends NodeHandle<ParagraphNode> {
  readonly cls: string = 'Paragraph';

  getText(): string {
    return this.read('getText', () => paragraphText(this.node));
  }
  /** Replaces text and inline elements; the text keeps the first run's format. */
  setText(text: string): void {
    this.edit('setText', () => {
      if (typeof text !== 'string') fail('Invalid argument: text');
      const format = this.node.runs[0]?.attributes ?? {};
      this.node.runs = text === '' ? [] : [{ text, attributes: { ...format } }];
      this.node.inline = [];
    });
  }
  /** The new text as its own Text element, so formatting it touches only what was appended. */
  appendText(text: string): FakeText {
    return this.edit('appendText', () => {
      if (typeof text !== 'string') fail('Invalid argument: text');
      const start = paragraphText(this.node).length;
      insertRun(this.node, start, text);
      return new FakeText(this.ctx, this.node, { start, len: text.length });
    });
  }
  editAsText(): FakeText {
    return this.read('editAsText', () => new FakeText(this.ctx, this.node, null));
  }
  clear(): this {
    return this.edit('clear', () => {
      this.node.runs = [];
      this.node.inline = [];
      return this;
    });
  }
  getNumChildren(): number {
    return this.read('getNumChildren', () => (this.node.runs.length ? 1 : 0) + this.node.inline.length);
  }
  getChild(childIndex: number): FakeText | FakeInline {
    return this.read('getChild', () => {
      const hasText = this.node.runs.length > 0;
      const i = childIndexArg(childIndex, (hasText ? 1 : 0) + this.node.inline.length, false);
      if (hasText && i === 0) return new FakeText(this.ctx, this.node, null);
      return new FakeInline(this.ctx, this.node, i - (hasText ? 1 : 0));
    });
  }
  appendPageBreak(): FakeInline {
    return this.edit('appendPageBreak', () => {
      this.node.inline.push('PAGE_BREAK');
      return new FakeInline(this.ctx, this.node, this.node.inline.length - 1);
    });
  }
  appendHorizontalRule(): FakeInline {
    return this.edit('appendHorizontalRule', () => {
      this.node.inline.push('HORIZONTAL_RULE');
      return new FakeInline(this.ctx, this.node, this.node.inline.length - 1);
    });
  }
  /** Paragraph settings, and text settings the whole text shares. */
  override getAttributes(): Attrs {
    return this.read('getAttributes', () => {
      const chain = explicitChain(this.path());
      const out = { ...chain };
      for (const key of TEXT_KEYS) {
        const values = new Set(this.node.runs.map((r) => r.attributes[key] ?? chain[key] ?? null));
        out[key] = values.size === 1 ? [...values][0]! : values.size === 0 ? chain[key] ?? null : null;
      }
      return full(out);
    });
  }
  /** Text keys apply to all the text (its runs lose their own values for them). */
  override setAttributes(attributes: unknown): this {
    return this.edit('setAttributes', () => {
      const valid = validateAttrs(attributes);
      assign(this.node.attributes, valid);
      for (const r of this.node.runs) stripKeys(r.attributes, Object.keys(valid).filter((k) => TEXT_KEYS.has(k)));
      normalizeRuns(this.node);
      return this;
    });
  }
  getAlignment(): string | null { return this.attr('getAlignment', 'HORIZONTAL_ALIGNMENT') as string | null; }
  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): this { return this.setAttr('setAlignment', 'HORIZONTAL_ALIGNMENT', alignment); }
  getHeading(): string | null { return this.attr('getHeading', 'HEADING') as string | null; }
  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): this { return this.setAttr('setHeading', 'HEADING', heading); }
  getIndentFirstLine(): number | null { return this.attr('getIndentFirstLine', 'INDENT_FIRST_LINE') as number | null; }
  setIndentFirstLine(points: number): this { return this.setAttr('setIndentFirstLine', 'INDENT_FIRST_LINE', points); }
  getIndentStart(): number | null { return this.attr('getIndentStart', 'INDENT_START') as number | null; }
  setIndentStart(points: number): this { return this.setAttr('setIndentStart', 'INDENT_START', points); }
  getIndentEnd(): number | null { return this.attr('getIndentEnd', 'INDENT_END') as number | null; }
  setIndentEnd(points: number): this { return this.setAttr('setIndentEnd', 'INDENT_END', points); }
  getLineSpacing(): number | null { return this.attr('getLineSpacing', 'LINE_SPACING') as number | null; }
  setLineSpacing(multiplier: number): this { return this.setAttr('setLineSpacing', 'LINE_SPACING', multiplier); }
  getSpacingBefore(): number | null { return this.attr('getSpacingBefore', 'SPACING_BEFORE') as number | null; }
  setSpacingBefore(points: number): this { return this.setAttr('setSpacingBefore', 'SPACING_BEFORE', points); }
  getSpacingAfter(): number | null { return this.attr('getSpacingAfter', 'SPACING_AFTER') as number | null; }
  setSpacingAfter(points: number): this { return this.setAttr('setSpacingAfter', 'SPACING_AFTER', points); }
  isLeftToRight(): boolean | null { return this.attr('isLeftToRight', 'LEFT_TO_RIGHT') as boolean | null; }
  setLeftToRight(leftToRight: boolean): this { return this.setAttr('setLeftToRight', 'LEFT_TO_RIGHT', leftToRight); }
  getLinkUrl(): string | null { return this.attr('getLinkUrl', 'LINK_URL') as string | null; }
  setLinkUrl(url: string): this { return this.setAttr('setLinkUrl', 'LINK_URL', url); }

  replaceText(searchPattern: string, replacement: string): this {
    return this.edit('replaceText', () => {
      const re = compilePattern(searchPattern);
      if (typeof replacement !== 'string') fail('Invalid argument: replacement');
      replaceInParagraph(this.node, re, replacement);
      return this;
    });
  }
  findText(searchPattern: string, from?: FakeRangeElement | null): FakeRangeElement | null {
    return this.read('findText', () => findIn(this.ctx, [this.node], searchPattern, from ?? null));
  }
}

export class FakeListItem extends FakeParagraph {
  override readonly cls: string = 'ListItem';

  getGlyphType(): string | null { return this.attr('getGlyphType', 'GLYPH_TYPE') as string | null; }
  setGlyphType(glyphType: GoogleAppsScript.Document.GlyphType): this { return this.setAttr('setGlyphType', 'GLYPH_TYPE', glyphType); }
  getNestingLevel(): number { return (this.attr('getNestingLevel', 'NESTING_LEVEL') as number | null) ?? 0; }
  setNestingLevel(nestingLevel: number): this { return this.setAttr('setNestingLevel', 'NESTING_LEVEL', nestingLevel); }
  getListId(): string | null { return this.attr('getListId', 'LIST_ID') as string | null; }
  setListId(listItem: FakeListItem): this {
    return this.edit('setListId', () => {
      const id = listItem.node.attributes.LIST_ID ?? null;
      assign(this.node.attributes, { LIST_ID: id });
      return this;
    });
  }
}

/** A page break or horizontal rule inside a paragraph. */
export class FakeInline extends Handle {
  constructor(ctx: Ctx, readonly para: ParagraphNode, private readonly index: number) {
    super(ctx);
  }
  get cls(): string {
    return this.para.inline[this.index] === 'PAGE_BREAK' ? 'PageBreak' : 'HorizontalRule';
  }
  getType(): string {
    return this.read('getType', () => this.para.inline[this.index] ?? 'UNSUPPORTED');
  }
  getParent(): FakeParagraph {
    return this.read('getParent', () => wrap(this.ctx, this.para) as FakeParagraph);
  }
  getAttributes(): Attrs {
    return this.read('getAttributes', () => full({}));
  }
  removeFromParent(): this {
    return this.edit('removeFromParent', () => {
      this.para.inline.splice(this.index, 1);
      return this;
    });
  }
}

/** A range found by findText. */
export class FakeRangeElement extends Handle {
  readonly cls = 'RangeElement';
  constructor(ctx: Ctx, readonly para: ParagraphNode, readonly start: number, readonly end: number) {
    super(ctx);
  }
  getElement(): FakeText {
    return this.read('getElement', () => new FakeText(this.ctx, this.para, null));
  }
  getStartOffset(): number {
    return this.read('getStartOffset', () => this.start);
  }
  getEndOffsetInclusive(): number {
    return this.read('getEndOffsetInclusive', () => this.end);
  }
  isPartial(): boolean {
    return this.read('isPartial', () => this.start > 0 || this.end < paragraphText(this.para).length - 1);
  }
}

type FormatSetter = 'setBold' | 'setItalic' | 'setUnderline' | 'setStrikethrough' | 'setFontSize' | 'setFontFamily'
  | 'setForegroundColor' | 'setBackgroundColor' | 'setLinkUrl';

/**
 * Text of a paragraph: the whole of it (editAsText, getChild) or the stretch appendText added.
 * Offsets are UTF-16 code units, as in Apps Script.
 */
export class FakeText extends Handle {
  readonly cls = 'Text';

  constructor(ctx: Ctx, readonly para: ParagraphNode, readonly seg: { start: number; len: number } | null) {
    super(ctx);
  }

  private bounds(): { start: number; end: number } {
    if (!this.seg) return { start: 0, end: paragraphText(this.para).length };
    return { start: this.seg.start, end: this.seg.start + this.seg.len };
  }

  private resize(delta: number): void {
    if (this.seg) this.seg.len += delta;
  }

  /** (value) for all the text or (start, endInclusive, value) for a part, as absolute offsets. */
  private range(args: unknown[], method: string): { start: number; end: number; value: unknown } {
    const { start, end } = this.bounds();
    if (args.length === 1) return { start, end, value: args[0] };
    if (args.length === 3) {
      const s = intArg(args[0], 'startOffset');
      const e = intArg(args[1], 'endOffsetInclusive');
      const len = end - start;
      if (s < 0 || s >= len) fail(`Invalid argument: startOffset ${s} (text length ${len})`);
      if (e < s || e >= len) fail(`Invalid argument: endOffsetInclusive ${e} (start ${s}, text length ${len})`);
      return { start: start + s, end: start + e + 1, value: args[2] };
    }
    return fail(`The parameters don't match the method signature for DocumentApp.Text.${method}.`);
  }

  private offsetArg(offset: unknown, allowEnd: boolean): number {
    const { start, end } = this.bounds();
    const o = intArg(offset, 'offset');
    if (o < 0 || (allowEnd ? start + o > end : start + o >= end)) fail(`Invalid argument: offset ${o}`);
    return start + o;
  }

  private format(method: FormatSetter, key: string, args: unknown[]): this {
    return this.edit(method, () => {
      const { start, end, value } = this.range(args, method);
      const valid = validateValue(key, value);
      mapRange(this.para, start, end, { [key]: valid });
      return this;
    });
  }

  setBold(...args: unknown[]): this { return this.format('setBold', 'BOLD', args); }
  setItalic(...args: unknown[]): this { return this.format('setItalic', 'ITALIC', args); }
  setUnderline(...args: unknown[]): this { return this.format('setUnderline', 'UNDERLINE', args); }
  setStrikethrough(...args: unknown[]): this { return this.format('setStrikethrough', 'STRIKETHROUGH', args); }
  setFontSize(...args: unknown[]): this { return this.format('setFontSize', 'FONT_SIZE', args); }
  setFontFamily(...args: unknown[]): this { return this.format('setFontFamily', 'FONT_FAMILY', args); }
  setForegroundColor(...args: unknown[]): this { return this.format('setForegroundColor', 'FOREGROUND_COLOR', args); }
  setBackgroundColor(...args: unknown[]): this { return this.format('setBackgroundColor', 'BACKGROUND_COLOR', args); }
  setLinkUrl(...args: unknown[]): this { return this.format('setLinkUrl', 'LINK_URL', args); }

  setAttributes(...args: unknown[]): this {
    return this.edit('setAttributes', () => {
      const { start, end, value } = this.range(args, 'setAttributes');
      const valid = validateAttrs(value);
      const textOnly = Object.fromEntries(Object.entries(valid).filter(([k]) => TEXT_KEYS.has(k)));
      mapRange(this.para, start, end, textOnly);
      // Paragraph settings in a text style apply to the paragraph, as in Docs.
      assign(this.para.attributes, Object.fromEntries(Object.entries(valid).filter(([k]) => !TEXT_KEYS.has(k))));
      return this;
    });
  }

  private chain(): Attrs {
    return explicitChain(pathTo(this.content(), this.para) ?? [this.para]);
  }

  /** At an offset: what applies there. Without: what the whole text shares (null where mixed). */
  getAttributes(offset?: number): Attrs {
    return this.read('getAttributes', () => full(this.lookup(offset)));
  }

  private lookup(offset?: number): Attrs {
    const chain = this.chain();
    if (offset !== undefined && offset !== null) return overlay({ ...chain }, runAttrsAt(this.para, this.offsetArg(offset, false)));
    const { start, end } = this.bounds();
    const out: Attrs = { ...chain };
    for (const key of TEXT_KEYS) {
      const values = new Set<AttrValue>();
      for (let i = start; i < end; i++) values.add(runAttrsAt(this.para, i)[key] ?? chain[key] ?? null);
      out[key] = values.size === 1 ? [...values][0]! : values.size === 0 ? chain[key] ?? null : null;
    }
    return out;
  }

  private get1(method: string, key: string, offset?: number): AttrValue {
    return this.read(method, () => this.lookup(offset)[key] ?? null);
  }

  isBold(offset?: number): boolean | null { return this.get1('isBold', 'BOLD', offset) as boolean | null; }
  isItalic(offset?: number): boolean | null { return this.get1('isItalic', 'ITALIC', offset) as boolean | null; }
  isUnderline(offset?: number): boolean | null { return this.get1('isUnderline', 'UNDERLINE', offset) as boolean | null; }
  isStrikethrough(offset?: number): boolean | null { return this.get1('isStrikethrough', 'STRIKETHROUGH', offset) as boolean | null; }
  getFontSize(offset?: number): number | null { return this.get1('getFontSize', 'FONT_SIZE', offset) as number | null; }
  getFontFamily(offset?: number): string | null { return this.get1('getFontFamily', 'FONT_FAMILY', offset) as string | null; }
  getForegroundColor(offset?: number): string | null { return this.get1('getForegroundColor', 'FOREGROUND_COLOR', offset) as string | null; }
  getBackgroundColor(offset?: number): string | null { return this.get1('getBackgroundColor', 'BACKGROUND_COLOR', offset) as string | null; }
  getLinkUrl(offset?: number): string | null { return this.get1('getLinkUrl', 'LINK_URL', offset) as string | null; }

  /** Offsets where the format changes. */
  getTextAttributeIndices(): number[] {
    return this.read('getTextAttributeIndices', () => {
      const { start, end } = this.bounds();
      const out: number[] = [];
      let pos = 0;
      for (const r of this.para.runs) {
        if (pos >= start && pos < end) out.push(pos - start);
        else if (pos < start && pos + r.text.length > start) out.push(0);
        pos += r.text.length;
      }
      return out.length ? out : [0];
    });
  }

  getText(): string {
    return this.read('getText', () => {
      const { start, end } = this.bounds();
      return paragraphText(this.para).slice(start, end);
    });
  }

  setText(text: string): this {
    return this.edit('setText', () => {
      if (typeof text !== 'string') fail('Invalid argument: text');
      const { start, end } = this.bounds();
      const format = { ...runAttrsAt(this.para, start) };
      deleteRange(this.para, start, end);
      insertRun(this.para, start, text, format);
      this.resize(text.length - (end - start));
      return this;
    });
  }

  appendText(text: string): this {
    return this.edit('appendText', () => {
      if (typeof text !== 'string') fail('Invalid argument: text');
      insertRun(this.para, this.bounds().end, text);
      this.resize(text.length);
      return this;
    });
  }

  insertText(offset: number, text: string): this {
    return this.edit('insertText', () => {
      const at = this.offsetArg(offset, true);
      if (typeof text !== 'string') fail('Invalid argument: text');
      insertRun(this.para, at, text);
      this.resize(text.length);
      return this;
    });
  }

  deleteText(startOffset: number, endOffsetInclusive: number): this {
    return this.edit('deleteText', () => {
      const { start, end } = this.range([startOffset, endOffsetInclusive, null], 'deleteText');
      deleteRange(this.para, start, end);
      this.resize(start - end);
      return this;
    });
  }

  replaceText(searchPattern: string, replacement: string): this {
    return this.edit('replaceText', () => {
      const re = compilePattern(searchPattern);
      if (typeof replacement !== 'string') fail('Invalid argument: replacement');
      const { start, end } = this.bounds();
      const newEnd = replaceInParagraph(this.para, re, replacement, start, end);
      this.resize(newEnd - end);
      return this;
    });
  }

  findText(searchPattern: string, from?: FakeRangeElement | null): FakeRangeElement | null {
    return this.read('findText', () => findIn(this.ctx, [this.para], searchPattern, from ?? null));
  }

  editAsText(): this {
    return this.read('editAsText', () => this);
  }
  asText(): this {
    return this.read('asText', () => this);
  }
  getType(): string {
    return this.read('getType', () => 'TEXT');
  }
  getParent(): FakeParagraph {
    return this.read('getParent', () => wrap(this.ctx, this.para) as FakeParagraph);
  }
}

export class FakeDocument extends Handle {
  readonly cls = 'Document';

  /** Identity stays readable after saveAndClose (links are written after saving). */
  private peek<T>(method: string, fn: () => T): T {
    this.ctx.store.drive.call(`${this.cls}.${method}`);
    return fn();
  }

  get docId(): string {
    return this.ctx.session.docId;
  }

  getId(): string {
    return this.peek('getId', () => this.docId);
  }
  getName(): string {
    return this.peek('getName', () => this.ctx.store.file(this.docId).name);
  }
  getUrl(): string {
    return this.peek('getUrl', () => `https://docs.google.com/open?id=${this.docId}`);
  }
  setName(name: string): this {
    return this.edit('setName', () => {
      if (typeof name !== 'string' || name === '') fail('Invalid argument: name');
      const file = this.ctx.store.file(this.docId);
      file.name = name;
      file.updated = this.ctx.store.drive.now().toISOString();
      return this;
    });
  }
  getBody(): FakeBody {
    return this.read('getBody', () => new FakeBody(this.ctx, this.content().body));
  }
  getHeader(): FakeHeaderSection | null {
    return this.read('getHeader', () => {
      const header = this.content().header;
      return header ? new FakeHeaderSection(this.ctx, header) : null;
    });
  }
  addHeader(): FakeHeaderSection {
    return this.edit('addHeader', () => {
      const content = this.content();
      if (content.header) fail('The document already has a header.');
      content.header = newSection('HEADER_SECTION');
      return new FakeHeaderSection(this.ctx, content.header);
    });
  }
  getFooter(): FakeFooterSection | null {
    return this.read('getFooter', () => {
      const footer = this.content().footer;
      return footer ? new FakeFooterSection(this.ctx, footer) : null;
    });
  }
  addFooter(): FakeFooterSection {
    return this.edit('addFooter', () => {
      const content = this.content();
      if (content.footer) fail('The document already has a footer.');
      content.footer = newSection('FOOTER_SECTION');
      return new FakeFooterSection(this.ctx, content.footer);
    });
  }
  saveAndClose(): void {
    this.read('saveAndClose', () => {
      this.ctx.store.commit(this.docId);
      this.ctx.session.closed = true;
    });
  }
  /** The last saved version (see the file comment): save first. */
  getAs(contentType: string): FakeBlob {
    return this.read('getAs', () => this.ctx.store.exportBlob(this.docId, contentType));
  }
  getBlob(): FakeBlob {
    return this.read('getBlob', () => this.ctx.store.exportBlob(this.docId, MimeType.PDF));
  }
  getCursor(): null {
    return this.read('getCursor', () => null);
  }
  getSelection(): null {
    return this.read('getSelection', () => null);
  }
  getEditors(): Array<{ getEmail(): string }> {
    return this.read('getEditors', () => this.ctx.store.file(this.docId).editors.map((email) => ({ getEmail: () => email })));
  }
  addEditor(emailAddress: string): this {
    return this.read('addEditor', () => {
      const file = this.ctx.store.file(this.docId);
      if (!file.editors.includes(emailAddress)) file.editors.push(emailAddress);
      return this;
    });
  }
  addEditors(emailAddresses: string[]): this {
    return this.read('addEditors', () => {
      const file = this.ctx.store.file(this.docId);
      for (const e of emailAddresses) if (!file.editors.includes(e)) file.editors.push(e);
      return this;
    });
  }
  removeEditor(emailAddress: string): this {
    return this.read('removeEditor', () => {
      const file = this.ctx.store.file(this.docId);
      file.editors = file.editors.filter((e) => e !== emailAddress);
      return this;
    });
  }
}

export class FakeDocumentApp {
  readonly Attribute = Attribute;
  readonly ElementType = ElementType;
  readonly FontFamily = FontFamily;
  readonly GlyphType = GlyphType;
  readonly HorizontalAlignment = HorizontalAlignment;
  readonly ParagraphHeading = ParagraphHeading;
  readonly PositionedLayout = PositionedLayout;
  readonly TextAlignment = TextAlignment;
  readonly VerticalAlignment = VerticalAlignment;
  readonly TabType = TabType;

  constructor(private readonly store: DocumentStore) {}

  private open(id: string): FakeDocument {
    this.store.record(id);
    this.store.drive.touch(id);
    return new FakeDocument({ store: this.store, session: this.store.openSession(id) });
  }

  /** A Google Doc in the root of My Drive, owned by the current user, made by the add-on. */
  create(name: string): FakeDocument {
    this.store.drive.call('DocumentApp.create');
    if (typeof name !== 'string' || name === '') fail('Invalid argument: name');
    const rec = this.store.createDocument(name);
    return this.open(rec.id);
  }

  /**
   * The `documents` scope reaches every Doc the user can open, not only the add-on's: the check is
   * the user's role as a person. Stricter than Google: a reader or commenter is refused here,
   * where Apps Script would open the document and refuse only its edits.
   */
  private openAsUser(id: string): FakeDocument {
    const role = this.store.drive.roleOf(id, this.store.env.currentUser);
    if (this.store.docs[id] && role !== 'owner' && role !== 'writer') fail(MISSING_DOC);
    return this.open(id);
  }

  openById(id: string): FakeDocument {
    this.store.drive.call('DocumentApp.openById');
    if (typeof id !== 'string') fail('Invalid argument: id');
    return this.openAsUser(id);
  }

  openByUrl(url: string): FakeDocument {
    this.store.drive.call('DocumentApp.openByUrl');
    const id = typeof url === 'string' ? (/\/document\/d\/([\w-]+)/.exec(url)?.[1] ?? /[?&]id=([\w-]+)/.exec(url)?.[1]) : undefined;
    if (!id) fail('Invalid argument: url');
    return this.openAsUser(id);
  }

  /** Null: the add-on lives in a spreadsheet (set store.activeDocumentId to simulate a bound doc). */
  getActiveDocument(): FakeDocument | null {
    this.store.drive.call('DocumentApp.getActiveDocument');
    return this.store.activeDocumentId ? this.open(this.store.activeDocumentId) : null;
  }

  getUi(): never {
    this.store.drive.call('DocumentApp.getUi');
    return fail('Cannot call DocumentApp.getUi() from this context.');
  }
}

// ---------------------------------------------------------------------------------------------
// Factory and test helpers

export interface DocumentFakes {
  DocumentApp: GoogleAppsScript.Document.DocumentApp;
  DriveApp: GoogleAppsScript.Drive.DriveApp;
  /** The Drive advanced service (v3), as the add-on's manifest enables it. */
  Drive: DriveV3;
  MimeType: GoogleAppsScript.Base.MimeType;
  store: DocumentStore;
  serialize(): SerializedDocs;
}

/**
 * DocumentApp, DriveApp and MimeType for one execution. `state`: saved JSON to restore (copied),
 * or the store of an earlier execution to share (its documents and Drive, this env's call log).
 */
export function createDocumentFakes(env: FakeEnv, state?: SerializedDocs | DocumentStore, options: FakeServiceOptions = {}): DocumentFakes {
  const store = state instanceof DocumentStore ? state.forEnv(env, options) : new DocumentStore(env, state, options);
  return {
    DocumentApp: new FakeDocumentApp(store) as unknown as GoogleAppsScript.Document.DocumentApp,
    DriveApp: createDriveApp(store.drive),
    Drive: createDriveV3(store, options.scopes),
    MimeType: MimeType as GoogleAppsScript.Base.MimeType,
    store,
    serialize: () => store.serialize(),
  };
}

function fakeDocument(doc: unknown): FakeDocument {
  if (!(doc instanceof FakeDocument)) throw new Error('Not a document from the fakes');
  return doc;
}

/** The live content of a document as plain data, without counting calls. */
export function plainDocument(doc: GoogleAppsScript.Document.Document | FakeDocument): PlainDocument {
  const d = fakeDocument(doc);
  return d.ctx.store.documentToPlain(d.docId);
}

/** Body blocks: paragraphs with runs, tables with cells. */
export function paragraphsOf(doc: GoogleAppsScript.Document.Document | FakeDocument): PlainBlock[] {
  return plainDocument(doc).body.children;
}

/** Every table of the body (nested ones included), in reading order. */
export function tablesOf(doc: GoogleAppsScript.Document.Document | FakeDocument): PlainTable[] {
  const out: PlainTable[] = [];
  const visit = (blocks: PlainBlock[]): void => {
    for (const b of blocks) {
      if (b.type !== 'TABLE') continue;
      out.push(b);
      for (const r of b.rows) for (const c of r.cells) visit(c.children);
    }
  };
  visit(paragraphsOf(doc));
  return out;
}

/** The body as a reader sees it, one line per paragraph, table cells joined by " | ". */
export function docText(doc: GoogleAppsScript.Document.Document | FakeDocument): string {
  const d = fakeDocument(doc);
  const rec = d.ctx.store.record(d.docId);
  const out: string[] = [];
  renderBlocks(rec.live.body.children, out);
  return out.join('\n');
}

/**
 * Where `text` first appears (header, body, footer, inside tables too) and the attributes all of
 * it shares, Docs defaults included; a key the stretch does not share is null.
 */
export function styleOf(doc: GoogleAppsScript.Document.Document | FakeDocument, text: string):
  { paragraph: PlainParagraph; attributes: Attrs } | null {
  const plain = plainDocument(doc);
  const sections = [plain.header, plain.body, plain.footer].filter((s): s is PlainSection => s !== null);
  for (const p of sections.flatMap((s) => flattenParagraphs(s.children))) {
    const at = p.text.indexOf(text);
    if (at < 0 || text === '') continue;
    const attributes: Attrs = {};
    let pos = 0;
    let first = true;
    for (const run of p.runs) {
      const overlaps = pos < at + text.length && pos + run.text.length > at;
      pos += run.text.length;
      if (!overlaps) continue;
      for (const key of Object.keys({ ...attributes, ...run.attributes })) {
        const value = run.attributes[key] ?? null;
        if (first) attributes[key] = value;
        else if (attributes[key] !== value) attributes[key] = null;
      }
      first = false;
    }
    return { paragraph: p, attributes };
  }
  return null;
}

type AnyHandle = NodeHandle<AnyNode> | FakeText | GoogleAppsScript.Document.Element | GoogleAppsScript.Document.Text
  | GoogleAppsScript.Document.Body;

/**
 * What applies to an element, Docs defaults included: a paragraph's or cell's settings, or the
 * format of one character of a Text (offset relative to that Text).
 */
export function effectiveAttributes(element: AnyHandle, offset?: number): Attrs {
  if (element instanceof FakeText) {
    const content = element.ctx.store.record(element.ctx.session.docId).live;
    const path = pathTo(content, element.para) ?? [element.para];
    const base = overlay({ ...DEFAULT_ATTRIBUTES }, explicitChain(path));
    const text = paragraphText(element.para);
    const start = element.seg?.start ?? 0;
    return offset === undefined || text.length === 0 ? base : overlay(base, runAttrsAt(element.para, start + offset));
  }
  if (element instanceof NodeHandle) {
    const content = element.ctx.store.record(element.ctx.session.docId).live;
    const path = pathTo(content, element.node) ?? [element.node];
    const base = overlay({ ...DEFAULT_ATTRIBUTES }, explicitChain(path));
    if (element.node.type === 'TABLE') return overlay({ ...base, ...TABLE_DEFAULTS }, element.node.attributes);
    if (element.node.type === 'TABLE_CELL') return overlay({ ...base, ...CELL_DEFAULTS }, element.node.attributes);
    if (element.node.type === 'BODY_SECTION') return overlay({ ...base, ...DEFAULT_PAGE }, element.node.attributes);
    if ((element.node.type === 'PARAGRAPH' || element.node.type === 'LIST_ITEM') && offset !== undefined) {
      return overlay(base, runAttrsAt(element.node, offset));
    }
    return base;
  }
  throw new Error('Not an element from the fakes');
}
