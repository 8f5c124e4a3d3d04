import type { FoldMap } from './fold';

/** Positions and ranges as in LSP: 0-based lines and UTF-16 characters. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A half-open span of UTF-16 offsets into a text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
/** Characters scanned per step by {@link LineIndex.building}. */
const LINE_SCAN_STEP = 1_000_000;

/**
 * Maps offsets to line/character positions; CRLF, LF and lone CR all end a line. With a {@link FoldMap}, the offsets
 * are those of the folded text the engine read, and the positions those of `text`, the text it was folded from.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string, private readonly fold?: FoldMap, lineStarts?: number[]) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    const starts = [0];
    LineIndex.scan(text, 0, text.length, starts);
    this.lineStarts = starts;
  }

  /** Adds the starts of the lines that begin in text[from, to) to `starts`; returns where the next scan begins. */
  private static scan(text: string, from: number, to: number, starts: number[]): number {
    let i = from;
    for (; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === CARRIAGE_RETURN) {
        if (text.charCodeAt(i + 1) === LINE_FEED) i++;
        starts.push(i + 1);
      } else if (c === LINE_FEED) {
        starts.push(i + 1);
      }
    }
    return i;
  }

  /** The index of a text, built a megabyte a step (a sliced memo check starts with it). */
  static *building(text: string): Generator<void, LineIndex, void> {
    const starts = [0];
    for (let from = 0; from < text.length;) {
      from = LineIndex.scan(text, from, Math.min(text.length, from + LINE_SCAN_STEP), starts);
      if (from < text.length) yield;
    }
    return new LineIndex(text, undefined, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    return this.originalPositionAt(this.fold ? this.fold.toOriginal(offset) : offset);
  }

  private originalPositionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    const offset = this.originalOffsetAt(position);
    return this.fold ? this.fold.toFolded(offset) : offset;
  }

  private originalOffsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    return Math.min(this.lineStarts[position.line] + Math.max(0, position.character), this.text.length);
  }

  /** Where line `line`'s text ends, before its line break. */
  lineEnd(line: number): number {
    if (line < 0) return 0;
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    const next = this.lineStarts[line + 1];
    return this.text.charCodeAt(next - 1) === LINE_FEED && this.text.charCodeAt(next - 2) === CARRIAGE_RETURN ? next - 2 : next - 1;
  }

  /** The range a span covers: with a fold, from its first character to just after its last, in the original. */
  rangeOf(span: Span): Range {
    if (!this.fold) return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
    const original = this.fold.toOriginalSpan(span);
    return { start: this.originalPositionAt(original.start), end: this.originalPositionAt(original.end) };
  }
}

/** Replaces every character of [start, end) except line breaks with spaces, so offsets stay valid. */
export function blankOut(text: string, start: number, end: number): string {
  const middle = text.slice(start, end).replace(/[^\r\n]/g, ' ');
  return text.slice(0, start) + middle + text.slice(end);
}

/** Stable 32-bit FNV-1a hash, hex: cache keys for extraction results. */
export function contentHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0') + text.length.toString(16);
}
