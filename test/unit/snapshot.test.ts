/**
 * Diagnostics snapshot (as markdownlint's): every memo of the fixtures checked against its sources, with the
 * hint rules on, and each finding's code, range and message compared with test/fixtures/snapshots/<memo>.snap.
 * A change that moves any finding must update the snapshot on purpose: `npm run test:update-snapshots`.
 */
import * as assert from 'node:assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkMemo } from '../../src/core/checking/check';
import { parseMemo } from '../../src/core/memo/memo';
import { extractFile, ROOT, SAMPLE_PATH } from './fixtures';

const FIXTURES = join(ROOT, 'test', 'fixtures');
const SNAPSHOTS = join(FIXTURES, 'snapshots');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

interface SnapshotCase {
  readonly name: string;
  readonly memo: string;
  readonly sources: readonly string[];
}

/** The labelled claim sets as memos (one claim a paragraph, as the scorers lay them out), and the sample memo. */
function cases(): SnapshotCase[] {
  const articles = readdirSync(join(FIXTURES, 'articles'));
  const list: SnapshotCase[] = readdirSync(join(FIXTURES, 'claims')).filter((f) => f.endsWith('.jsonl')).sort().map((file) => {
    const name = file.replace(/\.jsonl$/, '');
    const claims = readFileSync(join(FIXTURES, 'claims', file), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { claim: string });
    const articleFile = articles.find((a) => a.startsWith(`${name}.`));
    assert.ok(articleFile, `no article for ${file}`);
    return { name, memo: claims.map((c) => c.claim).join('\n\n') + '\n', sources: [join(FIXTURES, 'articles', articleFile)] };
  });
  list.push({ name: 'sample-memo', memo: readFileSync(join(ROOT, 'media', 'sample', 'memo.md'), 'utf8'), sources: [SAMPLE_PATH] });
  return list;
}

function render(c: SnapshotCase): string {
  const memo = parseMemo(c.memo);
  const findings = checkMemo(memo, c.sources.map(extractFile), { unsupportedHints: true });
  return findings.map((f) => {
    const a = memo.lines.positionAt(f.span.start);
    const b = memo.lines.positionAt(f.span.end);
    const fix = f.fix ? ` => ${JSON.stringify(f.fix.newText)}` : '';
    return `${a.line + 1}:${a.character + 1}-${b.line + 1}:${b.character + 1} ${f.code} ${f.message}${fix}`;
  }).join('\n') + '\n';
}

describe('diagnostics snapshot of every fixture memo', () => {
  for (const c of cases()) {
    it(`${c.name} matches test/fixtures/snapshots/${c.name}.snap`, () => {
      const file = join(SNAPSHOTS, `${c.name}.snap`);
      const actual = render(c);
      if (UPDATE || !existsSync(file)) {
        writeFileSync(file, actual);
        if (!UPDATE) assert.fail(`wrote a new snapshot ${file}: check it and commit it`);
        return;
      }
      assert.strictEqual(actual, readFileSync(file, 'utf8'), `findings on ${c.name} changed; if on purpose: npm run test:update-snapshots`);
    });
  }
});
