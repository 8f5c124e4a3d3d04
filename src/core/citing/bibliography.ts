/**
 * A memo's bibliography: the file its front matter names (`bibliography: refs.bib`, as Pandoc reads it), in BibTeX or
 * BibLaTeX (a Better BibTeX or Zotero export), CSL JSON (`.json`) or CSL YAML (`.yaml`), read into CSL JSON items.
 * The items give the memo's sources their citation keys and metadata: an item is matched to a source file by its
 * key, else its DOI, else its URL.
 *
 * Bad input never throws: a syntax error or a duplicate key is a problem naming the file (and the line), and the
 * entries that could be read are kept.
 */
import { parse as parseYaml } from 'yaml';
import type { Extraction } from '../sources/extract';
import type { SourceDoc, SourceMeta } from '../sources/source';
import { readFrontMatter, stringListField } from '../text/frontMatter';

/** A CSL JSON item (https://citationstyles.org/): `id` is its citation key. */
export interface CslItem {
  readonly id: string;
  readonly [field: string]: unknown;
}

export interface Bibliography {
  /** As the memo names it, for messages. */
  readonly name: string;
  readonly items: readonly CslItem[];
  /** What was wrong with the file, each a phrase to follow its name ("line 9: …"); empty when it read cleanly. */
  readonly problems: readonly string[];
}

export type BibliographyFormat = 'bibtex' | 'csl-json' | 'csl-yaml';

type CitationLib = typeof import('./citationLib');
let citationLib: CitationLib | undefined;

/**
 * citation-js and citeproc, loaded on first use: a memo with no bibliography and a style that is not CSL never
 * loads them. In the bundles this is dist/citationLib.js beside the bundle (esbuild.js).
 */
export function loadCitationLib(): CitationLib {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  citationLib ??= require('./citationLib') as CitationLib;
  return citationLib;
}

/** The front matter's `bibliography:` entries (one or a list), as written; undefined when it has none. */
export function bibliographyEntriesOf(memoText: string): string[] | undefined {
  return stringListField(readFrontMatter(memoText).data, 'bibliography');
}

export function bibliographyFormatOf(path: string): BibliographyFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  if (extension === 'bib' || extension === 'bibtex' || extension === 'biblatex') return 'bibtex';
  if (extension === 'json') return 'csl-json';
  if (extension === 'yaml' || extension === 'yml') return 'csl-yaml';
  return undefined;
}

/** Reads a bibliography's text by its file name's extension. Never throws. */
export function parseBibliography(text: string, name: string): Bibliography {
  const format = bibliographyFormatOf(name);
  let read: { items: CslItem[]; problems: string[] };
  try {
    if (format === 'bibtex') read = readBibtex(text);
    else if (format === 'csl-json') read = readCslJson(text);
    else if (format === 'csl-yaml') read = readCslYaml(text);
    else read = { items: [], problems: ['is not a bibliography Policy Memo reads (.bib, .json CSL or .yaml CSL)'] };
  } catch (error) {
    read = { items: [], problems: [`could not be read: ${firstLine(error)}`] };
  }
  const { items, duplicates } = withoutDuplicates(read.items);
  const problems = [...read.problems, ...duplicates.map(([key, count]) => `key "${key}" is defined ${count} times (the first is used)`)];
  return { name, items, problems };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0].trim();
}

/** A CSL item's key: Better BibTeX's `citation-key` when it has one (Zotero's own `id` is a URI or a number), else `id`. */
function asItem(value: unknown): CslItem | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const key = [record['citation-key'], record.id].find((k) => (typeof k === 'string' && k.trim() !== '') || typeof k === 'number');
  if (key === undefined) return undefined;
  return { ...record, id: String(key).trim() };
}

function itemsOf(list: unknown[], what: string): { items: CslItem[]; problems: string[] } {
  const items: CslItem[] = [];
  let keyless = 0;
  for (const value of list) {
    const item = asItem(value);
    if (item) items.push(item);
    else keyless++;
  }
  return { items, problems: keyless ? [`${keyless} ${what}${keyless === 1 ? ' has' : 's have'} no id and ${keyless === 1 ? 'is' : 'are'} left out`] : [] };
}

function readCslJson(text: string): { items: CslItem[]; problems: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = firstLine(error);
    const at = /position (\d+)/.exec(reason);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : undefined;
    return { items: [], problems: [`is not valid JSON${line ? ` (line ${line})` : ''}: ${reason}`] };
  }
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items) ? (data as { items: unknown[] }).items : undefined;
  if (!list) return { items: [], problems: ['is not CSL JSON: a list of items was expected'] };
  return itemsOf(list, 'item');
}

function readCslYaml(text: string): { items: CslItem[]; problems: string[] } {
  let data: unknown;
  try {
    data = parseYaml(text.replace(/^\uFEFF?---[ \t]*\r?\n/, '').replace(/\r?\n(?:\.\.\.|---)[ \t]*\s*$/, '\n'));
  } catch (error) {
    return { items: [], problems: [`is not valid YAML: ${firstLine(error)}`] };
  }
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { references?: unknown }).references) ? (data as { references: unknown[] }).references : undefined;
  if (!list) return { items: [], problems: ['is not CSL YAML: a list of references was expected'] };
  return itemsOf(list, 'reference');
}

/** Where each entry of a BibTeX text starts (`@type{` at the start of a line), with its line number (1-based). */
function bibtexEntries(text: string): { start: number; line: number; type: string; key: string }[] {
  const found: { start: number; line: number; type: string; key: string }[] = [];
  const entry = /^[ \t]*@([A-Za-z]+)[ \t]*[{(][ \t]*([^,\s}]*)/gm;
  for (const m of text.matchAll(entry)) {
    found.push({ start: m.index, line: text.slice(0, m.index).split('\n').length, type: m[1].toLowerCase(), key: m[2] });
  }
  return found;
}

/** citation-js's message for a syntax error, with its line moved by `lineOffset` (the lines before the part parsed). */
function syntaxError(error: unknown, lineOffset: number): { line?: number; reason: string } {
  const message = firstLine(error);
  const at = /^(.*?) at line (\d+) col (\d+):?$/.exec(message);
  if (!at) return { reason: message };
  return { line: Number(at[2]) + lineOffset, reason: at[1] };
}

/**
 * BibTeX through citation-js. A file with a syntax error is read again entry by entry (each `@` at the start of a
 * line), so that one broken entry costs only itself; `@string` definitions are given to every entry.
 */
/**
 * BibLaTeX's `@article` with `entrysubtype = {newspaper}` (how Better BibTeX exports a Zotero newspaper article) is
 * a newspaper article to CSL; citation-js keeps it a journal article with the subtype as its genre.
 */
function periodicalType(item: Record<string, unknown>): Record<string, unknown> {
  if (item.type !== 'article-journal' || typeof item.genre !== 'string' || !/^(newspaper|magazine)$/i.test(item.genre)) return item;
  const { genre, ...rest } = item;
  return { ...rest, type: `article-${genre.toLowerCase()}` };
}

function parseBibtexItems(text: string): Record<string, unknown>[] {
  return loadCitationLib().parseBibtex(text).map(periodicalType);
}

function readBibtex(text: string): { items: CslItem[]; problems: string[] } {
  try {
    return itemsOf(parseBibtexItems(text), 'entry');
  } catch (whole) {
    const entries = bibtexEntries(text);
    if (entries.length <= 1) {
      const { line, reason } = syntaxError(whole, 0);
      return { items: [], problems: [`has a syntax error${line ? ` at line ${line}` : ''}: ${reason}; no entry could be read`] };
    }
    const parts = entries.map((e, i) => ({ ...e, text: text.slice(e.start, entries[i + 1]?.start ?? text.length) }));
    const strings = parts.filter((p) => p.type === 'string').map((p) => p.text.trimEnd()).join('\n');
    const items: CslItem[] = [];
    const problems: string[] = [];
    for (const part of parts) {
      if (part.type === 'string' || part.type === 'comment' || part.type === 'preamble') continue;
      const prefix = strings ? `${strings}\n` : '';
      try {
        items.push(...itemsOf(parseBibtexItems(prefix + part.text), 'entry').items);
      } catch (error) {
        const { line, reason } = syntaxError(error, part.line - 1 - (prefix ? prefix.split('\n').length - 1 : 0));
        problems.push(`has a syntax error in the entry ${part.key ? `"${part.key}" ` : ''}at line ${part.line} (${reason}${line && line !== part.line ? ` at line ${line}` : ''}): that entry is left out`);
      }
    }
    return { items, problems };
  }
}

function withoutDuplicates(items: readonly CslItem[]): { items: CslItem[]; duplicates: [string, number][] } {
  const seen = new Map<string, number>();
  const kept: CslItem[] = [];
  for (const item of items) {
    const count = seen.get(item.id) ?? 0;
    seen.set(item.id, count + 1);
    if (count === 0) kept.push(item);
  }
  return { items: kept, duplicates: [...seen].filter(([, count]) => count > 1) };
}

/** A name as CSL JSON writes it: `{family, given}` or `{literal}`. */
interface CslName {
  readonly family?: string;
  readonly given?: string;
  readonly literal?: string;
}

function namesOf(item: CslItem, field = 'author'): CslName[] {
  const value = item[field];
  return Array.isArray(value) ? value.filter((n): n is CslName => !!n && typeof n === 'object') : [];
}

function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** The item's authors, or editors, as "Given Family; …", for labels and the source's metadata. */
export function authorsText(item: CslItem): string | undefined {
  const names = namesOf(item).length ? namesOf(item) : namesOf(item, 'editor');
  const written = names.map((n) => n.literal ?? [n.given, n.family].filter(Boolean).join(' ')).filter(Boolean);
  return written.length ? written.join('; ') : undefined;
}

/** The year (or ISO date) of `issued`: from date-parts, or a raw or literal date. */
export function issuedText(item: CslItem, full = false): string | undefined {
  const issued = item.issued as { 'date-parts'?: unknown; raw?: unknown; literal?: unknown } | undefined;
  const parts = Array.isArray(issued?.['date-parts']) && Array.isArray(issued['date-parts'][0]) ? (issued['date-parts'][0] as unknown[]).map(Number).filter((n) => Number.isFinite(n)) : [];
  if (parts.length) return full ? parts.map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0'))).join('-') : String(parts[0]);
  return stringOf(issued?.raw) ?? stringOf(issued?.literal);
}

/** What completion shows of an item: its authors (family names), year and title. */
export function itemSummary(item: CslItem): { authors?: string; year?: string; title?: string } {
  const families = namesOf(item).map((n) => n.family ?? n.literal).filter(Boolean);
  const authors = families.length > 2 ? `${families[0]} et al.` : families.length ? families.join(' and ') : undefined;
  return { authors, year: issuedText(item), title: stringOf(item.title) ?? stringOf(item['container-title']) };
}

/**
 * The items a `[@…` completion offers for what was typed: every word in the key, authors, year or title, case
 * aside; in the bibliography's order, at most `limit`.
 */
export function findBibliographyKeys(items: readonly CslItem[], query: string, limit: number): CslItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found: CslItem[] = [];
  for (const item of items) {
    if (found.length >= limit) break;
    const { year, title } = itemSummary(item);
    const haystack = `${item.id} ${authorsText(item) ?? ''} ${year ?? ''} ${title ?? ''}`.toLowerCase();
    if (words.every((w) => haystack.includes(w))) found.push(item);
  }
  return found;
}

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const DOI = /\b(10\.\d{4,9}\/[^\s"<>]+)/i;

function doiOf(value: unknown): string | undefined {
  const doi = typeof value === 'string' ? DOI.exec(decodeURIComponent(value))?.[1] : undefined;
  return doi?.replace(/[.,;)\]]+$/, '').toLowerCase();
}

/** A URL compared loosely: no scheme, www., fragment, or trailing slash; the host in lower case. */
export function normaliseUrl(url: string): string {
  const bare = url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^www\./i, '').replace(/#.*$/, '').replace(/\/+$/, '');
  const slash = bare.indexOf('/');
  return slash < 0 ? bare.toLowerCase() : bare.slice(0, slash).toLowerCase() + bare.slice(slash);
}

/**
 * Which item each source gets: one whose key is the source's key (its front matter `id`, else its file name), else
 * one with the DOI of the source's `url`, else one with its URL. An item goes to one source at most.
 */
export function matchBibliography(sources: readonly Extraction[], items: readonly CslItem[]): Map<Extraction, CslItem> {
  const matched = new Map<Extraction, CslItem>();
  const taken = new Set<CslItem>();
  const rules: ((x: Extraction, item: CslItem) => boolean)[] = [
    (x, item) => normaliseKey(item.id) === normaliseKey(x.source.key),
    (x, item) => {
      const doi = doiOf(x.source.meta.url);
      return !!doi && (doiOf(item.DOI) === doi || doiOf(item.URL) === doi);
    },
    (x, item) => !!x.source.meta.url && typeof item.URL === 'string' && normaliseUrl(item.URL) === normaliseUrl(x.source.meta.url),
  ];
  for (const rule of rules) {
    for (const x of sources) {
      if (matched.has(x)) continue;
      const item = items.find((i) => !taken.has(i) && rule(x, i));
      if (item) {
        matched.set(x, item);
        taken.add(item);
      }
    }
  }
  return matched;
}

/** A source as a bibliography cites it: the item's key and metadata, and the item for CSL styles. */
export interface CitedSourceDoc extends SourceDoc {
  readonly bibliographyItem: CslItem;
  /** The key the source has of itself (front matter `id`, else file name): citations with it still resolve. */
  readonly fileKey: string;
}

export function bibliographyItemOf(source: SourceDoc): CslItem | undefined {
  return (source as Partial<CitedSourceDoc>).bibliographyItem;
}

export function fileKeyOf(source: SourceDoc): string {
  return (source as Partial<CitedSourceDoc>).fileKey ?? source.key;
}

function metaFrom(item: CslItem, meta: SourceMeta): SourceMeta {
  const defined = (o: Record<string, string | undefined>): SourceMeta => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return {
    ...meta,
    ...defined({ title: stringOf(item.title), author: authorsText(item), outlet: stringOf(item['container-title']) ?? stringOf(item.publisher), date: issuedText(item, true), url: stringOf(item.URL) ?? (stringOf(item.DOI) ? `https://doi.org/${stringOf(item.DOI)}` : undefined) }),
  };
}

/** Views made: the same source and item give the same view, so the checker's caches keep working. */
const views = new WeakMap<Extraction, { item: CslItem; view: Extraction }>();

/**
 * The source as the item cites it: its key and metadata from the item. Its `hash` changes with the key, so the
 * checker, which reuses its index of sources while their paths and hashes stay, sees a new set of sources.
 */
export function citedAs(x: Extraction, item: CslItem): Extraction {
  const known = views.get(x);
  if (known && known.item === item) return known.view;
  const source: CitedSourceDoc = { ...x.source, key: item.id, meta: metaFrom(item, x.source.meta), hash: `${x.source.hash}@${item.id}`, bibliographyItem: item, fileKey: x.source.key };
  const view: Extraction = { ...x, source };
  views.set(x, { item, view });
  return view;
}

/** The memo's sources as its bibliographies cite them: each matched source keyed and described by its item. */
export function applyBibliographies(sources: readonly Extraction[], bibliographies: readonly Bibliography[]): Extraction[] {
  const items = bibliographies.flatMap((b) => b.items);
  if (!items.length) return [...sources];
  const matched = matchBibliography(sources, items);
  return sources.map((x) => {
    const item = matched.get(x);
    return item ? citedAs(x, item) : x;
  });
}
