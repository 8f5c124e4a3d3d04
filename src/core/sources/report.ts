/** The JSON shape of `memo-check extract --format json` that other tools rely on (README, "memo-check"). */
import { factsOf, factValues, type Extraction, type FactValue } from './extract';
import type { Quote } from '../language/quotes';
import type { Range } from '../text/offsets';
import { cellReadings, pageAt, sentenceText, tableRowOf, type CellReading, type SourceDoc, type SourceTable } from './source';

export const REPORT_VERSION = 1;

export interface ExtractedQuoteJson {
  text: string;
  speaker: string | null;
  range: Range;
  /** Added for a PDF source: the page the quote starts on. */
  page?: number;
}

/** A table cell with the headers that name it ("Peru", "2023": "$275 million"); null where the table has no header. */
export interface ExtractedCellJson {
  row: string | null;
  column: string | null;
  text: string;
  range: Range;
}

export interface ExtractedFactJson {
  text: string;
  range: Range;
  values: { type: FactValue['type']; text: string; value: number | string }[];
  /** Added for a PDF source: the page the fact's sentence starts on. */
  page?: number;
  /** Added for a fact that is a table row: its cells with their headers. */
  cells?: ExtractedCellJson[];
}

export interface ExtractedTableJson {
  range: Range;
  /** The paragraph (¶N) the table is. */
  paragraph: number;
  columns: string[];
  rows: { range: Range; header: string | null; cells: ExtractedCellJson[] }[];
}

export interface ExtractedSourceJson {
  path: string;
  key: string;
  title: string;
  quotes: ExtractedQuoteJson[];
  /** A transcript's turns with their speakers (added in 0.2; empty for a text that is not a transcript). */
  turns: ExtractedQuoteJson[];
  facts: ExtractedFactJson[];
  /** Added: the source's tables, when it has any. */
  tables?: ExtractedTableJson[];
}

function cellJson(source: SourceDoc, c: CellReading): ExtractedCellJson {
  return { row: c.row || null, column: c.column || null, text: c.text, range: source.lines.rangeOf(c.cell) };
}

function tableJson(source: SourceDoc, t: SourceTable): ExtractedTableJson {
  return {
    range: source.lines.rangeOf(t), paragraph: t.paragraph, columns: [...t.columns],
    rows: t.rows.map((r) => ({
      range: source.lines.rangeOf(source.sentences[r.sentence]),
      header: r.header ? source.text.slice(r.header.start, r.header.end) : null,
      cells: cellReadings(source, t, r).map((c) => cellJson(source, c)),
    })),
  };
}

function valueOf(v: FactValue): number | string {
  if (v.type === 'number') return v.value;
  if (v.type === 'date') {
    const pad = (n: number): string => String(n).padStart(2, '0');
    if (v.precision === 'weekday' || v.precision === 'relative') return v.text;
    if (v.precision === 'day') return `${v.year ?? '-'}-${pad(v.month ?? 0)}-${pad(v.day ?? 0)}`;
    if (v.precision === 'month') return v.year ? `${v.year}-${pad(v.month ?? 0)}` : `--${pad(v.month ?? 0)}`;
    return String(v.year);
  }
  return v.value;
}

/** A quote or a transcript's turn: the same shape. */
function quoteJson(source: SourceDoc, q: Quote): ExtractedQuoteJson {
  return { text: q.text, speaker: q.speaker, range: source.lines.rangeOf(q), ...pageOf(source, q.start) };
}

/** `{page}` for an offset of a paged source; nothing for others. */
export function pageOf(source: SourceDoc, offset: number): { page?: number } {
  const page = pageAt(source, offset);
  return page === undefined ? {} : { page };
}

export function extractionToJson(x: Extraction, displayPath: string): ExtractedSourceJson {
  const { source } = x;
  return {
    path: displayPath,
    key: source.key,
    title: source.meta.title ?? source.key,
    quotes: x.quotes.map((q) => quoteJson(source, q)),
    turns: x.turns.map((q) => quoteJson(source, q)),
    facts: factsOf(x).map((f) => {
      const row = tableRowOf(source, f.sentence.index);
      return {
        text: sentenceText(source, f.sentence),
        range: source.lines.rangeOf(f.sentence),
        values: factValues(f).map((v) => ({ type: v.type, text: v.text, value: valueOf(v) })),
        ...pageOf(source, f.sentence.start),
        ...(row ? { cells: cellReadings(source, row.table, row.row).map((c) => cellJson(source, c)) } : {}),
      };
    }),
    ...(source.tables.length ? { tables: source.tables.map((t) => tableJson(source, t)) } : {}),
  };
}
