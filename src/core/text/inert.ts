/**
 * Text from file names and sources, made inert for the places that show it: Markdown
 * (hovers, tooltips, completion documentation), notifications, labels that render
 * `$(icon)` syntax, and terminals. A file name or an article is data: nothing in it
 * may become a link, a command, an icon or a terminal control sequence.
 *
 * Tree item labels and descriptions need none of this: VS Code renders them as text
 * (no Markdown, no links, and no icons unless a view opts in to them).
 */

/**
 * Every ASCII punctuation sign that can start Markdown syntax, backslash-escaped (CommonMark
 * lets any ASCII punctuation be escaped). `:` and `.` are among them so that no bare
 * `https://…` or `www.…` is turned into a link; `$` so that no `$(icon)` renders.
 */
const MARKDOWN_SIGNS = /[\\`*_{}[\]()#+\-.!|~:$]/g;

/** Source text for a MarkdownString: HTML signs as entities, Markdown signs escaped. No link, command, tag or icon can render. */
export function markdownText(text: string): string {
  return text
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(MARKDOWN_SIGNS, '\\$&');
}

/** Signs a command URI's JSON may hold in strings that Markdown or a URI decoder would act on: escaped in the JSON itself. */
const URI_UNSAFE_IN_JSON = /[%()]/g;

/**
 * The `command:` URI of a Markdown link that runs `command` with `args`. The JSON is
 * percent-encoded, and `(`, `)` and `%` inside its strings are JSON escapes first:
 * a `)` in a path cannot end the link, and a `%` survives VS Code decoding the
 * query once or twice.
 */
export function commandUri(command: string, args: readonly unknown[]): string {
  const json = JSON.stringify(args).replace(URI_UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `command:${command}?${encodeURIComponent(json)}`;
}

/** A Markdown link with an escaped label that runs one command. */
export function commandLink(label: string, command: string, args: readonly unknown[]): string {
  return `[${markdownText(label)}](${commandUri(command, args)})`;
}

/**
 * Text for a notification. VS Code renders `[label](command:…)`, `(https://…)` and
 * `(file:…)` links in notification messages, even in Restricted Mode, and nothing
 * else of Markdown: so a word joiner goes between every `]` and `(`, which no link
 * can span. The text reads the same; a backslash would show.
 */
export function notificationText(text: string): string {
  return text.replace(/\](?=\()/g, ']\u2060');
}

/** What VS Code reads as an icon in a label: `$(name)` or `$(name~modifier)`. */
const ICON_SYNTAX = /\$\([A-Za-z0-9-]+(?:~[A-Za-z0-9-]+)?\)/g;

/** Text for a label that renders `$(icon)` syntax (Quick Pick items, completion labels): each one escaped, shown as written. */
export function iconLabelText(text: string): string {
  return text.replace(ICON_SYNTAX, '\\$&');
}

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls (U+0080-U+009F, which some terminals obey). */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Tab, line feed and carriage return: a field of a line of output stays on its line. */
const LINE_BREAKING_SPACE = /[\t\n\r]/g;

function hexEscape(c: string): string {
  return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/**
 * A field of text output for a terminal: control characters shown as `\xNN` (so ESC
 * starts no sequence: erase line, set title, OSC 8 links), line breaks and tabs as spaces.
 */
export function terminalText(text: string): string {
  return text.replace(TERMINAL_CONTROLS, hexEscape).replace(LINE_BREAKING_SPACE, ' ');
}

/** DEL and C1 controls, which JSON.stringify leaves raw (it escapes only U+0000-U+001F). */
const RAW_IN_JSON = /[\u007f-\u009f]/g;

/** JSON text with no raw control character: the same value, with DEL and C1 controls as `\u00NN` escapes. */
export function jsonText(value: unknown, indent?: number): string {
  // Outside strings JSON holds only ASCII punctuation, digits, letters and spaces: every match is inside a string.
  return JSON.stringify(value, null, indent).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
