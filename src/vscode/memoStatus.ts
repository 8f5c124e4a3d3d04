/**
 * Which sources the active memo is checked against, always in view: a status bar item
 * (`Policy Memo: 3 sources · 2 conflicts`) whose click lists them, as cspell's and Vale's items do.
 */
import * as vscode from 'vscode';
import { sourceLabel } from '../core/citing/citation';
import type { SourcesOrigin } from '../core/memo/memoSources';
import type { Extraction } from '../core/sources/extract';
import type { Config } from './config';
import { EXTRACTED_TEXT_SCHEME } from './commands';
import type { MemoDiagnostics } from './diagnostics';
import { plural } from '../core/text/plural';
import { labelText } from './inert';
import type { SourceIndex } from './sourceIndex';

export const SHOW_MEMO_SOURCES_COMMAND = 'policyMemo.showMemoSources';
/** Right of the editor's own items (language, encoding), with the other linters' items. */
const STATUS_PRIORITY = 100;
const STATUS_NAME = 'Policy Memo: sources of the memo';

const ORIGIN_TEXT: Record<SourcesOrigin, string> = {
  'front-matter': 'named by the memo\u2019s front matter (sources:)',
  'configured': 'found by policyMemo.sources',
  'sample': 'the bundled sample: no source found by policyMemo.sources',
};

function isMemo(editor: vscode.TextEditor | undefined): editor is vscode.TextEditor {
  return !!editor && editor.document.languageId === 'markdown' && editor.document.uri.scheme !== EXTRACTED_TEXT_SCHEME && editor.document.uri.scheme !== 'output';
}

export class MemoStatus implements vscode.Disposable {
  /** Read by the integration tests: VS Code's API cannot read the status bar back. */
  readonly item = vscode.window.createStatusBarItem('policyMemo.status', vscode.StatusBarAlignment.Right, STATUS_PRIORITY);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly config: Config, private readonly index: SourceIndex, private readonly diagnostics: MemoDiagnostics) {
    this.item.name = STATUS_NAME;
    this.item.command = SHOW_MEMO_SOURCES_COMMAND;
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      diagnostics.onDidCheck((uri) => {
        if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) this.update();
      }),
      config.onDidChange(() => this.update()),
      vscode.commands.registerCommand(SHOW_MEMO_SOURCES_COMMAND, () => this.showSources()),
    );
    this.update();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    if (!isMemo(editor)) {
      this.item.hide();
      return;
    }
    if (!this.config.checkEnabled) {
      this.item.text = 'Policy Memo: checking off';
      this.item.tooltip = 'Memo checking is turned off (policyMemo.check.enable)';
    } else {
      const summary = this.diagnostics.summaryOf(editor.document.uri);
      if (!summary) {
        this.item.text = 'Policy Memo: checking\u2026';
        this.item.tooltip = 'Reading sources and checking the memo';
      } else {
        const sources = summary.origin === 'sample' ? 'sample only' : plural(summary.sources.length, 'source');
        this.item.text = `Policy Memo: ${sources} \u00b7 ${plural(summary.conflicts, 'conflict')}`;
        // Plain text: source names are shown as written, never as Markdown.
        this.item.tooltip = `Checked against ${plural(summary.sources.length, 'source')}, ${ORIGIN_TEXT[summary.origin]}. Click for the list.`;
      }
    }
    this.item.show();
  }

  /** The active memo's sources; picking one opens it. Resolves to the list shown (for tests and keybindings). */
  private async showSources(): Promise<readonly Extraction[]> {
    const editor = vscode.window.activeTextEditor;
    if (!isMemo(editor)) return [];
    const { sources, origin } = await this.index.sourcesForMemo(editor.document);
    type Item = vscode.QuickPickItem & { extraction: Extraction };
    const items: Item[] = sources.map((x) => ({
      label: labelText(sourceLabel(x.source)),
      description: labelText(x.source.isSample ? 'bundled sample' : vscode.workspace.asRelativePath(x.source.path)),
      detail: `${x.quotes.length} quotes \u00b7 ${x.factTable.shown.length} facts`,
      extraction: x,
    }));
    const picked = vscode.window.showQuickPick(items, { title: `Sources of ${editor.document.uri.path.split('/').pop()}: ${ORIGIN_TEXT[origin]}`, placeHolder: 'Open a source' });
    void picked.then(async (choice) => {
      if (!choice) return;
      const source = choice.extraction.source;
      const uri = source.textIsFile ? vscode.Uri.file(source.path) : vscode.Uri.from({ scheme: EXTRACTED_TEXT_SCHEME, path: source.path });
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
    });
    return sources;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
