/**
 * The round trip with Pandoc (Debian's `pandoc`, installed by test/harness/test-all.sh): a memo citing the five .bib
 * entries, rendered by `pandoc --citeproc` with the references.json "Write CSL JSON of the Sources" writes, shows the
 * same footnotes, marks and reference list as the memo Policy Memo writes in that style, rendered by Pandoc as plain
 * Markdown. Skipped where pandoc is missing, except in CI (CI=true), where that is a failure.
 */
import * as assert from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyBibliographies, parseBibliography, type CslItem } from '../../src/core/citing/bibliography';
import { cslItemOf, footnoteLabel, formatCitation, toCslJson } from '../../src/core/citing/citation';
import { BUNDLED_STYLES, CSL_FOLDER, CslFormatter, LOCALE_FILE, type BundledStyle } from '../../src/core/citing/cslStyle';
import { extractFile, ROOT } from './fixtures';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'bibliography');
const LOCATORS: Record<string, number> = { okafor2025: 3, ortiz2025: 2, kovacs2025trees: 2, nandakumar2024: 1, whitfield2019: 7 };

function hasPandoc(): boolean {
  return spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).status === 0;
}

function pandoc(dir: string, args: string[], input: string): string {
  return execFileSync('pandoc', ['-f', 'markdown', '-t', 'plain', '--wrap=none', ...args], { cwd: dir, input, encoding: 'utf8' });
}

function formatter(style: BundledStyle): CslFormatter {
  const read = (name: string): string => readFileSync(join(ROOT, CSL_FOLDER, name), 'utf8');
  const made = CslFormatter.create(read(BUNDLED_STYLES[style]), read(LOCALE_FILE));
  assert.ok(made instanceof CslFormatter);
  return made;
}

/**
 * Plain-text paragraphs of Pandoc's output, and its footnotes ("[1] …") apart. A no-break space reads as a space:
 * Pandoc's Markdown reader puts one after an abbreviation it knows ("No. 12"), citeproc's output has none.
 */
function parts(plain: string): { body: string[]; notes: string[] } {
  const paragraphs = plain.replace(/\u00a0/g, ' ').split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
  return { body: paragraphs.filter((p) => !/^\[\d+\] /.test(p)), notes: paragraphs.filter((p) => /^\[\d+\] /.test(p)).map((p) => p.replace(/^\[\d+\] /, '')) };
}

describe('Pandoc round trip (pandoc --citeproc with the written references.json)', function () {
  this.timeout(60000);
  let dir = '';
  let items: CslItem[] = [];

  before(function () {
    if (!hasPandoc()) {
      if (process.env.CI) throw new Error('pandoc is not installed (test/harness/test-all.sh installs Debian\u2019s pandoc)');
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), 'memo-pandoc-'));
    const bibliography = parseBibliography(readFileSync(join(FIXTURE, 'refs.bib'), 'utf8'), 'refs.bib');
    const sources = applyBibliographies(['car-parks.md', 'ledger-budget.md', 'trees-study.md'].map((f) => extractFile(join(FIXTURE, 'sources', f))), [bibliography]);
    // What "Write CSL JSON of the Sources" writes for this memo: its sources as keyed, and the other entries.
    items = toCslJson(sources, bibliography.items) as CslItem[];
    writeFileSync(join(dir, 'references.json'), JSON.stringify(items, null, 2));
    assert.deepStrictEqual(items.map((i) => i.id), Object.keys(LOCATORS));
    assert.strictEqual(cslItemOf(sources[0].source), bibliography.items[0], 'a matched source is cited as its .bib entry');
  });

  const pandocMemo = (): string => Object.entries(LOCATORS).map(([key, n], i) => `Claim ${i + 1} [@${key}, para. ${n}].`).join('\n\n') + '\n';

  it('Chicago notes: the footnotes Policy Memo writes are the ones Pandoc makes', () => {
    const chicago = formatter('chicago-note');
    const citeproc = parts(pandoc(dir, ['--citeproc', '--bibliography', 'references.json', '--csl', join(ROOT, CSL_FOLDER, BUNDLED_STYLES['chicago-note'])], pandocMemo()));
    // The same memo as Policy Memo writes it in chicago-note style: [^key-N] marks, the definitions at the end.
    const ours = items.map((item, i) => `Claim ${i + 1}.[^${footnoteLabel({ key: item.id } as never, LOCATORS[item.id])}]`).join('\n\n')
      + '\n\n' + items.map((item) => `[^${footnoteLabel({ key: item.id } as never, LOCATORS[item.id])}]: ${chicago.cite(item, LOCATORS[item.id])}`).join('\n') + '\n';
    const rendered = parts(pandoc(dir, [], ours));
    assert.strictEqual(rendered.notes.length, 5);
    assert.deepStrictEqual(rendered.notes, citeproc.notes);
    assert.deepStrictEqual(rendered.body, citeproc.body.slice(0, 5), 'the same marks in the text');
    // Pandoc's reference list is the style's bibliography of the same items.
    const references = items.map((item) => chicago.reference(item) ?? '');
    assert.deepStrictEqual(parts(pandoc(dir, [], references.join('\n\n'))).body.sort(), citeproc.body.slice(5).sort());
  });

  it('APA: the marks and reference-list entries Policy Memo writes are the ones Pandoc makes', () => {
    const apa = formatter('apa');
    const citeproc = parts(pandoc(dir, ['--citeproc', '--bibliography', 'references.json', '--csl', join(ROOT, CSL_FOLDER, BUNDLED_STYLES.apa)], pandocMemo()));
    const ours = items.map((item, i) => `Claim ${i + 1} ${apa.cite(item, LOCATORS[item.id])}.`).join('\n\n') + '\n';
    assert.deepStrictEqual(parts(pandoc(dir, [], ours)).body, citeproc.body.slice(0, 5));
    assert.strictEqual(citeproc.body[2], 'Claim 3 (Kovacs & Janssens, 2025, para. 2).');
    const references = items.map((item) => apa.reference(item) ?? '');
    assert.deepStrictEqual(parts(pandoc(dir, [], references.join('\n\n'))).body.sort(), citeproc.body.slice(5).sort());
  });

  it('the plain pandoc style writes marks Pandoc resolves against references.json: no citation is left unresolved', () => {
    const sources = applyBibliographies([extractFile(join(FIXTURE, 'sources', 'car-parks.md'))], [{ name: 'refs.bib', items, problems: [] }]);
    const memo = `A claim ${formatCitation(sources[0].source, 3, 'pandoc')}.\n`;
    const result = spawnSync('pandoc', ['-f', 'markdown', '-t', 'plain', '--citeproc', '--bibliography', 'references.json'], { cwd: dir, input: memo, encoding: 'utf8' });
    assert.strictEqual(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /not found/i, result.stderr);
    assert.match(result.stdout, /Okafor 2025, para\. 3/);
  });
});
