/** Typed values in a sentence: quantities with what they count, and dates with their precision. */
import * as chrono from 'chrono-node/en';
import { MAGNITUDES, MONTH_ABBREVIATIONS, MONTHS, monthNumber, NUMBER_QUALIFIERS, SMALL_NUMBERS } from './words';
import type { Token } from './nlp';
import type { Span } from '../text/offsets';

export type Qualifier = 'over' | 'under' | 'about' | 'exact';

export interface NumberValue extends Span {
  readonly type: 'number';
  readonly text: string;
  readonly value: number;
  /** What the number counts, as a lemma ("troop", "attack", "percent"), when the text says. */
  readonly unit?: string;
  readonly qualifier?: Qualifier;
}

export type DatePrecision = 'year' | 'month' | 'day' | 'weekday';

export interface DateValue extends Span {
  readonly type: 'date';
  readonly text: string;
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
  /** 1 (Monday) to 7, for "on Tuesday": comparable with another weekday of the same week's news. */
  readonly weekday?: number;
  readonly precision: DatePrecision;
  /** The preposition before the date: since, from, until, in, on, by, after, before. */
  readonly relation?: string;
}

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const DATE_RELATIONS = new Set(['since', 'from', 'until', 'till', 'in', 'on', 'by', 'after', 'before', 'during', 'between', 'of']);
/** Years a bare four-digit number is taken for. */
const MIN_YEAR = 1000;
const MAX_YEAR = 2199;
const REFERENCE_DATE = new Date(Date.UTC(2000, 0, 1));

function relationBefore(text: string, start: number): string | undefined {
  const before = /([A-Za-z]+)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?$/.exec(text.slice(Math.max(0, start - 24), start));
  const word = before?.[1].toLowerCase();
  return word && DATE_RELATIONS.has(word) ? word : undefined;
}

/** What a date chrono-node is asked about must contain: a month name or a numeric d/m/y (bare years have their own rule). */
const MONTH_PREFIX = `\\b(?:${MONTH_ABBREVIATIONS.join('|')})`;
/** A numeric day/month/year ("2001-03-06", "6/3/2001"). */
const NUMERIC_DATE = /\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/;
const DATE_CUE = new RegExp(`${MONTH_PREFIX}[a-z]*\\b|${NUMERIC_DATE.source}`, 'gi');
const NAMES_A_MONTH = new RegExp(MONTH_PREFIX, 'i');
const capitalised = (word: string): string => word[0].toUpperCase() + word.slice(1);
/** After a preposition, a month name alone is a date; "may" only capitalised (else the verb), and in caseless text not at all. */
const MONTHS_CASELESS = MONTHS.filter((m) => m !== 'may').join('|');
const MONTHS_CAPITALISED = `(?:${MONTHS.map(capitalised).join('|')})|(?:${MONTH_ABBREVIATIONS.filter((m) => m !== 'may').map((m) => capitalised(m === 'sep' ? 'sept?' : m)).join('|')})\\.?`;
const MONTH_PREPOSITIONS = '\\b(?:in|from|since|until|by|on|of|after|before|during|late|early|mid-?)\\s+';
const MONTH_AFTER_PREPOSITION_CASELESS = new RegExp(`${MONTH_PREPOSITIONS}(${MONTHS_CASELESS})\\b`, 'g');
const MONTH_AFTER_PREPOSITION = new RegExp(`${MONTH_PREPOSITIONS}(${MONTHS_CAPITALISED})\\b`, 'g');
/** Characters of context chrono-node gets on each side of a digit or month name. */
const DATE_WINDOW = 24;
/**
 * Longest text chrono-node is given at once. Windows that overlap are merged, up to this length: in a sentence
 * dense with dates ("on May 5, 1990 and on May 5, 1990 and …") they would merge into one as long as the sentence,
 * and chrono's time grows faster than the text it reads. A sentence of prose is a fraction of this.
 */
const MAX_DATE_WINDOW_CHARS = 2000;

/**
 * chrono-node over the parts of a text near a month name or a d/m/y date only:
 * only such dates are kept, and chrono's cost grows with the text it scans.
 */
function chronoInWindows(text: string): chrono.ParsedResult[] {
  const windows: { start: number; end: number }[] = [];
  for (const m of text.matchAll(DATE_CUE)) {
    const start = Math.max(0, (m.index ?? 0) - DATE_WINDOW);
    const end = Math.min(text.length, (m.index ?? 0) + m[0].length + DATE_WINDOW);
    const last = windows[windows.length - 1];
    if (last && start <= last.end && end - last.start <= MAX_DATE_WINDOW_CHARS) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  const results: chrono.ParsedResult[] = [];
  const found = new Set<number>();
  for (const w of windows) {
    // Widen to whole words so that chrono sees "February", not "ruary".
    let start = w.start;
    while (start > 0 && /\S/.test(text[start - 1])) start--;
    let end = w.end;
    while (end < text.length && /\S/.test(text[end])) end++;
    for (const r of chrono.parse(text.slice(start, end), REFERENCE_DATE)) {
      (r as { index: number }).index = r.index + start;
      if (!found.has(r.index)) {
        found.add(r.index);
        results.push(r);
      }
    }
  }
  return results;
}

/** Dates: chrono-node's parses (with what is known, not implied), month names after a preposition, and bare years. */
export function findDates(text: string, span: Span): DateValue[] {
  const slice = text.slice(span.start, span.end);
  const dates: DateValue[] = [];
  // Which characters of the slice a date found so far covers: a sentence of a thousand dates asks a thousand times.
  const taken = new Uint8Array(slice.length);
  const covered = (start: number, end: number): boolean => {
    for (let k = Math.max(start, span.start); k < Math.min(end, span.end); k++) if (taken[k - span.start]) return true;
    return false;
  };
  const add = (date: DateValue): void => {
    dates.push(date);
    taken.fill(1, Math.max(0, date.start - span.start), Math.max(0, date.end - span.start));
  };
  for (const result of chronoInWindows(slice)) {
    const known = result.start;
    const year = known.isCertain('year') ? known.get('year') ?? undefined : undefined;
    const month = known.isCertain('month') ? known.get('month') ?? undefined : undefined;
    const day = known.isCertain('day') ? known.get('day') ?? undefined : undefined;
    // Weekdays, times, "now", "a few days after": relative, not comparable. A date names a month or a year.
    if (year === undefined && month === undefined) continue;
    // chrono also reads times and bare numbers ("2010s" as 20:10): a date here names a month or is written d/m/y.
    if (!NAMES_A_MONTH.test(result.text) && !NUMERIC_DATE.test(result.text)) continue;
    const leading = /^(?:on|in|at|from|since|by|until|of|the)\s+/i.exec(result.text)?.[0].length ?? 0;
    const dateText = result.text.slice(leading).replace(/[\s,.;:]+$/, '');
    const start = span.start + result.index + leading;
    const end = start + dateText.length;
    const precision: DatePrecision = day !== undefined && month !== undefined ? 'day' : month !== undefined ? 'month' : 'year';
    add({ type: 'date', text: dateText, start, end, year, month, day: precision === 'day' ? day : undefined, precision, relation: relationBefore(text, start) });
  }
  // A month name alone after a preposition ("from May", "in October"); capitalised so "may" the verb is not taken.
  // In text written without capitals, "in august" is a month too ("may" stays a verb).
  const caseless = !/[A-Z]/.test(slice);
  const monthAfterPreposition = caseless ? MONTH_AFTER_PREPOSITION_CASELESS : MONTH_AFTER_PREPOSITION;
  for (const m of slice.matchAll(monthAfterPreposition)) {
    const start = span.start + (m.index ?? 0) + m[0].length - m[1].length;
    const end = start + m[1].length;
    if (covered(start, end)) continue;
    add({ type: 'date', text: m[1], start, end, month: monthNumber(m[1]), precision: 'month', relation: relationBefore(text, start) });
  }
  // Bare years: four digits not part of a larger number, amount or measure.
  for (const m of slice.matchAll(/(?<![\d.,$€£#-])\b(1\d{3}|2[01]\d{2})(s)?\b(?![.,]\d)(?!\s*(?:%|percent|per cent))/g)) {
    const start = span.start + (m.index ?? 0);
    const end = start + m[0].length;
    const year = Number(m[1]);
    if (year < MIN_YEAR || year > MAX_YEAR || covered(start, end)) continue;
    const relation = relationBefore(text, start);
    const after = text.slice(end, end + 16);
    // "2500 American troops" is a count; "in 2014" is a year.
    if (!relation && !m[2] && /^\s+[a-z]/.test(after) && !/^\s+(?:and|to|or|when|after|before|as|was|is|saw)\b/.test(after)) continue;
    add({ type: 'date', text: m[0], start, end, year, precision: 'year', relation });
  }
  // "on Tuesday": a weekday, told as news is, without its date.
  for (const m of slice.matchAll(/\bon\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g)) {
    const start = span.start + (m.index ?? 0) + m[0].length - m[1].length;
    const end = start + m[1].length;
    if (covered(start, end)) continue;
    add({ type: 'date', text: m[1], start, end, weekday: WEEKDAY_NAMES.indexOf(m[1]) + 1, precision: 'weekday', relation: 'on' });
  }
  dates.sort((a, b) => a.start - b.start);
  // "between June 2022 and September 2023", "from May to July": the second date is the other end of the range.
  for (let k = 1; k < dates.length; k++) {
    const previous = dates[k - 1];
    if (dates[k].relation || !/^\s*(?:and|to|-|\u2013|until)\s*$/.test(text.slice(previous.end, dates[k].start))) continue;
    if (previous.relation === 'between') dates[k] = { ...dates[k], relation: 'between' };
    else if (previous.relation === 'from') dates[k] = { ...dates[k], relation: 'until' };
  }
  return dates;
}

function numberOfWord(word: string): number | undefined {
  const w = word.toLowerCase();
  return Object.prototype.hasOwnProperty.call(SMALL_NUMBERS, w) ? SMALL_NUMBERS[w] : undefined;
}

function parseNumeral(word: string): number | undefined {
  const cleaned = word.replace(/^[$€£¥]/, '').replace(/,(?=\d{3}\b)/g, '');
  if (cleaned === '') return undefined;
  const suffix = /^(\d+(?:\.\d+)?)(k|m|bn|mn|b)$/i.exec(cleaned);
  if (suffix) return Number(suffix[1]) * (MAGNITUDES[suffix[2].toLowerCase()] ?? (suffix[2].toLowerCase() === 'b' ? 1e9 : 1));
  if (!/^\d+(?:\.\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

/** Currency signs before an amount: the amount's unit. */
const CURRENCY: Record<string, string> = { $: 'dollar', '\u20ac': 'euro', '\u00a3': 'pound', '\u00a5': 'yen' };

/** Tokens that may stand between a number and the noun it counts. */
const UNIT_SKIP_POS = new Set(['ADJ', 'PROPN', 'NUM', 'ADV', 'DET']);
const UNIT_LOOKAHEAD = 4;
const QUALIFIER_LOOKBEHIND = 3;

function unitAfter(tokens: readonly Token[], index: number, end: number): string | undefined {
  for (let k = index; k < Math.min(end, index + UNIT_LOOKAHEAD); k++) {
    const t = tokens[k];
    const lower = t.text.toLowerCase();
    if (lower === '%' || lower === 'percent' || (lower === 'per' && tokens[k + 1]?.text.toLowerCase() === 'cent')) return 'percent';
    if (t.pos === 'NOUN') {
      // A compound counts its last noun: "40 container ships" counts ships.
      let last = k;
      while (last + 1 < end && tokens[last + 1].pos === 'NOUN') last++;
      return tokens[last].lemma;
    }
    if (t.pos === 'PROPN' && /s$/.test(t.text) && k > index && tokens[k - 1].pos !== 'PROPN') return t.lemma;
    if (!UNIT_SKIP_POS.has(t.pos) && !MAGNITUDES[lower]) return undefined;
  }
  return undefined;
}

/** "the retirement age from 65": with nothing counted after it, a number measures the noun just before its preposition. */
function unitBefore(tokens: readonly Token[], index: number, begin: number): string | undefined {
  const preposition = tokens[index - 1];
  const noun = tokens[index - 2];
  if (index - 2 < begin || !preposition || !noun || !['from', 'at', 'of'].includes(preposition.text.toLowerCase())) return undefined;
  return noun.pos === 'NOUN' ? noun.lemma : undefined;
}

function qualifierBefore(tokens: readonly Token[], index: number, begin: number): Qualifier | undefined {
  for (let n = QUALIFIER_LOOKBEHIND; n >= 1; n--) {
    if (index - n < begin) continue;
    const phrase = tokens.slice(index - n, index).map((t) => t.text.toLowerCase()).join(' ');
    if (NUMBER_QUALIFIERS[phrase]) return NUMBER_QUALIFIERS[phrase];
  }
  return undefined;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * True when a token is the tail of a longer word: "ago3.1" is tokenised "ago3", ".", "1", and that "1" is no
 * quantity (nor is a value put in its place ever read as one).
 */
function gluedToWordBefore(text: string, start: number): boolean {
  const before = text[start - 1];
  if (before === undefined) return false;
  if (LETTER_OR_DIGIT.test(before)) return true;
  return (before === '.' || before === ',') && LETTER_OR_DIGIT.test(text[start - 2] ?? '');
}

/** Quantities in tokens[begin, end), skipping any that lie inside one of `exclude` (dates). */
export function findNumbers(text: string, tokens: readonly Token[], begin: number, end: number, exclude: readonly Span[]): NumberValue[] {
  const numbers: NumberValue[] = [];
  // Tokens are asked about in order of their start: the spans starting at or before a token are swept once, and it
  // lies inside one of them when the furthest end among them reaches its end.
  const spans = [...exclude].sort((a, b) => a.start - b.start);
  let swept = 0;
  let furthest = -Infinity;
  const excluded = (t: Token): boolean => {
    while (swept < spans.length && spans[swept].start <= t.start) furthest = Math.max(furthest, spans[swept++].end);
    return furthest >= t.end;
  };
  let i = begin;
  while (i < end) {
    const token = tokens[i];
    if (excluded(token) || gluedToWordBefore(text, token.start)) {
      i++;
      continue;
    }
    let value = parseNumeral(token.text);
    const isWord = value === undefined;
    if (isWord) value = numberOfWord(token.text);
    // Number words count only as quantities of something ("two countries"), and never "a"/"an"/"half" alone.
    if (value === undefined || (isWord && ['a', 'an', 'half'].includes(token.text.toLowerCase()))) {
      i++;
      continue;
    }
    if (isWord && token.text.toLowerCase() === 'one' && !(tokens[i + 1]?.pos === 'NOUN')) {
      i++;
      continue;
    }
    let j = i + 1;
    // "two and a half thousand", "1.5 million", "twenty-five"
    if (j + 2 < end && tokens[j].text.toLowerCase() === 'and' && ['a', 'an'].includes(tokens[j + 1].text.toLowerCase()) && tokens[j + 2].text.toLowerCase() === 'half') {
      value += 0.5;
      j += 3;
    }
    if (j + 1 < end && tokens[j].text === '-' && numberOfWord(tokens[j + 1].text) !== undefined && (numberOfWord(tokens[j + 1].text) ?? 0) < 10) {
      value += numberOfWord(tokens[j + 1].text) ?? 0;
      j += 2;
    }
    while (j < end && MAGNITUDES[tokens[j].text.toLowerCase()] && !tokens[j].text.endsWith('s')) {
      value *= MAGNITUDES[tokens[j].text.toLowerCase()];
      j++;
    }
    if (isWord && value === 1 && !(tokens[j]?.pos === 'NOUN')) {
      i = j;
      continue;
    }
    const start = token.start;
    const stop = tokens[j - 1].end;
    const currency = CURRENCY[token.text[0]] ?? CURRENCY[tokens[i - 1]?.text ?? ''];
    const moneyStart = !CURRENCY[token.text[0]] && currency ? tokens[i - 1].start : start;
    numbers.push({
      type: 'number', text: text.slice(moneyStart, stop), start: moneyStart, end: stop, value,
      unit: currency ?? unitAfter(tokens, j, end) ?? unitBefore(tokens, i, begin), qualifier: qualifierBefore(tokens, currency && moneyStart !== start ? i - 1 : i, begin),
    });
    i = j;
  }
  // "from nine days to four", "between 10 and 12 percent": a bare number in a range counts what its partner counts.
  for (let k = 0; k < numbers.length; k++) {
    const n = numbers[k];
    const partner = n.unit ? undefined : numbers[k - 1];
    if (!partner?.unit || !RANGE_BETWEEN.test(text.slice(partner.end, n.start))) continue;
    numbers[k] = { ...n, unit: partner.unit };
  }
  for (let k = numbers.length - 2; k >= 0; k--) {
    const n = numbers[k];
    const partner = numbers[k + 1];
    if (n.unit || !partner.unit || !/^\s*(?:to|and|or|-|\u2013|of(?:\s+the)?|out\s+of(?:\s+the)?)\s*$/.test(text.slice(n.end, partner.start))) continue;
    numbers[k] = { ...n, unit: partner.unit };
  }
  return numbers;
}

/** What may stand between a number with its unit and a bare number of the same range: "days to", "and", "-". */
const RANGE_BETWEEN = /^\s*(?:[\p{L}%]+\s+)?(?:to|and|or|-|\u2013)\s*$/u;

/** "About 2,500" agrees with a figure within this share of it (either side approximate). */
const ABOUT_TOLERANCE = 0.1;
/** "Over 170" agrees with a claim up to this share above it; "nearly 12" with one up to this share below. */
const BOUND_TOLERANCE = 0.1;

/** True when two quantities agree, given how each is qualified ("over 170" agrees with "more than 170" and with "175"). */
export function quantitiesAgree(claim: NumberValue, source: NumberValue): boolean {
  if (claim.value === source.value) return true;
  const relative = Math.abs(claim.value - source.value) / Math.max(Math.abs(source.value), 1);
  if ((claim.qualifier === 'about' || source.qualifier === 'about') && relative <= ABOUT_TOLERANCE) return true;
  if (source.qualifier === 'over' && claim.qualifier !== 'under' && claim.value >= source.value && claim.value <= source.value * (1 + BOUND_TOLERANCE)) return true;
  if (source.qualifier === 'under' && claim.value <= source.value && claim.value >= source.value * (1 - BOUND_TOLERANCE)) return true;
  // "over 170" in the source supports "over 150" in the memo: a weaker bound.
  if (source.qualifier === 'over' && claim.qualifier === 'over' && claim.value <= source.value) return true;
  if (source.qualifier === 'under' && claim.qualifier === 'under' && claim.value >= source.value) return true;
  return false;
}
