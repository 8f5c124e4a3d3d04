/** Locating a memo's quoted words in the sources, verbatim or nearly, with a word diff for a misquote. */
import { diffArrays } from 'diff';
import { distance } from 'fastest-levenshtein';
import type { Extraction } from './extract';
import { foldTypography } from './text';

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
    list.push({ word: foldTypography(m[0]).toLowerCase(), start: offset + (m.index ?? 0), end: offset + (m.index ?? 0) + m[0].length });
  }
  return list;
}

class WordIndex {
  readonly words: SourceWord[];
  readonly positions = new Map<string, number[]>();

  constructor(readonly extraction: Extraction) {
    this.words = words(extraction.source.text);
    this.words.forEach((w, i) => {
      const list = this.positions.get(w.word) ?? [];
      list.push(i);
      this.positions.set(w.word, list);
    });
  }
}

const indexes = new WeakMap<Extraction, WordIndex>();

function indexOf(x: Extraction): WordIndex {
  let index = indexes.get(x);
  if (!index) {
    index = new WordIndex(x);
    indexes.set(x, index);
  }
  return index;
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

/** Where in the sources a quote comes from: verbatim (similarity 1), else the closest passage. */
export function locateQuote(quote: string, sources: readonly Extraction[]): QuoteMatch | undefined {
  const runs = segments(quote);
  if (runs.length === 0) return undefined;
  for (const x of sources) {
    const match = verbatim(indexOf(x), runs);
    if (match) return match;
  }
  const quoteWords = runs.flat();
  let best: QuoteMatch | undefined;
  for (const x of sources) {
    const match = near(indexOf(x), quoteWords);
    if (match && (!best || match.similarity > best.similarity)) best = match;
  }
  return best;
}
