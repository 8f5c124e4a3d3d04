/**
 * conflict/entity (descriptions): the same description of another thing, "Europe's largest airport" where the
 * source says "Europe's largest port". The modifiers (a possessor and an adjective, or two adjectives) match a
 * phrase of the source; the noun they describe does not.
 */
import type { Token } from '../../../../language/nlp';
import { sequenceOf, type TokenSequence } from '../../../../language/tokenTable';
import { stem } from '../../../../language/stems';
import { ENTITY_MIN_ALIGNMENT } from '../../../thresholds';
import { replacementFinding, type BlockFinding, type ClaimContext } from '../../shared';

interface Description {
  /** Stems of the modifiers, in order. */
  readonly modifiers: string;
  readonly head: Token;
}

const MIN_MODIFIERS = 2;
/** Adjectives that describe rank or extent: with a possessor they single out one thing. */
const MODIFIER_POS = new Set(['ADJ', 'PROPN', 'NUM']);

/** Noun phrases with at least two content modifiers before their head noun: "Europe's largest port". */
function descriptions(tokens: TokenSequence, from: number, to: number): Description[] {
  const found: Description[] = [];
  const isPossessive = (t: Token): boolean => t.text === '\u2019s' || t.text === "'s";
  for (let k = from; k < to; k++) {
    const head = tokens.token(k);
    if (!head || head.pos !== 'NOUN' || tokens.token(k + 1)?.pos === 'NOUN') continue;
    const modifiers: string[] = [];
    let describes = false;
    for (let j = k - 1; j >= from; j--) {
      const t = tokens.token(j);
      if (!t || !(MODIFIER_POS.has(t.pos) || isPossessive(t))) break;
      if (!isPossessive(t)) modifiers.unshift(stem(t.lemma));
      if ((t.pos !== 'PROPN' || !/^\p{Lu}/u.test(t.text)) && !isPossessive(t)) describes = true;
    }
    // Names alone before a noun ("the Real Madrid squad", "12 Cranholm-Selsby Quay sailings") say whose or which
    // thing, not which of its kind: a description singles one out by a rank or extent ("Europe's largest port").
    if (modifiers.length >= MIN_MODIFIERS && describes) found.push({ modifiers: modifiers.join(' '), head });
  }
  return found;
}

export function checkDescriptions(ctx: ClaimContext): BlockFinding[] {
  const claimDescriptions = descriptions(sequenceOf(ctx.block.tokens), ctx.claim.firstToken, ctx.claim.endToken);
  for (const d of claimDescriptions) {
    // The noun is what may differ: align on the rest of the claim.
    const top = ctx.corpus.align(ctx.claim.stems, new Set([stem(d.head.lemma)]))[0];
    if (!top || top.score < ENTITY_MIN_ALIGNMENT) continue;
    const s = top.sentence.fact.sentence;
    const same = descriptions(top.sentence.extraction.source.tokens, s.firstToken, s.endToken).filter((e) => e.modifiers === d.modifiers);
    if (same.length === 0 || same.some((e) => stem(e.head.lemma) === stem(d.head.lemma))) continue;
    const other = same[0].head;
    return [replacementFinding('conflict/entity', d.head, `Memo says ${d.head.text}; source says ${other.text} (same description)`, top.sentence, other.text, other)];
  }
  return [];
}
