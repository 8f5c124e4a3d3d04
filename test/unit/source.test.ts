import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { decodeText } from '../../src/core/text/decode';
import { keyFromPath, parseSource, sentenceText, splitParagraphs } from '../../src/core/sources/source';
import { article, extractFile, SAMPLE_PATH, windows1252Article } from './fixtures';

describe('source model', () => {
  it('splits the sample into its paragraphs and sentences with exact offsets', () => {
    const x = extractFile(SAMPLE_PATH);
    assert.strictEqual(x.source.paragraphs.length, 24);
    assert.strictEqual(x.source.sentences.length, 66);
    for (const s of x.source.sentences) assert.ok(s.start <= s.end && s.end <= x.source.text.length && /\S$/.test(sentenceText(x.source, s)));
    assert.strictEqual(x.source.key, 'rutte-sudani-the-hague');
    assert.strictEqual(x.source.meta.title, 'What Rutte and Sudani discussed in The Hague');
  });

  it('uses a source\u2019s front matter for its title and key, and keeps file offsets', () => {
    const path = article('op-ed.md');
    const x = extractFile(path);
    assert.strictEqual(x.source.key, 'okafor-car-parks');
    assert.strictEqual(x.source.meta.author, 'Lena Okafor');
    assert.strictEqual(x.source.meta.outlet, 'The Civic Review');
    const file = readFileSync(path, 'utf8');
    const q = x.quotes.find((quote) => quote.speaker === 'Paul Hargreaves');
    assert.ok(q);
    assert.strictEqual(file.slice(q.start, q.end), 'We built for a peak that never came.');
  });

  it('reads HTML through a parser: no scripts, navigation, cookie banners or footers; tables stay readable', () => {
    const x = extractFile(article('scraped.html'));
    const text = x.source.text;
    for (const furniture of ['Do not read this', 'Home', 'cookies', 'All rights reserved', 'Related']) assert.ok(!text.includes(furniture), `"${furniture}" kept`);
    assert.match(text, /Negotiators failed to agree on a budget on Monday, leaving 3,000 civil servants unpaid, officials said\./);
    assert.match(text, /Health \u2014 Cut: 12%\.\nDefence \u2014 Cut: 4%\./);
    assert.strictEqual(x.source.meta.title, 'Budget talks collapse | The Daily Ledger');
    assert.strictEqual(x.source.meta.outlet, 'The Daily Ledger');
    assert.strictEqual(x.source.meta.date, '2025-02-11');
    assert.strictEqual(x.quotes[0]?.speaker, 'Elena Rossi');
  });

  it('treats CRLF and lone CR like LF', () => {
    const lf = parseSource({ path: 'a.txt', content: 'One line.\n\nTwo "quoted words" here.\n' });
    const crlf = parseSource({ path: 'a.txt', content: 'One line.\r\n\r\nTwo "quoted words" here.\r\n' });
    const cr = parseSource({ path: 'a.txt', content: 'One line.\r\rTwo "quoted words" here.\r' });
    assert.strictEqual(crlf.paragraphs.length, lf.paragraphs.length);
    assert.strictEqual(cr.paragraphs.length, lf.paragraphs.length);
    assert.deepStrictEqual(crlf.lines.positionAt(crlf.paragraphs[1].start), { line: 2, character: 0 });
    assert.deepStrictEqual(cr.lines.positionAt(cr.paragraphs[1].start), { line: 2, character: 0 });
  });

  it('splits paragraphs on blank lines, including whitespace-only ones', () => {
    assert.deepStrictEqual(splitParagraphs('a\nb\n \t\nc').map((p) => p.number), [1, 2]);
    assert.deepStrictEqual(splitParagraphs(''), []);
  });

  it('derives citation keys from file names', () => {
    assert.strictEqual(keyFromPath('/x/Sources/My Article (2024).TXT'), 'my-article-2024');
    assert.strictEqual(keyFromPath('/x/\u00e9t\u00e9.md'), 'ete');
  });
});

describe('decoding', () => {
  it('reads UTF-8, UTF-16 with a BOM, and refuses binary', () => {
    assert.deepStrictEqual(decodeText(new TextEncoder().encode('caf\u00e9')), { ok: true, text: 'caf\u00e9' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hi there', 'utf16le')]);
    assert.deepStrictEqual(decodeText(utf16), { ok: true, text: 'hi there' });
    const binary = decodeText(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
    assert.strictEqual(binary.ok, false);
  });

  it('reads text that is not UTF-8 as Windows-1252, with a note', () => {
    const latin = decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94]));
    assert.ok(latin.ok);
    assert.strictEqual(latin.text, 'caf\u00e9 \u201cok\u201d');
    assert.match(latin.note ?? '', /Windows-1252/);
  });

  it('reads a Windows-1252 file with few high bytes (24 in 7 KB) as Windows-1252: any invalid UTF-8 sequence decides', () => {
    const { bytes, text } = windows1252Article();
    assert.strictEqual(bytes.filter((b) => b > 0x7f).length, 24);
    assert.ok(bytes.length > 6500 && bytes.length < 7500, `${bytes.length} bytes`);
    const decoded = decodeText(bytes);
    assert.ok(decoded.ok);
    assert.strictEqual(decoded.text, text);
    assert.ok(decoded.text.includes('knife\u2019s edge') && !decoded.text.includes('\uFFFD'));
    assert.strictEqual(decoded.note, 'is not UTF-8; read as Windows-1252');
    // One stray byte in otherwise valid UTF-8 is enough; a UTF-8 BOM is not decoded as text.
    const stray = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('caf\u00e9 '), Buffer.from([0x92])]));
    assert.deepStrictEqual(stray, { ok: true, text: 'caf\u00c3\u00a9 \u2019', note: 'is not UTF-8; read as Windows-1252' });
  });

  it('reads valid UTF-8 as UTF-8 with no note, however many characters are not ASCII', () => {
    const text = '\u201cJa,\u201d zei de minister \u2013 \u00e9\u00e9n keer. \u0645\u0631\u062d\u0628\u0627 \u{1F600}'.repeat(50);
    assert.deepStrictEqual(decodeText(Buffer.from(text)), { ok: true, text });
    assert.deepStrictEqual(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])), { ok: true, text });
  });
});
