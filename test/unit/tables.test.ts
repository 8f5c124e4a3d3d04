/** Tables read as tables (issue 11): a row is a sentence of its own, and each cell carries its row and column headers. */
import * as assert from 'node:assert';
import { factsOf, factValues } from '../../src/core/sources/extract';
import { cellLabel, cellReadings, parseSource, sentenceText, tableRowOf, type SourceDoc } from '../../src/core/sources/source';
import { extractionToJson } from '../../src/core/sources/report';
import { markdownTables } from '../../src/core/text/tables';
import { checkMemo } from '../../src/core/checking/check';
import { Corpus } from '../../src/core/checking/corpus';
import { analyseBlock } from '../../src/core/memo/claims';
import { parseMemo } from '../../src/core/memo/memo';
import type { Extraction } from '../../src/core/sources/extract';
import { factPassages } from '../../src/vscode/passages';
import { extractText } from './fixtures';

function conflicts(memo: string, sources: Extraction[]): { code: string; message: string; fix?: string }[] {
  return checkMemo(parseMemo(memo), sources).filter((f) => f.code.startsWith('conflict/')).map((f) => ({ code: f.code, message: f.message, ...(f.fix ? { fix: f.fix.newText } : {}) }));
}

const AID_HTML = '<article><p>Aid to the region rose in both years.</p><table><thead><tr><th>Country</th><th>2023</th><th>2024</th></tr></thead><tbody>'
  + '<tr><td>Peru</td><td>$275 million</td><td>$310 million</td></tr><tr><td>Chile</td><td>$120 million</td><td>$95 million</td></tr></tbody></table>'
  + '<p>Both figures are in current dollars.</p></article>';

function md(content: string): SourceDoc {
  return parseSource({ path: 'table.md', content });
}

function html(content: string): SourceDoc {
  return parseSource({ path: 'table.html', content });
}

/** Each body row as "Row, Column: cell" readings. */
function readings(doc: SourceDoc): string[][] {
  return doc.tables.flatMap((t) => t.rows.map((r) => cellReadings(doc, t, r).map(cellLabel)));
}

function sentences(doc: SourceDoc): string[] {
  return doc.sentences.map((s) => sentenceText(doc, s));
}

const AID = [
  'Aid to the region rose in both years.',
  '',
  '| Country | 2023 | 2024 |',
  '|---|---:|:-:|',
  '| Peru | $275 million | $310 million |',
  '| Chile | $120 million | $95 million |',
  '',
  'Both figures are in current dollars.',
  '',
].join('\n');

describe('tables', () => {
  it('Markdown: a header row and a header column; each row one sentence, pipes and the delimiter row blanked, offsets the file\u2019s', () => {
    const doc = md(AID);
    assert.strictEqual(doc.text.length, AID.length);
    assert.ok(!doc.text.includes('|') && !doc.text.includes('---'));
    assert.deepStrictEqual(sentences(doc), [
      'Aid to the region rose in both years.',
      'Country   2023   2024',
      'Peru   $275 million   $310 million',
      'Chile   $120 million   $95 million',
      'Both figures are in current dollars.',
    ]);
    assert.deepStrictEqual(readings(doc), [
      ['Peru, 2023: $275 million', 'Peru, 2024: $310 million'],
      ['Chile, 2023: $120 million', 'Chile, 2024: $95 million'],
    ]);
    const [table] = doc.tables;
    assert.deepStrictEqual(table.columns, ['Country', '2023', '2024']);
    for (const row of table.rows) for (const cell of row.cells) assert.strictEqual(AID.slice(cell.start, cell.end), doc.text.slice(cell.start, cell.end));
    // The table is one paragraph, as it was: the paragraph after it keeps its number.
    assert.deepStrictEqual(doc.paragraphs.map((p) => p.number), [1, 2, 3]);
    assert.strictEqual(doc.sentences[4].paragraph, 3);
    assert.ok(doc.sentences.slice(1, 4).every((s) => s.paragraph === 2));
  });

  it('Markdown: a header row only (a first column of measures names no rows)', () => {
    const doc = md('| Imports | Exports |\n| --- | --- |\n| 12% | 4% |\n| 15% | 3% |\n');
    assert.deepStrictEqual(readings(doc), [['Imports: 12%', 'Exports: 4%'], ['Imports: 15%', 'Exports: 3%']]);
    assert.strictEqual(doc.tables[0].rows[0].header, undefined);
  });

  it('Markdown: ragged rows keep the cells they have; rows without outer pipes', () => {
    const doc = md('Region | Cut | Note\n--- | --- | ---\nNorth | 12%\nSouth | 4% | final | extra\n');
    assert.deepStrictEqual(readings(doc), [['North, Cut: 12%'], ['South, Cut: 4%', 'South, Note: final', 'South: extra']]);
  });

  it('Markdown: a table inside a list item and a block quote', () => {
    for (const prefix of ['- ', '> ']) {
      const indent = prefix === '- ' ? '  ' : '> ';
      const doc = md(`${prefix}Funding by year:\n${indent}| Year | Grant |\n${indent}|---|---|\n${indent}| 2022 | $5 million |\n`);
      assert.deepStrictEqual(readings(doc), [['2022, Grant: $5 million']], prefix);
      assert.deepStrictEqual(sentences(doc), ['Funding by year:', 'Year   Grant', '2022   $5 million'], prefix);
    }
  });

  it('Markdown: an escaped pipe and a pipe in a code span stay in their cell', () => {
    const doc = md('| Flag | Meaning |\n|---|---|\n| `a|b` | either a or b |\n| x \\| y | x or y |\n');
    assert.deepStrictEqual(readings(doc), [['`a|b`, Meaning: either a or b'], ['x | y, Meaning: x or y']]);
    assert.strictEqual(doc.tables[0].rows.length, 2);
  });

  it('Markdown: CRLF line ends', () => {
    const doc = md(AID.replace(/\n/g, '\r\n'));
    assert.deepStrictEqual(readings(doc)[1], ['Chile, 2023: $120 million', 'Chile, 2024: $95 million']);
    assert.strictEqual(doc.sentences.length, 5);
  });

  it('Markdown: a byte-order mark and folded characters in a cell keep the file\u2019s positions', () => {
    const doc = md('\uFEFF| Country | 2023 |\n|---|---|\n| Pe\u200bru | $2\u00a0million |\n| Chile | $3 million |\n');
    assert.deepStrictEqual(readings(doc), [['Peru, 2023: $2 million'], ['Chile, 2023: $3 million']]);
    assert.deepStrictEqual(doc.lines.rangeOf(doc.sentences[doc.tables[0].rows[0].sentence]), { start: { line: 2, character: 2 }, end: { line: 2, character: 20 } });
  });

  it('Markdown: no table without a delimiter row, nor one whose delimiter row has another number of cells', () => {
    assert.deepStrictEqual(md('a | b\nc | d\n').tables, []);
    assert.deepStrictEqual(md('| a | b |\n|---|\n| 1 | 2 |\n').tables, []);
    assert.deepStrictEqual(md('Text with a | pipe.\n\n---\n').tables, []);
  });

  it('Markdown: a table of 5,000 rows is read in linear time, each row a sentence', function () {
    this.timeout(60000);
    const rows = (n: number): string => `| Item | Value |\n|---|---|\n${Array.from({ length: n }, (_, i) => `| Item ${i} | ${i}% |`).join('\n')}\n`;
    const time = (n: number): number => {
      const started = process.hrtime.bigint();
      const doc = md(rows(n));
      assert.strictEqual(doc.tables[0].rows.length, n);
      assert.strictEqual(doc.sentences.length, n + 1);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const small = Math.max(time(500), 1);
    const large = time(5000);
    // Ten times the rows, well under a hundred times the time.
    assert.ok(large < small * 40, `${small} ms for 500 rows, ${large} ms for 5,000`);
    // The scanner alone: a line of many pipes, many lines of pipes.
    const started = Date.now();
    markdownTables(`${'| a '.repeat(20000)}|\n${'|---'.repeat(20000)}|\n${'| 1 '.repeat(20000)}|\n`);
    markdownTables('a | b\n'.repeat(100000));
    assert.ok(Date.now() - started < 5000);
  });

  it('HTML: a table of 5,000 rows is read in linear time, each row a sentence', function () {
    this.timeout(60000);
    const page = (n: number): string => `<table><tr><th>Item</th><th>Value</th></tr>${Array.from({ length: n }, (_, i) => `<tr><td>Item ${i}</td><td>${i}%</td></tr>`).join('')}</table>`;
    const time = (n: number): number => {
      const started = process.hrtime.bigint();
      const doc = html(page(n));
      assert.strictEqual(doc.tables[0].rows.length, n);
      assert.strictEqual(doc.sentences.length, n);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const small = Math.max(time(500), 1);
    const large = time(5000);
    assert.ok(large < small * 40, `${small} ms for 500 rows, ${large} ms for 5,000`);
  });

  it('HTML: <thead> headers, first column names rows; each row a line with its headers', () => {
    const doc = html('<article><p>Aid by year.</p><table><caption>Aid</caption><thead><tr><th>Country</th><th>2023</th><th>2024</th></tr></thead>'
      + '<tbody><tr><td>Peru</td><td>$275 million</td><td>$310 million</td></tr><tr><td>Chile</td><td>$120 million</td><td></td></tr></tbody></table><p>After.</p></article>');
    assert.deepStrictEqual(sentences(doc), ['Aid by year.', 'Aid', 'Peru \u2014 2023: $275 million; 2024: $310 million.', 'Chile \u2014 2023: $120 million.', 'After.']);
    assert.deepStrictEqual(readings(doc), [['Peru, 2023: $275 million', 'Peru, 2024: $310 million'], ['Chile, 2023: $120 million']]);
    assert.deepStrictEqual(doc.paragraphs.map((p) => p.number), [1, 2, 3]);
  });

  it('HTML: <th scope=row> names a row wherever it is; a table without <th> takes its first row as headers', () => {
    const scoped = html('<table><tr><th>Cut</th><th>Department</th></tr><tr><td>12%</td><th scope="row">Health</th></tr></table>');
    assert.deepStrictEqual(readings(scoped), [['Health, Cut: 12%']]);
    const plain = html('<table><tr><td>Department</td><td>Cut</td></tr><tr><td>Health</td><td>12%</td></tr></table>');
    assert.deepStrictEqual(readings(plain), [['Health, Cut: 12%']]);
  });

  it('HTML: colspan and rowspan place cells under their columns; a table in a table is laid out as before', () => {
    const doc = html('<table><tr><th>Region</th><th colspan="2">Routes</th></tr><tr><th></th><th>2015</th><th>2024</th></tr>'
      + '<tr><td rowspan="2">North</td><td>164</td><td>92</td></tr><tr><td>231</td><td>158</td></tr></table>');
    assert.deepStrictEqual(readings(doc), [['North, Routes, 2015: 164', 'North, Routes, 2024: 92'], ['North, Routes, 2015: 231', 'North, Routes, 2024: 158']]);
    const nested = html('<table><tr><td><table><tr><th>A</th><th>B</th></tr><tr><td>x</td><td>1%</td></tr></table></td><td>side</td></tr></table>');
    // The outer table is laid out as a grid, as before; the inner one's line is not a line of the text, so no row is claimed.
    assert.match(nested.text, /x \u2014 B: 1%\.\s+side/);
    assert.deepStrictEqual(nested.tables, []);
  });

  it('extraction: a row\u2019s values are its cells\u2019, each with the unit its own cell gives; the header row is no fact', () => {
    const x = extractText('| Country | Population (millions) | Coverage |\n|---|---|---|\n| Malawi | 12.6 | 11% |\n', 'brief.md');
    const facts = factsOf(x);
    assert.strictEqual(facts.length, 1);
    assert.deepStrictEqual(factValues(facts[0]).map((v) => [v.text, 'unit' in v ? v.unit : undefined]), [['Malawi', undefined], ['12.6', undefined], ['11', 'percent']]);
    const row = tableRowOf(x.source, facts[0].sentence.index);
    assert.ok(row);
    assert.deepStrictEqual(cellReadings(x.source, row.table, row.row).map(cellLabel), ['Malawi, Population (millions): 12.6', 'Malawi, Coverage: 11%']);
    const json = extractionToJson(x, 'brief.md');
    assert.deepStrictEqual(json.facts[0].cells, [
      { row: 'Malawi', column: 'Population (millions)', text: '12.6', range: { start: { line: 2, character: 11 }, end: { line: 2, character: 15 } } },
      { row: 'Malawi', column: 'Coverage', text: '11%', range: { start: { line: 2, character: 18 }, end: { line: 2, character: 21 } } },
    ]);
    assert.deepStrictEqual(json.tables?.map((t) => ({ columns: t.columns, rows: t.rows.length })), [{ columns: ['Country', 'Population (millions)', 'Coverage'], rows: 1 }]);
    // Fields that were there before stay.
    assert.deepStrictEqual(Object.keys(json.facts[0]).slice(0, 3), ['text', 'range', 'values']);
  });

  it('extraction: a name is looked for in each cell on its own, so a row header and a country beside it are two names', () => {
    const x = extractText('| Port | Country | Berths |\n|---|---|---|\n| **Gdynia** | Poland | 8 |\n| **Aarhus** | Denmark | 6 |\n', 'ports.md');
    const names = x.mentions.map((m) => `${m.type}:${m.canonical}`);
    assert.ok(names.includes('place:Poland') && names.includes('place:Denmark'), JSON.stringify(names));
    assert.ok(!names.some((n) => /Gdynia Poland|Aarhus Denmark/.test(n)), JSON.stringify(names));
  });

  for (const [kind, source] of [['Markdown', () => extractText(AID, 'aid.md')], ['HTML', () => extractText(AID_HTML, 'aid.html')]] as const) {
    it(`checking (${kind}): a claim naming a row and a column is compared with that cell only`, () => {
      const x = [source()];
      assert.deepStrictEqual(conflicts('Peru received $275 million in 2023.\n', x), []);
      assert.deepStrictEqual(conflicts('Chile received $95 million in 2024.\n', x), []);
      assert.deepStrictEqual(conflicts('Peru received $310 million in 2023.\n', x), [
        { code: 'conflict/number', message: 'Memo says $310 million; source says $275 million for Peru, 2023 (aid \u00b62)', fix: '$275 million' },
      ]);
      // Peru's $310 million is another row's: Chile's 2024 cell is what the claim is about.
      assert.deepStrictEqual(conflicts('Chile received $310 million in 2024.\n', x).map((f) => f.fix), ['$95 million']);
      // No column named: no cell is singled out, and none is called a conflict.
      assert.deepStrictEqual(conflicts('Peru received $95 million in aid.\n', x), []);
      // A row the table does not have: its rows are not compared with it.
      assert.deepStrictEqual(conflicts('Bolivia received $310 million in 2023.\n', x), []);
    });

    it(`alignment (${kind}): a row carries its headers' words, and not the row before it`, () => {
      const x = source();
      const corpus = new Corpus([x]);
      const claim = analyseBlock({ prose: 'Chile received $120 million in 2023.' }, { known: corpus.knownNames, commonWords: corpus.commonWords }).claims[0];
      const [top] = corpus.align(claim.stems);
      assert.match(sentenceText(x.source, top.sentence.fact.sentence), /^Chile/);
      assert.ok(top.sentence.has('#y2023'));
      // Peru's row is not context of Chile's.
      assert.ok(!top.sentence.has('place:peru'));
    });
  }

  it('checking: a bare cell counts what its column header says, at the header\u2019s scale', () => {
    const x = [extractText('| Country | People without power (millions) | Routes |\n|---|---|---|\n| Malawi | 12.6 | 92 |\n| Zambia | 7.9 | 40 |\n', 'power.md')];
    assert.deepStrictEqual(conflicts('Malawi has 12.6 million people without power.\n', x), []);
    assert.deepStrictEqual(conflicts('Zambia has 40 routes.\n', x), []);
    assert.deepStrictEqual(conflicts('Zambia has 92 routes.\n', x).map((f) => f.fix), ['40']);
    // "13 million" against a cell in millions: no conflict is made up from the bare 12.6.
    assert.deepStrictEqual(conflicts('Malawi has 13 million people without power.\n', x), []);
  });

  it('checking: in a table of 2,000 rows the claim\u2019s row and column are found (a name never runs from one cell into the next)', function () {
    this.timeout(60000);
    const rows = Array.from({ length: 2000 }, (_, i) => `| Item ${i} | $${i} million | $${i + 1} million |`).join('\n');
    const x = [extractText(`| Item | Amount 2023 | Amount 2024 |\n|---|---|---|\n${rows}\n`, 'items.md')];
    assert.ok(x[0].mentions.every((m) => !/\s{2}/.test(m.text)), 'a mention across cells');
    assert.deepStrictEqual(conflicts('Item 17 received $17 million in 2023.\n', x), []);
    assert.deepStrictEqual(conflicts('Item 17 received $30 million in 2023.\n', x).map((f) => f.message), ['Memo says $30 million; source says $17 million for Item 17, Amount 2023 (items \u00b61)']);
  });

  it('the Sources view: a row\u2019s fact reads "Row, Column: cell"; other facts read as their sentence', () => {
    const passages = factPassages(extractText(AID, 'aid.md'));
    assert.deepStrictEqual(passages.map((p) => [p.text, p.paragraph]), [
      ['Peru, 2023: $275 million; Peru, 2024: $310 million', 2],
      ['Chile, 2023: $120 million; Chile, 2024: $95 million', 2],
    ]);
    assert.deepStrictEqual(factPassages(extractText('In 2023 Peru received $275 million.\n')).map((p) => p.text), ['In 2023 Peru received $275 million.']);
  });

  it('a source without tables has none, and its sentences are as they were', () => {
    const doc = md('One sentence here. Another one | with a pipe.\n');
    assert.deepStrictEqual(doc.tables, []);
    assert.deepStrictEqual(sentences(doc), ['One sentence here.', 'Another one | with a pipe.']);
  });
});
