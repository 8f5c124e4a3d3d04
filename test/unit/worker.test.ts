/**
 * The extraction worker (issue 5: large sources, memory): the extension extracts every source but tiny
 * ones in a worker thread. The worker's bundle is built here, so this suite needs no prior build.
 */
import * as assert from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { factsOf } from '../../src/core/sources/extract';
import { SourceLibrary } from '../../src/core/sources/library';
import { extractionToJson } from '../../src/core/sources/report';
import { WorkerExtractor } from '../../src/worker/workerExtractor';
import { article as generatedArticle } from '../bench/generate';
import { extractFile, ROOT, SAMPLE_PATH } from './fixtures';

/** About 5 MB of text. */
const LARGE_WORDS = 850_000;

describe('the extraction worker', () => {
  let distFolder = '';
  const extractors: WorkerExtractor[] = [];
  const extractor = (idleMs?: number): WorkerExtractor => {
    const e = new WorkerExtractor(distFolder, (line) => assert.fail(`the worker failed: ${line}`), idleMs);
    extractors.push(e);
    return e;
  };

  before(() => {
    distFolder = mkdtempSync(join(tmpdir(), 'policy-memo-worker-'));
    buildSync({ entryPoints: [join(ROOT, 'src', 'worker', 'thread.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: join(distFolder, 'extractWorker.js'), logLevel: 'silent' });
  });

  after(() => {
    for (const e of extractors) e.dispose();
    rmSync(distFolder, { recursive: true, force: true });
  });

  it('extracts in place, and says so once, when its worker file is missing', async () => {
    const lines: string[] = [];
    const extractor = new WorkerExtractor('/no/such/folder', (line) => lines.push(line), 10);
    const text = readFileSync(SAMPLE_PATH, 'utf8');
    const first = await extractor.extract('/a.txt', text, false);
    const second = await extractor.extract('/b.txt', text, false);
    assert.strictEqual(first.quotes.length, extractFile(SAMPLE_PATH).quotes.length);
    assert.strictEqual(second.quotes.length, first.quotes.length);
    assert.strictEqual(extractor.extractedInWorker, 0);
    assert.strictEqual(lines.filter((l) => l.includes('extracting in place')).length, 1, lines.join('\n'));
    extractor.dispose();
  });

  it('gives what extraction in place gives', async () => {
    const e = extractor();
    const x = await e.extract(SAMPLE_PATH, readFileSync(SAMPLE_PATH, 'utf8'), false);
    assert.strictEqual(e.extractedInWorker, 1);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(extractionToJson(x, 'sample'))), JSON.parse(JSON.stringify(extractionToJson(extractFile(SAMPLE_PATH), 'sample'))));
  });

  it('extracts the bundled sample and tiny texts in place, with no worker to start', async () => {
    const e = extractor();
    await e.extract(SAMPLE_PATH, readFileSync(SAMPLE_PATH, 'utf8'), true);
    await e.extract('/tiny.txt', 'The council approved 12 schools.', false);
    assert.strictEqual(e.extractedInWorker, 0);
    assert.strictEqual(e.running, false);
  });

  it('ends when idle, and starts again for the next source', async () => {
    const e = extractor(50);
    const text = readFileSync(SAMPLE_PATH, 'utf8');
    await e.extract('/a.txt', text, false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.strictEqual(e.running, false, 'the idle worker has ended');
    const again = await e.extract('/b.txt', text, false);
    assert.strictEqual(e.extractedInWorker, 2);
    assert.ok(again.quotes.length > 0);
  });

  it('a source too large for the worker\'s memory fails alone, with the reason; the next source is extracted', async function () {
    this.timeout(120_000);
    const lines: string[] = [];
    const e = new WorkerExtractor(distFolder, (line) => lines.push(line), undefined, 96);
    extractors.push(e);
    await assert.rejects(Promise.resolve(e.extract('/huge.txt', generatedArticle(3, 400_000), false)), /the extraction worker stopped \(out of memory, over its 96 MB\)/);
    const next = await e.extract(SAMPLE_PATH, readFileSync(SAMPLE_PATH, 'utf8'), false);
    assert.ok(next.quotes.length > 0);
    assert.strictEqual(e.extractedInWorker, 1, 'in a new worker, not in place');
  });

  it('loads a 5 MB source with all its quotes and facts', async function () {
    this.timeout(180_000);
    const text = generatedArticle(7, LARGE_WORDS);
    assert.ok(text.length > 5_000_000);
    const bytes = new TextEncoder().encode(text);
    const library = new SourceLibrary({ stat: async () => ({ kind: 'file', size: bytes.length, mtime: 0 }), readFile: async () => bytes }, undefined, extractor().extract);
    const result = await library.load('/sources/large.txt');
    assert.ok(result.ok, result.ok ? '' : result.message);
    const x = result.extraction;
    const quoteMarks = (text.match(/\u201c/g) ?? []).length;
    assert.ok(x.quotes.length > 0 && x.quotes.length <= quoteMarks);
    assert.ok(factsOf(x).length > x.source.sentences.length / 2);
    const last = x.quotes[x.quotes.length - 1];
    assert.strictEqual(text.slice(last.start, last.end).includes(last.parts[0].text), true, 'offsets hold at the end of a 5 MB text');
  });
});

describe('an extraction worker that stops while working', () => {
  it('fails what it had with a reason, and the next source gets a new worker', async () => {
    // A stand-in worker that dies on a source mentioning "crash" and answers nothing else (so the request stays pending until then).
    const folder = mkdtempSync(join(tmpdir(), 'policy-memo-crash-'));
    writeFileSync(join(folder, 'extractWorker.js'), `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (r) => { if (r.text.includes('crash')) process.exit(3); });
parentPort.postMessage('ready');`);
    const lines: string[] = [];
    const e = new WorkerExtractor(folder, (line) => lines.push(line));
    const text = (word: string): string => `${word} `.repeat(1000);
    await assert.rejects(Promise.resolve(e.extract('/a.txt', text('crash'), false)), /the extraction worker stopped \(exit code 3\)/);
    assert.strictEqual(e.running, false);
    void e.extract('/b.txt', text('calm'), false);
    assert.strictEqual(e.running, true, 'a new worker for the next source, not extraction in place');
    assert.ok(lines.some((l) => l.includes('exit code 3')));
    e.dispose();
    rmSync(folder, { recursive: true, force: true });
  });
});
