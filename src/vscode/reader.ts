/**
 * A source read as an article: opened from the Sources view (or a citation's link), a plain-text source or reading
 * view wraps its lines, the passage is centred, selected and highlighted, and the quotes and figures the view lists
 * are marked, with a hover naming a quote's speaker or what a figure counts. The marks come from the extraction
 * already done (core/sources/marks.ts, kept per extraction) and are painted on any visible editor of a loaded
 * source, however it was opened; nothing is computed while the user types.
 */
import * as vscode from 'vscode';
import type { Extraction } from '../core/sources/extract';
import { sourceMarks, type SourceMark } from '../core/sources/marks';
import type { Span } from '../core/text/offsets';
import { EXTRACTED_TEXT_SCHEME } from './commands';
import { textMarkdown } from './inert';
import type { SourceIndex } from './sourceIndex';

/**
 * The language a plain-text source (and the reading view) is shown in: package.json's configurationDefaults set
 * `editor.wordWrap` on for it. The editor API has no word wrap of its own per editor or document; a language's
 * settings are how a document gets one, and plain text keeps no highlighting to lose.
 */
export const SOURCE_LANGUAGE = 'policy-memo-source';
/** Languages a source document is moved to SOURCE_LANGUAGE from: Markdown wraps already (VS Code's default) and keeps its own. */
const WRAPPED_FROM = new Set(['plaintext']);

/** What the reader painted on a source editor: for the integration tests, which cannot read decorations back. */
export interface ReaderMarks {
  readonly passage?: vscode.Range;
  readonly marks: readonly { readonly kind: SourceMark['kind']; readonly range: vscode.Range; readonly hover: string }[];
}

function rangeIn(x: Extraction, span: Span): vscode.Range {
  // The source's line index, not the document's offsets: those of a text with invisible characters folded away.
  const { start, end } = x.source.lines.rangeOf(span);
  return new vscode.Range(start.line, start.character, end.line, end.character);
}

export function sourceDocumentUri(x: Extraction): vscode.Uri {
  return x.source.textIsFile ? vscode.Uri.file(x.source.path) : vscode.Uri.from({ scheme: EXTRACTED_TEXT_SCHEME, path: x.source.path });
}

export class SourceReader implements vscode.Disposable {
  /** The passage revealed: as the find widget marks a match, so that it stands out after the selection moves. */
  private readonly passageType = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.findMatchForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly quoteType = vscode.window.createTextEditorDecorationType({ fontStyle: 'italic', textDecoration: 'underline dotted' });
  private readonly figureType = vscode.window.createTextEditorDecorationType({ fontWeight: 'bold', textDecoration: 'underline dotted' });
  /** The one passage highlighted: revealing another clears it, in whichever editor it was. */
  private highlighted: { readonly uri: string; readonly range: vscode.Range } | undefined;
  private readonly painted = new Map<string, ReaderMarks>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly index: SourceIndex) {
    this.disposables = [
      this.passageType, this.quoteType, this.figureType,
      // A source editor shown again (a tab switched back to, a split) is a new editor, without decorations.
      vscode.window.onDidChangeVisibleTextEditors((editors) => this.paintAll(editors)),
      // A source read again: its marks are its new extraction's.
      index.onDidChange(() => this.paintAll(vscode.window.visibleTextEditors)),
    ];
    this.paintAll(vscode.window.visibleTextEditors);
  }

  /** Opens a source at a span: wrapped, the span selected, centred and highlighted, its quotes and figures marked. */
  async reveal(x: Extraction, span: Span): Promise<vscode.TextEditor> {
    let document = await vscode.workspace.openTextDocument(sourceDocumentUri(x));
    if (WRAPPED_FROM.has(document.languageId)) document = await vscode.languages.setTextDocumentLanguage(document, SOURCE_LANGUAGE);
    const range = rangeIn(x, span);
    const editor = await vscode.window.showTextDocument(document, { selection: range, preview: true, preserveFocus: false });
    // In the middle of the view, so that the analyst reads what comes before and after it.
    editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
    this.highlighted = { uri: document.uri.toString(), range };
    this.paintAll(vscode.window.visibleTextEditors);
    return editor;
  }

  /** What was painted on the visible editor of a document. */
  marksOf(uri: vscode.Uri): ReaderMarks | undefined {
    return this.painted.get(uri.toString());
  }

  private extractionOf(document: vscode.TextDocument): Extraction | undefined {
    if (document.uri.scheme === 'file') return this.index.loaded(document.uri.fsPath);
    if (document.uri.scheme === EXTRACTED_TEXT_SCHEME) return this.index.loaded(document.uri.path);
    return undefined;
  }

  private paintAll(editors: readonly vscode.TextEditor[]): void {
    this.painted.clear();
    for (const editor of editors) this.paint(editor);
  }

  private paint(editor: vscode.TextEditor): void {
    const x = this.extractionOf(editor.document);
    if (!x) return;
    const uri = editor.document.uri.toString();
    const passage = this.highlighted?.uri === uri ? this.highlighted.range : undefined;
    editor.setDecorations(this.passageType, passage ? [passage] : []);
    const marks = sourceMarks(x).map((m) => ({ kind: m.kind, range: rangeIn(x, m), hover: m.hover }));
    // Source text in a hover is escaped and never trusted (textMarkdown).
    const options = (kind: SourceMark['kind']): vscode.DecorationOptions[] =>
      marks.filter((m) => m.kind === kind).map((m) => ({ range: m.range, hoverMessage: textMarkdown(...m.hover.split('\n\n')) }));
    editor.setDecorations(this.quoteType, options('quote'));
    editor.setDecorations(this.figureType, options('figure'));
    this.painted.set(uri, { passage, marks });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
