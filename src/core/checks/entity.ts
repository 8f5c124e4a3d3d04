/** conflict/entity: a person, organisation or nationality other than the one the source names for the same statement. */
import type { Mention } from '../entities';
import { mentionKeys } from '../stems';
import { ENTITY_MIN_ALIGNMENT, ENTITY_SUPPORT_RATIO, FIX_RIVAL_RATIO } from './thresholds';
import { containsWord, mentionsAny, replacementFinding, type BlockFinding, type ClaimContext } from './types';
import type { Alignment } from '../corpus';
import { sequenceOf, type TokenSequence } from '../tokenTable';

/**
 * The best-aligned sentence once the claim's mention is left out, when it does
 * not name that mention and no sentence naming it aligns nearly as well.
 */
export function swapCandidate(ctx: ClaimContext, mention: Mention, minAlignment: number): Alignment | undefined {
  const keys = mentionKeys(mention);
  if (keys.length === 0) return undefined;
  // The claim's best match names this entity: nothing was swapped (and no second ranking is needed).
  const best = ctx.alignments[0];
  if (best && mentionsAny(best.sentence, keys)) return undefined;
  const ranked = ctx.corpus.align(ctx.claim.stems, new Set(keys));
  const top = ranked[0];
  if (!top || top.score < minAlignment) return undefined;
  // The words that tell this thing apart ("Aarhus", not "University"), looked for in any part of speech.
  const words = keys.map((k) => k.replace(/^place:/, '')).filter((w) => !/\s/.test(w));
  if (mentionsAny(top.sentence, keys) || containsWord(top.sentence, words)) return undefined;
  const naming = ranked.find((a) => mentionsAny(a.sentence, keys) || containsWord(a.sentence, words));
  if (naming && naming.score >= top.score * ENTITY_SUPPORT_RATIO) return undefined;
  return top;
}

/**
 * True when the name a fix would put in is the one the sources give: every other sentence aligned nearly as well as
 * `top` (and not naming the mention) that has names for the slot has this one among them. Two statements alike but
 * for their names ("Berg said 2,500 ships…", "Vos said twelve ships…") leave it open which the memo meant.
 */
export function replacementAgreed(ctx: ClaimContext, mention: Mention, top: Alignment, chosen: Mention, candidatesIn: (a: Alignment) => readonly Mention[]): boolean {
  const keys = mentionKeys(mention);
  return ctx.corpus.align(ctx.claim.stems, new Set(keys)).every((a) => {
    if (a.sentence.id === top.sentence.id || a.score < top.score * FIX_RIVAL_RATIO || mentionsAny(a.sentence, keys)) return true;
    const names = candidatesIn(a);
    return names.length === 0 || names.some((m) => m.canonical === chosen.canonical);
  });
}

function claimKeys(ctx: ClaimContext): Set<string> {
  return new Set(ctx.claim.mentions.flatMap(mentionKeys));
}

/** The names of a sentence that could stand in the mention's place, in order. */
function replacements(ctx: ClaimContext, mention: Mention, top: Alignment, pick: (m: Mention) => boolean): Mention[] {
  const inClaim = claimKeys(ctx);
  // Not a thing whose own name words the claim uses ("urban heat" does not make "Urban Climate" the swapped name).
  return top.sentence.fact.mentions.filter((m) => pick(m) && mentionKeys(m).every((k) => !inClaim.has(k) && !ctx.claim.stems.has(k)) && m.canonical !== mention.canonical);
}

function replacement(ctx: ClaimContext, mention: Mention, top: Alignment, pick: (m: Mention) => boolean): Mention | undefined {
  return replacements(ctx, mention, top, pick)[0];
}

export function checkEntities(ctx: ClaimContext): BlockFinding[] {
  const findings: BlockFinding[] = [];
  for (const mention of ctx.claim.mentions) {
    if (mention.demonym || (mention.type !== 'person' && mention.type !== 'organization')) continue;
    const top = swapCandidate(ctx, mention, ENTITY_MIN_ALIGNMENT);
    if (!top) continue;
    // Person and organisation readings of a name are often confused ("Al Jazeera"): either may stand in for the
    // other as the source's version, but only a name of the mention's own type is offered as its replacement.
    const ofSameType = (a: Alignment): Mention[] => replacements(ctx, mention, a, (m) => m.type === mention.type && !m.demonym);
    const sameType = ofSameType(top)[0];
    const other = sameType ?? replacement(ctx, mention, top, (m) => (m.type === 'person' || m.type === 'organization') && !m.demonym);
    if (!other) continue;
    const finding = replacementFinding('conflict/entity', mention, `Memo says ${mention.text}; source says ${other.canonical}`, top.sentence, other.canonical);
    // A name whose type is a guess, on either side, may be of another kind altogether (a city taken for an organisation).
    const fixable = sameType && !mention.guessed && !sameType.guessed && replacementAgreed(ctx, mention, top, sameType, ofSameType);
    findings.push(fixable ? finding : { ...finding, fix: undefined });
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
