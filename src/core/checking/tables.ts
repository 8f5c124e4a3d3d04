/**
 * A table row as evidence: the words of its row and column headers (for alignment), whether a claim names the row,
 * and which of its cells the claim's words name, so that a value in one row or column is never compared with a
 * claim about another ("Peru received $275 million in 2023" is about the row "Peru" under the column "2023").
 */
import type { Mention } from '../language/entities';
import { stem, stemsOf, valueKeys } from '../language/stems';
import { findDates } from '../language/values';
import type { Extraction } from '../sources/extract';
import { tableRowOf, type SourceTable, type TableCell, type TableRow } from '../sources/source';
import type { Span } from '../text/offsets';
import { MAGNITUDES } from '../language/words';
import { sequenceOf, type TokenSequence } from '../language/tokenTable';
import type { Token } from '../language/nlp';

/** Alignment keys of a stretch of a source's text: its content stems, its names' keys, its dates' keys. */
function keysOf(x: Extraction, span: Span, mentions: readonly Mention[], withDates: boolean): Set<string> {
  const { tokens } = x.source;
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((tokens.token(mid)?.start ?? span.start) < span.start) low = mid + 1;
    else high = mid;
  }
  let end = low;
  while (end < tokens.length && (tokens.token(end)?.end ?? Infinity) <= span.end) end++;
  const inside = mentions.filter((m) => m.start >= span.start && m.end <= span.end);
  const dates = withDates ? findDates(x.source.text, span) : [];
  const keys = new Set(stemsOf(tokens, low, end, inside, dates).keys());
  for (const k of valueKeys(dates, [])) keys.add(k);
  // A column header's every word, whether or not a name or a stop word here: the same word in two headers is shared.
  if (withDates) {
    for (let k = low; k < end; k++) {
      const t = tokens.token(k);
      if (t && /\p{L}/u.test(t.text)) keys.add(stem(t.lemma));
    }
  }
  // "Price (US$)": the column counts dollars.
  for (const [symbol, unit] of CURRENCY_UNITS) if (withDates && x.source.text.slice(span.start, span.end).includes(symbol)) keys.add(stem(unit));
  if (!withDates) {
    const written = x.source.text.slice(span.start, span.end).trim();
    // A plain year naming a row ("2022") is the claim's "in 2022"; the numbers of a name ("Item 17") tell rows apart.
    if (/^\d{4}$/.test(written)) keys.add(valueKeys([{ year: Number(written) }], [])[0]);
    else for (const digits of written.match(/\d+(?:[.,]\d+)*/g) ?? []) keys.add(valueKeys([], [{ value: Number(digits.replace(/,/g, '')) }])[0]);
  }
  return keys;
}

/** The currency symbols numbers are read with (language/values.ts), as the unit a column header gives its cells. */
const CURRENCY_UNITS: readonly [string, string][] = [['$', 'dollar'], ['\u20ac', 'euro'], ['\u00a3', 'pound'], ['\u00a5', 'yen']];

interface TableKeys {
  /** Per column: the keys of its header, less those every column's header has. */
  readonly columns: ReadonlyMap<number, ReadonlySet<string>>;
  /** Per column: every key of its header (what a unitless cell counts: "Supported routes, 2024" counts routes). */
  readonly labels: ReadonlyMap<number, ReadonlySet<string>>;
  /** Per row (by sentence): the keys of its header, and those no other row's header has. */
  readonly rows: ReadonlyMap<number, { readonly all: ReadonlySet<string>; readonly own: ReadonlySet<string> }>;
}

const tableKeys = new WeakMap<SourceTable, TableKeys>();
/** Mentions by start, per extraction: a table's headers look theirs up by span. */
const sortedMentions = new WeakMap<Extraction, readonly Mention[]>();

function mentionsAround(x: Extraction, span: Span): readonly Mention[] {
  let sorted = sortedMentions.get(x);
  if (!sorted) {
    sorted = [...x.mentions].sort((a, b) => a.start - b.start);
    sortedMentions.set(x, sorted);
  }
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid].start < span.start) low = mid + 1;
    else high = mid;
  }
  const found: Mention[] = [];
  for (let k = low; k < sorted.length && sorted[k].start < span.end; k++) found.push(sorted[k]);
  return found;
}

function keysOfTable(x: Extraction, table: SourceTable): TableKeys {
  let keys = tableKeys.get(table);
  if (keys) return keys;
  // A column's header as written once (Markdown's header row; HTML repeats it in each row: its first row's).
  const labelSpans = new Map<number, Span>();
  for (const row of table.rows) for (const cell of row.cells) if (cell.label && !labelSpans.has(cell.column)) labelSpans.set(cell.column, cell.label);
  const labels = new Map<number, ReadonlySet<string>>();
  // Its words as words, not as the names found there (a header's "Amount" may be read as a name in one and not in the next).
  for (const [column, span] of labelSpans) labels.set(column, keysOf(x, span, [], true));
  const everywhere = [...labels.values()].reduce<Set<string> | undefined>((shared, k) => (shared ? new Set([...shared].filter((s) => k.has(s))) : new Set(k)), undefined) ?? new Set();
  const columns = new Map<number, ReadonlySet<string>>();
  for (const [column, k] of labels) columns.set(column, labels.size > 1 ? new Set([...k].filter((s) => !everywhere.has(s))) : k);
  const headers = new Map<number, Set<string>>();
  const counts = new Map<string, number>();
  for (const row of table.rows) {
    if (!row.header) continue;
    const k = keysOf(x, row.header, mentionsAround(x, row.header), false);
    headers.set(row.sentence, k);
    for (const s of k) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const rows = new Map<number, { all: ReadonlySet<string>; own: ReadonlySet<string> }>();
  for (const [sentence, k] of headers) rows.set(sentence, { all: k, own: new Set([...k].filter((s) => counts.get(s) === 1)) });
  keys = { columns, labels, rows };
  tableKeys.set(table, keys);
  return keys;
}

/** The keys of a row's column headers where the row's own text does not hold them (a Markdown header row's), for alignment. */
export function headerKeysOf(x: Extraction, sentence: number): ReadonlySet<string> | undefined {
  const found = tableRowOf(x.source, sentence);
  if (!found) return undefined;
  const s = x.source.sentences[sentence];
  const keys = new Set<string>();
  const { labels } = keysOfTable(x, found.table);
  for (const cell of found.row.cells) {
    if (!cell.label || (cell.label.start >= s.start && cell.label.end <= s.end)) continue;
    for (const k of labels.get(cell.column) ?? []) keys.add(k);
  }
  // HTML repeats the headers in the row, where extraction does not read them as the row's dates: their years count.
  for (const cell of found.row.cells) {
    if (!cell.label || cell.label.start < s.start || cell.label.end > s.end) continue;
    for (const k of labels.get(cell.column) ?? []) if (k.startsWith('#')) keys.add(k);
  }
  return keys;
}

const wordsOfClaims = new WeakMap<ReadonlyMap<string, number>, ReadonlyMap<string, number>>();

/** A claim's keys with the stem of each of its words, names and stop words too: what a table's headers are matched with. */
export function withWordStems(stems: ReadonlyMap<string, number>, tokens: TokenSequence, from: number, to: number): ReadonlyMap<string, number> {
  let words = wordsOfClaims.get(stems);
  if (!words) {
    const all = new Map(stems);
    for (let k = from; k < to; k++) {
      const t = tokens.token(k);
      if (t && /\p{L}/u.test(t.text) && !all.has(stem(t.lemma))) all.set(stem(t.lemma), 1);
    }
    wordsOfClaims.set(stems, (words = all));
  }
  return words;
}

/** {@link withWordStems} of the claim of a check, for the claim's keys or those of one of its clauses. */
export function claimWords(ctx: { readonly block: { readonly tokens: readonly Token[] }; readonly claim: { readonly firstToken: number; readonly endToken: number } }, stems: ReadonlyMap<string, number>): ReadonlyMap<string, number> {
  return withWordStems(stems, sequenceOf(ctx.block.tokens), ctx.claim.firstToken, ctx.claim.endToken);
}

const namedByClaim = new WeakMap<ReadonlyMap<string, number>, Map<TableKeys, ReadonlySet<number>>>();

/**
 * The rows (by sentence) a claim names: those whose header's keys it has all of, the most specific ones ("North
 * East", not "North"); else, when it has all of none, those it names by the most keys no other row has.
 */
function namedRows(keys: TableKeys, claimKeys: ReadonlyMap<string, number>): ReadonlySet<number> {
  let byTable = namedByClaim.get(claimKeys);
  if (!byTable) namedByClaim.set(claimKeys, (byTable = new Map()));
  const cached = byTable.get(keys);
  if (cached) return cached;
  const has = (k: string): boolean => claimKeys.has(k);
  let best = 0;
  let named: number[] = [];
  for (const [sentence, header] of keys.rows) {
    if (header.all.size === 0 || header.all.size < best || ![...header.all].every(has)) continue;
    if (header.all.size > best) named = [];
    best = header.all.size;
    named.push(sentence);
  }
  if (named.length === 0) {
    for (const [sentence, header] of keys.rows) {
      const own = [...header.own].filter(has).length;
      if (own === 0 || own < best) continue;
      if (own > best) named = [];
      best = own;
      named.push(sentence);
    }
  }
  const set = new Set(named);
  byTable.set(keys, set);
  return set;
}

/** What a claim makes of a table row it aligns with. */
export interface RowReading {
  readonly row: TableRow;
  /** True when the claim names the row (the words of its header that tell it from the other rows). */
  readonly rowNamed: boolean;
  /** The cells whose column headers the claim names best (none: it names no column). */
  readonly named: readonly TableCell[];
  /** True when the claim names the row and exactly one of its columns: a value there that differs is a conflict. */
  readonly pinned: boolean;
  /** True when a value at `span` lies in one of {@link named} (or the claim names no column). */
  inNamed(span: Span): boolean;
  /** True when the column header of the cell holding `span` names this unit (a lemma): the cell counts what the header says. */
  headerHas(span: Span, unit: string): boolean;
  /** The scale the column header of the cell holding `span` gives its bare numbers ("(millions)": 1e6), else 1. */
  scaleOf(span: Span): number;
}

function cellAt(row: TableRow, span: Span): TableCell | undefined {
  return row.cells.find((c) => c.start <= span.start && span.end <= c.end);
}

/**
 * How a claim reads the table row `sentence` of `x` (undefined when the sentence is no row): the row named by the
 * claim's keys, the column by those of the clause the value is in.
 */
export function readRow(x: Extraction, sentence: number, claimKeys: ReadonlyMap<string, number>, clauseKeys: ReadonlyMap<string, number> = claimKeys): RowReading | undefined {
  const found = tableRowOf(x.source, sentence);
  if (!found) return undefined;
  const { row } = found;
  const keys = keysOfTable(x, found.table);
  const rowNamed = namedRows(keys, claimKeys).has(sentence);
  let best = 0;
  let named: TableCell[] = [];
  for (const cell of row.cells) {
    const distinct = keys.columns.get(cell.column);
    const score = distinct ? [...distinct].filter((k) => clauseKeys.has(k)).length : 0;
    if (score === 0 || score < best) continue;
    if (score > best) named = [];
    best = score;
    named.push(cell);
  }
  return {
    row, rowNamed, named, pinned: rowNamed && named.length === 1,
    inNamed: (span) => named.length === 0 || named.some((c) => c.start <= span.start && span.end <= c.end),
    scaleOf: (span) => {
      const cell = cellAt(row, span);
      const words = cell ? (found.table.columns[cell.column] ?? '').toLowerCase().split(/[^a-z]+/) : [];
      for (const w of words) {
        const scale = MAGNITUDES[w] ?? MAGNITUDES[w.replace(/s$/, '')];
        if (scale !== undefined) return scale;
      }
      return 1;
    },
    headerHas: (span, unit) => {
      const cell = cellAt(row, span);
      if (!cell) return false;
      const header = (found.table.columns[cell.column] ?? '').toLowerCase();
      const unitStem = stem(unit);
      return (keys.labels.get(cell.column)?.has(unitStem) ?? false) || header.split(/[^\p{L}]+/u).some((w) => w !== '' && stem(w) === unitStem);
    },
  };
}
