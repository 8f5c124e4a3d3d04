/** What citation completion offers: the quotes and facts of the sources, and how a typed query filters them. */
import { factsOf, factValues, type Extraction } from './extract';

export interface CompletionEntry {
  readonly kind: 'quote' | 'fact' | 'value';
  readonly extraction: Extraction;
  readonly paragraph: number;
  /** The quote's words, the fact's sentence, or the value as written. */
  readonly text: string;
  readonly speaker?: string | null;
  /** For a value: the sentence it comes from. */
  readonly sentence?: string;
  /** What a query is matched against: speaker, words, source key. */
  readonly filterText: string;
}

/** Entries of the last few source sets, by their paths and content hashes (a memo's sources come as a fresh array each time). */
const cache = new Map<string, CompletionEntry[]>();
const CACHED_SOURCE_SETS = 4;

function paragraphAt(x: Extraction, offset: number): number {
  return x.source.paragraphs.find((p) => p.start <= offset && offset <= p.end)?.number ?? 1;
}

/** All entries for a set of sources (cached per set: built once, filtered on every keystroke). */
export function completionEntries(sources: readonly Extraction[]): CompletionEntry[] {
  const signature = sources.map((x) => `${x.source.path}\u0000${x.source.hash}`).join('\u0001');
  const cached = cache.get(signature);
  if (cached) return cached;
  const entries: CompletionEntry[] = [];
  for (const x of sources) {
    for (const q of x.quotes) {
      entries.push({ kind: 'quote', extraction: x, paragraph: paragraphAt(x, q.start), text: q.text, speaker: q.speaker, filterText: `${q.speaker ?? ''} ${q.text} ${x.source.key}`.toLowerCase() });
    }
    for (const f of factsOf(x)) {
      const sentence = f.sentence.text.replace(/\s+/g, ' ');
      entries.push({ kind: 'fact', extraction: x, paragraph: f.sentence.paragraph, text: sentence, filterText: `${sentence} ${x.source.key}`.toLowerCase() });
      for (const v of factValues(f)) {
        if (v.type !== 'number' && v.type !== 'date') continue;
        entries.push({ kind: 'value', extraction: x, paragraph: f.sentence.paragraph, text: v.text, sentence, filterText: `${v.text} ${sentence} ${x.source.key}`.toLowerCase() });
      }
    }
  }
  if (cache.size >= CACHED_SOURCE_SETS) cache.delete(cache.keys().next().value as string);
  cache.set(signature, entries);
  return entries;
}

/**
 * Entries matching a query: every word of the query starts a word of the entry,
 * or, for a single short word, occurs in it; in source order, at most `limit`.
 */
export function filterEntries(entries: readonly CompletionEntry[], query: string, limit: number): CompletionEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return entries.slice(0, limit);
  const matched: CompletionEntry[] = [];
  for (const e of entries) {
    if (words.every((w) => e.filterText.includes(w))) matched.push(e);
    if (matched.length >= limit) break;
  }
  return matched;
}
