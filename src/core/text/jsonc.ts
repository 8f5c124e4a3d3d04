/**
 * JSON with comments, as VS Code writes `.vscode/settings.json` and `.code-workspace` files (`//` and `/* *\/`
 * comments, trailing commas), read with jsonc-parser, VS Code's own reader. An error is reported as one line with
 * the line and column it is at in the file as written.
 * (The ESM build is imported: the package's UMD main loads its parts by a dynamic require no bundler follows.)
 */
import { createScanner, parse, printParseErrorCode, SyntaxKind, type ParseError } from 'jsonc-parser/lib/esm/main.js';

export type JsoncResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** Blanks comments with spaces (line breaks kept), leaving strings alone: every other character stays where it was. */
export function stripJsonc(text: string): string {
  // jsonc-parser's own stripComments does not keep every offset; its scanner finds the comments, and they are blanked here.
  const out = text.split('');
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind !== SyntaxKind.LineCommentTrivia && kind !== SyntaxKind.BlockCommentTrivia) continue;
    const end = scanner.getTokenOffset() + scanner.getTokenLength();
    for (let i = scanner.getTokenOffset(); i < end; i++) if (out[i] !== '\n' && out[i] !== '\r') out[i] = ' ';
  }
  return out.join('');
}

/** Line and column (1-based) of an offset, for a message about a file. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Parses JSONC; a syntax error is one line with its line and column. Never throws. */
export function parseJsonc(text: string): JsoncResult {
  const body = text.replace(/^\uFEFF/, '');
  if (!stripJsonc(body).trim()) return { ok: true, value: undefined };
  const errors: ParseError[] = [];
  const value: unknown = parse(body, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length === 0) return { ok: true, value };
  const first = errors[0];
  return { ok: false, message: `${lineAndColumn(body, first.offset)}: ${printParseErrorCode(first.error)}` };
}
