/** A quote or fact of a source, as the sidebar, the QuickPick and the commands see it. */
import { factsOf, type Extraction } from '../core/sources/extract';
import { paragraphNumberAt, sentenceText } from '../core/sources/source';
import type { Span } from '../core/text/offsets';

export interface Passage {
  readonly kind: 'quote' | 'fact';
  readonly extraction: Extraction;
  readonly span: Span;
  readonly text: string;
  readonly speaker?: string | null;
  readonly paragraph: number;
}

export function quotePassages(x: Extraction): Passage[] {
  // A transcript's turns are who said what as much as its quotes are.
  return [...x.quotes, ...x.turns].map((q) => ({ kind: 'quote', extraction: x, span: q, text: q.text, speaker: q.speaker, paragraph: paragraphNumberAt(x.source, q.start) }));
}

export function factPassages(x: Extraction): Passage[] {
  return factsOf(x).map((f) => ({ kind: 'fact', extraction: x, span: f.sentence, text: sentenceText(x.source, f.sentence).replace(/\s+/g, ' '), paragraph: f.sentence.paragraph }));
}

export function allPassages(sources: readonly Extraction[]): Passage[] {
  return sources.flatMap((x) => [...quotePassages(x), ...factPassages(x)]);
}
