/**
 * The workspace's sources as `policyMemo.sources` describes them, shared by the extension and memo-check: the
 * default globs (package.json's contributes.configuration is their one home), what counts as a valid setting, the
 * folders never searched, and, for memo-check, the search itself (the extension's is VS Code's findFiles).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { contributes } from '../../../package.json';

const SETTINGS = contributes.configuration.properties;

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

const REGEX_SPECIAL = /[.+^$()|\\/]/;

/** Splits a brace group's inside at its top-level commas. */
function alternatives(inside: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inside.length; i++) {
    if (inside[i] === '{') depth++;
    else if (inside[i] === '}') depth--;
    else if (inside[i] === ',' && depth === 0) {
      parts.push(inside.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inside.slice(start));
  return parts;
}

function globSource(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const atStart = i === 0 || glob[i - 1] === '/';
      const slashAfter = glob[i + 2] === '/';
      if (atStart && slashAfter) {
        out += '(?:[^/]*/)*';
        i += 2;
      } else if (atStart && i + 2 === glob.length) {
        out += '.*';
        i += 1;
      } else {
        out += '[^/]*';
        i += 1;
      }
    } else if (c === '*') {
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '{') {
      let depth = 0;
      let end = i;
      for (; end < glob.length; end++) {
        if (glob[end] === '{') depth++;
        else if (glob[end] === '}' && --depth === 0) break;
      }
      if (end >= glob.length) {
        out += '\\{';
        continue;
      }
      out += `(?:${alternatives(glob.slice(i + 1, end)).map(globSource).join('|')})`;
      i = end;
    } else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      let inside = glob.slice(i + 1, end);
      const negated = inside.startsWith('!') || inside.startsWith('^');
      if (negated) inside = inside.slice(1);
      out += `[${negated ? '^' : ''}${inside.replace(/[\\\]^]/g, '\\$&')}]`;
      i = end;
    } else {
      out += REGEX_SPECIAL.test(c) || c === '}' || c === ']' ? `\\${c}` : c;
    }
  }
  return out;
}

/**
 * A glob as VS Code reads one (`*` and `?` within a path segment, `**` any number of segments, `{a,b}` groups,
 * `[…]` ranges), as a test of a path relative to the folder, with `/` between segments.
 */
export function globMatcher(glob: string): (relativePath: string) => boolean {
  const pattern = new RegExp(`^${globSource(glob.replace(/^\.\//, ''))}$`);
  return (path) => pattern.test(path);
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
