/** Word stems for alignment: inflection and common derivation folded ("leadership" ~ "lead"). */
import { countryOf, ORGANIZATION_WORDS, PLACE_WORDS, SPEECH_VERBS, WEEKDAYS } from './words';
import type { Mention } from './entities';
import type { Token } from './nlp';
import type { TokenSequence } from './tokenTable';

const SUFFIXES = ['izations', 'isations', 'ization', 'isation', 'ational', 'ations', 'ation', 'ments', 'ment', 'ships', 'ship', 'ness',
  'ities', 'ity', 'ings', 'ing', 'ively', 'ive', 'ously', 'ous', 'ally', 'ly', 'ers', 'er', 'ors', 'or', 'ies', 'ied', 'ed', 'es', 's', 'ate', 'al', 'e'];
const MIN_STEM = 3;

export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['\u2019]s$/, '').replace(/[^\p{L}\p{N}-]/gu, '');
  for (let pass = 0; pass < 2; pass++) {
    const suffix = SUFFIXES.find((s) => w.endsWith(s) && w.length - s.length >= MIN_STEM);
    if (!suffix) break;
    w = w.slice(0, w.length - suffix.length);
    if (suffix === 'ies' || suffix === 'ied') w += 'y';
  }
  return w;
}

/** Parts of speech that carry content for alignment. */
const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ', 'ADV', 'PROPN']);
/** Verbs too light to tell two sentences apart. */
const LIGHT_LEMMAS = new Set(['be', 'have', 'do', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should', 'get', 'also', 'only',
  'now', 'then', 'there', 'here', 'very', 'even', 'still', 'just', 'so', 'however', 'though', 'yet', 'already', 'much', 'many', 'more', 'most']);

export function isContentToken(t: Token): boolean {
  if (!CONTENT_POS.has(t.pos) || t.stopWord || t.type !== 'word') return false;
  // The reporting frame ("…, officials said on Monday") is not what a claim is about.
  if ((t.pos === 'VERB' && SPEECH_VERBS.has(t.lemma)) || WEEKDAYS.has(t.lemma)) return false;
  return t.lemma.length >= 2 && !LIGHT_LEMMAS.has(t.lemma);
}

/** The key a mention is matched by: the country for places and demonyms, else each name part. */
export function mentionKeys(m: Mention): string[] {
  if (m.type === 'place') {
    const country = countryOf(m.canonical);
    return [`place:${(country?.name ?? m.canonical).toLowerCase()}`];
  }
  const parts = m.canonical.toLowerCase().split(/[\s-]+/).filter((w) => w.length > 2 && !['the', 'of', 'and', 'for'].includes(w));
  if (m.type !== 'organization') return parts;
  // "Green Party" and "Labour Party" share a word that says what they are, not which: keep the distinctive words.
  const distinctive = parts.filter((w) => !ORGANIZATION_WORDS.has(w) && !PLACE_WORDS.has(w));
  return distinctive.length ? distinctive : parts;
}

/**
 * Stems of tokens[from, to) with weights, names as mention keys. Tokens inside
 * one of `skip` (dates and numbers: compared by the checks, not for alignment) are left out.
 */
export function stemsOf(tokens: TokenSequence, from: number, to: number, mentions: readonly Mention[], skip: readonly { start: number; end: number }[] = []): Map<string, number> {
  const stems = new Map<string, number>();
  const inMention = new Set<number>();
  for (const m of mentions) {
    if (m.endToken <= from || m.firstToken >= to) continue;
    for (let k = m.firstToken; k < m.endToken; k++) inMention.add(k);
    for (const key of mentionKeys(m)) stems.set(key, 1);
  }
  // Tokens come in order: the skipped spans starting at or before one are swept once (a sentence may hold thousands).
  const spans = [...skip].sort((a, b) => a.start - b.start);
  let swept = 0;
  let furthest = -Infinity;
  for (let k = from; k < to; k++) {
    const t = tokens.token(k);
    if (!t || inMention.has(k) || !isContentToken(t)) continue;
    while (swept < spans.length && spans[swept].start <= t.start) furthest = Math.max(furthest, spans[swept++].end);
    if (furthest >= t.end) continue;
    const country = countryOf(t.text);
    stems.set(country ? `place:${country.name.toLowerCase()}` : stem(t.lemma), 1);
  }
  return stems;
}

const VALUE_PREFIX = '#';

/** Alignment keys for dates and numbers: "#m2d4", "#y2018", "#n2500". They add to a match and never count against one. */
export function valueKeys(dates: readonly { year?: number; month?: number; day?: number; weekday?: number }[], numbers: readonly { value: number }[]): string[] {
  const keys: string[] = [];
  for (const d of dates) {
    if (d.weekday !== undefined) keys.push(`${VALUE_PREFIX}w${d.weekday}`);
    if (d.year !== undefined) keys.push(`${VALUE_PREFIX}y${d.year}`);
    if (d.month !== undefined) keys.push(d.day !== undefined ? `${VALUE_PREFIX}m${d.month}d${d.day}` : `${VALUE_PREFIX}m${d.month}`);
  }
  for (const n of numbers) keys.push(`${VALUE_PREFIX}n${n.value}`);
  return keys;
}

export function isValueKey(key: string): boolean {
  return key.startsWith(VALUE_PREFIX);
}
