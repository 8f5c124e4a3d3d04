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

/** The place-for-place finding of the swap reading (see swapCandidate), if it gives one. */
function swappedPlace(ctx: ClaimContext, mention: Mention, role: 'locative' | 'origin', inClaim: ReadonlySet<string>): BlockFinding | undefined {
  const top = swapCandidate(ctx, mention, PLACE_MIN_ALIGNMENT);
  if (!top) return undefined;
  const placesIn = (a: Alignment): Mention[] => a.sentence.fact.mentions.filter((m) => m.type === 'place' && !m.demonym && !m.dateline && prepositionClass(a.sentence.extraction.source.tokens, m) === role
    && mentionKeys(m).every((k) => !inClaim.has(k)) && !m.canonical.toLowerCase().includes(mention.canonical.toLowerCase()) && !mention.canonical.toLowerCase().includes(m.canonical.toLowerCase()));
  const other = placesIn(top)[0];
  if (!other) return undefined;
  const finding = replacementFinding('conflict/place', mention, `Memo says ${mention.text}; source says ${other.text}`, top.sentence, other.text, other);
  return replacementAgreed(ctx, mention, top, other, placesIn) ? finding : { ...finding, fix: undefined };
}

/** The place another aligned sentence has in the mention's slot (see slotReplacement), if it gives one. */
function placeInSlot(ctx: ClaimContext, mention: Mention): BlockFinding | undefined {
  const slot = slotReplacement(ctx, mention, PLACE_MIN_ALIGNMENT, (m) => m.type === 'place' && !m.demonym);
  return slot && replacementFinding('conflict/place', mention, `Memo says ${mention.text}; source says ${slot.other.text}`, slot.top.sentence, slot.other.text, slot.other);
}

export function checkPlaces(ctx: ClaimContext): BlockFinding[] {
  const findings: BlockFinding[] = [];
  const inClaim = new Set(ctx.claim.mentions.flatMap(mentionKeys));
  for (const mention of ctx.claim.mentions) {
    if (mention.type !== 'place' || mention.demonym) continue;
    const role = prepositionClass(sequenceOf(ctx.block.tokens), mention);
    if (!role) continue;
    const finding = swappedPlace(ctx, mention, role, inClaim) ?? placeInSlot(ctx, mention);
    if (finding) findings.push(finding);
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
