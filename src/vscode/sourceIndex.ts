import * as vscode from 'vscode';
import type { Extraction } from '../core/sources/extract';
import { chooseMemoSources, listedSourcesOf, resolveListedSource, type SourcesOrigin } from '../core/memo/memoSources';
import { NODE_FILE_SYSTEM, SourceLibrary, type LoadResult } from '../core/sources/library';
import { placePath, realRoots, type Placement } from '../core/sources/safeFile';
import { SOURCE_EXCLUDE_GLOB } from '../core/sources/workspace';
import type { Config } from './config';
import { showWarning } from './inert';
import { WorkerExtractor } from '../worker/workerExtractor';
import { applyBibliographies, type Bibliography, type CslItem } from '../core/citing/bibliography';
import { BibliographyFiles, bibliographyMessage, readMemoBibliographies } from '../core/citing/bibliographyFile';

export const SAMPLE_RELATIVE_PATH = 'media/sample/rutte-sudani-the-hague.txt';
export const SAMPLE_MEMO_RELATIVE_PATH = 'media/sample/memo.md';
/** Wait after a burst of file events before re-reading sources. */
const WATCH_DEBOUNCE_MS = 200;
const BYTES_PER_KB = 1024;
const OUTSIDE_WORKSPACE: Record<Exclude<Placement, 'inside'>, string> = {
  'outside': 'is outside the workspace and is not read (see policyMemo.allowSourcesOutsideWorkspace)',
  'linked-outside': 'is a link to a file outside the workspace and is not read (see policyMemo.allowSourcesOutsideWorkspace)',
};

/** The sources one memo is checked against, and which rule chose them. */
export interface MemoSourceSet {
  /** Keyed and described by the memo's bibliography where it has an entry for them. */
  readonly sources: Extraction[];
  readonly problems: SourceProblem[];
  readonly origin: SourcesOrigin;
  /** The items of the memo's front matter `bibliography:` files, in their order (none without one). */
  readonly bibliography: readonly CslItem[];
}

export interface SourceProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * The sources of the workspace: found by the configured globs, loaded and
 * extracted off the typing path, kept current by file watchers, with the
 * bundled sample when the workspace has none.
 */
export class SourceIndex implements vscode.Disposable {
  private readonly extractor: WorkerExtractor;
  private readonly library: SourceLibrary;
  private extractions: Extraction[] = [];
  private problemList: SourceProblem[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private watchers: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private running: Promise<void> | undefined;
  private readonly reportedProblems = new Set<string>();
  private readonly bibliographyFiles = new BibliographyFiles();

  constructor(private readonly config: Config, private readonly extensionUri: vscode.Uri, private readonly log: vscode.LogOutputChannel) {
    this.extractor = new WorkerExtractor(vscode.Uri.joinPath(extensionUri, 'dist').fsPath, (line) => log.warn(line));
    // Node's fs, not vscode.workspace.fs: that one cannot bound a read (a source naming /dev/zero took the
    // extension host to 3 GB), nor tell a device, FIFO or socket from a file. Sources are local files
    // (no virtual workspaces), read where the extension host runs, as vscode.workspace.fs would.
    // PDF and Word sources are converted in the worker alone: pdf.js never loads on the extension host.
    this.library = new SourceLibrary(NODE_FILE_SYSTEM, undefined, this.extractor.extract, this.extractor.extractDocument);
    this.disposables.push(this.extractor);
    this.disposables.push(
      config.onDidChange(() => {
        this.watch();
        this.scheduleRefresh();
      }),
      vscode.workspace.onDidOpenTextDocument((d) => this.didSeeMemo(d)),
      vscode.workspace.onDidSaveTextDocument((d) => this.didSeeMemo(d)),
    );
    this.watch();
  }

  get sources(): readonly Extraction[] {
    return this.extractions;
  }

  /** How many sources were extracted off the extension host's thread. */
  get extractedInWorker(): number {
    return this.extractor.extractedInWorker;
  }

  /** A source loaded from this path: one of the workspace's, or one a memo's front matter names. */
  loaded(path: string): Extraction | undefined {
    return this.extractions.find((x) => x.source.path === path) ?? this.library.loaded(path);
  }

  get problems(): readonly SourceProblem[] {
    return this.problemList;
  }

  get usingSample(): boolean {
    return this.extractions.length > 0 && this.extractions.every((x) => x.source.isSample);
  }

  get samplePath(): string {
    return vscode.Uri.joinPath(this.extensionUri, SAMPLE_RELATIVE_PATH).fsPath;
  }

  /** The sample memo shipped with the extension (checked against the sample article when no sources are found). */
  get sampleMemoUri(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, SAMPLE_MEMO_RELATIVE_PATH);
  }

  /** Resolves when the first load (or the one under way) has finished. */
  ready(): Promise<void> {
    return this.running ?? this.refresh();
  }

  private watch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const glob of this.config.sourceGlobsFor(folder)) {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, glob));
        watcher.onDidCreate(() => this.scheduleRefresh());
        watcher.onDidChange((uri) => {
          this.library.forget(uri.fsPath);
          this.scheduleRefresh();
        });
        watcher.onDidDelete((uri) => {
          this.library.forget(uri.fsPath);
          this.scheduleRefresh();
        });
        this.watchers.push(watcher);
      }
      // Deleting a folder reports the folder, not each source in it.
      const folderDeletions = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**'), true, true, false);
      folderDeletions.onDidDelete((uri) => {
        const prefix = uri.fsPath.endsWith('/') ? uri.fsPath : `${uri.fsPath}/`;
        if (this.extractions.some((x) => x.source.path.startsWith(prefix))) this.scheduleRefresh();
      });
      this.watchers.push(folderDeletions);
    }
  }

  scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.refresh();
    }, WATCH_DEBOUNCE_MS);
  }

  /** Finds and loads every source; a newer refresh supersedes an older one. */
  refresh(): Promise<void> {
    const generation = ++this.generation;
    const run = vscode.window.withProgress({ location: { viewId: 'policyMemo.sources' }, title: 'Reading sources' }, async () => {
      const started = Date.now();
      this.library.setLimits({ maxBytes: this.config.maxSourceBytes });
      const uris = await this.findSourceFiles();
      // What was loaded before: a source that comes back as the same extraction was not read again.
      const before = new Set(this.extractions);
      const loaded: Extraction[] = [];
      const problems: SourceProblem[] = [];
      if (uris.length > this.config.maxSources) {
        problems.push({ path: '', message: `more than ${this.config.maxSources} source files match policyMemo.sources; only the first ${this.config.maxSources} (policyMemo.maxSources) are read` });
        uris.length = this.config.maxSources;
      }
      for (const uri of uris) {
        if (generation !== this.generation) return;
        const refusal = await this.outsideWorkspace(uri.fsPath);
        if (refusal) problems.push({ path: uri.fsPath, message: refusal });
        else {
          const loadStarted = Date.now();
          const result = await this.library.load(uri.fsPath);
          this.collect(result, loaded, problems);
          if (result.ok) this.logLoaded(result.extraction, Date.now() - loadStarted, before.has(result.extraction));
        }
        // Yield between files so a large workspace never starves the extension host.
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (loaded.length === 0) {
        const sample = await this.library.load(this.samplePath, true);
        this.collect(sample, loaded, problems);
      }
      if (generation !== this.generation) return;
      const took = Date.now() - started;
      if (loaded.some((x) => !x.source.isSample)) this.log.info(`${loaded.length} source${loaded.length === 1 ? '' : 's'} loaded in ${took} ms from ${this.globsText()}${problems.length ? `; ${problems.length} skipped (warnings above)` : ''}`);
      else this.log.warn(`no source found by ${this.globsText()}${problems.length ? ` (${problems.length} skipped, warnings above)` : ''}: memos without front matter sources are checked against the bundled sample`);
      this.extractions = loaded;
      this.problemList = problems;
      this.reportProblems(problems);
      this.changed.fire();
    });
    const tracked = Promise.resolve(run).finally(() => {
      if (this.running === tracked) this.running = undefined;
    });
    this.running = tracked;
    return tracked;
  }

  /** The globs of each workspace folder, for the log. */
  private globsText(): string {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const globs = [...new Set(folders.flatMap((f) => this.config.sourceGlobsFor(f)))];
    return `policyMemo.sources (${globs.join(', ')})`;
  }

  /** One line per source read: its size, what was found in it and how long it took; unchanged ones at debug level. */
  private logLoaded(x: Extraction, ms: number, unchanged: boolean): void {
    const path = vscode.workspace.asRelativePath(x.source.path);
    if (unchanged) {
      this.log.debug(`source ${path} unchanged`);
      return;
    }
    const kb = (Buffer.byteLength(x.source.original ?? x.source.text) / BYTES_PER_KB).toFixed(1);
    this.log.info(`source ${path}: ${kb} KB, ${x.quotes.length} quotes, ${x.factTable.shown.length} facts, read in ${ms} ms`);
  }

  private collect(result: LoadResult, loaded: Extraction[], problems: SourceProblem[]): void {
    if (result.ok) {
      loaded.push(result.extraction);
      if (result.note) problems.push({ path: result.extraction.source.path, message: result.note });
    } else {
      problems.push({ path: result.path, message: result.message });
    }
  }

  /** One non-modal message per new problem, naming the file; details go to the output channel. */
  private reportProblems(problems: readonly SourceProblem[]): void {
    for (const p of problems) {
      const text = p.path ? `Policy Memo: source ${vscode.workspace.asRelativePath(p.path)} ${p.message}.` : `Policy Memo: ${p.message}.`;
      this.log.warn(text.replace(/^Policy Memo: /, ''));
      if (this.reportedProblems.has(text)) continue;
      this.reportedProblems.add(text);
      void showWarning(text);
    }
  }

  private async findSourceFiles(): Promise<vscode.Uri[]> {
    const seen = new Map<string, vscode.Uri>();
    // Sources named by the front matter of open memos count too, when they are inside the workspace and
    // exist (a missing one is reported on the memo itself, not here).
    for (const document of vscode.workspace.textDocuments) {
      if (document.languageId !== 'markdown' || document.uri.scheme !== 'file') continue;
      for (const uri of this.frontMatterSources(document, this.listedSources(document) ?? [])) {
        if (!vscode.workspace.getWorkspaceFolder(uri)) continue;
        try {
          if ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) seen.set(uri.fsPath, uri);
        } catch {
          // missing: the memo's diagnostics say so
        }
      }
    }
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const glob of this.config.sourceGlobsFor(folder)) {
        const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), SOURCE_EXCLUDE_GLOB, this.config.maxSources + 1);
        for (const uri of found) seen.set(uri.fsPath, uri);
      }
    }
    return [...seen.values()].sort((a, b) => a.fsPath.localeCompare(b.fsPath));
  }

  /** The entries of a memo's front matter `sources:`, if it has that field. */
  private listedSources(document: vscode.TextDocument): string[] | undefined {
    return listedSourcesOf(document.getText());
  }

  private frontMatterSources(document: vscode.TextDocument, listed: readonly string[]): vscode.Uri[] {
    return listed.map((entry) => vscode.Uri.file(resolveListedSource(document.uri.fsPath, entry)));
  }

  /** A memo whose front matter names sources the index does not have yet: read them. */
  didSeeMemo(document: vscode.TextDocument): void {
    if (document.languageId !== 'markdown' || document.uri.scheme !== 'file') return;
    const known = new Set(this.extractions.map((x) => x.source.path));
    const missing = this.frontMatterSources(document, this.listedSources(document) ?? []).some((uri) => vscode.workspace.getWorkspaceFolder(uri) && !known.has(uri.fsPath));
    if (missing) this.scheduleRefresh();
  }

  /**
   * The sources a memo is checked against, by the rule memo-check applies too (chooseMemoSources): its front matter
   * `sources:` (paths relative to the memo, inside the workspace), else the workspace's sources, else the sample.
   */
  async sourcesForMemo(document: vscode.TextDocument): Promise<MemoSourceSet> {
    const found = await this.uncitedSourcesForMemo(document);
    const bibliographies = await this.bibliographiesOf(document);
    if (!bibliographies.length) return { ...found, bibliography: [] };
    return { ...found, sources: applyBibliographies(found.sources, bibliographies), bibliography: bibliographies.flatMap((b) => b.items) };
  }

  /**
   * The bibliographies a memo's front matter names (`bibliography: refs.bib`, relative to the memo), read when they
   * change; each file's problems (syntax errors, duplicate keys, not found) are one message naming it, once. A file
   * outside the workspace is read only as a source there would be (see {@link outsideWorkspace}).
   */
  private async bibliographiesOf(document: vscode.TextDocument): Promise<Bibliography[]> {
    if (document.uri.scheme !== 'file') return [];
    const { bibliographies, refused } = await readMemoBibliographies(document.uri.fsPath, document.getText(), this.bibliographyFiles, (path) => this.outsideWorkspace(path));
    for (const r of refused) this.reportBibliography(r.entry, [r.reason], 0);
    for (const b of bibliographies) this.reportBibliography(b.name, b.problems, b.items.length);
    return bibliographies;
  }

  /** One warning per file and set of problems, in the log every time it is read with them. */
  private reportBibliography(name: string, problems: readonly string[], items: number): void {
    if (!problems.length) return;
    const text = `Policy Memo: bibliography ${name} ${bibliographyMessage(problems, items)}.`;
    if (this.reportedProblems.has(text)) return;
    this.reportedProblems.add(text);
    this.log.warn(text.replace(/^Policy Memo: /, ''));
    void showWarning(text);
  }

  private async uncitedSourcesForMemo(document: vscode.TextDocument): Promise<Omit<MemoSourceSet, 'bibliography'>> {
    const listed = this.listedSources(document);
    if (!listed) {
      await this.ready();
      const workspace = this.extractions.filter((x) => !x.source.isSample);
      const { origin } = chooseMemoSources(document.uri.fsPath, listed, workspace.map((x) => x.source.path), this.samplePath);
      return { sources: origin === 'sample' ? this.extractions.filter((x) => x.source.isSample) : workspace, problems: [], origin };
    }
    const sources: Extraction[] = [];
    const problems: SourceProblem[] = [];
    // Read once: this runs for every check and every completion request.
    const uris = this.frontMatterSources(document, listed);
    for (let i = 0; i < uris.length; i++) {
      const entry = listed[i];
      const uri = uris[i];
      const refusal = await this.outsideWorkspace(uri.fsPath);
      if (refusal) {
        problems.push({ path: entry, message: refusal });
        continue;
      }
      const result = await this.library.load(uri.fsPath);
      if (result.ok) this.collect(result, sources, problems);
      else problems.push({ path: entry, message: result.message });
    }
    return { sources, problems, origin: 'front-matter' };
  }

  /**
   * Why a source is not read, when it is outside the workspace folders by its path or, through a
   * symbolic link, by its real path; nothing when it is inside or sources outside are allowed
   * (never in an untrusted workspace: see Config).
   */
  private async outsideWorkspace(path: string): Promise<string | undefined> {
    if (this.config.allowSourcesOutsideWorkspace) return undefined;
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    const placement = await placePath(path, await realRoots(folders), folders);
    if (placement === 'inside') return undefined;
    // Read when it was allowed: its text goes with the permission.
    this.library.forget(path);
    return OUTSIDE_WORKSPACE[placement];
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const d of [...this.disposables, ...this.watchers]) d.dispose();
  }
}
