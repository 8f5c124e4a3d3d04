/**
 * The engine as one bundle (dist/engine.js), for the extension, memo-check and the extraction worker to require from
 * beside themselves (see engineOutside in esbuild.js): the .vsix carries src/core, wink-nlp and its model once, not
 * once in each of dist/extension.js, dist/cli.js and dist/extractWorker.js, and a thread that loads two of them has
 * one engine, with one set of module-level caches (the NLP model, interned strings).
 *
 * One namespace per src/core module used outside src/core, named by its path with "/" as "_": the build rewrites
 * `import … from '../core/sources/library'` in an entry point to this bundle's `sources_library`, and fails naming a
 * module missing here. Namespaces, not lazy require()s: esbuild would wrap every module a require() reaches in a
 * function, and V8 parses such a function twice (~25 ms more at activation, measured). What only memo-check or the
 * worker uses and is large loads on first use instead (dist/docxLib.js; picomatch in workspace.ts).
 */
export * as checking_check from './core/checking/check';
export * as checking_codes from './core/checking/codes';
export * as checking_quoteMatch from './core/checking/quoteMatch';
export * as checking_rules from './core/checking/rules';
export * as checking_scheduler from './core/checking/scheduler';
export * as citing_bibliography from './core/citing/bibliography';
export * as citing_bibliographyFile from './core/citing/bibliographyFile';
export * as citing_citation from './core/citing/citation';
export * as citing_completion from './core/citing/completion';
export * as citing_snippets from './core/citing/snippets';
export * as citing_cslStyle from './core/citing/cslStyle';
export * as language_nlp from './core/language/nlp';
export * as language_quotes from './core/language/quotes';
export * as language_tokenTable from './core/language/tokenTable';
export * as memo_memo from './core/memo/memo';
export * as memo_memoSources from './core/memo/memoSources';
export * as sources_documents from './core/sources/documents';
export * as sources_extract from './core/sources/extract';
export * as sources_factTable from './core/sources/factTable';
export * as sources_formats_document from './core/sources/formats/document';
export * as sources_library from './core/sources/library';
export * as sources_marks from './core/sources/marks';
export * as sources_report from './core/sources/report';
export * as sources_safeFile from './core/sources/safeFile';
export * as sources_source from './core/sources/source';
export * as sources_workspace from './core/sources/workspace';
export * as text_decode from './core/text/decode';
export * as text_inert from './core/text/inert';
export * as text_jsonc from './core/text/jsonc';
export * as text_offsets from './core/text/offsets';
export * as text_plural from './core/text/plural';
