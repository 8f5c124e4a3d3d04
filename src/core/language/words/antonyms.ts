/** WordNet's direct antonyms (see antonyms.generated.ts), looked up by lemma and part of speech. */
import { WORDNET_ANTONYMS } from './antonyms.generated';

export type AntonymPos = keyof typeof WORDNET_ANTONYMS;
const NONE: ReadonlySet<string> = new Set();
let tables: Map<string, Map<string, ReadonlySet<string>>> | undefined;

function parsed(): Map<string, Map<string, ReadonlySet<string>>> {
  if (tables) return tables;
  tables = new Map();
  for (const [pos, packed] of Object.entries(WORDNET_ANTONYMS)) {
    const table = new Map<string, ReadonlySet<string>>();
    for (const entry of packed.split(';')) {
      const colon = entry.indexOf(':');
      table.set(entry.slice(0, colon), new Set(entry.slice(colon + 1).split(',')));
    }
    tables.set(pos, table);
  }
  return tables;
}

/**
 * The lemmas WordNet gives as direct antonyms of `lemma` used as `pos` (the tokenizer's universal tag); empty for
 * a word it gives none, or a tag it has no antonyms for. Parsed on first use, so activation does not pay for it.
 */
export function wordnetAntonyms(lemma: string, pos: string): ReadonlySet<string> {
  return parsed().get(pos)?.get(lemma) ?? NONE;
}
