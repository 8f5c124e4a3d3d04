/** citation/*: citations that point at no source or at the wrong paragraph, with a fix re-pointing them. */
import { formatCitation, parseCitations, resolveCitation } from '../citation';
import type { Extraction } from '../extract';
import { locateQuote } from '../quoteMatch';
import type { Quote } from '../quotes';
import { originalText } from '../source';
import type { BlockFinding } from './types';

/** Characters allowed between a quote's last word and its citation: the closing mark, punctuation, spaces. */
const QUOTE_CITATION_GAP = 4;

/** Checks the citations of a block (raw text, with offsets as in the block's prose) against the sources. */
export function checkCitations(raw: string, quotes: readonly Quote[], sources: readonly Extraction[]): BlockFinding[] {
  const findings: BlockFinding[] = [];
  for (const c of parseCitations(raw)) {
    const x = resolveCitation(c, sources);
    const span = { start: c.start, end: c.end };
    if (!x) {
      findings.push({ code: 'citation/unknown', message: `No source "${c.name}" among this memo's sources`, span });
      continue;
    }
    const quote = quotes.find((q) => q.end <= c.start && c.start - q.end <= QUOTE_CITATION_GAP);
    const paragraphs = x.source.paragraphs;
    const cited = paragraphs[c.paragraph - 1];
    if (quote) {
      const match = locateQuote(quote.text, [x]);
      if (match && match.similarity === 1) {
        const actual = paragraphs.find((p) => p.start <= match.start && match.start <= p.end);
        if (actual && actual.number !== c.paragraph) {
          const repointed = formatCitation(x.source, actual.number, c.style === 'inline' ? 'inline' : c.style);
          findings.push({
            code: 'citation/stale',
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
      findings.push({ code: 'citation/stale', message: `${x.source.key} has no \u00b6${c.paragraph} (it has ${paragraphs.length} paragraphs)`, span });
    }
  }
  return findings;
}
