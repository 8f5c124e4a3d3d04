import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const SAMPLE_FILE_NAME = 'rutte-sudani-the-hague.txt';

/** The bundled sample article: media/sample beside dist/ in a package, or beside src/ in a checkout. */
export function sampleSourcePath(): string {
  let dir = __dirname;
  for (let depth = 0; depth < 4; depth++) {
    const candidate = join(dir, 'media', 'sample', SAMPLE_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return join(__dirname, '..', 'media', 'sample', SAMPLE_FILE_NAME);
}
