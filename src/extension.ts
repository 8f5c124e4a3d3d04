import * as vscode from 'vscode';
import { registerCiting } from './vscode/citing';
import { registerConflictFixes } from './vscode/codeActions';
import { registerCommands } from './vscode/commands';
import { Config } from './vscode/config';
import { showError } from './vscode/inert';
import { MemoDiagnostics } from './vscode/diagnostics';
import { SourceIndex } from './vscode/sourceIndex';
import { createSourcesView, SourcesTreeProvider } from './vscode/sourcesTree';

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
    const diagnostics = new MemoDiagnostics(config, sources, log, context.extensionUri);
    context.subscriptions.push(
      sources, tree, diagnostics,
      ...createSourcesView(sources, tree),
      ...registerCommands(sources, config),
      ...registerCiting(sources, config, log),
      ...diagnostics.register(),
      registerConflictFixes(diagnostics),
    );
    // Sources load in the background: the NLP model loads on first need, not during activation.
    setTimeout(() => void sources.refresh(), 0);
    return { sources, tree, diagnostics };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.appendLine(`activation failed: ${message}`);
    void showError(`Policy Memo could not start: ${message}`, 'Show Log').then((choice) => {
      if (choice) log.show();
    });
    return undefined;
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
