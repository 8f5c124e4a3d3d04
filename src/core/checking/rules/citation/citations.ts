/** What the citation rules share: a block's citations, each with the source it names (if any). */
import { parseCitations, resolveCitation, type ParsedCitation } from '../../../citing/citation';
import type { Extraction } from '../../../sources/extract';

export interface ResolvedCitation {
  readonly citation: ParsedCitation;
  /** The source the citation names, or undefined when the memo has no such source. */
  readonly source: Extraction | undefined;
}

/** The citations of a block's raw text (offsets as in the block's prose), resolved against the sources. */
export function citationsOf(raw: string, sources: readonly Extraction[]): ResolvedCitation[] {
  return parseCitations(raw).map((citation) => ({ citation, source: resolveCitation(citation, sources) }));
}
