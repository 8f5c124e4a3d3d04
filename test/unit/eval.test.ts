import * as assert from 'node:assert';
import {
  alikeArticles, changedNumber, claimableSentences, formatNumber, GENERATORS, placeLevel, quotedInSentence, rngOf, sentenceText, shuffled,
  type Kind, type Rng, type SentenceSlots,
} from '../eval/perturb';
import { antonymOf, synonymOf } from '../eval/words';
import { extractText } from './fixtures';

/** The first choice every time: a generator's output on one handmade article is then fixed. */
const first: Rng = () => 0;

/** The article's first sentence that a claim can be made of. */
function sentence(article: string): SentenceSlots {
  const s = claimableSentences(extractText(article))[0];
  assert.ok(s, `no claimable sentence in: ${article}`);
  return s;
}

function generate(kind: Kind, article: string): string | undefined {
  return GENERATORS[kind](sentence(article), first)?.claim;
}

/** The claim `kind` makes of the article's first sentence. */
function gives(kind: Kind, article: string, expected: string): void {
  assert.strictEqual(generate(kind, article), expected);
}

/** `kind` skips the article's first sentence. */
function skips(kind: Kind, article: string): void {
  assert.strictEqual(generate(kind, article), undefined);
}

describe('perturbation harness: generators (test/eval/perturb.ts)', () => {
  describe('deterministic randomness', () => {
    it('gives the same sequence for the same seed parts, another for others', () => {
      const a = rngOf(12, 'doc.txt', 3, 'number');
      const b = rngOf(12, 'doc.txt', 3, 'number');
      const c = rngOf(12, 'doc.txt', 4, 'number');
      const seq = (r: Rng): number[] => [r(), r(), r()];
      assert.deepStrictEqual(seq(a), seq(b));
      assert.notDeepStrictEqual(seq(rngOf(12, 'doc.txt', 3, 'number')), seq(c));
      assert.deepStrictEqual(shuffled(rngOf(1), [1, 2, 3, 4]).sort(), [1, 2, 3, 4]);
    });
  });

  describe('which sentences are claims', () => {
    it('keeps prose sentences with a value, not headlines, questions or sentences a quote runs out of', () => {
      const x = extractText('Port strike halts shipping in Rotterdam\n\nWill the 40 ships wait until Friday?\n\n"We will stay out. Every hour costs 3 million euros," said Ingrid Vos.\n\nDockworkers at the port walked out on Tuesday, the union said.');
      assert.deepStrictEqual(claimableSentences(x).map(sentenceText), ['Dockworkers at the port walked out on Tuesday, the union said.']);
    });

    it('finds quoted passages within a sentence, apostrophes aside', () => {
      const text = "'It is over,' she said of the team's 3-0 loss.";
      assert.deepStrictEqual(quotedInSentence(text, { start: 0, end: text.length }).map((q) => text.slice(q.start, q.end)), ['It is over,']);
    });
  });

  describe('conflicts', () => {
    it('number: a count changed by a clear margin, in its own format; bounds, scores and names left alone', () => {
      gives('number', 'The port authority said 40 ships were waiting at anchor in Rotterdam on Tuesday.', 'The port authority said 80 ships were waiting at anchor in Rotterdam on Tuesday.');
      gives('number', 'The union said about 1,200 workers joined the strike on Tuesday.', 'The union said about 2,400 workers joined the strike on Tuesday.');
      gives('number', 'Food prices fell 0.8 percent in August, the office said.', 'Food prices fell 1.6 percent in August, the office said.');
      skips('number', 'The port authority said more than 40 ships were waiting at anchor on Tuesday.');
      skips('number', 'Chelsea beat Arsenal 3-1 at Stamford Bridge on Sunday.');
      skips('number', 'The bus was stopped on Interstate 40 in Putnam County on Saturday.');
    });

    it('number: never within 30% of the value, never a value the article already gives, never over 100 percent', () => {
      for (let seed = 0; seed < 50; seed++) {
        for (const value of [2, 3, 7, 12, 40, 1200, 0.8]) {
          const changed = changedNumber(value, value === 0.8 ? 1 : 0, rngOf(seed), () => false);
          assert.ok(changed !== undefined && Math.abs(changed - value) / value >= 0.3, `${value} -> ${changed}`);
        }
      }
      assert.strictEqual(changedNumber(40, 0, first, (v) => v === 80), 120);
      assert.strictEqual(changedNumber(60, 0, first, () => false, true), 90);
      assert.strictEqual(formatNumber(2400, 0, true), '2,400');
    });

    it('written-number: a number word changed to another clearly different one; fractions and names left alone', () => {
      gives('written-number', 'Three children were taken to hospital after the crash in Leeds on Monday.', 'Five children were taken to hospital after the crash in Leeds on Monday.');
      skips('written-number', 'Police said two-thirds of the residents left the town on Monday.');
    });

    it('date: a year, month, day or weekday changed; a bound ("before 2020") left alone', () => {
      gives('date', 'Transport Minister Karen Smit said on March 13 that she would meet both sides.', 'Transport Minister Karen Smit said on February 13 that she would meet both sides.');
      gives('date', 'The interview was conducted by Tom Reyes on 14 January 2025.', 'The interview was conducted by Tom Reyes on 14 January 2023.');
      skips('date', 'The law must be passed before 2020, the minister said on the radio.');
    });

    it('name: a person replaced by another person of the same article', () => {
      gives('name', 'Transport Minister Karen Smit said the talks would resume next week. Union leader Martijn Dekker said the offer was an insult.', 'Transport Minister Martijn Dekker said the talks would resume next week.');
      // The only other name is a place: nothing of the same kind to put in.
      skips('name', 'Transport Minister Karen Smit said the talks would resume in Rotterdam next week.');
    });

    it('place: a place replaced by another of the same level, never a city by its country', () => {
      gives('place', 'Dockworkers walked out in Rotterdam on Tuesday, the union said. Ships were diverted to Antwerp on Wednesday.', 'Dockworkers walked out in Antwerp on Tuesday, the union said.');
      skips('place', 'The summit was held in Paris on Monday, officials said. France said it would host the next summit in 2026.');
      assert.strictEqual(placeLevel('France'), 'country');
      assert.strictEqual(placeLevel('Kentucky'), 'state');
      assert.strictEqual(placeLevel('Europe'), 'continent');
      assert.strictEqual(placeLevel('Louisville'), 'local');
    });

    it('negation: added to the main verb or dropped; not under a quantifier or a condition', () => {
      gives('negation', 'President Elena Vasquez will meet both leaders on Monday.', 'President Elena Vasquez will not meet both leaders on Monday.');
      gives('negation', 'Finance Minister Tomas Berg welcomed the figures on Tuesday.', 'Finance Minister Tomas Berg did not welcome the figures on Tuesday.');
      gives('negation', 'The union said the strike at the port of Rotterdam would continue.', 'The union said the strike at the port of Rotterdam would not continue.');
      gives('negation', 'The bank did not cut rates in August, officials said.', 'The bank did cut rates in August, officials said.');
      skips('negation', 'Some workers were not paid in August, the union said.');
      skips('negation', 'If talks fail, the election will be held in March.');
    });

    it('antonym: a word of the stand-in list swapped for its opposite; not under "failed to", not in a fixed phrase', () => {
      gives('antonym', 'Consumer prices rose 3 percent in August, the office said.', 'Consumer prices fell 3 percent in August, the office said.');
      skips('antonym', 'Negotiators failed to agree on a budget on Monday.');
      skips('antonym', 'Students at the high school in Leeds wrote to the council on Monday.');
      assert.strictEqual(antonymOf('increased', 'VERB'), 'decreased');
      assert.strictEqual(antonymOf('lost', 'VERB'), undefined);
    });

    it('comparison: a comparative or a bound reversed', () => {
      gives('comparison', 'More than 40 ships were waiting at anchor on Tuesday.', 'Less than 40 ships were waiting at anchor on Tuesday.');
      gives('comparison', 'Over 40 ships were waiting at anchor on Tuesday, the port said.', 'Under 40 ships were waiting at anchor on Tuesday, the port said.');
      skips('comparison', 'Serge Gnabry played 90 minutes for Arsenal Under 21s on Monday.');
    });

    it('quote-word: one word inside an attributed quote changed', () => {
      gives('quote-word', '"The offer is an insult to our members," said Martijn Dekker on Tuesday. Dekker said the strike would continue.', '"The strike is an insult to our members," said Martijn Dekker on Tuesday.');
      skips('quote-word', 'Martijn Dekker said on Tuesday that the offer was an insult.');
    });

    it('quote-speaker: the quote given to another person of the article', () => {
      gives('quote-speaker', '"The offer is an insult to our members," said Martijn Dekker on Tuesday. Transport Minister Karen Smit said the talks would resume.', '"The offer is an insult to our members," said Karen Smit on Tuesday.');
      skips('quote-speaker', '"The offer is an insult to our members," said Martijn Dekker on Tuesday.');
    });
  });

  describe('rewrites that say the same', () => {
    it('number-format: the same quantity written another way', () => {
      gives('number-format', 'Maersk said it had diverted 12 vessels to Antwerp on Monday.', 'Maersk said it had diverted twelve vessels to Antwerp on Monday.');
      gives('number-format', 'Consumer prices rose 3.1 percent in August.', 'Consumer prices rose 3.1% in August.');
      gives('number-format', 'The union said 1,200 workers joined the strike on Tuesday.', 'The union said 1200 workers joined the strike on Tuesday.');
    });

    it('date-format: the same date written another way', () => {
      gives('date-format', 'The interview was conducted by Tom Reyes on 14 January 2025.', 'The interview was conducted by Tom Reyes on January 14, 2025.');
      gives('date-format', 'Karen Smit said on March 13 that she would meet both sides.', 'Karen Smit said on 13 March that she would meet both sides.');
    });

    it('surname: the full name cut to the surname, unless another person has it', () => {
      gives('surname', 'Transport Minister Karen Smit said the talks would resume in The Hague.', 'Transport Minister Smit said the talks would resume in The Hague.');
      skips('surname', 'Joseph Manyang said his daughter Aueel Manyang was recovering in Melbourne.');
    });

    it('clause-drop: a trailing clause, a leading phrase or a relative clause dropped', () => {
      gives('clause-drop', 'Negotiators failed to agree on a budget on Monday, leaving 3,000 civil servants unpaid.', 'Negotiators failed to agree on a budget on Monday.');
      gives('clause-drop', 'On March 10, the federal government returned the feathers to Soto.', 'The federal government returned the feathers to Soto.');
      gives('clause-drop', 'Food prices, which had driven much of the surge, fell 0.8 percent in August.', 'Food prices fell 0.8 percent in August.');
    });

    it('clause-reorder: two whole coordinated clauses swapped; a coordination of nouns left alone', () => {
      gives('clause-reorder', 'The incident is being investigated, and Johnson remains on the job after 2014.', 'Johnson remains on the job after 2014, and the incident is being investigated.');
      skips('clause-reorder', 'The hope is that most of the 400 sailors and Marines can be identified.');
    });

    it('synonym: a word of the stand-in list swapped for one that means the same', () => {
      gives('synonym', 'The company bought two ships last year, officials said.', 'The company purchased two ships last year, officials said.');
      assert.strictEqual(synonymOf('bought', 'VERB'), 'purchased');
    });

    it('according-to: an attribution turned into "according to", or one added', () => {
      gives('according-to', 'Negotiators failed to agree on a budget on Monday, officials said.', 'Negotiators failed to agree on a budget on Monday, according to officials.');
      gives('according-to', 'The ministry said the port would reopen on Friday.', 'According to the ministry, the port would reopen on Friday.');
      gives('according-to', 'The bank kept its main rate at 4.5 percent in August.', 'The bank kept its main rate at 4.5 percent in August, according to the report.');
    });

    it('verbatim (control): the sentence as written', () => {
      gives('verbatim', 'The bank kept its main rate at 4.5 percent in August.', 'The bank kept its main rate at 4.5 percent in August.');
    });

    it('elsewhere (control): the sentence as written, checked against the article sharing most of its names', () => {
      gives('elsewhere', 'The bank kept its main rate at 4.5 percent in August.', 'The bank kept its main rate at 4.5 percent in August.');
      const articles = [
        'Liverpool beat Arsenal at Anfield, Jurgen Klopp said.',
        'The Bank of Norway kept its rate in Oslo.',
        'Arsenal lost at Anfield to Liverpool on Sunday.',
        'Nothing here names anyone.',
      ].map((text, i) => extractText(text, `a${i}.txt`));
      assert.deepStrictEqual(alikeArticles(articles), [2, undefined, 0, undefined]);
    });
  });
});
