import * as assert from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkMemo } from '../../src/core/checking/check';
import { applyBibliographies, bibliographyEntriesOf, findBibliographyKeys, itemSummary, matchBibliography, parseBibliography } from '../../src/core/citing/bibliography';
import { BibliographyFiles } from '../../src/core/citing/bibliographyFile';
import { formatCitation, parseCitations, resolveCitation, toCslJson } from '../../src/core/citing/citation';
import { parseMemo } from '../../src/core/memo/memo';
import { extractFile, ROOT } from './fixtures';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'bibliography');
const read = (name: string): string => readFileSync(join(FIXTURE, name), 'utf8');
const refs = () => parseBibliography(read('refs.bib'), 'refs.bib');
const sources = () => ['car-parks.md', 'ledger-budget.md', 'trees-study.md'].map((f) => extractFile(join(FIXTURE, 'sources', f)));

describe('bibliographies', () => {
  it('reads a Better BibTeX .bib into CSL items: keys, names, dates, outlets, URL and DOI, newspaper articles as such', () => {
    const { items, problems } = refs();
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(items.map((i) => i.id), ['okafor2025', 'ortiz2025', 'kovacs2025trees', 'nandakumar2024', 'whitfield2019']);
    const [okafor, , kovacs, report, book] = items;
    assert.strictEqual(okafor.type, 'article-newspaper');
    assert.strictEqual(okafor['container-title'], 'The Civic Review', '@string macros are expanded');
    assert.deepStrictEqual(okafor.author, [{ given: 'Lena', family: 'Okafor' }]);
    assert.deepStrictEqual(okafor.issued, { 'date-parts': [[2025, 6, 3]] });
    assert.strictEqual(kovacs.DOI, '10.5555/UCLIM.2025.0042');
    assert.strictEqual(report.type, 'report');
    assert.strictEqual(book.publisher, 'Meridian Press');
    assert.deepStrictEqual(itemSummary(kovacs), { authors: 'Kovacs and Janssens', year: '2025', title: 'City Trees and Cooler Summer Nights' });
  });

  it('reads CSL JSON (Better CSL JSON keys by citation-key) and CSL YAML', () => {
    const json = parseBibliography(JSON.stringify([
      { id: 'http://zotero.org/users/1/items/ABC', 'citation-key': 'doe2024', type: 'report', title: 'A' },
      { id: 'roe2023', type: 'book', title: 'B' },
      { title: 'no key' },
    ]), 'refs.json');
    assert.deepStrictEqual(json.items.map((i) => i.id), ['doe2024', 'roe2023']);
    assert.deepStrictEqual(json.problems, ['1 item has no id and is left out']);
    const yaml = parseBibliography('---\nreferences:\n- id: lee2022\n  type: book\n  title: C\n...\n', 'refs.yaml');
    assert.deepStrictEqual(yaml.items.map((i) => [i.id, i.title]), [['lee2022', 'C']]);
    assert.deepStrictEqual(yaml.problems, []);
  });

  it('keeps the good entries of a .bib with a syntax error and a duplicate key, and says what is wrong and where', () => {
    const { items, problems } = parseBibliography(read('broken.bib'), 'broken.bib');
    assert.deepStrictEqual(items.map((i) => [i.id, i.title]), [['good2024', 'A Good Entry'], ['dup', 'First of Two']]);
    assert.strictEqual(problems.length, 2);
    assert.match(problems[0], /syntax error in the entry "broken2024" at line 7 .*left out/);
    assert.strictEqual(problems[1], 'key "dup" is defined 2 times (the first is used)');
  });

  it('turns files that are not bibliographies into one problem, never an exception', () => {
    assert.match(parseBibliography('[{"id": "a",', 'refs.json').problems[0], /^is not valid JSON \(line 1\)/);
    assert.deepStrictEqual(parseBibliography('{"a": 1}', 'refs.json').problems, ['is not CSL JSON: a list of items was expected']);
    assert.match(parseBibliography('@article{x, title = {never closed', 'one.bib').problems[0], /^has a syntax error at line 1: .*no entry could be read$/);
    assert.match(parseBibliography('whatever', 'refs.docx').problems[0], /is not a bibliography/);
    assert.deepStrictEqual(parseBibliography('', 'empty.bib'), { name: 'empty.bib', items: [], problems: [] });
  });

  it('never goes to the network: a DOI or URL in the text is data, not something to fetch', () => {
    const { items, problems } = parseBibliography('@misc{web, title = {T}, url = {https://example.org/x}, doi = {10.1000/182}}\n', 'web.bib');
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(items[0].URL, 'https://example.org/x');
    // A whole file that is only a DOI or URL is BibTeX with no entry (citation-js would fetch it if asked to guess).
    assert.deepStrictEqual(parseBibliography('10.1000/182', 'doi.bib').items, []);
    assert.deepStrictEqual(parseBibliography('https://example.org/refs.bib', 'url.bib').items, []);
  });

  it('matches items to source files by key, else DOI, else URL', () => {
    const [carParks, budget, trees] = sources();
    const matched = matchBibliography([carParks, budget, trees], refs().items);
    assert.strictEqual(matched.get(budget)?.id, 'ortiz2025', 'front matter id: ortiz2025');
    assert.strictEqual(matched.get(trees)?.id, 'kovacs2025trees', 'url https://doi.org/10.5555/uclim.2025.0042 and the item\u2019s DOI');
    assert.strictEqual(matched.get(carParks)?.id, 'okafor2025', 'the same URL with www., a trailing slash and another scheme');
    assert.strictEqual(matchBibliography([carParks], []).size, 0);
  });

  it('gives matched sources the item\u2019s key and metadata; citations by the new key and the old one resolve', () => {
    const originals = sources();
    const cited = applyBibliographies(originals, [refs()]);
    assert.deepStrictEqual(cited.map((x) => x.source.key), ['okafor2025', 'ortiz2025', 'kovacs2025trees']);
    assert.strictEqual(cited[2].source.meta.title, 'City Trees and Cooler Summer Nights');
    assert.strictEqual(cited[2].source.meta.author, 'Miriam Kovacs; Pieter Janssens');
    assert.strictEqual(formatCitation(cited[0].source, 3, 'pandoc'), '[@okafor2025, para. 3]');
    const bibliography = refs();
    assert.strictEqual(applyBibliographies(originals, [bibliography])[0], applyBibliographies(originals, [bibliography])[0], 'views are reused for the same item');
    for (const text of ['[@okafor2025, para. 3]', '[@car-parks, para. 3]', '[^okafor2025-3]']) {
      assert.strictEqual(resolveCitation(parseCitations(text)[0], cited)?.source.path, originals[0].source.path, text);
    }
    assert.notStrictEqual(cited[0].source.hash, originals[0].source.hash, 'the checker sees another set of sources');
  });

  it('checks a memo citing bibliography keys: no unknown-citation finding for a matched key, a stale one still found', () => {
    const cited = applyBibliographies(sources(), [refs()]);
    const memo = '---\nbibliography: refs.bib\n---\n\nOkafor said \u201cEvery space we build invites another car into the centre\u201d [@okafor2025, para. 3]. [@ortiz2025, para. 9].\n';
    const codes = checkMemo(parseMemo(memo), cited).map((f) => `${f.code} ${memo.slice(f.span.start, f.span.end)}`);
    assert.ok(!codes.some((c) => c.startsWith('citation/unknown')), codes.join('\n'));
    assert.ok(codes.some((c) => c === 'citation/stale [@ortiz2025, para. 9]'), codes.join('\n'));
  });

  it('writes references.json with the bibliography\u2019s items for matched sources and its other entries', () => {
    const items = toCslJson(applyBibliographies(sources(), [refs()]), refs().items);
    assert.deepStrictEqual(items.map((i) => i.id), ['okafor2025', 'ortiz2025', 'kovacs2025trees', 'nandakumar2024', 'whitfield2019']);
    assert.strictEqual(items[2].DOI, '10.5555/UCLIM.2025.0042');
  });

  it('offers keys for what was typed after [@: by key, author, year or title words', () => {
    const { items } = refs();
    assert.strictEqual(findBibliographyKeys(items, '', 100).length, 5);
    assert.deepStrictEqual(findBibliographyKeys(items, 'okafor', 100).map((i) => i.id), ['okafor2025']);
    assert.deepStrictEqual(findBibliographyKeys(items, 'janssens', 100).map((i) => i.id), ['kovacs2025trees']);
    assert.deepStrictEqual(findBibliographyKeys(items, '2019 ports', 100).map((i) => i.id), ['whitfield2019']);
    assert.deepStrictEqual(findBibliographyKeys(items, 'zzz', 100), []);
  });

  it('finds the bibliography in front matter, one file or a list', () => {
    assert.deepStrictEqual(bibliographyEntriesOf('---\nbibliography: refs.bib\n---\nText'), ['refs.bib']);
    assert.deepStrictEqual(bibliographyEntriesOf('---\nbibliography: [a.bib, b.json]\n---\n'), ['a.bib', 'b.json']);
    assert.strictEqual(bibliographyEntriesOf('No front matter'), undefined);
  });

  it('reads a file once per change, and a missing file is a problem, not an exception', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'memo-bib-'));
    const path = join(dir, 'refs.bib');
    writeFileSync(path, '@book{a, title = {One}}\n');
    const files = new BibliographyFiles();
    const first = await files.load(path, 'refs.bib');
    assert.strictEqual(await files.load(path, 'refs.bib'), first, 'unchanged: the same object');
    writeFileSync(path, '@book{a, title = {One}}\n@book{b, title = {Two}}\n');
    assert.deepStrictEqual((await files.load(path, 'refs.bib')).items.map((i) => i.id), ['a', 'b']);
    assert.deepStrictEqual((await files.load(join(dir, 'gone.bib'), 'gone.bib')).problems, ['is not found']);
    assert.deepStrictEqual((await files.load(dir, 'dir.bib')).problems, ['is a folder, not a file']);
  });
});
