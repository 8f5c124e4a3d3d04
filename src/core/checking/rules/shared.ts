import { stemsAround, type AnalysedBlock, type Claim } from '../../memo/claims';
import type { Alignment, Corpus, IndexedSentence } from '../corpus';
import type { QuoteMatch } from '../quoteMatch';
import { ACRONYM_SKIPS, type Mention } from '../../language/entities';
import { mentionKeys, stem } from '../../language/stems';
import { ENTITY_SUPPORT_RATIO, FIX_RIVAL_RATIO } from '../thresholds';
import { factAt, type Extraction } from '../../sources/extract';
import type { Span } from '../../text/offsets';
import { originalText, pageAt, paragraphNumberAt, tableRowOf, wordingAt } from '../../sources/source';
import { sequenceOf, type TokenSequence } from '../../language/tokenTable';
import { HONORIFICS } from '../../language/words';

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
  const own = capitalisedWordsOf(sentence);
  return words.some((w) => own.has(w.toLowerCase()));
}

/** The capitalised words of each source sentence read so far, lower-cased: every claim's names ask for them. */
const capitalisedWords = new WeakMap<Extraction, Map<number, ReadonlySet<string>>>();

function capitalisedWordsOf(sentence: IndexedSentence): ReadonlySet<string> {
  const s = sentence.fact.sentence;
  let bySentence = capitalisedWords.get(sentence.extraction);
  if (!bySentence) capitalisedWords.set(sentence.extraction, (bySentence = new Map()));
  const known = bySentence.get(s.index);
  if (known) return known;
  const { tokens } = sentence.extraction.source;
  const own = new Set<string>();
  for (let k = s.firstToken; k < s.endToken; k++) {
    const text = tokens.token(k)?.text;
    if (text && /^\p{Lu}/u.test(text)) own.add(text.toLowerCase());
  }
  bySentence.set(s.index, own);
  return own;
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

/**
 * True when a name in capitals spells a longer one from the starts of its words, in order, every word giving one
 * letter or more: "TEPCO" for "Tokyo Electric Power Company", "NATO" for "North Atlantic Treaty Organization".
 */
export function spellsOut(acronym: string, name: string): boolean {
  if (!/^[A-Z]{2,}$/.test(acronym)) return false;
  const words = name.split(/[\s-]+/).filter((w) => w && !ACRONYM_SKIPS.has(w.toLowerCase())).map((w) => w.toUpperCase());
  if (words.length < 2) return false;
  const spell = (at: number, word: number): boolean => {
    if (word === words.length) return at === acronym.length;
    for (let take = 1; take <= words[word].length && at + take <= acronym.length; take++) {
      if (acronym[at + take - 1] !== words[word][take - 1]) break;
      if (spell(at + take, word + 1)) return true;
    }
    return false;
  };
  return spell(0, 0);
}

/**
 * True when a name as the memo writes it ("Feld", "Mr Manyang", "TEPCO") is a form of the source's name for the same
 * speaker: its name words are among the other's, or it spells the other out.
 */
export function nameFormOf(written: string, name: string): boolean {
  // "Mrs Manyang" is written of a Manyang: the honorific is no part of the name.
  const bare = written.split(/\s+/).filter((w) => !HONORIFICS.has(w.toLowerCase().replace(/\.$/, ''))).join(' ');
  return samePerson(bare, name) || spellsOut(bare, name) || spellsOut(name, bare);
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

/** Pronouns that open a sentence about the person the sentence before named. */
const PERSON_PRONOUNS = new Set(['he', 'she']);

/**
 * The people a sentence is about: those it names, or, when it names none and opens with "he" or "she", those of the
 * sentence before ("Jonas Petrell … said … He said he had worked there for more than 20 years").
 */
function peopleOf(sentence: IndexedSentence): readonly Mention[] {
  const people = (mentions: readonly Mention[]): Mention[] => mentions.filter((m) => m.type === 'person' && !m.dateline);
  const own = people(sentence.fact.mentions);
  const s = sentence.fact.sentence;
  const { source } = sentence.extraction;
  const first = source.tokens.token(s.firstToken)?.text.toLowerCase();
  if (own.length > 0 || s.index === 0 || !first || !PERSON_PRONOUNS.has(first)) return own;
  return people(factAt(sentence.extraction, s.index - 1).mentions);
}

/**
 * True when the claim is about a person the sentence does not name while the sentence names another: "Reinholt had
 * worked there for nine years" read against "Petrell, who has worked there for more than 20 years". A value there
 * is another person's, and a different one is no conflict (the claim is unverifiable from that sentence).
 */
export function aboutSomeoneElse(ctx: ClaimContext, sentence: IndexedSentence): boolean {
  const people = ctx.claim.mentions.filter((m) => m.type === 'person' && !m.guessed);
  if (people.length === 0) return false;
  const others = peopleOf(sentence);
  if (others.length === 0 || others.some((o) => people.some((p) => samePerson(o.canonical, p.canonical)))) return false;
  return people.every((p) => !mentionsAny(sentence, mentionKeys(p)) && !containsWord(sentence, mentionKeys(p)));
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

/** The first token of [from, to) that starts at or after `offset` (else `to`): a binary search, tokens being in order. */
export function tokenIndexAt(tokens: TokenSequence, offset: number, from: number, to: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((tokens.token(mid)?.start ?? offset) >= offset) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The words either side of a value, nearest first: what says which slot of a statement it fills. */
export interface Slot {
  readonly before: readonly string[];
  readonly after: readonly string[];
  /** Those of its words that are not stop words: what can tie a name to its slot ("tour in", not "in … and"). */
  readonly content: ReadonlySet<string>;
}

/** How many words either side of a value or name tell the slot it stands in. */
const SLOT_WORDS = 2;
/** Of the words either side of two values (the sentence's edges included), how many must be the same for them to fill one slot. */
const SLOT_MIN_SAME = 3;
/** What slotWords puts for a word where the sentence's edge comes first. */
export const SENTENCE_EDGE = '\u0000';
const ARTICLES = new Set(['the', 'a', 'an']);

/**
 * The lemmas of the words either side of the value at [start, end) of tokens [from, to), nearest first, punctuation
 * and articles left out; the sentence's edge stands for a word where it comes first.
 */
export function slotWords(tokens: TokenSequence, start: number, end: number, from: number, to: number): Slot {
  const content = new Set<string>();
  const words = (k: number, step: number, stop: number): string[] => {
    const out: string[] = [];
    for (; out.length < SLOT_WORDS && k !== stop; k += step) {
      const t = tokens.token(k);
      // An article says nothing of the slot: "arrived in the U.S." stands where "arrived in Russia" does.
      if (!t || t.pos === 'PUNCT' || t.pos === 'SYM' || ARTICLES.has(t.text.toLowerCase())) continue;
      const word = t.lemma.toLowerCase();
      out.push(word);
      if (!t.stopWord) content.add(word);
    }
    if (out.length < SLOT_WORDS) out.push(SENTENCE_EDGE);
    return out;
  };
  const first = tokenIndexAt(tokens, start, from, to);
  const next = tokenIndexAt(tokens, end, first, to);
  return { before: words(first - 1, -1, from - 1), after: words(next, 1, to), content };
}

/**
 * True when two values fill one slot of aligned statements: the words around them are the same ("Munden, 54,
 * described as" / "Munden, 27, described as"; "killed and 18 injured"; "a sixth tour in Iraq, and" / "in Syria, and"),
 * both nearest ones or three of the four. With `content`, one of the words in common must be more than a stop word: a
 * name "from" one place "and" … is in no slot of its own ("X reported from Nairobi, and Y wrote from Atlanta").
 */
export function sameSlot(claim: Slot, source: Slot, content = false): boolean {
  const nearest = claim.before[0] === source.before[0] && claim.after[0] === source.after[0];
  let same = 0;
  let tied = !content;
  for (let i = 0; i < SLOT_WORDS; i++) {
    for (const [a, b] of [[claim.before[i], source.before[i]], [claim.after[i], source.after[i]]]) {
      if (a === undefined || a !== b) continue;
      same++;
      if (claim.content.has(a)) tied = true;
    }
  }
  return tied && (nearest || same >= SLOT_MIN_SAME);
}


/**
 * How many of the words either side of two values are the same, position by position, leaving out the unit (every
 * value of one measure has it beside it, so it tells no slot apart) and the sentence's edge.
 */
export function slotOverlap(a: Slot, b: Slot, unit: string): number {
  let same = 0;
  for (const [x, y] of [[a.before, b.before], [a.after, b.after]]) {
    for (let i = 0; i < x.length; i++) if (x[i] === y[i] && x[i] !== SENTENCE_EDGE && stem(x[i]) !== unit) same++;
  }
  return same;
}

/** Words that join names into a list: a name beside one of them may be the list's other name, reordered. */
const COORDINATORS = new Set(['and', 'or', 'nor', '&']);

/** One thing named twice: a key in common (a country and its short form), one name inside the other, or one person. */
function sameNamed(a: Mention, b: Mention): boolean {
  const ka = mentionKeys(a);
  if (mentionKeys(b).some((k) => ka.includes(k))) return true;
  const names = (m: Mention): string[] => [m.canonical.toLowerCase(), m.text.toLowerCase()];
  return names(a).some((x) => names(b).some((y) => x.includes(y) || y.includes(x))) || samePerson(a.canonical, b.canonical);
}

/** The words that tell a name apart, as written and as resolved ("Bravo", "Darren Bravo"), for {@link containsWord}. */
function nameWords(m: Mention): string[] {
  return [...new Set(`${m.text} ${m.canonical}`.split(/[\s-]+/).filter((w) => (w.length > 2 || /^\p{Lu}+$/u.test(w)) && /^\p{Lu}/u.test(w)))];
}

/**
 * A name substituted in an aligned statement: the name an aligned source sentence has in the slot of the claim's
 * `mention` (see {@link sameSlot}), when no sentence aligned at `minAlignment` or better has the claim's own name there.
 * `fits` says which of the source's names may stand in the mention's place. A name beside "and" that the claim also
 * names elsewhere is a list reordered ("Iraq and Syria"), not a substitution; tables are read by their headers. The
 * best-aligned sentence that either names the claim's thing (anywhere in it: in another slot, as a demonym, or as a
 * word the source does not list as a name) or has another name in the slot decides.
 */
export function slotReplacement(ctx: ClaimContext, mention: Mention, minAlignment: number, fits: (m: Mention, a: Alignment) => boolean): { readonly top: Alignment; readonly other: Mention } | undefined {
  const claimTokens = sequenceOf(ctx.block.tokens);
  const around = slotWords(claimTokens, mention.start, mention.end, ctx.claim.firstToken, ctx.claim.endToken);
  const listed = COORDINATORS.has(around.before[0]) || COORDINATORS.has(around.after[0]);
  const inClaim = new Set(ctx.claim.mentions.filter((m) => m !== mention).flatMap(mentionKeys));
  const words = nameWords(mention);
  const keys = mentionKeys(mention);
  // Named as often as the claim names it ("Iranian fans" in both, "in Iran" in the claim alone: not named).
  const naming = (m: Mention): boolean => mentionKeys(m).some((k) => keys.includes(k));
  const timesInClaim = ctx.claim.mentions.filter(naming).length;
  const names = (a: Alignment): boolean => containsWord(a.sentence, words) || (timesInClaim > 0 && a.sentence.fact.mentions.filter(naming).length >= timesInClaim);
  const { alignments } = ctx;
  for (let i = 0; i < alignments.length; i++) {
    const a = alignments[i];
    if (a.score < minAlignment) break;
    const s = a.sentence.fact.sentence;
    const { source } = a.sentence.extraction;
    if (tableRowOf(source, s.index)) continue;
    if (names(a)) return undefined;
    const inSlot = a.sentence.fact.mentions.filter((m) => !m.dateline && !m.label && sameSlot(around, slotWords(source.tokens, m.start, m.end, s.firstToken, s.endToken), true));
    if (inSlot.some((m) => sameNamed(m, mention))) return undefined;
    const other = inSlot.find((m) => fits(m, a) && !(listed && mentionKeys(m).some((k) => inClaim.has(k))));
    if (!other) continue;
    // Parallel statements ("prices in Iraq rose …", "prices in Norway rose …"): one naming the claim's thing that aligns
    // nearly as well leaves it open which the claim is about.
    const rival = alignments.slice(i + 1).some((b) => b.score >= a.score * ENTITY_SUPPORT_RATIO && names(b));
    return rival ? undefined : { top: a, other };
  }
  return undefined;
}
