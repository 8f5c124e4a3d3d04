/**
 * An extraction as it crosses between threads: JSON for the objects, typed arrays
 * (token columns, fact offsets) moved, not copied.
 *
 * Why JSON and not the structured clone postMessage does by itself: a structured
 * clone rebuilds each object property by property, each with a separate property
 * store, and each string as a copy of its own. That took twice the memory of the same
 * objects built by JSON.parse, which lays objects out whole and shares short strings.
 */
import type { Extraction } from '../core/sources/extract';
import { FactTable, type FactTableData } from '../core/sources/factTable';
import { intern } from '../core/language/nlp';
import { type Sentence, type SourceDoc, linesOf } from '../core/sources/source';
import { TokenTable, type TokenTableData } from '../core/language/tokenTable';

type TokenColumnName = 'starts' | 'otherEndIndices' | 'otherEnds' | 'textIds' | 'lemmaIds' | 'posIds' | 'typeIds' | 'flags';
type FactColumnName = 'mentionIds' | 'firsts' | 'shown';
type Columns = Pick<TokenTableData, TokenColumnName> & Pick<FactTableData, FactColumnName>;

/** What the worker posts once it has loaded: before it, a failure means the worker cannot run here at all. */
export const READY = 'ready';

export interface ExtractionMessage {
  /** The extraction as JSON, see {@link WireExtraction}. */
  readonly json: string;
  readonly columns: Columns;
}

interface WireExtraction {
  readonly source: Omit<SourceDoc, 'lines' | 'tokens'>;
  readonly words: readonly string[];
  readonly tags: readonly string[];
  readonly numbers: FactTableData['numbers'];
  readonly dates: FactTableData['dates'];
  readonly mentions: Extraction['mentions'];
  readonly quotes: Extraction['quotes'];
  readonly turns: Extraction['turns'];
  readonly people: Extraction['people'];
}

/** JSON has no Infinity or NaN: a number too large for a double goes as a string and comes back as a number. */
function finiteOrString(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

export function toMessage(x: Extraction): ExtractionMessage {
  const { lines: _lines, tokens, sentences, ...source } = x.source;
  const { words, tags, ...tokenColumns } = tokens.toData();
  const { numbers, dates, ...factColumns } = x.factTable.toData();
  const wire: WireExtraction = {
    source: { ...source, sentences },
    words, tags, numbers, dates,
    mentions: x.mentions, quotes: x.quotes, turns: x.turns, people: x.people,
  };
  return { json: JSON.stringify(wire, finiteOrString), columns: { ...tokenColumns, ...factColumns } };
}

/**
 * The typed arrays of a message, for postMessage's transfer list. They are the
 * extraction's own: once transferred, the extraction they came from has lost its
 * tokens and facts, so only an extraction that is being sent away is transferred.
 */
export function transferablesOf(message: ExtractionMessage): ArrayBuffer[] {
  return Object.values(message.columns).map((column: ArrayBufferView) => column.buffer as ArrayBuffer);
}

/** The extraction again, words and names interned. */
export function fromMessage(message: ExtractionMessage): Extraction {
  const wire = JSON.parse(message.json) as WireExtraction;
  const text = wire.source.text;
  // Spelled out, not spread: a spread of a parsed object gave each sentence a hidden class of its own (~280 B more each).
  const sentences: Sentence[] = wire.source.sentences.map((s) => ({
    index: s.index, paragraph: s.paragraph, start: s.start, end: s.end, firstToken: s.firstToken, endToken: s.endToken,
  }));
  // A name or word is one string however many sources use it, as it is when extracted in this thread.
  for (const m of wire.mentions) Object.assign(m, { type: intern(m.type), text: intern(m.text), canonical: intern(m.canonical) });
  const numbers = wire.numbers.map((n) => (typeof n.value === 'number' ? n : { ...n, value: Number(n.value) }));
  const { mentionIds, firsts, shown, ...tokenColumns } = message.columns;
  return {
    source: { ...wire.source, sentences, lines: linesOf(text, wire.source.original, wire.source.removed), tokens: TokenTable.fromData({ ...tokenColumns, words: wire.words.map(intern), tags: wire.tags.map(intern) }) },
    factTable: FactTable.fromData({ numbers, dates: wire.dates, mentionIds, firsts, shown }),
    mentions: wire.mentions, quotes: wire.quotes, turns: wire.turns, people: wire.people,
  };
}
