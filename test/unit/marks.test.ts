import * as assert from 'node:assert';
import { factsOf } from '../../src/core/sources/extract';
import { sourceMarks } from '../../src/core/sources/marks';
import { extractFile, extractText, SAMPLE_PATH } from './fixtures';

describe('marks of a source read as an article', () => {
  it('marks each quote with its speaker and each figure the view lists with what it counts', () => {
    const x = extractFile(SAMPLE_PATH);
    const marks = sourceMarks(x).map((m) => `${m.kind} ${x.source.text.slice(m.start, m.end)} | ${m.hover.split('\n')[0]}`);
    assert.ok(marks.includes('quote on a knife\u2019s edge | Quote: Jeannine Plasschaert'), marks.join('\n'));
    assert.ok(marks.includes('quote back in the box | Quote with no speaker: scare quotes or unattributed'), marks.join('\n'));
    assert.ok(marks.includes('figure 2500 | Figure: 2500 \u2014 counts: troop'), marks.join('\n'));
    assert.ok(marks.includes('figure 170 | Figure: over 170 \u2014 counts: attack'), marks.join('\n'));
    // Every quote the view lists, and every number of its facts, is marked: no more, no fewer.
    assert.strictEqual(sourceMarks(x).filter((m) => m.kind === 'quote').length, [...x.quotes, ...x.turns].reduce((n, q) => n + Math.max(1, q.parts.length), 0));
    assert.strictEqual(sourceMarks(x).filter((m) => m.kind === 'figure').length, factsOf(x).reduce((n, f) => n + f.numbers.length, 0));
  });

  it('a figure\u2019s hover gives its sentence; the marks are in text order, and made once per extraction', () => {
    const x = extractText('Officials said 40 schools closed on Monday.\n\n\u201cWe will reopen them,\u201d said Mayor Ana Ruiz.\n');
    const marks = sourceMarks(x);
    assert.deepStrictEqual(marks.map((m) => m.kind), ['figure', 'quote']);
    assert.strictEqual(marks[0].hover, 'Figure: 40 \u2014 counts: school\n\nOfficials said 40 schools closed on Monday.');
    assert.match(marks[1].hover, /^Quote: (Mayor )?Ana Ruiz$/);
    assert.strictEqual(sourceMarks(x), marks, 'opening the source again reuses its marks');
  });
});
