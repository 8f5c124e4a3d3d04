/**
 * PDF and Word sources: the committed fixtures (scripts/make-format-fixtures.ts) read with their pages, the
 * layout rules on items made by hand, and each kind of bad document refused with one message naming the file.
 */
import * as assert from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { main } from '../../src/cli/main';
import { join } from 'node:path';
import { Checker } from '../../src/core/checking/check';
import { parseMemo } from '../../src/core/memo/memo';
import { extractDocumentInProcess } from '../../src/core/sources/documents';
import { factsOf, type Extraction } from '../../src/core/sources/extract';
import { convertDocument, DocumentError } from '../../src/core/sources/formats';
import { layoutPdf, pageMark, type PdfItem, type PdfPage } from '../../src/core/sources/formats/pdfLayout';
import { SourceLibrary, type SourceFileSystem } from '../../src/core/sources/library';
import { extractionToJson } from '../../src/core/sources/report';
import { pageAt, paragraphAt, readingText, sentenceText } from '../../src/core/sources/source';
import { articlePdf } from '../fixtures/formats/pdfWriter';
import { extractText, ROOT } from './fixtures';
import { citationEdit, footnoteDefinition, formatCitation, parseCitations, resolveCitation } from '../../src/core/citing/citation';
import { BUNDLED_STYLES, CSL_FOLDER, CslFormatter, LOCALE_FILE, type BundledStyle } from '../../src/core/citing/cslStyle';

const FORMATS = join(ROOT, 'test', 'fixtures', 'formats');
const fixture = (name: string): string => join(FORMATS, name);
const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(fixture(name)));

/** A file system of named byte arrays, as the library reads one. */
function memoryFs(files: Record<string, Uint8Array>): SourceFileSystem {
  return {
    stat: async (path) => (path in files ? { kind: 'file', size: files[path].length, mtime: 1 } : Promise.reject(Object.assign(new Error('gone'), { code: 'ENOENT' }))),
    readFile: async (path) => files[path],
  };
}

const cache = new Map<string, Extraction>();
async function extracted(name: string): Promise<Extraction> {
  let x = cache.get(name);
  if (!x) {
    x = (await extractDocumentInProcess(fixture(name), bytesOf(name), false)).extraction;
    cache.set(name, x);
  }
  return x;
}

async function refusal(name: string, bytes = bytesOf(name)): Promise<string> {
  const library = new SourceLibrary(memoryFs({ [name]: bytes }), undefined, undefined, extractDocumentInProcess);
  const result = await library.load(name);
  assert.ok(!result.ok, `${name} was read`);
  return result.message;
}

/** A line of text items at a height, as pdf.js gives them (one item per word here). */
function line(text: string, x: number, y: number, size = 10): PdfItem[] {
  const items: PdfItem[] = [];
  let at = x;
  for (const word of text.split(' ')) {
    const width = word.length * size * 0.5;
    items.push({ str: word, x: at, y, width, size });
    at += width + size * 0.28;
  }
  return items;
}

describe('PDF sources', () => {
  it('reads the two-column fixture in reading order, without its running header, footer or page numbers', async () => {
    const x = await extracted('defence-review.pdf');
    const text = x.source.text;
    assert.ok(!/Page \d of \d/.test(text), 'the footer was read as text');
    assert.ok(!text.includes('Institute for Fiscal Policy \u00b7'), 'the running header was read as text');
    // Column by column: the first column's last paragraph comes before the second column's first heading.
    const order = ['The Netherlands spent 21.4 billion', 'We have stopped the decline', 'Procurement', 'Deliveries remain slow', 'Personnel', 'Support to Ukraine', 'Outlook'];
    const at = order.map((words) => text.replace(/\s+/g, ' ').indexOf(words));
    assert.ok(at.every((a) => a >= 0), `missing: ${order.filter((_, k) => at[k] < 0).join(', ')}`);
    assert.deepStrictEqual([...at].sort((a, b) => a - b), at, 'paragraphs out of reading order');
    assert.strictEqual(x.source.meta.title, 'Defence Spending Review 2024');
    assert.strictEqual(x.source.meta.author, 'Institute for Fiscal Policy');
    assert.strictEqual(x.source.format, 'pdf');
    assert.strictEqual(x.source.textIsFile, false);
  });

  it('joins words hyphenated at a line end, and keeps a hyphen that belongs to the word', async () => {
    const text = (await extracted('defence-review.pdf')).source.text;
    assert.ok(!/[a-z]-\n[a-z]/.test(text), `a hyphenated line end is left: ${/\S*[a-z]-\n[a-z]\S*/.exec(text)?.[0]}`);
    assert.ok(/\bmaintenance\b/.test(text) && /\bprocurement\b/.test(text));
    assert.ok(text.includes('Krauss-Maffei'));
  });

  it('keeps three pages, each starting where its first words are, with a page for every quote and fact', async () => {
    const x = await extracted('defence-review.pdf');
    const pages = x.source.pages ?? [];
    assert.deepStrictEqual(pages.map((p) => p.number), [1, 2, 3]);
    for (const p of pages) assert.strictEqual(x.source.text.slice(p.mark, p.mark + pageMark(p.number).length).trim(), '', 'no spaces kept for the mark');
    const json = extractionToJson(x, 'defence-review.pdf');
    assert.ok(json.quotes.length >= 4 && json.quotes.every((q) => typeof q.page === 'number'));
    assert.ok(json.facts.length >= 20 && json.facts.every((f) => typeof f.page === 'number'));
    const rutte = json.quotes.find((q) => q.speaker === 'Mark Rutte');
    assert.ok(rutte, 'the Rutte quote');
    const rutteAt = x.quotes.find((q) => q.speaker === 'Mark Rutte')?.start ?? -1;
    assert.strictEqual(rutte.page, pageAt(x.source, rutteAt));
    // A fact's page is the page its words are on: the text from that page's start holds them.
    const ukraine = factsOf(x).find((f) => sentenceText(x.source, f.sentence).includes('2.2 billion'));
    assert.ok(ukraine);
    const page = pageAt(x.source, ukraine.sentence.start) ?? 0;
    assert.ok(page >= 2, 'the Ukraine section is past page 1');
    assert.ok(ukraine.sentence.start >= pages[page - 1].start && (page === pages.length || ukraine.sentence.start < pages[page].start));
  });

  it('shows each page mark in the reading view at the offsets kept for it, every other character as read', async () => {
    const x = await extracted('defence-review.pdf');
    const view = readingText(x.source);
    assert.strictEqual(view.length, (x.source.original ?? x.source.text).length);
    for (const p of x.source.pages ?? []) assert.strictEqual(view.slice(p.mark, p.mark + pageMark(p.number).length), pageMark(p.number));
    assert.strictEqual(view.replace(/\[p\. \d+\]/g, (m) => ' '.repeat(m.length)), x.source.original ?? x.source.text);
  });

  it('flags a wrong number in a memo, with the page in the evidence', async () => {
    const x = await extracted('defence-review.pdf');
    const findings = new Checker().check(parseMemo('Military support to Ukraine amounted to 3.2 billion euros in 2024.\n'), [x]);
    const number = findings.find((f) => f.code === 'conflict/number');
    assert.ok(number, `no conflict/number among ${findings.map((f) => f.code).join(', ')}`);
    assert.ok(number.evidence && pageAt(x.source, number.evidence.span.start) === 2);
    assert.match(number.message, /defence-review p\. 2, \u00b6\d+/);
    assert.strictEqual(number.fix?.newText, '2.2 billion');
  });

  it('reads a paragraph on across a column and a page: it ends where its sentence does', () => {
    const page = (items: PdfItem[]): PdfPage => ({ width: 400, height: 600, items });
    const pages = [
      page([
        ...line('A Short Title', 50, 560, 16),
        ...line('The first paragraph is', 50, 500, 8), ...line('short.', 50, 489, 8),
        ...line('This paragraph runs on to', 50, 467, 8), ...line('the end of the column and', 50, 456, 8),
        ...line('then goes on in the next', 220, 500, 8), ...line('column, where it ends.', 220, 489, 8),
        ...line('This one is cut by the', 220, 467, 8), ...line('end of the page, in a word', 220, 456, 8), ...line('that is hyphen-', 220, 445, 8),
        ...line('1', 200, 30),
      ]),
      page([...line('ated, and ends on page two.', 50, 500, 8), ...line('A new one starts here.', 50, 478, 8), ...line('2', 200, 30)]),
    ];
    const layout = layoutPdf(pages);
    const paragraphs = layout.text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
    assert.deepStrictEqual(paragraphs, [
      'A Short Title', 'The first paragraph is short.', 'This paragraph runs on to the end of the column and then goes on in the next column, where it ends.',
      'This one is cut by the end of the page, in a word that is hyphenated, and ends on page two.', 'A new one starts here.',
    ]);
    // Page 2 starts at its first word, inside the paragraph that runs on from page 1.
    assert.strictEqual(layout.text.slice(layout.pages[1].start, layout.pages[1].start + 10), 'and ends o');
    assert.deepStrictEqual(layout.pages.map((p) => p.number), [1, 2]);
  });

  it('drops a line repeated at the same height on most pages, whatever its number, and keeps one that is not', () => {
    const pages: PdfPage[] = [1, 2, 3].map((n) => ({
      width: 400, height: 600,
      items: [...line(`Annual Report ${2020 + n}`, 50, 570, 8), ...line(`Body text of page ${n} says ${n * 10} things.`, 50, 400), ...line(`- ${n} -`, 190, 20, 8)],
    }));
    const text = layoutPdf(pages).text;
    assert.ok(!text.includes('Annual Report'), text);
    assert.ok(!/- \d -/.test(text), text);
    for (const n of [1, 2, 3]) assert.ok(text.includes(`Body text of page ${n}`));
  });

  it('reads a 500-page PDF up to its first 300 pages, and says so', async function () {
    this.timeout(120_000);
    const markdown = Array.from({ length: 500 }, (_, k) => `Paragraph ${k + 1} of the long report says that ${k + 7} people came.`).join('\n\n');
    const bytes = await articlePdf(markdown, { pageSize: [200, 120], fontSize: 8 });
    const library = new SourceLibrary(memoryFs({ 'long.pdf': bytes }), { maxBytes: 64 << 20 }, undefined, extractDocumentInProcess);
    const result = await library.load('long.pdf');
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.match(result.note ?? '', /^has \d{3,} pages: only the first 300 are read$/);
    assert.strictEqual(result.extraction.source.pages?.at(-1)?.number, 300);
  });
});

describe('bad PDF and Word files', () => {
  it('an encrypted PDF', async () => {
    assert.strictEqual(await refusal('encrypted.pdf'), 'is encrypted and cannot be read (it needs a password)');
  });
  it('a PDF with no text layer', async () => {
    assert.strictEqual(await refusal('scan.pdf'), 'has no text layer (scanned?): Policy Memo does not OCR');
  });
  it('a PDF cut short, and a text file named .pdf', async () => {
    assert.match(await refusal('truncated.pdf'), /^is not a readable PDF/);
    assert.match(await refusal('not-a-pdf.pdf'), /^is not a readable PDF/);
  });
  it('a .docx that is not a zip, and one that is a zip of something else', async () => {
    assert.strictEqual(await refusal('not-a-zip.docx'), 'is not a Word document (a .docx file is a zip archive, and this is not one)');
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('notes.txt', 'not a document');
    assert.match(await refusal('other.docx', await zip.generateAsync({ type: 'uint8array' })), /^is not (a|a readable) Word document/);
  });
  it('an empty file', async () => {
    assert.strictEqual(await refusal('empty.pdf', new Uint8Array(0)), 'is empty');
  });
  it('the other sources keep loading', async () => {
    const fs = memoryFs({ 'encrypted.pdf': bytesOf('encrypted.pdf'), 'a.txt': new TextEncoder().encode('The port handled 12 million tonnes in 2023, the mayor said.\n') });
    const library = new SourceLibrary(fs, undefined, undefined, extractDocumentInProcess);
    assert.ok(!(await library.load('encrypted.pdf')).ok);
    assert.ok((await library.load('a.txt')).ok);
  });
  it('a conversion that takes too long is given up, with a message', async () => {
    await assert.rejects(extractDocumentInProcess(fixture('defence-review.pdf'), bytesOf('defence-review.pdf'), false, 1), (e: Error) => e instanceof DocumentError && /^took more than 0\.001 s to read and was given up$/.test(e.message));
  });
  it('without a document extractor, a PDF says it is not read', async () => {
    const library = new SourceLibrary(memoryFs({ 'a.pdf': bytesOf('defence-review.pdf') }));
    const result = await library.load('a.pdf');
    assert.ok(!result.ok && /not read here/.test(result.message));
  });
});

describe('Word sources', () => {
  it('keeps headings, paragraphs, list items and the table as rows with headers', async () => {
    const x = await extracted('flood-draft.docx');
    const { source } = x;
    assert.strictEqual(source.format, 'docx');
    assert.strictEqual(source.meta.title, 'Draft: Coastal Flood Defences');
    assert.strictEqual(source.meta.author, 'Marieke de Vries');
    const paragraphs = source.paragraphs.map((p) => source.text.slice(p.start, p.end).replace(/\s+/g, ' '));
    assert.ok(paragraphs.includes('Summary') && paragraphs.includes('What the money buys'), 'headings are paragraphs of their own');
    assert.ok(paragraphs.some((p) => p.includes('38 kilometres of dike')), 'a list item');
    assert.strictEqual(source.tables.length, 1);
    const json = extractionToJson(x, 'flood-draft.docx');
    const zeeland = json.facts.find((f) => f.cells?.some((c) => c.row === 'Zeeland'));
    assert.ok(zeeland, 'the Zeeland row is a fact with its cells');
    assert.deepStrictEqual(zeeland.cells?.map((c) => [c.column, c.text]), [['2024', '410 million euros'], ['2025', '520 million euros']]);
    assert.ok(json.quotes.some((q) => q.speaker === 'Peter Glas'));
    assert.strictEqual(source.pages, undefined, 'a Word document has paragraphs, not pages');
    assert.ok(paragraphAt(source, json.quotes[0] ? x.quotes[0].start : 0));
  });

  it('converts to HTML that the HTML reader reads', async () => {
    const converted = await convertDocument('flood-draft.docx', bytesOf('flood-draft.docx'));
    assert.strictEqual(converted.contentFormat, 'html');
    assert.match(converted.content, /<h1>Summary<\/h1>/);
    assert.match(converted.content, /<li>Reinforcement of 38 kilometres/);
  });
});

describe('citing a PDF by page', () => {
  it('names the page in inline and Pandoc marks, and page and paragraph in a footnote', async () => {
    const x = await extracted('defence-review.pdf');
    const rutte = x.quotes.find((q) => q.speaker === 'Mark Rutte');
    assert.ok(rutte);
    const page = pageAt(x.source, rutte.start);
    const paragraph = paragraphAt(x.source, rutte.start)?.number ?? 0;
    assert.strictEqual(formatCitation(x.source, paragraph, 'inline', { at: rutte.start }), `(Institute for Fiscal Policy, p. ${page})`);
    assert.strictEqual(formatCitation(x.source, paragraph, 'pandoc', { at: rutte.start }), `[@defence-review, p. ${page}]`);
    assert.strictEqual(formatCitation(x.source, paragraph, 'footnote', { at: rutte.start }), `[^defence-review-${paragraph}]`);
    assert.match(footnoteDefinition(x.source, paragraph, { at: rutte.start }), new RegExp(`, p\\. ${page}, \u00b6${paragraph}\\.$`));
    const parsed = parseCitations(`"Two percent is a floor" (Institute for Fiscal Policy, p. ${page}) and [@defence-review, p. ${page}]`);
    assert.deepStrictEqual(parsed.map((c) => [c.style, c.page]), [['inline', page], ['pandoc', page]]);
  });

  it('a page citation that does not hold the quote is stale, and the fix names the right page', async () => {
    const x = await extracted('defence-review.pdf');
    const memo = 'Rutte said: "Two percent is a floor, not a ceiling" (Institute for Fiscal Policy, p. 1).\n';
    const stale = new Checker().check(parseMemo(memo), [x]).find((f) => f.code === 'citation/stale');
    assert.ok(stale, 'no citation/stale');
    assert.match(stale.message, /^The quote is on p\. [23] of defence-review, not p\. 1$/);
    assert.match(stale.fix?.newText ?? '', /^\(Institute for Fiscal Policy, p\. [23]\)$/);
    const missing = new Checker().check(parseMemo('The review says so (Institute for Fiscal Policy, p. 9).\n'), [x]).find((f) => f.code === 'citation/stale');
    assert.strictEqual(missing?.message, 'defence-review has no p. 9 (it has 3 pages)');
  });

  it('leaves a book cited by page alone, and a text source cited by paragraph as it was', async () => {
    const x = await extracted('defence-review.pdf');
    const findings = new Checker().check(parseMemo('As Smith argued (Smith 2019, p. 12), budgets drift.\n'), [x]);
    assert.deepStrictEqual(findings.filter((f) => f.code.startsWith('citation/')), []);
    const text = extractText('The port handled 12 million tonnes in 2023.\n\nThe mayor said so.\n', 'port.txt');
    assert.strictEqual(formatCitation(text.source, 2, 'inline', { at: 0 }), '(port, \u00b62)');
    assert.strictEqual(formatCitation(text.source, 2, 'pandoc'), '[@port, para. 2]');
  });
});

describe('citing a PDF by page in a CSL style', () => {
  function formatter(style: BundledStyle): CslFormatter {
    const made = CslFormatter.create(readFileSync(join(ROOT, CSL_FOLDER, BUNDLED_STYLES[style]), 'utf8'), readFileSync(join(ROOT, CSL_FOLDER, LOCALE_FILE), 'utf8'));
    assert.ok(made instanceof CslFormatter, 'error' in made ? made.error : 'no formatter');
    return made;
  }

  it('gives citeproc the page as the locator, not the paragraph, in APA and Chicago', async () => {
    const x = await extracted('defence-review.pdf');
    const rutte = x.quotes.find((q) => q.speaker === 'Mark Rutte');
    assert.ok(rutte);
    const page = pageAt(x.source, rutte.start);
    const paragraph = paragraphAt(x.source, rutte.start)?.number ?? 0;
    assert.ok(page !== undefined && paragraph > 0 && paragraph !== page, `page ${page}, paragraph ${paragraph}`);
    const apa = formatter('apa');
    const mark = formatCitation(x.source, paragraph, 'inline', { at: rutte.start, csl: apa });
    assert.match(mark, new RegExp(`^\\(.+, (?:\\d{4}|n\\.d\\.), p\\. ${page}\\)$`));
    assert.doesNotMatch(mark, /para\./);
    const chicago = formatter('chicago-note');
    const definition = footnoteDefinition(x.source, paragraph, { at: rutte.start, csl: chicago });
    assert.match(definition, new RegExp(`^\\[\\^defence-review-${paragraph}\\]: .*\\b${page}[.,]`));
    assert.doesNotMatch(definition, /para\./);
    const edit = citationEdit('', x.source, paragraph, 'footnote', { at: rutte.start, csl: chicago });
    assert.strictEqual(edit.appendAtEnd, `${definition}\n`);
    // A text source in the same style keeps the paragraph as its locator.
    const text = extractText('The port handled 12 million tonnes in 2023.\n\nThe mayor said so.\n', 'port.txt');
    assert.match(formatCitation(text.source, 2, 'inline', { csl: apa }), /, para\. 2\)$/);
    // The APA mark is read back: by page, resolved to the PDF.
    const [parsed] = parseCitations(`"Two percent is a floor" ${mark}.`);
    assert.strictEqual(parsed?.style, 'author-date');
    assert.strictEqual(parsed.page, page);
    assert.strictEqual(parsed.paragraph, 0);
    assert.strictEqual(resolveCitation(parsed, [x]), x);
  });

  it('an APA page citation that does not hold the quote is stale, and the fix names the right page', async () => {
    const x = await extracted('defence-review.pdf');
    const apa = formatCitation(x.source, 1, 'inline', { at: 0, csl: formatter('apa') }).replace(/p\. \d+\)$/, 'p. 1)');
    const stale = new Checker().check(parseMemo(`Rutte said: "Two percent is a floor, not a ceiling" ${apa}.\n`), [x]).find((f) => f.code === 'citation/stale');
    assert.ok(stale, 'no citation/stale');
    assert.match(stale.message, /^The quote is on p\. [23] of defence-review, not p\. 1$/);
    assert.strictEqual(stale.fix?.newText, apa.replace(/p\. 1\)$/, `p. ${/p\. (\d)/.exec(stale.message)?.[1]})`));
    const book = new Checker().check(parseMemo('As Smith argued (Smith, 2019, p. 12), budgets drift.\n'), [x]);
    assert.deepStrictEqual(book.filter((f) => f.code.startsWith('citation/')), [], 'a book cited by page, APA style, is left alone');
  });
});

describe('memo-check on PDF and Word sources', () => {
  async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await main(args, { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd: FORMATS });
    return { code, out, err };
  }

  it('--source x.pdf flags a wrong number, with the evidence\u2019s page in JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'memo-check-pdf-'));
    writeFileSync(join(dir, 'memo.md'), 'Military support to Ukraine amounted to 3.2 billion euros in 2024.\n');
    const { code, out } = await run(['--source', 'defence-review.pdf', '--format', 'json', join(dir, 'memo.md')]);
    assert.strictEqual(code, 1);
    const diagnostic = JSON.parse(out).files[0].diagnostics.find((d: { code: string }) => d.code === 'conflict/number');
    assert.strictEqual(diagnostic.evidence.page, 2);
    assert.match(diagnostic.evidence.text, /^Military support to Ukraine amounted\s+to 2\.2 billion euros in 2024/);
  });

  it('extract lists a PDF\u2019s quotes and facts with their pages, and names a bad file in one line', async () => {
    const { code, out } = await run(['extract', 'defence-review.pdf']);
    assert.strictEqual(code, 0);
    assert.match(out, /^ {4}\d+:\d+ p\. [23] Mark Rutte: \u201cTwo percent is a floor, not a ceiling\u201d$/m);
    const bad = await run(['extract', 'encrypted.pdf']);
    assert.strictEqual(bad.code, 2);
    assert.strictEqual(bad.err, 'memo-check: source encrypted.pdf is encrypted and cannot be read (it needs a password)\n');
    const docx = await run(['extract', '--format', 'json', 'flood-draft.docx']);
    assert.strictEqual(JSON.parse(docx.out).sources[0].tables.length, 1);
  });
});
