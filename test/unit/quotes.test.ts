import * as assert from 'node:assert';
import { article, extractFile, extractText, SAMPLE_PATH } from './fixtures';

function speakers(quotes: readonly { text: string; speaker: string | null }[]): Record<string, string | null> {
  return Object.fromEntries(quotes.map((q) => [q.text.slice(0, 30), q.speaker]));
}

describe('quotes and speakers', () => {
  it('finds every quote of the sample with its speaker', () => {
    const x = extractFile(SAMPLE_PATH);
    const found = x.quotes.map((q) => [q.speaker, q.text.split(' ').slice(0, 4).join(' ')]);
    assert.deepStrictEqual(found, [
      ['Mark Rutte', 'The Netherlands and Iraq'],
      ['Jeannine Plasschaert', 'on a knife\u2019s edge'],
      ['Fuad Hussein', 'The majority of Iraqi'],
      [null, 'back in the box'],
      ['Nechirvan Barzani', 'because the threat is'],
      ['Defense', 'as analytically strong, energetic,'],
    ]);
  });

  it('keeps a multi-sentence quote whole and apostrophes inside words', () => {
    const x = extractFile(SAMPLE_PATH);
    const barzani = x.quotes.find((q) => q.speaker === 'Nechirvan Barzani');
    assert.ok(barzani);
    assert.match(barzani.text, /You don\u2019t know how to deal with them\. The battlefield is not visible/);
    assert.ok(barzani.text.endsWith('fighting you from.'));
  });

  it('quote ranges point at the quoted words in the source', () => {
    const x = extractFile(SAMPLE_PATH);
    for (const q of x.quotes) assert.strictEqual(x.source.text.slice(q.start, q.end).startsWith(q.parts[0].text.slice(0, 10)), true);
  });

  it('attributes "X said", "said X", "X told", pronouns and joins interrupted quotes (wire report)', () => {
    const x = extractFile(article('wire-report.txt'));
    assert.deepStrictEqual(speakers(x.quotes), {
      'We have not seen a stoppage of': 'Ingrid Vos',
      'Every hour costs the economy a': 'Ingrid Vos',
      'until the employers come back ': 'Martijn Dekker',
      'The offer is an insult and our': 'Martijn Dekker',
    });
    const joined = x.quotes.find((q) => q.text.startsWith('The offer'));
    assert.strictEqual(joined?.parts.length, 2, 'the quote interrupted by "Dekker said" is one quote in two parts');
  });

  it('leaves scare quotes without a speaker and resolves "As X put it" (op-ed)', () => {
    const x = extractFile(article('op-ed.md'));
    assert.deepStrictEqual(speakers(x.quotes), {
      'planning for the future': null,
      'We built for a peak that never': 'Paul Hargreaves',
      'just in case': null,
      'demand forecasts': null,
      'A bicycle is a way of moving; ': 'Marco te Br\u00f6mmelstroet',
    });
  });

  it('reads an interview transcript: each answer is a turn of the person speaking, not a quote', () => {
    const x = extractFile(article('interview.txt'));
    const answers = x.turns.filter((q) => q.speaker === 'Aminata Diallo');
    assert.ok(answers.length >= 4, `expected Diallo's answers, got ${answers.length}`);
    assert.ok(x.turns.some((q) => q.speaker === 'Tom Reyes' && q.text === 'How many people need food aid this year?'));
    assert.ok(!x.quotes.some((q) => q.text === 'How many people need food aid this year?'), 'a turn is not also a quote');
  });

  it('reads turns under a role label with the holder in brackets, and quotes inside a turn as quotes', () => {
    const text = [
      'Members present: Ms Ada Lindqvist (Chair), Mr Paul Okafor.', '',
      'THE CHAIR (Ms Lindqvist): We begin. Mr Okafor, your statement.', '',
      'MR OKAFOR: The report says "the line is safe" and I disagree.', '',
      'THE CHAIR (Ms Lindqvist): Thank you.', '',
      'MR OKAFOR: I have nothing to add.', '',
    ].join('\n');
    const x = extractText(text);
    assert.deepStrictEqual(x.turns.map((t) => t.speaker), ['Ada Lindqvist', 'Paul Okafor', 'Ada Lindqvist', 'Paul Okafor']);
    assert.deepStrictEqual(x.quotes.map((q) => q.text), ['the line is safe']);
  });

  it('takes no turns from an article whose paragraphs happen to open with "Word:"', () => {
    const x = extractText('Update: the council met on Monday.\n\nNote: the vote was close.\n\nUpdate: a second vote is due.\n');
    assert.deepStrictEqual(x.turns, []);
  });

  it('handles straight quotes, "according to" and "said X"', () => {
    const x = extractText('The plan is "a disaster for farmers," said Maria Lopez, a union leader. According to the Farmers Union, "prices will rise by spring".\n');
    assert.deepStrictEqual(x.quotes.map((q) => q.speaker), ['Maria Lopez', 'Farmers Union']);
  });

  it('gives a quote to the person an apposition describes, not to the organisation it names last', () => {
    const x = extractText('Hana Riedel, transport spokeswoman for the opposition Civic Union Party, said the plan was "a costly mistake".\n');
    assert.deepStrictEqual(x.quotes.map((q) => q.speaker), ['Hana Riedel']);
  });

  it('gives a quote to an organisation a "which" clause describes ("The X Alliance, which groups 24 firms, said")', () => {
    const x = extractText('The Orvel Freight Alliance, which groups 24 firms, said the crossing was "where the corridor loses its time". A spokesperson for Tarn Coaches Limited, which runs 43 buses, said the plan was "optimistic at best".\n');
    assert.deepStrictEqual(x.quotes.map((q) => q.speaker), ['Orvel Freight Alliance', 'Tarn Coaches Limited']);
  });

  it('leaves a quote of an unnamed person placed somewhere unattributed, not given to the place ("a farmer in X told me")', () => {
    const x = extractText('Rita Vane spoke for the valley. A farmer in Orlan Mesa told me last week, "We are asked to pay for water we have not seen."\n');
    assert.strictEqual(x.quotes[0]?.speaker, null);
  });

  it('gives a quote of "X of Y said" to the person, not to the organisation named nearer the verb', () => {
    const x = extractText('Graham Pell of Tallow Aggregates said: "If the process was flawed, that was not our doing."\n');
    assert.strictEqual(x.quotes[0]?.speaker, 'Graham Pell');
  });

  it('reads a capitalised word before a verb of saying as a name, whatever the tagger read ("Hung said")', () => {
    const x = extractText('Tran Van Hung said the river carries less water. "The sea is simply walking in through the front door," Hung said.\n');
    assert.strictEqual(x.quotes[0]?.speaker, 'Tran Van Hung');
    // Not a word the text also writes in lower case: "people" is no one.
    const y = extractText('Many people watched. The couple used \'a famous song\' in the video, People reported.\n');
    assert.ok(!y.mentions.some((m) => m.text === 'People'));
  });

  it('drops an unclosed quote instead of swallowing the paragraph', () => {
    const x = extractText('He said \u201cthis never ends. And more text follows here.\n\nA new paragraph "with a quote" here.\n');
    assert.deepStrictEqual(x.quotes.map((q) => q.text), ['with a quote']);
  });
});

describe('quotes: pronouns with the gender the text gives', () => {
  it('gives "she said" to the woman named before, past a man named nearer', () => {
    const x = extractText('Ms Amara Osei chaired the meeting. Later Mr Tom Reyes spoke. "We will publish the figures," she said.\n');
    assert.deepStrictEqual(x.quotes.map((q) => q.speaker), ['Amara Osei']);
  });

  it('learns a gender from the pronouns of sentences naming one person only', () => {
    const x = extractText('Wanjiru Kamau said she would return. Daniel Otieno said he was tired.\n\n"The numbers have moved," she said.\n');
    assert.deepStrictEqual(x.quotes.map((q) => q.speaker), ['Wanjiru Kamau']);
  });

  it('passes over a name in the possessive for the person named before it ("X said Y\'s plan …", "she said")', () => {
    const x = extractText('Alex Moreau said Sam Lindqvist\'s plan would fail. "It cannot be paid for," she said.\n');
    assert.strictEqual(x.quotes[0]?.speaker, 'Alex Moreau');
    const far = extractText(`Alex Moreau spoke first.${' The session went on.'.repeat(30)} Later Sam Lindqvist\'s plan came up. "It cannot be paid for," she said.\n`);
    assert.strictEqual(far.quotes[0]?.speaker, 'Sam Lindqvist');
  });

  it('gives "she said" to who said it, not to the person named in what she reported ("X said Y had …")', () => {
    const x = extractText('Dana Orrin said Sam Velde had promised a new road. "We heard the same promise in 2022," she said.\n');
    assert.strictEqual(x.quotes[0]?.speaker, 'Dana Orrin');
    const apposed = extractText('Dana Orrin, who farms near the river, said Sam Velde had promised water. "We heard that before," she said.\n');
    assert.strictEqual(apposed.quotes[0]?.speaker, 'Dana Orrin');
    // A man the text calls "he" is not a "she": the one reported on keeps a pronoun of his own gender.
    const his = extractText('Ms Dana Orrin said Mr Sam Velde had promised water. "I did promise it," he said.\n');
    assert.strictEqual(his.quotes[0]?.speaker, 'Sam Velde');
  });

  it('gives a short whole sentence after an attributed quote of the paragraph to the same speaker', () => {
    const x = extractText('Deputy Governor Lena Marsh spoke on Monday. \'Households are still adjusting,\' she said. \'That is not finished.\'\n');
    assert.deepStrictEqual(x.quotes.map((q) => q.speaker), ['Lena Marsh', 'Lena Marsh']);
  });

  it('takes the nearest person when the text gives no gender', () => {
    const x = extractText('Alex Moreau met Sam Lindqvist. "It went well," she said.\n');
    assert.deepStrictEqual(x.quotes.map((q) => q.speaker), ['Sam Lindqvist']);
  });
});
