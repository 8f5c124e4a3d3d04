import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SourceLibrary, type SourceFileSystem } from '../../src/core/sources/library';
import { isWithin, NOT_REGULAR, NOT_REGULAR_CODE, placePath, readRegularFile, realRoots, statFile, withTimeout } from '../../src/core/sources/safeFile';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'memo-safe-'));
}

describe('reading a path safely', () => {
  it('tells regular files from folders, FIFOs and devices, through links', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'text');
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    assert.deepStrictEqual(await Promise.all(['a.txt', '.', 'pipe', 'zero.txt'].map(async (name) => (await statFile(join(dir, name))).kind)), ['file', 'directory', 'other', 'other']);
  });

  it('reads at most one byte over the limit', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(100_000));
    assert.strictEqual((await readRegularFile(join(dir, 'big.txt'), 10)).length, 11);
    assert.strictEqual((await readRegularFile(join(dir, 'big.txt'), 200_000)).length, 100_000);
  });

  it('refuses a FIFO or a device on the open file itself, at once, without waiting for a writer', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    for (const path of [join(dir, 'pipe'), '/dev/zero']) {
      await assert.rejects(withTimeout(readRegularFile(path, 1024), 2000), (error: { code?: string }) => error.code === NOT_REGULAR_CODE);
    }
  });

  it('gives up on work that takes longer than its time limit', async () => {
    await assert.rejects(withTimeout(new Promise(() => undefined), 20), (error: { code?: string }) => error.code === 'ETIMEDOUT');
    assert.strictEqual(await withTimeout(Promise.resolve(7), 20), 7);
  });

  it('places a path inside or outside folders by its name and by its real path', async () => {
    const outer = tempDir();
    const root = join(outer, 'root');
    mkdirSync(join(root, 'sources'), { recursive: true });
    mkdirSync(join(outer, 'rootless'));
    writeFileSync(join(outer, 'secret.txt'), 'secret');
    writeFileSync(join(root, 'sources', 'a.txt'), 'a');
    symlinkSync(join(outer, 'secret.txt'), join(root, 'sources', 'out.txt'));
    symlinkSync(join(root, 'sources', 'a.txt'), join(root, 'in.txt'));
    const roots = await realRoots([root]);
    const place = (path: string): Promise<string> => placePath(path, roots, [root]);
    assert.strictEqual(await place(join(root, 'sources', 'a.txt')), 'inside');
    assert.strictEqual(await place(join(root, 'in.txt')), 'inside', 'a link that stays inside');
    assert.strictEqual(await place(join(root, 'sources', '..', '..', 'secret.txt')), 'outside');
    assert.strictEqual(await place(join(outer, 'secret.txt')), 'outside');
    assert.strictEqual(await place(join(outer, 'rootless')), 'outside', 'a sibling whose name starts with the root\u2019s');
    assert.strictEqual(await place(join(root, 'sources', 'out.txt')), 'linked-outside');
    assert.strictEqual(await place(join(root, 'missing.txt')), 'inside', 'a missing file is placed by its name');
    assert.ok(isWithin('/a/b', '/a/b') && isWithin('/a/b', '/a/b/c') && !isWithin('/a/b', '/a/bc') && !isWithin('/a/b', '/a'));
  });
});

describe('the source library reads only what it looked at', () => {
  function fakeFs(kind: 'file' | 'directory' | 'other', size: number, read: () => Promise<Uint8Array>): SourceFileSystem & { reads: number } {
    const fs = {
      reads: 0,
      stat: async () => ({ kind, size, mtime: 1 }),
      readFile: async () => { fs.reads++; return read(); },
    };
    return fs;
  }
  const text = (s: string): Promise<Uint8Array> => Promise.resolve(new TextEncoder().encode(s));

  it('never reads a device, FIFO or socket, nor a file over the limit by its size', async () => {
    const device = fakeFs('other', 0, () => text('zeros'));
    assert.deepStrictEqual(await new SourceLibrary(device).load('/s/zero.txt'), { ok: false, path: '/s/zero.txt', message: NOT_REGULAR });
    const large = fakeFs('file', 2048, () => text('words'));
    const result = await new SourceLibrary(large, { maxBytes: 1024 }).load('/s/large.txt');
    assert.ok(!result.ok && /over the 0\.0 MB limit/.test(result.message), JSON.stringify(result));
    assert.strictEqual(device.reads + large.reads, 0);
  });

  it('says so when a file grew past the limit while it was read, and when a read takes too long', async () => {
    const grown = fakeFs('file', 10, () => text('x'.repeat(1025)));
    const result = await new SourceLibrary(grown, { maxBytes: 1024 }).load('/s/grown.txt');
    assert.ok(!result.ok && /grew past the 0\.0 MB limit/.test(result.message), JSON.stringify(result));
    const stuck = fakeFs('file', 10, () => new Promise(() => undefined));
    const late = await new SourceLibrary(stuck, { maxBytes: 1024, timeoutMs: 50 }).load('/s/stuck.txt');
    assert.deepStrictEqual(late, { ok: false, path: '/s/stuck.txt', message: 'could not be read within 0.05 s and is not read' });
  });
});
