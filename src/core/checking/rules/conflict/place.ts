/** conflict/place: where something happened, other than where the source says. */
import { DiagnosticCode } from '../../codes';
import type { Rule } from '../rule';
import type { Mention } from '../../../language/entities';
import { sequenceOf, type TokenSequence } from '../../../language/tokenTable';
import { PLACE_MIN_ALIGNMENT } from '../../thresholds';
import { placeRole, replacementAgreed, replacementFinding, slotReplacement, swapCandidate, type BlockFinding, type ClaimContext } from '../shared';
import { mentionKeys } from '../../../language/stems';
import type { Alignment } from '../../corpus';

function prepositionClass(tokens: TokenSequence, mention: Mention): 'locative' | 'origin' | undefined {
  const role = placeRole(tokens, mention);
  return role === 'actor' ? undefined : role;
}

export function checkPlaces(ctx: ClaimContext): BlockFinding[] {
  const findings: BlockFinding[] = [];
  const inClaim = new Set(ctx.claim.mentions.flatMap(mentionKeys));
  for (const mention of ctx.claim.mentions) {
    if (mention.type !== 'place' || mention.demonym) continue;
    const role = prepositionClass(sequenceOf(ctx.block.tokens), mention);
    if (!role) continue;
    const top = swapCandidate(ctx, mention, PLACE_MIN_ALIGNMENT);
    if (!top) {
      const slot = slotReplacement(ctx, mention, PLACE_MIN_ALIGNMENT, (m) => m.type === 'place' && !m.demonym);
      if (slot) findings.push(replacementFinding('conflict/place', mention, `Memo says ${mention.text}; source says ${slot.other.text}`, slot.top.sentence, slot.other.text, slot.other));
      continue;
    }
    const placesIn = (a: Alignment): Mention[] => a.sentence.fact.mentions.filter((m) => m.type === 'place' && !m.demonym && !m.dateline && prepositionClass(a.sentence.extraction.source.tokens, m) === role
      && mentionKeys(m).every((k) => !inClaim.has(k)) && !m.canonical.toLowerCase().includes(mention.canonical.toLowerCase()) && !mention.canonical.toLowerCase().includes(m.canonical.toLowerCase()));
    const other = placesIn(top)[0];
    if (!other) continue;
    const finding = replacementFinding('conflict/place', mention, `Memo says ${mention.text}; source says ${other.text}`, top.sentence, other.text, other);
    findings.push(replacementAgreed(ctx, mention, top, other, placesIn) ? finding : { ...finding, fix: undefined });
  }
  return findings;
}

export const placeRule: Rule = {
  code: DiagnosticCode.ConflictPlace,
  description: 'Another place than the source gives for where something happened',
  fixable: true,
  defaultSeverity: 'warning',
  scope: 'claims',
  defersToQuotes: true,
  check: (ctx) => ctx.claims.flatMap(checkPlaces),
};
