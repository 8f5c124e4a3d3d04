/** Formatting citations. The full set of styles is configurable; this is the plain form used until then. */
import type { SourceDoc } from './source';

export function plainCitation(source: SourceDoc, paragraph: number): string {
  return `(${source.key}, \u00b6${paragraph})`;
}

/** The label a source is shown with: its title, else its key. */
export function sourceLabel(source: SourceDoc): string {
  return source.meta.title ?? source.key;
}
