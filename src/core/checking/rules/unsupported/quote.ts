/** unsupported/quote: a quote of a few words or more found in no source (a hint, on request). */
import { DiagnosticCode } from '../../codes';
import { QUOTE_MIN_SIMILARITY, QUOTE_MIN_WORDS } from '../../thresholds';
import type { Rule } from '../rule';

export const unsupportedQuoteRule: Rule = {
  code: DiagnosticCode.UnsupportedQuote,
  description: 'A quote found in no source',
  fixable: false,
  defaultSeverity: 'hint',
  scope: 'quotes',
  hint: true,
  check: (ctx) => ctx.quotes
    .filter(({ quote, match }) => (!match || match.similarity < QUOTE_MIN_SIMILARITY) && quote.text.split(/\s+/).length >= QUOTE_MIN_WORDS)
    .map(({ quote }) => ({ code: DiagnosticCode.UnsupportedQuote, message: 'Quote not found in the sources', span: { start: quote.start, end: quote.end } })),
};
