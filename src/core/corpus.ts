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

export interface IndexedSentence {
  readonly id: number;
  readonly extraction: Extraction;
  readonly fact: Fact;
  /** Stems of the sentence (weight 1) and of the sentence before it in the paragraph (weight 0.5). */
  readonly stems: ReadonlyMap<string, number>;
}

export interface Alignment {
  readonly sentence: IndexedSentence;
  readonly score: number;
}

export class Corpus {
  readonly sentences: IndexedSentence[] = [];
  private readonly postings = new Map<string, { ids: number[]; weights: number[] }>();
  private scratch = new Float64Array(0);
  private readonly idf = new Map<string, number>();
  /** Lower-case words the sources use: a capitalised claim opener among them is not a name. */
  readonly commonWords = new Set<string>();
  /** Names the sources use, so a memo's "Rutte" is the sources' "Mark Rutte". */
  readonly knownNames: KnownNames;

  constructor(readonly extractions: readonly Extraction[]) {
    for (const x of extractions) {
      const { tokens } = x.source;
      for (const t of tokens) if (/^[a-z]/.test(t.text)) this.commonWords.add(t.text);
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
        this.sentences.push({ id, extraction: x, fact, stems });
        for (const [k, w] of stems) {
          let list = this.postings.get(k);
          if (!list) {
            list = { ids: [], weights: [] };
            this.postings.set(k, list);
          }
          list.ids.push(id);
          list.weights.push(w);
        }
        previous = { paragraph: s.paragraph, stems: own };
      }
    }
    this.knownNames = knownNamesOf(extractions.flatMap((x) => x.mentions));
    const n = this.sentences.length;
    for (const [k, list] of this.postings) this.idf.set(k, Math.log(1 + n / list.ids.length));
  }

  /** True when some source sentence carries this stem or key. */
  has(stem: string): boolean {
    return this.postings.has(stem);
  }

  idfOf(stem: string): number {
    return this.idf.get(stem) ?? Math.log(1 + Math.max(1, this.sentences.length));
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
      const postings = this.postings.get(k);
      if (!postings) continue;
      for (let i = 0; i < postings.ids.length; i++) {
        const id = postings.ids[i];
        if (scores[id] === 0) touched.push(id);
        scores[id] += idf * postings.weights[i];
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
