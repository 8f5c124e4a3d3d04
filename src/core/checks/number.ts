/** conflict/number: a quantity that counts the same thing as the source, with another value. */
import { stemsAround } from '../claims';
import { stem } from '../stems';
import { quantitiesAgree, type NumberValue } from '../values';
import { NUMBER_MIN_ALIGNMENT } from './thresholds';
import { replacementFinding, type BlockFinding, type ClaimContext } from './types';

function sameUnit(a: NumberValue, b: NumberValue): boolean {
  return a.unit !== undefined && b.unit !== undefined && stem(a.unit) === stem(b.unit);
}

export function checkNumbers(ctx: ClaimContext): BlockFinding[] {
  const findings: BlockFinding[] = [];
  for (const n of ctx.claim.numbers) {
    if (!n.unit) continue;
    let conflict: { sentence: ClaimContext['alignments'][number]['sentence']; value: NumberValue } | undefined;
    let supported = false;
    const alignments = ctx.claim.clauses.length ? ctx.corpus.align(stemsAround(ctx.claim, n)).slice(0, ctx.alignments.length) : ctx.alignments;
    for (const a of alignments) {
      if (a.score < NUMBER_MIN_ALIGNMENT) break;
      const candidates = a.sentence.fact.numbers.filter((m) => sameUnit(n, m));
      if (candidates.length === 0) continue;
      if (candidates.some((m) => quantitiesAgree(n, m))) {
        supported = true;
        break;
      }
      conflict ??= { sentence: a.sentence, value: candidates[0] };
    }
    if (supported || !conflict) continue;
    const sourcePhrase = unitPhrase(conflict.sentence.extraction.source.text, conflict.value, conflict.sentence.fact.sentence.end);
    const claimPhrase = unitPhrase(ctx.block.prose, n, ctx.claim.end);
    findings.push(replacementFinding('conflict/number', n, `Memo says ${claimPhrase}; source says ${sourcePhrase}`, conflict.sentence, conflict.value.text));
  }
  return findings;
}

/** "2500 American troops": the number up to the noun it counts. */
function unitPhrase(text: string, value: NumberValue, limit: number): string {
  const after = text.slice(value.end, limit);
  const words = after.split(/(\s+)/);
  let phrase = value.text;
  for (let i = 0, count = 0; i < words.length && count < 4; i++) {
    phrase += words[i];
    if (!/\s/.test(words[i]) && words[i]) count++;
    if (value.unit && stem(words[i].replace(/\W+$/, '')) === stem(value.unit)) return phrase.replace(/[,;.]$/, '').trim();
  }
  return value.text;
}
