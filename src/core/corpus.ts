/** The sources' sentences indexed for alignment: which source sentences a memo claim talks about. */
import type { Extraction, Fact } from './extract';
import { knownNamesOf, type KnownNames } from './entities';
import { isValueKey, stemsOf, valueKeys } from './stems';

/** Weight of the previous sentence's words: "It has been there since 2018" is about what the sentence before named. */
const CONTEXT_WEIGHT = 0.5;

export interface IndexedSentence {
  readonly id: number;
  readonly extraction: Extraction;
  readonly fact: Fact;
  /** Stems of the sentence (weight 1) and of the sentence before it in the paragraph (weight 0.5). */
  readonly stems: ReadonlyMap<string, number>;
  readonly ownStems: ReadonlyMap<string, number>;
}

export interface Alignment {
  readonly sentence: IndexedSentence;
  readonly score: number;
}

export class Corpus {
  readonly sentences: IndexedSentence[] = [];
  private readonly postings = new Map<string, number[]>();
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
        this.sentences.push({ id, extraction: x, fact, stems, ownStems: own });
        for (const k of stems.keys()) {
          const list = this.postings.get(k) ?? [];
          list.push(id);
          this.postings.set(k, list);
        }
        previous = { paragraph: s.paragraph, stems: own };
      }
    }
    this.knownNames = knownNamesOf(extractions.flatMap((x) => x.mentions));
    const n = this.sentences.length;
    for (const [k, list] of this.postings) this.idf.set(k, Math.log(1 + n / list.length));
  }

  idfOf(stem: string): number {
    return this.idf.get(stem) ?? Math.log(1 + Math.max(1, this.sentences.length));
  }

  /** Source sentences ranked by the idf-weighted share of the claim's stems they contain (stems in `exclude` ignored). */
  align(claimStems: ReadonlyMap<string, number>, exclude: ReadonlySet<string> = new Set()): Alignment[] {
    let total = 0;
    const candidates = new Set<number>();
    for (const k of claimStems.keys()) {
      if (exclude.has(k)) continue;
      // A shared date or number lifts a sentence; one the sources lack lowers none.
      if (!isValueKey(k)) total += this.idfOf(k);
      for (const id of this.postings.get(k) ?? []) candidates.add(id);
    }
    if (total === 0) return [];
    const ranked: Alignment[] = [];
    for (const id of candidates) {
      const sentence = this.sentences[id];
      let shared = 0;
      for (const k of claimStems.keys()) {
        if (exclude.has(k)) continue;
        const w = sentence.stems.get(k);
        if (w) shared += this.idfOf(k) * w;
      }
      ranked.push({ sentence, score: shared / total });
    }
    for (const a of ranked) (a as { score: number }).score = Math.min(1, a.score);
    return ranked.sort((a, b) => b.score - a.score || a.sentence.id - b.sentence.id);
  }
}
