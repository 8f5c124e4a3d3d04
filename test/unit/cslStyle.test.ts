import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyBibliographies, parseBibliography } from '../../src/core/citing/bibliography';
import { citationChanges, citationEdit, cslItemOf, footnoteDefinition, formatCitation, parseCitations, referenceChanges, referenceListChanges, referencesSection, resolveCitation, type TextChange } from '../../src/core/citing/citation';
import { BUNDLED_STYLES, CSL_FOLDER, CslFormatter, cslStyleInfo, LOCALE_FILE, type BundledStyle } from '../../src/core/citing/cslStyle';
import { checkMemo } from '../../src/core/checking/check';
import { parseMemo } from '../../src/core/memo/memo';
import { article, extractFile, ROOT } from './fixtures';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'bibliography');
const cslFile = (name: string): string => readFileSync(join(ROOT, CSL_FOLDER, name), 'utf8');

function formatter(style: BundledStyle): CslFormatter {
  const made = CslFormatter.create(cslFile(BUNDLED_STYLES[style]), cslFile(LOCALE_FILE));
  assert.ok(made instanceof CslFormatter, 'error' in made ? made.error : 'no formatter');
  return made;
}

const refs = () => parseBibliography(readFileSync(join(FIXTURE, 'refs.bib'), 'utf8'), 'refs.bib').items;
const cited = () => applyBibliographies(['car-parks.md', 'ledger-budget.md', 'trees-study.md'].map((f) => extractFile(join(FIXTURE, 'sources', f))), [{ name: 'refs.bib', items: refs(), problems: [] }]);

describe('CSL styles', () => {
  it('ships Chicago full notes and APA with their licence, and only them', () => {
    assert.deepStrictEqual(Object.keys(BUNDLED_STYLES), ['chicago-note', 'apa']);
    const licence = readFileSync(join(ROOT, CSL_FOLDER, 'LICENSE.md'), 'utf8');
    for (const file of [...Object.values(BUNDLED_STYLES), LOCALE_FILE]) {
      assert.match(cslFile(file), /creativecommons\.org\/licenses\/by-sa\/3\.0/, file);
      assert.ok(licence.includes(file), `LICENSE.md names ${file}`);
    }
    assert.match(licence, /citationstyles\.org/);
    assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!media\/csl\/\*\*$/m);
  });

  it('formats Chicago full notes of each kind of item, with the paragraph as locator, in Markdown', () => {
    const chicago = formatter('chicago-note');
    assert.strictEqual(chicago.info.kind, 'note');
    const [okafor, , kovacs, report, book] = refs();
    assert.strictEqual(chicago.cite(okafor, 4), 'Lena Okafor, \u201cWhy Cities Should Stop Building Car Parks,\u201d *The Civic Review*, June 3, 2025, para. 4, https://www.civic.example/2025/06/car-parks/.');
    assert.strictEqual(chicago.cite(kovacs, 2), 'Miriam Kovacs and Pieter Janssens, \u201cCity Trees and Cooler Summer Nights,\u201d *Urban Climate* 59 (March 2025): para. 2, https://doi.org/10.5555/UCLIM.2025.0042.');
    assert.strictEqual(chicago.cite(report, 1), 'Priya Nandakumar, \u201cInflation Outlook for Small Open Economies,\u201d Policy Brief (Harbour Institute, November 2024), para. 1, https://harbour.example/briefs/12.');
    assert.strictEqual(chicago.cite(book, 7), 'Anna Whitfield, *Ports and Power: A History of the North Sea Trade* (London: Meridian Press, 2019), para. 7.');
    assert.strictEqual(chicago.reference(book), 'Whitfield, Anna. *Ports and Power: A History of the North Sea Trade*. London: Meridian Press, 2019.');
  });

  it('formats APA marks and reference-list entries', () => {
    const apa = formatter('apa');
    assert.strictEqual(apa.info.kind, 'in-text');
    const [okafor, , kovacs] = refs();
    assert.strictEqual(apa.cite(okafor, 4), '(Okafor, 2025, para. 4)');
    assert.strictEqual(apa.cite(kovacs, 2), '(Kovacs & Janssens, 2025, para. 2)');
    assert.strictEqual(apa.reference(kovacs), 'Kovacs, M., & Janssens, P. (2025). City Trees and Cooler Summer Nights. *Urban Climate*, *59*, 101\u2013118. https://doi.org/10.5555/UCLIM.2025.0042');
  });

  it('escapes Markdown in what the style prints, and formats a source with front matter only', () => {
    const chicago = formatter('chicago-note');
    assert.match(chicago.cite({ id: 'x', type: 'webpage', title: 'Why [brackets] and *stars*' }, 1), /Why \\\[Brackets\\\] and \\\*stars\\\*/i);
    const oped = extractFile(article('op-ed.md')).source;
    assert.strictEqual(footnoteDefinition(oped, 4, { csl: chicago }), '[^okafor-car-parks-4]: Lena Okafor, \u201cWhy Cities Should Stop Building Car Parks,\u201d *The Civic Review*, June 3, 2025, para. 4.');
    assert.strictEqual(formatCitation(oped, 4, 'inline', { csl: formatter('apa') }), '(Lena Okafor, 2025, para. 4)');
  });

  it('a memo in Chicago-notes style gets [^key-N] marks and one well-formed block of style-formatted definitions at the end', () => {
    const chicago = formatter('chicago-note');
    const [carParks, budget] = cited();
    let memo = '---\nbibliography: refs.bib\n---\n\nIntro.\n';
    for (const [x, paragraph] of [[carParks, 3], [budget, 3], [carParks, 3], [carParks, 4]] as const) {
      const edit = citationEdit(memo, x.source, paragraph, 'footnote', { csl: chicago });
      const definition = edit.appendAtEnd ? footnoteDefinition(x.source, paragraph, { csl: chicago }) : undefined;
      const at = memo.indexOf('Intro.') + 'Intro.'.length;
      const changes = citationChanges(memo, at, at, ` ${edit.mark}`, definition);
      memo = [...changes].reverse().reduce((t, c) => t.slice(0, c.start) + c.text + t.slice(c.end), memo);
    }
    assert.strictEqual(memo, [
      '---', 'bibliography: refs.bib', '---', '',
      'Intro. [^okafor2025-4] [^okafor2025-3] [^ortiz2025-3] [^okafor2025-3]', '',
      '[^okafor2025-3]: Lena Okafor, \u201cWhy Cities Should Stop Building Car Parks,\u201d *The Civic Review*, June 3, 2025, para. 3, https://www.civic.example/2025/06/car-parks/.',
      '[^ortiz2025-3]: Sam Ortiz, \u201cBudget Talks Collapse,\u201d *The Daily Ledger*, February 11, 2025, para. 3, https://ledger.example/budget-talks.',
      '[^okafor2025-4]: Lena Okafor, \u201cWhy Cities Should Stop Building Car Parks,\u201d *The Civic Review*, June 3, 2025, para. 4, https://www.civic.example/2025/06/car-parks/.',
      '',
    ].join('\n'));
    // Every mark is defined once, and reads back to its source.
    const marks = parseCitations(memo).filter((c) => c.style === 'footnote');
    assert.strictEqual(marks.length, 4);
    for (const m of marks) assert.ok(resolveCitation(m, cited()), m.name);
    for (const label of ['okafor2025-3', 'ortiz2025-3', 'okafor2025-4']) assert.strictEqual(memo.split(`[^${label}]:`).length, 2, label);
  });

  it('refuses what is not a CSL style with a reason, and never throws', () => {
    const locale = cslFile(LOCALE_FILE);
    const cases: [string, RegExp][] = [
      ['<html><body>Not CSL</body></html>', /root element is not <style>/],
      ['not xml at all', /it is not XML/],
      ['<style class="note"><citation/></style>', /not in the CSL namespace/],
      ['<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><citation><layout/></citation></style>', /no class="note" or class="in-text"/],
      ['<style xmlns="http://purl.org/net/xbiblio/csl" class="note"><info><link href="x" rel="independent-parent"/></info></style>', /no <citation>|dependent/],
      ['<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0"><citation><layout><text variable="title" <</layout></citation></style>', /could not be read as a CSL style/],
    ];
    for (const [xml, reason] of cases) {
      const made = CslFormatter.create(xml, locale);
      assert.ok('error' in made, xml);
      assert.match(made.error, reason, xml);
    }
    assert.deepStrictEqual(cslStyleInfo(cslFile('apa.csl')), { title: 'American Psychological Association 7th edition', kind: 'in-text' });
  });

  it('uses an edited item, not the one citeproc read first', () => {
    const chicago = formatter('chicago-note');
    assert.match(chicago.cite({ id: 'a', type: 'book', title: 'First' }, 1), /First/);
    assert.match(chicago.cite({ id: 'a', type: 'book', title: 'Second' }, 1), /Second/);
  });
});

describe('APA marks read back', () => {
  const mark = (text: string) => parseCitations(text).filter((c) => c.style === 'author-date');

  it('reads the marks the bundled APA style writes and resolves them to their sources, by the bibliography or front matter', () => {
    const apa = formatter('apa');
    const sources = cited();
    const written = sources.map((x, i) => formatCitation(x.source, i + 2, 'inline', { csl: apa }));
    assert.deepStrictEqual(written, ['(Okafor, 2025, para. 2)', '(Ortiz, 2025, para. 3)', '(Kovacs & Janssens, 2025, para. 4)']);
    const memo = `Text ${written.join(' and ')}.`;
    const marks = mark(memo);
    assert.deepStrictEqual(marks.map((c) => [c.name, c.paragraph, memo.slice(c.start, c.end)]), [
      ['Okafor, 2025', 2, written[0]], ['Ortiz, 2025', 3, written[1]], ['Kovacs & Janssens, 2025', 4, written[2]],
    ]);
    assert.deepStrictEqual(marks.map((c) => resolveCitation(c, sources)?.source.path), sources.map((x) => x.source.path));
    // A source with front matter only: APA writes its author's name whole.
    const oped = extractFile(article('op-ed.md'));
    const own = formatCitation(oped.source, 4, 'inline', { csl: apa });
    assert.strictEqual(resolveCitation(mark(own)[0], [oped, ...sources])?.source.path, oped.source.path);
  });

  it('reads et al., "and", no comma before the year, a year letter, n.d. and a title for no author', () => {
    const base = cited()[0];
    const item = (id: string, fields: Record<string, unknown>) => applyBibliographies([{ ...base, source: { ...base.source, key: id, path: `/${id}.md`, hash: id } }], [{ name: 'x.json', items: [{ id, type: 'article-newspaper', ...fields }], problems: [] }])[0];
    const many = item('many', { author: [{ family: 'Okafor' }, { family: 'Reyes' }, { family: 'Lind' }], title: 'B', issued: { 'date-parts': [[2024]] } });
    const twinA = item('twinA', { author: [{ family: 'Vos' }], title: 'Alpha', issued: { 'date-parts': [[2023]] } });
    const twinB = item('twinB', { author: [{ family: 'Vos' }], title: 'Beta', issued: { 'date-parts': [[2023]] } });
    const undated = item('undated', { author: [{ family: 'Mensah' }], title: 'C' });
    const untitled = item('anon', { title: 'Budget Talks Collapse', issued: { 'date-parts': [[2022]] } });
    const all = [many, twinA, twinB, undated, untitled];
    const cases: [string, string | undefined][] = [
      ['(Okafor et al., 2024, para. 3)', 'many'],
      ['(Okafor, Reyes, and Lind 2024, para. 3)', 'many'],
      ['(Vos, 2023b, para. 1)', 'twinB'],
      ['(Vos, 2023a, para. 1)', 'twinA'],
      ['(Vos, 2023, para. 1)', undefined],
      ['(Mensah, n.d., para. 2)', 'undated'],
      ['(\u201cBudget Talks Collapse,\u201d 2022, para. 5)', 'anon'],
      ['(Okafor et al., 2019, para. 3)', undefined],
      ['(Nobody, 2024, para. 3)', undefined],
    ];
    for (const [text, key] of cases) {
      const [c] = mark(text);
      assert.ok(c, text);
      assert.strictEqual(resolveCitation(c, all)?.source.key, key, text);
    }
  });

  it('leaves prose and the three original styles as they were read', () => {
    const text = 'A (The Civic Review, \u00b64) B [^okafor2025-3] C [@okafor2025, para. 3] D (Wellington, 2024) E (see 2024, p. 4) F (Okafor 2025, \u00b6 4)';
    assert.deepStrictEqual(parseCitations(text).map((c) => [c.style, c.name, c.paragraph]), [
      // "(see 2024, p. 4)" reads as an inline page citation (as "(Smith 2019, p. 12)" does), never as an APA mark:
      // one naming no source is left alone by the checks.
      ['inline', 'The Civic Review', 4], ['footnote', 'okafor2025', 3], ['pandoc', 'okafor2025', 3], ['inline', 'see 2024', 0], ['inline', 'Okafor 2025', 4],
    ]);
  });

  it('checks APA marks: a stale paragraph is found and re-pointed in APA, an unknown author is named', () => {
    const sources = cited();
    const memo = '---\nbibliography: refs.bib\n---\n\nOkafor said \u201cEvery space we build invites another car into the centre\u201d (Okafor, 2025, para. 5). Reyes agreed (Reyes, 2025, para. 1).\n';
    const findings = checkMemo(parseMemo(memo), sources);
    const stale = findings.find((f) => f.code === 'citation/stale');
    assert.ok(stale, findings.map((f) => f.code).join(', '));
    assert.strictEqual(memo.slice(stale.span.start, stale.span.end), '(Okafor, 2025, para. 5)');
    assert.strictEqual(stale.fix?.newText, '(Okafor, 2025, para. 3)');
    const unknown = findings.filter((f) => f.code === 'citation/unknown');
    assert.deepStrictEqual(unknown.map((f) => f.message), ['No source "Reyes, 2025" among this memo\'s sources']);
  });
});

describe('APA reference list', () => {
  const apply = (text: string, changes: TextChange[]): string => {
    for (let k = 1; k < changes.length; k++) assert.ok(changes[k - 1].end <= changes[k].start, 'changes in order, not overlapping');
    return [...changes].reverse().reduce((t, c) => t.slice(0, c.start) + c.text + t.slice(c.end), text);
  };

  it('adds the entry to a "## References" list kept whole at the end, in the style\u2019s order, never twice', () => {
    const order = ['Alpha, A. (2020).', 'Beta, B. (2021).', 'Gamma, G. (2022).'];
    const q = '\u201cQ\u201d (Beta, 2021, para. 1)';
    const cases: [string, string, string][] = [
      // memo with | at the cursor, the entry, expected result
      ['Text. |', order[1], `Text. ${q}\n\n## References\n\n${order[1]}\n`],
      ['Text. |\n\n', order[1], `Text. ${q}\n\n## References\n\n${order[1]}\n`],
      ['Some | text.\n', order[1], `Some ${q} text.\n\n## References\n\n${order[1]}\n`],
      ['A |.\n\n## References\n\nAlpha, A. (2020).\n\nGamma, G. (2022).\n', order[1], `A ${q}.\n\n## References\n\nAlpha, A. (2020).\n\nBeta, B. (2021).\n\nGamma, G. (2022).\n`],
      ['A |.\n\n## References\n\nGamma, G. (2022).\n', order[1], `A ${q}.\n\n## References\n\nBeta, B. (2021).\n\nGamma, G. (2022).\n`],
      ['A |.\n\n## References\n\nAlpha, A. (2020).', order[1], `A ${q}.\n\n## References\n\nAlpha, A. (2020).\n\nBeta, B. (2021).`],
      ['A |.\n\n## References\n', order[1], `A ${q}.\n\n## References\n\nBeta, B. (2021).\n`],
      ['A |.\n\n## References\n\nBeta, B.\n  (2021).\n', order[1], `A ${q}.\n\n## References\n\nBeta, B.\n  (2021).\n`],
      ['A.\n\n## References\n\nAlpha, A. (2020).\n|', order[1], `A.\n\n${q}\n\n## References\n\nAlpha, A. (2020).\n\nBeta, B. (2021).\n`],
      ['A.\n\n## Refer|ences\n\nBeta, B. (2021).\n', order[1], `A.\n\n${q}\n\n## References\n\nBeta, B. (2021).\n`],
      ['A |[^a].\n\n[^a]: A note.\n', order[1], `A ${q}[^a].\n\n## References\n\n${order[1]}\n\n[^a]: A note.\n`],
      ['# Memo\n\n## Findings\n\nA |.\n', order[1], `# Memo\n\n## Findings\n\nA ${q}.\n\n## References\n\n${order[1]}\n`],
    ];
    for (const [marked, entry, expected] of cases) {
      const cursor = marked.indexOf('|');
      const memo = marked.replace('|', '');
      assert.strictEqual(apply(memo, referenceChanges(memo, cursor, cursor, q, entry, order)), expected, JSON.stringify(marked));
    }
    const section = referencesSection('A.\n\n```\n## References\n```\n');
    assert.strictEqual(section, undefined, 'a heading in code is no reference list');
  });

  it('inserting APA citations builds one sorted reference list by the style, one entry per source', () => {
    const apa = formatter('apa');
    const sources = cited();
    const [carParks, budget, trees] = sources;
    let memo = '---\nbibliography: refs.bib\n---\n\nIntro.\n';
    for (const [x, paragraph] of [[carParks, 3], [trees, 2], [carParks, 4], [budget, 1]] as const) {
      const at = memo.indexOf('Intro.') + 'Intro.'.length;
      const mark = formatCitation(x.source, paragraph, 'inline', { csl: apa });
      memo = apply(memo, referenceListChanges(memo, at, at, ` ${mark}`, x.source, sources, apa));
    }
    const references = apa.references([carParks, budget, trees].map((x) => cslItemOf(x.source))).map((r) => r.text);
    assert.deepStrictEqual(references.map((r) => r.split(',')[0]), ['Kovacs', 'Okafor', 'Ortiz'], 'APA sorts by author');
    assert.strictEqual(memo, [
      '---', 'bibliography: refs.bib', '---', '',
      'Intro. (Ortiz, 2025, para. 1) (Okafor, 2025, para. 4) (Kovacs & Janssens, 2025, para. 2) (Okafor, 2025, para. 3)', '',
      '## References', '', references.join('\n\n'), '',
    ].join('\n'));
    assert.ok(references[1].startsWith('Okafor, L. (2025, June 3). Why Cities Should Stop Building Car Parks. *The Civic Review*.'), references[1]);
    // Every mark reads back to its source.
    assert.deepStrictEqual(parseCitations(memo).map((c) => resolveCitation(c, sources)?.source.key), ['ortiz2025', 'okafor2025', 'kovacs2025trees', 'okafor2025']);
  });
});
