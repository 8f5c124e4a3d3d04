/**
 * The citation style in effect: `policyMemo.citationStyle` made into the kind of mark to write and, for a CSL style,
 * the formatter of its text. The bundled styles are read from the extension's media/csl; `csl` reads the file
 * `policyMemo.cslFile` names (relative to the first workspace folder). citeproc is loaded and the style read only when
 * a CSL style is chosen, once per change of the setting or the file.
 */
import * as vscode from 'vscode';
import { isAbsolute, join } from 'node:path';
import type { CitationStyle } from '../core/citing/citation';
import { MAX_STYLE_BYTES, readSmallTextFile } from '../core/citing/bibliographyFile';
import { BUNDLED_STYLES, CSL_FOLDER, CslFormatter, LOCALE_FILE, type BundledStyle } from '../core/citing/cslStyle';
import { placePath, realRoots } from '../core/sources/safeFile';
import type { Config } from './config';
import { showWarning } from './inert';

/** How a citation is written: the mark, and a CSL style's formatter for its text (none for the three plain styles). */
export interface Citer {
  readonly style: CitationStyle;
  readonly csl?: CslFormatter;
}

export class CitationFormats implements vscode.Disposable {
  private cached: { key: string; citer: Promise<Citer> } | undefined;
  private readonly reported = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly config: Config, private readonly extensionUri: vscode.Uri, private readonly log: vscode.LogOutputChannel) {
    // A CSL style chosen is read (and citeproc loaded) soon after, not at the first completion.
    const warm = (): void => {
      if (this.config.citationStyle !== 'inline' && this.config.citationStyle !== 'footnote' && this.config.citationStyle !== 'pandoc') setTimeout(() => void this.current(), 0);
    };
    this.disposables.push(config.onDidChange(warm), vscode.workspace.onDidGrantWorkspaceTrust(() => { this.cached = undefined; }));
    warm();
  }

  /** The citer for the current settings. Never rejects: a style that cannot be used is reported once and the plain one used. */
  async current(): Promise<Citer> {
    const setting = this.config.citationStyle;
    if (setting === 'inline' || setting === 'footnote' || setting === 'pandoc') return { style: setting };
    const path = setting === 'csl' ? this.cslPath() : undefined;
    let stamp = '';
    if (path) {
      try {
        const info = await vscode.workspace.fs.stat(vscode.Uri.file(path));
        stamp = `${info.size}:${info.mtime}`;
      } catch {
        stamp = 'missing';
      }
    }
    const key = `${setting}\u0000${path ?? ''}\u0000${stamp}\u0000${vscode.workspace.isTrusted}`;
    if (this.cached?.key !== key) this.cached = { key, citer: this.load(setting, path) };
    return this.cached.citer;
  }

  /** policyMemo.cslFile as an absolute path: relative to the first workspace folder, `~/` the home folder. */
  private cslPath(): string | undefined {
    const written = this.config.cslFile;
    if (!written) return undefined;
    if (written.startsWith('~/')) return join(process.env.HOME ?? '', written.slice(2));
    if (isAbsolute(written)) return written;
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
    return folder ? join(folder.uri.fsPath, written) : undefined;
  }

  private async load(setting: BundledStyle | 'csl', path: string | undefined): Promise<Citer> {
    const started = Date.now();
    // Meanwhile (and when the style cannot be used): the plain style with the same kind of mark.
    const plain: CitationStyle = setting === 'chicago-note' ? 'footnote' : 'inline';
    const meanwhile = plain === 'footnote' ? 'footnotes are plain ([^key-N]: Outlet, \u201cTitle\u201d, date, url, \u00b6N)' : 'citations are inline (Outlet, \u00b6N)';
    const fallBack = (problem: string, until = ''): Citer => this.fallBack(`Policy Memo: ${problem}; ${meanwhile}${until}.`, plain);
    const locale = await this.readBundled(LOCALE_FILE);
    let name: string;
    let xml: string | undefined;
    if (setting === 'csl') {
      name = this.config.cslFile ? `policyMemo.cslFile ${this.config.cslFile}` : 'policyMemo.cslFile';
      if (!path) return fallBack(`policyMemo.citationStyle is "csl" but ${this.config.cslFile ? `${name} cannot be placed (open a folder)` : 'policyMemo.cslFile names no .csl file'}`);
      if (!vscode.workspace.isTrusted && (await this.outsideWorkspace(path))) {
        return fallBack(`${name} is outside the workspace and is not read in an untrusted workspace`);
      }
      const read = await readSmallTextFile(path, MAX_STYLE_BYTES);
      if (read === 'unchanged' || !read.ok) return fallBack(`${name} ${read === 'unchanged' ? 'could not be read' : read.message}`, ' until it can be read');
      xml = read.text;
    } else {
      name = `the bundled ${setting} style`;
      xml = await this.readBundled(BUNDLED_STYLES[setting]);
    }
    if (xml === undefined || locale === undefined) return fallBack(`${name} is missing from the extension`);
    const made = CslFormatter.create(xml, locale);
    if ('error' in made) return fallBack(`${name} ${made.error}`, setting === 'csl' ? ' until it is one' : '');
    this.log.info(`citation style: ${made.info.title} (${made.info.kind === 'note' ? 'footnotes' : 'in the text'}), ready in ${Date.now() - started} ms`);
    return { style: made.info.kind === 'note' ? 'footnote' : 'inline', csl: made };
  }

  private async readBundled(file: string): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, CSL_FOLDER, file)));
    } catch {
      return undefined;
    }
  }

  private async outsideWorkspace(path: string): Promise<boolean> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    return (await placePath(path, await realRoots(folders), folders)) !== 'inside';
  }

  /** One message per distinct problem; a plain style meanwhile, so that inserting still works. */
  private fallBack(text: string, style: CitationStyle): Citer {
    this.log.warn(text.replace(/^Policy Memo: /, ''));
    if (!this.reported.has(text)) {
      this.reported.add(text);
      void showWarning(text);
    }
    return { style };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
