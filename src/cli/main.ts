/** memo-check: the engine on the command line (README, "memo-check"). Exit 0 clean, 1 conflicts, 2 usage or input error. */
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
import { extractionToJson, REPORT_VERSION } from '../core/sources/report';
import { LineIndex } from '../core/text/offsets';
import { sampleSourcePath } from './sample';

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

check    check memos against their sources (front matter "sources:", else --source, else the bundled sample)
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

  /** Throws the one-line error for a front-matter source outside the memo's root. */
  async confine(path: string, memoPath: string): Promise<void> {
    if (this.allowOutside || path === sampleSourcePath()) return;
    const root = this.rootOf(memoPath);
    let real = this.realRoots.get(root);
    if (!real) {
      real = realRoots([root]).then((list) => list[0]);
      this.realRoots.set(root, real);
    }
    const placement = await placePath(path, [await real], [root]);
    if (placement === 'inside') return;
    const where = placement === 'linked-outside' ? 'is a link to a file outside the project root' : 'is outside the project root';
    throw new UsageError(`memo-check: source ${display(this.io, path)} ${where} ${display(this.io, root)} and is not read (use --root DIR or --allow-outside-root)`);
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
  const library = new SourceLibrary(NODE_FILE_SYSTEM, SOURCE_LIMITS);
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
    for (const q of json.quotes) io.out(textLine`    ${q.range.start.line + 1}:${q.range.start.character + 1} ${q.speaker ?? '(no speaker)'}: \u201c${q.text}\u201d\n`);
    io.out(`  facts (${json.facts.length})\n`);
    for (const f of json.facts) {
      // A table row: each cell with its row and column headers.
      const cells = f.cells ? ` | ${f.cells.map((c) => `${[c.row, c.column].filter((h) => h !== null).join(', ')}${c.row !== null || c.column !== null ? ': ' : ''}${c.text}`).join('; ')}` : '';
      io.out(textLine`    ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.values.map((v) => `${v.type}=${v.text}`).join(', ')}${cells}\n`);
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
    ...(evidence ? { evidence: { source: display(io, evidence.source.path), range: evidence.source.lines.rangeOf(evidence.span), text: evidence.text } } : {}),
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

async function runCheck(io: CliIo, project: Project, memos: string[], sourceArgs: string[], format: string, unsupportedHints: boolean): Promise<number> {
  if (memos.length === 0) throw new UsageError('memo-check: no memo given', true);
  const library = new SourceLibrary(NODE_FILE_SYSTEM, SOURCE_LIMITS);
  const checker = new Checker();
  const configured = sourceArgs.map((s) => resolve(io.cwd, s));
  const files: Record<string, unknown>[] = [];
  const textLines: string[] = [];
  const noted = new Set<string>();
  let conflicts = 0;
  for (const memo of memos) {
    const memoPath = resolve(io.cwd, memo);
    const text = await readMemo(io, memo, memoPath);
    const parsed = parseMemo(text);
    const chosen = chooseMemoSources(memoPath, parsed.sources, configured, sampleSourcePath());
    const sources = await loadSources(io, project, library, chosen.sources.map((s) => s.path), chosen.origin === 'front-matter' ? memoPath : undefined, noted);
    const findings = checker.check(parsed, sources, { unsupportedHints });
    const lines = new LineIndex(text);
    conflicts += findings.filter((f) => isConflict(f.code)).length;
    files.push({ path: display(io, memoPath), diagnostics: findings.map((f) => findingToJson(f, lines, io)) });
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
