/**
 * An extraction as it crosses between threads: JSON for the object graph, the token
 * table's typed arrays moved, not copied.
 *
 * Why JSON and not the structured clone postMessage does by itself: a structured
 * clone rebuilds each object property by property, each with a separate property
 * store, and each string as a copy of its own. That took twice the memory of the same
 * objects built by JSON.parse, which lays objects out whole and shares short strings.
 * Shared objects (a fact's sentence and mentions) go as indices and are linked again.
 */
import type { Extraction, Fact } from './extract';
import type { Mention } from './entities';
import type { Sentence, SourceDoc } from './source';
import { intern } from './nlp';
import { LineIndex } from './text';
import { TokenTable, type TokenTableData } from './tokenTable';
import type { DateValue, NumberValue } from './values';

type ColumnName = 'starts' | 'otherEndIndices' | 'otherEnds' | 'textIds' | 'lemmaIds' | 'posIds' | 'typeIds' | 'flags';
type Columns = Pick<TokenTableData, ColumnName>;

export interface ExtractionMessage {
  /** The extraction as JSON, see {@link WireExtraction}. */
  readonly json: string;
  readonly columns: Columns;
}

interface WireFact {
  /** Index of the fact's sentence in the source's sentences. */
  readonly sentence: number;
  readonly numbers: readonly NumberValue[];
  readonly dates: readonly DateValue[];
  /** Indices into the extraction's mentions. */
  readonly mentions: readonly number[];
}

interface WireExtraction {
  readonly source: Omit<SourceDoc, 'lines' | 'tokens' | 'sentences'> & { readonly sentences: readonly Omit<Sentence, 'text'>[] };
  readonly words: readonly string[];
  readonly tags: readonly string[];
  readonly sentenceFacts: readonly WireFact[];
  /** Indices into sentenceFacts. */
  readonly facts: readonly number[];
  readonly mentions: readonly Mention[];
  readonly quotes: Extraction['quotes'];
  readonly people: Extraction['people'];
}

const NONE: readonly never[] = Object.freeze([]);

/** JSON has no Infinity or NaN: a number too large for a double goes as a string and comes back as a number. */
function finiteOrString(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

export function toMessage(x: Extraction): ExtractionMessage {
  const { lines: _lines, tokens, sentences, ...source } = x.source;
  const mentionIndex = new Map(x.mentions.map((m, i) => [m, i]));
  const factIndex = new Map(x.sentenceFacts.map((f, i) => [f, i]));
  const sentenceIndex = new Map(sentences.map((s, i) => [s, i]));
  const { words, tags, ...columns } = tokens.toData();
  const wire: WireExtraction = {
    source: { ...source, sentences: sentences.map(({ text: _text, ...s }) => s) },
    words, tags,
    sentenceFacts: x.sentenceFacts.map((f) => ({ sentence: sentenceIndex.get(f.sentence) ?? -1, numbers: f.numbers, dates: f.dates, mentions: f.mentions.map((m) => mentionIndex.get(m) ?? -1) })),
    facts: x.facts.map((f) => factIndex.get(f) ?? -1),
    mentions: x.mentions, quotes: x.quotes, people: x.people,
  };
  return { json: JSON.stringify(wire, finiteOrString), columns };
}

/**
 * The typed arrays of a message, for postMessage's transfer list. They are the token
 * table's own: once transferred, the extraction they came from has lost its tokens, so
 * only an extraction that is being sent away is transferred.
 */
export function transferablesOf(message: ExtractionMessage): ArrayBuffer[] {
  return Object.values(message.columns).map((column: ArrayBufferView) => column.buffer as ArrayBuffer);
}

/** The extraction again, sentence texts cut from the source text (a slice shares it) and shared objects linked. */
export function fromMessage(message: ExtractionMessage): Extraction {
  const wire = JSON.parse(message.json) as WireExtraction;
  const text = wire.source.text;
  // Spelled out, not spread: a spread of a parsed object gave each sentence a hidden class of its own (~280 B more each).
  const sentences: Sentence[] = wire.source.sentences.map((s) => ({
    index: s.index, paragraph: s.paragraph, start: s.start, end: s.end, text: text.slice(s.start, s.end), firstToken: s.firstToken, endToken: s.endToken,
  }));
  const list = <T>(items: readonly T[]): readonly T[] => (items.length ? items : NONE);
  const sentenceFacts: Fact[] = wire.sentenceFacts.map((f) => ({
    sentence: sentences[f.sentence],
    numbers: list(f.numbers.map((n) => (typeof n.value === 'number' ? n : { ...n, value: Number(n.value) }))),
    dates: list(f.dates),
    mentions: list(f.mentions.map((k) => wire.mentions[k])),
  }));
  // A name or word is one string however many sources use it, as it is when extracted in this thread.
  for (const m of wire.mentions) Object.assign(m, { type: intern(m.type), text: intern(m.text), canonical: intern(m.canonical) });
  const tokens = TokenTable.fromData({ ...message.columns, words: wire.words.map(intern), tags: wire.tags.map(intern) });
  return {
    source: { ...wire.source, sentences, lines: new LineIndex(text), tokens },
    sentenceFacts,
    facts: wire.facts.map((k) => sentenceFacts[k]),
    mentions: wire.mentions, quotes: wire.quotes, people: wire.people,
  };
}
