/**
 * PDF and Word sources in the extraction worker, as the extension reads them: converted there (pdf.js loaded from
 * pdfjs.mjs beside the worker, as in dist/), with a time limit that ends a stuck worker and names the file's problem.
 */
import * as assert from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, buildSync, type Plugin } from 'esbuild';
import { WorkerExtractor } from '../../src/worker/workerExtractor';
import { ROOT } from './fixtures';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(ROOT, 'test', 'fixtures', 'formats', name)));

describe('PDF and Word sources in the extraction worker', () => {
  let dist = '';
  const extractors: WorkerExtractor[] = [];
  const extractor = (timeoutMs?: number, log: string[] = []): WorkerExtractor => {
    const e = new WorkerExtractor(dist, (line) => log.push(line), undefined, undefined, timeoutMs);
    extractors.push(e);
    return e;
  };

  /** esbuild.js's pdfjs-no-canvas: pdf.js gets no canvas package (and logs no warning that it has none). */
  const noCanvas: Plugin = {
    name: 'no-canvas',
    setup(b) {
      b.onLoad({ filter: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.mjs$/ }, (args) => ({ contents: readFileSync(args.path, 'utf8').replace('canvas = require("@napi-rs/canvas");', 'canvas = {};'), loader: 'js' }));
    },
  };

  before(async function () {
    this.timeout(60_000);
    dist = mkdtempSync(join(tmpdir(), 'policy-memo-docworker-'));
    // As esbuild.js lays dist/ out: the worker imports pdf.js from beside itself.
    buildSync({ entryPoints: [join(ROOT, 'src', 'worker', 'thread.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: join(dist, 'extractWorker.js'), external: ['./pdfjs.mjs'], logLevel: 'silent' });
    await build({ entryPoints: [join(ROOT, 'src', 'core', 'sources', 'formats', 'pdfjs.mjs')], bundle: true, platform: 'node', format: 'esm', outfile: join(dist, 'pdfjs.mjs'), plugins: [noCanvas], logLevel: 'silent' });
  });

  after(() => {
    for (const e of extractors) e.dispose();
    rmSync(dist, { recursive: true, force: true });
  });

  it('converts a PDF there, with its pages, and a Word document', async function () {
    this.timeout(60_000);
    const e = extractor();
    const pdf = await e.extractDocument('/x/defence-review.pdf', fixture('defence-review.pdf'), false);
    assert.deepStrictEqual(pdf.extraction.source.pages?.map((p) => p.number), [1, 2, 3]);
    assert.ok(pdf.extraction.quotes.some((q) => q.speaker === 'Mark Rutte'));
    const docx = await e.extractDocument('/x/flood-draft.docx', fixture('flood-draft.docx'), false);
    assert.strictEqual(docx.extraction.source.tables.length, 1);
    assert.strictEqual(e.extractedInWorker, 2);
  });

  it('says why a bad document cannot be read, and goes on with the next', async function () {
    this.timeout(60_000);
    const e = extractor();
    await assert.rejects(e.extractDocument('/x/encrypted.pdf', fixture('encrypted.pdf'), false), /^Error: is encrypted and cannot be read \(it needs a password\)$/);
    await assert.rejects(e.extractDocument('/x/scan.pdf', fixture('scan.pdf'), false), /has no text layer \(scanned\?\): Policy Memo does not OCR/);
    const ok = await e.extractDocument('/x/defence-review.pdf', fixture('defence-review.pdf'), false);
    assert.ok(ok.extraction.source.pages?.length);
  });

  it('ends a worker past the time limit, fails that document with the reason, and starts another for the next', async function () {
    this.timeout(60_000);
    const log: string[] = [];
    const slow = extractor(1, log);
    await assert.rejects(slow.extractDocument('/x/defence-review.pdf', fixture('defence-review.pdf'), false), /^Error: took more than 0\.001 s to read and was given up$/);
    assert.ok(!slow.running, 'the worker was ended');
    assert.match(log.join('\n'), /extraction worker ended: \/x\/defence-review\.pdf took more than/);
    const text = 'The port handled 12 million tonnes in 2023, the mayor said. '.repeat(60);
    const x = await slow.extract('/x/a.txt', text, false);
    assert.ok(x.source.sentences.length > 0, 'text sources still load');
  });

  it('leaves the caller\u2019s bytes whole', async function () {
    this.timeout(60_000);
    const bytes = fixture('defence-review.pdf');
    await extractor().extractDocument('/x/defence-review.pdf', bytes, false);
    assert.strictEqual(bytes.byteLength, fixture('defence-review.pdf').byteLength);
  });
});
