/** The sources' sentences indexed for alignment: which source sentences a memo claim talks about. */
import type { Extraction, Fact } from './extract';
import { knownNamesOf, type KnownNames } from './entities';
import { isValueKey, stemsOf, valueKeys } from './stems';

/** Weight of the previous sentence's words: "It has been there since 2018" is about what the sentence before named. */
const CONTEXT_WEIGHT = 0.5;

const NO_STEMS: ReadonlySet<string> = new Set();
/** Ranked sentences returned by default: more than any check looks at. */
const DEFAULT_ALIGN_LIMIT = 24;
/** Sentences sharing less than this share of a claim are never evidence for it. */
const DEFAULT_MIN_SCORE = 0.1;

/** A source sentence as the corpus indexed it. */
export class IndexedSentence {
  constructor(readonly id: number, readonly extraction: Extraction, readonly fact: Fact, private readonly corpus: Corpus) {}

  /** True when the sentence (or the one before it in its paragraph) has this stem or key. */
  has(stem: string): boolean {
    return this.corpus.sentenceHas(this.id, stem);
  }
}

export interface Alignment {
  readonly sentence: IndexedSentence;
  readonly score: number;
}

/**
 * The postings of every stem packed into two typed arrays: a list per stem would be
 * an object and two arrays each, and the sources of a large workspace have tens of
 * thousands of stems.
 */
interface Postings {
  /** Stem -> its slot in {@link firsts}. */
  readonly slots: ReadonlyMap<string, number>;
  /** The postings of slot i are ids[firsts[i]] to ids[firsts[i + 1]], sentence ids ascending. */
  readonly firsts: Int32Array;
  readonly ids: Int32Array;
  readonly weights: Float32Array;
  readonly idf: Float64Array;
}

/** First size of the builder's buffers; they double as postings come. */
const INITIAL_POSTINGS = 1024;

/**
 * Collects (stem, sentence, weight) postings into typed arrays, then sorts them by
 * stem. A list per stem while building would be as large as the index itself, and
 * built for every sentence of every source at once.
 */
class PostingsBuilder {
  private readonly slots = new Map<string, number>();
  private counts: number[] = [];
  private slotOf = new Int32Array(INITIAL_POSTINGS);
  private idOf = new Int32Array(INITIAL_POSTINGS);
  private weightOf = new Float32Array(INITIAL_POSTINGS);
  private size = 0;

  add(stem: string, id: number, weight: number): void {
    let slot = this.slots.get(stem);
    if (slot === undefined) {
      slot = this.counts.length;
      this.slots.set(stem, slot);
      this.counts.push(0);
    }
    if (this.size === this.idOf.length) this.grow();
    this.slotOf[this.size] = slot;
    this.idOf[this.size] = id;
    this.weightOf[this.size] = weight;
    this.size++;
    this.counts[slot]++;
  }

  private grow(): void {
    const capacity = this.idOf.length * 2;
    const slotOf = new Int32Array(capacity);
    slotOf.set(this.slotOf);
    const idOf = new Int32Array(capacity);
    idOf.set(this.idOf);
    const weightOf = new Float32Array(capacity);
    weightOf.set(this.weightOf);
    this.slotOf = slotOf;
    this.idOf = idOf;
    this.weightOf = weightOf;
  }

  /** Postings grouped by stem; within a stem, in the order added (sentence ids ascending). */
  build(sentenceCount: number): Postings {
    const stems = this.counts.length;
    const firsts = new Int32Array(stems + 1);
    const idf = new Float64Array(stems);
    for (let slot = 0; slot < stems; slot++) {
      firsts[slot + 1] = firsts[slot] + this.counts[slot];
      idf[slot] = Math.log(1 + sentenceCount / this.counts[slot]);
    }
    const ids = new Int32Array(this.size);
    const weights = new Float32Array(this.size);
    const next = firsts.slice(0, stems);
    for (let i = 0; i < this.size; i++) {
      const at = next[this.slotOf[i]]++;
      ids[at] = this.idOf[i];
      weights[at] = this.weightOf[i];
    }
    return { slots: this.slots, firsts, ids, weights, idf };
  }
}

export class Corpus {
  readonly sentences: IndexedSentence[] = [];
  private readonly postings: Postings;
  private scratch = new Float64Array(0);
  /** Lower-case words the sources use: a capitalised claim opener among them is not a name. */
  readonly commonWords = new Set<string>();
  /** Names the sources use, so a memo's "Rutte" is the sources' "Mark Rutte". */
  readonly knownNames: KnownNames;

  constructor(readonly extractions: readonly Extraction[]) {
    const postings = new PostingsBuilder();
    for (const x of extractions) {
      for (const word of x.source.tokens.texts()) if (/^[a-z]/.test(word)) this.commonWords.add(word);
      const { tokens } = x.source;
      let previous: { paragraph: number; stems: Map<string, number> } | undefined;
      for (const fact of x.sentenceFacts) {
        const s = fact.sentence;
        if (!/\p{L}{2,}/u.test(s.text)) continue;
        const own = stemsOf(tokens, s.firstToken, s.endToken, fact.mentions, [...fact.dates, ...fact.numbers]);
        for (const k of valueKeys(fact.dates, fact.numbers)) own.set(k, 1);
        const stems = new Map(own);
        if (previous && previous.paragraph === s.paragraph) {
          for (const [k, w] of previous.stems) if (!stems.has(k)) stems.set(k, w * CONTEXT_WEIGHT);
        }
        const id = this.sentences.length;
        this.sentences.push(new IndexedSentence(id, x, fact, this));
        for (const [k, w] of stems) postings.add(k, id, w);
        previous = { paragraph: s.paragraph, stems: own };
      }
    }
    this.knownNames = knownNamesOf(extractions.flatMap((x) => x.mentions));
    this.postings = postings.build(this.sentences.length);
  }

  /** True when some source sentence carries this stem or key. */
  has(stem: string): boolean {
    return this.postings.slots.has(stem);
  }

  idfOf(stem: string): number {
    const slot = this.postings.slots.get(stem);
    return slot === undefined ? Math.log(1 + Math.max(1, this.sentences.length)) : this.postings.idf[slot];
  }

  /** True when sentence `id` (or the one before it in its paragraph) has this stem: a binary search of its postings. */
  sentenceHas(id: number, stem: string): boolean {
    const slot = this.postings.slots.get(stem);
    if (slot === undefined) return false;
    const { ids, firsts } = this.postings;
    let low = firsts[slot];
    let high = firsts[slot + 1] - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (ids[mid] === id) return true;
      if (ids[mid] < id) low = mid + 1;
      else high = mid - 1;
    }
    return false;
  }

  /**
   * Source sentences ranked by the idf-weighted share of the claim's stems they
   * contain (stems in `exclude` ignored): the best `limit` at or above `minScore`.
   * Scores accumulate along posting lists, so the cost is the postings touched.
   */
  align(claimStems: ReadonlyMap<string, number>, exclude: ReadonlySet<string> = NO_STEMS, limit = DEFAULT_ALIGN_LIMIT, minScore = DEFAULT_MIN_SCORE): Alignment[] {
    if (this.scratch.length !== this.sentences.length) this.scratch = new Float64Array(this.sentences.length);
    const scores = this.scratch;
    const touched: number[] = [];
    let total = 0;
    for (const k of claimStems.keys()) {
      if (exclude.has(k)) continue;
      const idf = this.idfOf(k);
      // A shared date or number lifts a sentence; one the sources lack lowers none.
      if (!isValueKey(k)) total += idf;
      const slot = this.postings.slots.get(k);
      if (slot === undefined) continue;
      const { ids, weights, firsts } = this.postings;
      for (let i = firsts[slot]; i < firsts[slot + 1]; i++) {
        const id = ids[i];
        if (scores[id] === 0) touched.push(id);
        scores[id] += idf * weights[i];
      }
    }
    // Keep the best `limit` in a small sorted array: most candidates fall below the last kept and cost one comparison.
    const ranked: Alignment[] = [];
    const before = (a: Alignment, score: number, id: number): boolean => score > a.score || (score === a.score && id < a.sentence.id);
    for (const id of touched) {
      const score = total > 0 ? Math.min(1, scores[id] / total) : 0;
      scores[id] = 0;
      if (score < minScore) continue;
      if (ranked.length === limit && !before(ranked[limit - 1], score, id)) continue;
      let at = ranked.length;
      while (at > 0 && before(ranked[at - 1], score, id)) at--;
      ranked.splice(at, 0, { sentence: this.sentences[id], score });
      if (ranked.length > limit) ranked.pop();
    }
    return ranked;
  }
}
