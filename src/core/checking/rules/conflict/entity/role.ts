/**
 * conflict/entity (roles): two named things of a source sentence with their roles
 * swapped: "a commander of A … a member of B" where the source has a member of A
 * and a commander of B.
 */
import type { Mention } from '../../../../language/entities';
import { sequenceOf, type TokenSequence } from '../../../../language/tokenTable';
import { mentionKeys } from '../../../../language/stems';
import { ENTITY_MIN_ALIGNMENT } from '../../../thresholds';
import { cite, evidenceOf, type BlockFinding, type ClaimContext } from '../../shared';

interface Role {
  /** The role noun, as a lemma ("commander"). */
  readonly noun: string;
  readonly mention: Mention;
}

/** "commander of X", "X commander", "X's commander": role nouns bound to a named thing, in tokens[from, to). */
function rolesIn(tokens: TokenSequence, mentions: readonly Mention[], from: number, to: number): Role[] {
  const roles: Role[] = [];
  for (const m of mentions) {
    if (m.demonym || m.firstToken < from || m.endToken > to) continue;
    // "<noun> of (the) X"
    let k = m.firstToken - 1;
    if (tokens.token(k)?.text.toLowerCase() === 'the') k--;
    const ofNoun = tokens.token(k - 1);
    if (tokens.token(k)?.text.toLowerCase() === 'of' && ofNoun?.pos === 'NOUN') roles.push({ noun: ofNoun.lemma, mention: m });
    // "X <noun>" and "X's <noun>"
    let after = m.endToken;
    const next = tokens.token(after)?.text;
    if (next === '\u2019s' || next === "'s") after++;
    const noun = tokens.token(after);
    if (noun?.pos === 'NOUN' && /^[a-z]/.test(noun.text)) roles.push({ noun: noun.lemma, mention: m });
  }
  return roles;
}

function same(a: Mention, b: Mention): boolean {
  const keys = new Set(mentionKeys(a));
  return mentionKeys(b).some((k) => keys.has(k));
}

export function checkRoles(ctx: ClaimContext): BlockFinding[] {
  const top = ctx.alignments[0];
  if (!top || top.score < ENTITY_MIN_ALIGNMENT) return [];
  const claimRoles = rolesIn(sequenceOf(ctx.block.tokens), ctx.claim.mentions, ctx.claim.firstToken, ctx.claim.endToken);
  if (claimRoles.length < 2) return [];
  const s = top.sentence.fact.sentence;
  const sourceRoles = rolesIn(top.sentence.extraction.source.tokens, top.sentence.fact.mentions, s.firstToken, s.endToken);
  for (const role of claimRoles) {
    const inSource = sourceRoles.filter((r) => r.noun === role.noun);
    if (inSource.length === 0 || inSource.some((r) => same(r.mention, role.mention))) continue;
    // A swap: the source gives this role to another thing that the claim also names, and names the claim's thing too.
    const other = inSource.find((r) => ctx.claim.mentions.some((m) => same(m, r.mention)));
    const claimThingInSource = top.sentence.fact.mentions.some((m) => same(m, role.mention));
    if (!other || !claimThingInSource) continue;
    return [{
      code: 'conflict/entity',
      message: `Memo makes ${role.mention.text} the ${role.noun}'s; source says the ${role.noun} is of ${other.mention.text} (${cite(top.sentence)})`,
      span: { start: role.mention.start, end: role.mention.end },
      evidence: evidenceOf(top.sentence),
    }];
  }
  return [];
}
