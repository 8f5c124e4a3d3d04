/**
 * Citations by a CSL style (https://citationstyles.org/), formatted by citeproc-js: the bundled Chicago full-note and
 * APA styles, or a .csl file of the user's. A note style (Chicago) gives the text of a footnote; an in-text style
 * (APA) gives the mark itself, "(Okafor, 2025, para. 4)". The paragraph is the locator, as in `[@key, para. 4]`;
 * for a source with pages (a PDF) the page is, "(Okafor, 2025, p. 3)", as in `[@key, p. 3]`.
 * Output is Markdown: italics as `*…*`, Markdown's own characters escaped.
 */
import { loadCitationLib, type CslItem } from './bibliography';
import type { CiteprocEngine } from './citationLib';

/** The styles shipped in media/csl (see its LICENSE.md), by the name `policyMemo.citationStyle` gives them. */
export const BUNDLED_STYLES = {
  'chicago-note': 'chicago-fullnote-bibliography.csl',
  apa: 'apa.csl',
} as const;
export type BundledStyle = keyof typeof BUNDLED_STYLES;
export const CSL_FOLDER = 'media/csl';
export const LOCALE_FILE = 'locales-en-US.xml';

export interface CslStyleInfo {
  readonly title: string;
  /** A note style's citations are footnotes; an in-text style's are marks in the text. */
  readonly kind: 'note' | 'in-text';
}

/**
 * What a text says of itself as a CSL style, or why it is not one: an XML `<style>` element in the CSL namespace
 * with a `class`, a `<citation>` and an `<info>` title. A quick look, before citeproc is given it.
 */
export function cslStyleInfo(xml: string): CslStyleInfo | { error: string } {
  const head = xml.replace(/^\uFEFF/, '').replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '').trimStart();
  const root = /^<style\b([^>]*)>/.exec(head);
  if (!root) return { error: head.startsWith('<') ? 'is not a CSL style: its root element is not <style>' : 'is not a CSL style: it is not XML' };
  if (!/xmlns\s*=\s*["']http:\/\/purl\.org\/net\/xbiblio\/csl["']/.test(root[1])) return { error: 'is not a CSL style: its <style> is not in the CSL namespace (xmlns="http://purl.org/net/xbiblio/csl")' };
  const kind = /\bclass\s*=\s*["'](note|in-text)["']/.exec(root[1])?.[1] as 'note' | 'in-text' | undefined;
  if (!kind) return { error: 'is not a CSL style: its <style> has no class="note" or class="in-text"' };
  if (!/<citation\b/.test(head)) return { error: 'is not a CSL style: it has no <citation>' };
  if (/<link\b[^>]*rel\s*=\s*["']independent-parent["']/.test(head) && !/<layout\b/.test(head)) {
    return { error: 'is a dependent CSL style (it only names its parent style): use the parent style\u2019s .csl file' };
  }
  const title = /<info>[\s\S]*?<title>([^<]*)<\/title>/.exec(head)?.[1]?.trim() ?? 'CSL style';
  return { title, kind };
}

/** Formats citations and reference-list entries of CSL items by one style. */
export class CslFormatter {
  private constructor(readonly info: CslStyleInfo, private readonly engine: CiteprocEngine, private readonly items: Map<string, CslItem>) {}

  /** A formatter for a style, or why there can be none (not a CSL style; citeproc could not read it). Never throws. */
  static create(styleXml: string, localeXml: string): CslFormatter | { error: string } {
    const info = cslStyleInfo(styleXml);
    if ('error' in info) return info;
    const items = new Map<string, CslItem>();
    try {
      const engine = loadCitationLib().createEngine(styleXml, localeXml, items);
      const formatter = new CslFormatter(info, engine, items);
      // A style can fail only when it formats: try one citation now, so that a broken style is refused here.
      formatter.cite({ id: 'policy-memo-probe', type: 'webpage', title: 'Probe' }, 1);
      return formatter;
    } catch (error) {
      return { error: `could not be read as a CSL style: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}` };
    }
  }

  private use(item: CslItem): void {
    const known = this.items.get(item.id);
    if (known === item) return;
    this.items.set(item.id, item);
    // citeproc keeps what it read of an item: a changed item (an edited bibliography) is read again.
    if (known) this.engine.updateItems([]);
  }

  /**
   * A note style's footnote text, or an in-text style's mark, for a passage of the item: its `page` is the locator
   * when the source has pages (a PDF: "p. 3"), else its paragraph ("para. 4"); neither for 0 and no page.
   */
  cite(item: CslItem, paragraph: number, page?: number): string {
    this.use(item);
    const locator = page !== undefined ? { locator: String(page), label: 'page' } : paragraph > 0 ? { locator: String(paragraph), label: 'paragraph' } : {};
    const cluster = this.engine.makeCitationCluster([{ id: item.id, ...locator }]);
    return oneLine(cluster);
  }

  /** The items' entries in the style's reference list, sorted as the style sorts it; empty when it has none. */
  references(items: readonly CslItem[]): { id: string; text: string }[] {
    if (!items.length) return [];
    for (const item of items) this.use(item);
    this.engine.updateItems(items.map((item) => item.id));
    const made = this.engine.makeBibliography();
    if (!made) return [];
    const ids = (made[0] as { entry_ids?: unknown }).entry_ids;
    return made[1].map((text, i) => ({ id: Array.isArray(ids) && Array.isArray(ids[i]) ? String(ids[i][0]) : items[i]?.id ?? '', text: oneLine(text) }));
  }

  /** The item's entry in the style's reference list (bibliography), or undefined when the style has none. */
  reference(item: CslItem): string | undefined {
    this.use(item);
    this.engine.updateItems([item.id]);
    const made = this.engine.makeBibliography();
    return made && made[1][0] !== undefined ? oneLine(made[1][0]) : undefined;
  }
}

/** A citation fits on one line of Markdown: a footnote definition is one line (see citation.ts). */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
