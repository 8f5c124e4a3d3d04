import * as vscode from 'vscode';
import type { Severity } from '../core/checking/check';
import { CITATION_STYLE_SETTINGS, type CitationStyleSetting } from '../core/citing/citation';
import { DEFAULT_SOURCE_GLOBS, maxSourcesOf, sourceGlobsOf } from '../core/sources/workspace';

export const SECTION = 'policyMemo';
const DEFAULT_DEBOUNCE_MS = 300;
const DEFAULT_MAX_SOURCE_KB = 8192;
const BYTES_PER_KB = 1024;
export const DEFAULT_COMPLETION_TRIGGER = '@@';

export type SeveritySetting = Severity | 'off';

/** Typed view of the settings, re-read only when a change affects them (rust-analyzer's Config). */
export class Config {
  private values = Config.read();
  /** policyMemo.sources is a resource setting: each workspace folder may have its own globs. */
  private readonly globsByFolder = new Map<string, readonly string[]>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(subscriptions: vscode.Disposable[]) {
    subscriptions.push(this.changed, vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SECTION)) return;
      this.values = Config.read();
      this.globsByFolder.clear();
      this.changed.fire();
    }));
  }

  private static read() {
    const c = vscode.workspace.getConfiguration(SECTION);
    return {
      maxSourceBytes: Math.max(1, c.get<number>('maxSourceSizeKB', DEFAULT_MAX_SOURCE_KB)) * BYTES_PER_KB,
      maxSources: maxSourcesOf(c.get<unknown>('maxSources')),
      checkEnabled: c.get<boolean>('check.enable', true),
      debounceMs: Math.max(0, c.get<number>('check.debounceMs', DEFAULT_DEBOUNCE_MS)),
      severity: c.get<Record<string, SeveritySetting>>('check.severity', {}),
      unsupportedHints: c.get<boolean>('check.unsupportedHints', false),
      allowSourcesOutsideWorkspace: c.get<boolean>('allowSourcesOutsideWorkspace', false),
      citationStyle: (CITATION_STYLE_SETTINGS as readonly string[]).includes(c.get<string>('citationStyle', 'inline')) ? c.get<CitationStyleSetting>('citationStyle', 'inline') : 'inline',
      cslFile: (c.get<string>('cslFile', '') ?? '').trim(),
      completionTrigger: c.get<string>('completion.trigger', DEFAULT_COMPLETION_TRIGGER) || DEFAULT_COMPLETION_TRIGGER,
    };
  }

  /** The source globs of one workspace folder (its own folder settings, else the workspace's and the user's). */
  sourceGlobsFor(folder: vscode.WorkspaceFolder): readonly string[] {
    const key = folder.uri.toString();
    let globs = this.globsByFolder.get(key);
    if (!globs) {
      const value = vscode.workspace.getConfiguration(SECTION, folder.uri).get<unknown>('sources', DEFAULT_SOURCE_GLOBS);
      // memo-check reads the same value from .vscode/settings.json through the same function.
      globs = sourceGlobsOf(value);
      this.globsByFolder.set(key, globs);
    }
    return globs;
  }
  get maxSourceBytes(): number { return this.values.maxSourceBytes; }
  get maxSources(): number { return this.values.maxSources; }
  get checkEnabled(): boolean { return this.values.checkEnabled; }
  get debounceMs(): number { return this.values.debounceMs; }
  get unsupportedHints(): boolean { return this.values.unsupportedHints; }
  /** Off in an untrusted workspace whatever the settings say. */
  get allowSourcesOutsideWorkspace(): boolean { return this.values.allowSourcesOutsideWorkspace && vscode.workspace.isTrusted; }
  /** The setting as written; `CitationFormats` (cslStyles.ts) makes it a kind of mark and, for CSL, a formatter. */
  get citationStyle(): CitationStyleSetting { return this.values.citationStyle; }
  /** policyMemo.cslFile: in an untrusted workspace only the user's value is seen (restrictedConfigurations). */
  get cslFile(): string { return this.values.cslFile; }
  get completionTrigger(): string { return this.values.completionTrigger; }

  severityOf(code: string, fallback: Severity): SeveritySetting {
    const configured = this.values.severity[code] ?? this.values.severity[code.split('/')[0] + '/*'];
    return configured ?? fallback;
  }
}
