/**
 * The compact stores behind a loaded source (issue 5, memory): they must give back
 * exactly what the object form held.
 */
import * as assert from 'node:assert';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkMemo } from '../../src/core/checking/check';
import { Corpus } from '../../src/core/checking/corpus';
import { factsOf, sentenceFactsOf } from '../../src/core/sources/extract';
import { fromMessage, toMessage, transferablesOf } from '../../src/worker/message';
import { locateQuote, locateQuoteInCorpus } from '../../src/core/checking/quoteMatch';
import { parseMemo } from '../../src/core/memo/memo';
import { extractionToJson } from '../../src/core/sources/report';
import { article as generatedArticle } from '../bench/generate';
import { analyse, type Token } from '../../src/core/language/nlp';
import { stemsOf } from '../../src/core/language/stems';
import { sequenceOf, TokenTable, tokensIn } from '../../src/core/language/tokenTable';
import { article, extractFile, extractText, ROOT, SAMPLE_PATH } from './fixtures';

const SAMPLE_MEMO = readFileSync(join(ROOT, 'media', 'sample', 'memo.md'), 'utf8');

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

  it('keeps the end of a token whose text the tagger wrote otherwise than the source', () => {
    const tokens: Token[] = [
      { text: 'ca', lemma: 'can', pos: 'AUX', type: 'word', start: 0, end: 2, negated: false, stopWord: true },
      { text: "n't", lemma: 'not', pos: 'PART', type: 'word', start: 2, end: 5, negated: true, stopWord: true },
      { text: '...', lemma: '...', pos: 'PUNCT', type: 'punctuation', start: 5, end: 6, negated: false, stopWord: false },
    ];
    assertSameTokens(TokenTable.from(tokens), tokens);
    assertSameTokens(TokenTable.fromData(structuredClone(TokenTable.from(tokens).toData())), tokens);
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
    assert.strictEqual(corpus.size, 3);
    const [first, second, third] = [0, 1, 2].map((id) => corpus.sentence(id));
    assert.ok(first.has('approv') || first.has('approve'), 'own stem');
    assert.ok(second.has('#n4'), 'own number key');
    assert.ok(second.has('budget'), 'a stem of the sentence before, in the same paragraph');
    assert.ok(!third.has('budget'), 'not across paragraphs');
    assert.ok(!first.has('freight') && third.has('freight'));
    assert.ok(!first.has('no-such-stem'));
    assert.strictEqual(corpus.align(new Map([['freight', 1]]))[0]?.sentence.id, third.id);
    assert.strictEqual(corpus.sentenceAt(x, x.source.text.indexOf('freight'))?.id, third.id);
  });
});

describe('an extraction between threads', () => {
  const files = [SAMPLE_PATH, ...['wire-report.txt', 'interview.txt', 'scraped.html', 'op-ed.md'].map(article)];

  for (const file of files) {
    it(`comes back the same after the copy: ${file.split('/').pop()}`, () => {
      const x = extractFile(file);
      const copy = fromMessage(structuredClone(toMessage(x)));
      assert.deepStrictEqual(JSON.parse(JSON.stringify(extractionToJson(copy, file))), JSON.parse(JSON.stringify(extractionToJson(x, file))));
      assert.deepStrictEqual(copy.source.tokens.toArray(), x.source.tokens.toArray());
      assert.deepStrictEqual(copy.source.sentences, x.source.sentences);
      assert.deepStrictEqual(copy.mentions, x.mentions);
      assert.strictEqual(copy.source.lines.rangeOf(copy.quotes[0] ?? copy.source.sentences[0]).start.line, x.source.lines.rangeOf(x.quotes[0] ?? x.source.sentences[0]).start.line);
      // Shared objects are shared again: a fact's sentence is the source's, its mentions are the extraction's.
      for (const f of sentenceFactsOf(copy)) {
        assert.ok(copy.source.sentences.includes(f.sentence));
        for (const m of f.mentions) assert.ok(copy.mentions.includes(m));
      }
      // As data: a property left undefined in place is absent after JSON.
      const asData = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
      assert.deepStrictEqual(asData(sentenceFactsOf(copy)), asData(sentenceFactsOf(x)));
      assert.deepStrictEqual(asData(factsOf(copy)), asData(factsOf(x)));
      assert.deepStrictEqual(checkMemo(parseMemo(SAMPLE_MEMO), [copy]).map((d) => `${d.code} ${d.message}`), checkMemo(parseMemo(SAMPLE_MEMO), [x]).map((d) => `${d.code} ${d.message}`));
    });
  }

  it('moves the token columns instead of copying them', () => {
    const x = extractText('Officials approved the budget on Monday, the ministry said.');
    const tokens = x.source.tokens.toArray();
    const message = toMessage(x);
    const moved = structuredClone(message, { transfer: transferablesOf(message) });
    assert.strictEqual(message.columns.starts.length, 0, 'the sender no longer holds the columns');
    assert.deepStrictEqual(fromMessage(moved).source.tokens.toArray(), tokens);
  });

  it('keeps a number too large for JSON', () => {
    const x = extractText('The fund reported 1' + '0'.repeat(400) + ' euros of losses, the auditor said.');
    const n = sentenceFactsOf(x).flatMap((f) => f.numbers)[0];
    assert.ok(n && !Number.isFinite(n.value));
    const copy = fromMessage(toMessage(x));
    assert.strictEqual(sentenceFactsOf(copy).flatMap((f) => f.numbers)[0]?.value, n.value);
  });
});

describe('memory of loaded sources', () => {
  /** Most bytes of live heap and typed arrays a loaded source may take per word; it took ~450 before the compact stores. */
  const MAX_BYTES_PER_WORD = 150;
  const SOURCES = 4;
  const WORDS = 20_000;

  it(`keeps a 20,000-word source in under ${MAX_BYTES_PER_WORD} bytes a word`, function () {
    this.timeout(120_000);
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const live = (): number => {
      gc();
      gc();
      const { heapUsed, arrayBuffers } = process.memoryUsage();
      return heapUsed + arrayBuffers;
    };
    // Warm up the model, the intern table and the code first: only the sources should count.
    fromMessage(toMessage(extractText(generatedArticle(1, 2_000))));
    const before = live();
    const loaded = Array.from({ length: SOURCES }, (_, i) => fromMessage(toMessage(extractText(generatedArticle(100 + i, WORDS), `/s/${i}.txt`))));
    const corpus = new Corpus(loaded);
    const perWord = (live() - before) / (SOURCES * WORDS);
    assert.ok(corpus.size > 0);
    assert.ok(perWord < MAX_BYTES_PER_WORD, `${perWord.toFixed(0)} bytes a word`);
  });
});

describe('locating a quote among many sources', () => {
  const sources = [SAMPLE_PATH, ...['wire-report.txt', 'interview.txt', 'op-ed.md', 'politics-report.txt', 'science-report.txt'].map(article)].map(extractFile);
  const corpus = new Corpus(sources);

  it('finds what a search of every source finds, for each quote of the sources, verbatim and misquoted', () => {
    let compared = 0;
    for (const x of sources) {
      for (const q of x.quotes) {
        const words = q.text.split(/\s+/);
        if (words.length < 3) continue;
        // The quote as said, and with one word changed (a misquote).
        const misquoted = [...words.slice(0, -2), 'entirely', ...words.slice(-1)].join(' ');
        for (const text of [q.text, misquoted]) {
          const everywhere = locateQuote(text, sources);
          const aligned = locateQuoteInCorpus(text, corpus);
          assert.deepStrictEqual(
            aligned && { source: aligned.extraction.source.key, start: aligned.start, similarity: aligned.similarity, diff: aligned.diff },
            everywhere && { source: everywhere.extraction.source.key, start: everywhere.start, similarity: everywhere.similarity, diff: everywhere.diff },
            text,
          );
          compared++;
        }
      }
    }
    assert.ok(compared > 20, `${compared} quotes compared`);
  });

  it('finds a quote that runs on into the next paragraph', () => {
    const x = extractText('The mayor spoke first. "We will build the bridge.\n\nAnd we will pay for it ourselves," she said.\n');
    const corpus = new Corpus([x]);
    assert.strictEqual(locateQuoteInCorpus('We will build the bridge. And we will pay for it ourselves', corpus)?.similarity, 1);
  });

  it('finds nothing for a quote only of words no sentence is indexed by', () => {
    assert.strictEqual(locateQuoteInCorpus('and so it is', corpus), undefined);
  });
});
