/** Locating a memo's quoted words in the sources, verbatim or nearly, with a word diff for a misquote. */
import { diffArrays } from 'diff';
import { distance } from 'fastest-levenshtein';
import { LRUCache } from 'lru-cache';
import type { Corpus } from './corpus';
import type { Extraction } from '../sources/extract';
import { stem } from '../language/stems';

export interface SourceWord {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;
/** Ellipsis marks a quote may use to leave words out: "...", "…", "(..)", "[…]". */
const ELLIPSIS = /\s*(?:\[\s*(?:\.{2,}|\u2026)\s*\]|\(\s*(?:\.{2,}|\u2026)\s*\)|\.{2,}|\u2026)\s*/g;

export function words(text: string, offset = 0): SourceWord[] {
  const list: SourceWord[] = [];
  for (const m of text.matchAll(WORD)) {
    // Typography folded: a curly apostrophe is the only mark a word can hold ("don\u2019t").
    const word = m[0].includes('\u2019') ? m[0].replace(/\u2019/g, "'") : m[0];
    list.push({ word: word.toLowerCase(), start: offset + (m.index ?? 0), end: offset + (m.index ?? 0) + m[0].length });
  }
  return list;
}

/** The words of a source, or of a passage of it, with where each word occurs. */
class WordIndex {
  readonly positions = new Map<string, number[]>();

  constructor(readonly extraction: Extraction, readonly words: readonly SourceWord[]) {
    this.words.forEach((w, i) => {
      const list = this.positions.get(w.word);
      if (list) list.push(i);
      else this.positions.set(w.word, [i]);
    });
  }
}

export interface QuoteMatch {
  readonly extraction: Extraction;
  /** Offsets in the source of the passage matched. */
  readonly start: number;
  readonly end: number;
  /** 1 for a verbatim quote (ellipses allowed); below 1 for a near match. */
  readonly similarity: number;
  /** The passage's words with the memo's changes: "The battlefield is [-not-] visible". */
  readonly diff?: string;
}

/** Splits a quote at its ellipses into the runs of words that must each appear verbatim. */
function segments(quote: string): string[][] {
  return quote.split(ELLIPSIS).map((part) => words(part).map((w) => w.word)).filter((s) => s.length > 0);
}

function findRun(index: WordIndex, run: readonly string[], from: number): number {
  for (const p of index.positions.get(run[0]) ?? []) {
    if (p < from) continue;
    let ok = true;
    for (let k = 1; k < run.length && ok; k++) ok = index.words[p + k]?.word === run[k];
    if (ok) return p;
  }
  return -1;
}

/** Words between two ellipsis-separated runs of one quote, at most. */
const ELLIPSIS_GAP_WORDS = 120;
const NEAR_MATCH_WINDOW_SLACK = 3;
const CANDIDATE_STARTS = 3;
/** Share of a quote's words a source passage must contain, in place, to be worth an edit distance. */
const MIN_SHARED_WORDS = 0.5;

function verbatim(index: WordIndex, runs: readonly string[][]): QuoteMatch | undefined {
  for (const first of index.positions.get(runs[0][0]) ?? []) {
    if (findRun(index, runs[0], first) !== first) continue;
    let end = first + runs[0].length;
    let ok = true;
    for (const run of runs.slice(1)) {
      const at = findRun(index, run, end);
      if (at < 0 || at - end > ELLIPSIS_GAP_WORDS) {
        ok = false;
        break;
      }
      end = at + run.length;
    }
    if (ok) return { extraction: index.extraction, start: index.words[first].start, end: index.words[end - 1].end, similarity: 1 };
  }
  return undefined;
}

/** Word sequences as strings of one character per distinct word, for a fast edit distance. */
function encode(sequence: readonly string[], alphabet: Map<string, string>): string {
  let out = '';
  for (const w of sequence) {
    let ch = alphabet.get(w);
    if (!ch) {
      ch = String.fromCharCode(0x4e00 + alphabet.size);
      alphabet.set(w, ch);
    }
    out += ch;
  }
  return out;
}

function near(index: WordIndex, quoteWords: readonly string[]): QuoteMatch | undefined {
  // Vote for where the quote would start, from every word it shares with the source.
  const votes = new Map<number, number>();
  quoteWords.forEach((w, i) => {
    for (const p of index.positions.get(w) ?? []) votes.set(p - i, (votes.get(p - i) ?? 0) + 1);
  });
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  // A passage sharing fewer words than a near match needs cannot be one: most sources end here.
  if (!ranked.length || ranked[0][1] < quoteWords.length * MIN_SHARED_WORDS) return undefined;
  const starts = ranked.slice(0, CANDIDATE_STARTS).map(([s]) => s);
  let best: { start: number; end: number; similarity: number } | undefined;
  const alphabet = new Map<string, string>();
  const encodedQuote = encode(quoteWords, alphabet);
  for (const s of starts) {
    for (let from = s - NEAR_MATCH_WINDOW_SLACK; from <= s + NEAR_MATCH_WINDOW_SLACK; from++) {
      for (let len = quoteWords.length - NEAR_MATCH_WINDOW_SLACK; len <= quoteWords.length + NEAR_MATCH_WINDOW_SLACK; len++) {
        if (from < 0 || len < 1 || from + len > index.words.length) continue;
        const window = index.words.slice(from, from + len).map((w) => w.word);
        const similarity = 1 - distance(encodedQuote, encode(window, alphabet)) / Math.max(quoteWords.length, len);
        // Ties go to the window as long as the quote: a substitution reads better than a bare insertion.
        const better = !best || similarity > best.similarity + 1e-9 ||
          (Math.abs(similarity - best.similarity) <= 1e-9 && Math.abs(len - quoteWords.length) < Math.abs(best.end - best.start - quoteWords.length));
        if (better) best = { start: from, end: from + len, similarity };
      }
    }
  }
  if (!best) return undefined;
  const passage = index.words.slice(best.start, best.end).map((w) => w.word);
  const original = index.extraction.source.text;
  const sourceWords = index.words.slice(best.start, best.end).map((w) => original.slice(w.start, w.end));
  const parts = diffArrays(passage, [...quoteWords]);
  let shown = 0;
  const rendered: string[] = [];
  for (const part of parts) {
    if (part.removed) rendered.push(`[-${sourceWords.slice(shown, shown + part.count).join(' ')}-]`);
    else if (part.added) rendered.push(`{+${part.value.join(' ')}+}`);
    else rendered.push(sourceWords.slice(shown, shown + part.count).join(' '));
    if (!part.added) shown += part.count;
  }
  return {
    extraction: index.extraction, start: index.words[best.start].start, end: index.words[best.end - 1].end, similarity: best.similarity,
    diff: rendered.join(' '),
  };
}

/** Verbatim in the first source (of `indexes`, in order) that has it, else the closest passage of any. */
function bestMatch(indexes: readonly WordIndex[], runs: readonly string[][]): QuoteMatch | undefined {
  for (const index of indexes) {
    const match = verbatim(index, runs);
    if (match) return match;
  }
  const quoteWords = runs.flat();
  let best: QuoteMatch | undefined;
  for (const index of indexes) {
    const match = near(index, quoteWords);
    if (match && (!best || match.similarity > best.similarity)) best = match;
  }
  return best;
}

/**
 * Whole-source indexes of the last few sources asked for by name (a hover, a citation's check). Bounded:
 * an index is ~20 times its source's text, and kept for every source it was most of the memory they took.
 */
const RECENT_INDEXES = 4;
/** Paragraphs looked at for a quote: those of the sentences that share most of its words. */
const QUOTE_CANDIDATE_SENTENCES = 12;
/** Passage indexes kept between calls: a memo quotes the same passages again, and a check re-reads every quote. */
const RECENT_REGIONS = 256;

/** Finds quotes in sources, keeping the word indexes it builds for the next quotes (least recently used go first). */
export class QuoteLocator {
  private readonly sourceIndexes = new LRUCache<Extraction, WordIndex>({ max: RECENT_INDEXES });
  private readonly regionIndexes = new LRUCache<string, WordIndex>({ max: RECENT_REGIONS });

  /** Where in these sources a quote comes from: verbatim (similarity 1), else the closest passage. */
  locate(quote: string, sources: readonly Extraction[]): QuoteMatch | undefined {
    const runs = segments(quote);
    if (runs.length === 0) return undefined;
    return bestMatch(sources.map((x) => this.indexOf(x)), runs);
  }

  /**
   * {@link locate} over all the sources of a check, looking only in the paragraphs whose sentences share the
   * quote's words (the corpus's alignment), each indexed for the call. Searching and indexing every source took
   * seconds and hundreds of MB for a large workspace; a quote, verbatim or misquoted, shares its words with where
   * it comes from. A quote only of words no sentence is indexed by (function words, verbs of saying) is found nowhere:
   * it would match anywhere.
   */
  locateInCorpus(quote: string, corpus: Corpus): QuoteMatch | undefined {
    const runs = segments(quote);
    if (runs.length === 0) return undefined;
    const quoteStems = new Map(runs.flat().map((w) => [stem(w), 1]));
    const candidates = corpus.align(quoteStems, undefined, QUOTE_CANDIDATE_SENTENCES, 0);
    if (candidates.length === 0) return undefined;
    // Each paragraph once, in the sources' order (a verbatim match in the first source wins, as in locate);
    // with the next one when the sentence ends its paragraph, since a quote may run on into it.
    const regions = new Map<string, { x: Extraction; first: number; last: number }>();
    for (const a of candidates) {
      const x = a.sentence.extraction;
      const s = a.sentence.fact.sentence;
      const own = x.source.paragraphs[s.paragraph - 1];
      const last = s.end >= own.end && s.paragraph < x.source.paragraphs.length ? s.paragraph + 1 : s.paragraph;
      const key = `${corpus.orderOf(x)}:${s.paragraph}:${last}`;
      if (!regions.has(key)) regions.set(key, { x, first: s.paragraph, last });
    }
    const indexes = [...regions.values()]
      .sort((a, b) => corpus.orderOf(a.x) - corpus.orderOf(b.x) || a.first - b.first)
      .map(({ x, first, last }) => this.regionIndex(x, first, last));
    return bestMatch(indexes, runs);
  }

  private indexOf(x: Extraction): WordIndex {
    let index = this.sourceIndexes.get(x);
    if (!index) {
      index = new WordIndex(x, words(x.source.text));
      this.sourceIndexes.set(x, index);
    }
    return index;
  }

  /** The words of paragraphs first..last (1-based) of a source, indexed. */
  private regionIndex(x: Extraction, first: number, last: number): WordIndex {
    const key = `${x.source.path}\u0000${first}\u0000${last}`;
    let index = this.regionIndexes.get(key);
    // A match names its extraction: one kept for an earlier extraction of the same file is made anew.
    if (!index || index.extraction !== x) {
      const start = x.source.paragraphs[first - 1].start;
      const end = x.source.paragraphs[last - 1].end;
      index = new WordIndex(x, words(x.source.text.slice(start, end), start));
      this.regionIndexes.set(key, index);
    }
    return index;
  }
}

/** {@link QuoteLocator.locate} with indexes of its own: for a single question (a test, a one-off look-up). */
export function locateQuote(quote: string, sources: readonly Extraction[]): QuoteMatch | undefined {
  return new QuoteLocator().locate(quote, sources);
}

/** {@link QuoteLocator.locateInCorpus} with indexes of its own. */
export function locateQuoteInCorpus(quote: string, corpus: Corpus): QuoteMatch | undefined {
  return new QuoteLocator().locateInCorpus(quote, corpus);
}
