import * as assert from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { checkMemo } from '../../src/core/checking/check';
import { factsOf } from '../../src/core/sources/extract';
import { SourceLibrary, type SourceFileSystem } from '../../src/core/sources/library';
import { parseMemo } from '../../src/core/memo/memo';
import { extractFile, extractText, SAMPLE_PATH } from './fixtures';

function memoryFs(files: Record<string, Uint8Array | string>): SourceFileSystem {
  const bytesOf = (path: string): Uint8Array => {
    const content = files[path];
    if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return typeof content === 'string' ? new TextEncoder().encode(content) : content;
  };
  return {
    stat: async (path) => ({ kind: 'file', size: bytesOf(path).length, mtime: 0 }),
    readFile: async (path, maxBytes) => bytesOf(path).subarray(0, maxBytes + 1),
  };
}

describe('bad sources', () => {
  it('each bad file gets one clear message naming what is wrong, and the others still load', async () => {
    const library = new SourceLibrary(memoryFs({
      '/s/good.txt': 'The council approved 12 schools, said Mayor Ann Lee.\n',
      '/s/empty.txt': '   \n',
      '/s/image.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
      '/s/big.txt': 'word '.repeat(300_000),
    }), { maxBytes: 1024 * 1024 });
    const results = await Promise.all(['/s/good.txt', '/s/empty.txt', '/s/image.txt', '/s/big.txt', '/s/gone.txt'].map((p) => library.load(p)));
    assert.strictEqual(results[0].ok, true);
    const messages = results.slice(1).map((r) => (r.ok ? 'ok' : `${r.path} ${r.message}`));
    assert.deepStrictEqual(messages, [
      '/s/empty.txt is empty',
      '/s/image.txt is a binary file, not text',
      '/s/big.txt is 1.4 MB, over the 1.0 MB limit for sources (policyMemo.maxSourceSizeKB)',
      '/s/gone.txt does not exist',
    ]);
  });

  it('re-extracts a changed file and reuses an unchanged one (cache by content hash)', async () => {
    const files: Record<string, string> = { '/s/a.txt': 'First version with 12 schools.\n' };
    const library = new SourceLibrary(memoryFs(files));
    const first = await library.load('/s/a.txt');
    const same = await library.load('/s/a.txt');
    assert.ok(first.ok && same.ok && first.extraction === same.extraction);
    files['/s/a.txt'] = 'Second version with 14 schools.\n';
    const changed = await library.load('/s/a.txt');
    assert.ok(changed.ok && changed.extraction !== (first.ok ? first.extraction : undefined));
  });

  it('does not read a file again while its size and modification time are unchanged', async () => {
    let reads = 0;
    const file = { text: 'The council approved 12 schools.\n', mtime: 1 };
    const library = new SourceLibrary({
      readFile: async () => { reads++; return new TextEncoder().encode(file.text); },
      stat: async () => ({ kind: 'file', size: file.text.length, mtime: file.mtime }),
    });
    const first = await library.load('/s/a.txt');
    const again = await library.load('/s/a.txt');
    assert.strictEqual(reads, 1);
    assert.ok(first.ok && again.ok && first.extraction === again.extraction);
    file.text = 'The council approved 14 schools.\n';
    file.mtime = 2;
    const changed = await library.load('/s/a.txt');
    assert.strictEqual(reads, 2);
    assert.ok(changed.ok && factsOf(changed.extraction)[0].numbers[0].value === 14);
  });

  it('reads a source with 10,000 quotes, each with its speaker', function () {
    this.timeout(60000);
    const text = Array.from({ length: 10000 }, (_, i) => `\u201cStatement ${i} is on the record,\u201d said Anna Berg.`).join('\n\n');
    const x = extractText(text);
    assert.strictEqual(x.quotes.length, 10000);
    assert.ok(x.quotes.every((q) => q.speaker === 'Anna Berg'));
  });

  it('survives unbalanced quote marks: lone openers, lone closers, mixed marks', () => {
    const text = 'He said \u201cthis never closes.\n\nShe said this\u201d ends. \u2018Odd \u201cmix\u2019 of marks\u201d here.\n\n"A straight quote," said Ann Lee.\n';
    const x = extractText(text);
    assert.ok(x.quotes.some((q) => q.text === 'A straight quote' && q.speaker === 'Ann Lee'), 'the balanced quote is still found');
    for (const q of x.quotes) assert.ok(!q.text.includes('\n\n'), 'no quote swallows a paragraph break');
  });
});

describe('bad memos', () => {
  const sample = () => [extractFile(SAMPLE_PATH)];

  it('checks a 1 MB memo and a single 200 KB line without throwing', function () {
    this.timeout(120000);
    const paragraph = 'About 3,500 American troops remain in Iraq, officials said on Monday. '.repeat(8);
    const big = Array.from({ length: Math.ceil(1_000_000 / (paragraph.length + 2)) }, () => paragraph).join('\n\n');
    assert.ok(big.length >= 1_000_000);
    const findings = checkMemo(parseMemo(big), sample());
    assert.ok(findings.some((f) => f.code === 'conflict/number'));
    const line = 'The NATO mission in Iraq has existed since 2018 and '.repeat(4000);
    assert.ok(line.length > 200_000);
    assert.doesNotThrow(() => checkMemo(parseMemo(line), sample()));
  });

  it('checks deeply nested lists and block quotes', () => {
    const nested = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- About 3,500 American troops remain in Iraq.`).join('\n');
    assert.doesNotThrow(() => checkMemo(parseMemo(nested), sample()));
    const quoted = `${'>'.repeat(300)} About 3,500 American troops remain in Iraq.\n`;
    assert.doesNotThrow(() => checkMemo(parseMemo(quoted), sample()));
  });

  it('reports front matter that is not YAML on the front matter, and checks the rest', () => {
    const memo = '---\nsources: [a.txt\ntitle: : :\n---\n\nAbout 3,500 American troops remain in Iraq.\n';
    const findings = checkMemo(parseMemo(memo), sample());
    const frontMatter = findings.find((f) => f.code === 'memo/front-matter');
    assert.ok(frontMatter);
    assert.strictEqual(frontMatter.span.start, 0);
    assert.match(frontMatter.message, /not valid YAML/);
    assert.ok(findings.some((f) => f.code === 'conflict/number'));
  });
});

describe('memo-check on bad input', () => {
  async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await main(args, { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd });
    return { code, out, err };
  }

  it('exit 2 and one line for a binary memo or a folder; valid JSON and exit 0 for an empty memo', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'memo-check-bad-'));
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x00, 0x01, 0x02, 0x03]));
    writeFileSync(join(dir, 'empty.md'), '');
    mkdirSync(join(dir, 'folder.md'));
    for (const name of ['binary.md', 'folder.md']) {
      const r = await run([name], dir);
      assert.strictEqual(r.code, 2, name);
      assert.strictEqual(r.err.trim().split('\n').length, 1, r.err);
      assert.ok(!/\n\s+at /.test(r.err), 'no stack trace');
    }
    const empty = await run(['--format', 'json', 'empty.md'], dir);
    assert.strictEqual(empty.code, 0);
    const report = JSON.parse(empty.out);
    assert.deepStrictEqual({ ...report, files: report.files.map((f: Record<string, unknown>) => ({ ...f, sources: undefined })) }, { version: 1, files: [{ path: 'empty.md', sources: undefined, sourcesFrom: 'sample', diagnostics: [] }] });
  });

  it('reads CRLF, UTF-16 and Windows-1252 memos, and keeps JSON valid for any characters', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'memo-check-enc-'));
    writeFileSync(join(dir, 'crlf.md'), '# Memo\r\n\r\nAbout 3,500 American troops remain in Iraq.\r\n');
    writeFileSync(join(dir, 'utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('About 3,500 American troops remain in Iraq.\n', 'utf16le')]));
    writeFileSync(join(dir, 'cp1252.md'), Buffer.from([...Buffer.from('About 3,500 American troops remain in Iraq. A \u0093quoted\u0094 caf'), 0xe9, 0x0a]));
    const r = await run(['--format', 'json', 'crlf.md', 'utf16.md', 'cp1252.md'], dir);
    assert.strictEqual(r.code, 1, r.err);
    const report = JSON.parse(r.out);
    assert.deepStrictEqual(report.files.map((f: { diagnostics: { range: { start: { line: number } } }[] }) => f.diagnostics[0]?.range.start.line), [2, 0, 0]);
  });
});
