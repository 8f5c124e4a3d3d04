/** The guard before the NLP library (issue 9): runs without a space that are no prose are read as spaces. */
import * as assert from 'node:assert';
import { factsOf } from '../../src/core/sources/extract';
import { MAX_RUN_CHARS, noProseRuns, withoutNoProse } from '../../src/core/language/guard';
import { analyse } from '../../src/core/language/nlp';
import { extractText } from './fixtures';

const BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('guard before the tokenizer', () => {
  it('finds long runs, base64 blobs and data URLs, and nothing in prose', () => {
    const long = '-'.repeat(MAX_RUN_CHARS + 1);
    const text = `Prose with state-of-the-art words and https://example.org/a/b?c=d. ${long} key ${BASE64} img data:image/png;base64,${BASE64.slice(0, 20)} end`;
    const runs = noProseRuns(text);
    assert.deepStrictEqual(runs.map((r) => [r.kind, text.slice(r.start, r.end).slice(0, 12)]), [['long', '------------'], ['base64', 'iVBORw0KGgoA'], ['data-url', 'data:image/p']]);
    assert.deepStrictEqual(noProseRuns(`${'-'.repeat(MAX_RUN_CHARS)} Antidisestablishmentarianism_and_more_words_joined_together`), [], 'a run at the limit, a long word without digits');
  });

  it('blanks them to spaces: same length, the rest untouched', () => {
    const text = `The council approved 12 schools. ${'='.repeat(5000)} It cost $3 million. ${BASE64}`;
    const guarded = withoutNoProse(text);
    assert.strictEqual(guarded.length, text.length);
    assert.strictEqual(guarded.trim(), 'The council approved 12 schools.' + ' '.repeat(5002) + 'It cost $3 million.');
  });

  it('keeps token offsets into the text as given', () => {
    const text = `Anna Berg said ${'#'.repeat(20_000)} that 12 schools opened.`;
    const { tokens } = analyse(text);
    for (const t of tokens) assert.strictEqual(text.slice(t.start, t.end), t.text);
    assert.deepStrictEqual(tokens.map((t) => t.text), ['Anna', 'Berg', 'said', 'that', '12', 'schools', 'opened', '.']);
  });

  it('a source with a base64 paragraph and a line of 100,000 dashes keeps its paragraph numbers and facts', () => {
    const text = `First paragraph with 12 schools.\n\n${BASE64}\n${BASE64}\n\n${'-'.repeat(100_000)}\n\nLast paragraph with 14 clinics in 2020.\n`;
    const x = extractText(text);
    assert.strictEqual(x.source.paragraphs.length, 4);
    assert.strictEqual(x.source.text.length, text.length);
    assert.deepStrictEqual(factsOf(x).map((f) => [f.sentence.paragraph, f.numbers.map((n) => n.text)]), [[1, ['12']], [4, ['14']]]);
  });
});
