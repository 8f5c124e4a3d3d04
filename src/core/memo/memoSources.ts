/**
 * Which sources a memo is checked against, the one rule the extension and memo-check share (README, "Which
 * sources a memo is checked against"):
 * 1. the memo's own front matter `sources:` (paths relative to the memo), as Pandoc's `bibliography:`;
 * 2. else the configured sources: the workspace's `policyMemo.sources` globs, or memo-check's `--source`;
 * 3. else the bundled sample.
 */
import { isAbsolute, resolve } from 'node:path';
import { readFrontMatter, stringListField } from '../text/frontMatter';

export type SourcesOrigin = 'front-matter' | 'configured' | 'sample';

export interface ListedSource {
  /** As written in the front matter, for messages that point at the entry. */
  readonly entry: string;
  /** The absolute path it names. */
  readonly path: string;
}

export interface MemoSources {
  readonly origin: SourcesOrigin;
  /** The front matter's entries (origin 'front-matter'), else the configured paths or the sample's, as entries of themselves. */
  readonly sources: readonly ListedSource[];
}

/** The entries of a memo's front matter `sources:`, or undefined when it has no such field. */
export function listedSourcesOf(memoText: string): string[] | undefined {
  return stringListField(readFrontMatter(memoText).data, 'sources');
}

/** The absolute path a front-matter entry names: as written when absolute, else relative to the memo's folder. */
export function resolveListedSource(memoPath: string, entry: string): string {
  return isAbsolute(entry) ? entry : resolve(memoPath, '..', entry);
}

/** Applies the rule above; `listed` is the memo's front matter `sources:` (see {@link listedSourcesOf}). */
export function chooseMemoSources(memoPath: string, listed: readonly string[] | undefined, configured: readonly string[], samplePath: string): MemoSources {
  if (listed) return { origin: 'front-matter', sources: listed.map((entry) => ({ entry, path: resolveListedSource(memoPath, entry) })) };
  if (configured.length) return { origin: 'configured', sources: configured.map((path) => ({ entry: path, path })) };
  return { origin: 'sample', sources: [{ entry: samplePath, path: samplePath }] };
}
