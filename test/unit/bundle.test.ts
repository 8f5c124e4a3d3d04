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
    const extension = readFileSync(join(ROOT, 'dist', 'extension.js'), 'utf8');
    assert.ok(extension.includes('require("./citationLib.js")') && !extension.includes('citeproc_commonjs'), 'the extension loads it, lazily, from beside itself');
  });
});
