/** The memo model: which parts of a Markdown memo are claims, with offsets into the memo. */
import MarkdownIt from 'markdown-it';
import { readFrontMatter, stringListField } from '../text/frontMatter';
import { blankOut, LineIndex, type Span } from '../text/offsets';

export interface MemoBlock extends Span {
  /** The block's text with Markdown markup, code and URLs blanked to spaces (same offsets as the memo). */
  readonly prose: string;
  readonly line: number;
}

export interface ParsedMemo {
  readonly text: string;
  readonly lines: LineIndex;
  readonly blocks: readonly MemoBlock[];
  /** Front matter `sources:`, as written (relative to the memo), or undefined when absent. */
  readonly sources?: readonly string[];
  readonly frontMatterSpan: Span;
  readonly frontMatterError?: string;
  /** 0-based lines on which checking is disabled by a memo-check-disable comment. */
  readonly disabledLines: ReadonlySet<number>;
}

export const DISABLE_NEXT_LINE = 'memo-check-disable-next-line';
export const DISABLE_LINE = 'memo-check-disable-line';
export const DISABLE = 'memo-check-disable';
export const ENABLE = 'memo-check-enable';

const markdown = new MarkdownIt({ html: true, linkify: false });

/** Blanks inline markup that is not prose, keeping offsets. */
function maskInline(line: string): string {
  let masked = line;
  const blank = (pattern: RegExp): void => {
    masked = masked.replace(pattern, (m) => m.replace(/[^\r\n]/g, ' '));
  };
  blank(/`+[^`]*`+/g);
  blank(/<!--[\s\S]*?-->/g);
  blank(/<\/?[A-Za-z][^>]*>/g);
  blank(/!\[[^\]]*\]\([^)]*\)/g);
  // Citations are references, not claims: [^key-7], [@key, para. 7], (key, ¶7).
  blank(/\[\^[^\]\s]+\]/g);
  blank(/\[@[^\]]*\]/g);
  blank(/\([^()\n]{1,80},\s*\u00b6\s*\d+\)/g);
  blank(/\]\([^)]*\)/g);
  blank(/<https?:[^>]*>/g);
  blank(/\bhttps?:\/\/\S+/g);
  masked = masked.replace(/\[(?=[^\]]*\])/g, ' ');
  masked = masked.replace(/(\*\*|__|~~)/g, (m) => ' '.repeat(m.length));
  masked = masked.replace(/(?<=^|[\s(])[*_](?=\S)|(?<=\S)[*_](?=[\s).,;:!?]|$)/g, ' ');
  return masked;
}

/** Blanks the block-level markers at the start of a line: list bullets, quote marks, heading hashes, table pipes. */
function maskLineStart(line: string): string {
  // A footnote definition is a reference, not a claim.
  if (/^\s*\[\^[^\]]+\]:/.test(line)) return ' '.repeat(line.length);
  return line
    .replace(/^(\s*(?:>\s?)*)(#{1,6}\s+)?((?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)?/, (m) => ' '.repeat(m.length))
    .replace(/\s#+\s*$/, (m) => ' '.repeat(m.length));
}

/**
 * Blanks the block quote marks of a block's later line. Its other line starts are prose: in a hard-wrapped paragraph
 * "2018. The council…" continues the sentence before it (an ordered list cannot start there: markdown-it would have
 * made it a block of its own).
 */
function maskContinuationStart(line: string): string {
  return line.replace(/^\s*(?:>\s?)*/, (m) => ' '.repeat(m.length));
}

function maskTableRow(line: string): string {
  if (/^\s*\|?\s*:?-{3,}/.test(line)) return ' '.repeat(line.length);
  // Each cell is its own claim: the pipe becomes a sentence break.
  return line.replace(/\|/g, '.');
}

function disabledLinesOf(text: string, lines: LineIndex): Set<number> {
  const disabled = new Set<number>();
  const rawLines = text.split(/\r\n|\r|\n/);
  let off = false;
  for (let i = 0; i < rawLines.length; i++) {
    const line = rawLines[i];
    if (line.includes(`<!-- ${DISABLE_NEXT_LINE}`)) {
      let next = i + 1;
      while (next < rawLines.length && !rawLines[next].trim()) next++;
      disabled.add(next);
    }
    if (line.includes(`<!-- ${DISABLE_LINE}`)) disabled.add(i);
    if (new RegExp(`<!--\\s*${DISABLE}\\s*-->`).test(line)) off = true;
    if (new RegExp(`<!--\\s*${ENABLE}\\s*-->`).test(line)) off = false;
    if (off) disabled.add(i);
  }
  void lines;
  return disabled;
}

/** Parses a memo into claim-bearing blocks. Never throws on any input text. */
export function parseMemo(input: string): ParsedMemo {
  const frontMatter = readFrontMatter(input);
  const text = frontMatter.span.end > 0 ? blankOut(input, frontMatter.span.start, frontMatter.span.end) : input;
  const lines = new LineIndex(input);
  const lineTexts = text.split(/\r\n|\r|\n/);
  const blocks: MemoBlock[] = [];
  let tokens: ReturnType<typeof markdown.parse> = [];
  try {
    tokens = markdown.parse(text, {});
  } catch {
    tokens = [];
  }
  let inTable = 0;
  for (const token of tokens) {
    if (token.type === 'table_open') inTable++;
    if (token.type === 'table_close') inTable--;
    const isBlock = token.type === 'paragraph_open' || token.type === 'heading_open' || (inTable > 0 && token.type === 'tr_open');
    if (!isBlock || !token.map) continue;
    const [firstLine, endLine] = token.map;
    const start = lines.offsetAt({ line: firstLine, character: 0 });
    const lastLine = Math.max(firstLine, endLine - 1);
    const end = lines.offsetAt({ line: lastLine, character: lineTexts[lastLine]?.length ?? 0 });
    const original = text.slice(start, end);
    const masked = original
      .split(/(\r\n|\r|\n)/)
      .map((part, i) => {
        if (i % 2 === 1) return part;
        const start = i === 0 ? maskLineStart(part) : maskContinuationStart(part);
        return maskInline(token.type === 'tr_open' ? maskTableRow(start) : start);
      })
      .join('');
    if (!masked.trim()) continue;
    blocks.push({ start, end, prose: masked, line: firstLine });
  }
  const sources = stringListField(frontMatter.data, 'sources');
  return {
    text: input, lines, blocks, sources, frontMatterSpan: frontMatter.span, frontMatterError: frontMatter.error,
    disabledLines: disabledLinesOf(input, lines),
  };
}
