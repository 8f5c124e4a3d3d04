/**
 * What a source shows as it is read: the quotes and the figures the Sources view lists, each with what a hover says
 * of it (who said the quote; what the figure counts). Made from the extraction already done (its quotes and the facts
 * it shows), never by extracting again, and kept per extraction: a source opened again reuses its marks.
 */
import type { Span } from '../text/offsets';
import { factAt, type Extraction } from './extract';
import { sentenceText } from './source';

export interface SourceMark extends Span {
  readonly kind: 'quote' | 'figure';
  /** What the hover says, as plain text (escaped where it is shown). */
  readonly hover: string;
}

const cache = new WeakMap<Extraction, readonly SourceMark[]>();

/** A figure as a reader says it: as written ("2,500"), with its bound when the text gives one ("over 170"). */
function figureText(n: { text: string; qualifier?: string }): string {
  return n.qualifier && n.qualifier !== 'exact' && !n.text.toLowerCase().startsWith(n.qualifier) ? `${n.qualifier} ${n.text}` : n.text;
}

/**
 * The marks of a source, in text order: each quoted part of a quote (or transcript turn), its hover naming the speaker
 * ("Quote: Mark Rutte", "Quote with no speaker: scare quotes or unattributed"); each number of a fact the view lists,
 * its hover saying what it counts as the text says ("Figure: 2500 — counts: troop", else that the text does not say).
 */
export function sourceMarks(x: Extraction): readonly SourceMark[] {
  const cached = cache.get(x);
  if (cached) return cached;
  const marks: SourceMark[] = [];
  for (const q of [...x.quotes, ...x.turns]) {
    const hover = q.speaker ? `Quote: ${q.speaker}` : 'Quote with no speaker: scare quotes or unattributed';
    for (const part of q.parts.length ? q.parts : [q]) marks.push({ kind: 'quote', start: part.start, end: part.end, hover });
  }
  for (const index of x.factTable.shown) {
    const fact = factAt(x, index);
    for (const n of fact.numbers) {
      const counts = n.unit ? `counts: ${n.unit}` : 'the text does not say what it counts';
      const sentence = sentenceText(x.source, fact.sentence).replace(/\s+/g, ' ').trim();
      marks.push({ kind: 'figure', start: n.start, end: n.end, hover: `Figure: ${figureText(n)} \u2014 ${counts}\n\n${sentence}` });
    }
  }
  marks.sort((a, b) => a.start - b.start || a.end - b.end);
  cache.set(x, marks);
  return marks;
}
