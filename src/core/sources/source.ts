/** The source model: a source file as paragraphs and sentences with offsets. */
import { readFrontMatter, stringField } from '../text/frontMatter';
import { htmlMetadata, htmlToTextWithTables } from '../text/html';
import { analyse, type Token } from '../language/nlp';
import { blankOut, contentHash, LineIndex, type Span } from '../text/offsets';
import { TokenTable } from '../language/tokenTable';
import { FoldMap, foldText, hasInvisible } from '../text/fold';
import { blankSpans, bracketLinkSpans, delimitedSpans, isSpace } from '../text/markup';
import { markdownTables, type TextTable, type TextTableCell } from '../text/tables';
import { withoutNoProse } from '../language/guard';
import type { ConvertedDocument } from './formats/document';
import { pageMark } from './formats/pdfLayout';

export type SourceFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

/** A page of a paged source (a PDF): where it starts in {@link SourceDoc.text}, and where the reading view shows its mark. */
export interface SourcePage {
  /** 1-based, as cited: p. N. */
  readonly number: number;
  readonly start: number;
  /** Offset of the run of spaces that the reading view shows "[p. N]" in (see {@link readingText}). */
  readonly mark: number;
}

export interface SourceMeta {
  readonly id?: string;
  readonly title?: string;
  readonly author?: string;
  readonly outlet?: string;
  readonly date?: string;
  readonly url?: string;
}

export interface Paragraph extends Span {
  /** 1-based paragraph number, as cited: ¶N. */
  readonly number: number;
}

export interface Sentence extends Span {
  readonly index: number;
  /** 1-based number of the paragraph the sentence is in. Its text is {@link sentenceText}: a long source has thousands of sentences. */
  readonly paragraph: number;
  /** Token indices into {@link SourceDoc.tokens}: [firstToken, endToken). */
  readonly firstToken: number;
  readonly endToken: number;
}

/** A cell of a table's body row: its span in {@link SourceDoc.text}, its column, and where its column's header is written. */
export interface TableCell extends Span {
  /** 0-based column. */
  readonly column: number;
  /** The column header's words in the text (Markdown: in the header row; HTML: repeated in the row), when there is one. */
  readonly label?: Span;
}

/** A body row of a table: one sentence of its own. */
export interface TableRow {
  /** Index of the row's sentence in {@link SourceDoc.sentences}. */
  readonly sentence: number;
  /** The cell that names the row (its first column, or HTML's row `<th>`), when the table has one; not among {@link cells}. */
  readonly header?: TableCell;
  readonly cells: readonly TableCell[];
}

/** A Markdown or HTML table read as a table: rows whose cells carry their row and column headers. */
export interface SourceTable extends Span {
  /** The paragraph the table is (all of it is one paragraph, as it was before tables were read). */
  readonly paragraph: number;
  /** Each column's header ('' where none). */
  readonly columns: readonly string[];
  /** The sentence of the header row, when the text has one (Markdown). */
  readonly headerSentence?: number;
  readonly rows: readonly TableRow[];
}

export interface SourceDoc {
  readonly path: string;
  readonly key: string;
  readonly format: SourceFormat;
  readonly meta: SourceMeta;
  /**
   * The text the engine reads, and every offset of the source model is into. For txt and md sources it is the
   * file's text (front matter and Markdown markup blanked to spaces); for HTML it is the extracted article text, so
   * {@link textIsFile} is false. Invisible characters are folded (see fold.ts): where one was removed, offsets
   * differ from the file's after it, and {@link lines} gives the file's positions.
   */
  readonly text: string;
  /** The text before folding, when folding changed it: what the source says, for evidence, fixes and display. */
  readonly original?: string;
  /** Where folding removed characters (see Folded.removed in fold.ts), when it did. */
  readonly removed?: readonly number[];
  readonly textIsFile: boolean;
  /** Positions in {@link original} (or {@link text}: the file's for txt and md) of offsets into {@link text}. */
  readonly lines: LineIndex;
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
  /** The tables found, in order (see {@link tableRowOf}); empty for most sources. */
  readonly tables: readonly SourceTable[];
  /** A PDF's pages, in order (see {@link pageAt}); absent for sources without pages. */
  readonly pages?: readonly SourcePage[];
  /** Stored by column: a long source's tokens as objects would be most of its memory. */
  readonly tokens: TokenTable;
  readonly hash: string;
  readonly isSample: boolean;
}

export function formatOf(path: string): SourceFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.pdf')) return 'pdf';
  if (lower.endsWith('.docx')) return 'docx';
  if (lower.endsWith('.html') || lower.endsWith('.htm') || lower.endsWith('.xhtml')) return 'html';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  return 'text';
}

/** Citation key from a file name: lower-case words joined by dashes. */
export function keyFromPath(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  const stem = base.replace(/\.[^.]+$/, '');
  const key = stem.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return key || 'source';
}

/** Markdown syntax that is not prose, blanked so offsets still match the file. */
export function maskMarkdown(text: string): string {
  let masked = text;
  const blank = (pattern: RegExp, group = 0): void => {
    masked = masked.replace(pattern, (...args) => {
      const match = args[0] as string;
      if (group === 0) return match.replace(/[^\r\n]/g, ' ');
      const part = args[group] as string | undefined;
      if (!part) return match;
      const at = match.indexOf(part);
      return match.slice(0, at) + part.replace(/[^\r\n]/g, ' ') + match.slice(at + part.length);
    });
  };
  blank(/^```[\s\S]*?^```[^\n]*$/gm);
  masked = blankSpans(masked, delimitedSpans(masked, '<!--', '-->'));
  blank(/^(\s{0,3}#{1,6}\s+)/gm, 1);
  blank(/^(\s{0,3}>\s?)/gm, 1);
  blank(/^(\s*(?:[-*+]|\d+[.)])\s+)/gm, 1);
  // Images and links are found by scanners that read the text once (markup.ts): /!\[[^\]\n]*\]\([^)\n]*\)/g and
  // /\[([^\]\n]*)\]\([^)\n]*\)/g read to the end of the line from every `[` that nothing closes.
  masked = blankSpans(masked, bracketLinkSpans(masked, '![', true));
  // [label](url): keep the label, blank the brackets and the URL.
  const links = bracketLinkSpans(masked, '[', true);
  if (links.length) {
    const parts: string[] = [];
    let at = 0;
    for (const link of links) {
      parts.push(masked.slice(at, link.start), ' ', masked.slice(link.label.start, link.label.end), ' '.repeat(link.end - link.label.end));
      at = link.end;
    }
    parts.push(masked.slice(at));
    masked = parts.join('');
  }
  blank(/(\*\*|__)(?=\S)/g, 1);
  blank(/(?<=\S)(\*\*|__)/g, 1);
  blank(/(?<=^|[\s(])(\*|_)(?=\S)/gm, 1);
  blank(/(?<=\S)(\*|_)(?=[\s).,;:!?]|$)/gm, 1);
  return masked;
}

/** Paragraphs: runs of non-blank lines. Linear in the text's length, whatever its line ends. */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let blockStart = -1;
  let blockEnd = -1;
  const close = (): void => {
    if (blockStart >= 0) paragraphs.push({ start: blockStart, end: blockEnd, number: paragraphs.length + 1 });
    blockStart = -1;
  };
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    let first = lineStart;
    while (first < lineEnd && /\s/.test(text[first])) first++;
    if (first === lineEnd) {
      close();
    } else {
      let last = lineEnd;
      while (last > first && /\s/.test(text[last - 1])) last--;
      if (blockStart < 0) blockStart = first;
      blockEnd = last;
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1);
  }
  close();
  return paragraphs;
}

export interface SourceInput {
  readonly path: string;
  readonly content: string;
  readonly isSample?: boolean;
  /** A PDF or Word file converted (see formats/): `content` is then its {@link ConvertedDocument.content}. */
  readonly document?: Omit<ConvertedDocument, 'content'>;
}

/** Parses a source file's text into the source model. Never throws on any input text. */
export function parseSource(input: SourceInput): SourceDoc {
  const { document } = input;
  const format = document?.format ?? formatOf(input.path);
  const bom = input.content.charCodeAt(0) === 0xfeff;
  let text = bom ? input.content.slice(1) : input.content;
  let meta: SourceMeta = {};
  let textIsFile = true;
  let textTables: TextTable[] = [];
  let unblanked: string | undefined;
  let pages = document?.pages;
  if (document) {
    // A document's text is its conversion's: no front matter or Markdown in it, and not the file a user opens.
    textIsFile = false;
    meta = { title: document.meta.title, author: document.meta.author, date: document.meta.date };
    if (document.contentFormat === 'html') {
      const converted = htmlToTextWithTables(text);
      text = converted.text;
      textTables = converted.tables;
    }
  } else if (format === 'html') {
    const head = htmlMetadata(text);
    const converted = htmlToTextWithTables(text);
    text = converted.text;
    textTables = converted.tables;
    textIsFile = false;
    meta = head;
  } else {
    const frontMatter = readFrontMatter(text);
    if (frontMatter.span.end > 0) text = blankOut(text, frontMatter.span.start, frontMatter.span.end);
    const data = frontMatter.data;
    meta = {
      id: stringField(data, 'id'),
      title: stringField(data, 'title'),
      author: stringField(data, 'author'),
      outlet: stringField(data, 'outlet') ?? stringField(data, 'publisher'),
      date: stringField(data, 'date'),
      url: stringField(data, 'url'),
    };
    if (format === 'markdown') {
      text = maskMarkdown(text);
      // A table's pipes and delimiter row are not words: blanked, so every offset stays the file's.
      const tables = markdownTables(text);
      const markup: Span[] = [];
      for (const t of tables) for (const m of t.markup) markup.push(m);
      if (markup.length) unblanked = text;
      text = blankSpans(text, markup);
      textTables = tables;
    }
  }
  // A byte-order mark is read past (front matter must open the file) but kept, so that offsets stay the file's.
  if (bom && textIsFile) {
    text = '\uFEFF' + text;
    if (unblanked !== undefined) unblanked = '\uFEFF' + unblanked;
    textTables = textTables.map((t) => moveTable(t, (offset) => offset + 1));
  }
  // Zero-width and bidi characters, soft hyphens and no-break spaces never reach the analysis: the one place source
  // text enters it. The text as written is kept beside it when they were there.
  const original = text;
  const folded = foldText(text);
  text = folded.text;
  if (folded.removed) {
    const map = new FoldMap(folded.removed);
    textTables = textTables.map((t) => moveTable(t, (offset) => map.toFolded(offset)));
    pages = pages?.map((p) => ({ number: p.number, start: map.toFolded(p.start), mark: map.toFolded(p.mark) }));
  }
  // Paragraphs as the file has them, so that a paragraph's number (what a citation names) does not depend on the guard.
  // Paragraphs of the text before a table's markup was blanked (its blanked delimiter row would end one): a table
  // stays the one paragraph it always was, and no paragraph's number changes. Blanking touched no character folding
  // removes, so the offsets are the same.
  const paragraphs = unblanked === undefined ? splitParagraphs(text) : splitParagraphs(foldText(unblanked).text).map((p) => ({ ...trimmed(text, p), number: p.number }));
  // Runs without a space that are no prose (a base64 blob, a data URL, a line of 10,000 dashes) are not read.
  text = withoutNoProse(text);
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  /** Sentences of the text from `from` to `to`, in paragraph `number`: as the NLP splits it, or (a table row) one. */
  const read = (from: number, to: number, number: number, oneSentence: boolean): number | undefined => {
    const analysis = analyse(text.slice(from, to));
    const tokenBase = tokens.length;
    for (const t of analysis.tokens) tokens.push({ ...t, start: t.start + from, end: t.end + from });
    if (oneSentence) {
      if (tokens.length === tokenBase) return undefined;
      sentences.push({ index: sentences.length, paragraph: number, start: from, end: to, firstToken: tokenBase, endToken: tokens.length });
      return sentences.length - 1;
    }
    for (const s of analysis.sentences) {
      sentences.push({
        index: sentences.length, paragraph: number, start: s.start + from, end: s.end + from,
        firstToken: s.firstToken + tokenBase, endToken: s.endToken + tokenBase,
      });
    }
    return undefined;
  };
  // Each row of a table is a sentence of its own: a row never runs into the next row or into the prose around it.
  const rows = textTables.flatMap((t, table) => t.rows.map((row, r) => ({ table, r, ...trimmed(text, row) })));
  const rowSentences = textTables.map((t) => t.rows.map((): number | undefined => undefined));
  const tablePara = textTables.map((): number => 0);
  let next = 0;
  for (const paragraph of paragraphs) {
    while (next < rows.length && rows[next].start < paragraph.start) next++;
    let at = paragraph.start;
    for (; next < rows.length && rows[next].end <= paragraph.end; next++) {
      const row = rows[next];
      if (row.start >= row.end) continue;
      const before = trimmed(text, { start: at, end: row.start });
      if (before.end > before.start) read(before.start, before.end, paragraph.number, false);
      rowSentences[row.table][row.r] = read(row.start, row.end, paragraph.number, true);
      tablePara[row.table] = paragraph.number;
      at = row.end;
    }
    if (at === paragraph.start) read(paragraph.start, paragraph.end, paragraph.number, false);
    else {
      const after = trimmed(text, { start: at, end: paragraph.end });
      if (after.end > after.start) read(after.start, after.end, paragraph.number, false);
    }
  }
  const tables = textTables.flatMap((t, k): SourceTable[] => {
    const made = tableOf(t, rowSentences[k], tablePara[k]);
    return made ? [made] : [];
  });
  const firstParagraph = paragraphs[0];
  const headline = firstParagraph && isHeadingLike(text.slice(firstParagraph.start, firstParagraph.end)) ? text.slice(firstParagraph.start, firstParagraph.end).trim() : undefined;
  if (!meta.title && headline) meta = { ...meta, title: headline };
  return {
    path: input.path, key: meta.id ? keyFromPath(meta.id) : keyFromPath(input.path), format, meta, text,
    ...(text !== original ? { original } : {}), ...(folded.removed ? { removed: folded.removed } : {}), textIsFile,
    lines: linesOf(text, original, folded.removed), paragraphs, sentences, tables, ...(pages?.length ? { pages } : {}), tokens: TokenTable.from(tokens), hash: contentHash(input.content), isSample: input.isSample ?? false,
  };
}

function moveTable(t: TextTable, move: (offset: number) => number): TextTable {
  const span = <T extends Span>(x: T): T => ({ ...x, start: move(x.start), end: move(x.end) });
  const cell = (c: TextTableCell): TextTableCell => ({ ...span(c), ...(c.label ? { label: span(c.label) } : {}) });
  return {
    ...span(t), columns: t.columns,
    rows: t.rows.map((r) => ({ ...span(r), ...(r.rowHeader ? { rowHeader: cell(r.rowHeader) } : {}), cells: r.cells.map(cell) })),
  };
}

/** A span without the spaces (blanked markup among them) at either end. */
function trimmed(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** The table of the source model from the text's, with each row's sentence; undefined when no body row made one. */
function tableOf(t: TextTable, sentenceOf: readonly (number | undefined)[], paragraph: number): SourceTable | undefined {
  let headerSentence: number | undefined;
  let header = new Map<number, TextTableCell>();
  const rows: TableRow[] = [];
  t.rows.forEach((row, k) => {
    const sentence = sentenceOf[k];
    if (row.kind === 'header') {
      header = new Map(row.cells.filter((h) => h.end > h.start).map((h) => [h.column, h]));
      headerSentence = sentence;
      return;
    }
    if (sentence === undefined) return;
    const labelOf = (c: TextTableCell): TableCell => {
      const label = c.label ?? header.get(c.column);
      return { start: c.start, end: c.end, column: c.column, ...(label ? { label: { start: label.start, end: label.end } } : {}) };
    };
    rows.push({ sentence, ...(row.rowHeader ? { header: labelOf(row.rowHeader) } : {}), cells: row.cells.filter((c) => c.end > c.start).map(labelOf) });
  });
  if (rows.length === 0) return undefined;
  return {
    start: t.start, end: t.end, paragraph, columns: t.columns.map((c) => c.replace(/\s+/g, ' ').trim()),
    ...(headerSentence !== undefined ? { headerSentence } : {}), rows,
  };
}

const tableRows = new WeakMap<SourceDoc, Map<number, { table: SourceTable; row: TableRow }>>();

/** The table row a sentence is, when it is one. */
export function tableRowOf(source: SourceDoc, sentence: number): { table: SourceTable; row: TableRow } | undefined {
  if (source.tables.length === 0) return undefined;
  let rows = tableRows.get(source);
  if (!rows) {
    rows = new Map();
    for (const table of source.tables) for (const row of table.rows) rows.set(row.sentence, { table, row });
    tableRows.set(source, rows);
  }
  return rows.get(sentence);
}

export interface CellReading {
  readonly cell: TableCell;
  /** The row's header ('' when the table names no rows). */
  readonly row: string;
  /** The column's header ('' when none). */
  readonly column: string;
  readonly text: string;
}

/** Each cell of a row with its row and column headers, in order. */
export function cellReadings(source: SourceDoc, table: SourceTable, row: TableRow): CellReading[] {
  const words = (span: Span): string => source.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  const header = row.header ? words(row.header) : '';
  return row.cells.map((cell) => ({ cell, row: header, column: table.columns[cell.column] ?? (cell.label ? words(cell.label) : ''), text: words(cell) }));
}

/** "Peru, 2023: $275 million": a cell as its headers name it. */
export function cellLabel(reading: CellReading): string {
  const head = [reading.row, reading.column].filter((h) => h !== '').join(', ');
  return head ? `${head}: ${reading.text}` : reading.text;
}


/** The line index of a source: positions in the text as written, for offsets into the folded one. */
export function linesOf(text: string, original: string | undefined, removed: readonly number[] | undefined): LineIndex {
  return new LineIndex(original ?? text, removed ? new FoldMap(removed) : undefined);
}

const foldMaps = new WeakMap<SourceDoc, FoldMap>();

/** A span of a source's text as the span of the text as written (the same span when nothing was removed). */
export function originalSpanOf(source: SourceDoc, span: Span): Span {
  if (!source.removed) return span;
  let map = foldMaps.get(source);
  if (!map) {
    map = new FoldMap(source.removed);
    foldMaps.set(source, map);
  }
  return map.toOriginalSpan(span);
}

/**
 * The source's words for a fix: as written (a no-break space kept), unless they hold a character folding removes,
 * which a fix never puts in a memo: then as read.
 */
export function wordingAt(source: SourceDoc, span: Span): string {
  const written = originalText(source, span);
  return hasInvisible(written) ? source.text.slice(span.start, span.end) : written;
}

/** The source's words at a span as written, zero-width characters and no-break spaces included. */
export function originalText(source: SourceDoc, span: Span): string {
  if (source.original === undefined) return source.text.slice(span.start, span.end);
  const at = originalSpanOf(source, span);
  return source.original.slice(at.start, at.end);
}

/** Most words a line may have and still be a heading or page furniture rather than prose. */
const HEADING_MAX_WORDS = 16;

/** A single short line without closing punctuation: a headline, subheading or page furniture. */
export function isHeadingLike(block: string): boolean {
  const trimmed = block.trim();
  if (!trimmed || /[\r\n]/.test(trimmed)) return false;
  if (/[.!?:;"'\u201d\u2019)]$/.test(trimmed)) return false;
  return trimmed.split(/\s+/).length <= HEADING_MAX_WORDS;
}

/** The text of a sentence (or any span) of a source. */
export function sentenceText(source: SourceDoc, span: Span): string {
  return source.text.slice(span.start, span.end);
}

/** The page an offset of a paged source is on (the last page that starts at or before it); undefined without pages. */
export function pageAt(source: Pick<SourceDoc, 'pages'>, offset: number): number | undefined {
  const pages = source.pages;
  if (!pages?.length) return undefined;
  let low = 0;
  let high = pages.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (pages[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return pages[low].number;
}

/**
 * The text the reading view shows for a source that is not a file a user opens (HTML, PDF, Word): its text as
 * written, with each page's mark ("[p. 3]") in the spaces kept for it. Every offset is the text's, so that the
 * source's line index gives positions in it.
 */
export function readingText(source: SourceDoc): string {
  const written = source.original ?? source.text;
  if (!source.pages?.length) return written;
  const parts: string[] = [];
  let at = 0;
  for (const page of source.pages) {
    const mark = pageMark(page.number);
    const span = originalSpanOf(source, { start: page.mark, end: page.mark + mark.length });
    // Only over the spaces kept for it: a mark never hides a word.
    if (span.start < at || written.slice(span.start, span.end).trim() !== '' || span.end - span.start !== mark.length) continue;
    parts.push(written.slice(at, span.start), mark);
    at = span.end;
  }
  parts.push(written.slice(at));
  return parts.join('');
}

/** The paragraph containing an offset. */
export function paragraphAt(source: SourceDoc, offset: number): Paragraph | undefined {
  return source.paragraphs.find((p) => p.start <= offset && offset <= p.end);
}

/** The 1-based number of the paragraph containing an offset (1 when none does), as citations give it. */
export function paragraphNumberAt(source: SourceDoc, offset: number): number {
  return paragraphAt(source, offset)?.number ?? 1;
}
