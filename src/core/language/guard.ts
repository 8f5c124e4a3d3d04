/**
 * What is kept from the NLP library: runs of characters without a space that are no prose.
 *
 * wink-nlp's tokenizer takes time quadratic in the length of a run without spaces (it splits a run at its
 * punctuation, and re-reads the rest after each split): a 10 KB line of `-----` took a second, 100 KB two
 * minutes. A run longer than {@link MAX_RUN_CHARS} is no prose (no word is that long), nor is a base64 blob or a
 * data URL of any length: such runs are blanked to spaces before any text reaches the library, which keeps every
 * offset. A memo reports a blanked long run as a `limit/long-run` finding; a base64 blob or data URL is silently
 * not prose (an embedded image, a key).
 */
import { isSpace } from '../text/markup';
import type { Span } from '../text/offsets';

/** Longest run of characters without a space read as prose: longer than any word, URL or identifier written in prose. */
export const MAX_RUN_CHARS = 1000;
/** Shortest run taken for a base64 blob (a MIME-encoded line is 76 characters). */
const BASE64_MIN_CHARS = 40;

export type NoProseKind = 'long' | 'base64' | 'data-url';

export interface NoProseRun extends Span {
  readonly kind: NoProseKind;
}

/** Base64 (or base64url) characters only, mixed case and digits, `=` padding at the end: not a word of any language. */
function isBase64(text: string, start: number, end: number): boolean {
  if (end - start < BASE64_MIN_CHARS) return false;
  let upper = false;
  let lower = false;
  let digit = false;
  let padding = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d) {
      padding++;
      continue;
    }
    if (padding > 0) return false;
    if (c >= 0x41 && c <= 0x5a) upper = true;
    else if (c >= 0x61 && c <= 0x7a) lower = true;
    else if (c >= 0x30 && c <= 0x39) digit = true;
    else if (c !== 0x2b && c !== 0x2f && c !== 0x2d && c !== 0x5f) return false;
  }
  return padding <= 2 && upper && lower && digit;
}

const DATA_URL = /data:[a-z]+\/[\w.+-]+[^,\s]*,/i;
/** How far into a run a data URL's `data:` is looked for: `(data:…`, `src="data:…`. */
const DATA_URL_HEAD = 256;

function isDataUrl(text: string, start: number, end: number): boolean {
  const head = text.slice(start, Math.min(end, start + DATA_URL_HEAD));
  return head.includes('data:') && DATA_URL.test(head);
}

/** The runs of `text` without a space that are no prose, in order. Linear in the text's length. */
export function noProseRuns(text: string): NoProseRun[] {
  const runs: NoProseRun[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const start = i;
    while (i < n && !isSpace(text.charCodeAt(i))) i++;
    const kind = noProseKind(text, start, i);
    if (kind) runs.push({ start, end: i, kind });
  }
  return runs;
}

/** What makes run [start, end) of a text (no spaces in it) no prose, if anything. */
export function noProseKind(text: string, start: number, end: number): NoProseKind | undefined {
  if (end - start < BASE64_MIN_CHARS && end - start <= MAX_RUN_CHARS) return undefined;
  if (isDataUrl(text, start, end)) return 'data-url';
  if (isBase64(text, start, end)) return 'base64';
  return end - start > MAX_RUN_CHARS ? 'long' : undefined;
}

/** `text` with its runs that are no prose blanked to spaces (same length, same offsets). */
export function withoutNoProse(text: string, runs: readonly Span[] = noProseRuns(text)): string {
  if (runs.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const r of runs) {
    parts.push(text.slice(at, r.start), ' '.repeat(r.end - r.start));
    at = r.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
