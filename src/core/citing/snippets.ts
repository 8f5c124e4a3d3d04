/**
 * Snippets that cite: "cite-quote" and "cite-fact", one per source, whose one choice placeholder lists that source's
 * quotes (with their speakers) or facts, each already followed by its citation in the user's style. A choice is a
 * whole cited passage, never a key or a paragraph picked apart from its words: the static snippets offered
 * `(Outlet, ¶1)` and `[^source-1]`, which named no source, and a key chosen apart from its quote gives a citation of
 * the wrong paragraph. Whatever choice is taken, the text left behind is a citation of a real source that holds it.
 */
import type { Extraction } from '../sources/extract';
import { factAt } from '../sources/extract';
import { paragraphNumberAt, sentenceText, type SourceDoc } from '../sources/source';
import { formatCitation, type CitationOptions, type CitationStyle } from './citation';

/** Most choices one snippet lists: a longer list is scrolled, not read (the Sources view and `@@` search them all). */
export const SNIPPET_CHOICES_MAX = 40;

export type CitationSnippetKind = 'cite-quote' | 'cite-fact';
export const CITATION_SNIPPET_NAMES: readonly CitationSnippetKind[] = ['cite-quote', 'cite-fact'];

/** One choice: the passage's text with its mark, and what a footnote definition for it needs. */
export interface SnippetChoice {
  readonly text: string;
  readonly paragraph: number;
  /** Where the passage starts in the source (a PDF's citation names its page). */
  readonly at: number;
}

export interface CitationSnippet {
  readonly kind: CitationSnippetKind;
  readonly source: SourceDoc;
  readonly choices: readonly SnippetChoice[];
  /** The snippet's text in VS Code's snippet syntax: `${1|a,b|}$0`. */
  readonly body: string;
}

/**
 * Text escaped for a choice of a snippet's `${1|…|}`: a backslash before `\`, `$`, `}`, `,` and `|` (the characters
 * snippet syntax reads inside a choice), so that a source's "$4.2bn, up" is offered as written, not cut at the comma.
 */
export function escapeChoice(text: string): string {
  return text.replace(/[\\$},|]/g, '\\$&');
}

/** A choice placeholder `${n|a,b|}` of texts escaped for it. */
export function choicePlaceholder(tabstop: number, texts: readonly string[]): string {
  return `\${${tabstop}|${texts.map(escapeChoice).join(',')}|}`;
}

/** Passage text on one line: a choice list shows one line per choice. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The choices of a source: its quotes ("X said: “…” mark", or the quoted words alone) or its facts' sentences, each with its mark. */
export function snippetChoices(x: Extraction, kind: CitationSnippetKind, style: CitationStyle, options: Pick<CitationOptions, 'csl'> = {}, limit = SNIPPET_CHOICES_MAX): SnippetChoice[] {
  const choices: SnippetChoice[] = [];
  const cited = (words: string, paragraph: number, at: number): SnippetChoice =>
    ({ text: `${words} ${formatCitation(x.source, paragraph, style, { at, csl: options.csl })}`, paragraph, at });
  if (kind === 'cite-quote') {
    for (const q of [...x.quotes, ...x.turns]) {
      if (choices.length >= limit) break;
      const words = `\u201c${oneLine(q.text)}\u201d`;
      // The speaker is part of the choice: a quote given to another speaker is a conflict the checker reports.
      choices.push(cited(q.speaker ? `${q.speaker} said: ${words}` : words, paragraphNumberAt(x.source, q.start), q.start));
    }
    return choices;
  }
  for (const index of x.factTable.shown) {
    if (choices.length >= limit) break;
    const f = factAt(x, index);
    // The sentence without its closing stop, so that the mark sits inside the sentence it cites.
    const sentence = oneLine(sentenceText(x.source, f.sentence)).replace(/[.!?]+$/, '');
    const choice = cited(sentence, f.sentence.paragraph, f.sentence.start);
    choices.push({ ...choice, text: `${choice.text}.` });
  }
  return choices;
}

/**
 * The citing snippets of the sources: for each source, "cite-quote" when it has quotes and "cite-fact" when it has
 * facts, in source order.
 */
export function citationSnippets(sources: readonly Extraction[], style: CitationStyle, options: Pick<CitationOptions, 'csl'> = {}): CitationSnippet[] {
  const snippets: CitationSnippet[] = [];
  for (const kind of CITATION_SNIPPET_NAMES) {
    for (const x of sources) {
      const choices = snippetChoices(x, kind, style, options);
      if (choices.length) snippets.push({ kind, source: x.source, choices, body: `${choicePlaceholder(1, choices.map((c) => c.text))}$0` });
    }
  }
  return snippets;
}
