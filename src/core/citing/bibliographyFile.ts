/**
 * Reading bibliography and CSL style files as sources are read (safeFile.ts): only regular files, at most a number of
 * bytes, given up after a time; decoded as sources are. A file is read again only when its size or time changes.
 */
import { decodeText } from '../text/decode';
import { IS_FOLDER, NOT_REGULAR, readRegularFile, statFile, withTimeout } from '../sources/safeFile';
import { resolveListedSource } from '../memo/memoSources';
import { bibliographyEntriesOf, parseBibliography, type Bibliography } from './bibliography';

export const READ_TIMEOUT_MS = 10_000;
/** A bibliography of 10,000 entries is about 5 MB. */
export const MAX_BIBLIOGRAPHY_BYTES = 32 * 1024 * 1024;
/** The largest CSL styles are about 200 KB. */
export const MAX_STYLE_BYTES = 2 * 1024 * 1024;

export type TextRead = { readonly ok: true; readonly text: string; readonly stamp: string } | { readonly ok: false; readonly message: string };

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'is not found';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  if (code === 'ETIMEDOUT') return `could not be read in ${READ_TIMEOUT_MS / 1000} s`;
  return `could not be read: ${(error as Error).message}`;
}

/** The text of a small file, or why not, as the end of a sentence that starts with its name. Never throws. */
export async function readSmallTextFile(path: string, maxBytes: number, known?: { stamp: string }): Promise<TextRead | 'unchanged'> {
  try {
    const info = await withTimeout(statFile(path), READ_TIMEOUT_MS);
    if (info.kind === 'directory') return { ok: false, message: IS_FOLDER };
    if (info.kind === 'other') return { ok: false, message: NOT_REGULAR };
    if (info.size > maxBytes) return { ok: false, message: `is larger than ${Math.round(maxBytes / 1024 / 1024)} MB and is not read` };
    const stamp = `${info.size}:${info.mtime}`;
    if (known && known.stamp === stamp) return 'unchanged';
    const bytes = await withTimeout(readRegularFile(path, maxBytes), READ_TIMEOUT_MS);
    if (bytes.length > maxBytes) return { ok: false, message: `is larger than ${Math.round(maxBytes / 1024 / 1024)} MB and is not read` };
    const decoded = decodeText(bytes);
    if (!decoded.ok) return { ok: false, message: decoded.reason };
    return { ok: true, text: decoded.text, stamp };
  } catch (error) {
    return { ok: false, message: reasonOf(error) };
  }
}

/** Bibliography files by path, each parsed once per change of the file. */
export class BibliographyFiles {
  private readonly cache = new Map<string, { stamp: string; bibliography: Bibliography }>();

  /** The bibliography in a file; a file that cannot be read is one with no items and its reason as the problem. */
  async load(path: string, name: string): Promise<Bibliography> {
    const known = this.cache.get(path);
    const read = await readSmallTextFile(path, MAX_BIBLIOGRAPHY_BYTES, known);
    if (read === 'unchanged' && known) return known.bibliography.name === name ? known.bibliography : { ...known.bibliography, name };
    if (read === 'unchanged' || !read.ok) {
      this.cache.delete(path);
      return { name, items: [], problems: [read === 'unchanged' ? 'could not be read' : read.message] };
    }
    const bibliography = parseBibliography(read.text, name);
    this.cache.set(path, { stamp: read.stamp, bibliography });
    return bibliography;
  }

  forget(path: string): void {
    this.cache.delete(path);
  }
}

/** A bibliography a memo names that is not read: where it is and why (the end of a sentence that starts with its name). */
export interface RefusedBibliography {
  readonly entry: string;
  readonly path: string;
  readonly reason: string;
}

/**
 * The bibliographies a memo's front matter names (`bibliography:`, paths relative to the memo, as its `sources:`),
 * the one reading the extension and memo-check share: each entry placed by `refuse` first (why it is not read, when
 * it is outside the workspace or project root), then read through `files`. A file that cannot be read, or reads with
 * problems, is a bibliography with its problems (see {@link bibliographyMessage}); it never throws.
 */
export async function readMemoBibliographies(
  memoPath: string,
  memoText: string,
  files: BibliographyFiles,
  refuse: (path: string) => Promise<string | undefined>,
): Promise<{ bibliographies: (Bibliography & { readonly path: string })[]; refused: RefusedBibliography[] }> {
  const bibliographies: (Bibliography & { readonly path: string })[] = [];
  const refused: RefusedBibliography[] = [];
  for (const entry of bibliographyEntriesOf(memoText) ?? []) {
    const path = resolveListedSource(memoPath, entry);
    const reason = await refuse(path);
    if (reason) {
      files.forget(path);
      refused.push({ entry, path, reason });
      continue;
    }
    bibliographies.push({ ...(await files.load(path, entry)), path });
  }
  return { bibliographies, refused };
}

/**
 * What is said of a bibliography with problems, after "bibliography NAME": what is wrong and what happens meanwhile
 * ("has a syntax error …. The memo is checked as before; its 3 other entries are used").
 */
export function bibliographyMessage(problems: readonly string[], items: number): string {
  const rest = items ? `its ${items} other ${items === 1 ? 'entry is' : 'entries are'} used` : 'the sources keep their own citation keys';
  return `${problems.join('; ')}. The memo is checked as before; ${rest}`;
}
