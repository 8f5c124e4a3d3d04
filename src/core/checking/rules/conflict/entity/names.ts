/** conflict/entity: a person, organisation or nationality other than the one the source names for the same statement. */
import type { Mention } from '../../../../language/entities';
import { mentionKeys } from '../../../../language/stems';
import { ENTITY_MIN_ALIGNMENT } from '../../../thresholds';
import { replacementFinding, swapCandidate, type BlockFinding, type ClaimContext } from '../../shared';
import type { Alignment } from '../../../corpus';
import { sequenceOf, type TokenSequence } from '../../../../language/tokenTable';


function claimKeys(ctx: ClaimContext): Set<string> {
  return new Set(ctx.claim.mentions.flatMap(mentionKeys));
}

function replacement(ctx: ClaimContext, mention: Mention, top: Alignment, pick: (m: Mention) => boolean): Mention | undefined {
  const inClaim = claimKeys(ctx);
  // Not a thing whose own name words the claim uses ("urban heat" does not make "Urban Climate" the swapped name).
  return top.sentence.fact.mentions.find((m) => pick(m) && mentionKeys(m).every((k) => !inClaim.has(k) && !ctx.claim.stems.has(k)) && m.canonical !== mention.canonical);
}

export function checkEntities(ctx: ClaimContext): BlockFinding[] {
  const findings: BlockFinding[] = [];
  for (const mention of ctx.claim.mentions) {
    if (mention.demonym || (mention.type !== 'person' && mention.type !== 'organization')) continue;
    const top = swapCandidate(ctx, mention, ENTITY_MIN_ALIGNMENT);
    if (!top) continue;
    // Person and organisation readings of a name are often confused ("Al Jazeera"); either may stand in for the other.
    const other = replacement(ctx, mention, top, (m) => (m.type === 'person' || m.type === 'organization') && !m.demonym);
    if (!other) continue;
    findings.push(replacementFinding('conflict/entity', mention, `Memo says ${mention.text}; source says ${other.canonical}`, top.sentence, other.canonical));
  }
  return findings;
}

/** How many tokens after a demonym the noun it modifies is looked for. */
const HEAD_LOOKAHEAD = 3;

/** The word a demonym modifies ("Dutch nationality" -> nationality), as a lemma. */
function headOf(tokens: TokenSequence, mention: Mention): string | undefined {
  for (let k = mention.endToken; k < Math.min(tokens.length, mention.endToken + HEAD_LOOKAHEAD); k++) {
    const t = tokens.token(k);
    if (t && (t.pos === 'NOUN' || t.pos === 'PROPN')) return t.lemma;
  }
  return undefined;
}

/** A nationality other than the source's for the same person or thing ("French nationality" vs "Dutch nationality"). */
export function checkNationalities(ctx: ClaimContext): BlockFinding[] {
  const findings: BlockFinding[] = [];
  for (const mention of ctx.claim.mentions) {
    if (!mention.demonym) continue;
    const top = swapCandidate(ctx, mention, ENTITY_MIN_ALIGNMENT);
    if (!top) continue;
    const head = headOf(sequenceOf(ctx.block.tokens), mention);
    const sourceTokens = top.sentence.extraction.source.tokens;
    const other = replacement(ctx, mention, top, (m) => Boolean(m.demonym) && head !== undefined && headOf(sourceTokens, m) === head);
    if (!other) continue;
    findings.push(replacementFinding('conflict/entity', mention, `Memo says ${mention.text} ${head}; source says ${other.text} ${head}`, top.sentence, other.text));
  }
  return findings;
}
