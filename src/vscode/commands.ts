import * as vscode from 'vscode';
import { citationChanges, citationEdit, footnoteDefinition, referenceListChanges, startsSentence, toCslJson } from '../core/citing/citation';
import { labelText, showInformation, showWarning } from './inert';
import { allPassages, whereText, type Passage } from './passages';
import { bibliographyEntriesOf } from '../core/citing/bibliography';
import { readingText, type SourceDoc } from '../core/sources/source';
import type { CitationFormats, Citer } from './cslStyles';
import type { SourceIndex } from './sourceIndex';
import type { TreeNode } from './sourcesTree';
import type { SourceReader } from './reader';

/** Scheme of the read-only documents that show the text read from an HTML, PDF or Word source (its reading view). */
export const EXTRACTED_TEXT_SCHEME = 'policy-memo-source';
const SOURCE_FILE_FILTERS = { 'Articles and reports': ['txt', 'md', 'markdown', 'html', 'htm', 'pdf', 'docx'] };
const SOURCES_FOLDER = 'sources';
const QUICK_PICK_DETAIL_CHARS = 160;
export const CSL_FILE_NAME = 'references.json';

function passageOf(arg: unknown): Passage | undefined {
  const node = arg as TreeNode | undefined;
  return node && node.kind === 'passage' ? node.passage : undefined;
}

/** The passage with its citation mark in a style (for footnotes, the definition is a separate edit). */
export function citationText(p: Passage, mark: string, attributed = true): string {
  if (p.kind === 'quote') return p.speaker && attributed ? `${p.speaker} said: \u201c${p.text}\u201d ${mark}` : `\u201c${p.text}\u201d ${mark}`;
  return `${p.text} ${mark}`;
}

/** Opens the source at the passage, as an article (the reading view for HTML, PDF and Word sources): see SourceReader. */
export function revealPassage(reader: SourceReader, p: Passage): Promise<vscode.TextEditor> {
  return reader.reveal(p.extraction, p.span);
}

/** The Markdown editor an insertion goes to: the active one, else the last visible Markdown editor. */
function targetMemoEditor(): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (active?.document.languageId === 'markdown' && active.document.uri.scheme !== EXTRACTED_TEXT_SCHEME) return active;
  return vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'markdown' && e.document.uri.scheme !== EXTRACTED_TEXT_SCHEME);
}

export async function insertPassage(index: SourceIndex, p: Passage, citer: Citer): Promise<boolean> {
  const editor = targetMemoEditor();
  if (!editor) {
    void showInformation('Policy Memo: open a Markdown memo to insert into.');
    return false;
  }
  const { document } = editor;
  const memoText = document.getText();
  // The memo's own view of the source: keyed and described by its bibliography, if it has one.
  const source = (await memoSource(index, p, document)) ?? p.extraction.source;
  const options = { at: p.span.start, csl: citer.csl };
  const { mark, appendAtEnd } = citationEdit(memoText, source, p.paragraph, citer.style, options);
  // "X said: …" where a sentence starts; mid-sentence the quoted words alone fit (as the completion does).
  const text = citationText(p, mark, startsSentence(document.lineAt(editor.selection.start.line).text.slice(0, editor.selection.start.character)));
  // At the primary cursor; the definition, if any, joins the block at the end (citationChanges keeps them apart).
  const selection = editor.selection;
  const [start, end] = [document.offsetAt(selection.start), document.offsetAt(selection.end)];
  // An in-text CSL style (APA): the source's entry joins the memo's reference list, which stays whole at the end.
  const changes = citer.style === 'inline' && citer.csl?.info.kind === 'in-text'
    ? referenceListChanges(memoText, start, end, text, source, (await index.sourcesForMemo(document)).sources, citer.csl)
    : citationChanges(memoText, start, end, text, appendAtEnd ? footnoteDefinition(source, p.paragraph, options) : undefined);
  return editor.edit((edit) => {
    for (const c of changes) edit.replace(new vscode.Range(document.positionAt(c.start), document.positionAt(c.end)), c.text);
  });
}

/** The passage's source as the memo cites it (its bibliography's key and metadata), when the memo has it. */
async function memoSource(index: SourceIndex, p: Passage, document: vscode.TextDocument): Promise<SourceDoc | undefined> {
  if (!bibliographyEntriesOf(document.getText())) return undefined;
  const { sources } = await index.sourcesForMemo(document);
  return sources.find((x) => x.source.path === p.extraction.source.path)?.source;
}

/**
 * Writes CSL JSON of the sources (for pandoc --citeproc --bibliography) at the workspace root: the active memo's
 * sources as its bibliography keys them, and its bibliography's other entries, so every key it cites resolves.
 */
async function writeCsl(index: SourceIndex): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void showWarning('Policy Memo: open a folder first; the CSL JSON file is written at its root.');
    return;
  }
  const editor = vscode.window.activeTextEditor;
  const memo = editor?.document.languageId === 'markdown' ? await index.sourcesForMemo(editor.document) : undefined;
  const sources = memo ? memo.sources : [...index.sources];
  const items = toCslJson(sources, memo?.bibliography ?? []);
  const target = vscode.Uri.joinPath(folder.uri, CSL_FILE_NAME);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(JSON.stringify(items, null, 2) + '\n'));
  const more = items.length > sources.length ? ` and ${items.length - sources.length} more bibliography entries` : '';
  void showInformation(`Policy Memo: wrote ${CSL_FILE_NAME} (${sources.length} sources${more}). Render with: pandoc memo.md --citeproc --bibliography ${CSL_FILE_NAME}`);
}

export class TextExtractedFromSources implements vscode.TextDocumentContentProvider {
  constructor(private readonly index: SourceIndex) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    // A source a memo's front matter names is loaded too, though not among the workspace's.
    const source = this.index.loaded(uri.path)?.source;
    return source ? readingText(source) : `This source is no longer loaded: ${uri.path}`;
  }
}

async function addSource(index: SourceIndex): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void showWarning('Policy Memo: open a folder first; sources are copied into its sources/ folder.');
    return;
  }
  const picked = await vscode.window.showOpenDialog({ canSelectMany: true, filters: SOURCE_FILE_FILTERS, openLabel: 'Add Source' });
  if (!picked?.length) return;
  const targetDir = vscode.Uri.joinPath(folder.uri, SOURCES_FOLDER);
  await vscode.workspace.fs.createDirectory(targetDir);
  for (const uri of picked) {
    const name = uri.path.split('/').pop() ?? 'source.txt';
    const target = vscode.Uri.joinPath(targetDir, name);
    try {
      await vscode.workspace.fs.copy(uri, target, { overwrite: false });
    } catch {
      void showWarning(`Policy Memo: ${SOURCES_FOLDER}/${name} already exists and was not overwritten.`);
    }
  }
  await index.refresh();
}

async function findPassage(index: SourceIndex, formats: CitationFormats, reader: SourceReader): Promise<void> {
  await index.ready();
  type Item = vscode.QuickPickItem & { passage: Passage };
  const items: Item[] = allPassages(index.sources).map((p) => ({
    // Our icon first; the speaker and text are the source's, shown as written.
    label: p.kind === 'quote' ? `$(quote) ${labelText(p.speaker ?? 'No speaker')}` : `$(info) ${labelText(p.text.slice(0, QUICK_PICK_DETAIL_CHARS))}`,
    description: labelText(`${p.extraction.source.key} ${whereText(p)}`),
    detail: p.kind === 'quote' ? labelText(`\u201c${p.text.slice(0, QUICK_PICK_DETAIL_CHARS)}\u201d`) : undefined,
    passage: p,
  }));
  const quickPick = vscode.window.createQuickPick<Item>();
  quickPick.items = items;
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  // With no memo to insert into, Enter shows the passage in its source instead of refusing.
  const memoOpen = targetMemoEditor() !== undefined;
  quickPick.placeholder = memoOpen
    ? 'Find a quote or fact by its words or its speaker; Enter inserts it into the memo'
    : 'Find a quote or fact by its words or its speaker; Enter shows it in its source (open a memo to insert)';
  const insertButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Show in source' };
  quickPick.onDidTriggerItemButton((e) => {
    quickPick.hide();
    void revealPassage(reader, e.item.passage);
  });
  for (const item of items) (item as { buttons?: vscode.QuickInputButton[] }).buttons = [insertButton];
  quickPick.onDidAccept(() => {
    const choice = quickPick.selectedItems[0];
    quickPick.hide();
    if (!choice) return;
    if (targetMemoEditor()) void formats.current().then((citer) => insertPassage(index, choice.passage, citer));
    else void revealPassage(reader, choice.passage);
  });
  quickPick.onDidHide(() => quickPick.dispose());
  quickPick.show();
}

/**
 * Opens the sample memo as a new untitled document: the walkthrough's first step. A copy, so that what the user
 * types never changes the extension's own file.
 */
async function openSampleMemo(index: SourceIndex): Promise<void> {
  const bytes = await vscode.workspace.fs.readFile(index.sampleMemoUri);
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: new TextDecoder().decode(bytes) });
  await vscode.window.showTextDocument(document);
}

export function registerCommands(index: SourceIndex, formats: CitationFormats, reader: SourceReader): vscode.Disposable[] {
  return [
    vscode.workspace.registerTextDocumentContentProvider(EXTRACTED_TEXT_SCHEME, new TextExtractedFromSources(index)),
    vscode.commands.registerCommand('policyMemo.reveal', async (node: unknown) => {
      const p = passageOf(node);
      if (p) await revealPassage(reader, p);
    }),
    vscode.commands.registerCommand('policyMemo.insert', async (node: unknown) => {
      const p = passageOf(node);
      if (p) return insertPassage(index, p, await formats.current());
      return false;
    }),
    vscode.commands.registerCommand('policyMemo.copyCitation', async (node: unknown) => {
      const p = passageOf(node);
      if (!p) return;
      const editor = vscode.window.activeTextEditor;
      const citer = await formats.current();
      const source = (editor?.document.languageId === 'markdown' ? await memoSource(index, p, editor.document) : undefined) ?? p.extraction.source;
      const options = { at: p.span.start, csl: citer.csl };
      const { mark, appendAtEnd } = citationEdit(editor?.document.getText() ?? '', source, p.paragraph, citer.style, options);
      // A footnote mark is no citation without its definition: both are copied, a blank line apart.
      const definition = appendAtEnd ? footnoteDefinition(source, p.paragraph, options) : undefined;
      await vscode.env.clipboard.writeText(definition ? `${citationText(p, mark)}\n\n${definition}\n` : citationText(p, mark));
      vscode.window.setStatusBarMessage(definition ? 'Policy Memo: citation and its footnote definition copied' : 'Policy Memo: citation copied', 2000);
    }),
    vscode.commands.registerCommand('policyMemo.find', () => findPassage(index, formats, reader)),
    vscode.commands.registerCommand('policyMemo.openSampleMemo', () => openSampleMemo(index)),
    vscode.commands.registerCommand('policyMemo.writeCsl', () => writeCsl(index)),
    vscode.commands.registerCommand('policyMemo.addSource', () => addSource(index)),
    vscode.commands.registerCommand('policyMemo.refresh', () => index.refresh()),
  ];
}
