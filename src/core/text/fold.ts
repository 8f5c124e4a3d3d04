/**
 * Characters a reader never sees, folded before analysis: zero-width spaces and joiners, soft hyphens and bidi
 * controls are removed (inside a word they join it: "1\u200b000" is 1000, not "1 000"); no-break and thin spaces
 * become spaces. Removing shifts offsets, so a fold keeps where it removed characters, and {@link FoldMap} takes
 * an offset of the folded text back to the original.
 */
import type { Span } from './offsets';

/**
 * Removed: soft hyphen, Mongolian vowel separator, zero-width space, non-joiner and joiner, LRM and RLM, bidi
 * embeddings, overrides and isolates, word joiner and the invisible operators, and U+FEFF inside a text.
 */
const INVISIBLE_CLASS = '[\\u00ad\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff]';
const INVISIBLE = new RegExp(INVISIBLE_CLASS, 'g');
const AN_INVISIBLE = new RegExp(INVISIBLE_CLASS);
/** Read as a space: no-break, en/em/thin/hair and the other fixed-width spaces, narrow no-break, medium mathematical, ideographic. */
const SPACE_LIKE = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;
const ANY_FOLDED = /[\u00a0\u00ad\u180e\u2000-\u200f\u202a-\u202f\u205f\u2060-\u2064\u2066-\u2069\u3000\ufeff]/;

export interface Folded {
  readonly text: string;
  /**
   * One entry per removed character, ascending: the offset in the folded text of what followed it. Absent when
   * nothing was removed (the folded text then has the original's offsets).
   */
  readonly removed?: readonly number[];
}

/** Folds invisible characters and space-likes; a text with none is returned as it is. */
export function foldText(text: string): Folded {
  if (!ANY_FOLDED.test(text)) return { text };
  const spaced = text.replace(SPACE_LIKE, ' ');
  const removed: number[] = [];
  let folded = '';
  let last = 0;
  for (const m of spaced.matchAll(INVISIBLE)) {
    const at = m.index ?? 0;
    folded += spaced.slice(last, at);
    removed.push(folded.length);
    last = at + 1;
  }
  if (removed.length === 0) return { text: spaced };
  folded += spaced.slice(last);
  return { text: folded, removed };
}

/** Offsets of a folded text taken back to the text it was folded from. */
export class FoldMap {
  private readonly removed: Int32Array;

  constructor(removed: readonly number[]) {
    this.removed = Int32Array.from(removed);
  }

  /** How many removed characters have a key (see {@link Folded.removed}) at most `offset` (or below it, strictly). */
  private count(offset: number, strictly: boolean): number {
    let low = 0;
    let high = this.removed.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (strictly ? this.removed[mid] < offset : this.removed[mid] <= offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Where the folded text's character at `offset` is in the original (past any removed just before it). */
  toOriginal(offset: number): number {
    return offset + this.count(offset, false);
  }

  /** Where a span ending at `end` (exclusive) ends in the original: right after its last character. */
  toOriginalEnd(end: number): number {
    return end + this.count(end, true);
  }

  /** A span of the folded text as the span of the original it covers; an empty span stays empty. */
  toOriginalSpan(span: Span): Span {
    const start = this.toOriginal(span.start);
    return { start, end: span.end > span.start ? this.toOriginalEnd(span.end) : start };
  }

  /** The folded offset of an original one (a removed character counts as the one after it). */
  toFolded(original: number): number {
    // The k-th removed character sat at removed[k] + k in the original: count those before `original`.
    let low = 0;
    let high = this.removed.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.removed[mid] + mid < original) low = mid + 1;
      else high = mid;
    }
    return original - low;
  }
}

/** A span of a folded text in the original's offsets; the identity when nothing was removed. */
export function originalSpan(folded: Folded, span: Span): Span {
  return folded.removed ? new FoldMap(folded.removed).toOriginalSpan(span) : span;
}

/** True when a text has a character {@link foldText} removes. */
export function hasInvisible(text: string): boolean {
  return AN_INVISIBLE.test(text);
}
