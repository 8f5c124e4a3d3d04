/** Memo claims: each sentence of a memo block, analysed like a source sentence. */
import { findMentions, type Mention, type MentionContext } from '../language/entities';
import type { MemoBlock } from './memo';
import { analyse, type SentenceSpan, type Token } from '../language/nlp';
import { findQuotes, type Quote } from '../language/quotes';
import { stemsOf, valueKeys } from '../language/stems';
import { sequenceOf } from '../language/tokenTable';
import type { Span } from '../text/offsets';
import { alignmentSkips, findDates, findNumbers, type DateValue, type NumberValue } from '../language/values';

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
function forAnalysis(prose: string): string {
  if (/[A-Z]/.test(prose)) return prose;
  return prose.replace(/(^\s*|[.!?]\s+)([a-z])/g, (_m, before: string, letter: string) => before + letter.toUpperCase());
}

export interface ProseAnalysis {
  readonly tokens: Token[];
  readonly sentences: readonly SentenceSpan[];
}

/**
 * Analyses many blocks in one pass of the NLP pipeline (its cost per call adds up
 * over a memo's hundreds of blocks), then splits tokens and sentences back per
 * block, offsets relative to each block. A sentence never spans two blocks.
 */
export function analyseProses(proses: readonly string[]): ProseAnalysis[] {
  const SEPARATOR = '\n\n';
  const starts: number[] = [];
  let joined = '';
  for (const prose of proses) {
    starts.push(joined.length);
    joined += forAnalysis(prose) + SEPARATOR;
  }
  const { tokens, sentences } = analyse(joined);
  const results: ProseAnalysis[] = [];
  let t = 0;
  let s = 0;
  proses.forEach((prose, i) => {
    const base = starts[i];
    const end = base + prose.length;
    const blockTokens: Token[] = [];
    while (t < tokens.length && tokens[t].start < base) t++;
    const offset = t;
    while (t < tokens.length && tokens[t].start < end) {
      const token = tokens[t];
      blockTokens.push({ ...token, start: token.start - base, end: Math.min(token.end, end) - base, text: prose.slice(token.start - base, Math.min(token.end, end) - base) });
      t++;
    }
    const blockSentences: SentenceSpan[] = [];
    while (s < sentences.length && sentences[s].end <= base) s++;
    for (let k = s; k < sentences.length && sentences[k].start < end; k++) {
      const first = Math.max(sentences[k].firstToken, offset) - offset;
      const last = Math.min(sentences[k].endToken, t) - offset;
      if (last <= first) continue;
      blockSentences.push({ start: blockTokens[first].start, end: blockTokens[last - 1].end, firstToken: first, endToken: last });
    }
    results.push({ tokens: blockTokens, sentences: blockSentences });
  });
  return results;
}

/** Analyses one memo block (no cache here: the checker caches by prose). `analysis` may come from {@link analyseProses}. */
export function analyseBlock(block: Pick<MemoBlock, 'prose'>, context: MentionContext = {}, analysis?: ProseAnalysis): AnalysedBlock {
  const prose = block.prose;
  const { tokens, sentences } = analysis ?? analyseProses([prose])[0];
  const mentions = findMentions(prose, tokens, sentences, context);
  const quotes = findQuotes({ text: prose, tokens, sentences, mentions, blocks: [{ start: 0, end: prose.length }] });
  const claims: Claim[] = [];
  const sequence = sequenceOf(tokens);
  for (const s of sentences) {
    const text = prose.slice(s.start, s.end);
    if (!/\p{L}{2,}/u.test(text)) continue;
    const dates = findDates(prose, s);
    const numbers = findNumbers(prose, tokens, s.firstToken, s.endToken, dates);
    const inSentence = mentions.filter((m) => m.start >= s.start && m.end <= s.end);
    const stems = stemsOf(sequence, s.firstToken, s.endToken, inSentence, alignmentSkips(dates, numbers));
    for (const k of valueKeys(dates, numbers)) stems.set(k, 1);
    const bounds = [s.firstToken, ...clauseBreaks(tokens, s.firstToken, s.endToken).map((k) => k + 1), s.endToken];
    const clauses = bounds.length <= 2 ? [] : bounds.slice(0, -1).map((first, i) => {
      const end = bounds[i + 1];
      const start = tokens[first].start;
      const stop = tokens[end - 1].end;
      const clauseStems = stemsOf(sequence, first, end, inSentence, alignmentSkips(dates, numbers));
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
