/** conflict/entity: a person, organisation or nationality other than the one the source names for the same statement. */
import { placeKind, type Mention } from '../../../../language/entities';
import { mentionKeys } from '../../../../language/stems';
import { ENTITY_MIN_ALIGNMENT } from '../../../thresholds';
import { nameFormOf, placeRole, replacementAgreed, replacementFinding, slotReplacement, swapCandidate, type BlockFinding, type ClaimContext } from '../../shared';
import type { Alignment } from '../../../corpus';
import { sequenceOf, type TokenSequence } from '../../../../language/tokenTable';
import { tableRowOf } from '../../../../sources/source';



function claimKeys(ctx: ClaimContext): Set<string> {
  return new Set(ctx.claim.mentions.flatMap(mentionKeys));
}

/** The names of a sentence that could stand in the mention's place, in order. */
function replacements(ctx: ClaimContext, mention: Mention, top: Alignment, pick: (m: Mention) => boolean): Mention[] {
  const inClaim = claimKeys(ctx);
  // Not a thing whose own name words the claim uses ("urban heat" does not make "Urban Climate" the swapped name).
  return top.sentence.fact.mentions.filter((m) => pick(m) && !m.dateline && mentionKeys(m).every((k) => !inClaim.has(k) && !ctx.claim.stems.has(k)) && !sameThing(mention, m));
}

/** The claim's name is another form of the source's ("NGOC" of "Northern Grid Operating Company"): the same thing. */
function sameThing(mention: Mention, m: Mention): boolean {
  return m.canonical === mention.canonical || nameFormOf(mention.text, m.canonical) || nameFormOf(mention.canonical, m.canonical);
}

function replacement(ctx: ClaimContext, mention: Mention, top: Alignment, pick: (m: Mention) => boolean): Mention | undefined {
  return replacements(ctx, mention, top, pick)[0];
}

/** A person, an organisation, or a place standing as an actor ("Liverpool beat Arsenal"): what conflict/entity compares. */
function isActor(tokens: TokenSequence, m: Mention): boolean {
  if (m.demonym) return false;
  return m.type === 'person' || m.type === 'organization' || (m.type === 'place' && placeRole(tokens, m) === 'actor');
}

/**
 * A table row is evidence for its cells, not for who or what the row is: its header names one of parallel things
 * ("Chile", "Peru"), and a claim naming another (in the table or not) is about another row, which the number and
 * date rules read cell by cell. A name is never swapped for a row's header.
 */
function isTableRow(top: Alignment): boolean {
  return tableRowOf(top.sentence.extraction.source, top.sentence.fact.sentence.index) !== undefined;
}

/** The name-for-name finding of the swap reading (see swapCandidate), if it gives one. */
function swappedName(ctx: ClaimContext, mention: Mention): BlockFinding | undefined {
  const top = swapCandidate(ctx, mention, ENTITY_MIN_ALIGNMENT);
  if (!top || isTableRow(top)) return undefined;
  // Person and organisation readings of a name are often confused ("Al Jazeera"): either may stand in for the
  // other as the source's version, but only a name of the mention's own type is offered as its replacement.
  // Two places are one's stand-in for the other only when of one kind: a city for a city, not a city for its continent.
  const ofSameType = (a: Alignment): Mention[] => replacements(ctx, mention, a, (m) => m.type === mention.type && isActor(a.sentence.extraction.source.tokens, m) && (m.type !== 'place' || placeKind(m.canonical) === placeKind(mention.canonical)));
  const sameType = ofSameType(top)[0];
  // A city standing as an actor may be what the source names otherwise ("Liverpool" for a club and its players);
  // a country or region is not a person's stand-in ("Iraq's foreign minister" is not Fuad Hussein).
  const cityLike = (m: Mention): boolean => m.type !== 'place' || ['city', 'unknown'].includes(placeKind(m.canonical));
  const standsFor = (m: Mention): boolean => m.type !== 'place' && (cityLike(mention) || m.type === 'organization');
  const other = sameType ?? replacement(ctx, mention, top, (m) => isActor(top.sentence.extraction.source.tokens, m) && standsFor(m));
  if (!other) return undefined;
  const finding = replacementFinding('conflict/entity', mention, `Memo says ${mention.text}; source says ${other.canonical}`, top.sentence, other.canonical);
  // A name whose type is a guess, on either side, may be of another kind altogether (a city taken for an organisation).
  const fixable = sameType && !mention.guessed && !sameType.guessed && replacementAgreed(ctx, mention, top, sameType, ofSameType);
  return fixable ? finding : { ...finding, fix: undefined };
}

/** The name another aligned sentence has in the mention's slot (see slotReplacement), if it gives one. */
function nameInSlot(ctx: ClaimContext, mention: Mention): BlockFinding | undefined {
  const slot = slotReplacement(ctx, mention, ENTITY_MIN_ALIGNMENT, (m) => !m.demonym && !sameThing(mention, m) && (m.type === mention.type || (m.type !== 'place' && mention.type !== 'place')));
  if (!slot) return undefined;
  const finding = replacementFinding('conflict/entity', mention, `Memo says ${mention.text}; source says ${slot.other.canonical}`, slot.top.sentence, slot.other.canonical);
  return slot.other.type === mention.type && !mention.guessed && !slot.other.guessed ? finding : { ...finding, fix: undefined };
}

export function checkEntities(ctx: ClaimContext): BlockFinding[] {
  const findings: BlockFinding[] = [];
  const claimTokens = sequenceOf(ctx.block.tokens);
  for (const mention of ctx.claim.mentions) {
    if (!isActor(claimTokens, mention)) continue;
    const finding = swappedName(ctx, mention) ?? nameInSlot(ctx, mention);
    if (finding) findings.push(finding);
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
    const nationalitiesIn = (a: Alignment): Mention[] =>
      replacements(ctx, mention, a, (m) => Boolean(m.demonym) && head !== undefined && headOf(a.sentence.extraction.source.tokens, m) === head);
    const other = nationalitiesIn(top)[0];
    if (!other) continue;
    const finding = replacementFinding('conflict/entity', mention, `Memo says ${mention.text} ${head}; source says ${other.text} ${head}`, top.sentence, other.text, other);
    findings.push(replacementAgreed(ctx, mention, top, other, nationalitiesIn) ? finding : { ...finding, fix: undefined });
  }
  return findings;
}
