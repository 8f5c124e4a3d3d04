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
