import * as assert from 'node:assert';
import { wordnetAntonyms } from '../../src/core/language/words';
import { checkMemo } from '../../src/core/checking/check';
import { parseMemo } from '../../src/core/memo/memo';
import { extractText } from './fixtures';

describe('language: WordNet antonyms', () => {
  it('gives the antonyms WordNet ties to a word', () => {
    assert.ok(wordnetAntonyms('large', 'ADJ').has('small'));
    assert.ok(wordnetAntonyms('approve', 'VERB').has('disapprove'));
  });

  it('opposes every word of a synset to every word of its antonym synset ("big" is "large")', () => {
    assert.ok(wordnetAntonyms('big', 'ADJ').has('small'));
    assert.ok(wordnetAntonyms('small', 'ADJ').has('big'));
    assert.ok(!wordnetAntonyms('big', 'ADJ').has('big'));
  });

  it('makes a word swapped for such an antonym a conflict/polarity', () => {
    const source = [extractText('The club paid a very big fee to lure the striker from Porto last summer.\n', 'fee.txt')];
    const codes = (memo: string): string[] => checkMemo(parseMemo(memo), source).filter((f) => f.code.startsWith('conflict/')).map((f) => f.code);
    assert.deepStrictEqual(codes('The club paid a very small fee to lure the striker from Porto last summer.\n'), ['conflict/polarity']);
    assert.deepStrictEqual(codes('The club paid a very large fee to lure the striker from Porto last summer.\n'), []);
  });
});
