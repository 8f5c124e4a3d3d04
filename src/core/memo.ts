/** The memo model: which parts of a Markdown memo are claims, with offsets into the memo. */
import MarkdownIt from 'markdown-it';
import { readFrontMatter, stringListField } from './frontMatter';
import { autolinkSpans, blankSpans, bracketLinkSpans, codeSpans, delimitedSpans, footnoteRefSpans, tagSpans, untilCharSpans } from './markup';
import { blankOut, LineIndex, type Span } from './text';

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
// Only the blocks are read (paragraphs, headings, table rows, with their lines): the inline parse of every
// paragraph, its links, emphasis and brackets, was most of the parse and is done by maskInline instead.
markdown.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);

/**
 * Blanks inline markup that is not prose, keeping offsets. Each step finds what a regular expression did before
 * (named in its comment), with a scanner that reads the line once: those expressions backtracked, and a line of
 * `[` or `<a ` repeated took seconds at 100 KB (see markup.ts).
 */
export function maskInline(line: string): string {
  let masked = line;
  const blank = (spans: readonly Span[]): void => {
    masked = blankSpans(masked, spans);
  };
  blank(codeSpans(masked)); // /`+[^`]*`+/g
  blank(delimitedSpans(masked, '<!--', '-->')); // /<!--[\s\S]*?-->/g
  blank(tagSpans(masked)); // /<\/?[A-Za-z][^>]*>/g
  blank(bracketLinkSpans(masked, '![', false)); // /!\[[^\]]*\]\([^)]*\)/g
  // Citations are references, not claims: [^key-7], [@key, para. 7], (key, ¶7).
  blank(footnoteRefSpans(masked)); // /\[\^[^\]\s]+\]/g
  blank(untilCharSpans(masked, '[@', ']')); // /\[@[^\]]*\]/g
  // At most 80 characters are read back from each `,`: linear as it stands.
  masked = masked.replace(/\([^()\n]{1,80},\s*\u00b6\s*\d+\)/g, (m) => m.replace(/[^\r\n]/g, ' '));
  blank(untilCharSpans(masked, '](', ')')); // /\]\([^)]*\)/g
  blank(autolinkSpans(masked)); // /<https?:[^>]*>/g
  masked = masked.replace(/\bhttps?:\/\/\S+/g, (m) => m.replace(/[^\r\n]/g, ' '));
  // /\[(?=[^\]]*\])/g: a `[` with a `]` after it.
  const lastClose = masked.lastIndexOf(']');
  if (lastClose > 0) masked = masked.slice(0, lastClose).replace(/\[/g, ' ') + masked.slice(lastClose);
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
      .map((part) => (/^(\r\n|\r|\n)$/.test(part) ? part : maskInline(token.type === 'tr_open' ? maskTableRow(maskLineStart(part)) : maskLineStart(part))))
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
