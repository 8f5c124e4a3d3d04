/**
 * npm run stress (also run by npm run bench): time and memory on pathological text (issue 9). Each input family is
 * generated at 10 KB, 100 KB and 1 MB and timed as a memo (parsed and checked against the bundled sample) and, where
 * it applies, as a source (parsed and extracted, as the extraction worker does) and as a source indexed for
 * alignment (what the extension host does with an extraction, once per change of sources). A memo is checked in
 * slices as the editor checks it (parseAndCheckSliced), and the longest slice is reported:
 * the editor waits that long at most (target 50 ms). Every case runs in a child process
 * of its own with a time cap, so a case that hangs is reported, not waited on. The growth exponent of a family is
 * log(t1M / t100K) / log(10): 1.0 is linear; the target is at most 1.2, or a documented limit that says so.
 *
 *   node dist/stress.js [--cap SECONDS] [--family NAME,...] [--mode memo,source,index] [--sizes 10k,100k,1m]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Checker, type Finding } from '../../src/core/checking/check';
import { extract, type Extraction } from '../../src/core/sources/extract';
import { analyse } from '../../src/core/language/nlp';
import { parseSource } from '../../src/core/sources/source';
import { article, seededRandom } from './generate';

/** As a memo (checked against the sample), as a source (parsed and extracted: the worker), as a source indexed for alignment (the extension host). */
type Mode = 'memo' | 'source' | 'index';

interface Family {
  readonly name: string;
  /** What the issue calls it. */
  readonly what: string;
  /** The text of about `size` characters. */
  readonly make: (size: number) => string;
  /** The file name a source of this family is read as (its format); none when the family is about memos only. */
  readonly sourcePath?: string;
}

/** `unit(i)` repeated until the text is `size` characters long (the last unit cut). */
function repeat(size: number, unit: (i: number) => string, prefix = ''): string {
  const parts: string[] = [prefix];
  let length = prefix.length;
  for (let i = 0; length < size; i++) {
    const part = unit(i);
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, size);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(size: number, seed: number): string {
  const random = seededRandom(seed);
  let out = '';
  while (out.length < size) out += BASE64[Math.floor(random() * 64)];
  return out;
}

/** A run without spaces after a line of prose, in one paragraph. */
function afterProse(run: string): string {
  return `The council approved 12 schools in 2020.\n${run}\n`;
}

/** Prose without line breaks: a generated article's paragraphs joined by spaces, cut at a sentence end. */
function oneLine(size: number): string {
  const words = Math.ceil(size / 5);
  const text = article(9, words).split(/\n+/).slice(1).join(' ');
  const cut = text.lastIndexOf('. ', size);
  return text.slice(0, cut > 0 ? cut + 1 : size) + '\n';
}

const FAMILIES: readonly Family[] = [
  { name: 'dashes', what: 'a run of ----- without spaces', make: (n) => afterProse('-'.repeat(n)), sourcePath: 'stress.txt' },
  { name: 'a-a-a', what: 'a run of a-a-a without spaces', make: (n) => afterProse(repeat(n, () => 'a-')), sourcePath: 'stress.txt' },
  { name: 'equals', what: 'a run of ==== without spaces', make: (n) => afterProse('='.repeat(n)), sourcePath: 'stress.txt' },
  { name: 'hashes', what: 'a run of #### without spaces', make: (n) => afterProse('#'.repeat(n)), sourcePath: 'stress.txt' },
  { name: 'base64', what: 'a base64 line', make: (n) => afterProse(base64(n, 1)), sourcePath: 'stress.txt' },
  { name: 'data-url', what: 'an image as a data URL', make: (n) => `The chart shows 12 schools: ![chart](data:image/png;base64,${base64(n, 2)}) in 2020.\n`, sourcePath: 'stress.md' },
  { name: 'one-line', what: 'one paragraph on one line', make: oneLine, sourcePath: 'stress.txt' },
  { name: 'quotes', what: 'thousands of quotes in one paragraph', make: (n) => repeat(n, (i) => `\u201cStatement ${i} is on the record,\u201d said Anna Berg. `) + '\n', sourcePath: 'stress.txt' },
  { name: 'troops', what: '"N troops and ..." repeated', make: (n) => repeat(n, (i) => `${2500 + i} troops and `) + '\n', sourcePath: 'stress.txt' },
  { name: 'may-5', what: '"on May 5, 1990 and ..." repeated', make: (n) => repeat(n, () => 'on May 5, 1990 and ') + '\n', sourcePath: 'stress.txt' },
  { name: 'brackets', what: '[ x N', make: (n) => '['.repeat(n) + '\n', sourcePath: 'stress.md' },
  { name: 'pandoc-open', what: '[@ x N', make: (n) => repeat(n, () => '[@') + '\n', sourcePath: 'stress.md' },
  { name: 'anchor-open', what: '<a  x N', make: (n) => repeat(n, () => '<a ') + '\n', sourcePath: 'stress.md' },
  { name: 'link-open', what: '[a]( x N', make: (n) => repeat(n, () => '[a](') + '\n', sourcePath: 'stress.md' },
  { name: 'footnotes', what: 'footnotes: references and definitions', make: (n) => repeat(n, (i) => `Claim ${i} is about 12 schools.[^ref-${i}]\n\n[^ref-${i}]: Outlet, \u00b6${i}.\n\n`) },
  { name: 'digits', what: '0 1 2 ... (one sentence of numbers)', make: (n) => repeat(n, (i) => `${i} `) + '\n', sourcePath: 'stress.txt' },
  { name: 'dollars', what: '$1,000 ...', make: (n) => repeat(n, () => '$1,000 ') + '\n', sourcePath: 'stress.txt' },
  { name: 'percents', what: '5% ...', make: (n) => repeat(n, () => '5% ') + '\n', sourcePath: 'stress.txt' },
  { name: 'md-table', what: 'a Markdown table of many rows', make: (n) => repeat(n, (i) => `| Item ${i} | $${i} million | ${i}% |\n`, '| Item | Amount | Share |\n|---|---|---|\n'), sourcePath: 'stress.md' },
  { name: 'md-pipes', what: 'a Markdown table row of | x N', make: (n) => repeat(n, (i) => `| ${i} `, '| a | b |\n|---|---|\n') + '\n', sourcePath: 'stress.md' },
  { name: 'html-table', what: 'an HTML table of many rows', make: (n) => repeat(n, (i) => `<tr><td>Item ${i}</td><td>${i}%</td></tr>`, '<table><tr><th>Item</th><th>Share</th></tr>') + '</table>\n', sourcePath: 'stress.html' },
];

const SIZES: Record<string, number> = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };
const DEFAULT_CAP_S = 60;
/** A case faster than this is run again (up to {@link MAX_RUNS} times) and its fastest run kept: small times are noisy. */
const RERUN_BELOW_MS = 1000;
const MAX_RUNS = 3;
/** A case faster than this (but not than {@link RERUN_BELOW_MS}) is run twice. */
const RERUN_ONCE_BELOW_MS = 5000;
/** Times below this count as this much in an exponent (see {@link exponent}). */
const TIME_FLOOR_MS = 10;
/** The growth allowed from 100 KB to 1 MB. */
const MAX_EXPONENT = 1.2;
/** The child's heap: enough that a case which needs more than the extension would have is reported, not crashed on. */
const CHILD_HEAP_MB = 4096;

interface CaseResult {
  ms: number;
  rssMb: number;
  /** Findings of the check (memo) or facts and quotes (source). */
  count: number;
  /** Messages of limit/* findings: where a documented limit cut the work short. */
  limits: string[];
  /** A memo: the longest the thread was kept busy at once (the parse, or a slice of the check). */
  sliceMs?: number;
}

const SAMPLE = join(__dirname, '..', 'media', 'sample', 'rutte-sudani-the-hague.txt');
/** The editor's slice budget (src/vscode/diagnostics.ts). */
const SLICE_BUDGET_MS = 10;
const SLICE_TARGET_MS = 50;

const elapsed = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

async function runOnce(family: Family, mode: Mode, text: string, sample: Extraction[]): Promise<Omit<CaseResult, 'rssMb'>> {
  const path = `/stress/${family.sourcePath ?? 'stress.txt'}`;
  if (mode === 'memo') {
    // Cold: the sources indexed (as after loading them), no block of the memo checked yet.
    const checker = new Checker();
    checker.prepare(sample);
    const start = process.hrtime.bigint();
    let sliceMs = 0;
    // Each pause ends a slice: the longest stretch between two pauses is how long the editor would wait.
    let sliceStart = start;
    const pause = (): Promise<void> => {
      sliceMs = Math.max(sliceMs, elapsed(sliceStart));
      return new Promise((resolve) => setImmediate(() => {
        sliceStart = process.hrtime.bigint();
        resolve();
      }));
    };
    const findings: Finding[] = (await checker.parseAndCheckSliced(text, sample, {}, { budgetMs: SLICE_BUDGET_MS, pause }))?.findings ?? [];
    sliceMs = Math.max(sliceMs, elapsed(sliceStart));
    return { ms: elapsed(start), count: findings.length, limits: findings.filter((f) => f.code.startsWith('limit/')).map((f) => f.message), sliceMs };
  }
  if (mode === 'index') {
    const x = extract(parseSource({ path, content: text }));
    const checker = new Checker();
    const start = process.hrtime.bigint();
    checker.prepare([...sample, x]);
    return { ms: elapsed(start), count: x.source.sentences.length, limits: [] };
  }
  const start = process.hrtime.bigint();
  const x = extract(parseSource({ path, content: text }));
  return { ms: elapsed(start), count: x.quotes.length + x.factTable.shown.length, limits: [] };
}

async function child(name: string, size: number, mode: Mode): Promise<void> {
  const family = FAMILIES.find((f) => f.name === name);
  if (!family) throw new Error(`no family ${name}`);
  const text = family.make(size);
  // The language model loads once per thread (~0.5 s): not part of any case.
  analyse('The model is loaded first.');
  const sample = [extract(parseSource({ path: SAMPLE, content: readFileSync(SAMPLE, 'utf8'), isSample: true }))];
  // A run on the family's 100 KB text first: the first runs of a code path compile it (and chrono-node its patterns),
  // once per session, and make the first slices of a cold session up to ~50 ms longer; while typing, the editor
  // runs warm code. The caches of checked blocks are emptied before each timed run.
  await runOnce(family, mode, family.make(Math.min(size, 100_000)), sample);
  let best = await runOnce(family, mode, text, sample);
  // The fastest of a few runs: the machine is shared, and a case under a few seconds is moved by what else runs.
  const runs = best.ms < RERUN_BELOW_MS ? MAX_RUNS : best.ms < RERUN_ONCE_BELOW_MS ? 2 : 1;
  for (let run = 1; run < runs; run++) {
    const again = await runOnce(family, mode, text, sample);
    if (again.ms < best.ms) best = again;
  }
  const result: CaseResult = { ...best, rssMb: process.resourceUsage().maxRSS / 1024 };
  console.log(JSON.stringify(result));
}

type Outcome = { ok: true; result: CaseResult } | { ok: false; reason: string };

function runCase(family: Family, size: number, mode: Mode, capS: number): Outcome {
  const child = spawnSync(process.execPath, [`--max-old-space-size=${CHILD_HEAP_MB}`, __filename, '--child', family.name, String(size), mode], {
    encoding: 'utf8', timeout: capS * 1000, killSignal: 'SIGKILL', maxBuffer: 1 << 20,
  });
  if (child.error && (child.error as { code?: string }).code === 'ETIMEDOUT') return { ok: false, reason: `>${capS}s` };
  if (child.status !== 0) {
    const error = /\b(RangeError|TypeError|Error)\b/.exec(child.stderr)?.[1] ?? `exit ${child.status ?? child.signal}`;
    return { ok: false, reason: /heap out of memory/.test(child.stderr) ? 'out of memory' : error };
  }
  try {
    return { ok: true, result: JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as CaseResult };
  } catch {
    return { ok: false, reason: 'no result' };
  }
}

function cell(outcome: Outcome | undefined): string {
  if (!outcome) return '';
  if (!outcome.ok) return outcome.reason;
  const { ms } = outcome.result;
  return ms < 10 ? `${ms.toFixed(1)}ms` : ms < 1000 ? `${ms.toFixed(0)}ms` : `${(ms / 1000).toFixed(2)}s`;
}

/** log10(t1M / t100K); a lower bound when the 1 MB case ran out of time. */
function exponent(small: Outcome | undefined, large: Outcome | undefined, capS: number): { text: string; met: boolean } {
  if (!small?.ok || !large) return { text: '-', met: false };
  if (!large.ok) {
    if (!large.reason.startsWith('>')) return { text: 'fails', met: false };
    return { text: `>${(Math.log10((capS * 1000) / Math.max(small.result.ms, 0.1))).toFixed(2)}`, met: false };
  }
  // Below 10 ms a time says little about growth (caches, the collector, the machine's other work): such a time
  // counts as 10 ms. Indexing 100 KB of digits takes 2 ms, 300 KB 12 ms, 1 MB 37 ms and 3 MB 62 ms.
  const e = Math.log10(Math.max(large.result.ms, TIME_FLOOR_MS) / Math.max(small.result.ms, TIME_FLOOR_MS));
  return { text: e.toFixed(2), met: e <= MAX_EXPONENT };
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function parent(): void {
  const capS = Number(argument('--cap') ?? DEFAULT_CAP_S);
  const only = argument('--family')?.split(',');
  const modes = (argument('--mode')?.split(',') ?? ['memo', 'source', 'index']) as Mode[];
  const sizes = (argument('--sizes') ?? '10k,100k,1m').split(',').map((s) => SIZES[s.toLowerCase()] ?? Number(s));
  const families = FAMILIES.filter((f) => !only || only.includes(f.name));
  console.log(`stress: ${families.length} input families at ${sizes.map((s) => `${s / 1000} KB`).join(', ')}, each case in a child process capped at ${capS} s (issue 9)`);
  const header = ['family', 'as', ...sizes.map((s) => (s >= 1e6 ? `${s / 1e6} MB` : `${s / 1e3} KB`)), 'exponent', 'slice', 'peak RSS', 'limit'];
  const rows: string[][] = [header];
  let failures = 0;
  let slowSlices = 0;
  for (const family of families) {
    for (const mode of modes) {
      if (mode !== 'memo' && !family.sourcePath) continue;
      const outcomes = new Map<number, Outcome>();
      for (const size of sizes) {
        const previous = outcomes.get(sizes[sizes.indexOf(size) - 1]);
        // Past a case that ran out of time, a larger one would too.
        if (previous && !previous.ok) {
          outcomes.set(size, previous);
          continue;
        }
        outcomes.set(size, runCase(family, size, mode, capS));
      }
      const largest = outcomes.get(sizes[sizes.length - 1]);
      const limit = largest?.ok ? largest.result.limits[0] ?? '' : '';
      const e = exponent(outcomes.get(100_000), outcomes.get(1_000_000), capS);
      // A documented limit with its message is an answer too.
      const met = e.met || (largest?.ok === true && limit !== '');
      if (!met) failures++;
      const rss = largest?.ok ? `${largest.result.rssMb.toFixed(0)} MB` : '';
      // The longest slice over all sizes of a memo: what the editor waits at most.
      const slices = [...outcomes.values()].flatMap((o) => (o.ok && o.result.sliceMs !== undefined ? [o.result.sliceMs] : []));
      const slice = slices.length ? Math.max(...slices) : undefined;
      if (slice !== undefined && slice > SLICE_TARGET_MS) slowSlices++;
      const sliceText = slice === undefined ? '' : `${slice.toFixed(0)}ms${slice > SLICE_TARGET_MS ? ' !' : ''}`;
      rows.push([family.name, mode, ...sizes.map((s) => cell(outcomes.get(s))), `${e.text}${met ? '' : ' !'}`, sliceText, rss, limit.length > 70 ? `${limit.slice(0, 67)}...` : limit]);
      process.stdout.write('.');
    }
  }
  process.stdout.write('\n');
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const row of rows) console.log(row.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
  console.log(`stress: ${failures === 0 ? 'every family grows at most as t^1.2 from 100 KB to 1 MB, or stops at a limit with its message: MET' : `${failures} case(s) grow faster than t^1.2 or fail (marked !): NOT MET`}`);
  console.log(`stress: ${slowSlices === 0 ? `no memo kept the thread busy for more than ${SLICE_TARGET_MS} ms at once: MET` : `${slowSlices} memo famil${slowSlices === 1 ? 'y' : 'ies'} kept the thread busy for more than ${SLICE_TARGET_MS} ms at once (marked !): NOT MET`}`);
}

if (process.argv[2] === '--child') void child(process.argv[3], Number(process.argv[4]), process.argv[5] as Mode);
else parent();
