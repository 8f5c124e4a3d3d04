import * as assert from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { checkMemo, type Finding } from '../../src/core/checking/check';
import type { Extraction } from '../../src/core/sources/extract';
import { factsOf } from '../../src/core/sources/extract';
import { FoldMap, foldText } from '../../src/core/text/fold';
import { parseMemo } from '../../src/core/memo/memo';
import { LineIndex } from '../../src/core/text/offsets';
import { extractFile, extractText, SAMPLE_PATH } from './fixtures';

/** Each finding as [code, the memo's words it is on, its fix]. */
function found(memo: string, sources: Extraction[]): [string, string, string | undefined][] {
  return checkMemo(parseMemo(memo), sources).map((f: Finding) => [f.code, memo.slice(f.span.start, f.span.end), f.fix?.newText]);
}

describe('folding invisible characters', () => {
  it('removes zero-width, soft-hyphen and bidi characters (joining a word), makes no-break and thin spaces spaces, and maps offsets back', () => {
    const text = '\u202aAbout 1\u200b000\u00a0troops in Ira\u00adq\u202c\u2009today';
    const folded = foldText(text);
    assert.strictEqual(folded.text, 'About 1000 troops in Iraq today');
    const map = new FoldMap(folded.removed ?? []);
    const at = (word: string): { start: number; end: number } => ({ start: folded.text.indexOf(word), end: folded.text.indexOf(word) + word.length });
    for (const [word, written] of [['1000', '1\u200b000'], ['Iraq', 'Ira\u00adq'], ['About', 'About'], ['today', 'today']]) {
      const span = map.toOriginalSpan(at(word));
      assert.strictEqual(text.slice(span.start, span.end), written, word);
      assert.strictEqual(map.toFolded(span.start), at(word).start);
    }
    assert.deepStrictEqual(foldText('plain text'), { text: 'plain text' });
    assert.deepStrictEqual(foldText('no\u00a0break'), { text: 'no break' });
  });

  it('reads a number with a zero-width space in a source as the number, and fixes with it as written, less the invisible character', () => {
    const content = 'About 2\u200b500 American troops should stay in Iraq, the minister said.\n';
    const x = extractText(content);
    assert.deepStrictEqual(factsOf(x)[0].numbers.map((n) => [n.text, n.value]), [['2500', 2500]]);
    const [f] = checkMemo(parseMemo('About 3,500 American troops should stay in Iraq.\n'), [x]);
    assert.strictEqual(f?.code, 'conflict/number');
    assert.strictEqual(f.fix?.newText, '2500');
    assert.match(f.message, /source says 2500 American troops/);
    // The evidence is the source as written, at the range the source's positions give.
    assert.strictEqual(f.evidence?.text, content.trim());
    const range = x.source.lines.rangeOf(f.evidence.span);
    const file = new LineIndex(content);
    assert.strictEqual(content.slice(file.offsetAt(range.start), file.offsetAt(range.end)), f.evidence.text);
  });

  it('a fix keeps a source\u2019s no-break space, which reads as a space', () => {
    const x = extractText('The strike at the port began on February\u00a04, the union said.\n');
    assert.deepStrictEqual(found('The strike at the port began on March 4, the union said.\n', [x]), [['conflict/date', 'March 4', 'February\u00a04']]);
  });

  it('finds the conflicts hidden by an invisible character after or inside a memo word, at the words as written', () => {
    const sample = [extractFile(SAMPLE_PATH)];
    assert.deepStrictEqual(found('About 3,500 American troops remain in Iraq.\n', sample), [['conflict/number', '3,500', '2500']]);
    for (const memo of [
      'About 3,500\u200b American troops remain in Iraq.\n',
      'About 3,500 American\u200b troops remain in Iraq.\n',
      'About 3,500 Ameri\u00adcan troops remain in\u00a0Iraq.\n',
      'About 3,\u200d500 American \u2066troops\u2069 remain in Iraq.\n',
    ]) {
      const findings = found(memo, sample);
      assert.deepStrictEqual(findings.map(([code, words, fix]) => [code, foldText(words).text, fix]), [['conflict/number', '3,500', '2500']], JSON.stringify(memo));
    }
    assert.deepStrictEqual(found('About 3,\u200d500 American troops remain in Iraq.\n', sample)[0][1], '3,\u200d500', 'the finding covers the number as written');
  });

  it('memo-check reports ranges into the files as written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'memo-check-fold-'));
    const source = '\uFEFFHeadline\n\nThe\u200b council approved 12\u200b000 new homes in 2021, the mayor said.\n';
    const memo = 'The council\u200b approved 14\u200b000 new homes in\u00a02021.\n';
    writeFileSync(join(dir, 'a.txt'), source);
    writeFileSync(join(dir, 'memo.md'), memo);
    let out = '';
    const code = await main(['--format', 'json', '--source', 'a.txt', 'memo.md'], { out: (t) => { out += t; }, err: () => undefined, cwd: dir });
    assert.strictEqual(code, 1);
    const [d] = JSON.parse(out).files[0].diagnostics;
    const memoLines = new LineIndex(memo);
    assert.strictEqual(memo.slice(memoLines.offsetAt(d.range.start), memoLines.offsetAt(d.range.end)), '14\u200b000');
    assert.strictEqual(d.fix.newText, '12000');
    const sourceLines = new LineIndex(source);
    assert.strictEqual(source.slice(sourceLines.offsetAt(d.evidence.range.start), sourceLines.offsetAt(d.evidence.range.end)), d.evidence.text);
    assert.strictEqual(d.evidence.text, 'The\u200b council approved 12\u200b000 new homes in 2021, the mayor said.');
  });
});
