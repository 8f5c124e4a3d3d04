import * as assert from 'node:assert';
import type { DateValue, NumberValue } from '../../src/core/language/values';
import { factsOf, factValues, sentenceFactsOf } from '../../src/core/sources/extract';
import { article, extractFile, extractText, SAMPLE_PATH } from './fixtures';
import { sentenceText } from '../../src/core/sources/source';

function numbers(text: string): NumberValue[] {
  return sentenceFactsOf(extractText(text)).flatMap((f) => f.numbers);
}

function dates(text: string): DateValue[] {
  return sentenceFactsOf(extractText(text)).flatMap((f) => f.dates);
}

describe('facts: numbers', () => {
  it('reads numerals, separators, words and magnitudes with what they count', () => {
    assert.deepStrictEqual(numbers('There are 2,500 American troops.').map((n) => [n.value, n.unit]), [[2500, 'troop']]);
    assert.deepStrictEqual(numbers('Officials counted two and a half thousand soldiers.').map((n) => [n.value, n.unit]), [[2500, 'soldier']]);
    assert.deepStrictEqual(numbers('The fund holds 1.5 million dollars.').map((n) => n.value), [1.5e6]);
    assert.deepStrictEqual(numbers('Rainfall fell by 30 percent.').map((n) => [n.value, n.unit]), [[30, 'percent']]);
  });

  it('keeps the bound or approximation before a number', () => {
    assert.strictEqual(numbers('Militias carried out over 170 attacks.')[0].qualifier, 'over');
    assert.strictEqual(numbers('Militias carried out more than 170 attacks.')[0].qualifier, 'over');
    assert.strictEqual(numbers('About 3,500 troops remain.')[0].qualifier, 'about');
  });

  it('does not take years or day numbers of dates for quantities', () => {
    assert.deepStrictEqual(numbers('The attacks ceased on February 4 in 2024.'), []);
  });

  it('finds every number and date of the sample', () => {
    const x = extractFile(SAMPLE_PATH);
    const values = factsOf(x).flatMap(factValues).filter((v) => v.type === 'number' || v.type === 'date').map((v) => v.text);
    for (const expected of ['2500', '170', 'October', '2014', '2021', 'February 4', '2018', '1991', 'May']) {
      assert.ok(values.includes(expected), `${expected} missing from ${values.join(', ')}`);
    }
  });

  it('does not take page furniture for facts', () => {
    const x = extractFile(SAMPLE_PATH);
    assert.ok(!factsOf(x).some((f) => sentenceText(x.source, f.sentence).includes('Total')));
  });
});

describe('facts: dates', () => {
  it('keeps the precision: year, month, day', () => {
    assert.deepStrictEqual(dates('It has been there since 2018.').map((d) => [d.precision, d.year, d.relation]), [['year', 2018, 'since']]);
    assert.deepStrictEqual(dates('The mission starts from May.').map((d) => [d.precision, d.month]), [['month', 5]]);
    assert.deepStrictEqual(dates('On February 4 the attacks stopped.').map((d) => [d.precision, d.month, d.day]), [['day', 2, 4]]);
    assert.deepStrictEqual(dates('It opened on 14 January 2025.').map((d) => [d.precision, d.year, d.month, d.day]), [['day', 2025, 1, 14]]);
  });

  it('does not take "may" the verb, or a count of 2500 things, for a date', () => {
    assert.deepStrictEqual(dates('The talks may resume soon.'), []);
    assert.deepStrictEqual(dates('There are 2500 troops.'), []);
  });
});

describe('facts: people, organisations and places', () => {
  it('types the names of the wire report', () => {
    const x = extractFile(article('wire-report.txt'));
    const byName = new Map(x.mentions.map((m) => [m.canonical, m.type]));
    assert.strictEqual(byName.get('Ingrid Vos'), 'person');
    assert.strictEqual(byName.get('Karen Smit'), 'person', 'a title ("Transport Minister") is not part of the name');
    assert.strictEqual(byName.get('FNV Havens'), 'organization');
    assert.strictEqual(byName.get('Maersk'), 'organization');
    assert.strictEqual(byName.get('Port of Rotterdam Authority'), 'organization');
    assert.strictEqual(byName.get('Antwerp'), 'place');
  });

  it('resolves a surname to the full name met before, and demonyms to countries', () => {
    const x = extractFile(SAMPLE_PATH);
    const hussein = x.mentions.filter((m) => m.text === 'Hussein');
    assert.ok(hussein.length > 0 && hussein.every((m) => m.canonical === 'Fuad Hussein'));
    const dutch = x.mentions.find((m) => m.text === 'Dutch');
    assert.strictEqual(dutch?.canonical, 'Netherlands');
    assert.strictEqual(dutch?.demonym, true);
    assert.ok(x.mentions.some((m) => m.canonical === 'Saddam Hussein'), 'another Hussein stays another person');
  });

  it('keeps a unit after a measure out of names, and a demonym inside an organisation\u2019s name', () => {
    const x = extractText('Streets were 2.3 degrees Celsius cooler, the European Commission said.\n');
    const names = x.mentions.map((m) => `${m.type}:${m.canonical}`);
    assert.ok(!names.some((n) => n.endsWith('Celsius')), names.join(', '));
    assert.ok(names.includes('organization:European Commission'), names.join(', '));
  });

  it('reads both ends of a date range as one range', () => {
    assert.deepStrictEqual(dates('Sensors ran between June 2022 and September 2023.').map((d) => [d.text, d.relation, d.year, d.month, d.to]), [
      ['June 2022 and September 2023', 'between', 2022, 6, { year: 2023, month: 9 }],
    ]);
    assert.deepStrictEqual(dates('Sensors ran from June 2022 to September 2023.').map((d) => [d.text, d.relation, d.to]), [['June 2022 to September 2023', 'from', { year: 2023, month: 9 }]]);
  });

  it('does not take capitalised sentence openers or titles alone for names', () => {
    const x = extractFile(SAMPLE_PATH);
    const names = new Set(x.mentions.map((m) => m.canonical));
    for (const noise of ['Supporters', 'Prime Minister', 'Total', 'October', 'Pro-Iranian']) assert.ok(!names.has(noise), `${noise} taken for a name`);
  });

  it('lists a name the text gives no kind for as a name, not as an organisation', () => {
    const x = extractText('The plan was backed by the Harbour Council. Reporters saw Delacroix near the gate on Monday.\n');
    const listed = factsOf(x).flatMap((f) => factValues(f)).filter((v) => v.type !== 'number' && v.type !== 'date').map((v) => `${v.type}:${v.value}`);
    assert.ok(listed.includes('organization:Harbour Council'), listed.join(', '));
    assert.ok(listed.includes('name:Delacroix'), listed.join(', '));
    assert.ok(!listed.includes('organization:Delacroix'), listed.join(', '));
  });

  it('does not take a plural common noun opening a sentence for a name, unless the text capitalises it inside a sentence', () => {
    const plain = extractText('Officials said the plan would cost more. Traders said markets had priced it in.\n');
    assert.deepStrictEqual(plain.mentions.map((m) => m.canonical), []);
    const named = extractText('The firm hired Ana Wells last year. Wells said the plan would cost more.\n');
    assert.ok(named.mentions.some((m) => m.text === 'Wells' && m.type === 'person'), JSON.stringify(named.mentions));
  });

  it('reads a city after "in" as the place, not as the speaker of a verb after it', () => {
    const x = extractText('Pacifica Analytics, a consultancy based in Sydney, noted that rates had risen.\n');
    assert.strictEqual(x.mentions.find((m) => m.text === 'Sydney')?.type, 'place', JSON.stringify(x.mentions));
  });

  it('does not take the letters of a currency ("NZ$", "GH\u20b5") for an organisation', () => {
    const x = extractText('The fund grew to NZ$4.2bn and the subsidy cost GH\u20b59.8bn in 2024.\n');
    assert.deepStrictEqual(x.mentions.map((m) => m.canonical), []);
  });

  it('keeps an amount in letters ("R4.6bn", "SEK 3.2bn") in one sentence, and its currency out of the names', () => {
    const x = extractText('The utility needs R4.6bn over five years. Sweden will spend SEK 3.2bn on rail.\n');
    assert.strictEqual(x.source.sentences.length, 2);
    assert.deepStrictEqual(x.mentions.map((m) => m.canonical), ['Sweden']);
  });

  it('lists the people a heading-like line names by honorific or credits "by", not its other title-case words', () => {
    const x = extractText('Members present: Ms Ana Ruiz (Chair); Mr Tomas Brandt\n\nReporting by Lena Holt in Oslo and Omar Haddad in Rome; Editing by Kit Marr\n\nGrand Plans Ahead\n');
    const people = factsOf(x).flatMap((f) => factValues(f)).flatMap((v) => (v.type === 'person' && 'value' in v ? [v.value] : []));
    assert.deepStrictEqual([...new Set(people)].sort(), ['Ana Ruiz', 'Kit Marr', 'Lena Holt', 'Omar Haddad', 'Tomas Brandt']);
  });

  it('folds a short form the text defines in brackets into the full name, whatever its letters', () => {
    const x = extractText('The Northern Rivers Relief Fund (NRELF) opened two depots. NRELF said more were planned.\n');
    const short = x.mentions.filter((m) => m.canonical === 'NRELF');
    assert.strictEqual(short.length, 2);
    assert.ok(short.every((m) => m.entity === 'Northern Rivers Relief Fund'), JSON.stringify(short));
  });
});
