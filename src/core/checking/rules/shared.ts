import { stemsAround, type AnalysedBlock, type Claim } from '../../memo/claims';
import type { Alignment, Corpus, IndexedSentence } from '../corpus';
import type { QuoteMatch } from '../quoteMatch';
import type { Mention } from '../../language/entities';
import { mentionKeys } from '../../language/stems';
import { ENTITY_SUPPORT_RATIO, FIX_RIVAL_RATIO } from '../thresholds';
import type { Extraction } from '../../sources/extract';
import type { Span } from '../../text/offsets';
import { originalText, pageAt, paragraphNumberAt, wordingAt } from '../../sources/source';
import type { TokenSequence } from '../../language/tokenTable';

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

/** Where a source sentence is, in a finding's message: "key ¶7", with its page for a PDF ("key p. 3, ¶7"). */
export function cite(sentence: IndexedSentence): string {
  const { source } = sentence.extraction;
  const page = pageAt(source, sentence.fact.sentence.start);
  return `${source.key} ${page === undefined ? '' : `p. ${page}, `}\u00b6${sentence.fact.sentence.paragraph}`;
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

/**
 * The best-aligned sentence once the claim's mention is left out, when it does
 * not name that mention and no sentence naming it aligns nearly as well.
 */
export function swapCandidate(ctx: ClaimContext, mention: Mention, minAlignment: number): Alignment | undefined {
  const keys = mentionKeys(mention);
  if (keys.length === 0) return undefined;
  // The claim's best match names this entity: nothing was swapped (and no second ranking is needed).
  const best = ctx.alignments[0];
  if (best && mentionsAny(best.sentence, keys)) return undefined;
  const ranked = ctx.corpus.align(ctx.claim.stems, new Set(keys));
  const top = ranked[0];
  if (!top || top.score < minAlignment) return undefined;
  // The words that tell this thing apart ("Aarhus", not "University"), looked for in any part of speech.
  const words = keys.map((k) => k.replace(/^place:/, '')).filter((w) => !/\s/.test(w));
  if (mentionsAny(top.sentence, keys) || containsWord(top.sentence, words)) return undefined;
  const naming = ranked.find((a) => mentionsAny(a.sentence, keys) || containsWord(a.sentence, words));
  if (naming && naming.score >= top.score * ENTITY_SUPPORT_RATIO) return undefined;
  return top;
}

function nameParts(name: string): string[] {
  return name.toLowerCase().split(/[\s-]+/).filter((w) => w.length > 2);
}

/** "Hussein" and "Fuad Hussein" are one person; "Fuad Hussein" and "Saddam Hussein" are not. */
export function samePerson(a: string, b: string): boolean {
  const pa = nameParts(a);
  const pb = nameParts(b);
  if (pa.length === 0 || pb.length === 0) return a.toLowerCase() === b.toLowerCase();
  const [shorter, longer] = pa.length <= pb.length ? [pa, pb] : [pb, pa];
  return shorter.every((w) => longer.includes(w));
}

/** A paragraph citation for an offset of a source: "key ¶n". */
export function citeOffset(x: Extraction, offset: number): string {
  return `${x.source.key} \u00b6${paragraphNumberAt(x.source, offset)}`;
}

/** The source sentences a quote match lies in, as evidence. */
export function quoteEvidence(match: QuoteMatch): BlockFinding['evidence'] {
  const sentence = match.extraction.source.sentences.find((s) => s.start <= match.start && match.start < s.end);
  const start = Math.min(sentence?.start ?? match.start, match.start);
  const end = Math.max(match.end, [...match.extraction.source.sentences].reverse().find((s) => s.start < match.end)?.end ?? match.end);
  return { extraction: match.extraction, span: { start, end }, text: originalText(match.extraction.source, { start, end }) };
}

/**
 * True when the name a fix would put in is the one the sources give: every other sentence aligned nearly as well as
 * `top` (and not naming the mention) that has names for the slot has this one among them. Two statements alike but
 * for their names ("Berg said 2,500 ships…", "Vos said twelve ships…") leave it open which the memo meant.
 */
export function replacementAgreed(ctx: ClaimContext, mention: Mention, top: Alignment, chosen: Mention, candidatesIn: (a: Alignment) => readonly Mention[]): boolean {
  const keys = mentionKeys(mention);
  return ctx.corpus.align(ctx.claim.stems, new Set(keys)).every((a) => {
    if (a.sentence.id === top.sentence.id || a.score < top.score * FIX_RIVAL_RATIO || mentionsAny(a.sentence, keys)) return true;
    const names = candidatesIn(a);
    return names.length === 0 || names.some((m) => m.canonical === chosen.canonical);
  });
}

/** Prepositions of location and of direction: "in Babylon", "to The Hague". "From" is origin and compared only with itself. */
const LOCATIVE = new Set(['in', 'at', 'to', 'into', 'inside', 'near', 'outside', 'across', 'throughout', 'on']);
const ORIGIN = new Set(['from']);

/**
 * Where a place name stands: after a preposition of location ("in Lagos"), after "from", or as an actor or a
 * modifier ("Liverpool beat Arsenal", "Moscow denied", "Utrecht's garage"): there a place name stands for a team,
 * a government or a city's institutions, and is compared as a name (conflict/entity), not as a location.
 */
export function placeRole(tokens: TokenSequence, mention: Mention): 'locative' | 'origin' | 'actor' {
  let k = mention.firstToken - 1;
  if (tokens.token(k)?.text.toLowerCase() === 'the') k--;
  const word = tokens.token(k)?.text.toLowerCase();
  if (word && LOCATIVE.has(word)) return 'locative';
  if (word && ORIGIN.has(word)) return 'origin';
  return 'actor';
}
