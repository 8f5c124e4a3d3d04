/** Memo claims: each sentence of a memo block, analysed like a source sentence. */
import { findMentions, type Mention, type MentionContext } from './entities';
import type { MemoBlock } from './memo';
import { analyse, type SentenceSpan, type Token } from './nlp';
import { findQuotes, type Quote } from './quotes';
import { stemsOf, valueKeys } from './stems';
import type { Span } from './text';
import { findDates, findNumbers, type DateValue, type NumberValue } from './values';

/** Offsets in a claim are relative to its block's prose, so that a block's analysis can be reused wherever it moves. */
export interface Claim extends Span {
  readonly text: string;
  readonly firstToken: number;
  readonly endToken: number;
  readonly mentions: readonly Mention[];
  readonly numbers: readonly NumberValue[];
  readonly dates: readonly DateValue[];
  readonly stems: ReadonlyMap<string, number>;
}

export interface AnalysedBlock {
  readonly prose: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly SentenceSpan[];
  readonly mentions: readonly Mention[];
  readonly claims: readonly Claim[];
  /** Quotes in the block, with the speaker the memo gives them. */
  readonly quotes: readonly Quote[];
}

/** Analyses one memo block (no cache here: the checker caches by prose). */
export function analyseBlock(block: Pick<MemoBlock, 'prose'>, context: MentionContext = {}): AnalysedBlock {
  const prose = block.prose;
  const { tokens, sentences } = analyse(prose);
  const mentions = findMentions(prose, tokens, sentences, context);
  const quotes = findQuotes({ text: prose, tokens, sentences, mentions, blocks: [{ start: 0, end: prose.length }] });
  const claims: Claim[] = [];
  for (const s of sentences) {
    const text = prose.slice(s.start, s.end);
    if (!/\p{L}{2,}/u.test(text)) continue;
    const dates = findDates(prose, s);
    const numbers = findNumbers(prose, tokens, s.firstToken, s.endToken, dates);
    const inSentence = mentions.filter((m) => m.start >= s.start && m.end <= s.end);
    const stems = stemsOf(tokens, s.firstToken, s.endToken, inSentence, [...dates, ...numbers]);
    for (const k of valueKeys(dates, numbers)) stems.set(k, 1);
    claims.push({
      start: s.start, end: s.end, text, firstToken: s.firstToken, endToken: s.endToken, mentions: inSentence, numbers, dates,
      stems,
    });
  }
  return { prose, tokens, sentences, mentions, claims, quotes };
}
