/** The sources' sentences indexed for alignment: which source sentences a memo claim talks about. */
import { LRUCache } from 'lru-cache';
import { factAt, type Extraction, type Fact } from '../sources/extract';
import { knownNamesOf, type KnownNames } from '../language/entities';
import { isValueKey, stemsOf, valueKeys } from '../language/stems';
import { sentenceText } from '../sources/source';
import { headerKeysOf } from './tables';
import { alignmentSkips } from '../language/values';

/** Weight of the previous sentence's words: "It has been there since 2018" is about what the sentence before named. */
const CONTEXT_WEIGHT = 0.5;

const NO_STEMS: ReadonlySet<string> = new Set();
/** Indexed sentences kept once made: enough for the alignments of a long memo's check. */
const RECENT_SENTENCES = 4096;
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
 * The postings of every stem packed into typed arrays: a list per stem would be an
 * object and two arrays each, and the sources of a large workspace have tens of
 * thousands of stems. A posting's weight is 1 (the sentence's own word) or
 * CONTEXT_WEIGHT (the sentence before's): one byte says which.
 */
interface Postings {
  /** Stem -> its slot in {@link firsts}. */
  readonly slots: ReadonlyMap<string, number>;
  /** The postings of slot i are ids[firsts[i]] to ids[firsts[i + 1]], sentence ids ascending. */
  readonly firsts: Int32Array;
  readonly ids: Int32Array;
  /** 1 for a sentence's own stem, 0 for one of the sentence before. */
  readonly own: Uint8Array;
  readonly idf: Float64Array;
}

/** Postings per chunk of the builder: small fixed-size buffers instead of one that doubles. */
const CHUNK = 1 << 16;

/**
 * Collects postings sentence by sentence, then sorts them by stem. While building,
 * a posting is its stem's slot (negated, less one, for a context stem) and the
 * sentence is implied by where the sentence's postings end: 4 bytes a posting, for
 * every sentence of every source at once.
 */
class PostingsBuilder {
  private readonly slots = new Map<string, number>();
  private readonly counts: number[] = [];
  private readonly chunks: Int32Array[] = [];
  private readonly sentenceEnds: number[] = [];
  private size = 0;

  /** The postings of the next sentence: its stems, and whether each is its own (or the sentence before's). */
  addSentence(stems: ReadonlyMap<string, boolean>): number {
    for (const [stem, own] of stems) {
      let slot = this.slots.get(stem);
      if (slot === undefined) {
        slot = this.counts.length;
        this.slots.set(stem, slot);
        this.counts.push(0);
      }
      const at = this.size % CHUNK;
      if (at === 0) this.chunks.push(new Int32Array(CHUNK));
      this.chunks[this.chunks.length - 1][at] = own ? slot : -slot - 1;
      this.size++;
      this.counts[slot]++;
    }
    this.sentenceEnds.push(this.size);
    return this.sentenceEnds.length - 1;
  }

  /** Postings grouped by stem; within a stem, sentence ids ascending. */
  build(): Postings {
    const stems = this.counts.length;
    const firsts = new Int32Array(stems + 1);
    const idf = new Float64Array(stems);
    const sentenceCount = this.sentenceEnds.length;
    for (let slot = 0; slot < stems; slot++) {
      firsts[slot + 1] = firsts[slot] + this.counts[slot];
      idf[slot] = Math.log(1 + sentenceCount / this.counts[slot]);
    }
    const ids = new Int32Array(this.size);
    const own = new Uint8Array(this.size);
    const next = firsts.slice(0, stems);
    let i = 0;
    for (let id = 0; id < sentenceCount; id++) {
      for (; i < this.sentenceEnds[id]; i++) {
        const code = this.chunks[Math.floor(i / CHUNK)][i % CHUNK];
        const slot = code >= 0 ? code : -code - 1;
        const at = next[slot]++;
        ids[at] = id;
        own[at] = code >= 0 ? 1 : 0;
      }
    }
    this.chunks.length = 0;
    return { slots: this.slots, firsts, ids, own, idf };
  }
}

export class Corpus {
  /** Per indexed sentence: which extraction it is from, and its index there. IndexedSentence objects are made when asked for. */
  private owners = new Int32Array(0);
  private sentenceIndices = new Int32Array(0);
  /** A check asks for the same few sentences again and again (each claim aligns several times); bounded, so it never holds them all. */
  private readonly recent = new LRUCache<number, IndexedSentence>({ max: RECENT_SENTENCES });
  /** Each extraction's place in {@link extractions}. */
  private readonly order = new Map<Extraction, number>();
  /** The id of each extraction's first indexed sentence (none for a source without prose). */
  private readonly firstIds = new Map<Extraction, number>();
  private readonly postings: Postings;
  private scratch = new Float64Array(0);
  private touched = new Int32Array(0);
  /** Lower-case words the sources use: a capitalised claim opener among them is not a name. */
  readonly commonWords = new Set<string>();
  /** Names the sources use, so a memo's "Rutte" is the sources' "Mark Rutte". */
  readonly knownNames: KnownNames;

  constructor(readonly extractions: readonly Extraction[]) {
    const postings = new PostingsBuilder();
    const owners: number[] = [];
    const sentenceIndices: number[] = [];
    for (const [index, x] of extractions.entries()) {
      this.order.set(x, index);
      for (const word of x.source.tokens.texts()) if (/^[a-z]/.test(word)) this.commonWords.add(word);
      const { tokens } = x.source;
      let previous: { paragraph: number; stems: Map<string, number> } | undefined;
      for (let i = 0; i < x.source.sentences.length; i++) {
        const s = x.source.sentences[i];
        if (!/\p{L}{2,}/u.test(sentenceText(x.source, s))) continue;
        const fact = factAt(x, i);
        const own = stemsOf(tokens, s.firstToken, s.endToken, fact.mentions, alignmentSkips(fact.dates, fact.numbers));
        for (const k of valueKeys(fact.dates, fact.numbers)) own.set(k, 1);
        // A table row's column headers are its words too ("Peru" under "2023"); the row before is another row, not context.
        const headerKeys = headerKeysOf(x, i);
        if (headerKeys) for (const k of headerKeys) own.set(k, 1);
        const stems = new Map<string, boolean>();
        for (const k of own.keys()) stems.set(k, true);
        if (previous && previous.paragraph === s.paragraph && !headerKeys) {
          for (const k of previous.stems.keys()) if (!stems.has(k)) stems.set(k, false);
        }
        postings.addSentence(stems);
        if (!this.firstIds.has(x)) this.firstIds.set(x, owners.length);
        owners.push(index);
        sentenceIndices.push(i);
        previous = { paragraph: s.paragraph, stems: own };
      }
    }
    this.knownNames = knownNamesOf(extractions.flatMap((x) => x.mentions));
    this.owners = Int32Array.from(owners);
    this.sentenceIndices = Int32Array.from(sentenceIndices);
    this.postings = postings.build();
  }

  get size(): number {
    return this.owners.length;
  }

  sentence(id: number): IndexedSentence {
    let sentence = this.recent.get(id);
    if (!sentence) {
      const x = this.extractions[this.owners[id]];
      sentence = new IndexedSentence(id, x, factAt(x, this.sentenceIndices[id]), this);
      this.recent.set(id, sentence);
    }
    return sentence;
  }

  /** Where an extraction is in {@link extractions} (-1 when not there). */
  orderOf(x: Extraction): number {
    return this.order.get(x) ?? -1;
  }

  /** The indexed sentence of an extraction that contains an offset of its text. */
  sentenceAt(x: Extraction, offset: number): IndexedSentence | undefined {
    const first = this.firstIds.get(x);
    if (first === undefined) return undefined;
    for (let id = first; id < this.owners.length && this.owners[id] === this.owners[first]; id++) {
      const s = x.source.sentences[this.sentenceIndices[id]];
      if (s.start <= offset && offset < s.end) return this.sentence(id);
    }
    return undefined;
  }

  /** True when some source sentence carries this stem or key. */
  has(stem: string): boolean {
    return this.postings.slots.has(stem);
  }

  idfOf(stem: string): number {
    const slot = this.postings.slots.get(stem);
    return slot === undefined ? Math.log(1 + Math.max(1, this.size)) : this.postings.idf[slot];
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
    if (this.scratch.length !== this.size) {
      this.scratch = new Float64Array(this.size);
      this.touched = new Int32Array(this.size);
    }
    const scores = this.scratch;
    // The sentences scored, in a buffer kept between calls: a common stem touches tens of thousands.
    const touched = this.touched;
    let touchedCount = 0;
    let total = 0;
    for (const k of claimStems.keys()) {
      if (exclude.has(k)) continue;
      const idf = this.idfOf(k);
      // A shared date or number lifts a sentence; one the sources lack lowers none.
      if (!isValueKey(k)) total += idf;
      const slot = this.postings.slots.get(k);
      if (slot === undefined) continue;
      const { ids, own, firsts } = this.postings;
      for (let i = firsts[slot]; i < firsts[slot + 1]; i++) {
        const id = ids[i];
        if (scores[id] === 0) touched[touchedCount++] = id;
        scores[id] += own[i] ? idf : idf * CONTEXT_WEIGHT;
      }
    }
    // Keep the best `limit` in small sorted arrays: most candidates fall below the last kept and cost one comparison.
    const rankedIds: number[] = [];
    const rankedScores: number[] = [];
    const before = (at: number, score: number, id: number): boolean => score > rankedScores[at] || (score === rankedScores[at] && id < rankedIds[at]);
    for (let t = 0; t < touchedCount; t++) {
      const id = touched[t];
      const score = total > 0 ? Math.min(1, scores[id] / total) : 0;
      scores[id] = 0;
      if (score < minScore) continue;
      if (rankedIds.length === limit && !before(limit - 1, score, id)) continue;
      let at = rankedIds.length;
      while (at > 0 && before(at - 1, score, id)) at--;
      rankedIds.splice(at, 0, id);
      rankedScores.splice(at, 0, score);
      if (rankedIds.length > limit) {
        rankedIds.pop();
        rankedScores.pop();
      }
    }
    // Sentences are made for the ones kept only.
    return rankedIds.map((id, i) => ({ sentence: this.sentence(id), score: rankedScores[i] }));
  }
}
