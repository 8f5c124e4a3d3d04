/** memo-check: the engine on the command line (design.md, "CLI"). Exit 0 clean, 1 conflicts, 2 usage or input error. */
import { readFile, stat } from 'node:fs/promises';
import { relative, resolve, dirname, isAbsolute } from 'node:path';
import { parseArgs } from 'node:util';
import { checkMemo, type Finding } from '../core/check';
import { decodeText } from '../core/decode';
import type { Extraction } from '../core/extract';
import { SourceLibrary } from '../core/library';
import { parseMemo } from '../core/memo';
import { extractionToJson, REPORT_VERSION } from '../core/report';
import { LineIndex } from '../core/text';
import { sampleSourcePath } from './sample';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export const EXIT_CLEAN = 0;
export const EXIT_CONFLICTS = 1;
export const EXIT_USAGE = 2;

const USAGE = `usage: memo-check [check] [--source FILE]... [--format text|json] [--unsupported] MEMO.md...
       memo-check extract [--format text|json] [SOURCE...]

check    check memos against their sources (front matter "sources:", else --source, else the bundled sample)
extract  print the quotes and facts of sources (default: the bundled sample)

--unsupported  also report claims and quotes no source supports (unsupported/*; never counted as conflicts)`;

class UsageError extends Error {}

function display(io: CliIo, path: string): string {
  const rel = relative(io.cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

const nodeFs = {
  readFile: (path: string) => readFile(path),
  stat: (path: string) => stat(path).then((s) => ({ size: s.size, mtime: s.mtimeMs })),
};

/**
 * Loads sources; a decoding note (a file read as Windows-1252) goes to stderr once per file, naming it, so that
 * stdout stays the report alone.
 */
async function loadSources(io: CliIo, library: SourceLibrary, paths: string[], noted = new Set<string>()): Promise<Extraction[]> {
  const extractions: Extraction[] = [];
  for (const path of paths) {
    const result = await library.load(path, path === sampleSourcePath());
    if (!result.ok) throw new UsageError(`memo-check: source ${display(io, path)} ${result.message}`);
    if (result.note && !noted.has(path)) {
      noted.add(path);
      io.err(`memo-check: source ${display(io, path)} ${result.note}\n`);
    }
    extractions.push(result.extraction);
  }
  return extractions;
}

async function runExtract(io: CliIo, files: string[], format: string): Promise<number> {
  const library = new SourceLibrary(nodeFs);
  const paths = files.length ? files.map((f) => resolve(io.cwd, f)) : [sampleSourcePath()];
  const extractions = await loadSources(io, library, paths);
  if (format === 'json') {
    io.out(JSON.stringify({ version: REPORT_VERSION, sources: extractions.map((x) => extractionToJson(x, display(io, x.source.path))) }, null, 2) + '\n');
    return EXIT_CLEAN;
  }
  for (const x of extractions) {
    const json = extractionToJson(x, display(io, x.source.path));
    io.out(`${json.path} [${json.key}] ${json.title}\n`);
    io.out(`  quotes (${json.quotes.length})\n`);
    for (const q of json.quotes) io.out(`    ${q.range.start.line + 1}:${q.range.start.character + 1} ${q.speaker ?? '(no speaker)'}: \u201c${q.text}\u201d\n`);
    io.out(`  facts (${json.facts.length})\n`);
    for (const f of json.facts) io.out(`    ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.values.map((v) => `${v.type}=${v.text}`).join(', ')}\n`);
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

async function runCheck(io: CliIo, memos: string[], sourceArgs: string[], format: string, unsupportedHints: boolean): Promise<number> {
  if (memos.length === 0) throw new UsageError('memo-check: no memo given\n' + USAGE);
  const library = new SourceLibrary(nodeFs);
  const defaultSources = sourceArgs.length ? sourceArgs.map((s) => resolve(io.cwd, s)) : [sampleSourcePath()];
  const files: Record<string, unknown>[] = [];
  const textLines: string[] = [];
  const noted = new Set<string>();
  let conflicts = 0;
  for (const memo of memos) {
    const memoPath = resolve(io.cwd, memo);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(memoPath);
    } catch {
      throw new UsageError(`memo-check: memo ${memo} does not exist or cannot be read`);
    }
    const decoded = decodeText(bytes);
    if (!decoded.ok) throw new UsageError(`memo-check: memo ${memo} ${decoded.reason}`);
    if (decoded.note) io.err(`memo-check: memo ${display(io, memoPath)} ${decoded.note}\n`);
    const parsed = parseMemo(decoded.text);
    const own = parsed.sources;
    const sourcePaths = own ? own.map((s) => resolve(dirname(memoPath), s)) : defaultSources;
    const sources = await loadSources(io, library, sourcePaths, noted);
    const findings = checkMemo(parsed, sources, { unsupportedHints });
    const lines = new LineIndex(decoded.text);
    conflicts += findings.filter((f) => f.code.startsWith('conflict/')).length;
    files.push({ path: display(io, memoPath), diagnostics: findings.map((f) => findingToJson(f, lines, io)) });
    for (const f of findings) {
      const at = lines.positionAt(f.span.start);
      textLines.push(`${display(io, memoPath)}:${at.line + 1}:${at.character + 1} ${f.severity} ${f.code} ${f.message}`);
    }
  }
  if (format === 'json') io.out(JSON.stringify({ version: REPORT_VERSION, files }, null, 2) + '\n');
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
      },
    });
    if (values.help) {
      io.out(USAGE + '\n');
      return EXIT_CLEAN;
    }
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`memo-check: --format must be text or json, not "${format}"`);
    const [command, ...rest] = positionals;
    if (command === 'extract') {
      if (values.source?.length) throw new UsageError('memo-check: extract takes sources as arguments, not --source');
      return await runExtract(io, rest, format);
    }
    const memos = command === 'check' ? rest : positionals;
    return await runCheck(io, memos, values.source ?? [], format, values.unsupported ?? false);
  } catch (error) {
    if (error instanceof UsageError) io.err(error.message + '\n');
    else if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) io.err(`memo-check: ${error.message}\n${USAGE}\n`);
    else io.err(`memo-check: internal error: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
}
