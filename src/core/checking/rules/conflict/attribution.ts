/** conflict/attribution: a real quote given to someone other than who said it in the source. */
import { DiagnosticCode } from '../../codes';
import type { Rule } from '../rule';
import type { Mention } from '../../../language/entities';
import type { QuoteMatch } from '../../quoteMatch';
import type { Quote } from '../../../language/quotes';
import { citeOffset, nameFormOf, quoteEvidence, samePerson, type BlockFinding } from '../shared';

/** Quotes at least this close to the source are real enough to ask who said them. */
const ATTRIBUTION_MIN_SIMILARITY = 0.8;

export function checkAttribution(quote: Quote, match: QuoteMatch | undefined, mentions: readonly Mention[], prose: string): BlockFinding[] {
  // A memo quote given by a pronoun ("she said") names nobody: whom the pronoun means is a guess, not a claim.
  if (!match || match.similarity < ATTRIBUTION_MIN_SIMILARITY || !quote.speaker || !quote.speakerSpan) return [];
  // The innermost quote holding the words: a quote inside an interview answer is the quoted person's, not the answerer's.
  const containing = [...match.extraction.quotes, ...match.extraction.turns].filter((q) => q.parts.some((p) => p.start <= match.start + 1 && match.end <= p.end + 1));
  const sourceQuote = containing.sort((a, b) => (a.end - a.start) - (b.end - b.start))[0];
  if (!sourceQuote?.speaker || samePerson(quote.speaker, sourceQuote.speaker)) return [];
  // The memo's own words for the speaker ("Feld", "TEPCO") may read as the source's speaker where the names they were
  // resolved to differ: each side resolved a short form on its own, and the memo is held to what it wrote.
  const written = prose.slice(quote.speakerSpan.start, quote.speakerSpan.end);
  if (nameFormOf(written, sourceQuote.speaker) || nameFormOf(quote.speaker, sourceQuote.speaker)) return [];
  // The name that attributes it ("…,” said X); a quote given by a pronoun or by the quote before it has none to replace.
  const at = quote.speakerSpan;
  const speakerMention = at ? mentions.find((m) => m.start === at.start && m.end === at.end && m.canonical === quote.speaker) : undefined;
  const span = speakerMention ? { start: speakerMention.start, end: speakerMention.end } : { start: quote.start, end: quote.end };
  return [{
    code: 'conflict/attribution',
    message: `Memo attributes this quote to ${quote.speaker}; in the source it is ${sourceQuote.speaker}'s (${citeOffset(match.extraction, match.start)})`,
    span,
    evidence: quoteEvidence(match),
    fix: speakerMention ? { span, newText: sourceQuote.speaker, title: `Attribute to ${sourceQuote.speaker} (source)` } : undefined,
  }];
}

export const attributionRule: Rule = {
  code: DiagnosticCode.ConflictAttribution,
  description: 'A real quote given to someone other than who said it in the source',
  fixable: true,
  defaultSeverity: 'warning',
  scope: 'quotes',
  check: (ctx) => ctx.quotes.flatMap(({ quote, match }) => checkAttribution(quote, match, ctx.block.mentions, ctx.block.prose)),
};
