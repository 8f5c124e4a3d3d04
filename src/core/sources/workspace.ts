/**
 * The workspace's sources as `policyMemo.sources` describes them, shared by the extension and memo-check: the
 * default globs (package.json's contributes.configuration is their one home), what counts as a valid setting, the
 * folders never searched, and, for memo-check, the search itself (the extension's is VS Code's findFiles).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type picomatchType from 'picomatch/posix';
import { contributes } from '../../../package.json';

const SETTINGS = contributes.configuration.properties;

/**
 * picomatch, loaded by the first glob matched: only memo-check matches globs (the extension asks VS Code), and the
 * engine's bundle (dist/engine.js) is also the extension's.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadPicomatch = (): typeof picomatchType => require('picomatch/posix');

/** `policyMemo.sources` when it is not set: the default the settings UI shows. */
export const DEFAULT_SOURCE_GLOBS: readonly string[] = SETTINGS['policyMemo.sources'].default;
/** `policyMemo.maxSources` when it is not set. */
export const DEFAULT_MAX_SOURCES: number = SETTINGS['policyMemo.maxSources'].default;
/** Folders never searched for sources: dependencies and version control. */
export const EXCLUDED_FOLDERS: readonly string[] = ['node_modules', '.git'];
/** {@link EXCLUDED_FOLDERS} as the exclude glob of VS Code's findFiles. */
export const SOURCE_EXCLUDE_GLOB = `**/{${EXCLUDED_FOLDERS.join(',')}}/**`;

/** The globs a `policyMemo.sources` value gives: its non-blank strings; the default when it is not a list. */
export function sourceGlobsOf(value: unknown): readonly string[] {
  const list = Array.isArray(value) ? value : DEFAULT_SOURCE_GLOBS;
  return list.filter((g): g is string => typeof g === 'string' && g.trim() !== '');
}

/** A `policyMemo.maxSources` value as the extension reads it: at least 1, the default when it is not a number. */
export function maxSourcesOf(value: unknown): number {
  return Math.max(1, typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : DEFAULT_MAX_SOURCES);
}

/**
 * A glob as VS Code reads one (`*` and `?` within a path segment, `**` any number of segments, `{a,b}` groups,
 * `[…]` ranges), as a test of a path relative to the folder, with `/` between segments. picomatch's POSIX build:
 * the paths here always use `/`, on Windows too.
 */
export function globMatcher(glob: string): (relativePath: string) => boolean {
  // picomatch reads "[!ab]" as a class holding "!", where VS Code (and shells) read it as "not a or b": given as "[^ab]".
  return loadPicomatch()(glob.replace(/^\.\//, '').replace(/\[!/g, '[^'), { dot: true });
}

/** The folders a glob's matches all lie under: its segments before the first with a wildcard. */
function literalBase(glob: string): string[] {
  const segments = glob.replace(/^\.\//, '').split('/');
  const base: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (/[*?{}[\]]/.test(segment)) break;
    base.push(segment);
  }
  return base;
}

export interface FoundFiles {
  /** Absolute paths, sorted, at most `limit`. */
  readonly paths: string[];
  /** More than `limit` matched. */
  readonly truncated: boolean;
}

/**
 * The files under `root` that match any of the globs, as findFiles finds them in the extension: excluded folders
 * are not entered, nor are links to folders (a link to a file is found; the caller holds it to the root). A folder
 * that cannot be read is passed over.
 */
export async function findSourceFiles(root: string, globs: readonly string[], limit: number): Promise<FoundFiles> {
  const found = new Set<string>();
  for (const glob of globs) {
    const matches = globMatcher(glob);
    const base = literalBase(glob);
    const pending = [base.join('/')];
    while (pending.length) {
      const dir = pending.pop() as string;
      let entries;
      try {
        entries = await readdir(join(root, dir), { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        const relative = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (!EXCLUDED_FOLDERS.includes(entry.name)) pending.push(relative);
        } else if (matches(relative)) {
          found.add(join(root, relative));
        }
      }
    }
  }
  const paths = [...found].sort((a, b) => a.localeCompare(b));
  return { paths: paths.slice(0, limit), truncated: paths.length > limit };
}
