/** "1 source", "3 sources": a count with its noun, for messages of the CLI and the extension alike. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
