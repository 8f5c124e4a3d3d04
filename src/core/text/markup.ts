/**
 * Linear scanners for the Markdown and HTML markup that memos and sources blank before reading their prose.
 *
 * Each scanner finds what one regular expression with the `g` flag found before (leftmost first, the next search
 * starting where a match ended), but without backtracking: a pattern such as `\[@[^\]]*\]` tries every `[@` and
 * reads the rest of the line from each one when nothing closes it, so a line of 100,000 `[@` took seconds and one
 * of a million minutes. A scanner reads the line once: where nothing closes a match, no later start can match
 * either, and the search stops. test/unit/markup.test.ts compares each scanner with its regular expression.
 */
import type { Span } from './offsets';

/** What `\s` matches in a JavaScript regular expression. */
export function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a)
    || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** `text` with every character of `spans` (in order, not overlapping) but line breaks replaced by a space. */
export function blankSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const s of spans) {
    const span = text.slice(s.start, s.end);
    // A replace per character is slow on a long span: most spans hold no line break.
    parts.push(text.slice(at, s.start), /[\r\n]/.test(span) ? span.replace(/[^\r\n]/g, ' ') : ' '.repeat(span.length));
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** /`+[^`]*`+/g: a code span, from a run of backticks to the next backtick run (or a lone run of two or more). */
export function codeSpans(text: string): Span[] {
  const spans: Span[] = [];
  let i = text.indexOf('`');
  while (i >= 0) {
    let j = i;
    while (text.charCodeAt(j) === 0x60) j++;
    const close = text.indexOf('`', j);
    if (close < 0) {
      // Nothing closes it: a run of two or more matches on its own (one backtick opens, the next closes).
      if (j - i >= 2) spans.push({ start: i, end: j });
      break;
    }
    let end = close;
    while (text.charCodeAt(end) === 0x60) end++;
    spans.push({ start: i, end });
    i = text.indexOf('`', end);
  }
  return spans;
}

/** /open[\s\S]*?close/g with fixed strings: from each opener to the first closer after it. */
export function delimitedSpans(text: string, open: string, close: string): Span[] {
  const spans: Span[] = [];
  let i = text.indexOf(open);
  while (i >= 0) {
    const c = text.indexOf(close, i + open.length);
    if (c < 0) break;
    spans.push({ start: i, end: c + close.length });
    i = text.indexOf(open, c + close.length);
  }
  return spans;
}

/** /<\/?[A-Za-z][^>]*>/g: an HTML tag. */
export function tagSpans(text: string): Span[] {
  const spans: Span[] = [];
  let i = text.indexOf('<');
  while (i >= 0) {
    let q = i + 1;
    if (text.charCodeAt(q) === 0x2f) q++;
    if (isAsciiLetter(text.charCodeAt(q))) {
      const gt = text.indexOf('>', q + 1);
      // No `>` after this `<`: none after any later one either.
      if (gt < 0) break;
      spans.push({ start: i, end: gt + 1 });
      i = text.indexOf('<', gt + 1);
    } else {
      i = text.indexOf('<', i + 1);
    }
  }
  return spans;
}

/**
 * `prefix`, then [^\]]*, `](`, [^)]* and `)`: an image `![alt](url)` (prefix `![`) or a link `[label](url)`
 * (prefix `[`), with the span of its label. With `singleLine`, neither part may hold a line break
 * (/\[([^\]\n]*)\]\([^)\n]*\)/g).
 */
export function bracketLinkSpans(text: string, prefix: string, singleLine: boolean): (Span & { label: Span })[] {
  const spans: (Span & { label: Span })[] = [];
  // The next line break at or after a position: starts only move forward, so it is looked for once per line.
  let newline = singleLine ? text.indexOf('\n') : -1;
  /** The first `char` or (singleLine) line break at or after `from`; -1 when there is neither. */
  const firstOf = (char: string, from: number): number => {
    const at = text.indexOf(char, from);
    if (!singleLine) return at;
    if (newline >= 0 && newline < from) newline = text.indexOf('\n', from);
    if (newline < 0) return at;
    return at < 0 || newline < at ? newline : at;
  };
  let i = text.indexOf(prefix);
  while (i >= 0) {
    const from = i + prefix.length;
    const b = firstOf(']', from);
    // Nothing closes the label: no later start closes one either.
    if (b < 0) break;
    // A line break, or a `]` without `(`: every start before it reads up to the same place and fails alike.
    if (text.charCodeAt(b) !== 0x5d || text.charCodeAt(b + 1) !== 0x28) {
      i = text.indexOf(prefix, b + 1);
      continue;
    }
    const c = firstOf(')', b + 2);
    if (c < 0) break;
    if (text.charCodeAt(c) !== 0x29) {
      i = text.indexOf(prefix, c + 1);
      continue;
    }
    spans.push({ start: i, end: c + 1, label: { start: from, end: b } });
    i = text.indexOf(prefix, c + 1);
  }
  return spans;
}

/** /\[\^[^\]\s]+\]/g: a footnote reference `[^key]`. */
export function footnoteRefSpans(text: string): Span[] {
  const spans: Span[] = [];
  let i = text.indexOf('[^');
  while (i >= 0) {
    let e = i + 2;
    while (e < text.length && text.charCodeAt(e) !== 0x5d && !isSpace(text.charCodeAt(e))) e++;
    if (e > i + 2 && text.charCodeAt(e) === 0x5d) {
      spans.push({ start: i, end: e + 1 });
      i = text.indexOf('[^', e + 1);
    } else {
      // Every start inside the stretch ends where this one did, and fails alike.
      i = text.indexOf('[^', Math.max(i + 1, e));
    }
  }
  return spans;
}

/** /open[^c]*c/g with a fixed opener: from each opener to the next `c`. */
export function untilCharSpans(text: string, open: string, closeChar: string): Span[] {
  const spans: Span[] = [];
  let i = text.indexOf(open);
  while (i >= 0) {
    const c = text.indexOf(closeChar, i + open.length);
    if (c < 0) break;
    spans.push({ start: i, end: c + 1 });
    i = text.indexOf(open, c + 1);
  }
  return spans;
}

/** /<https?:[^>]*>/g: an autolink. */
export function autolinkSpans(text: string): Span[] {
  const spans: Span[] = [];
  let i = text.indexOf('<http');
  while (i >= 0) {
    let q = i + 5;
    if (text.charCodeAt(q) === 0x73 && text.charCodeAt(q + 1) === 0x3a) q++;
    if (text.charCodeAt(q) === 0x3a) {
      const gt = text.indexOf('>', q + 1);
      if (gt < 0) break;
      spans.push({ start: i, end: gt + 1 });
      i = text.indexOf('<http', gt + 1);
    } else {
      i = text.indexOf('<http', i + 1);
    }
  }
  return spans;
}
