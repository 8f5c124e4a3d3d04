/**
 * What citation completion offers: the quotes, facts and values of the sources that
 * match what the user typed. Nothing is built ahead: each request searches the source
 * texts for the typed words (one pass of a regular expression per word and source) and
 * makes entries for the first matches only. A list of every entry with its own
 * lower-cased text to match, as it was, took ~230 MB for 100 sources of 20,000 words.
 */
import type { Extraction } from '../sources/extract';
import { factAt } from '../sources/extract';
import type { Span } from '../text/offsets';
import { paragraphNumberAt, sentenceText } from '../sources/source';

export interface CompletionEntry {
  readonly kind: 'quote' | 'fact' | 'value';
  readonly extraction: Extraction;
  readonly paragraph: number;
  /** Where the quote or the fact's sentence starts in the source: a PDF's citation names its page. */
  readonly at: number;
  /** The quote's words, the fact's sentence, or the value as written. */
  readonly text: string;
  readonly speaker?: string | null;
  /** For a value: the sentence it comes from. */
  readonly sentence?: string;
}

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where a query word occurs in a source's text, case aside: starts ascending, with ends. */
class Occurrences {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(text: string, word: string) {
    for (const m of text.matchAll(new RegExp(escapeRegExp(word), 'giu'))) {
      this.starts.push(m.index);
      this.ends.push(m.index + m[0].length);
    }
  }

  /** True when the word occurs wholly inside [start, end). */
  within(start: number, end: number): boolean {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.starts[mid] < start) low = mid + 1;
      else high = mid;
    }
    return low < this.starts.length && this.ends[low] <= end;
  }
}

/**
 * Entries matching a query, in source order (each source's quotes, then its facts,
 * each followed by its numbers and dates), at most `limit`. Every word of the query
 * must occur, case aside, in the entry's text, its speaker (a quote's), its value (a
 * value's, with the sentence around it) or the source's citation key.
 */
export function findEntries(sources: readonly Extraction[], query: string, limit: number): CompletionEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found: CompletionEntry[] = [];
  for (const x of sources) {
    if (found.length >= limit) break;
    const key = x.source.key.toLowerCase();
    const text = x.source.text;
    // Words the key has are matched by every entry of the source; the rest are looked for in the text, once.
    const rest = words.filter((w) => !key.includes(w));
    const occurrences = rest.map((w) => new Occurrences(text, w));
    const matches = (spans: readonly Span[], extra = ''): boolean =>
      occurrences.every((o, k) => spans.some((s) => o.within(s.start, s.end)) || (extra !== '' && extra.includes(rest[k])));
    // A word absent from the whole text can match only a speaker.
    const textHasAll = occurrences.every((o) => o.within(0, text.length));
    for (const q of [...x.quotes, ...x.turns]) {
      if (found.length >= limit) return found;
      if (matches(q.parts, (q.speaker ?? '').toLowerCase())) {
        found.push({ kind: 'quote', extraction: x, paragraph: paragraphNumberAt(x.source, q.start), at: q.start, text: q.text, speaker: q.speaker });
      }
    }
    if (!textHasAll) continue;
    for (const index of x.factTable.shown) {
      // A value's entry matches as its sentence does (the value is part of it); the fact is built only then.
      if (!matches([x.source.sentences[index]])) continue;
      const f = factAt(x, index);
      const sentence = sentenceText(x.source, f.sentence).replace(/\s+/g, ' ');
      const entry = (kind: 'fact' | 'value', value: string): CompletionEntry =>
        ({ kind, extraction: x, paragraph: f.sentence.paragraph, at: f.sentence.start, text: value, ...(kind === 'value' ? { sentence } : {}) });
      const values = [...f.numbers, ...f.dates].sort((a, b) => a.start - b.start);
      for (const e of [entry('fact', sentence), ...values.map((v) => entry('value', v.text))]) {
        if (found.length >= limit) return found;
        found.push(e);
      }
    }
  }
  return found;
}
