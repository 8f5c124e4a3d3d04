/** conflict/polarity: the claim reverses the source: an opposite word, or a negation the source does not have (or the other way). */
import { NEGATION_WORDS, OPPOSITES, wordnetAntonyms } from '../../../../language/words';
import type { Token } from '../../../../language/nlp';
import { sequenceOf, type TokenSequence } from '../../../../language/tokenTable';
import { stem } from '../../../../language/stems';
import { NEGATION_MIN_ALIGNMENT, POLARITY_MIN_ALIGNMENT, POLARITY_SLOT_MIN_ALIGNMENT } from '../../../thresholds';
import { cite, evidenceOf, SENTENCE_EDGE, slotWords, type BlockFinding, type ClaimContext, type Slot } from '../../shared';
import type { Alignment, IndexedSentence } from '../../../corpus';

/**
 * lemma -> the lemmas of its opposites. Matched on lemmas, not stems: stems collide
 * across the table ("endorse" and "end").
 */
const OPPOSITE_LEMMAS = new Map<string, Set<string>>();
for (const [a, b] of OPPOSITES) {
  for (const x of a) OPPOSITE_LEMMAS.set(x, new Set([...(OPPOSITE_LEMMAS.get(x) ?? []), ...b.filter((y) => !a.includes(y))]));
  for (const y of b) OPPOSITE_LEMMAS.set(y, new Set([...(OPPOSITE_LEMMAS.get(y) ?? []), ...a.filter((x) => !b.includes(x))]));
}

/** lemma -> the lemmas on its own side of an opposition (itself included). */
const SAME_SIDE = new Map<string, Set<string>>();
for (const [a, b] of OPPOSITES) {
  for (const side of [a, b]) for (const x of side) SAME_SIDE.set(x, new Set([...(SAME_SIDE.get(x) ?? []), ...side]));
}
/** Parts of speech that give a sentence its direction ("rose … down from"); a noun in a side clause ("last year's surge") does not. */
const DIRECTION_POS = new Set(['VERB', 'ADV', 'ADJ', 'ADP', 'PART']);

const POLAR_POS = new Set(['VERB', 'ADJ', 'ADV', 'NOUN', 'ADP', 'PART']);
const NEGATION_LOOKBEHIND = 3;
const IMPLICIT_NEGATORS = new Set(['fail', 'refuse', 'decline', 'unable', 'neglect', 'omit']);

function insideQuote(ctx: ClaimContext, t: Token): boolean {
  return ctx.block.quotes.some((q) => q.parts.some((p) => p.start <= t.start && t.end <= p.end));
}

/** An explicit negation ("not", "never", "no") a few words before the token, in the same clause. */
function negatedAt(tokens: TokenSequence, k: number, from: number): boolean {
  for (let j = k - 1; j >= Math.max(from, k - NEGATION_LOOKBEHIND); j--) {
    const t = tokens.token(j);
    if (!t) return false;
    const w = t.text.toLowerCase();
    if (NEGATION_WORDS.has(w) || w === 'n\u2019t') return true;
    // "failed to agree", "refused to sign": a verb that negates the one it introduces.
    if (IMPLICIT_NEGATORS.has(t.lemma) && tokens.token(j + 1)?.text.toLowerCase() === 'to') return true;
    // A negation binds the nearest verb: in "not agree on raising", "raising" is not negated.
    if (t.pos === 'PUNCT' || t.pos === 'CCONJ' || t.pos === 'VERB') return false;
  }
  return false;
}

interface PolarWord {
  readonly token: Token;
  readonly stem: string;
  readonly lemma: string;
  readonly negated: boolean;
}

/**
 * True when token k is a word of a measure joined by hyphens to its number ("a 32-year-old", "a two-week-long
 * strike"): it says what the number counts, not which way a statement goes ("old" there is no opposite of "new").
 */
function inNumberCompound(tokens: TokenSequence, k: number, from: number): boolean {
  for (let j = k; j - 2 >= from; j -= 2) {
    const hyphen = tokens.token(j - 1);
    const before = tokens.token(j - 2);
    const word = tokens.token(j);
    if (!hyphen || !before || !word || hyphen.text !== '-' || hyphen.start !== before.end || word.start !== hyphen.end) return false;
    if (before.pos === 'NUM') return true;
  }
  return false;
}

function polarWords(tokens: TokenSequence, from: number, to: number, skip: (t: Token) => boolean): PolarWord[] {
  const words: PolarWord[] = [];
  for (let k = from; k < to; k++) {
    const t = tokens.token(k);
    if (!t || !POLAR_POS.has(t.pos) || skip(t) || inNumberCompound(tokens, k, from)) continue;
    words.push({ token: t, stem: stem(t.lemma), lemma: t.lemma, negated: negatedAt(tokens, k, from) });
  }
  return words;
}

/** British spellings WordNet lists in their American form ("criticise" -> "criticize"). */
function americanSpelling(lemma: string): string {
  return lemma.replace(/is(e|ed|ing|ation)$/, 'iz$1').replace(/our$/, 'or');
}

/** The opposites of a claim word: the general pairs of the polarity list and WordNet's antonyms for its part of speech. */
function oppositesOf(w: PolarWord): ReadonlySet<string> {
  const listed = OPPOSITE_LEMMAS.get(w.lemma);
  const wordnet = wordnetAntonyms(w.lemma, w.token.pos);
  const spelled = wordnet.size ? wordnet : wordnetAntonyms(americanSpelling(w.lemma), w.token.pos);
  if (!listed) return spelled;
  if (spelled.size === 0) return listed;
  return new Set([...listed, ...spelled]);
}

/** Prefixes that negate the word they join ("unconfirmed", "non-binding"); "in-" and "dis-" make too many other words ("inform", "discover"). */
const NEGATING_PREFIXES = ['un', 'non', 'non-'];
/** Shortest word such a prefix is read on: "unless" is not "less" negated. */
const PREFIXED_MIN_LENGTH = 5;

/** True when one word is the other with a negating prefix: "confirmed" / "unconfirmed", whatever WordNet lists. */
function negatedByPrefix(a: string, b: string): boolean {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return NEGATING_PREFIXES.some((p) => (y === p + x && x.length >= PREFIXED_MIN_LENGTH) || (x === p + y && y.length >= PREFIXED_MIN_LENGTH));
}

/** Negations read as inserted into, or dropped from, a statement otherwise the same. */
const GAP_NEGATIONS = new Set(['not', "n't", 'n\u2019t', 'never']);
/** How many words either side of a negation must stand side by side in the other sentence. */
const GAP_WORDS = 2;

interface GapWord {
  readonly lemma: string;
  readonly token: Token;
}

/** The words of tokens [from, to) as lemmas, punctuation left out; a negation as itself. */
function gapWords(tokens: TokenSequence, from: number, to: number): GapWord[] {
  const words: GapWord[] = [];
  for (let k = from; k < to; k++) {
    const t = tokens.token(k);
    if (!t || t.pos === 'PUNCT' || t.pos === 'SYM') continue;
    const text = t.text.toLowerCase();
    words.push({ lemma: GAP_NEGATIONS.has(text) ? 'not' : t.lemma.toLowerCase(), token: t });
  }
  return words;
}

/**
 * A negation in `negated` that `plain` does not have, all else around it the same: the words either side of it (the
 * "do" that carries it left out: "did not have" / "had") stand side by side in `plain`. Returns the negation and the
 * word after it, or undefined. At least one of those words must be more than a stop word.
 */
function negationGap(negated: readonly GapWord[], plain: readonly GapWord[]): { negation: GapWord; next: GapWord; plainNext: GapWord } | undefined {
  for (let i = 0; i < negated.length; i++) {
    if (negated[i].lemma !== 'not') continue;
    let leftEnd = i;
    if (leftEnd > 0 && negated[leftEnd - 1].lemma === 'do') leftEnd--;
    const left = negated.slice(Math.max(0, leftEnd - GAP_WORDS), leftEnd).map((w) => w.lemma);
    const rightWords = negated.slice(i + 1, i + 1 + GAP_WORDS);
    const right = rightWords.map((w) => w.lemma);
    if (left.length + right.length < GAP_WORDS + 1 || right.length === 0) continue;
    if (![...negated.slice(Math.max(0, leftEnd - GAP_WORDS), leftEnd), ...rightWords].some((w) => !w.token.stopWord)) continue;
    for (let j = left.length; j + right.length <= plain.length; j++) {
      const fits = left.every((l, x) => plain[j - left.length + x].lemma === l) && right.every((r, x) => plain[j + x].lemma === r);
      if (fits) return { negation: negated[i], next: rightWords[0], plainNext: plain[j] };
    }
  }
  return undefined;
}

/** conflict/polarity for a negation added to or dropped from the aligned sentence, the rest standing as it was. */
function checkNegationGap(ctx: ClaimContext, a: ClaimContext['alignments'][number]): BlockFinding | undefined {
  const s = a.sentence.fact.sentence;
  const claim = gapWords(sequenceOf(ctx.block.tokens), ctx.claim.firstToken, ctx.claim.endToken).filter((w) => !insideQuote(ctx, w.token));
  const source = gapWords(a.sentence.extraction.source.tokens, s.firstToken, s.endToken);
  const added = negationGap(claim, source);
  if (added) {
    return {
      code: 'conflict/polarity',
      message: `Memo negates "${added.next.token.text}"; source says it is so (${cite(a.sentence)})`,
      span: { start: added.negation.token.start, end: added.negation.token.end },
      evidence: evidenceOf(a.sentence),
    };
  }
  const dropped = negationGap(source, claim);
  if (!dropped) return undefined;
  return {
    code: 'conflict/polarity',
    message: `Memo says "${dropped.plainNext.token.text}"; source says not ${dropped.next.token.text} (${cite(a.sentence)})`,
    span: { start: dropped.plainNext.token.start, end: dropped.plainNext.token.end },
    evidence: evidenceOf(a.sentence),
  };
}

/** How many of the best-aligned sentences are read for an opposite in the claim word's slot. */
const SLOT_ALIGNMENTS = 1;

/** The two words on one side of both words are the same, one of them more than a stop word ("sells one billion" / "buys one billion"). */
function oneSideSame(claim: Slot, source: Slot): boolean {
  return [[claim.before, source.before], [claim.after, source.after]].some(([x, y]) =>
    x.length === y.length && x.every((w, i) => w === y[i] && w !== SENTENCE_EDGE) && x.some((w) => claim.content.has(w)));
}

/** A source sentence's polar words and their lemmas, read once per check of a claim. */
interface SourceWords {
  readonly words: readonly PolarWord[];
  readonly lemmas: ReadonlySet<string>;
}

/**
 * The source word opposite to claim word `w` ("sells" for "buys"), if any: not a word the claim has, negated as `w`
 * is, and `fits` where it stands. None when the source has `w` itself, or goes both ways: a word on `w`'s side that
 * the claim does not share ("rose 3.1 percent, down from 4.2" does not settle the direction; "won ... before their
 * cup failure" goes one way for "won ... before their cup success", the "won" being the claim's own).
 */
function oppositeOf(w: PolarWord, source: SourceWords, claimLemmas: ReadonlySet<string>, fits: (v: PolarWord) => boolean = () => true): PolarWord | undefined {
  if (source.lemmas.has(w.lemma)) return undefined;
  if (source.words.some((v) => DIRECTION_POS.has(v.token.pos) && SAME_SIDE.get(w.lemma)?.has(v.lemma) && !claimLemmas.has(v.lemma))) return undefined;
  const opposites = oppositesOf(w);
  return source.words.find((v) => (opposites.has(v.lemma) || negatedByPrefix(w.token.text, v.token.text)) && !claimLemmas.has(v.lemma) && v.negated === w.negated && fits(v));
}

function oppositeFinding(w: PolarWord, other: PolarWord, sentence: IndexedSentence): BlockFinding {
  return {
    code: 'conflict/polarity',
    message: `Memo says "${w.token.text}"; source says "${other.token.text}" (${cite(sentence)})`,
    span: { start: w.token.start, end: w.token.end },
    evidence: evidenceOf(sentence),
  };
}

/**
 * A predicate swapped for its opposite in a statement that otherwise reads the same around it: the source's
 * "the company sells one billion of its meatballs" for "the firm buys one billion meatballs". Summaries and memos
 * compress, so the sentence as a whole may align weakly; the words beside the two predicates say it is one statement.
 */
function oppositeInSlot(ctx: ClaimContext, claimWords: readonly PolarWord[], sourceWordsOf: (a: Alignment) => SourceWords): BlockFinding | undefined {
  const claimTokens = sequenceOf(ctx.block.tokens);
  const claimLemmas = new Set(claimWords.map((w) => w.lemma));
  for (const a of ctx.alignments.slice(0, SLOT_ALIGNMENTS)) {
    if (a.score < POLARITY_SLOT_MIN_ALIGNMENT) break;
    const s = a.sentence.fact.sentence;
    const sourceTokens = a.sentence.extraction.source.tokens;
    for (const w of claimWords) {
      if (w.token.pos !== 'VERB' && w.token.pos !== 'ADJ') continue;
      const around = slotWords(claimTokens, w.token.start, w.token.end, ctx.claim.firstToken, ctx.claim.endToken);
      const other = oppositeOf(w, sourceWordsOf(a), claimLemmas, (v) => oneSideSame(around, slotWords(sourceTokens, v.token.start, v.token.end, s.firstToken, s.endToken)));
      if (other) return oppositeFinding(w, other, a.sentence);
    }
  }
  return undefined;
}

export function checkPolarity(ctx: ClaimContext): BlockFinding[] {
  const claimWords = polarWords(sequenceOf(ctx.block.tokens), ctx.claim.firstToken, ctx.claim.endToken, (t) => insideQuote(ctx, t));
  if (claimWords.length === 0) return [];
  // Both readings ask for the best-aligned sentence's words: read once.
  const read = new Map<Alignment, SourceWords>();
  const sourceWordsOf = (a: Alignment): SourceWords => {
    let known = read.get(a);
    if (!known) {
      const s = a.sentence.fact.sentence;
      const words = polarWords(a.sentence.extraction.source.tokens, s.firstToken, s.endToken, () => false);
      read.set(a, (known = { words, lemmas: new Set(words.map((w) => w.lemma)) }));
    }
    return known;
  };
  const found = checkBestAligned(ctx, claimWords, sourceWordsOf);
  if (found.length > 0) return found;
  const slotted = oppositeInSlot(ctx, claimWords, sourceWordsOf);
  return slotted ? [slotted] : [];
}

/** conflict/polarity against the best-aligned sentence: an opposite word, a negated predicate, a negation added or dropped. */
function checkBestAligned(ctx: ClaimContext, claimWords: readonly PolarWord[], sourceWordsOf: (a: Alignment) => SourceWords): BlockFinding[] {
  const claimLemmas = new Set(claimWords.map((w) => w.lemma));
  for (const a of ctx.alignments) {
    if (a.score < POLARITY_MIN_ALIGNMENT) break;
    const sourceWords = sourceWordsOf(a).words;
    // An opposite word: the claim's word is absent from the source and the source's opposite absent from the claim.
    for (const w of claimWords) {
      const other = oppositeOf(w, sourceWordsOf(a), claimLemmas);
      if (other) return [oppositeFinding(w, other, a.sentence)];
    }
    // The same predicate, negated on one side only.
    if (a.score >= NEGATION_MIN_ALIGNMENT) {
      for (const w of claimWords) {
        if (w.token.pos !== 'VERB' && w.token.pos !== 'ADJ') continue;
        const same = sourceWords.filter((v) => v.stem === w.stem && (v.token.pos === 'VERB' || v.token.pos === 'ADJ'));
        if (same.length === 0 || same.some((v) => v.negated === w.negated)) continue;
        return [{
          code: 'conflict/polarity',
          message: w.negated
            ? `Memo negates "${w.token.text}"; source says it is so (${cite(a.sentence)})`
            : `Memo says "${w.token.text}"; source says not ${same[0].token.text} (${cite(a.sentence)})`,
          span: { start: w.token.start, end: w.token.end },
          evidence: evidenceOf(a.sentence),
        }];
      }
      const gap = checkNegationGap(ctx, a);
      if (gap) return [gap];
    }
    // Only the best-aligned sentence speaks to the claim's polarity.
    break;
  }
  return [];
}
