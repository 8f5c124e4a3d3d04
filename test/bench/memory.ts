/**
 * npm run bench, memory part (bench.ts runs this bundle as a child process and reports its line).
 */
import type { Extraction } from '../../src/core/sources/extract';
import { Checker } from '../../src/core/checking/check';
import { parseMemo } from '../../src/core/memo/memo';
import { findEntries } from '../../src/core/citing/completion';
import { DEFAULT_LIMITS, SourceLibrary, type SourceFileSystem } from '../../src/core/sources/library';
import { analyse } from '../../src/core/language/nlp';
import { WorkerExtractor } from '../../src/worker/workerExtractor';
import { article, memo } from './generate';

const MEMORY_SOURCES = 100;
const MEMORY_SOURCE_WORDS = 20000;
const COMPLETION_LIMIT = 200;
const MEMO_WORDS = 5000;

/**
 * RSS after loading 100 sources of 20,000 words the way the extension does (SourceLibrary with the
 * worker-thread extractor, one source after another) and indexing them for checks. Run by bench.ts in a
 * process of its own so that nothing else counts; the wink model is loaded in this thread too, as memo checks need it.
 */
async function main(): Promise<void> {
  analyse('The model is loaded for memo checks.');
  const before = process.memoryUsage().rss;
  const start = process.hrtime.bigint();
  const files = new Map<string, number>(Array.from({ length: MEMORY_SOURCES }, (_, i) => [`/bench/large-${i}.txt`, 5000 + i]));
  const fs: SourceFileSystem = {
    // Each article is generated when read and not kept: its size is not known before, and the read's own check bounds it.
    stat: async () => ({ kind: 'file', size: 0, mtime: 0 }),
    readFile: async (path) => Buffer.from(article(files.get(path) ?? 0, MEMORY_SOURCE_WORDS), 'utf8'),
  };
  const extractor = new WorkerExtractor(__dirname, (line) => console.error(line));
  const library = new SourceLibrary(fs, DEFAULT_LIMITS, extractor.extract);
  const sources: Extraction[] = [];
  for (const path of files.keys()) {
    const result = await library.load(path);
    if (result.ok) sources.push(result.extraction);
  }
  await extractor.stop();
  const checker = new Checker();
  checker.prepare(sources);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // A memo is checked against them all, as it would be in the editor: what that keeps counts too.
  const memoText = memo(11, MEMO_WORDS, [5000, 5050, 5099].map((seed) => article(seed, MEMORY_SOURCE_WORDS)));
  const checkStart = process.hrtime.bigint();
  const findings = checker.check(parseMemo(memoText), sources).length;
  const checkMs = Number(process.hrtime.bigint() - checkStart) / 1e6;
  // Completion keeps nothing between requests; a query no source has is its slowest case (every text searched).
  const searchStart = process.hrtime.bigint();
  findEntries(sources, 'zqxj budget', COMPLETION_LIMIT);
  const completionMs = Number(process.hrtime.bigint() - searchStart) / 1e6;
  if (global.gc) global.gc();
  const { rss, heapUsed, external } = process.memoryUsage();
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ checkMs, findings, completionMs, sources: sources.length, inWorker: extractor.extractedInWorker, ms, rssMb: rss / 1048576, heapMb: heapUsed / 1048576, externalMb: external / 1048576, peakMb, baseMb: before / 1048576 }));
}

void main();
