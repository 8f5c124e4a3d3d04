/**
 * The shipped bundle extracts what the engine extracts: the build rewrites non-ASCII characters as \uXXXX (see
 * esbuild.js), and a wrong rewrite once turned wink-nlp's /[\-–—]/ into a class of backslash, "u" and digits, so
 * the product split "Kisumu–Nairobi" as "Kis". The unit tests run the sources; this runs dist/cli.js.
 */
import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractionToJson } from '../../src/core/sources/report';
import { extractDocumentInProcess } from '../../src/core/sources/documents';
import { extractText, ROOT } from './fixtures';

const DASHED = 'Rail link opens\n\nThe Kisumu\u2013Nairobi line opened on Monday after a June\u2013September closure, said Transport Minister Mette Jensen.\n\n'
  + '\u201cWe will run 14 trains a day on the Kisumu\u2014Nairobi route,\u201d Jensen said.\n';

describe('the shipped bundle', () => {
  it('extracts a text with en and em dashes as the engine does', function () {
    this.timeout(60000);
    const cli = join(ROOT, 'dist', 'cli.js');
    if (!existsSync(cli)) execFileSync(process.execPath, ['esbuild.js'], { cwd: ROOT });
    const dir = mkdtempSync(join(tmpdir(), 'memo-bundle-'));
    const file = join(dir, 'dashed.txt');
    writeFileSync(file, DASHED);
    const bundled = JSON.parse(execFileSync(process.execPath, [cli, 'extract', '--format', 'json', file], { encoding: 'utf8' })).sources[0];
    const engine = extractionToJson(extractText(DASHED, file), bundled.path);
    assert.deepStrictEqual(bundled, JSON.parse(JSON.stringify(engine)));
  });

  it('reads a PDF with the pdf.js bundled beside it, nothing but the report on stdout, as the engine reads it', async function () {
    this.timeout(60000);
    const cli = join(ROOT, 'dist', 'cli.js');
    if (!existsSync(cli) || !existsSync(join(ROOT, 'dist', 'pdfjs.mjs'))) execFileSync(process.execPath, ['esbuild.js'], { cwd: ROOT });
    assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!dist\/pdfjs\.mjs$/m, 'the .vsix ships dist/pdfjs.mjs');
    const file = join(ROOT, 'test', 'fixtures', 'formats', 'defence-review.pdf');
    const out = execFileSync(process.execPath, [cli, 'extract', '--format', 'json', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const bundled = JSON.parse(out).sources[0];
    const { extraction } = await extractDocumentInProcess(file, new Uint8Array(readFileSync(file)), false);
    assert.deepStrictEqual(bundled, JSON.parse(JSON.stringify(extractionToJson(extraction, bundled.path))));
  });
});

describe('the Word bundle (dist/docxLib.js)', () => {
  it('reads a .docx through dist/cli.js and the engine and docxLib bundled beside it, as the engine reads it', async function () {
    this.timeout(60000);
    const cli = join(ROOT, 'dist', 'cli.js');
    if (!existsSync(cli) || !existsSync(join(ROOT, 'dist', 'docxLib.js'))) execFileSync(process.execPath, ['esbuild.js'], { cwd: ROOT });
    const file = join(ROOT, 'test', 'fixtures', 'formats', 'flood-draft.docx');
    const bundled = JSON.parse(execFileSync(process.execPath, [cli, 'extract', '--format', 'json', file], { encoding: 'utf8' })).sources[0];
    const { extraction } = await extractDocumentInProcess(file, new Uint8Array(readFileSync(file)), false);
    assert.ok(bundled.quotes.length > 0, 'the document was read');
    assert.deepStrictEqual(bundled, JSON.parse(JSON.stringify(extractionToJson(extraction, bundled.path))));
  });
});

describe('the citation bundle (dist/citationLib.js)', () => {
  it('is apart from the extension\u2019s bundle, reads BibTeX, and has no fetch in it', function () {
    this.timeout(60000);
    const lib = join(ROOT, 'dist', 'citationLib.js');
    if (!existsSync(lib)) execFileSync(process.execPath, ['esbuild.js'], { cwd: ROOT });
    const script = `const lib = require(${JSON.stringify(lib)}); process.stdout.write(JSON.stringify(lib.parseBibtex('@book{a, title = {T}, url = {https://example.org}}')))`;
    const items = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
    assert.deepStrictEqual(items.map((i: { id: string; URL: string }) => [i.id, i.URL]), [['a', 'https://example.org']]);
    const code = readFileSync(lib, 'utf8');
    assert.ok(code.includes('Policy Memo makes no network access'), 'sync-fetch and node-fetch are stubbed');
    assert.ok(!/require\("(?:node:)?(?:https?|net|tls)"\)/.test(code), 'no network module is required');
    const engine = readFileSync(join(ROOT, 'dist', 'engine.js'), 'utf8');
    assert.ok(engine.includes('require("./citationLib.js")') && !engine.includes('citeproc_commonjs'), 'the engine loads it, lazily, from beside itself');
  });
});

/** Strings only the engine's code has: src/core's, wink-nlp's. test/harness/check-vsix.sh checks the .vsix alike. */
const ENGINE_MARKERS = ['conflict/attribution', 'wink-nlp: invalid model'];
const ENTRY_BUNDLES = ['extension.js', 'cli.js', 'extractWorker.js'];

describe('the engine bundle (dist/engine.js)', () => {
  it('is the one copy of the engine: the extension, the CLI and the worker require it and carry none of it', function () {
    this.timeout(60000);
    if (!ENTRY_BUNDLES.every((f) => existsSync(join(ROOT, 'dist', f))) || !existsSync(join(ROOT, 'dist', 'engine.js'))) execFileSync(process.execPath, ['esbuild.js'], { cwd: ROOT });
    const engine = readFileSync(join(ROOT, 'dist', 'engine.js'), 'utf8');
    for (const marker of ENGINE_MARKERS) assert.ok(engine.includes(marker), `dist/engine.js has "${marker}"`);
    for (const file of ENTRY_BUNDLES) {
      const code = readFileSync(join(ROOT, 'dist', file), 'utf8');
      assert.ok(code.includes('require("./engine.js")'), `dist/${file} requires the engine from beside itself`);
      for (const marker of ENGINE_MARKERS) assert.ok(!code.includes(marker), `dist/${file} carries engine code ("${marker}")`);
    }
    assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!dist\/engine\.js$/m, 'the .vsix ships dist/engine.js');
  });

  it('leaves jszip and mammoth to dist/docxLib.js, loaded with the first Word document', function () {
    this.timeout(60000);
    const docxLib = join(ROOT, 'dist', 'docxLib.js');
    if (!existsSync(docxLib)) execFileSync(process.execPath, ['esbuild.js'], { cwd: ROOT });
    const engine = readFileSync(join(ROOT, 'dist', 'engine.js'), 'utf8');
    // Part of mammoth's own message for a .docx without its main part, which docx.ts reads to name the problem.
    const MAMMOTH_MARKER = 'Could not find main document part';
    assert.ok(readFileSync(docxLib, 'utf8').includes(MAMMOTH_MARKER), 'dist/docxLib.js has mammoth');
    assert.ok(engine.includes('require("./docxLib.js")') && !engine.includes(MAMMOTH_MARKER), 'the engine loads it, lazily, from beside itself');
    assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!dist\/docxLib\.js$/m, 'the .vsix ships dist/docxLib.js');
  });
});
