/**
 * Input families of issue 9 that took time quadratic in their size or threw, at moderate sizes: what they give must
 * be what the same text gives in small (the speed itself is measured by npm run stress, not here).
 */
import * as assert from 'node:assert';
import { checkMemo } from '../../src/core/checking/check';
import { factsOf, sentenceFactsOf } from '../../src/core/sources/extract';
import { FactTable } from '../../src/core/sources/factTable';
import { parseMemo } from '../../src/core/memo/memo';
import { analyse } from '../../src/core/language/nlp';
import { stemsOf } from '../../src/core/language/stems';
import { sequenceOf } from '../../src/core/language/tokenTable';
import { findDates, findNumbers, type NumberValue } from '../../src/core/language/values';
import { extractFile, extractText, SAMPLE_PATH } from './fixtures';

describe('pathological text: linear scans give what they gave', function () {
  this.timeout(60000);

  it('the fact table takes a sentence of 200,000 numbers (no push(...spread))', () => {
    const numbers: NumberValue[] = Array.from({ length: 200_000 }, (_, i) => ({ type: 'number', text: String(i), value: i, start: i, end: i + 1 }));
    const table = FactTable.build([{ numbers, dates: [], mentionIds: Array.from({ length: 200_000 }, (_, i) => i) }], [0]);
    assert.strictEqual(table.toData().numbers.length, 200_000);
    assert.strictEqual(table.toData().mentionIds.length, 200_000);
  });

  it('extracts a source of one sentence of 150,000 numbers, and of "$1,000 5% 3 troops and …"', () => {
    const digits = Array.from({ length: 150_000 }, (_, i) => String(i)).join(' ') + '\n';
    assert.strictEqual(sentenceFactsOf(extractText(digits)).reduce((n, f) => n + f.numbers.length, 0) > 0, true);
    const unit = '$1,000 5% 3 troops and ';
    const small = sentenceFactsOf(extractText(unit.repeat(3) + '\n')).flatMap((f) => f.numbers.map((n) => [n.text, n.unit]));
    const large = sentenceFactsOf(extractText(unit.repeat(3000) + '\n')).flatMap((f) => f.numbers.map((n) => [n.text, n.unit]));
    assert.deepStrictEqual(small.slice(0, 3), [['$1,000', 'dollar'], ['5', 'percent'], ['3', 'troop']]);
    assert.strictEqual(large.length, 3 * 3000);
    assert.deepStrictEqual(large.slice(0, 9), small);
  });

  it('"on May 5, 1990 and …" x 2,000: each a date with its relation, and no number', () => {
    const text = 'on May 5, 1990 and '.repeat(2000);
    const { tokens, sentences } = analyse(text);
    const span = { start: 0, end: text.length };
    const dates = findDates(text, span);
    assert.strictEqual(dates.length, 2000);
    assert.ok(dates.every((d) => d.text === 'May 5, 1990' && d.relation === 'on' && d.year === 1990 && d.month === 5 && d.day === 5));
    assert.deepStrictEqual(findNumbers(text, tokens, 0, tokens.length, dates), []);
    // Unsorted spans to skip are swept in order all the same.
    assert.deepStrictEqual(findNumbers(text, tokens, 0, tokens.length, [...dates].reverse()), []);
    assert.ok(sentences.length >= 1);
  });

  it('a number is skipped exactly when a span holds it, nested or overlapping spans too', () => {
    const text = 'In 2020 there were 12 schools, 14 clinics and 16 farms.';
    const { tokens } = analyse(text);
    const at = (word: string): { start: number; end: number } => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });
    const values = (exclude: { start: number; end: number }[]): number[] => findNumbers(text, tokens, 0, tokens.length, exclude).map((n) => n.value);
    assert.deepStrictEqual(values([]), [2020, 12, 14, 16]);
    assert.deepStrictEqual(values([at('12 schools, 14'), at('2020')]), [16]);
    assert.deepStrictEqual(values([{ start: 0, end: 40 }, at('12')]), [16]);
    assert.deepStrictEqual(values([at('1'), at('6 farms')]), [2020, 12, 14, 16]);
  });

  it('alignment stems leave out the dates and numbers of a sentence of thousands', () => {
    const stemsFor = (text: string): string[] => {
      const { tokens } = analyse(text);
      const dates = findDates(text, { start: 0, end: text.length });
      const numbers = findNumbers(text, tokens, 0, tokens.length, dates);
      return [...stemsOf(sequenceOf(tokens), 0, tokens.length, [], [...numbers, ...dates]).keys()].sort();
    };
    const unit = 'troops arrived on May 5, 1990 and 2500 soldiers left and ';
    const once = stemsFor(unit);
    assert.ok(once.includes('troop') && !once.some((s) => /\d/.test(s)), once.join(' '));
    assert.deepStrictEqual(stemsFor(unit.repeat(1000)), once);
  });

  it('"N American troops and …" repeated in a memo: each number compared, each message says what it counts', () => {
    const claim = Array.from({ length: 300 }, (_, i) => `${3000 + i} American troops remain in Iraq`).join(' and ') + '.\n';
    const findings = checkMemo(parseMemo(claim), [extractFile(SAMPLE_PATH)]).filter((f) => f.code === 'conflict/number');
    assert.ok(findings.length >= 250, `${findings.length} findings`);
    assert.match(findings[0].message, /^Memo says 3000 American troops; source says 2500 American troops/);
    assert.match(findings[findings.length - 1].message, /^Memo says 3\d\d\d American troops; source says 2500 American troops/);
  });

  it('a whole article on one line gives the facts it gives in paragraphs', () => {
    const x = extractFile(SAMPLE_PATH);
    const text = x.source.text.split(/\n\s*\n/).slice(1).map((p) => p.replace(/\s+/g, ' ').trim()).join(' ') + '\n';
    const oneLine = extractText(text.repeat(20));
    const values = (f: ReturnType<typeof factsOf>): string[] => f.flatMap((fact) => fact.numbers.map((n) => n.text));
    const once = extractText(text);
    assert.strictEqual(oneLine.source.paragraphs.length, 1);
    assert.deepStrictEqual(values(factsOf(oneLine)).slice(0, values(factsOf(once)).length), values(factsOf(once)));
    assert.ok(values(factsOf(once)).includes('2500'));
  });
});
