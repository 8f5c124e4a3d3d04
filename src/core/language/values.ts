/** Typed values in a sentence: quantities with what they count, and dates with their precision. */
import * as chrono from 'chrono-node/en';
import {
  CURRENCY_CODES, CURRENCY_LETTER_SYMBOLS, CURRENCY_SIGNS, RELATIVE_DATE_OFFSETS, RELATIVE_DATE_UNITS, RELATIVE_DAYS, FRACTION_DENOMINATORS, MAGNITUDE_ABBREVIATIONS, MAGNITUDES, MONTH_ABBREVIATIONS, MONTHS, monthNumber, NUMBER_QUALIFIERS,
  MEASURE_WORDS, ONE_AS_PRONOUN_AFTER, PLURALS_WITHOUT_S, SMALL_NUMBERS,
} from './words';
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
  /** A range ("between 3 and 5 percent") is one value: `value` is its low end, `high` its high end. */
  readonly high?: number;
}

export type DatePrecision = 'year' | 'month' | 'day' | 'weekday' | 'relative';

/** The known parts of a date: the far end of a range. */
export interface DateParts {
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
}

/**
 * A date told from another time, not on the calendar: "last week", "later this year" (from the time of writing,
 * `anchor` "now"), "the next day" (from the event told before, `anchor` "event"). `offset` counts `unit`s from the
 * anchor: -1 last, 0 this, +1 next. Never comparable with a calendar date: the memo's "now" is not the source's.
 */
export interface RelativeDate {
  readonly anchor: 'now' | 'event';
  readonly unit: string;
  readonly offset: number;
}

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
  /** A range ("June–September 2024", "between June and September 2023", the fiscal year "2025–26"): its last part. */
  readonly to?: DateParts;
  /** With precision "relative": what the date is told from, in what unit and how many of them. */
  readonly relative?: RelativeDate;
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

/** A part of the day before the date it is of: "the morning of 8 December 2023". */
const PART_OF_DAY = /^(?:(?:early|late)\s+)?(?:morning|afternoon|evening|night)\s+of\s+/i;

/**
 * chrono-node reads "morning of 8 December 2023" as a time of an unknown day, every field uncertain, so the date
 * was lost (only its year was read, as a bare year, and its day as a number). The date after "of" is read alone.
 */
function pastPartOfDay(result: chrono.ParsedResult): chrono.ParsedResult {
  const part = PART_OF_DAY.exec(result.text);
  if (!part) return result;
  const inner = chrono.parse(result.text.slice(part[0].length), REFERENCE_DATE)[0];
  if (!inner || inner.index !== 0) return result;
  (inner as { index: number }).index = result.index + part[0].length;
  return inner;
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
  for (const found of chronoInWindows(slice)) {
    const result = pastPartOfDay(found);
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
    // "Tuesday 11 February 2025": the weekday is the date's too.
    const weekday = known.isCertain('weekday') && precision === 'day' ? ((known.get('weekday') ?? 0) + 6) % 7 + 1 : undefined;
    // "June–September 2024": one date, from its first part to its last; the first takes the last's year.
    const last = result.end;
    const to: DateParts | undefined = last ? {
      year: last.isCertain('year') ? last.get('year') ?? undefined : undefined,
      month: last.isCertain('month') ? last.get('month') ?? undefined : undefined,
      day: last.isCertain('day') ? last.get('day') ?? undefined : undefined,
    } : undefined;
    const yearOfRange = year === undefined && to?.year !== undefined && month !== undefined && to.month !== undefined && month <= to.month ? to.year : year;
    add({
      type: 'date', text: dateText, start, end, year: yearOfRange, month, day: precision === 'day' ? day : undefined, precision, relation: relationBefore(text, start),
      ...(weekday ? { weekday } : {}), ...(to && (to.year !== undefined || to.month !== undefined) ? { to: compactParts(to) } : {}),
    });
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
  // Fiscal years and spans of years: "2025–26", "2019-2023", "2024/25".
  for (const m of slice.matchAll(YEAR_SPAN)) {
    const start = span.start + (m.index ?? 0);
    const end = start + m[0].length;
    const first = Number(m[1]);
    const last = m[2].length === 2 ? Math.floor(first / 100) * 100 + Number(m[2]) : Number(m[2]);
    if (first < MIN_YEAR || last > MAX_YEAR || last <= first || last - first > MAX_YEAR_SPAN || covered(start, end)) continue;
    add({ type: 'date', text: m[0], start, end, year: first, precision: 'year', relation: relationBefore(text, start), to: { year: last } });
  }
  // Bare years: four digits not part of a larger number, amount or measure.
  for (const m of slice.matchAll(/(?<![\d.,$€£#-])\b(1\d{3}|2[01]\d{2})(s)?\b(?![.,]\d)(?!\s*(?:%|percent|per cent))/g)) {
    const start = span.start + (m.index ?? 0);
    const end = start + m[0].length;
    const year = Number(m[1]);
    if (year < MIN_YEAR || year > MAX_YEAR || covered(start, end)) continue;
    const relation = relationBefore(text, start);
    const after = text.slice(end, end + 16);
    // "2500 American troops" is a count; "in 2014" is a year, and so is "the 2030 target" (a year names one thing).
    const attributive = ATTRIBUTIVE_BEFORE.test(text.slice(Math.max(0, start - 8), start)) && namesOneThing(after);
    if (!relation && !m[2] && !attributive && /^\s+[a-z]/.test(after) && !/^\s+(?:and|to|or|when|after|before|as|was|is|saw)\b/.test(after)) continue;
    add({ type: 'date', text: m[0], start, end, year, precision: 'year', relation });
  }
  // "on Tuesday": a weekday, told as news is, without its date.
  for (const m of slice.matchAll(/\bon\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g)) {
    const start = span.start + (m.index ?? 0) + m[0].length - m[1].length;
    const end = start + m[1].length;
    if (covered(start, end)) continue;
    add({ type: 'date', text: m[1], start, end, weekday: WEEKDAY_NAMES.indexOf(m[1]) + 1, precision: 'weekday', relation: 'on' });
  }
  // Relative dates: "last week", "Earlier this year", "the next day", "yesterday".
  for (const m of slice.matchAll(RELATIVE_DATE)) {
    const start = span.start + (m.index ?? 0);
    const end = start + m[0].length;
    // "BBC East Midlands Today", "Next Week" inside a sentence: a capital there makes it a name's.
    if (covered(start, end) || (/^[A-Z]/.test(m[0]) && !/(?:^|[.!?:;"'\u201c\u2018(\n-]\s*)$/.test(text.slice(Math.max(span.start, start - 3), start)))) continue;
    const words = m[0].toLowerCase().split(/\s+/);
    const relative: RelativeDate = RELATIVE_DAYS[words[0]] !== undefined
      ? { anchor: 'now', unit: 'day', offset: RELATIVE_DAYS[words[0]] }
      : { anchor: words[0] === 'the' ? 'event' : 'now', unit: words[words.length - 1], offset: RELATIVE_DATE_OFFSETS[words[words.length - 2]] };
    add({ type: 'date', text: m[0], start, end, precision: 'relative', relation: relationBefore(text, start), relative });
  }
  dates.sort((a, b) => a.start - b.start);
  // "between June and September 2023" is one date, a range; "from May to July": the second date is where it ends.
  const merged: DateValue[] = [];
  for (const date of dates) {
    const previous = merged[merged.length - 1];
    if (!previous || date.relation || date.precision === 'relative' || previous.precision === 'relative' || !/^\s*(?:and|to|-|\u2013|until)\s*$/.test(text.slice(previous.end, date.start))) {
      merged.push(date);
    } else if (previous.relation === 'between' && !previous.to && /^\s*and\s*$/.test(text.slice(previous.end, date.start))) {
      merged[merged.length - 1] = rangeOf(text, previous, date);
    } else if (previous.relation === 'between') {
      merged.push({ ...date, relation: 'between' });
    } else if (previous.relation === 'from') {
      merged.push({ ...date, relation: 'until' });
    } else {
      merged.push(date);
    }
  }
  return merged;
}

/** A date's known parts only. */
function compactParts(parts: DateParts): DateParts {
  return { ...(parts.year !== undefined ? { year: parts.year } : {}), ...(parts.month !== undefined ? { month: parts.month } : {}), ...(parts.day !== undefined ? { day: parts.day } : {}) };
}

/** "between June and September 2023": from the first date to the second, the first taking the second's year. */
function rangeOf(text: string, first: DateValue, last: DateValue): DateValue {
  const year = first.year ?? (last.year !== undefined && (first.month === undefined || last.month === undefined || first.month <= last.month) ? last.year : undefined);
  const precision: DatePrecision = first.precision === 'weekday' ? 'weekday' : first.precision;
  return {
    ...first, text: text.slice(first.start, last.end), end: last.end, precision, ...(year !== undefined ? { year } : {}),
    to: compactParts({ year: last.to?.year ?? last.year, month: last.to?.month ?? last.month, day: last.to?.day ?? last.day }),
  };
}

/** Fiscal years and spans of years ("2025–26", "2019-2023", "2024/25"), not part of a longer number or date. */
const YEAR_SPAN = /(?<![\d.,$€£#/-])\b(1\d{3}|2[01]\d{2})(?:[-\u2013/]|\s\u2013\s)(\d{4}|\d{2})\b(?![.,/-]?\d)/g;
/** A span of years longer than this is not one period ("1066-2024" is read as two years, if at all). */
const MAX_YEAR_SPAN = 100;
/** "the 2030 target", "its 2023 report": a year used as an adjective, after a determiner. */
const ATTRIBUTIVE_BEFORE = /(?:\b(?:the|its|their|our|his|her|this|that)|['\u2019]s)\s+$/i;
/** True when the word after a number is a singular noun ("target", "budget"), not a plural ("troops", "people"). */
function namesOneThing(after: string): boolean {
  const word = /^\s+([a-z]+)\b/.exec(after)?.[1];
  return word !== undefined && !PLURALS_WITHOUT_S.has(word) && !MEASURE_WORDS.has(word) && (!/s$/.test(word) || /(?:ss|us|is)$/.test(word));
}
const RELATIVE_UNIT_PATTERN = RELATIVE_DATE_UNITS.join('|');
/** "last week", "this year", "earlier this month", "the next day", "the following week", "yesterday". */
const RELATIVE_DATE = new RegExp(
  `\\b(?:(?<!\\bthe\\s)(?:last|next|this|coming)\\s+(?:${RELATIVE_UNIT_PATTERN})|(?:earlier|later)\\s+this\\s+(?:${RELATIVE_UNIT_PATTERN})|the\\s+(?:next|following|previous|preceding)\\s+(?:${RELATIVE_UNIT_PATTERN})|${Object.keys(RELATIVE_DAYS).join('|')})\\b(?!-)`,
  'gi',
);

function numberOfWord(word: string): number | undefined {
  const w = word.toLowerCase();
  return Object.prototype.hasOwnProperty.call(SMALL_NUMBERS, w) ? SMALL_NUMBERS[w] : undefined;
}

/** A product without its binary noise: 32.8 × 10⁶ is 32,800,000, not 32,799,999.999999996. */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/** Fractions are kept to three decimals: two-thirds is 0.667. */
const FRACTION_DECIMALS = 1000;

/** A figure in digits: "1,240", "-43.9" (a signed table cell), "40k"; "3-5" is a range. */
function parseNumeral(word: string): { value: number; high?: number } | undefined {
  const cleaned = (CURRENCY_SIGNS[word[0]] ? word.slice(1) : word).replace(/,(?=\d{3}\b)/g, '');
  if (cleaned === '') return undefined;
  const suffix = /^(\d+(?:\.\d+)?)(k|m|bn|mn|b|tn)$/i.exec(cleaned);
  if (suffix) return { value: tidy(Number(suffix[1]) * (MAGNITUDES[suffix[2].toLowerCase()] ?? (suffix[2].toLowerCase() === 'b' ? 1e9 : 1e12))) };
  const signed = /^([+-])?(\d+(?:\.\d+)?)$/.exec(cleaned);
  if (signed) return { value: signed[1] === '-' ? -Number(signed[2]) : Number(signed[2]) };
  const range = /^(\d+(?:\.\d+)?)[-\u2013](\d+(?:\.\d+)?)$/.exec(cleaned);
  if (range && Number(range[1]) < Number(range[2])) return { value: Number(range[1]), high: Number(range[2]) };
  return undefined;
}

/** Tokens that may stand between a number and the noun it counts. */
const UNIT_SKIP_POS = new Set(['ADJ', 'PROPN', 'NUM', 'ADV', 'DET']);
const UNIT_LOOKAHEAD = 4;
/** "in the region of" is four words. */
const QUALIFIER_LOOKBEHIND = 4;
/** Words between "of" and the noun a count of a group counts: "three of its regions", "a dozen of their members". */
const OF_DETERMINERS = new Set(['the', 'its', 'their', 'our', 'his', 'her', 'my', 'your', 'these', 'those']);

/** What a percentage point is called once basis points are read as hundredths of one (see {@link POINT_UNITS}). */
const PERCENTAGE_POINT = 'percentage point';
const BASIS_POINT = 'basis point';
/** The words before "point" that make it a unit of rates: "percentage points", "basis points" (a hundredth of one). */
const POINT_UNITS: Record<string, string> = { percentage: PERCENTAGE_POINT, percent: PERCENTAGE_POINT, basis: BASIS_POINT };

/** "basis point" or "percentage point" for a compound of lemmas ending in "point" that names one; else undefined. */
function pointUnitOf(lemmas: readonly string[]): string | undefined {
  if (lemmas.length < 2 || lemmas[lemmas.length - 1] !== 'point') return undefined;
  return POINT_UNITS[lemmas[lemmas.length - 2].toLowerCase()];
}

function unitAfter(tokens: readonly Token[], index: number, end: number): string | undefined {
  // "three of its regions": what a part of a group counts is the group's noun.
  let from = index;
  if (tokens[index]?.text.toLowerCase() === 'of' && index + 1 < end && OF_DETERMINERS.has(tokens[index + 1].text.toLowerCase())) from = index + 2;
  for (let k = from; k < Math.min(end, from + UNIT_LOOKAHEAD); k++) {
    const t = tokens[k];
    const lower = t.text.toLowerCase();
    if (lower === '%' || lower === 'percent' || (lower === 'per' && tokens[k + 1]?.text.toLowerCase() === 'cent')) return 'percent';
    // Another figure: in a table row ("164 92 -43.9%") each cell is its own.
    if (t.type === 'number' || (t.pos === 'NUM' && numberOfWord(lower) !== undefined)) return undefined;
    if (t.pos === 'NOUN') {
      // A compound counts its last noun: "40 container ships" counts ships.
      let last = k;
      while (last + 1 < end && tokens[last + 1].pos === 'NOUN') last++;
      return pointUnitOf(tokens.slice(k, last + 1).map((u) => u.lemma)) ?? tokens[last].lemma;
    }
    if (t.pos === 'PROPN' && /s$/.test(t.text) && k > from && tokens[k - 1].pos !== 'PROPN') return t.lemma;
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

/** What follows a figure that makes it a clock time: "9.30am", "7 p.m.", "10 o'clock". */
const CLOCK_AFTER = /^(?:\d*[ap]\.?m\.?|o'clock|o\u2019clock|gmt|utc)$/i;

/** A figure read at a token: where its text begins and ends (as token indices), its value and what it counts when its own words say. */
interface Reading {
  first: number;
  next: number;
  value: number;
  high?: number;
  unit?: string;
  /** Where the text ends when not at the last token's end ("£32.8m." leaves the full stop out). */
  textEnd?: number;
}

/**
 * A currency in letters right before a figure, and its unit: a symbol or ISO code the tokenizer read as a sign
 * (nlp.ts gave "R4.6bn" the stand-in "$4.6bn"; the token is the symbol's last letter, so its letters are read back
 * from the text), or a word of its own ("SEK 3.2bn", "KSh 40m"; a one-letter symbol only glued, as "R 4" is no amount).
 */
function letteredCurrencyBefore(text: string, token: Token): { start: number; unit: string } | undefined {
  if (token.type === 'currency' && !CURRENCY_SIGNS[token.text]) {
    for (let length = Math.min(LETTERED_CURRENCY_MAX, token.end); length >= 1; length--) {
      const prefix = text.slice(token.end - length, token.end);
      const unit = CURRENCY_LETTER_SYMBOLS[prefix] ?? CURRENCY_CODES[prefix];
      if (unit && !/[\p{L}\p{N}]/u.test(text[token.end - length - 1] ?? '')) return { start: token.end - length, unit };
    }
    return undefined;
  }
  const unit = CURRENCY_CODES[token.text] ?? (token.text.length > 1 ? CURRENCY_LETTER_SYMBOLS[token.text] : undefined);
  return unit ? { start: token.start, unit } : undefined;
}

/** The longest currency symbol or code in letters ("Bs.S", "KSh", "SEK"). */
const LETTERED_CURRENCY_MAX = 4;

/**
 * Quantities in tokens[begin, end), skipping any that lie inside one of `exclude` (dates). Figures in digits, with
 * their currency ("NZ$4.2bn", "₦187.5 billion") and hyphenated unit ("a 300-mile pipeline"); number words ("a
 * dozen", "Fourteen of 27 members"); fractions ("two-thirds", "a third of", "Half of"; unit "fraction"); a range
 * ("between 3 and 5 percent", "3-5 percent") is one value from `value` to `high`.
 */
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
  const lower = (k: number): string => (k >= begin && k < end ? tokens[k].text.toLowerCase() : '');
  /** True when token k follows token k - 1 with no space between. */
  const joined = (k: number): boolean => k > begin && k < end && tokens[k].start === tokens[k - 1].end;
  const fractionAt = (k: number): number | undefined => (Object.prototype.hasOwnProperty.call(FRACTION_DENOMINATORS, lower(k)) ? FRACTION_DENOMINATORS[lower(k)] : undefined);
  /** "million", "bn" glued to its figure, "dozen": the magnitudes after a figure, multiplied in. */
  const magnitudes = (r: Reading): Reading => {
    let { value, next } = r;
    if (next >= end || !(MAGNITUDES[lower(next)] || lower(next) === 'dozen' || MAGNITUDES[lower(next).replace(/\.$/, '')])) return r;
    let textEnd: number | undefined;
    while (next < end) {
      const word = lower(next);
      const abbreviation = word.replace(/\.$/, '');
      if (MAGNITUDE_ABBREVIATIONS.has(abbreviation) && joined(next) && MAGNITUDES[abbreviation]) {
        value = tidy(value * MAGNITUDES[abbreviation]);
        // "£32.8m." at the end of a sentence: the full stop is the sentence's.
        if (word.endsWith('.')) textEnd = tokens[next].end - 1;
        next++;
        break;
      }
      if (MAGNITUDE_ABBREVIATIONS.has(word) || word.endsWith('s') || !(MAGNITUDES[word] || word === 'dozen')) break;
      value = tidy(value * (MAGNITUDES[word] ?? 12));
      next++;
    }
    return { ...r, value, next, textEnd };
  };
  /**
   * The ones after a tens word and a hyphen, added in ("twenty-five"): the value and the token after it. Only a
   * hyphen written onto both words: a spaced one ("fifty - five more") is a dash between two figures.
   */
  const withOnes = (value: number, next: number): { value: number; next: number } => {
    const ones = numberOfWord(lower(next + 1));
    const tens = value >= 20 && value < 100 && value % 10 === 0;
    return tens && lower(next) === '-' && joined(next) && joined(next + 1) && ones !== undefined && ones >= 1 && ones < 10 ? { value: value + ones, next: next + 2 } : { value, next };
  };
  /**
   * The rest of a number in words after a magnitude word, below it: "two hundred and eighty", "one thousand two
   * hundred", "two hundred and fifty thousand" (the part before the last magnitude multiplied by it). "between two
   * hundred and three hundred" is a range: after "between", "and" is not read into the number.
   */
  const restInWords = (r: Reading): Reading => {
    let current = r;
    for (;;) {
      const last = lower(current.next - 1);
      const magnitude = MAGNITUDES[last];
      if (!magnitude || MAGNITUDE_ABBREVIATIONS.has(last) || last.endsWith('s')) return current;
      let k = current.next;
      if (lower(k) === 'and') {
        if (lower(r.first - 1) === 'between') return current;
        k++;
      }
      const word = lower(k);
      const tens = ['a', 'an', 'half', 'dozen'].includes(word) ? undefined : numberOfWord(word);
      if (tens === undefined || tens < 1) return current;
      // "eighty-five"
      const { value: part, next: after } = withOnes(tens, k + 1);
      const tail = magnitudes({ first: k, next: after, value: part });
      if (tail.value < magnitude) current = { ...current, value: tidy(current.value + tail.value), next: tail.next, textEnd: tail.textEnd };
      else if (tail.next > after && part < magnitude) current = { ...current, value: tidy((current.value + part) * (tail.value / part)), next: tail.next, textEnd: tail.textEnd };
      else return current;
    }
  };
  const readAt = (i: number): Reading | undefined => {
    const word = lower(i);
    // "a dozen", "a million", "a third of".
    if (word === 'a' || word === 'an') {
      const after = lower(i + 1);
      if (after === 'dozen' || (MAGNITUDES[after] && !MAGNITUDE_ABBREVIATIONS.has(after) && !after.endsWith('s'))) return restInWords(magnitudes({ first: i, next: i + 1, value: 1 }));
      const denominator = fractionAt(i + 1);
      if (denominator && !/s$/.test(after) && lower(i + 2) === 'of') return { first: i, next: i + 2, value: Math.round(FRACTION_DECIMALS / denominator) / FRACTION_DECIMALS, unit: 'fraction' };
      return undefined;
    }
    // "half a million", "Half of our households", "half the budget".
    // "the first half of the season" is a part of a time, not a share.
    if (word === 'half' && i - 1 >= begin && (tokens[i - 1].pos === 'ADJ' || tokens[i - 1].pos === 'DET' || tokens[i - 1].type === 'ordinal')) return undefined;
    if (word === 'half') {
      if ((lower(i + 1) === 'a' || lower(i + 1) === 'an') && (lower(i + 2) === 'dozen' || (MAGNITUDES[lower(i + 2)] && !lower(i + 2).endsWith('s')))) {
        return magnitudes({ first: i, next: i + 2, value: 0.5 });
      }
      if (lower(i + 1) === 'of' || OF_DETERMINERS.has(lower(i + 1))) return { first: i, next: i + 1, value: 0.5, unit: 'fraction' };
      return undefined;
    }
    const numeral = parseNumeral(tokens[i].text);
    if (numeral) {
      // "−2.1%" with a minus sign of its own, not glued to a word before it.
      const minus = i - 1 >= begin && tokens[i - 1].text === '\u2212' && joined(i) && !gluedToWordBefore(text, tokens[i - 1].start);
      if (minus) return magnitudes({ first: i - 1, next: i + 1, value: -numeral.value });
      return numeral.high !== undefined ? { first: i, next: i + 1, value: numeral.value, high: numeral.high } : magnitudes({ first: i, next: i + 1, value: numeral.value });
    }
    let value = numberOfWord(word);
    if (value === undefined || word === 'dozen') return undefined;
    // "one in five adults": a share.
    const whole = lower(i + 1) === 'in' ? numberOfWord(lower(i + 2)) ?? parseNumeral(lower(i + 2))?.value : undefined;
    if (whole !== undefined && value < whole && Number.isInteger(whole)) return { first: i, next: i + 3, value: Math.round((value / whole) * FRACTION_DECIMALS) / FRACTION_DECIMALS, unit: 'fraction' };
    // "the one holding it", "no one": a pronoun; "one of them": no count.
    if (word === 'one' && (tokens[i + 1]?.pos !== 'NOUN' || ONE_AS_PRONOUN_AFTER.has(lower(i - 1)))) return undefined;
    let next = i + 1;
    // "two-thirds", "two thirds of", "one-fifth".
    const denominator = fractionAt(next) ?? (lower(next) === '-' && joined(next) ? fractionAt(next + 1) : undefined);
    if (denominator && value < denominator) {
      const at = fractionAt(next) !== undefined ? next : next + 1;
      const spaced = at === next;
      if (!spaced || /s$/.test(lower(at)) || lower(at + 1) === 'of') return { first: i, next: at + 1, value: Math.round((value / denominator) * FRACTION_DECIMALS) / FRACTION_DECIMALS, unit: 'fraction' };
    }
    // "two and a half thousand", "twenty-five"
    if (next + 2 < end && lower(next) === 'and' && (lower(next + 1) === 'a' || lower(next + 1) === 'an') && lower(next + 2) === 'half') {
      value += 0.5;
      next += 3;
    }
    ({ value, next } = withOnes(value, next));
    const read = restInWords(magnitudes({ first: i, next, value }));
    if (read.value === 1 && tokens[read.next]?.pos !== 'NOUN') return undefined;
    return read;
  };
  let i = begin;
  while (i < end) {
    const token = tokens[i];
    // A figure glued to a currency in letters ("R4.6bn": a sign to the tokenizer) is an amount, not a word's tail.
    const afterSign = i > begin && tokens[i - 1].type === 'currency' && tokens[i - 1].end === token.start;
    if (excluded(token) || (!afterSign && gluedToWordBefore(text, token.start))) {
      i++;
      continue;
    }
    const read = readAt(i);
    if (!read) {
      i++;
      continue;
    }
    let { next } = read;
    let unit = read.unit;
    // "a 300-mile pipeline", "a 2.5-percentage-point rise": the hyphenated words are the figure's unit.
    if (!unit && read.textEnd === undefined) {
      let k = next;
      let noun: Token | undefined;
      const words: string[] = [];
      while (k + 1 < end && tokens[k].text === '-' && joined(k) && joined(k + 1) && /^\p{L}+$/u.test(tokens[k + 1].text)) {
        if (tokens[k + 1].pos === 'NOUN') noun = tokens[k + 1];
        words.push(tokens[k + 1].lemma);
        k += 2;
      }
      if (noun) {
        unit = pointUnitOf(words) ?? noun.lemma;
        next = k;
      }
    }
    // "9.30am", "7 p.m.": a clock time.
    if (CLOCK_AFTER.test(tokens[next]?.text ?? '') || tokens[next]?.type === 'time') {
      i = next + 1;
      continue;
    }
    const first = read.first;
    // The currency before the figure: "$", "£", "US$", "NZ$" (letters glued to the sign), "₦".
    const sign = CURRENCY_SIGNS[tokens[first].text[0]] ? tokens[first].text[0] : undefined;
    const signBefore = first - 1 >= begin ? tokens[first - 1].text : '';
    // In letters: glued to the figure ("R4.6bn", "KSh4.2bn", read by the tokenizer as a sign), or a word before it ("SEK 3.2bn").
    const lettered = !sign && first - 1 >= begin ? letteredCurrencyBefore(text, tokens[first - 1]) : undefined;
    const signToken = !sign && (lettered || CURRENCY_SIGNS[signBefore] || (/^[A-Z]{1,3}\$$/.test(signBefore) && tokens[first - 1].type === 'currency')) ? first - 1 : undefined;
    const currency = sign ? CURRENCY_SIGNS[sign] : lettered ? lettered.unit : signToken !== undefined ? CURRENCY_SIGNS[signBefore.slice(-1)] : undefined;
    let textStart = signToken ?? first;
    if (!lettered && signToken !== undefined && signBefore.length === 1 && joined(signToken) && /^[A-Z]{1,3}$/.test(tokens[signToken - 1]?.text ?? '') && signToken - 1 >= begin) textStart = signToken - 1;
    const start = lettered ? lettered.start : tokens[textStart].start;
    const stop = read.textEnd ?? tokens[next - 1].end;
    // A range in one token ("18-24") counts something, or is a score or a reference.
    const counted = unit ?? currency ?? unitAfter(tokens, next, end) ?? unitBefore(tokens, first, begin);
    if (read.high !== undefined && !counted) {
      i = next;
      continue;
    }
    // A basis point is a hundredth of a percentage point: "90 basis points" and "0.9 percentage points" agree.
    const inBasisPoints = counted === BASIS_POINT;
    const value: NumberValue = {
      type: 'number', text: text.slice(start, stop), start, end: stop, value: inBasisPoints ? tidy(read.value / 100) : read.value,
      unit: inBasisPoints ? PERCENTAGE_POINT : counted, qualifier: qualifierBefore(tokens, textStart, begin),
    };
    numbers.push(read.high !== undefined ? { ...value, high: inBasisPoints ? tidy(read.high / 100) : read.high } : value);
    i = next;
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
  return mergeRanges(text, numbers);
}

/** What may stand between a number with its unit and a bare number of the same range: "days to", "and", "-". */
const RANGE_BETWEEN = /^\s*(?:[\p{L}%]+\s+)?(?:to|and|or|-|\u2013)\s*$/u;
/** "between 3 and 5 percent": the word that opens a range, just before its first figure. */
const BETWEEN_BEFORE = /\bbetween\s+$/i;
/** "from 4 to 6 percent" is a change from one to the other, not a range. */
const FROM_BEFORE = /\bfrom\s+$/i;
/** How far back the word opening a range is looked for. */
const RANGE_OPENING_CHARS = 12;

/**
 * The two ends of a range as one value: "between 3 and 5 percent", "3 to 5 percent", "3–5%". Only ends that count
 * the same thing (the first bare, or with the second's unit), in increasing order; "from 4 to 6" stays two values.
 */
function mergeRanges(text: string, numbers: NumberValue[]): NumberValue[] {
  const merged: NumberValue[] = [];
  for (let k = 0; k < numbers.length; k++) {
    const a = numbers[k];
    const b = numbers[k + 1];
    if (!b || a.high !== undefined || b.high !== undefined || a.unit === 'fraction' || !b.unit || a.unit !== b.unit || !(a.value < b.value)) {
      merged.push(a);
      continue;
    }
    const gap = text.slice(a.end, b.start);
    const before = text.slice(Math.max(0, a.start - RANGE_OPENING_CHARS), a.start);
    const between = BETWEEN_BEFORE.exec(before);
    const isRange = between ? /^\s*(?:[\p{L}%]+\s+)?and\s*$/u.test(gap) : /^\s*(?:to|-|\u2013)\s*$/.test(gap) && !FROM_BEFORE.test(before);
    if (!isRange) {
      merged.push(a);
      continue;
    }
    const start = between ? a.start - between[0].length : a.start;
    merged.push({ ...b, text: text.slice(start, b.end), start, value: a.value, high: b.value, qualifier: a.qualifier });
    k++;
  }
  return merged;
}

/** "About 2,500" agrees with a figure within this share of it (either side approximate). */
const ABOUT_TOLERANCE = 0.1;
/** "Over 170" agrees with a claim up to this share above it; "nearly 12" with one up to this share below. */
const BOUND_TOLERANCE = 0.1;

/** True when two quantities agree, given how each is qualified ("over 170" agrees with "more than 170" and with "175"). */
/** "over 17,000" and "under 17,000": the same figure bounding from opposite sides. */
export function oppositeBounds(a: NumberValue, b: NumberValue): boolean {
  return (a.qualifier === 'over' && b.qualifier === 'under') || (a.qualifier === 'under' && b.qualifier === 'over');
}

export function quantitiesAgree(claim: NumberValue, source: NumberValue): boolean {
  if (claim.high !== undefined || source.high !== undefined) return rangesAgree(claim, source);
  if (claim.value === source.value) return !oppositeBounds(claim, source);
  const relative = Math.abs(claim.value - source.value) / Math.max(Math.abs(source.value), 1);
  if ((claim.qualifier === 'about' || source.qualifier === 'about') && relative <= ABOUT_TOLERANCE) return true;
  if (source.qualifier === 'over' && claim.qualifier !== 'under' && claim.value >= source.value && claim.value <= source.value * (1 + BOUND_TOLERANCE)) return true;
  if (source.qualifier === 'under' && claim.value <= source.value && claim.value >= source.value * (1 - BOUND_TOLERANCE)) return true;
  // "over 170" in the source supports "over 150" in the memo: a weaker bound.
  if (source.qualifier === 'over' && claim.qualifier === 'over' && claim.value <= source.value) return true;
  if (source.qualifier === 'under' && claim.qualifier === 'under' && claim.value >= source.value) return true;
  return false;
}

/**
 * The parts of a sentence's values that alignment leaves to the checks: the figures and calendar dates. The words
 * of a value stay words of the sentence: a hyphenated unit ("300-mile" counts "mile" as "300 miles" does), a
 * fraction's ("two-thirds", "Half of"), and a relative date's ("last week").
 */
export function alignmentSkips(dates: readonly DateValue[], numbers: readonly NumberValue[]): Span[] {
  const spans: Span[] = [];
  for (const d of dates) if (d.precision !== 'relative') spans.push(d);
  for (const n of numbers) {
    if (n.unit === 'fraction') continue;
    const hyphen = /[\d\p{L}]-\p{L}/u.exec(n.text);
    spans.push(hyphen ? { start: n.start, end: n.start + hyphen.index + 1 } : n);
  }
  return spans;
}

/**
 * A range agrees with the same range, and with a figure inside it ("20 percent" and "between 18 and 22 percent",
 * either way round): a range in the memo that holds the source's figure says less, not otherwise. "About" widens
 * each end by its tolerance.
 */
function rangesAgree(claim: NumberValue, source: NumberValue): boolean {
  const slack = claim.qualifier === 'about' || source.qualifier === 'about' ? ABOUT_TOLERANCE : 0;
  const near = (x: number, y: number): boolean => Math.abs(x - y) <= slack * Math.max(Math.abs(y), 1);
  if (claim.high !== undefined && source.high !== undefined) return near(claim.value, source.value) && near(claim.high, source.high);
  const range = claim.high !== undefined ? claim : source;
  const figure = range === claim ? source : claim;
  const high = range.high ?? range.value;
  return (figure.value >= range.value || near(figure.value, range.value)) && (figure.value <= high || near(figure.value, high));
}
