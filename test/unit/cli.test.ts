import * as assert from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, EXIT_CLEAN, EXIT_USAGE } from '../../src/cli/main';
import { ROOT, windows1252Article } from './fixtures';

async function run(args: string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd });
  return { code, out, err };
}

describe('memo-check extract', () => {
  it('prints the sample as the JSON of design.md when no source is given', async () => {
    const { code, out, err } = await run(['extract', '--format', 'json']);
    assert.strictEqual(code, EXIT_CLEAN, err);
    const report = JSON.parse(out);
    assert.strictEqual(report.version, 1);
    const [source] = report.sources;
    assert.strictEqual(source.key, 'rutte-sudani-the-hague');
    assert.deepStrictEqual(source.quotes.map((q: { speaker: string | null }) => q.speaker), ['Mark Rutte', 'Jeannine Plasschaert', 'Fuad Hussein', null, 'Nechirvan Barzani', 'Defense']);
    const quote = source.quotes[1];
    assert.deepStrictEqual(quote.range.start, { line: 8, character: 251 });
    const values = source.facts.flatMap((f: { values: { type: string; text: string; value: unknown }[] }) => f.values);
    assert.ok(values.some((v: { type: string; value: unknown }) => v.type === 'number' && v.value === 2500));
    assert.ok(values.some((v: { type: string; value: unknown }) => v.type === 'date' && v.value === '--02-04'));
  });

  it('prints text by default', async () => {
    const { code, out } = await run(['extract', 'test/fixtures/articles/wire-report.txt']);
    assert.strictEqual(code, EXIT_CLEAN);
    assert.match(out, /Ingrid Vos: \u201cWe have not seen a stoppage/);
  });

  it('exits 2 with one clear line for a missing, empty or binary source', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'memo-check-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]));
    for (const [file, reason] of [['missing.txt', 'does not exist'], ['empty.txt', 'is empty'], ['binary.txt', 'binary']]) {
      const { code, out, err } = await run(['extract', file], dir);
      assert.strictEqual(code, EXIT_USAGE);
      assert.strictEqual(out, '');
      assert.match(err, new RegExp(`^memo-check: source ${file} .*${reason}`));
      assert.strictEqual(err.trim().split('\n').length, 1);
    }
  });

  it('rejects unknown options and formats with exit 2', async () => {
    assert.strictEqual((await run(['extract', '--format', 'xml'])).code, EXIT_USAGE);
    assert.strictEqual((await run(['--bogus', 'memo.md'])).code, EXIT_USAGE);
  });
});

describe('memo-check check', () => {
  function workspace(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'memo-check-'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    return dir;
  }

  it('exits 1 with compiler-style lines when a memo conflicts with the bundled sample', async () => {
    const dir = workspace({ 'memo.md': '# Memo\n\nAbout 3,500 American troops remain in Iraq.\n' });
    const { code, out } = await run(['memo.md'], dir);
    assert.strictEqual(code, 1);
    assert.match(out, /^memo\.md:3:7 warning conflict\/number Memo says 3,500 American troops; source says 2500 American troops/);
  });

  it('exits 0 on a memo the sources support, and prints nothing', async () => {
    const dir = workspace({ 'memo.md': 'There are 2500 American troops in Iraq.\n' });
    assert.deepStrictEqual(await run(['check', 'memo.md'], dir), { code: 0, out: '', err: '' });
  });

  it('prints the JSON of design.md, with evidence and fix', async () => {
    const dir = workspace({ 'memo.md': 'About 3,500 American troops remain in Iraq.\n' });
    const { code, out } = await run(['--format', 'json', 'memo.md'], dir);
    assert.strictEqual(code, 1);
    const report = JSON.parse(out);
    assert.strictEqual(report.version, 1);
    const [d] = report.files[0].diagnostics;
    assert.strictEqual(d.code, 'conflict/number');
    assert.deepStrictEqual(d.range, { start: { line: 0, character: 6 }, end: { line: 0, character: 11 } });
    assert.deepStrictEqual(d.fix, { range: d.range, newText: '2500' });
    assert.match(d.evidence.text, /2500 American troops should stay in Iraq/);
    assert.deepStrictEqual(d.evidence.range.start, { line: 6, character: 0 });
  });

  it('uses the memo\u2019s front matter sources over --source', async () => {
    const dir = workspace({
      'a.txt': 'The council approved 12 new schools in 2021.\n',
      'b.txt': 'The council approved 40 new schools in 2021.\n',
      'memo.md': '---\nsources: [a.txt]\n---\n\nThe council approved 40 new schools in 2021.\n',
      'plain.md': 'The council approved 40 new schools in 2021.\n',
    });
    assert.strictEqual((await run(['--source', 'b.txt', 'memo.md'], dir)).code, 1, 'front matter names a.txt: 40 conflicts');
    assert.strictEqual((await run(['--source', 'b.txt', 'plain.md'], dir)).code, 0, 'no front matter: --source b.txt supports 40');
  });

  it('exits 2 with one line for a missing memo, a missing source, or no memo', async () => {
    const dir = workspace({ 'memo.md': '---\nsources: [gone.txt]\n---\n\nText.\n' });
    for (const args of [['nope.md'], ['memo.md'], []]) {
      const { code, out, err } = await run(args, dir);
      assert.strictEqual(code, 2, args.join(' '));
      assert.strictEqual(out, '');
      assert.match(err, /^memo-check: /);
    }
  });

  it('says on stderr, naming the file, when a source or memo is not UTF-8; stdout stays the report', async () => {
    const memo = '\u201cWe are on a knife\u2019s edge with this strike, and the port stays shut until the board pays what it owes,\u201d said Ingrid Vos.\n';
    const dir = workspace({ 'memo.md': memo });
    writeFileSync(join(dir, 'vos.txt'), windows1252Article().bytes);
    writeFileSync(join(dir, 'memo-1252.md'), Buffer.from([...memo].map((c) => ({ '\u201c': 0x93, '\u201d': 0x94, '\u2019': 0x92 }[c] ?? c.charCodeAt(0)))));
    const { code, out, err } = await run(['--format', 'json', '--source', 'vos.txt', 'memo.md', 'memo-1252.md'], dir);
    assert.strictEqual(code, 0, err);
    assert.deepStrictEqual(err.split('\n'), [
      'memo-check: source vos.txt is not UTF-8; read as Windows-1252',
      'memo-check: memo memo-1252.md is not UTF-8; read as Windows-1252',
      '',
    ]);
    const report = JSON.parse(out);
    assert.deepStrictEqual(report.files.map((f: { diagnostics: unknown[] }) => f.diagnostics), [[], []], 'the quote is verbatim once the source is read as Windows-1252');
    const extracted = await run(['extract', 'vos.txt'], dir);
    assert.strictEqual(extracted.code, 0);
    assert.strictEqual(extracted.err, 'memo-check: source vos.txt is not UTF-8; read as Windows-1252\n');
    assert.match(extracted.out, /Ingrid Vos: \u201cWe are on a knife\u2019s edge with this strike/);
  });
});
