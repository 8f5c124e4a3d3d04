import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonc, stripJsonc } from '../../src/core/text/jsonc';
import { DEFAULT_MAX_SOURCES, DEFAULT_SOURCE_GLOBS, globMatcher, sourceGlobsOf } from '../../src/core/sources/workspace';
import { ROOT } from './fixtures';

describe('workspace sources settings', () => {
  it('take their defaults from package.json, the one place the settings UI reads them', () => {
    const properties = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).contributes.configuration.properties;
    assert.deepStrictEqual(DEFAULT_SOURCE_GLOBS, properties['policyMemo.sources'].default);
    assert.strictEqual(DEFAULT_MAX_SOURCES, properties['policyMemo.maxSources'].default);
  });

  it('keep the non-blank strings of a list, else the default', () => {
    assert.deepStrictEqual(sourceGlobsOf(['a/*.txt', '', ' ', 3, 'b/**']), ['a/*.txt', 'b/**']);
    assert.deepStrictEqual(sourceGlobsOf('sources/*.txt'), DEFAULT_SOURCE_GLOBS);
  });

  it('match globs as VS Code does: * within a segment, ** across, {a,b}, [..]', () => {
    const cases: [string, string, boolean][] = [
      ['sources/**/*.{txt,md,html}', 'sources/a.txt', true],
      ['sources/**/*.{txt,md,html}', 'sources/x/y/a.html', true],
      ['sources/**/*.{txt,md,html}', 'sources/a.docx', false],
      ['sources/**/*.{txt,md,html}', 'other/a.txt', false],
      ['sources/*.txt', 'sources/x/a.txt', false],
      ['**/*.md', 'a.md', true],
      ['**/*.md', 'a/b/c.md', true],
      ['refs/**', 'refs/a/b.txt', true],
      ['./refs/?.txt', 'refs/a.txt', true],
      ['refs/[ab].txt', 'refs/b.txt', true],
      ['refs/[!ab].txt', 'refs/b.txt', false],
      ['a+b/(x).txt', 'a+b/(x).txt', true],
    ];
    for (const [glob, path, expected] of cases) assert.strictEqual(globMatcher(glob)(path), expected, `${glob} ~ ${path}`);
  });
});

describe('JSON with comments (settings.json)', () => {
  it('reads comments and trailing commas, leaving strings alone', () => {
    const text = '{\n  // a comment\n  "url": "https://example.org/*x*/", /* block */\n  "list": ["a", "b",],\n}\n';
    assert.deepStrictEqual(parseJsonc(text), { ok: true, value: { url: 'https://example.org/*x*/', list: ['a', 'b'] } });
    assert.strictEqual(stripJsonc(text).length, text.length, 'positions are kept');
    assert.deepStrictEqual(parseJsonc('{ "a": "x\\"//y", }'), { ok: true, value: { a: 'x"//y' } });
    assert.deepStrictEqual(parseJsonc('  // only a comment\n'), { ok: true, value: undefined });
  });

  it('says where a malformed file breaks, in one line', () => {
    const result = parseJsonc('{\n  "a": 1\n  "b": 2\n}');
    assert.strictEqual(result.ok, false);
    assert.match(!result.ok ? result.message : '', /^line 3, column 3: /);
    assert.ok(!/\n/.test(!result.ok ? result.message : ''));
  });
});
