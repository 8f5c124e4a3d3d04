import * as vscode from 'vscode';
import { completionEntries } from './core/completion';
import { registerCiting } from './vscode/citing';
import { ConflictFixes } from './vscode/codeActions';
import { registerCommands } from './vscode/commands';
import { Config } from './vscode/config';
import { MemoDiagnostics } from './vscode/diagnostics';
import { SourceIndex } from './vscode/sourceIndex';
import { SourcesTreeProvider, VIEW_ID } from './vscode/sourcesTree';

export interface PolicyMemoApi {
  readonly sources: SourceIndex;
  readonly tree: SourcesTreeProvider;
  readonly diagnostics: MemoDiagnostics;
}

/** Wiring only: every piece lives in src/vscode, and every disposable goes to the context. */
export function activate(context: vscode.ExtensionContext): PolicyMemoApi | undefined {
  const log = vscode.window.createOutputChannel('Policy Memo');
  context.subscriptions.push(log);
  try {
    const config = new Config(context.subscriptions);
    const sources = new SourceIndex(config, context.extensionUri, log);
    const tree = new SourcesTreeProvider(sources);
    const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
    const diagnostics = new MemoDiagnostics(config, sources, log);
    const describeView = (): void => {
      view.message = sources.usingSample ? 'Showing the bundled sample article: add your own sources to sources/.' : undefined;
    };
    context.subscriptions.push(
      sources, tree, view, diagnostics, ...registerCommands(sources, config), ...registerCiting(sources, config, log), ...diagnostics.register(),
      vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new ConflictFixes(diagnostics), { providedCodeActionKinds: ConflictFixes.kinds }),
      sources.onDidChange(describeView),
      // Build the completion list off the typing path, so the first "@@" answers at once.
      sources.onDidChange(() => setTimeout(() => completionEntries(sources.sources), 0)),
      vscode.workspace.onDidOpenTextDocument((d) => sources.didSeeMemo(d)),
      vscode.workspace.onDidSaveTextDocument((d) => sources.didSeeMemo(d)),
      vscode.commands.registerCommand('policyMemo.checkMemo', async () => {
        const editor = vscode.window.activeTextEditor;
        if (editor?.document.languageId === 'markdown') await diagnostics.check(editor.document);
        else void vscode.window.showInformationMessage('Policy Memo: open a Markdown memo to check.');
      }),
    );
    // Sources load in the background: the NLP model loads on first need, not during activation.
    setTimeout(() => void sources.refresh(), 0);
    return { sources, tree, diagnostics };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.appendLine(`activation failed: ${message}`);
    void vscode.window.showErrorMessage(`Policy Memo could not start: ${message}`, 'Show Log').then((choice) => {
      if (choice) log.show();
    });
    return undefined;
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
