import * as assert from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, EXIT_CLEAN, EXIT_USAGE } from '../../src/cli/main';
import { ROOT } from './fixtures';

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
