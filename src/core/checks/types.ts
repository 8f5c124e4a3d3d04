import { stemsAround, type AnalysedBlock, type Claim } from '../claims';
import type { Alignment, Corpus, IndexedSentence } from '../corpus';
import type { Extraction } from '../extract';
import type { Span } from '../text';
import { originalText, wordingAt } from '../source';

/** What a check sees: one claim, its block, and the source sentences ranked for it. */
export interface ClaimContext {
  readonly corpus: Corpus;
  readonly block: AnalysedBlock;
  readonly claim: Claim;
  readonly alignments: readonly Alignment[];
}

/** A finding with offsets relative to its block's prose (the checker rebases them onto the memo). */
export interface BlockFinding {
  readonly code: string;
  readonly message: string;
  readonly span: Span;
  readonly evidence?: { readonly extraction: Extraction; readonly span: Span; readonly text: string };
  readonly fix?: { readonly span: Span; readonly newText: string; readonly title: string };
}

/** Alignments of a clause's stems, per clause (several values of one clause ask for them) and corpus. */
const clauseAlignments = new WeakMap<ReadonlyMap<string, number>, { corpus: Corpus; alignments: readonly Alignment[] }>();

/**
 * The source sentences ranked for the clause a value lies in (see stemsAround): the claim's own ranking when the
 * clause says too little on its own, which is most values; else ranked once per clause.
 */
export function alignmentsAround(ctx: ClaimContext, span: Span): readonly Alignment[] {
  if (ctx.claim.clauses.length === 0) return ctx.alignments;
  const stems = stemsAround(ctx.claim, span);
  if (stems === ctx.claim.stems) return ctx.alignments;
  const cached = clauseAlignments.get(stems);
  if (cached?.corpus === ctx.corpus) return cached.alignments;
  const alignments = ctx.corpus.align(stems).slice(0, ctx.alignments.length);
  clauseAlignments.set(stems, { corpus: ctx.corpus, alignments });
  return alignments;
}

export function cite(sentence: IndexedSentence): string {
  return `${sentence.extraction.source.key} \u00b6${sentence.fact.sentence.paragraph}`;
}

export function evidenceOf(sentence: IndexedSentence): BlockFinding['evidence'] {
  const s = sentence.fact.sentence;
  return { extraction: sentence.extraction, span: { start: s.start, end: s.end }, text: originalText(sentence.extraction.source, s) };
}

/** True when the sentence (or the one before it) names a thing with one of these keys. */
export function mentionsAny(sentence: IndexedSentence, keys: readonly string[]): boolean {
  return keys.some((k) => sentence.has(k));
}

/**
 * True when any of the words appears capitalised in the sentence, whatever its part of speech ("Quds leader"
 * names Quds); a common word ("cities") does not name "Nature Cities".
 */
export function containsWord(sentence: IndexedSentence, words: readonly string[]): boolean {
  const { tokens } = sentence.extraction.source;
  const s = sentence.fact.sentence;
  const own = new Set<string>();
  for (let k = s.firstToken; k < s.endToken; k++) {
    const text = tokens.token(k)?.text;
    if (text && /^\p{Lu}/u.test(text)) own.add(text.toLowerCase());
  }
  return words.some((w) => own.has(w.toLowerCase()));
}

/**
 * A finding on a claim's word or name that the source gives otherwise, with the source's version as the fix: its
 * words at `at` as written, when the value is a span of the source's text, else `newText` (a name made whole).
 */
export function replacementFinding(code: string, span: Span, message: string, sentence: IndexedSentence, value: string, at?: Span): BlockFinding {
  const newText = at ? wordingAt(sentence.extraction.source, at) : value;
  return {
    code,
    message: `${message} (${cite(sentence)})`,
    span: { start: span.start, end: span.end },
    evidence: evidenceOf(sentence),
    fix: { span: { start: span.start, end: span.end }, newText, title: `Replace with ${newText} (source)` },
  };
}
