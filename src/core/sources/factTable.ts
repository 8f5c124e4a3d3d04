/**
 * The numbers, dates and names of every sentence of a source, stored flat: one list of
 * each kind for the source and offsets per sentence, instead of an object and up to three
 * lists per sentence (a long source has thousands). A sentence's {@link Fact} is built
 * when asked for.
 */
import type { Mention } from '../language/entities';
import type { Sentence } from './source';
import type { DateValue, NumberValue } from '../language/values';

/** A sentence with its typed values. */
export interface Fact {
  readonly sentence: Sentence;
  readonly numbers: readonly NumberValue[];
  readonly dates: readonly DateValue[];
  readonly mentions: readonly Mention[];
}

const NONE: readonly never[] = Object.freeze([]);
const KINDS = 3;
const NUMBERS = 0;
const DATES = 1;
const MENTIONS = 2;

/** The table's lists, as they cross between threads: the objects go as JSON, the offsets as typed arrays. */
export interface FactTableData {
  readonly numbers: readonly NumberValue[];
  readonly dates: readonly DateValue[];
  /** Indices into the extraction's mentions. */
  readonly mentionIds: Int32Array;
  /** Sentence i's first number, date and mention are at 3i, 3i + 1 and 3i + 2; sentence i + 1's firsts end them. */
  readonly firsts: Int32Array;
  /** The sentences shown as facts (prose with at least one value), in order. */
  readonly shown: Int32Array;
}

export class FactTable {
  private constructor(private readonly data: FactTableData) {}

  /** From each sentence's values (mentions as indices into the extraction's), and which sentences are shown. */
  static build(perSentence: readonly { numbers: readonly NumberValue[]; dates: readonly DateValue[]; mentionIds: readonly number[] }[], shown: readonly number[]): FactTable {
    const numbers: NumberValue[] = [];
    const dates: DateValue[] = [];
    const mentionIds: number[] = [];
    const firsts = new Int32Array((perSentence.length + 1) * KINDS);
    perSentence.forEach((s, i) => {
      firsts[i * KINDS + NUMBERS] = numbers.length;
      firsts[i * KINDS + DATES] = dates.length;
      firsts[i * KINDS + MENTIONS] = mentionIds.length;
      // Loops, not push(...list): a sentence of 150,000 numbers is more arguments than a call may take.
      for (const n of s.numbers) numbers.push(n);
      for (const d of s.dates) dates.push(d);
      for (const m of s.mentionIds) mentionIds.push(m);
    });
    const end = perSentence.length * KINDS;
    firsts[end + NUMBERS] = numbers.length;
    firsts[end + DATES] = dates.length;
    firsts[end + MENTIONS] = mentionIds.length;
    return new FactTable({ numbers, dates, mentionIds: Int32Array.from(mentionIds), firsts, shown: Int32Array.from(shown) });
  }

  static fromData(data: FactTableData): FactTable {
    return new FactTable(data);
  }

  toData(): FactTableData {
    return this.data;
  }

  /** Indices of the sentences shown as facts. */
  get shown(): Int32Array {
    return this.data.shown;
  }

  private range(sentence: number, kind: number): [number, number] {
    return [this.data.firsts[sentence * KINDS + kind], this.data.firsts[(sentence + 1) * KINDS + kind]];
  }

  /** The fact of sentence `index`, with the sentence and mentions it refers to. */
  fact(index: number, sentence: Sentence, mentions: readonly Mention[]): Fact {
    const [n0, n1] = this.range(index, NUMBERS);
    const [d0, d1] = this.range(index, DATES);
    const [m0, m1] = this.range(index, MENTIONS);
    const own: Mention[] = [];
    for (let k = m0; k < m1; k++) own.push(mentions[this.data.mentionIds[k]]);
    return {
      sentence,
      numbers: n1 > n0 ? this.data.numbers.slice(n0, n1) : NONE,
      dates: d1 > d0 ? this.data.dates.slice(d0, d1) : NONE,
      mentions: own.length ? own : NONE,
    };
  }
}
