/**
 * The perturbation harness's generators (issue 12): from one fact sentence of a source article, a claim that
 * conflicts with it (a number, a written-out number, a date, a name, a place changed; a negation added or dropped;
 * an antonym; a word inside a quote changed; a quote given to another speaker; a comparison reversed) or one that
 * says the same (another number or date format, the surname alone, a clause dropped, coordinated clauses reordered,
 * a synonym, "according to X").
 *
 * Honesty rules, which every generator keeps:
 * - The engine's extraction is used only to FIND slots (numbers, dates, names, quotes and their speakers, tokens
 *   with their parts of speech). What the claim says and its label never depend on what the checker says.
 * - A conflict really conflicts with its sentence: a value changed by a clear margin (not rounding, not a bound),
 *   a name replaced by another of the same kind from the same article that shares no word with it, a negation on
 *   an asserted clause whose subject has no quantifier. A rewrite really says the same or less.
 * - When a change cannot be made cleanly, the generator returns undefined and the sentence is skipped for that kind.
 *
 * Generators are pure functions of the sentence (with its article) and a seeded random source.
 */
import { seededRandom } from '../bench/generate';
import { factAt, type Extraction } from '../../src/core/sources/extract';
import type { Mention } from '../../src/core/language/entities';
import type { Token } from '../../src/core/language/nlp';
import { findQuotedParts, type Quote } from '../../src/core/language/quotes';
import type { DateValue, NumberValue } from '../../src/core/language/values';
import { countryOf, NEGATION_WORDS, ORGANIZATION_WORDS, PLACE_WORDS, SPEECH_VERBS } from '../../src/core/language/words';
import type { Span } from '../../src/core/text/offsets';
import {
  antonymOf, BOUNDS, COMPARATIVES, CONTINENTS, FIXED_AFTER, FIXED_BEFORE, MONTH_ABBREVIATIONS, MONTH_NAMES, NOT_PERSON_WORDS, NUMBER_WORDS,
  ORGANIZATION_CUES, PLACE_CUES, QUANTIFIERS, SUBORDINATORS, synonymOf, UK_NATIONS, UNASSERTED, US_STATES, WEEKDAY_NAMES,
} from './words';

export const CONFLICT_KINDS = ['number', 'written-number', 'date', 'name', 'place', 'negation', 'antonym', 'quote-word', 'quote-speaker', 'comparison'] as const;
export const REWRITE_KINDS = ['number-format', 'date-format', 'surname', 'clause-drop', 'clause-reorder', 'synonym', 'according-to'] as const;
/**
 * Controls, not rewrites: the sentence itself (a false alarm on it says the sentence, not the rewrite, is the cause),
 * and the sentence checked against another article, the one of the corpus that names most of what its own names: a
 * claim the sources do not make, which is unverifiable and never a conflict (see run.ts).
 */
export const CONTROL_KINDS = ['verbatim', 'elsewhere'] as const;
export const KINDS = [...CONFLICT_KINDS, ...REWRITE_KINDS, ...CONTROL_KINDS] as const;

export type ConflictKind = (typeof CONFLICT_KINDS)[number];
export type RewriteKind = (typeof REWRITE_KINDS)[number];
export type Kind = (typeof KINDS)[number];
export type Expected = 'conflict' | 'consistent';

export function expectedOf(kind: Kind): Expected {
  return (CONFLICT_KINDS as readonly string[]).includes(kind) ? 'conflict' : 'consistent';
}

// ---------------------------------------------------------------------------------------------------------------
// Deterministic randomness

/** A random source in [0, 1). */
export type Rng = () => number;

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32, seeded from the parts given: the same parts give the same sequence, whatever else ran before. */
export function rngOf(...parts: readonly (string | number)[]): Rng {
  return seededRandom(hash(parts.join('\u0000')));
}

export function pick<T>(rng: Rng, items: readonly T[]): T | undefined {
  return items.length ? items[Math.floor(rng() * items.length)] : undefined;
}

/** A copy of `items` in an order given by `rng` (Fisher-Yates). */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

// ---------------------------------------------------------------------------------------------------------------
// The article and its sentences, as the generators see them

interface NameEntry {
  readonly type: Mention['type'];
  readonly canonical: string;
  /** How the article writes the name, most frequent first. */
  readonly texts: readonly string[];
  /** The article gives evidence of the kind beyond the extraction's guess (see {@link kindEvidence}): only such names are swapped. */
  readonly confident: boolean;
}

interface VocabularyWord {
  readonly word: string;
  readonly lemma: string;
}

export interface Article {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly names: ReadonlyMap<string, NameEntry>;
  readonly quotes: readonly Quote[];
  /** Quoted passages (without their marks): between quotation marks, and what the extraction takes as quoted (a transcript's lines). */
  readonly quoted: readonly Span[];
  /** Quoted passages between quotation marks only. */
  readonly marked: readonly Span[];
  /** Words the article writes in lower case: a one-word "name" among them is a common word ("Port"). */
  readonly lowerCaseWords: ReadonlySet<string>;
  /** Every quantity the article gives (a changed number is none of them). */
  readonly numberValues: ReadonlySet<number>;
  readonly years: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  /** Lower-case words outside quotes by part of speech and ending: what a misquote may put in. */
  readonly vocabulary: ReadonlyMap<string, readonly VocabularyWord[]>;
}

export interface SentenceSlots {
  readonly article: Article;
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly firstToken: number;
  readonly endToken: number;
  readonly numbers: readonly NumberValue[];
  readonly dates: readonly DateValue[];
  readonly mentions: readonly Mention[];
  /** Quotes that lie inside the sentence. */
  readonly quotes: readonly Quote[];
  /** Passages between quotation marks in the sentence, read on its own (a long article's marks may not pair up). */
  readonly quoted: readonly Span[];
}

const ending = (word: string): string => (/ing$/.test(word) ? 'ing' : /ed$/.test(word) ? 'ed' : /s$/.test(word) ? 's' : '');
const vocabularyKey = (pos: string, word: string): string => `${pos}|${ending(word)}`;

const SAYS = '(?:said|says|told|added|explained|insisted|argued|admitted|claimed|wrote|tweeted)';

/**
 * Whether the article shows a name is of the kind the extraction gave it, on more than the extraction's guess: a
 * person with a title, a surname used alone or a verb of saying; an organisation with an organisation word, as an
 * acronym or after "firm", "party"…; a place that is a country, a state or a continent, or that follows "in", "at",
 * "from", "the town of"… A swap between names of the same kind needs both names to be what they are said to be.
 */
export function kindEvidence(text: string, type: Mention['type'], canonical: string, texts: readonly string[], titled: boolean): boolean {
  const words = canonical.split(/\s+/);
  const lower = words.map((w) => w.toLowerCase());
  const name = escape(canonical);
  const listed = (set: ReadonlySet<string>): boolean => lower.some((w) => set.has(w));
  if (type === 'person') {
    if (words.length < 2 || words.length > 4 || /\d/.test(canonical) || listed(ORGANIZATION_WORDS) || listed(PLACE_WORDS) || listed(NOT_PERSON_WORDS)) return false;
    if (words.some((w) => countryOf(w)) || lower.includes('the')) return false;
    const surnameAlone = texts.some((t) => t === words[words.length - 1]);
    const speaks = new RegExp(`${name},?\\s+${SAYS}\\b|\\b${SAYS}\\s+${name}\\b`).test(text);
    return titled || surnameAlone || speaks;
  }
  if (countryOf(canonical)) return type === 'place';
  if (type === 'organization') {
    if (listed(ORGANIZATION_WORDS) || /^[A-Z]{2,6}$/.test(canonical)) return true;
    return new RegExp(`\\b(?:${ORGANIZATION_CUES.join('|')}),?\\s+(?:the\\s+)?${name}\\b`).test(text);
  }
  if (placeLevel(canonical) !== 'local') return true;
  if (listed(ORGANIZATION_WORDS) || titled) return false;
  return new RegExp(`\\b(?:in|at|from|to|near|into|across|outside|throughout|towards|via)\\s+(?:the\\s+)?${name}\\b|\\b(?:${PLACE_CUES.join('|')})\\s+of\\s+${name}\\b`).test(text);
}

/**
 * For each article, the other one that shares most of its names (people, organisations, places): what a claim of the
 * one is checked against in the "elsewhere" control, a source on a like subject that does not make the claim.
 * Undefined where no other article shares a name.
 */
export function alikeArticles(extractions: readonly Extraction[]): (number | undefined)[] {
  const namesOf = extractions.map((x) => new Set(x.mentions.filter((m) => !m.dateline).map((m) => m.canonical.toLowerCase())));
  const articlesNaming = new Map<string, number[]>();
  namesOf.forEach((names, a) => names.forEach((n) => articlesNaming.set(n, [...(articlesNaming.get(n) ?? []), a])));
  return namesOf.map((names, a) => {
    const shared = new Map<number, number>();
    for (const n of names) for (const b of articlesNaming.get(n)!) if (b !== a) shared.set(b, (shared.get(b) ?? 0) + 1);
    let best: number | undefined;
    for (const [b, count] of shared) if (best === undefined || count > shared.get(best)! || (count === shared.get(best)! && b < best)) best = b;
    return best;
  });
}

/** What the generators need of an extraction. */
export function articleOf(x: Extraction): Article {
  const text = x.source.text;
  const tokens = x.source.tokens.toArray();
  const marked: Span[] = [];
  for (const p of x.source.paragraphs) for (const part of findQuotedParts(text, p)) marked.push({ start: part.start, end: part.end });
  const quoted: Span[] = [...marked];
  for (const q of x.quotes) for (const part of q.parts) if (!quoted.some((s) => s.start === part.start)) quoted.push({ start: part.start, end: part.end });
  const counts = new Map<string, { type: Mention['type']; texts: Map<string, number>; titled: boolean }>();
  for (const m of x.mentions) {
    if (m.inferred || m.label || m.demonym) continue;
    const entry = counts.get(m.canonical) ?? { type: m.type, texts: new Map<string, number>(), titled: false };
    if (entry.type !== m.type) continue;
    const surface = m.text.replace(/^the\s+/i, '');
    entry.texts.set(surface, (entry.texts.get(surface) ?? 0) + 1);
    if (m.title) entry.titled = true;
    counts.set(m.canonical, entry);
  }
  const names = new Map<string, NameEntry>();
  for (const [canonical, e] of counts) {
    const texts = [...e.texts].sort((a, b) => b[1] - a[1]).map(([t]) => t);
    names.set(canonical, { type: e.type, canonical, texts, confident: kindEvidence(text, e.type, canonical, texts, e.titled) });
  }
  const numberValues = new Set<number>();
  const years = new Set<number>();
  const months = new Set<number>();
  x.source.sentences.forEach((_, i) => {
    const fact = factAt(x, i);
    for (const n of fact.numbers) numberValues.add(n.value);
    for (const d of fact.dates) {
      if (d.year !== undefined) years.add(d.year);
      if (d.month !== undefined) months.add(d.month);
    }
  });
  const inQuoted = (t: Token): boolean => quoted.some((q) => q.start <= t.start && t.end <= q.end);
  const vocabulary = new Map<string, VocabularyWord[]>();
  const seen = new Set<string>();
  for (const t of tokens) {
    if (!['NOUN', 'VERB', 'ADJ'].includes(t.pos) || t.stopWord || !/^[a-z]{4,}$/.test(t.text) || seen.has(`${t.pos}|${t.text}`) || inQuoted(t)) continue;
    seen.add(`${t.pos}|${t.text}`);
    const key = vocabularyKey(t.pos, t.text);
    vocabulary.set(key, [...(vocabulary.get(key) ?? []), { word: t.text, lemma: t.lemma }]);
  }
  const lowerCaseWords = new Set(tokens.filter((t) => /^[a-z]+$/.test(t.text)).map((t) => t.text));
  return { text, tokens, names, quotes: x.quotes, quoted, marked, lowerCaseWords, numberValues, years, months, vocabulary };
}

/** Whitespace as one space: a claim is one line of the memo. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const MIN_WORDS = 6;
const MAX_WORDS = 60;

const DOUBLE_MARKS = /["\u201c\u201d]/;
const SINGLE_MARKS = /['\u2018\u2019]/;

/**
 * Passages between quotation marks within one sentence: a mark after a space (or at the start) opens, a mark before
 * a space or punctuation (or at the end) closes, an apostrophe inside a word does neither; a quote still open at
 * the end of the sentence runs to its end.
 */
export function quotedInSentence(text: string, span: Span): Span[] {
  const spans: Span[] = [];
  const open: Partial<Record<'double' | 'single', number>> = {};
  for (let i = span.start; i < span.end; i++) {
    const ch = text[i];
    const family = DOUBLE_MARKS.test(ch) ? 'double' : SINGLE_MARKS.test(ch) ? 'single' : undefined;
    if (!family) continue;
    const before = i > span.start ? text[i - 1] : ' ';
    const after = i + 1 < span.end ? text[i + 1] : ' ';
    const opens = /[\s(\[\u2014-]/.test(before) && /\S/.test(after) && ch !== '\u201d';
    const closes = /\S/.test(before) && /[\s.,;:!?)\]\u2014-]/.test(after) && ch !== '\u201c' && ch !== '\u2018';
    if (open[family] !== undefined && closes) {
      spans.push({ start: open[family]! + 1, end: i });
      delete open[family];
    } else if (open[family] === undefined && opens) {
      open[family] = i;
    }
  }
  for (const at of Object.values(open)) if (at !== undefined) spans.push({ start: at + 1, end: span.end });
  return spans;
}

/** The fact sentences a claim can be made of: whole sentences of prose, with their quotes inside them, that a memo line can hold as written. */
export function claimableSentences(x: Extraction, article: Article = articleOf(x)): SentenceSlots[] {
  const out: SentenceSlots[] = [];
  for (const index of x.factTable.shown) {
    const sentence = x.source.sentences[index];
    const raw = article.text.slice(sentence.start, sentence.end);
    const text = normalise(raw);
    const words = text.split(' ').length;
    if (words < MIN_WORDS || words > MAX_WORDS) continue;
    if (!/^["\u201c\u2018']?[A-Z]/.test(text) || !/[.!]["\u201d\u2019')]*$/.test(text)) continue;
    // Markdown would read these as markup, and a claim is one paragraph of a memo.
    if (/[`*_<>[\]#|\\]/.test(text) || /^(?:\d+[.)]|[-+>])\s/.test(text)) continue;
    if (article.quoted.some((q) => q.start < sentence.end && sentence.start < q.end && (q.start < sentence.start || q.end > sentence.end))) continue;
    if ((text.match(/\u201c/g)?.length ?? 0) !== (text.match(/\u201d/g)?.length ?? 0) || (text.match(/"/g)?.length ?? 0) % 2 === 1) continue;
    const tokens = article.tokens.slice(sentence.firstToken, sentence.endToken);
    if (!tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) continue;
    const fact = factAt(x, index);
    out.push({
      article, index, start: sentence.start, end: sentence.end, firstToken: sentence.firstToken, endToken: sentence.endToken,
      numbers: fact.numbers, dates: fact.dates, mentions: fact.mentions,
      quotes: article.quotes.filter((q) => q.parts.length > 0 && q.parts.every((p) => p.start >= sentence.start && p.end <= sentence.end)),
      quoted: quotedInSentence(article.text, sentence),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Editing a sentence

export interface Perturbation {
  readonly claim: string;
  /** Which way the kind was made ("year", "drop", "trailing"…), for reading the rows. */
  readonly variant: string;
}

export type Generator = (s: SentenceSlots, rng: Rng) => Perturbation | undefined;

interface Edit {
  /** Offsets into the article's text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The sentence with the edits made, as one line; undefined when the edits overlap or change nothing. */
function edited(s: SentenceSlots, edits: readonly Edit[], variant: string): Perturbation | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = s.start;
  for (const e of sorted) {
    if (e.start < at || e.end > s.end) return undefined;
    out += s.article.text.slice(at, e.start) + e.text;
    at = e.end;
  }
  out += s.article.text.slice(at, s.end);
  const claim = normalise(out);
  return claim === sentenceText(s) ? undefined : { claim, variant };
}

/** The sentence as a claim, as written. */
export function sentenceText(s: SentenceSlots): string {
  return normalise(s.article.text.slice(s.start, s.end));
}

function tokensOf(s: SentenceSlots): Token[] {
  return s.article.tokens.slice(s.firstToken, s.endToken) as Token[];
}

function inQuote(s: SentenceSlots, span: Span): boolean {
  const overlaps = (q: Span): boolean => q.start < span.end && span.start < q.end;
  return s.quoted.some(overlaps) || s.article.quoted.some(overlaps);
}

/** The sentence has quotation marks (apostrophes inside words aside). */
function hasQuoteMarks(s: SentenceSlots): boolean {
  const withoutApostrophes = sentenceText(s).replace(/(?<=\p{L})['\u2019](?=\p{L})|(?<=s)['\u2019](?=\s)/gu, '');
  return /['"\u201c\u201d\u2018\u2019]/.test(withoutApostrophes);
}

/** `word` written with the capitals of `like`. */
export function matchCase(like: string, word: string): string {
  if (like.length > 1 && like === like.toUpperCase() && /[A-Z]/.test(like)) return word.toUpperCase();
  if (/^[A-Z]/.test(like)) return word[0].toUpperCase() + word.slice(1);
  return word;
}

const upperFirst = (text: string): string => text.replace(/^(["\u201c\u2018']?)(\p{Ll})/u, (_m, q: string, c: string) => q + c.toUpperCase());

/** "a increase" -> "an increase": the article before a replaced word, fixed. */
function articleEdit(tokens: readonly Token[], k: number, replacement: string): Edit[] {
  const before = tokens[k - 1];
  if (!before) return [];
  const lower = before.text.toLowerCase();
  // Digits are read as words: "an 8-year-old", "an 11", "a 100".
  const vowel = /^[aeiou]/i.test(replacement) || /^8|^1[18](?![\d.])|^1[18],\d{3}(?![\d,])/.test(replacement);
  if (lower === 'a' && vowel) return [{ start: before.start, end: before.end, text: matchCase(before.text, 'an') }];
  if (lower === 'an' && !vowel) return [{ start: before.start, end: before.end, text: matchCase(before.text, 'a') }];
  return [];
}

const isVerb = (t: Token | undefined): boolean => t !== undefined && (t.pos === 'VERB' || t.pos === 'AUX');
const isHyphen = (t: Token | undefined): boolean => t !== undefined && /^[-\u2010\u2011\u2013]$/.test(t.text);
const lowerOf = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '');

function isNegation(t: Token): boolean {
  const w = t.text.toLowerCase();
  return NEGATION_WORDS.has(w) || w === 'nowhere' || /n['\u2019]t$/.test(w);
}

/** Words that make a sentence's polarity unclear to flip: a question, a condition, a possibility. */
function polarityUnclear(tokens: readonly Token[]): boolean {
  return tokens.some((t) => UNASSERTED.has(t.text.toLowerCase()) || t.text === '?');
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers

const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;

function withCommas(digits: string): string {
  const [whole, fraction] = digits.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

export function formatNumber(value: number, decimals: number, commas: boolean): string {
  const digits = value.toFixed(decimals);
  return commas ? withCommas(digits) : digits;
}

/** Smallest relative change a changed number has: well beyond rounding and "about". */
const MIN_CHANGE = 0.3;

/** Another value clearly different from `value`: up or down by the random source, never one `taken`. */
export function changedNumber(value: number, decimals: number, rng: Rng, taken: (v: number) => boolean, percent = false): number | undefined {
  const up = rng() < 0.5;
  const small = decimals === 0 && value < 10;
  const ups = small ? [value + 3, value + 4, value + 5, value * 2] : [value * 2, value * 3, value * 1.5];
  const downs = small ? [value - 3, value - 4, Math.floor(value / 2)] : [value / 2, value / 3, value * 0.6];
  for (const raw of up ? [...ups, ...downs] : [...downs, ...ups]) {
    const v = Number(raw.toFixed(decimals));
    if (v <= 0 || (decimals === 0 && v < 2) || v === value) continue;
    if (Math.abs(v - value) / value < MIN_CHANGE || (percent && v > 100) || taken(v)) continue;
    return v;
  }
  return undefined;
}

/** The digits of a quantity written in digits, with where they are: "$1.5 million" -> "1.5". */
function numeralOf(s: SentenceSlots, n: NumberValue): { start: number; end: number; numeral: string } | undefined {
  const m = /\d[\d,]*(?:\.\d+)?/.exec(n.text);
  if (!m) return undefined;
  const numeral = m[0].replace(/[,.]$/, '');
  if (!THOUSANDS.test(numeral)) return undefined;
  const start = n.start + m.index;
  const end = start + numeral.length;
  const text = s.article.text;
  const before = text[start - 1] ?? ' ';
  const after = text.slice(end, end + 3);
  // Scores, ranges, times, fractions, ordinals, serial numbers: not a count to change by a factor.
  if (/[-\u2013/:.#\d]/.test(before) || /^(?:[\d/:]|[-\u2013]\d|[.,]\d|(?:st|nd|rd|th)\b)/i.test(after)) return undefined;
  if (/\b(?:no|nos|number|page|room|flight|route|article|section)\.?\s*$/i.test(text.slice(Math.max(0, start - 10), start))) return undefined;
  if (partOfName(s, n.start)) return undefined;
  return { start, end, numeral };
}

/** "Interstate 40", "Type 2", "Nine News": a number after a capitalised word (not the sentence's first) is part of a name, not a count. */
function partOfName(s: SentenceSlots, offset: number): boolean {
  let k = s.endToken - 1;
  while (k >= s.firstToken && s.article.tokens[k].end > offset) k--;
  const before = s.article.tokens[k];
  if (!before || k < s.firstToken || !/^[A-Z][\p{L}-]*$/u.test(before.text)) return false;
  return k > s.firstToken || before.pos === 'PROPN';
}

const isYearLike = (numeral: string): boolean => /^\d{4}$/.test(numeral) && Number(numeral) >= 1900 && Number(numeral) <= 2100;

/** A quantity in digits changed by a clear margin ("40 ships" -> "80 ships"); bounds ("more than 40") are left alone. */
export const numberChange: Generator = (s, rng) => {
  const options: Edit[] = [];
  for (const n of s.numbers) {
    if (n.qualifier === 'over' || n.qualifier === 'under' || inQuote(s, n)) continue;
    const at = numeralOf(s, n);
    if (!at || isYearLike(at.numeral)) continue;
    const value = Number(at.numeral.replace(/,/g, ''));
    const decimals = at.numeral.split('.')[1]?.length ?? 0;
    if (decimals === 0 && value < 2) continue;
    const scale = n.value / value;
    const changed = changedNumber(value, decimals, rng, (v) => s.article.numberValues.has(v * scale) || s.article.numberValues.has(v), n.unit === 'percent');
    if (changed === undefined) continue;
    options.push({ start: at.start, end: at.end, text: formatNumber(changed, decimals, at.numeral.includes(',')) });
  }
  const edit = pick(rng, options);
  if (!edit) return undefined;
  const variant = Number(edit.text.replace(/,/g, '')) > Number(s.article.text.slice(edit.start, edit.end).replace(/,/g, '')) ? 'up' : 'down';
  const tokens = tokensOf(s);
  const k = tokens.findIndex((t) => t.start === edit.start);
  return edited(s, [edit, ...(k > 0 ? articleEdit(tokens, k, edit.text) : [])], variant);
};

/** A number written out changed to another clearly different one ("three children" -> "five children"). */
export const writtenNumberChange: Generator = (s, rng) => {
  const options: Edit[] = [];
  for (const n of s.numbers) {
    const value = NUMBER_WORDS[n.text.toLowerCase()];
    if (value === undefined || n.qualifier === 'over' || n.qualifier === 'under' || inQuote(s, n)) continue;
    // "Nine News" (a name), "two-thirds" (a fraction).
    if ((/^[A-Z]/.test(n.text) && n.start !== s.start) || partOfName(s, n.start)) continue;
    if (/^[-\u2010\u2011]\s*(?:halves|half|thirds?|quarters?|\w+ths?)\b/i.test(s.article.text.slice(n.end, n.end + 12))) continue;
    const others = Object.entries(NUMBER_WORDS)
      .filter(([, v]) => Math.abs(v - value) >= 2 && Math.abs(v - value) / value >= MIN_CHANGE && !s.article.numberValues.has(v))
      .sort((a, b) => Math.abs(a[1] - value) - Math.abs(b[1] - value));
    const nearest = [others.find(([, v]) => v > value), others.find(([, v]) => v < value)].filter((o): o is [string, number] => o !== undefined);
    const chosen = pick(rng, nearest);
    if (chosen) options.push({ start: n.start, end: n.end, text: matchCase(n.text, chosen[0]) });
  }
  const edit = pick(rng, options);
  return edit && edited(s, [edit], 'word');
};

// ---------------------------------------------------------------------------------------------------------------
// Dates

const MONTH_PATTERN = /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b(\.?)/i;
const YEAR_PATTERN = /(?<![\d'\u2019])(1\d{3}|20\d{2}|21\d{2})(?![\d]|s\b|[-\u2013/]\d)/;
const DAY_PATTERN = /(?<![\d:.])\b([0-3]?\d)(st|nd|rd|th)?\b(?![\d:.])/;

/** Relations after which another date says less, not otherwise: "before 2020" does not contradict "before 2018". */
const BOUND_RELATIONS = new Set(['before', 'after', 'by', 'since', 'until', 'till']);

function ordinal(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][day % 10] ?? 'th';
}

function monthIndex(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, '');
  const full = MONTH_NAMES.findIndex((m) => m.toLowerCase() === lower);
  if (full >= 0) return full;
  return MONTH_NAMES.findIndex((m) => m.toLowerCase().startsWith(lower === 'sept' ? 'sep' : lower));
}

/** A date's year, month, day or weekday changed ("March 13" -> "March 19"); bounds ("before 2020") are left alone. */
export const dateChange: Generator = (s, rng) => {
  const options: { edit: Edit; variant: string }[] = [];
  const text = s.article.text;
  for (const d of s.dates) {
    if ((d.relation && BOUND_RELATIONS.has(d.relation)) || inQuote(s, d)) continue;
    if (/^\s*[-\u2013]\s*\d/.test(text.slice(d.end, d.end + 4))) continue;
    const written = text.slice(d.start, d.end);
    const year = YEAR_PATTERN.exec(written);
    if (year && d.year !== undefined) {
      const deltas = shuffled(rng, [-3, -2, -1, 1, 2, 3]);
      const changed = deltas.map((k) => d.year! + k).find((y) => !s.article.years.has(y) && y <= 2030);
      if (changed !== undefined) options.push({ edit: { start: d.start + year.index, end: d.start + year.index + 4, text: String(changed) }, variant: 'year' });
    }
    const month = MONTH_PATTERN.exec(written);
    if (month && d.month !== undefined) {
      const current = monthIndex(month[1]);
      const others = shuffled(rng, [...Array(12).keys()].filter((m) => m !== current));
      const changed = others.find((m) => !s.article.months.has(m + 1)) ?? others[0];
      const short = month[1].length <= 4 && !['june', 'july', 'may'].includes(month[1].toLowerCase());
      const name = short ? MONTH_ABBREVIATIONS[changed].replace(/\.$/, '') : MONTH_NAMES[changed];
      // "Jan." becomes "May", not "May.".
      const length = short && !MONTH_ABBREVIATIONS[changed].endsWith('.') ? month[0].length : month[1].length;
      options.push({ edit: { start: d.start + month.index, end: d.start + month.index + length, text: month[1] === month[1].toLowerCase() ? name.toLowerCase() : name }, variant: 'month' });
    }
    if (d.precision === 'day' && d.day !== undefined) {
      const withoutYear = year ? written.slice(0, year.index) + ' '.repeat(4) + written.slice(year.index + 4) : written;
      const day = DAY_PATTERN.exec(withoutYear);
      if (day && Number(day[1]) === d.day) {
        const k = 3 + Math.floor(rng() * 7);
        const changed = d.day + k <= 28 ? d.day + k : d.day - k;
        if (changed >= 1) options.push({ edit: { start: d.start + day.index, end: d.start + day.index + day[0].length, text: `${changed}${day[2] ? ordinal(changed) : ''}` }, variant: 'day' });
      }
    }
    if (d.precision === 'weekday' && d.weekday !== undefined) {
      const changed = (d.weekday - 1 + 1 + Math.floor(rng() * 6)) % 7;
      options.push({ edit: { start: d.start, end: d.end, text: WEEKDAY_NAMES[changed] }, variant: 'weekday' });
    }
  }
  const chosen = pick(rng, options);
  return chosen && edited(s, [chosen.edit], chosen.variant);
};

// ---------------------------------------------------------------------------------------------------------------
// Names and places

const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'del', 'dos', 'ben']);

/** The words of a name that identify it (lower-case, particles and "the" left out). */
function nameWords(name: string): string[] {
  return name.toLowerCase().split(/[\s\u2010\u2011-]+/).filter((w) => w && !PARTICLES.has(w) && w !== 'the');
}

const PERSON_SHAPE = /^[A-Z\u00C0-\u00DE][\p{L}'\u2019-]+(?:\s+(?:[A-Z\u00C0-\u00DE][\p{L}'\u2019-]*\.?|(?:al|el|bin|ibn|van|von|de|der|da|di|du|la|le|del|dos|ben)(?:-[A-Z][\p{L}'\u2019]+)?)){1,3}$/u;
const OTHER_SHAPE = /^[A-Z\u00C0-\u00DE0-9][\p{L}\p{N}&'\u2019.-]*(?:\s+[\p{L}\p{N}&'\u2019-]+){0,5}$/u;

/** A name the article's extraction gives that reads as a name of its kind (the extraction's own mistakes left out). */
function wellFormed(article: Article, entry: NameEntry): boolean {
  const name = entry.canonical;
  if (!entry.confident) return false;
  if (/\.\s/.test(name) && !/^(?:[A-Z]\.\s)+/.test(name)) return false;
  if (!/\s/.test(name) && article.lowerCaseWords.has(name.toLowerCase())) return false;
  return entry.type === 'person' ? PERSON_SHAPE.test(name) && !countryOf(name) : OTHER_SHAPE.test(name) && /[a-z]/.test(name);
}

type PlaceLevel = 'continent' | 'nation' | 'state' | 'country' | 'local';

/** What a place is: a place is swapped only for another of its level, so "Paris" never becomes "France". */
export function placeLevel(name: string): PlaceLevel {
  if (CONTINENTS.has(name)) return 'continent';
  if (UK_NATIONS.has(name)) return 'nation';
  if (US_STATES.has(name)) return 'state';
  return countryOf(name)?.name === name ? 'country' : 'local';
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The article writes one place as inside the other ("Louisville, Kentucky", "Brooklyn in New York"). */
function nested(text: string, a: NameEntry, b: NameEntry): boolean {
  for (const x of a.texts) {
    for (const y of b.texts) {
      const [ex, ey] = [escape(x), escape(y)];
      if (new RegExp(`${ex},\\s+(?:the\\s+)?${ey}\\b|${ey},\\s+(?:the\\s+)?${ex}\\b|${ex}\\s+in\\s+(?:the\\s+)?${ey}\\b|${ey}\\s+in\\s+(?:the\\s+)?${ex}\\b|${ex}['\u2019]s\\s+${ey}\\b|${ey}['\u2019]s\\s+${ex}\\b`).test(text)) return true;
      if (x.toLowerCase().includes(y.toLowerCase()) || y.toLowerCase().includes(x.toLowerCase())) return true;
    }
  }
  return false;
}

/** Other names of the article of the same kind as `mention` that the sentence does not use and that share no word with it. */
function otherNames(s: SentenceSlots, mention: Mention, type: Mention['type']): NameEntry[] {
  const own = s.article.names.get(mention.canonical);
  const ownWords = new Set([...nameWords(mention.canonical), ...nameWords(mention.text)]);
  const sentence = sentenceText(s).toLowerCase();
  const level = type === 'place' ? placeLevel(mention.canonical) : undefined;
  return [...s.article.names.values()].filter((e) => {
    if (e.type !== type || e.canonical === mention.canonical || !wellFormed(s.article, e)) return false;
    const words = nameWords(e.canonical);
    if (!words.length || words.some((w) => ownWords.has(w))) return false;
    if (words.some((w) => w.length >= 3 && new RegExp(`\\b${escape(w)}\\b`).test(sentence))) return false;
    if (type === 'place' && (placeLevel(e.canonical) !== level || (own && nested(s.article.text, own, e)))) return false;
    if (type === 'place' && level === 'local' && (personWord(s.article, e.canonical) || DIRECTIONS.has(e.canonical.toLowerCase()))) return false;
    return true;
  });
}

/** The mention's text with another name put in: "the" kept when it is the sentence's ("the union"), not the name's ("The Hague"). */
function nameEdit(s: SentenceSlots, mention: Mention, replacement: NameEntry): Edit {
  const the = /^the\s+/.exec(mention.text)?.[0] ?? (mention.start === s.start ? /^The\s+/.exec(mention.text)?.[0] ?? '' : '');
  const surface = replacement.type === 'person' ? replacement.canonical : replacement.texts[0] ?? replacement.canonical;
  const before = s.article.tokens[mention.firstToken - 1];
  const needsThe = replacement.type === 'place' && THE_COUNTRIES.has(replacement.canonical) && !the && lowerOf(before) !== 'the' && PLACE_BEFORE.has(lowerOf(before)) && !/^the\s/i.test(surface);
  // "the United States" -> "Syria", not "the Syria".
  const dropThe = mention.type === 'place' && THE_COUNTRIES.has(mention.canonical) && !THE_COUNTRIES.has(replacement.canonical) && before?.text === 'the';
  if (dropThe) return { start: before.start, end: mention.end, text: surface };
  return { start: mention.start + the.length, end: mention.end, text: needsThe ? `the ${surface}` : surface };
}

/** Speakers of the sentence's quotes: giving a quote to another is quote-speaker's, not name's. */
function speakerMentions(s: SentenceSlots): Set<Mention> {
  return new Set(s.mentions.filter((m) => s.quotes.some((q) => q.speaker === m.canonical)));
}

function nameSwap(s: SentenceSlots, rng: Rng, types: readonly Mention['type'][]): Perturbation | undefined {
  const speakers = speakerMentions(s);
  const options: { edit: Edit; variant: string }[] = [];
  for (const m of s.mentions) {
    if (!types.includes(m.type) || m.demonym || m.inferred || m.label || speakers.has(m) || inQuote(s, m)) continue;
    const own = s.article.names.get(m.canonical);
    if (!own || !wellFormed(s.article, own)) continue;
    if (m.type === 'place' && !placeSlot(s, m)) continue;
    const replacement = pick(rng, otherNames(s, m, m.type));
    if (replacement) options.push({ edit: nameEdit(s, m, replacement), variant: m.type === 'place' ? placeLevel(m.canonical) : m.type });
  }
  const chosen = pick(rng, options);
  return chosen && edited(s, [chosen.edit], chosen.variant);
}

const PLACE_BEFORE = new Set(['in', 'at', 'from', 'to', 'near', 'into', 'across', 'throughout', 'outside', 'inside', 'towards', 'toward', 'via', 'around', 'of']);
const DIRECTIONS = new Set(['northern', 'southern', 'eastern', 'western', 'central', 'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'rural', 'downtown', 'neighboring', 'neighbouring', 'nearby', 'the']);

/** A word of a person's name in the article ("near Scott" is Walter Scott, not a place). */
function personWord(article: Article, name: string): boolean {
  const words = nameWords(name);
  return [...article.names.values()].some((e) => e.type === 'person' && nameWords(e.canonical).some((w) => words.includes(w)));
}

/** A place the sentence uses as one: a country, state or continent, or a name after "in", "from", "to"… ("in northern Sinai"). */
function placeSlot(s: SentenceSlots, m: Mention): boolean {
  if (placeLevel(m.canonical) !== 'local') return true;
  if (personWord(s.article, m.canonical)) return false;
  const tokens = s.article.tokens;
  let k = m.firstToken - 1;
  while (k >= s.firstToken && DIRECTIONS.has(lowerOf(tokens[k]))) k--;
  if (k < s.firstToken || !PLACE_BEFORE.has(lowerOf(tokens[k]))) return false;
  // "of" only after a place noun: "the town of Gao", not "the death of Lloyd".
  return lowerOf(tokens[k]) !== 'of' || PLACE_CUES.includes(lowerOf(tokens[k - 1]));
}

/** Countries whose name takes "the" ("throughout the United States"). */
const THE_COUNTRIES = new Set(['United States', 'United Kingdom', 'Netherlands', 'Philippines', 'United Arab Emirates', 'Czech Republic', 'Central African Republic', 'Dominican Republic', 'Bahamas', 'Gambia', 'Maldives']);

/** A person or organisation replaced by another of the same kind from the same article. */
export const nameChange: Generator = (s, rng) => nameSwap(s, rng, ['person', 'organization']);

/** A place replaced by another place of the same level (country, US state, city…) from the same article, not one inside it. */
export const placeChange: Generator = (s, rng) => nameSwap(s, rng, ['place']);

// ---------------------------------------------------------------------------------------------------------------
// Polarity: negation, antonyms, comparisons

/** Finite auxiliaries a "not" follows. "may", "might" and "could" are left out: "may not" does not contradict "may". */
const FINITE_AUX = new Set(['is', 'are', 'was', 'were', 'am', 'will', 'would', 'has', 'have', 'had', 'can', 'should', 'must', 'does', 'do', 'did', 'shall']);
const PLURAL_PRONOUNS = new Set(['they', 'we', 'i', 'you']);
/** Words that end the clause a verb heads. */
const CLAUSE_END = new Set([',', ';', ':', 'and', 'but', 'or', 'who', 'which', 'that', 'when', 'after', 'before', 'because', 'while', 'as', 'if', 'where', '"', '\u201c', '\u201d', '(', '\u2014', '\u2013', '-']);

/** The subject before a verb carries no quantifier, number or subordinator: negating the verb then contradicts. */
function plainSubject(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const w = tokens[k].text.toLowerCase();
    if (QUANTIFIERS.has(w) || SUBORDINATORS.has(w) || tokens[k].pos === 'NUM' || NUMBER_WORDS[w] !== undefined || /\d/.test(w) || isNegation(tokens[k])) return false;
  }
  return true;
}

function isThirdPerson(word: string, lemma: string): boolean {
  return word === `${lemma}s` || word === `${lemma}es` || (lemma.endsWith('y') && word === `${lemma.slice(0, -1)}ies`);
}

/** "not" put on the main verb: "walked out" -> "did not walk out", "would continue" -> "would not continue". */
function addNegation(s: SentenceSlots, tokens: readonly Token[]): Perturbation | undefined {
  const outside = (k: number): boolean => !inQuote(s, tokens[k]);
  // "deny that X is" -> "deny that X is not": under a verb that negates, not a plain reversal.
  if (tokens.some((t) => IMPLICIT_NEGATIVES.has(t.lemma))) return undefined;
  let v = tokens.findIndex((t, k) => isVerb(t) && outside(k));
  if (v <= 0 || tokens[0].pos === 'SCONJ' || !plainSubject(tokens, 0, v)) return undefined;
  // "The team, led by …" (a participle), "…," said X (the verb before its subject): not a main verb to negate.
  if (/^[,"\u201c\u201d\u2018\u2019'(]$/.test(tokens[v - 1].text) || (tokens[v].pos === 'VERB' && lowerOf(tokens[v + 1]) === 'by')) return undefined;
  let speech = false;
  // "X said the strike would end": what was said is negated, not the saying.
  if (tokens[v].pos === 'VERB' && SPEECH_VERBS.has(tokens[v].lemma)) {
    speech = true;
    const a = tokens.findIndex((t, k) => k > v && t.pos === 'AUX' && FINITE_AUX.has(t.text.toLowerCase()) && outside(k));
    const from = lowerOf(tokens[v + 1]) === 'that' ? v + 2 : v + 1;
    if (a > from && !tokens.slice(from, a).some((t) => t.text === ',') && plainSubject(tokens, from, a)) v = a;
    // "“…,” Dekker did not say" would deny the quote itself: left to the quote kinds.
    else if (hasQuoteMarks(s)) return undefined;
  }
  const t = tokens[v];
  const word = t.text.toLowerCase();
  const next = tokens[v + 1];
  if (next && isNegation(next)) return undefined;
  // "There is not even a case": an existential's negation reads as another statement; "The fact is not that…" too.
  if (lowerOf(tokens[v - 1]) === 'there' || lowerOf(next) === 'that' || (lowerOf(next) === 'by' && lowerOf(tokens[v + 2]) === 'far')) return undefined;
  if (t.pos === 'AUX') {
    if (!FINITE_AUX.has(word)) return undefined;
    // "had a car": "have" as the main verb takes "did not have".
    let after = v + 1;
    while (tokens[after]?.pos === 'ADV') after++;
    if (['has', 'have', 'had'].includes(word) && !isVerb(tokens[after])) {
      const phrase = { has: 'does not have', have: 'do not have', had: 'did not have' }[word as 'has' | 'have' | 'had'];
      return edited(s, [{ start: t.start, end: t.end, text: phrase }], 'add');
    }
    if (word === 'can') return edited(s, [{ start: t.start, end: t.end, text: matchCase(t.text, 'cannot') }], 'add');
    return edited(s, [{ start: t.end, end: t.end, text: ' not' }], 'add');
  }
  const lemma = t.lemma;
  if (!/^[a-z]+$/.test(word) || !/^[a-z]+$/.test(lemma) || word.endsWith('ing')) return undefined;
  if (!speech) {
    // "A man arrested on Tuesday was charged": a participle before the main verb; left alone.
    for (let k = v + 1; k < tokens.length && !CLAUSE_END.has(tokens[k].text.toLowerCase()); k++) if (isVerb(tokens[k])) return undefined;
  }
  let phrase: string;
  if (word === lemma) {
    if (!PLURAL_PRONOUNS.has(lowerOf(tokens[v - 1]))) return undefined;
    phrase = `do not ${lemma}`;
  } else if (isThirdPerson(word, lemma)) {
    phrase = `does not ${lemma}`;
  } else {
    phrase = `did not ${lemma}`;
  }
  return edited(s, [{ start: t.start, end: t.end, text: phrase }], 'add');
}

/** Contractions whose first part is not the auxiliary's spelling. */
const CONTRACTED: Readonly<Record<string, string>> = { ca: 'can', wo: 'will', sha: 'shall' };

/** The one negation of the sentence taken out: "did not say" -> "did say", "has never been" -> "has been". */
function dropNegation(s: SentenceSlots, tokens: readonly Token[]): Perturbation | undefined {
  const negations = tokens.map((t, k) => ({ t, k })).filter(({ t }) => isNegation(t));
  if (negations.length !== 1) return undefined;
  const { t: neg, k } = negations[0];
  if (inQuote(s, neg)) return undefined;
  const text = sentenceText(s);
  if (/\bnot\s+(?:only|just|yet|even|until|since|least|all|every|quite|necessarily|because|so|always)\b|\b(?:if|or|whether)\s+not\b|\bnever\s+(?:before|again)\b/i.test(text)) return undefined;
  const word = neg.text.toLowerCase().replace('\u2019', "'");
  // "did not find any device" -> "did find any device": a negative-polarity word after it needs the negation.
  if (tokens.slice(k + 1, k + 5).some((t) => ['any', 'anything', 'anyone', 'anybody', 'anywhere', 'ever', 'yet', 'either'].includes(lowerOf(t)))) return undefined;
  const before = tokens[k - 1];
  const auxBefore = before !== undefined && (before.pos === 'AUX' || FINITE_AUX.has(lowerOf(before)) || CONTRACTED[lowerOf(before)] !== undefined);
  const verbAt = auxBefore ? k - 1 : k;
  let clauseStart = verbAt;
  while (clauseStart > 0 && !CLAUSE_END.has(lowerOf(tokens[clauseStart - 1])) && !isVerb(tokens[clauseStart - 1])) clauseStart--;
  if (clauseStart === verbAt || !plainSubject(tokens, clauseStart, verbAt)) return undefined;
  if (word === 'not' && auxBefore) return edited(s, [{ start: before.end, end: neg.end, text: '' }], 'drop');
  if (word === "n't" && auxBefore) {
    const base = CONTRACTED[lowerOf(before)] ?? lowerOf(before);
    if (!FINITE_AUX.has(base) && base !== 'could' && base !== 'might') return undefined;
    return edited(s, [{ start: before.start, end: neg.end, text: matchCase(before.text, base) }], 'drop');
  }
  if (word === 'cannot') return edited(s, [{ start: neg.start, end: neg.end, text: matchCase(neg.text, 'can') }], 'drop');
  if (word === 'never') {
    const after = tokens[k + 1];
    if (auxBefore) return edited(s, [{ start: before.end, end: neg.end, text: '' }], 'drop');
    if (after && after.pos === 'VERB' && after.text.toLowerCase() !== after.lemma && !after.text.endsWith('ing')) return edited(s, [{ start: neg.start, end: after.start, text: '' }], 'drop');
  }
  return undefined;
}

/** A negation added to the main verb, or the sentence's one negation dropped. */
export const negationChange: Generator = (s) => {
  const tokens = tokensOf(s);
  if (polarityUnclear(tokens)) return undefined;
  return tokens.some(isNegation) ? dropNegation(s, tokens) : addNegation(s, tokens);
};

/** Verbs that negate what follows them ("failed to agree"): an opposite under one is a double negation, not a reversal. */
const IMPLICIT_NEGATIVES = new Set(['fail', 'refuse', 'deny', 'avoid', 'prevent', 'stop', 'lack', 'doubt', 'reject', 'decline', 'unable']);

/** Where a listed word may be swapped: a lower-case word outside quotes and names, not in a fixed phrase. */
function swappable(s: SentenceSlots, tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (t.pos === 'PROPN' || inQuote(s, t) || !(/^[a-z]+$/.test(t.text) || (k === 0 && /^[A-Z][a-z]+$/.test(t.text)))) return false;
  const word = t.text.toLowerCase();
  if (isHyphen(tokens[k - 1]) || isHyphen(tokens[k + 1])) return false;
  if (FIXED_AFTER[word]?.includes(lowerOf(tokens[k + 1])) || FIXED_BEFORE[word]?.includes(lowerOf(tokens[k - 1]))) return false;
  return true;
}

/** A word swapped for its opposite (stand-in list for WordNet antonyms; see words.ts): "rose" -> "fell". */
export const antonymChange: Generator = (s, rng) => {
  const tokens = tokensOf(s);
  if (polarityUnclear(tokens) || tokens.some(isNegation) || tokens.some((t) => IMPLICIT_NEGATIVES.has(t.lemma))) return undefined;
  const options: { edits: Edit[]; variant: string }[] = [];
  tokens.forEach((t, k) => {
    if (!swappable(s, tokens, k) || lowerOf(tokens[k + 1]) === 'than') return;
    const opposite = antonymOf(t.text, t.pos);
    // "good or bad": the opposite already there says both.
    if (opposite && tokens.some((o) => o.text.toLowerCase() === opposite)) return;
    // An adjective before its noun ("the small Madrassa") or after "is", "very"…; not a noun use ("to the public").
    if (t.pos === 'ADJ' && !['NOUN', 'ADJ', 'PROPN'].includes(tokens[k + 1]?.pos ?? '') && !(tokens[k - 1]?.pos === 'AUX' || ['very', 'so', 'too', 'more', 'most', 'less', 'least', 'quite', 'rather', 'extremely'].includes(lowerOf(tokens[k - 1])))) return;
    if (opposite) options.push({ edits: [{ start: t.start, end: t.end, text: matchCase(t.text, opposite) }, ...articleEdit(tokens, k, opposite)], variant: `${t.text.toLowerCase()}>${opposite}` });
  });
  const chosen = pick(rng, options);
  return chosen && edited(s, chosen.edits, chosen.variant);
};

const isNumberToken = (t: Token | undefined): boolean => t !== undefined && (t.pos === 'NUM' || /^[$\u20ac\u00a3]?\d/.test(t.text) || NUMBER_WORDS[t.text.toLowerCase()] !== undefined);

/** A comparison reversed: "more than 40" -> "less than 40", "higher than" -> "lower than", "over 40" -> "under 40". */
export const comparisonChange: Generator = (s, rng) => {
  const tokens = tokensOf(s);
  if (polarityUnclear(tokens) || tokens.some(isNegation)) return undefined;
  const options: { edits: Edit[]; variant: string }[] = [];
  tokens.forEach((t, k) => {
    if (inQuote(s, t) || isHyphen(tokens[k - 1]) || isHyphen(tokens[k + 1])) return;
    const word = t.text.toLowerCase();
    const next = tokens[k + 1];
    const reverse = COMPARATIVES[word];
    if (reverse) {
      const than = lowerOf(next) === 'than' || (['more', 'less'].includes(word) && ['ADJ', 'ADV'].includes(next?.pos ?? '') && lowerOf(tokens[k + 2]) === 'than');
      if (than) options.push({ edits: [{ start: t.start, end: t.end, text: matchCase(t.text, reverse) }], variant: 'than' });
      return;
    }
    if (BOUNDS[word] && isNumberToken(next) && (/^[a-z]/.test(t.text) || k === 0)) {
      options.push({ edits: [{ start: t.start, end: t.end, text: matchCase(t.text, BOUNDS[word]) }], variant: 'bound' });
      return;
    }
    if (word === 'at' && ['least', 'most'].includes(lowerOf(next)) && isNumberToken(tokens[k + 2])) {
      options.push({ edits: [{ start: next!.start, end: next!.end, text: lowerOf(next) === 'least' ? 'most' : 'least' }], variant: 'bound' });
      return;
    }
  });
  const chosen = pick(rng, options);
  return chosen && edited(s, chosen.edits, chosen.variant);
};

// ---------------------------------------------------------------------------------------------------------------
// Quotes

const MIN_QUOTE_WORDS = 5;

/** The sentence's quotes between quotation marks with a speaker, long enough to be more than a phrase. */
function attributedQuotes(s: SentenceSlots): Quote[] {
  const marked = (p: Span): boolean => s.article.marked.some((m) => m.start <= p.start && p.end <= m.end);
  return s.quotes.filter((q) => q.speaker !== null && q.text.split(/\s+/).length >= MIN_QUOTE_WORDS && q.parts.every(marked));
}

/** A word inside a quote changed: to its opposite when the stand-in list has one, else to another word of the article of the same part of speech. */
export const quoteWordChange: Generator = (s, rng) => {
  const quote = pick(rng, attributedQuotes(s));
  if (!quote) return undefined;
  const tokens = tokensOf(s);
  const inside = tokens.map((t, k) => ({ t, k })).filter(({ t }) => quote.parts.some((p) => p.start <= t.start && t.end <= p.end));
  const quoteWords = new Set(inside.map(({ t }) => t.text.toLowerCase()));
  const opposites = inside.filter(({ t, k }) => /^[a-z]+$/.test(t.text) && !FIXED_AFTER[t.text]?.includes(lowerOf(tokens[k + 1])) && antonymOf(t.text, t.pos) && !quoteWords.has(antonymOf(t.text, t.pos)!));
  const flip = pick(rng, opposites);
  if (flip) {
    const opposite = antonymOf(flip.t.text, flip.t.pos)!;
    return edited(s, [{ start: flip.t.start, end: flip.t.end, text: opposite }, ...articleEdit(tokens, flip.k, opposite)], 'antonym');
  }
  const content = inside.filter(({ t }) => ['NOUN', 'VERB', 'ADJ'].includes(t.pos) && !t.stopWord && /^[a-z]{4,}$/.test(t.text));
  const target = pick(rng, content);
  if (!target) return undefined;
  const others = (s.article.vocabulary.get(vocabularyKey(target.t.pos, target.t.text)) ?? []).filter((w) => w.lemma !== target.t.lemma && !quoteWords.has(w.word) && w.word !== target.t.text);
  const replacement = pick(rng, others);
  if (!replacement) return undefined;
  return edited(s, [{ start: target.t.start, end: target.t.end, text: replacement.word }, ...articleEdit(tokens, target.k, replacement.word)], 'word');
};

/** A quote given to another person of the article: the speaker's name beside the quote replaced. */
export const quoteSpeakerChange: Generator = (s, rng) => {
  const options: Edit[] = [];
  for (const quote of attributedQuotes(s)) {
    const speaker = s.article.names.get(quote.speaker!);
    if (!speaker || speaker.type !== 'person' || !wellFormed(s.article, speaker)) continue;
    for (const m of s.mentions) {
      if (m.canonical !== quote.speaker || m.type !== 'person' || m.inferred || inQuote(s, m)) continue;
      const replacement = pick(rng, otherNames(s, m, 'person'));
      if (replacement) options.push(nameEdit(s, m, replacement));
    }
  }
  const edit = pick(rng, options);
  return edit && edited(s, [edit], 'speaker');
};

// ---------------------------------------------------------------------------------------------------------------
// Rewrites that say the same

/** The same quantity written another way: digits and words, thousands separators, "1.5 million" in full, "percent" and "%". */
export const numberFormat: Generator = (s, rng) => {
  const options: { edit: Edit; variant: string }[] = [];
  const text = s.article.text;
  const dateSpans = s.dates;
  for (const n of s.numbers) {
    if (inQuote(s, n) || dateSpans.some((d) => d.start < n.end && n.start < d.end)) continue;
    const written = n.text;
    const wordValue = NUMBER_WORDS[written.toLowerCase()];
    const at = numeralOf(s, n);
    if (wordValue !== undefined && !isHyphen(s.article.tokens.find((t) => t.start === n.end))) {
      options.push({ edit: { start: n.start, end: n.end, text: String(wordValue) }, variant: 'words-to-digits' });
    }
    if (at && written === at.numeral) {
      const value = Number(at.numeral.replace(/,/g, ''));
      const word = Object.entries(NUMBER_WORDS).find(([, v]) => v === value)?.[0];
      const next = text.slice(at.end, at.end + 2);
      if (word && !/^[-\u2013%]/.test(next)) options.push({ edit: { start: at.start, end: at.end, text: at.start === s.start ? matchCase('A', word) : word }, variant: 'digits-to-words' });
      if (at.numeral.includes(',')) options.push({ edit: { start: at.start, end: at.end, text: at.numeral.replace(/,/g, '') }, variant: 'separator' });
      else if (/^\d{5,}$/.test(at.numeral)) options.push({ edit: { start: at.start, end: at.end, text: withCommas(at.numeral) }, variant: 'separator' });
    }
    const magnitude = /^([$\u20ac\u00a3]?)(\d+(?:\.\d+)?) (million|billion)$/.exec(written);
    if (magnitude) {
      const full = Number(magnitude[2]) * (magnitude[3] === 'million' ? 1e6 : 1e9);
      if (Number.isInteger(full) && full < 1e13) options.push({ edit: { start: n.start, end: n.end, text: magnitude[1] + withCommas(String(full)) }, variant: 'magnitude' });
    }
    const unit = /^(%|\s+percent\b|\s+per\s+cent\b)/.exec(text.slice(n.end, n.end + 10));
    if (unit && n.unit === 'percent') options.push({ edit: { start: n.end, end: n.end + unit[0].length, text: unit[0] === '%' ? ' percent' : '%' }, variant: 'percent' });
  }
  const chosen = pick(rng, options);
  return chosen && edited(s, [chosen.edit], chosen.variant);
};

const MONTH_WORD = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const MONTH_FIRST = new RegExp(`^${MONTH_WORD} (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?$`);
const DAY_FIRST = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH_WORD},? ?(\\d{4})?$`);

/** The same date written another way: "March 13, 2024" <-> "13 March 2024", "Sept." -> "September", "March 13" -> "Mar. 13". */
export const dateFormat: Generator = (s, rng) => {
  const options: { edit: Edit; variant: string }[] = [];
  for (const d of s.dates) {
    if (inQuote(s, d)) continue;
    const written = s.article.text.slice(d.start, d.end);
    const full = (m: string): string => MONTH_NAMES[monthIndex(m)];
    const monthFirst = MONTH_FIRST.exec(written);
    if (monthFirst && monthIndex(monthFirst[1]) >= 0) {
      const [, month, day, year] = monthFirst;
      options.push({ edit: { start: d.start, end: d.end, text: `${Number(day)} ${full(month)}${year ? ` ${year}` : ''}` }, variant: 'day-first' });
      if (month === full(month) && month.length > 4) options.push({ edit: { start: d.start, end: d.end, text: `${MONTH_ABBREVIATIONS[monthIndex(month)]} ${Number(day)}${year ? `, ${year}` : ''}` }, variant: 'abbreviation' });
    }
    const dayFirst = DAY_FIRST.exec(written);
    if (dayFirst && monthIndex(dayFirst[2]) >= 0) {
      const [, day, month, year] = dayFirst;
      options.push({ edit: { start: d.start, end: d.end, text: `${full(month)} ${Number(day)}${year ? `, ${year}` : ''}` }, variant: 'month-first' });
    }
    const month = MONTH_PATTERN.exec(written);
    if (month && month[1].length <= 4 && monthIndex(month[1]) >= 0 && full(month[1]) !== month[1] && /^[A-Z]/.test(month[1])) {
      options.push({ edit: { start: d.start + month.index, end: d.start + month.index + month[0].length, text: full(month[1]) }, variant: 'month-name' });
    }
  }
  const chosen = pick(rng, options);
  return chosen && edited(s, [chosen.edit], chosen.variant);
};

const NAME_SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

/** A person's full name cut to the surname, when no one else in the article has that surname: "Karen Smit" -> "Smit". */
export const surnameOnly: Generator = (s, rng) => {
  const options: Edit[] = [];
  for (const m of s.mentions) {
    if (m.type !== 'person' || m.inferred || m.label || inQuote(s, m)) continue;
    const words = m.text.split(/\s+/);
    const surname = words[words.length - 1];
    if (words.length < 2 || NAME_SUFFIXES.has(surname.toLowerCase()) || !/^[A-Z][\p{L}'\u2019-]+$/u.test(surname) || m.text !== m.canonical) continue;
    // "Marco te Brömmelstroet" -> "te Brömmelstroet": a particle belongs to the surname.
    const particle = words.length > 2 && PARTICLES.has(words[words.length - 2].toLowerCase()) ? `${words[words.length - 2]} ` : '';
    const key = surname.toLowerCase();
    const shared = [...s.article.names.values()].some((e) => e.canonical !== m.canonical && nameWords(e.canonical).includes(key));
    // A surname that is also a word of the text ("Brown", "Rice") would read as the word.
    const common = new RegExp(`(?<![\\p{L}])${escape(key)}(?![\\p{L}])`, 'u').test(s.article.text);
    if (shared || common || s.mentions.some((o) => o !== m && nameWords(o.text).includes(key))) continue;
    options.push({ start: m.start, end: m.end, text: particle + surname });
  }
  const edit = pick(rng, options);
  return edit && edited(s, [edit], 'surname');
};

const TRAILING = new Set(['and', 'but', 'while', 'whereas', 'although', 'though', 'because', 'who', 'which', 'where', 'after', 'before', 'as', 'adding', 'saying', 'according', 'including', 'leaving', 'following', 'despite', 'with', 'amid']);
/** Trailing parts that need no verb of their own to be dropped ("…, according to police"). */
const TRAILING_PHRASES = new Set(['according', 'adding', 'saying', 'including', 'leaving', 'following', 'despite', 'with', 'amid']);
const LEADING = new Set(['on', 'in', 'at', 'after', 'before', 'during', 'last', 'earlier', 'later', 'meanwhile', 'however', 'despite', 'although', 'though', 'while', 'when', 'following', 'according', 'since', 'instead', 'now', 'today', 'yesterday']);
const MAX_LEADING_TOKENS = 12;
const MIN_KEPT_TOKENS = 5;

/** Where a sentence's closing punctuation starts (its last tokens: ".", a closing quote or bracket). */
function bodyEnd(tokens: readonly Token[]): number {
  let end = tokens.length;
  while (end > 0 && /^[.!?"\u201d\u2019')]+$/.test(tokens[end - 1].text)) end--;
  return end;
}

/** A clause or phrase dropped: what is left says less, never otherwise ("…, adding that…", "On Tuesday, …", ", who is 45,"). */
export const clauseDrop: Generator = (s, rng) => {
  if (hasQuoteMarks(s) || /\bnot only\b/i.test(sentenceText(s))) return undefined;
  const tokens = tokensOf(s);
  const end = bodyEnd(tokens);
  const hasVerb = (from: number, to: number): boolean => tokens.slice(from, to).some(isVerb);
  const commas = tokens.map((t, k) => (t.text === ',' ? k : -1)).filter((k) => k > 0 && k < end - 1);
  const options: { edits: Edit[]; variant: string }[] = [];
  for (const c of commas) {
    const marker = lowerOf(tokens[c + 1]);
    if (!TRAILING.has(marker) || c < MIN_KEPT_TOKENS || !hasVerb(0, c)) continue;
    // "the Food, Drug, and Cosmetic Act": a comma just before is a list, not a clause boundary.
    if (tokens.slice(Math.max(0, c - 4), c).some((t) => t.text === ',')) continue;
    if (!TRAILING_PHRASES.has(marker) && !hasVerb(c + 2, end)) continue;
    options.push({ edits: [{ start: tokens[c].start, end: tokens[end - 1].end, text: '' }], variant: 'trailing' });
  }
  const first = commas[0];
  if (first !== undefined && first <= MAX_LEADING_TOKENS && LEADING.has(lowerOf(tokens[0])) && end - first - 1 >= MIN_KEPT_TOKENS && hasVerb(first + 1, end)) {
    const rest = tokens[first + 1];
    if (!['and', 'but', 'or', 'which', 'who'].includes(lowerOf(rest))) {
      const capital = rest.pos === 'PROPN' || /^[A-Z]/.test(rest.text) ? rest.text : upperFirst(rest.text);
      options.push({ edits: [{ start: tokens[0].start, end: rest.end, text: capital }], variant: 'leading' });
    }
  }
  for (let i = 0; i + 1 < commas.length; i++) {
    const [a, b] = [commas[i], commas[i + 1]];
    const marker = lowerOf(tokens[a + 1]);
    const relative = (marker === 'who' || marker === 'which') && hasVerb(a + 2, b);
    const age = b === a + 2 && /^\d{1,3}$/.test(tokens[a + 1].text) && tokens[a - 1].pos === 'PROPN';
    if ((relative || age) && hasVerb(b + 1, end) && !['and', 'but', 'or'].includes(lowerOf(tokens[b + 1]))) {
      options.push({ edits: [{ start: tokens[a].start, end: tokens[b].end, text: '' }], variant: relative ? 'relative' : 'age' });
    }
  }
  const chosen = pick(rng, options);
  return chosen && edited(s, chosen.edits, chosen.variant);
};

const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'his', 'her', 'its', 'their', 'him', 'them', 'this', 'these', 'those', 'we', 'our', 'us', 'i', 'my', 'me', 'you', 'your']);
/** Words that tie one clause to the other's time or reason: reordering would change what is said. */
const SEQUENCE = new Set(['then', 'later', 'also', 'too', 'so', 'thus', 'therefore', 'afterwards', 'subsequently', 'again', 'meanwhile', 'still', 'yet', 'instead', 'however', 'first', 'finally', 'eventually', 'soon', 'now', 'next', 'other', 'another', 'same', 'such', 'both']);

/** Tokens a clause's subject is made of: "the season 1 finale", "Holly Yan", "Consumer prices in Norland". */
const SUBJECT_TOKEN_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'ADP', 'PART']);
const MAX_CLAUSE_SUBJECT = 7;

/** A clause on its own: a short subject of nouns and names, then a finite verb (not "evidence that …", "five who had …"). */
function isClause(tokens: readonly Token[]): boolean {
  const v = tokens.findIndex(isVerb);
  if (v < 1 || v > MAX_CLAUSE_SUBJECT) return false;
  const subject = tokens.slice(0, v);
  if (!subject.every((t) => SUBJECT_TOKEN_POS.has(t.pos) || t.text === "'s" || t.text === '\u2019s') || !subject.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) return false;
  if (subject.some((t) => SUBORDINATORS.has(lowerOf(t)) || PRONOUNS.has(lowerOf(t)))) return false;
  const verb = tokens[v];
  return verb.pos === 'AUX' || (!verb.text.endsWith('ing') && verb.text.toLowerCase() !== verb.lemma) || /s$/.test(verb.text);
}

/**
 * Two coordinated clauses in the other order: "A rose, and B fell." -> "B fell, and a rose." Both must be whole
 * clauses with a subject of their own, with nothing that ties one to the other's time or reason ("then", "also",
 * a pronoun for the other's subject), and no other comma: the order then says nothing.
 */
export const clauseReorder: Generator = (s) => {
  if (hasQuoteMarks(s)) return undefined;
  const tokens = tokensOf(s);
  const end = bodyEnd(tokens);
  const joins = tokens.map((t, k) => {
    if (k === 0 || k >= end - 1) return undefined;
    if (t.text === ';') return { k, next: k + 1, joint: '; ' };
    if (t.text === ',' && ['and', 'but'].includes(lowerOf(tokens[k + 1]))) return { k, next: k + 2, joint: `, ${lowerOf(tokens[k + 1])} ` };
    return undefined;
  }).filter((j): j is { k: number; next: number; joint: string } => j !== undefined);
  const clauses = joins.filter((j) => isClause(tokens.slice(j.next, end)));
  if (clauses.length !== 1) return undefined;
  const { k, next, joint } = clauses[0];
  const skip = joint.startsWith(',') ? [k, k + 1] : [k];
  if (tokens.slice(0, end).some((t, i) => !skip.includes(i) && [',', ';', ':', '(', '\u2014', '\u2013', '-'].includes(t.text))) return undefined;
  const a = tokens.slice(0, k);
  const b = tokens.slice(next, end);
  if (a.length < 3 || b.length < 3 || !isClause(a)) return undefined;
  if (b.some((t) => PRONOUNS.has(lowerOf(t))) || [...a, ...b].some((t) => SEQUENCE.has(lowerOf(t)))) return undefined;
  const text = s.article.text;
  const first = text.slice(a[0].start, a[a.length - 1].end);
  const second = text.slice(b[0].start, b[b.length - 1].end);
  const keepCapital = a[0].pos === 'PROPN' || /^[A-Z]{2,}/.test(a[0].text) || /^\d/.test(a[0].text) || s.mentions.some((m) => m.start === a[0].start);
  const lowered = keepCapital ? first : first[0].toLowerCase() + first.slice(1);
  const close = text.slice(tokens[end - 1].end, tokens[tokens.length - 1].end);
  return { claim: normalise(`${upperFirst(second)}${joint}${lowered}${close}`), variant: joint.replace(/[\s,]/g, '') };
};

/** A word swapped for one that means the same (stand-in list for WordNet synonyms; see words.ts): "bought" -> "purchased". */
export const synonymSwap: Generator = (s, rng) => {
  const tokens = tokensOf(s);
  const options: { edits: Edit[]; variant: string }[] = [];
  tokens.forEach((t, k) => {
    if (!swappable(s, tokens, k)) return;
    const same = synonymOf(t.text, t.pos);
    if (same) options.push({ edits: [{ start: t.start, end: t.end, text: matchCase(t.text, same) }, ...articleEdit(tokens, k, same)], variant: `${t.text.toLowerCase()}>${same}` });
  });
  // "said" -> "stated" only when the sentence has no other: otherwise it would be most of the kind.
  const chosen = pick(rng, options.some((o) => o.variant !== 'said>stated') ? options.filter((o) => o.variant !== 'said>stated') : options);
  return chosen && edited(s, chosen.edits, chosen.variant);
};

const SUBJECT_POS = new Set(['DET', 'PROPN', 'NOUN', 'ADJ']);
const MAX_SUBJECT_TOKENS = 5;

function subjectPhrase(tokens: readonly Token[], from: number, to: number): boolean {
  const part = tokens.slice(from, to);
  return part.length >= 1 && part.length <= MAX_SUBJECT_TOKENS && part.every((t) => SUBJECT_POS.has(t.pos) || t.text === "'s") && part.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN');
}

/** The subject as it reads after "according to": "The ministry" -> "the ministry", "Police" -> "police", names kept. */
function afterAccordingTo(text: string, first: Token): string {
  return first.pos === 'PROPN' ? text : text[0].toLowerCase() + text.slice(1);
}

/**
 * "X said (that) Y." -> "According to X, Y."; "Y, X said." -> "Y, according to X."; a sentence with no attribution
 * gets ", according to the report" (the article is the report): the same statement from the same source.
 */
export const accordingTo: Generator = (s) => {
  if (hasQuoteMarks(s)) return undefined;
  const tokens = tokensOf(s);
  const end = bodyEnd(tokens);
  const text = s.article.text;
  const close = text.slice(tokens[end - 1].end, tokens[tokens.length - 1].end);
  const says = (t: Token | undefined): boolean => t !== undefined && t.pos === 'VERB' && t.lemma === 'say' && /^(said|says)$/.test(t.text);
  if (/\baccording to\b/i.test(sentenceText(s))) return undefined;
  // "Y, the ministry said." / "Y, said the ministry."
  const lastComma = tokens.map((t, k) => (t.text === ',' && k < end ? k : -1)).filter((k) => k > 0).pop();
  if (lastComma !== undefined && lastComma >= MIN_KEPT_TOKENS && tokens.slice(0, lastComma).some(isVerb)) {
    const subjectFirst = says(tokens[end - 1]) && subjectPhrase(tokens, lastComma + 1, end - 1);
    const verbFirst = says(tokens[lastComma + 1]) && subjectPhrase(tokens, lastComma + 2, end);
    if (subjectFirst || verbFirst) {
      const [from, to] = subjectFirst ? [lastComma + 1, end - 1] : [lastComma + 2, end];
      const subject = afterAccordingTo(text.slice(tokens[from].start, tokens[to - 1].end), tokens[from]);
      return { claim: normalise(`${text.slice(s.start, tokens[lastComma].start)}, according to ${subject}${close}`), variant: 'trailing-said' };
    }
  }
  // "The ministry said (that) Y."
  const v = tokens.findIndex(says);
  if (v > 0 && subjectPhrase(tokens, 0, v)) {
    let from = v + 1;
    if (lowerOf(tokens[from]) === 'that') from++;
    const rest = tokens.slice(from, end);
    if (rest.length >= 4 && rest.some(isVerb) && !['ADP', 'ADV', 'PUNCT'].includes(rest[0].pos) && !/^(?:on|in|at|last|this|it|,)$/i.test(rest[0].text)) {
      const subject = afterAccordingTo(text.slice(tokens[0].start, tokens[v - 1].end), tokens[0]);
      return { claim: normalise(`According to ${subject}, ${text.slice(rest[0].start, tokens[end - 1].end)}${close}`), variant: 'leading-said' };
    }
  }
  if (tokens.some((t) => SPEECH_VERBS.has(t.lemma) && t.pos === 'VERB')) return undefined;
  return { claim: normalise(`${text.slice(s.start, tokens[end - 1].end)}, according to the report${close}`), variant: 'added' };
};

/** The sentence as written (control). */
export const verbatim: Generator = (s) => ({ claim: sentenceText(s), variant: 'verbatim' });
/** The sentence as written, to be checked against another article (run.ts chooses which). */
export const elsewhere: Generator = (s) => ({ claim: sentenceText(s), variant: 'elsewhere' });

export const GENERATORS: Readonly<Record<Kind, Generator>> = {
  number: numberChange,
  'written-number': writtenNumberChange,
  date: dateChange,
  name: nameChange,
  place: placeChange,
  negation: negationChange,
  antonym: antonymChange,
  'quote-word': quoteWordChange,
  'quote-speaker': quoteSpeakerChange,
  comparison: comparisonChange,
  'number-format': numberFormat,
  'date-format': dateFormat,
  surname: surnameOnly,
  'clause-drop': clauseDrop,
  'clause-reorder': clauseReorder,
  synonym: synonymSwap,
  'according-to': accordingTo,
  verbatim,
  elsewhere,
};
