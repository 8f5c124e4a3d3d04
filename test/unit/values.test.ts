import * as assert from 'node:assert';
import { analyse } from '../../src/core/language/nlp';
import { findDates, findNumbers, quantitiesAgree, type DateValue, type NumberValue } from '../../src/core/language/values';
import { compareDates } from '../../src/core/checking/rules/conflict/date';

function datesOf(text: string): DateValue[] {
  return findDates(text, { start: 0, end: text.length });
}

function numbersOf(text: string): NumberValue[] {
  const { tokens } = analyse(text);
  return findNumbers(text, tokens, 0, tokens.length, datesOf(text));
}

/** Each number as [text, value, unit], the unit left out when there is none. */
function read(text: string): (string | number)[][] {
  return numbersOf(text).map((n) => (n.unit ? [n.text, n.value, n.unit] : [n.text, n.value]));
}

describe('values: numbers written out', () => {
  it('reads number words and what they count', () => {
    assert.deepStrictEqual(read('Fourteen of 27 members signed it.'), [['Fourteen', 14, 'member'], ['27', 27, 'member']]);
    assert.deepStrictEqual(read('Five consecutive nights of protest followed.'), [['Five', 5, 'night']]);
    assert.deepStrictEqual(read('Three of the seven members left.'), [['Three', 3, 'member'], ['seven', 7, 'member']]);
    assert.deepStrictEqual(read('It covers all three of its regions.'), [['three', 3, 'region']]);
  });

  it('reads the rest of a number in words after its magnitude ("two hundred and eighty"), not a range\'s other end', () => {
    assert.deepStrictEqual(read('The plant employs two hundred and eighty people.'), [['two hundred and eighty', 280, 'people']]);
    assert.deepStrictEqual(read('Two thousand two hundred and fifty homes were hit.'), [['Two thousand two hundred and fifty', 2250, 'home']]);
    assert.deepStrictEqual(read('Some two hundred and fifty thousand people fled.'), [['two hundred and fifty thousand', 250000, 'people']]);
    assert.deepStrictEqual(read('A hundred and twenty-five boats sailed.'), [['A hundred and twenty-five', 125, 'boat']]);
  });

  it('adds the ones after a tens word only across a hyphen written onto both ("thirty-two", not "fifty - five")', () => {
    assert.deepStrictEqual(read('Thirty-two boats sailed.').map(([, value]) => value), [32]);
    assert.deepStrictEqual(read('A hundred and fifty - five more boats sailed.').map(([, value]) => value), [150, 5]);
    assert.deepStrictEqual(read('Twelve-three boats sailed.').map(([, value]) => value).includes(15), false);
    assert.deepStrictEqual(numbersOf('Between two hundred and three hundred boats sailed.').map((n) => [n.value, n.high]), [[200, 300]]);
  });

  it('reads basis points as hundredths of a percentage point', () => {
    assert.deepStrictEqual(read('The margin rose 90 basis points.'), [['90', 0.9, 'percentage point']]);
    assert.deepStrictEqual(read('The margin rose 0.9 percentage points.'), [['0.9', 0.9, 'percentage point']]);
    assert.deepStrictEqual(read('It was a 25-basis-point cut.'), [['25-basis-point', 0.25, 'percentage point']]);
  });

  it('reads "a dozen" and "half a million" as one figure each', () => {
    assert.deepStrictEqual(read('A dozen of its members moved.'), [['A dozen', 12, 'member']]);
    assert.deepStrictEqual(read('Only a dozen banks lend.'), [['a dozen', 12, 'bank']]);
    assert.deepStrictEqual(read('Roughly half a million people live there.'), [['half a million', 500000, 'people']]);
    assert.strictEqual(numbersOf('Roughly half a million people live there.')[0].qualifier, 'about');
  });

  it('reads fractions as a share of one, unit "fraction"', () => {
    assert.deepStrictEqual(read('Roughly two-thirds relates to rock removal.'), [['two-thirds', 0.667, 'fraction']]);
    assert.deepStrictEqual(read('The poorest two-fifths of households.'), [['two-fifths', 0.4, 'fraction']]);
    assert.deepStrictEqual(read('Fewer than a third of villages have a bus.'), [['a third', 0.333, 'fraction']]);
    assert.deepStrictEqual(read('Half of our households have no car.'), [['Half', 0.5, 'fraction']]);
    assert.deepStrictEqual(read('One in five adults smoke.'), [['One in five', 0.2, 'fraction']]);
    assert.strictEqual(numbersOf('Fewer than a third of villages have a bus.')[0].qualifier, 'under');
  });

  it('does not read idioms, pronouns and ordinals as figures', () => {
    assert.deepStrictEqual(read('One of them told me so.'), []);
    assert.deepStrictEqual(read('Nobody wants to be the one holding it.'), []);
    assert.deepStrictEqual(read('It is one of the cheapest.'), []);
    assert.deepStrictEqual(read('It costs them every single day.'), []);
    assert.deepStrictEqual(read('No one came to the first meeting.'), []);
    assert.deepStrictEqual(read('He won a third term.'), []);
    assert.deepStrictEqual(read('They came in the second half.'), []);
    assert.deepStrictEqual(read('The first half of the season ended.'), []);
  });
});

describe('values: figures in digits', () => {
  it('reads a hyphenated unit as the unit of its figure', () => {
    assert.deepStrictEqual(read('It is a 300-mile pipeline.'), [['300-mile', 300, 'mile']]);
    assert.deepStrictEqual(read('It was a 2.5-percentage-point rise.'), [['2.5-percentage-point', 2.5, 'percentage point']]);
    assert.deepStrictEqual(read('They deepened the 13-kilometre channel.'), [['13-kilometre', 13, 'kilometer']]);
  });

  it('reads signed table cells, each cell its own figure', () => {
    assert.deepStrictEqual(read('North East 164 92 -43.9% £4.10'), [['164', 164], ['92', 92], ['-43.9', -43.9, 'percent'], ['£4.10', 4.1, 'pound']]);
    assert.deepStrictEqual(read('Prices rose +2.1% and fell \u22120.4%.'), [['+2.1', 2.1, 'percent'], ['\u22120.4', -0.4, 'percent']]);
  });

  it('reads a range as one value from its low end to its high end', () => {
    const [range] = numbersOf('Costs rose by between 3 and 5 percent.');
    assert.deepStrictEqual([range.text, range.value, range.high, range.unit], ['between 3 and 5', 3, 5, 'percent']);
    assert.deepStrictEqual(numbersOf('It is between 0.1 and 0.3 percent of output.').map((n) => [n.value, n.high]), [[0.1, 0.3]]);
    assert.deepStrictEqual(numbersOf('Between 4 and 6 percent of customers miss a payment.').map((n) => [n.value, n.high]), [[4, 6]]);
    assert.deepStrictEqual(numbersOf('Growth of 3-5 percent is likely.').map((n) => [n.value, n.high, n.unit]), [[3, 5, 'percent']]);
  });

  it('keeps a change from one figure to another two values, and a score none', () => {
    assert.deepStrictEqual(numbersOf('The rate rose from 4 to 6 percent.').map((n) => [n.value, n.high]), [[4, undefined], [6, undefined]]);
    assert.deepStrictEqual(read('The score was 3-2.'), []);
  });

  it('keeps the qualifier of an approximation or a bound', () => {
    assert.deepStrictEqual(numbersOf('Sales fell by nearly 12 percent.').map((n) => [n.value, n.qualifier]), [[12, 'under']]);
    assert.deepStrictEqual(numbersOf('Some 6,500 people fled.').map((n) => [n.value, n.qualifier]), [[6500, 'about']]);
    assert.deepStrictEqual(numbersOf('More than 2 million people voted.').map((n) => [n.value, n.qualifier]), [[2e6, 'over']]);
    assert.deepStrictEqual(numbersOf('It costs something in the region of $15 million.').map((n) => [n.value, n.qualifier]), [[15e6, 'about']]);
  });

  it('reads currency signs and abbreviated magnitudes', () => {
    assert.deepStrictEqual(read('The group spent £32.8m.'), [['£32.8m', 32.8e6, 'pound']]);
    assert.deepStrictEqual(read('A financing gap of $2.4bn remains.'), [['$2.4bn', 2.4e9, 'dollar']]);
    assert.deepStrictEqual(read('It costs NZ$4.2bn in all.'), [['NZ$4.2bn', 4.2e9, 'dollar']]);
    assert.deepStrictEqual(read('The budget is \u20a6187.5 billion.'), [['\u20a6187.5 billion', 187.5e9, 'naira']]);
  });

  it('reads a currency in letters: a symbol or ISO code glued to a figure with a magnitude, or a code before it', () => {
    assert.deepStrictEqual(read('The utility needs R4.6bn over the decade.'), [['R4.6bn', 4.6e9, 'rand']]);
    assert.deepStrictEqual(read('The loan is KSh4.2bn in all.'), [['KSh4.2bn', 4.2e9, 'shilling']]);
    assert.deepStrictEqual(read('Sweden will spend SEK 3.2bn on rail.'), [['SEK 3.2bn', 3.2e9, 'krona']]);
    assert.deepStrictEqual(read('The bank lent USD3bn to the port.'), [['USD3bn', 3e9, 'dollar']]);
    // A letter glued to a figure without a magnitude is a name or a code, not money: "G7", "the R4 road".
    assert.deepStrictEqual(read('The G7 met where the R4 road ends.'), []);
  });

  it('does not read a spaced "m" as millions, nor clock times and years as figures', () => {
    assert.deepStrictEqual(read('The wall is 5 m high.'), [['5', 5, 'm']]);
    assert.deepStrictEqual(read('They met at 9.30am and again at 7 p.m.'), []);
    assert.deepStrictEqual(read('Without action, the 2030 target will be missed.'), []);
    assert.deepStrictEqual(read('The 2000 people who came were fed.'), [['2000', 2000, 'people']]);
    assert.deepStrictEqual(datesOf('It has a 2000 square foot salon.'), []);
  });
});

describe('values: dates', () => {
  it('reads the date a part of the day is of ("on the morning of Friday 8 December 2023")', () => {
    const text = 'The ferry failed on the morning of Friday 8 December 2023, and again on the evening of 3 May.';
    assert.deepStrictEqual(datesOf(text).map((d) => [d.text, d.year, d.month, d.day]), [
      ['Friday 8 December 2023', 2023, 12, 8],
      ['3 May', undefined, 5, 3],
    ]);
    assert.deepStrictEqual(numbersOf(text).map((n) => n.text), []);
  });

  it('reads relative dates, told from now or from an event', () => {
    const text = 'Earlier this year it warned; later this year; Last year; last week; next week; the next day; last month.';
    assert.deepStrictEqual(datesOf(text).map((d) => [d.text, d.precision, d.relative?.anchor, d.relative?.unit, d.relative?.offset]), [
      ['Earlier this year', 'relative', 'now', 'year', 0],
      ['later this year', 'relative', 'now', 'year', 0],
      ['Last year', 'relative', 'now', 'year', -1],
      ['last week', 'relative', 'now', 'week', -1],
      ['next week', 'relative', 'now', 'week', 1],
      ['the next day', 'relative', 'event', 'day', 1],
      ['last month', 'relative', 'now', 'month', -1],
    ]);
    assert.deepStrictEqual(datesOf('It fell in the last year.').map((d) => d.text), []);
    assert.deepStrictEqual(datesOf('He told BBC East Midlands Today so.').map((d) => d.text), []);
    assert.deepStrictEqual(datesOf('Today, it said. "Last week was hard."').map((d) => d.text), ['Today', 'Last week']);
  });

  it('reads a weekday before a date as part of it', () => {
    assert.deepStrictEqual(datesOf('It met on Tuesday 11 February 2025.').map((d) => [d.text, d.year, d.month, d.day, d.weekday]), [['Tuesday 11 February 2025', 2025, 2, 11, 2]]);
    assert.deepStrictEqual(datesOf('It met on Tuesday.').map((d) => [d.text, d.precision, d.weekday]), [['Tuesday', 'weekday', 2]]);
  });

  it('reads bare years in prose as dates', () => {
    assert.deepStrictEqual(datesOf('The 2030 target will be missed; the 2024 election.').map((d) => d.year), [2030, 2024]);
    assert.deepStrictEqual(datesOf('He sent 2000 troops.'), []);
  });

  it('reads a range of dates and a fiscal year as one date', () => {
    assert.deepStrictEqual(datesOf('It ran in June\u2013September 2024.').map((d) => [d.text, d.year, d.month, d.to]), [['June\u2013September 2024', 2024, 6, { year: 2024, month: 9 }]]);
    assert.deepStrictEqual(datesOf('Work stopped between June and September 2023.').map((d) => [d.text, d.year, d.month, d.to, d.relation]), [
      ['June and September 2023', 2023, 6, { year: 2023, month: 9 }, 'between'],
    ]);
    assert.deepStrictEqual(datesOf('Before the 2025\u201326 budget.').map((d) => [d.text, d.year, d.to]), [['2025\u201326', 2025, { year: 2026 }]]);
    assert.deepStrictEqual(datesOf('It grew in 2019-2023.').map((d) => [d.text, d.year, d.to]), [['2019-2023', 2019, { year: 2023 }]]);
  });
});

describe('values: comparing', () => {
  const date = (text: string): DateValue => {
    const [d] = datesOf(text);
    assert.ok(d, `no date in ${text}`);
    return d;
  };

  it('never compares a relative date with a calendar date', () => {
    for (const relative of ['last week', 'Last year', 'the next day', 'later this year', 'yesterday']) {
      for (const absolute of ['in 2023', 'on 4 March 2024', 'in June', 'on Tuesday']) {
        assert.strictEqual(compareDates(date(relative), date(absolute)), 'incomparable', `${relative} / ${absolute}`);
        assert.strictEqual(compareDates(date(absolute), date(relative)), 'incomparable', `${absolute} / ${relative}`);
      }
    }
  });

  it('compares relative dates only when told the same way, conservatively', () => {
    assert.strictEqual(compareDates(date('last week'), date('next week')), 'differ');
    assert.strictEqual(compareDates(date('last week'), date('last week')), 'agree');
    assert.strictEqual(compareDates(date('last year'), date('this year')), 'incomparable');
    assert.strictEqual(compareDates(date('last week'), date('next month')), 'incomparable');
    assert.strictEqual(compareDates(date('the next day'), date('yesterday')), 'incomparable');
  });

  it('compares a range with the dates inside and outside it', () => {
    assert.strictEqual(compareDates(date('in June\u2013September 2024'), date('in July 2024')), 'agree');
    assert.strictEqual(compareDates(date('in June\u2013September 2024'), date('in October 2024')), 'differ');
    assert.strictEqual(compareDates(date('before the 2025\u201326 budget'), date('in 2026')), 'agree');
    assert.strictEqual(compareDates(date('before the 2025\u201326 budget'), date('in 2027')), 'differ');
    assert.strictEqual(compareDates(date('between June 2021 and September 2023'), date('between June 2022 and September 2023')), 'differ');
    assert.strictEqual(compareDates(date('between June and September 2023'), date('between June and September 2023')), 'agree');
  });

  it('agrees a figure inside a range, not one outside it', () => {
    const [range] = numbersOf('It rose by between 18 and 22 percent.');
    const [inside] = numbersOf('It rose by 20 percent.');
    const [outside] = numbersOf('It rose by 30 percent.');
    const [other] = numbersOf('It rose by between 19 and 22 percent.');
    assert.ok(quantitiesAgree(inside, range));
    assert.ok(quantitiesAgree(range, inside));
    assert.ok(!quantitiesAgree(outside, range));
    assert.ok(quantitiesAgree(range, range));
    assert.ok(!quantitiesAgree(other, range));
  });
});
