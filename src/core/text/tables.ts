/**
 * Tables as text: where a Markdown pipe table's rows and cells are, and the layout both Markdown and HTML tables
 * share before the source model makes sentences of them (sources/source.ts).
 *
 * A Markdown table (GFM): a header row, a delimiter row (`| --- | :-: |`, as many cells as the header) and the body
 * rows that follow up to a blank line or a line without a cell separator. A `|` separates cells unless it is
 * escaped (`\|`) or inside a code span. Each line is read a constant number of times: linear in the text.
 */
import { codeSpans, isSpace } from './markup';
import type { Span } from './offsets';

export interface TextTableCell extends Span {
  /** 0-based column, counted from the first cell of the row. */
  readonly column: number;
  /** Where the column's header is written, for a layout (HTML's) that repeats it in the row. */
  readonly label?: Span;
}

export interface TextTableRow extends Span {
  readonly kind: 'header' | 'body';
  /** The row header cell (a body row's first column, or HTML's `<th>`), not among {@link cells}. */
  readonly rowHeader?: TextTableCell;
  readonly cells: readonly TextTableCell[];
}

export interface TextTable extends Span {
  /** Each column's header, as written ('' where the table gives none). */
  readonly columns: readonly string[];
  readonly rows: readonly TextTableRow[];
}

/** A Markdown table with the markup that is not prose: its separators, the escapes of `\|` and its delimiter row. */
export interface MarkdownTable extends TextTable {
  readonly markup: readonly Span[];
}

interface Line extends Span {
  /** First and last non-space characters: [first, last). */
  readonly first: number;
  readonly last: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    let first = start;
    while (first < end && isSpace(text.charCodeAt(first))) first++;
    let last = end;
    while (last > first && isSpace(text.charCodeAt(last - 1))) last--;
    lines.push({ start, end, first, last });
    if (end >= text.length) break;
    start = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
  }
  return lines;
}

interface Split {
  readonly cells: Span[];
  /** The pipes that separate cells, and the backslashes of escaped pipes. */
  readonly markup: Span[];
  readonly separators: number;
}

/** A line's cells: split at unescaped pipes outside code spans, an outer pipe on either side read as a border. */
function splitRow(text: string, line: Line): Split {
  const { first, last } = line;
  const code = codeSpans(text.slice(first, last));
  const pipes: number[] = [];
  const markup: Span[] = [];
  let c = 0;
  let backslashes = 0;
  for (let i = first; i < last; i++) {
    const ch = text.charCodeAt(i);
    while (c < code.length && first + code[c].end <= i) c++;
    const inCode = c < code.length && first + code[c].start <= i;
    if (ch === 0x7c && backslashes % 2 === 1) markup.push({ start: i - 1, end: i });
    else if (ch === 0x7c && !inCode) pipes.push(i);
    backslashes = ch === 0x5c ? backslashes + 1 : 0;
  }
  const bounds: number[] = [];
  let from = first;
  let to = last;
  let inner = pipes;
  if (inner.length && inner[0] === first) {
    from = first + 1;
    inner = inner.slice(1);
  }
  if (inner.length && inner[inner.length - 1] === last - 1) {
    to = last - 1;
    inner = inner.slice(0, -1);
  }
  bounds.push(from - 1);
  for (const p of inner) bounds.push(p);
  bounds.push(to);
  const cells: Span[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    let start = bounds[k] + 1;
    let end = bounds[k + 1];
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    cells.push({ start, end });
  }
  for (const p of pipes) markup.push({ start: p, end: p + 1 });
  markup.sort((a, b) => a.start - b.start);
  return { cells, markup, separators: pipes.length };
}

/** `| --- | :-: |`: a delimiter row, as many cells as `columns`. */
function isDelimiter(text: string, line: Line, columns: number): boolean {
  if (line.first === line.last) return false;
  let pipes = 0;
  for (let i = line.first; i < line.last; i++) {
    const ch = text[i];
    if (ch === '|') pipes++;
    else if (ch !== '-' && ch !== ':' && ch !== ' ' && ch !== '\t') return false;
  }
  if (pipes === 0) return false;
  const { cells } = splitRow(text, line);
  return cells.length === columns && cells.every((cell) => /^:?-+:?$/.test(text.slice(cell.start, cell.end)));
}

/** A cell that holds a measure (a count, an amount, a share), not a name: "12.6", "$275m", "-43.9%", "(7)". A plain year names a row. */
const MEASURE = /^[-+\u2212(]?[$\u20ac\u00a3\u00a5]?\s?\d[\d,.]*\s?(?:%|[a-z]{1,3})?\)?$/i;
const YEAR = /^\d{4}$/;

export function isMeasure(cell: string): boolean {
  return MEASURE.test(cell) && !YEAR.test(cell);
}

/** The first column names its rows unless it is a column of measures like the others (or the only column). */
export function firstColumnNamesRows(firstCells: readonly string[], columns: number): boolean {
  return columns >= 2 && firstCells.some((c) => c !== '') && !firstCells.some(isMeasure);
}

/** The Markdown tables of a text (Markdown markup other than tables already blanked), in order. */
export function markdownTables(text: string): MarkdownTable[] {
  if (!text.includes('|')) return [];
  const lines = linesOf(text);
  const tables: MarkdownTable[] = [];
  let i = 0;
  while (i + 1 < lines.length) {
    const line = lines[i];
    if (line.first === line.last || !text.slice(line.first, line.last).includes('|')) {
      i++;
      continue;
    }
    const head = splitRow(text, line);
    if (head.separators === 0 || !isDelimiter(text, lines[i + 1], head.cells.length)) {
      i++;
      continue;
    }
    const delimiter = lines[i + 1];
    const markup: Span[] = [...head.markup, { start: delimiter.first, end: delimiter.last }];
    const body: { line: Line; cells: Span[] }[] = [];
    let j = i + 2;
    for (; j < lines.length; j++) {
      const row = lines[j];
      if (row.first === row.last) break;
      const split = splitRow(text, row);
      if (split.separators === 0) break;
      for (const m of split.markup) markup.push(m);
      body.push({ line: row, cells: split.cells });
    }
    const columns = head.cells.map((c) => text.slice(c.start, c.end));
    const namesRows = firstColumnNamesRows(body.map((r) => (r.cells[0] ? text.slice(r.cells[0].start, r.cells[0].end) : '')), columns.length);
    const rows: TextTableRow[] = [{ kind: 'header', start: line.first, end: line.last, cells: head.cells.map((c, column) => ({ ...c, column })) }];
    for (const r of body) {
      const cells = r.cells.map((c, column) => ({ start: c.start, end: c.end, column }));
      const rowHeader = namesRows && cells[0] && cells[0].end > cells[0].start ? cells[0] : undefined;
      rows.push({ kind: 'body', start: r.line.first, end: r.line.last, ...(rowHeader ? { rowHeader } : {}), cells: rowHeader ? cells.slice(1) : cells });
    }
    const end = body.length ? body[body.length - 1].line.last : delimiter.last;
    tables.push({ start: line.first, end, columns, rows, markup });
    i = j;
  }
  return tables;
}
