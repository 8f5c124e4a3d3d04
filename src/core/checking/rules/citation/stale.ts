/** citation/stale: a citation pointing at a paragraph that does not hold the quote before it, or does not exist; the fix re-points it. */
import { formatCitation, namesPage, pageSpan } from '../../../citing/citation';
import { originalText, pageAt, paragraphAt } from '../../../sources/source';
import { DiagnosticCode } from '../../codes';
import type { Rule, RuleContext } from '../rule';
import type { BlockFinding } from '../shared';
import { citationsOf } from './citations';

/** Characters allowed between a quote's last word and its citation: the closing mark, punctuation, spaces. */
const QUOTE_CITATION_GAP = 4;

function staleCitations(ctx: RuleContext): BlockFinding[] {
  const { raw } = ctx;
  const findings: BlockFinding[] = [];
  for (const { citation: c, source: x } of citationsOf(raw, ctx.corpus.extractions)) {
    if (!x) continue;
    const span = { start: c.start, end: c.end };
    const quote = ctx.block.quotes.find((q) => q.end <= c.start && c.start - q.end <= QUOTE_CITATION_GAP);
    if (namesPage(c, x.source)) {
      // A PDF cited by page: the page must hold the quote, and exist.
      const match = quote ? ctx.locator.locate(quote.text, [x]) : undefined;
      const actual = match && match.similarity === 1 ? pageAt(x.source, match.start) : undefined;
      const paragraph = match ? paragraphAt(x.source, match.start) : undefined;
      if (match && paragraph && actual !== undefined && actual !== c.page) {
        findings.push({
          code: DiagnosticCode.CitationStale,
          message: `The quote is on p. ${actual} of ${x.source.key}, not p. ${c.page}`,
          span,
          evidence: { extraction: x, span: { start: paragraph.start, end: paragraph.end }, text: originalText(x.source, paragraph) },
          fix: { span, newText: c.style === 'inline' || c.style === 'author-date' ? raw.slice(c.start, c.end).replace(/p\.\s*\d+(?=\)$)/, `p. ${actual}`) : formatCitation(x.source, paragraph.number, c.style, { at: match.start }), title: `Point the citation at p. ${actual}` },
        });
      } else if (!pageSpan(x.source, c.page)) {
        findings.push({ code: DiagnosticCode.CitationStale, message: `${x.source.key} has no p. ${c.page} (it has ${x.source.pages?.length ?? 0} pages)`, span });
      }
      continue;
    }
    // "(Outlet, p. 3)" of a source without pages names nothing this rule can check.
    if (c.page !== undefined && c.paragraph === 0) continue;
    const paragraphs = x.source.paragraphs;
    const cited = paragraphs[c.paragraph - 1];
    if (quote) {
      const match = ctx.locator.locate(quote.text, [x]);
      if (match && match.similarity === 1) {
        const actual = paragraphAt(x.source, match.start);
        if (actual && actual.number !== c.paragraph) {
          const repointed = formatCitation(x.source, actual.number, c.style === 'inline' ? 'inline' : c.style);
          findings.push({
            code: DiagnosticCode.CitationStale,
            message: `The quote is in \u00b6${actual.number} of ${x.source.key}, not \u00b6${c.paragraph}`,
            span,
            evidence: { extraction: x, span: { start: actual.start, end: actual.end }, text: originalText(x.source, actual) },
            fix: { span, newText: c.style === 'inline' ? raw.slice(c.start, c.end).replace(/\u00b6\s*\d+/, `\u00b6${actual.number}`) : repointed, title: `Point the citation at \u00b6${actual.number}` },
          });
        }
        continue;
      }
    }
    if (!cited && c.paragraph > 0) {
      findings.push({ code: DiagnosticCode.CitationStale, message: `${x.source.key} has no \u00b6${c.paragraph} (it has ${paragraphs.length} paragraphs)`, span });
    }
  }
  return findings;
}

export const staleCitationRule: Rule = {
  code: DiagnosticCode.CitationStale,
  description: 'A citation pointing at a paragraph that does not hold the quote, or that does not exist',
  fixable: true,
  preferredFix: true,
  defaultSeverity: 'warning',
  scope: 'citations',
  check: staleCitations,
};
