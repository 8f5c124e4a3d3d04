/** A quote or fact of a source, as the sidebar, the QuickPick and the commands see it. */
import { factsOf, type Extraction, type Fact } from '../core/sources/extract';
import { cellLabel, cellReadings, pageAt, paragraphNumberAt, sentenceText, tableRowOf, type SourceDoc } from '../core/sources/source';
import type { Span } from '../core/text/offsets';

export interface Passage {
  readonly kind: 'quote' | 'fact';
  readonly extraction: Extraction;
  readonly span: Span;
  readonly text: string;
  readonly speaker?: string | null;
  readonly paragraph: number;
  /** The page it starts on, for a source with pages (a PDF). */
  readonly page?: number;
}

/** `{page}` of a passage starting at an offset, for a source with pages. */
function pageOf(source: SourceDoc, offset: number): { page?: number } {
  const page = pageAt(source, offset);
  return page === undefined ? {} : { page };
}

/** Where a passage is, as the view and the pickers show it: "¶7", or "p. 3 ¶7" in a PDF. */
export function whereText(p: Pick<Passage, 'paragraph' | 'page'>): string {
  return p.page === undefined ? `\u00b6${p.paragraph}` : `p. ${p.page} \u00b6${p.paragraph}`;
}

export function quotePassages(x: Extraction): Passage[] {
  // A transcript's turns are who said what as much as its quotes are.
  return [...x.quotes, ...x.turns].map((q) => ({ kind: 'quote', extraction: x, span: q, text: q.text, speaker: q.speaker, paragraph: paragraphNumberAt(x.source, q.start), ...pageOf(x.source, q.start) }));
}

/** A fact's text as shown: its sentence, or for a table row each cell with its headers ("Peru, 2023: $275 million; Peru, 2024: …"). */
export function factText(x: Extraction, fact: Fact): string {
  const row = tableRowOf(x.source, fact.sentence.index);
  const cells = row ? cellReadings(x.source, row.table, row.row).map(cellLabel) : [];
  return cells.length ? cells.join('; ') : sentenceText(x.source, fact.sentence).replace(/\s+/g, ' ');
}

export function factPassage(x: Extraction, fact: Fact): Passage {
  return { kind: 'fact', extraction: x, span: fact.sentence, text: factText(x, fact), paragraph: fact.sentence.paragraph, ...pageOf(x.source, fact.sentence.start) };
}

export function factPassages(x: Extraction): Passage[] {
  return factsOf(x).map((f) => factPassage(x, f));
}

export function allPassages(sources: readonly Extraction[]): Passage[] {
  return sources.flatMap((x) => [...quotePassages(x), ...factPassages(x)]);
}
