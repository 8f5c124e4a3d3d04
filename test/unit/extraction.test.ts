import * as assert from 'node:assert';
import { FIXTURE_DIR, formatReport, labelledArticles, readFloors, scoreArticles } from '../extraction/fixtures';
import { dropsBelow, ITEM_TYPES, namesMatch, pool, scoreExtraction, type ExtractionLike, type Labels } from '../extraction/score';
import { ROOT } from './fixtures';

/** An extraction that gives exactly the labels. */
function asExtraction(labels: Labels): ExtractionLike {
  const names = (type: string, list: string[]): { type: string; text: string; value: string }[] => list.map((n) => ({ type, text: n, value: n }));
  return {
    quotes: labels.quotes.map((q) => ({ text: q.text, speaker: q.speaker })),
    facts: [{
      values: [
        ...names('person', labels.people), ...names('organization', labels.organizations), ...names('place', labels.places),
        ...labels.numbers.map((n) => ({ type: 'number', text: n, value: 0 })), ...labels.dates.map((d) => ({ type: 'date', text: d, value: '' })),
      ],
    }],
  };
}

const SMALL: Labels = {
  quotes: [
    { text: 'The numbers have moved', speaker: 'Wanjiru Kamau' },
    { text: 'and when the numbers move that much, the Treasury has every right to ask questions.', speaker: 'Wanjiru Kamau' },
    { text: 'far below market value', speaker: null },
  ],
  people: ['Wanjiru Kamau', 'Mette Jensen'],
  organizations: ['World Health Organization', 'Delta Marine Works Limited', "Coastal Shippers' Forum"],
  places: ['Nairobi', 'Lake Victoria'],
  numbers: ['40 percent', 'between 18 and 22 percent', '$2.4bn', '12.6'],
  dates: ['September 2024', '2024', 'March 4'],
};

function changed(change: (x: { quotes: { text: string; speaker: string | null }[]; values: { type: string; text: string; value: number | string }[] }) => void): ExtractionLike {
  const base = asExtraction(SMALL);
  const x = { quotes: [...base.quotes], values: [...base.facts[0].values] };
  change(x);
  return { quotes: x.quotes, facts: [{ values: x.values }] };
}

describe('extraction scorer', () => {
  it('scores a perfect extraction 1 / 1 on every type', () => {
    const score = scoreExtraction(asExtraction(SMALL), SMALL);
    for (const type of ITEM_TYPES) {
      assert.strictEqual(score[type].precision, 1, type);
      assert.strictEqual(score[type].recall, 1, type);
    }
    assert.strictEqual(score.quotes.speakers, 1);
  });

  it('lowers recall, not precision, for a missing item', () => {
    const score = scoreExtraction(changed((x) => {
      x.values = x.values.filter((v) => v.text !== 'Nairobi' && v.text !== '12.6');
      x.quotes = x.quotes.slice(1);
    }), SMALL);
    assert.deepStrictEqual([score.places.precision, score.places.recall, score.places.missed], [1, 0.5, ['Nairobi']]);
    assert.deepStrictEqual([score.numbers.precision, score.numbers.recall], [1, 0.75]);
    assert.deepStrictEqual([score.quotes.precision, score.quotes.found], [1, 2]);
  });

  it('lowers precision, not recall, for an extra item', () => {
    const score = scoreExtraction(changed((x) => {
      x.values.push({ type: 'person', text: 'Financial Officer', value: 'Financial Officer' }, { type: 'date', text: '2030', value: '2030' });
      x.quotes.push({ text: 'Thank you, Chair.', speaker: 'Ms Adeyemi' });
    }), SMALL);
    assert.deepStrictEqual([score.people.precision, score.people.recall, score.people.wrong], [2 / 3, 1, ['Financial Officer']]);
    assert.deepStrictEqual([score.dates.precision, score.dates.recall], [0.75, 1]);
    assert.deepStrictEqual([score.quotes.precision, score.quotes.recall], [0.75, 1]);
  });

  it('matches names by surname, initials and distinctive short forms, the same both ways', () => {
    assert.ok(namesMatch('Jensen', 'Mette Jensen', 'person') && namesMatch('Mette Jensen', 'Jensen', 'person'));
    assert.ok(namesMatch('Ms Adeyemi', 'Funmilayo Adeyemi', 'person'));
    assert.ok(!namesMatch('Mette', 'Mette Jensen', 'person'));
    assert.ok(namesMatch('WHO', 'World Health Organization', 'other') && namesMatch('World Health Organization', 'WHO', 'other'));
    assert.ok(namesMatch('LHA', 'Lagos Harbour Authority', 'other'));
    assert.ok(namesMatch('Delta Marine', 'Delta Marine Works Limited', 'other'));
    assert.ok(namesMatch('The Calder Institute', 'Calder Institute', 'other'));
    assert.ok(!namesMatch('Forum', "Coastal Shippers' Forum", 'other'));
    assert.ok(!namesMatch('Island', 'Tin Can Island', 'other'));
    assert.ok(!namesMatch('Malawi', 'Malawi Rural Energy Commission', 'other'));
  });

  it('matches each name label once: a short form and the full name both extracted are one right, one wrong', () => {
    const score = scoreExtraction(changed((x) => x.values.push({ type: 'organization', text: 'WHO', value: 'WHO' })), SMALL);
    assert.deepStrictEqual([score.organizations.right, score.organizations.extracted, score.organizations.recall], [3, 4, 1]);
  });

  it('matches figures by overlap, qualifiers aside, and a range by both its ends', () => {
    const score = scoreExtraction(changed((x) => {
      x.values = x.values.filter((v) => v.type !== 'number');
      for (const text of ['nearly 40 percent', '18', '22', '2.4bn', '12']) x.values.push({ type: 'number', text, value: 0 });
    }), SMALL);
    assert.deepStrictEqual([score.numbers.right, score.numbers.extracted, score.numbers.found, score.numbers.wrong, score.numbers.missed], [4, 5, 3, ['12'], ['12.6']]);
  });

  it('does not credit one extracted date to two labels', () => {
    const score = scoreExtraction(changed((x) => { x.values = x.values.filter((v) => v.text !== 'September 2024'); }), SMALL);
    assert.deepStrictEqual([score.dates.precision, score.dates.missed], [1, ['September 2024']]);
  });

  it('finds a quote split by its attribution in one extracted quote, and checks its speakers', () => {
    const score = scoreExtraction(changed((x) => {
      x.quotes = [
        { text: '\u201cThe numbers have moved and when the numbers move that much, the Treasury has every right to ask questions.\u201d', speaker: 'Treasury' },
        { text: 'far below market value', speaker: null },
      ];
    }), SMALL);
    assert.deepStrictEqual([score.quotes.found, score.quotes.right, score.quotes.precision, score.quotes.speakersRight], [3, 2, 1, 1]);
    assert.deepStrictEqual(score.quotes.wrongSpeakers.map((w) => w.extracted), ['Treasury', 'Treasury']);
  });

  it('credits a label quote to the extracted quote that fits it best, not to a longer text around it', () => {
    const labels: Labels = { ...SMALL, people: [...SMALL.people, 'Margaret Pryce'], quotes: [{ text: 'stranded', speaker: 'Margaret Pryce' }] };
    const score = scoreExtraction(changed((x) => {
      x.quotes = [{ text: 'The withdrawal had left many residents "stranded".', speaker: 'Cumbria' }, { text: 'stranded', speaker: 'Pryce' }];
    }), labels);
    assert.deepStrictEqual([score.quotes.right, score.quotes.precision, score.quotes.speakers], [1, 0.5, 1]);
  });
});

describe('extraction ground truth (test/fixtures/extraction)', () => {
  it('has labels that each appear verbatim in their article, once per list', () => {
    for (const a of labelledArticles(ROOT)) {
      const text = a.name.endsWith('.html') ? a.content.slice(a.content.indexOf('<article>'), a.content.indexOf('</article>')) : a.content;
      assert.deepStrictEqual(Object.keys(a.labels).sort(), ['dates', 'numbers', 'organizations', 'people', 'places', 'quotes'], a.name);
      for (const q of a.labels.quotes) assert.ok(text.includes(q.text), `${a.name}: quote ${q.text}`);
      for (const type of ['people', 'organizations', 'places', 'numbers', 'dates'] as const) {
        const list = a.labels[type];
        assert.strictEqual(new Set(list).size, list.length, `${a.name}: ${type} repeats an entry`);
        for (const s of list) assert.ok(text.includes(s), `${a.name}: ${type} ${s}`);
      }
    }
  });

  it(`scores extraction per type, pooled figures at or above ${FIXTURE_DIR}/floors.json`, () => {
    const scored = scoreArticles(ROOT);
    assert.strictEqual(scored.length, 4);
    console.log(formatReport(scored).replace(/^/gm, '      '));
    const drops = dropsBelow(pool(scored.map((s) => s.score)), readFloors(ROOT));
    assert.deepStrictEqual(drops, [], `pooled figures dropped below their floors:\n${drops.join('\n')}`);
  });
});
