/** Citing while writing: completion of cited quotes and facts, hovers on citations, and go-to-source. */
import * as vscode from 'vscode';
import { citationChanges, citationEdit, footnoteDefinition, namesPage, pageSpan, parseCitations, referenceListChanges, resolveCitation, sourceLabel, startsSentence, type ParsedCitation } from '../core/citing/citation';
import { pageAt } from '../core/sources/source';
import { whereText } from './passages';
import { findEntries, type CompletionEntry } from '../core/citing/completion';
import { CITATION_SNIPPET_NAMES, citationSnippets, type CitationSnippet } from '../core/citing/snippets';
import { authorsText, findBibliographyKeys, itemSummary, type CslItem } from '../core/citing/bibliography';
import type { Extraction } from '../core/sources/extract';
import { locateQuote } from '../core/checking/quoteMatch';
import { findQuotedParts } from '../core/language/quotes';
import type { Span } from '../core/text/offsets';
import { commandLink, markdownText } from '../core/text/inert';
import type { Config } from './config';
import { EXTRACTED_TEXT_SCHEME } from './commands';
import { labelText, showInformation, textMarkdown, trustedMarkdown } from './inert';
import type { SourceIndex } from './sourceIndex';
import type { SourceReader } from './reader';
import type { CitationFormats, Citer } from './cslStyles';

/** Most items one completion request returns; the list is marked incomplete so typing narrows it further. */
const COMPLETION_LIMIT = 200;
const LABEL_CHARS = 70;
/** Words of context a hover shows on each side of a cited quote. */
const HOVER_CONTEXT_WORDS = 12;
const HOVER_PARAGRAPH_CHARS = 600;
export const OPEN_CITATION_COMMAND = 'policyMemo.openCitation';
/** Run by an accepted completion in an in-text CSL style: the cited source's entry joins the memo's reference list. */
export const ADD_REFERENCE_COMMAND = 'policyMemo.addReference';

export function sourceUri(x: Extraction): vscode.Uri {
  return x.source.textIsFile ? vscode.Uri.file(x.source.path) : vscode.Uri.from({ scheme: EXTRACTED_TEXT_SCHEME, path: x.source.path });
}

function shorten(text: string, chars = LABEL_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > chars ? `${flat.slice(0, chars - 1)}\u2026` : flat;
}

/** Edits that append a footnote definition at the end of the memo, when the style needs one. */
function footnoteEdits(document: vscode.TextDocument, appendAtEnd: string | undefined): vscode.TextEdit[] {
  if (!appendAtEnd) return [];
  const end = document.lineAt(document.lineCount - 1).range.end;
  return [vscode.TextEdit.insert(end, appendAtEnd)];
}

/**
 * Puts a footnote definition (that the memo lacks) in the one block of definitions at the end of the memo, for a
 * completion item replacing `range`: as an additional edit, or, when the cursor is on the memo's last line, in the
 * item's own text after its final stop. `appendAtEnd` is citationEdit's text, for a memo the block cannot be found in.
 */
function placeDefinition(item: vscode.CompletionItem, document: vscode.TextDocument, range: vscode.Range, definition: string, appendAtEnd: string): void {
  const start = document.offsetAt(range.start);
  const changes = citationChanges(document.getText(), start, document.offsetAt(range.end), '', definition);
  const lineEnd = document.lineAt(range.end.line).range.end;
  if (changes.length === 1 && document.positionAt(changes[0].end).line === range.end.line) {
    // The cursor is on the memo's last line: an edit at the end of the document would be where the completion's
    // own is, and was applied before it (the trigger stayed typed, the quote landed after the definition). The
    // rest of the line and the new definition block go in this item's own text instead, after the cursor's stop.
    const snippet = item.insertText instanceof vscode.SnippetString ? item.insertText : new vscode.SnippetString().appendText(String(item.insertText)).appendTabstop(0);
    item.insertText = snippet.appendText(changes[0].text);
    item.range = new vscode.Range(range.start, lineEnd);
  } else if (changes.length === 2 && changes.some((c) => c.start === start && c.text === '') && changes.every((c) => c.text === '' || c.start !== start)) {
    // The item's own edit at the cursor, and the definition elsewhere (after the last one, which may be above it).
    const joined = changes.find((c) => c.text !== '')!;
    item.additionalTextEdits = [vscode.TextEdit.insert(document.positionAt(joined.start), joined.text)];
  } else {
    item.additionalTextEdits = footnoteEdits(document, appendAtEnd);
  }
}

interface CompletionContextMatch {
  readonly mode: 'trigger' | 'pandoc' | 'footnote';
  readonly range: vscode.Range;
  readonly query: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class CitationCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly index: SourceIndex, private readonly config: Config, private readonly formats: CitationFormats) {}

  private contextAt(document: vscode.TextDocument, position: vscode.Position): CompletionContextMatch | undefined {
    const line = document.lineAt(position.line).text;
    const prefix = line.slice(0, position.character);
    const trigger = new RegExp(`${escapeRegExp(this.config.completionTrigger)}([^\\n]{0,60})$`).exec(prefix);
    if (trigger && !trigger[1].includes(this.config.completionTrigger)) {
      return { mode: 'trigger', query: trigger[1], range: new vscode.Range(position.line, trigger.index, position.line, position.character) };
    }
    const bracket = /\[([@^])([\w.:-]*)$/.exec(prefix);
    if (!bracket) return undefined;
    const closing = line[position.character] === ']' ? 1 : 0;
    return {
      mode: bracket[1] === '@' ? 'pandoc' : 'footnote', query: bracket[2].replace(/[-_.:]/g, ' '),
      range: new vscode.Range(position.line, bracket.index, position.line, position.character + closing),
    };
  }

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionList | undefined> {
    const context = this.contextAt(document, position);
    if (!context) return undefined;
    const { sources, bibliography } = await this.index.sourcesForMemo(document);
    const entries = findEntries(sources, context.query, COMPLETION_LIMIT);
    const current = await this.formats.current();
    // Inside [^…, a note style's text for the definitions; inside [@…, Pandoc's marks (Pandoc formats them).
    const citer: Citer = context.mode === 'pandoc' ? { style: 'pandoc' } : context.mode === 'footnote' ? { style: 'footnote', csl: current.csl?.info.kind === 'note' ? current.csl : undefined } : current;
    const typed = document.getText(context.range);
    // Inside [@…, the bibliography's keys first, as Pandoc Citer offers them; then the sources' quotes and facts.
    const keys = context.mode === 'pandoc' ? findBibliographyKeys(bibliography, context.query, COMPLETION_LIMIT).map((item, i) => this.keyItem(item, context, typed, i)) : [];
    const items = entries.map((entry, i) => this.item(document, entry, context, citer, typed, i));
    return new vscode.CompletionList([...keys, ...items], true);
  }

  /** A bibliography key: `[@key]`, with its authors, year and title to pick it by. */
  private keyItem(item: CslItem, context: CompletionContextMatch, typed: string, rank: number): vscode.CompletionItem {
    const { authors, year, title } = itemSummary(item);
    const completion = new vscode.CompletionItem({ label: labelText(item.id), detail: title ? `  ${labelText(shorten(title, LABEL_CHARS - item.id.length))}` : undefined, description: labelText([authors, year].filter(Boolean).join(' ')) }, vscode.CompletionItemKind.Reference);
    completion.range = context.range;
    completion.insertText = `[@${item.id}]`;
    completion.filterText = `${typed} ${item.id} ${authors ?? ''} ${title ?? ''}`;
    // Before the quotes and facts ("!" sorts before digits).
    completion.sortText = `!${String(rank).padStart(5, '0')}`;
    completion.documentation = textMarkdown([authorsText(item), year, title].filter(Boolean).join(' \u00b7 '), item.id);
    return completion;
  }

  private item(document: vscode.TextDocument, entry: CompletionEntry, context: CompletionContextMatch, citer: Citer, typed: string, rank: number): vscode.CompletionItem {
    const source = entry.extraction.source;
    const edit = citationEdit(document.getText(), source, entry.paragraph, citer.style, { at: entry.at, csl: citer.csl });
    // The suggest widget renders $(icon) syntax in labels: a source's text shows as written.
    const label = labelText(entry.kind === 'quote' ? `\u201c${shorten(entry.text)}\u201d` : shorten(entry.text));
    const item = new vscode.CompletionItem({ label, detail: entry.speaker ? `  ${entry.speaker}` : undefined, description: `${source.key} ${whereText({ paragraph: entry.paragraph, page: pageAt(source, entry.at) })}` },
      entry.kind === 'quote' ? vscode.CompletionItemKind.Reference : entry.kind === 'value' ? vscode.CompletionItemKind.Value : vscode.CompletionItemKind.Text);
    item.range = context.range;
    // VS Code matches what was typed (trigger included) against filterText. The entries already match the query,
    // which leads so that VS Code keeps them all; the words after it keep them while the next keystroke is answered.
    item.filterText = `${typed} ${entry.speaker ?? ''} ${entry.text} ${source.key}`;
    item.sortText = String(rank).padStart(5, '0');
    item.documentation = textMarkdown(entry.kind === 'value' ? `${entry.text} \u2014 ${entry.sentence ?? ''}` : entry.text, `${sourceLabel(source)}, ${whereText({ paragraph: entry.paragraph, page: pageAt(source, entry.at) })}`);
    if (context.mode === 'trigger') {
      const snippet = new vscode.SnippetString();
      if (entry.kind === 'quote') {
        // "X said: …" where a sentence starts; mid-sentence ("the situation is @@knife") the quoted words alone fit.
        // The speaker is text, not a placeholder: a selected placeholder was replaced by the next keystroke.
        const before = document.lineAt(context.range.start.line).text.slice(0, context.range.start.character);
        if (entry.speaker && startsSentence(before)) snippet.appendText(`${entry.speaker} said: `);
        snippet.appendText(`\u201c${entry.text}\u201d ${edit.mark}`);
      } else {
        snippet.appendText(`${entry.text} ${edit.mark}`);
      }
      snippet.appendTabstop(0);
      item.insertText = snippet;
    } else {
      item.insertText = edit.mark;
    }
    if (citer.style === 'inline' && citer.csl?.info.kind === 'in-text') {
      // The reference list is written once the item is chosen (not computed for every item offered).
      item.command = { title: 'Add to References', command: ADD_REFERENCE_COMMAND, arguments: [document.uri.toString(), source.path] };
    }
    if (edit.appendAtEnd) placeDefinition(item, document, context.range, footnoteDefinition(source, entry.paragraph, { at: entry.at, csl: citer.csl }), edit.appendAtEnd);
    return item;
  }
}

/** The word being typed before the cursor, as a snippet's prefix is typed ("cite-q"). */
const SNIPPET_WORD = /[\w-]*$/;

/**
 * The citing snippets ("cite-quote", "cite-fact"), one per source of the memo, offered where a word that starts one
 * of their names is typed (as VS Code offers the static snippets). Each choice is a passage with its citation in
 * the current style (core/citing/snippets.ts), so the snippet leaves a citation of a real source behind; in
 * footnote style the first choice's definition joins the definitions at the end, as a quote's from `@@` does.
 */
export class CitationSnippetItems implements vscode.CompletionItemProvider {
  constructor(private readonly index: SourceIndex, private readonly formats: CitationFormats) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const prefix = document.lineAt(position.line).text.slice(0, position.character);
    const word = SNIPPET_WORD.exec(prefix)?.[0] ?? '';
    // Only while a name of ours is being typed: nothing is built for the other words of the memo.
    if (!word || !CITATION_SNIPPET_NAMES.some((name) => name.startsWith(word.toLowerCase()))) return undefined;
    const range = new vscode.Range(position.line, position.character - word.length, position.line, position.character);
    const { sources } = await this.index.sourcesForMemo(document);
    const citer = await this.formats.current();
    return citationSnippets(sources, citer.style, { csl: citer.csl }).map((snippet, rank) => this.item(document, snippet, citer, range, rank));
  }

  private item(document: vscode.TextDocument, snippet: CitationSnippet, citer: Citer, range: vscode.Range, rank: number): vscode.CompletionItem {
    const { source } = snippet;
    const what = snippet.kind === 'cite-quote' ? 'a quote' : 'a fact';
    const item = new vscode.CompletionItem({ label: snippet.kind, description: labelText(source.key) }, vscode.CompletionItemKind.Snippet);
    item.range = range;
    item.filterText = snippet.kind;
    item.sortText = `${snippet.kind} ${String(rank).padStart(5, '0')}`;
    item.detail = labelText(`${what} of ${sourceLabel(source)} with its citation (${snippet.choices.length} to choose from)`);
    item.documentation = textMarkdown(snippet.choices[0].text, `${sourceLabel(source)} — ${snippet.choices.length} choices`);
    item.insertText = new vscode.SnippetString(snippet.body);
    const [first] = snippet.choices;
    const edit = citationEdit(document.getText(), source, first.paragraph, citer.style, { at: first.at, csl: citer.csl });
    if (edit.appendAtEnd) placeDefinition(item, document, range, footnoteDefinition(source, first.paragraph, { at: first.at, csl: citer.csl }), edit.appendAtEnd);
    if (citer.style === 'inline' && citer.csl?.info.kind === 'in-text') {
      // Every choice cites the same source: its entry joins the reference list whichever is taken.
      item.command = { title: 'Add to References', command: ADD_REFERENCE_COMMAND, arguments: [document.uri.toString(), source.path] };
    }
    return item;
  }
}

interface ResolvedCitation {
  readonly citation: ParsedCitation;
  readonly extraction: Extraction;
  /** Offsets in the source of what the citation points at: the quote before it, else the paragraph. */
  readonly target: Span;
  readonly quoted: boolean;
}

async function citationAt(index: SourceIndex, document: vscode.TextDocument, position: vscode.Position): Promise<(ResolvedCitation & { range: vscode.Range }) | undefined> {
  const line = document.lineAt(position.line).text;
  const citation = parseCitations(line).find((c) => c.start <= position.character && position.character <= c.end);
  if (!citation) return undefined;
  const { sources } = await index.sourcesForMemo(document);
  const extraction = resolveCitation(citation, sources);
  if (!extraction) return undefined;
  // A PDF cited by page: the page; else the paragraph cited.
  const paragraph = namesPage(citation, extraction.source) ? pageSpan(extraction.source, citation.page) : extraction.source.paragraphs[citation.paragraph - 1];
  let target: Span | undefined = paragraph ? { start: paragraph.start, end: paragraph.end } : undefined;
  let quoted = false;
  const quote = findQuotedParts(line, { start: 0, end: line.length }).filter((q) => q.end <= citation.start).pop();
  if (quote && citation.start - quote.end <= 4) {
    const match = locateQuote(quote.text, [extraction]);
    if (match && match.similarity === 1 && (!paragraph || (match.start >= paragraph.start && match.end <= paragraph.end))) {
      target = { start: match.start, end: match.end };
      quoted = true;
    }
  }
  if (!target) return undefined;
  return { citation, extraction, target, quoted, range: new vscode.Range(position.line, citation.start, position.line, citation.end) };
}

/** The cited words in bold with a few words either side, all source text escaped. */
function withContext(text: string, span: Span): string {
  const flat = (t: string): string => markdownText(t.replace(/\s+/g, ' '));
  const before = text.slice(0, span.start).split(/\s+/).slice(-HOVER_CONTEXT_WORDS).join(' ');
  const after = text.slice(span.end).split(/\s+/).slice(0, HOVER_CONTEXT_WORDS + 1).join(' ');
  return `\u2026${flat(before)}**${flat(text.slice(span.start, span.end))}**${flat(after)}\u2026`;
}

export class CitationHovers implements vscode.HoverProvider {
  constructor(private readonly index: SourceIndex) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const found = await citationAt(this.index, document, position);
    if (!found) return undefined;
    const { source } = found.extraction;
    // Only our own command may run from this hover; every piece of source text is escaped first.
    const md = trustedMarkdown([OPEN_CITATION_COMMAND]);
    md.appendMarkdown(`**${markdownText(sourceLabel(source))}**\n\n`);
    md.appendMarkdown(markdownText([source.meta.outlet ?? source.meta.author, source.meta.date, `${source.key}, ${namesPage(found.citation, source) ? `p. ${found.citation.page}` : `\u00b6${found.citation.paragraph}`}`].filter(Boolean).join(' \u00b7 ')));
    const passage = found.quoted
      ? withContext(source.text, found.target)
      : markdownText(shorten(source.text.slice(found.target.start, found.target.end), HOVER_PARAGRAPH_CHARS));
    md.appendMarkdown(`\n\n> ${passage}`);
    md.appendMarkdown(`\n\n${commandLink('Open source', OPEN_CITATION_COMMAND, [source.path, found.target.start, found.target.end])}`);
    return new vscode.Hover(md, found.range);
  }
}

export class CitationDefinitions implements vscode.DefinitionProvider {
  constructor(private readonly index: SourceIndex) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.LocationLink[] | undefined> {
    const found = await citationAt(this.index, document, position);
    if (!found) return undefined;
    const { start, end } = found.extraction.source.lines.rangeOf(found.target);
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    return [{ originSelectionRange: found.range, targetUri: sourceUri(found.extraction), targetRange: range, targetSelectionRange: range }];
  }
}

/**
 * After a completion citing `path` by an in-text CSL style was accepted in the memo `uri`: the source's entry joins
 * the memo's reference list (referenceListChanges), as part of the same undo step.
 */
export async function addReference(index: SourceIndex, formats: CitationFormats, uri: unknown, path: unknown): Promise<boolean> {
  if (typeof uri !== 'string' || typeof path !== 'string') return false;
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  if (!editor) return false;
  const citer = await formats.current();
  if (citer.style !== 'inline' || citer.csl?.info.kind !== 'in-text') return false;
  const { document } = editor;
  const { sources } = await index.sourcesForMemo(document);
  const cited = sources.find((x) => x.source.path === path);
  if (!cited) return false;
  const at = document.offsetAt(editor.selection.active);
  const changes = referenceListChanges(document.getText(), at, at, '', cited.source, sources, citer.csl);
  if (!changes.length) return true;
  return editor.edit((edit) => {
    for (const c of changes) edit.replace(new vscode.Range(document.positionAt(c.start), document.positionAt(c.end)), c.text);
  }, { undoStopBefore: false, undoStopAfter: true });
}

export async function openCitation(index: SourceIndex, reader: SourceReader, path: unknown, start: unknown, end: unknown): Promise<void> {
  if (typeof path !== 'string' || typeof start !== 'number' || typeof end !== 'number') return;
  // Only a loaded source opens: the path comes from a link, and a link names no other file.
  const x = index.loaded(path);
  if (!x) {
    void showInformation('Policy Memo: this source is no longer loaded.');
    return;
  }
  await reader.reveal(x, { start, end });
}

/** Runs a provider's work; a failure is logged and answered with nothing, never thrown into the editor. */
export async function guarded<T>(log: vscode.OutputChannel, what: string, work: () => Promise<T | undefined>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    log.appendLine(`${what} failed: ${(error as Error).stack ?? error}`);
    return undefined;
  }
}

export function registerCiting(index: SourceIndex, config: Config, formats: CitationFormats, reader: SourceReader, log: vscode.OutputChannel): vscode.Disposable[] {
  const markdown: vscode.DocumentSelector = { language: 'markdown' };
  const completions = new CitationCompletions(index, config, formats);
  const hovers = new CitationHovers(index);
  const definitions = new CitationDefinitions(index);
  // Trigger characters are fixed at registration: register again when the trigger setting changes.
  let registered: vscode.Disposable | undefined;
  let trigger = '';
  const registerCompletions = (): void => {
    if (trigger === config.completionTrigger && registered) return;
    trigger = config.completionTrigger;
    registered?.dispose();
    registered = vscode.languages.registerCompletionItemProvider(markdown, {
      provideCompletionItems: (d, p) => guarded(log, 'completion', () => completions.provideCompletionItems(d, p)),
    }, ...new Set([trigger.slice(-1), '@', '^']));
  };
  registerCompletions();
  const snippets = new CitationSnippetItems(index, formats);
  return [
    vscode.languages.registerCompletionItemProvider(markdown, { provideCompletionItems: (d, p) => guarded(log, 'citing snippets', () => snippets.provideCompletionItems(d, p)) }),
    config.onDidChange(registerCompletions),
    { dispose: () => registered?.dispose() },
    vscode.languages.registerHoverProvider(markdown, { provideHover: (d, p) => guarded(log, 'hover', () => hovers.provideHover(d, p)) }),
    vscode.languages.registerDefinitionProvider(markdown, { provideDefinition: (d, p) => guarded(log, 'go to source', () => definitions.provideDefinition(d, p)) }),
    vscode.commands.registerCommand(OPEN_CITATION_COMMAND, (path: unknown, start: unknown, end: unknown) => openCitation(index, reader, path, start, end)),
    vscode.commands.registerCommand(ADD_REFERENCE_COMMAND, (uri: unknown, path: unknown) => addReference(index, formats, uri, path)),
  ];
}
