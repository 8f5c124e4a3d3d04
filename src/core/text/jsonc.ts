/**
 * JSON with comments, as VS Code writes `.vscode/settings.json` and `.code-workspace` files: `//` and `/* *\/`
 * comments and trailing commas are allowed. jsonc-parser is in node_modules only as a dependency of a development
 * tool (@vscode/vsce), not of this package, so the few rules are kept here: comments and trailing commas are blanked
 * out (outside strings, so a URL's `//` stays), keeping every other character where it was, and the rest is
 * JSON.parse's, so an error's position still points into the file as written.
 */

export type JsoncResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** Blanks comments and trailing commas with spaces (line breaks kept), leaving strings alone. */
export function stripJsonc(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number): void => {
    for (let i = from; i < to; i++) if (out[i] !== '\n' && out[i] !== '\r') out[i] = ' ';
  };
  /** Where the last comma outside strings was, while only whitespace and comments followed it. */
  let pendingComma = -1;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      pendingComma = -1;
      i++;
      while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      // An unclosed comment runs to the end, as in VS Code's reader; JSON.parse then says what is missing.
      const stop = end < 0 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === ',') {
      pendingComma = i;
      i++;
    } else if (c === '}' || c === ']') {
      if (pendingComma >= 0) out[pendingComma] = ' ';
      pendingComma = -1;
      i++;
    } else {
      if (!/\s/.test(c)) pendingComma = -1;
      i++;
    }
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
  const stripped = stripJsonc(text.replace(/^\uFEFF/, ''));
  if (!stripped.trim()) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(stripped) };
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    // V8's message names the position; say where that is, and the reason without it.
    const reason = message.replace(/\s*in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
    return { ok: false, message: position ? `${lineAndColumn(stripped, Number(position[1]))}: ${reason}` : reason };
  }
}
