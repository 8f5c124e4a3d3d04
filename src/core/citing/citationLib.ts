/**
 * The third-party citation code, in one module that is loaded only when a memo has a bibliography or a CSL style is
 * used: @citation-js/core with its BibTeX plugin to read .bib files, and citeproc-js to format citations by a CSL
 * style. The build makes this file a bundle of its own (dist/citationLib.js, see esbuild.js): the extension's own
 * bundle, read at every activation, does not grow by it. Callers reach it through {@link loadCitationLib}
 * in bibliography.ts, never by an import.
 *
 * No network: the BibTeX text is parsed as BibTeX (forceType), never guessed at (citation-js fetches a string that
 * looks like a URL or DOI), and the build replaces citation-js's fetch modules with ones that throw.
 */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import CSL, { type CiteprocEngine } from 'citeproc';

/** CSL JSON items of a BibTeX or BibLaTeX text (Better BibTeX exports are BibLaTeX). Throws on a syntax error. */
export function parseBibtex(text: string): Record<string, unknown>[] {
  const items = plugins.input.chain(text, { forceType: '@biblatex/text', generateGraph: false });
  return Array.isArray(items) ? (items as Record<string, unknown>[]) : [];
}

/** Markdown escapes for text citeproc writes: what would otherwise start emphasis, a link, code or HTML. */
function markdownEscape(text: string | undefined): string {
  return (text ?? '').replace(/[\\*[\]`<]/g, '\\$&');
}

/** citeproc's plain-text output with italics and bold as Markdown, so a footnote renders as the style prints it. */
function addMarkdownFormat(): void {
  const formats = CSL.Output.Formats;
  if (formats.markdown) return;
  formats.markdown = {
    ...formats.text,
    text_escape: markdownEscape,
    '@font-style/italic': '*%%STRING%%*',
    '@font-style/oblique': '*%%STRING%%*',
    '@font-weight/bold': '**%%STRING%%**',
  };
}

export type { CiteprocEngine };

/**
 * A citeproc engine for a style, with the items it may cite looked up in `items` when it needs them. Throws when
 * the style is not one citeproc can read.
 */
export function createEngine(styleXml: string, localeXml: string, items: ReadonlyMap<string, unknown>): CiteprocEngine {
  addMarkdownFormat();
  const engine = new CSL.Engine({
    retrieveLocale: () => localeXml,
    retrieveItem: (id: string) => items.get(id),
  }, styleXml, 'en-US', true);
  engine.setOutputFormat('markdown');
  return engine;
}
