/** Turning a file's bytes into text, or a clear reason why it is not text. */

export type Decoded = { readonly ok: true; readonly text: string; readonly note?: string } | { readonly ok: false; readonly reason: string };

/** Share of control characters above which a file is taken for binary. */
const BINARY_CONTROL_RATIO = 0.1;
/** How many leading bytes are inspected to recognise a binary file. */
const BINARY_SNIFF_BYTES = 8192;

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, BINARY_SNIFF_BYTES);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 8 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return sample.length > 0 && control / sample.length > BINARY_CONTROL_RATIO;
}

/** Windows-1252's characters for bytes 0x80-0x9F (the rest of the code page is Latin-1); 0 where undefined. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Windows-1252, decoded by hand: Node's small-ICU builds decode that label as Latin-1. */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || 0xfffd : b);
  return text;
}

/** The note of a file read as Windows-1252: loading it names the file before it. */
export const NOT_UTF8_NOTE = 'is not UTF-8; read as Windows-1252';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes UTF-8 (with or without BOM) and UTF-16 with a BOM. A file with any invalid
 * UTF-8 sequence is not UTF-8, however few its high bytes (a Windows-1252 article may
 * have one curly apostrophe in a page): it is read as Windows-1252, the usual encoding
 * of such files, with a note. Valid UTF-8 never gets one.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  }
  if (looksBinary(bytes)) return { ok: false, reason: 'is a binary file, not text' };
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: strictUtf8.decode(body) };
  } catch {
    return { ok: true, text: decodeWindows1252(body), note: NOT_UTF8_NOTE };
  }
}
