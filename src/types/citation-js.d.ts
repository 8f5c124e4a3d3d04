// The parts of @citation-js/core and citeproc that src/core/citing/citationLib.ts uses: neither package ships types.
declare module '@citation-js/core' {
  export const plugins: {
    input: { chain(data: unknown, options?: { forceType?: string; generateGraph?: boolean; target?: string }): unknown };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module 'citeproc' {
  const CSL: {
    Engine: new (sys: { retrieveLocale(lang: string): string; retrieveItem(id: string): unknown }, style: string, lang?: string, forceLang?: boolean) => CiteprocEngine;
    Output: { Formats: Record<string, Record<string, unknown>> };
  };
  export interface CiteprocEngine {
    setOutputFormat(format: string): void;
    updateItems(ids: string[]): void;
    makeCitationCluster(items: { id: string; locator?: string; label?: string }[]): string;
    makeBibliography(): [unknown, string[]] | false;
    cslXml: unknown;
    opt: { class: string; development_extensions: Record<string, boolean> };
  }
  export default CSL;
}
