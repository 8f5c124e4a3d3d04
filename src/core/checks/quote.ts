/** conflict/quote: quoted words that are not what the source says, with a word diff. */
import type { Extraction } from '../extract';
import { locateQuote, type QuoteMatch } from '../quoteMatch';
import type { Quote } from '../quotes';
import { originalText, wordingAt } from '../source';
import { QUOTE_MIN_SIMILARITY, QUOTE_MIN_WORDS } from './thresholds';
import type { BlockFinding } from './types';

export function citeOffset(x: Extraction, offset: number): string {
  const paragraph = x.source.paragraphs.find((p) => p.start <= offset && offset <= p.end);
  return `${x.source.key} \u00b6${paragraph?.number ?? 1}`;
}

export function quoteEvidence(match: QuoteMatch): BlockFinding['evidence'] {
  const sentence = match.extraction.source.sentences.find((s) => s.start <= match.start && match.start < s.end);
  const start = Math.min(sentence?.start ?? match.start, match.start);
  const end = Math.max(match.end, [...match.extraction.source.sentences].reverse().find((s) => s.start < match.end)?.end ?? match.end);
  return { extraction: match.extraction, span: { start, end }, text: originalText(match.extraction.source, { start, end }) };
}

export function checkQuote(quote: Quote, match: QuoteMatch | undefined): BlockFinding[] {
  if (!match || match.similarity >= 1 || match.similarity < QUOTE_MIN_SIMILARITY) return [];
  if (quote.text.split(/\s+/).length < QUOTE_MIN_WORDS) return [];
  const sourceText = wordingAt(match.extraction.source, match);
  const single = quote.parts.length === 1 && !/(?:\.{2,}|\u2026)/.test(quote.text);
  return [{
    code: 'conflict/quote',
    message: `Quote differs from the source (${citeOffset(match.extraction, match.start)}): \u201c${match.diff ?? sourceText}\u201d`,
    span: { start: quote.start, end: quote.end },
    evidence: quoteEvidence(match),
    fix: single ? { span: { start: quote.start, end: quote.end }, newText: sourceText, title: 'Restore the verbatim quote' } : undefined,
  }];
}

export { locateQuote };
