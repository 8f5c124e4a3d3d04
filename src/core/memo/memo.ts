/** The memo model: which parts of a Markdown memo are claims, with offsets into the memo. */
import MarkdownIt from 'markdown-it';
import { readFrontMatter, stringListField } from '../text/frontMatter';
import { MAX_RUN_CHARS, noProseKind, noProseRuns, withoutNoProse } from '../language/guard';
import { findQuotedParts } from '../language/quotes';
import { autolinkSpans, blankSpans, isSpace, bracketLinkSpans, codeSpans, delimitedSpans, footnoteRefSpans, tagSpans, untilCharSpans } from '../text/markup';
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
  /** Parts of the memo not checked because they are over a limit (see guard.ts), each with the finding that says so. */
  readonly limits: readonly MemoLimit[];
}

/** A part of a memo that a limit keeps from being checked: reported as a finding of its own code (never a conflict). */
export interface MemoLimit {
  readonly code: string;
  readonly message: string;
  readonly span: Span;
}

export const DISABLE_NEXT_LINE = 'memo-check-disable-next-line';
export const DISABLE_LINE = 'memo-check-disable-line';
export const DISABLE = 'memo-check-disable';
export const ENABLE = 'memo-check-enable';
/** The code of a finding on a run without a space too long to be prose (see {@link MAX_RUN_CHARS}). */
export const LIMIT_LONG_RUN = 'limit/long-run';
/** The code of a finding on a line longer than {@link MAX_LINE_CHARS}. */
export const LIMIT_LONG_LINE = 'limit/long-line';
/**
 * Longest memo line checked: markdown-it reads a line in one call, which for a line of 10 MB kept the editor's
 * thread busy for ~90 ms at once (and its check took 20 s). A line of 1 MB is checked (in pieces).
 */
export const MAX_LINE_CHARS = 2_000_000;

const markdown = new MarkdownIt({ html: true, linkify: false });
// Only the blocks are read (paragraphs, headings, table rows, with their lines): the inline parse of every
// paragraph, its links, emphasis and brackets, was most of the parse and is done by maskInline instead.
markdown.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);

/** A size of text as a person reads it: 1,200 characters, 35 KB, 2.0 MB. */
export function sizeOf(chars: number): string {
  if (chars >= 1_000_000) return `${(chars / 1_000_000).toFixed(1)} MB`;
  if (chars >= 10_000) return `${Math.round(chars / 1000)} KB`;
  return `${chars.toLocaleString('en-US')} characters`;
}

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

const DISABLE_REGION = new RegExp(`<!--\\s*${DISABLE}\\s*-->`);
const ENABLE_REGION = new RegExp(`<!--\\s*${ENABLE}\\s*-->`);

function disabledLinesOf(text: string, lines: LineIndex): Set<number> {
  const disabled = new Set<number>();
  // Every comment names memo-check: most memos have none, and need no pass over their lines.
  if (!text.includes('memo-check-')) return disabled;
  const lineText = (i: number): string => text.slice(lines.offsetAt({ line: i, character: 0 }), lines.lineEnd(i));
  let off = false;
  for (let i = 0; i < lines.lineCount; i++) {
    const line = lineText(i);
    if (line.includes(`<!-- ${DISABLE_NEXT_LINE}`)) {
      let next = i + 1;
      while (next < lines.lineCount && !lineText(next).trim()) next++;
      disabled.add(next);
    }
    if (line.includes(`<!-- ${DISABLE_LINE}`)) disabled.add(i);
    if (DISABLE_REGION.test(line)) off = true;
    if (ENABLE_REGION.test(line)) off = false;
    if (off) disabled.add(i);
  }
  return disabled;
}

/**
 * Largest block checked as one, in characters and in tokens (as {@link tokenEstimate} counts them: a text of
 * numbers has three times the tokens of prose of its length, and the NLP library's time goes by tokens, ~12 µs
 * each). A larger paragraph (a whole article pasted as one line) is checked as pieces of at most this size, cut
 * between sentences and outside quotes: a piece is one step of a check (check.ts), which in the editor must end
 * within its time budget, and a check's scans of a block then never grow with a paragraph's length. A long
 * paragraph of prose is a third of this.
 */
export const MAX_BLOCK_CHARS = 8_000;
export const MAX_BLOCK_TOKENS = 1_000;
/** A piece is cut no earlier than this share of its largest size into it. */
const MIN_PIECE_SHARE = 0.25;

function isWordCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code >= 0xc0;
}

/**
 * Calls `at` with where each token of a text starts, as estimated (each run of letters and digits, and each other
 * character but a space), and returns their number; stops early when `at` returns false.
 */
function eachTokenStart(text: string, at?: (offset: number) => boolean): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      inWord = false;
      continue;
    }
    const word = isWordCode(code);
    if (!word || !inWord) {
      count++;
      if (at && !at(i)) break;
    }
    inWord = word;
  }
  return count;
}

/** How many tokens a text has, as estimated for sizing a step of a check (wink-nlp's own count is near). */
export function tokenEstimate(text: string): number {
  return eachTokenStart(text);
}

/** Where the tokens of a text start, as {@link tokenEstimate} counts them. */
export function tokenStarts(text: string): number[] {
  const starts: number[] = [];
  eachTokenStart(text, (offset) => starts.push(offset) > 0);
  return starts;
}

/** Where a sentence starts: after . ! or ? (and closing marks) and a space, at a capital or an opening mark. */
const SENTENCE_START = /[.!?]["')\]\u201d\u2019]*\s+(?=[A-Z\u00C0-\u00DE\u201c\u2018"'(])/g;

/**
 * The starts of the pieces a prose larger than {@link MAX_BLOCK_CHARS} or {@link MAX_BLOCK_TOKENS} is checked in
 * (the first is 0). Linear.
 */
export function pieceStarts(prose: string): number[] {
  const quotes = findQuotedParts(prose, { start: 0, end: prose.length });
  const candidates: number[] = [];
  for (const m of prose.matchAll(SENTENCE_START)) candidates.push((m.index ?? 0) + m[0].length);
  const tokens = tokenStarts(prose);
  let q = 0;
  const insideQuote = (at: number): boolean => {
    while (q < quotes.length && quotes[q].end < at) q++;
    return q < quotes.length && quotes[q].start <= at;
  };
  const starts = [0];
  let c = 0;
  let t = 0;
  let from = 0;
  for (;;) {
    while (t < tokens.length && tokens[t] < from) t++;
    // The piece ends at the first of: its largest length, its largest number of tokens.
    const limit = Math.min(from + MAX_BLOCK_CHARS, tokens[t + MAX_BLOCK_TOKENS] ?? Infinity);
    if (limit >= prose.length) break;
    const earliest = from + Math.floor((limit - from) * MIN_PIECE_SHARE);
    let cut = -1;
    while (c < candidates.length && candidates[c] <= limit) {
      if (candidates[c] > earliest && !insideQuote(candidates[c])) cut = candidates[c];
      c++;
    }
    // No sentence ends there outside a quote: the last word that starts in the window.
    for (let i = limit; cut < 0 && i > earliest; i--) if (isSpace(prose.charCodeAt(i - 1)) && !isSpace(prose.charCodeAt(i))) cut = i;
    if (cut <= from) cut = limit;
    starts.push(cut);
    from = cut;
  }
  return starts;
}

/**
 * Memos longer than this are given to markdown-it in chunks of about this size, cut at blank lines where a new
 * block starts at the margin outside any fence or HTML block (see {@link chunkStarts}): each chunk is one step of
 * a sliced check. A memo of 1 MB of short paragraphs takes markdown-it ~100 ms in one piece.
 */
const PARSE_CHUNK_CHARS = 64_000;
/** A chunk longer than this with no blank line is cut between the rows of a table (markdown-it: ~150 ms per MB). */
const TABLE_CUT_CHARS = 2 * PARSE_CHUNK_CHARS;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** HTML blocks that go on past blank lines (CommonMark's kinds 1-5), with what ends each. */
const HTML_BLOCKS: readonly [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?=[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/**
 * The lines at which a long memo is cut into chunks parsed on their own. A cut is made only at a line that starts
 * at the margin (no indent) after a blank line, outside a fenced code block or an HTML block that may hold blank
 * lines: any container open before the blank line (a list, a quote) ends there, so the blocks found in each chunk
 * are those found in the whole, line for line.
 */
function* chunkStarts(text: string, lines: LineIndex): Generator<void, number[], void> {
  const starts = [0];
  if (text.length <= PARSE_CHUNK_CHARS) return starts;
  let chunkStart = 0;
  let fence: string | undefined;
  let html: RegExp | undefined;
  let previousBlank = false;
  for (let i = 0; i < lines.lineCount; i++) {
    if (i % 2000 === 0) yield;
    const lineStart = lines.offsetAt({ line: i, character: 0 });
    // A line too long to be checked is read as the empty line markdown-it is given (see parseMemoSteps).
    const line = lines.lineEnd(i) - lineStart > MAX_LINE_CHARS ? '' : text.slice(lineStart, lines.lineEnd(i));
    const blank = line.trim() === '';
    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length && line.slice(close[0].length).trim() === '') fence = undefined;
    } else if (html) {
      if (html.test(line)) html = undefined;
    } else {
      if (previousBlank && !blank && !isSpace(line.charCodeAt(0)) && lineStart - chunkStart >= PARSE_CHUNK_CHARS) {
        starts.push(i);
        chunkStart = lineStart;
      } else if (line.startsWith('|') && lineStart - chunkStart >= TABLE_CUT_CHARS) {
        // A table of thousands of rows has no blank line to cut at: it is cut between rows, and the rows after the
        // cut are read as a paragraph of their own (their cells' words and values are checked all the same).
        starts.push(i);
        chunkStart = lineStart;
      }
      const open = FENCE.exec(line);
      if (open && !(open[1][0] === '`' && line.slice(open[0].length).includes('`'))) fence = open[1];
      else {
        const kind = HTML_BLOCKS.find(([begin]) => begin.test(line));
        if (kind && !kind[1].test(line)) html = kind[1];
      }
    }
    previousBlank = blank;
  }
  return starts;
}

/** text[from, to) without the characters of the long lines (spans of whole lines, in order) in it. */
function withoutLongLines(text: string, from: number, to: number, long: readonly Span[]): string {
  if (from === 0 && to === text.length && long.length === 0) return text;
  const parts: string[] = [];
  let at = from;
  for (const line of long) {
    if (line.end <= from || line.start >= to) continue;
    parts.push(text.slice(at, line.start));
    at = line.end;
  }
  parts.push(text.slice(at, to));
  return parts.join('');
}

/** Parses a memo into claim-bearing blocks. Never throws on any input text. */
export function parseMemo(input: string): ParsedMemo {
  const steps = parseMemoSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** {@link parseMemo} in steps, each bounded (a chunk's parse, a block): see check.ts's checkMemoSliced. */
export function* parseMemoSteps(input: string): Generator<void, ParsedMemo, void> {
  const frontMatter = readFrontMatter(input);
  const text = frontMatter.span.end > 0 ? blankOut(input, frontMatter.span.start, frontMatter.span.end) : input;
  const lines = yield* LineIndex.building(input);
  yield;
  const blocks: MemoBlock[] = [];
  const limits: MemoLimit[] = [];
  // A line longer than MAX_LINE_CHARS is not read at all (markdown-it parses a line in one call): markdown-it is
  // given the line empty (its line breaks stay, and so do the lines of every block).
  const long: Span[] = [];
  if (text.length > MAX_LINE_CHARS) {
    for (let i = 0; i < lines.lineCount; i++) {
      const start = lines.offsetAt({ line: i, character: 0 });
      const end = lines.lineEnd(i);
      if (end - start <= MAX_LINE_CHARS) continue;
      long.push({ start, end });
      limits.push({ code: LIMIT_LONG_LINE, message: `line ${i + 1} is ${sizeOf(end - start)} long: not checked (limit ${sizeOf(MAX_LINE_CHARS)} a line)`, span: { start, end } });
    }
    yield;
  }
  const chunks = yield* chunkStarts(text, lines);
  yield;
  for (let c = 0; c < chunks.length; c++) {
    const firstChunkLine = chunks[c];
    const chunkOffset = lines.offsetAt({ line: firstChunkLine, character: 0 });
    const chunkEnd = c + 1 < chunks.length ? lines.offsetAt({ line: chunks[c + 1], character: 0 }) : text.length;
    let tokens: ReturnType<typeof markdown.parse> = [];
    try {
      tokens = markdown.parse(withoutLongLines(text, chunkOffset, chunkEnd, long), {});
    } catch {
      tokens = [];
    }
    yield;
    let inTable = 0;
    for (const token of tokens) {
      if (token.type === 'table_open') inTable++;
      if (token.type === 'table_close') inTable--;
      const isBlock = token.type === 'paragraph_open' || token.type === 'heading_open' || (inTable > 0 && token.type === 'tr_open');
      if (!isBlock || !token.map) continue;
      yield;
      const firstLine = token.map[0] + firstChunkLine;
      const endLine = token.map[1] + firstChunkLine;
      const start = lines.offsetAt({ line: firstLine, character: 0 });
      const lastLine = Math.max(firstLine, endLine - 1);
      const end = Math.max(start, lines.lineEnd(lastLine));
      yield* readBlock(text, lines, token.type === 'tr_open', start, end, firstLine, blocks, limits);
    }
  }
  yield;
  const sources = stringListField(frontMatter.data, 'sources');
  return {
    text: input, lines, blocks, sources, frontMatterSpan: frontMatter.span, frontMatterError: frontMatter.error,
    disabledLines: disabledLinesOf(input, lines), limits,
  };
}

/**
 * Longest part of a block read (masked and guarded) in one step. A longer block (a line of 1 MB) is read in parts
 * cut at a line break, else at a space: markup that spans a cut is not recognised there, and a piece (see
 * {@link MAX_BLOCK_CHARS}) ends at a cut. Only lines longer than this are cut anywhere but at their ends.
 */
const READ_PART_CHARS = 32_000;

/** Where part [from, …) of a block's text ends: at most {@link READ_PART_CHARS} on, at a line break or else a space. */
function partEnd(original: string, from: number): number {
  const limit = from + READ_PART_CHARS;
  if (limit >= original.length) return original.length;
  const earliest = from + READ_PART_CHARS / 2;
  const lineBreak = Math.max(original.lastIndexOf('\n', limit - 1), original.lastIndexOf('\r', limit - 1));
  if (lineBreak >= earliest) return lineBreak + 1;
  for (let i = limit; i > earliest; i--) if (isSpace(original.charCodeAt(i - 1))) return i;
  return limit;
}

/** A block's prose (masked, runs that are no prose blanked), in pieces when large, and the limits it ran into. */
function* readBlock(text: string, lines: LineIndex, tableRow: boolean, start: number, end: number, firstLine: number, blocks: MemoBlock[], limits: MemoLimit[]): Generator<void, void, void> {
  const original = text.slice(start, end);
  const state: ReadState = { reported: new Set() };
  for (let from = 0; from < original.length;) {
    const to = partEnd(original, from);
    if (from > 0) yield;
    readPart(text, lines, tableRow, start, start + from, start + to, from === 0 ? firstLine : lines.positionAt(start + from).line, blocks, limits, state);
    from = to;
  }
}

/** The run without a space of `text` around `offset`. */
function runAround(text: string, offset: number): Span {
  let start = offset;
  while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
  let end = offset;
  while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
  return { start, end };
}

/** The longest run without a space of line `line` of the memo. */
function longestRunOf(text: string, lines: LineIndex, line: number): Span {
  const lineStart = lines.offsetAt({ line, character: 0 });
  const lineEnd = lines.lineEnd(line);
  let best: Span = { start: lineStart, end: lineStart };
  for (let i = lineStart; i < lineEnd;) {
    while (i < lineEnd && isSpace(text.charCodeAt(i))) i++;
    const runStart = i;
    while (i < lineEnd && !isSpace(text.charCodeAt(i))) i++;
    if (i - runStart > best.end - best.start) best = { start: runStart, end: i };
  }
  return best;
}

/** Part [start, end) of a block (all of it, unless it is long): masked, guarded, in pieces, with its limits. */
/** What the parts of one block share: the lines whose long run was reported, the last run looked at whole. */
interface ReadState {
  readonly reported: Set<number>;
  whole?: Span & { readonly long: boolean };
}

function readPart(text: string, lines: LineIndex, tableRow: boolean, blockStart: number, start: number, end: number, firstLine: number, blocks: MemoBlock[], limits: MemoLimit[], state: ReadState): void {
  const original = text.slice(start, end);
  // A part cut inside a line starts mid-line: no bullet or heading mark there.
  const atLineStart = start === 0 || text[start - 1] === '\n' || text[start - 1] === '\r';
  const masked = original
    .split(/(\r\n|\r|\n)/)
    .map((part, i) => {
      if (/^(\r\n|\r|\n)$/.test(part)) return part;
      // The block's first line may open with a bullet or heading mark; a later line only with block quote marks.
      const lineMasked = i === 0 && !atLineStart ? part : i === 0 && start === blockStart ? maskLineStart(part) : maskContinuationStart(part);
      return maskInline(tableRow ? maskTableRow(lineMasked) : lineMasked);
    })
    .join('');
  if (!masked.trim()) return;
  // Runs without a space that are no prose are blanked (they would stall the tokenizer); a long one is reported,
  // once per line, with the line's longest run.
  const runs = noProseRuns(masked);
  const prose = withoutNoProse(masked, runs);
  for (const run of runs) {
    if (run.kind !== 'long') continue;
    const line = lines.positionAt(start + run.start).line;
    if (state.reported.has(line)) continue;
    // A run cut into parts (a line longer than READ_PART_CHARS) is judged whole: the tail of a data URL is no prose
    // to say anything of, not a long run.
    if (run.start === 0 || run.end === masked.length) {
      const at = start + run.start;
      if (!state.whole || at < state.whole.start || at >= state.whole.end) {
        const whole = runAround(text, at);
        state.whole = { ...whole, long: noProseKind(text, whole.start, whole.end) === 'long' };
      }
      if (!state.whole.long) continue;
    }
    state.reported.add(line);
    const longest = longestRunOf(text, lines, line);
    const length = longest.end - longest.start;
    const whole = text.slice(lines.offsetAt({ line, character: 0 }), lines.lineEnd(line)).trim().length === length;
    limits.push({
      code: LIMIT_LONG_RUN,
      message: `line ${line + 1} ${whole ? 'is' : 'has a run of'} ${sizeOf(length)} without a space: not checked (limit ${MAX_RUN_CHARS.toLocaleString('en-US')} characters)`,
      span: longest,
    });
  }
  if (!prose.trim()) return;
  if (prose.length <= MAX_BLOCK_CHARS && tokenEstimate(prose) <= MAX_BLOCK_TOKENS) {
    blocks.push({ start, end, prose, line: firstLine });
    return;
  }
  const cuts = pieceStarts(prose);
  for (let k = 0; k < cuts.length; k++) {
    const from = cuts[k];
    const to = cuts[k + 1] ?? prose.length;
    const piece = prose.slice(from, to);
    if (piece.trim()) blocks.push({ start: start + from, end: start + to, prose: piece, line: lines.positionAt(start + from).line });
  }
}
