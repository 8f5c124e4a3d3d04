import * as assert from 'node:assert';
import fc from 'fast-check';
import { checkMemo } from '../../src/core/checking/check';
import { extract, factsOf, factValues, sentenceFactsOf } from '../../src/core/sources/extract';
import { parseMemo } from '../../src/core/memo/memo';
import { extractionToJson } from '../../src/core/sources/report';
import { parseSource, sentenceText } from '../../src/core/sources/source';
import { extractFile, SAMPLE_PATH } from './fixtures';

/** Pieces of news-like text, with the characters that break naive parsers: quotes, CR, emoji, RTL, combining marks. */
const piece = fc.oneof(
  fc.constantFrom('the', 'said', 'not', 'in', 'on', 'May', 'troops', 'attacks', 'Iraq', 'Dutch', 'NATO', 'Fuad Hussein', 'Anna Berg', 'told', 'according to'),
  fc.constantFrom('\u201c', '\u201d', '\u2018', '\u2019', '"', "'", '(..)', '\u2026', ',', '.', ';', ':', '-', '\u2014', '#', '*', '`', '[', ']', '(', ')', '---'),
  fc.constantFrom('\n', '\n\n', '\r\n', '\r', '\t', ' ', '  '),
  fc.integer({ min: 0, max: 100000 }).map(String),
  fc.constantFrom('2,500', '1991', 'February 4', 'since 2018', '$3.5m', '40%', 'two and a half thousand'),
  fc.constantFrom('\u{1F600}', '\u0645\u0631\u062d\u0628\u0627', 'e\u0301', '\u00a0', '\uFEFF', '\u200b', '\uFFFD'),
  fc.string({ maxLength: 6 }),
);
const newsText = fc.array(piece, { maxLength: 120 }).map((parts) => parts.join(' '));
const anyText = fc.oneof(newsText, fc.string({ unit: 'binary', maxLength: 300 }));

describe('properties (fast-check)', function () {
  this.timeout(120000);

  it('extraction never throws; every range lies in the text and round-trips; results are deterministic', () => {
    fc.assert(fc.property(anyText, fc.constantFrom('a.txt', 'a.md', 'a.html'), (text, path) => {
      const x = extract(parseSource({ path, content: text }));
      const t = x.source.text;
      for (const s of x.source.sentences) {
        assert.ok(s.start >= 0 && s.start <= s.end && s.end <= t.length);
        assert.strictEqual(sentenceText(x.source, s), t.slice(s.start, s.end));
      }
      for (const q of x.quotes) {
        assert.ok(q.start >= 0 && q.start <= q.end && q.end <= t.length);
        for (const p of q.parts) assert.strictEqual(t.slice(p.start, p.end), p.text);
      }
      for (const m of x.mentions) assert.strictEqual(t.slice(m.start, m.end), m.text);
      for (const f of factsOf(x)) for (const v of factValues(f)) assert.ok(v.start >= f.sentence.start && v.end <= f.sentence.end, 'a value lies in its sentence');
      const again = extract(parseSource({ path, content: text }));
      assert.deepStrictEqual(extractionToJson(again, path), extractionToJson(x, path));
    }), { numRuns: 150 });
  });

  it('checking never throws; findings lie in the memo; results are deterministic', () => {
    const sources = [extractFile(SAMPLE_PATH)];
    fc.assert(fc.property(anyText, (memoText) => {
      const findings = checkMemo(parseMemo(memoText), sources);
      for (const f of findings) {
        assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= memoText.length, `${f.code} out of range`);
        if (f.fix) assert.ok(f.fix.span.start >= 0 && f.fix.span.end <= memoText.length);
      }
      const again = checkMemo(parseMemo(memoText), sources).map((f) => [f.code, f.span.start, f.span.end, f.message]);
      assert.deepStrictEqual(again, findings.map((f) => [f.code, f.span.start, f.span.end, f.message]));
    }), { numRuns: 150 });
  });

  it('a quick fix removes the finding it fixes and touches no other line', () => {
    const sample = extractFile(SAMPLE_PATH);
    // Sentences of the sample with a number or date, restated in a memo with that value changed.
    const sentences = sentenceFactsOf(sample).filter((f) => f.numbers.length || f.dates.length).map((f) => sentenceText(sample.source, f.sentence).replace(/\s+/g, ' '));
    const claim = fc.tuple(fc.constantFrom(...sentences), fc.integer({ min: 1, max: 9 })).map(([s, delta]) =>
      s.replace(/\b(\d{2,4})\b/, (n) => String(Number(n) + delta)).replace(/\b(May|October|February)\b/, (m) => (m === 'May' ? 'June' : 'March')));
    const memo = fc.array(fc.oneof(claim, fc.constantFrom('Plain text with no claim.', '## A heading', '- a list item')), { minLength: 1, maxLength: 8 }).map((lines) => lines.join('\n\n') + '\n');
    let fixesTried = 0;
    fc.assert(fc.property(memo, (memoText) => {
      const findings = checkMemo(parseMemo(memoText), [sample]).filter((f) => f.fix);
      for (const f of findings) {
        fixesTried++;
        const fix = f.fix!;
        const fixed = memoText.slice(0, fix.span.start) + fix.newText + memoText.slice(fix.span.end);
        const before = memoText.split('\n');
        const after = fixed.split('\n');
        assert.strictEqual(after.length, before.length, 'a fix adds or removes no line');
        const line = memoText.slice(0, fix.span.start).split('\n').length - 1;
        before.forEach((l, i) => { if (i !== line) assert.strictEqual(after[i], l, `line ${i} changed`); });
        const remaining = checkMemo(parseMemo(fixed), [sample]).filter((g) => g.code === f.code && g.span.start === fix.span.start);
        assert.deepStrictEqual(remaining.map((g) => g.message), [], `the fix "${fix.newText}" left the finding`);
      }
    }), { numRuns: 60 });
    assert.ok(fixesTried >= 20, `only ${fixesTried} fixes were exercised`);
  });
});
