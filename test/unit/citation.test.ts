import * as assert from 'node:assert';
import { checkMemo } from '../../src/core/checking/check';
import { citationChanges, citationEdit, startsSentence, formatCitation, parseCitations, resolveCitation, toCslJson, type TextChange } from '../../src/core/citing/citation';
import { findEntries } from '../../src/core/citing/completion';
import { parseMemo } from '../../src/core/memo/memo';
import { article, extractFile, extractText, SAMPLE_PATH } from './fixtures';

const oped = () => extractFile(article('op-ed.md'));
const sample = () => extractFile(SAMPLE_PATH);

describe('citation styles', () => {
  it('formats inline (outlet, else author, else key), footnote and pandoc citations', () => {
    assert.strictEqual(formatCitation(oped().source, 4, 'inline'), '(The Civic Review, \u00b64)');
    assert.strictEqual(formatCitation(sample().source, 4, 'inline'), '(rutte-sudani-the-hague, \u00b64)');
    assert.strictEqual(formatCitation(oped().source, 4, 'footnote'), '[^okafor-car-parks-4]');
    assert.strictEqual(formatCitation(oped().source, 4, 'pandoc'), '[@okafor-car-parks, para. 4]');
  });

  it('appends a footnote definition once, after the text or after the last definition', () => {
    const source = oped().source;
    let memo = 'Draft text.\n';
    const first = citationEdit(memo, source, 4, 'footnote');
    assert.strictEqual(first.appendAtEnd, '\n[^okafor-car-parks-4]: The Civic Review, \u201cWhy cities should stop building car parks\u201d, 2025-06-03, \u00b64.\n');
    memo = `Draft text ${first.mark}\n${first.appendAtEnd}`;
    assert.strictEqual(citationEdit(memo, source, 4, 'footnote').appendAtEnd, undefined, 'the same footnote is never defined twice');
    const second = citationEdit(memo, source, 5, 'footnote');
    assert.match(second.appendAtEnd ?? '', /^\[\^okafor-car-parks-5\]: /, 'a new footnote goes right after the last definition');
    assert.strictEqual(citationEdit(memo, source, 5, 'inline').appendAtEnd, undefined);
  });

  it('inserts at the start, middle and end of a memo, with and without definitions, and keeps one definition block at the end', () => {
    const apply = (text: string, changes: TextChange[]): string => {
      for (let k = 1; k < changes.length; k++) assert.ok(changes[k - 1].end <= changes[k].start, 'changes in order, not overlapping');
      return [...changes].reverse().reduce((t, c) => t.slice(0, c.start) + c.text + t.slice(c.end), text);
    };
    const quote = '\u201cQ\u201d [^s-2]';
    const def = '[^s-2]: S, \u00b62.';
    const at = (memo: string, marker: string): number => memo.indexOf(marker);
    const cases: [string, string, string][] = [
      // memo with | at the cursor, expected result
      ['|Text.', 'Text.', `${quote}Text.\n\n${def}\n`],
      ['Some | text.\n', 'Some  text.\n', `Some ${quote} text.\n\n${def}\n`],
      ['Text. |', 'Text. ', `Text. ${quote}\n\n${def}\n`],
      ['Text. |\n\n', 'Text. \n\n', `Text. ${quote}\n\n${def}\n`],
      ['Text [^a]. |\n\n[^a]: A.\n', 'Text [^a]. \n\n[^a]: A.\n', `Text [^a]. ${quote}\n\n[^a]: A.\n${def}\n`],
      ['Text [^a].\n\n[^a]: A.|', 'Text [^a].\n\n[^a]: A.', `Text [^a].\n\n${quote}\n\n[^a]: A.\n${def}\n`],
      ['Text [^a].\n\n[^a]: A.\n|', 'Text [^a].\n\n[^a]: A.\n', `Text [^a].\n\n${quote}\n\n[^a]: A.\n${def}\n`],
      // The writer went on below the definitions: the new one still joins them, never a second block.
      ['Text [^a].\n\n[^a]: A.\n\nMore |', 'Text [^a].\n\n[^a]: A.\n\nMore ', `Text [^a].\n\n[^a]: A.\n${def}\n\nMore ${quote}`],
      ['Text [^a].\n\n[^a]: A.\nMore |\n', 'Text [^a].\n\n[^a]: A.\nMore \n', `Text [^a].\n\n[^a]: A.\n${def}\n\nMore ${quote}\n`],
      ['Text [^a].\n\n[^a]: A.\n    more of A.\n\nMore |', 'Text [^a].\n\n[^a]: A.\n    more of A.\n\nMore ', `Text [^a].\n\n[^a]: A.\n    more of A.\n${def}\n\nMore ${quote}`],
      ['|Text [^a].\n\n[^a]: A.\n\nMore.', 'Text [^a].\n\n[^a]: A.\n\nMore.', `${quote}Text [^a].\n\n[^a]: A.\n${def}\n\nMore.`],
      // A definition inside code is not one: a new block at the end.
      ['```\n[^a]: A.\n```\nMore |', '```\n[^a]: A.\n```\nMore ', `\`\`\`\n[^a]: A.\n\`\`\`\nMore ${quote}\n\n${def}\n`],
    ];
    for (const [marked, memo, expected] of cases) {
      const cursor = at(marked, '|');
      assert.strictEqual(apply(memo, citationChanges(memo, cursor, cursor, quote, def)), expected, JSON.stringify(marked));
    }
    assert.strictEqual(apply('Some  text.', citationChanges('Some  text.', 5, 5, quote)), `Some ${quote} text.`, 'no definition: the text alone');
  });

  it('knows where a sentence starts: a line, a list item, a block quote, after . ! ? or a colon', () => {
    for (const before of ['', '  ', '- ', '1. ', '> ', 'Done. ', 'Draft: ', 'He left.\u201d ']) assert.ok(startsSentence(before), JSON.stringify(before));
    for (const before of ['The situation is ', '- Baghdad warned that ', 'e.g', 'Q3']) assert.ok(!startsSentence(before), JSON.stringify(before));
  });

  it('reads back citations typed by hand in all three styles and resolves their source', () => {
    const text = 'A (The Civic Review, \u00b6 4) B [^okafor-car-parks-5] C [@okafor-car-parks, para. 6] D [@unknown-key, para. 1].';
    const parsed = parseCitations(text);
    assert.deepStrictEqual(parsed.map((c) => [c.style, c.name, c.paragraph]), [
      ['inline', 'The Civic Review', 4], ['footnote', 'okafor-car-parks', 5], ['pandoc', 'okafor-car-parks', 6], ['pandoc', 'unknown-key', 1],
    ]);
    const sources = [sample(), oped()];
    assert.deepStrictEqual(parsed.map((c) => resolveCitation(c, sources)?.source.key), ['okafor-car-parks', 'okafor-car-parks', 'okafor-car-parks', undefined]);
    assert.strictEqual(text.slice(parsed[1].start, parsed[1].end), '[^okafor-car-parks-5]');
  });

  it('keeps paragraph numbers stable for the same source text', () => {
    const text = 'Title line\n\nFirst paragraph here.\n\n\u201cA quote,\u201d said Ann Lee.\n';
    const a = extractText(text, 'a.txt');
    const b = extractText(text.replace(/\n/g, '\r\n'), 'a.txt');
    assert.deepStrictEqual(a.source.paragraphs.map((p) => p.number), b.source.paragraphs.map((p) => p.number));
  });

  it('writes CSL JSON that Pandoc reads: id, title, author, container, issued, URL', () => {
    const [item] = toCslJson([oped()]);
    assert.deepStrictEqual(item, {
      id: 'okafor-car-parks', type: 'article-newspaper', title: 'Why cities should stop building car parks',
      author: [{ literal: 'Lena Okafor' }], 'container-title': 'The Civic Review', issued: { 'date-parts': [[2025, 6, 3]] },
    });
  });
});

describe('citation completion', () => {
  it('offers the quotes and facts of the sources, filtered by words of the speaker or the text', () => {
    const sources = [sample()];
    const all = findEntries(sources, '', 10_000);
    assert.ok(all.some((e) => e.kind === 'quote' && e.speaker === 'Fuad Hussein'));
    assert.ok(all.some((e) => e.kind === 'value' && e.text === '2500'));
    const hussein = findEntries(sources, 'hussein', 50);
    const mentions = (e: (typeof all)[number], word: string): boolean => `${e.speaker ?? ''} ${e.text} ${e.sentence ?? ''}`.toLowerCase().includes(word);
    assert.ok(hussein.length > 0 && hussein.every((e) => mentions(e, 'hussein')));
    assert.strictEqual(findEntries(sources, 'knife edge', 50).filter((e) => e.kind === 'quote')[0]?.speaker, 'Jeannine Plasschaert');
    assert.deepStrictEqual(findEntries(sources, 'zzzz', 50), []);
    assert.strictEqual(findEntries(sources, '', 5).length, 5);
    // The words may come from the speaker and the text at once, in any case; the source key matches every entry of it.
    assert.strictEqual(findEntries(sources, 'HUSSEIN majority', 50)[0]?.speaker, 'Fuad Hussein');
    assert.strictEqual(findEntries(sources, 'rutte-sudani', 10_000).length, all.length);
    // Each value follows its sentence, and the order is that of the full list.
    const values = findEntries(sources, '2500', 50);
    assert.deepStrictEqual(values.map((e) => e.kind), ['fact', 'value']);
    assert.deepStrictEqual(findEntries(sources, 'troops', 10_000), all.filter((e) => mentions(e, 'troops') && e.kind !== 'quote' || (e.kind === 'quote' && e.text.toLowerCase().includes('troops'))));
  });
});

describe('citation checks', () => {
  function findings(memo: string) {
    return checkMemo(parseMemo(memo), [sample()]).filter((f) => f.code.startsWith('citation/'));
  }

  it('flags a citation whose quote now sits in another paragraph, and re-points it', () => {
    const memo = 'Plasschaert called it \u201con a knife\u2019s edge\u201d [@rutte-sudani-the-hague, para. 3].\n';
    const [f] = findings(memo);
    assert.strictEqual(f?.code, 'citation/stale');
    assert.strictEqual(f.fix?.newText, '[@rutte-sudani-the-hague, para. 5]');
    assert.deepStrictEqual(findings(memo.replace('para. 3', 'para. 5')), []);
  });

  it('flags a paragraph the source does not have, and an unknown source', () => {
    assert.deepStrictEqual(findings('Some claim [@rutte-sudani-the-hague, para. 99].\n').map((f) => f.code), ['citation/stale']);
    assert.deepStrictEqual(findings('Some claim [@no-such-source, para. 2].\n').map((f) => f.code), ['citation/unknown']);
  });

  it('does not take citation marks or footnote definitions for claims', () => {
    const memo = 'There are 2500 American troops in Iraq [^rutte-sudani-the-hague-4].\n\n[^rutte-sudani-the-hague-4]: rutte-sudani-the-hague, 3,500 troops, \u00b64.\n';
    assert.deepStrictEqual(checkMemo(parseMemo(memo), [sample()]).map((f) => f.code), []);
  });
});
