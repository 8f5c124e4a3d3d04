/**
 * Citations in three styles, written and read back:
 *   inline    (Outlet, ¶7)
 *   footnote  [^key-7]  with  [^key-7]: Outlet, "Title", date, url, ¶7.  once at the end
 *   pandoc    [@key, para. 7]
 * Paragraph numbers are those of the source model: stable for a given source text. A source with pages (a PDF)
 * is cited by page where a reader looks: (Outlet, p. 3), [@key, p. 3], and its footnote gives page and paragraph.
 */
import type { Extraction } from '../sources/extract';
import { pageAt, type SourceDoc } from '../sources/source';
import type { Span } from '../text/offsets';

export type CitationStyle = 'inline' | 'footnote' | 'pandoc';
export const CITATION_STYLES: readonly CitationStyle[] = ['inline', 'footnote', 'pandoc'];

/** The label a source is shown with: its title, else its key. */
export function sourceLabel(source: SourceDoc): string {
  return source.meta.title ?? source.key;
}

/** Who an inline citation names: the outlet, else the author, else the key. */
export function inlineName(source: SourceDoc): string {
  return source.meta.outlet ?? source.meta.author ?? source.key;
}

export function footnoteLabel(source: SourceDoc, paragraph: number): string {
  return `${source.key}-${paragraph}`;
}

/**
 * The page a citation of a paged source names: the page of the passage (at `at`), else of the paragraph's start;
 * undefined for a source without pages.
 */
export function citedPage(source: SourceDoc, paragraph: number, at?: number): number | undefined {
  if (!source.pages?.length) return undefined;
  return pageAt(source, at ?? source.paragraphs[paragraph - 1]?.start ?? 0);
}

/** The citation mark for a passage in a paragraph of a source (at `at`, for a source with pages). */
export function formatCitation(source: SourceDoc, paragraph: number, style: CitationStyle, at?: number): string {
  const page = citedPage(source, paragraph, at);
  switch (style) {
    case 'footnote': return `[^${footnoteLabel(source, paragraph)}]`;
    case 'pandoc': return page === undefined ? `[@${source.key}, para. ${paragraph}]` : `[@${source.key}, p. ${page}]`;
    default: return page === undefined ? `(${inlineName(source)}, \u00b6${paragraph})` : `(${inlineName(source)}, p. ${page})`;
  }
}

/** A footnote definition: outlet, title, date, url, page (a PDF) and paragraph, as far as the source says. */
export function footnoteDefinition(source: SourceDoc, paragraph: number, at?: number): string {
  const page = citedPage(source, paragraph, at);
  const parts = [source.meta.outlet ?? source.meta.author, source.meta.title ? `\u201c${source.meta.title}\u201d` : source.key, source.meta.date, source.meta.url, page === undefined ? undefined : `p. ${page}`, `\u00b6${paragraph}`];
  return `[^${footnoteLabel(source, paragraph)}]: ${parts.filter(Boolean).join(', ')}.`;
}

export interface CitationEdit {
  /** Text to insert at the cursor. */
  readonly mark: string;
  /** A footnote definition to append at the end of the memo, when it is not there yet. */
  readonly appendAtEnd?: string;
}

/** What inserting a citation does to a memo: the mark, and for footnotes the definition unless it is already there. */
export function citationEdit(memoText: string, source: SourceDoc, paragraph: number, style: CitationStyle, at?: number): CitationEdit {
  const mark = formatCitation(source, paragraph, style, at);
  if (style !== 'footnote') return { mark };
  const label = footnoteLabel(source, paragraph);
  const defined = new RegExp(`^\\[\\^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\]:`, 'm').test(memoText);
  if (defined) return { mark };
  const separator = memoText.length === 0 || memoText.endsWith('\n\n') ? '' : memoText.endsWith('\n') ? '\n' : '\n\n';
  const lastIsDefinition = /\n\[\^[^\]]+\]:[^\n]*\n?$/.test(memoText);
  return { mark, appendAtEnd: `${lastIsDefinition ? (memoText.endsWith('\n') ? '' : '\n') : separator}${footnoteDefinition(source, paragraph, at)}\n` };
}

export interface ParsedCitation extends Span {
  readonly style: CitationStyle;
  /** The key (footnote, pandoc) or name (inline) as written. */
  readonly name: string;
  /** The paragraph named (0 when a page is named instead, or nothing). */
  readonly paragraph: number;
  /**
   * The page named by "p. N" (inline, Pandoc). Pandoc's "p." named a paragraph before sources had pages: for a
   * source without pages it still does (its {@link paragraph} is N too).
   */
  readonly page?: number;
}

const PANDOC = /\[@([\w.:/-]+)(?:,\s*(para(?:graph)?\.?|\u00b6|p\.)\s*(\d+))?\]/g;
const FOOTNOTE_REF = /\[\^([\w.-]+?)-(\d+)\](?!:)/g;
const INLINE = /\(([^(),\n]{1,80}),\s*(\u00b6|p\.)\s*(\d+)\)/g;

/** Every citation in a memo, in any of the three styles, including ones typed by hand. */
export function parseCitations(text: string): ParsedCitation[] {
  const found: ParsedCitation[] = [];
  for (const m of text.matchAll(PANDOC)) {
    const n = Number(m[3] ?? 0);
    found.push({ style: 'pandoc', name: m[1], paragraph: n, ...(m[2] === 'p.' ? { page: n } : {}), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  for (const m of text.matchAll(FOOTNOTE_REF)) {
    found.push({ style: 'footnote', name: m[1], paragraph: Number(m[2]), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  for (const m of text.matchAll(INLINE)) {
    const n = Number(m[3]);
    found.push({ style: 'inline', name: m[1].trim(), ...(m[2] === 'p.' ? { paragraph: 0, page: n } : { paragraph: n }), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The source a citation names: by key, else (inline) by outlet, author or title. */
export function resolveCitation(citation: Pick<ParsedCitation, 'name' | 'style'>, sources: readonly Extraction[]): Extraction | undefined {
  const name = normalise(citation.name);
  const byKey = sources.find((x) => normalise(x.source.key) === name);
  if (byKey || citation.style !== 'inline') return byKey;
  return sources.find((x) => [x.source.meta.outlet, x.source.meta.author, x.source.meta.title].some((v) => v && normalise(v) === name));
}

/** Whether a citation names a page of its source: "p. N" of a source that has pages. */
export function namesPage(citation: Pick<ParsedCitation, 'page'>, source: SourceDoc): citation is { page: number } {
  return citation.page !== undefined && (source.pages?.length ?? 0) > 0;
}

/** The span of the text a page holds: from its start to the next page's (undefined for a page the source lacks). */
export function pageSpan(source: SourceDoc, page: number): Span | undefined {
  const pages = source.pages ?? [];
  const k = pages.findIndex((p) => p.number === page);
  if (k < 0) return undefined;
  return { start: pages[k].start, end: k + 1 < pages.length ? pages[k + 1].start : source.text.length };
}

/** CSL JSON (what Pandoc's --citeproc reads) for the sources: one item per source, keyed like the citations. */
export function toCslJson(sources: readonly Extraction[]): Record<string, unknown>[] {
  return sources.map(({ source }) => {
    const item: Record<string, unknown> = { id: source.key, type: 'article-newspaper', title: sourceLabel(source) };
    if (source.meta.author) item.author = source.meta.author.split(/\s*(?:;|\band\b)\s*/).filter(Boolean).map((literal) => ({ literal }));
    if (source.meta.outlet) item['container-title'] = source.meta.outlet;
    const date = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(source.meta.date ?? '');
    if (date) item.issued = { 'date-parts': [date.slice(1).filter(Boolean).map(Number)] };
    if (source.meta.url) item.URL = source.meta.url;
    return item;
  });
}

/** A change to the memo's text: the characters from `start` to `end` become `text`. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const DEFINITION_LINE = String.raw`\[\^[^\]\n]+\]:[^\n]*`;
/** The memo's last lines, from a footnote definition on, when they are all definitions or blank. */
const FINAL_DEFINITIONS = new RegExp(`(?:^|\\n)(${DEFINITION_LINE}(?:\\n(?:${DEFINITION_LINE}|[ \\t]*))*)$`);

/** Where the memo's closing block of footnote definitions starts (blank lines between them allowed), else its length. */
export function definitionsStart(memoText: string): number {
  const block = FINAL_DEFINITIONS.exec(memoText);
  return block ? memoText.length - block[1].length : memoText.length;
}

/**
 * Inserting `text` (a quote and its mark) for the selection `start`..`end`, with a footnote `definition` when the memo
 * lacks it: the text goes where the selection is, and the definition joins the one block of definitions at the end,
 * a blank line below the prose. A selection inside that block (a cursor after the last definition) takes the text
 * to just before it: a quote there would be read as part of the last definition. The changes never overlap, and
 * are in order.
 */
export function citationChanges(memoText: string, start: number, end: number, text: string, definition?: string): TextChange[] {
  const block = definitionsStart(memoText);
  const hasBlock = block < memoText.length;
  // A new definition after the last one, on a line of its own.
  const afterLastDefinition = (d: string): TextChange => ({ start: memoText.length, end: memoText.length, text: `${memoText.endsWith('\n') ? '' : '\n'}${d}\n` });
  if (start >= block && hasBlock) {
    const before = memoText.slice(0, block);
    const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
    const changes: TextChange[] = [{ start: block, end: block, text: `${lead}${text}\n\n` }];
    if (definition) changes.push(afterLastDefinition(definition));
    return changes;
  }
  if (!definition) return [{ start, end, text }];
  if (hasBlock) return [{ start, end, text }, afterLastDefinition(definition)];
  // No definitions yet: a new block after the prose, a blank line below it (after what follows the selection).
  const after = memoText.slice(end);
  if (after.trim() === '') return [{ start, end: memoText.length, text: `${text}${after.replace(/\s+$/, '')}\n\n${definition}\n` }];
  const separator = memoText.endsWith('\n\n') ? '' : memoText.endsWith('\n') ? '\n' : '\n\n';
  return [{ start, end, text }, { start: memoText.length, end: memoText.length, text: `${separator}${definition}\n` }];
}

/** Whether text typed after `before` (the line up to it) starts a sentence: a line's start, or after . ! ? or a colon. */
export function startsSentence(before: string): boolean {
  const trimmed = before.replace(/^\s*(?:[-*+]\s+|\d+[.)]\s+|>\s*)*/, '').trimEnd();
  return trimmed === '' || /[.!?:]["\u201d\u2019)]*$/.test(trimmed);
}
