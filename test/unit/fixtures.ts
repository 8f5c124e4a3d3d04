import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract, type Extraction } from '../../src/core/sources/extract';
import { parseSource } from '../../src/core/sources/source';

export const ROOT = join(__dirname, '..', '..');
export const SAMPLE_PATH = join(ROOT, 'media', 'sample', 'rutte-sudani-the-hague.txt');

export function article(name: string): string {
  return join(ROOT, 'test', 'fixtures', 'articles', name);
}

const cache = new Map<string, Extraction>();

/** Extraction of a file of the repository (cached: the suites read the same articles). */
export function extractFile(path: string): Extraction {
  let x = cache.get(path);
  if (!x) {
    x = extract(parseSource({ path, content: readFileSync(path, 'utf8') }));
    cache.set(path, x);
  }
  return x;
}

export function extractText(text: string, path = 'inline.txt'): Extraction {
  return extract(parseSource({ path, content: text }));
}

/**
 * A genuine Windows-1252 article of about 7 KB with only 24 bytes above 0x7F: curly quotes (0x93/0x94), apostrophes
 * (0x92, one in "knife's"), dashes (0x96) and an e acute (0xE9). Read as UTF-8, each is an invalid sequence.
 */
export function windows1252Article(): { bytes: Uint8Array; text: string } {
  const filler = (n: number): string => `The harbour board met again on day ${n} of the dispute and heard the usual reports on cargo, berths, pilots and tugs from each terminal in turn.`;
  const paragraphs: string[] = [];
  for (let n = 1; n <= 45; n++) paragraphs.push(filler(n));
  paragraphs.splice(5, 0, '\u201cWe are on a knife\u2019s edge with this strike, and the port stays shut until the board pays what it owes,\u201d said Ingrid Vos, the union\u2019s leader.');
  paragraphs.splice(12, 0, 'The port\u2019s owners, the board\u2019s chair and the city\u2019s mayor met on Monday \u2013 without the union.');
  paragraphs.splice(20, 0, 'The caf\u00e9 by the gate stayed open \u2013 the only one \u2013 and the ship\u2019s crews queued at the caf\u00e9.');
  paragraphs.splice(27, 0, '\u201cNothing moves,\u201d a pilot said \u2013 again.');
  paragraphs.splice(33, 0, 'The board\u2019s report \u2013 due on Friday \u2013 names \u201cfive terminals\u201d; the union\u2019s members\u2019 pay is cut, the caf\u00e9 says.');
  const text = paragraphs.join('\n\n') + '\n';
  const cp1252: Record<string, number> = { '\u2019': 0x92, '\u201c': 0x93, '\u201d': 0x94, '\u2013': 0x96, '\u00e9': 0xe9 };
  const bytes = Uint8Array.from([...text].map((c) => cp1252[c] ?? c.charCodeAt(0)));
  return { bytes, text };
}
