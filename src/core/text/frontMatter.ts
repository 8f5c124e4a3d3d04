import { parse as parseYaml } from 'yaml';
import type { Span } from './offsets';

export interface FrontMatter {
  /** The parsed mapping, or undefined when there is no front matter or it is not a mapping. */
  readonly data: Record<string, unknown> | undefined;
  /** The whole block including both `---` fences; empty span when absent. */
  readonly span: Span;
  /** A message when the block exists but is not valid YAML or not a mapping. */
  readonly error?: string;
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Reads a leading YAML front-matter block (Jekyll/Pandoc style). Never throws. */
export function readFrontMatter(text: string): FrontMatter {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { data: undefined, span: { start: 0, end: 0 } };
  const span = { start: 0, end: match[0].length };
  try {
    const data: unknown = parseYaml(match[1]);
    if (data === null || data === undefined) return { data: {}, span };
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { data: undefined, span, error: 'front matter is not a mapping of keys to values' };
    }
    return { data: data as Record<string, unknown>, span };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { data: undefined, span, error: `front matter is not valid YAML: ${reason}` };
  }
}

export function stringField(data: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = data?.[key];
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return undefined;
}

/** A front-matter list field that may also be written as a single string. */
export function stringListField(data: Record<string, unknown> | undefined, key: string): string[] | undefined {
  const value = data?.[key];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return undefined;
}
