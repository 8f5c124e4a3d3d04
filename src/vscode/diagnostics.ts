import { plural } from '../core/text/plural';
import * as vscode from 'vscode';
import { Checker, defaultSeverityOf, type Finding, type Severity } from '../core/checking/check';
import { DiagnosticCode, isConflict } from '../core/checking/codes';
import { docsPathOf } from '../core/checking/rules';
import { CheckScheduler } from '../core/checking/scheduler';
import type { Config } from './config';
import { EXTRACTED_TEXT_SCHEME } from './commands';
import { showInformation } from './inert';
import type { SourceIndex } from './sourceIndex';
import type { SourcesOrigin } from '../core/memo/memoSources';
import type { Extraction } from '../core/sources/extract';
import { pageAt, type SourceDoc } from '../core/sources/source';

/** ", p. 3" for evidence in a source with pages (a PDF); nothing for others. */
function evidencePage(source: SourceDoc, offset: number): string {
  const page = pageAt(source, offset);
  return page === undefined ? '' : `, p. ${page}`;
}

export const DIAGNOSTIC_SOURCE = 'memo-check';
/**
 * How long a memo check runs on the extension host's thread before it lets other work run (keystrokes, other
 * extensions): typing never waits more than 50 ms on Policy Memo. The check runs here in slices rather than in a
 * worker: a worker would need its own copy of every source's extraction and alignment index (hundreds of MB for a
 * large workspace, see README "Measured") or a copy per check; slicing needs neither and is the smaller change.
 * A slice ends after the step that passes the budget (a step takes up to ~30 ms, hence 10 ms): a chunk of the
 * Markdown parse, a batch of analysis, a block (at most MAX_BLOCK_CHARS), a quote or a claim. npm run stress
 * reports the longest slice seen; a newer edit abandons the check at its next pause.
 */
const CHECK_SLICE_MS = 10;
const CHECK_COMMAND = 'policyMemo.checkMemo';
/**
 * The command's check can go stale while it runs (the memo was edited, sources changed, the memo was just opened and
 * checked again): the command then reports the newer check, waiting for it this long at most.
 */
const COMMAND_WAIT_MS = 30_000;
const PROBLEMS_VIEW_COMMAND = 'workbench.actions.view.problems';

/** What the last check of a memo used and found: for the status bar, the command's result and the log. */
export interface CheckSummary {
  readonly origin: SourcesOrigin;
  readonly sources: readonly Extraction[];
  readonly conflicts: number;
  readonly ms: number;
}

/** What "Check Memo Against Sources" reports, and returns (for tasks and tests). */
export interface CheckResult {
  readonly conflicts: number;
  readonly sources: number;
  readonly message: string;
}


function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Where a front-matter entry is written, for a diagnostic on that entry (else on the whole front matter). */
function frontMatterEntry(text: string, frontMatter: { start: number; end: number }, entry: string): { start: number; end: number } {
  const at = text.slice(frontMatter.start, frontMatter.end).indexOf(entry);
  if (at >= 0) return { start: frontMatter.start + at, end: frontMatter.start + at + entry.length };
  return frontMatter.end > 0 ? frontMatter : { start: 0, end: 0 };
}

/** A diagnostic's code as a string, whether it carries a link to its docs page or not. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const { code } = diagnostic;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

function isMemo(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' && document.uri.scheme !== EXTRACTED_TEXT_SCHEME && document.uri.scheme !== 'output';
}

/**
 * Diagnostics on memo claims (markdownlint's pattern): debounced while typing,
 * immediate on open and save, cleared on close, and re-run when sources change.
 * A per-document generation counter drops results of checks that a newer edit
 * has made stale.
 */
export class MemoDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly scheduler = new CheckScheduler<string>((key, generation) => this.checkKey(key, generation));
  /** The findings behind the diagnostics shown, for quick fixes. */
  private readonly findings = new Map<string, readonly Finding[]>();
  private readonly summaries = new Map<string, CheckSummary>();
  private readonly checked = new vscode.EventEmitter<vscode.Uri>();
  /** A memo's check finished and its diagnostics are published. */
  readonly onDidCheck = this.checked.event;
  /** Its caches make re-checks after an edit cheap: the sources' index and each block's findings. */
  private readonly checker = new Checker();
  /** How many checks were started (the debounce keeps this down while typing). */
  get checksStarted(): number {
    return this.scheduler.started;
  }

  constructor(private readonly config: Config, private readonly sources: SourceIndex, private readonly log: vscode.LogOutputChannel, private readonly extensionUri: vscode.Uri) {}

  register(): vscode.Disposable[] {
    for (const document of vscode.workspace.textDocuments) this.didOpen(document);
    return [
      vscode.workspace.onDidOpenTextDocument((d) => this.didOpen(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.didChange(e)),
      vscode.workspace.onDidSaveTextDocument((d) => this.didSave(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.didClose(d)),
      // Closing a tab does not close its document at once: clear on the tab, re-check when it shows again.
      vscode.window.tabGroups.onDidChangeTabs((e) => this.didCloseTabs(e.closed)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => this.didShow(editors)),
      this.sources.onDidChange(() => this.recheckAll()),
      this.config.onDidChange(() => this.recheckAll()),
      vscode.commands.registerCommand(CHECK_COMMAND, () => this.checkCommand()),
    ];
  }

  /** The last check of a memo: its sources and conflicts; undefined before the first one finishes. */
  summaryOf(uri: vscode.Uri): CheckSummary | undefined {
    return this.summaries.get(uri.toString());
  }

  /** "Check Memo Against Sources": checks the active memo now and says what came of it, which a check while typing does not. */
  private async checkCommand(): Promise<CheckResult | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isMemo(editor.document)) {
      void showInformation('Policy Memo: open a Markdown memo to check.');
      return undefined;
    }
    const { document } = editor;
    if (!this.config.checkEnabled) {
      void showInformation('Policy Memo: checking is turned off (policyMemo.check.enable).');
      return undefined;
    }
    const key = document.uri.toString();
    let subscription: vscode.Disposable | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const newer = new Promise<boolean>((resolve) => {
      subscription = this.onDidCheck((uri) => {
        if (uri.toString() === key) resolve(true);
      });
      timer = setTimeout(() => resolve(false), COMMAND_WAIT_MS);
    });
    let finished: boolean;
    try {
      finished = (await this.check(document)) !== undefined || await newer;
    } finally {
      subscription?.dispose();
      clearTimeout(timer);
    }
    const summary = this.summaryOf(document.uri);
    if (!finished || !summary) {
      const message = `Policy Memo: the check of ${fileName(document.uri)} did not finish (see the Policy Memo output).`;
      this.log.warn(message);
      void showInformation(message);
      return undefined;
    }
    const against = summary.origin === 'sample' ? 'the bundled sample only (add your articles to sources/)' : plural(summary.sources.length, 'source');
    const message = summary.conflicts
      ? `${plural(summary.conflicts, 'conflict')} in ${fileName(document.uri)} (checked against ${against})`
      : `No conflicts: checked against ${against}`;
    this.log.info(`check of ${vscode.workspace.asRelativePath(document.uri)}: ${message}, in ${summary.ms} ms`);
    void showInformation(`Policy Memo: ${message}.`, ...(summary.conflicts ? ['Show Problems'] : [])).then((choice) => {
      if (choice) void vscode.commands.executeCommand(PROBLEMS_VIEW_COMMAND);
    });
    return { conflicts: summary.conflicts, sources: summary.sources.length, message };
  }

  private didOpen(document: vscode.TextDocument): void {
    if (isMemo(document)) void this.check(document);
  }

  private didChange(event: vscode.TextDocumentChangeEvent): void {
    if (!isMemo(event.document) || event.contentChanges.length === 0) return;
    this.scheduler.didEdit(event.document.uri.toString(), this.config.debounceMs);
  }

  private didSave(document: vscode.TextDocument): void {
    if (isMemo(document)) void this.check(document);
  }

  private didClose(document: vscode.TextDocument): void {
    this.clear(document.uri);
  }

  private clear(uri: vscode.Uri): void {
    const key = uri.toString();
    this.scheduler.forget(key);
    this.collection.delete(uri);
    this.findings.delete(key);
    this.summaries.delete(key);
  }

  private didCloseTabs(closed: readonly vscode.Tab[]): void {
    const stillShown = new Set<string>();
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) if (tab.input instanceof vscode.TabInputText) stillShown.add(tab.input.uri.toString());
    }
    for (const tab of closed) {
      if (!(tab.input instanceof vscode.TabInputText)) continue;
      if (!stillShown.has(tab.input.uri.toString())) this.clear(tab.input.uri);
    }
  }

  private didShow(editors: readonly vscode.TextEditor[]): void {
    for (const editor of editors) {
      if (isMemo(editor.document) && !this.findings.has(editor.document.uri.toString())) void this.check(editor.document);
    }
  }

  /** Re-checks the memos a user has open in a tab (a closed tab's document may linger, unseen). */
  private recheckAll(): void {
    const shown = new Set<string>();
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) if (tab.input instanceof vscode.TabInputText) shown.add(tab.input.uri.toString());
    }
    for (const document of vscode.workspace.textDocuments) {
      if (isMemo(document) && (shown.has(document.uri.toString()) || this.findings.has(document.uri.toString()))) void this.check(document);
    }
  }

  /** Checks a memo now; resolves to the diagnostics published, or undefined when the result went stale. */
  async check(document: vscode.TextDocument): Promise<readonly vscode.Diagnostic[] | undefined> {
    return (await this.scheduler.now(document.uri.toString())) as readonly vscode.Diagnostic[] | undefined;
  }

  private async checkKey(key: string, generation: number): Promise<readonly vscode.Diagnostic[] | undefined> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (!document || document.isClosed) return undefined;
    if (!this.config.checkEnabled) {
      this.collection.delete(document.uri);
      return [];
    }
    try {
      const started = Date.now();
      const { sources, problems, origin } = await this.sources.sourcesForMemo(document);
      if (!this.scheduler.isCurrent(key, generation) || document.isClosed) return undefined;
      const checked = await this.checker.parseAndCheckSliced(document.getText(), sources, { unsupportedHints: this.config.unsupportedHints }, {
        budgetMs: CHECK_SLICE_MS,
        isCurrent: () => this.scheduler.isCurrent(key, generation) && !document.isClosed,
      });
      if (!checked) return undefined;
      const { memo, findings } = checked;
      for (const p of problems) {
        findings.push({ code: DiagnosticCode.MemoSource, severity: defaultSeverityOf(DiagnosticCode.MemoSource), message: `Source ${p.path} ${p.message}`, span: frontMatterEntry(memo.text, memo.frontMatterSpan, p.path) });
      }
      if (!this.scheduler.isCurrent(key, generation)) return undefined;
      const diagnostics = findings.flatMap((f) => this.toDiagnostic(document, f));
      this.findings.set(key, findings);
      this.collection.set(document.uri, diagnostics);
      // Conflicts as shown: a code whose severity is "off" is not counted.
      const summary: CheckSummary = { origin, sources, conflicts: diagnostics.filter((d) => isConflict(codeOf(d) ?? '')).length, ms: Date.now() - started };
      this.summaries.set(key, summary);
      // Debug: a check runs after every pause in typing; the command logs its result at info level.
      this.log.debug(`checked ${vscode.workspace.asRelativePath(document.uri)} against ${plural(sources.length, 'source')} (${origin}): ${plural(summary.conflicts, 'conflict')}, ${diagnostics.length} diagnostics, ${summary.ms} ms`);
      this.checked.fire(document.uri);
      return diagnostics;
    } catch (error) {
      this.log.error(`check of ${document.uri.fsPath} failed: ${(error as Error).stack ?? error}`);
      return undefined;
    }
  }

  private toDiagnostic(document: vscode.TextDocument, f: Finding): vscode.Diagnostic[] {
    const severity = this.config.severityOf(f.code, f.severity);
    if (severity === 'off') return [];
    const range = new vscode.Range(document.positionAt(f.span.start), document.positionAt(f.span.end));
    const diagnostic = new vscode.Diagnostic(range, f.message, SEVERITY[severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    // The Problems panel links the code to its page, as vscode-markdownlint does.
    diagnostic.code = { value: f.code, target: vscode.Uri.joinPath(this.extensionUri, docsPathOf(f.code)) };
    if (f.evidence) {
      const source = f.evidence.source;
      const uri = source.textIsFile ? vscode.Uri.file(source.path) : vscode.Uri.from({ scheme: EXTRACTED_TEXT_SCHEME, path: source.path });
      const { start, end } = source.lines.rangeOf(f.evidence.span);
      diagnostic.relatedInformation = [new vscode.DiagnosticRelatedInformation(
        new vscode.Location(uri, new vscode.Range(start.line, start.character, end.line, end.character)),
        `${source.key}${evidencePage(source, f.evidence.span.start)}: ${f.evidence.text.replace(/\s+/g, ' ')}`,
      )];
    }
    return [diagnostic];
  }

  /** The finding behind a diagnostic shown on a document (matched on code and range). */
  findingFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Finding | undefined {
    const list = this.findings.get(document.uri.toString()) ?? [];
    const start = document.offsetAt(diagnostic.range.start);
    const end = document.offsetAt(diagnostic.range.end);
    const code = codeOf(diagnostic);
    return list.find((f) => f.code === code && f.span.start === start && f.span.end === end);
  }

  dispose(): void {
    this.scheduler.dispose();
    this.collection.dispose();
    this.checked.dispose();
  }
}
