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
  /** Clauses of a compound sentence ("…, and …", "…; …") with their own stems: a value is judged with its own clause. */
  readonly clauses: readonly (Span & { readonly stems: ReadonlyMap<string, number> })[];
}

/** Where a compound sentence splits into clauses: a comma or semicolon before a coordinating conjunction, or a semicolon. */
function clauseBreaks(tokens: readonly Token[], from: number, to: number): number[] {
  const breaks: number[] = [];
  for (let k = from + 1; k < to - 1; k++) {
    const t = tokens[k].text;
    if (t === ';' || ((t === ',' || t === '\u2014') && ['and', 'but', 'while', 'whereas', 'although', 'though'].includes(tokens[k + 1].text.toLowerCase()))) breaks.push(k);
  }
  return breaks;
}

/** The stems of the clause a value lies in, or of the whole claim when the clause says too little on its own. */
export function stemsAround(claim: Claim, span: Span): ReadonlyMap<string, number> {
  const clause = claim.clauses.find((c) => c.start <= span.start && span.end <= c.end);
  const contentStems = clause ? [...clause.stems.keys()].filter((k) => !k.startsWith('#')).length : 0;
  return clause && contentStems >= 2 ? clause.stems : claim.stems;
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

/**
 * wink splits sentences at a capital after a full stop; in text written without
 * capitals it would see one long sentence. Such text is analysed with each
 * sentence's first letter raised (same length, same offsets), and the tokens keep
 * the text as written.
 */
function analyseProse(prose: string): { tokens: Token[]; sentences: readonly SentenceSpan[] } {
  if (/[A-Z]/.test(prose)) {
    const { tokens, sentences } = analyse(prose);
    return { tokens: [...tokens], sentences };
  }
  const raised = prose.replace(/(^\s*|[.!?]\s+)([a-z])/g, (_m, before: string, letter: string) => before + letter.toUpperCase());
  const { tokens, sentences } = analyse(raised);
  return { tokens: tokens.map((t) => ({ ...t, text: prose.slice(t.start, t.end) })), sentences };
}

/** Analyses one memo block (no cache here: the checker caches by prose). */
export function analyseBlock(block: Pick<MemoBlock, 'prose'>, context: MentionContext = {}): AnalysedBlock {
  const prose = block.prose;
  const { tokens, sentences } = analyseProse(prose);
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
    const bounds = [s.firstToken, ...clauseBreaks(tokens, s.firstToken, s.endToken).map((k) => k + 1), s.endToken];
    const clauses = bounds.length <= 2 ? [] : bounds.slice(0, -1).map((first, i) => {
      const end = bounds[i + 1];
      const start = tokens[first].start;
      const stop = tokens[end - 1].end;
      const clauseStems = stemsOf(tokens, first, end, inSentence, [...dates, ...numbers]);
      for (const k of valueKeys(dates.filter((d) => d.start >= start && d.end <= stop), numbers.filter((n) => n.start >= start && n.end <= stop))) clauseStems.set(k, 1);
      return { start, end: stop, stems: clauseStems };
    });
    claims.push({
      start: s.start, end: s.end, text, firstToken: s.firstToken, endToken: s.endToken, mentions: inSentence, numbers, dates,
      stems, clauses,
    });
  }
  return { prose, tokens, sentences, mentions, claims, quotes };
}
