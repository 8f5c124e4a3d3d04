/** memo-check: the engine on the command line (README, "memo-check"). Exit 0 clean, 1 conflicts, 2 usage or input error. */
import { plural } from '../core/text/plural';
import { relative, resolve, dirname, isAbsolute, join, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { Checker, type Finding } from '../core/checking/check';
import { isConflict } from '../core/checking/codes';
import { decodeText } from '../core/text/decode';
import type { Extraction } from '../core/sources/extract';
import { jsonText, terminalText } from '../core/text/inert';
import { NODE_FILE_SYSTEM, readCheckedFile, SourceLibrary, DEFAULT_LIMITS, type LoadLimits } from '../core/sources/library';
import { isWithin, placePath, realRoots } from '../core/sources/safeFile';
import { parseMemo } from '../core/memo/memo';
import { chooseMemoSources } from '../core/memo/memoSources';
import { findSourceFiles } from '../core/sources/workspace';
import { readSourceSettings, SettingsError } from './settings';
import { extractionToJson, pageOf, REPORT_VERSION } from '../core/sources/report';
import { LineIndex } from '../core/text/offsets';
import { sampleSourcePath } from './sample';
import { applyBibliographies, type Bibliography } from '../core/citing/bibliography';
import { BibliographyFiles, bibliographyMessage, readMemoBibliographies } from '../core/citing/bibliographyFile';
import { extractDocumentInProcess } from '../core/sources/documents';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export const EXIT_CLEAN = 0;
export const EXIT_CONFLICTS = 1;
export const EXIT_USAGE = 2;
const HELP_HINT = ' (memo-check --help for usage)';

/** Node's argument errors go on to explain '--' at length: the first sentence says what was wrong. */
function firstSentence(message: string): string {
  const end = message.search(/\.\s/);
  return end > 0 ? message.slice(0, end + 1) : message;
}

const USAGE = `usage: memo-check [check] [--source FILE]... [--format text|json] [--unsupported] [--root DIR] [--allow-outside-root] MEMO.md...
       memo-check extract [--format text|json] [--root DIR] [--allow-outside-root] [SOURCE...]

check    check memos against their sources: front matter "sources:", else --source, else the policyMemo.sources
         globs of .vscode/settings.json (or the root's *.code-workspace; default sources/**/*.{txt,md,html,pdf,docx}) under
         the root, else the bundled sample (with a warning). Which sources were used goes to stderr
extract  print the quotes and facts of sources (default: the bundled sample)

--unsupported         also report claims and quotes no source supports (unsupported/*; never counted as conflicts)
--root DIR            the project root (default: the current directory): sources a memo's front matter names
                      outside it ("../", absolute paths, links) are not read
--allow-outside-root  read them anyway (files named on the command line are always read)`;

/** Largest memo read: memos are checked whole, in this thread. */
const MEMO_LIMITS: LoadLimits = { maxBytes: DEFAULT_LIMITS.maxBytes, limitName: 'memos' };
const SOURCE_LIMITS: LoadLimits = { ...DEFAULT_LIMITS, limitName: 'sources' };

/** An error the CLI reports in one line with exit 2: a wrong command line (with a pointer to --help) or bad input. */
class UsageError extends Error {
  constructor(message: string, readonly ofCommandLine = false) {
    super(message);
  }
}

function display(io: CliIo, path: string): string {
  const rel = relative(io.cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * Where a memo's front matter may point: inside the project root, unless told otherwise. In CI a memo comes with a
 * pull request: its front matter must not copy files from elsewhere on the machine into the log, by a "../" path, an
 * absolute path or a symbolic link. What the command line names (memos, --source, extract's files) is the caller's
 * own choice and is read wherever it is, through the same safe reads (no devices, FIFOs, or files over the limit).
 */
class Project {
  private readonly realRoots = new Map<string, Promise<string>>();

  private constructor(private readonly io: CliIo, private readonly root: string | undefined, private readonly allowOutside: boolean) {}

  static async open(io: CliIo, root: string | undefined, allowOutside: boolean): Promise<Project> {
    const dir = root === undefined ? undefined : resolve(io.cwd, root);
    const problem = dir === undefined ? undefined : await rootProblem(dir);
    if (dir !== undefined && problem) throw new UsageError(`memo-check: --root ${display(io, dir)} ${problem}`);
    return new Project(io, dir, allowOutside);
  }

  /**
   * The root a memo's front matter is held to: --root; else the current directory, when the memo is in it; else, for a
   * memo named outside it, the memo's own branch of the file tree (the folder below the one it shares with the
   * current directory), so a memo beside its sources elsewhere still reads them.
   */
  rootOf(memoPath: string): string {
    if (this.root !== undefined) return this.root;
    const cwd = resolve(this.io.cwd);
    if (isWithin(cwd, memoPath)) return cwd;
    const memoDir = dirname(memoPath);
    let common = cwd;
    while (!isWithin(common, memoDir) && dirname(common) !== common) common = dirname(common);
    const branch = relative(common, memoDir).split(sep)[0];
    return branch ? join(common, branch) : memoDir;
  }

  /** The project root: --root, else the current directory. Workspace settings and their globs are read under it. */
  get projectRoot(): string {
    return this.root ?? resolve(this.io.cwd);
  }

  /** Why a file a settings glob found is not read (a link out of the project root), if it is not. */
  async globRefusal(path: string): Promise<string | undefined> {
    if (this.allowOutside) return undefined;
    const root = this.projectRoot;
    const placement = await placePath(path, await realRoots([root]), [root]);
    return placement === 'inside' ? undefined : `is a link to a file outside the project root ${display(this.io, root)} and is not read (use --allow-outside-root)`;
  }

  /** Why a file a memo's front matter names is not read (outside the memo's root), if it is not. */
  async refusal(path: string, memoPath: string): Promise<string | undefined> {
    if (this.allowOutside || path === sampleSourcePath()) return undefined;
    const root = this.rootOf(memoPath);
    let real = this.realRoots.get(root);
    if (!real) {
      real = realRoots([root]).then((list) => list[0]);
      this.realRoots.set(root, real);
    }
    const placement = await placePath(path, [await real], [root]);
    if (placement === 'inside') return undefined;
    const where = placement === 'linked-outside' ? 'is a link to a file outside the project root' : 'is outside the project root';
    return `${where} ${display(this.io, root)} and is not read (use --root DIR or --allow-outside-root)`;
  }

  /** Throws the one-line error for a front-matter source outside the memo's root. */
  async confine(path: string, memoPath: string): Promise<void> {
    const refusal = await this.refusal(path, memoPath);
    if (refusal) throw new UsageError(`memo-check: source ${display(this.io, path)} ${refusal}`);
  }
}

/** Why a --root cannot be used, if it cannot. */
async function rootProblem(dir: string): Promise<string | undefined> {
  try {
    return (await NODE_FILE_SYSTEM.stat(dir)).kind === 'directory' ? undefined : 'is not a folder';
  } catch {
    return 'does not exist';
  }
}

/**
 * Loads sources; those a memo's front matter names (`listedBy`: that memo) are held to its root first. A decoding
 * note (a file read as Windows-1252) goes to stderr once per file, naming it, so that stdout stays the report alone.
 */
async function loadSources(io: CliIo, project: Project, library: SourceLibrary, paths: string[], listedBy?: string, noted = new Set<string>()): Promise<Extraction[]> {
  const extractions: Extraction[] = [];
  for (const path of paths) {
    if (listedBy) await project.confine(path, listedBy);
    const result = await library.load(path, path === sampleSourcePath());
    if (!result.ok) throw new UsageError(`memo-check: source ${display(io, path)} ${result.message}`);
    if (result.note && !noted.has(path)) {
      noted.add(path);
      io.err(textLine`memo-check: source ${display(io, path)} ${result.note}` + '\n');
    }
    extractions.push(result.extraction);
  }
  return extractions;
}

/** A line of text output: every field from a memo or a source shows its control characters as `\xNN`, so none reaches the terminal. */
function textLine(template: TemplateStringsArray, ...fields: (string | number)[]): string {
  return template.reduce((line, part, i) => line + part + (i < fields.length ? terminalText(String(fields[i])) : ''), '');
}

async function runExtract(io: CliIo, project: Project, files: string[], format: string): Promise<number> {
  const library = new SourceLibrary(NODE_FILE_SYSTEM, SOURCE_LIMITS, undefined, extractDocumentInProcess);
  const paths = files.length ? files.map((f) => resolve(io.cwd, f)) : [sampleSourcePath()];
  const extractions = await loadSources(io, project, library, paths);
  if (format === 'json') {
    io.out(jsonText({ version: REPORT_VERSION, sources: extractions.map((x) => extractionToJson(x, display(io, x.source.path))) }, 2) + '\n');
    return EXIT_CLEAN;
  }
  for (const x of extractions) {
    const json = extractionToJson(x, display(io, x.source.path));
    io.out(textLine`${json.path} [${json.key}] ${json.title}\n`);
    io.out(`  quotes (${json.quotes.length})\n`);
    for (const q of json.quotes) io.out(textLine`    ${q.range.start.line + 1}:${q.range.start.character + 1}${q.page ? ` p. ${q.page}` : ''} ${q.speaker ?? '(no speaker)'}: \u201c${q.text}\u201d\n`);
    io.out(`  facts (${json.facts.length})\n`);
    for (const f of json.facts) {
      // A table row: each cell with its row and column headers.
      const cells = f.cells ? ` | ${f.cells.map((c) => `${[c.row, c.column].filter((h) => h !== null).join(', ')}${c.row !== null || c.column !== null ? ': ' : ''}${c.text}`).join('; ')}` : '';
      io.out(textLine`    ${f.range.start.line + 1}:${f.range.start.character + 1}${f.page ? ` p. ${f.page}` : ''} ${f.values.map((v) => `${v.type}=${v.text}`).join(', ')}${cells}\n`);
    }
  }
  return EXIT_CLEAN;
}

function findingToJson(f: Finding, memoLines: LineIndex, io: CliIo): Record<string, unknown> {
  const evidence = f.evidence;
  return {
    code: f.code,
    severity: f.severity,
    message: f.message,
    range: memoLines.rangeOf(f.span),
    ...(evidence ? { evidence: { source: display(io, evidence.source.path), range: evidence.source.lines.rangeOf(evidence.span), ...pageOf(evidence.source, evidence.span.start), text: evidence.text } } : {}),
    ...(f.fix ? { fix: { range: memoLines.rangeOf(f.fix.span), newText: f.fix.newText } } : {}),
  };
}

async function readMemo(io: CliIo, memo: string, memoPath: string): Promise<string> {
  const read = await readCheckedFile(NODE_FILE_SYSTEM, memoPath, MEMO_LIMITS);
  if (!read.ok) throw new UsageError(`memo-check: memo ${memo} ${read.message}`);
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) throw new UsageError(`memo-check: memo ${memo} ${decoded.reason}`);
  if (decoded.note) io.err(textLine`memo-check: memo ${display(io, memoPath)} ${decoded.note}` + '\n');
  return decoded.text;
}

/** Where a memo's sources came from: the `sourcesFrom` of a file in the JSON report. */
export type SourcesFrom = 'front-matter' | 'command-line' | 'settings' | 'default-settings' | 'sample';
/** The stderr line that says which sources a memo was checked against names at most this many. */
const SOURCES_LISTED_MAX = 10;

interface Configured {
  /** Absolute paths, sorted: --source's as given, or the files the settings' globs found. */
  readonly paths: string[];
  readonly from: 'command-line' | 'settings' | 'default-settings';
  /** How the stderr line names them ("--source", "policyMemo.sources in .vscode/settings.json (…)"). */
  readonly described: string;
}

/**
 * The sources a memo without front matter `sources:` is checked against, found once a run, by the extension's rule
 * (src/core/memo/memoSources.ts): --source, else the workspace's policyMemo.sources globs under the project root.
 */
async function configuredSources(io: CliIo, project: Project, sourceArgs: string[]): Promise<Configured> {
  if (sourceArgs.length) return { paths: sourceArgs.map((s) => resolve(io.cwd, s)), from: 'command-line', described: '--source' };
  const root = project.projectRoot;
  let settings;
  try {
    settings = await readSourceSettings(root);
  } catch (error) {
    // One line naming the file, and what to do: the run cannot know which sources were meant.
    if (error instanceof SettingsError) throw new UsageError(`memo-check: ${display(io, join(root, error.file))} ${error.reason}; fix it, or name the sources with --source`);
    throw error;
  }
  const globs = settings.globs.join(', ');
  const described = settings.from ? `policyMemo.sources in ${display(io, join(root, settings.from))} (${globs})` : `policyMemo.sources (default ${globs})`;
  const found = await findSourceFiles(root, settings.globs, settings.maxSources);
  if (found.truncated) io.err(textLine`memo-check: more than ${settings.maxSources} source files match policyMemo.sources; only the first ${settings.maxSources} (policyMemo.maxSources) are read` + '\n');
  const paths: string[] = [];
  for (const path of found.paths) {
    // As in the extension: a link out of the workspace is reported and skipped, the other sources are read.
    const refusal = await project.globRefusal(path);
    if (refusal) io.err(textLine`memo-check: source ${display(io, path)} ${refusal}; skipped` + '\n');
    else paths.push(path);
  }
  return { paths, from: settings.from ? 'settings' : 'default-settings', described: `${described} under ${display(io, root)}` };
}

/**
 * Loads what a settings glob found: a file that cannot be read is named on stderr (once a run) and skipped, as the
 * extension skips it with a message; a source named on purpose (front matter, --source) stops the run instead.
 */
async function loadFound(io: CliIo, library: SourceLibrary, paths: readonly string[], noted: Set<string>): Promise<Extraction[]> {
  const extractions: Extraction[] = [];
  for (const path of paths) {
    const result = await library.load(path);
    const note = result.ok ? result.note : `${result.message}; skipped`;
    if (note && !noted.has(path)) {
      noted.add(path);
      io.err(textLine`memo-check: source ${display(io, path)} ${note}` + '\n');
    }
    if (result.ok) extractions.push(result.extraction);
  }
  return extractions;
}


/** The stderr line naming a memo's sources. */
function sourcesLine(io: CliIo, memoPath: string, sources: readonly Extraction[], described: string): string {
  const names = sources.slice(0, SOURCES_LISTED_MAX).map((x) => display(io, x.source.path));
  const more = sources.length > SOURCES_LISTED_MAX ? ` and ${sources.length - SOURCES_LISTED_MAX} more` : '';
  return textLine`memo-check: ${display(io, memoPath)}: checked against ${plural(sources.length, 'source')} from ${described}${names.length ? ': ' : ''}${names.join(', ')}${more}` + '\n';
}

/**
 * The bibliographies a memo's front matter names, read as the extension reads them (readMemoBibliographies), held to
 * the memo's root as its sources are: one outside it stops the run (exit 2, one line). A file with problems (not
 * found, a syntax error, duplicate keys) is named on stderr, once a run; its good entries are used.
 */
async function memoBibliographies(io: CliIo, project: Project, files: BibliographyFiles, memoPath: string, text: string, noted: Set<string>): Promise<(Bibliography & { path: string })[]> {
  const { bibliographies, refused } = await readMemoBibliographies(memoPath, text, files, (path) => project.refusal(path, memoPath));
  if (refused.length) throw new UsageError(`memo-check: bibliography ${display(io, refused[0].path)} ${refused[0].reason}`);
  for (const b of bibliographies) {
    const key = `bibliography\u0000${b.path}\u0000${b.problems.join('\u0000')}`;
    if (!b.problems.length || noted.has(key)) continue;
    noted.add(key);
    io.err(textLine`memo-check: warning: bibliography ${display(io, b.path)} ${bibliographyMessage(b.problems, b.items.length)}` + '.\n');
  }
  return bibliographies;
}

async function runCheck(io: CliIo, project: Project, memos: string[], sourceArgs: string[], format: string, unsupportedHints: boolean): Promise<number> {
  if (memos.length === 0) throw new UsageError('memo-check: no memo given', true);
  const library = new SourceLibrary(NODE_FILE_SYSTEM, SOURCE_LIMITS, undefined, extractDocumentInProcess);
  const checker = new Checker();
  const bibliographyFiles = new BibliographyFiles();
  let configured: Configured | undefined;
  const files: Record<string, unknown>[] = [];
  const textLines: string[] = [];
  const noted = new Set<string>();
  let conflicts = 0;
  for (const memo of memos) {
    const memoPath = resolve(io.cwd, memo);
    const text = await readMemo(io, memo, memoPath);
    const parsed = parseMemo(text);
    const bibliographies = await memoBibliographies(io, project, bibliographyFiles, memoPath, text, noted);
    // The workspace's settings are read only when a memo needs them: a malformed file does not stop a memo that names its sources.
    if (!parsed.sources && !configured) configured = await configuredSources(io, project, sourceArgs);
    const chosen = chooseMemoSources(memoPath, parsed.sources, configured?.paths ?? [], sampleSourcePath());
    let sources: Extraction[];
    let from: SourcesFrom;
    let described: string;
    if (chosen.origin === 'front-matter') {
      sources = await loadSources(io, project, library, chosen.sources.map((s) => s.path), memoPath, noted);
      [from, described] = ['front-matter', 'its front matter'];
    } else if (chosen.origin === 'configured' && configured?.from === 'command-line') {
      sources = await loadSources(io, project, library, chosen.sources.map((s) => s.path), undefined, noted);
      [from, described] = ['command-line', configured.described];
    } else {
      sources = chosen.origin === 'configured' ? await loadFound(io, library, chosen.sources.map((s) => s.path), noted) : [];
      [from, described] = [configured?.from ?? 'default-settings', configured?.described ?? ''];
    }
    if (sources.length === 0 && from !== 'front-matter') {
      // The false all-clear of issue 13: a memo checked against the sample alone passes whatever it says of other articles.
      io.err(textLine`memo-check: warning: ${display(io, memoPath)}: no sources found (no front matter "sources:", no --source, no readable file matches ${described}): checked against the bundled sample article only` + '\n');
      sources = await loadSources(io, project, library, [sampleSourcePath()], undefined, noted);
      from = 'sample';
    } else if (format !== 'json') {
      io.err(sourcesLine(io, memoPath, sources, described));
    }
    sources = applyBibliographies(sources, bibliographies);
    const findings = checker.check(parsed, sources, { unsupportedHints });
    const lines = new LineIndex(text);
    conflicts += findings.filter((f) => isConflict(f.code)).length;
    files.push({ path: display(io, memoPath), sources: sources.map((x) => display(io, x.source.path)), sourcesFrom: from, ...(bibliographies.length ? { bibliography: bibliographies.map((b) => display(io, b.path)) } : {}), diagnostics: findings.map((f) => findingToJson(f, lines, io)) });
    for (const f of findings) {
      const at = lines.positionAt(f.span.start);
      textLines.push(textLine`${display(io, memoPath)}:${at.line + 1}:${at.character + 1} ${f.severity} ${f.code} ${f.message}`);
    }
  }
  if (format === 'json') io.out(jsonText({ version: REPORT_VERSION, files }, 2) + '\n');
  else if (textLines.length) io.out(textLines.join('\n') + '\n');
  return conflicts > 0 ? EXIT_CONFLICTS : EXIT_CLEAN;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        source: { type: 'string', multiple: true, short: 's' },
        format: { type: 'string', short: 'f', default: 'text' },
        help: { type: 'boolean', short: 'h' },
        unsupported: { type: 'boolean' },
        root: { type: 'string' },
        'allow-outside-root': { type: 'boolean' },
      },
    });
    if (values.help) {
      io.out(USAGE + '\n');
      return EXIT_CLEAN;
    }
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`memo-check: --format must be text or json, not "${format}"`, true);
    const [command, ...rest] = positionals;
    const project = await Project.open(io, values.root, values['allow-outside-root'] ?? false);
    if (command === 'extract') {
      if (values.source?.length) throw new UsageError('memo-check: extract takes sources as arguments, not --source', true);
      return await runExtract(io, project, rest, format);
    }
    const memos = command === 'check' ? rest : positionals;
    return await runCheck(io, project, memos, values.source ?? [], format, values.unsupported ?? false);
  } catch (error) {
    // Errors name paths from memos: their control characters are escaped too (the usage text has none).
    // A usage error is one line, pointing at --help for the rest (README, "memo-check").
    if (error instanceof UsageError) io.err(`${error.message.split('\n').map(terminalText).join(' ')}${error.ofCommandLine ? HELP_HINT : ''}\n`);
    else if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) io.err(`memo-check: ${terminalText(firstSentence(error.message))}${HELP_HINT}\n`);
    else io.err(`memo-check: internal error: ${terminalText((error as Error).message)}\n`);
    return EXIT_USAGE;
  }
}
