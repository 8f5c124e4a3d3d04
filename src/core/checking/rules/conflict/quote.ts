/** conflict/quote: quoted words that are not what the source says, with a word diff. */
import { DiagnosticCode } from '../../codes';
import type { Rule } from '../rule';
import type { QuoteMatch } from '../../quoteMatch';
import type { Quote } from '../../../language/quotes';
import { QUOTE_MIN_SIMILARITY, QUOTE_MIN_WORDS } from '../../thresholds';
import { citeOffset, quoteEvidence, type BlockFinding } from '../shared';
import { wordingAt } from '../../../sources/source';



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


export const quoteRule: Rule = {
  code: DiagnosticCode.ConflictQuote,
  description: 'Quoted words that differ from the source, with a word diff',
  fixable: true,
  preferredFix: true,
  defaultSeverity: 'warning',
  scope: 'quotes',
  check: (ctx) => ctx.quotes.flatMap(({ quote, match }) => checkQuote(quote, match)),
};
