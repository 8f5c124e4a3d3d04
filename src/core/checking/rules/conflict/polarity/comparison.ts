/**
 * conflict/polarity (comparisons): the two sides of "A, more than B" reversed:
 * "climate, more than conflict, is the main driver" where the source has
 * "conflict is the main driver, more than climate".
 */
import { SPEECH_VERBS } from '../../../../language/words';
import type { Token } from '../../../../language/nlp';
import { sequenceOf, tokensIn, type TokenSequence } from '../../../../language/tokenTable';
import { stem } from '../../../../language/stems';
import { POLARITY_MIN_ALIGNMENT } from '../../../thresholds';
import { cite, evidenceOf, type BlockFinding, type ClaimContext } from '../../shared';

interface Comparison {
  readonly preferred: string;
  readonly other: string;
  readonly at: Token;
}

const COMPARATIVES = new Set(['more', 'rather']);
const isNoun = (t: Token | undefined): boolean => t !== undefined && (t.pos === 'NOUN' || t.pos === 'PROPN');

/** "A … more than B": B is the noun after "than"; A the first noun of the clause (after a verb of saying). Quantities ("more than 170") are not comparisons of things. */
function comparisons(sequence: TokenSequence, begin: number, stop: number): Comparison[] {
  const found: Comparison[] = [];
  // The clause's tokens, indexed from 0: read back and forth below.
  const tokens = tokensIn(sequence, begin, stop);
  const from = 0;
  const to = tokens.length;
  for (let k = from + 1; k + 1 < to; k++) {
    if (tokens[k].text.toLowerCase() !== 'than' || !COMPARATIVES.has(tokens[k - 1].text.toLowerCase())) continue;
    let j = k + 1;
    while (j < to && (tokens[j].pos === 'DET' || tokens[j].pos === 'ADJ')) j++;
    if (!isNoun(tokens[j])) continue;
    let start = from;
    for (let s = k - 2; s >= from; s--) {
      if ((tokens[s].pos === 'VERB' && SPEECH_VERBS.has(tokens[s].lemma)) || tokens[s].text === ':') {
        start = s + 1;
        break;
      }
    }
    let first = start;
    while (first < k - 1 && !isNoun(tokens[first])) first++;
    if (first >= k - 1) continue;
    found.push({ preferred: stem(tokens[first].lemma), other: stem(tokens[j].lemma), at: tokens[first] });
  }
  return found;
}

export function checkComparisons(ctx: ClaimContext): BlockFinding[] {
  const top = ctx.alignments[0];
  if (!top || top.score < POLARITY_MIN_ALIGNMENT) return [];
  const claimed = comparisons(sequenceOf(ctx.block.tokens), ctx.claim.firstToken, ctx.claim.endToken);
  if (claimed.length === 0) return [];
  const s = top.sentence.fact.sentence;
  const inSource = comparisons(top.sentence.extraction.source.tokens, s.firstToken, s.endToken);
  for (const c of claimed) {
    if (!inSource.some((d) => d.preferred === c.other && d.other === c.preferred)) continue;
    return [{
      code: 'conflict/polarity',
      message: `Memo puts ${c.at.text} before the other; the source says the reverse (${cite(top.sentence)})`,
      span: { start: c.at.start, end: c.at.end },
      evidence: evidenceOf(top.sentence),
    }];
  }
  return [];
}
