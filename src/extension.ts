import * as vscode from 'vscode';
import { registerCiting } from './vscode/citing';
import { registerConflictFixes } from './vscode/codeActions';
import { registerCommands } from './vscode/commands';
import { Config } from './vscode/config';
import { CitationFormats } from './vscode/cslStyles';
import { showError } from './vscode/inert';
import { MemoDiagnostics } from './vscode/diagnostics';
import { SourceIndex } from './vscode/sourceIndex';
import { MemoStatus } from './vscode/memoStatus';
import { SourceReader } from './vscode/reader';
import { createSourcesView, SourcesTreeProvider, type TreeNode } from './vscode/sourcesTree';

export interface PolicyMemoApi {
  readonly sources: SourceIndex;
  readonly tree: SourcesTreeProvider;
  readonly diagnostics: MemoDiagnostics;
  /** The status bar item and the Sources view, whose text the API cannot read back: for the integration tests. */
  readonly status: MemoStatus;
  readonly view: vscode.TreeView<TreeNode>;
  /** The decorations of opened sources, which the API cannot read back either. */
  readonly reader: SourceReader;
  /** The log channel's file: VS Code writes a log channel named N to N.log in the extension's log folder. */
  readonly logFile: vscode.Uri;
}

const LOG_NAME = 'Policy Memo';

/** Wiring only: every piece lives in src/vscode, and every disposable goes to the context. */
export function activate(context: vscode.ExtensionContext): PolicyMemoApi | undefined {
  // A log channel: levels, timestamps, and the user picks how much to see (Output > Set Log Level).
  const log = vscode.window.createOutputChannel(LOG_NAME, { log: true });
  context.subscriptions.push(log);
  try {
    const config = new Config(context.subscriptions);
    const sources = new SourceIndex(config, context.extensionUri, log);
    const tree = new SourcesTreeProvider(sources);
    const diagnostics = new MemoDiagnostics(config, sources, log, context.extensionUri);
    const status = new MemoStatus(config, sources, diagnostics);
    const sourcesView = createSourcesView(sources, tree);
    const formats = new CitationFormats(config, context.extensionUri, log);
    const reader = new SourceReader(sources);
    context.subscriptions.push(
      sources, tree, diagnostics, status, formats, reader,
      ...sourcesView.disposables,
      ...registerCommands(sources, formats, reader),
      ...registerCiting(sources, config, formats, reader, log),
      ...diagnostics.register(),
      registerConflictFixes(diagnostics),
    );
    // Sources load in the background: the NLP model loads on first need, not during activation.
    setTimeout(() => void sources.refresh(), 0);
    return { sources, tree, diagnostics, status, view: sourcesView.view, reader, logFile: vscode.Uri.joinPath(context.logUri, `${LOG_NAME}.log`) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error(`activation failed: ${message}`);
    void showError(`Policy Memo could not start: ${message}`, 'Show Log').then((choice) => {
      if (choice) log.show();
    });
    return undefined;
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
