/**
 * The compact stores behind a loaded source (issue 5, memory): they must give back
 * exactly what the object form held.
 */
import * as assert from 'node:assert';
import { Corpus } from '../../src/core/corpus';
import { analyse, type Token } from '../../src/core/nlp';
import { stemsOf } from '../../src/core/stems';
import { sequenceOf, TokenTable, tokensIn } from '../../src/core/tokenTable';
import { extractFile, extractText, SAMPLE_PATH } from './fixtures';

function assertSameTokens(table: TokenTable, tokens: readonly Token[]): void {
  assert.strictEqual(table.length, tokens.length);
  for (let i = 0; i < tokens.length; i++) assert.deepStrictEqual(table.token(i), tokens[i], `token ${i}`);
  assert.strictEqual(table.token(-1), undefined);
  assert.strictEqual(table.token(tokens.length), undefined);
}

describe('token table', () => {
  it('gives back every token of the sample as analysed', () => {
    const text = extractFile(SAMPLE_PATH).source.text;
    const { tokens } = analyse(text);
    const table = TokenTable.from(tokens);
    assertSameTokens(table, tokens);
    assert.deepStrictEqual(table.toArray(), tokens);
    assert.ok(table.words.length < tokens.length, 'each distinct word is stored once');
  });

  it('survives a copy between threads as plain data', () => {
    const { tokens } = analyse('Prices rose 3.1 percent, not 4 percent, the ministry said on Tuesday.');
    const copy = TokenTable.fromData(structuredClone(TokenTable.from(tokens).toData()));
    assertSameTokens(copy, tokens);
  });

  it('widens its columns for more than 65,536 distinct words and for a token longer than 65,535 characters', () => {
    const many: Token[] = Array.from({ length: 70_000 }, (_, i) => ({ text: `w${i}`, lemma: `w${i}`, pos: 'NOUN', type: 'word', start: i * 8, end: i * 8 + 6, negated: i % 3 === 0, stopWord: i % 5 === 0 }));
    const long: Token = { text: 'x'.repeat(70_000), lemma: 'x', pos: 'X', type: 'word', start: 10, end: 70_010, negated: false, stopWord: false };
    assertSameTokens(TokenTable.from(many), many);
    assertSameTokens(TokenTable.from([long]), [long]);
  });

  it('reads a range the same from an array and from a table', () => {
    const { tokens } = analyse('The council did not approve the plan. It voted again in May.');
    const table = TokenTable.from(tokens);
    assert.deepStrictEqual(tokensIn(table, 2, 6), tokens.slice(2, 6));
    assert.deepStrictEqual(tokensIn(sequenceOf(tokens), -3, 4), tokens.slice(0, 4));
    assert.deepStrictEqual(stemsOf(table, 0, tokens.length, []), stemsOf(sequenceOf(tokens), 0, tokens.length, []));
  });
});

describe('corpus postings', () => {
  it('answers "does this sentence have this stem" as the sentence stems say, context included', () => {
    const x = extractText('Officials in Norland approved the budget on Monday. It raises school spending by 4 percent.\n\nA separate report covered rail freight.');
    const corpus = new Corpus([x]);
    const [first, second, third] = corpus.sentences;
    assert.ok(first.has('approv') || first.has('approve'), 'own stem');
    assert.ok(second.has('#n4'), 'own number key');
    assert.ok(second.has('budget'), 'a stem of the sentence before, in the same paragraph');
    assert.ok(!third.has('budget'), 'not across paragraphs');
    assert.ok(!first.has('freight') && third.has('freight'));
    assert.ok(!first.has('no-such-stem'));
    assert.strictEqual(corpus.align(new Map([['freight', 1]]))[0]?.sentence, third);
  });
});
