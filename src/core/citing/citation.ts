/**
 * Citations in three styles, written and read back:
 *   inline    (Outlet, ¶7)
 *   footnote  [^key-7]  with  [^key-7]: Outlet, "Title", date, url, ¶7.  once at the end
 *   pandoc    [@key, para. 7]
 * and read back too, the marks an in-text CSL style (APA) writes:
 *   author-date  (Okafor, 2025, para. 7), (Kovacs & Janssens, 2025, para. 2), (Okafor et al., 2025a, para. 1)
 * A CSL style (cslStyle.ts) formats the inline mark (an in-text style: "(Okafor, 2025, para. 7)") or the footnote's
 * text (a note style: Chicago) instead; the marks and the one block of definitions at the end stay as they are.
 * Paragraph numbers are those of the source model: stable for a given source text. A source with pages (a PDF)
 * is cited by page where a reader looks: (Outlet, p. 3), [@key, p. 3], its footnote gives page and paragraph, and
 * a CSL style is given the page as its locator ("(Okafor, 2025, p. 3)"; "p. 3" in a Chicago note).
 */
import type { Extraction } from '../sources/extract';
import { pageAt, type SourceDoc } from '../sources/source';
import { blankSpans, codeSpans } from '../text/markup';
import type { Span } from '../text/offsets';
import { bibliographyItemOf, fileKeyOf, issuedText, type CslItem } from './bibliography';
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

/**
/**
 * The kind of a mark read back: one of the styles written, or `author-date`, an in-text CSL style's mark
 * ("(Okafor, 2025, para. 4)"), which policyMemo.citationStyle `apa` or `csl` writes as an `inline` citation.
 */
export type ParsedCitationStyle = CitationStyle | 'author-date';

/**
 * How a citation is written beyond its source, paragraph and style: `at`, the passage's offset in the source (for
 * a source with pages, the page cited is the passage's); `csl`, the CSL style that formats the inline mark (an
 * in-text style) or the footnote's text (a note style).
 */
export interface CitationOptions {
  readonly at?: number;
  readonly csl?: CslFormatter;
}

/**
 * The page a citation of a paged source names: the page of the passage (at `at`), else of the paragraph's start;
 * undefined for a source without pages.
 */
export function citedPage(source: SourceDoc, paragraph: number, at?: number): number | undefined {
  if (!source.pages?.length) return undefined;
  return pageAt(source, at ?? source.paragraphs[paragraph - 1]?.start ?? 0);
}

/** A CSL style's citation of a passage: the page as the locator for a source with pages, else the paragraph. */
function cslCite(csl: CslFormatter, source: SourceDoc, paragraph: number, at?: number): string {
  return csl.cite(cslItemOf(source), paragraph, citedPage(source, paragraph, at));
}

/**
 * The citation mark for a passage in a paragraph of a source (at `options.at`, for a source with pages); an in-text
 * CSL style (`options.csl`) formats the inline one. An `author-date` mark without a formatter (a stale one
 * re-pointed by the checker) is written as APA writes it.
 */
export function formatCitation(source: SourceDoc, paragraph: number, style: ParsedCitationStyle, options: CitationOptions = {}): string {
  const { at, csl } = options;
  const page = citedPage(source, paragraph, at);
  switch (style) {
    case 'footnote': return `[^${footnoteLabel(source, paragraph)}]`;
    case 'pandoc': return page === undefined ? `[@${source.key}, para. ${paragraph}]` : `[@${source.key}, p. ${page}]`;
    case 'author-date': {
      if (csl?.info.kind === 'in-text') return cslCite(csl, source, paragraph, at);
      const { names, year } = authorDateOf(source);
      return `(${names}, ${year}${page !== undefined ? `, p. ${page}` : paragraph > 0 ? `, para. ${paragraph}` : ''})`;
    }
    default:
      if (csl?.info.kind === 'in-text') return cslCite(csl, source, paragraph, at);
      return page === undefined ? `(${inlineName(source)}, \u00b6${paragraph})` : `(${inlineName(source)}, p. ${page})`;
  }
}

/**
 * A footnote definition: by a note CSL style (`options.csl`), else outlet, title, date, url, page (a PDF) and
 * paragraph, as far as the source says.
 */
export function footnoteDefinition(source: SourceDoc, paragraph: number, options: CitationOptions = {}): string {
  const { at, csl } = options;
  if (csl?.info.kind === 'note') return `[^${footnoteLabel(source, paragraph)}]: ${cslCite(csl, source, paragraph, at)}`;
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
export function citationEdit(memoText: string, source: SourceDoc, paragraph: number, style: CitationStyle, options: CitationOptions = {}): CitationEdit {
  const mark = formatCitation(source, paragraph, style, options);
  if (style !== 'footnote') return { mark };
  const label = footnoteLabel(source, paragraph);
  const defined = new RegExp(`^\\[\\^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\]:`, 'm').test(memoText);
  if (defined) return { mark };
  const separator = memoText.length === 0 || memoText.endsWith('\n\n') ? '' : memoText.endsWith('\n') ? '\n' : '\n\n';
  const lastIsDefinition = /\n\[\^[^\]]+\]:[^\n]*\n?$/.test(memoText);
  return { mark, appendAtEnd: `${lastIsDefinition ? (memoText.endsWith('\n') ? '' : '\n') : separator}${footnoteDefinition(source, paragraph, options)}\n` };
}

export interface ParsedCitation extends Span {
  readonly style: ParsedCitationStyle;
  /** The key (footnote, pandoc) or name (inline) as written; for author-date, its authors and year ("Okafor, 2025"). */
  readonly name: string;
  /** The paragraph named (0 when a page is named instead, or nothing). */
  readonly paragraph: number;
  /** An author-date mark's authors as written ("Kovacs & Janssens", "Okafor et al.", "\u201cBudget Talks,\u201d"). */
  readonly authors?: string;
  /** An author-date mark's year as written ("2025", "2025a", "n.d."). */
  readonly year?: string;
  /**
   * The page named by "p. N" (inline, Pandoc, author-date). Pandoc's "p." named a paragraph before sources had
   * pages: for a source without pages it still does (its {@link paragraph} is N too).
   */
  readonly page?: number;
}

const PANDOC = /\[@([\w.:/-]+)(?:,\s*(para(?:graph)?\.?|\u00b6|p\.)\s*(\d+))?\]/g;
const FOOTNOTE_REF = /\[\^([\w.-]+?)-(\d+)\](?!:)/g;
const INLINE = /\(([^(),\n]{1,80}),\s*(\u00b6|p\.)\s*(\d+)\)/g;
/**
 * An in-text CSL style's mark: authors (or a title), a year, and the paragraph as APA writes a locator:
 * "(Okafor, 2025, para. 4)", "(Okafor 2025, para. 4)" as author-date styles without the comma write it. The
 * locator "para." is required (never ¶, the inline style's), so that no mark of the other styles reads as one, and
 * a parenthesis of prose ("(Wellington, 2024)") is not taken for a citation. A source with pages is cited by page:
 * "(Okafor, 2025, p. 3)", with the comma after the authors (so that "(Smith 2019, p. 12)", an inline mark, is not
 * read twice).
 */
const AUTHOR_DATE = /\(([^()\n;]{1,150}?)(?:,?\s+(\d{4}[a-z]?|n\.\s?d\.),\s*(?:para(?:graph)?s?\.?)\s*(\d+)|,\s+(\d{4}[a-z]?|n\.\s?d\.),\s*p\.\s*(\d+))\)/g;

/** Every citation in a memo, in any of the three styles or an in-text CSL style's, including ones typed by hand. */
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
  for (const m of text.matchAll(AUTHOR_DATE)) {
    const authors = m[1].trim();
    const year = m[2] ?? m[4];
    const where = m[5] !== undefined ? { paragraph: 0, page: Number(m[5]) } : { paragraph: Number(m[3]) };
    found.push({ style: 'author-date', name: `${authors.replace(/[,\s]+$/, '')}, ${year}`, authors, year, ...where, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** A CSL name's family name, else its literal; undefined for neither. */
function familyOf(name: unknown): string | undefined {
  if (!name || typeof name !== 'object') return undefined;
  const { family, literal } = name as { family?: unknown; literal?: unknown };
  return typeof family === 'string' && family.trim() ? family.trim() : typeof literal === 'string' && literal.trim() ? literal.trim() : undefined;
}

/**
 * What an author-date mark names a source by, as APA writes it: one author's family name, two joined by "&", three
 * or more as the first "et al."; without authors its editors, else its title; the year of issue, else "n.d.".
 */
export function authorDateOf(source: SourceDoc): { names: string; families: string[]; year: string } {
  const item = cslItemOf(source);
  const listed = (field: string): string[] => (Array.isArray(item[field]) ? (item[field] as unknown[]).map(familyOf).filter((n): n is string => !!n) : []);
  const families = listed('author').length ? listed('author') : listed('editor');
  const names = families.length === 0 ? sourceLabel(source) : families.length === 1 ? families[0] : families.length === 2 ? `${families[0]} & ${families[1]}` : `${families[0]} et al.`;
  return { names, families: families.length ? families : [sourceLabel(source)], year: issuedText(item) ?? 'n.d.' };
}

/** The words of an author-date mark's authors, "et al.", "&" and "and" aside: "Kovacs & Janssens" is "kovacs janssens". */
function authorWords(authors: string): string {
  return normalise(authors.replace(/\bet\s+al\b\.?/i, ' ').replace(/&|\band\b/g, ' '));
}

/**
 * The source an author-date mark names, among the memo's sources (as its bibliography describes them): the one
 * whose authors (or title) and year are the mark's, else the one alone whose first author the mark starts with.
 * A year's letter ("2025a", "2025b": one author's works of a year) takes the sources of that author and year in
 * title order, as APA letters them.
 */
function resolveAuthorDate(citation: Pick<ParsedCitation, 'name' | 'authors' | 'year'>, sources: readonly Extraction[]): Extraction | undefined {
  const authors = citation.authors ?? citation.name.replace(/,?\s*(?:\d{4}[a-z]?|n\.\s?d\.)\s*$/, '');
  const written = /^(\d{4})([a-z])?$/.exec(citation.year ?? '');
  const year = written ? written[1] : 'n.d.';
  const words = authorWords(authors);
  if (!words) return undefined;
  const ofYear = sources.map((x) => ({ x, cited: authorDateOf(x.source) })).filter(({ cited }) => (cited.year === 'n.d.' ? 'n.d.' : cited.year.slice(0, 4)) === year);
  const named = ofYear.filter(({ cited }) => authorWords(cited.names) === words || normalise(cited.families.join(' ')) === words);
  const candidates = named.length ? named : ofYear.filter(({ cited }) => words.startsWith(normalise(cited.families[0])) && normalise(cited.families[0]) !== '');
  if (candidates.length <= 1) return candidates[0]?.x;
  if (!written?.[2]) return undefined;
  const byTitle = [...candidates].sort((a, b) => sourceLabel(a.x.source).localeCompare(sourceLabel(b.x.source)));
  return byTitle[written[2].charCodeAt(0) - 'a'.charCodeAt(0)]?.x;
}

/**
 * The source a citation names: by key (a bibliography's, else the source's own), else (inline) by outlet, author or
 * title; an author-date mark by its authors and year.
 */
export function resolveCitation(citation: Pick<ParsedCitation, 'name' | 'style'> & Partial<Pick<ParsedCitation, 'authors' | 'year'>>, sources: readonly Extraction[]): Extraction | undefined {
  if (citation.style === 'author-date') return resolveAuthorDate(citation, sources);
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

/** A footnote definition's line, and the indented lines that continue it. */
const DEFINITION_WITH_CONTINUATION = new RegExp(`^${DEFINITION_LINE}(?:\\n(?: {4}|\\t)[^\\n]*)*`, 'gm');

/**
 * Where the memo's last footnote definition (outside code) ends, continuation lines included, when prose follows it:
 * the memo's one block of definitions is then not at its end (the writer went on below it).
 */
function lastDefinitionEnd(memoText: string): number | undefined {
  const prose = blankSpans(memoText, codeSpans(memoText));
  let end: number | undefined;
  for (const m of prose.matchAll(DEFINITION_WITH_CONTINUATION)) end = m.index + m[0].length;
  return end;
}

/**
 * Inserting `text` (a quote and its mark) for the selection `start`..`end`, with a footnote `definition` when the memo
 * lacks it: the text goes where the selection is, and the definition joins the one block of definitions at the end,
 * a blank line below the prose. A selection inside that block (a cursor after the last definition) takes the text
 * to just before it: a quote there would be read as part of the last definition. When the writer has gone on below
 * the definitions, a new one still joins them (after the last), never a second block. The changes never overlap,
 * and are in order.
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
  const last = lastDefinitionEnd(memoText);
  if (last !== undefined && (last <= start || last >= end)) {
    // Prose right below the definition (no blank line) would read as its continuation: a blank line keeps it apart.
    const blankBelow = /^\n[ \t]*(?:\n|$)/.test(memoText.slice(last));
    const joined: TextChange = { start: last, end: last, text: `\n${definition}${blankBelow ? '' : '\n'}` };
    return last <= start ? [joined, { start, end, text }] : [{ start, end, text }, joined];
  }
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

/** A heading that opens a reference list: "## References" (the one Policy Memo writes), any level, case aside. */
const REFERENCES_TITLE = /^(?:references|reference list|bibliography|works cited)$/i;
export const REFERENCES_HEADING = '## References';

/** The memo's closing reference list: its heading, and each entry (a paragraph) with where it is. */
export interface ReferencesSection {
  /** Where the heading's line starts. */
  readonly start: number;
  /** Where the heading's line ends. */
  readonly headingEnd: number;
  /** Where the section ends: the closing footnote definitions, else the memo's end. */
  readonly end: number;
  readonly entries: readonly (Span & { readonly text: string })[];
}

/**
 * The reference list at the end of a memo: the last heading outside code (before the closing footnote definitions,
 * which stay last) when it is "References" (or "Bibliography", "Works cited"), to the end. Undefined without one.
 */
export function referencesSection(memoText: string): ReferencesSection | undefined {
  const end = definitionsStart(memoText);
  let last: { start: number; headingEnd: number; title: string } | undefined;
  let fenced = false;
  let at = 0;
  for (const line of memoText.slice(0, end).split('\n')) {
    if (/^[ \t]{0,3}(?:```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$/.exec(line);
    if (heading) last = { start: at, headingEnd: at + line.length, title: heading[1].trim() };
    at += line.length + 1;
  }
  if (!last || !REFERENCES_TITLE.test(last.title)) return undefined;
  const entries: (Span & { text: string })[] = [];
  for (const m of memoText.slice(last.headingEnd, end).matchAll(/[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g)) {
    const start = last.headingEnd + (m.index ?? 0);
    entries.push({ start, end: start + m[0].length, text: m[0].trim() });
  }
  return { start: last.start, headingEnd: last.headingEnd, end, entries };
}

/** An entry compared as written: spaces and line breaks aside. */
function entryText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Inserting `text` (a quote and its in-text mark) for the selection `start`..`end` with the cited source's `entry`
 * in the memo's reference list, which stays whole at the end as the footnote definitions do: the text goes where the
 * selection is, or just above the list when the selection is in it; the entry joins the list where `order` (the
 * style's reference list of the sources the memo cites, the new one among them) puts it, unless the list has it
 * already; a memo without a list gets "## References" at its end (above closing footnote definitions). The changes
 * never overlap, and are in order.
 */
export function referenceChanges(memoText: string, start: number, end: number, text: string, entry: string, order: readonly string[]): TextChange[] {
  return changesWithin(memoText, start, end, text, entry, order).filter((c) => c.text !== '' || c.start !== c.end);
}

function changesWithin(memoText: string, start: number, end: number, text: string, entry: string, order: readonly string[]): TextChange[] {
  const section = referencesSection(memoText);
  const lead = (before: string): string => (before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n');
  // No text (the mark is already in: a completion accepted): the entry alone.
  const inside = section !== undefined && start >= section.start && text !== '';
  const textChange: TextChange = inside ? { start: section.start, end: section.start, text: `${lead(memoText.slice(0, section.start))}${text}\n\n` } : { start, end, text };
  if (!section) {
    const block = definitionsStart(memoText);
    const list = `${REFERENCES_HEADING}\n\n${entry}\n`;
    if (block < memoText.length) return [textChange, { start: block, end: block, text: `${list}\n` }];
    // After what follows the selection, a blank line below it; one change when nothing but space follows.
    const after = memoText.slice(end);
    if (after.trim() === '') {
      const prose = `${memoText.slice(0, start)}${text}${after.replace(/\s+$/, '')}`;
      return [{ start, end: memoText.length, text: `${text}${after.replace(/\s+$/, '')}${lead(prose)}${list}` }];
    }
    return [textChange, { start: memoText.length, end: memoText.length, text: `${lead(memoText)}${list}` }];
  }
  const wanted = entryText(entry);
  if (section.entries.some((e) => entryText(e.text) === wanted)) return [textChange];
  const rank = (t: string): number => order.findIndex((o) => entryText(o) === entryText(t));
  const mine = rank(entry);
  const next = section.entries.find((e) => mine >= 0 && rank(e.text) > mine);
  const last = section.entries[section.entries.length - 1];
  const listChange: TextChange = next
    ? { start: next.start, end: next.start, text: `${entry}\n\n` }
    : last
      ? { start: last.end, end: last.end, text: `\n\n${entry}` }
      : { start: section.headingEnd, end: section.headingEnd, text: `\n\n${entry}${memoText.slice(section.headingEnd, section.end).includes('\n') ? '' : '\n'}` };
  // The text above the list, the entry in it: in order, never overlapping.
  if (inside && listChange.start === textChange.start) return [{ ...textChange, text: textChange.text + listChange.text }];
  return textChange.start <= listChange.start ? [textChange, listChange] : [listChange, textChange];
}

/**
 * What inserting `text` citing `source` by an in-text CSL style does to the memo: the text, and the source's entry
 * in the reference list, formatted and sorted by the style among the sources the memo's in-text marks cite (as
 * the memo's `sources` name them). A style without a reference list adds none.
 */
export function referenceListChanges(memoText: string, start: number, end: number, text: string, source: SourceDoc, sources: readonly Extraction[], csl: CslFormatter): TextChange[] {
  const item = cslItemOf(source);
  const items = new Map<string, CslItem>([[item.id, item]]);
  for (const c of parseCitations(memoText)) {
    if (c.style !== 'author-date' && c.style !== 'inline') continue;
    const cited = resolveCitation(c, sources);
    if (cited) {
      const citedItem = cslItemOf(cited.source);
      if (!items.has(citedItem.id)) items.set(citedItem.id, citedItem);
    }
  }
  const order = csl.references([...items.values()]);
  const entry = order.find((o) => o.id === item.id)?.text;
  if (entry === undefined) return citationChanges(memoText, start, end, text);
  return referenceChanges(memoText, start, end, text, entry, order.map((o) => o.text));
}
