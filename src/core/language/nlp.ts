/**
 * The one place that talks to wink-nlp. The model is loaded on first use, not at
 * import, so that activating the extension stays fast.
 */
import { CURRENCY_CODES, CURRENCY_LETTER_SYMBOLS } from './words/currencies.generated';
import { withoutNoProse } from './guard';
import { isSpace } from '../text/markup';
import type { Span } from '../text/offsets';

export interface Token extends Span {
  readonly text: string;
  /** Universal POS tag (NOUN, PROPN, NUM, VERB, …). */
  readonly pos: string;
  readonly lemma: string;
  /** wink's token type: word, number, punctuation, … */
  readonly type: string;
  /** True when wink puts the token inside the scope of a negation. */
  readonly negated: boolean;
  readonly stopWord: boolean;
}

export interface SentenceSpan extends Span {
  /** Index of the first token and one past the last token of the sentence. */
  readonly firstToken: number;
  readonly endToken: number;
}

export interface Analysis {
  readonly tokens: readonly Token[];
  readonly sentences: readonly SentenceSpan[];
}

/* eslint-disable @typescript-eslint/no-explicit-any -- wink-nlp ships loose typings */
let nlpInstance: any;
let its: any;

function nlp(): any {
  if (!nlpInstance) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const winkNLP = require('wink-nlp');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const model = require('wink-eng-lite-web-model');
    // Sentences, negation and parts of speech; not wink's NER (dates come from chrono-node, names from our own rules).
    nlpInstance = winkNLP(model, ['sbd', 'negation', 'pos']);
    its = nlpInstance.its;
  }
  return nlpInstance;
}

/**
 * One copy of each distinct word: a long source repeats a small vocabulary, and a
 * token per word is most of a source's memory. Bounded so a stream of unique strings
 * (random data) cannot grow it without end.
 */
const internTable = new Map<string, string>();
const INTERN_LIMIT = 500_000;

export function intern(word: string): string {
  const known = internTable.get(word);
  if (known !== undefined) return known;
  if (internTable.size < INTERN_LIMIT) internTable.set(word, word);
  return word;
}

/** How far ahead (past spaces) a token's text is looked for when wink normalised the text before it. */
const TOKEN_SEARCH_WINDOW = 64;

/** A paragraph of at least this many lines, each shorter than this and starting with a capital or a digit, is one item a line. */
const LINE_LIST_MIN_LINES = 3;
const LINE_LIST_MAX_CHARS = 40;
/** An item is a name, a title, an address: at most one lower-case word ("Members present:"), where a wrapped sentence's lines have several. */
const LINE_LIST_MAX_LOWER_WORDS = 1;

/**
 * The text with tabs and hard wraps read as spaces (same length). wink makes each line break a token of its own,
 * which split a hard-wrapped "Harbour\nBoard" into two names and a number from its unit. The breaks of a paragraph
 * that is one item a line (a list of members, an address, a sign-off: short lines, each starting with a capital or a
 * digit, with hardly a lower-case word) are kept: joining its lines ran the names together ("Hon. Ngozi Eze Hon. Ibrahim Danjuma").
 */
export function unwrapLines(input: string): string {
  const text = input.replace(/\t/g, ' ');
  if (!/[\r\n]/.test(text)) return text;
  return text.replace(/[^\r\n](?:[^\r\n]|(?:\r\n?|\n)(?![ \t]*(?:[\r\n]|$)))*/g, (paragraph) => {
    const lines = paragraph.split(/\r\n?|\n/);
    const oneItemALine = lines.length >= LINE_LIST_MIN_LINES && lines.every((l) => l.trim().length < LINE_LIST_MAX_CHARS && /^\s*[\p{Lu}\p{N}]/u.test(l) && (l.match(/(?:^|\s)\p{Ll}/gu)?.length ?? 0) <= LINE_LIST_MAX_LOWER_WORDS);
    return oneItemALine ? paragraph : paragraph.replace(/[\r\n]/g, ' ');
  });
}

/** A letter or combining mark beyond Latin-1: wink's tokenizer cuts a word at each one ("Gda", "ń", "sk"). */
const BEYOND_LATIN1 = /(?![\u0000-\u00ff])[\p{L}\p{M}]/gu;

/**
 * The text with every letter and mark beyond Latin-1 replaced by a Latin-1 letter of its case (its base letter where
 * Unicode decomposes it: "ń" -> "n"; "ł" has none, so "x"), one for each UTF-16 unit, so offsets stay the same;
 * undefined when there is none. wink then reads "Gdańsk", "Małgorzata Zielińska-Ward" or "Klaipėda" as the words
 * they are instead of cutting them into fragments that became names of their own.
 */
export function latin1StandIn(text: string): string | undefined {
  let changed = false;
  const out = text.replace(BEYOND_LATIN1, (ch) => {
    changed = true;
    const base = ch.normalize('NFD')[0];
    const letter = base && base.charCodeAt(0) <= 0xff && /\p{L}/u.test(base) ? base : ch !== ch.toLowerCase() ? 'X' : 'x';
    return letter + 'x'.repeat(ch.length - 1);
  });
  return changed ? out : undefined;
}

/**
 * Tokenises, splits sentences, tags POS and negation, with offsets into `text`. Hard wraps are read as spaces (see
 * {@link unwrapLines}), and runs without a space that are no prose (guard.ts) too: the tokenizer's time grows with
 * the square of a run's length.
 */
/** A figure with a magnitude right after a currency symbol or code: "4.6bn", "30m", "2.4 billion". */
const MAGNITUDE_FIGURE = String.raw`\d[\d,]*(?:\.\d+)?(?:(?:bn|mn|m|k|tn|b)(?![\p{L}\p{N}])|\s+(?:thousand|million|billion|trillion)\b)`;

let currencyPrefix: RegExp | undefined;
/** A currency symbol in letters or an ISO code glued to a figure with a magnitude: "R4.6bn", "KSh4.2bn", "USD3bn". */
function currencyPrefixPattern(): RegExp {
  const prefixes = [...Object.keys(CURRENCY_LETTER_SYMBOLS), ...Object.keys(CURRENCY_CODES)].sort((a, b) => b.length - a.length);
  const escaped = prefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return (currencyPrefix ??= new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?=${MAGNITUDE_FIGURE})`, 'gu'));
}

/**
 * `text` (or its Latin-1 stand-in, `standIn`) with each currency symbol or code glued to a figure read as a sign:
 * its last letter becomes "$" and the others spaces, so offsets stay the same. wink cut "R4.6bn" at its point into
 * "R4" and "6bn", a sentence end and a name; it reads "$4.6bn" as an amount, and values.ts names the currency from
 * the source's letters. Undefined when there is none.
 */
export function currencyStandIn(text: string, standIn?: string): string | undefined {
  const base = standIn ?? text;
  // In pieces, once: a text with many amounts would otherwise be copied whole for each of them.
  const pieces: string[] = [];
  let at = 0;
  for (const m of text.matchAll(currencyPrefixPattern())) {
    pieces.push(base.slice(at, m.index), ' '.repeat(m[0].length - 1), '$');
    at = m.index + m[0].length;
  }
  if (pieces.length === 0) return standIn;
  pieces.push(base.slice(at));
  return pieces.join('');
}

export function analyse(input: string): Analysis {
  const original = unwrapLines(withoutNoProse(input));
  const standIn = currencyStandIn(original, latin1StandIn(original));
  const text = standIn ?? original;
  const doc = nlp().readDoc(text);
  const values: string[] = doc.tokens().out(its.value);
  const pos: string[] = doc.tokens().out(its.pos);
  const lemmas: string[] = doc.tokens().out(its.lemma);
  const types: string[] = doc.tokens().out(its.type);
  const negations: boolean[] = doc.tokens().out(its.negationFlag);
  const stops: boolean[] = doc.tokens().out(its.stopWordFlag);
  const tokens: Token[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    // Looked for after the spaces that follow the last token (a blanked run is thousands of them), and only within
    // the window: searching the rest of a long text for every token that wink normalised made it quadratic.
    let from = cursor;
    // (wink keeps line breaks as tokens of their own: those are looked for where they are.)
    if (!isSpace(value.charCodeAt(0))) while (from < text.length && isSpace(text.charCodeAt(from))) from++;
    const at = text.slice(from, from + TOKEN_SEARCH_WINDOW + value.length).indexOf(value);
    const start = at < 0 ? Math.min(cursor, text.length) : from + at;
    const end = Math.min(start + value.length, text.length);
    // A word read through stand-in letters is given back as the source spells it, and is its own lemma.
    const word = standIn !== undefined && at >= 0 ? original.slice(start, end) : value;
    const lemma = word === value ? String(lemmas[i] ?? value) : word;
    tokens.push({
      text: intern(word), start, end, pos: intern(pos[i]), lemma: intern(lemma.toLowerCase()),
      type: intern(types[i]), negated: Boolean(negations[i]), stopWord: Boolean(stops[i]),
    });
    cursor = end;
  }
  const spanOf = (first: number, last: number): Span => ({
    start: tokens[first]?.start ?? 0,
    end: tokens[last]?.end ?? 0,
  });
  const sentences: SentenceSpan[] = [];
  doc.sentences().each((s: any) => {
    const [first, last] = s.out(its.span) as [number, number];
    if (last < first) return;
    sentences.push({ ...spanOf(first, last), firstToken: first, endToken: last + 1 });
  });
  return { tokens, sentences };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Most lower-case words whose lemma is kept: the lookups are of sentence openers, a small vocabulary per source. */
const WORD_LEMMA_CACHE_MAX = 5_000;
const wordLemmas = new Map<string, string>();

/**
 * The lemma the lexicon gives a lower-case word on its own ("officials" -> "official", "williams" -> "williams"):
 * a capitalised sentence opener whose lower-case form lemmatises to another word is an inflected common word.
 */
export function lemmaOfWord(word: string): string {
  const lower = word.toLowerCase();
  let lemma = wordLemmas.get(lower);
  if (lemma === undefined) {
    const doc = nlp().readDoc(lower);
    lemma = String(doc.tokens().out(its.lemma)[0] ?? lower).toLowerCase();
    if (wordLemmas.size >= WORD_LEMMA_CACHE_MAX) wordLemmas.clear();
    wordLemmas.set(lower, lemma);
  }
  return lemma;
}
