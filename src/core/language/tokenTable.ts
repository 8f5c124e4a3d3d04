/**
 * A source's tokens stored by column (typed arrays and one list of distinct words)
 * instead of one object per token: a long source is tens of thousands of tokens, and
 * an object each was most of the memory a loaded source took. Checks read only the
 * tokens of the few sentences a claim aligns with, so a token is rebuilt as an object
 * when asked for.
 */
import type { Token } from './nlp';

/** Read access to tokens by index, from an array (a memo block) or a {@link TokenTable} (a source). */
export interface TokenSequence {
  readonly length: number;
  /** The token at `index`; undefined outside [0, length). */
  token(index: number): Token | undefined;
}

/** An array of tokens seen as a {@link TokenSequence}. */
export function sequenceOf(tokens: readonly Token[]): TokenSequence {
  return { length: tokens.length, token: (index) => tokens[index] };
}

/** Tokens [from, to) of a sequence as an array indexed from 0 (out-of-range indices skipped). */
export function tokensIn(sequence: TokenSequence, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  for (let k = Math.max(0, from); k < Math.min(to, sequence.length); k++) tokens.push(sequence.token(k) as Token);
  return tokens;
}

const NEGATED = 1;
const STOP_WORD = 2;
/** Part-of-speech and token-type tags are a small fixed set: one byte each. */
const MAX_TAGS = 256;
/** Word ids take two bytes each while they fit, four when they do not. */
const TWO_BYTE_LIMIT = 0x10000;

type IdArray = Uint16Array | Uint32Array;

function idArray(length: number, largest: number): IdArray {
  return largest < TWO_BYTE_LIMIT ? new Uint16Array(length) : new Uint32Array(length);
}

/** The plain data of a table: what survives a copy between threads (structured clone drops classes). */
export interface TokenTableData {
  /** Distinct token texts and lemmas of this table. */
  readonly words: readonly string[];
  readonly starts: Int32Array;
  /**
   * A token ends where its text does (start + text length), except the few whose text
   * the tagger wrote otherwise than the source: those, by index, with their ends.
   */
  readonly otherEndIndices: Int32Array;
  readonly otherEnds: Int32Array;
  readonly textIds: IdArray;
  readonly lemmaIds: IdArray;
  /** Indices into `tags` of each token's part of speech and type. */
  readonly tags: readonly string[];
  readonly posIds: Uint8Array;
  readonly typeIds: Uint8Array;
  readonly flags: Uint8Array;
}

/** Ids for distinct strings, in order of first use. */
class StringIds {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();

  constructor(private readonly limit = Infinity, private readonly what = 'strings') {}

  idOf(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      if (this.list.length >= this.limit) throw new Error(`more than ${this.limit} distinct ${this.what}`);
      id = this.list.length;
      this.list.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
}

export class TokenTable implements TokenSequence {
  private constructor(private readonly data: TokenTableData) {}

  static from(tokens: readonly Token[]): TokenTable {
    const n = tokens.length;
    const words = new StringIds();
    // wink's tag sets have a few dozen members; more would mean a different tagger, not a different text.
    const tags = new StringIds(MAX_TAGS, 'part-of-speech and token-type tags');
    const textIds = new Uint32Array(n);
    const lemmaIds = new Uint32Array(n);
    const starts = new Int32Array(n);
    const otherEndIndices: number[] = [];
    const otherEnds: number[] = [];
    const posIds = new Uint8Array(n);
    const typeIds = new Uint8Array(n);
    const flags = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const t = tokens[i];
      starts[i] = t.start;
      if (t.end !== t.start + t.text.length) {
        otherEndIndices.push(i);
        otherEnds.push(t.end);
      }
      textIds[i] = words.idOf(t.text);
      lemmaIds[i] = words.idOf(t.lemma);
      posIds[i] = tags.idOf(t.pos);
      typeIds[i] = tags.idOf(t.type);
      flags[i] = (t.negated ? NEGATED : 0) | (t.stopWord ? STOP_WORD : 0);
    }
    // Most sources have fewer than 65,536 distinct words and no token that long: two bytes each then.
    const narrow = (wide: Uint32Array, largest: number): IdArray => {
      const out = idArray(n, largest);
      out.set(wide);
      return out;
    };
    return new TokenTable({
      words: words.list, tags: tags.list, starts, posIds, typeIds, flags,
      otherEndIndices: Int32Array.from(otherEndIndices), otherEnds: Int32Array.from(otherEnds), textIds: narrow(textIds, words.list.length), lemmaIds: narrow(lemmaIds, words.list.length),
    });
  }

  /** A table from the data {@link toData} gave, after a copy from another thread. */
  static fromData(data: TokenTableData): TokenTable {
    return new TokenTable(data);
  }

  toData(): TokenTableData {
    return this.data;
  }

  get length(): number {
    return this.data.starts.length;
  }

  /** Distinct texts and lemmas of the tokens (each once). */
  get words(): readonly string[] {
    return this.data.words;
  }

  /** Distinct token texts as written (not lemmas), each once. */
  texts(): string[] {
    const seen = new Uint8Array(this.data.words.length);
    const texts: string[] = [];
    for (const id of this.data.textIds) {
      if (seen[id]) continue;
      seen[id] = 1;
      texts.push(this.data.words[id]);
    }
    return texts;
  }

  token(index: number): Token | undefined {
    if (!(index >= 0 && index < this.data.starts.length)) return undefined;
    const d = this.data;
    const flags = d.flags[index];
    const text = d.words[d.textIds[index]];
    const start = d.starts[index];
    return {
      text, start, end: this.endOf(index, start + text.length), pos: d.tags[d.posIds[index]],
      lemma: d.words[d.lemmaIds[index]], type: d.tags[d.typeIds[index]], negated: (flags & NEGATED) !== 0, stopWord: (flags & STOP_WORD) !== 0,
    };
  }

  private endOf(index: number, usual: number): number {
    const indices = this.data.otherEndIndices;
    if (indices.length === 0) return usual;
    let low = 0;
    let high = indices.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (indices[mid] === index) return this.data.otherEnds[mid];
      if (indices[mid] < index) low = mid + 1;
      else high = mid - 1;
    }
    return usual;
  }

  /** The tokens as objects, for work that reads them all (extraction, indexing); not kept. */
  toArray(): Token[] {
    const tokens: Token[] = new Array<Token>(this.length);
    for (let i = 0; i < tokens.length; i++) tokens[i] = this.token(i) as Token;
    return tokens;
  }
}
