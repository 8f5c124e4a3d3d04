import * as assert from 'node:assert';
import { DiagnosticCode } from '../../src/core/checking/codes';
import { codeInfo } from '../../src/core/checking/rules';
import { LIMIT_LONG_LINE, LIMIT_LONG_RUN } from '../../src/core/memo/memo';
import { chooseMemoSources, listedSourcesOf, resolveListedSource } from '../../src/core/memo/memoSources';

describe('which sources a memo is checked against', () => {
  const memo = '/work/memos/memo.md';
  it('takes the front matter first, entries relative to the memo or absolute', () => {
    const listed = listedSourcesOf('---\nsources: [../sources/a.txt, /data/b.md]\n---\n\nText.\n');
    assert.deepStrictEqual(listed, ['../sources/a.txt', '/data/b.md']);
    const chosen = chooseMemoSources(memo, listed, ['/work/sources/c.txt'], '/sample.txt');
    assert.strictEqual(chosen.origin, 'front-matter');
    assert.deepStrictEqual(chosen.sources.map((s) => s.path), ['/work/sources/a.txt', '/data/b.md']);
    assert.deepStrictEqual(chosen.sources.map((s) => s.entry), listed);
  });
  it('else the configured sources, else the sample', () => {
    assert.strictEqual(listedSourcesOf('# No front matter\n'), undefined);
    assert.deepStrictEqual(chooseMemoSources(memo, undefined, ['/work/sources/c.txt'], '/sample.txt'), { origin: 'configured', sources: [{ entry: '/work/sources/c.txt', path: '/work/sources/c.txt' }] });
    assert.deepStrictEqual(chooseMemoSources(memo, undefined, [], '/sample.txt').origin, 'sample');
  });
  it('an empty front matter list means no sources, not the fallback', () => {
    const chosen = chooseMemoSources(memo, listedSourcesOf('---\nsources: []\n---\n'), ['/x.txt'], '/sample.txt');
    assert.strictEqual(chosen.origin, 'front-matter');
    assert.strictEqual(chosen.sources.length, 0);
  });
  it('resolves a relative entry against the memo\u2019s folder', () => {
    assert.strictEqual(resolveListedSource(memo, 'a.txt'), '/work/memos/a.txt');
  });
});

describe('the limit codes of the memo parser', () => {
  it('are the registry\u2019s (memo/ cannot import checking/, so the parser spells them itself)', () => {
    assert.strictEqual(LIMIT_LONG_RUN, DiagnosticCode.LimitLongRun);
    assert.strictEqual(LIMIT_LONG_LINE, DiagnosticCode.LimitLongLine);
    assert.strictEqual(codeInfo(LIMIT_LONG_RUN)?.defaultSeverity, 'information');
  });
});
