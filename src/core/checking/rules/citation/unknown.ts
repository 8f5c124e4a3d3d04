/** citation/unknown: a citation naming no source of the memo. */
import { DiagnosticCode } from '../../codes';
import type { Rule } from '../rule';
import { citationsOf } from './citations';

export const unknownCitationRule: Rule = {
  code: DiagnosticCode.CitationUnknown,
  description: "A citation naming no source among the memo's sources",
  fixable: false,
  defaultSeverity: 'information',
  scope: 'citations',
  check: (ctx) => citationsOf(ctx.raw, ctx.corpus.extractions)
    // "(Smith, p. 12)" and "(Smith, 2019, p. 12)" are how books are cited too: an inline or author-date page
    // citation is only ours when it names a source.
    .filter(({ source, citation }) => !source && !((citation.style === 'inline' || citation.style === 'author-date') && citation.page !== undefined))
    .map(({ citation: c }) => ({ code: DiagnosticCode.CitationUnknown, message: `No source "${c.name}" among this memo's sources`, span: { start: c.start, end: c.end } })),
};
