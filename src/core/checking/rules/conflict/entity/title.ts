/** conflict/entity (offices): a person given an office the source never gives them ("Prime Minister" for its "President"). */
import type { Mention } from '../../../../language/entities';
import { OFFICES } from '../../../../language/words';
import { ENTITY_MIN_ALIGNMENT } from '../../../thresholds';
import { cite, evidenceOf, samePerson, type BlockFinding, type ClaimContext } from '../../shared';

function office(title: string | undefined): string | undefined {
  const last = title?.toLowerCase().split(/\s+/).pop();
  return last && OFFICES.has(last) ? title?.toLowerCase() : undefined;
}

/** "minister" fits "prime minister"; "prime minister" does not fit "president". */
function fits(a: string, b: string): boolean {
  return a === b || a.endsWith(` ${b}`) || b.endsWith(` ${a}`);
}

export function checkTitles(ctx: ClaimContext): BlockFinding[] {
  const top = ctx.alignments[0];
  if (!top || top.score < ENTITY_MIN_ALIGNMENT) return [];
  for (const m of ctx.claim.mentions) {
    const claimed = m.type === 'person' ? office(m.title) : undefined;
    if (!claimed) continue;
    // Every office the sources give this person, with where they say it.
    const given: { title: string; mention: Mention; x: typeof top.sentence.extraction }[] = [];
    for (const x of ctx.corpus.extractions) {
      for (const s of x.mentions) {
        const t = s.type === 'person' ? office(s.title) : undefined;
        if (t && samePerson(s.canonical, m.canonical)) given.push({ title: t, mention: s, x });
      }
    }
    if (given.length === 0 || given.some((g) => fits(g.title, claimed))) continue;
    const first = given[0];
    const sentence = ctx.corpus.sentenceAt(first.x, first.mention.start) ?? top.sentence;
    return [{
      code: 'conflict/entity',
      message: `Memo calls ${m.canonical} ${claimed}; the source calls them ${first.title} (${cite(sentence)})`,
      span: { start: m.start, end: m.end },
      evidence: evidenceOf(sentence),
    }];
  }
  return [];
}
