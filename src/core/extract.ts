/** What the sidebar shows of a source: quotes with speakers, and facts with typed values. */
import { findMentions, type Mention } from './entities';
import { findQuotes, type Quote } from './quotes';
import { isHeadingLike, type Sentence, type SourceDoc } from './source';
import { findDates, findNumbers, type DateValue, type NumberValue } from './values';

export interface EntityValue {
  readonly type: 'person' | 'organization' | 'place';
  readonly text: string;
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

export type FactValue = NumberValue | DateValue | EntityValue;

/** A sentence with its typed values. Kept small: a loaded source has one per sentence. */
export interface Fact {
  readonly sentence: Sentence;
  readonly numbers: readonly NumberValue[];
  readonly dates: readonly DateValue[];
  readonly mentions: readonly Mention[];
}

export interface Extraction {
  readonly source: SourceDoc;
  readonly quotes: readonly Quote[];
  /** One per sentence of prose, in order; those with no value are kept for alignment but not shown as facts. */
  readonly sentenceFacts: readonly Fact[];
  readonly facts: readonly Fact[];
  readonly mentions: readonly Mention[];
  /** Distinct people named, by canonical name. */
  readonly people: readonly string[];
}

export function isProseSentence(source: SourceDoc, sentence: Sentence): boolean {
  const paragraph = source.paragraphs[sentence.paragraph - 1];
  if (paragraph && isHeadingLike(source.text.slice(paragraph.start, paragraph.end))) return false;
  return /\p{L}{2,}/u.test(sentence.text);
}

const NONE: readonly never[] = Object.freeze([]);

/** One shared empty list for the many sentences without a value of a kind, and exact-sized lists for the rest. */
function compact<T>(items: readonly T[]): readonly T[] {
  return items.length === 0 ? NONE : items.slice();
}

export function hasValues(fact: Fact): boolean {
  return fact.numbers.length > 0 || fact.dates.length > 0 || fact.mentions.length > 0;
}

/** A fact's numbers, dates and names in the order the sentence gives them (built when shown, not stored). */
export function factValues(fact: Fact): FactValue[] {
  const entityValues: EntityValue[] = fact.mentions.map((m) => ({ type: m.type, text: m.text, value: m.canonical, start: m.start, end: m.end }));
  return [...fact.numbers, ...fact.dates, ...entityValues].sort((a, b) => a.start - b.start);
}

/** Extracts quotes, facts and mentions from a parsed source. */
export function extract(source: SourceDoc): Extraction {
  // Extraction reads every token: as objects for its length, then dropped.
  const tokens = source.tokens.toArray();
  const mentions = findMentions(source.text, tokens, source.sentences);
  const quotes = findQuotes({ text: source.text, tokens, sentences: source.sentences, mentions, blocks: source.paragraphs });
  const sentenceFacts: Fact[] = [];
  // Mentions are in order of their start: walk them alongside the sentences.
  const ordered = [...mentions].sort((a, b) => a.start - b.start);
  let cursor = 0;
  for (const sentence of source.sentences) {
    const dates = findDates(source.text, sentence);
    const numbers = findNumbers(source.text, tokens, sentence.firstToken, sentence.endToken, dates);
    while (cursor < ordered.length && ordered[cursor].start < sentence.start) cursor++;
    const inSentence: Mention[] = [];
    // A transcript's speaker label says who speaks, not what the sentence is about.
    for (let k = cursor; k < ordered.length && ordered[k].start < sentence.end; k++) if (ordered[k].end <= sentence.end && !ordered[k].label) inSentence.push(ordered[k]);
    sentenceFacts.push({ sentence, numbers: compact(numbers), dates: compact(dates), mentions: compact(inSentence) });
  }
  const facts = sentenceFacts.filter((f) => hasValues(f) && isProseSentence(source, f.sentence));
  const people = [...new Set(mentions.filter((m) => m.type === 'person').map((m) => m.canonical))];
  return { source, quotes, sentenceFacts, facts, mentions, people };
}
