/**
 * Citations in three styles, written and read back:
 *   inline    (Outlet, ¶7)
 *   footnote  [^key-7]  with  [^key-7]: Outlet, "Title", date, url, ¶7.  once at the end
 *   pandoc    [@key, para. 7]
 * A CSL style (cslStyle.ts) formats the inline mark (an in-text style: "(Okafor, 2025, para. 7)") or the footnote's
 * text (a note style: Chicago) instead; the marks and the one block of definitions at the end stay as they are.
 * Paragraph numbers are those of the source model: stable for a given source text.
 */
import type { Extraction } from '../sources/extract';
import type { SourceDoc } from '../sources/source';
import type { Span } from '../text/offsets';
import { bibliographyItemOf, fileKeyOf, type CslItem } from './bibliography';
import type { CslFormatter } from './cslStyle';

/** The kinds of mark a citation is written as. */
export type CitationStyle = 'inline' | 'footnote' | 'pandoc';
export const CITATION_STYLES: readonly CitationStyle[] = ['inline', 'footnote', 'pandoc'];
/**
 * What `policyMemo.citationStyle` may say: a kind of mark, a bundled CSL style (Chicago full notes, footnotes;
 * APA, inline), or `csl`: the style in the file `policyMemo.cslFile` names.
 */
export type CitationStyleSetting = CitationStyle | 'chicago-note' | 'apa' | 'csl';
export const CITATION_STYLE_SETTINGS: readonly CitationStyleSetting[] = [...CITATION_STYLES, 'chicago-note', 'apa', 'csl'];

/** The label a source is shown with: its title, else its key. */
export function sourceLabel(source: SourceDoc): string {
  return source.meta.title ?? source.key;
}

/** Who an inline citation names: the outlet, else the author, else the key. */
export function inlineName(source: SourceDoc): string {
  return source.meta.outlet ?? source.meta.author ?? source.key;
}

/** A footnote's label: the key (characters a label cannot have, as in a bibliography key `smith:2020`, as `-`) and paragraph. */
export function footnoteLabel(source: SourceDoc, paragraph: number): string {
  return `${source.key.replace(/[^\w.-]+/g, '-')}-${paragraph}`;
}

/** The citation mark for a passage in a paragraph of a source; an in-text CSL style formats the inline one. */
export function formatCitation(source: SourceDoc, paragraph: number, style: CitationStyle, csl?: CslFormatter): string {
  switch (style) {
    case 'footnote': return `[^${footnoteLabel(source, paragraph)}]`;
    case 'pandoc': return `[@${source.key}, para. ${paragraph}]`;
    default: return csl?.info.kind === 'in-text' ? csl.cite(cslItemOf(source), paragraph) : `(${inlineName(source)}, \u00b6${paragraph})`;
  }
}

/** A footnote definition: by a note CSL style, else outlet, title, date, url and paragraph, as far as the source says. */
export function footnoteDefinition(source: SourceDoc, paragraph: number, csl?: CslFormatter): string {
  if (csl?.info.kind === 'note') return `[^${footnoteLabel(source, paragraph)}]: ${csl.cite(cslItemOf(source), paragraph)}`;
  const parts = [source.meta.outlet ?? source.meta.author, source.meta.title ? `\u201c${source.meta.title}\u201d` : source.key, source.meta.date, source.meta.url, `\u00b6${paragraph}`];
  return `[^${footnoteLabel(source, paragraph)}]: ${parts.filter(Boolean).join(', ')}.`;
}

export interface CitationEdit {
  /** Text to insert at the cursor. */
  readonly mark: string;
  /** A footnote definition to append at the end of the memo, when it is not there yet. */
  readonly appendAtEnd?: string;
}

/** What inserting a citation does to a memo: the mark, and for footnotes the definition unless it is already there. */
export function citationEdit(memoText: string, source: SourceDoc, paragraph: number, style: CitationStyle, csl?: CslFormatter): CitationEdit {
  const mark = formatCitation(source, paragraph, style, csl);
  if (style !== 'footnote') return { mark };
  const label = footnoteLabel(source, paragraph);
  const defined = new RegExp(`^\\[\\^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\]:`, 'm').test(memoText);
  if (defined) return { mark };
  const separator = memoText.length === 0 || memoText.endsWith('\n\n') ? '' : memoText.endsWith('\n') ? '\n' : '\n\n';
  const lastIsDefinition = /\n\[\^[^\]]+\]:[^\n]*\n?$/.test(memoText);
  return { mark, appendAtEnd: `${lastIsDefinition ? (memoText.endsWith('\n') ? '' : '\n') : separator}${footnoteDefinition(source, paragraph, csl)}\n` };
}

export interface ParsedCitation extends Span {
  readonly style: CitationStyle;
  /** The key (footnote, pandoc) or name (inline) as written. */
  readonly name: string;
  readonly paragraph: number;
}

const PANDOC = /\[@([\w.:/-]+)(?:,\s*(?:para(?:graph)?\.?|\u00b6|p\.)\s*(\d+))?\]/g;
const FOOTNOTE_REF = /\[\^([\w.-]+?)-(\d+)\](?!:)/g;
const INLINE = /\(([^(),\n]{1,80}),\s*\u00b6\s*(\d+)\)/g;

/** Every citation in a memo, in any of the three styles, including ones typed by hand. */
export function parseCitations(text: string): ParsedCitation[] {
  const found: ParsedCitation[] = [];
  for (const m of text.matchAll(PANDOC)) {
    found.push({ style: 'pandoc', name: m[1], paragraph: Number(m[2] ?? 0), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  for (const m of text.matchAll(FOOTNOTE_REF)) {
    found.push({ style: 'footnote', name: m[1], paragraph: Number(m[2]), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  for (const m of text.matchAll(INLINE)) {
    found.push({ style: 'inline', name: m[1].trim(), paragraph: Number(m[2]), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * The source a citation names: by key (a bibliography's, else the source's own), else (inline) by outlet, author or
 * title.
 */
export function resolveCitation(citation: Pick<ParsedCitation, 'name' | 'style'>, sources: readonly Extraction[]): Extraction | undefined {
  const name = normalise(citation.name);
  const byKey = sources.find((x) => normalise(x.source.key) === name) ?? sources.find((x) => normalise(fileKeyOf(x.source)) === name);
  if (byKey || citation.style !== 'inline') return byKey;
  return sources.find((x) => [x.source.meta.outlet, x.source.meta.author, x.source.meta.title].some((v) => v && normalise(v) === name));
}

/** A source as a CSL JSON item: its bibliography's item, else one made from its front matter, keyed like its citations. */
export function cslItemOf(source: SourceDoc): CslItem {
  const cited = bibliographyItemOf(source);
  if (cited) return cited;
  const item: Record<string, unknown> = { id: source.key, type: 'article-newspaper', title: sourceLabel(source) };
  if (source.meta.author) item.author = source.meta.author.split(/\s*(?:;|\band\b)\s*/).filter(Boolean).map((literal) => ({ literal }));
  if (source.meta.outlet) item['container-title'] = source.meta.outlet;
  const date = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(source.meta.date ?? '');
  if (date) item.issued = { 'date-parts': [date.slice(1).filter(Boolean).map(Number)] };
  if (source.meta.url) item.URL = source.meta.url;
  return item as CslItem;
}

/**
 * CSL JSON (what Pandoc's --citeproc reads) for the sources: one item per source, keyed like the citations, and
 * the memo's bibliography items no source has (cited without a source file), so that every key resolves.
 */
export function toCslJson(sources: readonly Extraction[], bibliographyItems: readonly CslItem[] = []): Record<string, unknown>[] {
  const items = sources.map(({ source }) => cslItemOf(source));
  const written = new Set(items.map((item) => item.id));
  for (const item of bibliographyItems) {
    if (!written.has(item.id)) {
      written.add(item.id);
      items.push(item);
    }
  }
  return items;
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
